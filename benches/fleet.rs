//! The helper watching N real chronyd (`-x`, loopback, each its own UDP
//! cmdmon port) at 1 Hz: CPU share of one core and memory of the helper.
//!
//! Run: cargo bench --bench fleet [-- N SECONDS]   (default 100 hosts, 30 s)

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0")
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

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let secs: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(30);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap();
    let user = user.trim().to_string();
    let mut hosts = Vec::new();
    let mut chronyds = Vec::new();
    for i in 0..n {
        let cmd = free_port();
        let d = dir.join(format!("c{i}"));
        std::fs::create_dir_all(&d).unwrap();
        let conf = d.join("chrony.conf");
        std::fs::write(
            &conf,
            format!(
                "local stratum {}\nport 0\ncmdport {cmd}\nbindcmdaddress 127.0.0.1\ncmdallow 127.0.0.1\nbindcmdaddress {}/s.sock\npidfile {}/p.pid\n",
                1 + i % 10,
                d.display(),
                d.display()
            ),
        )
        .unwrap();
        let mut c = Command::new("chronyd");
        c.args(["-x", "-d", "-u", &user]);
        if user != "root" {
            c.arg("-U");
        }
        chronyds.push(Killed(
            c.arg("-f")
                .arg(&conf)
                .stderr(Stdio::null())
                .spawn()
                .expect("chronyd"),
        ));
        hosts.push(format!("127.0.0.1:{cmd}"));
    }
    let sock = dir.join("helper.sock");
    let mut h = Command::new(env!("CARGO_BIN_EXE_stratum-helper"));
    h.args([
        "--lab",
        "--ntp-port",
        &free_port().to_string(),
        "--data-dir",
    ])
    .arg(dir.join("data"))
    .arg("--socket")
    .arg(&sock);
    for w in &hosts {
        h.args(["--watch", w]);
    }
    let helper = Killed(h.stderr(Stdio::null()).spawn().expect("helper"));
    let pid = helper.0.id();
    // Let every watcher reach its host once.
    std::thread::sleep(Duration::from_secs(5));
    let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
        .args(["fleet", "--json", "--socket"])
        .arg(&sock)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let up = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reachable"] == true)
        .count();
    let c0 = cpu_seconds(pid);
    let t0 = Instant::now();
    std::thread::sleep(Duration::from_secs(secs));
    let cpu = cpu_seconds(pid) - c0;
    let wall = t0.elapsed().as_secs_f64();
    let rss = rss_kb(pid);
    println!("helper watching {n} chronyd at 1 Hz ({up} answering), {wall:.0} s measured:");
    println!(
        "  CPU {:.2} % of one core ({:.1} µs of CPU per host-poll)",
        100.0 * cpu / wall,
        1e6 * cpu / (wall * n as f64)
    );
    println!(
        "  RSS {rss} kB ({:.1} kB per host beyond an idle helper's ~8 MB)",
        (rss as f64 - 8000.0).max(0.0) / n as f64
    );
    drop(helper);
    drop(chronyds);
}
