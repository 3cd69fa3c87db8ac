//! Another local user inside the test process: a thread that drops to that
//! user's uid, gid and groups with the per-thread credential calls (Linux
//! keeps credentials per thread; the rest of the process stays root), then
//! does what that user could do: plant files, links and FIFOs, race root
//! with inotify, signal its own processes, flood a socket.

use std::os::fd::OwnedFd;
use std::path::Path;
use std::thread::JoinHandle;

/// A user's ids (NSS).
pub fn ids(user: &str) -> Option<(u32, u32)> {
    let u = nix::unistd::User::from_name(user).ok().flatten()?;
    Some((u.uid.as_raw(), u.gid.as_raw()))
}

/// Whether attacks as `user` can run here (root, and the user exists); a
/// test that needs it fails under CI=true when not.
pub fn available(user: &str) -> bool {
    let ok = rustix::process::geteuid().is_root() && ids(user).is_some();
    if !ok {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true" || v == "1"),
            "attacks as {user} need root and the user {user} in CI"
        );
        eprintln!("skipped: needs root and a user {user}");
    }
    ok
}

/// Runs `f` on a new thread as `user` (uid, gid, no supplementary groups
/// but the user's primary one). Only that thread changes.
pub fn spawn_as<T: Send + 'static>(
    user: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> JoinHandle<T> {
    let (uid, gid) = ids(user).expect("user exists");
    std::thread::spawn(move || {
        use rustix::thread::{set_thread_groups, set_thread_res_gid, set_thread_res_uid};
        let g = rustix::fs::Gid::from_raw(gid);
        set_thread_groups(&[g]).expect("setgroups");
        set_thread_res_gid(g, g, g).expect("setresgid");
        let u = rustix::fs::Uid::from_raw(uid);
        set_thread_res_uid(u, u, u).expect("setresuid");
        f()
    })
}

/// Runs `f` as `user` and waits for it.
pub fn run_as<T: Send + 'static>(user: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    spawn_as(user, f).join().expect("attacker thread")
}

/// An inotify watch on `dir` for new entries, read without blocking.
pub struct Watcher {
    fd: OwnedFd,
    buf: Vec<std::mem::MaybeUninit<u8>>,
}

impl Watcher {
    pub fn new(dir: &Path) -> std::io::Result<Watcher> {
        use rustix::fs::inotify;
        let fd = inotify::init(inotify::CreateFlags::CLOEXEC)?;
        inotify::add_watch(
            &fd,
            dir,
            inotify::WatchFlags::CREATE | inotify::WatchFlags::MOVED_TO,
        )?;
        Ok(Watcher {
            fd,
            buf: vec![std::mem::MaybeUninit::uninit(); 64 * 1024],
        })
    }

    /// The names created since the last call, waiting at most `wait`.
    pub fn created(&mut self, wait: std::time::Duration) -> Vec<String> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let ts = Timespec {
            tv_sec: wait.as_secs() as i64,
            tv_nsec: i64::from(wait.subsec_nanos()),
        };
        let mut fds = [PollFd::new(&self.fd, PollFlags::IN)];
        if !matches!(poll(&mut fds, Some(&ts)), Ok(n) if n > 0) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut reader = rustix::fs::inotify::Reader::new(&self.fd, &mut self.buf);
        while let Ok(e) = reader.next() {
            if let Some(n) = e.file_name() {
                out.push(n.to_string_lossy().into_owned());
            }
            if reader.is_buffer_empty() {
                break;
            }
        }
        out
    }
}

/// Makes a FIFO at `path`.
pub fn mkfifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .expect("mkfifo");
}

/// A process's uid (real) from /proc.
pub fn uid_of(pid: u32) -> Option<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find(|l| l.starts_with("Uid:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// A process's thread count and resident memory (KiB) from /proc.
pub fn threads_and_rss(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("Threads:"), field("VmRSS:"))
}

/// The pids of `name` processes whose parent is `parent`.
pub fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // pid (comm) state ppid ...
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let comm = &stat[stat.find('(').map_or(0, |i| i + 1)..close];
        let ppid = stat[close + 1..]
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok());
        if comm == name && ppid == Some(parent) {
            out.push(pid);
        }
    }
    out
}
