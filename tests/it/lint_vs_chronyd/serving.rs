//! What lint says of a server, chronyd does: when an orphan server starts
//! serving, an expired NTS certificate, an allow line with a comment, a
//! client-only `port 0`.

use crate::common;

use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::conf::lint::{LintOptions, Rule, Severity, has_errors, lint};
use stratum::core::conf::{ChronyVersion, Document};

use super::{chronyd_verdict, lint_rules};

/// What lint hints, chronyd does: from 4.7 an orphan server with no
/// waitunsynced waits 300 s while unsynchronised before it serves its local
/// clock (cmdparse.c 4.7: "*wait_unsynced = *orphan ? 300 : 0"); before 4.7,
/// and with `waitunsynced 0`, it serves at once.
#[test]
fn an_orphan_server_waits_after_start_from_4_7_as_lint_hints() {
    let serving = |c: &Chronyd| {
        let t = c.chronyc(&["-c", "tracking"]);
        t.split(',')
            .nth(2)
            .is_some_and(|stratum| stratum.trim() == "10")
    };
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let default = "local stratum 10 orphan\nallow 127.0.0.0/8\n";
        let hint = lint(
            &Document::parse(default),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        )
        .iter()
        .any(|d| d.rule == Rule::OrphanWaits);
        let waits = r.version >= ChronyVersion::new(4, 7);
        assert_eq!(hint, waits, "chrony {}", r.label);
        let plain = Chronyd::start(&r.chronyd, tmp.path(), "plain", default);
        if waits {
            let at_once = Chronyd::start(
                &r.chronyd,
                tmp.path(),
                "at-once",
                "local stratum 10 orphan waitunsynced 0\nallow 127.0.0.0/8\n",
            );
            assert!(
                wait_for(Duration::from_secs(20), || serving(&at_once).then_some(())).is_some(),
                "chrony {}: waitunsynced 0 does not serve: {}",
                r.label,
                at_once.chronyc(&["tracking"])
            );
            assert!(
                !serving(&plain),
                "chrony {}: the orphan server serves at once: {}",
                r.label,
                plain.chronyc(&["tracking"])
            );
            eprintln!(
                "chrony {}: the orphan server waits, with waitunsynced 0 it serves",
                r.label
            );
        } else {
            assert!(
                wait_for(Duration::from_secs(20), || serving(&plain).then_some(())).is_some(),
                "chrony {}: the orphan server does not serve: {}",
                r.label,
                plain.chronyc(&["tracking"])
            );
            eprintln!("chrony {}: the orphan server serves at once", r.label);
        }
    }
}

/// An expired NTS server certificate: every release loads it and runs its
/// NTS-KE server (its clients then refuse the chain), so lint says so as a
/// warning and exits 0 — errors are what chronyd refuses.
#[test]
fn an_expired_nts_certificate_is_a_warning_because_every_release_starts_with_it() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let ke = common::lab::free_tcp_port();
        let server = super::nts_init_server_lines(dir, ke, &["--days", "-2"]);
        let conf = dir.join("chrony.conf");
        // chronyd wants its socket's directory private.
        let run = dir.join("run");
        std::fs::create_dir(&run).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
        let (d, port) = (run.display(), common::lab::free_udp_port());
        std::fs::write(
            &conf,
            format!(
                "{server}port {port}\nbindaddress 127.0.0.1\ncmdport 0\n\
                 bindcmdaddress {d}/chronyd.sock\npidfile {d}/chronyd.pid\n\
                 ntsdumpdir {d}\nlocal stratum 1\n"
            ),
        )
        .unwrap();
        // In the foreground for two seconds: a refused file ends it at once
        // with "Fatal error"; one that starts runs until stopped (by pid).
        let mut cmd = Command::new(&r.chronyd);
        let user = common::user_name();
        cmd.args(["-d", "-x", "-u", &user]);
        if user != "root" {
            cmd.arg("-U");
        }
        cmd.arg("-f").arg(&conf);
        let started = std::time::Instant::now();
        let run = common::run_with_deadline(cmd, Duration::from_secs(2));
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            started.elapsed() >= Duration::from_secs(2) && !log.contains("Fatal error"),
            "chrony {} refused an expired certificate:\n{log}",
            r.label
        );
        assert!(
            !log.contains("Could not set credentials"),
            "chrony {} did not load the certificate:\n{log}",
            r.label
        );
        let lint = common::stratum()
            .args([
                "config",
                "lint",
                "--format",
                "json",
                "--chrony-version",
                &r.label,
            ])
            .arg(&conf)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap();
        assert_eq!(lint.status.code(), Some(0), "chrony {}: {json}", r.label);
        assert!(
            json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["rule"] == "nts-cert-expired" && d["severity"] == "warning"),
            "chrony {}: {json}",
            r.label
        );
    }
}

