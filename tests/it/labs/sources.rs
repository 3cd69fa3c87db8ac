//! Labs of sources: one that never answers, a falseticker, a loop, an
//! unsynchronised upstream, sources never selected, a server on its own
//! clock, names that do not resolve, a rate-limiting server.

use crate::common;

use std::time::Duration;

use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::core::explain::Rule;

use super::{SOURCE, capture, csv_field, judge, judge_without, pasted_sources};

#[test]
fn a_source_that_never_answers() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dead = free_udp_port();
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!("server 127.0.0.1 port {dead} {SOURCE}"),
        );
        // ntpdata CSV: column 30 is Total TX.
        wait_for(Duration::from_secs(10), || {
            csv_field(&c, &["ntpdata"], 30)
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|tx| *tx >= 3)
        })
        .expect("requests sent");
        let out = capture(&c, &["ntpdata", "sources", "sourcestats", "selectdata"]);
        judge(
            &r,
            "never-answers",
            &out,
            &[
                ("ntpdata", Rule::NeverAnswered),
                ("sources", Rule::NoUpstreamReachable),
            ],
        );
    }
}

#[test]
fn a_falseticker_among_three_sources() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        // chronyd knows a source by its address alone: three upstreams on
        // three loopback addresses.
        let ups: Vec<(String, Chronyd)> = (2..=4)
            .map(|i| {
                let addr = format!("127.0.0.{i}");
                let c = Chronyd::start(
                    &r.chronyd,
                    tmp.path(),
                    &format!("u{i}"),
                    &format!("local stratum 1\nallow 127.0.0.0/8\nbindaddress {addr}"),
                );
                (addr, c)
            })
            .collect();
        // The third one's measurements are shifted by half a second.
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "server {} port {} {SOURCE}\nserver {} port {} {SOURCE}\nserver {} port {} {SOURCE} offset 0.5",
                ups[0].0, ups[0].1.port, ups[1].0, ups[1].1.port, ups[2].0, ups[2].1.port
            ),
        );
        wait_for(Duration::from_secs(20), || {
            c.chronyc(&["-c", "sources"])
                .lines()
                .any(|l| l.starts_with("^,x,"))
                .then_some(())
        })
        .unwrap_or_else(|| {
            panic!(
                "chrony {}: no falseticker: {}",
                r.label,
                c.chronyc(&["sources"])
            )
        });
        let out = capture(&c, &["sources", "selectdata", "sourcestats", "tracking"]);
        judge(
            &r,
            "falseticker",
            &out,
            &[
                ("sources", Rule::Falseticker),
                ("selectdata", Rule::Falseticker),
            ],
        );
    }
}

#[test]
fn a_synchronisation_loop_between_two_servers() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let (pa, pb) = (free_udp_port(), free_udp_port());
        // la serves its own clock and also polls lb, which follows la.
        let la = Chronyd::start_on(
            &r.chronyd,
            tmp.path(),
            "la",
            &format!("local stratum 10\nallow 127.0.0.0/8\nserver 127.0.0.1 port {pb} {SOURCE}"),
            pa,
        );
        let _lb = Chronyd::start_on(
            &r.chronyd,
            tmp.path(),
            "lb",
            &format!("allow 127.0.0.0/8\nserver 127.0.0.1 port {pa} {SOURCE}"),
            pb,
        );
        // ntpdata CSV: once answers from a synchronised lb come (Total
        // RX, column 31; tests 5-7 in column 24 all passed), column 25
        // holds the last group of NTP tests, the loop test last. (Before lb
        // is synchronised, test 6 fails and chronyd does not run group 3
        // at all: ntp_core.c leaves its bits 0, which is no loop.)
        wait_for(Duration::from_secs(30), || {
            let rx: u32 = csv_field(&la, &["ntpdata"], 31)?.parse().ok()?;
            let group2 = csv_field(&la, &["ntpdata"], 24)?;
            csv_field(&la, &["ntpdata"], 25)
                .filter(|t| rx > 0 && group2 == "111" && t.ends_with('0'))
        })
        .unwrap_or_else(|| {
            panic!(
                "chrony {}: no loop seen: {}",
                r.label,
                la.chronyc(&["ntpdata"])
            )
        });
        let out = capture(&la, &["ntpdata", "sources", "selectdata", "tracking"]);
        // ntpdata shows the loop on every release; `sources` shows it as
        // answers that are never accepted (4.1+) or as no reach at all
        // (4.0 counts only accepted answers in its register).
        judge(&r, "sync-loop", &out, &[("ntpdata", Rule::SyncLoop)]);
    }
}

