//! A desktop of the tests' own: an X server (Xvfb) on a free display, a
//! private D-Bus session bus, and a real notification daemon (dunst) on it
//! that records every notification it shows. Each is stopped by pid.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::ChildGuard;

/// An X server of our own on a free display.
pub struct Xvfb {
    pub display: String,
    _proc: ChildGuard,
}

fn installed(bin: &str, package: &str) -> Option<PathBuf> {
    let found = ["/usr/bin", "/usr/local/bin"]
        .into_iter()
        .map(|d| Path::new(d).join(bin))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(!super::in_ci(), "{bin} is not installed but CI=true");
        eprintln!("skipped: {bin} is not installed (apt-get install {package})");
    }
    found
}

/// Waits until `ready` or the process ends; `None` when it ended or the
/// time ran out.
fn wait_ready(child: &mut ChildGuard, limit: Duration, ready: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return true;
        }
        if let Ok(Some(_)) = child.0.try_wait() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

pub fn xvfb() -> Option<Xvfb> {
    let bin = installed("Xvfb", "xvfb")?;
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
        // Lost a race for that display when it ends: the next one.
        if wait_ready(&mut guard, Duration::from_secs(10), || socket.exists()) {
            return Some(Xvfb {
                display: format!(":{n}"),
                _proc: guard,
            });
        }
    }
    panic!("no free X display for Xvfb");
}

/// A session bus of our own: no service is activated on it, so a name is
/// there only while a test runs its owner.
pub struct SessionBus {
    /// `unix:path=…`, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
    _dir: tempfile::TempDir,
    _proc: ChildGuard,
}

pub fn session_bus() -> Option<SessionBus> {
    let bin = installed("dbus-daemon", "dbus-daemon")?;
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("bus");
    let config = dir.path().join("bus.conf");
    std::fs::write(
        &config,
        format!(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n \
             \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n\
             <busconfig>\n  <type>session</type>\n  <listen>unix:path={}</listen>\n  \
             <auth>EXTERNAL</auth>\n  <policy context=\"default\">\n    \
             <allow send_destination=\"*\" eavesdrop=\"true\"/>\n    \
             <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n",
            socket.display()
        ),
    )
    .unwrap();
    let child = Command::new(bin)
        .arg(format!("--config-file={}", config.display()))
        .arg("--nofork")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dbus-daemon");
    let mut guard = ChildGuard(child);
    assert!(
        wait_ready(&mut guard, Duration::from_secs(10), || socket.exists()),
        "dbus-daemon did not listen at {}",
        socket.display()
    );
    Some(SessionBus {
        address: format!("unix:path={}", socket.display()),
        _dir: dir,
        _proc: guard,
    })
}

/// One notification as the daemon showed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub appname: String,
    pub summary: String,
    pub body: String,
    /// dunst's words: LOW, NORMAL, CRITICAL.
    pub urgency: String,
}

/// dunst on a bus and a display, running a script of ours for each
/// notification it shows (its `script` rule), which appends what it got.
pub struct Dunst {
    log: PathBuf,
    bus: String,
    _dir: tempfile::TempDir,
    _proc: ChildGuard,
}

pub fn dunst(bus: &SessionBus, x: &Xvfb) -> Option<Dunst> {
    let bin = installed("dunst", "dunst")?;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("shown");
    let script = dir.path().join("record.sh");
    // dunst passes appname, summary, body, icon and urgency; fields end in
    // US (0x1f), records in RS (0x1e).
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\037' \"$@\" >> '{0}'\nprintf '\\036' >> '{0}'\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let config = dir.path().join("dunstrc");
    std::fs::write(
        &config,
        // Every notification is recorded, also one equal to an earlier one
        // (dunst stacks those by default, without running the script), and
        // stays until closed (a slow test must not see one expire).
        format!(
            "[global]\n    stack_duplicates = false\n[urgency_low]\n    timeout = 0\n\
             [urgency_normal]\n    timeout = 0\n[record]\n    appname = \"*\"\n    script = {}\n",
            script.display()
        ),
    )
    .unwrap();
    let child = Command::new(bin)
        .arg("-config")
        .arg(&config)
        .env("DISPLAY", &x.display)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dunst");
    let mut guard = ChildGuard(child);
    let address = bus.address.clone();
    assert!(
        wait_ready(&mut guard, Duration::from_secs(10), || {
            name_has_owner(&address, "org.freedesktop.Notifications")
        }),
        "dunst did not take org.freedesktop.Notifications"
    );
    Some(Dunst {
        log,
        bus: bus.address.clone(),
        _dir: dir,
        _proc: guard,
    })
}

