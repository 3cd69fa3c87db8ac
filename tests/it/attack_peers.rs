//! Peers that lie, drip or never answer: a gpsd that sends one byte every
//! 2.5 s and terminal sequences in its names, an SSH peer that never says
//! hello and a remote helper whose source names hold escape sequences, a
//! watched host with new source addresses at every poll, and chronyd logs
//! that are a link to `/proc/self/mem` or a 6 GB sparse file.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::fakehost::{FakeHost, Lie};
use common::helper::HelperProc;
use common::lab::{free_tcp_port, free_udp_port, wait_for};

/// Control bytes a terminal would act on.
fn has_controls(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|b| (*b < 0x20 && !matches!(b, b'\n' | b'\t')) || *b == 0x7f)
        || String::from_utf8_lossy(bytes).contains('\u{9b}')
}

/// A gpsd that greets with hostile names, then drips a byte every 2.5 s
/// (never ending a line) for as long as the client stays.
fn dripping_gpsd(stop: Arc<AtomicBool>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        listener.set_nonblocking(true).unwrap();
        while !stop.load(Ordering::Relaxed) {
            let Ok((mut c, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            };
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut req = [0u8; 256];
                let _ = c.read(&mut req);
                let greeting = concat!(
                    r#"{"class":"VERSION","release":"3.25\u001b]0;owned\u0007","proto_major":3}"#,
                    "\n",
                    r#"{"class":"DEVICES","devices":[{"path":"/dev/ttyS0\nrefclock SHM 9 refid EVIL","driver":"u-blox\u001b]52;c;ZXZpbA==\u0007\u001b[2J"}]}"#,
                    "\n",
                    r#"{"class":"TPV","device":"/dev/ttyS0\nrefclock SHM 9 refid EVIL","mode":3}"#,
                    "\n",
                );
                let _ = c.write_all(greeting.as_bytes());
                let end = Instant::now() + Duration::from_secs(70);
                while Instant::now() < end && !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(2500));
                    if c.write_all(b"x").is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

#[test]
fn a_dripping_gpsd_is_read_to_the_deadline_and_its_names_are_shown_not_obeyed() {
    let stop = Arc::new(AtomicBool::new(false));
    let port = dripping_gpsd(Arc::clone(&stop));
    let start = Instant::now();
    let mut cmd = common::stratum();
    cmd.args(["gpsd", "--seconds", "3", "--lang", "en", "--host"])
        .arg(format!("127.0.0.1:{port}"));
    let out = common::run_with_deadline(cmd, Duration::from_secs(30));
    let took = start.elapsed();
    stop.store(true, Ordering::Relaxed);
    // A hard deadline: three seconds asked, far less than the 30 s at
    // which the test gives up on it.
    assert!(
        took < Duration::from_secs(10),
        "stratum gpsd --seconds 3 ran {took:?}"
    );
    assert!(out.status.code().is_some(), "killed: {out:?}");
    assert!(
        !has_controls(&out.stdout),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!has_controls(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\\u{1b}]52;c;"), "{text}");
    assert!(
        !text.lines().any(|l| l.starts_with("refclock SHM 9")),
        "a forged line: {text}"
    );
}

/// A stand-in for a remote helper: answers the hello and every request with
/// a snapshot whose source name and chronyd log hold terminal sequences.
fn hostile_helper(socket: &std::path::Path) {
    use stratum::core::cmdmon::{SourceData, SourceMode, SourceState, WireAddr, WireAddrSer};
    use stratum::ipc::frame::{read_frame, write_frame};
    use stratum::ipc::{
        ClientMessage, HelperInfo, Mode, PROTOCOL_VERSION, ReplyBody, ServerMessage,
    };
    let listener = std::os::unix::net::UnixListener::bind(socket).unwrap();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut c) = conn else { return };
            std::thread::spawn(move || {
                let Ok(ClientMessage::Hello { .. }) = read_frame::<_, ClientMessage>(&mut c) else {
                    return;
                };
                let info = HelperInfo {
                    protocol: PROTOCOL_VERSION,
                    mode: Mode::Lab,
                    chrony_version: Some("4.9".into()),
                    chronyd_path: None,
                    config_path: "/etc/chrony/chrony.conf\u{1b}[2J".into(),
                    chronyd_pid: None,
                    chronyd_log: vec!["Fatal error\u{1b}]0;owned\u{7}".into()],
                    ntp_port: 123,
                    may_change: false,
                };
                let hello = ServerMessage::Hello {
                    protocol: PROTOCOL_VERSION,
                    info,
                };
                if write_frame(&mut c, &hello).is_err() {
                    return;
                }
                while let Ok(ClientMessage::Request { id, .. }) =
                    read_frame::<_, ClientMessage>(&mut c)
                {
                    let ip: std::net::IpAddr = "192.0.2.7".parse().unwrap();
                    let snapshot = stratum::core::snapshot::Snapshot {
                        time: 1.0,
                        sources: vec![SourceData {
                            address: WireAddrSer(WireAddr::Ip(ip)),
                            poll: 6,
                            stratum: 2,
                            state: SourceState::Selected,
                            mode: SourceMode::Server,
                            flags: 0,
                            reach: 255,
                            last_rx: 3,
                            offset: 0.0,
                            measured_offset: 0.0,
                            error: 0.001,
                            name: Some("ntp\u{1b}]52;c;ZXZpbA==\u{7}\nMS forged".into()),
                        }],
                        ..Default::default()
                    };
                    let reply = ServerMessage::Reply {
                        id,
                        body: ReplyBody::Snapshot(Box::new(snapshot)),
                    };
                    if write_frame(&mut c, &reply).is_err() {
                        return;
                    }
                }
            });
        }
    });
}

