//! A real `stratum-helper` process for tests, stopped by pid when dropped.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use stratum::ipc::client::IpcClient;
use stratum::ipc::{ReplyBody, RequestBody, Snapshot};

pub struct HelperProc {
    pub child: Child,
    pub socket: PathBuf,
    pub data: PathBuf,
    pub log: PathBuf,
}

impl HelperProc {
    /// A lab helper started from `config`, NTP on `ntp_port`, polling fast.
    pub fn start_lab(dir: &Path, config: &str, ntp_port: u16) -> HelperProc {
        Self::start_lab_with(dir, config, ntp_port, &[])
    }

    /// A lab helper with extra arguments (`--chronyd PATH` for a release).
    pub fn start_lab_with(dir: &Path, config: &str, ntp_port: u16, extra: &[&str]) -> HelperProc {
        Self::start_lab_bytes(dir, config.as_bytes(), ntp_port, extra)
    }

    /// As [`Self::start_lab_with`], from any bytes (a chrony.conf need not
    /// be UTF-8).
    pub fn start_lab_bytes(dir: &Path, config: &[u8], ntp_port: u16, extra: &[&str]) -> HelperProc {
        let conf = dir.join("lab.conf");
        std::fs::write(&conf, config).unwrap();
        let port = ntp_port.to_string();
        let mut args = vec!["--lab", "--ntp-port", &port];
        args.extend_from_slice(extra);
        Self::start(dir, &conf, &args)
    }

    /// A system-mode helper managing the chrony.conf at `conf` (in a temp
    /// root), running chronyd itself with `-x`.
    /// The temp root is an allowed path: chronyd's files live there.
    pub fn start_system(dir: &Path, conf: &Path) -> HelperProc {
        Self::start_system_as(dir, conf, &super::user_name())
    }

    /// System mode with chronyd dropping to `user` (`_chrony` as on Debian).
    pub fn start_system_as(dir: &Path, conf: &Path, user: &str) -> HelperProc {
        let user_arg = format!("--chronyd-arg={user}");
        let allow = format!("--allow-path={}", dir.display());
        let mut args = vec![
            "--system",
            "--own-chronyd",
            "--chronyd-arg=-x",
            "--chronyd-arg=-u",
            &user_arg,
            &allow,
        ];
        if super::user_name() != "root" {
            args.push("--chronyd-arg=-U");
        }
        Self::start(dir, conf, &args)
    }

    /// System mode whose allowed place (`--allow-path`) is `allowed`, with
    /// the helper's own files (data, socket, log) in `dir`.
    pub fn start_system_in(allowed: &Path, dir: &Path, conf: &Path) -> HelperProc {
        let user = super::user_name();
        let user_arg = format!("--chronyd-arg={user}");
        let allow = format!("--allow-path={}", allowed.display());
        let mut args = vec![
            "--system",
            "--own-chronyd",
            "--chronyd-arg=-x",
            "--chronyd-arg=-u",
            &user_arg,
            &allow,
        ];
        if user != "root" {
            args.push("--chronyd-arg=-U");
        }
        Self::start(dir, conf, &args)
    }

    /// System mode with chronyd run as the helper's child and only `-x`:
    /// the user it drops to comes from the file (or chrony's default).
    pub fn start_system_plain(dir: &Path, conf: &Path) -> HelperProc {
        let allow = format!("--allow-path={}", dir.display());
        Self::start(
            dir,
            conf,
            &["--system", "--own-chronyd", "--chronyd-arg=-x", &allow],
        )
    }

    fn start(dir: &Path, conf: &Path, mode_args: &[&str]) -> HelperProc {
        Self::start_env(dir, conf, mode_args, &[])
    }

    /// System mode, chronyd run by the helper with `-x`, dropping to
    /// `user`, the temp root `dir` allowed, plus `extra` arguments.
    pub fn start_system_with(dir: &Path, conf: &Path, user: &str, extra: &[&str]) -> HelperProc {
        let user_arg = format!("--chronyd-arg={user}");
        let allow = format!("--allow-path={}", dir.display());
        let mut args = vec![
            "--system",
            "--own-chronyd",
            "--chronyd-arg=-x",
            "--chronyd-arg=-u",
            &user_arg,
            &allow,
        ];
        args.extend_from_slice(extra);
        Self::start(dir, conf, &args)
    }

    /// A helper with exactly these mode arguments, waited for until chronyd
    /// answers.
    pub fn start_args(dir: &Path, conf: &Path, args: &[&str]) -> HelperProc {
        Self::start(dir, conf, args)
    }

    /// A helper process started with these arguments, not waited for.
    pub fn spawn(dir: &Path, args: &[&str]) -> HelperProc {
        let data = dir.join("data");
        let socket = dir.join("helper.sock");
        let log = dir.join("helper.log");
        let child = Command::new(env!("CARGO_BIN_EXE_stratum-helper"))
            .args(args)
            .args(["--poll-interval", "0.2"])
            .arg("--data-dir")
            .arg(&data)
            .arg("--socket")
            .arg(&socket)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start helper");
        HelperProc {
            child,
            socket,
            data,
            log,
        }
    }

