//! Sources are named as configured, resolved or not, on every release, in a
//! lab with no DNS (a network namespace with only loopback, where the lab
//! notes' `ntp.aliyun.com` and `cn.pool.ntp.org` cannot resolve and nothing
//! leaves the machine).
//!
//! chronyc(1), `-N`: "This option enables printing of original hostnames or
//! IP addresses of NTP sources that were specified in the configuration
//! file, or chronyc commands." `activity`, "sources with unknown address":
//! "the name of the server or peer was not resolved to an address yet; this
//! source is not visible in the sources and sourcestats reports" (without
//! `-a`: "If the -a option is specified, all sources are displayed,
//! including those that do not have a known address yet").

use crate::common;

use std::time::Duration;

use common::cmdmon::BlockingCmdmon;
use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use common::netns::{self, Loopback};
use stratum::core::cmdmon::WireAddr;

/// The configuration of the first lab note's server in a lab with no DNS:
/// its upstreams by name, a server by address that never answers, a
/// subnet, `local stratum 10`.
fn lab_config(names: &[String], dead_port: u16) -> String {
    let mut c = String::new();
    for n in names {
        let kind = if n == netns::UNRESOLVED_POOL {
            "pool"
        } else {
            "server"
        };
        c.push_str(&format!("{kind} {n} iburst\n"));
    }
    c.push_str(&format!("server 127.0.0.1 port {dead_port} iburst\n"));
    c.push_str("allow 10.0.0.0/24\nlocal stratum 10\n");
    c
}

/// `chronyc -c -N sources -a`: each source's name column.
fn chronyc_names(c: &Chronyd) -> Vec<String> {
    c.chronyc(&["-c", "-N", "sources", "-a"])
        .lines()
        .filter_map(|l| l.split(',').nth(2).map(str::to_string))
        .collect()
}

