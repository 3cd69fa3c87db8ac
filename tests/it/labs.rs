//! Real chrony labs on loopback for each problem an admin meets, on every
//! release: a source that never answers, a falseticker, a synchronisation
//! loop, a rate-limiting server, mismatched symmetric keys, NTS with an
//! untrusted certificate and with one for another name, and a leap second
//! pending. Every lab's chronyc output (text and `-c`) must be explained
//! with the finding chronyc(1) and chrony.conf(5) say it shows.
//! `STRATUM_UPDATE_CORPUS=1` stores the outputs in tests/data/labs, where
//! the explain tests read them too (every flagged value has a finding, the
//! Chinese reads as Chinese).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};
use stratum::core::explain::{Rule, explain};

/// One command's output from a lab.
pub(crate) struct Output {
    pub(crate) command: String,
    pub(crate) text: String,
}

/// Runs each chronyc command, in text and in CSV form.
pub(crate) fn capture(c: &Chronyd, commands: &[&str]) -> Vec<Output> {
    let mut out = Vec::new();
    for cmd in commands {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        // A file name per command: `-N sources -a` is N-sources-a.
        let name = words
            .iter()
            .map(|w| w.trim_start_matches('-'))
            .collect::<Vec<_>>()
            .join("-");
        out.push(Output {
            command: name.clone(),
            text: c.chronyc(&words),
        });
        let mut csv = vec!["-c"];
        csv.extend(&words);
        out.push(Output {
            command: format!("{name}-csv"),
            text: c.chronyc(&csv),
        });
    }
    out
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/labs")
}

/// Checks the expected findings and stores the outputs when asked.
pub(crate) fn judge(
    release: &common::Release,
    lab: &str,
    outputs: &[Output],
    expect: &[(&str, Rule)],
) {
    if std::env::var_os("STRATUM_UPDATE_CORPUS").is_some() {
        let dir = corpus_dir().join(&release.label).join(lab);
        std::fs::create_dir_all(&dir).unwrap();
        for o in outputs {
            std::fs::write(dir.join(format!("{}.txt", o.command)), &o.text).unwrap();
        }
    }
    for (command, rule) in expect {
        for csv in [false, true] {
            let name = if csv {
                format!("{command}-csv")
            } else {
                command.to_string()
            };
            let o = outputs
                .iter()
                .find(|o| o.command == name)
                .unwrap_or_else(|| panic!("{lab}: no output of {name}"));
            let e = explain(&o.text).unwrap_or_else(|err| {
                panic!("chrony {} {lab} {name}: {err}\n{}", release.label, o.text)
            });
            assert!(
                e.findings.iter().any(|f| f.rule == *rule),
                "chrony {} {lab} {name}: expected {rule}, got {:?}\n{}",
                release.label,
                e.findings.iter().map(|f| f.rule).collect::<Vec<_>>(),
                o.text
            );
        }
    }
}

/// Checks that a lab's output does not raise findings the manual says it
/// does not show (a false alarm is as wrong as a missed one).
pub(crate) fn judge_without(
    release: &common::Release,
    lab: &str,
    outputs: &[Output],
    absent: &[(&str, Rule)],
) {
    for (command, rule) in absent {
        for o in outputs
            .iter()
            .filter(|o| o.command.trim_end_matches("-csv") == *command)
        {
            let e = explain(&o.text).unwrap_or_else(|err| {
                panic!(
                    "chrony {} {lab} {}: {err}\n{}",
                    release.label, o.command, o.text
                )
            });
            assert!(
                !e.findings.iter().any(|f| f.rule == *rule),
                "chrony {} {lab} {}: {rule} raised\n{}",
                release.label,
                o.command,
                o.text
            );
        }
    }
}

/// Outputs pasted together (text form, a blank line between): the
/// `sources` report explained with what the others say of its rows.
fn pasted_sources(outputs: &[Output], commands: &[&str]) -> stratum::core::explain::Explained {
    let text: Vec<&str> = commands
        .iter()
        .map(|c| {
            outputs
                .iter()
                .find(|o| o.command == *c)
                .map(|o| o.text.as_str())
                .unwrap_or_else(|| panic!("no output of {c}"))
        })
        .collect();
    stratum::core::explain::explain_all(&text.join("\n"))
        .unwrap()
        .into_iter()
        .find(|e| e.kind == stratum::core::explain::Kind::ChronycSources)
        .expect("the sources report")
}

/// A value from `chronyc -c COMMAND`'s first row, by column.
fn csv_field(c: &Chronyd, command: &[&str], column: usize) -> Option<String> {
    let mut args = vec!["-c"];
    args.extend(command);
    c.chronyc(&args)
        .lines()
        .next()
        .and_then(|l| l.split(',').nth(column).map(str::to_string))
}

const SOURCE: &str = "iburst minpoll -2 maxpoll -1";

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

