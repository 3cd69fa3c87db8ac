//! Starting, watching and restarting chronyd. In lab mode (and in system
//! mode without systemd) the helper runs chronyd as its child and reads its
//! stderr — chronyd keeps running with its command socket disabled after
//! "Wrong permissions", so the log is the only place that says why nothing
//! answers. Under systemd the helper asks systemctl.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::cmdmon::{CmdmonClient, Endpoint};
use super::paths::Paths;

const LOG_LINES: usize = 40;

#[derive(Debug, Clone)]
pub enum Control {
    /// The helper runs chronyd: `args` are the mode's flags (lab: `-x`,
    /// the user to run as), `config` the file it reads.
    Owned { chronyd: PathBuf, args: Vec<String> },
    /// systemd runs chronyd as `unit`.
    Systemd { unit: String },
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SupervisorError {
    #[error("chronyd is not installed")]
    NotInstalled,
    #[error("chronyd could not be started: {0}")]
    Spawn(String),
    #[error("chronyd stopped: {0}")]
    Exited(String),
    #[error("chronyd does not answer on its command socket")]
    NotAnswering,
    #[error("systemctl failed: {0}")]
    Systemctl(String),
}

impl SupervisorError {
    pub fn code(&self) -> &'static str {
        match self {
            SupervisorError::NotInstalled => "chronyd-not-installed",
            SupervisorError::Spawn(_) => "chronyd-spawn",
            SupervisorError::Exited(_) => "chronyd-exited",
            SupervisorError::NotAnswering => "chronyd-not-answering",
            SupervisorError::Systemctl(_) => "chronyd-systemctl",
        }
    }
}

pub struct Supervisor {
    pub control: Control,
    pub paths: Paths,
    child: Option<Child>,
    log: Arc<Mutex<VecDeque<String>>>,
    /// Why chronyd last stopped on its own.
    pub last_exit: Option<String>,
    failures: u32,
    retry_at: Option<Instant>,
}

/// Finds chronyd in the usual places and on PATH.
pub fn find_chronyd() -> Option<PathBuf> {
    [
        "/usr/sbin/chronyd",
        "/sbin/chronyd",
        "/usr/local/sbin/chronyd",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("chronyd"))
                .find(|p| p.exists())
        })
    })
}

/// The name of the user this process runs as, for chronyd's `-u`.
pub fn current_user_name() -> String {
    let uid = rustix::process::geteuid().as_raw();
    std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|p| {
            p.lines().find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.len() > 2 && f[2] == uid.to_string()).then(|| f[0].to_string())
            })
        })
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "root".into())
}

impl Supervisor {
    pub fn new(control: Control, paths: Paths) -> Supervisor {
        Supervisor {
            control,
            paths,
            child: None,
            log: Arc::new(Mutex::new(VecDeque::new())),
            last_exit: None,
            failures: 0,
            retry_at: None,
        }
    }

    /// The flags of a lab chronyd: never the system clock, foreground, as
    /// this user.
    pub fn lab_args() -> Vec<String> {
        let user = current_user_name();
        let mut args = vec![
            "-x".to_string(),
            "-d".to_string(),
            "-u".to_string(),
            user.clone(),
        ];
        if user != "root" {
            args.push("-U".into());
        }
        args
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    pub fn log_tail(&self) -> Vec<String> {
        self.log.lock().unwrap().iter().cloned().collect()
    }

    fn note(&self, line: String) {
        let mut log = self.log.lock().unwrap();
        if log.len() >= LOG_LINES {
            log.pop_front();
        }
        log.push_back(line);
    }

    fn ensure_socket_dir(&self) -> std::io::Result<()> {
        if let Some(dir) = self.paths.chronyd_socket.parent() {
            std::fs::create_dir_all(dir)?;
            // chronyd refuses a socket directory others can write to.
            if matches!(self.control, Control::Owned { .. }) {
                std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
            }
        }
        Ok(())
    }

    /// Starts chronyd (or asks systemd to), without waiting for it.
    pub fn start(&mut self) -> Result<(), SupervisorError> {
        match self.control.clone() {
            Control::Owned { chronyd, args } => {
                if self.child.is_some() {
                    return Ok(());
                }
                if !chronyd.exists() {
                    return Err(SupervisorError::NotInstalled);
                }
                self.ensure_socket_dir()
                    .map_err(|e| SupervisorError::Spawn(e.to_string()))?;
                let mut cmd = Command::new(&chronyd);
                cmd.args(&args)
                    .arg("-f")
                    .arg(&self.paths.chronyd_config)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped());
                // chronyd goes with the helper, even when the helper is killed.
                unsafe {
                    use std::os::unix::process::CommandExt;
                    cmd.pre_exec(|| {
                        rustix::process::set_parent_process_death_signal(Some(
                            rustix::process::Signal::TERM,
                        ))
                        .map_err(std::io::Error::from)
                    });
                }
                let mut child = cmd
                    .spawn()
                    .map_err(|e| SupervisorError::Spawn(e.to_string()))?;
                if let Some(err) = child.stderr.take() {
                    let log = Arc::clone(&self.log);
                    std::thread::spawn(move || {
                        for line in BufReader::new(err).lines().map_while(Result::ok) {
                            let mut log = log.lock().unwrap();
                            if log.len() >= LOG_LINES {
                                log.pop_front();
                            }
                            log.push_back(line);
                        }
                    });
                }
                self.note(format!("started chronyd (pid {})", child.id()));
                self.child = Some(child);
                Ok(())
            }
            Control::Systemd { unit } => systemctl(&["start", &unit]),
        }
    }

