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

mod allantools;
mod hostile;
mod logs;
mod refclocks;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

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
