//! chronyd's own user attacks the root helper, as a compromised chronyd
//! would: it owns chronyd's socket and state directories, can kill its own
//! chronyd at will and watch the helper with inotify. System mode in a
//! temporary root (chronyd with `-x`, files under the root, loopback only);
//! the attacker is a thread of this test running as `_chrony`.
//!
//! - racing the reply sockets the helper binds in `/run/chrony`: no file
//!   of root's ever changes mode;
//! - a glob under `/run/chrony` that matches nothing yet: refused at apply,
//!   and chronyd is never started as root on what `_chrony` drops there;
//! - a FIFO where root reads a certificate: the helper never freezes, and
//!   its poller keeps going;
//! - NUL bytes and a `tempcomp` point file outside chrony's places: refused.

use crate::common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::attacker::{self, Watcher};
use common::helper::HelperProc;
use common::lab::{free_udp_port, wait_for};
use stratum::ipc::{ErrorCode, ReplyBody, RequestBody};

/// A distribution-like tree in a temporary root: `etc/chrony` root's,
/// `var/lib/chrony` `_chrony`'s, chronyd's socket directory `run/chrony`
/// (made by the helper for `_chrony`).
struct Tree {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    etc: PathBuf,
    lib: PathBuf,
    run: PathBuf,
    conf: PathBuf,
    base: String,
}

fn tree() -> Tree {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    // _chrony reaches its own directories through the root.
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (uid, gid) = attacker::ids("_chrony").unwrap();
    let etc = root.join("etc/chrony");
    let lib = root.join("var/lib/chrony");
    let run = root.join("run/chrony");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&lib).unwrap();
    std::os::unix::fs::chown(&lib, Some(uid), Some(gid)).unwrap();
    let base = format!(
        "local stratum 10\nallow 127.0.0.0/8\nport {}\ncmdport 0\nbindaddress 127.0.0.1\nbindcmdaddress {}\npidfile {}\ndriftfile {}\nuser _chrony\n",
        free_udp_port(),
        run.join("chronyd.sock").display(),
        run.join("chronyd.pid").display(),
        lib.join("chrony.drift").display()
    );
    let conf = etc.join("chrony.conf");
    std::fs::write(&conf, &base).unwrap();
    Tree {
        _tmp: tmp,
        root,
        etc,
        lib,
        run,
        conf,
        base,
    }
}

/// The distribution's way: chronyd as the helper's child with `-x` only;
/// the user it drops to comes from the file.
fn helper(t: &Tree, chronyd: &Path) -> HelperProc {
    let allow = format!("--allow-path={}", t.root.display());
    let chronyd = format!("--chronyd={}", chronyd.display());
    HelperProc::start_args(
        &t.root,
        &t.conf,
        &[
            "--system",
            "--own-chronyd",
            "--chronyd-arg=-x",
            &allow,
            &chronyd,
        ],
    )
}

fn apply(h: &HelperProc, text: &str) -> ReplyBody {
    let mut c = h.client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    c.request(RequestBody::Apply {
        config: text.to_string().into(),
    })
    .unwrap()
}

fn refused_with(reply: ReplyBody, code: ErrorCode) -> String {
    match reply {
        ReplyBody::Error { code: got, detail } if got == code => detail.unwrap_or_default(),
        other => panic!("expected {code}, got {other:?}"),
    }
}

/// How lint names the owner of a path in each language.
const OWNER_WORDS: [(&str, &str); 2] = [("en", "belongs to _chrony"), ("zh-CN", "属于 _chrony")];

/// `stratum config lint --format json` of `draft` in `lang`: its exit code
/// and its finding of `rule`.
fn lint_finding(draft: &Path, lang: &str, rule: &str) -> (Option<i32>, serde_json::Value) {
    let out = common::stratum()
        .args(["config", "lint", "--format", "json", "--lang", lang])
        .arg(draft)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("{v}"))
        .clone();
    (out.status.code(), d)
}

fn kill(pid: u32) -> bool {
    rustix::process::Pid::from_raw(pid as i32)
        .is_some_and(|p| rustix::process::kill_process(p, rustix::process::Signal::KILL).is_ok())
}

