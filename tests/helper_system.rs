//! System mode against a temporary root: the helper manages a chrony.conf
//! it does not own the paths of, keeps a timestamped backup beside it,
//! restarts chronyd for changes cmdmon cannot make, and rolls back a file
//! chronyd dies on. chronyd runs with -x; nothing under /etc is touched.

mod common;

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
    let upstream = Chronyd::start(
        &chronyd,
        root,
        "upstream",
        "local stratum 1\nallow 127.0.0.0/8",
    );
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
    assert_eq!(c.info.mode, "system");
    let pid = helper.chronyd_pid().unwrap();

    // makestep cannot be changed over cmdmon: restart, backup beside it.
    let changed = format!("{base}makestep 1 3\n");
    let ReplyBody::Applied(a) = c
        .request(RequestBody::Apply {
            config: changed.clone(),
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
    let dying = format!("{changed}refclock PHC /dev/null\n");
    match c.request(RequestBody::Apply { config: dying }).unwrap() {
        ReplyBody::Error { code, .. } => assert_eq!(code, "apply-rolled-back"),
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
