//! Root's `stratum status` under each attack of chronyd's own user and of
//! other local users (p50 and p99 of 60 calls, how many answered), and the
//! helper's threads and RSS under a connect flood:
//!
//! - at rest (the baseline);
//! - `_chrony` racing the reply sockets in chronyd's directory and killing
//!   chronyd every second (system mode);
//! - `_chrony` filling a glob and killing chronyd (the restarts refused);
//! - a FIFO where root reads a certificate, applied over and over;
//! - `nobody` flooding the helper's socket with connections (4 threads);
//! - a watched host with new source addresses at every poll;
//! - a 6 GiB sparse log and a log linked to `/proc/self/mem` at start (time
//!   until the helper first answers).
//!
//! Needs root and the `_chrony` user (the chrony package). Run:
//! `cargo bench --bench attacks` (or `--profile dev` to reuse a debug
//! build). Another build (say main's) is measured with
//! STRATUM_HELPER=/path/to/stratum-helper STRATUM_CLI=/path/to/stratum.

#[path = "../tests/common/attacker.rs"]
#[allow(dead_code)]
mod attacker;
#[path = "../tests/common/fakehost.rs"]
#[allow(dead_code)]
mod fakehost;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

fn exe(var: &str, built: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(built))
}

fn free_udp() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Helper {
    child: Child,
    socket: PathBuf,
}

impl Drop for Helper {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn spawn(helper: &Path, dir: &Path, args: &[String]) -> Helper {
    let socket = dir.join("helper.sock");
    let child = Command::new(helper)
        .args(args)
        .args(["--poll-interval", "0.2", "--data-dir"])
        .arg(dir.join("data"))
        .arg("--socket")
        .arg(&socket)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("helper.log")).unwrap())
        .spawn()
        .unwrap();
    Helper { child, socket }
}

/// One `stratum status`: how long, and whether it answered at all (0: a
/// full snapshot, 3: chronyd down, both answers); killed after 15 s.
fn status_once(cli: &Path, socket: &Path) -> (Duration, bool) {
    let start = Instant::now();
    let mut child = Command::new(cli)
        .args(["status", "--json", "--socket"])
        .arg(socket)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Ok(Some(s)) = child.try_wait() {
            // The helper answered: healthy (0), an alarm (1: these labs
            // serve their own clock) or a partial snapshot (3); 2 is none.
            return (start.elapsed(), matches!(s.code(), Some(0 | 1 | 3)));
        }
        if start.elapsed() > Duration::from_secs(15) {
            let _ = child.kill();
            let _ = child.wait();
            return (start.elapsed(), false);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// p50, p99 and answered/asked over `n` calls.
fn status_latency(cli: &Path, socket: &Path, n: usize) -> String {
    let mut times = Vec::new();
    let mut ok = 0;
    for _ in 0..n {
        let (t, answered) = status_once(cli, socket);
        times.push(t);
        ok += usize::from(answered);
        std::thread::sleep(Duration::from_millis(30));
    }
    times.sort();
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    format!(
        "status p50 {:7.1} ms  p99 {:7.1} ms  answered {ok}/{n}",
        p(0.5).as_secs_f64() * 1e3,
        p(0.99).as_secs_f64() * 1e3
    )
}

fn wait_up(cli: &Path, socket: &Path) -> Duration {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        if Command::new(cli)
            .args(["status", "--json", "--socket"])
            .arg(socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| matches!(s.code(), Some(0 | 1)))
        {
            return t.elapsed();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    t.elapsed()
}

/// A lab helper as root in a directory everyone may reach.
fn lab(helper: &Path, cli: &Path, extra: &[String]) -> (tempfile::TempDir, Helper) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let conf = dir.path().join("lab.conf");
    std::fs::write(&conf, "local stratum 10\nallow 127.0.0.0/8\n").unwrap();
    let mut args = vec![
        "--lab".to_string(),
        "--ntp-port".into(),
        free_udp().to_string(),
        "--config".into(),
        conf.display().to_string(),
    ];
    args.extend_from_slice(extra);
    let h = spawn(helper, dir.path(), &args);
    wait_up(cli, &h.socket);
    (dir, h)
}

/// A system-mode tree: `var/lib/chrony` is `_chrony`'s, `run/chrony` made
/// by the helper for `_chrony`.
struct Tree {
    dir: tempfile::TempDir,
    run: PathBuf,
    lib: PathBuf,
    conf: PathBuf,
    base: String,
}

fn tree() -> Tree {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (uid, gid) = attacker::ids("_chrony").unwrap();
    let (etc, lib, run) = (
        root.join("etc/chrony"),
        root.join("var/lib/chrony"),
        root.join("run/chrony"),
    );
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&lib).unwrap();
    std::os::unix::fs::chown(&lib, Some(uid), Some(gid)).unwrap();
    let base = format!(
        "local stratum 10\nallow 127.0.0.0/8\nport {}\ncmdport 0\nbindaddress 127.0.0.1\nbindcmdaddress {}\npidfile {}\ndriftfile {}\nuser _chrony\n",
        free_udp(),
        run.join("chronyd.sock").display(),
        run.join("chronyd.pid").display(),
        lib.join("chrony.drift").display()
    );
    let conf = etc.join("chrony.conf");
    std::fs::write(&conf, &base).unwrap();
    Tree {
        dir,
        run,
        lib,
        conf,
        base,
    }
}

fn system(helper: &Path, cli: &Path, t: &Tree) -> Helper {
    let args = [
        "--system".to_string(),
        "--own-chronyd".into(),
        "--chronyd-arg=-x".into(),
        format!("--allow-path={}", t.dir.path().display()),
        "--config".into(),
        t.conf.display().to_string(),
    ];
    let h = spawn(helper, t.dir.path(), &args);
    wait_up(cli, &h.socket);
    h
}

fn chronyd_pid(run: &Path) -> Option<u32> {
    std::fs::read_to_string(run.join("chronyd.pid"))
        .ok()?
        .trim()
        .parse()
        .ok()
}

fn kill(pid: u32) {
    if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
        let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
    }
}

