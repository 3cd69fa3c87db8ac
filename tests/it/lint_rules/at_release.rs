//! Lint at a given chrony release, as the rule tests ask it.

use stratum::core::conf::lint::{Rule, Severity};
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};

pub(super) fn rules(text: &str, version: ChronyVersion) -> Vec<(Rule, Option<usize>)> {
    let opts = LintOptions {
        version,
        path_exists: None,
        resolves: None,
        ..Default::default()
    };
    lint(&Document::parse(text), &opts)
        .into_iter()
        .map(|d| (d.rule, d.line))
        .collect()
}

pub(super) const V43: ChronyVersion = ChronyVersion::new(4, 3);

pub(super) fn errors(text: &str, version: ChronyVersion) -> Vec<Rule> {
    let opts = LintOptions {
        version,
        path_exists: None,
        resolves: None,
        ..Default::default()
    };
    lint(&Document::parse(text), &opts)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.rule)
        .collect()
}