#[test]
fn chronys_user_racing_the_reply_sockets_never_changes_a_mode_of_roots() {
    if common::chronyd().is_none() || !attacker::available("_chrony") {
        return;
    }
    let releases = common::releases();
    // At least a minute of racing in all, spread over the releases.
    let each = Duration::from_secs(60 / releases.len().max(1) as u64).max(Duration::from_secs(15));
    for r in &releases {
        let t = tree();
        let victim = t.etc.join("secret");
        std::fs::write(&victim, "root's alone\n").unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
        let h = helper(&t, &r.chronyd);
        let stop = Arc::new(AtomicBool::new(false));
        let (run, target, halt) = (t.run.clone(), victim.clone(), Arc::clone(&stop));
        // Each reply socket the helper binds is swapped for a link to the
        // victim at once; chronyd is killed every second, so the helper
        // binds again and again.
        let racer = attacker::spawn_as("_chrony", move || {
            let mut w = Watcher::new(&run).expect("inotify on chronyd's directory");
            let (mut swapped, mut kills) = (0u32, 0u32);
            let mut last_kill = Instant::now();
            while !halt.load(Ordering::Relaxed) {
                for name in w.created(Duration::from_millis(20)) {
                    if name.starts_with("stratum.") {
                        let p = run.join(&name);
                        if std::fs::remove_file(&p).is_ok() && symlink(&target, &p).is_ok() {
                            swapped += 1;
                        }
                    }
                }
                if last_kill.elapsed() >= Duration::from_secs(1) {
                    last_kill = Instant::now();
                    let pid = std::fs::read_to_string(run.join("chronyd.pid"))
                        .ok()
                        .and_then(|p| p.trim().parse().ok());
                    if pid.is_some_and(kill) {
                        kills += 1;
                    }
                }
            }
            (swapped, kills)
        });
        let end = Instant::now() + each;
        let mut widened = None;
        while Instant::now() < end && widened.is_none() {
            let mode = std::fs::symlink_metadata(&victim)
                .unwrap()
                .permissions()
                .mode()
                & 0o7777;
            if mode != 0o600 {
                widened = Some(mode);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        stop.store(true, Ordering::Relaxed);
        let (swapped, kills) = racer.join().unwrap();
        assert_eq!(
            widened,
            None,
            "chrony {}: a root-owned 0600 file became {:o} ({swapped} sockets swapped)",
            r.label,
            widened.unwrap_or(0)
        );
        assert!(
            swapped > 0 && kills > 0,
            "chrony {}: the attack never ran ({swapped} swaps, {kills} kills)",
            r.label
        );
        let mut h = h;
        assert!(
            h.child.try_wait().unwrap().is_none(),
            "the helper went down"
        );
        // Nothing else of root's under the tree changed hands either.
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "root's alone\n");
    }
}

#[test]
fn a_glob_chronys_user_can_fill_never_reaches_a_chronyd_started_as_root() {
    if common::chronyd().is_none() || !attacker::available("_chrony") {
        return;
    }
    for r in common::releases() {
        let t = tree();
        let h = helper(&t, &r.chronyd);
        let helper_pid = h.child.id();
        // At apply, while the glob matches nothing: refused, nothing written.
        let glob = format!("{}include {}/*.conf\n", t.base, t.run.display());
        let detail = refused_with(apply(&h, &glob), ErrorCode::ApplyPathUntrusted);
        assert!(detail.contains("run/chrony"), "{detail}");
        assert_eq!(std::fs::read_to_string(&t.conf).unwrap(), t.base);
        // Lint says why, in both languages.
        let draft = t.root.join("draft.conf");
        std::fs::write(&draft, &glob).unwrap();
        for (lang, owner_word) in OWNER_WORDS {
            let (code, d) = lint_finding(&draft, lang, "path-untrusted");
            assert_eq!(d["severity"], "error");
            assert!(d["message"].as_str().unwrap().contains(owner_word), "{d}");
            assert_eq!(code, Some(1));
        }

        // The same line written by hand: chronyd's user drops a file that
        // makes chronyd stay root and kills chronyd. The helper's automatic
        // restart must not start it.
        std::fs::write(&t.conf, &glob).unwrap();
        let pid = h.chronyd_pid().expect("chronyd runs");
        let run = t.run.clone();
        attacker::run_as("_chrony", move || {
            std::fs::write(run.join("evil.conf"), "user root\n").unwrap();
            assert!(kill(pid), "_chrony kills its chronyd");
        });
        let end = Instant::now() + Duration::from_secs(6);
        while Instant::now() < end {
            for c in attacker::children_named(helper_pid, "chronyd") {
                // A chronyd that has not dropped privileges yet is root for
                // a moment; one still root a second later stayed root.
                std::thread::sleep(Duration::from_millis(1000));
                assert_ne!(
                    attacker::uid_of(c),
                    Some(0),
                    "chrony {}: chronyd runs as root on a file _chrony wrote",
                    r.label
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // The helper says why chronyd is down, and keeps serving.
        let why = wait_for(Duration::from_secs(5), || {
            let info = h.client().ok()?.info;
            info.chronyd_log
                .iter()
                .find(|l| l.contains("not started"))
                .cloned()
        })
        .expect("the refusal is in chronyd's log tail");
        assert!(why.contains("run/chrony"), "{why}");
        assert_eq!(h.chronyd_pid(), None);
    }
}

#[test]
fn a_fifo_where_root_reads_never_freezes_the_helper_and_bad_lines_are_refused() {
    if common::chronyd().is_none() || !attacker::available("_chrony") {
        return;
    }
    for r in common::releases() {
        let t = tree();
        let h = helper(&t, &r.chronyd);
        let fifo = t.lib.join("server.crt");
        let key = t.lib.join("server.key");
        let made = fifo.clone();
        attacker::run_as("_chrony", move || attacker::mkfifo(&made));
        let text = format!(
            "{}ntsservercert {}\nntsserverkey {}\n",
            t.base,
            fifo.display(),
            key.display()
        );
        // The apply runs while root asks for its status: each answers.
        let socket = h.socket.clone();
        let applier = {
            let text = text.clone();
            let socket = socket.clone();
            std::thread::spawn(move || {
                let mut c =
                    stratum::ipc::client::IpcClient::connect(&socket, Duration::from_secs(60))
                        .unwrap();
                c.request(RequestBody::Apply {
                    config: text.into(),
                })
                .unwrap()
            })
        };
        for _ in 0..10 {
            let mut cmd = common::stratum();
            cmd.args(["status", "--socket"]).arg(&socket);
            let out = common::run_with_deadline(cmd, Duration::from_secs(10));
            assert!(
                // 1: a whole snapshot with an alarm (this lab serves its
                // own clock, a warning).
                matches!(out.status.code(), Some(0 | 1 | 3)),
                "chrony {}: root's status did not answer during the apply: {out:?}",
                r.label
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let reply = applier.join().unwrap();
        refused_with(reply, ErrorCode::ApplyPathUntrusted);
        assert_eq!(std::fs::read_to_string(&t.conf).unwrap(), t.base);

        // A NUL byte in a path: refused before anything, never written.
        let nul = format!("{}logdir {}/log\0/x\n", t.base, t.lib.display());
        let detail = refused_with(apply(&h, &nul), ErrorCode::ApplyLint);
        assert!(detail.ends_with("control-character"), "{detail}");
        // A tempcomp point file outside chrony's places.
        let sensor = t.etc.join("sensor");
        std::fs::write(&sensor, "40000\n").unwrap();
        let points = format!("{}tempcomp {} 30 /etc/shadow\n", t.base, sensor.display());
        let detail = refused_with(apply(&h, &points), ErrorCode::ApplyPathNotAllowed);
        assert!(detail.contains("/etc/shadow"), "{detail}");
        assert_eq!(std::fs::read_to_string(&t.conf).unwrap(), t.base);

        // The FIFO in the running configuration (written by hand), chronyd
        // gone: the poller reads the files again and goes on polling.
        std::fs::write(&t.conf, &text).unwrap();
        kill(h.chronyd_pid().expect("chronyd runs"));
        std::thread::sleep(Duration::from_secs(2));
        let first = h.snapshot().time;
        std::thread::sleep(Duration::from_secs(2));
        let later = h.snapshot().time;
        assert!(
            later > first + 1.0,
            "chrony {}: the poller stopped ({first} then {later})",
            r.label
        );
    }
}

/// A key file in chronyd's own state directory (an old guide's
/// `keyfile /var/lib/chrony/chrony.keys`; Debian gives /var/lib/chrony to
/// _chrony): chronyd starts with it, so lint warns and exits 0 (its errors
/// are what chronyd refuses), while the helper, which would run chronyd as
/// root on keys chronyd's user can rewrite, refuses it in system mode and
/// writes nothing.
#[test]
fn a_key_file_chronys_user_can_change_is_refused_by_the_helper_and_warned_by_lint() {
    if common::chronyd().is_none() || !attacker::available("_chrony") {
        return;
    }
    let r = &common::releases()[0];
    let t = tree();
    let keys = t.lib.join("chrony.keys");
    std::fs::write(
        &keys,
        "1 SHA1 HEX:0123456789ABCDEF0123456789ABCDEF01234567\n",
    )
    .unwrap();
    let text = format!("{}keyfile {}\n", t.base, keys.display());
    // The helper makes the run directory the pidfile needs.
    let h = helper(&t, &r.chronyd);
    let draft = t.root.join("draft.conf");
    std::fs::write(&draft, &text).unwrap();
    for (lang, owner_word) in OWNER_WORDS {
        let (code, d) = lint_finding(&draft, lang, "path-untrusted-file");
        assert_eq!(d["severity"], "warning");
        assert!(d["message"].as_str().unwrap().contains(owner_word), "{d}");
        assert_eq!(code, Some(0), "{d}");
    }
    let detail = refused_with(apply(&h, &text), ErrorCode::ApplyPathUntrusted);
    assert!(detail.contains("var/lib/chrony"), "{detail}");
    assert_eq!(std::fs::read_to_string(&t.conf).unwrap(), t.base);
}