/// An upstream that answers but was never synchronised (no sources, no
/// `local`): it answers with leap "not synchronised" and stratum 0, and its
/// reference id is 00000000. chronyc(1), ntpdata: "NTP tests: Results of
/// RFC 5905 tests 1 through 3, 5 through 7, and tests for maximum delay,
/// delay ratio, delay dev ratio (or delay quantile), and synchronisation
/// loop"; test 6 is RFC 5905's unsynchronised server. Group 3, the loop
/// test with it, is not run for such a packet (chrony's ntp_core.c): its
/// zeros are no loop.
#[test]
fn an_upstream_that_is_not_synchronised_itself() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::start(&r.chronyd, tmp.path(), "upstream", "allow 127.0.0.0/8");
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!("server 127.0.0.1 port {} {SOURCE}", up.port),
        );
        // Total RX (column 31) counts its answers.
        wait_for(Duration::from_secs(15), || {
            csv_field(&c, &["ntpdata"], 31)
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|rx| *rx >= 4)
        })
        .unwrap_or_else(|| panic!("chrony {}: {}", r.label, c.chronyc(&["ntpdata"])));
        let out = capture(&c, &["ntpdata", "sources", "selectdata"]);
        judge(
            &r,
            "unsynchronised-upstream",
            &out,
            &[("ntpdata", Rule::UpstreamUnsynchronised)],
        );
        judge_without(
            &r,
            "unsynchronised-upstream",
            &out,
            &[
                ("ntpdata", Rule::SyncLoop),
                ("ntpdata", Rule::NeverAnswered),
            ],
        );
        // Its `sources` row alone cannot tell it from a server that never
        // answers: chronyd counts only answers from a synchronised server in
        // the reach register (0 here on every release). Pasted with ntpdata
        // (Total RX: "The number of all packets received from the source"),
        // the row is explained by the answers' tests, not the network.
        let e = pasted_sources(&out, &["sources", "ntpdata"]);
        let rules: Vec<Rule> = e.findings.iter().map(|f| f.rule).collect();
        assert!(
            rules.contains(&Rule::UpstreamUnsynchronised),
            "chrony {}: {rules:?}",
            r.label
        );
        for wrong in [
            Rule::NeverAnswered,
            Rule::NoUpstreamReachable,
            Rule::SyncLoop,
        ] {
            assert!(!rules.contains(&wrong), "chrony {}: {wrong}", r.label);
        }
    }
}

/// Sources that answer every poll but that chronyd does not select: one
/// with `noselect`, one beyond `maxdistance`. chronyc(1), sources: "? indicates
/// a source which is not considered to be selectable for synchronisation for
/// other reasons (e.g. unreachable, not synchronised, or does not have
/// enough measurements)", and Reach: "A value of 377 indicates that a valid
/// reply was received for all from the last eight transmissions". The two
/// facts are told apart: the source is unusable, not unreachable.
#[test]
fn sources_that_answer_every_poll_but_are_not_selected() {
    for r in common::releases() {
        for (lab, body) in [
            ("noselect", "noselect"),
            ("maxdistance", "\nmaxdistance 0.000001"),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let up = Chronyd::upstream(&r.chronyd, tmp.path());
            let (opts, extra) = body.split_once('\n').unwrap_or((body, ""));
            let c = Chronyd::start(
                &r.chronyd,
                tmp.path(),
                "client",
                &format!("server 127.0.0.1 port {} {SOURCE} {opts}\n{extra}", up.port),
            );
            // Reach (column 5) full: eight answers in a row.
            wait_for(Duration::from_secs(20), || {
                csv_field(&c, &["sources"], 5).filter(|v| v == "377")
            })
            .unwrap_or_else(|| panic!("chrony {} {lab}: {}", r.label, c.chronyc(&["sources"])));
            let out = capture(&c, &["sources", "selectdata"]);
            assert!(
                out[0].text.contains("^?"),
                "chrony {} {lab}: not unusable\n{}",
                r.label,
                out[0].text
            );
            let name = format!("answers-unselected-{lab}");
            judge(&r, &name, &out, &[("sources", Rule::NotSelectable)]);
            // Pasted with selectdata, the `?` takes selectdata's cause
            // (chronyc(1), selectdata: "N - has the noselect option", "d -
            // has a root distance larger than the maximum distance").
            let e = pasted_sources(&out, &["sources", "selectdata"]);
            let why = e.rows[0]
                .iter()
                .find(|f| f.name == stratum::core::explain::FieldId::State)
                .and_then(|f| f.reason.as_ref())
                .map(|r| r.id);
            let want = if lab == "noselect" {
                stratum::core::explain::Why::SelectNoselect
            } else {
                stratum::core::explain::Why::SelectDistance
            };
            assert_eq!(why, Some(want), "chrony {} {lab}", r.label);
            judge_without(
                &r,
                &name,
                &out,
                &[
                    ("sources", Rule::NeverAnswered),
                    ("sources", Rule::NoUpstreamReachable),
                    ("sources", Rule::SomeUnreachable),
                ],
            );
        }
    }
}

