//! Labs of authentication: symmetric keys that do not match, NTS with an
//! untrusted certificate and with one for another name.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, free_tcp_port, wait_for};
use stratum::core::explain::Rule;

use super::{SOURCE, capture, csv_field, judge, judge_without};

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

/// chrony.conf(5) authselectmode, "require": "If any unauthenticated NTP
/// sources are specified, they will automatically get the noselect option";
/// sources "specified with the noselect option ... always have only the
/// selection options specified in the configuration". selectdata shows
/// both as `N`; only COpts and EOpts tell them apart, and the reading of
/// the first names authselectmode, not a noselect the file does not have.
#[test]
fn unauthenticated_sources_under_authselectmode_require() {
    use stratum::core::explain::Why;
    use stratum::core::explain::field::FieldId as F;
    let releases = common::releases();
    std::thread::scope(|s| {
        for r in &releases {
            s.spawn(move || {
                let tmp = tempfile::tempdir().unwrap();
                let keys = tmp.path().join("lab.keys");
                std::fs::write(&keys, format!("1 SHA1 HEX:{}\n", "C3".repeat(20))).unwrap();
                let up = |i: u8, extra: &str| {
                    Chronyd::start(
                        &r.chronyd,
                        tmp.path(),
                        &format!("u{i}"),
                        &format!(
                            "local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.{i}\n{extra}"
                        ),
                    )
                };
                let keyed = up(2, &format!("keyfile {}", keys.display()));
                let (plain, listed) = (up(3, ""), up(4, ""));
                let c = Chronyd::start(
                    &r.chronyd,
                    tmp.path(),
                    "client",
                    &format!(
                        "keyfile {}\nauthselectmode require\n\
                         server 127.0.0.2 port {} key 1 {SOURCE}\n\
                         server 127.0.0.3 port {} {SOURCE}\n\
                         server 127.0.0.4 port {} {SOURCE} noselect",
                        keys.display(),
                        keyed.port,
                        plain.port,
                        listed.port
                    ),
                );
                wait_for(Duration::from_secs(30), || {
                    c.chronyc(&["-c", "selectdata"])
                        .lines()
                        .any(|l| l.starts_with("*,127.0.0.2,"))
                        .then_some(())
                })
                .unwrap_or_else(|| panic!("chrony {}: {}", r.label, c.chronyc(&["selectdata"])));
                for out in capture(&c, &["selectdata"]) {
                    let e = stratum::core::explain::explain(&out.text).unwrap();
                    let reading = |addr: &str| {
                        e.rows
                            .iter()
                            .find(|row| row.iter().any(|f| f.name == F::Address && f.raw == addr))
                            .and_then(|row| row.iter().find(|f| f.name == F::SelectState))
                            .and_then(|f| f.reason.as_ref().map(|r| r.id))
                    };
                    let what = format!("chrony {} {}:\n{}", r.label, out.command, out.text);
                    assert_eq!(
                        reading("127.0.0.3"),
                        Some(Why::SelectNoselectAuth),
                        "{what}"
                    );
                    assert_eq!(reading("127.0.0.4"), Some(Why::SelectNoselect), "{what}");
                }
            });
        }
    });
}
