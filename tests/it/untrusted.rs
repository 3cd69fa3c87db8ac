//! What reaches the helper from outside its own socket: watched hosts that
//! lie (a count of 2^32-1, 100,000 sources, garbage, truncated, oversized
//! and spoofed replies), a crowd of metrics scrapers, configurations whose
//! includes lead out of chrony's directories, a disk that fills in the
//! middle of an apply, and logs that are not files. The helper stays up,
//! small and answering; nothing outside its files is written.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::fakehost::{FakeHost, Lie};
use common::helper::HelperProc;
use common::lab::{free_tcp_port, free_udp_port, wait_for};
use stratum::ipc::{ReplyBody, RequestBody};

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap()
}

fn scrape(port: u16) -> Option<String> {
    let mut c = TcpStream::connect(("127.0.0.1", port)).ok()?;
    c.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    c.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        .ok()?;
    let mut body = String::new();
    c.read_to_string(&mut body).ok()?;
    Some(body)
}

#[test]
fn lying_watched_hosts_and_a_crowd_of_scrapers_leave_the_helper_small_and_answering() {
    if common::chronyd().is_none() {
        return;
    }
    let hosts = [
        FakeHost::start(Lie::Sources(u32::MAX)),
        FakeHost::start(Lie::Sources(100_000)),
        FakeHost::start(Lie::Sources(65_536)),
        FakeHost::start(Lie::Garbage),
        FakeHost::start(Lie::Truncated),
        FakeHost::start(Lie::Oversized),
        FakeHost::start(Lie::Spoofed),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let metrics = free_tcp_port();
    let metrics_arg = format!("127.0.0.1:{metrics}");
    let specs: Vec<String> = hosts.iter().map(FakeHost::spec).collect();
    let mut extra = vec!["--metrics-listen", &metrics_arg];
    for s in &specs {
        extra.push("--watch");
        extra.push(s);
    }
    let helper = HelperProc::start_lab_with(
        tmp.path(),
        "local stratum 10\nallow 127.0.0.0/8\n",
        free_udp_port(),
        &extra,
    );
    let pid = helper.child.id();

    // Every host has been judged: the liars by an error, the big one read.
    let rows = wait_for(Duration::from_secs(20), || {
        let ReplyBody::Fleet { hosts } = helper.client().ok()?.request(RequestBody::Fleet).ok()?
        else {
            return None;
        };
        let judged = hosts.iter().all(|h| h.error.is_some() || h.reachable);
        let big_read = hosts.iter().any(|h| h.sources == Some(65_536));
        (judged && big_read).then_some(hosts)
    })
    .expect("every watched host judged");
    let row = |i: usize| {
        rows.iter()
            .find(|r| r.host.to_string() == specs[i])
            .unwrap()
    };
    assert_eq!(row(0).error, Some(stratum::ipc::ErrorCode::ChronydProtocol));
    assert_eq!(row(1).error, Some(stratum::ipc::ErrorCode::ChronydProtocol));
    assert!(row(2).reachable);
    for (i, host) in hosts.iter().enumerate().skip(3) {
        assert!(!row(i).reachable, "{:?}", row(i));
        assert!(host.requests.load(std::sync::atomic::Ordering::Relaxed) > 0);
    }
    // The big host is kept to its first sources.
    let ReplyBody::Snapshot(big) = helper
        .client()
        .unwrap()
        .request(RequestBody::FleetHost {
            host: specs[2].parse().unwrap(),
        })
        .unwrap()
    else {
        panic!()
    };
    assert!(
        big.sources.len() <= 256 && !big.sources.is_empty(),
        "{}",
        big.sources.len()
    );

    // Sixteen scrapers at once, over and over, while root asks for status.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let scrapers: Vec<_> = (0..16)
        .map(|_| {
            let stop = std::sync::Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut pages = Vec::new();
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Some(p) = scrape(metrics) {
                        pages.push(p.len());
                    }
                }
                pages
            })
        })
        .collect();
    let mut slowest = Duration::ZERO;
    for _ in 0..20 {
        let start = Instant::now();
        let out = common::stratum()
            .args(["status", "--json", "--socket"])
            .arg(&helper.socket)
            .output()
            .unwrap();
        slowest = slowest.max(start.elapsed());
        // A whole snapshot, whatever its verdict (exit 1: an alarm).
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let pages: Vec<usize> = scrapers
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert!(
        slowest < Duration::from_secs(1),
        "status took {slowest:?} under scraping"
    );
    assert!(pages.len() >= 16, "scrapes answered: {}", pages.len());
    assert!(
        pages
            .iter()
            .all(|n| *n <= stratum::core::metrics::MAX_PAGE_BYTES + 4096)
    );
    let page = scrape(metrics).unwrap();
    assert!(
        page.contains(&format!("chrony_up{{server=\"{}\"}} 1", specs[2])),
        "{}",
        &page[..page.len().min(2000)]
    );
    assert!(page.contains(&format!("chrony_up{{server=\"{}\"}} 0", specs[0])));
    // The page is what any user may see: no server statistics.
    assert!(!page.contains("chrony_serverstats"));

    assert!(helper.log_text().contains("helper started"));
    let rss = rss_kib(pid);
    assert!(rss < 64 * 1024, "helper RSS {rss} KiB");
    let mut helper = helper;
    assert!(
        helper.child.try_wait().unwrap().is_none(),
        "the helper went down"
    );
}

