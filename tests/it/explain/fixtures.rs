//! The explain fixtures: each recognised as its kind and matching its golden
//! file, every kind with one good and one bad fixture, and garbage refused.

use crate::common;

use stratum::core::explain::{ExplainError, Rule, catalogue, explain};
use stratum::i18n::{Lang, Localizer};

use super::*;

#[test]
fn fixtures_match_their_golden_files() {
    let bless = std::env::var("STRATUM_BLESS").is_ok();
    let mut bad = Vec::new();
    for p in fixtures() {
        let text = std::fs::read_to_string(&p).unwrap();
        let e = explain(&text).unwrap_or_else(|err| panic!("{}: {err}", p.display()));
        // The file name says which kind it is.
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let kind = e.kind.name();
        assert!(
            name.starts_with(kind),
            "{name} recognised as {}",
            e.kind_name()
        );
        assert_eq!(e.csv, name.contains("-csv"), "{name}");
        let got = render(&e);
        let golden = p.with_extension("golden");
        if bless {
            std::fs::write(&golden, &got).unwrap();
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != got {
            bad.push(format!("{name}:\n{got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "differs from golden (STRATUM_BLESS=1 to update):\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_kind_has_two_fixtures_one_with_a_problem() {
    let mut kinds: std::collections::BTreeMap<String, (usize, bool)> = Default::default();
    for p in fixtures() {
        let e = explain(&std::fs::read_to_string(&p).unwrap()).unwrap();
        // A healthy device's "synchronised" is no problem.
        let problem = e
            .findings
            .iter()
            .any(|f| f.severity != stratum::core::explain::Status::Ok)
            || e.fields.iter().chain(e.rows.iter().flatten()).any(|f| {
                matches!(
                    f.status,
                    stratum::core::explain::Status::Bad | stratum::core::explain::Status::Warn
                )
            });
        let entry = kinds.entry(e.kind.name().to_string()).or_default();
        entry.0 += 1;
        entry.1 |= problem;
    }
    for (kind, _) in catalogue() {
        let (n, problem) = kinds.get(kind.name()).copied().unwrap_or_default();
        assert!(n >= 2, "{} has {n} fixtures", kind.name());
        assert!(problem, "{} has no fixture with a problem", kind.name());
    }
}

#[test]
fn seed_001_is_diagnosed_with_cause_and_fix() {
    let e = explain(
        &std::fs::read_to_string(dir().join("chronyc-tracking-seed001-unsynchronised.txt"))
            .unwrap(),
    )
    .unwrap();
    assert!(
        e.findings
            .iter()
            .any(|f| f.rule == Rule::from_id("not-synchronised").unwrap())
    );
    let e = explain(&std::fs::read_to_string(dir().join("chronyc-activity-seed001.txt")).unwrap())
        .unwrap();
    assert_eq!(e.findings[0].rule, Rule::UnknownAddress);
    let zh = Localizer::new(Lang::ZhCn);
    let text = zh.tr_args("finding-not-synchronised", &[] as &[(&str, &str)]);
    assert!(
        text.contains("local stratum 10 orphan") && text.contains("-4"),
        "{text}"
    );
}

#[test]
fn garbage_is_not_recognised_and_never_panics() {
    assert_eq!(explain(""), Err(ExplainError::Empty));
    assert_eq!(explain("\n\n  \r\n"), Err(ExplainError::Empty));
    assert_eq!(
        explain("hello world\nthis is not ntp"),
        Err(ExplainError::NotRecognised)
    );
    let big = "x".repeat(10 << 20);
    assert_eq!(explain(&big), Err(ExplainError::TooLarge));
    // Mangled versions of every fixture: truncated, shuffled, doubled.
    for p in fixtures() {
        let text = std::fs::read_to_string(&p).unwrap();
        for cut in (0..text.len()).step_by(7) {
            if text.is_char_boundary(cut) {
                let _ = explain(&text[..cut]);
            }
        }
        let lines: Vec<&str> = text.lines().rev().collect();
        let _ = explain(&lines.join("\n"));
        let _ = explain(&text.replace(' ', ""));
        let _ = explain(&text.replace(',', ",,"));
    }
    // The CLI says so with exit code 2.
    let out = common::stratum()
        .args(["explain", "-"])
        .env("LANG", "C")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::write(&bin, (0..=255u8).cycle().take(100_000).collect::<Vec<u8>>()).unwrap();
    let out = common::stratum()
        .args(["explain"])
        .arg(&bin)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not output Stratum recognises"));
    let big = tmp.path().join("big");
    std::fs::write(&big, "MS Name/IP address\n".repeat(600_000)).unwrap();
    let out = common::stratum()
        .args(["explain"])
        .arg(&big)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
