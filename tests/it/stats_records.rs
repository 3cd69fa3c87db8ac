//! `stratum stats` on the records themselves: gaps, duplicates (a
//! verbatim copy wherever it sits), records out of order, rotated files
//! read as one, and tracking records written while chronyd was not
//! synchronised (chrony.conf(5), log tracking: "? unsynchronised"), of
//! synthetic logs, the audits' files and what each release writes.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::stats::{BANNER, START, agrees, json_of, measured_column, stats_run, tracking_line};

#[test]
fn gaps_duplicates_and_out_of_order_records_are_counted() {
    let tmp = tempfile::tempdir().unwrap();
    // 1000 updates 16 s apart; chronyd stopped for 300 s after the 500th;
    // one line written twice; two lines swapped.
    let mut lines: Vec<String> = Vec::new();
    let mut t = START;
    for i in 0..1000 {
        t += if i == 500 { 300 } else { 16 };
        lines.push(tracking_line(t, ((i * 37 % 101) as f64 - 50.0) * 1e-7));
    }
    lines.insert(200, lines[199].clone());
    lines.swap(700, 701);
    // A copy one line before the record it repeats: a duplicate, and
    // nothing is out of order (the copy alone was misplaced).
    lines.insert(850, lines[851].clone());
    let log = tmp.path().join("tracking.log");
    std::fs::write(&log, format!("{BANNER}{}", lines.concat())).unwrap();
    let (out, ..) = stats_run(
        &[log.to_str().unwrap(), "--format", "json"],
        Duration::from_secs(30),
    );
    let v = json_of(&out);
    let s = &v["series"]["offset"]["summary"];
    assert_eq!(s["n"], 1000, "{v}");
    assert_eq!(
        (
            s["duplicates"].as_u64(),
            s["reordered"].as_u64(),
            s["gaps"].as_u64()
        ),
        (Some(2), Some(1), Some(1)),
        "{v}"
    );
    assert_eq!(
        v["series"]["offset"]["longest_gap"]["seconds"], 300.0,
        "{v}"
    );
    let (out, ..) = stats_run(&[log.to_str().unwrap()], Duration::from_secs(30));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2 duplicates dropped, 1 out of order, 1 gap"),
        "{text}"
    );
    assert!(text.contains("the longest 300 s from"), "{text}");

    // Rotated logs given newest first read as one series in time order,
    // and the same file given twice is read once.
    let (older, newer) = lines.split_at(400);
    let old = tmp.path().join("tracking.log.1");
    let new = tmp.path().join("tracking.log.0");
    std::fs::write(&old, older.concat()).unwrap();
    std::fs::write(&new, newer.concat()).unwrap();
    let (n, o) = (new.to_str().unwrap(), old.to_str().unwrap());
    let (out, ..) = stats_run(&[n, o, n, "--format", "json"], Duration::from_secs(30));
    let v = json_of(&out);
    let s = &v["series"]["offset"]["summary"];
    assert_eq!(
        (s["n"].as_u64(), s["reordered"].as_u64()),
        (Some(1000), Some(1)),
        "{v}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("is the same file as"));
}

