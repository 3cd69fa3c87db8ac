//! What lint warns of, chronyd does: settings every release accepts that
//! keep a client unsynchronised although its server answers.

use crate::common;

use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::conf::lint::{LintOptions, Rule, lint};
use stratum::core::conf::{ChronyVersion, Document};

use super::{
    chronyd_verdict, corpus_text, follows_at_stratum_2, lint_rules, only_the_first_synchronises,
    only_the_first_synchronises_but, ported,
};

/// What lint warns of, chronyd does: with `minsources` above the sources
/// the file can give, a client whose one server answers never updates its
/// clock (chrony.conf(5): minsources is "the minimum number of sources that
/// need to be considered as selectable in the source selection algorithm
/// before the local clock is updated"); with `minsources 1` it does, soon.
#[test]
fn minsources_above_the_sources_keeps_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let body = |min: u32| {
            format!(
                "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nminsources {min}\n",
                up.port
            )
        };
        let lints = |text: &str| -> Vec<Rule> {
            let opts = LintOptions {
                version: r.version,
                ..Default::default()
            };
            lint(&Document::parse(text), &opts)
                .into_iter()
                .map(|d| d.rule)
                .collect()
        };
        assert!(lints(&body(2)).contains(&Rule::MinsourcesUnreachable));
        assert!(!lints(&body(1)).contains(&Rule::MinsourcesUnreachable));
        let one = Chronyd::start(&r.chronyd, tmp.path(), "one", &body(1));
        let two = Chronyd::start(&r.chronyd, tmp.path(), "two", &body(2));
        assert!(
            wait_for(Duration::from_secs(20), || follows_at_stratum_2(&one)
                .then_some(()))
            .is_some(),
            "chrony {}: minsources 1 never synchronised: {}",
            r.label,
            one.chronyc(&["tracking"])
        );
        // The source answers all the while: reach is not 0.
        let reach = two.chronyc(&["-c", "sources"]);
        assert!(
            reach.split(',').nth(5).is_some_and(|v| v.trim() != "0"),
            "chrony {}: {reach}",
            r.label
        );
        assert!(
            !follows_at_stratum_2(&two),
            "chrony {}: minsources 2 with one source synchronised: {}",
            r.label,
            two.chronyc(&["tracking"])
        );
    }
}

/// What lint warns of, chronyd does: with `authselectmode require` and no
/// source authenticated, chronyd gives every source noselect (chrony.conf(5)
/// authselectmode "require") and never synchronises though its server
/// answers; a `key` with no keyfile makes chronyd log "Key 7 is missing"
/// and no answer is accepted. The same file with `mix` and no key
/// synchronises.
#[test]
fn sources_without_usable_authentication_keep_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let server = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let files = [
            (format!("{server}\nauthselectmode mix\n"), None),
            (
                format!("{server}\nauthselectmode require\n"),
                Some(Rule::AuthRequiredNoneAuthenticated),
            ),
            (format!("{server} key 7\n"), Some(Rule::KeyMissing)),
        ];
        let mut daemons = Vec::new();
        for (n, (text, rule)) in files.iter().enumerate() {
            let rules = lint_rules(text, r.version);
            for warned in [Rule::AuthRequiredNoneAuthenticated, Rule::KeyMissing] {
                assert_eq!(
                    rules.contains(&warned),
                    *rule == Some(warned),
                    "chrony {}: {text}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(
                &r.chronyd,
                tmp.path(),
                &format!("c{n}"),
                text,
            ));
        }
        only_the_first_synchronises(&r.label, &daemons, "the unauthenticated source");
        assert!(
            daemons[2].log_text().contains("Key 7 is missing"),
            "chrony {}: {}",
            r.label,
            daemons[2].log_text()
        );
    }
}

