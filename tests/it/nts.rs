//! NTS end to end, with every chrony release: `stratum nts init` makes the
//! certificates, a lab helper serves with the lines it printed, a client
//! chronyd configured by `stratum export --to chrony-client --nts`
//! authenticates its time (authdata: NTS, cookies, no NAK) and selects the
//! server; a client trusting another CA fails and `stratum explain` of its
//! authdata says why; an expired certificate is a lint error and what the
//! helper reports; a renewal keeps the client authenticated.

use std::path::Path;
use std::time::Duration;

use stratum::ipc::{Action, ReplyBody, RequestBody};

use crate::common::helper::HelperProc;
use crate::common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};
use crate::common::{self, Release};

/// `stratum ARGS`, its stdout (failing the test on a non-zero exit).
fn stratum(args: &[&str]) -> String {
    let out = common::stratum()
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stratum {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The directives among printed lines (comments and the client part left
/// out when `server_only`).
fn directives(text: &str, server_only: bool) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if server_only && line.starts_with("# chrony.conf of its clients") {
            break;
        }
        if !line.starts_with('#') && !line.trim().is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A client chronyd from the export, its system paths moved into `dir`.
fn client(r: &Release, dir: &Path, name: &str, export: &str) -> Chronyd {
    let body: String = export
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| !l.starts_with("driftfile") && !l.starts_with("ntsdumpdir"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dump = dir.join(format!("{name}.ntsdump"));
    std::fs::create_dir_all(&dump).unwrap();
    Chronyd::start(
        &r.chronyd,
        dir,
        name,
        &format!("{body}ntsdumpdir {}\n", dump.display()),
    )
}

/// chronyc -c authdata's row of the server: (mode, KE attempts, NAK, cookies).
fn authdata(c: &Chronyd) -> Option<(String, u32, u32, u32)> {
    let out = c.chronyc(&["-c", "-n", "authdata"]);
    let f: Vec<&str> = out.lines().next()?.split(',').collect();
    if f.len() < 10 {
        return None;
    }
    let n = |i: usize| f[i].parse::<u32>().ok();
    Some((f[1].to_string(), n(6)?, n(7)?, n(8)?))
}

fn selected(c: &Chronyd) -> bool {
    c.chronyc(&["-c", "-n", "sources"])
        .lines()
        .any(|l| l.starts_with("^,*,127.0.0.1") || l.starts_with("^,*,::1"))
}

/// The client authenticates with NTS and selects the server.
fn authenticated(c: &Chronyd) -> bool {
    matches!(authdata(c), Some((mode, _, 0, cookies)) if mode == "NTS" && cookies > 0)
        && selected(c)
}

fn lab_with_nts(r: &Release, dir: &Path, days: &str) -> (HelperProc, u16, String) {
    let ke = free_tcp_port().to_string();
    let printed = stratum(&[
        "nts",
        "init",
        "--name",
        "127.0.0.1,localhost",
        "--out",
        &dir.join("nts").display().to_string(),
        "--days",
        days,
        "--ntsport",
        &ke,
    ]);
    let server_lines = directives(&printed, true);
    assert!(server_lines.contains("ntsservercert"), "{printed}");
    let port = free_udp_port();
    let config = format!("local stratum 1\nallow 127.0.0.0/8\n{server_lines}");
    let chronyd = r.chronyd.display().to_string();
    let helper = HelperProc::start_lab_with(dir, &config, port, &["--chronyd", &chronyd]);
    (helper, port, config)
}

#[test]
fn a_client_from_the_nts_export_authenticates_with_every_release() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let (helper, port, config) = lab_with_nts(&r, dir, "30");
        // Key files: the CA's and the server's keys private.
        use std::os::unix::fs::MetadataExt;
        for (f, want) in [("ca.key", 0o600), ("ca.crt", 0o644), ("server.crt", 0o644)] {
            let m = std::fs::metadata(dir.join("nts").join(f)).unwrap().mode() & 0o777;
            assert_eq!(m, want, "{f}");
        }
        let key = std::fs::metadata(dir.join("nts/server.key")).unwrap();
        assert_eq!(
            key.mode() & 0o007,
            0,
            "the server key is readable by others"
        );
        let conf = dir.join("server.conf");
        std::fs::write(&conf, &config).unwrap();
        let ca = dir.join("nts/ca.crt").display().to_string();
        // By name: chrony 4.0 has NTS only for servers given by name (an
        // address needs 4.1: "Missing name of 127.0.0.1 for NTS-KE").
        let export = stratum(&[
            "export",
            &conf.display().to_string(),
            "--to",
            "chrony-client",
            "--server",
            &format!("localhost:{port}"),
            "--nts",
            "--ca",
            &ca,
        ]);
        assert!(export.contains(" nts ntsport "), "{export}");
        let good = client(&r, dir, "client", &export);
        assert!(
            wait_for(Duration::from_secs(30), || authenticated(&good)
                .then_some(()))
            .is_some(),
            "chrony {}: no authenticated time in 30 s: {:?}\n{}",
            r.label,
            authdata(&good),
            good.chronyc(&["sources"])
        );
        // The helper reports the certificate it serves.
        let snap = helper.snapshot();
        assert_eq!(snap.nts_certs.len(), 1, "{:?}", snap.nts_certs);
        assert_eq!(snap.nts_certs[0].names, ["127.0.0.1", "localhost"]);
        let days = snap.nts_certs[0].days_left(stratum::sys::now() as i64);
        assert_eq!(days, 30);

        // A client that trusts another CA: the key exchange fails, and
        // explain of its authdata says so.
        let other = dir.join("other");
        stratum(&[
            "nts",
            "init",
            "--name",
            "127.0.0.1",
            "--out",
            &other.display().to_string(),
        ]);
        let export_other = export.replace(&ca, &other.join("ca.crt").display().to_string());
        let bad = client(&r, dir, "stranger", &export_other);
        let tried = wait_for(Duration::from_secs(15), || {
            authdata(&bad).filter(|(_, attempts, _, _)| *attempts >= 1)
        });
        let (mode, _, _, cookies) = tried.expect("the stranger tried a key exchange");
        assert_eq!((mode.as_str(), cookies), ("NTS", 0));
        assert!(!selected(&bad));
        let raw = bad.chronyc(&["authdata"]);
        let explained = common::stratum()
            .args(["explain", "-", "--format", "json"])
            .env("LANG", "C")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(raw.as_bytes())?;
                c.wait_with_output()
            })
            .unwrap();
        let text = String::from_utf8_lossy(&explained.stdout);
        assert!(text.contains("nts-ke-failing"), "{raw}\n{text}");
        assert!(
            text.to_lowercase().contains("certificate"),
            "the finding does not name the certificate as a cause: {text}"
        );

        // Renewal: a new certificate from the same CA, chronyd restarted;
        // the client keeps (or regains) authenticated time.
        let old = std::fs::read(dir.join("nts/server.crt")).unwrap();
        let mut c = helper.client().unwrap();
        let before = helper.chronyd_pid();
        stratum(&[
            "nts",
            "renew",
            "--out",
            &dir.join("nts").display().to_string(),
            "--days",
            "60",
        ]);
        assert_ne!(std::fs::read(dir.join("nts/server.crt")).unwrap(), old);
        match c
            .request(RequestBody::Action {
                action: Action::Restart,
            })
            .unwrap()
        {
            ReplyBody::Done => {}
            other => panic!("{other:?}"),
        }
        assert_ne!(helper.chronyd_pid(), before, "chronyd was not restarted");
        assert!(
            wait_for(Duration::from_secs(30), || authenticated(&good)
                .then_some(()))
            .is_some(),
            "chrony {}: the client lost authenticated time after the renewal: {:?}",
            r.label,
            authdata(&good)
        );
        let renewed = wait_for(Duration::from_secs(90), || {
            let s = helper.snapshot();
            s.nts_certs
                .first()
                .filter(|c| c.days_left(stratum::sys::now() as i64) == 60)
                .cloned()
        });
        assert!(
            renewed.is_some(),
            "the helper still reports the old certificate"
        );
    }
}

