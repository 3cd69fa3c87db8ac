//! The roster against a real lab on loopback: the lab server (a real
//! helper, NTP on 127.a.b.1:123), chronyd clients of every release
//! configured by `stratum export --to chrony-client`, a client that
//! follows another server, a roster device that never polls,
//! an unknown client, and two hostile "devices" (malformed, spoofed and
//! flooding replies; a huge root distance). Each gets its verdict within 2
//! minutes in text, JSON and metrics; stopping a client raises its alarm
//! and starting it again clears it. The ntpd host of the lab is in
//! `roster_ntpd` (it needs a network namespace of its own).
//!
//! Port 123 needs root: without it the test is skipped with a line
//! (CI runs as root). Addresses are 127.a.b.x with a and b drawn per run,
//! so parallel runs do not meet.

use std::io::{Read, Write};
use std::net::UdpSocket;
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common;
use common::ChildGuard;
use common::helper::HelperProc;
use common::lab::{Chronyd, free_tcp_port, wait_for};
use serde_json::Value;

fn net() -> String {
    let n = std::process::id()
        ^ (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos());
    format!("127.{}.{}", 100 + n % 100, 1 + (n / 100) % 250)
}

pub(super) fn stratum(args: &[&str]) -> (bool, String, String) {
    let out = common::run_with_deadline(
        {
            let mut c = common::stratum();
            c.args(args).env("LANG", "C");
            c
        },
        Duration::from_secs(30),
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn export(conf: &Path, to: &str, server: &str) -> String {
    let (ok, text, err) = stratum(&[
        "export",
        conf.to_str().unwrap(),
        "--to",
        to,
        "--server",
        server,
    ]);
    assert!(ok, "{err}");
    text
}

/// A chronyd device at `addr` (its NTP port and its requests' source),
/// with `body` (an export) as its configuration.
fn device(chronyd: &Path, dir: &Path, name: &str, addr: &str, body: &str) -> Chronyd {
    let body = format!("{body}\nbindaddress {addr}\nbindacqaddress {addr}\n");
    Chronyd::start_on(chronyd, dir, name, &body, 123)
}

/// A fake device answering every query on `addr:123` by `answer`.
fn fake(addr: &str, stop: Arc<AtomicBool>, answer: fn(&[u8; 48]) -> Vec<Vec<u8>>) {
    let s = UdpSocket::bind((addr, 123)).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while !stop.load(Ordering::Relaxed) {
            if let Ok((n, from)) = s.recv_from(&mut buf)
                && n >= 48
            {
                let req: [u8; 48] = buf[..48].try_into().unwrap();
                for p in answer(&req) {
                    let _ = s.send_to(&p, from);
                }
            }
        }
    });
}

fn now() -> f64 {
    stratum::sys::now()
}

/// Malformed, wrong-mode, spoofed replies, then a flood of them.
fn hostile(req: &[u8; 48]) -> Vec<Vec<u8>> {
    let t = now();
    let good = stratum::core::ntp::reply_for(req, 0, 2, 0x7f00_0001, 0.001, 0.001, t, t);
    let mut out = vec![good[..40].to_vec()];
    let mut mode3 = good;
    mode3[0] = (4 << 3) | 3;
    out.push(mode3.to_vec());
    let mut spoofed = good;
    spoofed[24..32].copy_from_slice(&[0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 1]);
    for _ in 0..200 {
        out.push(spoofed.to_vec());
    }
    out
}

/// A valid reply claiming a root distance of 30 s.
fn far(req: &[u8; 48]) -> Vec<Vec<u8>> {
    let t = now();
    vec![stratum::core::ntp::reply_for(req, 0, 2, 0x7f00_0001, 40.0, 10.0, t, t).to_vec()]
}

pub(super) fn roster_json(sock: &str) -> Value {
    let (ok, text, err) = stratum(&["roster", "list", "--json", "--socket", sock]);
    assert!(ok, "{err}");
    serde_json::from_str(&text).unwrap()
}

