//! The window as a whole process, under Xvfb: the lab helper it starts when
//! no helper answers, and that helper's chronyd, stop when the window is
//! ended by a signal (logout's SIGHUP/SIGTERM, Ctrl-C, `kill -9`), as on a
//! normal close. Every chrony release, each with another signal.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, ChildGuard};

/// An X server of our own on a free display, stopped by pid.
struct Xvfb {
    display: String,
    _proc: ChildGuard,
}

fn xvfb() -> Option<Xvfb> {
    let Some(bin) = ["/usr/bin/Xvfb", "/usr/local/bin/Xvfb"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
    else {
        assert!(!common::in_ci(), "Xvfb is not installed but CI=true");
        eprintln!("skipped: Xvfb is not installed (apt-get install xvfb)");
        return None;
    };
    for n in 150..250 {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let lock = PathBuf::from(format!("/tmp/.X{n}-lock"));
        if socket.exists() || lock.exists() {
            continue;
        }
        let child = Command::new(&bin)
            .args([
                &format!(":{n}"),
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "1100x760x24",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb");
        let mut guard = ChildGuard(child);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if socket.exists() {
                return Some(Xvfb {
                    display: format!(":{n}"),
                    _proc: guard,
                });
            }
            if let Ok(Some(_)) = guard.0.try_wait() {
                break; // lost a race for that display: the next one
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    panic!("no free X display for Xvfb");
}

/// Processes whose parent is `parent` and whose executable is named `name`
/// (from /proc; zombies count as gone).
fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // pid (comm) state ppid …: comm may hold spaces, so split after ')'.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let comm = head.split_once('(').map(|(_, c)| c).unwrap_or("");
        let mut f = rest.split_whitespace();
        let state = f.next().unwrap_or("");
        let ppid: u32 = f.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        if ppid == parent && comm == name && state != "Z" {
            out.push(pid);
        }
    }
    out
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit_once(')')
            .is_some_and(|(_, r)| !r.trim_start().starts_with('Z'))
    })
}

/// Processes killed (by pid) when the test ends, passed or not.
struct KillOnDrop(Vec<u32>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        for pid in &self.0 {
            if alive(*pid)
                && let Some(p) = rustix::process::Pid::from_raw(*pid as i32)
            {
                let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
            }
        }
    }
}

fn wait_for<T>(what: &str, limit: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts the window with a home of its own (no helper answers there, so
/// it starts a lab helper running `chronyd`).
fn start_window(home: &Path, display: &str, chronyd: &Path) -> ChildGuard {
    let runtime = home.join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    std::fs::set_permissions(
        &runtime,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    // A test run started in the background of a script inherits SIGINT and
    // SIGQUIT ignored (POSIX), and exec keeps that: the window is started
    // with the default dispositions, as from a desktop session, through
    // python's exec (a shell cannot reset a signal ignored on entry).
    let child = Command::new("python3")
        .args([
            "-c",
            "import os, signal, sys\n\
             for s in (signal.SIGINT, signal.SIGQUIT): signal.signal(s, signal.SIG_DFL)\n\
             os.execv(sys.argv[1], sys.argv[1:])",
            env!("CARGO_BIN_EXE_stratum"),
        ])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DISPLAY", display)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("STRATUM_CHRONYD", chronyd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the window");
    ChildGuard(child)
}

#[test]
fn the_lab_helper_and_its_chronyd_stop_with_a_window_ended_by_a_signal() {
    let releases = common::releases();
    if releases.is_empty() {
        return;
    }
    let Some(x) = xvfb() else {
        return;
    };
    let signals = [
        rustix::process::Signal::TERM,
        rustix::process::Signal::HUP,
        rustix::process::Signal::INT,
        rustix::process::Signal::KILL,
    ];
    for (release, signal) in releases.iter().zip(signals.iter().cycle()) {
        let tmp = tempfile::tempdir().unwrap();
        let mut window = start_window(tmp.path(), &x.display, &release.chronyd);
        let window_pid = window.0.id();
        let helper = wait_for("the lab helper", Duration::from_secs(60), || {
            children_named(window_pid, "stratum-helper").pop()
        });
        let mut leftovers = KillOnDrop(vec![helper]);
        let chronyd = wait_for("the lab's chronyd", Duration::from_secs(30), || {
            children_named(helper, "chronyd").pop()
        });
        leftovers.0.push(chronyd);
        // The window got as far as talking to it: the socket answers.
        let socket = tmp.path().join("run/stratum/helper.sock");
        wait_for("the helper's socket", Duration::from_secs(30), || {
            let out = common::stratum()
                .args(["status", "--socket"])
                .arg(&socket)
                .output()
                .ok()?;
            // A whole snapshot, whatever its verdict.
            matches!(out.status.code(), Some(0 | 1)).then_some(())
        });
        rustix::process::kill_process(
            rustix::process::Pid::from_raw(window_pid as i32).unwrap(),
            *signal,
        )
        .unwrap();
        let _ = window.0.wait();
        wait_for(
            &format!(
                "the lab helper and chronyd {} to stop after {signal:?}",
                release.label
            ),
            Duration::from_secs(15),
            || (!alive(helper) && !alive(chronyd)).then_some(()),
        );
        assert!(
            !socket.exists()
                || common::stratum()
                    .args(["status", "--socket"])
                    .arg(&socket)
                    .output()
                    .is_ok_and(|o| o.status.code() == Some(2)),
            "a helper still answers after the window is gone"
        );
    }
}
