//! System mode against a temporary root: the helper manages a chrony.conf
//! it does not own the paths of, keeps a timestamped backup beside it,
//! restarts chronyd for changes cmdmon cannot make, and rolls back a file
//! chronyd dies on. chronyd runs with -x; nothing under /etc is touched.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::ipc::{ReplyBody, RequestBody};

#[test]
fn system_mode_backs_up_restarts_and_rolls_back() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let upstream = Chronyd::upstream(&chronyd, root);
    let etc = root.join("etc/chrony");
    let run = root.join("run/chrony");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    let conf = etc.join("chrony.conf");
    let base = format!(
        "# the distribution's file\nserver 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10\nport {}\ncmdport 0\nbindaddress 127.0.0.1\nbindcmdaddress {}\npidfile {}\ndriftfile {}\n",
        upstream.port,
        free_udp_port(),
        run.join("chronyd.sock").display(),
        run.join("chronyd.pid").display(),
        root.join("drift").display()
    );
    std::fs::write(&conf, &base).unwrap();
    let helper = HelperProc::start_system(root, &conf);
    let mut c = helper.client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    assert_eq!(c.info.mode, stratum::ipc::Mode::System);
    let pid = helper.chronyd_pid().unwrap();

    // makestep cannot be changed over cmdmon: restart, backup beside it.
    let changed = format!("{base}makestep 1 3\n");
    let ReplyBody::Applied(a) = c
        .request(RequestBody::Apply {
            config: changed.clone().into(),
        })
        .unwrap()
    else {
        panic!()
    };
    assert!(a.restarted && !a.live, "{a:?}");
    let backup = std::path::PathBuf::from(a.backup.unwrap());
    assert_eq!(backup.parent(), Some(etc.as_path()));
    assert!(
        backup
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("chrony.conf.stratum-")
    );
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), base);
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), changed);
    assert_ne!(helper.chronyd_pid(), Some(pid), "chronyd was not restarted");
    assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());

    // chronyd dies on this one at start: the previous file comes back.
    // (A file that is not a PTP clock: chronyd -p and lint cannot tell,
    // chronyd stops on it at start.)
    let fake = root.join("fake-ptp");
    std::fs::write(&fake, "").unwrap();
    let dying = format!("{changed}refclock PHC {}\n", fake.display());
    match c
        .request(RequestBody::Apply {
            config: dying.into(),
        })
        .unwrap()
    {
        ReplyBody::Error { code, .. } => assert_eq!(code, stratum::ipc::ErrorCode::ApplyRolledBack),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), changed);
    assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());
    // Every step left a backup; none is lost.
    let backups = std::fs::read_dir(&etc)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".stratum-")
        })
        .count();
    assert!(backups >= 1);
}

/// A tree like the distribution's, in a temp root: chrony.conf a symlink to
/// a 0640 root:_chrony file, chronyd dropping to `_chrony`.
struct DistroRoot {
    _tmp: tempfile::TempDir,
    root: std::path::PathBuf,
    link: std::path::PathBuf,
    real: std::path::PathBuf,
    base: String,
    _upstream: Chronyd,
}

fn chrony_ids() -> Option<(u32, u32)> {
    let u = nix::unistd::User::from_name("_chrony").ok().flatten()?;
    Some((u.uid.as_raw(), u.gid.as_raw()))
}

fn distro_root(chronyd: &std::path::Path) -> Option<DistroRoot> {
    use std::os::unix::fs::{chown, symlink};
    if !rustix::process::geteuid().is_root() || chrony_ids().is_none() {
        assert!(
            !common::in_ci(),
            "system mode as _chrony needs root and the chrony package's _chrony user in CI"
        );
        eprintln!("skipped: needs root and a _chrony user");
        return None;
    }
    let (uid, gid) = chrony_ids()?;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    // _chrony must reach its files (and its reply sockets) through the root.
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let upstream = Chronyd::upstream(chronyd, &root);
    let etc = root.join("etc/chrony");
    let lib = root.join("var/lib/chrony");
    std::fs::create_dir_all(etc.join("real")).unwrap();
    std::fs::create_dir_all(&lib).unwrap();
    chown(&lib, Some(uid), Some(gid)).unwrap();
    let run = root.join("run/chrony");
    let base = format!(
        "# the distribution's file\nserver 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10\nport {}\ncmdport 0\nbindaddress 127.0.0.1\nbindcmdaddress {}\npidfile {}\ndriftfile {}\nuser _chrony\n",
        upstream.port,
        free_udp_port(),
        run.join("chronyd.sock").display(),
        run.join("chronyd.pid").display(),
        lib.join("chrony.drift").display()
    );
    let real = etc.join("real/chrony.conf");
    std::fs::write(&real, &base).unwrap();
    chown(&real, Some(0), Some(gid)).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = etc.join("chrony.conf");
    symlink("real/chrony.conf", &link).unwrap();
    Some(DistroRoot {
        _tmp: tmp,
        root,
        link,
        real,
        base,
        _upstream: upstream,
    })
}

fn apply(c: &mut stratum::ipc::client::IpcClient, text: &str) -> ReplyBody {
    c.request(RequestBody::Apply {
        config: text.to_string().into(),
    })
    .unwrap()
}

