//! Real chrony labs on loopback for each problem an admin meets, on every
//! release: a source that never answers, a falseticker, a synchronisation
//! loop, a rate-limiting server, mismatched symmetric keys, NTS with an
//! untrusted certificate and with one for another name, and a leap second
//! pending. Every lab's chronyc output (text and `-c`) must be explained
//! with the finding chronyc(1) and chrony.conf(5) say it shows.
//! `STRATUM_UPDATE_CORPUS=1` stores the outputs in tests/data/labs, where
//! the explain tests read them too (every flagged value has a finding, the
//! Chinese reads as Chinese).
mod auth;
mod clocks;
mod sources;

pub(crate) use clocks::leap_zone;

use crate::common;

use std::path::{Path, PathBuf};

use common::lab::Chronyd;
use stratum::core::explain::{Rule, explain};

/// One command's output from a lab.
pub(crate) struct Output {
    pub(crate) command: String,
    pub(crate) text: String,
}

/// Runs each chronyc command, in text and in CSV form.
pub(crate) fn capture(c: &Chronyd, commands: &[&str]) -> Vec<Output> {
    let mut out = Vec::new();
    for cmd in commands {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        // A file name per command: `-N sources -a` is N-sources-a.
        let name = words
            .iter()
            .map(|w| w.trim_start_matches('-'))
            .collect::<Vec<_>>()
            .join("-");
        out.push(Output {
            command: name.clone(),
            text: c.chronyc(&words),
        });
        let mut csv = vec!["-c"];
        csv.extend(&words);
        out.push(Output {
            command: format!("{name}-csv"),
            text: c.chronyc(&csv),
        });
    }
    out
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/labs")
}

/// Checks the expected findings and stores the outputs when asked.
pub(crate) fn judge(
    release: &common::Release,
    lab: &str,
    outputs: &[Output],
    expect: &[(&str, Rule)],
) {
    if std::env::var_os("STRATUM_UPDATE_CORPUS").is_some() {
        let dir = corpus_dir().join(&release.label).join(lab);
        std::fs::create_dir_all(&dir).unwrap();
        for o in outputs {
            std::fs::write(dir.join(format!("{}.txt", o.command)), &o.text).unwrap();
        }
    }
    for (command, rule) in expect {
        for csv in [false, true] {
            let name = if csv {
                format!("{command}-csv")
            } else {
                command.to_string()
            };
            let o = outputs
                .iter()
                .find(|o| o.command == name)
                .unwrap_or_else(|| panic!("{lab}: no output of {name}"));
            let e = explain(&o.text).unwrap_or_else(|err| {
                panic!("chrony {} {lab} {name}: {err}\n{}", release.label, o.text)
            });
            assert!(
                e.findings.iter().any(|f| f.rule == *rule),
                "chrony {} {lab} {name}: expected {rule}, got {:?}\n{}",
                release.label,
                e.findings.iter().map(|f| f.rule).collect::<Vec<_>>(),
                o.text
            );
        }
    }
}

/// Checks that a lab's output does not raise findings the manual says it
/// does not show (a false alarm is as wrong as a missed one).
pub(crate) fn judge_without(
    release: &common::Release,
    lab: &str,
    outputs: &[Output],
    absent: &[(&str, Rule)],
) {
    for (command, rule) in absent {
        for o in outputs
            .iter()
            .filter(|o| o.command.trim_end_matches("-csv") == *command)
        {
            let e = explain(&o.text).unwrap_or_else(|err| {
                panic!(
                    "chrony {} {lab} {}: {err}\n{}",
                    release.label, o.command, o.text
                )
            });
            assert!(
                !e.findings.iter().any(|f| f.rule == *rule),
                "chrony {} {lab} {}: {rule} raised\n{}",
                release.label,
                o.command,
                o.text
            );
        }
    }
}

/// Outputs pasted together (text form, a blank line between): the
/// `sources` report explained with what the others say of its rows.
fn pasted_sources(outputs: &[Output], commands: &[&str]) -> stratum::core::explain::Explained {
    let text: Vec<&str> = commands
        .iter()
        .map(|c| {
            outputs
                .iter()
                .find(|o| o.command == *c)
                .map(|o| o.text.as_str())
                .unwrap_or_else(|| panic!("no output of {c}"))
        })
        .collect();
    stratum::core::explain::explain_all(&text.join("\n"))
        .unwrap()
        .into_iter()
        .find(|e| e.kind == stratum::core::explain::Kind::ChronycSources)
        .expect("the sources report")
}

/// A value from `chronyc -c COMMAND`'s first row, by column.
fn csv_field(c: &Chronyd, command: &[&str], column: usize) -> Option<String> {
    let mut args = vec!["-c"];
    args.extend(command);
    c.chronyc(&args)
        .lines()
        .next()
        .and_then(|l| l.split(',').nth(column).map(str::to_string))
}

const SOURCE: &str = "iburst minpoll -2 maxpoll -1";