/// What lint warns of, chronyd does: one `key` server among plain ones.
/// chrony.conf(5) authselectmode mix, the default on every release:
/// "If both authenticated and unauthenticated NTP sources are specified,
/// all authenticated NTP sources and reference clocks will get the require
/// and trust options". The keyed server here never answers (nothing
/// listens on its port), so the plain one that answers cannot update the
/// clock either, by default or with `mix` written out; with `prefer` it
/// does. Lint warns of the first two only.
#[test]
fn one_failing_key_server_among_plain_ones_keeps_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let keys = tmp.path().join("client.keys");
        std::fs::write(&keys, "7 MD5 HEX:0123456789ABCDEF0123456789ABCDEF\n").unwrap();
        let dead = common::lab::free_udp_port();
        let body = format!(
            "keyfile {}\nserver 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nserver 127.0.0.2 port {dead} iburst minpoll -2 maxpoll -1 key 7\n",
            keys.display(),
            up.port
        );
        let files = [
            (format!("{body}authselectmode ignore\n"), false),
            (body.clone(), true),
            (format!("{body}authselectmode mix\n"), true),
            (format!("{body}authselectmode prefer\n"), true),
        ];
        let mut daemons = Vec::new();
        for (n, (text, warned)) in files.iter().enumerate() {
            let rules = lint_rules(text, r.version);
            assert_eq!(
                rules.contains(&Rule::AuthMixRequired),
                *warned,
                "chrony {}: {text}: {rules:?}",
                r.label
            );
            daemons.push(Chronyd::start(
                &r.chronyd,
                tmp.path(),
                &format!("c{n}"),
                text,
            ));
        }
        only_the_first_synchronises(&r.label, &daemons, "authselectmode ignore");
        // The plain server answers all the while: reach is not 0.
        let plain = daemons[1].chronyc(&["-c", "sources"]);
        assert!(
            plain
                .lines()
                .find(|l| l.contains("127.0.0.1"))
                .and_then(|l| l.split(',').nth(5))
                .is_some_and(|v| v.trim() != "0"),
            "chrony {}: {plain}",
            r.label
        );
    }
}

/// What lint warns of, chronyd does: a file whose only source has
/// `noselect` (chrony.conf(5): "Never select this source") never
/// synchronises although its server answers; lint says no source can be
/// selected (not that there is none), and points at `require` beside
/// `noselect` on one line. The same source without noselect synchronises.
#[test]
fn a_file_whose_sources_are_all_noselect_never_synchronises_as_lint_warns() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let server = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let files = [
            (format!("{server}\n"), vec![]),
            (
                format!("{server} noselect\n"),
                vec![Rule::OnlyNoselectSources],
            ),
            (
                format!("{server} trust prefer require noselect\n"),
                vec![Rule::OnlyNoselectSources, Rule::RequireNoselect],
            ),
        ];
        let mut daemons = Vec::new();
        for (n, (text, want)) in files.iter().enumerate() {
            let rules = lint_rules(text, r.version);
            for rule in [
                Rule::OnlyNoselectSources,
                Rule::RequireNoselect,
                Rule::NoSources,
            ] {
                assert_eq!(
                    rules.contains(&rule),
                    want.contains(&rule),
                    "chrony {}: {text}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(
                &r.chronyd,
                tmp.path(),
                &format!("n{n}"),
                text,
            ));
        }
        only_the_first_synchronises(&r.label, &daemons, "the selectable source");
        for (c, (text, ..)) in daemons.iter().zip(&files).skip(1) {
            let sources = c.chronyc(&["-c", "sources"]);
            assert!(
                sources.split(',').nth(5).is_some_and(|v| v.trim() != "0"),
                "chrony {}: {text}: {sources}",
                r.label
            );
        }
    }
}

