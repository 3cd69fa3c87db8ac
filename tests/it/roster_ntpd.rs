//! The ntpd host of the roster lab: ntpsec's ntpd, configured by
//! `stratum export --to ntp-client`, follows a lab helper whose chronyd
//! is each chrony release in turn, and the roster says so within 2 minutes
//! in text, JSON, `stratum status` and metrics.
//!
//! Each lab lives in a private network namespace (`common::netns`): the
//! helper's chronyd on 127.0.0.1:123, ntpd on 127.0.0.2:123 only. ntpd
//! never reaches the clock: CAP_SYS_TIME is out of its bounding set (its
//! adjtime calls fail, and the test checks it holds no such capability),
//! and `disable kernel` keeps it off the kernel discipline. (`disable ntp`
//! would not do: ntpd then answers "not synchronised" for ever.)

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::roster::{metrics, roster_json, stratum, verdicts};
use crate::common;
use common::ChildGuard;
use common::helper::HelperProc;
use common::lab::{free_tcp_port, wait_for};
use common::netns;

/// CAP_SYS_TIME's bit in /proc/PID/status.
const CAP_SYS_TIME: u32 = 25;

/// ntpd with the export's lines (its drift file moved into `dir`), on
/// 127.0.0.2 only, in the namespace of the process `pid`.
fn ntpd(ntpd: &Path, dir: &Path, pid: u32, export: &str) -> ChildGuard {
    let body: String = export
        .lines()
        .filter(|l| !l.starts_with("driftfile"))
        .map(|l| format!("{l}\n"))
        .collect();
    let conf = dir.join("ntp.conf");
    std::fs::write(
        &conf,
        format!(
            "{body}driftfile {}\ndisable kernel\n\
             interface ignore wildcard\ninterface ignore 127.0.0.1\ninterface ignore ::1\n\
             interface listen {}\n",
            dir.join("ntp.drift").display(),
            netns::NTPD_HOST
        ),
    )
    .unwrap();
    let child = netns::enter(pid, "setpriv")
        .args([
            "--bounding-set",
            "-sys_time",
            "--inh-caps",
            "-sys_time",
            "--no-new-privs",
        ])
        .arg(ntpd)
        .arg("-n")
        .arg("-c")
        .arg(&conf)
        .arg("-p")
        .arg(dir.join("ntpd.pid"))
        .arg("-l")
        .arg(dir.join("ntpd.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nsenter setpriv ntpd");
    ChildGuard(child)
}

/// Whether the process `pid` holds CAP_SYS_TIME (effective, permitted or
/// bounding).
fn may_set_time(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .filter(|l| {
            l.starts_with("CapEff:") || l.starts_with("CapPrm:") || l.starts_with("CapBnd:")
        })
        .any(|l| {
            let hex = l.split_whitespace().nth(1).unwrap();
            u64::from_str_radix(hex, 16).unwrap() & (1 << CAP_SYS_TIME) != 0
        })
}

/// One lab: the helper running `chronyd`, the ntpd host following it.
fn lab(chronyd: &Path, ntpd_bin: &Path) -> Duration {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let lab_conf = "bindaddress 127.0.0.1\nallow 127.0.0.0/8\nlocal stratum 8\n";
    let chronyd_arg = chronyd.to_str().unwrap();
    let helper = HelperProc::start_lab_netns(dir, lab_conf, 123, &["--chronyd", chronyd_arg]);
    let sock = helper.socket.to_str().unwrap().to_string();
    let (ok, export, err) = stratum(&[
        "export",
        dir.join("lab.conf").to_str().unwrap(),
        "--to",
        "ntp-client",
        "--server",
        "127.0.0.1",
    ]);
    assert!(ok, "{err}");
    assert!(export.contains("server 127.0.0.1 iburst"), "{export}");
    let host = ntpd(ntpd_bin, dir, helper.child.id(), &export);
    // Once nsenter and setpriv have exec'd it.
    let pid = host.0.id();
    let comm = || std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    assert!(
        wait_for(Duration::from_secs(10), || (comm().trim() == "ntpd")
            .then_some(()))
        .is_some(),
        "ntpd did not start: {}",
        comm()
    );
    assert!(!may_set_time(pid), "ntpd must not hold CAP_SYS_TIME");
    let (ok, _, err) = stratum(&[
        "roster",
        "add",
        "ntpd-host",
        netns::NTPD_HOST,
        "--kind",
        "ntpd",
        "--socket",
        &sock,
    ]);
    assert!(ok, "{err}");
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

    // ntpd selects the lab server after its first burst (seconds); the
    // roster asks it now and then rather than wait for its minute.
    let start = Instant::now();
    let mut asked: Option<Instant> = None;
    let v = wait_for(Duration::from_secs(120), || {
        if asked.is_none_or(|a| a.elapsed() > Duration::from_secs(15)) {
            let _ = stratum(&["roster", "probe", "--socket", &sock]);
            asked = Some(Instant::now());
        }
        let v = roster_json(&sock);
        (verdicts(&v) == [("ntpd-host".to_string(), "follows-us".to_string())]).then_some(v)
    })
    .unwrap_or_else(|| {
        panic!(
            "after {:?}: {:#}\nntpd: {}",
            start.elapsed(),
            roster_json(&sock),
            std::fs::read_to_string(dir.join("ntpd.log")).unwrap_or_default()
        )
    });
    let took = start.elapsed();
    let d = &v["devices"][0];
    assert_eq!(d["kind"], "ntpd");
    assert_eq!(d["answer"]["reference"], "127.0.0.1", "{d:#}");
    assert_eq!(d["answer"]["stratum"], 9, "the lab is at stratum 8: {d:#}");
    assert_eq!(d["polls"]["address"], netns::NTPD_HOST, "{d:#}");
    assert_eq!(d["polls"]["polling"], true);
    assert_eq!(v["following"], 1);

    let (_, text, _) = stratum(&["roster", "list", "--socket", &sock]);
    let line = text
        .lines()
        .find(|l| l.contains("ntpd-host"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("ntpd") && line.contains("follows this server (offset"),
        "{text}"
    );
    let (_, zh, _) = stratum(&["roster", "list", "--lang", "zh-CN", "--socket", &sock]);
    assert!(zh.contains("跟随本服务器（偏差"), "{zh}");
    let (_, status, _) = stratum(&["status", "--socket", &sock]);
    assert!(
        status.contains("1 of 1 device follows this server"),
        "{status}"
    );
    let page = wait_for(Duration::from_secs(10), || {
        let p = metrics(metrics_port);
        p.lines()
            .any(|l| {
                l.starts_with("stratum_roster_device_follows{")
                    && l.contains("device=\"ntpd-host\"")
                    && l.contains("kind=\"ntpd\"")
                    && l.ends_with(" 1")
            })
            .then_some(p)
    });
    assert!(page.is_some(), "metrics: {}", metrics(metrics_port));
    // Its discipline tried and the kernel said no.
    let log = std::fs::read_to_string(dir.join("ntpd.log")).unwrap_or_default();
    assert!(log.contains("Operation not permitted"), "{log}");
    drop(host);
    took
}

#[test]
fn an_ntpd_host_configured_by_the_export_follows_every_release() {
    let Some(ntpd_bin) = common::ntpd() else {
        return;
    };
    if let Some(why) = netns::unusable(netns::Loopback::NtpdHost) {
        assert!(
            !common::in_ci(),
            "the ntpd lab needs a network namespace under CI: {why}"
        );
        eprintln!("skipped: {why}");
        return;
    }
    let releases = common::releases();
    assert!(!releases.is_empty() || !common::in_ci());
    // Each lab has its own namespace, so all run at once.
    let labs: Vec<_> = releases
        .iter()
        .map(|r| {
            let (chronyd, ntpd_bin) = (r.chronyd.clone(), ntpd_bin.clone());
            (
                r.label.clone(),
                std::thread::spawn(move || lab(&chronyd, &ntpd_bin)),
            )
        })
        .collect();
    let mut failed = Vec::new();
    for (label, h) in labs {
        match h.join() {
            Ok(took) => eprintln!("chrony {label}: the ntpd host follows it after {took:?}"),
            Err(_) => failed.push(label),
        }
    }
    assert!(
        failed.is_empty(),
        "the ntpd host failed with chrony {failed:?}"
    );
}
