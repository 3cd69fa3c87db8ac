//! The pair rule on real chronyd, each release: a primary as Guided setup
//! writes it and its backup as Export writes it (the same `local stratum 10
//! orphan`, peered with each other) agree on one of them with no upstream.
//! The server with the smaller reference ID (its IPv4 address) serves its
//! own clock at stratum 10 and the other follows it at stratum 11, whichever
//! of them is the primary: as chrony.conf(5) says, and as the window's texts
//! say (a backup one stratum higher would make the primary lead instead).

use std::time::Duration;

use stratum::core::conf::Document;
use stratum::core::conf::lint::lint_peer_pair;
use stratum::core::conf::roles::{Role, RoleInput, render};
use stratum::core::export::{Format, Options, Role as ExportRole, export};

use crate::common;
use common::lab::{Chronyd, free_udp_port, wait_for};

/// chronyc -c tracking: (reference id, stratum).
fn tracking(c: &Chronyd) -> Option<(String, u32)> {
    let csv = c.chronyc(&["-c", "tracking"]);
    let f: Vec<&str> = csv.trim().split(',').collect();
    Some((f.first()?.to_string(), f.get(2)?.parse().ok()?))
}

/// A file as Stratum wrote it, run on loopback: its own address and port,
/// peers polled every second (the test's only changes), and no drift file
/// outside the test's directory.
fn lab_body(text: &str, addr: &str, version: stratum::core::conf::ChronyVersion) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("driftfile") || line.starts_with('#') {
            continue;
        }
        out.push_str(line);
        if line.starts_with("peer ") {
            out.push_str(" minpoll 0 maxpoll 0");
        }
        // From 4.7 orphan mode waits 300 s after start before serving the
        // local clock (waitunsynced): the test does not.
        if line.starts_with("local ") && version >= stratum::core::conf::ChronyVersion::new(4, 7) {
            out.push_str(" waitunsynced 0");
        }
        out.push('\n');
    }
    out.push_str(&format!("bindaddress {addr}\n"));
    out
}

#[test]
fn a_pair_by_the_rule_agrees_on_one_server() {
    for (release, (primary_addr, backup_addr)) in common::releases().into_iter().flat_map(|r| {
        [
            (r.clone(), ("127.0.0.2", "127.0.0.3")),
            (r, ("127.0.0.3", "127.0.0.2")),
        ]
    }) {
        let tmp = tempfile::tempdir().unwrap();
        let (port_a, port_b) = (free_udp_port(), free_udp_port());
        // The primary from Guided setup's pair role, no upstream.
        let primary = render(
            Role::Pair,
            &RoleInput {
                subnets: "127.0.0.0/8".into(),
                peer: format!("{backup_addr}:{port_b}"),
                ..RoleInput::default()
            },
        )
        .unwrap();
        // Its backup from Export.
        let opts = Options {
            role: ExportRole::Backup,
            peer: Some(format!("{primary_addr}:{port_a}")),
            ..Options::default()
        };
        let backup = export(&Document::parse(&primary), Format::ChronyServer, &opts, "t")
            .unwrap()
            .text;
        assert_eq!(
            lint_peer_pair(&Document::parse(&primary), &Document::parse(&backup)),
            None
        );
        let a = Chronyd::start_on(
            &release.chronyd,
            tmp.path(),
            "primary",
            &lab_body(&primary, primary_addr, release.version),
            port_a,
        );
        let b = Chronyd::start_on(
            &release.chronyd,
            tmp.path(),
            "backup",
            &lab_body(&backup, backup_addr, release.version),
            port_b,
        );
        // 127.0.0.2 leads: it serves its local clock (7F7F0101); the other
        // follows it (7F000002).
        let (leader, follower) = if primary_addr == "127.0.0.2" {
            (&a, &b)
        } else {
            (&b, &a)
        };
        let agreed = wait_for(Duration::from_secs(40), || {
            let (rl, sl) = tracking(leader)?;
            let (rf, sf) = tracking(follower)?;
            (rl == "7F7F0101" && sl == 10 && rf == "7F000002" && sf == 11).then_some(())
        });
        assert!(
            agreed.is_some(),
            "chrony {}, primary {primary_addr}: the pair did not agree:\nprimary {:?}\n{}\nbackup {:?}\n{}",
            release.label,
            tracking(&a),
            a.chronyc(&["-n", "sources"]),
            tracking(&b),
            b.chronyc(&["-n", "sources"]),
        );
    }
}
