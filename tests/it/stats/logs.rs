//! `stratum stats` on the logs real chronyd releases write, checked column
//! by column against chrony.conf(5)'s `log` directive.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::*;

/// The values of 1-based column `col` of a log's records, as
/// chrony.conf(5) numbers them (Date is column 1): `None` when a record
/// has not the manual's column count (an unsynchronised tracking record
/// prints no address), so that the expectation is left out.
fn manual_column(path: &Path, col: usize, columns: usize) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() == columns).then(|| w[col - 1].parse().unwrap())
        })
        .collect()
}

/// The numeric columns of chrony.conf(5)'s `log` directive (4.0 to 4.9)
/// not checked one by one above: the series name, the manual's column
/// number (Date is 1) and the factor to the series' unit.
const DOCUMENTED_TRACKING: &[(&str, usize, f64)] = &[
    // "The stratum of the local system."
    ("stratum", 4, 1.0),
    // "The error bounds on the frequency (in ppm)." (frequency and skew
    // leave out chronyd's placeholder records: checked above)
    // "The number of combined sources."
    ("combined-sources", 9, 1.0),
    // "The estimated standard deviation of the combined offset"
    ("std-dev", 10, 1.0),
    // "The remaining offset correction from the previous update"
    ("correction", 11, 1.0),
    ("root-delay", 12, 1.0),
    ("root-dispersion", 13, 1.0),
    // "The maximum estimated error of the system clock"
    ("max-error", 14, 1.0),
];
const DOCUMENTED_MEASUREMENTS: &[(&str, usize, f64)] = &[
    ("stratum", 5, 1.0),
    ("poll", 9, 1.0),
    ("remote-poll", 10, 1.0),
    ("score", 11, 1.0),
    // "The peer dispersion (epsilon in RFC 5905)." (banner "Peer disp.")
    ("dispersion", 14, 1.0),
    ("root-delay", 15, 1.0),
    ("root-dispersion", 16, 1.0),
];
const DOCUMENTED_STATISTICS: &[(&str, usize, f64)] = &[
    // "The estimated standard deviation of the offset estimate"
    ("offset-sd", 6, 1.0),
    // "The estimated rate … (in seconds per second …)": in ppm.
    ("frequency", 7, 1e6),
    ("skew", 8, 1e6),
    ("stress", 9, 1.0),
    ("samples", 10, 1.0),
    ("start-index", 11, 1.0),
    ("runs", 12, 1.0),
    ("asymmetry", 13, 1.0),
];