/// What lint warns of, chronyd does: `maxdistance 0.000001` rejects every
/// network source (chrony.conf(5) maxdistance: the root distance includes
/// half the root delay) and `maxdelay 0.000001` ignores every measurement
/// (ntpdata: answers come, none is good), even over loopback; the same
/// server with neither synchronises. Files in tests/data/chronyd, the port
/// of this run's upstream put in.
#[test]
fn limits_below_any_round_trip_keep_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let ported = |text: &str| ported(text, up.port, "");
        let files = [
            (
                "plain".to_string(),
                ported(
                    "server 127.0.0.1 iburst minpoll -2 maxpoll -1 maxdelay 0.01\nmakestep 1 3\nmaxdistance 0.5\n",
                ),
                None,
            ),
            (
                "maxdistance".to_string(),
                ported(&corpus_text("ok-maxdistance-1us.conf")),
                Some(Rule::MaxdistanceUnreachable),
            ),
            (
                "maxdelay".to_string(),
                ported(&corpus_text("ok-maxdelay-1us.conf")),
                Some(Rule::MaxdelayUnreachable),
            ),
        ];
        let mut daemons = Vec::new();
        for (name, text, rule) in &files {
            let rules = lint_rules(text, r.version);
            for warned in [Rule::MaxdistanceUnreachable, Rule::MaxdelayUnreachable] {
                assert_eq!(
                    rules.contains(&warned),
                    *rule == Some(warned),
                    "chrony {}: {name}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(&r.chronyd, tmp.path(), name, text));
        }
        only_the_first_synchronises(&r.label, &daemons, "the plain client");
        // The server answers the maxdelay client and its answers fail
        // test A (chronyc(1) ntpdata: "maximum delay"); where the release
        // counts good answers (not 4.0), few pass (a loopback round trip
        // with kernel timestamps is itself near 1 µs now and then).
        let ntpdata = daemons[2].chronyc(&["ntpdata", "127.0.0.1"]);
        let field = |name: &str| {
            ntpdata
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        };
        let count = |name: &str| field(name).and_then(|v| v.parse::<u64>().ok());
        let test_a_fails = field("NTP tests").is_some_and(|t| {
            t.split_whitespace()
                .nth(2)
                .is_some_and(|abcd| abcd.starts_with('0'))
        });
        assert!(
            count("Total RX").is_some_and(|n| n > 0)
                && test_a_fails
                && count("Total good RX")
                    .is_none_or(|n| n * 4 <= count("Total valid RX").unwrap_or(0)),
            "chrony {}: {ntpdata}",
            r.label
        );
    }
}

/// What lint warns of, chronyd does: with `maxupdateskew 0.01` no
/// frequency estimate is ever used (chrony.conf(5) maxupdateskew: "the
/// threshold for determining whether an estimate might be so unreliable
/// that it should not be used"), so tracking keeps the skew at 1000000
/// ppm even over loopback, while the same client with the default 1000
/// ppm uses its estimates within seconds.
#[test]
fn a_maxupdateskew_below_any_estimate_keeps_every_releases_skew_unknown() {
    let tiny = corpus_text("ok-maxupdateskew-0.01ppm.conf");
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let ported = |text: &str| ported(text, up.port, "");
        let plain = ported(&tiny.replace("maxupdateskew 0.01", ""));
        let tiny = ported(&tiny);
        let warned = |text: &str| {
            lint(
                &Document::parse(text),
                &LintOptions {
                    version: r.version,
                    ..Default::default()
                },
            )
            .iter()
            .any(|d| d.rule == Rule::MaxupdateskewUnreachable)
        };
        assert!(warned(&tiny) && !warned(&plain), "chrony {}", r.label);
        let a = Chronyd::start(&r.chronyd, tmp.path(), "plain", &plain);
        let b = Chronyd::start(&r.chronyd, tmp.path(), "tiny", &tiny);
        // chronyc(1) -c tracking: the skew is the tenth field, in ppm.
        let skew = |c: &Chronyd| -> Option<f64> {
            c.chronyc(&["-c", "tracking"])
                .split(',')
                .nth(9)
                .and_then(|v| v.trim().parse().ok())
        };
        assert!(
            wait_for(Duration::from_secs(20), || skew(&a)
                .filter(|s| *s < 1000.0)
                .map(|_| ()))
            .is_some(),
            "chrony {}: the default client never used an estimate: {}",
            r.label,
            a.chronyc(&["tracking"])
        );
        std::thread::sleep(Duration::from_secs(2));
        assert!(
            skew(&b).is_some_and(|s| s >= 1e5),
            "chrony {}: maxupdateskew 0.01 used an estimate: {}",
            r.label,
            b.chronyc(&["tracking"])
        );
    }
}

