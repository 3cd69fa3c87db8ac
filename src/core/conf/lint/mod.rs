//! Lint: what chronyd would refuse (errors), what silently does not do what
//! a lab admin meant (warnings) and what could be better (hints).
//!
//! Errors are exactly the refusals of the chronyd version linted for: the
//! reading of the file (`conf.c`) and the start-up checks after it ("Bad
//! subnet", noclientlog with rate limiting, rtcfile with rtcsync, uneven NTS
//! certificates and keys, refclock drivers). Diagnostics carry a rule id and
//! arguments; the text comes from the Fluent catalogue (`lint-<rule>`).

mod releases;
pub mod rules;

pub use rules::{Rule, Severity};

use std::collections::HashMap;

use super::access::{AccessScope, AccessTarget};
use super::directive::{
    BindKind, BindTarget, Directive, OptValue, ParseError, REFCLOCK_OPTIONS, SourceKind,
};
use super::document::{Document, LineEnding, LineKind};
use super::scan::{Words, is_comment_start};
use super::version::ChronyVersion;

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
}

impl Default for LintOptions<'_> {
    fn default() -> Self {
        LintOptions {
            version: ChronyVersion::LATEST,
            path_exists: None,
            resolves: None,
        }
    }
}

/// chrony's line buffer: a line of this many bytes or more is refused.
const MAX_LINE_LENGTH: usize = 2048;

type Args = Vec<(&'static str, String)>;

struct Linter<'a> {
    doc: &'a Document,
    opts: &'a LintOptions<'a>,
    /// A file another one includes: only what chronyd refuses line by line
    /// applies, as the rest depends on the whole configuration.
    fragment: bool,
    out: Vec<Diagnostic>,
}