    /// A lab helper with extra environment (fault injection).
    pub fn start_lab_env(
        dir: &Path,
        config: &str,
        ntp_port: u16,
        env: &[(&str, &std::ffi::OsStr)],
    ) -> HelperProc {
        Self::start_lab_env_with(dir, config, ntp_port, &[], env)
    }

    /// A lab helper with extra arguments and environment (a release's
    /// chronyd under libfaketime, say).
    pub fn start_lab_env_with(
        dir: &Path,
        config: &str,
        ntp_port: u16,
        extra: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> HelperProc {
        let conf = dir.join("lab.conf");
        std::fs::write(&conf, config).unwrap();
        let port = ntp_port.to_string();
        let mut args = vec!["--lab", "--ntp-port", &port];
        args.extend_from_slice(extra);
        Self::start_env(dir, &conf, &args, env)
    }

    /// A lab helper as the first process of a private network namespace
    /// with the ntpd host's address (`common::netns`, checked usable
    /// first): its chronyd serves NTP on `ntp_port` of the namespace's
    /// loopback; its socket is reached from outside as usual.
    pub fn start_lab_netns(dir: &Path, config: &str, ntp_port: u16, extra: &[&str]) -> HelperProc {
        let conf = dir.join("lab.conf");
        std::fs::write(&conf, config).unwrap();
        let port = ntp_port.to_string();
        let mut args = vec!["--lab", "--ntp-port", &port];
        args.extend_from_slice(extra);
        let cmd = super::netns::first(
            super::netns::Loopback::NtpdHost,
            Path::new(env!("CARGO_BIN_EXE_stratum-helper")),
        )
        .expect("netns::unusable is asked first");
        Self::start_cmd(cmd, dir, &conf, &args, &[])
    }

    /// A lab helper (and so its chronyd) in a network namespace with only
    /// loopback, where no name resolves and nothing leaves the machine
    /// (`super::netns`); a plain one where namespaces are not allowed.
    /// Whether it is isolated comes back with it.
    pub fn start_lab_isolated(
        dir: &Path,
        config: &str,
        ntp_port: u16,
        extra: &[&str],
    ) -> (HelperProc, bool) {
        let conf = dir.join("lab.conf");
        std::fs::write(&conf, config).unwrap();
        let port = ntp_port.to_string();
        let mut args = vec!["--lab", "--ntp-port", &port];
        args.extend_from_slice(extra);
        let program = Path::new(env!("CARGO_BIN_EXE_stratum-helper"));
        match super::netns::first(super::netns::Loopback::Only, program) {
            Some(cmd) => (Self::start_cmd(cmd, dir, &conf, &args, &[]), true),
            None => (Self::start_env(dir, &conf, &args, &[]), false),
        }
    }

    fn start_env(
        dir: &Path,
        conf: &Path,
        mode_args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> HelperProc {
        let cmd = Command::new(env!("CARGO_BIN_EXE_stratum-helper"));
        Self::start_cmd(cmd, dir, conf, mode_args, env)
    }

    fn start_cmd(
        mut cmd: Command,
        dir: &Path,
        conf: &Path,
        mode_args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> HelperProc {
        let data = dir.join("data");
        let socket = dir.join("helper.sock");
        let log = dir.join("helper.log");
        let child = cmd
            .envs(env.iter().copied())
            .args(mode_args)
            .args(["--poll-interval", "0.2"])
            .arg("--config")
            .arg(conf)
            .arg("--data-dir")
            .arg(&data)
            .arg("--socket")
            .arg(&socket)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start helper");
        let h = HelperProc {
            child,
            socket,
            data,
            log,
        };
        let start = Instant::now();
        loop {
            if let Ok(mut c) = h.client() {
                if let Ok(ReplyBody::Snapshot(s)) = c.request(RequestBody::Snapshot) {
                    if s.tracking.is_some() {
                        break;
                    }
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "helper did not come up: {}",
                std::fs::read_to_string(&h.log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        h
    }

    pub fn client(&self) -> Result<IpcClient, stratum::ipc::client::IpcError> {
        IpcClient::connect(&self.socket, Duration::from_secs(30))
    }

    pub fn snapshot(&self) -> Snapshot {
        match self
            .client()
            .unwrap()
            .request(RequestBody::Snapshot)
            .unwrap()
        {
            ReplyBody::Snapshot(s) => *s,
            other => panic!("{other:?}"),
        }
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL, as an OOM killer or a power cut would.
    pub fn kill_hard(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn chronyd_pid(&self) -> Option<u32> {
        self.client().unwrap().info.chronyd_pid
    }
}

impl Drop for HelperProc {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
