//! Every report Stratum's cmdmon client decodes equals what `chronyc -c`
//! prints for the same chronyd at the same moment. A loopback lab: an
//! upstream (local stratum 1), a server that follows it and serves a
//! client. Values that can change between two calls are compared against
//! our reading just before and just after chronyc's.

mod clock;
mod ntpdata;
mod serving;
mod sources;

use crate::common;

use std::net::IpAddr;
use std::time::Duration;

use common::cmdmon::BlockingCmdmon;
use common::lab::{Chronyd, wait_for};
use stratum::core::cmdmon::{SourceState, Status};
use stratum::helper::cmdmon::{CmdmonError, Endpoint};

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// chronyc printed `csv` (with `prec` decimals) from a value read between
/// our two readings `a` and `b` (dispersions grow with time).
fn between(csv: &str, a: f64, b: f64, prec: i32) -> bool {
    let Ok(v) = csv.parse::<f64>() else {
        return false;
    };
    let tol = 0.5 * 10f64.powi(-prec) + 1e-9 * a.abs().max(b.abs());
    v >= a.min(b) - tol && v <= a.max(b) + tol
}

fn check(ok: bool, what: &str, csv: &str, ours: impl std::fmt::Debug) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("{what}: chronyc {csv:?}, stratum {ours:?}"))
    }
}

/// Runs `compare` up to 5 times: values may change between our reading and
/// chronyc's, but not on every try.
fn agree(what: &str, mut compare: impl FnMut() -> Result<(), String>) {
    let mut last = String::new();
    for _ in 0..5 {
        match compare() {
            Ok(()) => return,
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    panic!("{what} differs from chronyc -c: {last}");
}

type TrackingField = fn(&stratum::core::cmdmon::Tracking) -> f64;

fn refid_hex(id: u32) -> String {
    format!("{id:08X}")
}

#[test]
fn every_report_equals_chronyc_csv_in_every_release() {
    let releases = common::releases();
    for r in &releases {
        eprintln!("chrony {}: every report against its chronyc -c", r.label);
        every_report_equals_chronyc_csv(r);
    }
}

fn every_report_equals_chronyc_csv(release: &common::Release) {
    let chronyd = release.chronyd.clone();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let upstream = Chronyd::upstream(&chronyd, dir);
    let server = Chronyd::start(
        &chronyd,
        dir,
        "server",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\nsmoothtime 400 0.001",
            upstream.port
        ),
    );
    let client = Chronyd::start(
        &chronyd,
        dir,
        "client",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            server.port
        ),
    );
    let mut c = BlockingCmdmon::connect(&Endpoint::Unix(server.socket.clone())).unwrap();
    c.set_version(release.version);
    let synced = wait_for(Duration::from_secs(20), || {
        let s = c.sources().ok()?;
        let n = c.clients(usize::MAX).ok()?;
        // Selected, and the clock updated from it (tracking names it).
        let t = c.tracking().ok()?;
        (s.iter().any(|s| s.state == SourceState::Selected) && !n.is_empty() && t.address.is_some())
            .then_some(())
    });
    assert!(
        synced.is_some(),
        "server did not select its upstream: {}",
        server.log_text()
    );
    let lo: IpAddr = "127.0.0.1".parse().unwrap();

    clock::tracking(&mut c, &server);
    sources::sources(&mut c, &server);
    sources::sourcestats(&mut c, &server);
    sources::activity(&mut c, &server);
    serving::serverstats(&mut c, &server);
    serving::clients(&mut c, &server, &client, lo);
    ntpdata::ntpdata(&mut c, &server, lo);
    sources::selectdata(&mut c, &server, lo);
    sources::authdata(&mut c, &server, lo);
    clock::smoothing(&mut c, &server);

    // Without an RTC driver chronyd refuses, and says so the same way.
    let rtc = c.rtc();
    assert!(
        matches!(rtc, Err(CmdmonError::Refused(Status::NoRtc))),
        "{rtc:?}"
    );
    assert!(
        server
            .chronyc(&["rtcdata"])
            .contains("513 RTC driver not running")
    );

    // The client chronyd follows the server: its tracking names it.
    let mut cc = BlockingCmdmon::connect(&Endpoint::Unix(client.socket.clone())).unwrap();
    cc.set_version(release.version);
    let followed = wait_for(Duration::from_secs(20), || {
        let t = cc.tracking().ok()?;
        (t.address == Some(lo) && t.stratum == 3).then_some(t)
    });
    assert!(
        followed.is_some(),
        "client did not follow the server: {:?}",
        cc.tracking()
    );
    drop(upstream);
}

#[test]
fn udp_answers_monitoring_and_refuses_the_rest_with_a_typed_error() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let cmdport = common::lab::free_udp_port();
    let server = Chronyd::start(
        &chronyd,
        tmp.path(),
        "udp",
        &format!(
            "local stratum 8\ncmdport {cmdport}\nbindcmdaddress 127.0.0.1\ncmdallow 127.0.0.1"
        ),
    );
    let mut c = BlockingCmdmon::connect(&Endpoint::Udp(
        format!("127.0.0.1:{cmdport}").parse().unwrap(),
    ))
    .unwrap();
    let t = wait_for(Duration::from_secs(10), || c.tracking().ok()).expect("tracking over UDP");
    let row = csv_rows(&server.chronyc(&["-c", "tracking"])).remove(0);
    assert_eq!(row[0], refid_hex(t.ref_id));
    assert_eq!(c.activity().unwrap().online, 0);
    match c.serverstats() {
        Err(e @ CmdmonError::Refused(Status::Unauthorised)) => {
            assert_eq!(e.code(), stratum::ipc::ErrorCode::ChronydNotAuthorised)
        }
        other => panic!("serverstats over UDP: {other:?}"),
    }
    // Nothing listens here: a typed timeout, not a hang.
    let dead = common::lab::free_udp_port();
    let mut d =
        BlockingCmdmon::connect(&Endpoint::Udp(format!("127.0.0.1:{dead}").parse().unwrap()))
            .unwrap();
    d.set_timeout(Duration::from_millis(100), 1);
    assert!(matches!(
        d.tracking(),
        Err(CmdmonError::Timeout | CmdmonError::Io(_))
    ));
}
