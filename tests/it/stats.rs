//! Statistics against allantools: the deviations and summaries of
//! synthetic white PM, white FM and random-walk FM series and of white FM
//! at uneven times (tests/data/stats/reference.json, written by
//! scripts/stats-reference.py with allantools 2024.06) agree within 1 %,
//! confidence intervals included; the ADEV slopes are the noise types'.

use serde_json::Value;
use stratum::core::stats::{Noise, deviations, summary};

fn reference() -> Value {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats/reference.json"),
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
        let sum = summary(&x).unwrap();
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

/// `stratum stats` on the logs real chronyd releases write (each writes
/// its own columns) while following a loopback server: every record of
/// tracking.log is counted, the sources of measurements.log and
/// statistics.log are named, deviations come with the offset and
/// frequency series, and a file that is not a log is refused.
#[test]
fn stats_read_the_logs_every_release_writes() {
    use crate::common::lab::{Chronyd, wait_for};
    use std::time::Duration;
    let releases = crate::common::releases();
    std::thread::scope(|s| {
        for r in &releases {
            s.spawn(move || {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path();
                let up = Chronyd::upstream(&r.chronyd, dir);
                let logdir = dir.join("log");
                std::fs::create_dir_all(&logdir).unwrap();
                let _c = Chronyd::start(
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
                let run = |args: &[&str]| {
                    let out = crate::common::stratum()
                        .arg("stats")
                        .args(args)
                        .args(["--format", "json"])
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "chrony {}: {}", r.label, String::from_utf8_lossy(&out.stderr));
                    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
                };
                let tracking = logdir.join("tracking.log");
                let n = records("tracking.log");
                let v = run(&[tracking.to_str().unwrap()]);
                let sys = &v["series"]["system offset"];
                // Records written after the count are read too.
                assert!(sys["summary"]["n"].as_u64().unwrap() >= n as u64, "chrony {}: {v}", r.label);
                assert!(sys["adev"].as_array().is_some_and(|a| !a.is_empty()), "{v}");
                let v = run(&[tracking.to_str().unwrap(), "--series", "frequency"]);
                assert_eq!(v["series"]["system frequency"]["unit"], "ppm", "{v}");
                for log in ["measurements.log", "statistics.log"] {
                    let field = if log == "statistics.log" { "std-dev" } else { "offset" };
                    let v = run(&[logdir.join(log).to_str().unwrap(), "--series", field]);
                    let name = format!("127.0.0.1 {}", field.replace('-', "_"));
                    assert!(
                        v["series"][&name]["summary"]["n"].as_u64().unwrap_or(0) >= 2,
                        "chrony {} {log}: {v}",
                        r.label
                    );
                }
            });
        }
    });
    let out = crate::common::stratum()
        .args(["stats", "/dev/null", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither a chronyd log"));
}