    /// Stops chronyd by pid (owned) or through systemd.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let pid = rustix::process::Pid::from_raw(child.id() as i32);
            if let Some(pid) = pid {
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn restart(&mut self) -> Result<(), SupervisorError> {
        match self.control.clone() {
            Control::Owned { .. } => {
                self.stop();
                self.start()
            }
            Control::Systemd { unit } => systemctl(&["restart", &unit]),
        }
    }

    /// Called by the poller: notices an owned chronyd that stopped, keeps
    /// why, and restarts it with a growing delay (1 s, 2 s, ... 60 s).
    pub fn watch(&mut self) {
        let Control::Owned { .. } = self.control else {
            return;
        };
        if let Some(child) = &mut self.child {
            if let Ok(Some(status)) = child.try_wait() {
                let tail = self.log_tail();
                let reason = tail
                    .iter()
                    .rev()
                    .find(|l| l.contains("Fatal error") || l.contains("Could not"))
                    .cloned()
                    .unwrap_or_else(|| status.to_string());
                self.note(format!("chronyd stopped: {reason}"));
                self.last_exit = Some(reason);
                self.child = None;
                self.failures += 1;
                let delay =
                    Duration::from_secs(1 << self.failures.min(6)).min(Duration::from_secs(60));
                self.retry_at = Some(Instant::now() + delay);
            }
        }
        if self.child.is_none() {
            if let Some(at) = self.retry_at {
                if Instant::now() >= at {
                    self.retry_at = None;
                    if let Err(e) = self.start() {
                        self.last_exit = Some(e.to_string());
                    }
                }
            }
        }
    }

    /// A healthy answer resets the restart delay.
    pub fn healthy(&mut self) {
        self.failures = 0;
    }

    /// Waits until chronyd answers a tracking request.
    pub fn wait_ready(&mut self, limit: Duration) -> Result<(), SupervisorError> {
        let start = Instant::now();
        loop {
            if let Some(child) = &mut self.child {
                if let Ok(Some(status)) = child.try_wait() {
                    self.child = None;
                    let tail = self.log_tail();
                    let reason = tail
                        .iter()
                        .rev()
                        .find(|l| l.contains("Fatal error"))
                        .cloned()
                        .unwrap_or_else(|| status.to_string());
                    self.last_exit = Some(reason.clone());
                    return Err(SupervisorError::Exited(reason));
                }
            }
            if let Ok(mut c) =
                CmdmonClient::connect(&Endpoint::Unix(self.paths.chronyd_socket.clone()))
            {
                c.timeout = Duration::from_millis(200);
                c.retries = 0;
                if c.tracking().is_ok() {
                    return Ok(());
                }
            }
            if start.elapsed() > limit {
                return Err(SupervisorError::NotAnswering);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Supervisor {
    fn drop(&mut self) {
        self.stop();
    }
}

fn systemctl(args: &[&str]) -> Result<(), SupervisorError> {
    let out = Command::new("systemctl")
        .args(args)
        .output()
        .map_err(|e| SupervisorError::Systemctl(e.to_string()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(SupervisorError::Systemctl(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

/// The systemd unit of the distribution's chronyd, when systemd runs.
pub fn systemd_unit() -> Option<String> {
    if !Path::new("/run/systemd/system").exists() {
        return None;
    }
    ["chrony", "chronyd"].iter().find_map(|u| {
        let found = [
            "/lib/systemd/system",
            "/usr/lib/systemd/system",
            "/etc/systemd/system",
        ]
        .iter()
        .any(|d| Path::new(d).join(format!("{u}.service")).exists());
        found.then(|| u.to_string())
    })
}
