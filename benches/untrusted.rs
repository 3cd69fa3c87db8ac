//! The helper under outside pressure: its RSS and root's `stratum status`
//! latency (a) at rest, (b) watching a host that claims 100,000 sources and
//! one that has 65,536 and answers each, (c) with 1,000 slowloris
//! connections held on its metrics port while a real scraper asks every
//! 100 ms (the scraper's success rate and latency too).
//!
//! Run: cargo bench --bench untrusted
//! Another build (say the previous release) is measured with
//! STRATUM_HELPER=/path/to/stratum-helper STRATUM_CLI=/path/to/stratum.

#[path = "../tests/common/fakehost.rs"]
#[allow(dead_code)]
mod fakehost;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fakehost::{FakeHost, Lie};

fn free_port(udp: bool) -> u16 {
    if udp {
        std::net::UdpSocket::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    } else {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    }
}

fn exe(var: &str, built: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(built))
}

fn rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |k| k / 1024.0)
}

/// `stratum status` latencies over `n` calls: (p50, max, failures).
fn status_latency(cli: &PathBuf, socket: &PathBuf, n: usize) -> (Duration, Duration, usize) {
    let mut times = Vec::new();
    let mut failed = 0;
    for _ in 0..n {
        let start = Instant::now();
        let ok = Command::new(cli)
            .args(["status", "--json", "--socket"])
            .arg(socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        times.push(start.elapsed());
        if !ok {
            failed += 1;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    times.sort();
    (times[times.len() / 2], *times.last().unwrap(), failed)
}

fn scrape(port: u16) -> Option<Duration> {
    let start = Instant::now();
    let mut c = TcpStream::connect(("127.0.0.1", port)).ok()?;
    c.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    c.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        .ok()?;
    let mut body = Vec::new();
    c.read_to_end(&mut body).ok()?;
    body.starts_with(b"HTTP/1.1 200").then(|| start.elapsed())
}

struct Helper {
    child: Child,
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Helper {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn start(helper: &PathBuf, cli: &PathBuf, watch: &[String], metrics: u16) -> Helper {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("lab.conf");
    std::fs::write(&conf, "local stratum 10\nallow 127.0.0.0/8\n").unwrap();
    let socket = dir.path().join("helper.sock");
    let mut cmd = Command::new(helper);
    cmd.args(["--lab", "--poll-interval", "1"])
        .arg("--ntp-port")
        .arg(free_port(true).to_string())
        .arg("--config")
        .arg(&conf)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .arg("--socket")
        .arg(&socket)
        .arg("--metrics-listen")
        .arg(format!("127.0.0.1:{metrics}"));
    for w in watch {
        cmd.arg("--watch").arg(w);
    }
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let h = Helper {
        child,
        socket,
        _dir: dir,
    };
    let t = Instant::now();
    while status_latency(cli, &h.socket, 1).2 != 0 {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "helper did not come up"
        );
    }
    h
}

fn main() {
    let helper = exe("STRATUM_HELPER", env!("CARGO_BIN_EXE_stratum-helper"));
    let cli = exe("STRATUM_CLI", env!("CARGO_BIN_EXE_stratum"));
    println!("helper: {}", helper.display());

    // (a) at rest
    let m = free_port(false);
    let h = start(&helper, &cli, &[], m);
    std::thread::sleep(Duration::from_secs(3));
    let (p50, max, failed) = status_latency(&cli, &h.socket, 30);
    println!(
        "at rest:            RSS {:6.1} MiB, status p50 {p50:?} max {max:?} failed {failed}",
        rss_mib(h.child.id())
    );
    drop(h);

    // (b) lying watched hosts
    let big = FakeHost::start(Lie::Sources(100_000));
    let answered = FakeHost::start(Lie::Sources(65_536));
    let m = free_port(false);
    let mut h = start(&helper, &cli, &[big.spec(), answered.spec()], m);
    std::thread::sleep(Duration::from_secs(10));
    let (p50, max, failed) = status_latency(&cli, &h.socket, 30);
    let alive = h.child.try_wait().unwrap().is_none();
    println!(
        "100k-source hosts:  RSS {:6.1} MiB, status p50 {p50:?} max {max:?} failed {failed}, helper {}, page {} bytes",
        rss_mib(h.child.id()),
        if alive { "up" } else { "DOWN" },
        scrape_len(m)
    );
    drop(h);

    // (c) slowloris on the metrics port
    let m = free_port(false);
    let h = start(&helper, &cli, &[], m);
    let mut held = Vec::new();
    for _ in 0..1000 {
        if let Ok(mut c) = TcpStream::connect(("127.0.0.1", m)) {
            let _ = c.write_all(b"GET /metr");
            held.push(c);
        }
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let s2 = std::sync::Arc::clone(&stop);
    // The attacker keeps reconnecting what is closed.
    let attacker = std::thread::spawn(move || {
        while !s2.load(std::sync::atomic::Ordering::Relaxed) {
            for c in held.iter_mut() {
                if c.write_all(b"x").is_err()
                    && let Ok(n) = TcpStream::connect(("127.0.0.1", m))
                {
                    *c = n;
                    let _ = c.write_all(b"GET /metr");
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    let (mut ok, mut total, mut slowest) = (0, 0, Duration::ZERO);
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(10) {
        total += 1;
        if let Some(d) = scrape(m) {
            ok += 1;
            slowest = slowest.max(d);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let (p50, max, failed) = status_latency(&cli, &h.socket, 30);
    println!(
        "1000 slowloris:     RSS {:6.1} MiB, status p50 {p50:?} max {max:?} failed {failed}, scrapes {ok}/{total} answered (slowest {slowest:?})",
        rss_mib(h.child.id())
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = attacker.join();
}

fn scrape_len(port: u16) -> usize {
    let Ok(mut c) = TcpStream::connect(("127.0.0.1", port)) else {
        return 0;
    };
    let _ = c.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = c.write_all(b"GET /metrics HTTP/1.1\r\n\r\n");
    let mut body = Vec::new();
    let _ = c.read_to_end(&mut body);
    body.len()
}
