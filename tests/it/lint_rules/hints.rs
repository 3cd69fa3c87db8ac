//! Hints and warnings about sources, reference clocks and the limits on
//! round trips and skew.

use super::rules;
use stratum::core::conf::lint::Rule;
use stratum::core::conf::{Document, LintOptions, lint};

#[test]
fn local_stratum_1_is_hinted_as_a_claim_of_a_reference_clock() {
    let r = rules("local stratum 1\nallow 127.0.0.0/8\n");
    assert!(r.contains(&(Rule::LocalStratumOne, Some(1))), "{r:?}");
    for other in ["local stratum 10", "local stratum 8 orphan", "local"] {
        let r = rules(&format!("{other}\nallow 127.0.0.0/8\n"));
        assert!(!r.iter().any(|x| x.0 == Rule::LocalStratumOne), "{other}");
    }
}

#[test]
fn hints_follow_what_chronyd_does_with_each_source() {
    // chrony.conf(5) minpoll: at 0 or below the first polls come within
    // a second or two; no iburst needed.
    let r = rules(
        "server 127.0.0.11 minpoll -4 maxpoll -4\nserver 127.0.0.12 minpoll 0\nserver 127.0.0.13\nmakestep 1 3\n",
    );
    let no_iburst: Vec<_> = r.iter().filter(|x| x.0 == Rule::NoIburst).collect();
    assert_eq!(no_iburst, [&(Rule::NoIburst, Some(3))], "{r:?}");
    // server offline: never polled until "chronyc online".
    let r = rules("server 127.0.0.7 iburst offline\nserver 127.0.0.8 iburst\nmakestep 1 3\n");
    let offline: Vec<_> = r.iter().filter(|x| x.0 == Rule::SourceOffline).collect();
    assert_eq!(offline, [&(Rule::SourceOffline, Some(1))], "{r:?}");
    // Reserved names (RFC 2606, RFC 6761); .localhost resolves to
    // loopback, a name merely containing "test" is any name.
    for (host, hinted) in [
        ("ntp1.example.invalid", true),
        ("time.example", true),
        ("pool.lab.TEST.", true),
        ("ntp.localhost", false),
        ("test.example.org", false),
        ("ntp.testing.net", false),
        ("invalid", false),
    ] {
        let r = rules(&format!("server {host} iburst\nmakestep 1 3\n"));
        assert_eq!(
            r.iter().any(|x| x.0 == Rule::ReservedName),
            hinted,
            "{host}"
        );
    }
}