/// The lab notes' server on its own clock (`local stratum 10`, no
/// upstream), seen from its client: the client follows it at stratum 11.
/// chrony.conf(5), local, stratum: "the default value is 10", and "a value
/// of 10 indicates that the clock is so many hops away from a reference
/// clock that its time is fairly unreliable".
#[test]
fn a_client_of_a_server_on_its_own_clock() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let server = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "server",
            "local stratum 10\nallow 127.0.0.0/8",
        );
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!("server 127.0.0.1 port {} {SOURCE}", server.port),
        );
        wait_for(Duration::from_secs(20), || {
            c.chronyc(&["-c", "sources"])
                .starts_with("^,*")
                .then_some(())
        })
        .unwrap_or_else(|| panic!("chrony {}: {}", r.label, c.chronyc(&["sources"])));
        let out = capture(&c, &["tracking", "sources", "ntpdata"]);
        judge(
            &r,
            "own-clock-server",
            &out,
            &[
                ("tracking", Rule::ServerOwnClock),
                ("sources", Rule::ServerOwnClock),
                ("ntpdata", Rule::ServerServesOwnClock),
            ],
        );
    }
}

/// A server with no DNS (a network namespace with only loopback): the lab
/// notes' names and a pool never resolve. chronyc(1), activity: "the name of
/// the server or peer was not resolved to an address yet; this source is not
/// visible in the sources and sourcestats reports" (`-a` shows them, as
/// `ID#…`, `-N` by their names).
#[test]
fn names_that_do_not_resolve() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let names = common::netns::unresolved_names(common::netns::available(
            common::netns::Loopback::Only,
        ));
        let body: String = names
            .iter()
            .map(|n| {
                let kind = if n == common::netns::UNRESOLVED_POOL {
                    "pool"
                } else {
                    "server"
                };
                format!("{kind} {n} iburst\n")
            })
            .collect();
        let (c, _) = Chronyd::start_isolated(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!("{body}local stratum 10"),
        );
        wait_for(Duration::from_secs(10), || {
            csv_field(&c, &["activity"], 4).filter(|n| n != "0")
        })
        .unwrap_or_else(|| panic!("chrony {}: {}", r.label, c.chronyc(&["activity"])));
        let out = capture(&c, &["activity", "sources -a", "-N sources -a", "tracking"]);
        judge(
            &r,
            "unresolved",
            &out,
            &[
                ("activity", Rule::UnknownAddress),
                ("sources-a", Rule::NameUnresolved),
                ("tracking", Rule::ServingLocalClock),
            ],
        );
        judge_without(
            &r,
            "unresolved",
            &out,
            &[
                ("sources-a", Rule::NeverAnswered),
                ("sources-a", Rule::NoUpstreamReachable),
            ],
        );
    }
}

#[test]
fn a_server_rate_limiting_a_fast_client() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let server = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "server",
            "local stratum 1\nallow 127.0.0.0/8\nratelimit interval 1 burst 1",
        );
        // Sixteen requests a second against a limit of one every two.
        let client = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "server 127.0.0.1 port {} minpoll -4 maxpoll -4",
                server.port
            ),
        );
        wait_for(Duration::from_secs(20), || {
            csv_field(&server, &["serverstats"], 1)
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|d| *d >= 20)
        })
        .unwrap_or_else(|| {
            panic!(
                "chrony {}: nothing dropped: {}",
                r.label,
                server.chronyc(&["serverstats"])
            )
        });
        let mut out = capture(&server, &["serverstats", "clients"]);
        out.extend(capture(&client, &["ntpdata", "sources"]));
        judge(
            &r,
            "rate-limited",
            &out,
            &[
                ("serverstats", Rule::ServerDropping),
                ("clients", Rule::ClientsRateLimited),
                ("ntpdata", Rule::RateLimitedByServer),
            ],
        );
    }
}