fn main() {
    if !rustix::process::geteuid().is_root() || attacker::ids("_chrony").is_none() {
        println!("skipped: needs root and the _chrony user (apt-get install chrony)");
        return;
    }
    let helper = exe("STRATUM_HELPER", env!("CARGO_BIN_EXE_stratum-helper"));
    let cli = exe("STRATUM_CLI", env!("CARGO_BIN_EXE_stratum"));
    println!("helper: {}", helper.display());
    const N: usize = 60;

    // At rest.
    let (_d, h) = lab(&helper, &cli, &[]);
    println!(
        "at rest:                 {}",
        status_latency(&cli, &h.socket, N)
    );
    drop(h);

    // _chrony races the reply sockets and kills chronyd every second.
    let t = tree();
    let h = system(&helper, &cli, &t);
    let stop = Arc::new(AtomicBool::new(false));
    let (run, halt) = (t.run.clone(), Arc::clone(&stop));
    let victim = t.dir.path().join("etc/chrony/secret");
    std::fs::write(&victim, "x").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
    let target = victim.clone();
    let racer = attacker::spawn_as("_chrony", move || {
        let mut w = attacker::Watcher::new(&run).unwrap();
        let mut last = Instant::now();
        while !halt.load(Ordering::Relaxed) {
            for n in w.created(Duration::from_millis(20)) {
                if n.starts_with("stratum.") {
                    let p = run.join(n);
                    let _ = std::fs::remove_file(&p);
                    let _ = std::os::unix::fs::symlink(&target, &p);
                }
            }
            if last.elapsed() > Duration::from_secs(1) {
                last = Instant::now();
                if let Some(pid) = chronyd_pid(&run) {
                    kill(pid);
                }
            }
        }
    });
    let line = status_latency(&cli, &h.socket, N);
    stop.store(true, Ordering::Relaxed);
    let _ = racer.join();
    let mode = std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    println!("_chrony reply race:      {line}  victim mode {mode:o}");
    drop(h);

    // _chrony fills a glob (written by hand) and kills chronyd.
    let t = tree();
    std::fs::write(
        &t.conf,
        format!("{}include {}/*.conf\n", t.base, t.run.display()),
    )
    .unwrap();
    let h = system(&helper, &cli, &t);
    let (run, halt) = (t.run.clone(), Arc::new(AtomicBool::new(false)));
    let h2 = Arc::clone(&halt);
    let filler = attacker::spawn_as("_chrony", move || {
        let _ = std::fs::write(run.join("evil.conf"), "user root\n");
        while !h2.load(Ordering::Relaxed) {
            if let Some(pid) = chronyd_pid(&run) {
                kill(pid);
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    });
    let line = status_latency(&cli, &h.socket, N);
    halt.store(true, Ordering::Relaxed);
    let _ = filler.join();
    let root_chronyd = attacker::children_named(h.child.id(), "chronyd")
        .into_iter()
        .any(|p| attacker::uid_of(p) == Some(0));
    println!("_chrony planted glob:    {line}  chronyd as root: {root_chronyd}");
    drop(h);

    // A FIFO where root reads a certificate, applied over and over.
    let t = tree();
    let h = system(&helper, &cli, &t);
    let fifo = t.lib.join("server.crt");
    let made = fifo.clone();
    attacker::run_as("_chrony", move || attacker::mkfifo(&made));
    let text = format!(
        "{}ntsservercert {}\nntsserverkey {}\n",
        t.base,
        fifo.display(),
        t.lib.join("server.key").display()
    );
    let file = t.dir.path().join("fifo.conf");
    std::fs::write(&file, text).unwrap();
    let halt = Arc::new(AtomicBool::new(false));
    let (h2, cli2, socket2) = (Arc::clone(&halt), cli.clone(), h.socket.clone());
    let applier = std::thread::spawn(move || {
        while !h2.load(Ordering::Relaxed) {
            let mut c = Command::new(&cli2)
                .args(["config", "apply"])
                .arg(&file)
                .arg("--socket")
                .arg(&socket2)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let t = Instant::now();
            while c.try_wait().ok().flatten().is_none() && t.elapsed() < Duration::from_secs(20) {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = c.kill();
            let _ = c.wait();
        }
    });
    let line = status_latency(&cli, &h.socket, N);
    halt.store(true, Ordering::Relaxed);
    let _ = applier.join();
    println!("FIFO certificate apply:  {line}");
    drop(h);

    // nobody floods the socket with connections.
    let (_d, h) = lab(&helper, &cli, &[]);
    let pid = h.child.id();
    let (stop, made) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicU64::new(0)),
    );
    let flooders: Vec<_> = (0..4)
        .map(|_| {
            let (socket, stop, made) = (h.socket.clone(), Arc::clone(&stop), Arc::clone(&made));
            attacker::spawn_as("nobody", move || {
                while !stop.load(Ordering::Relaxed) {
                    if std::os::unix::net::UnixStream::connect(&socket).is_ok() {
                        made.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    let sampling = Arc::new(AtomicBool::new(true));
    let s2 = Arc::clone(&sampling);
    let sampler = std::thread::spawn(move || {
        let (mut threads, mut rss) = (0, 0);
        while s2.load(Ordering::Relaxed) {
            let (t, r) = attacker::threads_and_rss(pid);
            threads = threads.max(t);
            rss = rss.max(r);
            std::thread::sleep(Duration::from_millis(20));
        }
        (threads, rss)
    });
    let t0 = Instant::now();
    let line = status_latency(&cli, &h.socket, N);
    let rate = made.load(Ordering::Relaxed) as f64 / t0.elapsed().as_secs_f64();
    sampling.store(false, Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    flooders.into_iter().for_each(|f| {
        let _ = f.join();
    });
    let (threads, rss) = sampler.join().unwrap();
    println!(
        "connect flood:           {line}  {rate:.0} connections/s, helper at most {threads} threads, RSS {:.1} MiB",
        rss as f64 / 1024.0
    );
    drop(h);

    // A watched host with new source addresses at every poll.
    let host = fakehost::FakeHost::start(fakehost::Lie::Wandering);
    let metrics = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (_d, h) = lab(
        &helper,
        &cli,
        &[
            "--watch".into(),
            host.spec(),
            "--metrics-listen".into(),
            format!("127.0.0.1:{metrics}"),
        ],
    );
    let line = status_latency(&cli, &h.socket, N);
    println!("wandering watched host:  {line}");
    drop(h);

    // Logs: /proc/self/mem and a 6 GiB sparse file, at start.
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    std::os::unix::fs::symlink("/proc/self/mem", logs.join("tracking.log")).unwrap();
    std::fs::File::create(logs.join("measurements.log"))
        .unwrap()
        .set_len(6 << 30)
        .unwrap();
    let conf = dir.path().join("lab.conf");
    std::fs::write(&conf, "local stratum 10\n").unwrap();
    let started = Instant::now();
    let mut h = spawn(
        &helper,
        dir.path(),
        &[
            "--lab".into(),
            "--ntp-port".into(),
            free_udp().to_string(),
            "--config".into(),
            conf.display().to_string(),
            "--import-logs".into(),
            logs.display().to_string(),
        ],
    );
    let up = wait_up(&cli, &h.socket);
    let alive = h.child.try_wait().unwrap().is_none();
    let line = if alive {
        status_latency(&cli, &h.socket, N)
    } else {
        "helper exited".to_string()
    };
    println!(
        "hostile logs at start:   first answer after {:.2} s ({:?} since spawn)  {line}",
        up.as_secs_f64(),
        started.elapsed()
    );
}
