//! Lint agrees with every chrony release: every configuration of the corpus
//! in tests/data/chronyd is run through each release's own start-up checks
//! (`chronyd -Q -x`, temp dir, loopback sources only) and lint, with that
//! release's rules, must report an error exactly when chronyd refuses.
//! What lint warns of that chronyd accepts is shown live, one concern per
//! file: settings that keep the clock unsynchronised (`sync`), a server
//! that serves or waits (`serving`) and settings chronyd takes silently
//! that do not do what they say (`silent`).

mod logdir;
mod nts;
mod serving;
mod silent;
mod sync;

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
    // In a loopback-only namespace where one exists: the corpus has lines
    // chronyd takes as names (`peer [2001:db8::5]`), whose lookup must not
    // leave the machine.
    let mut cmd = common::netns::first(common::netns::Loopback::Only, chronyd)
        .unwrap_or_else(|| Command::new(chronyd));
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

/// A configuration of the corpus (tests/data/chronyd), as text.
/// `stratum nts init` for an NTS server on loopback (named 127.0.0.1 and
/// localhost, NTS-KE on `ke`, files under `dir/nts`, with `extra`
/// arguments): the chrony.conf lines of the server it prints.
fn nts_init_server_lines(dir: &Path, ke: u16, extra: &[&str]) -> String {
    let out = common::stratum()
        .args(["nts", "init", "--name", "127.0.0.1,localhost"])
        .args(extra)
        .args(["--ntsport", &ke.to_string(), "--out"])
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
    server
}

fn corpus_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/chronyd")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// `text` with its `server 127.0.0.1` lines pointed at the lab upstream's
/// `port`, plus `options`.
fn ported(text: &str, port: u16, options: &str) -> String {
    text.replace(
        "server 127.0.0.1 ",
        &format!("server 127.0.0.1 port {port} {options}"),
    )
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
    only_the_first_synchronises_but(label, daemons, first, &[]);
}

/// As [`only_the_first_synchronises`], except the daemons at `moments`,
/// which may synchronise at moments (a limit a loopback source meets now
/// and then: their test says what they do most of the time).
fn only_the_first_synchronises_but(
    label: &str,
    daemons: &[Chronyd],
    first: &str,
    moments: &[usize],
) {
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
        if moments.contains(&i) {
            continue;
        }
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
