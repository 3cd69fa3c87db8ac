//! A server whose `allow` does not cover this client, beside one that
//! answers, on every release: chronyd drops the refused client's requests
//! without an answer (chrony.conf(5) allow: "no client access is allowed by
//! default"), so the client sees reach 0 and LastRx `-` for it, as for a
//! firewall. The summary of the sources that never answered names the
//! server's allow first, as the summary of "no source answers" does.

use crate::common;

use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::{Explained, Rule, explain};
use stratum::i18n::{Lang, Localizer};

const SOURCE: &str = "iburst minpoll -2 maxpoll -1";

fn finding_text(e: &Explained, rule: Rule, lang: Lang) -> String {
    let f = e
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule}: {:?}", e.findings));
    Localizer::new(lang).finding_text(e.kind, f)
}

#[test]
fn a_server_that_does_not_allow_this_client_is_named_first_among_the_causes() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let open = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "open",
            "local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.2",
        );
        // Serves 10/8 only: the client on loopback is refused.
        let closed = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "closed",
            "local stratum 1\nallow 10.0.0.0/8\nbindaddress 127.0.0.3",
        );
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "server 127.0.0.2 port {} {SOURCE}\nserver 127.0.0.3 port {} {SOURCE}",
                open.port, closed.port
            ),
        );
        // The open server selected, the closed one asked at least 3 times
        // (ntpdata CSV, column 30: Total TX).
        wait_for(Duration::from_secs(20), || {
            let selected = c
                .chronyc(&["-c", "sources"])
                .lines()
                .any(|l| l.starts_with("^,*,127.0.0.2,"));
            let asked = c
                .chronyc(&["-c", "ntpdata", "127.0.0.3"])
                .lines()
                .next()
                .and_then(|l| l.split(',').nth(30).and_then(|v| v.parse::<u32>().ok()))
                .is_some_and(|tx| tx >= 3);
            (selected && asked).then_some(())
        })
        .unwrap_or_else(|| panic!("chrony {}: {}", r.label, c.chronyc(&["sources"])));
        for args in [&["sources"][..], &["-c", "sources"], &["sources", "-v"]] {
            let text = c.chronyc(args);
            let what = format!("chrony {} {args:?}:\n{text}", r.label);
            let e = explain(&text).unwrap_or_else(|err| panic!("{what}: {err}"));
            let rules: Vec<Rule> = e.findings.iter().map(|f| f.rule).collect();
            assert!(!rules.contains(&Rule::NoUpstreamReachable), "{what}");
            for lang in Lang::ALL {
                let said = finding_text(&e, Rule::SomeUnreachable, lang);
                assert!(said.contains("127.0.0.3"), "{what}{said}");
                assert!(!said.contains("127.0.0.2"), "{what}{said}");
                let allow = said.find("allow").unwrap_or_else(|| panic!("{what}{said}"));
                let udp = said
                    .find("UDP 123")
                    .unwrap_or_else(|| panic!("{what}{said}"));
                assert!(allow < udp, "{what}{said}");
            }
        }
    }
}
