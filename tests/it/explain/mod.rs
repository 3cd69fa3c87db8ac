//! Explain: every fixture is recognised as its kind, every field's value
//! and verdict matches its golden file (written by hand-checked runs), the
//! catalogue covers every field in both languages, real chronyc output is
//! explained without unknown fields, and garbage is refused cleanly. The
//! two languages: `explain_languages`.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::{ExplainError, Explained, FieldId, Rule, Why, catalogue, explain};
use stratum::i18n::{Lang, Localizer};

pub(crate) fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain")
}

fn render(e: &Explained) -> String {
    let f = |x: &stratum::core::explain::Field| {
        format!(
            "{} = {:?} [{}{}]",
            x.name,
            x.raw,
            x.status.as_str(),
            x.reason
                .as_ref()
                .map(|r| format!(" {}", r.id))
                .unwrap_or_default()
        )
    };
    let mut out = format!("kind: {}\n", e.kind_name());
    for x in &e.fields {
        out.push_str(&format!("{}\n", f(x)));
    }
    for (i, row) in e.rows.iter().enumerate() {
        out.push_str(&format!("row {}\n", i + 1));
        for x in row {
            out.push_str(&format!("  {}\n", f(x)));
        }
    }
    for x in &e.findings {
        out.push_str(&format!("finding: {} [{}]\n", x.rule, x.severity.as_str()));
    }
    out
}

pub(crate) fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

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
        let problem = !e.findings.is_empty()
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
fn catalogue_has_every_field_reason_and_finding_in_both_languages() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut names = BTreeSet::new();
        for (_, fields) in catalogue() {
            names.extend(fields.iter().copied());
        }
        for n in names {
            assert!(tr.has(&format!("field-{n}")), "{}: field-{n}", lang.code());
        }
        for r in Why::ALL {
            assert!(tr.has(&format!("why-{r}")), "{}: why-{r}", lang.code());
        }
        for f in Rule::ALL {
            assert!(
                tr.has(&format!("finding-{f}")),
                "{}: finding-{f}",
                lang.code()
            );
        }
    }
    // Every field a fixture produced is in its kind's catalogue.
    for p in fixtures() {
        let e = explain(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let known: Vec<&str> = catalogue()
            .into_iter()
            .filter(|(k, _)| *k == e.kind)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        for f in e.fields.iter().chain(e.rows.iter().flatten()) {
            assert!(
                known.contains(&f.name.id()),
                "{}: {} not in the catalogue of {}",
                p.display(),
                f.name,
                e.kind.name()
            );
        }
    }
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

fn field<'a>(
    row: &'a [stratum::core::explain::Field],
    name: &str,
) -> &'a stratum::core::explain::Field {
    row.iter().find(|f| f.name.id() == name).unwrap()
}

/// chronyc(1): the reach register is an octal shift register of the last 8
/// polls, newest in the lowest bit. Written from chronyc's manual, not from
/// a captured session.
#[test]
fn dead_upstreams_are_named_and_their_placeholders_not_judged() {
    let text = "\
MS Name/IP address         Stratum Poll Reach LastRx Last sample
===============================================================================
^* 192.168.10.1                  2   6   377    35   -215us[ -301us] +/-   12ms
^? ntp.example.net               0   6     0     -     +0ns[   +0ns] +/-    0ns
^? 10.99.0.7                     0   6     0     -     +0ns[   +0ns] +/-    0ns
";
    let e = explain(text).unwrap();
    let dead = &e.rows[1];
    assert_eq!(
        field(dead, "reach").status,
        stratum::core::explain::Status::Bad
    );
    for name in ["sample-offset", "measured-offset", "error"] {
        let f = field(dead, name);
        assert_eq!(f.status, stratum::core::explain::Status::Info, "{name}");
        assert_eq!(f.reason.as_ref().unwrap().id, Why::NoSample);
    }
    let f = e
        .findings
        .iter()
        .find(|f| f.rule == Rule::from_id("some-unreachable").unwrap())
        .expect("a finding");
    let named = &f.args.iter().find(|(k, _)| *k == "sources").unwrap().1;
    assert!(
        named.contains("ntp.example.net") && named.contains("10.99.0.7"),
        "{named}"
    );
    assert!(!named.contains("192.168.10.1"));
    // Its text gives the causes, the unsynchronised upstream among them.
    let tr = Localizer::new(Lang::En);
    let msg = tr.tr_args("finding-some-unreachable", &f.args);
    assert!(
        msg.contains("UDP 123") && msg.contains("not synchronised"),
        "{msg}"
    );
    assert!(
        !e.findings
            .iter()
            .any(|f| f.rule == Rule::from_id("no-upstream-reachable").unwrap())
    );
}