/// Whether chronyd at 127.0.0.1:`port` answers an NTP client request
/// within a few seconds.
fn answers_ntp(port: u16) -> bool {
    answers_ntp_at(std::net::SocketAddr::from(([127, 0, 0, 1], port)))
}

/// Whether chronyd at `addr` answers an NTP client request within a few
/// seconds.
fn answers_ntp_at(addr: std::net::SocketAddr) -> bool {
    let sock = std::net::UdpSocket::bind((addr.ip(), 0)).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buf = [0u8; 512];
    for nonce in 1..=10u64 {
        sock.send_to(&stratum::core::ntp::request(nonce), addr)
            .unwrap();
        if let Ok((n, _)) = sock.recv_from(&mut buf)
            && n >= 48
        {
            return true;
        }
    }
    false
}

/// The lab notes' `allow SUBNET   # comment`: chrony 4.0 and 4.1 read the
/// subnet and answer its clients, 4.2 and later refuse the line. Lint must
/// say the same per release: an error where chronyd refuses, and where it
/// serves, no "this server serves nobody".
#[test]
fn an_allow_line_with_a_trailing_comment_serves_where_lint_says_it_does() {
    let body = "local stratum 10\nallow 127.0.0.0/8   # 允许的客户端网段\n";
    let releases = common::releases();
    if releases.is_empty() {
        assert!(!common::in_ci(), "no chronyd but CI=true");
        eprintln!("skipped: no chronyd");
        return;
    }
    for r in releases {
        let tmp = tempfile::tempdir().unwrap();
        let diags = lint(
            &Document::parse(body.as_bytes()),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        );
        let rules: Vec<Rule> = diags.iter().map(|d| d.rule).collect();
        let (refused, fatal) = chronyd_verdict(&r.chronyd, &common::user_name(), tmp.path(), body);
        assert_eq!(
            refused,
            has_errors(&diags),
            "chrony {}: chronyd refused={refused} ({fatal}), lint {rules:?}",
            r.label
        );
        if refused {
            continue;
        }
        let server = common::lab::Chronyd::start(&r.chronyd, tmp.path(), "server", body);
        assert!(
            answers_ntp(server.port),
            "chrony {}: the server does not answer: {}",
            r.label,
            server.log_text()
        );
        assert!(
            !rules.contains(&Rule::NoAllow) && rules.contains(&Rule::AccessLenientComment),
            "chrony {} serves its allowed clients, lint says {rules:?}",
            r.label
        );
    }
}

/// chrony.conf(5) port: "If set to 0, chronyd will never open the server
/// port and will operate strictly in a client-only mode". Every release
/// starts with `port 0` and an allow line and answers nobody, as lint says
/// (server-port-off), without advice about what its clients would see
/// (no-local-stratum); the same file without `port 0` answers.
#[test]
fn port_0_with_allow_answers_nobody_as_lint_says_on_every_release() {
    let serving = "allow 127.0.0.0/8\n";
    let client_only = "allow 127.0.0.0/8\nport 0\n";
    let releases = common::releases();
    if releases.is_empty() {
        assert!(!common::in_ci(), "no chronyd but CI=true");
        eprintln!("skipped: no chronyd");
        return;
    }
    for r in releases {
        let tmp = tempfile::tempdir().unwrap();
        for (name, body, answers) in [("serving", serving, true), ("client", client_only, false)] {
            let rules = lint_rules(body, r.version);
            let (refused, fatal) =
                chronyd_verdict(&r.chronyd, &common::user_name(), tmp.path(), body);
            assert!(
                !refused && !rules.iter().any(|x| x.severity() == Severity::Error),
                "chrony {}: {name}: {fatal} {rules:?}",
                r.label
            );
            assert_eq!(
                (
                    rules.contains(&Rule::ServerPortOff),
                    rules.contains(&Rule::NoLocalStratum)
                ),
                (!answers, answers),
                "chrony {}: {name}: lint says {rules:?}",
                r.label
            );
            // The lab helper's `port N` comes first; the body's `port 0`
            // is the last one, the one chronyd uses.
            let server = Chronyd::start(&r.chronyd, tmp.path(), name, body);
            assert_eq!(
                answers_ntp(server.port),
                answers,
                "chrony {}: {name}: {}",
                r.label,
                server.log_text()
            );
        }
    }
}

