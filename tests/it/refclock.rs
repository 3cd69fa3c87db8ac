//! Reference clocks, with every release: a lab whose only source is a
//! `refclock SOCK … refid GPS` fed by the test 50 ms ahead of the system
//! clock. chronyc names the source and the reference `GPS` and calls the
//! clock slow; `stratum status` (text and JSON), the Sources panel's rows
//! and the explanation agree. Stopping the feed raises "reference clock
//! lost" within two polls; feeding again clears it.

use std::time::Duration;

use stratum::core::explain::explain_snapshot;
use stratum::core::explain::{Kind, Rule};

use crate::common::helper::HelperProc;
use crate::common::lab::{free_udp_port, wait_for};
use crate::common::sockfeed::Feeder;
use crate::common::{self};

const GPS: u32 = 0x4750_5300;

fn lost(h: &HelperProc) -> bool {
    explain_snapshot(&h.snapshot())
        .get(&Kind::ChronycSources)
        .is_some_and(|e| e.findings.iter().any(|f| f.rule == Rule::RefclockLost))
}

#[test]
fn a_gps_reference_clock_is_named_and_its_loss_is_raised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let sock = dir.join("gps.sock");
        let config = format!(
            "refclock SOCK {} refid GPS poll 0 dpoll 0\nallow 127.0.0.0/8\n",
            sock.display()
        );
        let chronyd = r.chronyd.display().to_string();
        let feed = Feeder::start(&sock, 0.050, 0.0, false, Duration::from_millis(250));
        let helper =
            HelperProc::start_lab_with(dir, &config, free_udp_port(), &["--chronyd", &chronyd]);
        let synced = wait_for(Duration::from_secs(40), || {
            let s = helper.snapshot();
            let t = s.tracking?;
            (t.ref_id == GPS && s.sources.iter().any(|x| x.state.symbol() == '*')).then_some(t)
        });
        let t = synced.unwrap_or_else(|| panic!("chrony {}: not synchronised to GPS", r.label));
        // True time 50 ms ahead of the system clock: chronyd's correction
        // is positive, the clock slow (chronyc: "0.05 seconds slow").
        assert!(t.system_time > 0.04, "{}", t.system_time);
        let status = common::stratum()
            .args(["status", "--socket", &helper.socket.display().to_string()])
            .env("LANG", "C")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&status.stdout);
        assert!(text.contains("47505300 (GPS)"), "{text}");
        assert!(text.contains(" slow"), "chrony {}: {text}", r.label);
        assert!(!text.contains("fast"), "{text}");
        assert!(
            text.lines().any(|l| l.starts_with("#* GPS")),
            "the source is not named GPS: {text}"
        );
        assert!(!text.contains("71.80.83.0"), "{text}");
        // The Sources panel's rows and Explain read the same name.
        let live = explain_snapshot(&helper.snapshot());
        let stats = &live[&Kind::ChronycSourcestats].rows;
        assert!(
            stats.iter().any(|r| r.iter().any(|f| f.raw == "GPS")),
            "{stats:?}"
        );
        let tracking = &live[&Kind::ChronycTracking].fields;
        assert!(
            tracking.iter().any(|f| f.raw == "47505300 (GPS)"),
            "{tracking:?}"
        );
        let rows = &live[&Kind::ChronycSources].rows;
        assert!(
            rows.iter().any(|r| r.iter().any(|f| f.raw == "GPS")),
            "{rows:?}"
        );
        assert!(!lost(&helper));
        // The receiver goes quiet: lost within two polls (1 s each here,
        // a few more for chronyd to notice), back when it speaks again.
        feed.pause(true);
        assert!(
            wait_for(Duration::from_secs(8), || lost(&helper).then_some(())).is_some(),
            "chrony {}: no alarm after the feed stopped",
            r.label
        );
        // The helper's alarm (status bar, notification) names the clock.
        let alarm = wait_for(Duration::from_secs(8), || {
            helper
                .snapshot()
                .health
                .alarms
                .into_iter()
                .find(|a| a.kind == stratum::core::alarm::AlarmKind::RefclockLost)
        });
        assert_eq!(
            alarm.map(|a| a.what),
            Some("GPS".to_string()),
            "chrony {}",
            r.label
        );
        feed.pause(false);
        assert!(
            wait_for(Duration::from_secs(15), || (!lost(&helper)).then_some(())).is_some(),
            "chrony {}: the alarm did not clear",
            r.label
        );
        assert!(
            wait_for(Duration::from_secs(10), || helper
                .snapshot()
                .health
                .alarms
                .iter()
                .all(|a| a.kind != stratum::core::alarm::AlarmKind::RefclockLost)
                .then_some(()))
            .is_some(),
            "chrony {}: the helper's alarm did not clear",
            r.label
        );
    }
}

/// NMEA time that arrives 30 ms late (the feeder's reference 30 ms behind
/// the system clock, ±1 ms), `noselect` beside a trusted clock: the
/// calibration proposes an offset within ±10 ms of +0.030 s, `--apply`
/// writes it and the clock then agrees with the trusted one.
#[test]
fn calibration_finds_the_delay_of_a_late_nmea_clock() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let (trusted, nmea) = (dir.join("pps.sock"), dir.join("nmea.sock"));
        let config = format!(
            "refclock SOCK {} refid REF poll 0 dpoll -2\nrefclock SOCK {} refid NMEA poll 0 dpoll -2 noselect\nallow 127.0.0.0/8\n",
            trusted.display(),
            nmea.display()
        );
        let every = Duration::from_millis(250);
        let _t = Feeder::start(&trusted, 0.0, 0.0002, false, every);
        let _n = Feeder::start(&nmea, -0.030, 0.001, false, every);
        let chronyd = r.chronyd.display().to_string();
        let helper =
            HelperProc::start_lab_with(dir, &config, free_udp_port(), &["--chronyd", &chronyd]);
        let (v, text) = calibrate(&helper, "NMEA", 6, true, &r.label);
        let proposed = v["calibration"]["proposed_offset"].as_f64().unwrap();
        assert!(
            (proposed - 0.030).abs() < 0.010,
            "chrony {}: {text}",
            r.label
        );
        assert_eq!(v["against"], "REF", "{text}");
        let after = v["after"]["median"].as_f64().unwrap();
        assert!(after.abs() < 0.005, "chrony {}: {text}", r.label);
        // The helper's configuration carries the new line.
        let line = v["line"].as_str().unwrap();
        assert!(line.contains(" noselect offset 0.0"), "{line}");
        let config = match helper
            .client()
            .unwrap()
            .request(stratum::ipc::RequestBody::GetConfig)
        {
            Ok(stratum::ipc::ReplyBody::Config { text, .. }) => {
                String::from_utf8(text.into_bytes()).unwrap()
            }
            other => panic!("{other:?}"),
        };
        assert!(config.lines().any(|l| l == line), "{config}");
    }
}

/// `stratum refclock calibrate REFID --samples N [--apply] --format json`
/// against a lab helper: its JSON and text (the command must succeed).
pub(crate) fn calibrate(
    helper: &HelperProc,
    refid: &str,
    samples: u32,
    apply: bool,
    label: &str,
) -> (serde_json::Value, String) {
    let mut c = common::stratum();
    c.args([
        "refclock",
        "calibrate",
        refid,
        "--samples",
        &samples.to_string(),
    ])
    .args(["--format", "json", "--timeout", "60", "--socket"])
    .arg(&helper.socket);
    if apply {
        c.arg("--apply");
    }
    let out = common::run_with_deadline(c, Duration::from_secs(150));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "chrony {label}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (serde_json::from_str(&text).unwrap(), text)
}