/// Sources configured by IP address (the lab notes' `chronyc sources`
/// of 100.100.61.88, 120.25.115.20…): a name that does not resolve is no
/// possible cause, in either language; a configured name keeps it. And
/// chronyc(1)'s "+0ns" for a source never sampled is a placeholder: the
/// text output shows "–" with the reason, never "+0ns" as data.
#[test]
fn silent_sources_by_address_are_not_blamed_on_names() {
    let by_address = std::fs::read_to_string(dir().join("chronyc-sources-seed004.txt")).unwrap();
    let all_silent = "\
MS Name/IP address         Stratum Poll Reach LastRx Last sample
===============================================================================
^? 120.25.115.20                 0   7     0     -     +0ns[   +0ns] +/-    0ns
^? 203.107.6.88                  0   7     0     -     +0ns[   +0ns] +/-    0ns
";
    for (text, rule) in [
        (by_address.as_str(), "some-unreachable"),
        (all_silent, "no-upstream-reachable"),
    ] {
        let e = explain(text).unwrap();
        let f = e
            .findings
            .iter()
            .find(|f| f.rule == Rule::from_id(rule).unwrap())
            .unwrap_or_else(|| panic!("no {rule}"));
        for (lang, name) in [(Lang::En, "resolve"), (Lang::ZhCn, "解析")] {
            let msg = Localizer::new(lang).finding_text(e.kind, f);
            assert!(!msg.contains(name), "{rule}: {msg}");
            assert!(msg.contains("UDP 123"), "{rule}: {msg}");
        }
    }
    // A configured name that never answered may well not resolve.
    let named = all_silent.replace("203.107.6.88     ", "ntp.aliyun.com   ");
    let e = explain(&named).unwrap();
    let msg = Localizer::new(Lang::En).finding_text(e.kind, &e.findings[0]);
    assert!(msg.contains("names that do not resolve"), "{msg}");
    // The text output: "–" where chronyc printed its 0 placeholder.
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), all_silent).unwrap();
    let out = common::stratum()
        .args(["explain", "--lang", "en"])
        .arg(file.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let offsets: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("sample-offset"))
        .collect();
    assert_eq!(offsets.len(), 2, "{text}");
    for l in offsets {
        assert!(l.contains("–") && !l.contains("+0ns"), "{l}");
    }
}

#[test]
fn a_reach_register_filling_after_a_start_is_not_loss() {
    let row = |reach: &str| {
        format!(
            "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n^* 192.168.10.1                  2   6   {reach:>3}    35   -215us[ -301us] +/-   12ms\n"
        )
    };
    for (reach, status, reason) in [
        ("1", "ok", "reach-starting"),
        ("37", "ok", "reach-starting"),
        ("77", "ok", "reach-starting"),
        ("177", "ok", "reach-starting"),
        ("377", "ok", "reach-full"),
        ("375", "warn", "reach-partial"),
        ("376", "warn", "reach-partial"),
        ("2", "warn", "reach-partial"),
        // LastRx 35 (chronyc(1): "how long ago the last good sample ...
        // was received"): it answered, then stopped; not "never".
        ("0", "warn", "reach-zero-answered"),
    ] {
        let e = explain(&row(reach)).unwrap();
        let f = field(&e.rows[0], "reach");
        assert_eq!(
            (f.status.as_str(), f.reason.as_ref().unwrap().id.id()),
            (status, reason),
            "reach {reach}"
        );
    }
}

/// What users paste that is not a whole, clean report.
#[test]
fn empty_tables_quoted_output_and_partial_tracking_are_explained() {
    // A server nobody reaches yet (chronyc prints the header alone).
    let empty = "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last\n===============================================================================\n";
    let e = explain(empty).unwrap();
    assert_eq!(e.kind_name(), "chronyc-clients");
    assert!(
        e.findings
            .iter()
            .any(|f| f.rule == Rule::from_id("no-clients-yet").unwrap())
    );
    // Quoted in notes or mail.
    let tracking = "Reference ID    : C0A80A01 (192.168.10.1)\nStratum         : 3\nSystem time     : 0.000012 seconds fast of NTP time\nLeap status     : Normal\n";
    for quote in ["> ", "# ", ">"] {
        let quoted: String = tracking.lines().map(|l| format!("{quote}{l}\n")).collect();
        let e = explain(&quoted).unwrap_or_else(|err| panic!("{quote:?}: {err}"));
        assert_eq!(e.kind_name(), "chronyc-tracking", "{quote:?}");
        assert_eq!(e.fields.len(), 4);
    }
    // A few lines of tracking.
    let part = "System time     : 0.000012 seconds fast of NTP time\nLast offset     : -0.000003 seconds\n";
    assert_eq!(explain(part).unwrap().kind_name(), "chronyc-tracking");
}

