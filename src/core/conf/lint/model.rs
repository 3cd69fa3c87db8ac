//! What lint produces and how it is asked: a diagnostic, the options,
//! and the linter every family of checks adds to.

use crate::core::conf::directive::Directive;
use crate::core::conf::document::{DirectiveLine, Document};
use crate::core::conf::guard::{Distrust, PathClass};
use crate::core::conf::version::ChronyVersion;

use super::rules::{Rule, Severity};

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// One finding. `line` is 1-based; `None` for the file as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub line: Option<usize>,
    /// Named arguments for the message text.
    pub args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    /// A finding of `rule` at a 1-based line.
    pub fn new(rule: Rule, line: Option<usize>, args: Vec<(&'static str, String)>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity(),
            line,
            args,
        }
    }

    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The Fluent message id of this diagnostic's text.
    pub fn message_id(&self) -> String {
        format!("lint-{}", self.rule)
    }
}

/// What lint needs besides the document.
pub struct LintOptions<'a> {
    /// The chronyd version whose language and checks apply.
    pub version: ChronyVersion,
    /// Tells whether a path exists on the machine chronyd runs on, for the
    /// start-up checks that depend on it (`include`, `pidfile`'s directory,
    /// refclock devices, hardware-timestamping interfaces). `None` skips
    /// them.
    pub path_exists: Option<&'a dyn Fn(&str) -> bool>,
    /// Tells whether a host name resolves on the machine chronyd runs on
    /// (`allow HOST`: chronyd refuses the file when it does not). `None`
    /// skips the check.
    pub resolves: Option<&'a dyn Fn(&str) -> bool>,
    /// Reads a file chronyd would read (certificates and keys), with its
    /// permissions, on the machine chronyd runs on. `None` skips the checks
    /// of what files hold.
    pub read: Option<&'a ReadFile>,
    /// Unix seconds, for certificate validity. `None` skips those checks.
    pub now: Option<i64>,
    /// Judges a path a directive names by the trust rule (as root would
    /// on the machine chronyd runs on). `None` skips the check.
    pub trust: Option<&'a TrustPath<'a>>,
}

/// Judges a path by the trust rule (see [`LintOptions::trust`]): `None`
/// when it may be used.
pub type TrustPath<'a> = dyn Fn(&str, PathClass) -> Option<Distrust> + 'a;

/// Reads a file for lint (see [`LintOptions::read`]).
pub type ReadFile = dyn Fn(&str) -> Option<FileFacts>;

/// A file as lint sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub bytes: Vec<u8>,
    /// Permission bits.
    pub mode: u32,
}

impl Default for LintOptions<'_> {
    fn default() -> Self {
        LintOptions {
            version: ChronyVersion::LATEST,
            path_exists: None,
            resolves: None,
            read: None,
            now: None,
            trust: None,
        }
    }
}

/// chrony's line buffer: a line of this many bytes or more is refused.
pub(super) const MAX_LINE_LENGTH: usize = 2048;

pub(super) type Args = Vec<(&'static str, String)>;

pub(super) struct Linter<'a> {
    pub(super) doc: &'a Document,
    pub(super) opts: &'a LintOptions<'a>,
    /// A file another one includes: only what chronyd refuses line by line
    /// applies, as the rest depends on the whole configuration.
    pub(super) fragment: bool,
    pub(super) out: Vec<Diagnostic>,
}

impl<'a> Linter<'a> {
    pub(super) fn push(
        &mut self,
        rule: Rule,
        index: Option<usize>,
        args: Vec<(&'static str, String)>,
    ) {
        self.out
            .push(Diagnostic::new(rule, index.map(|i| i + 1), args));
    }

    pub(super) fn add(&mut self, (rule, index, args): (Rule, usize, Args)) {
        self.push(rule, Some(index), args);
    }

    pub(super) fn add_at(&mut self, (rule, index, args): (Rule, Option<usize>, Args)) {
        self.push(rule, index, args);
    }

    pub(super) fn directives(&self) -> impl Iterator<Item = (usize, &'a Directive)> + use<'a> {
        self.doc.directives()
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.directives().any(|(_, d)| d.name() == name)
    }

    /// Whether the file has a `name` line, read or refused: a directive
    /// written but broken is there, only wrong (its error says so), so
    /// "the file has no NAME, add one" would contradict that error. The
    /// name is what precedes a character chrony does not split at
    /// (`makestep　1 3` with an ideographic space is a makestep line).
    pub(super) fn written(&self, name: &str) -> bool {
        self.doc
            .directive_lines()
            .any(|(_, d)| meant_name(d).eq_ignore_ascii_case(name))
    }

    /// Whether a `name` line is there that chronyd refuses.
    pub(super) fn refused(&self, name: &str) -> bool {
        self.doc
            .directive_lines()
            .any(|(_, d)| d.parsed.is_err() && meant_name(d).eq_ignore_ascii_case(name))
    }

    pub(super) fn first(&self, name: &str) -> Option<usize> {
        self.directives()
            .find(|(_, d)| d.name() == name)
            .map(|(i, _)| i)
    }

    /// The argument text of the directive on line `index` (0-based).
    pub(super) fn raw_args(&self, index: usize) -> String {
        self.doc
            .lines()
            .get(index)
            .and_then(|l| l.directive())
            .map(|d| d.args.clone())
            .unwrap_or_default()
    }

    /// Whether the file pulls in others whose content lint cannot see.
    pub(super) fn reads_other_files(&self) -> bool {
        self.has("include") || self.has("confdir")
    }
}

/// The directive a line means: its name up to a character chrony does not
/// split at (`makestep　1 3`, with an ideographic space, means makestep).
fn meant_name(d: &DirectiveLine) -> String {
    // The first word around the character: before it (`server　`), or
    // after it when it leads the line (a byte order mark before `server`).
    match super::chars::first_odd(&d.name) {
        Some((c, _, _)) => d
            .name
            .split(c)
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_string(),
        None => d.name.clone(),
    }
}

/// An integer outside the range the release takes.
pub(super) fn range_diag(
    i: usize,
    directive: &str,
    option: &str,
    x: i64,
    lo: i64,
    hi: i64,
) -> (Rule, usize, Args) {
    (
        Rule::OutOfRange,
        i,
        vec![
            ("directive", directive.to_string()),
            ("option", option.to_string()),
            ("value", x.to_string()),
            ("min", lo.to_string()),
            ("max", hi.to_string()),
        ],
    )
}
