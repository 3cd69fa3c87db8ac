//! The helper under its systemd unit's own sandbox, on the Debian and the
//! RHEL layout, without systemd and without touching the real /etc: each run
//! is a private mount namespace with a copy of /etc laid out like the
//! distribution (RHEL: /etc/chrony.conf root:chrony 0640, /etc/chrony.keys,
//! OPTIONS in /etc/sysconfig/chronyd, a `chrony` user that exists only in
//! that copy), fresh /run and /var/lib, and then what the unit asks of
//! systemd: `ProtectSystem=strict` (every mount read-only), the
//! `ReadWritePaths=`, `StateDirectory=` and `RuntimeDirectory=` it names.
//! chronyd runs as the helper's child there (`--own-chronyd`), with `-x`.

use crate::common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::ipc::client::IpcClient;
use stratum::ipc::{ReplyBody, RequestBody};

/// What a unit (and its drop-ins) makes writable under ProtectSystem=strict.
fn writable_paths(units: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for u in units {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(u)).unwrap();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("ReadWritePaths=") {
                out.extend(v.split_whitespace().map(str::to_string));
            } else if let Some(v) = line.strip_prefix("StateDirectory=") {
                out.extend(v.split_whitespace().map(|d| format!("/var/lib/{d}")));
            } else if let Some(v) = line.strip_prefix("RuntimeDirectory=") {
                out.extend(v.split_whitespace().map(|d| format!("/run/{d}")));
            } else if line == "ProtectSystem=strict" {
                out.push("#strict".into());
            }
        }
    }
    assert!(
        out.iter().any(|p| p == "#strict"),
        "the unit is not strict any more"
    );
    out.retain(|p| p != "#strict");
    // As systemd does: a writable path inside another writable one is no
    // mount of its own.
    let plain = |p: &str| p.trim_start_matches('-').to_string();
    let all: Vec<String> = out.iter().map(|p| plain(p)).collect();
    out.retain(|p| {
        let p = plain(p);
        !all.iter().any(|q| *q != p && Path::new(&p).starts_with(q))
    });
    out
}

/// The namespace: the fake /etc, fresh /run, /var/lib and /var/log with
/// chrony's own directories (as its package makes them: Debian's postinst
/// gives /var/lib/chrony and /var/log/chrony to _chrony, 0750; the host's
/// own are owned by a user the fake /etc does not name), everything
/// read-only, then the
/// unit's writable paths, plus chronyd's own state directory (chronyd runs
/// under its own unit in real life, here it is the helper's child).
const SANDBOX: &str = r#"set -eu
mount --bind "$FAKE_ETC" /etc
mount -t tmpfs -o mode=0755 tmpfs /run
mount -t tmpfs -o mode=0755 tmpfs /var/lib
mount -t tmpfs -o mode=0755 tmpfs /var/log
mkdir -p /run/chrony /var/lib/chrony /var/log/chrony /run/stratum /var/lib/stratum
chown "$CHRONY_USER:$CHRONY_USER" /run/chrony /var/lib/chrony /var/log/chrony
chmod 0750 /run/chrony /var/lib/chrony /var/log/chrony
for m in $(awk '{print $5}' /proc/self/mountinfo | sort -u); do
  case "$m" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) continue;; esac
  mount -o remount,bind,ro "$m" 2>/dev/null || true
done
for p in $RW_PATHS /var/lib/chrony; do
  case "$p" in -*) p=${p#-}; [ -e "$p" ] || continue;; esac
  mount --bind "$p" "$p"
  mount -o remount,bind,rw "$p"
done
exec "$@"
"#;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Layout {
    Debian,
    Rhel,
}

struct FakeEtc {
    _tmp: tempfile::TempDir,
    etc: PathBuf,
    chrony_uid: u32,
    chrony_gid: u32,
    user: &'static str,
}

