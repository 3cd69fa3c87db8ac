//! Statistics. Against allantools: the deviations and summaries of
//! synthetic white PM, white FM and random-walk FM series and of white FM
//! at uneven times (tests/data/stats/reference.json, written by
//! scripts/stats-reference.py with allantools 2024.06) agree within 1 %,
//! confidence intervals included; the ADEV slopes are the noise types'.
//! `stratum stats` on the logs real chronyd releases write, read by their
//! content and checked column by column against chrony.conf(5)'s `log`
//! directive (the records themselves, duplicates, order, gaps and
//! unsynchronised ones: `stats_records`); and the hostile
//! files of the attack on the helper (one huge line, sparse files, a CSV
//! of zeros, a record dated 9999, a FIFO), each refused or read in bounded
//! time and peak memory.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;
use stratum::core::series::Field;
use stratum::core::stats::{Noise, analyse, deviations, summary};

fn reference() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats/reference.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        ((a - b) / b).abs() < 0.01,
        "{what}: {a:e} vs allantools {b:e}"
    );
}

#[test]
fn deviations_and_summaries_match_allantools() {
    let r = reference();
    for name in ["white_pm", "white_fm", "random_walk_fm", "white_fm_uneven"] {
        let s = &r[name];
        let (t, x) = (floats(&s["t"]), floats(&s["x"]));
        let d = deviations(&t, &x).unwrap();
        close(d.tau0, s["tau0"].as_f64().unwrap(), name);
        for (key, ours) in [("oadev", &d.oadev), ("mdev", &d.mdev), ("tdev", &d.tdev)] {
            let theirs = s[key].as_array().unwrap();
            assert_eq!(ours.len(), theirs.len(), "{name} {key}");
            for (o, t) in ours.iter().zip(theirs) {
                let t = floats(t);
                for k in 0..4 {
                    close(o[k], t[k], &format!("{name} {key} tau {} [{k}]", t[0]));
                }
            }
        }
        // The whole-series summary and the streamed one (the CLI's).
        let points: Vec<(f64, f64)> = t.iter().copied().zip(x.iter().copied()).collect();
        let streamed = analyse(Field::Offset, points).summary.unwrap();
        for sum in [summary(&x).unwrap(), streamed] {
            let want = &s["summary"];
            for (k, v) in [
                ("p1", sum.p1),
                ("p5", sum.p5),
                ("p50", sum.p50),
                ("p95", sum.p95),
                ("p99", sum.p99),
                ("min", sum.min),
                ("max", sum.max),
                ("mean", sum.mean),
                ("sd", sum.sd),
                ("skewness", sum.skewness),
                ("kurtosis", sum.kurtosis),
            ] {
                close(v, want[k].as_f64().unwrap(), &format!("{name} {k}"));
            }
        }
    }
}

#[test]
fn adev_slopes_name_the_noise() {
    let r = reference();
    for (name, slope, noise) in [
        ("white_pm", -1.0, Noise::WhitePm),
        ("white_fm", -0.5, Noise::WhiteFm),
        ("random_walk_fm", 0.5, Noise::RandomWalkFm),
    ] {
        let s = &r[name];
        let d = deviations(&floats(&s["t"]), &floats(&s["x"])).unwrap();
        // The fit over the first six octaves (the last ones are few pairs).
        let pts: Vec<(f64, f64)> = d.oadev[..6]
            .iter()
            .map(|p| (p[0].ln(), p[1].ln()))
            .collect();
        let n = pts.len() as f64;
        let (sx, sy) = pts.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
        let (mx, my) = (sx / n, sy / n);
        let fit = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>()
            / pts.iter().map(|p| (p.0 - mx).powi(2)).sum::<f64>();
        assert!((fit - slope).abs() < 0.1, "{name}: slope {fit}");
        assert_eq!(d.noise[1], noise, "{name}");
    }
}

/// `stratum stats ARGS --format json`, with its peak resident memory
/// (KiB) as the kernel counted it for that process alone (python's
/// `RUSAGE_CHILDREN` of the one child it ran), killed after `limit`.
pub(crate) fn stats_run(args: &[&str], limit: Duration) -> (Output, u64, Duration) {
    const PEAK: &str = "import resource, subprocess, sys\n\
        p = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, capture_output=True)\n\
        sys.stdout.buffer.write(p.stdout)\n\
        sys.stderr.buffer.write(p.stderr)\n\
        sys.stderr.write('\\nPEAK %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n\
        sys.exit(p.returncode)\n";
    let mut cmd = Command::new("python3");
    cmd.args(["-c", PEAK, env!("CARGO_BIN_EXE_stratum"), "stats"])
        .args(args)
        .args(["--lang", "en"]);
    let start = Instant::now();
    let mut out = crate::common::run_with_deadline(cmd, limit);
    let took = start.elapsed();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let (rest, peak) = err
        .trim_end()
        .rsplit_once("\nPEAK ")
        .unwrap_or_else(|| panic!("stratum stats {args:?} did not end within {limit:?}: {err}"));
    let peak = peak.trim().parse().unwrap();
    out.stderr = rest.as_bytes().to_vec();
    (out, peak, took)
}

