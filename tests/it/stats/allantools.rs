//! The deviations, summaries and ADEV slopes of synthetic series against
//! allantools (tests/data/stats/reference.json).

use std::path::Path;

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
