//! Every chrony configuration the exports write passes Stratum's own
//! `stratum config lint` with no error under the rules of every supported
//! release, over a matrix of inputs (IPv4, IPv6, a name that resolves and
//! one that does not, the server's port, a key, a pair, NTS); real chronyd
//! of each release accepts them; and a pair exported with a key
//! authenticates each other (chrony.conf(5) peer: "A denial-of-service
//! attack is possible on unauthenticated symmetric associations, i.e. when
//! the peer was specified without the key option").

use std::path::Path;
use std::time::Duration;

use stratum::core::conf::{ChronyVersion, Document};
use stratum::core::export::{Format, Options, Role, export};

use crate::common;
use common::lab::{Chronyd, free_udp_port, wait_for};

/// The lab servers the exports are made from: plain, and on other ports
/// with NTS (the server's certificate named, as `stratum nts init` does).
const LABS: [&str; 2] = [
    "server 127.0.0.3 iburst\nallow 127.0.0.0/8\nallow ::1\nlocal stratum 10\n",
    "server 127.0.0.3 iburst\nallow 127.0.0.0/8\nlocal stratum 10 orphan\nport 11123\nntsport 14460\nntsservercert /etc/chrony/server.crt\nntsserverkey /etc/chrony/server.key\n",
];

/// A name under `.invalid` never resolves (RFC 6761 6.4) and is never
/// queried, here or by the lint.
const SERVER_SETS: [&[&str]; 6] = [
    &["127.0.0.1"],
    &["::1"],
    &["localhost"],
    &["ntp.lab.invalid"],
    &["127.0.0.1:11999"],
    &["127.0.0.1", "127.0.0.2"],
];

const KEY: &str = "5:sha256:LabPairSecret5";
/// The same key in chrony.keys' format.
const KEY_LINE: &str = "5 SHA256 LabPairSecret5\n";

struct Case {
    name: String,
    text: String,
    /// Only loopback in it: real chronyd may run it (-Q sends queries).
    loopback: bool,
    /// What chronyd checks at start beyond the lint: a key or NTS.
    keyed: bool,
}

/// Options as the command line makes them: names looked up here.
fn resolved(mut o: Options) -> Options {
    for n in o.names() {
        o.set_addresses(&n, stratum::sys::addresses(&n));
    }
    o
}

fn cases() -> Vec<Case> {
    let key = || Some(KEY.parse().unwrap());
    let mut out = Vec::new();
    for (l, lab) in LABS.iter().enumerate() {
        let doc = Document::parse(*lab);
        for servers in SERVER_SETS {
            for (with_key, nts) in [(false, false), (true, false), (false, true), (true, true)] {
                let o = resolved(Options {
                    servers: servers.iter().map(|s| s.to_string()).collect(),
                    key: if with_key { key() } else { None },
                    nts,
                    nts_ca: nts.then(|| "/etc/chrony/lab-ca.crt".to_string()),
                    ..Options::default()
                });
                out.push(Case {
                    name: format!("lab{l} client {servers:?} key={with_key} nts={nts}"),
                    text: export(&doc, Format::ChronyClient, &o, "t").unwrap().text,
                    loopback: !servers.contains(&"ntp.lab.invalid"),
                    keyed: with_key != nts,
                });
            }
        }
        for (role, peer) in [
            (Role::Primary, None),
            (Role::Primary, Some("127.0.0.2")),
            (Role::Backup, Some("127.0.0.1")),
            (Role::Primary, Some("::1")),
            (Role::Primary, Some("localhost")),
        ] {
            for with_key in [false, true] {
                let o = resolved(Options {
                    role,
                    peer: peer.map(String::from),
                    key: if with_key { key() } else { None },
                    ..Options::default()
                });
                out.push(Case {
                    name: format!("lab{l} server {role:?} {peer:?} key={with_key}"),
                    text: export(&doc, Format::ChronyServer, &o, "t").unwrap().text,
                    loopback: true,
                    keyed: with_key,
                });
            }
        }
    }
    out
}

#[test]
fn every_chrony_export_passes_lint_for_every_release() {
    let tmp = tempfile::tempdir().unwrap();
    for (n, case) in cases().iter().enumerate() {
        let file = tmp.path().join(format!("{n}.conf"));
        std::fs::write(&file, &case.text).unwrap();
        for release in common::REQUIRED_RELEASES {
            let out = common::stratum()
                .args(["config", "lint", "--format", "json", "--chrony-version"])
                .arg(release)
                .arg(&file)
                .output()
                .unwrap();
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}: {}",
                    case.name,
                    String::from_utf8_lossy(&out.stderr)
                )
            });
            let errors: Vec<_> = json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["severity"] == "error")
                .collect();
            assert!(
                errors.is_empty() && out.status.code() == Some(0),
                "chrony {release}, {}: {errors:?}\n{}",
                case.name,
                case.text
            );
        }
    }
}

/// The distribution's paths of an exported file, moved into `dir`.
fn localise(text: &str, dir: &Path) -> String {
    let d = dir.to_str().unwrap();
    text.replace("/var/lib/chrony", d)
        .replace("/etc/chrony/chrony.keys", &format!("{d}/keys"))
        .replace("/etc/chrony/", &format!("{d}/"))
}