pub(crate) fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// As [`manual_column`], for the records of a tracking log that are
/// measurements: chrony.conf(5) log tracking, leap status "?
/// unsynchronised" marks a state (reference 0.0.0.0, offset 0), not one.
pub(crate) fn measured_column(path: &Path, col: usize, columns: usize) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| !l.split_whitespace().any(|w| w == "?"))
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() == columns).then(|| w[col - 1].parse().unwrap())
        })
        .collect()
}

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

/// The summary of `series` agrees with the manual's column: as many
/// values, the same extremes and mean.
pub(crate) fn agrees(series: &Value, values: &[f64], what: &str) {
    let s = &series["summary"];
    assert_eq!(
        s["n"].as_u64(),
        Some(values.len() as u64),
        "{what}: {series}"
    );
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    assert_eq!(s["min"].as_f64(), Some(min), "{what}");
    assert_eq!(s["max"].as_f64(), Some(max), "{what}");
    let m = s["mean"].as_f64().unwrap();
    assert!(
        (m - mean).abs() <= 1e-9 * mean.abs().max(1e-12),
        "{what}: {m} vs {mean}"
    );
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
            });
        }
    });
    let (out, ..) = stats_run(&["/dev/null"], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

/// A tracking.log record as reference.c's format writes it.
pub(crate) fn tracking_line(t: i64, offset: f64) -> String {
    let (y, mo, d, h, mi, s) = stratum::core::civil_from_unix(t);
    format!(
        "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} {:<15} {:2} {:10.3} {:10.3} {:10.3e} {} {:2} {:10.3e} {:10.3e} {:10.3e} {:10.3e} {:10.3e}\n",
        "203.0.113.15",
        2,
        -3.541,
        0.075,
        offset,
        'N',
        2,
        2.94e-6,
        -2.084e-4,
        1.534e-2,
        3.472e-4,
        8.304e-3
    )
}

pub(crate) const BANNER: &str = "   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n";
pub(crate) const START: i64 = 1_780_000_000;

/// Peak resident memory a hostile file may cost (the finding: up to 3 GB).
const PEAK_KIB: u64 = 64 * 1024;

/// Writes `head`, then a hole up to `size` bytes (zeros on reading, no
/// disk used), then `tail`.
fn sparse(path: &Path, head: &[u8], size: u64, tail: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::File::create(path).unwrap();
    f.write_all(head).unwrap();
    f.seek(SeekFrom::Start(size)).unwrap();
    f.write_all(tail).unwrap();
}

/// The files of the attack on the helper (issue: "unbounded stratum
/// stats"), each refused at once or read in bounded time and memory.
#[test]
fn hostile_files_are_refused_or_read_in_bounded_memory_and_time() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let records = |n: i64, from: i64| -> String {
        (0..n)
            .map(|i| tracking_line(from + 16 * i, ((i * 13 % 29) as f64 - 14.0) * 1e-7))
            .collect()
    };
    let check = |what: &str, path: &Path, code: i32, says: &str, limit: u64| -> Output {
        let (out, peak, took) = stats_run(
            &[path.to_str().unwrap(), "--format", "json"],
            Duration::from_secs(limit),
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{what}: {err}");
        assert!(err.contains(says), "{what}: {err}");
        assert!(peak <= PEAK_KIB, "{what}: peak RSS {peak} KiB");
        eprintln!(
            "{what}: exit {code} in {took:.2?}, peak RSS {:.1} MiB",
            peak as f64 / 1024.0
        );
        out
    };

    // A FIFO named tracking.log: refused, not waited on.
    let fifo = dir.join("tracking.log");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    check("FIFO", &fifo, 2, "not a regular file", 10);

    // A 10 GB sparse file: zeros, refused from its first block.
    let p = dir.join("sparse.log");
    sparse(&p, b"", 10 << 30, b"\n");
    check("10 GB of zeros", &p, 2, "neither a chronyd log", 10);

    // One 256 MiB line (zeros, no line end) between two runs of records:
    // the line is skipped without being kept, the records on both sides
    // read (as for 1 GiB, 4 times the time, the same memory).
    let p = dir.join("long-line.log");
    sparse(
        &p,
        format!("{BANNER}{}", records(100, START)).as_bytes(),
        256 << 20,
        format!("\n{}", records(100, START + 100_000)).as_bytes(),
    );
    let out = check("256 MiB line", &p, 0, "neither records nor headers", 120);
    assert_eq!(json_of(&out)["series"]["offset"]["summary"]["n"], 200);
    // No progress bar where standard error is not a terminal.
    assert!(!out.stderr.contains(&b'\r'));

    // A 1 GB CSV of zeros: refused from its first rows.
    let p = dir.join("zeros.csv");
    sparse(&p, &b"0,0,0,0\n".repeat(1 << 17), 1 << 30, b"0,0,0,0\n");
    check("1 GB CSV of zeros", &p, 2, "neither a chronyd log", 10);
    // A Stratum export of 100,000 rows of zeros at one time: one point,
    // the rest duplicates, in bounded memory.
    let p = dir.join("export.csv");
    let mut csv = String::from("series,time,min,max\n");
    csv.push_str(&"system.clock_ahead,0,0,0\n".repeat(100_000));
    std::fs::write(&p, csv).unwrap();
    let out = check("100,000 rows of zeros", &p, 0, "", 60);
    let v = json_of(&out);
    assert_eq!(v["series"]["offset"]["summary"]["n"], 1, "{v}");
    assert_eq!(
        v["series"]["offset"]["summary"]["duplicates"], 99_999,
        "{v}"
    );

    // One record dated 9999 among 1,000: a gap, not 10⁹ grid points.
    let p = dir.join("far.log");
    let far = tracking_line(253_402_300_000, 1e-6);
    std::fs::write(
        &p,
        format!("{}{far}{}", records(500, START), records(500, START + 8000)),
    )
    .unwrap();
    let out = check("a record dated 9999", &p, 0, "", 30);
    let v = json_of(&out);
    let s = &v["series"]["offset"]["summary"];
    assert_eq!(
        (s["n"].as_u64(), s["gaps"].as_u64(), s["reordered"].as_u64()),
        (Some(1001), Some(1), Some(1)),
        "{v}"
    );
    assert!(
        v["series"]["offset"]["adev"]
            .as_array()
            .is_some_and(|a| a.len() >= 5),
        "{v}"
    );

    // 256 sources each with a record dated 9999, and a name carrying a
    // terminal escape: no source costs more, and no escape is printed.
    let p = dir.join("measurements.log");
    let mut m = String::new();
    for src in 0..256 {
        for i in 0..8i64 {
            let t = if i == 4 {
                253_402_300_000
            } else {
                START + 64 * i
            };
            let (y, mo, d, h, mi, s) = stratum::core::civil_from_unix(t);
            m.push_str(&format!(
                "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} 10.0.{}.{:<10} N  2 111 111 1111  6  6 1.00 {:10.3e}  2.296e-04  1.577e-05  1.615e-04  7.446e-05 7F7F0101 4B D K\n",
                src / 256,
                src % 256,
                (i as f64 - 3.5) * 1e-6
            ));
        }
    }
    m.push_str("2026-11-30 10:00:00 \x1b]52;c;aGk=\x07 N  2 111 111 1111  6  6 1.00  1.000e-03  2.296e-04  1.577e-05  1.615e-04  7.446e-05 7F7F0101 4B D K\n");
    std::fs::write(&p, m).unwrap();
    let out = check(
        "256 sources dated 9999",
        &p,
        0,
        "neither records nor headers",
        60,
    );
    let v = json_of(&out);
    assert_eq!(v["sources"].as_object().map(|o| o.len()), Some(256));
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
}

/// The 1-based columns `cols` of the filtered samples of a refclocks log
/// (sequence column 4 is "-"; chrony.conf(5) log refclocks has 9
/// columns), and how many raw samples it holds.
fn refclock_columns(path: &Path, cols: [usize; 2]) -> ([Vec<f64>; 2], usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = [Vec::new(), Vec::new()];
    let mut raw = 0;
    for l in text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
    {
        let w: Vec<&str> = l.split_whitespace().collect();
        assert_eq!(w.len(), 9, "{l}");
        if w[3] != "-" {
            raw += 1;
            continue;
        }
        for (o, c) in out.iter_mut().zip(cols) {
            o.push(w[c - 1].parse().unwrap());
        }
    }
    (out, raw)
}

/// The 1-based column `col` of the raw samples of a refclocks log.
fn refclock_raw_column(path: &Path, col: usize) -> Vec<f64> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w[3] != "-")
        .map(|w| w[col - 1].parse().unwrap())
        .collect()
}