#[test]
fn the_source_name_request_names_every_source_on_every_release() {
    for r in common::releases() {
        eprintln!("chrony {}: names over cmdmon", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let isolated = netns::available(Loopback::Only);
        let names = netns::unresolved_names(isolated);
        let (c, isolated) = Chronyd::start_isolated(
            &r.chronyd,
            tmp.path(),
            "lab",
            &lab_config(&names, free_udp_port()),
        );
        // A pool gives 2 × maxsources (4) ids while it does not resolve
        // (ntp_sources.c, NSR_AddSourceByName).
        let want = names
            .iter()
            .map(|n| if n == netns::UNRESOLVED_POOL { 8 } else { 1 })
            .sum::<usize>()
            + 1;
        let expected = wait_for(Duration::from_secs(10), || {
            let n = chronyc_names(&c);
            (n.len() == want).then_some(n)
        })
        .unwrap_or_else(|| panic!("chrony {}: {:?}", r.label, chronyc_names(&c)));
        let mut client =
            BlockingCmdmon::connect(&stratum::helper::cmdmon::Endpoint::Unix(c.socket.clone()))
                .unwrap();
        client.set_version(r.version);
        let sources = client.sources().unwrap();
        let ours: Vec<String> = sources
            .iter()
            .map(|s| client.source_name(s.address.0).unwrap())
            .collect();
        assert_eq!(ours, expected, "chrony {} (isolated: {isolated})", r.label);
        for (s, name) in sources.iter().zip(&ours) {
            // Configured by address: resolved, named by it; by name: an id.
            let by_address = name == "127.0.0.1";
            assert_eq!(
                matches!(s.address.0, WireAddr::Id(_)),
                !by_address,
                "chrony {}: {name} {:?}",
                r.label,
                s.address
            );
        }
        for n in &names {
            assert!(ours.contains(n), "chrony {}: {n} not named", r.label);
        }
    }
}

#[test]
fn status_names_unresolved_sources_and_says_the_server_serves_its_own_clock() {
    for r in common::releases() {
        eprintln!("chrony {}: status of a lab with no DNS", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let names = netns::unresolved_names(netns::available(Loopback::Only));
        let chronyd = r.chronyd.to_str().unwrap().to_string();
        let (helper, isolated) = HelperProc::start_lab_isolated(
            tmp.path(),
            &lab_config(&names, free_udp_port()),
            free_udp_port(),
            &["--chronyd", &chronyd],
        );
        let label = format!("chrony {} (isolated: {isolated})", r.label);
        // chronyd serves its own clock once nothing else is selectable
        // (chrony.conf(5), local: "the local reference mode ... allows
        // chronyd operating as an NTP server to appear synchronised to
        // real time ... even when it was never synchronised").
        let snap = wait_for(Duration::from_secs(20), || {
            let s = helper.snapshot();
            let own = s
                .tracking
                .as_ref()
                .is_some_and(|t| t.ref_id == stratum::core::cmdmon::LOCAL_REFID);
            (own && s.sources.iter().all(|x| x.name.is_some())).then_some(s)
        })
        .unwrap_or_else(|| panic!("{label}: {:?}", helper.snapshot()));
        for n in &names {
            let named: Vec<_> = snap
                .sources
                .iter()
                .filter(|s| s.name.as_deref() == Some(n.as_str()))
                .collect();
            assert!(!named.is_empty(), "{label}: {n} not named");
            assert!(named.iter().all(|s| s.unresolved()), "{label}: {n}");
        }
        let stratum = common::stratum;
        let socket = helper.socket.display().to_string();
        let json = stratum()
            .args(["status", "--json", "--socket", &socket])
            .output()
            .unwrap();
        // A whole snapshot, not healthy: exit 1 (stratum status --help).
        assert_eq!(json.status.code(), Some(1), "{label}");
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let json_names: Vec<&str> = v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["name"].as_str())
            .collect();
        for n in &names {
            assert!(json_names.contains(&n.as_str()), "{label}: {json_names:?}");
        }
        assert_eq!(v["health"]["state"], "warning", "{label}");
        let alarms = v["health"]["alarms"].as_array().unwrap();
        assert_eq!(alarms[0]["kind"], "own-clock", "{label}: {alarms:?}");
        assert_eq!(alarms[0]["what"], "10", "{label}");
        for n in &names {
            assert!(
                alarms
                    .iter()
                    .any(|a| a["kind"] == "source-unresolved" && a["what"] == n.as_str()),
                "{label}: {n} in {alarms:?}"
            );
        }
        // The text says it plainly, each name once (a pool's ids together).
        let text = stratum()
            .args(["status", "--lang", "en", "--socket", &socket])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let causes: Vec<String> = names
            .iter()
            .map(|n| {
                if n == netns::UNRESOLVED_POOL {
                    format!("{n} does not resolve (one pool line: chronyd keeps 8 places for the servers it may find there and uses up to its maxsources, 4 by default)")
                } else {
                    format!("{n} does not resolve")
                }
            })
            .collect();
        // The silent loopback server: "has not answered yet" while fewer
        // than 8 requests went out since chronyd started, "does not
        // answer" after.
        let headlines: Vec<String> = ["has not answered yet", "does not answer"]
            .iter()
            .map(|silent| {
                let mut all = causes.clone();
                all.push(format!("127.0.0.1 {silent}"));
                format!(
                    "Serving its own clock at stratum 10: no upstream answers — {}.",
                    all.join("; ")
                )
            })
            .collect();
        assert!(
            headlines.iter().any(|h| text.contains(h)),
            "{label}: {text}"
        );
        assert!(
            text.contains("Health          : warning"),
            "{label}: {text}"
        );
        assert!(!text.contains("()"), "{label}: empty parentheses\n{text}");
        for n in &names {
            assert!(
                text.lines()
                    .any(|l| l.starts_with("^? ") && l.contains(n.as_str())),
                "{label}: no row for {n}\n{text}"
            );
        }
    }
}

/// The rule the window and explain share for sources that never answered:
/// a source with no address gets the DNS cause, never access or firewall.
mod unresolved_first {
    use stratum::core::cmdmon::{LOCAL_REFID, SourceData, SourceMode, Tracking, WireAddr};
    use stratum::core::explain::{Kind, Rule, explain_snapshot};
    use stratum::core::snapshot::Snapshot;

    use crate::common::cmdmon::silent_source as source;

    fn findings(sources: Vec<SourceData>) -> Vec<(Rule, Vec<(&'static str, String)>)> {
        let s = Snapshot {
            tracking: Some(Tracking {
                ref_id: LOCAL_REFID,
                stratum: 10,
                ..Tracking::default()
            }),
            sources,
            ..Snapshot::default()
        };
        explain_snapshot(&s)
            .remove(&Kind::ChronycSources)
            .unwrap()
            .findings
            .into_iter()
            .map(|f| (f.rule, f.args))
            .collect()
    }

    /// W5 finding 1: two names that do not resolve and a peer polled in
    /// vain. The DNS cause comes first; "no source answers" names only the
    /// peer, the one source anything was sent to.
    #[test]
    fn unresolved_names_come_first_and_the_silence_names_only_the_polled() {
        let f = findings(vec![
            source(WireAddr::Id(1), "ntp.aliyun.com", SourceMode::Server),
            source(WireAddr::Id(2), "ntp1.aliyun.com", SourceMode::Server),
            source(
                WireAddr::Ip("10.0.0.124".parse().unwrap()),
                "10.0.0.124",
                SourceMode::Peer,
            ),
        ]);
        let at = |r: Rule| f.iter().position(|(x, _)| *x == r);
        let dns = at(Rule::NameUnresolved).expect("name-unresolved");
        let silent = at(Rule::NoUpstreamReachable).expect("no-upstream-reachable");
        assert!(dns < silent, "{f:?}");
        let arg = |k: &str| {
            f[silent]
                .1
                .iter()
                .find(|(x, _)| *x == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(arg("cause").as_deref(), Some("some-unresolved"));
        assert_eq!(arg("sources").as_deref(), Some("10.0.0.124"), "{f:?}");
        assert_eq!(arg("count").as_deref(), Some("1"));
    }

    /// Sources with no address only: nothing was sent, so no access rule
    /// or firewall is offered as their cause.
    #[test]
    fn names_that_do_not_resolve_alone_get_no_access_causes() {
        let f = findings(vec![
            source(WireAddr::Id(1), "ntp.aliyun.com", SourceMode::Server),
            source(WireAddr::Id(2), "ntp1.aliyun.com", SourceMode::Server),
        ]);
        assert!(f.iter().any(|(r, _)| *r == Rule::NameUnresolved), "{f:?}");
        assert!(
            !f.iter().any(|(r, _)| *r == Rule::NoUpstreamReachable),
            "{f:?}"
        );
    }
}