/// What lint warns, chronyd does: of two IPv4 `bindaddress` lines only the
/// last is kept (chrony.conf(5): one per protocol), so the address of the
/// first gets no answer.
#[test]
fn a_second_bindaddress_replaces_the_first_as_lint_warns_on_every_release() {
    let body =
        "local stratum 10\nallow 127.0.0.0/8\nbindaddress 127.0.0.2\nbindaddress 127.0.0.3\n";
    for r in common::releases() {
        let said: Vec<_> = lint(
            &Document::parse(body),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        )
        .into_iter()
        .filter(|d| d.rule == Rule::DuplicateDirective)
        .map(|d| (d.line, d.arg("kind").unwrap_or("").to_string()))
        .collect();
        assert_eq!(said, [(Some(3), "bind".to_string())], "chrony {}", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let c = Chronyd::start(&r.chronyd, tmp.path(), "two-binds", body);
        let at = |ip: &str| std::net::SocketAddr::new(ip.parse().unwrap(), c.port);
        assert!(
            wait_for(Duration::from_secs(10), || answers_ntp_at(at("127.0.0.3"))
                .then_some(()))
            .is_some(),
            "chrony {}: the last bindaddress does not serve: {}",
            r.label,
            c.log_text()
        );
        assert!(
            !answers_ntp_at(at("127.0.0.2")),
            "chrony {}: the first bindaddress still serves",
            r.label
        );
    }
}

/// What lint warns, chronyd does: with `cmdport 0` no UDP command port
/// is open, so cmdallow and bindcmdaddress do nothing; the same lines with
/// a port answer chronyc over UDP.
#[test]
fn cmdport_0_leaves_cmdallow_without_effect_as_lint_warns_on_every_release() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let port = common::lab::free_udp_port();
        let lines = "bindcmdaddress 127.0.0.1\ncmdallow 127.0.0.1\n";
        let open = format!("{lines}cmdport {port}\n");
        let closed = format!("{lines}cmdport 0\n");
        let rules = |text: &str| lint_rules(text, r.version);
        assert!(
            !rules(&open).contains(&Rule::CmdportOffCmdLines),
            "chrony {}",
            r.label
        );
        // Loopback only: nothing exposed to the network either.
        assert!(!rules(&open).contains(&Rule::CmdmonExposed));
        assert!(
            rules(&closed).contains(&Rule::CmdportOffCmdLines),
            "chrony {}",
            r.label
        );
        assert!(!rules(&closed).contains(&Rule::CmdmonExposed));
        let udp_tracking = |c: &Chronyd| {
            let out = Command::new(&c.chronyc)
                .args(["-h", "127.0.0.1", "-p", &port.to_string(), "-c", "tracking"])
                .output()
                .expect("chronyc");
            String::from_utf8_lossy(&out.stdout).contains(',')
        };
        let c = Chronyd::start(&r.chronyd, tmp.path(), "open", &open);
        assert!(
            udp_tracking(&c),
            "chrony {}: chronyc over UDP gets no answer with cmdport {port}",
            r.label
        );
        drop(c);
        let c = Chronyd::start(&r.chronyd, tmp.path(), "closed", &closed);
        assert!(
            !udp_tracking(&c),
            "chrony {}: chronyc over UDP answered with cmdport 0",
            r.label
        );
    }
}