#[test]
fn an_ssh_peer_that_never_says_hello_times_out_and_a_hostile_one_is_shown_not_obeyed() {
    let tmp = tempfile::tempdir().unwrap();
    // "ssh" that connects and then says nothing (90 s, longer than any
    // wait here; its stderr not the test's, which a client that never gives
    // up would otherwise leave open).
    let silent = tmp.path().join("silent-ssh");
    std::fs::write(&silent, "#!/bin/sh\nexec sleep 90 2>/dev/null\n").unwrap();
    std::fs::set_permissions(&silent, std::fs::Permissions::from_mode(0o755)).unwrap();
    let start = Instant::now();
    let mut cmd = common::stratum();
    cmd.args(["status", "--connect", "ssh://ntp1.example"])
        .env("STRATUM_SSH", &silent)
        .env("LANG", "C");
    let out = common::run_with_deadline(cmd, Duration::from_secs(60));
    let took = start.elapsed();
    assert!(out.status.code().is_some_and(|c| c != 0), "{out:?}");
    assert!(took < Duration::from_secs(45), "gave up after {took:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did not answer as a Stratum helper"), "{err}");

    // "ssh" that reaches a helper whose names are terminal sequences.
    let fake = tmp.path().join("fake.sock");
    hostile_helper(&fake);
    let bridge = tmp.path().join("bridge-ssh");
    std::fs::write(
        &bridge,
        format!(
            "#!/bin/sh\nexec '{}' --stdio --socket '{}'\n",
            env!("CARGO_BIN_EXE_stratum-helper"),
            fake.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&bridge, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = common::stratum();
    cmd.args(["status", "--connect", "ssh://ntp1.example"])
        .env("STRATUM_SSH", &bridge)
        .env("LANG", "C");
    let out = common::run_with_deadline(cmd, Duration::from_secs(30));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ntp\\u{1b}]52;c;"), "{text}");
    assert!(!has_controls(&out.stdout), "{text:?}");
    assert!(!text.lines().any(|l| l.starts_with("MS forged")), "{text}");
}

#[test]
fn a_watched_host_with_new_source_addresses_at_every_poll_keeps_a_bounded_set_of_series() {
    if common::chronyd().is_none() {
        return;
    }
    for r in common::releases() {
        let host = FakeHost::start(Lie::Wandering);
        let tmp = tempfile::tempdir().unwrap();
        let metrics = free_tcp_port();
        let (listen, spec, chronyd) = (
            format!("127.0.0.1:{metrics}"),
            host.spec(),
            format!("--chronyd={}", r.chronyd.display()),
        );
        let _h = HelperProc::start_lab_with(
            tmp.path(),
            "local stratum 10\n",
            free_udp_port(),
            &["--metrics-listen", &listen, "--watch", &spec, &chronyd],
        );
        let mut labels = std::collections::BTreeSet::new();
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(300));
            let Some(page) = scrape(metrics) else {
                continue;
            };
            let server = format!("server=\"{spec}\"");
            for line in page.lines().filter(|l| l.contains(&server)) {
                if let Some(a) = line.split("source_address=\"").nth(1) {
                    labels.insert(a.split('"').next().unwrap_or("").to_string());
                }
            }
        }
        assert!(
            !labels.is_empty() && labels.len() <= 32,
            "chrony {}: {} source series for one host",
            r.label,
            labels.len()
        );
        assert!(host.requests.load(Ordering::Relaxed) > 50);
    }
}

fn scrape(port: u16) -> Option<String> {
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    c.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    c.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        .ok()?;
    let mut body = String::new();
    c.read_to_string(&mut body).ok()?;
    Some(body)
}

#[test]
fn logs_that_lead_to_proc_mem_or_are_huge_and_sparse_never_stop_or_delay_the_helper() {
    if common::chronyd().is_none() {
        return;
    }
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let logs = tmp.path().join("logs");
        std::fs::create_dir_all(&logs).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", logs.join("tracking.log")).unwrap();
        let sparse = std::fs::File::create(logs.join("measurements.log")).unwrap();
        sparse.set_len(6 << 30).unwrap();
        drop(sparse);
        let (logs_arg, chronyd) = (
            logs.display().to_string(),
            format!("--chronyd={}", r.chronyd.display()),
        );
        let start = Instant::now();
        // Waits (20 s at most) until chronyd answers through the helper.
        let h = HelperProc::start_lab_with(
            tmp.path(),
            "local stratum 10\n",
            free_udp_port(),
            &["--import-logs", &logs_arg, &chronyd],
        );
        let up = start.elapsed();
        assert!(
            wait_for(Duration::from_secs(5), || h.snapshot().tracking).is_some(),
            "chrony {}",
            r.label
        );
        assert!(
            h.log_text().contains("log not imported"),
            "{}",
            h.log_text()
        );
        eprintln!("chrony {}: helper up in {up:?} beside a 6 GiB log", r.label);
    }
}
