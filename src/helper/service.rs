//! The helper's state and work: polling chronyd into snapshots and
//! history, applying configurations safely, running actions.

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::cmdmon::{CmdmonClient, CmdmonError, Endpoint};
use super::lab;
use super::paths::Paths;
use super::supervisor::{Control, Supervisor, SupervisorError};
use crate::core::cmdmon::{AddSource, Request};
use crate::core::conf::lint::{LintOptions, Severity, lint};
use crate::core::conf::live::{LiveChange, LivePlan, plan};
use crate::core::conf::{AccessTarget, ChronyVersion, Document};
use crate::core::history::History;
use crate::core::snapshot::Snapshot;
use crate::fsutil::write_atomic;
use crate::ipc::{Action, Applied, HelperInfo, PROTOCOL_VERSION};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Lab,
    System,
}

/// A refused or failed request, as a code the client translates plus the
/// values its message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct HelperError {
    pub code: &'static str,
    pub detail: Option<String>,
}

impl HelperError {
    pub fn new(code: &'static str, detail: impl Into<Option<String>>) -> Self {
        HelperError {
            code,
            detail: detail.into(),
        }
    }
}

impl From<CmdmonError> for HelperError {
    fn from(e: CmdmonError) -> Self {
        HelperError::new(e.code(), Some(e.to_string()))
    }
}

impl From<SupervisorError> for HelperError {
    fn from(e: SupervisorError) -> Self {
        HelperError::new(e.code(), Some(e.to_string()))
    }
}

pub struct Subscriber {
    pub stream: Mutex<std::os::unix::net::UnixStream>,
}

pub struct State {
    pub snapshot: Option<Snapshot>,
    pub history: History,
    pub subscribers: Vec<Arc<Subscriber>>,
}

pub struct Helper {
    pub mode: Mode,
    pub paths: Paths,
    pub ntp_port: u16,
    pub chrony_version: Option<ChronyVersion>,
    pub chronyd: PathBuf,
    pub supervisor: Mutex<Supervisor>,
    pub state: Mutex<State>,
    pub poll_interval: Duration,
    pub stop: Arc<AtomicBool>,
    /// Serialises applies and actions.
    apply_lock: Mutex<()>,
}

pub fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// Runs `chronyd -v` for the version whose rules apply.
pub fn chronyd_version(chronyd: &std::path::Path) -> Option<ChronyVersion> {
    let out = std::process::Command::new(chronyd)
        .arg("-v")
        .output()
        .ok()?;
    ChronyVersion::from_chronyd_banner(&String::from_utf8_lossy(&out.stdout))
}

impl Helper {
    pub fn new(
        mode: Mode,
        paths: Paths,
        control: Control,
        chronyd: PathBuf,
        ntp_port: u16,
    ) -> Helper {
        let history = std::fs::File::open(&paths.history)
            .ok()
            .and_then(|f| History::load(&mut std::io::BufReader::new(f)).ok())
            .unwrap_or_default();
        Helper {
            mode,
            chrony_version: chronyd_version(&chronyd),
            supervisor: Mutex::new(Supervisor::new(control, paths.clone())),
            paths,
            ntp_port,
            chronyd,
            state: Mutex::new(State {
                snapshot: None,
                history,
                subscribers: Vec::new(),
            }),
            poll_interval: Duration::from_secs(1),
            stop: Arc::new(AtomicBool::new(false)),
            apply_lock: Mutex::new(()),
        }
    }

    fn endpoint(&self) -> Endpoint {
        Endpoint::Unix(self.paths.chronyd_socket.clone())
    }

    pub fn client(&self) -> Result<CmdmonClient, HelperError> {
        let mut c = CmdmonClient::connect(&self.endpoint())?;
        c.timeout = Duration::from_millis(300);
        c.retries = 1;
        Ok(c)
    }

