//! Ordinary local users against what root does for them: `stratum nts
//! init` run by root into a directory another user controls (symlink farms
//! in a /tmp-like directory, placeholders), and a flood of connections to
//! the helper's socket. The attacker is a thread of this test running as
//! `nobody`.

use crate::common;

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::attacker;
use common::helper::HelperProc;
use common::lab::free_udp_port;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o7777
}

fn nts_init(out: &Path) -> std::process::Output {
    common::stratum()
        .args([
            "nts",
            "init",
            "--name",
            "127.0.0.1",
            "--lang",
            "en",
            "--out",
        ])
        .arg(out)
        .output()
        .unwrap()
}

/// Root's files a link may point at, with what they hold.
struct Victims {
    files: Vec<(PathBuf, String)>,
}

impl Victims {
    fn new(dir: &Path) -> Victims {
        let mut files = Vec::new();
        for name in ["passwd-like", "shadow-like"] {
            let p = dir.join(name);
            std::fs::write(&p, format!("{name}: root's\n")).unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
            files.push((p, format!("{name}: root's\n")));
        }
        Victims { files }
    }

    fn intact(&self) {
        for (p, text) in &self.files {
            let m = std::fs::symlink_metadata(p).unwrap();
            assert!(m.is_file(), "{p:?} was replaced");
            assert_eq!(std::fs::read_to_string(p).unwrap(), *text, "{p:?} changed");
            assert_eq!(
                (m.uid(), m.gid(), m.mode() & 0o7777),
                (0, 0, 0o600),
                "{p:?} changed hands"
            );
        }
    }
}

#[test]
fn nts_init_as_root_never_writes_through_another_users_links_or_keeps_their_files() {
    if !attacker::available("nobody") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let safe = tmp.path().join("root-only");
    std::fs::create_dir(&safe).unwrap();
    let v = Victims::new(&safe);
    let (passwd, shadow) = (v.files[0].0.clone(), v.files[1].0.clone());
    let created_by_root = safe.join("created-by-root");
    // A /tmp-like directory: anyone may add names, sticky.
    let farm = tmp.path().join("tmp");
    std::fs::create_dir(&farm).unwrap();
    std::fs::set_permissions(&farm, std::fs::Permissions::from_mode(0o1777)).unwrap();

    // nobody's links straight in the shared directory, and nobody's own
    // directory of links there, and a link there to a directory.
    let (f, p, s, c) = (
        farm.clone(),
        passwd.clone(),
        shadow.clone(),
        created_by_root.clone(),
    );
    attacker::run_as("nobody", move || {
        symlink(&p, f.join("server.crt")).unwrap();
        symlink(&s, f.join("server.key")).unwrap();
        symlink(&c, f.join("ca.key")).unwrap();
        let mine = f.join("certs");
        std::fs::create_dir(&mine).unwrap();
        std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o755)).unwrap();
        symlink(&p, mine.join("server.crt")).unwrap();
        symlink(&s, mine.join("server.key")).unwrap();
        symlink(&c, mine.join("ca.key")).unwrap();
        symlink(&mine, f.join("link-to-certs")).unwrap();
    });
    for out in [
        farm.clone(),
        farm.join("certs"),
        farm.join("link-to-certs"),
        farm.join("new-dir"),
    ] {
        let o = nts_init(&out);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_ne!(o.status.code(), Some(0), "{out:?} was written to: {err}");
        assert!(err.contains("not a safe place for keys"), "{out:?}: {err}");
        v.intact();
        assert!(
            !created_by_root.exists(),
            "{out:?}: a dangling link was followed"
        );
    }
    assert!(!farm.join("new-dir").exists());

    // A directory of root's where another user's placeholder sits (it was
    // theirs once): the new CA key is root's and private, not theirs.
    let dir = tmp.path().join("nts");
    std::fs::create_dir(&dir).unwrap();
    let placeholder = dir.join("ca.key");
    std::fs::write(&placeholder, "").unwrap();
    std::fs::set_permissions(&placeholder, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (nobody, _) = attacker::ids("nobody").unwrap();
    std::os::unix::fs::chown(&placeholder, Some(nobody), None).unwrap();
    // Links root itself left there are replaced, never followed.
    symlink(&passwd, dir.join("server.crt")).unwrap();
    symlink(&shadow, dir.join("server.key")).unwrap();
    symlink(&created_by_root, dir.join("ca.crt")).unwrap();
    let o = nts_init(&dir);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    v.intact();
    assert!(!created_by_root.exists());
    for (name, want) in [
        ("ca.key", 0o600),
        ("server.key", 0o640),
        ("server.crt", 0o644),
        ("ca.crt", 0o644),
    ] {
        let m = std::fs::symlink_metadata(dir.join(name)).unwrap();
        assert!(m.is_file(), "{name} is still a link");
        assert_eq!(m.uid(), 0, "{name} belongs to uid {}", m.uid());
        assert_eq!(mode(&dir.join(name)), want, "{name}");
    }
    // The key's group is chronyd's (the distribution's chrony user here).
    if let Some((_, chrony_gid)) = attacker::ids("_chrony") {
        assert_eq!(
            std::fs::metadata(dir.join("server.key")).unwrap().gid(),
            chrony_gid
        );
    }
}

