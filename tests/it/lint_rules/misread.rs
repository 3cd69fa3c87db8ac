//! Settings chronyd reads otherwise than they were meant (a host:port, a
//! zone without leap seconds, a makestep limit with a fraction, smoothtime
//! on a server, a key file that is not there), and one verdict per fact
//! where two rules meet (QA round R17).

use stratum::core::conf::lint::Rule;
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};

use super::rules;

/// The diagnostics of `text` under `version`, reading files through `read`.
fn lint_with(
    text: &str,
    version: ChronyVersion,
    read: &stratum::core::conf::lint::ReadFile,
) -> Vec<stratum::core::conf::lint::Diagnostic> {
    lint(
        &Document::parse(text),
        &LintOptions {
            version,
            read: Some(read),
            ..Default::default()
        },
    )
}

/// R17 F9: one verdict per fact. A key without a certificate is refused
/// from 4.1 on ("Uneven number of NTS certs and keys", conf.c 4.3) and runs
/// no NTS-KE server in 4.0, so chronyd never reads the key file: no
/// "starts, logs Could not set credentials" beside it.
#[test]
fn an_unpaired_nts_key_gets_one_verdict() {
    let text =
        "server 127.0.0.1 iburst\nallow 127.0.0.0/8\nntsserverkey /nowhere/ntp.key\nmakestep 1 3\n";
    let unreadable = |_: &str| None;
    for v in [
        ChronyVersion::new(4, 0),
        ChronyVersion::new(4, 3),
        ChronyVersion::new(4, 9),
    ] {
        let d = lint_with(text, v, &unreadable);
        let rules: Vec<Rule> = d.iter().map(|d| d.rule).collect();
        assert!(!rules.contains(&Rule::NtsFileUnreadable), "{v}: {rules:?}");
        let refused = rules.contains(&Rule::NtsUneven);
        assert_eq!(refused, v >= ChronyVersion::new(4, 1), "{v}: {rules:?}");
    }
    // A pair whose key cannot be read is still said to be unreadable.
    let pair = "ntsservercert /nowhere/ntp.crt\nntsserverkey /nowhere/ntp.key\n";
    let d = lint_with(pair, ChronyVersion::new(4, 9), &unreadable);
    assert!(d.iter().any(|d| d.rule == Rule::NtsFileUnreadable), "{d:?}");
}

/// R17 F9: a server and a peer of one address are one source (chronyd
/// drops the second line), and the dropped peer line gets no orphan advice.
#[test]
fn a_server_and_a_peer_of_one_address_count_once() {
    let text = "server 10.0.0.124 iburst\npeer 10.0.0.124\nlocal stratum 10\nallow 10.0.0.0/24\nmakestep 1.0 3\n";
    let d = lint(&Document::parse(text), &LintOptions::default());
    let few = d
        .iter()
        .find(|d| d.rule == Rule::FewSources)
        .expect("few sources");
    assert_eq!(few.arg("count"), Some("1"), "{d:?}");
    assert!(
        d.iter()
            .any(|d| d.rule == Rule::DuplicateSource && d.line == Some(2))
    );
    assert!(!d.iter().any(|d| d.rule == Rule::PeerNoOrphan), "{d:?}");
    // A real peer beside the server still gets it.
    let r =
        rules("server 10.0.0.124 iburst\npeer 10.0.0.125\nlocal stratum 10\nallow 10.0.0.0/24\n");
    assert!(r.iter().any(|x| x.0 == Rule::PeerNoOrphan), "{r:?}");
}

