//! What lint says of NTS options on a source line, each release's chronyd
//! does with a real NTS server on loopback (`stratum nts init` makes its
//! certificate): `nts` with `key N` authenticates with NTS, `certset N`
//! with no `ntstrustedcerts N FILE` fails the key exchange, and `nts` on a
//! `peer` line is refused with a log line.

use crate::common::{self, Release};

use std::path::Path;
use std::time::Duration;

use common::lab::{Chronyd, free_tcp_port, wait_for};
use stratum::core::conf::ChronyVersion;
use stratum::core::conf::lint::Rule;

use super::{follows_at_stratum_2, lint_rules, nts_init_server_lines};

/// An NTS server of `r` on loopback: (the daemon, its NTS-KE port, the CA
/// file its clients trust).
fn nts_server(r: &Release, dir: &Path) -> (Chronyd, u16, String) {
    let ke = free_tcp_port();
    let server = nts_init_server_lines(dir, ke, &[]);
    let d = Chronyd::start(
        &r.chronyd,
        dir,
        "ntsserver",
        &format!("local stratum 1\nallow 127.0.0.0/8\n{server}"),
    );
    let ca = dir.join("nts/ca.crt").display().to_string();
    (d, ke, ca)
}

/// chronyc -c authdata's mode of the first source (`NTS`, `SK`, `-`).
fn auth_mode(c: &Chronyd) -> Option<String> {
    let out = c.chronyc(&["-c", "-n", "authdata"]);
    out.lines().next()?.split(',').nth(1).map(str::to_string)
}

/// chronyc -c authdata's NTS-KE attempts and cookies of the first source.
fn ke_tries(c: &Chronyd) -> Option<(u32, u32)> {
    let out = c.chronyc(&["-c", "-n", "authdata"]);
    let f: Vec<&str> = out.lines().next()?.split(',').collect();
    Some((f.get(6)?.parse().ok()?, f.get(8)?.parse().ok()?))
}

/// A source line by name: chrony 4.0 does NTS only with a server given by
/// name ("Missing name of 127.0.0.1 for NTS-KE").
fn source(kind: &str, port: u16, ke: u16, options: &str) -> String {
    format!("{kind} localhost port {port} iburst nts ntsport {ke} {options}\n")
}

/// `nts` + `key 1`: lint warns the key is ignored (and does not say the
/// missing key rejects the answers); chronyd of every release synchronises
/// with NTS although no key file exists at all.
#[test]
fn nts_with_a_key_authenticates_with_nts_and_ignores_the_key_on_every_release() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let (server, ke, ca) = nts_server(&r, dir);
        let missing = dir.join("no.keys").display().to_string();
        let body = format!(
            "{}ntstrustedcerts {ca}\nkeyfile {missing}\n",
            source("server", server.port, ke, "key 1")
        );
        let rules = lint_rules(&body, r.version);
        assert!(
            rules.contains(&Rule::NtsKeyIgnored),
            "{}: {rules:?}",
            r.label
        );
        assert!(!rules.contains(&Rule::KeyMissing), "{}: {rules:?}", r.label);
        let c = Chronyd::start(&r.chronyd, dir, "client", &body);
        assert!(
            wait_for(Duration::from_secs(30), || (follows_at_stratum_2(&c)
                && auth_mode(&c).as_deref() == Some("NTS"))
            .then_some(()))
            .is_some(),
            "chrony {}: no NTS-authenticated time: {:?}\n{}\n{}",
            r.label,
            auth_mode(&c),
            c.chronyc(&["sources"]),
            c.log_text()
        );
    }
}

/// `certset 2` with no `ntstrustedcerts 2 FILE` (4.1+, where certset
/// exists): lint warns, and chronyd's key exchange fails on trust and it
/// never synchronises; with the set filled lint is silent and it does.
#[test]
fn a_certset_no_ntstrustedcerts_fills_fails_nts_ke_as_lint_warns() {
    for r in common::releases() {
        if r.version < ChronyVersion::new(4, 1) {
            eprintln!("skipped chrony {}: no certset before 4.1", r.label);
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let (server, ke, ca) = nts_server(&r, dir);
        let line = source("server", server.port, ke, "certset 2");
        let empty = format!("{line}ntstrustedcerts {ca}\n");
        let filled = format!("{line}ntstrustedcerts 2 {ca}\n");
        assert!(
            lint_rules(&empty, r.version).contains(&Rule::CertsetEmpty),
            "{}",
            r.label
        );
        assert!(
            !lint_rules(&filled, r.version).contains(&Rule::CertsetEmpty),
            "{}",
            r.label
        );
        let good = Chronyd::start(&r.chronyd, dir, "filled", &filled);
        let bad = Chronyd::start(&r.chronyd, dir, "empty", &empty);
        assert!(
            wait_for(Duration::from_secs(30), || follows_at_stratum_2(&good)
                .then_some(()))
            .is_some(),
            "chrony {}: the filled set never synchronised: {}",
            r.label,
            good.log_text()
        );
        let tried = wait_for(Duration::from_secs(15), || {
            ke_tries(&bad).filter(|(attempts, _)| *attempts >= 1)
        });
        assert_eq!(
            tried.map(|(_, cookies)| cookies),
            Some(0),
            "chrony {}",
            r.label
        );
        assert!(!follows_at_stratum_2(&bad), "chrony {}", r.label);
        assert!(
            bad.log_text().contains("NOT trusted"),
            "chrony {}: {}",
            r.label,
            bad.log_text()
        );
    }
}

/// `nts` on a `peer` line: lint warns, and every release logs "NTS not
/// supported with peers", still makes it an NTS source (authdata mode NTS,
/// a key exchange tried) and accepts no answer of the peer, while the same
/// peer line without nts follows it.
#[test]
fn nts_on_a_peer_line_is_logged_and_never_answered_on_every_release() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let (server, ke, ca) = nts_server(&r, dir);
        // Polled every second: a peer ignores iburst.
        let line = |nts: &str| {
            format!(
                "peer localhost port {} minpoll 0 maxpoll 0 {nts}\nntstrustedcerts {ca}\n",
                server.port
            )
        };
        let with = line(&format!("nts ntsport {ke}"));
        let without = line("");
        assert!(
            lint_rules(&with, r.version).contains(&Rule::PeerNts),
            "{}",
            r.label
        );
        assert!(
            !lint_rules(&without, r.version).contains(&Rule::PeerNts),
            "{}",
            r.label
        );
        let plain = Chronyd::start(&r.chronyd, dir, "plain", &without);
        let nts = Chronyd::start(&r.chronyd, dir, "ntspeer", &with);
        assert!(
            wait_for(Duration::from_secs(30), || follows_at_stratum_2(&plain)
                .then_some(()))
            .is_some(),
            "chrony {}: the peer without nts never synchronised: {}",
            r.label,
            plain.chronyc(&["sources"])
        );
        assert!(
            nts.log_text().contains("NTS not supported with peers"),
            "chrony {}: {}",
            r.label,
            nts.log_text()
        );
        assert_eq!(
            auth_mode(&nts).as_deref(),
            Some("NTS"),
            "chrony {}",
            r.label
        );
        assert!(
            ke_tries(&nts).is_some_and(|(attempts, _)| attempts >= 1),
            "chrony {}: {:?}",
            r.label,
            ke_tries(&nts)
        );
        assert!(
            !follows_at_stratum_2(&nts),
            "chrony {}: {}",
            r.label,
            nts.chronyc(&["sources"])
        );
    }
}
