//! The helper's idle cost with a roster of N devices (default 200): every
//! device answers NTP on its own loopback address (following the lab
//! server) and polls the lab server every 64 s like a client, so the helper
//! probes each one, reads chronyd's client log and judges them all on every
//! poll. Prints the helper's share of one core over the measured span (from
//! /proc/PID/stat), beside the same helper with no roster.
//!
//! Run: cargo bench --bench roster [-- N SECONDS]   (default 200 devices, 60 s)
//! Needs chronyd; the devices are 127.79.x.y, so nothing leaves loopback.

use std::net::{SocketAddr, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// utime + stime of a process, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    ticks / 100.0
}

fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

/// A lab helper from `conf` serving NTP on `port`, its files in `dir`.
fn helper(dir: &std::path::Path, conf: &str, port: u16) -> (Killed, std::path::PathBuf) {
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("lab.conf"), conf).unwrap();
    let sock = dir.join("helper.sock");
    let child = Command::new(env!("CARGO_BIN_EXE_stratum-helper"))
        .args(["--lab", "--ntp-port", &port.to_string(), "--config"])
        .arg(dir.join("lab.conf"))
        .arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--socket")
        .arg(&sock)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("stratum-helper");
    (Killed(child), sock)
}

/// A device at `addr`: answers every NTP request as a server following
/// the lab at `lab_at`, and sends it (and `also`) a client request every
/// 64 s (the first after `first`), until `stop`.
fn device(
    addr: SocketAddr,
    lab_at: SocketAddr,
    also: SocketAddr,
    first: Duration,
    stop: Arc<AtomicBool>,
) {
    let s = UdpSocket::bind(addr).expect("bind a device address");
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let refid = match lab_at.ip() {
        std::net::IpAddr::V4(v4) => u32::from(v4),
        std::net::IpAddr::V6(_) => unreachable!("the lab is on 127.79.0.1"),
    };
    let mut next_poll = Instant::now() + first;
    let mut buf = [0u8; 512];
    while !stop.load(Ordering::Relaxed) {
        if Instant::now() >= next_poll {
            for to in [lab_at, also] {
                let _ = s.send_to(&stratum::core::ntp::request(0x5eed), to);
            }
            next_poll += Duration::from_secs(64);
        }
        let Ok((n, from)) = s.recv_from(&mut buf) else {
            continue;
        };
        // Requests (mode 3) get an answer; the lab's replies are dropped.
        if n >= 48 && buf[0] & 7 == 3 {
            let req: [u8; 48] = buf[..48].try_into().unwrap();
            let t = now();
            let reply = stratum::core::ntp::reply_for(&req, 0, 9, refid, 0.0001, 0.0002, t, t);
            let _ = s.send_to(&reply, from);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let secs: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(60);
    assert!(n <= 500, "a roster holds 500 devices at most");
    let tmp = tempfile::tempdir().unwrap();
    let lab_ip: std::net::Ipv4Addr = "127.79.0.1".parse().unwrap();
    let lab_port = free_port();
    let dev_port = free_port();
    let with = tmp.path().join("with");
    let without = tmp.path().join("without");
    std::fs::create_dir_all(with.join("data")).unwrap();
    let mut roster = String::new();
    let mut addrs = Vec::new();
    for i in 0..n {
        let ip = format!("127.79.{}.{}", 1 + i / 250, 1 + i % 250);
        roster.push_str(&format!(
            "[[device]]\nname = \"dev-{i:03}\"\naddress = \"{ip}:{dev_port}\"\nkind = \"chrony\"\n\n"
        ));
        addrs.push(SocketAddr::new(ip.parse().unwrap(), dev_port));
    }
    std::fs::write(with.join("data/stratum.toml"), roster).unwrap();
    let conf = format!("bindaddress {lab_ip}\nallow 127.0.0.0/8\nlocal stratum 8\n");
    let (with_helper, sock) = helper(&with, &conf, lab_port);
    let (without_helper, without_sock) = helper(
        &without,
        "local stratum 8\nallow 127.0.0.0/8\n",
        free_port(),
    );
    // The same helper without a roster and with the same clients polling
    // it (the client log any busy server has).
    let clients_port = free_port();
    let (clients_helper, clients_sock) = helper(
        &tmp.path().join("clients"),
        "bindaddress 127.79.0.2\nlocal stratum 8\nallow 127.0.0.0/8\n",
        clients_port,
    );
    let lab_at = SocketAddr::new(lab_ip.into(), lab_port);
    let clients_at = SocketAddr::new("127.79.0.2".parse().unwrap(), clients_port);
    let stop = Arc::new(AtomicBool::new(false));
    let threads: Vec<_> = addrs
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let stop = Arc::clone(&stop);
            // Their polls spread over 64 s, as real clients' are.
            let first = Duration::from_millis(64_000 * i as u64 / n as u64);
            std::thread::spawn(move || device(a, lab_at, clients_at, first, stop))
        })
        .collect();
    // Every device asked once (the first queries are spread over a minute)
    // and seen polling.
    let warm = Instant::now();
    let mut following = 0;
    while warm.elapsed() < Duration::from_secs(90) {
        std::thread::sleep(Duration::from_secs(5));
        let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
            .args(["roster", "list", "--json", "--socket"])
            .arg(&sock)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        following = v["following"].as_u64().unwrap_or(0) as usize;
        if following == n && warm.elapsed() > Duration::from_secs(65) {
            break;
        }
    }
    let pids = [
        with_helper.0.id(),
        clients_helper.0.id(),
        without_helper.0.id(),
    ];
    println!(
        "helpers over {secs} s each; a roster of {n} devices ({following} following, all polling):"
    );
    let idle = measure(&pids, secs);
    report("idle (nobody reading)", &idle, n);
    // A window open on each: one subscriber taking every snapshot.
    let socks = [sock.clone(), clients_sock.clone(), without_sock.clone()];
    let readers: Vec<_> = socks
        .into_iter()
        .map(|s| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || subscribe(&s, &stop))
        })
        .collect();
    std::thread::sleep(Duration::from_secs(2));
    let watched = measure(&pids, secs);
    report("with a window subscribed", &watched, n);
    stop.store(true, Ordering::Relaxed);
    for t in threads.into_iter().chain(readers) {
        let _ = t.join();
    }
}

/// Each helper's share of one core (%) over `secs`.
fn measure(pids: &[u32], secs: u64) -> Vec<f64> {
    let c0: Vec<f64> = pids.iter().map(|p| cpu_seconds(*p)).collect();
    let t0 = Instant::now();
    std::thread::sleep(Duration::from_secs(secs));
    let wall = t0.elapsed().as_secs_f64();
    pids.iter()
        .zip(c0)
        .map(|(p, c)| 100.0 * (cpu_seconds(*p) - c) / wall)
        .collect()
}

fn report(what: &str, share: &[f64], n: usize) {
    println!(
        "  {what}: {:.2} % of one core; without a roster {:.2} % ({n} clients polling), {:.2} % (none)",
        share[0], share[1], share[2]
    );
}

/// Takes every snapshot the helper pushes, as the window does, until `stop`.
fn subscribe(sock: &std::path::Path, stop: &AtomicBool) {
    let mut c = stratum::ipc::client::IpcClient::connect(sock, Duration::from_secs(10))
        .expect("connect to the helper");
    c.request(stratum::ipc::RequestBody::Subscribe)
        .expect("subscribe");
    while !stop.load(Ordering::Relaxed) {
        if c.next_push().is_err() {
            break;
        }
    }
}
