//! `stratum stats` on a large tracking.log (default 1 GiB; set
//! STRATUM_STATS_BYTES), next to `wc -l` on the same file: wall time,
//! throughput and peak memory (GNU time's maximum RSS) of each.
//! Run: cargo bench --bench stats

use std::io::Write;
use std::process::Command;
use std::time::Instant;

fn measure(what: &str, cmd: &[&str], bytes: u64) {
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
        "{what:<32} {secs:>7.2} s  {:>7.0} MB/s  peak RSS {:>7.1} MB",
        bytes as f64 / secs / 1e6,
        rss_kb / 1024.0
    );
}

fn main() {
    let target: u64 = std::env::var("STRATUM_STATS_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1 << 30);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tracking.log");
    let t = Instant::now();
    let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).unwrap());
    let mut written = 0u64;
    let mut line = 0u64;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let start = 1_780_000_000i64;
    while written < target {
        if line % 40 == 0 {
            let h = "   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n=====================================================================================================================================\n";
            f.write_all(h.as_bytes()).unwrap();
            written += h.len() as u64;
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let noise = (seed % 2001) as f64 - 1000.0;
        let (y, mo, d, hh, mi, s) = stratum::core::civil_from_unix(start + line as i64 * 16);
        let l = format!(
            "{y:04}-{mo:02}-{d:02} {hh:02}:{mi:02}:{s:02} 203.0.113.15     2     -3.541      0.075 {:10.3e} N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n",
            noise * 1e-9
        );
        f.write_all(l.as_bytes()).unwrap();
        written += l.len() as u64;
        line += 1;
    }
    f.flush().unwrap();
    drop(f);
    println!(
        "tracking.log: {:.2} GB, {line} records, written in {:.1} s",
        written as f64 / 1e9,
        t.elapsed().as_secs_f64()
    );
    let p = path.to_str().unwrap();
    // Once to have the file in the page cache for both.
    let _ = Command::new("cat")
        .arg(p)
        .stdout(std::process::Stdio::null())
        .status();
    measure("wc -l", &["wc", "-l", p], written);
    let bin = env!("CARGO_BIN_EXE_stratum");
    measure(
        "stratum stats (offset)",
        &[bin, "stats", p, "--format", "json"],
        written,
    );
    measure(
        "stratum stats (frequency)",
        &[bin, "stats", p, "--series", "frequency", "--format", "json"],
        written,
    );
}