/// `stratum stats` on the refclocks.log each release wrote for a SOCK
/// reference clock 0.3 s off the clock (tests/data/stats/refclocks-*.log,
/// chronyd 4.0, 4.3, 4.6.1 and 4.9 with `log refclocks`): recognised by
/// its content, the refclock's corrected offset (column 8, "Positive
/// indicates that the local clock is slow") and dispersion (column 9)
/// of the filtered samples, the raw ones counted and left out.
#[test]
fn stats_read_the_refclocks_log_of_every_release() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats");
    for v in ["4.0", "4.3", "4.6.1", "4.9"] {
        let path = dir.join(format!("refclocks-{v}.log"));
        let tmp = tempfile::tempdir().unwrap();
        // A name no rule could guess.
        let copy = tmp.path().join("gps-samples.txt");
        std::fs::copy(&path, &copy).unwrap();
        let p = copy.to_str().unwrap();
        let ([offsets, disps], raw) = refclock_columns(&path, [8, 9]);
        assert!(offsets.len() >= 20 && raw > offsets.len(), "{v}");
        let (out, ..) = stats_run(&[p, "--format", "json"], Duration::from_secs(60));
        let j = json_of(&out);
        let gps = &j["sources"]["GPS"]["offset"];
        assert_eq!(gps["positive"], "local-slow", "chrony {v}: {j}");
        agrees(gps, &offsets, &format!("chrony {v} refclocks offset"));
        assert!(gps["adev"].as_array().is_some_and(|a| !a.is_empty()), "{j}");
        // The first filtered samples, before chronyd corrected the clock,
        // are the driver's 0.3 s.
        assert!((offsets[0] - 0.3).abs() < 1e-3, "{v}: {}", offsets[0]);
        let f = &j["files"][0];
        assert_eq!(f["kind"], "refclocks", "{j}");
        assert_eq!(f["samples"], "filtered", "{j}");
        assert_eq!(f["raw_samples_left_out"], raw, "{j}");
        assert_eq!(f["records"], offsets.len(), "{j}");
        assert_eq!(f["unreadable"], 0, "{j}");
        let (out, ..) = stats_run(
            &[p, "--series", "dispersion", "--format", "json"],
            Duration::from_secs(60),
        );
        let j = json_of(&out);
        let d = &j["sources"]["GPS"]["dispersion"];
        agrees(d, &disps, &format!("chrony {v} refclocks dispersion"));
        assert!(
            d.get("positive").is_none() && d.get("adev").is_none(),
            "{j}"
        );
        // "Local clock error measured by reference clock driver, or - for
        // filtered sample": column 7 of the raw samples, the filtered ones
        // left out.
        let raws = refclock_raw_column(&path, 7);
        assert_eq!(raws.len(), raw, "{v}");
        let (out, ..) = stats_run(
            &[p, "--series", "raw-offset", "--format", "json"],
            Duration::from_secs(60),
        );
        let j = json_of(&out);
        let r = &j["sources"]["GPS"]["raw-offset"];
        agrees(r, &raws, &format!("chrony {v} refclocks raw-offset"));
        assert_eq!(r["positive"], "local-slow", "{j}");
        assert_eq!(j["files"][0]["samples"], "raw", "{j}");
        assert_eq!(
            j["files"][0]["filtered_samples_left_out"],
            offsets.len(),
            "{j}"
        );
        // The text says what was read, in both languages.
        for (lang, offset_of, values, filtered, slow) in [
            ("en", "offset of GPS", "values", "filtered samples", "slow"),
            ("zh-CN", "GPS 的 offset", "个数值", "滤波样本", "偏慢"),
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
                .args(["stats", p, "--lang", lang])
                .output()
                .unwrap();
            assert!(out.status.success(), "{lang}: {out:?}");
            let text = String::from_utf8_lossy(&out.stdout);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                text.contains(offset_of) && text.contains(slow),
                "{lang}: {text}"
            );
            assert!(
                text.contains(&format!("{} {values}", offsets.len())),
                "{lang}: {text}"
            );
            assert!(
                err.contains(filtered) && err.contains(&raw.to_string()),
                "{lang}: {err}"
            );
        }
    }
}
