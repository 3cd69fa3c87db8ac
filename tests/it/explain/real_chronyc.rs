//! Real output of each release's chronyc, explained completely.

use crate::common;

use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::{FieldId, explain};
use stratum::i18n::{Lang, Localizer};

use super::*;

/// Real output of each release's chronyc (text and -c) from a loopback
/// pair, explained with every field known and no line or column dropped.
#[test]
fn real_chronyc_output_of_every_release_is_explained_completely() {
    for r in common::releases() {
        eprintln!("chrony {}: explain its chronyc", r.label);
        real_chronyc_output_is_explained_completely(&r.chronyd);
    }
}

/// Values a report prints: `Name : value` lines, or CSV columns.
fn printed_values(text: &str, csv: bool) -> usize {
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    if csv {
        // An empty column (no name for a local reference) has nothing to read.
        lines
            .map(|l| l.split(',').filter(|v| !v.is_empty()).count())
            .sum()
    } else {
        // `Name : value`, or activity's `5 sources online`.
        lines
            .filter(|l| {
                l.contains(" : ")
                    || (l.starts_with(|c: char| c.is_ascii_digit()) && l.trim() != "200 OK")
            })
            .count()
    }
}

fn real_chronyc_output_is_explained_completely(chronyd: &std::path::Path) {
    let chronyd = chronyd.to_path_buf();
    let tmp = tempfile::tempdir().unwrap();
    let up = Chronyd::upstream(&chronyd, tmp.path());
    let server = Chronyd::start(
        &chronyd,
        tmp.path(),
        "server",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10",
            up.port
        ),
    );
    let _client = Chronyd::start(
        &chronyd,
        tmp.path(),
        "client",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            server.port
        ),
    );
    wait_for(Duration::from_secs(20), || {
        server
            .chronyc(&["-n", "clients"])
            .contains("127.0.0.1")
            .then_some(())
    })
    .expect("client never came");
    let reports = [
        ("sources", "chronyc-sources"),
        ("sourcestats", "chronyc-sourcestats"),
        ("tracking", "chronyc-tracking"),
        ("clients", "chronyc-clients"),
        ("activity", "chronyc-activity"),
        ("ntpdata", "chronyc-ntpdata"),
        ("serverstats", "chronyc-serverstats"),
        ("selectdata", "chronyc-selectdata"),
        ("authdata", "chronyc-authdata"),
    ];
    let tr = Localizer::new(Lang::En);
    for (report, kind) in reports {
        for (flags, suffix) in [(vec!["-n"], ""), (vec!["-n", "-c"], "-csv")] {
            let mut args = flags.clone();
            args.push(report);
            if report == "ntpdata" {
                args.push("127.0.0.1");
            }
            let text = server.chronyc(&args);
            let e =
                explain(&text).unwrap_or_else(|err| panic!("{report} {flags:?}: {err}\n{text}"));
            assert_eq!(e.kind_name(), format!("{kind}{suffix}"), "{text}");
            assert!(
                !e.fields.is_empty() || !e.rows.is_empty(),
                "{report}: nothing read\n{text}"
            );
            // Key/value reports: every printed line read (one row for CSV).
            if !e.fields.is_empty() && e.rows.is_empty() {
                let mut printed = printed_values(&text, suffix == "-csv");
                if report == "ntpdata" && suffix == "-csv" {
                    // The CSV repeats what the text shows once: both
                    // addresses' hex ids, the poll and precision in seconds,
                    // and the three groups of NTP tests (one field).
                    printed -= 6;
                }
                if report == "tracking" && suffix == "-csv" && printed == 14 {
                    // The reference's hex id and its name (empty while the
                    // clock follows no source) are one field, as in the
                    // text's `Reference ID : 7F000001 (127.0.0.1)`.
                    printed -= 1;
                }
                // (A line may give more than one field, never fewer.)
                assert!(
                    e.fields.len() >= printed,
                    "{report} {flags:?}: {} of {printed} values read\n{text}",
                    e.fields.len()
                );
            }
            for f in e.fields.iter().chain(e.rows.iter().flatten()) {
                assert!(
                    tr.has(&format!("field-{}", f.name)),
                    "{report}: unknown field {}",
                    f.name
                );
                assert!(
                    !f.raw.is_empty() || f.name == FieldId::Refid,
                    "{report}: empty {}\n{text}",
                    f.name
                );
            }
        }
        // The -v legends do not confuse it.
        if ["sources", "sourcestats"].contains(&report) {
            let text = server.chronyc(&["-n", report, "-v"]);
            assert_eq!(explain(&text).unwrap().kind_name(), kind);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn any_text_is_explained_or_refused_without_panic(text in "(?s).{0,400}") {
        let _ = explain(&text);
    }

    #[test]
    fn fixture_lines_in_any_order_never_panic(picks in proptest::collection::vec((0usize..64, 0usize..40), 0..30)) {
        let files = fixtures();
        let mut text = String::new();
        for (f, l) in picks {
            let t = std::fs::read_to_string(&files[f % files.len()]).unwrap();
            if let Some(line) = t.lines().nth(l) {
                text.push_str(line);
                text.push('\n');
            }
        }
        let _ = explain(&text);
    }
}