impl<'a> Linter<'a> {
    fn push(&mut self, rule: Rule, index: Option<usize>, args: Vec<(&'static str, String)>) {
        self.out
            .push(Diagnostic::new(rule, index.map(|i| i + 1), args));
    }

    fn add(&mut self, (rule, index, args): (Rule, usize, Args)) {
        self.push(rule, Some(index), args);
    }

    fn add_at(&mut self, (rule, index, args): (Rule, Option<usize>, Args)) {
        self.push(rule, index, args);
    }

    fn directives(&self) -> impl Iterator<Item = (usize, &'a Directive)> + use<'a> {
        self.doc.directives()
    }

    fn has(&self, name: &str) -> bool {
        self.directives().any(|(_, d)| d.name() == name)
    }

    fn first(&self, name: &str) -> Option<usize> {
        self.directives()
            .find(|(_, d)| d.name() == name)
            .map(|(i, _)| i)
    }

    /// Whether the file pulls in others whose content lint cannot see.
    fn reads_other_files(&self) -> bool {
        self.has("include") || self.has("confdir")
    }
}

/// Lints one document.
pub fn lint(doc: &Document, opts: &LintOptions) -> Vec<Diagnostic> {
    run(doc, opts, false)
}

/// Lints a file that another one pulls in with `include` or `confdir`:
/// what chronyd refuses directive by directive (it reads the file in place
/// of the `include` line), without the checks that need the whole
/// configuration.
pub fn lint_fragment(doc: &Document, opts: &LintOptions) -> Vec<Diagnostic> {
    run(doc, opts, true)
}

fn run(doc: &Document, opts: &LintOptions, fragment: bool) -> Vec<Diagnostic> {
    let mut l = Linter {
        doc,
        opts,
        fragment,
        out: Vec::new(),
    };
    lines(&mut l);
    versions_and_ranges(&mut l);
    startup_checks(&mut l);
    if !fragment {
        lab_checks(&mut l);
    }
    l.out.sort_by_key(|d| (d.line.unwrap_or(0), d.severity));
    l.out
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Per-line reading errors, as chronyd reports them while reading the file.
fn lines(l: &mut Linter) {
    for (i, line) in l.doc.lines().iter().enumerate() {
        // fgets() sees the CR of a CRLF line and the LF.
        let ending = match line.ending() {
            LineEnding::Lf => 1,
            LineEnding::CrLf => 2,
            LineEnding::None => 0,
        };
        if line.content().len() + ending >= MAX_LINE_LENGTH {
            l.push(
                Rule::LineTooLong,
                Some(i),
                vec![("max", (MAX_LINE_LENGTH - 1).to_string())],
            );
            continue;
        }
        let LineKind::Directive(d) = line.kind() else {
            continue;
        };
        let Err(err) = &d.parsed else {
            continue;
        };
        let name = d.name.clone();
        // Before 4.2 chronyd accepts such a rule, just not as written.
        if l.opts.version < releases::STRICT_ACCESS
            && releases::is_access(&name)
            && releases::lenient_access_accepts(&d.args)
        {
            l.push(
                Rule::AccessLenient,
                Some(i),
                vec![
                    ("directive", name),
                    ("args", d.args.clone()),
                    ("version", l.opts.version.to_string()),
                ],
            );
            continue;
        }
        let comment = Words::new(&d.args)
            .collect_words()
            .into_iter()
            .find(|w| w.bytes().next().is_some_and(is_comment_start));
        if let (Some(c), false) = (comment, matches!(err, ParseError::UnknownDirective)) {
            l.push(
                Rule::TrailingComment,
                Some(i),
                vec![("directive", name), ("comment", c.to_string())],
            );
            continue;
        }
        let args = parse_error_args(&name, err, &d.args);
        l.push(err.rule(), Some(i), args);
    }
}

/// Message arguments for a directive chrony cannot read.
pub fn parse_error_args(
    directive: &str,
    err: &ParseError,
    raw_args: &str,
) -> Vec<(&'static str, String)> {
    let mut args = vec![("directive", directive.to_string())];
    match err {
        ParseError::MissingArguments { expected, found }
        | ParseError::TooManyArguments { expected, found } => {
            args.push(("expected", expected.to_string()));
            args.push(("found", found.to_string()));
        }
        ParseError::UnknownOption(o)
        | ParseError::BadOptionValue(o)
        | ParseError::BadRefclockOption(o) => args.push(("option", o.clone())),
        ParseError::BadAddress(v) | ParseError::BadLogParameter(v) => {
            args.push(("value", v.clone()))
        }
        ParseError::LocalStratum(s) => args.push(("value", s.to_string())),
        ParseError::UnknownDirective | ParseError::Invalid => {
            args.push(("args", raw_args.to_string()))
        }
    }
    args
}

/// Options a directive carries, for version and range checks.
fn options_of(d: &Directive) -> Vec<(&'static str, &'static super::directive::OptSpec, OptValue)> {
    match d {
        Directive::Source(s) => s
            .options
            .iter()
            .map(|o| (d.name(), o.spec, o.value.clone()))
            .collect(),
        Directive::Local(lo) => lo
            .options
            .iter()
            .map(|o| (d.name(), o.spec, o.value.clone()))
            .collect(),
        Directive::RateLimit(r) => r
            .options
            .iter()
            .map(|o| (d.name(), o.spec, o.value.clone()))
            .collect(),
        Directive::Other { spec, args } if spec.name == "refclock" => {
            let text = args.get(2..).unwrap_or_default().join(" ");
            let mut w = Words::new(&text);
            let mut out = Vec::new();
            while let Some(name) = w.next_word() {
                let Some(spec) = REFCLOCK_OPTIONS
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(name))
                else {
                    break;
                };
                let value = match spec.kind {
                    super::directive::ValueKind::Flag => Some(OptValue::Flag),
                    super::directive::ValueKind::Int => w.int().map(OptValue::Int),
                    super::directive::ValueKind::Float => w.float().map(OptValue::Float),
                    _ => w.next_word().map(|s| OptValue::Word(s.into())),
                };
                let Some(value) = value else { break };
                out.push(("refclock", spec, value));
            }
            out
        }
        _ => Vec::new(),
    }
}

/// What the version knows, and the integer checks of 4.7+ or the clamping
/// of older versions.
fn versions_and_ranges(l: &mut Linter) {
    let v = l.opts.version;
    let strict = v >= ChronyVersion::STRICT_INTEGERS;
    for (i, d) in l.directives() {
        if d.since() > v {
            l.add((
                Rule::UnsupportedDirective,
                i,
                vec![
                    ("directive", d.name().to_string()),
                    ("since", d.since().to_string()),
                    ("version", v.to_string()),
                ],
            ));
            continue;
        }
        if let Directive::Simple { spec, value } = d
            && let (true, Some((lo, hi)), Some(x)) = (strict, spec.range, value.as_i64())
            && !(lo..=hi).contains(&x)
        {
            l.add(range_diag(i, spec.name, spec.name, x, lo, hi));
        }
        for (directive, spec, value) in options_of(d) {
            if spec.since > v {
                l.add((
                    Rule::UnsupportedOption,
                    i,
                    vec![
                        ("directive", directive.to_string()),
                        ("option", spec.name.to_string()),
                        ("since", spec.since.to_string()),
                        ("version", v.to_string()),
                    ],
                ));
                continue;
            }
            let Some(x) = value.as_i64() else { continue };
            let range = match d {
                Directive::RateLimit(_) => spec.range.map(|r| releases::ratelimit_range(v, r)),
                Directive::Source(_) => releases::source_option_range(v, spec.name, spec.range),
                _ => spec.range,
            };
            if let (true, Some((lo, hi))) = (strict, range) {
                // `local stratum` was checked at parse time in every version.
                let checked_at_parse = directive == "local" && spec.name == "stratum";
                if !(lo..=hi).contains(&x) && !checked_at_parse {
                    l.add(range_diag(i, directive, spec.name, x, lo, hi));
                    continue;
                }
            }
            if let Some(used) = clamped_value(directive, spec.name, x) {
                l.add((
                    Rule::Clamped,
                    i,
                    vec![
                        ("directive", directive.to_string()),
                        ("option", spec.name.to_string()),
                        ("value", x.to_string()),
                        ("used", used.to_string()),
                    ],
                ));
            }
        }
        if let Directive::Source(s) = d
            && let Some(OptValue::Unsigned(ef)) = s.option("extfield")
        {
            // Until 4.4 the only experimental field was F323.
            if v < ChronyVersion::new(4, 5) && *ef != 0xF323 {
                l.add((Rule::ExtfieldValue, i, vec![("value", format!("{ef:X}"))]));
            }
        }
    }
}

fn range_diag(
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

/// The value chronyd uses instead of `x`, where it silently clamps.
fn clamped_value(directive: &str, option: &str, x: i64) -> Option<i64> {
    let clamp = |lo: i64, hi: i64| (!(lo..=hi).contains(&x)).then(|| x.clamp(lo, hi));
    match (directive, option) {
        ("server" | "pool" | "peer", "minpoll" | "maxpoll") => clamp(-7, 24),
        ("server" | "pool" | "peer", "minstratum") => clamp(0, 15),
        ("server" | "pool" | "peer", "version") if x != 0 => clamp(1, 4),
        ("pool", "maxsources") => clamp(1, 16),
        ("ratelimit" | "ntsratelimit" | "cmdratelimit", "interval") => clamp(-19, 12),
        ("ratelimit" | "ntsratelimit" | "cmdratelimit", "burst") => clamp(1, 255),
        ("ratelimit" | "ntsratelimit" | "cmdratelimit", "leak") => clamp(1, 4),
        _ => None,
    }
}

/// chronyd's checks after reading the file, which `chronyd -p` skips.
fn startup_checks(l: &mut Linter) {
    for (i, d) in l.directives() {
        match d {
            Directive::Access(a) => {
                if let AccessTarget::Net(s) = &a.target
                    && s.net().is_none()
                {
                    l.add((Rule::BadSubnet, i, vec![("subnet", s.to_string())]));
                }
            }
            Directive::Other { spec, args } if spec.name == "refclock" => {
                let driver = args.first().map(String::as_str).unwrap_or("");
                if !["SHM", "SOCK", "PPS", "PHC"].contains(&driver) {
                    l.add((
                        Rule::RefclockDriver,
                        i,
                        vec![("driver", driver.to_string())],
                    ));
                }
                // The device a PPS or PHC driver opens, the directory a SOCK
                // driver binds its socket in; the parameter may carry
                // `:option` suffixes.
                let param = args.get(1).map(String::as_str).unwrap_or("");
                let device = param.split(':').next().unwrap_or("");
                let needed = match driver {
                    "PPS" | "PHC" => Some(device),
                    "SOCK" => Some(parent_dir(device)),
                    _ => None,
                };
                if let (Some(path), Some(exists)) = (needed, l.opts.path_exists)
                    && !path.is_empty()
                    && !exists(path)
                {
                    l.add((Rule::RefclockDevice, i, vec![("path", path.to_string())]));
                }
                let tai = options_of(d).iter().any(|(_, s, _)| s.name == "tai");
                if tai && !l.fragment && !l.has("leapsectz") {
                    l.add((Rule::RefclockTai, i, vec![]));
                }
            }
            Directive::Simple {
                spec,
                value: OptValue::Word(path),
            } if spec.name == "pidfile" => {
                // chronyd creates the log and dump directories but not the
                // pid file's.
                let dir = parent_dir(path);
                if let (false, Some(exists)) = (dir.is_empty(), l.opts.path_exists)
                    && !exists(dir)
                {
                    l.add((
                        Rule::MissingDirectory,
                        i,
                        vec![("directive", "pidfile".into()), ("path", dir.to_string())],
                    ));
                }
            }
            Directive::Other { spec, args } if spec.name == "hwtimestamp" => {
                // chronyd refuses to start when a named interface cannot
                // timestamp in hardware, which needs a PTP hardware clock.
                let iface = args.first().map(String::as_str).unwrap_or("*");
                if let (false, Some(exists)) = (iface == "*", l.opts.path_exists)
                    && !exists(&format!("/sys/class/net/{iface}/device/ptp"))
                {
                    l.add((
                        Rule::HwtimestampInterface,
                        i,
                        vec![("interface", iface.to_string())],
                    ));
                }
            }
            Directive::Simple {
                spec,
                value: OptValue::Word(path),
            } if spec.name == "include" => {
                // A plain path must exist; for a pattern, glob() with
                // GLOB_ERR fails when the directory it searches is missing.
                let must_exist = match path.find(['*', '?', '[']) {
                    None => path.as_str(),
                    Some(magic) => &path[..path[..magic].rfind('/').unwrap_or(0)],
                };
                if let (false, Some(exists)) = (must_exist.is_empty(), l.opts.path_exists)
                    && !exists(must_exist)
                {
                    l.add((
                        Rule::IncludeMissing,
                        i,
                        vec![("path", must_exist.to_string())],
                    ));
                }
            }
            _ => {}
        }
    }
    if l.fragment {
        return deprecated(l);
    }
    if let Some(nc) = l.first("noclientlog") {
        for (i, d) in l.directives() {
            if let Directive::RateLimit(r) = d {
                l.add((
                    Rule::NoclientlogRatelimit,
                    i,
                    vec![
                        ("directive", r.kind.keyword().to_string()),
                        ("line", (nc + 1).to_string()),
                    ],
                ));
            }
        }
    }
    if let (Some(rtc), true) = (l.first("rtcfile"), l.has("rtcsync")) {
        l.add((Rule::RtcfileRtcsync, rtc, vec![]));
    }
    let count = |name: &str| l.directives().filter(|(_, d)| d.name() == name).count();
    let (certs, keys) = (count("ntsservercert"), count("ntsserverkey"));
    if certs != keys {
        let at = l
            .first("ntsservercert")
            .or(l.first("ntsserverkey"))
            .unwrap_or(0);
        // chrony 4.0 starts anyway, without an NTS-KE server.
        let rule = if l.opts.version >= releases::NTS_PAIRS_CHECKED {
            Rule::NtsUneven
        } else {
            Rule::NtsUnpaired
        };
        l.add((
            rule,
            at,
            vec![("certs", certs.to_string()), ("keys", keys.to_string())],
        ));
    }
    deprecated(l);
}

fn deprecated(l: &mut Linter) {
    for (i, d) in l.directives() {
        if let Directive::Deprecated(name) = d {
            l.add((
                Rule::DeprecatedDirective,
                i,
                vec![("directive", name.to_string())],
            ));
        }
    }
}

/// The directory part of a path ("" for a bare name).
fn parent_dir(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(i) => &path[..i],
        None => "",
    }
}

/// How many time sources the file gives chronyd (a pool counts as many as
/// it may use).
fn upstream_count(doc: &Document) -> i64 {
    doc.sources()
        .filter(|(_, s)| !s.has("noselect"))
        .map(|(_, s)| match s.kind {
            SourceKind::Pool => s.int("maxsources").unwrap_or(4).clamp(1, 16),
            _ => 1,
        })
        .sum()
}

/// What does not fail but does not do what a lab admin meant.
fn lab_checks(l: &mut Linter) {
    let doc = l.doc;
    let allows: Vec<_> = doc
        .access_rules(AccessScope::Ntp)
        .filter(|(_, a)| a.allow)
        .collect();
    let local = doc.local();
    let imports = l.reads_other_files();
    let source_files = imports || l.has("sourcedir");

    if let (Some((i, _)), true, false) = (local, allows.is_empty(), imports) {
        l.add_at((Rule::NoAllow, Some(i), vec![]));
    }
    if let (Some((i, _)), None) = (allows.first(), local) {
        l.add_at((Rule::NoLocalStratum, Some(*i), vec![]));
    }
    for (i, a) in &allows {
        match &a.target {
            AccessTarget::Any => l.add_at((Rule::AllowEveryone, Some(*i), vec![])),
            AccessTarget::Host(h) => match l.opts.resolves {
                Some(resolves) if !resolves(h) => l.add_at((
                    Rule::AllowHostUnresolved,
                    Some(*i),
                    vec![("host", h.clone())],
                )),
                _ => l.add_at((Rule::AllowHostname, Some(*i), vec![("host", h.clone())])),
            },
            AccessTarget::Net(s) if s.has_host_bits() => {
                let net = s.net().map(|n| n.trunc().to_string()).unwrap_or_default();
                l.add_at((
                    Rule::HostBits,
                    Some(*i),
                    vec![("subnet", s.to_string()), ("network", net)],
                ));
            }
            AccessTarget::Net(_) => {}
        }
    }

    // One address, one source: a `server` and a `peer` line for the same
    // host are duplicates too (chronyd ignores the second).
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut peers = 0;
    for (i, s) in doc.sources() {
        let key = s.host.to_ascii_lowercase();
        if let Some(first) = seen.get(&key) {
            l.add_at((
                Rule::DuplicateSource,
                Some(i),
                vec![("host", s.host.clone()), ("line", (first + 1).to_string())],
            ));
        } else {
            seen.insert(key, i);
        }
        if s.kind == SourceKind::Peer {
            peers += 1;
            for burst in ["iburst", "burst"] {
                if s.has(burst) {
                    l.add_at((
                        Rule::PeerBurst,
                        Some(i),
                        vec![("option", burst.to_string())],
                    ));
                }
            }
        } else if !s.has("iburst") && !s.has("burst") {
            l.add_at((Rule::NoIburst, Some(i), vec![("host", s.host.clone())]));
        }
        if s.kind != SourceKind::Pool && s.has("maxsources") {
            l.add_at((
                Rule::OptionIgnored,
                Some(i),
                vec![
                    ("option", "maxsources".into()),
                    ("directive", s.kind.keyword().into()),
                ],
            ));
        }
        if let (Some(min), Some(max)) = (s.int("minpoll"), s.int("maxpoll"))
            && max < min
        {
            l.add_at((
                Rule::MaxpollBelowMinpoll,
                Some(i),
                vec![("minpoll", min.to_string()), ("maxpoll", max.to_string())],
            ));
        }
    }

    let upstreams = upstream_count(doc);
    if !source_files {
        if upstreams == 0 && local.is_none() && !l.has("refclock") {
            l.add_at((Rule::NoSources, None, vec![]));
        } else if (1..3).contains(&upstreams) {
            // A client of one lab server is normal; a server others rely on
            // should be able to tell a wrong upstream from a right one.
            let serves = l.directives().any(|(_, d)| {
                matches!(d, Directive::Access(a) if a.scope == AccessScope::Ntp && a.allow)
            });
            let rule = if serves {
                Rule::FewSources
            } else {
                Rule::FewSourcesClient
            };
            l.add_at((rule, None, vec![("count", upstreams.to_string())]));
        }
    }
    if upstreams > 0 && !l.has("makestep") {
        l.add_at((Rule::NoMakestep, None, vec![]));
    }
    if let (Some((i, lo)), true) = (local, peers > 0)
        && !lo.orphan()
    {
        l.add_at((Rule::PeerNoOrphan, Some(i), vec![]));
    }

    let has_cmdallow = doc.access_rules(AccessScope::Cmd).any(|(_, a)| a.allow);
    let remote_cmd = doc.directives().any(|(_, d)| {
        matches!(d, Directive::Bind { kind: BindKind::Command, target: BindTarget::Ip(ip) } if !ip.is_loopback())
    });
    let at = doc
        .access_rules(AccessScope::Cmd)
        .find(|(_, a)| a.allow)
        .map(|(i, _)| i);
    match (has_cmdallow, remote_cmd) {
        (true, false) => l.add_at((Rule::CmdallowNoBind, at, vec![])),
        // Monitoring from another host works; say what it exposes.
        (true, true) => l.add_at((Rule::CmdmonExposed, at, vec![])),
        _ => {}
    }

    // Directives that hold one value: a repeat silently overrides.
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, d) in doc.directives() {
        let single = matches!(d, Directive::Simple { spec, .. } if spec.name != "include")
            || matches!(d, Directive::Makestep { .. } | Directive::Local(_));
        let name = d.name();
        if !single {
            continue;
        }
        if let Some(prev) = last.insert(name, i) {
            l.add_at((
                Rule::DuplicateDirective,
                Some(prev),
                vec![
                    ("directive", name.to_string()),
                    ("line", (i + 1).to_string()),
                ],
            ));
        }
    }
}

/// Checks between two servers' configurations that peer with each other
/// (a lab's primary and backup): with the same local stratum neither can
/// tell which of them should serve when the upstreams are gone.
pub fn lint_peer_pair(a: &Document, b: &Document) -> Option<Diagnostic> {
    let peers = |d: &Document| d.sources().any(|(_, s)| s.kind == SourceKind::Peer);
    let (Some((ia, la)), Some((_, lb))) = (a.local(), b.local()) else {
        return None;
    };
    // chrony.conf(5): orphan servers all need the same local configuration,
    // so the advice to differ applies only without orphan.
    let orphan = la.orphan() || lb.orphan();
    (peers(a) && peers(b) && !orphan && la.stratum() == lb.stratum()).then(|| Diagnostic {
        rule: Rule::PeerSameStratum,
        severity: Rule::PeerSameStratum.severity(),
        line: Some(ia + 1),
        args: vec![("stratum", la.stratum().to_string())],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str, version: ChronyVersion) -> Vec<(Rule, Option<usize>)> {
        let opts = LintOptions {
            version,
            path_exists: None,
            resolves: None,
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    }

    const V43: ChronyVersion = ChronyVersion::new(4, 3);

    fn errors(text: &str, version: ChronyVersion) -> Vec<Rule> {
        let opts = LintOptions {
            version,
            path_exists: None,
            resolves: None,
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.rule)
            .collect()
    }

    #[test]
    fn what_chronyd_refuses_at_start() {
        assert_eq!(errors("allow 10.0.0.0/33\n", V43), [Rule::BadSubnet]);
        assert_eq!(errors("cmddeny ::/129\n", V43), [Rule::BadSubnet]);
        assert_eq!(
            errors("noclientlog\nratelimit interval 3 burst 8\n", V43),
            [Rule::NoclientlogRatelimit]
        );
        assert_eq!(errors("local stratum 20\n", V43), [Rule::LocalStratumRange]);
        assert_eq!(
            errors("rtcsync\nrtcfile /var/lib/chrony/rtc\n", V43),
            [Rule::RtcfileRtcsync]
        );
        assert_eq!(errors("ntsservercert /a.crt\n", V43), [Rule::NtsUneven]);
        assert_eq!(errors("refclock GPS /dev/x\n", V43), [Rule::RefclockDriver]);
        assert_eq!(
            errors("allow 10.0.0.0/24 # lab\n", V43),
            [Rule::TrailingComment]
        );
        assert_eq!(errors("driftfile\n", V43), [Rule::MissingArguments]);
        assert_eq!(
            errors(&format!("# {}\n", "x".repeat(2046)), V43),
            [Rule::LineTooLong]
        );
        assert!(errors(&format!("# {}\n", "x".repeat(2044)), V43).is_empty());
    }

    #[test]
    fn lint_follows_the_chrony_version() {
        let text = "local stratum 10 waitsynced 60\n";
        assert_eq!(errors(text, V43), [Rule::UnsupportedOption]);
        assert!(errors(text, ChronyVersion::new(4, 7)).is_empty());
        assert_eq!(errors("refresh 60\n", V43), [Rule::UnsupportedDirective]);
        // Clamped before 4.7, refused from 4.7 on.
        let text = "server 127.0.0.1 iburst minpoll 99\nmakestep 1 3\n";
        assert!(errors(text, V43).is_empty());
        assert!(rules(text, V43).contains(&(Rule::Clamped, Some(1))));
        assert!(
            errors("server 127.0.0.1 maxpoll 99\n", ChronyVersion::new(4, 7)) == [Rule::OutOfRange]
        );
        // minpoll: read unchecked by 4.7 and 4.8, refused from 4.9 on.
        assert!(errors(text, ChronyVersion::new(4, 8)).is_empty());
        assert_eq!(errors(text, ChronyVersion::new(4, 9)), [Rule::OutOfRange]);
        assert!(rules("ratelimit interval 30\n", V43).contains(&(Rule::Clamped, Some(1))));
    }

    #[test]
    fn lab_warnings() {
        // An isolated server with no local stratum.
        let r = rules(
            "server 192.168.0.5 iburst\nallow 10.20.0.0/16\nmakestep 1 3\n",
            V43,
        );
        assert!(r.contains(&(Rule::NoLocalStratum, Some(2))));
        assert!(r.contains(&(Rule::FewSources, None)));
        let r = rules("local stratum 10\n", V43);
        assert!(r.contains(&(Rule::NoAllow, Some(1))));
        let r = rules(
            "peer 10.0.0.2 iburst\nlocal stratum 8\nallow 10.0.0.0/24\n",
            V43,
        );
        assert!(r.contains(&(Rule::PeerBurst, Some(1))));
        assert!(r.contains(&(Rule::PeerNoOrphan, Some(2))));
        let r = rules(
            "server a iburst\nserver a iburst\nserver b iburst\nmakestep 1 3\n",
            V43,
        );
        assert!(r.contains(&(Rule::DuplicateSource, Some(2))));
        assert!(rules("cmdallow 10.0.0.0/8\n", V43).contains(&(Rule::CmdallowNoBind, Some(1))));
        assert!(
            !rules("cmdallow 10.0.0.0/8\nbindcmdaddress 0.0.0.0\n", V43)
                .iter()
                .any(|r| r.0 == Rule::CmdallowNoBind)
        );
        assert!(rules("pool p iburst\n", V43).contains(&(Rule::NoMakestep, None)));
        assert!(
            rules("driftfile /a\ndriftfile /b\n", V43)
                .contains(&(Rule::DuplicateDirective, Some(1)))
        );
    }

    #[test]
    fn a_client_of_one_server_gets_a_hint_and_one_address_is_one_source() {
        let client = rules("server 10.0.0.123 iburst\nmakestep 1 3\n", V43);
        assert!(
            client.contains(&(Rule::FewSourcesClient, None)),
            "{client:?}"
        );
        assert!(!client.iter().any(|r| r.0 == Rule::FewSources));
        let server = rules(
            "server 10.0.0.123 iburst\nmakestep 1 3\nallow 10.0.0.0/24\n",
            V43,
        );
        assert!(server.contains(&(Rule::FewSources, None)));
        let both = rules("server 10.0.0.2 iburst\npeer 10.0.0.2\n", V43);
        assert!(both.contains(&(Rule::DuplicateSource, Some(2))), "{both:?}");
    }

    #[test]
    fn an_allowed_name_that_does_not_resolve_is_an_error() {
        let doc = Document::parse("allow lab-clients.example\nallow localhost\nlocal stratum 10\n");
        let resolves = |h: &str| h == "localhost";
        let opts = LintOptions {
            version: V43,
            path_exists: None,
            resolves: Some(&resolves),
        };
        let d = lint(&doc, &opts);
        let rules: Vec<(Rule, Option<usize>)> = d.iter().map(|d| (d.rule, d.line)).collect();
        assert!(
            rules.contains(&(Rule::AllowHostUnresolved, Some(1))),
            "{rules:?}"
        );
        assert!(rules.contains(&(Rule::AllowHostname, Some(2))));
    }

    #[test]
    fn peer_pair_with_same_stratum() {
        // Without orphan the pair should differ so clients prefer one...
        let a = Document::parse("peer 10.0.0.2\nlocal stratum 8\n");
        let b = Document::parse("peer 10.0.0.1\nlocal stratum 8\n");
        let c = Document::parse("peer 10.0.0.1\nlocal stratum 9\n");
        assert_eq!(
            lint_peer_pair(&a, &b).map(|d| d.rule),
            Some(Rule::PeerSameStratum)
        );
        assert_eq!(lint_peer_pair(&a, &c), None);
        // ...with orphan chrony.conf(5) asks for the same local configuration.
        let oa = Document::parse("peer 10.0.0.2\nlocal stratum 8 orphan\n");
        let ob = Document::parse("peer 10.0.0.1\nlocal stratum 8 orphan\n");
        assert_eq!(lint_peer_pair(&oa, &ob), None);
    }
}