#[test]
fn symmetric_keys_that_do_not_match() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let keys = |name: &str, hex: &str| {
            let p = tmp.path().join(name);
            std::fs::write(&p, format!("1 SHA1 HEX:{hex}\n")).unwrap();
            p
        };
        let sk = keys("server.keys", &"A1".repeat(20));
        let ck = keys("client.keys", &"B2".repeat(20));
        let server = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "server",
            &format!(
                "local stratum 1\nallow 127.0.0.0/8\nkeyfile {}",
                sk.display()
            ),
        );
        let client = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "keyfile {}\nserver 127.0.0.1 port {} key 1 {SOURCE}",
                ck.display(),
                server.port
            ),
        );
        // A chrony server drops a request whose MAC it cannot verify: the
        // client sees no answer at all (Total TX, column 30, climbs; RX 0).
        wait_for(Duration::from_secs(15), || {
            csv_field(&client, &["ntpdata"], 30)
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|tx| *tx >= 3)
        })
        .unwrap_or_else(|| panic!("chrony {}: {}", r.label, client.chronyc(&["ntpdata"])));
        assert!(
            server
                .chronyc(&["serverstats"])
                .contains("NTP packets received"),
            "the server saw the requests"
        );
        let out = capture(&client, &["ntpdata", "authdata", "sources"]);
        judge(
            &r,
            "key-mismatch",
            &out,
            &[("ntpdata", Rule::NeverAnswered)],
        );
    }
}

/// A certificate and key for an NTS server, made with openssl: `san` is
/// what the certificate names (`IP:127.0.0.1`, `DNS:other.example`).
fn certificate(dir: &Path, name: &str, san: &str) -> (PathBuf, PathBuf) {
    let (cert, key) = (
        dir.join(format!("{name}.crt")),
        dir.join(format!("{name}.key")),
    );
    let ok = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=stratum-test",
        ])
        .arg("-addext")
        .arg(format!("subjectAltName={san}"))
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl (Debian package openssl)");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    (cert, key)
}

/// An NTS server and a client of it; the client trusts `trust` (else only
/// the system's store).
fn nts_lab(
    r: &common::Release,
    dir: &Path,
    cert: &Path,
    key: &Path,
    trust: Option<&Path>,
) -> (Chronyd, Chronyd) {
    let ke = free_tcp_port();
    let server = Chronyd::start(
        &r.chronyd,
        dir,
        "server",
        &format!(
            "local stratum 1\nallow 127.0.0.0/8\nntsserverkey {}\nntsservercert {}\nntsport {ke}\nntsdumpdir {}",
            key.display(),
            cert.display(),
            dir.display()
        ),
    );
    let trust = trust
        .map(|t| format!("ntstrustedcerts {}\n", t.display()))
        .unwrap_or_default();
    let client = Chronyd::start(
        &r.chronyd,
        dir,
        "client",
        &format!(
            "{trust}server 127.0.0.1 port {} nts ntsport {ke} {SOURCE}",
            server.port
        ),
    );
    (server, client)
}

#[test]
fn nts_with_an_untrusted_certificate_and_with_one_for_another_name() {
    for r in common::releases() {
        for (lab, san, trusted) in [
            ("nts-untrusted", "IP:127.0.0.1", false),
            ("nts-wrong-name", "DNS:other.example", true),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let (cert, key) = certificate(tmp.path(), "server", san);
            let (server, client) = nts_lab(
                &r,
                tmp.path(),
                &cert,
                &key,
                trusted.then_some(cert.as_path()),
            );
            // The handshake fails on the client's side of TLS (the server
            // logs it from 4.1 on); chronyd then waits long before trying
            // again: no key, no cookies (authdata).
            let _ = wait_for(Duration::from_secs(5), || {
                let tried = csv_field(&client, &["authdata"], 6)
                    .and_then(|v| v.parse::<u32>().ok())
                    .is_some_and(|n| n >= 1);
                (tried || server.log_text().contains("TLS handshake")).then_some(())
            });
            std::thread::sleep(Duration::from_millis(500));
            let out = capture(&client, &["authdata", "sources", "ntpdata"]);
            judge(&r, lab, &out, &[("authdata", Rule::NtsKeFailing)]);
            // No cookies, so no request: ntpdata's Total TX stays 0 (mode
            // "Invalid"): nothing was sent, which is not "no answer".
            judge(&r, lab, &out, &[("ntpdata", Rule::NothingSent)]);
            judge_without(&r, lab, &out, &[("ntpdata", Rule::NeverAnswered)]);
        }
    }
}