#[test]
fn real_chronyd_of_every_release_accepts_every_export() {
    let releases = common::releases();
    let user = common::user_name();
    let mut jobs: Vec<(common::Release, String, String)> = Vec::new();
    for c in cases().into_iter().filter(|c| c.loopback && c.keyed) {
        for r in &releases {
            jobs.push((r.clone(), c.name.clone(), c.text.clone()));
        }
    }
    // chronyd -Q waits a second for answers nobody sends (idle, not
    // busy): a dozen at once.
    let jobs = std::sync::Arc::new(std::sync::Mutex::new(jobs));
    let threads: Vec<_> = (0..12)
        .map(|_| {
            let user = user.clone();
            let jobs = jobs.clone();
            std::thread::spawn(move || {
                let mut refused = Vec::new();
                loop {
                    let job = jobs.lock().unwrap().pop();
                    let Some((r, name, text)) = job else {
                        break;
                    };
                    let tmp = tempfile::tempdir().unwrap();
                    std::fs::write(tmp.path().join("keys"), KEY_LINE).unwrap();
                    let conf = tmp.path().join("chrony.conf");
                    let body = format!(
                        "{}\npidfile {}\n",
                        localise(&text, tmp.path()),
                        tmp.path().join("pid").display()
                    );
                    std::fs::write(&conf, &body).unwrap();
                    let mut cmd = std::process::Command::new(&r.chronyd);
                    cmd.args(["-Q", "-x", "-t", "1", "-u", &user, "-f"])
                        .arg(&conf);
                    let out = common::run_with_deadline(cmd, Duration::from_secs(20));
                    let log = String::from_utf8_lossy(&out.stderr).into_owned();
                    if log.contains("Fatal error") {
                        refused.push(format!("chrony {}, {name}: {log}\n{body}", r.label));
                    }
                }
                refused
            })
        })
        .collect();
    let refused: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert!(refused.is_empty(), "{}", refused.join("\n"));
}

/// A pair as Export writes it with `--key` (the primary and its backup,
/// each peered with the other on its port): each authenticates the other
/// (chronyc ntpdata "Authenticated: Yes") and they agree on one server.
#[test]
fn a_pair_exported_with_a_key_authenticates_each_other() {
    for release in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let (port_a, port_b) = (free_udp_port(), free_udp_port());
        let lab = Document::parse("allow 127.0.0.0/8\nlocal stratum 10 orphan\n");
        let make = |role, peer: String| {
            let o = Options {
                role,
                peer: Some(peer),
                key: Some(KEY.parse().unwrap()),
                ..Options::default()
            };
            export(&lab, Format::ChronyServer, &o, "t").unwrap().text
        };
        let primary = make(Role::Primary, format!("127.0.0.3:{port_b}"));
        let backup = make(Role::Backup, format!("127.0.0.2:{port_a}"));
        assert!(
            primary.contains(&format!("\npeer 127.0.0.3 port {port_b} key 5\n")),
            "{primary}"
        );
        assert!(
            backup.contains(&format!("\npeer 127.0.0.2 port {port_a} key 5\n")),
            "{backup}"
        );
        std::fs::write(tmp.path().join("keys"), KEY_LINE).unwrap();
        let body = |text: &str, addr: &str| {
            let mut out = String::new();
            for line in localise(text, tmp.path()).lines() {
                if line.starts_with("driftfile") || line.starts_with('#') {
                    continue;
                }
                out.push_str(line);
                if line.starts_with("peer ") {
                    out.push_str(" minpoll 0 maxpoll 0");
                }
                // From 4.7 orphan mode waits 300 s after start before
                // serving the local clock: the test does not.
                if line.starts_with("local ") && release.version >= ChronyVersion::new(4, 7) {
                    out.push_str(" waitunsynced 0");
                }
                out.push('\n');
            }
            out.push_str(&format!("bindaddress {addr}\n"));
            out
        };
        let a = Chronyd::start_on(
            &release.chronyd,
            tmp.path(),
            "primary",
            &body(&primary, "127.0.0.2"),
            port_a,
        );
        let b = Chronyd::start_on(
            &release.chronyd,
            tmp.path(),
            "backup",
            &body(&backup, "127.0.0.3"),
            port_b,
        );
        let authenticated = |c: &Chronyd, peer: &str| {
            c.chronyc(&["ntpdata", peer])
                .lines()
                .any(|l| l.starts_with("Authenticated") && l.trim_end().ends_with("Yes"))
        };
        let selected = |c: &Chronyd| c.chronyc(&["-n", "sources"]).contains("=*");
        let agreed = wait_for(Duration::from_secs(40), || {
            (authenticated(&a, "127.0.0.3")
                && authenticated(&b, "127.0.0.2")
                && selected(&a) != selected(&b))
            .then_some(())
        });
        assert!(
            agreed.is_some(),
            "chrony {}: the keyed pair did not authenticate and agree:\n{}\n{}\n{}\n{}",
            release.label,
            a.chronyc(&["ntpdata", "127.0.0.3"]),
            a.chronyc(&["-n", "sources"]),
            b.chronyc(&["ntpdata", "127.0.0.2"]),
            b.log_text()
        );
    }
}