/// A system-mode tree in a temporary root the helper may use (its
/// `--allow-path`), beside a directory it may not.
struct Tree {
    _tmp: tempfile::TempDir,
    root: std::path::PathBuf,
    outside: std::path::PathBuf,
    conf: std::path::PathBuf,
    base: String,
}

fn tree(chronyd: &Path) -> (Tree, HelperProc, common::lab::Chronyd) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    let outside = tmp.path().join("outside");
    let etc = root.join("etc/chrony");
    let run = root.join("run/chrony");
    for d in [&etc, &run, &outside] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    let upstream = common::lab::Chronyd::upstream(chronyd, tmp.path());
    let conf = etc.join("chrony.conf");
    let base = format!(
        "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nport {}\ncmdport 0\nbindaddress 127.0.0.1\nbindcmdaddress {}\npidfile {}\ndriftfile {}\n",
        upstream.port,
        free_udp_port(),
        run.join("chronyd.sock").display(),
        run.join("chronyd.pid").display(),
        root.join("drift").display()
    );
    std::fs::write(&conf, &base).unwrap();
    let helper = HelperProc::start_system_in(&root, tmp.path(), &conf);
    (
        Tree {
            _tmp: tmp,
            root,
            outside,
            conf,
            base,
        },
        helper,
        upstream,
    )
}

fn apply(h: &HelperProc, text: &str) -> Result<(), (String, String)> {
    let mut c = h.client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    match c
        .request(RequestBody::Apply {
            config: text.to_string().into(),
        })
        .unwrap()
    {
        ReplyBody::Applied(_) => Ok(()),
        ReplyBody::Error { code, detail } => Err((code.to_string(), detail.unwrap_or_default())),
        other => panic!("{other:?}"),
    }
}