pub(super) fn verdicts(v: &Value) -> Vec<(String, String)> {
    v["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap().to_string(),
                d["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub(super) fn metrics(port: u16) -> String {
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[test]
fn every_device_gets_its_verdict_and_a_stopped_client_its_alarm() {
    if !rustix::process::geteuid().is_root() {
        assert!(
            !common::in_ci(),
            "the roster lab needs root (port 123) under CI"
        );
        eprintln!("skipped: the roster lab binds port 123 on loopback addresses (needs root)");
        return;
    }
    let releases = common::releases();
    let Some(installed) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let n = net();
    let server = format!("{n}.1");
    // Devices here poll fast: a client silent for 3 × 2 s has stopped.
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("data/stratum.toml"), "min_poll_interval = 2\n").unwrap();
    let lab_conf = format!("bindaddress {server}\nallow 127.0.0.0/8\nlocal stratum 8\n");
    let helper = HelperProc::start_lab_with(dir, &lab_conf, 123, &[]);
    let sock = helper.socket.to_str().unwrap().to_string();
    let conf = dir.join("lab.conf");
    let client_conf = export(&conf, "chrony-client", &server);
    assert!(
        client_conf.contains(&format!("allow {server}\n")),
        "{client_conf}"
    );

    let mut expect: Vec<(String, &str)> = Vec::new();
    let add = |name: &str, addr: &str, kind: &str| {
        let (ok, _, err) = stratum(&[
            "roster", "add", name, addr, "--kind", kind, "--socket", &sock,
        ]);
        assert!(ok, "{err}");
    };
    let mut devices = Vec::new();
    for (i, r) in releases.iter().enumerate() {
        let name = format!("c-{}", r.label);
        let addr = format!("{n}.{}", 10 + i);
        devices.push(device(&r.chronyd, dir, &name, &addr, &client_conf));
        add(&name, &addr, "chrony");
        expect.push((name, "follows-us"));
    }
    // Polls us (noselect) but follows another server.
    let other = format!("{n}.30");
    let _other = device(
        &installed,
        dir,
        "other-server",
        &other,
        "local stratum 3\nallow 127.0.0.0/8",
    );
    let follower = format!("{n}.31");
    let _follower = device(
        &installed,
        dir,
        "follower",
        &follower,
        &format!("server {other} iburst\nserver {server} iburst noselect\nallow {server}"),
    );
    add("follower", &follower, "chrony");
    expect.push(("follower".into(), "follows-other"));
    // A fast client, to stop and start again.
    let fast = format!("{n}.32");
    let fast_conf = client_conf.replace(" iburst", " iburst minpoll 0 maxpoll 0");
    let mut fast_dev = Some(device(&installed, dir, "fast", &fast, &fast_conf));
    add("fast", &fast, "chrony");
    expect.push(("fast".into(), "follows-us"));
    // On the roster, never polls.
    add("sw-never", &format!("{n}.40"), "switch");
    expect.push(("sw-never".into(), "not-polling"));
    // Not on the roster, polls.
    let stranger = format!("{n}.50");
    let _stranger = device(&installed, dir, "stranger", &stranger, &client_conf);
    // Hostile answers.
    let stop = Arc::new(AtomicBool::new(false));
    fake(&format!("{n}.60"), Arc::clone(&stop), hostile);
    add("hostile", &format!("{n}.60"), "other");
    expect.push(("hostile".into(), "not-polling"));
    fake(&format!("{n}.61"), Arc::clone(&stop), far);
    add("far", &format!("{n}.61"), "other");
    expect.push(("far".into(), "unsynchronised"));
    let metrics_port = free_tcp_port();
    let _metrics = ChildGuard(
        common::stratum()
            .args([
                "metrics",
                "--listen",
                &format!("127.0.0.1:{metrics_port}"),
                "--socket",
                &sock,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );

    // Within 2 minutes every verdict is right (asking again when a device
    // had not synchronised yet when first asked).
    let start = Instant::now();
    let mut last_probe = Instant::now() - Duration::from_secs(60);
    let want: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| (a.clone(), b.to_string()))
        .collect();
    let got = wait_for(Duration::from_secs(120), || {
        if last_probe.elapsed() > Duration::from_secs(15) {
            let _ = stratum(&["roster", "probe", "--socket", &sock]);
            last_probe = Instant::now();
        }
        let v = roster_json(&sock);
        let got = verdicts(&v);
        (got == want).then_some(v)
    });
    let v = got.unwrap_or_else(|| {
        panic!(
            "after {:?}: {:#}\nwanted {want:?}",
            start.elapsed(),
            roster_json(&sock)
        )
    });
    eprintln!("every verdict right after {:?}", start.elapsed());
    let dev = |name: &str| {
        v["devices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == name)
            .unwrap()
            .clone()
    };
    // The facts behind them.
    let c = dev(&expect[0].0);
    assert_eq!(c["answer"]["reference"], server.as_str());
    assert_eq!(c["answer"]["stratum"], 9, "the lab is at stratum 8: {c:#}");
    assert!(
        c["answer"]["offset"].as_f64().unwrap().abs() < 0.05,
        "{c:#}"
    );
    assert_eq!(c["polls"]["polling"], true);
    assert_eq!(dev("follower")["answer"]["reference"], other.as_str());
    assert_eq!(
        dev("hostile")["no_answer"]["kind"],
        "invalid",
        "{:#}",
        dev("hostile")
    );
    assert!(dev("far")["answer"]["root_distance"].as_f64().unwrap() > 3.0);
    let unknown: Vec<&str> = v["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().or(u["address"].as_str()).unwrap())
        .collect();
    assert!(unknown.contains(&stranger.as_str()), "{unknown:?}");
    assert_eq!(
        v["following"].as_u64().unwrap() as usize,
        expect.iter().filter(|(_, w)| *w == "follows-us").count()
    );

    // Text, status and metrics say the same.
    let (_, text, _) = stratum(&["roster", "list", "--socket", &sock]);
    assert!(text.contains("follows this server (offset"), "{text}");
    assert!(
        text.contains("polls us but follows another server"),
        "{text}"
    );
    assert!(text.contains("does not poll this server"), "{text}");
    assert!(
        text.contains("Likely causes: the exported commands were not applied"),
        "{text}"
    );
    assert!(
        text.contains("Unknown clients (") && text.contains(&stranger),
        "{text}"
    );
    let (_, zh, _) = stratum(&["roster", "list", "--lang", "zh-CN", "--socket", &sock]);
    assert!(zh.contains("跟随本服务器（偏差"), "{zh}");
    let (_, status, _) = stratum(&["status", "--socket", &sock]);
    let following = v["following"].as_u64().unwrap();
    let total = v["total"].as_u64().unwrap();
    assert!(
        status.contains(&format!(
            "{following} of {total} {} this server",
            if total == 1 {
                "device follows"
            } else {
                "devices follow"
            }
        )),
        "{status}"
    );
    let page = wait_for(Duration::from_secs(10), || {
        let p = metrics(metrics_port);
        p.contains("stratum_roster_device_follows{").then_some(p)
    })
    .expect("metrics page");
    let line = |name: &str, device: &str| {
        page.lines()
            .find(|l| {
                l.starts_with(&format!("{name}{{")) && l.contains(&format!("device=\"{device}\""))
            })
            .map(|l| l.rsplit(' ').next().unwrap().to_string())
    };
    assert_eq!(
        line("stratum_roster_device_follows", &expect[0].0).as_deref(),
        Some("1"),
        "{page}"
    );
    assert_eq!(
        line("stratum_roster_device_follows_other", "follower").as_deref(),
        Some("1")
    );
    assert_eq!(
        line("stratum_roster_device_polling", "sw-never").as_deref(),
        Some("0")
    );

    // Stopping a client raises its alarm; starting it again clears it.
    let alarmed = |h: &HelperProc| {
        h.snapshot().health.alarms.iter().any(|a| {
            a.kind == stratum::core::alarm::AlarmKind::RosterNotPolling && a.what == "fast"
        })
    };
    assert!(!alarmed(&helper));
    drop(fast_dev.take());
    assert!(
        wait_for(Duration::from_secs(30), || alarmed(&helper).then_some(())).is_some(),
        "no alarm for the stopped client: {:#}",
        roster_json(&sock)
    );
    let _fast_again = device(&installed, dir, "fast", &fast, &fast_conf);
    assert!(
        wait_for(Duration::from_secs(30), || (!alarmed(&helper))
            .then_some(()))
        .is_some(),
        "the alarm did not clear"
    );
    stop.store(true, Ordering::Relaxed);
    drop(devices);
}

#[test]
fn roster_edits_refuse_bad_input_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("stratum.toml");
    let f = file.to_str().unwrap();
    let (ok, _, err) = stratum(&[
        "roster",
        "add",
        "pc1",
        "10.0.0.11",
        "--kind",
        "chrony",
        "--file",
        f,
    ]);
    assert!(ok, "{err}");
    let before = std::fs::read(&file).unwrap();
    for bad in [
        vec!["roster", "add", "pc1", "10.0.0.12", "--file", f],
        vec!["roster", "add", "x y", "10.0.0.12", "--file", f],
        vec!["roster", "add", "pc2", "10.0.0.12:0", "--file", f],
        vec![
            "roster",
            "add",
            "pc2",
            "10.0.0.12",
            "--kind",
            "router",
            "--file",
            f,
        ],
        vec!["roster", "remove", "nobody", "--file", f],
    ] {
        let (ok, _, err) = stratum(&bad);
        assert!(!ok, "{bad:?} was accepted");
        assert!(
            err.starts_with("stratum: ") && err.lines().count() == 1,
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "a refused edit changed the file"
    );
    let (_, text, _) = stratum(&["roster", "list", "--file", f]);
    assert!(
        text.contains("pc1") && text.contains("not measured yet"),
        "{text}"
    );
    let (ok, _, _) = stratum(&["roster", "remove", "pc1", "--file", f]);
    assert!(ok);
    // A hand-made file with a key Stratum does not know is refused whole.
    std::fs::write(
        &file,
        "[[device]]\nname = \"a\"\naddress = \"10.0.0.1\"\ncolour = \"red\"\n",
    )
    .unwrap();
    let (ok, _, err) = stratum(&["roster", "list", "--file", f]);
    assert!(!ok && err.contains("colour"), "{err}");
}

/// The client export lets the lab server (and nobody else) ask the client
/// for its time, and the file says why, in the user's language; lint has
/// nothing to say about those lines and chronyd reads the file.
#[test]
fn the_client_export_says_why_the_lab_server_may_ask_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lab = tmp.path().join("lab.conf");
    std::fs::write(
        &lab,
        "server 127.0.0.1 iburst\nallow 10.0.0.0/24\nlocal stratum 8\n",
    )
    .unwrap();
    for (lang, why) in [
        (
            "en",
            "# Only the lab servers (10.0.0.123, 10.0.0.124) may ask this client for its time",
        ),
        (
            "zh-CN",
            "# 只有实验室服务器（10.0.0.123、10.0.0.124）可以向本客户端查询时间",
        ),
    ] {
        let (ok, text, err) = stratum(&[
            "export",
            lab.to_str().unwrap(),
            "--to",
            "chrony-client",
            "--server",
            "10.0.0.123",
            "--server",
            "10.0.0.124",
            "--lang",
            lang,
        ]);
        assert!(ok, "{err}");
        // The header names the format in the file's language.
        assert!(
            lang == "en" || !text.lines().next().unwrap_or("").contains("chrony-client"),
            "{lang}: {text}"
        );
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| *l == "allow 10.0.0.123")
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(lines[at + 1], "allow 10.0.0.124", "{text}");
        assert!(lines[at - 1].starts_with(why), "{lang}: {text}");
        let client = tmp.path().join(format!("client-{lang}.conf"));
        std::fs::write(&client, &text).unwrap();
        let (ok, json, err) = stratum(&[
            "config",
            "lint",
            client.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert!(ok, "{err}{json}");
        let v: Value = serde_json::from_str(&json).unwrap();
        let rules: Vec<&str> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        for r in ["no-local-stratum", "no-allow", "allow-everyone"] {
            assert!(!rules.contains(&r), "{lang}: {r} in {rules:?}\n{text}");
        }
        if let Some(chronyd) = common::chronyd() {
            let out = std::process::Command::new(chronyd)
                .arg("-p")
                .arg("-f")
                .arg(&client)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{lang}: chronyd -p: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
