//! `stratum stats` on a large tracking.log (default 512 MiB, about 4
//! million updates; set STRATUM_STATS_BYTES), in one run next to `wc -l`
//! and awk computing the mean of the offset column on the same file: wall
//! time, throughput and peak RSS (GNU time's maximum resident set) of
//! each, and stratum's time as a multiple of awk's. Then the agreement
//! with allantools on the same file (scripts/stats-reference.py --log,
//! with the python in STRATUM_ALLANTOOLS_PYTHON or python3, when it has
//! allantools and pandas).
//! Run: cargo bench --bench stats

use std::io::Write;
use std::process::Command;
use std::time::Instant;

struct Measured {
    secs: f64,
    rss_mib: f64,
    stdout: Vec<u8>,
}

fn measure(what: &str, cmd: &[&str], bytes: u64) -> Measured {
    let t = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .args(cmd)
        .output()
        .expect("GNU time (Debian: time)");
    let secs = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rss_kb: f64 = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(f64::NAN);
    println!(
        "{what:<34} {secs:>7.2} s  {:>7.0} MB/s  peak RSS {:>7.1} MiB",
        bytes as f64 / secs / 1e6,
        rss_kb / 1024.0
    );
    Measured {
        secs,
        rss_mib: rss_kb / 1024.0,
        stdout: out.stdout,
    }
}

/// Writes a tracking.log as chronyd does (banner every 32 records), a
/// record every 16 s: frequency wandering, offsets white noise on a slow
/// random walk.
fn write_log(path: &std::path::Path, target: u64) -> (u64, u64) {
    let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let (mut written, mut line) = (0u64, 0u64);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 2001) as f64 / 1000.0 - 1.0
    };
    let (mut walk, mut freq) = (0.0, -3.541);
    let start = 1_780_000_000i64;
    while written < target {
        if line % 32 == 0 {
            let h = "   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n=====================================================================================================================================\n";
            f.write_all(h.as_bytes()).unwrap();
            written += h.len() as u64;
        }
        walk += rnd() * 5e-8;
        freq += rnd() * 1e-3;
        let (y, mo, d, hh, mi, s) = stratum::core::civil_from_unix(start + line as i64 * 16);
        let l = format!(
            "{y:04}-{mo:02}-{d:02} {hh:02}:{mi:02}:{s:02} 203.0.113.15     2 {freq:10.3}      0.075 {:10.3e} N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n",
            walk + rnd() * 1e-6
        );
        f.write_all(l.as_bytes()).unwrap();
        written += l.len() as u64;
        line += 1;
    }
    f.flush().unwrap();
    (written, line)
}

/// The largest relative difference between stratum's JSON and the
/// reference's, per kind.
fn agreement(ours: &serde_json::Value, theirs: &serde_json::Value) {
    let o = &ours["series"]["offset"];
    let rel = |a: f64, b: f64| ((a - b) / b).abs();
    for (key, theirs_key) in [("adev", "oadev"), ("mdev", "mdev"), ("tdev", "tdev")] {
        let (Some(a), Some(b)) = (o[key].as_array(), theirs[theirs_key].as_array()) else {
            println!("  {key}: missing");
            continue;
        };
        let worst = a
            .iter()
            .zip(b)
            .map(|(x, y)| rel(x[1].as_f64().unwrap(), y[1].as_f64().unwrap()))
            .fold(0.0, f64::max);
        println!(
            "  {theirs_key}: {} τ compared ({} and {}), largest difference {:.4} %",
            a.len().min(b.len()),
            a.len(),
            b.len(),
            worst * 100.0
        );
    }
    let worst = ["p1", "p5", "p50", "p95", "p99", "mean", "sd"]
        .iter()
        .map(|k| {
            rel(
                o["summary"][k].as_f64().unwrap(),
                theirs["summary"][k].as_f64().unwrap(),
            )
        })
        .fold(0.0, f64::max);
    println!(
        "  percentiles, mean, sd: largest difference {:.4} % (sketch bound {:.4} %)",
        worst * 100.0,
        o["percentile_error"].as_f64().unwrap_or(f64::NAN) * 100.0
    );
}

fn main() {
    let target: u64 = std::env::var("STRATUM_STATS_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512 << 20);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tracking.log");
    let t = Instant::now();
    let (written, lines) = write_log(&path, target);
    println!(
        "tracking.log: {:.0} MiB, {lines} records, written in {:.1} s",
        written as f64 / (1 << 20) as f64,
        t.elapsed().as_secs_f64()
    );
    let p = path.to_str().unwrap();
    // Once to have the file in the page cache for all.
    let _ = Command::new("cat")
        .arg(p)
        .stdout(std::process::Stdio::null())
        .status();
    measure("wc -l", &["wc", "-l", p], written);
    let awk = measure(
        "awk: mean of the offset column",
        &["awk", "/^[0-9]/ { s += $7; n++ } END { print s / n }", p],
        written,
    );
    let bin = env!("CARGO_BIN_EXE_stratum");
    let offset = measure(
        "stratum stats (offset)",
        &[bin, "stats", p, "--format", "json"],
        written,
    );
    let frequency = measure(
        "stratum stats (frequency)",
        &[bin, "stats", p, "--series", "frequency", "--format", "json"],
        written,
    );
    println!(
        "stratum / awk: {:.2} (offset), {:.2} (frequency); peak RSS {:.1} / {:.1} MiB",
        offset.secs / awk.secs,
        frequency.secs / awk.secs,
        offset.rss_mib,
        frequency.rss_mib
    );
    let python = std::env::var("STRATUM_ALLANTOOLS_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/stats-reference.py");
    let t = Instant::now();
    match Command::new(&python).args([script, "--log", p]).output() {
        Ok(out) if out.status.success() => {
            println!(
                "allantools (scripts/stats-reference.py --log): {:.1} s",
                t.elapsed().as_secs_f64()
            );
            let ours: serde_json::Value = serde_json::from_slice(&offset.stdout).unwrap();
            let theirs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            agreement(&ours, &theirs);
        }
        _ => println!(
            "allantools: not compared ({python} lacks allantools or pandas: python3 -m venv /tmp/av && /tmp/av/bin/pip install allantools pandas, then STRATUM_ALLANTOOLS_PYTHON=/tmp/av/bin/python)"
        ),
    }
}
