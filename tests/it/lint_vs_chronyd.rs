//! Lint agrees with every chrony release: every configuration of the corpus
//! in tests/data/chronyd is run through each release's own start-up checks
//! (`chronyd -Q -x`, temp dir, loopback sources only) and lint, with that
//! release's rules, must report an error exactly when chronyd refuses.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::conf::lint::{LintOptions, Rule, has_errors, lint};
use stratum::core::conf::{ChronyVersion, Document};

struct Case {
    name: String,
    /// The file's bytes: a config saved as UTF-16 is part of the corpus.
    text: Vec<u8>,
}

fn corpus() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chronyd");
    let mut cases: Vec<Case> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "conf"))
        .map(|p| Case {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read(&p).expect("read"),
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// chronyd's verdict: (refused, the fatal line).
fn chronyd_verdict(
    chronyd: &Path,
    user: &str,
    dir: &Path,
    text: impl AsRef<[u8]>,
) -> (bool, String) {
    let conf = dir.join("chrony.conf");
    std::fs::write(&conf, text).unwrap();
    let mut cmd = Command::new(chronyd);
    // -Q: read the file and run the start-up checks, never touch the clock;
    // -t 1: give up on the (unanswered, loopback) sources after a second.
    cmd.args(["-Q", "-x", "-t", "1", "-u", user, "-f"])
        .arg(&conf);
    let out = common::run_with_deadline(cmd, Duration::from_secs(20));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let fatal = text
        .lines()
        .find(|l| l.contains("Fatal error"))
        .map(str::to_string);
    (fatal.is_some(), fatal.unwrap_or_default())
}

fn chronyd_version(chronyd: &Path) -> ChronyVersion {
    let out = Command::new(chronyd)
        .arg("-v")
        .output()
        .expect("chronyd -v");
    ChronyVersion::from_chronyd_banner(&String::from_utf8_lossy(&out.stdout))
        .expect("chronyd version")
}

/// Removes the shared memory segments the corpus's `refclock SHM N` lines
/// make chronyd create (they outlive it). The corpus uses units above 4000,
/// which no gpsd or ntpd takes, so that SHM 0 stays the machine's.
struct CorpusShm(Vec<u32>);

impl CorpusShm {
    fn new() -> CorpusShm {
        let mut units = Vec::new();
        for case in corpus() {
            for l in String::from_utf8_lossy(&case.text).lines() {
                let mut w = l.split_whitespace();
                if (w.next(), w.next()) != (Some("refclock"), Some("SHM")) {
                    continue;
                }
                if let Some(unit) = w.next().and_then(|u| u.parse::<u32>().ok()) {
                    assert!(unit > 4000, "{}: SHM {unit} is a unit gpsd uses", case.name);
                    units.push(unit);
                }
            }
        }
        CorpusShm(units)
    }
}

/// `text` with every `from` replaced, byte for byte.
fn replace_bytes(text: &[u8], from: &[u8], to: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(from) {
            out.extend_from_slice(to.as_bytes());
            i += from.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

impl Drop for CorpusShm {
    fn drop(&mut self) {
        for unit in &self.0 {
            let key = format!("0x{:08x}", 0x4e54_5030u32 + unit);
            let _ = Command::new("ipcrm")
                .args(["-M", &key])
                .stderr(std::process::Stdio::null())
                .status();
        }
    }
}

/// chronyd follows the lab's stratum-1 upstream (its tracking at stratum 2).
fn follows_at_stratum_2(c: &Chronyd) -> bool {
    let t = c.chronyc(&["-c", "tracking"]);
    t.split(',')
        .nth(2)
        .is_some_and(|stratum| stratum.trim() == "2")
}

/// The rules lint finds in `text` under `version`'s rules.
fn lint_rules(text: &str, version: ChronyVersion) -> Vec<Rule> {
    lint(
        &Document::parse(text),
        &LintOptions {
            version,
            ..Default::default()
        },
    )
    .into_iter()
    .map(|d| d.rule)
    .collect()
}

/// The first daemon (`first`: what it runs) synchronises; given as long
/// again as it took, none of the others does.
fn only_the_first_synchronises(label: &str, daemons: &[Chronyd], first: &str) {
    assert!(
        wait_for(Duration::from_secs(20), || follows_at_stratum_2(
            &daemons[0]
        )
        .then_some(()))
        .is_some(),
        "chrony {label}: {first} never synchronised: {}",
        daemons[0].chronyc(&["tracking"])
    );
    std::thread::sleep(Duration::from_secs(3));
    for (i, c) in daemons.iter().enumerate().skip(1) {
        assert!(
            !follows_at_stratum_2(c),
            "chrony {label}: file {i} of the test synchronised: {}",
            c.chronyc(&["tracking"])
        );
    }
}

#[test]
fn lint_reports_an_error_exactly_when_each_release_refuses() {
    let _shm = CorpusShm::new();
    let mut failures = Vec::new();
    for r in common::releases() {
        if let Err(e) = lint_agrees_with(&r.chronyd) {
            failures.push(format!("chrony {}:\n{e}", r.label));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn lint_agrees_with(chronyd: &Path) -> Result<(), String> {
    let chronyd = chronyd.to_path_buf();
    let version = chronyd_version(&chronyd);
    let user = common::user_name();
    let cases = corpus();
    assert!(cases.len() >= 40, "corpus too small: {}", cases.len());

    let results: Vec<(String, bool, String, bool, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(cases.len().div_ceil(6))
            .map(|chunk| {
                let (chronyd, user) = (&chronyd, &user);
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|case| {
                            let tmp = tempfile::tempdir().unwrap();
                            let dir: PathBuf = tmp.path().to_path_buf();
                            let text = replace_bytes(&case.text, b"@DIR@", dir.to_str().unwrap());
                            let doc = Document::parse(&text);
                            let exists = |p: &str| Path::new(p).exists();
                            let diags = lint(
                                &doc,
                                &LintOptions {
                                    version,
                                    path_exists: Some(&exists),
                                    resolves: None,
                                    ..Default::default()
                                },
                            );
                            let (refused, fatal) = chronyd_verdict(chronyd, user, &dir, &text);
                            let rules = diags
                                .iter()
                                .map(|d| format!("{}:{:?}", d.rule, d.severity))
                                .collect();
                            (case.name.clone(), refused, fatal, has_errors(&diags), rules)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });

    let mut disagreements = Vec::new();
    let (mut accepted, mut refused) = (0, 0);
    for (name, chronyd_refused, fatal, lint_refused, rules) in &results {
        if *chronyd_refused {
            refused += 1;
        } else {
            accepted += 1;
        }
        if chronyd_refused != lint_refused {
            disagreements.push(format!(
                "{name}: chronyd {} ({fatal}), lint {} {rules:?}",
                if *chronyd_refused {
                    "refuses"
                } else {
                    "accepts"
                },
                if *lint_refused {
                    "reports errors"
                } else {
                    "reports none"
                },
            ));
        }
        // The corpus says what it means to test; version-dependent files are
        // judged only by agreement.
        if !name.contains("-version-") && *chronyd_refused != name.starts_with("bad-") {
            disagreements.push(format!(
                "{name}: chronyd {} it ({fatal}) — the corpus file is misnamed",
                if *chronyd_refused {
                    "refuses"
                } else {
                    "accepts"
                }
            ));
        }
    }
    assert!(
        accepted >= 20 && refused >= 20,
        "accepted {accepted}, refused {refused}"
    );
    if disagreements.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "lint and chronyd {version} disagree:\n{}",
            disagreements.join("\n")
        ))
    }
}

/// `stratum config lint` on a file that includes others: (exit code,
/// stdout).
fn stratum_lint(conf: &Path, version: &str) -> (i32, String) {
    let out = common::stratum()
        .args([
            "config",
            "lint",
            "--lang",
            "en",
            "--chrony-version",
            version,
        ])
        .arg(conf)
        .output()
        .expect("stratum");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn errors_in_included_files_are_found_where_chronyd_finds_them() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let version = chronyd_version(&chronyd).to_string();
    let user = common::user_name();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (confd, extra) = (dir.join("conf.d"), dir.join("extra"));
    std::fs::create_dir_all(&confd).unwrap();
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::write(
        confd.join("10-source.conf"),
        "server 127.0.0.1 port 1 iburst\n",
    )
    .unwrap();
    // A chrony.conf in the style of Debian's: the lab's settings live in
    // conf.d and an extra include.
    let main = format!(
        "confdir {}\ninclude {}/*.conf\ndriftfile {}/drift\nmakestep 1 3\n",
        confd.display(),
        extra.display(),
        dir.display()
    );
    let conf = dir.join("chrony.conf");
    std::fs::write(&conf, &main).unwrap();
    let verdict = |what: &str| {
        let (refused, fatal) = chronyd_verdict(&chronyd, &user, dir, &main);
        let (code, text) = stratum_lint(&conf, &version);
        assert_eq!(
            refused,
            code == 1,
            "{what}: chronyd refused={refused} ({fatal}); stratum exit {code}:\n{text}"
        );
        (refused, text)
    };

    let (refused, text) = verdict("clean fragments");
    assert!(!refused, "{text}");

    // A mistake in a fragment: chronyd refuses, and lint says which file
    // and line, in the fragment's own numbering.
    let bad = confd.join("20-lab.conf");
    std::fs::write(&bad, "# lab\nallow 10.0.0.0/33\nlocal stratum 10\n").unwrap();
    let (refused, text) = verdict("bad subnet in conf.d");
    assert!(refused);
    let at = format!("{}:2: error [bad-subnet]", bad.display());
    assert!(text.contains(&at), "wanted {at} in:\n{text}");

    // Fixed, but the extra include matches a file nobody can open.
    std::fs::write(&bad, "# lab\nallow 10.0.0.0/8\nlocal stratum 10\n").unwrap();
    let (refused, _) = verdict("fixed");
    assert!(!refused);
    std::os::unix::fs::symlink(dir.join("gone"), extra.join("broken.conf")).unwrap();
    let (refused, text) = verdict("dangling include");
    assert!(refused);
    assert!(
        text.contains(&format!("{}:2: error [include-unreadable]", conf.display())),
        "{text}"
    );
}

/// What lint warns of, chronyd does: with `minsources` above the sources
/// the file can give, a client whose one server answers never updates its
/// clock (chrony.conf(5): minsources is "the minimum number of sources that
/// need to be considered as selectable in the source selection algorithm
/// before the local clock is updated"); with `minsources 1` it does, soon.
#[test]
fn minsources_above_the_sources_keeps_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let body = |min: u32| {
            format!(
                "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nminsources {min}\n",
                up.port
            )
        };
        let lints = |text: &str| -> Vec<Rule> {
            let opts = LintOptions {
                version: r.version,
                ..Default::default()
            };
            lint(&Document::parse(text), &opts)
                .into_iter()
                .map(|d| d.rule)
                .collect()
        };
        assert!(lints(&body(2)).contains(&Rule::MinsourcesUnreachable));
        assert!(!lints(&body(1)).contains(&Rule::MinsourcesUnreachable));
        let one = Chronyd::start(&r.chronyd, tmp.path(), "one", &body(1));
        let two = Chronyd::start(&r.chronyd, tmp.path(), "two", &body(2));
        assert!(
            wait_for(Duration::from_secs(20), || follows_at_stratum_2(&one)
                .then_some(()))
            .is_some(),
            "chrony {}: minsources 1 never synchronised: {}",
            r.label,
            one.chronyc(&["tracking"])
        );
        // The source answers all the while: reach is not 0.
        let reach = two.chronyc(&["-c", "sources"]);
        assert!(
            reach.split(',').nth(5).is_some_and(|v| v.trim() != "0"),
            "chrony {}: {reach}",
            r.label
        );
        assert!(
            !follows_at_stratum_2(&two),
            "chrony {}: minsources 2 with one source synchronised: {}",
            r.label,
            two.chronyc(&["tracking"])
        );
    }
}

/// What lint warns of, chronyd does: with `authselectmode require` and no
/// source authenticated, chronyd gives every source noselect (chrony.conf(5)
/// authselectmode "require") and never synchronises though its server
/// answers; a `key` with no keyfile makes chronyd log "Key 7 is missing"
/// and no answer is accepted. The same file with `mix` and no key
/// synchronises.
#[test]
fn sources_without_usable_authentication_keep_every_release_unsynchronised() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let server = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let files = [
            (format!("{server}\nauthselectmode mix\n"), None),
            (
                format!("{server}\nauthselectmode require\n"),
                Some(Rule::AuthRequiredNoneAuthenticated),
            ),
            (format!("{server} key 7\n"), Some(Rule::KeyMissing)),
        ];
        let mut daemons = Vec::new();
        for (n, (text, rule)) in files.iter().enumerate() {
            let rules = lint_rules(text, r.version);
            for warned in [Rule::AuthRequiredNoneAuthenticated, Rule::KeyMissing] {
                assert_eq!(
                    rules.contains(&warned),
                    *rule == Some(warned),
                    "chrony {}: {text}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(
                &r.chronyd,
                tmp.path(),
                &format!("c{n}"),
                text,
            ));
        }
        only_the_first_synchronises(&r.label, &daemons, "the unauthenticated source");
        assert!(
            daemons[2].log_text().contains("Key 7 is missing"),
            "chrony {}: {}",
            r.label,
            daemons[2].log_text()
        );
    }
}

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

/// What lint warns of, chronyd does: a file whose only source has
/// `noselect` (chrony.conf(5): "Never select this source") never
/// synchronises although its server answers; lint says no source can be
/// selected (not that there is none), and points at `require` beside
/// `noselect` on one line. The same source without noselect synchronises.
#[test]
fn a_file_whose_sources_are_all_noselect_never_synchronises_as_lint_warns() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let server = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let files = [
            (format!("{server}\n"), vec![]),
            (
                format!("{server} noselect\n"),
                vec![Rule::OnlyNoselectSources],
            ),
            (
                format!("{server} trust prefer require noselect\n"),
                vec![Rule::OnlyNoselectSources, Rule::RequireNoselect],
            ),
        ];
        let mut daemons = Vec::new();
        for (n, (text, want)) in files.iter().enumerate() {
            let rules = lint_rules(text, r.version);
            for rule in [
                Rule::OnlyNoselectSources,
                Rule::RequireNoselect,
                Rule::NoSources,
            ] {
                assert_eq!(
                    rules.contains(&rule),
                    want.contains(&rule),
                    "chrony {}: {text}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(
                &r.chronyd,
                tmp.path(),
                &format!("n{n}"),
                text,
            ));
        }
        only_the_first_synchronises(&r.label, &daemons, "the selectable source");
        for (c, (text, ..)) in daemons.iter().zip(&files).skip(1) {
            let sources = c.chronyc(&["-c", "sources"]);
            assert!(
                sources.split(',').nth(5).is_some_and(|v| v.trim() != "0"),
                "chrony {}: {text}: {sources}",
                r.label
            );
        }
    }
}

