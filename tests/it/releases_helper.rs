//! A lab helper running each chrony release (4.0, 4.3, 4.6.1, 4.9 and the
//! installed one): a full snapshot including server statistics, changes
//! chronyd takes live (add a server, allow a subnet, change the local
//! stratum) applied without restarting it, and a change that needs a
//! restart.

use crate::common;

use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::ipc::{ReplyBody, RequestBody};

fn apply(helper: &HelperProc, text: &str) -> stratum::ipc::Applied {
    let mut c = helper.client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    match c
        .request(RequestBody::Apply {
            config: text.to_string().into(),
        })
        .unwrap()
    {
        ReplyBody::Applied(a) => a,
        other => panic!("{other:?}\n{}", helper.log_text()),
    }
}

#[test]
fn every_release_gives_a_full_snapshot_and_takes_live_changes() {
    let releases = common::releases();
    for r in &releases {
        eprintln!("chrony {}: lab helper", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let base = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\n",
            up.port
        );
        let chronyd = r.chronyd.to_str().unwrap().to_string();
        let helper = HelperProc::start_lab_with(
            tmp.path(),
            &base,
            free_udp_port(),
            &["--chronyd", &chronyd],
        );
        let info = helper.client().unwrap().info;
        assert_eq!(
            info.chrony_version.as_deref(),
            Some(r.version.to_string().as_str())
        );

        // The whole snapshot, server statistics of this release included.
        let snap = wait_for(Duration::from_secs(20), || {
            let s = helper.snapshot();
            (s.error.is_none() && s.serverstats.is_some() && !s.sources.is_empty()).then_some(s)
        })
        .unwrap_or_else(|| panic!("chrony {}: {:?}", r.label, helper.snapshot()));
        let counters = snap.serverstats.unwrap().counters().len();
        let want = if r.version >= stratum::core::conf::ChronyVersion::new(4, 4) {
            17
        } else if r.version >= stratum::core::conf::ChronyVersion::new(4, 2) {
            11
        } else {
            8
        };
        assert_eq!(counters, want, "chrony {}", r.label);

        // Live: a server, a subnet, the local stratum; the same chronyd.
        let pid = helper.chronyd_pid().unwrap();
        let mut text = format!("{base}server 127.0.0.2 iburst\n");
        let a = apply(&helper, &text);
        assert!(a.live, "chrony {}: add server {a:?}", r.label);
        text.push_str("allow 10.20.0.0/16\n");
        assert!(apply(&helper, &text).live, "chrony {}: allow", r.label);
        text = text.replace("local stratum 10 orphan", "local stratum 9 orphan");
        assert!(apply(&helper, &text).live, "chrony {}: local", r.label);
        assert_eq!(
            helper.chronyd_pid(),
            Some(pid),
            "chrony {} restarted",
            r.label
        );
        let two: std::net::IpAddr = "127.0.0.2".parse().unwrap();
        let seen = wait_for(Duration::from_secs(10), || {
            helper
                .snapshot()
                .sources
                .iter()
                .any(|s| s.address.0.ip() == Some(two))
                .then_some(())
        });
        assert!(seen.is_some(), "chrony {}: new server not polled", r.label);

        // A directive cmdmon cannot change: restart, and chronyd answers.
        text.push_str("maxupdateskew 50\n");
        let a = apply(&helper, &text);
        assert!(a.restarted, "chrony {}: {a:?}", r.label);
        assert_ne!(helper.chronyd_pid(), Some(pid));
        assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());
    }
}