/// chrony.conf(5) log tracking: leap status "? unsynchronised". The
/// records chronyd 4.6.1 writes before its first update and 4.9 writes
/// again when it loses its source (reference 0.0.0.0, skew 1000000 ppm,
/// offset 0) are left out of every series, and the run says how many.
#[test]
fn unsynchronised_tracking_records_are_left_out_and_counted() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats");
    for (name, unsynchronised, measured, no_estimate) in [
        ("tracking-4.6.1-first-unsynchronised.log", 1, 262, 1),
        ("tracking-4.9-unsynchronised-twice.log", 2, 2, 0),
    ] {
        let path = data.join(name);
        let p = path.to_str().unwrap();
        let (out, ..) = stats_run(&[p, "--format", "json"], Duration::from_secs(30));
        let v = json_of(&out);
        let want = measured_column(&path, 7, 14).unwrap();
        assert_eq!(want.len(), measured, "{name}");
        agrees(&v["series"]["offset"], &want, name);
        assert_eq!(
            v["files"][0]["unsynchronised"], unsynchronised,
            "{name}: {v}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("{unsynchronised} tracking record"))
                && err.contains("not synchronised"),
            "{name}: {err}"
        );
        // The frequency and skew series leave them out, and the first
        // updates before a frequency estimate too: skew 1000000 ppm is
        // chronyd's placeholder (reference.c starts at 1.0), frequency 0.
        let (out, ..) = stats_run(
            &[p, "--series", "skew", "--format", "json"],
            Duration::from_secs(30),
        );
        let v = json_of(&out);
        let all = measured_column(&path, 6, 14).unwrap();
        let estimated: Vec<f64> = all.iter().copied().filter(|s| *s < 1e6).collect();
        assert_eq!(all.len() - estimated.len(), no_estimate, "{name}");
        agrees(&v["series"]["skew"], &estimated, name);
        assert_eq!(
            v["files"][0]["no_frequency_estimate"], no_estimate,
            "{name}: {v}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.contains("before chronyd had a frequency estimate"),
            no_estimate > 0,
            "{name}: {err}"
        );
    }
}

/// A statistics log where four records were written twice, not next to
/// each other (one copy sits a line before the record it repeats), and two
/// records are swapped. Every verbatim copy is a duplicate wherever it is:
/// dropped and counted once, and a misplaced copy makes nothing else out
/// of order. The values are each source's distinct records, as counted by
/// hand (chrony.conf(5), log statistics: "Est. offset", column 5).
#[test]
fn verbatim_copies_anywhere_are_dropped_as_duplicates() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats/statistics-copies-apart.log");
    let p = path.to_str().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut seen = std::collections::HashSet::new();
    let distinct: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| seen.insert(*l))
        .collect();
    let (out, ..) = stats_run(&[p, "--format", "json"], Duration::from_secs(30));
    let v = json_of(&out);
    // (source, copies, out of order): the swap 09:12:53/09:12:56 touches
    // both sources; the copy of 09:13:44 before 09:13:43 touches nothing.
    for (source, copies, reordered) in [("127.0.0.1", 3, 1), ("127.0.0.2", 1, 1)] {
        let mut want: Vec<f64> = distinct
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .filter(|w| w[2] == source)
            .map(|w| w[4].parse().unwrap())
            .collect();
        let series = &v["sources"][source]["offset"];
        agrees(series, &want, source);
        let s = &series["summary"];
        assert_eq!(
            (s["duplicates"].as_u64(), s["reordered"].as_u64()),
            (Some(copies), Some(reordered)),
            "{source}: {series}"
        );
        want.sort_by(f64::total_cmp);
        let n = want.len();
        let median = (want[(n - 1) / 2] + want[n / 2]) / 2.0;
        assert_eq!(s["p50"].as_f64(), Some(median), "{source}");
    }
    let (out, ..) = stats_run(&[p], Duration::from_secs(30));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("all 2 series: 4 duplicates dropped, 2 out of order, 0 gaps"),
        "{text}"
    );
}

