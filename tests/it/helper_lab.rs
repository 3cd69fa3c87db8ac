//! The helper in lab mode against real chronyd instances on loopback: an
//! upstream (local stratum 1), the helper's own chronyd, and a client
//! chronyd that polls the helper's chronyd.

use crate::common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::process::Command;
use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::core::cmdmon::SourceState;
use stratum::ipc::{HistoryQuery, ReplyBody, RequestBody};

fn lab_config(upstream_port: u16) -> String {
    format!(
        "# lab under test\nserver 127.0.0.1 port {upstream_port} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\nmakestep 1 3\n"
    )
}

#[test]
fn lab_follows_its_upstream_serves_a_client_and_keeps_history() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let upstream = Chronyd::upstream(&chronyd, tmp.path());
    let ntp_port = free_udp_port();
    let helper = HelperProc::start_lab(tmp.path(), &lab_config(upstream.port), ntp_port);
    let _client = Chronyd::start(
        &chronyd,
        tmp.path(),
        "client",
        &format!("server 127.0.0.1 port {ntp_port} iburst minpoll -2 maxpoll -1"),
    );
    let lo: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    let snap = wait_for(Duration::from_secs(30), || {
        let s = helper.snapshot();
        let selected = s
            .sources
            .iter()
            .any(|x| x.state == SourceState::Selected && x.reach > 0);
        let tracked = s
            .tracking
            .as_ref()
            .is_some_and(|t| t.address == Some(lo) && t.stratum == 2);
        let served = s.clients.iter().any(|c| c.address == lo && c.ntp_hits > 0);
        let counted = s.serverstats.is_some_and(|st| st.ntp_packets_received > 0);
        (selected && tracked && served && counted).then_some(s)
    });
    let snap = snap.unwrap_or_else(|| panic!("lab did not converge: {:#?}", helper.snapshot()));
    assert_eq!(snap.sources[0].mode.symbol(), '^');

    // History holds samples of the system and of the source.
    let mut c = helper.client().unwrap();
    let ReplyBody::SeriesList { series } = c.request(RequestBody::SeriesList).unwrap() else {
        panic!()
    };
    assert!(
        series.contains(&"system.offset".parse().unwrap()),
        "{series:?}"
    );
    assert!(
        series.contains(&"source.127.0.0.1.offset".parse().unwrap()),
        "{series:?}"
    );
    let ReplyBody::History { points, .. } = c
        .request(RequestBody::History(HistoryQuery {
            series: "system.frequency".parse().unwrap(),
            since: 0.0,
            until: f64::MAX,
            max_points: 100,
        }))
        .unwrap()
    else {
        panic!()
    };
    assert!(!points.is_empty());

    // `stratum status --json` shows the same lab with the documented keys.
    let out = common::stratum()
        .args(["status", "--json", "--socket"])
        .arg(&helper.socket)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "tracking",
        "sources",
        "sourcestats",
        "clients",
        "serverstats",
        "activity",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let src = &v["sources"][0];
    for key in [
        "address",
        "mode",
        "state",
        "stratum",
        "poll",
        "reach",
        "last_rx",
        "offset",
        "measured_offset",
        "error",
    ] {
        assert!(src.get(key).is_some(), "source misses {key}: {src}");
    }
    assert_eq!(src["state"], "*");
    assert_eq!(src["mode"], "^");
    assert!(v["clients"][0]["ntp_hits"].as_u64().unwrap() > 0);
    assert!(v["serverstats"]["ntp_packets_received"].as_u64().unwrap() > 0);
    let text = common::stratum()
        .args(["status", "--socket"])
        .arg(&helper.socket)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("^* 127.0.0.1"));
}

