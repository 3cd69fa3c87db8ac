//! The one task that owns chronyd. Start, stop, restart, apply and rollback
//! are messages to it, handled one at a time, so chronyd's life never
//! depends on which connection asked.
//!
//! In lab mode (and in system mode with `--own-chronyd`) chronyd is this
//! task's child: it reads chronyd's stderr (chronyd keeps running with its
//! command socket disabled after "Wrong permissions", so the log is the only
//! place that says why nothing answers) and restarts it with backoff when it
//! dies. chronyd gets `PR_SET_PDEATHSIG`, which fires when the *thread* that
//! forked it ends: the helper runs on a current-thread runtime, so every fork
//! happens on the main thread, which lives exactly as long as the helper.
//! Under systemd the task asks systemctl instead. Before every start (and a
//! systemd restart) [`super::prestart`] checks the trust rule again and
//! prepares chronyd's socket directory.

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncBufReadExt;
use tokio::process::{Child, Command};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;

pub use super::chronyd_log::{LogTail, exit_reason, note, stop_reason};
use super::chronyd_log::{NOTE_STARTED, NOTE_STOPPED};
use super::cmdmon::{CmdmonClient, Endpoint, Patience};
use super::types::{ApplyPolicy, Fixed, HelperError, lock};
use crate::core::codes::ErrorCode;
use crate::ipc::{Action, Applied};

/// A chronyd that ran this long before dying starts again after 1 s.
const STABLE_RUN: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
pub enum Control {
    /// The helper runs chronyd with `args` (lab: `-x`, the user to run as).
    Owned { args: Vec<String> },
    /// systemd runs chronyd as `unit`.
    Systemd { unit: String },
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SupervisorError {
    #[error("chronyd could not be started: {0}")]
    Spawn(String),
    #[error("chronyd stopped: {0}")]
    Exited(String),
    #[error("chronyd does not answer on its command socket")]
    NotAnswering,
    #[error("systemctl failed: {0}")]
    Systemctl(String),
    /// A path the configuration names fails the trust rule.
    #[error("not started as root: {0} can be changed by a user other than root")]
    Untrusted(String),
}

impl SupervisorError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SupervisorError::Spawn(_) => ErrorCode::ChronydSpawn,
            SupervisorError::Exited(_) => ErrorCode::ChronydExited,
            SupervisorError::NotAnswering => ErrorCode::ChronydNotAnswering,
            SupervisorError::Systemctl(_) => ErrorCode::ChronydSystemctl,
            SupervisorError::Untrusted(_) => ErrorCode::ChronydUntrusted,
        }
    }
}

impl From<SupervisorError> for HelperError {
    fn from(e: SupervisorError) -> Self {
        let detail = match &e {
            SupervisorError::Spawn(d)
            | SupervisorError::Exited(d)
            | SupervisorError::Systemctl(d)
            | SupervisorError::Untrusted(d) => Some(d.clone()),
            SupervisorError::NotAnswering => None,
        };
        HelperError::new(e.code(), detail)
    }
}

/// chronyd as the other tasks see it.
#[derive(Debug, Clone, Default)]
pub struct ChronydStatus {
    pub pid: Option<u32>,
    /// When the running chronyd was started (by this helper); with no pid,
    /// when its start began (the trust check and its socket directory come
    /// before the process).
    pub since: Option<Instant>,
    /// Why chronyd last stopped on its own.
    pub last_exit: Option<String>,
    /// An apply or restart is under way: polls would only see a gap.
    pub busy: bool,
}

pub enum SupMsg {
    Apply {
        /// The new file, byte for byte.
        text: Vec<u8>,
        uid: u32,
        reply: oneshot::Sender<Result<Applied, HelperError>>,
    },
    Action {
        action: Action,
        uid: u32,
        reply: oneshot::Sender<Result<(), HelperError>>,
    },
    /// NTS certificates (`renew`: from the kept CA, then a restart).
    Nts {
        names: Vec<String>,
        days: i64,
        renew: bool,
        uid: u32,
        reply: oneshot::Sender<Result<crate::ipc::NtsIssued, HelperError>>,
    },
    Shutdown {
        done: oneshot::Sender<()>,
    },
}

