//! Real chronyd instances for tests: `-x` (never the system clock), files in
//! a temp dir, loopback ports only, stopped by pid when dropped.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A UDP port on 127.0.0.1 that nothing listens on right now.
pub fn free_udp_port() -> u16 {
    let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    s.local_addr().unwrap().port()
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
pub fn free_tcp_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct Chronyd {
    pub child: Child,
    /// The chronyc of the same release.
    pub chronyc: PathBuf,
    pub dir: PathBuf,
    pub socket: PathBuf,
    pub port: u16,
    pub log: PathBuf,
}

impl Chronyd {
    /// Starts chronyd with `body` plus the paths and ports it must own:
    /// NTP on a free loopback port, a command socket in `dir`.
    pub fn start(chronyd: &Path, dir: &Path, name: &str, body: &str) -> Chronyd {
        let port = free_udp_port();
        Self::start_on(chronyd, dir, name, body, port)
    }

    /// A stratum-1 server on loopback serving its own clock to 127.0.0.0/8:
    /// the upstream the lab tests follow (files `upstream.*` in `dir`).
    pub fn upstream(chronyd: &Path, dir: &Path) -> Chronyd {
        Self::start(
            chronyd,
            dir,
            "upstream",
            "local stratum 1\nallow 127.0.0.0/8",
        )
    }

    pub fn start_on(chronyd: &Path, dir: &Path, name: &str, body: &str, port: u16) -> Chronyd {
        Self::start_env(chronyd, dir, name, body, port, &[])
    }

    /// As `start`, in a network namespace with only loopback where no
    /// name resolves (`super::netns`), when this machine allows one;
    /// whether it is isolated comes back with it.
    pub fn start_isolated(chronyd: &Path, dir: &Path, name: &str, body: &str) -> (Chronyd, bool) {
        match super::netns::first(super::netns::Loopback::Only, chronyd) {
            Some(cmd) => (
                Self::start_cmd(cmd, chronyd, dir, name, body, free_udp_port(), &[]),
                true,
            ),
            None => (Self::start(chronyd, dir, name, body), false),
        }
    }

    /// As `start_on`, with extra environment (libfaketime's, say).
    pub fn start_env(
        chronyd: &Path,
        dir: &Path,
        name: &str,
        body: &str,
        port: u16,
        env: &[(&str, String)],
    ) -> Chronyd {
        Self::start_cmd(Command::new(chronyd), chronyd, dir, name, body, port, env)
    }

    fn start_cmd(
        mut cmd: Command,
        chronyd: &Path,
        dir: &Path,
        name: &str,
        body: &str,
        port: u16,
        env: &[(&str, String)],
    ) -> Chronyd {
        let sock_dir = dir.join(format!("{name}.run"));
        std::fs::create_dir_all(&sock_dir).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&sock_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        let socket = sock_dir.join("chronyd.sock");
        let conf = dir.join(format!("{name}.conf"));
        // The body comes last so that it can override (chrony uses the last
        // value of a directive).
        let text = format!(
            "port {port}\nbindaddress 127.0.0.1\ncmdport 0\nbindcmdaddress {}\npidfile {}\ndriftfile {}\n{body}\n",
            socket.display(),
            sock_dir.join("chronyd.pid").display(),
            dir.join(format!("{name}.drift")).display(),
        );
        std::fs::write(&conf, text).unwrap();
        let log = dir.join(format!("{name}.log"));
        let user = super::user_name();
        cmd.args(["-x", "-d", "-u", &user]);
        if user != "root" {
            cmd.arg("-U");
        }
        cmd.arg("-f").arg(&conf);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start chronyd");
        let mut c = Chronyd {
            child,
            chronyc: super::chronyc_for(chronyd),
            dir: dir.to_path_buf(),
            socket,
            port,
            log,
        };
        let start = Instant::now();
        while !c.socket.exists() {
            if let Ok(Some(status)) = c.child.try_wait() {
                panic!("chronyd {name} exited ({status}): {}", c.log_text());
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "chronyd {name} did not open its socket"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        c
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Runs chronyc against this chronyd's socket.
    pub fn chronyc(&self, args: &[&str]) -> String {
        let out = Command::new(&self.chronyc)
            .arg("-h")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("chronyc");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Chronyd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `f` until it returns `Some` or `limit` passes.
pub fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if start.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