/// Each tool's own units and meanings (from chronyc(1), ntpq(1) and the
/// vendors' command references).
#[test]
fn meanings_follow_each_tools_manual() {
    let tr = Localizer::new(Lang::En);
    // chronyc clients: IntL is the interval after rate limiting.
    assert!(
        tr.tr("field-ntp-interval-limit")
            .contains("after the response rate was limited")
    );
    // ntpq -p and Cisco print poll in seconds, chronyc in log2.
    let ntpq = "     remote           refid      st t when poll reach   delay   offset  jitter\n==============================================================================\n*192.168.10.1    .GPS.            1 u   35   64  377    0.231   -0.012   0.004\n";
    let e = explain(ntpq).unwrap();
    assert!(
        e.rows[0]
            .iter()
            .any(|f| f.name == FieldId::PollSeconds && f.raw == "64")
    );
    assert!(tr.tr("field-poll-seconds").contains("seconds"));
    let cisco = "  address         ref clock       st   when   poll reach  delay  offset   disp\n*~192.168.10.1    .GPS.            1     35     64   377  0.231  -0.012  0.004\n * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured\n";
    let e = explain(cisco).unwrap();
    assert!(
        e.rows[0].iter().any(|f| f.name == FieldId::PollSeconds),
        "{:?}",
        e.rows[0]
    );
    // Cisco's "system time" is the date now, not an offset: no contradiction
    // between the field and the finding about reference time.
    let status = "Clock is synchronized, stratum 2, reference is 192.168.10.1\nnominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**18\nreference time is E9F1C2A3.1D2B3C4D (10:00:03.114 UTC Mon Nov 23 2026)\nclock offset is -0.0120 msec, root delay is 0.23 msec\nroot dispersion is 1.03 msec, peer dispersion is 0.50 msec\nsystem time is E9F1C2D1.3A4B5C6D (10:00:49.228 UTC Mon Nov 23 2026)\n";
    let e = explain(status).unwrap();
    let f = e
        .fields
        .iter()
        .find(|f| f.name == FieldId::CurrentTime)
        .expect("system time read");
    assert!(
        tr.tr(&format!("field-{}", f.name))
            .contains("not an offset")
    );
    assert!(
        e.findings
            .iter()
            .any(|x| x.rule == Rule::from_id("reference-vs-system-time").unwrap())
    );
}

/// Two peers synchronised to an upstream share its stratum: not a problem.
#[test]
fn peers_at_the_same_stratum_are_flagged_only_when_serving_their_own_clocks() {
    let synced = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n^* 192.168.10.1                  2   6   377    35   -215us[ -301us] +/-   12ms\n=+ 10.0.0.2                      3   6   377    20    +15us[  +12us] +/-   13ms\n=+ 10.0.0.3                      3   6   377    21    +11us[  +10us] +/-   13ms\n";
    assert!(
        !explain(synced)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.rule == Rule::from_id("peer-same-stratum").unwrap())
    );
    let isolated = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n=? 10.0.0.2                      8   6   377    20    +15us[  +12us] +/-   13ms\n=? 10.0.0.3                      8   6   377    21    +11us[  +10us] +/-   13ms\n";
    assert!(
        explain(isolated)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.rule == Rule::from_id("peer-same-stratum").unwrap())
    );
}