#[test]
fn an_expired_certificate_is_a_lint_warning_and_reported_by_the_helper() {
    let Some(r) = common::releases().into_iter().next_back() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (helper, _port, config) = lab_with_nts(&r, dir, "-2");
    let conf = dir.join("server.conf");
    std::fs::write(&conf, &config).unwrap();
    let out = common::stratum()
        .args([
            "config",
            "lint",
            &conf.display().to_string(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    // chronyd starts with it (the helper's chronyd runs below), so it is
    // a warning: lint's exit 1 is for what chronyd refuses.
    assert_eq!(
        out.status.code(),
        Some(0),
        "an expired certificate is a warning, not an error"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "nts-cert-expired" && d["severity"] == "warning"),
        "{json}"
    );
    // What the Overview and status read: the certificate and its end.
    let snap = helper.snapshot();
    let cert = &snap.nts_certs[0];
    assert!(stratum::sys::now() as i64 >= cert.not_after);
    let out = common::stratum()
        .args(["status", "--socket", &helper.socket.display().to_string()])
        .env("LANG", "C")
        .output()
        .unwrap();
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(status.contains("EXPIRED"), "{status}");
    // The verdict says it too: an expired certificate is a critical alarm,
    // and `stratum status` exits 1 (a whole snapshot, not healthy).
    assert_eq!(out.status.code(), Some(1), "{status}");
    assert!(status.contains("Health          : critical"), "{status}");
}

#[test]
fn the_helper_writes_nts_keys_readable_by_chronyds_group_only() {
    let Some(r) = common::releases().into_iter().next_back() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let etc = dir.join("etc/chrony");
    let run = dir.join("run/chrony");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    let conf = etc.join("chrony.conf");
    std::fs::write(
        &conf,
        format!(
            "local stratum 1\nallow 127.0.0.0/8\nport {}\ncmdport 0\nbindaddress 127.0.0.1\nbindcmdaddress {}\npidfile {}\ndriftfile {}\n",
            free_udp_port(),
            run.join("chronyd.sock").display(),
            run.join("chronyd.pid").display(),
            dir.join("drift").display()
        ),
    )
    .unwrap();
    let _ = r;
    let helper = HelperProc::start_system(dir, &conf);
    let mut c = helper.client().unwrap();
    let reply = c
        .request(RequestBody::NtsIssue {
            names: vec!["127.0.0.1".into()],
            days: 10,
        })
        .unwrap();
    let ReplyBody::NtsIssued(n) = reply else {
        panic!("{reply:?}");
    };
    use std::os::unix::fs::MetadataExt;
    let nts = conf.parent().unwrap().join("nts");
    let key = std::fs::metadata(nts.join("server.key")).unwrap();
    // chronyd here runs as the test's user: its group reads the key.
    let gid = nix::unistd::User::from_name(&common::user_name())
        .unwrap()
        .unwrap()
        .gid
        .as_raw();
    if rustix::process::geteuid().is_root() {
        assert_eq!((key.uid(), key.gid(), key.mode() & 0o777), (0, gid, 0o640));
    } else {
        assert_eq!(key.mode() & 0o077, 0);
    }
    assert_eq!(
        std::fs::metadata(nts.join("ca.key")).unwrap().mode() & 0o777,
        0o600
    );
    assert!(n.lines.contains(&format!(
        "ntsserverkey {}",
        nts.join("server.key").display()
    )));
    assert!(!n.restarted);
    // Renewing without a restart request is the helper's job: it restarts.
    let reply = c.request(RequestBody::NtsRenew { days: 20 }).unwrap();
    let ReplyBody::NtsIssued(n) = reply else {
        panic!("{reply:?}");
    };
    assert!(n.restarted);
    assert_eq!(n.backups.len(), 2, "{:?}", n.backups);
}

/// A lab bundle with `nts = true`: the servers' files, the CA for the
/// clients, the key private; its primary and a client, run from the
/// bundle's files (paths moved off /etc), authenticate on loopback.
#[test]
fn a_bundle_with_nts_runs_authenticated() {
    let Some(r) = common::releases().into_iter().next() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("chrony.conf"),
        "local stratum 1\nallow 127.0.0.0/8\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("lab.toml"),
        "config = \"chrony.conf\"\nprimary = \"localhost\"\nclient_subnets = [\"127.0.0.0/8\"]\nnts = true\n",
    )
    .unwrap();
    let out = dir.join("bundle");
    stratum(&[
        "export",
        "bundle",
        &dir.join("lab.toml").display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    use std::os::unix::fs::MetadataExt;
    let key = std::fs::metadata(out.join("nts/primary.key")).unwrap();
    assert_eq!(key.mode() & 0o077, 0, "the key in the bundle is private");
    let nft = std::fs::read_to_string(out.join("firewall/nftables.sh")).unwrap();
    assert!(nft.contains("tcp dport 4460"), "{nft}");
    let playbook = std::fs::read_to_string(out.join("ansible/playbook.yml")).unwrap();
    assert!(playbook.contains("/etc/chrony/nts/server.key"));
    // Run them, with /etc/chrony/nts and /var/lib/chrony moved here.
    let nts = dir.join("nts");
    std::fs::create_dir_all(&nts).unwrap();
    std::fs::copy(out.join("nts/primary.crt"), nts.join("server.crt")).unwrap();
    std::fs::copy(out.join("nts/primary.key"), nts.join("server.key")).unwrap();
    std::fs::copy(out.join("nts/ca.crt"), nts.join("ca.crt")).unwrap();
    let ke = free_tcp_port();
    let relocate = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with("driftfile") && !l.starts_with('#'))
            .map(|l| {
                l.replace("/etc/chrony/nts", &nts.display().to_string())
                    .replace("/var/lib/chrony", &dir.display().to_string())
            })
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let primary = std::fs::read_to_string(out.join("primary/chrony.conf")).unwrap();
    let server = Chronyd::start(
        &r.chronyd,
        dir,
        "primary",
        &format!("{}ntsport {ke}\n", relocate(&primary)),
    );
    let clients = std::fs::read_to_string(out.join("clients/chrony.conf")).unwrap();
    assert!(
        clients.contains("ntstrustedcerts /etc/chrony/nts/ca.crt"),
        "{clients}"
    );
    let body = relocate(&clients).replace(
        "server localhost iburst nts",
        &format!(
            "server localhost port {} iburst nts ntsport {ke}",
            server.port
        ),
    );
    let c = Chronyd::start(&r.chronyd, dir, "client", &body);
    assert!(
        wait_for(Duration::from_secs(30), || authenticated(&c).then_some(())).is_some(),
        "chrony {}: {:?}\n{}\n{}",
        r.label,
        authdata(&c),
        body,
        c.chronyc(&["sources"])
    );
}

/// A certificate whose "not before" is still ahead (the CA host's clock ran
/// fast): RFC 5280 calls it invalid until then and NTS clients refuse it, so
/// `nts show` says so, from when, and exits 1 like for an expired one.
#[test]
fn nts_show_reports_a_certificate_that_is_not_valid_yet() {
    let tmp = tempfile::tempdir().unwrap();
    let now = stratum::sys::now() as i64;
    let names = vec!["ntp.lab".to_string()];
    // Issued as if "now" were 400 days ahead: valid from then (minus the
    // day of slack the issuer gives), the system clock left alone.
    let issue = |at: i64| {
        stratum::core::nts::issue(&stratum::core::nts::IssueRequest {
            names: &names,
            days: 30,
            ca: None,
            now: at,
        })
        .unwrap()
        .server
        .cert
    };
    let future = tmp.path().join("future.crt");
    std::fs::write(&future, issue(now + 400 * 86_400)).unwrap();
    let current = tmp.path().join("current.crt");
    std::fs::write(&current, issue(now)).unwrap();
    let show = |file: &Path, lang: &str| {
        let out = common::stratum()
            .args(["nts", "show", &file.display().to_string()])
            .env("LANG", lang)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, text) = show(&future, "C");
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("NOT VALID YET"), "{text}");
    assert!(!text.contains("days left"), "{text}");
    // From the day it starts: 399 days ahead (issued with a day's slack).
    let from = stratum::core::civil_from_unix(now + 399 * 86_400);
    let from = format!("valid only from {:04}-{:02}-{:02}", from.0, from.1, from.2);
    assert!(text.contains(&from), "{from} in {text}");
    assert!(text.contains("(in 399 days)"), "{text}");
    let (code, text) = show(&future, "zh_CN.UTF-8");
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("尚未生效"), "{text}");
    assert!(text.contains("399 天后"), "{text}");
    // A certificate valid today stays valid, exit 0; 30 days from its end
    // (export alerts' --cert-days default) it says to renew it, still 0:
    // clients accept it until then.
    let (code, text) = show(&current, "C");
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("valid until") && text.contains("(30 days left)"),
        "{text}"
    );
    assert!(text.contains("renew it now"), "{text}");
    let (code, text) = show(&current, "zh_CN.UTF-8");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("请现在续期"), "{text}");
    // A year left: nothing to renew yet.
    let long = tmp.path().join("long.crt");
    let cert = stratum::core::nts::issue(&stratum::core::nts::IssueRequest {
        names: &names,
        days: 365,
        ca: None,
        now,
    })
    .unwrap()
    .server
    .cert;
    std::fs::write(&long, cert).unwrap();
    let (code, text) = show(&long, "C");
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("days left") && !text.contains("renew"),
        "{text}"
    );
}