/// What lint warns of, chronyd does: `maxdistance 0.000001` rejects every
/// network source (chrony.conf(5) maxdistance: the root distance includes
/// half the root delay) and `maxdelay 0.000001` ignores every measurement
/// (ntpdata: answers come, none is good), even over loopback; the same
/// server with neither synchronises. Files in tests/data/chronyd, the port
/// of this run's upstream put in.
#[test]
fn limits_below_any_round_trip_keep_every_release_unsynchronised() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chronyd");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let ported = |text: &str| {
            text.replace(
                "server 127.0.0.1 ",
                &format!("server 127.0.0.1 port {} ", up.port),
            )
        };
        let files = [
            (
                "plain".to_string(),
                ported(
                    "server 127.0.0.1 iburst minpoll -2 maxpoll -1 maxdelay 0.01\nmakestep 1 3\nmaxdistance 0.5\n",
                ),
                None,
            ),
            (
                "maxdistance".to_string(),
                ported(&read("ok-maxdistance-1us.conf")),
                Some(Rule::MaxdistanceUnreachable),
            ),
            (
                "maxdelay".to_string(),
                ported(&read("ok-maxdelay-1us.conf")),
                Some(Rule::MaxdelayUnreachable),
            ),
        ];
        let mut daemons = Vec::new();
        for (name, text, rule) in &files {
            let rules = lint_rules(text, r.version);
            for warned in [Rule::MaxdistanceUnreachable, Rule::MaxdelayUnreachable] {
                assert_eq!(
                    rules.contains(&warned),
                    *rule == Some(warned),
                    "chrony {}: {name}: {rules:?}",
                    r.label
                );
            }
            daemons.push(Chronyd::start(&r.chronyd, tmp.path(), name, text));
        }
        only_the_first_synchronises(&r.label, &daemons, "the plain client");
        // The server answers the maxdelay client and its answers fail
        // test A (chronyc(1) ntpdata: "maximum delay"); where the release
        // counts good answers (not 4.0), there are none.
        let ntpdata = daemons[2].chronyc(&["ntpdata", "127.0.0.1"]);
        let field = |name: &str| {
            ntpdata
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        };
        let count = |name: &str| field(name).and_then(|v| v.parse::<u64>().ok());
        let test_a_fails = field("NTP tests").is_some_and(|t| {
            t.split_whitespace()
                .nth(2)
                .is_some_and(|abcd| abcd.starts_with('0'))
        });
        assert!(
            count("Total RX").is_some_and(|n| n > 0)
                && test_a_fails
                && count("Total good RX").is_none_or(|n| n == 0),
            "chrony {}: {ntpdata}",
            r.label
        );
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
        let ke = common::lab::free_tcp_port().to_string();
        let out = common::stratum()
            .args([
                "nts",
                "init",
                "--name",
                "127.0.0.1,localhost",
                "--days",
                "-2",
            ])
            .args(["--ntsport", &ke, "--out"])
            .arg(dir.join("nts"))
            .env("LANG", "C")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let server: String = String::from_utf8_lossy(&out.stdout)
            .lines()
            .take_while(|l| !l.starts_with("# chrony.conf of its clients"))
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(server.contains("ntsservercert"), "{server}");
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