pub struct Supervisor {
    pub(super) control: Control,
    pub(super) fixed: Fixed,
    pub(super) apply_policy: ApplyPolicy,
    child: Option<Child>,
    /// Reads chronyd's stderr; ends at EOF, after chronyd's last words.
    stderr_task: Option<tokio::task::JoinHandle<()>>,
    started: Instant,
    pub(super) log: LogTail,
    status: watch::Sender<ChronydStatus>,
    failures: u32,
    retry_at: Option<Instant>,
    /// The file on disk may not be what chronyd runs (a rollback that did
    /// not get chronyd back): the next apply of the same text is not
    /// "unchanged".
    pub(super) unconfirmed: bool,
}

/// The flags of a lab chronyd: never the system clock, foreground, as this
/// user.
pub fn lab_args() -> Vec<String> {
    let user = crate::sys::current_user_name();
    // -r: measurements dumped at the last stop (dumpdir) are loaded again,
    // so a restart (an apply, an NTS renewal) keeps what chronyd learnt.
    let mut args = vec![
        "-x".to_string(),
        "-r".into(),
        "-d".into(),
        "-u".into(),
        user.clone(),
    ];
    if user != "root" {
        args.push("-U".into());
    }
    args
}

/// The user a chronyd with these arguments runs as (`-u USER`).
pub(super) fn run_as(args: &[String]) -> Option<&str> {
    args.windows(2)
        .rev()
        .find(|w| w[0] == "-u")
        .map(|w| w[1].as_str())
}

impl Supervisor {
    pub fn new(
        control: Control,
        fixed: Fixed,
        apply_policy: ApplyPolicy,
        log: LogTail,
    ) -> (Supervisor, watch::Receiver<ChronydStatus>) {
        // Starting from the first moment: a poll before chronyd's process
        // exists sees a start under way, not a fault.
        let (status, rx) = watch::channel(ChronydStatus {
            since: Some(Instant::now()),
            ..ChronydStatus::default()
        });
        (
            Supervisor {
                control,
                fixed,
                apply_policy,
                child: None,
                stderr_task: None,
                started: Instant::now(),
                log,
                status,
                failures: 0,
                retry_at: None,
                unconfirmed: false,
            },
            rx,
        )
    }

    fn publish(&self) {
        let pid = self.child.as_ref().and_then(Child::id);
        let since = pid.map(|_| self.started);
        self.status.send_modify(|s| {
            s.pid = pid;
            s.since = since;
        });
    }

    pub(super) fn set_busy(&self, busy: bool) {
        self.status.send_modify(|s| s.busy = busy);
    }

    /// chronyd's own lines since it last started (not the helper's notes
    /// about it, which quote earlier reasons).
    fn chronyd_lines(&self) -> Vec<String> {
        let log = lock(&self.log);
        let since = log
            .iter()
            .rposition(|l| l.starts_with(NOTE_STARTED))
            .map_or(0, |i| i + 1);
        log.iter()
            .skip(since)
            .filter(|l| !l.starts_with(NOTE_STOPPED))
            .cloned()
            .collect()
    }

    /// Starts chronyd (or asks systemd to), without waiting for it.
    pub async fn start(&mut self) -> Result<(), SupervisorError> {
        if self.child.is_some() {
            return Ok(());
        }
        self.status.send_modify(|s| s.since = Some(Instant::now()));
        let user = self.refuse_untrusted().await?;
        let args = match &self.control {
            Control::Systemd { unit } => return systemctl(&["start", unit]).await,
            Control::Owned { args } => args.clone(),
        };
        self.ensure_socket_dir(user)
            .await
            .map_err(|e| SupervisorError::Spawn(e.to_string()))?;
        let mut cmd = Command::new(&self.fixed.chronyd);
        cmd.args(&args)
            .arg("-f")
            .arg(&self.fixed.paths.chronyd_config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        // chronyd goes with the helper, even when the helper is killed.
        // SAFETY: the hook makes only async-signal-safe syscalls.
        unsafe {
            cmd.pre_exec(crate::sys::die_with_parent());
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| SupervisorError::Spawn(e.to_string()))?;
        let pid = child.id().unwrap_or(0);
        if let Some(err) = child.stderr.take() {
            let log = Arc::clone(&self.log);
            self.stderr_task = Some(tokio::spawn(async move {
                let mut lines = tokio::io::BufReader::new(err).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    tracing::info!(target: "chronyd", pid, "{line}");
                    note(&log, line);
                }
            }));
        }
        tracing::info!(pid, chronyd = %self.fixed.chronyd.display(), "started chronyd");
        note(&self.log, format!("{NOTE_STARTED}{pid})"));
        self.child = Some(child);
        self.started = Instant::now();
        self.publish();
        Ok(())
    }