#[test]
fn includes_that_lead_out_of_chronys_directories_are_refused_and_nothing_is_written() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let root_user = rustix::process::geteuid().is_root();
    let (t, helper, _upstream) = tree(&chronyd);
    let etc = t.root.join("etc/chrony");
    let conf_d = etc.join("conf.d");
    std::fs::create_dir_all(&conf_d).unwrap();
    // What an attacker's file says: write where root should not.
    let target = t.outside.join("created-by-root");
    let evil = format!("pidfile {}\n", target.display());
    std::fs::write(t.outside.join("x.conf"), &evil).unwrap();
    let shm = Path::new("/dev/shm").join(format!("stratum-test-{}.conf", std::process::id()));
    std::fs::write(&shm, &evil).unwrap();
    let tmp_file = std::env::temp_dir().join(format!("stratum-test-{}.conf", std::process::id()));
    std::fs::write(&tmp_file, &evil).unwrap();
    std::fs::write(t.outside.join("x.sources"), "server 192.0.2.1\n").unwrap();
    // A link inside the allowed tree that leads out of it.
    std::os::unix::fs::symlink(t.outside.join("x.conf"), conf_d.join("link.conf")).unwrap();

    let mut cases: Vec<(String, &str)> = vec![
        (
            format!("include {}", shm.display()),
            "apply-path-not-allowed",
        ),
        ("confdir /dev/shm".to_string(), "apply-path-not-allowed"),
        (
            format!("include {}", tmp_file.display()),
            "apply-path-not-allowed",
        ),
        (
            format!("include {}/*.conf", conf_d.display()),
            "apply-path-not-allowed",
        ),
        (
            format!("confdir {}", conf_d.display()),
            "apply-path-not-allowed",
        ),
        (
            format!("sourcedir {}", t.outside.display()),
            "apply-path-not-allowed",
        ),
        (
            format!("include {}/*/../../outside/x.conf", t.root.display()),
            "apply-path-not-allowed",
        ),
        (
            format!("include {}/../outside/x.conf", t.root.display()),
            "apply-path-not-allowed",
        ),
    ];
    if root_user {
        // A directory of another user inside the allowed tree.
        let users = t.root.join("users");
        std::fs::create_dir_all(&users).unwrap();
        std::fs::write(users.join("u.conf"), "server 192.0.2.2\n").unwrap();
        let nobody = nix::unistd::User::from_name("nobody").unwrap().unwrap();
        for p in [&users, &users.join("u.conf")] {
            std::os::unix::fs::chown(p, Some(nobody.uid.as_raw()), None).unwrap();
        }
        cases.push((
            format!("include {}/u.conf", users.display()),
            "apply-path-untrusted",
        ));
        cases.push((
            format!("confdir {}", users.display()),
            "apply-path-untrusted",
        ));
    } else {
        assert!(
            !common::in_ci(),
            "the user-owned directory case needs root in CI"
        );
    }
    for (line, code) in &cases {
        let text = format!("{}{line}\n", t.base);
        match apply(&helper, &text) {
            Err((got, _)) => assert_eq!(got, *code, "{line}"),
            Ok(()) => panic!("applied: {line}"),
        }
        assert_eq!(std::fs::read_to_string(&t.conf).unwrap(), t.base, "{line}");
        assert!(!target.exists(), "{line}: root wrote outside");
    }
    // Existing or not, a path outside says the same.
    let missing = apply(
        &helper,
        &format!("{}include /root/nothing/x.conf\n", t.base),
    )
    .unwrap_err();
    let existing = apply(&helper, &format!("{}include /etc/passwd\n", t.base)).unwrap_err();
    let strip =
        |(code, detail): (String, String)| (code, detail.split(':').next().map(str::to_owned));
    assert_eq!(strip(missing), strip(existing));
    let _ = std::fs::remove_file(&shm);
    let _ = std::fs::remove_file(&tmp_file);
    // A plain include inside the tree still works.
    std::fs::remove_file(conf_d.join("link.conf")).unwrap();
    std::fs::write(conf_d.join("ok.conf"), "makestep 1 3\n").unwrap();
    let with_confdir = format!("{}confdir {}\n", t.base, conf_d.display());
    apply(&helper, &with_confdir).unwrap();

    // The command socket's directory: one that exists (here the allowed
    // root itself) is never given away, whatever chronyd then makes of it.
    use std::os::unix::fs::MetadataExt;
    let before = std::fs::metadata(&t.root).unwrap();
    let r = apply(
        &helper,
        &format!(
            "{with_confdir}bindcmdaddress {}/cmd.sock\n",
            t.root.display()
        ),
    );
    let after = std::fs::metadata(&t.root).unwrap();
    assert_eq!(
        (before.uid(), before.gid(), before.mode()),
        (after.uid(), after.gid(), after.mode()),
        "{r:?}"
    );
}

