//! Importing chronyd's logs: generates a tracking.log and a measurements.log
//! of about 1 GB together, imports them into a History, and compares the
//! rate with `wc -l` on the same files. Prints peak memory (the import
//! streams; it must not grow with the file).
//!
//! Run: cargo bench --bench logimport   (STRATUM_BENCH_MB=200 for a quick run)

use std::io::{BufWriter, Write};
use std::process::Command;
use std::time::Instant;

use stratum::core::history::History;
use stratum::helper::logimport::{LogKind, import_reader};

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

fn generate(path: &std::path::Path, kind: LogKind, bytes: u64) {
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let mut written = 0u64;
    let mut t: i64 = 1_700_000_000;
    let mut i: u64 = 0;
    while written < bytes {
        if i % 10_000 == 0 {
            let header = match kind {
                LogKind::Tracking => {
                    "   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n"
                }
                _ => {
                    "   Date (UTC) Time     IP Address   L St 123 567 ABCD  LP RP Score    Offset  Peer del. Peer disp.  Root del. Root disp. Refid     MTxRx\n"
                }
            };
            w.write_all(header.as_bytes()).unwrap();
            written += header.len() as u64;
        }
        let (y, mo, d, h, mi, s) = stratum::core::civil_from_unix(t);
        let x = (i as f64 * 0.01).sin();
        let line = match kind {
            LogKind::Tracking => format!(
                "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} 203.0.113.15     2 {:10.3} {:10.3} {:10.3e} N  2 {:10.3e} {:10.3e} {:10.3e} {:10.3e} {:10.3e}\n",
                -3.5 + x,
                0.075,
                x * 1e-5,
                2.9e-6,
                -2.0e-4,
                1.5e-2,
                3.4e-4,
                8.3e-3
            ),
            _ => format!(
                "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} 203.0.113.{}    N  2 111 111 1111  10 10 1.00 {:10.3e} {:10.3e} {:10.3e} {:10.3e} {:10.3e} CB00717B 4B D K\n",
                i % 4 + 10,
                x * 1e-3,
                2.3e-1,
                1.6e-5,
                1.6e-1,
                7.4e-3
            ),
        };
        w.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
        t += 1;
        i += 1;
    }
    w.flush().unwrap();
}

fn main() {
    let mb: u64 = std::env::var("STRATUM_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let tmp = tempfile::tempdir().unwrap();
    let tracking = tmp.path().join("tracking.log");
    let measurements = tmp.path().join("measurements.log");
    let t = Instant::now();
    generate(&tracking, LogKind::Tracking, mb * 1024 * 1024 / 2);
    generate(&measurements, LogKind::Measurements, mb * 1024 * 1024 / 2);
    let size = std::fs::metadata(&tracking).unwrap().len()
        + std::fs::metadata(&measurements).unwrap().len();
    println!(
        "generated {:.0} MB of logs in {:.1} s",
        size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // Warm page cache by default; STRATUM_BENCH_COLD=1 (root) drops it
    // before each contender, so that both read from disk.
    let cold = std::env::var("STRATUM_BENCH_COLD").is_ok();
    let settle = || {
        if cold {
            let _ = Command::new("sync").status();
            if std::fs::write("/proc/sys/vm/drop_caches", "3").is_err() {
                println!("(cannot drop the page cache: not root)");
            }
        } else {
            let _ = Command::new("cat")
                .arg(&tracking)
                .arg(&measurements)
                .stdout(std::process::Stdio::null())
                .status();
        }
    };
    println!(
        "page cache: {}",
        if cold {
            "dropped before each run"
        } else {
            "warm"
        }
    );
    settle();
    let t = Instant::now();
    let wc = Command::new("wc")
        .arg("-l")
        .arg(&tracking)
        .arg(&measurements)
        .output()
        .unwrap();
    let wc_secs = t.elapsed().as_secs_f64();
    assert!(wc.status.success());

    settle();
    let rss_before = peak_rss_kb();
    let mut history = History::default();
    let t = Instant::now();
    let mut lines = 0;
    let mut samples = 0;
    for (path, kind) in [
        (&tracking, LogKind::Tracking),
        (&measurements, LogKind::Measurements),
    ] {
        let f = std::fs::File::open(path).unwrap();
        let s = import_reader(f, kind, &mut history).unwrap();
        lines += s.lines;
        samples += s.samples;
    }
    let import_secs = t.elapsed().as_secs_f64();
    let mbs = |secs: f64| size as f64 / 1e6 / secs;
    println!(
        "wc -l                 {:>8.1} MB/s ({wc_secs:.2} s)",
        mbs(wc_secs)
    );
    println!(
        "stratum log import    {:>8.1} MB/s ({import_secs:.2} s, {lines} lines, {samples} samples) = {:.0}% of wc -l",
        mbs(import_secs),
        100.0 * wc_secs / import_secs
    );
    println!(
        "peak memory: {} MB before import, {} MB after ({} series kept, bounded)",
        rss_before / 1024,
        peak_rss_kb() / 1024,
        history.names().len()
    );
}