/// A copy of this machine's /etc laid out as `layout`'s chrony package
/// leaves it.
fn fake_etc(layout: Layout, conf: &str, options: &str) -> FakeEtc {
    let tmp = tempfile::tempdir().unwrap();
    let etc = tmp.path().join("etc");
    let ok = Command::new("cp")
        .args(["-a", "/etc/.", &etc.display().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let _ = std::fs::remove_dir_all(etc.join("chrony"));
    let _ = std::fs::remove_file(etc.join("default/chrony"));
    let (user, id) = match layout {
        Layout::Rhel => ("chrony", 59_990),
        Layout::Debian => ("_chrony", 59_991),
    };
    // The user chronyd drops to, only in this copy.
    let add = |file: &str, line: String| {
        let p = etc.join(file);
        let mut text: String = std::fs::read_to_string(&p)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with(&format!("{user}:")))
            .map(|l| format!("{l}\n"))
            .collect();
        text.push_str(&line);
        std::fs::write(&p, text).unwrap();
    };
    add(
        "passwd",
        format!("{user}:x:{id}:{id}:chrony:/var/lib/chrony:/usr/sbin/nologin\n"),
    );
    add("group", format!("{user}:x:{id}:\n"));
    let secret = |p: &Path, text: &str| {
        std::fs::write(p, text).unwrap();
        std::os::unix::fs::chown(p, Some(0), Some(id)).unwrap();
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o640)).unwrap();
    };
    let keys = "1 SHA256 HEX:6B5D2E7F0A1C3B4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5\n";
    match layout {
        Layout::Rhel => {
            secret(&etc.join("chrony.conf"), conf);
            secret(&etc.join("chrony.keys"), keys);
            std::fs::create_dir_all(etc.join("sysconfig")).unwrap();
            std::fs::write(
                etc.join("sysconfig/chronyd"),
                format!("# Command-line options for chronyd\nOPTIONS=\"{options}\"\n"),
            )
            .unwrap();
        }
        Layout::Debian => {
            std::fs::create_dir_all(etc.join("chrony")).unwrap();
            secret(&etc.join("chrony/chrony.conf"), conf);
            secret(&etc.join("chrony/chrony.keys"), keys);
            std::fs::write(
                etc.join("default/chrony"),
                format!("DAEMON_OPTS=\"{options}\"\n"),
            )
            .unwrap();
        }
    }
    FakeEtc {
        _tmp: tmp,
        etc,
        chrony_uid: id,
        chrony_gid: id,
        user,
    }
}

struct Sandboxed {
    guard: common::ChildGuard,
}

impl Sandboxed {
    fn root(&self) -> PathBuf {
        PathBuf::from(format!("/proc/{}/root", self.guard.0.id()))
    }

    fn client(&self) -> Option<IpcClient> {
        IpcClient::connect(
            &self.root().join("run/stratum/helper.sock"),
            Duration::from_secs(60),
        )
        .ok()
    }
}

fn start(fake: &FakeEtc, units: &[&str], chronyd: &Path, log: &Path) -> Sandboxed {
    let rw = writable_paths(units).join(" ");
    let child = Command::new("unshare")
        .args([
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            SANDBOX,
            "sandbox",
        ])
        .arg(env!("CARGO_BIN_EXE_stratum-helper"))
        .args([
            "--system",
            "--own-chronyd",
            "--chronyd-arg=-x",
            "--poll-interval",
            "0.2",
        ])
        .arg("--chronyd")
        .arg(chronyd)
        .env("FAKE_ETC", &fake.etc)
        .env("CHRONY_USER", fake.user)
        .env("RW_PATHS", rw)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap();
    let s = Sandboxed {
        guard: common::ChildGuard(child),
    };
    let up = wait_for(Duration::from_secs(20), || {
        let mut c = s.client()?;
        match c.request(RequestBody::Snapshot).ok()? {
            ReplyBody::Snapshot(snap) if snap.tracking.is_some() => Some(()),
            _ => None,
        }
    });
    assert!(
        up.is_some(),
        "helper under the unit's sandbox: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
    s
}

fn config(upstream_port: u16) -> String {
    // The distribution's own lines (paths in chrony's directories), with
    // loopback ports for the test.
    format!(
        "server 127.0.0.1 port {upstream_port} iburst minpoll -2 maxpoll -1\ndriftfile /var/lib/chrony/drift\nmakestep 1.0 3\nkeyfile KEYFILE\nntsdumpdir /var/lib/chrony\nleapsectz right/UTC\nlogdir /var/log/chrony\nport {}\nbindaddress 127.0.0.1\ncmdport 0\n",
        free_udp_port()
    )
}

fn chronyd_uid(s: &Sandboxed) -> Option<u32> {
    let pid = s.client()?.info.chronyd_pid?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("Uid:"))?
        .split_whitespace()
        .nth(2)?
        .parse()
        .ok()
}

/// Applies `text`; the reply code, or "applied".
fn apply(s: &Sandboxed, text: &str) -> (String, Option<String>) {
    let mut c = s.client().unwrap();
    match c
        .request(RequestBody::Apply {
            config: text.to_string().into(),
        })
        .unwrap()
    {
        ReplyBody::Applied(a) => ("applied".into(), a.backup),
        ReplyBody::Error { code, detail } => (code.to_string(), detail),
        other => panic!("{other:?}"),
    }
}

