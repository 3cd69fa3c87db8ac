//! Idle CPU use of the real app (under Xvfb, software GL) while a lab
//! helper pushes a snapshot every second. Needs Xvfb and chronyd.
//! Run: cargo bench --bench gui_idle   (STRATUM_IDLE_SECS, default 30)

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces): utime, stime
    // are the 14th and 15th fields overall.
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

fn main() {
    let secs: u64 = std::env::var("STRATUM_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let lab = dir.join("lab.conf");
    std::fs::write(&lab, "local stratum 10 orphan\nallow 127.0.0.0/8\n").unwrap();
    let sock = dir.join("helper.sock");
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _helper = Killed(
        Command::new(env!("CARGO_BIN_EXE_stratum-helper"))
            .args([
                "--lab",
                "--poll-interval",
                "1",
                "--ntp-port",
                &port.to_string(),
                "--config",
            ])
            .arg(&lab)
            .arg("--data-dir")
            .arg(dir.join("data"))
            .arg("--socket")
            .arg(&sock)
            .stderr(Stdio::null())
            .spawn()
            .expect("helper"),
    );
    let display = format!(":{}", 90 + std::process::id() % 9);
    let _xvfb = Killed(
        Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x860x24",
                "-nolisten",
                "tcp",
            ])
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (apt-get install xvfb)"),
    );
    std::thread::sleep(Duration::from_secs(2));
    // Every panel by default (STRATUM_IDLE_PANELS=overview,plots for some),
    // each in a window of its own that starts on it.
    let panels: Vec<String> = std::env::var("STRATUM_IDLE_PANELS")
        .unwrap_or_else(|_| {
            "overview,sources,clients,plots,fleet,setup,upstreams,access,stratum,peers,advanced,apply,explain,export,settings".into()
        })
        .split(',')
        .map(str::to_string)
        .collect();
    println!(
        "panel       CPU % of a core   RSS MiB   ({secs} s each after 8 s, 1 Hz helper, software GL under Xvfb)"
    );
    for panel in panels {
        let (cpu, rss) = idle(dir, &display, &sock, &panel, secs);
        println!("{panel:<11} {cpu:>8.2}          {rss:>6.1}");
    }
}

/// CPU use (% of one core) and RSS (MiB) of a window left alone on `panel`.
fn idle(
    dir: &std::path::Path,
    display: &str,
    sock: &std::path::Path,
    panel: &str,
    secs: u64,
) -> (f64, f64) {
    let home = dir.join(format!("home-{panel}"));
    std::fs::create_dir_all(home.join("config/stratum")).unwrap();
    std::fs::write(
        home.join("config/stratum/settings.toml"),
        format!("panel = \"{panel}\"\n"),
    )
    .unwrap();
    let app = Killed(
        Command::new(env!("CARGO_BIN_EXE_stratum"))
            .env("DISPLAY", display)
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env("STRATUM_SOCKET", sock)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .stderr(Stdio::null())
            .spawn()
            .expect("stratum"),
    );
    let pid = app.0.id();
    std::thread::sleep(Duration::from_secs(8));
    let tick = 100.0; // USER_HZ
    let (c0, t0) = (cpu_ticks(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(secs));
    let (c1, t1) = (cpu_ticks(pid), Instant::now());
    let cpu = (c1 - c0) as f64 / tick;
    let wall = (t1 - t0).as_secs_f64();
    let rss_kb: f64 = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    drop(app);
    (100.0 * cpu / wall, rss_kb / 1024.0)
}