#[test]
fn reference_clocks_are_counted_as_time_sources() {
    // Two refclocks and nothing else: few sources, and the message
    // speaks of time sources (lint-few-sources-client), not servers.
    let r = rules("refclock SOCK /run/chrony.sock\nrefclock SHM 0\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::FewSourcesClient, None)), "{r:?}");
    let t = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    let d = lint(
        &Document::parse("refclock SOCK /run/chrony.sock\nrefclock SHM 0\n"),
        &LintOptions::default(),
    );
    let few = d.iter().find(|d| d.rule == Rule::FewSourcesClient).unwrap();
    let text = t.tr_args(&few.message_id(), &few.args);
    assert!(text.contains("2 time sources"), "{text}");
}

#[test]
fn refids_must_be_short_and_unique() {
    // chrony.conf(5) refid: "up to four ASCII characters"; refused,
    // and named as the refid, not as an option "1".
    let d = lint(
        &Document::parse("refclock SHM 0 refid GPSX1 poll 3\n"),
        &LintOptions::default(),
    );
    let found: Vec<Rule> = d.iter().map(|d| d.rule).collect();
    assert_eq!(found, [Rule::RefidTooLong], "{d:?}");
    assert_eq!(d[0].arg("value"), Some("GPSX1"));
    // "Each refclock must have a unique reference ID": chronyd starts.
    let r = rules("refclock SHM 0 refid GPS\nrefclock SHM 1 refid GPS\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::DuplicateRefid, Some(2))), "{r:?}");
    let r = rules("refclock SHM 0 refid GPS\nrefclock SHM 1 refid PPS\nmakestep 1 3\n");
    assert!(!r.iter().any(|x| x.0 == Rule::DuplicateRefid));
}

#[test]
fn limits_below_any_round_trip_are_warned_and_ordinary_ones_are_not() {
    let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
    let r = rules(&format!("maxdistance 0.000001\n{server}"));
    assert!(
        r.contains(&(Rule::MaxdistanceUnreachable, Some(1))),
        "{r:?}"
    );
    for ordinary in ["0.001", "0.1", "1.5", "16"] {
        let r = rules(&format!("maxdistance {ordinary}\n{server}"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable),
            "{ordinary}"
        );
    }
    // Only the last maxdistance counts; with no network source there is
    // no round trip to compare with.
    let r = rules(&format!("maxdistance 0.000001\nmaxdistance 1\n{server}"));
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));
    let r = rules("maxdistance 0.000001\nrefclock PHC /dev/ptp0\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));

    let r = rules("server 127.0.0.5 iburst maxdelay 0.000001\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::MaxdelayUnreachable, Some(1))), "{r:?}");
    for ordinary in ["0.0001", "0.01", "0.3", "3"] {
        let r = rules(&format!(
            "pool pool.example.org iburst maxdelay {ordinary}\nmakestep 1 3\n"
        ));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxdelayUnreachable),
            "{ordinary}"
        );
    }
    // maxdelayratio compares with the smallest delay seen, which itself
    // always passes (ntp_core.c check_delay_ratio): never unreachable.
    let r = rules("server 127.0.0.6 iburst maxdelayratio 1.0001\nmakestep 1 3\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdelayUnreachable));
}

/// R35's l18-maxdistance-small.conf: real chronyd 4.3 and 4.9 start with
/// it. chrony.conf(5) maxdistance: "the maximum root distance of a source
/// to be acceptable for synchronisation … It includes the root dispersion
/// and half of the root delay"; the lab notes' upstream ntp.aliyun.com
/// alone gives 15 ms root delay and 13.7 ms root dispersion, so a server
/// following it is never within 1 ms or 10 ms: warned, not an error.
#[test]
fn a_maxdistance_below_an_internet_servers_root_distance_is_warned() {
    let auditor = "server 10.0.0.123 iburst\nmaxdistance 0.001\ndriftfile /var/lib/chrony/drift\nmakestep 1.0 3\n";
    let r = rules(auditor);
    assert!(r.contains(&(Rule::MaxdistanceTight, Some(2))), "{r:?}");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));
    let doc = Document::parse(auditor);
    let d = lint(&doc, &LintOptions::default());
    let tight = d.iter().find(|d| d.rule == Rule::MaxdistanceTight).unwrap();
    assert_eq!(tight.arg("value"), Some("1"));
    assert_eq!(
        tight.rule.severity(),
        stratum::core::conf::lint::Severity::Warning
    );

    let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
    for tight in ["0.0001", "0.01", "0.019"] {
        let r = rules(&format!("maxdistance {tight}\n{server}"));
        assert!(
            r.contains(&(Rule::MaxdistanceTight, Some(1))),
            "{tight}: {r:?}"
        );
    }
    // The 3 s default and limits above an internet server's distance are
    // ordinary; 1 µs is the stronger "unreachable" warning alone; no
    // network source, no root distance to compare with.
    for ordinary in ["0.05", "0.1", "1.5", "16"] {
        let r = rules(&format!("maxdistance {ordinary}\n{server}"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxdistanceTight),
            "{ordinary}"
        );
    }
    let r = rules(&format!("maxdistance 0.000001\n{server}"));
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceTight), "{r:?}");
    let r = rules("maxdistance 0.001\nrefclock PHC /dev/ptp0\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceTight), "{r:?}");
}

#[test]
fn a_maxupdateskew_below_any_estimate_is_warned_and_ordinary_ones_are_not() {
    let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
    let r = rules(&format!("maxupdateskew 0.01\n{server}"));
    assert!(
        r.contains(&(Rule::MaxupdateskewUnreachable, Some(1))),
        "{r:?}"
    );
    // chrony.conf(5): "100 for NTP sources polled over a wireless
    // network, and 10 or smaller for sources on a local wired network".
    for ordinary in ["0.5", "1", "10", "100", "1000"] {
        let r = rules(&format!("maxupdateskew {ordinary}\n{server}"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxupdateskewUnreachable),
            "{ordinary}"
        );
    }
    let r = rules("maxupdateskew 0.01\nrefclock PHC /dev/ptp0\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxupdateskewUnreachable));
}

#[test]
fn a_local_stratum_below_public_servers_under_upstreams_is_warned() {
    // chrony.conf(5) local: the stratum "should be larger than the maximum
    // expected stratum in the network when external NTP servers are
    // accessible"; public servers are stratum 1 to 4.
    let up = "server 127.0.0.99 iburst\nserver 127.0.0.98 iburst\nallow 127.0.0.0/8\n";
    for n in 1..5 {
        let r = rules(&format!("{up}local stratum {n}\n"));
        assert!(
            r.contains(&(Rule::LocalStratumBelowUpstream, Some(4))),
            "{n}: {r:?}"
        );
        // One finding for stratum 1 under upstreams, not two.
        assert!(
            !r.iter().any(|x| x.0 == Rule::LocalStratumOne),
            "{n}: {r:?}"
        );
    }
    // The default, 5 and above, a pool only marked noselect, or no
    // upstream at all (an isolated lab's top) are not warned.
    for conf in [
        format!("{up}local stratum 5\n"),
        format!("{up}local stratum 10 orphan\n"),
        format!("{up}local\n"),
        "server 127.0.0.99 iburst noselect\nallow 127.0.0.0/8\nlocal stratum 3\n".to_string(),
        "allow 127.0.0.0/8\nlocal stratum 3\n".to_string(),
        "peer 127.0.0.97\nallow 127.0.0.0/8\nlocal stratum 3 orphan\n".to_string(),
    ] {
        let r = rules(&conf);
        assert!(
            !r.iter().any(|x| x.0 == Rule::LocalStratumBelowUpstream),
            "{conf}: {r:?}"
        );
    }
}
