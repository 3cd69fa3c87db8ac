//! The NTS options of source lines as chronyd reads them (QA round R30):
//! `nts` beside `key N`, `nts` on a peer line, a `certset` that holds no
//! CA. Every release from 4.0 (4.1 for certset) starts with these lines,
//! so each is a warning, never an error.

use super::at_release::rules;
use super::message;
use stratum::core::conf::ChronyVersion;
use stratum::core::conf::lint::Rule;

const RELEASES: [ChronyVersion; 4] = [
    ChronyVersion::new(4, 0),
    ChronyVersion::new(4, 3),
    ChronyVersion::new(4, 6),
    ChronyVersion::new(4, 9),
];

fn has(text: &str, v: ChronyVersion, rule: Rule) -> bool {
    rules(text, v).iter().any(|(r, _)| *r == rule)
}

/// ntp_core.c 4.0-4.9 (NCR_CreateInstance): `if (params->nts) … else if
/// (params->authkey != INACTIVE_AUTHKEY)` - with nts the key is never
/// looked up; chrony.conf(5) nts: "Unlike with the key option, the server
/// and client do not need to share a key". So: "key 1 is ignored", never
/// "Key 1 is missing … no answer is accepted".
#[test]
fn nts_with_a_key_says_the_key_is_ignored_not_missing() {
    let both = "server ntp.example.net iburst nts key 1\n";
    for v in RELEASES {
        let found = rules(both, v);
        assert!(
            found.contains(&(Rule::NtsKeyIgnored, Some(1))),
            "{v:?}: {found:?}"
        );
        assert!(
            !found.iter().any(|(r, _)| *r == Rule::KeyMissing),
            "{v:?}: {found:?}"
        );
    }
    let text = message(both, Rule::NtsKeyIgnored);
    assert!(text.contains("ignores the key"), "{text}");
    // A key alone is still looked up (and missing here).
    let key = "server ntp.example.net iburst key 1\n";
    assert!(has(key, ChronyVersion::new(4, 9), Rule::KeyMissing));
    assert!(!has(key, ChronyVersion::new(4, 9), Rule::NtsKeyIgnored));
    // Counted as authenticated for authselectmode: NTS is still on.
    let required = "server ntp.example.net iburst nts key 1\nauthselectmode require\n";
    assert!(!has(
        required,
        ChronyVersion::new(4, 9),
        Rule::AuthRequiredNoneAuthenticated
    ));
}

/// chrony.conf(5) peer: "The following options of the server directive do
/// not work in the peer directive: iburst, burst, nts, presend, copy";
/// ntp_core.c logs "NTS not supported with peers" (4.0-4.9).
#[test]
fn nts_on_a_peer_line_is_warned_of_beside_the_burst_options() {
    let peer = "peer 10.0.0.125 nts\n";
    for v in RELEASES {
        let found = rules(peer, v);
        assert!(
            found.contains(&(Rule::PeerNts, Some(1))),
            "{v:?}: {found:?}"
        );
    }
    assert!(message(peer, Rule::PeerNts).contains("NTS not supported with peers"));
    // The same option on a server line works.
    assert!(!has(
        "server 10.0.0.125 iburst nts\n",
        ChronyVersion::new(4, 9),
        Rule::PeerNts
    ));
}

/// chrony.conf(5) ntstrustedcerts (4.1-4.9): "The default ID is 0, which
/// is a set containing the system's default trusted CAs (unless the
/// nosystemcert directive is present). All other sets are empty by
/// default"; certset "specifies which set of trusted certificates should
/// be used to verify the server's certificate".
#[test]
fn a_certificate_set_no_line_fills_is_warned_of() {
    let v = ChronyVersion::new(4, 9);
    let undefined = "ntstrustedcerts /etc/chrony/lab.crt\nserver 10.0.0.123 iburst nts certset 2\n";
    assert!(rules(undefined, v).contains(&(Rule::CertsetEmpty, Some(2))));
    assert!(message(undefined, Rule::CertsetEmpty).contains("ntstrustedcerts 2 FILE"));
    for filled in [
        "ntstrustedcerts 2 /etc/chrony/lab.crt\nserver 10.0.0.123 iburst nts certset 2\n",
        // Set 0: the system's CAs.
        "server 10.0.0.123 iburst nts\n",
        "server 10.0.0.123 iburst nts certset 0\n",
        "nosystemcert\nntstrustedcerts /etc/chrony/lab.crt\nserver 10.0.0.123 iburst nts\n",
        // No nts: no certificate is checked.
        "server 10.0.0.123 iburst certset 2\n",
        // A set an included file may fill.
        "include /etc/chrony/nts.conf\nserver 10.0.0.123 iburst nts certset 2\n",
    ] {
        assert!(!has(filled, v, Rule::CertsetEmpty), "{filled}");
    }
    // nosystemcert with no ntstrustedcerts of set 0 empties the default set.
    let none =
        "nosystemcert\nntstrustedcerts 1 /etc/chrony/lab.crt\nserver 10.0.0.123 iburst nts\n";
    assert!(rules(none, v).contains(&(Rule::CertsetEmpty, Some(3))));
    assert!(message(none, Rule::CertsetEmpty).contains("nosystemcert"));
}