/// Runs the helper in its own mount namespace with its data directory on
/// a small tmpfs, as a full disk would find it.
#[test]
fn a_disk_that_fills_during_a_lab_apply_leaves_both_files_old_and_a_later_apply_works() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    if !rustix::process::geteuid().is_root() {
        assert!(!common::in_ci(), "mounting a tmpfs needs root in CI");
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let socket = tmp.path().join("helper.sock");
    let log = tmp.path().join("helper.log");
    let initial = "local stratum 10\nallow 127.0.0.0/8\n";
    let conf = tmp.path().join("lab.conf");
    std::fs::write(&conf, initial).unwrap();
    let helper_bin = env!("CARGO_BIN_EXE_stratum-helper");
    let script = format!(
        "mount -t tmpfs -o size=256k tmpfs '{}' && exec '{helper_bin}' --lab --ntp-port {} --poll-interval 0.2 --config '{}' --data-dir '{}' --socket '{}' --chronyd '{}'",
        data.display(),
        free_udp_port(),
        conf.display(),
        data.display(),
        socket.display(),
        chronyd.display()
    );
    let child = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let guard = common::ChildGuard(child);
    let pid = guard.0.id();
    // The helper's view of its data directory.
    let view = Path::new("/proc")
        .join(pid.to_string())
        .join("root")
        .join(data.strip_prefix("/").unwrap());
    let client = || stratum::ipc::client::IpcClient::connect(&socket, Duration::from_secs(30)).ok();
    wait_for(Duration::from_secs(20), || {
        let mut c = client()?;
        match c.request(RequestBody::Snapshot).ok()? {
            ReplyBody::Snapshot(s) if s.tracking.is_some() => Some(()),
            _ => None,
        }
    })
    .unwrap_or_else(|| {
        panic!(
            "helper: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        )
    });
    let user_file = view.join("chrony.conf");
    let chronyd_file = view.join("run/chronyd.conf");
    let old_user = std::fs::read_to_string(&user_file).unwrap();
    let old_chronyd = std::fs::read_to_string(&chronyd_file).unwrap();

    // A change larger than what is left: fill the rest but a little.
    let padding = format!("# {}\n", "x".repeat(70)).repeat(100);
    let new = format!("{initial}{padding}makestep 1 3\n");
    let statvfs = rustix::fs::statvfs(&view).unwrap();
    let free = statvfs.f_bavail * statvfs.f_frsize;
    let leave = (new.len() as u64).div_ceil(4096) * 4096 + 4096;
    let filler = view.join("filler");
    std::fs::write(&filler, vec![0u8; (free - leave) as usize]).unwrap();
    let mut c = client().unwrap();
    c.set_timeout(Duration::from_secs(60));
    let r = c
        .request(RequestBody::Apply {
            config: new.clone().into(),
        })
        .unwrap();
    assert!(matches!(r, ReplyBody::Error { .. }), "{r:?}");
    assert!(
        std::fs::read_to_string(&user_file).unwrap() == old_user,
        "the user's file changed although the apply failed"
    );
    assert!(
        std::fs::read_to_string(&chronyd_file).unwrap() == old_chronyd,
        "chronyd's file changed although the apply failed"
    );
    // Room again: the same change goes through, to chronyd too.
    std::fs::remove_file(&filler).unwrap();
    match c
        .request(RequestBody::Apply {
            config: new.clone().into(),
        })
        .unwrap()
    {
        ReplyBody::Applied(a) => assert!(!a.unchanged, "{a:?}"),
        other => panic!(
            "{other:?}: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        ),
    }
    assert_eq!(std::fs::read_to_string(&user_file).unwrap(), new);
    assert!(
        std::fs::read_to_string(&chronyd_file)
            .unwrap()
            .contains("makestep 1 3")
    );
    drop(c);
    drop(guard);
}

#[test]
fn logs_that_are_not_files_are_skipped_and_the_helper_comes_up() {
    let Some(_) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let logs = tmp.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    std::os::unix::fs::symlink("/dev/zero", logs.join("tracking.log")).unwrap();
    let fifo = logs.join("measurements.log");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    // A line from a minute ago, in chronyd's statistics.log format.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        - 60;
    let (y, mo, d, h, mi, s) = stratum::core::civil_from_unix(now);
    std::fs::write(
        logs.join("statistics.log"),
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} 203.0.113.15     6.261e-04 -3.247e-04  6.262e-04 -1.237e-06  1.597e-06  8.1e-02  18   0   8  0.00\n"),
    )
    .unwrap();
    let logs_arg = logs.display().to_string();
    let helper = HelperProc::start_lab_with(
        tmp.path(),
        "local stratum 10\n",
        free_udp_port(),
        &["--import-logs", &logs_arg],
    );
    let ReplyBody::SeriesList { series } = helper
        .client()
        .unwrap()
        .request(RequestBody::SeriesList)
        .unwrap()
    else {
        panic!()
    };
    assert!(
        series
            .iter()
            .any(|s| s.to_string().contains("203.0.113.15")),
        "{series:?}"
    );
}