#[test]
fn system_mode_with_chronyd_as_chrony_user_reads_applies_and_rolls_back() {
    use std::os::unix::fs::MetadataExt;
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let Some(d) = distro_root(&chronyd) else {
        return;
    };
    let (_, chrony_gid) = chrony_ids().unwrap();
    let helper = HelperProc::start_system_as(&d.root, &d.link, "_chrony");

    // The status a user asks for answers in full: chronyd (as _chrony)
    // can write to the helper's reply socket.
    let out = common::stratum()
        .args(["status", "--json", "--socket"])
        .arg(&helper.socket)
        .output()
        .unwrap();
    // A whole snapshot (exit 1: whole, with an alarm raised).
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["tracking"]["stratum"].as_u64().is_some(), "{v}");
    assert!(v["serverstats"].is_object(), "{v}");
    let pid = helper.chronyd_pid().unwrap();
    let chronyd_user = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u32>()
        .unwrap();
    assert_eq!(
        Some(chronyd_user),
        chrony_ids().map(|i| i.0),
        "chronyd dropped to _chrony"
    );

    let mut c = helper.client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    // Live: an allow rule appended, the same chronyd.
    let live = format!("{}allow 10.20.0.0/16\n", d.base);
    let ReplyBody::Applied(a) = apply(&mut c, &live) else {
        panic!()
    };
    assert!(a.live && !a.restarted, "{a:?}");
    assert_eq!(helper.chronyd_pid(), Some(pid));
    // Written through the link, keeping mode, owner and group.
    assert!(
        std::fs::symlink_metadata(&d.link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&d.real).unwrap(), live);
    let m = std::fs::metadata(&d.real).unwrap();
    assert_eq!((m.mode() & 0o777, m.uid(), m.gid()), (0o640, 0, chrony_gid));
    // The backup sits beside the real file, no wider than 0600, same owner.
    let backup = std::path::PathBuf::from(a.backup.unwrap());
    assert_eq!(backup.parent(), d.real.parent());
    let bm = std::fs::metadata(&backup).unwrap();
    assert_eq!(
        (bm.mode() & 0o777, bm.uid(), bm.gid()),
        (0o600, 0, chrony_gid)
    );
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), d.base);

    // Restart: a directive cmdmon cannot change; chronyd answers again.
    let restart = format!("{live}maxupdateskew 50\n");
    let ReplyBody::Applied(a) = apply(&mut c, &restart) else {
        panic!()
    };
    assert!(a.restarted && !a.live, "{a:?}");
    let new_pid = helper.chronyd_pid().unwrap();
    assert_ne!(new_pid, pid);
    assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());

    // chronyd refuses this at start (not at `chronyd -p`): the file comes
    // back byte for byte, still through the link.
    let fake = d.root.join("fake-ptp");
    std::fs::write(&fake, "").unwrap();
    let dying = format!("{restart}refclock PHC {}\n", fake.display());
    match apply(&mut c, &dying) {
        ReplyBody::Error { code, .. } => assert_eq!(code, stratum::ipc::ErrorCode::ApplyRolledBack),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&d.real).unwrap(), restart.as_bytes());
    assert!(
        std::fs::symlink_metadata(&d.link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(wait_for(Duration::from_secs(10), || helper.snapshot().tracking).is_some());

    // A path outside chrony's directories is refused and changes nothing.
    let stolen = format!("{restart}include /etc/shadow\n");
    match apply(&mut c, &stolen) {
        ReplyBody::Error { code, detail } => {
            assert_eq!(code, stratum::ipc::ErrorCode::ApplyPathNotAllowed);
            assert!(detail.unwrap().contains("/etc/shadow"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&d.real).unwrap(), restart.as_bytes());
}

#[test]
fn backups_are_pruned_to_the_configured_number() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let Some(d) = distro_root(&chronyd) else {
        return;
    };
    let helper = HelperProc::start_system_as(&d.root, &d.link, "_chrony");
    let mut c = helper.client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    // 25 live applies within a few seconds: unique names, the last 20 kept.
    let mut text = d.base.clone();
    for i in 0..25 {
        text.push_str(&format!("allow 10.{i}.0.0/16\n"));
        assert!(matches!(apply(&mut c, &text), ReplyBody::Applied(_)));
    }
    let dir = d.real.parent().unwrap();
    let mut backups: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("chrony.conf.stratum-"))
        .collect();
    backups.sort();
    assert_eq!(backups.len(), 20, "{backups:?}");
    // The newest backup holds the text before the last apply.
    let newest = std::fs::read_to_string(dir.join(backups.last().unwrap())).unwrap();
    assert_eq!(newest.lines().count(), text.lines().count() - 1);
}

/// The distribution's way: no `-u` on the command line, `user _chrony` in
/// the file. The helper prepares chronyd's socket directory for that user
/// and talks to it.
#[test]
fn system_mode_follows_the_user_the_file_names() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let Some(d) = distro_root(&chronyd) else {
        return;
    };
    let helper = HelperProc::start_system_plain(&d.root, &d.link);
    let s = helper.snapshot();
    assert!(s.tracking.is_some() && s.serverstats.is_some(), "{s:?}");
    let pid = helper.chronyd_pid().unwrap();
    let uid = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        .unwrap();
    assert_eq!(uid.parse::<u32>().ok(), chrony_ids().map(|i| i.0));
}
