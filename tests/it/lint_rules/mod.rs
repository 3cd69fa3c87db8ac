//! Lint rules checked through `lint` itself, as `stratum config lint`
//! runs them (the rule modules are children of lint and do not import it).

mod at_release;
mod hints;
mod limits;
mod misread;
mod nts_options;
mod releases;
mod repeats;
mod rule_modules;
mod sources;
mod text;
mod values;

use stratum::core::conf::lint::Rule;
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};

fn rules(text: &str) -> Vec<(Rule, Option<usize>)> {
    lint(&Document::parse(text), &LintOptions::default())
        .into_iter()
        .map(|d| (d.rule, d.line))
        .collect()
}

fn rules_of(text: &str, version: ChronyVersion, rule: Rule) -> Vec<(Option<usize>, String)> {
    let opts = LintOptions {
        version,
        ..Default::default()
    };
    lint(&Document::parse(text), &opts)
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.line, d.arg("case").unwrap_or("").to_string()))
        .collect()
}

pub(super) fn message(text: &str, rule: Rule) -> String {
    let t = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    let d = lint(&Document::parse(text), &LintOptions::default());
    let d = d.iter().find(|d| d.rule == rule).expect("the rule");
    t.tr_args(&d.message_id(), &d.args)
}