/// `stratum stats --help` lists each log's series, in both languages.
#[test]
fn the_help_lists_the_series_of_each_log() {
    for lang in ["en", "zh-CN"] {
        let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
            .args(["stats", "--help", "--lang", lang])
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        let logs = ["tracking", "measurements", "statistics", "refclocks"];
        let block = |log: &str| -> String {
            let start = help
                .find(&format!("  {log}  "))
                .unwrap_or_else(|| panic!("{lang}: no {log} line: {help}"));
            let rest = &help[start + log.len() + 2..];
            let end = logs
                .iter()
                .filter_map(|l| rest.find(&format!("  {l}  ")))
                .min()
                .unwrap_or(rest.len());
            rest[..end].to_string()
        };
        for (log, series) in [
            ("tracking", DOCUMENTED_TRACKING),
            ("measurements", DOCUMENTED_MEASUREMENTS),
            ("statistics", DOCUMENTED_STATISTICS),
        ] {
            let b = block(log);
            for (name, ..) in series.iter().chain(&[("offset", 0, 1.0)]) {
                assert!(
                    b.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                        .any(|w| w == *name),
                    "{lang}: {log} does not list {name}: {b}"
                );
            }
        }
        let b = block("refclocks");
        for name in ["raw-offset", "offset", "dispersion"] {
            assert!(b.contains(name), "{lang}: refclocks: {b}");
        }
        // A name that is no series is refused, with the names there are.
        let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
            .args([
                "stats",
                "/dev/null",
                "--series",
                "peer-dispersion",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{lang}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("peer-dispersion") && err.contains("max-error, poll"),
            "{lang}: {err}"
        );
    }
}

/// `stratum stats` on the logs real chronyd releases write while following
/// a loopback server, copied under other names (a file is recognised by
/// its content): each series is the column chrony.conf(5)'s `log`
/// directive describes, keyed by the series name as given, with
/// deviations for offset and frequency.
#[test]
fn stats_read_the_logs_every_release_writes() {
    use crate::common::lab::{Chronyd, wait_for};
    let releases = crate::common::releases();
    std::thread::scope(|s| {
        for r in &releases {
            s.spawn(move || {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path();
                let up = Chronyd::upstream(&r.chronyd, dir);
                let logdir = dir.join("log");
                std::fs::create_dir_all(&logdir).unwrap();
                let c = Chronyd::start(
                    &r.chronyd,
                    dir,
                    "client",
                    &format!(
                        "server 127.0.0.1 port {} iburst minpoll 0 maxpoll 0\nlogdir {}\nlog tracking measurements statistics",
                        up.port,
                        logdir.display()
                    ),
                );
                let records = |name: &str| {
                    std::fs::read_to_string(logdir.join(name))
                        .unwrap_or_default()
                        .lines()
                        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
                        .count()
                };
                wait_for(Duration::from_secs(30), || {
                    (records("tracking.log") >= 10 && records("statistics.log") >= 4).then_some(())
                })
                .unwrap_or_else(|| panic!("chrony {}: too few log lines", r.label));
                drop(c);
                // Copies under names no rule could guess.
                let copy = |from: &str, to: &str| {
                    let p = dir.join(to);
                    std::fs::copy(logdir.join(from), &p).unwrap();
                    p
                };
                let tracking = copy("tracking.log", "server1-tracking.log");
                let statistics = copy("statistics.log", "stats-copy.txt");
                let measurements = copy("measurements.log", "m.log.1");
                let run = |args: &[&str]| {
                    let (out, ..) = stats_run(args, Duration::from_secs(60));
                    json_of(&out)
                };
                let label = &r.label;
                let t = tracking.to_str().unwrap();
                // tracking: "The estimated local offset at the epoch ...
                // (in seconds, positive indicates the clock is fast of
                // UTC)": column 7 of 14.
                let v = run(&[t, "--format", "json"]);
                let sys = &v["series"]["offset"];
                assert_eq!(sys["positive"], "local-fast", "chrony {label}: {v}");
                assert!(sys["adev"].as_array().is_some_and(|a| !a.is_empty()), "{v}");
                if let Some(want) = measured_column(&tracking, 7, 14) {
                    agrees(sys, &want, &format!("chrony {label} tracking offset"));
                }
                // "The local system frequency (in ppm ...)": column 5, of
                // the updates with a frequency estimate (skew, column 6,
                // below chronyd's 1000000 ppm placeholder).
                // "The stratum of the local system" (column 4) is a whole
                // number, and the text says it as one (+11, not +1.1e1).
                if let Some(strata) = measured_column(&tracking, 4, 14) {
                    let (out, ..) = stats_run(&[t, "--series", "stratum"], Duration::from_secs(60));
                    let out = String::from_utf8_lossy(&out.stdout);
                    let low = strata.iter().copied().fold(f64::INFINITY, f64::min);
                    let min = out
                        .lines()
                        .find(|l| l.trim_start().starts_with("min "))
                        .unwrap_or_else(|| panic!("chrony {label}: {out}"));
                    assert_eq!(
                        min.split_whitespace().last(),
                        Some(format!("+{low}").as_str()),
                        "chrony {label}: {out}"
                    );
                }
                let v = run(&[t, "--series", "frequency", "--format", "json"]);
                let f = &v["series"]["frequency"];
                assert_eq!(f["unit"], "ppm", "{v}");
                assert!(f["mdev"].as_array().is_some_and(|a| !a.is_empty()), "{v}");
                if let (Some(freq), Some(skew)) = (
                    measured_column(&tracking, 5, 14),
                    measured_column(&tracking, 6, 14),
                ) {
                    let want: Vec<f64> = freq
                        .iter()
                        .zip(&skew)
                        .filter(|(_, s)| **s < 1e6)
                        .map(|(f, _)| *f)
                        .collect();
                    agrees(f, &want, &format!("chrony {label} tracking frequency"));
                }
                // statistics: "The estimated offset of the source (in
                // seconds, positive means the local clock is estimated to
                // be fast ...)": column 5 of 13, the default series.
                let v = run(&[statistics.to_str().unwrap(), "--format", "json"]);
                let o = &v["sources"]["127.0.0.1"]["offset"];
                assert_eq!(o["positive"], "local-fast", "chrony {label}: {v}");
                agrees(o, &manual_column(&statistics, 5, 13).unwrap(), "statistics offset");
                // "The estimated standard deviation of the measurements
                // from the source (in seconds)": column 4, named as given.
                let v = run(&[statistics.to_str().unwrap(), "--series", "std-dev", "--format", "json"]);
                let sd = &v["sources"]["127.0.0.1"]["std-dev"];
                agrees(sd, &manual_column(&statistics, 4, 13).unwrap(), "statistics std-dev");
                // measurements: "The estimated local clock error (theta in
                // RFC 5905). Positive indicates that the local clock is slow
                // of the remote source": column 12 of 20.
                let v = run(&[measurements.to_str().unwrap(), "--format", "json"]);
                let o = &v["sources"]["127.0.0.1"]["offset"];
                assert_eq!(o["positive"], "local-slow", "chrony {label}: {v}");
                agrees(o, &manual_column(&measurements, 12, 20).unwrap(), "measurements offset");
                // "The peer delay (delta in RFC 5905)": column 13.
                let v = run(&[measurements.to_str().unwrap(), "--series", "delay", "--format", "json"]);
                agrees(
                    &v["sources"]["127.0.0.1"]["delay"],
                    &manual_column(&measurements, 13, 20).unwrap(),
                    "measurements delay",
                );
                // An admin's saved copy of the first half of each log next
                // to the log itself: its records are the log's, verbatim, so
                // they are duplicates of one chronyd (not two hosts' logs):
                // read once, counted and named, the statistics those of the
                // log alone.
                for (path, key) in [
                    (&tracking, ["series", "offset"]),
                    (&measurements, ["sources", "127.0.0.1"]),
                    (&statistics, ["sources", "127.0.0.1"]),
                ] {
                    let text = std::fs::read_to_string(path).unwrap();
                    let records: Vec<&str> =
                        text.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).collect();
                    let half = &records[..records.len() / 2];
                    let banner: String = text.lines().take_while(|l| !l.starts_with(|c: char| c.is_ascii_digit())).map(|l| format!("{l}\n")).collect();
                    let saved = dir.join(format!("{}.1", path.file_name().unwrap().to_str().unwrap()));
                    std::fs::write(&saved, format!("{banner}{}\n", half.join("\n"))).unwrap();
                    // Tracking records of an unsynchronised chronyd are no
                    // measurement: left out before any comparison.
                    let measured = half.iter().filter(|l| l.split_whitespace().nth(7) != Some("?")).count() as u64;
                    let series = |v: &serde_json::Value| {
                        let s = &v[key[0]][key[1]];
                        if key[0] == "series" { s.clone() } else { s["offset"].clone() }
                    };
                    let p = path.to_str().unwrap();
                    let what = format!("chrony {label} {p} with a saved copy of its first half");
                    let alone = series(&run(&[p, "--format", "json"]));
                    let (out, ..) = stats_run(&[saved.to_str().unwrap(), p, "--format", "json"], Duration::from_secs(60));
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(out.status.success(), "{what}: {err}");
                    let both = series(&json_of(&out));
                    for k in ["n", "mean", "min", "max", "sd"] {
                        assert_eq!(both["summary"][k], alone["summary"][k], "{what}: {k}");
                    }
                    assert_eq!(
                        both["summary"]["duplicates"].as_u64(),
                        alone["summary"]["duplicates"].as_u64().map(|d| d + measured),
                        "{what}"
                    );
                    assert!(err.contains("dropped as duplicates"), "{what}: {err}");
                    assert!(!err.contains("two hosts"), "{what}: {err}");
                    let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
                        .args(["stats", saved.to_str().unwrap(), p, "--lang", "zh-CN"])
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{what}");
                    assert!(String::from_utf8_lossy(&out.stderr).contains("作为重复记录丢弃"), "{what}");
                }
                // Every other numeric column chrony.conf(5) documents, by
                // the manual's column number: each series is that column.
                for (path, columns, series) in [
                    (&tracking, 14, DOCUMENTED_TRACKING),
                    (&measurements, 20, DOCUMENTED_MEASUREMENTS),
                    (&statistics, 13, DOCUMENTED_STATISTICS),
                ] {
                    for &(name, col, scale) in series {
                        let v = run(&[path.to_str().unwrap(), "--series", name, "--format", "json"]);
                        let (got, want) = if columns == 14 {
                            (&v["series"][name], measured_column(path, col, 14))
                        } else {
                            (&v["sources"]["127.0.0.1"][name], manual_column(path, col, columns))
                        };
                        let Some(want) = want else { continue };
                        let what = format!("chrony {label} {} {name}", path.display());
                        if scale == 1.0 {
                            agrees(got, &want, &what);
                        } else {
                            // Scaled to ppm: equal to the last bits of the product.
                            let want: Vec<f64> = want.iter().map(|x| x * scale).collect();
                            let s = &got["summary"];
                            assert_eq!(s["n"].as_u64(), Some(want.len() as u64), "{what}");
                            let min = want.iter().copied().fold(f64::INFINITY, f64::min);
                            let max = want.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                            for (k, w) in [("min", min), ("max", max)] {
                                let g = s[k].as_f64().unwrap();
                                assert!((g - w).abs() <= 1e-12 * w.abs().max(1e-12), "{what} {k}: {g} {w}");
                            }
                        }
                    }
                }
                // The log copied while chronyd writes its last record: cut
                // two bytes into the root delay (column 12), "4." of
                // 4.484e-06 (audit R37-F2). That record is no measurement
                // for any series: every series has the others, and the
                // summary counts the one line skipped.
                let text = std::fs::read_to_string(&tracking).unwrap();
                let body = text.trim_end_matches('\n');
                let last = &body[body.rfind('\n').unwrap() + 1..];
                let words: Vec<&str> = last.split_whitespace().collect();
                assert_eq!(words.len(), 14, "chrony {label}: {last}");
                // Where the 12th word starts: after 11 words and their spaces.
                let mut at = 0;
                for w in &words[..11] {
                    at = last[at..].find(*w).unwrap() + at + w.len();
                }
                let at = at + last[at..].find(words[11]).unwrap() + 2;
                let cut_at = body.len() - last.len() + at;
                let cut = dir.join("cut-tracking.log");
                std::fs::write(&cut, &body[..cut_at]).unwrap();
                let whole = dir.join("whole-tracking.log");
                std::fs::write(&whole, &body[..body.len() - last.len()]).unwrap();
                for (name, col, _) in DOCUMENTED_TRACKING.iter().copied().chain([("offset", 7, 1.0)]) {
                    let v = run(&[cut.to_str().unwrap(), "--series", name, "--format", "json"]);
                    let what = format!("chrony {label}: a cut last record, {name}");
                    assert_eq!(v["files"][0]["unreadable"], 1, "{what}: {v}");
                    if let Some(want) = measured_column(&whole, col, 14) {
                        agrees(&v["series"][name], &want, &what);
                    }
                }
                let (out, ..) = stats_run(&[cut.to_str().unwrap(), "--series", "root-delay"], Duration::from_secs(60));
                assert!(
                    String::from_utf8_lossy(&out.stderr).contains("1 line is neither records nor headers (a record cut short"),
                    "chrony {label}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            });
        }
    });
    let (out, ..) = stats_run(&["/dev/null"], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}