/// The leap second list of the distribution plus one at the end of
/// 31 December, compiled into a zone for `leapsectz` (every release has it).
pub(crate) fn leap_zone(dir: &Path, year: i64) -> PathBuf {
    let mut list: String = std::fs::read_to_string("/usr/share/zoneinfo/leapseconds")
        .expect("tzdata's leapseconds")
        .lines()
        .filter(|l| !l.starts_with("Expires") && !l.starts_with("#expires"))
        .map(|l| format!("{l}\n"))
        .collect();
    list.push_str(&format!("Leap\t{year}\tDec\t31\t23:59:60\t+\tS\n"));
    std::fs::write(dir.join("leapfile"), list).unwrap();
    std::fs::write(dir.join("zone"), "Zone\tEtc/UTC\t0\t-\tUTC\n").unwrap();
    let ok = Command::new("zic")
        .arg("-L")
        .arg(dir.join("leapfile"))
        .arg("-d")
        .arg(dir.join("zoneinfo"))
        .arg(dir.join("zone"))
        .output()
        .expect("zic (libc-bin)");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    dir.join("zoneinfo/Etc/UTC")
}

#[test]
fn a_leap_second_pending() {
    let preload = [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ]
    .into_iter()
    .find(|p| Path::new(p).exists());
    let Some(preload) = preload else {
        assert!(!common::in_ci(), "faketime is not installed but CI=true");
        eprintln!("skipped: faketime is not installed");
        return;
    };
    // chronyd announces a leap second only on 30 June or 31 December: run
    // both chronyd on this year's 31 December, noon (their own clocks
    // only; -x leaves the system's alone).
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (year, ..) = stratum::core::civil_from_unix(now);
    let target = stratum::core::time::days_from_civil(year, 12, 31) * 86400 + 12 * 3600;
    let env = [
        ("LD_PRELOAD", preload.to_string()),
        ("FAKETIME", format!("{:+}", target - now)),
        ("FAKETIME_DONT_RESET", "1".to_string()),
    ];
    for r in common::releases() {
        // chrony 4.0 takes receive timestamps from the kernel, which
        // libfaketime does not move: its answers look a month late and are
        // refused. Later releases check kernel timestamps against their own
        // clock and fall back to theirs.
        if r.version < stratum::core::conf::ChronyVersion::new(4, 1) {
            eprintln!(
                "chrony {}: no faked date with kernel timestamps; leap lab not run",
                r.label
            );
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        let zone = leap_zone(tmp.path(), year);
        let up = Chronyd::start_env(
            &r.chronyd,
            tmp.path(),
            "upstream",
            "local stratum 1\nallow 127.0.0.0/8",
            free_udp_port(),
            &env,
        );
        let c = Chronyd::start_env(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "leapsectz {}\nserver 127.0.0.1 port {} {SOURCE}",
                zone.display(),
                up.port
            ),
            free_udp_port(),
            &env,
        );
        wait_for(Duration::from_secs(15), || {
            c.chronyc(&["tracking"])
                .contains("Insert second")
                .then_some(())
        })
        .unwrap_or_else(|| {
            panic!(
                "chrony {}: no leap pending: {}{}",
                r.label,
                c.chronyc(&["tracking"]),
                c.log_text()
            )
        });
        let out = capture(&c, &["tracking", "selectdata"]);
        judge(&r, "leap-pending", &out, &[("tracking", Rule::LeapPending)]);
    }
}

/// A GPS reference clock (SOCK, fed by the test) that stops: chronyc names
/// it by its refid and explain says the reference clock is lost.
#[test]
fn a_reference_clock_that_stops() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let sock = tmp.path().join("gps.sock");
        let feed = crate::common::sockfeed::Feeder::start(
            &sock,
            0.020,
            0.0005,
            false,
            Duration::from_millis(250),
        );
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "refclock SOCK {} refid GPS poll 0 dpoll 0\nallow 127.0.0.0/8",
                sock.display()
            ),
        );
        wait_for(Duration::from_secs(20), || {
            c.chronyc(&["-c", "sources"])
                .starts_with("#,*,GPS")
                .then_some(())
        })
        .unwrap_or_else(|| panic!("chrony {}: GPS never selected", r.label));
        let live = capture(&c, &["sources", "tracking", "sourcestats"]);
        judge(&r, "refclock", &live, &[]);
        // chrony.conf(5), refclock, stratum: "This option sets the NTP
        // stratum of the refclock. ... The default is 0." A reference
        // clock at stratum 0 is the reference, not unsynchronised.
        judge_without(
            &r,
            "refclock",
            &live,
            &[
                ("sources", Rule::UpstreamUnsynchronised),
                ("sources", Rule::NotSynchronised),
                ("tracking", Rule::NotSynchronised),
            ],
        );
        feed.pause(true);
        // Two polls of 1 s without a sample.
        wait_for(Duration::from_secs(10), || {
            let reach = csv_field(&c, &["sources"], 5)?;
            (u32::from_str_radix(&reach, 8).ok()? & 0b11 == 0).then_some(())
        })
        .expect("the reach register shows the missing samples");
        let out = capture(&c, &["sources"]);
        judge(
            &r,
            "refclock-lost",
            &out,
            &[("sources", Rule::RefclockLost)],
        );
    }
}
