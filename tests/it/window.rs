//! The window as a whole process, under Xvfb: the lab helper it starts when
//! no helper answers, and that helper's chronyd, stop when the window is
//! ended by a signal (logout's SIGHUP/SIGTERM, Ctrl-C, `kill -9`), as on a
//! normal close. Every chrony release, each with another signal. Before
//! it goes, the window's first alarm reaches a real notification daemon on
//! the session bus.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::desktop::{self, Dunst, SessionBus};
use crate::common::{self, ChildGuard};

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
fn start_window(home: &Path, display: &str, bus: &SessionBus, chronyd: &Path) -> ChildGuard {
    let runtime = home.join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    std::fs::set_permissions(
        &runtime,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    // A test run started in the background of a script inherits SIGINT and
    // SIGQUIT ignored (POSIX), under nohup SIGHUP too, and exec keeps that:
    // the window is started with the default dispositions, as from a
    // desktop session, through python's exec (a shell cannot reset a
    // signal ignored on entry).
    let child = Command::new("python3")
        .args([
            "-c",
            "import os, signal, sys\n\
             for s in (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGTERM): signal.signal(s, signal.SIG_DFL)\n\
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
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
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
    let Some(x) = desktop::xvfb() else {
        return;
    };
    let Some(bus) = desktop::session_bus() else {
        return;
    };
    let Some(dunst) = desktop::dunst(&bus, &x) else {
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
        // The lab starts from a configuration naming an upstream on
        // loopback that never answers (a bound socket nobody reads).
        let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let data = tmp.path().join("data/stratum");
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(
            data.join("chrony.conf"),
            format!(
                "{}server 127.0.0.1 port {} iburst minpoll -2 maxpoll -2\n",
                stratum::core::conf::DEFAULT_LAB_CONFIG,
                silent.local_addr().unwrap().port()
            ),
        )
        .unwrap();
        let before = dunst.shown().len();
        let mut window = start_window(tmp.path(), &x.display, &bus, &release.chronyd);
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
        expect_alarm_notified(&dunst, before, &release.label);
        rustix::process::kill_process(
            rustix::process::Pid::from_raw(window_pid as i32).unwrap(),
            *signal,
        )
        .unwrap();
        wait_for(
            &format!("the window to end after {signal:?}"),
            Duration::from_secs(15),
            || window.0.try_wait().ok().flatten(),
        );
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

/// The lab's silent upstream raises an alarm in its first seconds: the
/// window shows it as a desktop notification from Stratum, in English, the
/// alarm's sentence naming the source as configured. Any other alarm of the
/// start (not yet synchronised) comes with the urgency its title says.
fn expect_alarm_notified(dunst: &Dunst, before: usize, label: &str) {
    let body = "Alarm: 127.0.0.1 does not answer.";
    let start = Instant::now();
    let new = loop {
        let shown = dunst.shown();
        let new = shown[before.min(shown.len())..].to_vec();
        if new.iter().any(|n| n.body == body) || start.elapsed() > Duration::from_secs(60) {
            break new;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        new.iter().any(|n| n.body == body),
        "chrony {label}: no desktop notification of the silent source: {new:?}"
    );
    for n in &new {
        let expected = if n.body == body {
            ("Stratum: time service warning", "NORMAL")
        } else if n.urgency == "CRITICAL" {
            ("Stratum: time service alarm", "CRITICAL")
        } else {
            ("Stratum: time service warning", "NORMAL")
        };
        assert_eq!(
            (n.appname.as_str(), n.summary.as_str(), n.urgency.as_str()),
            ("Stratum", expected.0, expected.1),
            "chrony {label}: {n:?}"
        );
        assert!(n.body.starts_with("Alarm: "), "chrony {label}: {n:?}");
    }
}
