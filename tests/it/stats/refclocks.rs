//! `stratum stats` on the refclocks log of every release.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::*;

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