/// Whether a name is owned on the bus (asked with dbus-send).
fn name_has_owner(address: &str, name: &str) -> bool {
    Command::new("dbus-send")
        .args([
            &format!("--bus={address}"),
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
}

impl Dunst {
    /// Every notification shown so far, oldest first.
    pub fn shown(&self) -> Vec<Shown> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        text.split('\u{1e}')
            .filter(|r| !r.is_empty())
            .map(|r| {
                let f: Vec<&str> = r.split('\u{1f}').collect();
                let get = |i: usize| f.get(i).copied().unwrap_or("").to_string();
                Shown {
                    appname: get(0),
                    summary: get(1),
                    body: get(2),
                    urgency: get(4),
                }
            })
            .collect()
    }

    /// How many notifications are on the screen now (dunstctl's count).
    pub fn displayed(&self) -> usize {
        let out = Command::new("dunstctl")
            .args(["count", "displayed"])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .output()
            .expect("dunstctl");
        assert!(out.status.success(), "dunstctl count displayed failed");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("dunstctl prints a count")
    }

    /// Waits (up to `limit`) until `n` notifications are on the screen.
    pub fn wait_displayed(&self, n: usize, limit: Duration) -> usize {
        let start = Instant::now();
        loop {
            let shown = self.displayed();
            if shown == n || start.elapsed() > limit {
                return shown;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits (up to `limit`) until `n` notifications were shown.
    pub fn wait_for(&self, n: usize, limit: Duration) -> Vec<Shown> {
        let start = Instant::now();
        loop {
            let shown = self.shown();
            if shown.len() >= n || start.elapsed() > limit {
                return shown;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The Notifications daemon's `NotificationClosed` signals on a bus, as
/// `(id, reason)` (1 expired, 2 dismissed by the user, 3 closed by a
/// CloseNotification call), read from dbus-monitor as they come.
pub struct ClosedSignals {
    got: std::sync::mpsc::Receiver<(u32, u32)>,
    _proc: ChildGuard,
}

pub fn closed_signals(bus: &SessionBus) -> Option<ClosedSignals> {
    use std::io::BufRead;
    let bin = installed("dbus-monitor", "dbus-bin")?;
    // Also every new connection's name: dbus-monitor says nothing when it
    // is ready, so the bus is poked until it reports a poke.
    let mut child = Command::new(bin)
        .args(["--address", &bus.address])
        .arg("type='signal',interface='org.freedesktop.Notifications',member='NotificationClosed'")
        .arg("type='signal',interface='org.freedesktop.DBus',member='NameOwnerChanged'")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dbus-monitor");
    let stdout = child.stdout.take().expect("piped");
    let (tx, got) = std::sync::mpsc::channel();
    let (ready_tx, ready) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // A signal's header line, then one line per argument
        // ("   uint32 7").
        let mut args: Vec<u32> = Vec::new();
        let mut closed = false;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if line.starts_with("signal ") {
                closed = line.contains("member=NotificationClosed");
                if line.contains("member=NameOwnerChanged") {
                    let _ = ready_tx.send(());
                }
                args.clear();
            } else if closed && let Some(v) = line.trim().strip_prefix("uint32 ") {
                args.push(v.parse().unwrap_or(u32::MAX));
                if let [id, reason] = args[..] {
                    closed = false;
                    if tx.send((id, reason)).is_err() {
                        return;
                    }
                }
            }
        }
    });
    let guard = ChildGuard(child);
    let start = Instant::now();
    loop {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "dbus-monitor did not start listening"
        );
        let _ = name_has_owner(&bus.address, "org.freedesktop.Notifications");
        if ready.recv_timeout(Duration::from_millis(100)).is_ok() {
            break;
        }
    }
    Some(ClosedSignals { got, _proc: guard })
}

impl ClosedSignals {
    /// The next signal within `limit`.
    pub fn next(&self, limit: Duration) -> Option<(u32, u32)> {
        self.got.recv_timeout(limit).ok()
    }
}
