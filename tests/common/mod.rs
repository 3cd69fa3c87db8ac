//! Shared helpers for the integration tests: finding chronyd (a test that
//! needs it fails under CI=true when it is missing, and skips with one line
//! locally) and running processes with a deadline, killed by pid.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The chronyd binary, or `None` (test skipped) outside CI.
pub fn chronyd() -> Option<PathBuf> {
    let found = stratum::sys::find_chronyd(None);
    if found.is_none() {
        assert!(
            !in_ci(),
            "chronyd is not installed but CI=true: install chrony"
        );
        eprintln!("skipped: chronyd is not installed (apt-get install chrony)");
    }
    found
}

/// ntpsec's ntpd, unpacked by `scripts/ntpsec.sh` into
/// `$STRATUM_NTPSEC` (default `~/.cache/stratum/ntpsec`; the package itself
/// conflicts with chrony), or `None` (test skipped) outside CI.
pub fn ntpd() -> Option<PathBuf> {
    let cache = std::env::var_os("STRATUM_NTPSEC")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/stratum/ntpsec"))
        });
    let found = cache
        .map(|c| c.join("usr/sbin/ntpd"))
        .filter(|p| p.is_file());
    if found.is_none() {
        assert!(
            !in_ci(),
            "ntpsec's ntpd is not unpacked but CI=true: run scripts/ntpsec.sh"
        );
        eprintln!("skipped: ntpsec's ntpd is not unpacked (scripts/ntpsec.sh)");
    }
    found
}

/// A chrony release to test against: its chronyd (chronyc beside it, or
/// on PATH for the installed one) and the version it reports.
#[derive(Debug, Clone)]
pub struct Release {
    pub version: stratum::core::conf::ChronyVersion,
    /// As the release names itself (`4.6.1`).
    pub label: String,
    pub chronyd: PathBuf,
}

/// The releases every chronyd test runs against. CI builds them with
/// `scripts/chrony-releases.sh`; locally a missing one is skipped with a line.
pub const REQUIRED_RELEASES: &[&str] = &["4.0", "4.3", "4.6.1", "4.9"];

/// The installed chronyd plus every release built in the cache
/// (`$STRATUM_CHRONY_RELEASES`, default `~/.cache/stratum/chrony`), one per
/// version. Under CI=true each of [`REQUIRED_RELEASES`] must be there.
pub fn releases() -> Vec<Release> {
    let mut out: Vec<Release> = Vec::new();
    let add = |out: &mut Vec<Release>, chronyd: PathBuf, label: String| {
        let Some(version) = stratum::sys::chronyd_version(&chronyd) else {
            return;
        };
        if !out.iter().any(|r| r.label == label) {
            out.push(Release {
                version,
                label,
                chronyd,
            });
        }
    };
    if let Some(installed) = chronyd() {
        let banner = Command::new(&installed)
            .arg("-v")
            .output()
            .expect("chronyd -v");
        let text = String::from_utf8_lossy(&banner.stdout).into_owned();
        let label = text
            .split("version")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or("?")
            .to_string();
        add(&mut out, installed, label);
    }
    let cache = std::env::var_os("STRATUM_CHRONY_RELEASES")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/stratum/chrony"))
        });
    for want in REQUIRED_RELEASES {
        let found = cache
            .as_ref()
            .map(|c| c.join(want).join("chronyd"))
            .filter(|p| p.is_file());
        match found {
            Some(p) => add(&mut out, p, want.to_string()),
            None if out.iter().any(|r| r.label == *want) => {}
            None => {
                assert!(
                    !in_ci(),
                    "chrony {want} is not built but CI=true: run scripts/chrony-releases.sh"
                );
                eprintln!("skipped chrony {want}: not built (scripts/chrony-releases.sh)");
            }
        }
    }
    out.sort_by_key(|r| r.version);
    out
}

/// The chronyc of the release whose chronyd is `chronyd`.
pub fn chronyc_for(chronyd: &std::path::Path) -> PathBuf {
    let beside = chronyd.with_file_name("chronyc");
    if beside.is_file() {
        beside
    } else {
        PathBuf::from("chronyc")
    }
}

/// The name of the user running the tests, for chronyd's `-u`.
pub fn user_name() -> String {
    let out = Command::new("id").arg("-un").output().expect("id -un");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Runs a command to completion, killing it (by pid) after `limit`.
pub fn run_with_deadline(mut cmd: Command, limit: Duration) -> Output {
    let child: Child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let start = Instant::now();
    let waiter = std::thread::spawn(move || child.wait_with_output());
    while !waiter.is_finished() {
        if start.elapsed() > limit {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    waiter.join().expect("join").expect("wait")
}

/// The `stratum` binary built for these tests.
pub fn stratum() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stratum"))
}
pub mod attacker;
pub mod cmdmon;
pub mod desktop;
pub mod fakehost;
pub mod fuzz;
pub mod helper;
pub mod lab;
pub mod netns;
pub mod sockfeed;

/// A child process stopped by pid when dropped (SIGTERM, then SIGKILL).
pub struct ChildGuard(pub Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.0.try_wait() {
            return;
        }
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
