//! The hostile files of the attack on the helper, each refused or read in
//! bounded time and peak memory.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use super::*;

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