    /// Stops an owned chronyd by pid: SIGTERM, then SIGKILL after 3 s.
    pub async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Some(pid) = child
                .id()
                .and_then(|p| rustix::process::Pid::from_raw(p as i32))
            {
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
            if tokio::time::timeout(Duration::from_secs(3), child.wait())
                .await
                .is_err()
            {
                let _ = child.kill().await;
            }
            self.publish();
        }
    }

    pub async fn restart(&mut self) -> Result<(), SupervisorError> {
        match self.control.clone() {
            Control::Owned { .. } => {
                self.stop().await;
                self.start().await
            }
            Control::Systemd { unit } => {
                self.refuse_untrusted().await?;
                systemctl(&["restart", &unit]).await
            }
        }
    }

    /// An owned chronyd ended on its own: keep why, schedule a restart with
    /// a growing delay (1 s, 2 s, ... 60 s; back to 1 s after a stable run).
    async fn exited(&mut self, status: std::process::ExitStatus) {
        self.child = None;
        // Its last lines say why: read them before judging.
        if let Some(task) = self.stderr_task.take() {
            let _ = tokio::time::timeout(Duration::from_millis(500), task).await;
        }
        let reason = stop_reason(&self.chronyd_lines(), self.fixed.mode, status);
        tracing::warn!(%reason, "chronyd stopped");
        note(&self.log, format!("{NOTE_STOPPED}{reason}"));
        if self.started.elapsed() >= STABLE_RUN {
            self.failures = 0;
        }
        let delay = Duration::from_secs(1 << self.failures.min(6)).min(Duration::from_secs(60));
        self.failures += 1;
        self.retry_at = Some(Instant::now() + delay);
        self.status.send_modify(|s| {
            s.pid = None;
            s.since = None;
            s.last_exit = Some(reason);
        });
    }

    /// Waits until chronyd answers a tracking request.
    pub async fn wait_ready(&mut self, limit: Duration) -> Result<(), SupervisorError> {
        let deadline = Instant::now() + limit;
        let endpoint = Endpoint::Unix(self.fixed.paths.chronyd_socket.clone());
        loop {
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                self.exited(status).await;
                let reason = self.status.borrow().last_exit.clone().unwrap_or_default();
                return Err(SupervisorError::Exited(reason));
            }
            if let Ok(mut c) = CmdmonClient::connect(&endpoint).await {
                c.set_patience(Patience::Startup);
                if c.tracking().await.is_ok() {
                    return Ok(());
                }
            }
            if Instant::now() >= deadline {
                return Err(SupervisorError::NotAnswering);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn is_running(&self) -> bool {
        match self.control {
            Control::Owned { .. } => self.child.is_some(),
            Control::Systemd { .. } => true,
        }
    }

    /// The task: messages one at a time, chronyd's exit, restarts.
    pub async fn run(mut self, mut rx: mpsc::Receiver<SupMsg>) {
        if let Err(e) = self.start().await {
            tracing::error!(error = %e, "chronyd did not start");
            let reason = e.to_string();
            self.status.send_modify(|s| s.last_exit = Some(reason));
        }
        loop {
            let retry_at = self.retry_at;
            tokio::select! {
                msg = rx.recv() => {
                    let Some(msg) = msg else { break };
                    match msg {
                        SupMsg::Apply { text, uid, reply } => {
                            self.set_busy(true);
                            let r = self.apply(&text, uid).await;
                            self.set_busy(false);
                            let _ = reply.send(r);
                        }
                        SupMsg::Action { action, uid, reply } => {
                            self.set_busy(true);
                            let r = self.action(&action, uid).await;
                            self.set_busy(false);
                            let _ = reply.send(r);
                        }
                        SupMsg::Nts {
                            names,
                            days,
                            renew,
                            uid,
                            reply,
                        } => {
                            self.set_busy(renew);
                            let r = self.nts(names, days, renew, uid).await;
                            self.set_busy(false);
                            let _ = reply.send(r);
                        }
                        SupMsg::Shutdown { done } => {
                            self.stop().await;
                            let _ = done.send(());
                            break;
                        }
                    }
                }
                status = async { self.child.as_mut().expect("guarded").wait().await },
                    if self.child.is_some() =>
                {
                    match status {
                        Ok(s) => self.exited(s).await,
                        Err(e) => tracing::error!(error = %e, "waiting for chronyd"),
                    }
                }
                _ = async { tokio::time::sleep_until(retry_at.expect("guarded")).await },
                    if retry_at.is_some() && self.child.is_none() =>
                {
                    self.retry_at = None;
                    if let Err(e) = self.start().await {
                        let reason = e.to_string();
                        tracing::error!(%reason, "chronyd did not start again");
                        self.status.send_modify(|s| s.last_exit = Some(reason));
                        let delay = Duration::from_secs(1 << self.failures.min(6)).min(Duration::from_secs(60));
                        self.failures += 1;
                        self.retry_at = Some(Instant::now() + delay);
                    }
                }
            }
        }
        self.stop().await;
    }
}

async fn systemctl(args: &[&str]) -> Result<(), SupervisorError> {
    let out = Command::new("systemctl")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .await
        .map_err(|e| SupervisorError::Systemctl(e.to_string()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(SupervisorError::Systemctl(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

/// The directory the helper's chronyd files live in (lab mode).
pub fn run_dir(fixed: &Fixed) -> PathBuf {
    fixed
        .paths
        .chronyd_config
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| fixed.paths.data_dir.clone())
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::Mutex;

    use super::super::types::Mode;
    use super::*;

    #[test]
    fn the_user_chronyd_runs_as_is_the_last_u() {
        assert_eq!(
            run_as(&["-x".into(), "-u".into(), "_chrony".into()]),
            Some("_chrony")
        );
    }

    #[test]
    fn a_stop_reason_says_the_signal_once_and_never_nests() {
        use std::os::unix::process::ExitStatusExt;
        let killed = std::process::ExitStatus::from_raw(9);
        let old = vec!["Fatal error : old reason".to_string()];
        assert_eq!(
            stop_reason(&old, Mode::Lab, killed),
            "killed by signal 9 (SIGKILL)"
        );
        let log: LogTail = Arc::new(Mutex::new(VecDeque::new()));
        note(&log, format!("{NOTE_STARTED}7)"));
        note(&log, "Fatal error : Could not open /x".into());
        note(
            &log,
            format!("{NOTE_STOPPED}Fatal error : Could not open /x"),
        );
        note(&log, format!("{NOTE_STARTED}8)"));
        let sup = Supervisor::new(
            Control::Owned { args: vec![] },
            test_fixed(),
            ApplyPolicy {
                keep_backups: 1,
                paths: Default::default(),
            },
            log,
        )
        .0;
        // The second run said nothing: its stop is its exit status, not
        // the first run's reason again.
        assert!(sup.chronyd_lines().is_empty());
        let exited = std::process::ExitStatus::from_raw(1 << 8);
        assert_eq!(
            stop_reason(&sup.chronyd_lines(), Mode::Lab, exited),
            "exit status: 1"
        );
    }

    fn test_fixed() -> Fixed {
        Fixed {
            mode: Mode::Lab,
            paths: super::super::paths::Paths::lab(
                Some(std::path::Path::new("/nonexistent")),
                None,
            ),
            ntp_port: 11123,
            chrony_version: None,
            chronyd: PathBuf::from("/usr/sbin/chronyd"),
        }
    }
}