/// What lint warns of, chronyd does: with `maxupdateskew 0.01` no
/// frequency estimate is ever used (chrony.conf(5) maxupdateskew: "the
/// threshold for determining whether an estimate might be so unreliable
/// that it should not be used"), so tracking keeps the skew at 1000000
/// ppm even over loopback, while the same client with the default 1000
/// ppm uses its estimates within seconds.
#[test]
fn a_maxupdateskew_below_any_estimate_keeps_every_releases_skew_unknown() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/chronyd/ok-maxupdateskew-0.01ppm.conf");
    let tiny = std::fs::read_to_string(file).unwrap();
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let ported = |text: &str| {
            text.replace(
                "server 127.0.0.1 ",
                &format!("server 127.0.0.1 port {} ", up.port),
            )
        };
        let plain = ported(&tiny.replace("maxupdateskew 0.01", ""));
        let tiny = ported(&tiny);
        let warned = |text: &str| {
            lint(
                &Document::parse(text),
                &LintOptions {
                    version: r.version,
                    ..Default::default()
                },
            )
            .iter()
            .any(|d| d.rule == Rule::MaxupdateskewUnreachable)
        };
        assert!(warned(&tiny) && !warned(&plain), "chrony {}", r.label);
        let a = Chronyd::start(&r.chronyd, tmp.path(), "plain", &plain);
        let b = Chronyd::start(&r.chronyd, tmp.path(), "tiny", &tiny);
        // chronyc(1) -c tracking: the skew is the tenth field, in ppm.
        let skew = |c: &Chronyd| -> Option<f64> {
            c.chronyc(&["-c", "tracking"])
                .split(',')
                .nth(9)
                .and_then(|v| v.trim().parse().ok())
        };
        assert!(
            wait_for(Duration::from_secs(20), || skew(&a)
                .filter(|s| *s < 1000.0)
                .map(|_| ()))
            .is_some(),
            "chrony {}: the default client never used an estimate: {}",
            r.label,
            a.chronyc(&["tracking"])
        );
        std::thread::sleep(Duration::from_secs(2));
        assert!(
            skew(&b).is_some_and(|s| s >= 1e5),
            "chrony {}: maxupdateskew 0.01 used an estimate: {}",
            r.label,
            b.chronyc(&["tracking"])
        );
    }
}

