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
pub mod cmdmon;
pub mod helper;
pub mod lab;