fn root_or_skip() -> bool {
    if !rustix::process::geteuid().is_root() {
        assert!(!common::in_ci(), "the unit sandbox test needs root in CI");
        eprintln!("skipped: mount namespaces need root");
        return false;
    }
    true
}

#[test]
fn on_rhel_the_unit_needs_its_drop_in_and_then_applies_with_every_release() {
    if !root_or_skip() {
        return;
    }
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let upstream = Chronyd::upstream(&r.chronyd, tmp.path());
        let base = config(upstream.port).replace("KEYFILE", "/etc/chrony.keys");
        // RHEL's default OPTIONS, plus the user its chronyd is built for.
        let scfilter =
            String::from_utf8_lossy(&Command::new(&r.chronyd).arg("-v").output().unwrap().stdout)
                .contains("+SCFILTER");
        let options = if scfilter {
            "-F 2 -u chrony"
        } else {
            "-u chrony"
        };
        let fake = fake_etc(Layout::Rhel, &base, options);
        let log = tmp.path().join("helper.log");

        // The unit alone: /etc/chrony.conf is writable but nothing beside it.
        let s = start(
            &fake,
            &["packaging/stratum-helper.service"],
            &r.chronyd,
            &log,
        );
        assert_eq!(
            chronyd_uid(&s),
            Some(fake.chrony_uid),
            "chrony {}: OPTIONS not used",
            r.label
        );
        let changed = format!("{base}maxupdateskew 50\n");
        let (code, detail) = apply(&s, &changed);
        assert!(
            code == "apply-backup" || code == "apply-write",
            "chrony {}: {code} {detail:?}",
            r.label
        );
        assert_eq!(
            std::fs::read_to_string(s.root().join("etc/chrony.conf")).unwrap(),
            base
        );
        drop(s);

        // With the rpm's drop-in: applied, backup beside the file, owner,
        // group and mode kept, the key file untouched.
        let s = start(
            &fake,
            &[
                "packaging/stratum-helper.service",
                "packaging/stratum-helper-rhel.conf",
            ],
            &r.chronyd,
            &log,
        );
        let (code, backup) = apply(&s, &changed);
        assert_eq!(
            code,
            "applied",
            "chrony {}: {backup:?} {}",
            r.label,
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        let backup = PathBuf::from(backup.unwrap());
        assert_eq!(backup.parent(), Some(Path::new("/etc")));
        let conf = s.root().join("etc/chrony.conf");
        assert_eq!(std::fs::read_to_string(&conf).unwrap(), changed);
        let m = std::fs::metadata(&conf).unwrap();
        assert_eq!(
            (m.uid(), m.gid(), m.mode() & 0o777),
            (0, fake.chrony_gid, 0o640)
        );
        let keys = std::fs::metadata(s.root().join("etc/chrony.keys")).unwrap();
        assert_eq!(
            (keys.uid(), keys.gid(), keys.mode() & 0o777),
            (0, fake.chrony_gid, 0o640)
        );
        assert!(
            wait_for(Duration::from_secs(10), || chronyd_uid(&s)
                .filter(|u| *u == fake.chrony_uid))
            .is_some(),
            "chrony {}: chronyd did not come back as chrony",
            r.label
        );
        // A live change needs no restart.
        let pid = s.client().unwrap().info.chronyd_pid;
        let (code, _) = apply(&s, &format!("{changed}allow 127.0.0.0/8\n"));
        assert_eq!(code, "applied");
        assert_eq!(s.client().unwrap().info.chronyd_pid, pid);
    }
}

#[test]
fn on_debian_the_unit_applies_as_it_is() {
    if !root_or_skip() {
        return;
    }
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let upstream = Chronyd::upstream(&chronyd, tmp.path());
    let base = config(upstream.port).replace("KEYFILE", "/etc/chrony/chrony.keys");
    let fake = fake_etc(Layout::Debian, &base, "-u _chrony");
    let log = tmp.path().join("helper.log");
    let s = start(&fake, &["packaging/stratum-helper.service"], &chronyd, &log);
    assert_eq!(chronyd_uid(&s), Some(fake.chrony_uid));
    let changed = format!("{base}maxupdateskew 50\n");
    let (code, backup) = apply(&s, &changed);
    assert_eq!(code, "applied", "{backup:?}");
    assert_eq!(
        PathBuf::from(backup.unwrap()).parent(),
        Some(Path::new("/etc/chrony"))
    );
    assert_eq!(
        std::fs::read_to_string(s.root().join("etc/chrony/chrony.conf")).unwrap(),
        changed
    );
}