/// chrony.conf(5), log tracking: "L … leap status (N normal, + insert
/// second, - delete second, ? unsynchronised)". A log whose every record
/// says "?" (chronyd writes one at start, and nothing more while no source
/// answers) was read and understood: `stratum stats` says chronyd was not
/// synchronised in any of its records and succeeds; a log with no record
/// at all keeps its error. The file of chrony 4.0 from the audit, and one
/// that each release writes.
#[test]
fn a_log_never_synchronised_says_so_and_succeeds() {
    use crate::common::lab::{Chronyd, free_udp_port, wait_for};
    let check = |path: &Path, records: u64, label: &str| {
        let p = path.to_str().unwrap();
        let (out, ..) = stats_run(&[p], Duration::from_secs(30));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{label}: {out:?}");
        let one = if records == 1 {
            "its only record".to_string()
        } else {
            format!("any of its {records} records")
        };
        assert!(
            text.contains(&format!("chronyd was not synchronised in {one}"))
                && text.contains("nothing to summarise yet"),
            "{label}: {text}"
        );
        let (out, ..) = stats_run(&[p, "--format", "json"], Duration::from_secs(30));
        let v = json_of(&out);
        assert_eq!(v["series"], serde_json::json!({}), "{label}: {v}");
        assert_eq!(v["files"][0]["unsynchronised"], records, "{label}: {v}");
        let zh = Command::new(env!("CARGO_BIN_EXE_stratum"))
            .args(["stats", p, "--lang", "zh-CN"])
            .output()
            .unwrap();
        assert!(zh.status.success(), "{label}: {zh:?}");
        assert!(
            String::from_utf8_lossy(&zh.stdout).contains("都未同步"),
            "{label}: {zh:?}"
        );
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats");
    check(
        &data.join("tracking-4.0-never-synchronised.log"),
        1,
        "chrony 4.0 (audit)",
    );

    // The banner alone: no record, nothing understood.
    let tmp = tempfile::tempdir().unwrap();
    let banner = tmp.path().join("tracking.log");
    std::fs::write(
        &banner,
        format!(
            "{}{BANNER}{}",
            "=".repeat(131) + "\n",
            "=".repeat(131) + "\n"
        ),
    )
    .unwrap();
    let (out, ..) = stats_run(&[banner.to_str().unwrap()], Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("No offset values were found"));

    let releases = crate::common::releases();
    std::thread::scope(|s| {
        for r in &releases {
            let check = &check;
            s.spawn(move || {
                let dir = tempfile::tempdir().unwrap();
                let logdir = dir.path().join("log");
                std::fs::create_dir_all(&logdir).unwrap();
                // A server on a loopback port nobody listens on: it never
                // answers.
                let c = Chronyd::start(
                    &r.chronyd,
                    dir.path(),
                    "client",
                    &format!(
                        "server 127.0.0.1 port {} iburst minpoll 0 maxpoll 0\nlogdir {}\nlog tracking",
                        free_udp_port(),
                        logdir.display()
                    ),
                );
                let log = logdir.join("tracking.log");
                let records = || {
                    std::fs::read_to_string(&log)
                        .unwrap_or_default()
                        .lines()
                        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
                        .count()
                };
                wait_for(Duration::from_secs(10), || (records() > 0).then_some(()))
                    .unwrap_or_else(|| panic!("chrony {}: no tracking record", r.label));
                // Polls that go unanswered add nothing to the log.
                std::thread::sleep(Duration::from_secs(3));
                drop(c);
                check(&log, records() as u64, &format!("chrony {}", r.label));
            });
        }
    });
}

/// Two hosts' tracking logs of the same minutes (an audit's files: chronyd
/// 4.9 following 127.0.0.160, chronyd 4.0 following 127.0.0.100, records
/// interleaved second by second). One log's rotated copies follow each
/// other (the rotated-files case above reads as one), so overlapping files
/// are refused with both names and the common time, and nothing is
/// computed: their records merged into one "system" series would mean
/// nothing.
#[test]
fn two_hosts_logs_of_the_same_hours_are_refused() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats");
    let a = data.join("tracking-4.9-host-a.log");
    let b = data.join("tracking-4.0-host-b.log");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for (lang, words) in [
        (
            "en",
            ["look like the logs of two hosts", "2026-12-07 14:33:27"],
        ),
        ("zh-CN", ["两台主机", "2026-12-07 14:33:27"]),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
            .args(["stats", a, b, "--lang", lang])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{err}");
        assert!(
            out.stdout.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        for w in words {
            assert!(err.contains(w), "{lang}: {err}");
        }
        assert!(err.contains("tracking-4.9-host-a.log") && err.contains("tracking-4.0-host-b.log"));
    }
    // Each alone is read.
    for p in [a, b] {
        let (out, ..) = stats_run(&[p, "--format", "json"], Duration::from_secs(30));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
