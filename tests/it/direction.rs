//! The direction of time, proved on a real lab 5 s behind its upstream
//! (`server … offset 5` under `-x`: chronyd measures the upstream 5 s ahead
//! and cannot correct the clock). chronyc says "slow"; so must `stratum
//! status` in both languages, its JSON (`system_time` is chronyd's
//! correction: positive when the clock is behind), `stratum explain` of what
//! status printed (every block of it), and the metrics page.

use crate::common;

use std::io::{Read, Write};
use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};

#[test]
fn a_lab_five_seconds_behind_is_slow_everywhere() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let upstream = Chronyd::upstream(&chronyd, tmp.path());
    let mport = free_tcp_port();
    let metrics = format!("127.0.0.1:{mport}");
    let lab = tmp.path().join("lab");
    std::fs::create_dir_all(&lab).unwrap();
    let helper = HelperProc::start_lab_with(
        &lab,
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1 offset 5\n",
            upstream.port
        ),
        free_udp_port(),
        &["--metrics-listen", &metrics],
    );
    let t = wait_for(Duration::from_secs(20), || {
        helper
            .snapshot()
            .tracking
            .filter(|t| (t.system_time - 5.0).abs() < 0.5 && t.stratum == 2)
    })
    .expect("the lab follows its upstream, 5 s behind");
    // chronyc's own words, from the lab's chronyd.
    let chronyc = common::chronyc_for(&chronyd);
    let socket = helper.data.join("run/chronyd/chronyd.sock");
    let tracking = std::process::Command::new(&chronyc)
        .arg("-h")
        .arg(&socket)
        .arg("tracking")
        .output()
        .unwrap();
    let tracking = String::from_utf8_lossy(&tracking.stdout);
    assert!(tracking.contains("seconds slow of NTP time"), "{tracking}");
    // JSON: chronyd's correction, positive.
    assert!(t.system_time > 4.5, "{}", t.system_time);
    let json = common::stratum()
        .args(["status", "--json", "--socket"])
        .arg(&helper.socket)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["tracking"]["system_time"].as_f64().unwrap() > 4.5, "{v}");

    for (lang, slow, behind) in [
        ("en", "seconds slow of NTP time", "behind NTP time"),
        ("zh-CN", "慢", "落后"),
    ] {
        let out = common::stratum()
            .args(["status", "--lang", lang, "--socket"])
            .arg(&helper.socket)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(text.contains(slow), "{lang}: {text}");
        assert!(
            !text.contains(if lang == "en" { "fast of" } else { "快" }),
            "{lang}: {text}"
        );
        // What status printed, explained: every block, the clock behind.
        let path = tmp.path().join(format!("status-{lang}.txt"));
        std::fs::write(&path, &text).unwrap();
        let explained = common::stratum()
            .args(["explain", "--format", "json", "--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            explained.status.success(),
            "{}",
            String::from_utf8_lossy(&explained.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&explained.stdout).unwrap();
        let parts = v
            .as_array()
            .unwrap_or_else(|| panic!("one block only: {v}"));
        let kinds: Vec<&str> = parts.iter().map(|p| p["kind"].as_str().unwrap()).collect();
        assert!(
            kinds.contains(&"chronyc-tracking") && kinds.contains(&"chronyc-sources"),
            "{kinds:?}"
        );
        let findings: Vec<(&str, &str)> = parts
            .iter()
            .flat_map(|p| p["findings"].as_array().unwrap())
            .map(|f| (f["rule"].as_str().unwrap(), f["message"].as_str().unwrap()))
            .collect();
        let (_, message) = findings
            .iter()
            .find(|(rule, _)| *rule == "clock-behind")
            .unwrap_or_else(|| panic!("{lang}: {findings:?}"));
        assert!(message.contains(behind), "{lang}: {message}");
    }

    // The metrics page carries chronyd's correction, as chrony_exporter does.
    let mut c = std::net::TcpStream::connect(("127.0.0.1", mport)).unwrap();
    c.write_all(b"GET /metrics HTTP/1.1\r\n\r\n").unwrap();
    let mut page = String::new();
    c.read_to_string(&mut page).unwrap();
    let value: f64 = page
        .lines()
        .find(|l| l.starts_with("chrony_tracking_system_time_seconds{server=\"local\"}"))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{page}"));
    assert!(value > 4.5, "{value}");
}