#[test]
fn apply_refuses_errors_goes_live_when_it_can_and_rolls_back_when_chronyd_fails() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let upstream = Chronyd::upstream(&chronyd, tmp.path());
    let second = Chronyd::start(
        &chronyd,
        tmp.path(),
        "second",
        "local stratum 2\nallow 127.0.0.0/8\nbindaddress 127.0.0.2",
    );
    let helper = HelperProc::start_lab(tmp.path(), &lab_config(upstream.port), free_udp_port());
    let config_path = helper.data.join("chrony.conf");
    let before = std::fs::read(&config_path).unwrap();
    let pid = helper.chronyd_pid().expect("chronyd runs");
    let mut c = helper.client().unwrap();
    c.set_timeout(Duration::from_secs(60));

    // A lint error: refused, nothing changes.
    let bad = format!("{}allow 10.0.0.0/33\n", lab_config(upstream.port));
    match c
        .request(RequestBody::Apply { config: bad.into() })
        .unwrap()
    {
        ReplyBody::Error { code, detail } => {
            assert_eq!(code, stratum::ipc::ErrorCode::ApplyLint);
            assert_eq!(detail.as_deref(), Some("6:bad-subnet"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&config_path).unwrap(), before);
    assert_eq!(helper.chronyd_pid(), Some(pid));

    // A new server and a new allow rule: applied live, chronyd keeps running.
    let live = format!(
        "{}server 127.0.0.2 port {} iburst minpoll -2 maxpoll -1\nallow 10.1.0.0/16\n",
        lab_config(upstream.port),
        second.port
    );
    match c
        .request(RequestBody::Apply {
            config: live.clone().into(),
        })
        .unwrap()
    {
        ReplyBody::Applied(a) => {
            assert!(a.live && !a.restarted, "{a:?}");
            let backup = a.backup.expect("backup");
            assert_eq!(std::fs::read(backup).unwrap(), before);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&config_path).unwrap(), live);
    assert_eq!(helper.chronyd_pid(), Some(pid), "chronyd was restarted");
    let two = "127.0.0.2".parse().unwrap();
    let seen = wait_for(Duration::from_secs(10), || {
        helper
            .snapshot()
            .sources
            .iter()
            .any(|s| s.address.0.ip() == Some(two))
            .then_some(())
    });
    assert!(
        seen.is_some(),
        "new server not in the snapshot: {:?}",
        helper.snapshot().sources
    );
    let sock = helper.data.join("run/chronyd/chronyd.sock");
    let acc = Command::new("chronyc")
        .arg("-h")
        .arg(&sock)
        .args(["accheck", "10.1.2.3"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&acc.stdout).contains("208 Access allowed"),
        "{acc:?}"
    );

    // A file chronyd accepts on reading but dies on at start (the device
    // exists but is no PTP clock): rolled back byte for byte.
    let dying = "local stratum 10\nrefclock PHC /dev/null\n";
    match c
        .request(RequestBody::Apply {
            config: dying.into(),
        })
        .unwrap()
    {
        ReplyBody::Error { code, detail } => {
            assert_eq!(code, stratum::ipc::ErrorCode::ApplyRolledBack);
            let detail = detail.unwrap_or_default();
            assert!(detail.contains("Could not open PHC"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&config_path).unwrap(), live);
    let back = wait_for(Duration::from_secs(10), || helper.snapshot().tracking);
    assert!(
        back.is_some(),
        "chronyd did not come back after the rollback"
    );
}

#[test]
fn another_user_reads_but_may_not_change() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    if !rustix::process::geteuid().is_root() {
        assert!(
            !common::in_ci(),
            "this test drops to nobody and needs root in CI"
        );
        eprintln!("skipped: needs root to run a client as nobody");
        return;
    }
    let _ = chronyd;
    let tmp = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let helper = HelperProc::start_lab(
        tmp.path(),
        "local stratum 10\nallow 127.0.0.0/8\n",
        free_udp_port(),
    );
    // A copy of the CLI that nobody can execute, and a config it can read.
    let bin = tmp.path().join("stratum");
    std::fs::copy(env!("CARGO_BIN_EXE_stratum"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let conf = tmp.path().join("new.conf");
    std::fs::write(&conf, "local stratum 9\nallow 127.0.0.0/8\n").unwrap();
    std::fs::set_permissions(&conf, std::fs::Permissions::from_mode(0o644)).unwrap();
    let as_nobody = |args: &[&str]| {
        // Another test thread forking while the copy was open for writing can
        // hold it a moment (ETXTBSY): that is the test's copy, not the product.
        for _ in 0..50 {
            let out = Command::new("setpriv")
                .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
                .arg(&bin)
                .args(args)
                .env("LANG", "C")
                .output()
                .unwrap();
            if !String::from_utf8_lossy(&out.stderr).contains("Text file busy") {
                return out;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("{} stayed busy", bin.display());
    };
    let sock = helper.socket.to_str().unwrap();
    let read = as_nobody(&["status", "--json", "--socket", sock]);
    // A whole snapshot: this lab serves its own clock (exit 1: an alarm).
    assert!(
        matches!(read.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(v["tracking"]["stratum"], 10);
    // What chronyc gives any user, and no more: no server statistics, no
    // client list (chronyd gives those only on its root-only socket).
    assert!(v["serverstats"].is_null(), "{v}");
    assert_eq!(v["clients"], serde_json::json!([]));
    let own = common::stratum()
        .args(["status", "--json", "--socket", sock])
        .output()
        .unwrap();
    let mine: serde_json::Value = serde_json::from_slice(&own.stdout).unwrap();
    assert!(mine["serverstats"].is_object(), "{mine}");
    let change = as_nobody(&["config", "apply", conf.to_str().unwrap(), "--socket", sock]);
    assert_eq!(change.status.code(), Some(2));
    let err = String::from_utf8_lossy(&change.stderr);
    assert!(err.contains("not change anything"), "{err}");
    assert_eq!(
        std::fs::read_to_string(helper.data.join("chrony.conf")).unwrap(),
        "local stratum 10\nallow 127.0.0.0/8\n"
    );
    // The helper's own user may.
    let ok = common::stratum()
        .args(["config", "apply", conf.to_str().unwrap(), "--socket", sock])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn garbage_on_the_socket_gets_an_error_or_a_close_and_others_are_served() {
    let Some(_chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let helper = HelperProc::start_lab(
        tmp.path(),
        "local stratum 10\nallow 127.0.0.0/8\n",
        free_udp_port(),
    );
    let mut steady = helper.client().unwrap();

    let attempts: Vec<Vec<u8>> = vec![
        // Declared length over the cap.
        vec![0xff, 0xff, 0xff, 0xff, b'{', b'}'],
        // Not JSON.
        [&5u32.to_be_bytes()[..], b"\x00\xffzz\x01"].concat(),
        // JSON of another shape.
        [&7u32.to_be_bytes()[..], b"[1,2,3]"].concat(),
        // Truncated: announces 100 bytes, sends 3 and hangs up.
        [&100u32.to_be_bytes()[..], b"{\"a"].concat(),
        // A request before the handshake.
        {
            let body = br#"{"type":"request","id":1,"body":{"type":"snapshot"}}"#;
            [&(body.len() as u32).to_be_bytes()[..], &body[..]].concat()
        },
    ];
    for bytes in attempts {
        let mut s = UnixStream::connect(&helper.socket).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(&bytes).unwrap();
        let _ = s.shutdown(std::net::Shutdown::Write);
        let mut reply = Vec::new();
        let _ = s.read_to_end(&mut reply);
        if !reply.is_empty() {
            let text = String::from_utf8_lossy(&reply[4..]);
            assert!(text.contains("\"fatal\""), "{text}");
        }
    }
    // A well-behaved client, connected before and after, is still served.
    assert!(matches!(
        steady.request(RequestBody::Snapshot).unwrap(),
        ReplyBody::Snapshot(_)
    ));
    assert!(matches!(
        helper
            .client()
            .unwrap()
            .request(RequestBody::Snapshot)
            .unwrap(),
        ReplyBody::Snapshot(_)
    ));
}

#[test]
fn chronyd_that_dies_is_restarted_and_history_survives_a_helper_restart() {
    let Some(_chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let port = free_udp_port();
    let helper = HelperProc::start_lab(tmp.path(), "local stratum 10\nallow 127.0.0.0/8\n", port);
    // Pushed snapshots arrive after Subscribe.
    let mut sub = helper.client().unwrap();
    assert_eq!(
        sub.request(RequestBody::Subscribe).unwrap(),
        ReplyBody::Subscribed
    );
    let pushed = sub.next_push().unwrap();
    assert!(pushed.tracking.is_some());

    let pid = helper.chronyd_pid().unwrap();
    Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    let restarted = wait_for(Duration::from_secs(15), || {
        let info = helper.client().ok()?.info;
        match info.chronyd_pid {
            Some(p) if p != pid => Some(info),
            _ => None,
        }
    })
    .expect("chronyd was not restarted");
    assert!(
        restarted
            .chronyd_log
            .iter()
            .any(|l| l.contains("chronyd stopped")),
        "{:?}",
        restarted.chronyd_log
    );
    assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());

    // History is saved on exit and loaded on start.
    let data = helper.data.clone();
    drop(helper);
    assert!(data.join("history.bin").exists());
    let again = HelperProc::start_lab(tmp.path(), "local stratum 10\nallow 127.0.0.0/8\n", port);
    let ReplyBody::SeriesList { series } = again
        .client()
        .unwrap()
        .request(RequestBody::SeriesList)
        .unwrap()
    else {
        panic!()
    };
    assert!(
        series.contains(&"system.frequency".parse().unwrap()),
        "{series:?}"
    );
}
