//! The guided setup's four roles: each file is accepted by every chrony
//! release's start-up checks, a client of an isolated lab server syncs to
//! it, and the two servers of a pair agree on one of them (orphan mode).

use crate::common;

use std::time::Duration;

use common::cmdmon::BlockingCmdmon;
use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::core::cmdmon::{SourceMode, SourceState};
use stratum::core::conf::roles::{Role, RoleInput, render};
use stratum::helper::cmdmon::Endpoint;

fn input(u: &str, s: &str, srv: &str, p: &str) -> RoleInput {
    RoleInput {
        upstreams: u.into(),
        subnets: s.into(),
        servers: srv.into(),
        peer: p.into(),
        ..Default::default()
    }
}

/// The role's file with the machine's paths swapped for the test's.
fn local(text: &str, dir: &std::path::Path, name: &str) -> String {
    text.replace(
        "driftfile /var/lib/chrony/chrony.drift",
        &format!("driftfile {}/{name}.drift", dir.display()),
    )
    // gpsd's socket directory.
    .replace("/run/chrony.", &format!("{}/chrony.", dir.display()))
    // gpsd's SHM 0 is the machine's (a real gpsd, or the gpsd test): the
    // test's chronyd gets a segment of its own.
    .replace(
        "refclock SHM 0 ",
        &format!("refclock SHM {} ", test_shm_unit()),
    )
}

/// A shared memory unit no gpsd uses, and its key (refclock_shm.c: NTP0's
/// key plus the unit).
fn test_shm_unit() -> u32 {
    4000 + std::process::id() % 1000
}

/// Removes the segment the GPS role's chronyd made (it outlives chronyd).
struct ShmUnitCleanup;

impl Drop for ShmUnitCleanup {
    fn drop(&mut self) {
        let key = format!("0x{:08x}", 0x4e54_5030u32 + test_shm_unit());
        let _ = std::process::Command::new("ipcrm")
            .args(["-M", &key])
            .stderr(std::process::Stdio::null())
            .status();
    }
}

#[test]
fn every_role_is_accepted_by_every_release() {
    let cases = [
        (Role::Isolated, input("", "10.0.0.0/24", "", "")),
        (
            Role::Upstreams,
            input("127.0.0.1:1 127.0.0.2:1 127.0.0.3:1", "10.0.0.0/24", "", ""),
        ),
        (Role::Client, input("", "", "127.0.0.1:1 127.0.0.2:1", "")),
        (
            Role::Pair,
            input("127.0.0.3:1", "10.0.0.0/24", "", "127.0.0.2:1"),
        ),
        // NMEA only: a PPS device chronyd cannot open is fatal here.
        (
            Role::Gps,
            RoleInput {
                gps_device: "/dev/ttyACM0".into(),
                ..input("127.0.0.3:1", "10.0.0.0/24", "", "")
            },
        ),
    ];
    let user = common::user_name();
    let _shm = ShmUnitCleanup;
    for r in common::releases() {
        for (role, i) in &cases {
            let tmp = tempfile::tempdir().unwrap();
            let d = tmp.path();
            let text = format!(
                "{}pidfile {}/p.pid\n",
                local(&render(*role, i).unwrap(), d, "role"),
                d.display()
            );
            let conf = d.join("chrony.conf");
            std::fs::write(&conf, &text).unwrap();
            let mut cmd = std::process::Command::new(&r.chronyd);
            cmd.args(["-Q", "-x", "-t", "1", "-u", &user, "-f"])
                .arg(&conf);
            let out = common::run_with_deadline(cmd, Duration::from_secs(20));
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                !err.contains("Fatal error"),
                "chrony {} refuses {role:?}: {err}\n{text}",
                r.label
            );
        }
    }
}

#[test]
fn a_client_syncs_to_an_isolated_lab_server_and_a_pair_agrees() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let server_text = render(Role::Isolated, &input("", "127.0.0.0/8", "", "")).unwrap();
    let server = Chronyd::start(&chronyd, d, "server", &local(&server_text, d, "server"));
    let client_text = render(
        Role::Client,
        &input("", "", &format!("127.0.0.1:{}", server.port), ""),
    )
    .unwrap();
    let client = Chronyd::start(&chronyd, d, "client", &local(&client_text, d, "client"));
    let mut c = BlockingCmdmon::connect(&Endpoint::Unix(client.socket.clone())).unwrap();
    let synced = wait_for(Duration::from_secs(30), || {
        let t = c.tracking().ok()?;
        (t.stratum == 11 && t.address.is_some()).then_some(t)
    });
    assert!(
        synced.is_some(),
        "client did not sync: {}",
        client.chronyc(&["-n", "sources"])
    );

    // A pair on two loopback addresses: in orphan mode the one with the
    // lower address leads and the other follows it.
    let (pa, pb) = (free_udp_port(), free_udp_port());
    let a_text = render(
        Role::Pair,
        &input("", "127.0.0.0/8", "", &format!("127.0.0.2:{pb}")),
    )
    .unwrap();
    let b_text = render(
        Role::Pair,
        &input("", "127.0.0.0/8", "", &format!("127.0.0.1:{pa}")),
    )
    .unwrap();
    // Fast polls for the test (the role leaves chrony's defaults).
    let fast = |t: &str| {
        t.replace(
            &format!("port {pb}\n"),
            &format!("port {pb} minpoll -2 maxpoll -1\n"),
        )
        .replace(
            &format!("port {pa}\n"),
            &format!("port {pa} minpoll -2 maxpoll -1\n"),
        )
    };
    let a = Chronyd::start_on(&chronyd, d, "a", &fast(&local(&a_text, d, "a")), pa);
    let b = Chronyd::start_on(
        &chronyd,
        d,
        "b",
        &format!("{}bindaddress 127.0.0.2\n", fast(&local(&b_text, d, "b"))),
        pb,
    );
    let mut cb = BlockingCmdmon::connect(&Endpoint::Unix(b.socket.clone())).unwrap();
    let follows = wait_for(Duration::from_secs(30), || {
        let s = cb.sources().ok()?;
        s.iter()
            .any(|x| x.mode == SourceMode::Peer && x.state == SourceState::Selected)
            .then_some(())
    });
    assert!(
        follows.is_some(),
        "the pair did not agree: a {} b {}",
        a.chronyc(&["-n", "sources"]),
        b.chronyc(&["-n", "sources"])
    );
}