/// R17 F3: `server 10.0.0.123:123` is a host name that never resolves
/// (live 4.9: empty sources, "1 sources with unknown address").
#[test]
fn a_source_written_host_colon_port_is_warned_with_the_port_option() {
    let d = lint(
        &Document::parse("server 10.0.0.123:123 iburst\nmakestep 1 3\n"),
        &LintOptions::default(),
    );
    let f = d
        .iter()
        .find(|d| d.rule == Rule::SourceHostPort)
        .expect("warned");
    assert_eq!(f.line, Some(1));
    assert_eq!(
        (f.arg("name"), f.arg("port")),
        (Some("10.0.0.123"), Some("123"))
    );
    for fine in ["10.0.0.123", "fe80::1", "2001:db8::123", "ntp.lab", "ntp:x"] {
        let r = rules(&format!("server {fine} iburst\nmakestep 1 3\n"));
        assert!(!r.iter().any(|x| x.0 == Rule::SourceHostPort), "{fine}");
    }
    let r = rules("pool ntp.lab:4123 iburst\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::SourceHostPort, Some(1))), "{r:?}");
}

/// R17 F4: a zone without leap seconds fails chronyd's leap second check
/// (reference.c 4.0, leapdb.c 4.8: "failed leap second check, ignoring").
#[test]
fn a_leapsectz_zone_without_leap_seconds_is_warned() {
    let r = rules("server 10.0.0.1 iburst\nmakestep 1 3\nleapsectz Asia/Shanghai\n");
    assert!(r.contains(&(Rule::LeapsectzNoLeaps, Some(3))), "{r:?}");
    let r = rules("server 10.0.0.1 iburst\nmakestep 1 3\nleapsectz right/UTC\n");
    assert!(!r.iter().any(|x| x.0 == Rule::LeapsectzNoLeaps), "{r:?}");
}

/// R17 F5: conf.c parse_makestep (4.0 to 4.8: `sscanf("%lf %d")`) reads
/// `makestep 3 1.0` as a 3 s threshold for the first update only.
#[test]
fn a_makestep_limit_with_a_fraction_is_warned_as_swapped() {
    let d = lint(
        &Document::parse("server 10.0.0.1 iburst\nmakestep 3 1.0\n"),
        &LintOptions::default(),
    );
    let f = d
        .iter()
        .find(|d| d.rule == Rule::MakestepLimitFraction)
        .expect("warned");
    assert_eq!((f.arg("read"), f.arg("swapped")), (Some("1"), Some("yes")));
    assert_eq!(f.arg("when"), Some("once"));
    let d = lint(
        &Document::parse("server 10.0.0.1 iburst\nmakestep 0.5 2.5\n"),
        &LintOptions::default(),
    );
    let f = d
        .iter()
        .find(|d| d.rule == Rule::MakestepLimitFraction)
        .expect("warned");
    assert_eq!((f.arg("read"), f.arg("swapped")), (Some("2"), Some("no")));
    for fine in ["makestep 1.0 3", "makestep 1 -1", "makestep 0.1 3"] {
        let r = rules(&format!("server 10.0.0.1 iburst\n{fine}\n"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MakestepLimitFraction),
            "{fine}"
        );
    }
}

/// R17 F10: chrony.conf(5) smoothtime "BE WARNED" on a server; leaponly,
/// or a machine that serves nobody, is fine.
#[test]
fn smoothtime_without_leaponly_on_a_server_is_warned() {
    let server =
        "server 10.0.0.1 iburst\nallow 10.0.0.0/24\nlocal stratum 10\nsmoothtime 400 0.001\n";
    assert!(rules(server).contains(&(Rule::SmoothtimeServes, Some(4))));
    let leaponly = server.replace("0.001", "0.001 leaponly");
    assert!(
        !rules(&leaponly)
            .iter()
            .any(|x| x.0 == Rule::SmoothtimeServes)
    );
    let client = "server 10.0.0.1 iburst\nsmoothtime 400 0.001\n";
    assert!(!rules(client).iter().any(|x| x.0 == Rule::SmoothtimeServes));
}

/// R17 note: a key file that does not exist is said to be missing, not to
/// lack the key (chronyd: "Could not open keyfile", then "Key 1 is missing").
#[test]
fn a_missing_key_file_is_named_as_missing() {
    let text = "server 10.0.0.123 iburst key 1\nkeyfile /nowhere/chrony.keys\n";
    let d = lint_with(text, ChronyVersion::new(4, 9), &|_: &str| None);
    let f = d
        .iter()
        .find(|d| d.rule == Rule::KeyMissing)
        .expect("warned");
    assert_eq!(f.arg("why"), Some("unreadable"));
    let keys = |_: &str| {
        Some(stratum::core::conf::lint::FileFacts {
            bytes: b"2 SHA1 HEX:00\n".to_vec(),
            mode: 0o640,
        })
    };
    let d = lint_with(text, ChronyVersion::new(4, 9), &keys);
    let f = d
        .iter()
        .find(|d| d.rule == Rule::KeyMissing)
        .expect("warned");
    assert_eq!(f.arg("why"), Some("absent"));
}

// ntp.conf lines pasted into chrony.conf: ntpd's refclock documentation
// gives reference clocks the pseudo-addresses 127.127.TYPE.UNIT
// (127.127.1.0 its local clock, "fudge ... stratum 10" its stratum);
// chrony.conf(5) serves the local clock with `local stratum N` and lets
// clients in with `allow`/`deny`.
#[test]
fn ntp_conf_lines_are_named_with_their_chrony_equivalent() {
    let text = "server 10.0.0.123 iburst\nserver 127.127.1.0\nfudge 127.127.1.0 stratum 10\n";
    let got = rules(text);
    assert!(
        got.contains(&(Rule::NtpdRefclockAddress, Some(2))),
        "{got:?}"
    );
    // Not a server without iburst, and not a second time source.
    assert!(!got.iter().any(|(r, _)| *r == Rule::NoIburst), "{got:?}");
    let hint = super::message(text, Rule::FewSourcesClient);
    assert!(hint.contains("follows 1 time source"), "{hint}");
    let fudge = super::message(text, Rule::UnknownDirective);
    assert!(fudge.contains("local stratum N"), "{fudge}");
    let restrict = super::message("restrict default nomodify\n", Rule::UnknownDirective);
    assert!(
        restrict.contains("“allow”") && restrict.contains("“deny”"),
        "{restrict}"
    );
    // Another unknown word gets no ntp.conf sentence.
    let other = super::message("frobnicate 1\n", Rule::UnknownDirective);
    assert!(!other.contains("ntp.conf"), "{other}");
    // A real loopback server is no pseudo-address.
    let lo = rules("server 127.0.0.1 iburst\n");
    assert!(!lo.iter().any(|(r, _)| *r == Rule::NtpdRefclockAddress));
}