/// Every output file the tests hold: the explain fixtures and the outputs
/// captured from real chrony labs (tests/data/labs).
pub(crate) fn corpus() -> Vec<PathBuf> {
    let mut v = fixtures();
    let labs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/labs");
    let mut stack = vec![labs];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

/// The rule of explain, over every corpus file: a value marked warn or bad
/// always comes with a finding that accounts for it (its cause and fix).
#[test]
fn every_flagged_value_has_a_finding_over_every_corpus() {
    let mut bad = Vec::new();
    let files = corpus();
    assert!(
        files
            .iter()
            .filter(|p| p.to_string_lossy().contains("/labs/"))
            .count()
            >= 100,
        "the captured lab outputs are missing"
    );
    for p in files {
        let e = match explain(&std::fs::read_to_string(&p).unwrap()) {
            Ok(e) => e,
            // Every output captured from a real chronyd is read.
            Err(err) => {
                bad.push(format!("{}: {err}", p.display()));
                continue;
            }
        };
        for f in e.fields.iter().chain(e.rows.iter().flatten()) {
            if !matches!(
                f.status,
                stratum::core::explain::Status::Warn | stratum::core::explain::Status::Bad
            ) {
                continue;
            }
            let Some(r) = &f.reason else {
                bad.push(format!(
                    "{}: {} = {:?} flagged without a reason",
                    p.display(),
                    f.name,
                    f.raw
                ));
                continue;
            };
            let rules = r.id.rules();
            if !e.findings.iter().any(|x| rules.contains(&x.rule)) {
                bad.push(format!(
                    "{}: {} = {:?} [{}] has no finding",
                    p.display(),
                    f.name,
                    f.raw,
                    r.id
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Every name a reader gives a field is one the rules can match on (a new
/// column needs its FieldId variant, and its texts).
#[test]
fn every_reader_name_is_a_field_id() {
    for (kind, names) in catalogue() {
        for n in names {
            let id = FieldId::of(n);
            assert!(
                !matches!(id, FieldId::Other(_)),
                "{}: {n} has no FieldId",
                kind.name()
            );
            assert_eq!(id.id(), *n);
        }
    }
    for id in FieldId::ALL {
        assert_eq!(FieldId::of(id.id()), *id);
    }
}

/// chronyc(1) sourcestats: "Frequency: This is the estimated residual
/// frequency for the server". Real chronyd of every release follows three
/// loopback servers, one of whose clock runs 300 ppm off (a chronyd -x
/// whose drift file says so: its null clock driver serves time at that
/// rate): that source's settled residual frequency is its own clock's
/// rate, and explain says so, naming it, not that this clock's frequency
/// is wrong.
#[test]
fn a_server_running_at_another_rate_is_named_not_this_clock() {
    std::thread::scope(|s| {
        for r in common::releases() {
            s.spawn(move || {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path();
                std::fs::write(dir.join("fast.drift"), "300.000000 0.000000\n").unwrap();
                let ups: Vec<Chronyd> = [("a", 11), ("b", 12), ("fast", 13)]
                    .iter()
                    .map(|(name, last)| {
                        Chronyd::start(
                            &r.chronyd,
                            dir,
                            name,
                            &format!(
                                "local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.{last}"
                            ),
                        )
                    })
                    .collect();
                let servers: String = ups
                    .iter()
                    .zip([11, 12, 13])
                    .map(|(u, last)| {
                        format!(
                            "server 127.0.0.{last} port {} iburst minpoll -2 maxpoll -2\n",
                            u.port
                        )
                    })
                    .collect();
                let c = Chronyd::start(&r.chronyd, dir, "client", &servers);
                // Each source settled: the fast one 300 ppm off.
                let rows = || {
                    let csv = c.chronyc(&["-c", "-n", "sourcestats"]);
                    let rows: Vec<(String, f64, f64, i64)> = csv
                        .lines()
                        .filter_map(|l| {
                            let w: Vec<&str> = l.split(',').collect();
                            Some((
                                w.first()?.to_string(),
                                w.get(4)?.parse().ok()?,
                                w.get(5)?.parse().ok()?,
                                w.get(1)?.parse().ok()?,
                            ))
                        })
                        .collect();
                    (rows.len() == 3
                        && rows.iter().all(|(_, _, skew, n)| *n >= 6 && *skew < 10.0)
                        && rows
                            .iter()
                            .any(|(a, f, ..)| a == "127.0.0.13" && f.abs() > 200.0))
                    .then_some(rows)
                };
                let got = wait_for(Duration::from_secs(40), rows);
                assert!(
                    got.is_some(),
                    "chrony {}: {}",
                    r.label,
                    c.chronyc(&["-n", "sourcestats"])
                );
                let text = c.chronyc(&["-n", "sourcestats"]);
                let e = explain(&text).unwrap();
                let row = e
                    .rows
                    .iter()
                    .find(|row| field(row, "address").raw == "127.0.0.13")
                    .unwrap_or_else(|| panic!("chrony {}: {text}", r.label));
                let f = field(row, "frequency");
                assert_eq!(
                    f.reason.as_ref().map(|r| r.id),
                    Some(Why::ResidualFreqApart),
                    "chrony {}: {text}",
                    r.label
                );
                let rule = |id: &str| e.findings.iter().find(|f| f.rule.id() == id);
                let apart = rule("source-frequency-apart")
                    .unwrap_or_else(|| panic!("chrony {}: {:?}", r.label, e.findings));
                let tr = Localizer::new(Lang::En);
                let said = tr.finding_text(e.kind, apart);
                assert!(
                    said.starts_with("127.0.0.13 runs at another rate"),
                    "{said}"
                );
                assert!(
                    rule("frequency-high").is_none(),
                    "chrony {}: {text}",
                    r.label
                );
                eprintln!("chrony {}: {said}", r.label);
            });
        }
    });
}
