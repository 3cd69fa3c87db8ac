//! Applies as a user makes them, against a real lab helper and chronyd:
//! a restart apply from a CLI that exits right away leaves chronyd running;
//! concurrent applies are handled one after the other; a helper killed in
//! the middle of an apply leaves the old or the new file, never a mix.

use crate::common;

use std::time::{Duration, Instant};

use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::ipc::{ReplyBody, RequestBody};

fn base(upstream_port: u16) -> String {
    format!(
        "server 127.0.0.1 port {upstream_port} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\n"
    )
}

fn alive(pid: u32) -> bool {
    rustix::process::Pid::from_raw(pid as i32)
        .is_some_and(|p| rustix::process::test_kill_process(p).is_ok())
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

#[test]
fn a_restart_apply_survives_the_cli_that_asked_for_it() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let up = Chronyd::upstream(&chronyd, tmp.path());
    let helper = HelperProc::start_lab(tmp.path(), &base(up.port), free_udp_port());
    let before = helper.chronyd_pid().unwrap();
    let file = tmp.path().join("new.conf");
    std::fs::write(&file, format!("{}maxupdateskew 50\n", base(up.port))).unwrap();
    let out = common::stratum()
        .args(["config", "apply"])
        .arg(&file)
        .arg("--socket")
        .arg(&helper.socket)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("restarted"));
    // The CLI is gone; the chronyd it caused to start stays.
    let after = helper.chronyd_pid().unwrap();
    assert_ne!(after, before);
    // Killed with the CLI's connection it would be gone at once (its
    // death signal follows the thread that forked it): watch it for 3 s.
    let watch = Instant::now();
    while watch.elapsed() < Duration::from_secs(3) {
        assert_eq!(helper.chronyd_pid(), Some(after), "{}", helper.log_text());
        assert!(alive(after), "chronyd {after} died");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(helper.snapshot().tracking.is_some());
}

#[test]
fn concurrent_applies_are_handled_one_after_the_other() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let up = Chronyd::upstream(&chronyd, tmp.path());
    let helper = HelperProc::start_lab(tmp.path(), &base(up.port), free_udp_port());
    let texts: Vec<String> = [50, 60]
        .iter()
        .map(|v| format!("{}maxupdateskew {v}\n", base(up.port)))
        .collect();
    let answers: Vec<ReplyBody> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .map(|t| {
                let h = &helper;
                s.spawn(move || {
                    let mut c = h.client().unwrap();
                    c.set_timeout(Duration::from_secs(60));
                    c.request(RequestBody::Apply {
                        config: t.clone().into(),
                    })
                    .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let applied: Vec<_> = answers
        .iter()
        .map(|a| match a {
            ReplyBody::Applied(a) => a.clone(),
            other => panic!("no definite answer: {other:?}"),
        })
        .collect();
    let now = std::fs::read_to_string(helper.data.join("chrony.conf")).unwrap();
    let last = texts
        .iter()
        .position(|t| *t == now)
        .expect("the file is one of them");
    let first = 1 - last;
    // The second one saw the first one's file: its backup is that text.
    let backup = applied[last].backup.as_ref().unwrap();
    assert_eq!(std::fs::read_to_string(backup).unwrap(), texts[first]);
    assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());
}

/// A helper killed inside an apply's write, at each step of it (staging
/// the first file, the second, before the first rename, between the two
/// renames): each file is whole, old or new, and a helper started again
/// serves a consistent lab (chronyd's file made from the user's) and clears
/// what the dead writer left. The kill lands there every time: the writer
/// stops at a fault point (debug builds) and says so.
#[test]
fn a_helper_killed_mid_apply_leaves_the_old_or_the_new_file() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let up = Chronyd::upstream(&chronyd, tmp.path());
    let old = base(up.port);
    let new = format!("{old}maxupdateskew 50\n");
    for point in [
        "hold-stage:1",
        "hold-stage:2",
        "hold-rename:1",
        "hold-rename:2",
    ] {
        let dir = tmp.path().join(point.replace(':', "-"));
        std::fs::create_dir_all(&dir).unwrap();
        let (arm, mark) = (dir.join("arm"), dir.join("mark"));
        let env = [
            ("STRATUM_FAULT", std::ffi::OsStr::new(point)),
            ("STRATUM_FAULT_ARM", arm.as_os_str()),
            ("STRATUM_FAULT_MARK", mark.as_os_str()),
        ];
        let mut helper = HelperProc::start_lab_env(&dir, &old, free_udp_port(), &env);
        let conf = helper.data.join("chrony.conf");
        let chronyd_conf_before = std::fs::read(helper.data.join("run/chronyd.conf")).unwrap();
        std::fs::write(&arm, "").unwrap();
        let sock = helper.socket.clone();
        let text = new.clone();
        let t = std::thread::spawn(move || {
            if let Ok(mut c) =
                stratum::ipc::client::IpcClient::connect(&sock, Duration::from_secs(30))
            {
                let _ = c.request(RequestBody::Apply {
                    config: text.into(),
                });
            }
        });
        assert!(
            wait_for(Duration::from_secs(20), || mark.exists().then_some(())).is_some(),
            "{point}: the writer never reached its fault point"
        );
        helper.kill_hard();
        let _ = t.join();
        let user = std::fs::read_to_string(&conf).unwrap();
        let lab = std::fs::read(helper.data.join("run/chronyd.conf")).unwrap();
        let want_user = if point == "hold-rename:2" { &new } else { &old };
        assert_eq!(&user, want_user, "{point}: the user's file");
        assert_eq!(lab, chronyd_conf_before, "{point}: chronyd's file");
        // Started again: chronyd runs what the user's file says.
        std::fs::remove_file(&arm).unwrap();
        let conf_arg = dir.join("lab.conf");
        std::fs::write(&conf_arg, &user).unwrap();
        let again = HelperProc::start_lab_env(&dir, &user, free_udp_port(), &[]);
        let lab_text = std::fs::read_to_string(again.data.join("run/chronyd.conf")).unwrap();
        let wants_skew = user.contains("maxupdateskew 50");
        assert_eq!(
            lab_text.contains("maxupdateskew 50"),
            wants_skew,
            "{point}: {lab_text}"
        );
        // The next write clears what the killed writer left beside the files.
        let mut c = again.client().unwrap();
        let _ = c.request(RequestBody::Apply {
            config: format!("{user}# after {point}\n").into(),
        });
        let leftovers: Vec<String> = [again.data.clone(), again.data.join("run")]
            .iter()
            .flat_map(|d| std::fs::read_dir(d).unwrap().flatten())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".stratum-") && (n.ends_with(".tmp") || n.ends_with(".old")))
            .collect();
        assert!(leftovers.is_empty(), "{point}: {leftovers:?}");
    }
}