/// Whether chronyd at 127.0.0.1:`port` answers an NTP client request
/// within a few seconds.
fn answers_ntp(port: u16) -> bool {
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buf = [0u8; 512];
    for nonce in 1..=10u64 {
        sock.send_to(&stratum::core::ntp::request(nonce), ("127.0.0.1", port))
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

/// A source given as an address of one family with the 4.6 option for the
/// other (`server 127.0.0.1 … ipv6`, `server ::1 … ipv4`): chronyd 4.6+
/// logs "Could not add source" and runs without it, as lint warns; the
/// same lines without the option are sources (and the IPv4 one
/// synchronises). Before 4.6 chronyd refuses the option, and lint says so
/// with an error.
#[test]
fn a_source_with_the_other_familys_option_is_dropped_as_lint_warns() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let v4 = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let v6 = "server ::1 port 1 iburst";
        let wrong = format!("{v4} ipv6\n{v6} ipv4\n");
        let rules = lint_rules(&wrong, r.version);
        if r.version < ChronyVersion::new(4, 6) {
            let (refused, fatal) =
                chronyd_verdict(&r.chronyd, &common::user_name(), tmp.path(), &wrong);
            assert!(refused, "chrony {}: {fatal}", r.label);
            assert!(
                rules.contains(&Rule::UnsupportedOption),
                "chrony {}: {rules:?}",
                r.label
            );
            continue;
        }
        let warned = rules
            .iter()
            .filter(|x| **x == Rule::SourceWrongFamily)
            .count();
        assert_eq!(warned, 2, "chrony {}: {rules:?}", r.label);
        let right = format!("{v4} ipv4\n{v6} ipv6\n");
        assert!(
            !lint_rules(&right, r.version).contains(&Rule::SourceWrongFamily),
            "chrony {}",
            r.label
        );
        let daemons = [
            Chronyd::start(&r.chronyd, tmp.path(), "right", &right),
            Chronyd::start(&r.chronyd, tmp.path(), "wrong", &wrong),
        ];
        only_the_first_synchronises(&r.label, &daemons, "the sources of their family");
        let sources = |c: &Chronyd| c.chronyc(&["-c", "-n", "sources"]);
        let listed =
            |c: &Chronyd, a: &str| sources(c).lines().any(|l| l.split(',').nth(2) == Some(a));
        assert!(
            listed(&daemons[0], "127.0.0.1") && listed(&daemons[0], "::1"),
            "chrony {}: {}",
            r.label,
            sources(&daemons[0])
        );
        assert_eq!(sources(&daemons[1]).trim(), "", "chrony {}", r.label);
        let log = daemons[1].log_text();
        for host in ["127.0.0.1", "::1"] {
            assert!(
                log.contains(&format!("Could not add source {host}")),
                "chrony {}: {log}",
                r.label
            );
        }
    }
}
