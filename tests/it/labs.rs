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
struct Output {
    command: String,
    text: String,
}

/// Runs each chronyc command, in text and in CSV form.
fn capture(c: &Chronyd, commands: &[&str]) -> Vec<Output> {
    let mut out = Vec::new();
    for cmd in commands {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        out.push(Output {
            command: cmd.replace(' ', "-"),
            text: c.chronyc(&words),
        });
        let mut csv = vec!["-c"];
        csv.extend(&words);
        out.push(Output {
            command: format!("{}-csv", cmd.replace(' ', "-")),
            text: c.chronyc(&csv),
        });
    }
    out
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/labs")
}

/// Checks the expected findings and stores the outputs when asked.
fn judge(release: &common::Release, lab: &str, outputs: &[Output], expect: &[(&str, Rule)]) {
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
        // ntpdata CSV: once answers come (Total RX, column 31), column 25
        // holds the last group of NTP tests, the loop test last.
        wait_for(Duration::from_secs(20), || {
            let rx: u32 = csv_field(&la, &["ntpdata"], 31)?.parse().ok()?;
            csv_field(&la, &["ntpdata"], 25).filter(|t| rx > 0 && t.ends_with('0'))
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
