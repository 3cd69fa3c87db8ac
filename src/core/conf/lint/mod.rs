//! Lint: what chronyd would refuse (errors), what silently does not do what
//! a lab admin meant (warnings) and what could be better (hints).
//!
//! Errors are exactly the refusals of the chronyd version linted for: the
//! reading of the file (`conf.c`) and the start-up checks after it ("Bad
//! subnet", noclientlog with rate limiting, rtcfile with rtcsync, uneven NTS
//! certificates and keys, refclock drivers). Diagnostics carry a rule id and
//! arguments; the text comes from the Fluent catalogue (`lint-<rule>`).

mod chars;
mod cmdmon;
mod ignored;
mod keys;
mod lab;
mod leap;
mod limits;
mod model;
mod nts;
mod numbers;
mod poll;
mod ranges;
mod releases;
mod repeats;
pub mod rules;
mod sources_file;
mod startup;
pub(crate) mod syntax;
mod trust;
mod updates;

pub use lab::selectable_upstreams;
pub use poll::min_poll;
pub use rules::{Rule, Severity};
pub use sources_file::lint_sources_file;

use super::document::Document;

use lab::lab_checks;
pub use lab::lint_peer_pair;
use model::Linter;
pub use model::{Diagnostic, FileFacts, LintOptions, ReadFile, TrustPath};
use startup::startup_checks;
pub use syntax::parse_error_args;
use syntax::{lines, versions_and_ranges};
pub use trust::control_character_line;

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
    if let Some(rule) = chars::unreadable_file(doc) {
        return vec![Diagnostic::new(rule, None, Vec::new())];
    }
    let mut l = Linter {
        doc,
        opts,
        fragment,
        out: Vec::new(),
    };
    lines(&mut l);
    trust::control_characters(&mut l);
    trust::untrusted_paths(&mut l);
    versions_and_ranges(&mut l);
    releases::release_checks(&mut l);
    startup_checks(&mut l);
    ranges::useful_ranges(&mut l);
    numbers::number_prefixes(&mut l);
    if !fragment {
        lab_checks(&mut l);
        ignored::ignored_lines(&mut l);
        limits::unreachable_limits(&mut l);
        updates::maxchange_at_start(&mut l);
        keys::authentication(&mut l);
        nts::nts_files(&mut l);
        nts::empty_cert_sets(&mut l);
        leap::leap_list(&mut l);
        leap::leapsectz_zone(&mut l);
        leap::smoothtime_serving(&mut l);
        updates::makestep_limit(&mut l);
        leap::refclock_pairs(&mut l);
    }
    l.out.sort_by_key(|d| (d.line.unwrap_or(0), d.severity));
    l.out
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
