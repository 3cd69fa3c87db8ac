//! One full snapshot (tracking, sources, sourcestats, activity, serverstats,
//! clients) three ways against the same loopback chronyd:
//!   - Stratum's cmdmon client, directly;
//!   - through a running helper (what the GUI and `stratum status` do);
//!   - `stratum status --json` as a whole process (start, connect, hello,
//!     snapshot), which is what a user or a script runs;
//!   - six `chronyc -c` processes, as a script would.
//!
//! Run: cargo bench --bench snapshot

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use stratum::helper::cmdmon::{CmdmonClient, Endpoint};
use stratum::ipc::client::IpcClient;
use stratum::ipc::{ReplyBody, RequestBody};

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

fn stats(name: &str, mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p90 = samples[samples.len() * 9 / 10];
    println!(
        "{name:<44} median {:>9.1} µs   p90 {:>9.1} µs   (n={})",
        median.as_secs_f64() * 1e6,
        p90.as_secs_f64() * 1e6,
        samples.len()
    );
    median.as_secs_f64()
}

fn wait_socket(p: &Path) {
    let start = Instant::now();
    while !p.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no socket {}",
            p.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap();
    let user = user.trim();
    // An upstream for the helper's chronyd to follow.
    let up_port = free_port();
    std::fs::create_dir_all(dir.join("up")).unwrap();
    let up_conf = dir.join("up.conf");
    std::fs::write(
        &up_conf,
        format!(
            "local stratum 1\nallow 127.0.0.0/8\nport {up_port}\nbindaddress 127.0.0.1\ncmdport 0\nbindcmdaddress {d}/up/s.sock\npidfile {d}/up/p.pid\n",
            d = dir.display()
        ),
    )
    .unwrap();
    let mut args = vec!["-x", "-d", "-u", user];
    if user != "root" {
        args.push("-U");
    }
    let _up = Killed(
        Command::new("chronyd")
            .args(&args)
            .arg("-f")
            .arg(&up_conf)
            .stderr(Stdio::null())
            .spawn()
            .expect("chronyd"),
    );
    let lab = dir.join("lab.conf");
    std::fs::write(
        &lab,
        format!("server 127.0.0.1 port {up_port} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\n"),
    )
    .unwrap();
    let sock = dir.join("helper.sock");
    let _helper = Killed(
        Command::new(env!("CARGO_BIN_EXE_stratum-helper"))
            .args(["--lab", "--ntp-port", &free_port().to_string(), "--config"])
            .arg(&lab)
            .arg("--data-dir")
            .arg(dir.join("data"))
            .arg("--socket")
            .arg(&sock)
            .stderr(Stdio::null())
            .spawn()
            .expect("helper"),
    );
    wait_socket(&sock);
    let chronyd_sock = dir.join("data/run/chronyd/chronyd.sock");
    wait_socket(&chronyd_sock);
    std::thread::sleep(Duration::from_secs(3));

    let n = 300;
    let mut direct = Vec::new();
    let rt = stratum::helper::cmdmon::runtime();
    let mut c = rt
        .block_on(CmdmonClient::connect(&Endpoint::Unix(chronyd_sock.clone())))
        .unwrap();
    for _ in 0..n {
        let t = Instant::now();
        rt.block_on(async {
            c.tracking().await.unwrap();
            c.sources().await.unwrap();
            c.sourcestats().await.unwrap();
            c.activity().await.unwrap();
            c.serverstats().await.unwrap();
            c.clients(usize::MAX).await.unwrap();
        });
        direct.push(t.elapsed());
    }

    let mut via_helper = Vec::new();
    let mut h = IpcClient::connect(&sock, Duration::from_secs(5)).unwrap();
    for _ in 0..n {
        let t = Instant::now();
        let r = h.request(RequestBody::Snapshot).unwrap();
        assert!(matches!(r, ReplyBody::Snapshot(_)));
        via_helper.push(t.elapsed());
    }

    let mut status = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_stratum"))
            .args(["status", "--json", "--socket"])
            .arg(&sock)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        status.push(t.elapsed());
    }

    let mut chronyc = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        for report in [
            "tracking",
            "sources",
            "sourcestats",
            "activity",
            "serverstats",
            "clients",
        ] {
            let out = Command::new("chronyc")
                .arg("-h")
                .arg(&chronyd_sock)
                .args(["-c", "-n", report])
                .output()
                .unwrap();
            assert!(out.status.success());
        }
        chronyc.push(t.elapsed());
    }

    println!("full snapshot: tracking + sources + sourcestats + activity + serverstats + clients");
    let d = stats("stratum cmdmon client (direct)", direct);
    let v = stats("stratum helper over IPC (cached last poll)", via_helper);
    let p = stats("stratum status --json (whole process)", status);
    let x = stats("6 x chronyc -c (one process each)", chronyc);
    println!(
        "speed-up vs chronyc: direct {:.0}x, via helper {:.0}x, stratum status process {:.1}x",
        x / d,
        x / v,
        x / p
    );
}