    /// The user's configuration text (lab: created on first run).
    pub fn config_text(&self) -> Result<String, HelperError> {
        match std::fs::read(&self.paths.config) {
            Ok(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && self.mode == Mode::Lab => {
                Ok(lab::DEFAULT_LAB_CONFIG.to_string())
            }
            Err(e) => Err(HelperError::new("config-unreadable", Some(e.to_string()))),
        }
    }

    fn run_dir(&self) -> PathBuf {
        self.paths
            .chronyd_config
            .parent()
            .map(PathBuf::from)
            .unwrap_or_else(|| self.paths.data_dir.clone())
    }

    /// The text chronyd reads for a user configuration.
    fn chronyd_text(&self, user: &str) -> String {
        match self.mode {
            Mode::Lab => lab::lab_chronyd_config(
                &Document::parse(user),
                self.ntp_port,
                &self.run_dir(),
                &self.paths.data_dir,
                &self.paths.chronyd_socket,
            ),
            Mode::System => user.to_string(),
        }
    }

    /// Lab mode: the user's config exists (from `--config` or the default)
    /// and chronyd's generated file matches it.
    pub fn prepare_lab(&self, initial: Option<&str>) -> Result<(), HelperError> {
        let io = |e: std::io::Error| HelperError::new("helper-io", Some(e.to_string()));
        std::fs::create_dir_all(&self.paths.data_dir).map_err(io)?;
        std::fs::create_dir_all(self.run_dir()).map_err(io)?;
        if let Some(text) = initial {
            write_atomic(&self.paths.config, text.as_bytes()).map_err(io)?;
        } else if !self.paths.config.exists() {
            write_atomic(&self.paths.config, lab::DEFAULT_LAB_CONFIG.as_bytes()).map_err(io)?;
        }
        let user = self.config_text()?;
        write_atomic(
            &self.paths.chronyd_config,
            self.chronyd_text(&user).as_bytes(),
        )
        .map_err(io)
    }

    pub fn info(&self, may_change: bool) -> HelperInfo {
        let sup = self.supervisor.lock().unwrap();
        HelperInfo {
            protocol: PROTOCOL_VERSION,
            mode: match self.mode {
                Mode::Lab => "lab".into(),
                Mode::System => "system".into(),
            },
            chrony_version: self.chrony_version.map(|v| v.to_string()),
            config_path: self.paths.config.display().to_string(),
            chronyd_pid: sup.pid(),
            chronyd_log: sup.log_tail(),
            ntp_port: self.ntp_port,
            may_change,
        }
    }

    /// One poll: the six reports chronyd answers, plus source names.
    pub fn poll_once(&self, client: &mut Option<CmdmonClient>) -> Snapshot {
        let mut snap = Snapshot {
            time: now(),
            ..Snapshot::default()
        };
        if client.is_none() {
            match self.client() {
                Ok(c) => *client = Some(c),
                Err(e) => {
                    snap.error = Some(e.code.to_string());
                    return snap;
                }
            }
        }
        let c = client.as_mut().expect("connected");
        let result = (|| -> Result<(), CmdmonError> {
            snap.tracking = Some(c.tracking()?);
            snap.sources = c.sources()?;
            snap.sourcestats = c.sourcestats()?;
            snap.activity = Some(c.activity()?);
            snap.serverstats = Some(c.serverstats()?);
            snap.clients = c.clients()?;
            for s in &snap.sources {
                if let Some(ip) = s.address.0.ip() {
                    if let Ok(name) = c.source_name(ip) {
                        if name != ip.to_string() {
                            snap.names.push((ip.to_string(), name));
                        }
                    }
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            snap.error = Some(e.code().to_string());
            *client = None;
        }
        snap
    }

    /// Stores a snapshot, records it and pushes it to subscribers.
    pub fn publish(&self, snap: Snapshot) {
        let mut st = self.state.lock().unwrap();
        if snap.tracking.is_some() {
            st.history.record(&snap);
        }
        st.subscribers.retain(|s| {
            let mut stream = s.stream.lock().unwrap();
            crate::ipc::frame::write_frame(
                &mut *stream,
                &crate::ipc::ServerMessage::Push {
                    snapshot: snap.clone(),
                },
            )
            .is_ok()
        });
        st.snapshot = Some(snap);
    }

    pub fn save_history(&self) {
        let st = self.state.lock().unwrap();
        let mut buf = Vec::new();
        if st.history.save(&mut buf).is_ok() {
            let _ = std::fs::create_dir_all(&self.paths.data_dir);
            let _ = write_atomic(&self.paths.history, &buf);
        }
    }

    /// Polls until stopped; watches an owned chronyd; saves history every
    /// minute.
    pub fn run_poller(self: Arc<Self>) {
        let mut client = None;
        let mut last_save = Instant::now();
        while !self.stop.load(Ordering::Relaxed) {
            let started = Instant::now();
            self.supervisor.lock().unwrap().watch();
            let snap = {
                // Applies restart chronyd: do not poll in the middle of one.
                let _guard = self.apply_lock.lock().unwrap();
                self.poll_once(&mut client)
            };
            if snap.tracking.is_some() {
                self.supervisor.lock().unwrap().healthy();
            }
            self.publish(snap);
            if last_save.elapsed() > Duration::from_secs(60) {
                self.save_history();
                last_save = Instant::now();
            }
            let spent = started.elapsed();
            let mut left = self.poll_interval.saturating_sub(spent);
            while !left.is_zero() && !self.stop.load(Ordering::Relaxed) {
                let step = left.min(Duration::from_millis(100));
                std::thread::sleep(step);
                left = left.saturating_sub(step);
            }
        }
    }

    fn lint_errors(&self, doc: &Document) -> Option<String> {
        let exists = |p: &str| std::path::Path::new(p).exists();
        let opts = LintOptions {
            version: self.chrony_version.unwrap_or(ChronyVersion::LATEST),
            path_exists: Some(&exists),
        };
        lint(doc, &opts)
            .into_iter()
            .find(|d| d.severity == Severity::Error)
            .map(|d| format!("{}:{}", d.line.unwrap_or(0), d.rule))
    }

    /// `chronyd -p`: chronyd's own reading of the file, without starting.
    fn chronyd_check(&self, text: &str) -> Result<(), HelperError> {
        let dir = &self.paths.data_dir;
        std::fs::create_dir_all(dir)
            .map_err(|e| HelperError::new("helper-io", Some(e.to_string())))?;
        let tmp = dir.join(format!(".candidate-{}.conf", std::process::id()));
        std::fs::write(&tmp, text)
            .map_err(|e| HelperError::new("helper-io", Some(e.to_string())))?;
        let out = std::process::Command::new(&self.chronyd)
            .args(["-p", "-f"])
            .arg(&tmp)
            .stdin(std::process::Stdio::null())
            .output();
        let _ = std::fs::remove_file(&tmp);
        let out =
            out.map_err(|e| HelperError::new("chronyd-not-installed", Some(e.to_string())))?;
        let err = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() || err.contains("Fatal error") {
            let line = err
                .lines()
                .find(|l| l.contains("Fatal") || l.contains("Could not"))
                .unwrap_or(err.trim())
                .to_string();
            return Err(HelperError::new("apply-chronyd-refused", Some(line)));
        }
        Ok(())
    }

    fn backup_path(&self) -> PathBuf {
        let stamp = {
            let t = now() as i64;
            let (y, mo, d, h, mi, s) = crate::core::civil_from_unix(t);
            format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}")
        };
        let name = self
            .paths
            .config
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "chrony.conf".into());
        match self.mode {
            Mode::Lab => self.paths.backups.join(format!("{name}.{stamp}")),
            Mode::System => self
                .paths
                .backups
                .join(format!("{name}.stratum-{stamp}.bak")),
        }
    }

    fn write_config(&self, user_text: &str) -> Result<(), HelperError> {
        let io = |e: std::io::Error| HelperError::new("apply-write", Some(e.to_string()));
        write_atomic(&self.paths.config, user_text.as_bytes()).map_err(io)?;
        if self.mode == Mode::Lab {
            write_atomic(
                &self.paths.chronyd_config,
                self.chronyd_text(user_text).as_bytes(),
            )
            .map_err(io)?;
        }
        Ok(())
    }

    /// Lint → chronyd's check → backup → atomic write → live change or
    /// restart → wait for chronyd → roll back if it does not come up.
    pub fn apply(&self, text: &str) -> Result<Applied, HelperError> {
        let _guard = self.apply_lock.lock().unwrap();
        let new = Document::parse(text);
        if let Some(first) = self.lint_errors(&new) {
            return Err(HelperError::new("apply-lint", Some(first)));
        }
        self.chronyd_check(&self.chronyd_text(text))?;
        let old_bytes = std::fs::read(&self.paths.config).ok();
        let old_text = old_bytes
            .as_deref()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let plan = plan(&Document::parse(&old_text), &new);
        if plan == LivePlan::Unchanged {
            return Ok(Applied {
                live: true,
                restarted: false,
                backup: None,
                unchanged: true,
            });
        }
        let backup = match &old_bytes {
            Some(b) => {
                let p = self.backup_path();
                if let Some(dir) = p.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                write_atomic(&p, b)
                    .map_err(|e| HelperError::new("apply-backup", Some(e.to_string())))?;
                Some(p)
            }
            None => None,
        };
        self.write_config(text)?;

        let running = self
            .supervisor
            .lock()
            .unwrap()
            .wait_ready(Duration::from_millis(500))
            .is_ok();
        let live = match (&plan, running) {
            (LivePlan::Live(changes), true) => self.apply_live(changes).is_ok(),
            _ => false,
        };
        let outcome = if live {
            Ok(())
        } else {
            let mut sup = self.supervisor.lock().unwrap();
            sup.restart()
                .and_then(|_| sup.wait_ready(Duration::from_secs(10)))
        };
        match outcome {
            Ok(()) => Ok(Applied {
                live,
                restarted: !live,
                backup: backup.map(|p| p.display().to_string()),
                unchanged: false,
            }),
            Err(e) => {
                // Roll back to the previous file, byte for byte.
                let reason = match &e {
                    SupervisorError::Exited(r) => r.clone(),
                    other => other.to_string(),
                };
                match &old_bytes {
                    Some(b) => {
                        let _ = write_atomic(&self.paths.config, b);
                        if self.mode == Mode::Lab {
                            let _ = write_atomic(
                                &self.paths.chronyd_config,
                                self.chronyd_text(&String::from_utf8_lossy(b)).as_bytes(),
                            );
                        }
                    }
                    None => {
                        let _ = std::fs::remove_file(&self.paths.config);
                    }
                }
                let mut sup = self.supervisor.lock().unwrap();
                let _ = sup
                    .restart()
                    .and_then(|_| sup.wait_ready(Duration::from_secs(10)));
                Err(HelperError::new("apply-rolled-back", Some(reason)))
            }
        }
    }

    /// The IP chronyd knows a configured source by.
    fn source_ip(&self, c: &mut CmdmonClient, host: &str) -> Option<IpAddr> {
        if let Ok(ip) = host.parse() {
            return Some(ip);
        }
        c.sources()
            .ok()?
            .into_iter()
            .filter_map(|s| s.address.0.ip())
            .find(|ip| {
                c.source_name(*ip)
                    .is_ok_and(|n| n.eq_ignore_ascii_case(host))
            })
    }

    fn apply_live(&self, changes: &[LiveChange]) -> Result<(), HelperError> {
        let mut c = self.client()?;
        for ch in changes {
            let req = match ch {
                LiveChange::AddSource(s) => Request::AddSource(Box::new(AddSource::from_source(s))),
                LiveChange::RemoveSource(s) => {
                    if s.kind == crate::core::conf::SourceKind::Pool {
                        return Err(HelperError::new("apply-needs-restart", None));
                    }
                    let ip = self
                        .source_ip(&mut c, &s.host)
                        .ok_or(HelperError::new("apply-needs-restart", None))?;
                    Request::DeleteSource(ip)
                }
                LiveChange::AddAccess(a) => {
                    let (address, bits) = match &a.target {
                        AccessTarget::Any => (None, 0),
                        AccessTarget::Net(s) => (Some(s.addr), s.bits as i32),
                        AccessTarget::Host(_) => {
                            return Err(HelperError::new("apply-needs-restart", None));
                        }
                    };
                    Request::Access {
                        cmd: false,
                        allow: a.allow,
                        all: a.all,
                        address,
                        bits,
                    }
                }
                LiveChange::SetLocal(l) => Request::Local(
                    l.as_ref()
                        .map(|l| (l.stratum() as i32, l.orphan(), l.distance())),
                ),
            };
            c.control(&req)?;
        }
        Ok(())
    }

    pub fn action(&self, action: &Action) -> Result<(), HelperError> {
        let _guard = self.apply_lock.lock().unwrap();
        let req = match action {
            Action::Burst => Request::Burst {
                good: 4,
                total: 4,
                address: None,
            },
            // chronyd runs with -x in a lab: it never steps the clock.
            Action::Makestep if self.mode == Mode::Lab => {
                return Err(HelperError::new("action-makestep-lab", None));
            }
            Action::Makestep => Request::Makestep,
            Action::Online => Request::Online(None),
            Action::Offline => Request::Offline(None),
            Action::ReloadSources => Request::ReloadSources,
            Action::Refresh => Request::Refresh,
            Action::Restart => {
                let mut sup = self.supervisor.lock().unwrap();
                sup.restart()?;
                sup.wait_ready(Duration::from_secs(10))?;
                return Ok(());
            }
        };
        self.client()?.control(&req)?;
        Ok(())
    }
}