/// Connections as `nobody` as fast as one thread can make them, for `for_`.
fn flood(socket: &Path, for_: Duration, made: Arc<AtomicU64>, stop: Arc<AtomicBool>) {
    let socket = socket.to_path_buf();
    let end = Instant::now() + for_;
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (socket, made, stop) = (socket.clone(), Arc::clone(&made), Arc::clone(&stop));
            attacker::spawn_as("nobody", move || {
                while Instant::now() < end && !stop.load(Ordering::Relaxed) {
                    if std::os::unix::net::UnixStream::connect(&socket).is_ok() {
                        made.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
fn a_connect_flood_of_another_user_grows_no_threads_and_root_is_still_answered() {
    if common::chronyd().is_none() || !attacker::available("nobody") {
        return;
    }
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        // Everyone reaches the helper's socket.
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let chronyd = format!("--chronyd={}", r.chronyd.display());
        let h = HelperProc::start_lab_with(
            tmp.path(),
            "local stratum 10\n",
            free_udp_port(),
            &[&chronyd],
        );
        let pid = h.child.id();
        let made = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let flooder = {
            let (socket, made, stop) = (h.socket.clone(), Arc::clone(&made), Arc::clone(&stop));
            std::thread::spawn(move || flood(&socket, Duration::from_secs(120), made, stop))
        };
        let mut most_threads = 0;
        let mut answered = 0;
        // Ten status requests of root while the flood goes on: each must be
        // answered (a whole snapshot within its deadline), however slow the machine.
        std::thread::sleep(Duration::from_millis(500));
        for _ in 0..10 {
            let (threads, _) = attacker::threads_and_rss(pid);
            most_threads = most_threads.max(threads);
            let mut cmd = common::stratum();
            cmd.args(["status", "--socket"]).arg(&h.socket);
            let out = common::run_with_deadline(cmd, Duration::from_secs(10));
            // A whole snapshot, healthy (0) or with an alarm raised (1).
            if matches!(out.status.code(), Some(0 | 1)) {
                answered += 1;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        stop.store(true, Ordering::Relaxed);
        flooder.join().unwrap();
        let n = made.load(Ordering::Relaxed);
        assert!(n > 1000, "chrony {}: only {n} connections made", r.label);
        assert!(
            most_threads <= 32,
            "chrony {}: the helper grew to {most_threads} threads under {n} connections",
            r.label
        );
        assert!(
            answered == 10,
            "chrony {}: root answered {answered} of 10 status requests",
            r.label
        );
    }
}