/// The fields of a client's one source in `chronyc -c sources`: state
/// (chronyc(1): `~` too variable, `*` selected) and Reach.
fn source_state_and_reach(c: &Chronyd) -> (String, String) {
    let row = c.chronyc(&["-c", "sources"]);
    let f: Vec<&str> = row.trim().split(',').collect();
    let at = |i: usize| f.get(i).unwrap_or(&"").trim().to_string();
    (at(1), at(5))
}

/// What lint warns of, chronyd does: with `maxjitter 0.00000001` every
/// network source is rejected as too variable (state `~`; loopback sources
/// measure 0.08 to 0.9 µs), a source on port 0 is never reached (the
/// system refuses to send there), and on 4.9 `minstratum 16` or
/// `maxstratum 0` reject a stratum-1 server that answers every poll
/// (chrony.conf(5) minstratum, maxstratum); the plain client synchronises.
#[test]
fn jitter_stratum_and_port_settings_no_server_meets_keep_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let plain = "server 127.0.0.1 iburst minpoll -2 maxpoll -1\nmakestep 1 3\n";
        let mut files = vec![
            ("plain", ported(plain, up.port, ""), None),
            (
                "maxjitter",
                ported(&corpus_text("ok-maxjitter-10ns.conf"), up.port, ""),
                Some(Rule::MaxjitterUnreachable),
            ),
            // Left on port 0: the port is the point.
            (
                "port-0",
                corpus_text("ok-server-port-0.conf"),
                Some(Rule::SourcePortZero),
            ),
        ];
        if r.version >= ChronyVersion::new(4, 9) {
            files.push((
                "minstratum",
                ported(&corpus_text("ok-version-minstratum-16.conf"), up.port, ""),
                Some(Rule::StratumLimitsUnreachable),
            ));
            files.push((
                "maxstratum",
                ported(&format!("{plain}maxstratum 0\n"), up.port, ""),
                Some(Rule::StratumLimitsUnreachable),
            ));
        }
        let watched = [
            Rule::MaxjitterUnreachable,
            Rule::SourcePortZero,
            Rule::StratumLimitsUnreachable,
        ];
        let mut daemons = Vec::new();
        for (name, text, rule) in &files {
            let rules = lint_rules(text, r.version);
            for w in watched {
                assert_eq!(
                    rules.contains(&w),
                    *rule == Some(w),
                    "chrony {}: {name}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(&r.chronyd, tmp.path(), name, text));
        }
        // A loopback source's jitter estimate dips below 10 ns now and then
        // (lint says "never, or only at moments"): what counts is that it
        // is `~` most of the time.
        only_the_first_synchronises_but(&r.label, &daemons, "the plain client", &[1]);
        let jittery = (0..8)
            .filter(|_| {
                std::thread::sleep(Duration::from_millis(500));
                source_state_and_reach(&daemons[1]).0 == "~"
            })
            .count();
        assert!(
            jittery >= 5,
            "chrony {}: maxjitter: `~` in {jittery} of 8 looks: {}",
            r.label,
            daemons[1].chronyc(&["sources"])
        );
        for (c, (name, ..)) in daemons.iter().zip(&files).skip(1) {
            let (state, reach) = source_state_and_reach(c);
            let expected = match *name {
                "maxjitter" => reach != "0",
                "port-0" => reach == "0",
                // Rejected though it answers every poll.
                _ => reach != "0" && state != "*",
            };
            assert!(
                expected,
                "chrony {}: {name}: state {state}, reach {reach}: {}",
                r.label,
                c.chronyc(&["sources"])
            );
        }
    }
}

/// What lint warns of, chronyd does: a server 2 s off with `maxchange 0.5
/// 0 -1` is selected (`*`) and every clock update is ignored ("…exceeds
/// the allowed maximum… (ignored)"), makestep notwithstanding, so tracking
/// never synchronises; with `maxchange 0.5 0 2` chronyd exits on the third
/// such update; with a START of 1 the first update corrects the clock and
/// it synchronises (reference.c checks maxchange before makestep).
#[test]
fn maxchange_checked_from_the_first_update_keeps_every_release_off_or_stops_it() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let off = |text: &str| ported(text, up.port, "offset 2 ");
        let files = [
            (
                "start-1",
                off("server 127.0.0.1 iburst minpoll -2 maxpoll -1\nmaxchange 0.5 1 -1\n"),
                None,
            ),
            (
                "ignore-all",
                off(&corpus_text("ok-maxchange-ignore-all.conf")),
                Some(Rule::MaxchangeIgnoresStart),
            ),
            (
                "exit",
                off(&corpus_text("ok-maxchange-exit.conf")),
                Some(Rule::MaxchangeExitsAtStart),
            ),
        ];
        let mut daemons = Vec::new();
        for (name, text, rule) in &files {
            let rules = lint_rules(text, r.version);
            for w in [Rule::MaxchangeIgnoresStart, Rule::MaxchangeExitsAtStart] {
                assert_eq!(
                    rules.contains(&w),
                    *rule == Some(w),
                    "chrony {}: {name}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(&r.chronyd, tmp.path(), name, text));
        }
        only_the_first_synchronises(&r.label, &daemons, "maxchange 0.5 1 -1");
        let ignoring = &daemons[1];
        let (state, reach) = source_state_and_reach(ignoring);
        assert!(
            state == "*" && reach != "0" && ignoring.log_text().contains("(ignored)"),
            "chrony {}: state {state}, reach {reach}: {}",
            r.label,
            ignoring.log_text()
        );
        let exits = &mut daemons[2];
        let status = wait_for(Duration::from_secs(20), || exits.child.try_wait().unwrap());
        assert!(
            status.is_some() && exits.log_text().contains("(exiting)"),
            "chrony {}: maxchange 0.5 0 2 did not stop chronyd: {}",
            r.label,
            exits.log_text()
        );
    }
}

/// A source given as an address of one family with the 4.6 option for the
/// other (`server 127.0.0.1 … ipv6`, `server ::1 … ipv4`): chronyd 4.6+
/// logs "Could not add source" and runs without it, as lint warns; the
/// same lines without the option are sources (and the IPv4 one
/// synchronises). Before 4.6 chronyd refuses the option, and lint says so
/// with an error.
#[test]
fn a_source_with_the_other_familys_option_is_dropped_as_lint_warns() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let v4 = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let v6 = "server ::1 port 1 iburst";
        let wrong = format!("{v4} ipv6\n{v6} ipv4\n");
        let rules = lint_rules(&wrong, r.version);
        if r.version < ChronyVersion::new(4, 6) {
            let (refused, fatal) =
                chronyd_verdict(&r.chronyd, &common::user_name(), tmp.path(), &wrong);
            assert!(refused, "chrony {}: {fatal}", r.label);
            assert!(
                rules.contains(&Rule::UnsupportedOption),
                "chrony {}: {rules:?}",
                r.label
            );
            continue;
        }
        let warned = rules
            .iter()
            .filter(|x| **x == Rule::SourceWrongFamily)
            .count();
        assert_eq!(warned, 2, "chrony {}: {rules:?}", r.label);
        let right = format!("{v4} ipv4\n{v6} ipv6\n");
        assert!(
            !lint_rules(&right, r.version).contains(&Rule::SourceWrongFamily),
            "chrony {}",
            r.label
        );
        let daemons = [
            Chronyd::start(&r.chronyd, tmp.path(), "right", &right),
            Chronyd::start(&r.chronyd, tmp.path(), "wrong", &wrong),
        ];
        only_the_first_synchronises(&r.label, &daemons, "the sources of their family");
        let sources = |c: &Chronyd| c.chronyc(&["-c", "-n", "sources"]);
        let listed =
            |c: &Chronyd, a: &str| sources(c).lines().any(|l| l.split(',').nth(2) == Some(a));
        assert!(
            listed(&daemons[0], "127.0.0.1") && listed(&daemons[0], "::1"),
            "chrony {}: {}",
            r.label,
            sources(&daemons[0])
        );
        assert_eq!(sources(&daemons[1]).trim(), "", "chrony {}", r.label);
        let log = daemons[1].log_text();
        for host in ["127.0.0.1", "::1"] {
            assert!(
                log.contains(&format!("Could not add source {host}")),
                "chrony {}: {log}",
                r.label
            );
        }
    }
}
