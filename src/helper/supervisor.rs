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
//! Under systemd the task asks systemctl instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::AsyncBufReadExt;
use tokio::process::{Child, Command};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;

use super::cmdmon::{CmdmonClient, Endpoint, Patience};
use super::confguard::{self, Trust};
use super::types::{ApplyPolicy, Fixed, HelperError, Mode, lock};
use crate::core::codes::ErrorCode;
use crate::core::conf::Document;
use crate::fsutil::trust::Owners;
use crate::ipc::{Action, Applied};

const LOG_LINES: usize = 40;
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
    /// Why chronyd last stopped on its own.
    pub last_exit: Option<String>,
    /// An apply or restart is under way: polls would only see a gap.
    pub busy: bool,
}

pub enum SupMsg {
    Apply {
        text: String,
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

/// chronyd's last stderr lines, shared with the info replies.
pub type LogTail = Arc<Mutex<VecDeque<String>>>;

pub fn note(log: &LogTail, line: String) {
    let mut log = lock(log);
    if log.len() >= LOG_LINES {
        log.pop_front();
    }
    log.push_back(line);
}

/// The user a configuration's `user` directive names (the last one).
pub fn file_user(doc: &Document) -> Option<String> {
    doc.directive_lines()
        .filter(|(_, l)| l.name.eq_ignore_ascii_case("user"))
        .last()
        .map(|(_, l)| l.args.trim().to_string())
}

/// The user chronyd drops to: `-u`, else the file's `user`, else the
/// distribution's chrony user (chronyd's built-in default). Blocking: it
/// may ask NSS.
pub fn chronyd_user(args: &[String], doc: Option<&Document>) -> Option<String> {
    run_as(args)
        .map(str::to_string)
        .or_else(|| doc.and_then(file_user))
        .or_else(crate::sys::chrony_user)
}

/// Runs blocking work (file reads, NSS) on tokio's blocking pool.
pub(super) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        // The closure panicked: carry the panic on, as if it ran here.
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

impl Supervisor {
    /// The user chronyd runs as with `args` and the file on disk (read by
    /// the rule, off the runtime thread).
    pub(super) async fn runs_as(&self, args: &[String]) -> Option<String> {
        let path = self.fixed.paths.chronyd_config.clone();
        let args = args.to_vec();
        blocking(move || {
            let bytes = confguard::read_config(&path, &Owners::root_and_me()).ok();
            chronyd_user(&args, bytes.map(Document::parse).as_ref())
        })
        .await
    }

    /// System mode, before every start of chronyd (an apply's, a restart
    /// asked for, the automatic one after chronyd died): the file chronyd
    /// will read and everything it names pass the trust rule now. Someone
    /// who could change them since the apply (chronyd's own user dropping a
    /// file where a glob matched nothing) gets no chronyd started as root.
    /// Returns the user chronyd will drop to.
    async fn trusted_to_start(&self) -> Result<Option<String>, SupervisorError> {
        let args = match &self.control {
            Control::Owned { args } => args.clone(),
            Control::Systemd { .. } => Vec::new(),
        };
        let path = self.fixed.paths.chronyd_config.clone();
        let system = self.fixed.mode == Mode::System;
        blocking(move || {
            let owners = Owners::root_and_me();
            let doc = match confguard::read_config(&path, &owners) {
                Ok(b) => Some(Document::parse(b)),
                // Lab: chronyd's own file is the helper's; a missing one
                // is chronyd's to report.
                Err(_) if !system => None,
                Err(r) => return Err(r),
            };
            let user = chronyd_user(&args, doc.as_ref());
            if let (true, Some(doc)) = (system, &doc) {
                let trust = Trust::this_process(user.as_deref());
                confguard::check_trust(doc, &trust)?;
            }
            Ok(user)
        })
        .await
        .map_err(|r| SupervisorError::Untrusted(r.code_detail().1))
    }
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
fn run_as(args: &[String]) -> Option<&str> {
    args.windows(2)
        .rev()
        .find(|w| w[0] == "-u")
        .map(|w| w[1].as_str())
}

/// The helper's own notes in chronyd's log tail.
const NOTE_STARTED: &str = "started chronyd (pid ";
const NOTE_STOPPED: &str = "chronyd stopped: ";

/// Why chronyd stopped, said once: the signal that ended it, else the line
/// of its own log that says why, else its exit status.
pub fn stop_reason(lines: &[String], mode: Mode, status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = status.signal() {
        let name = match sig {
            1 => " (SIGHUP)",
            2 => " (SIGINT)",
            3 => " (SIGQUIT)",
            6 => " (SIGABRT)",
            9 => " (SIGKILL)",
            11 => " (SIGSEGV)",
            13 => " (SIGPIPE)",
            15 => " (SIGTERM)",
            31 => " (SIGSYS)",
            _ => "",
        };
        return format!("killed by signal {sig}{name}");
    }
    exit_reason(lines, mode).unwrap_or_else(|| status.to_string())
}

/// The line of chronyd's log that says why it stopped. In system mode
/// chronyd runs as root and may quote what it read from any file a line
/// pointed it to: only where it stopped is repeated, never what it read.
pub fn exit_reason(log: &[String], mode: Mode) -> Option<String> {
    let line = log
        .iter()
        .rev()
        .find(|l| l.contains("Fatal error") || l.contains("Could not"))?;
    if mode == Mode::System {
        if let Some(at) = line.find(" at line ") {
            return Some(format!("Fatal error{}", &line[at..]));
        }
        // "Could not open FILE : REASON": the reason would tell whether a
        // file exists where the user may not look (No such file vs
        // Permission denied); the line says only what failed.
        if let Some(at) = line.find("Could not") {
            let what = &line[at..];
            let what = what.split(" : ").next().unwrap_or(what);
            return Some(what.trim_end().to_string());
        }
    }
    Some(line.clone())
}

impl Supervisor {
    pub fn new(
        control: Control,
        fixed: Fixed,
        apply_policy: ApplyPolicy,
        log: LogTail,
    ) -> (Supervisor, watch::Receiver<ChronydStatus>) {
        let (status, rx) = watch::channel(ChronydStatus::default());
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
        self.status.send_modify(|s| s.pid = pid);
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

    /// chronyd's command-socket directory. chronyd refuses one that is not
    /// its user's or that others may write to, so root prepares it for the
    /// user chronyd drops to — but only a directory the helper creates now:
    /// an existing one (the distribution's `/run/chrony`, or `/run` itself
    /// when a configuration puts the socket there) is never given away.
    ///
    /// The directory is given away by its descriptor, opened without
    /// following a link and checked to be the one just made: a directory
    /// above that chronyd's user can write (a socket configured under
    /// `/var/lib/chrony`) cannot swap it for a link to something of root's
    /// in between.
    async fn ensure_socket_dir(&self, user: Option<String>) -> std::io::Result<()> {
        let Some(dir) = self.fixed.paths.chronyd_socket.parent().map(PathBuf::from) else {
            return Ok(());
        };
        let owned = matches!(self.control, Control::Owned { .. });
        blocking(move || {
            if !crate::fsutil::create_dir_chain(&dir)? || !owned {
                return Ok(());
            }
            let fd = crate::fsutil::open::open_dir(&dir)?;
            let st = rustix::fs::fstat(&fd)?;
            let me = rustix::process::geteuid();
            if st.st_uid != me.as_raw() {
                return Err(std::io::Error::other("the socket directory changed hands"));
            }
            let mut mode = 0o700;
            if me.is_root()
                && let Some(user) = user.as_deref().filter(|u| *u != "root")
                && let Ok(Some(u)) = nix::unistd::User::from_name(user)
            {
                rustix::fs::fchown(
                    &fd,
                    Some(rustix::fs::Uid::from_raw(u.uid.as_raw())),
                    Some(rustix::fs::Gid::from_raw(u.gid.as_raw())),
                )?;
                mode = 0o770;
            }
            rustix::fs::fchmod(&fd, rustix::fs::Mode::from_raw_mode(mode))?;
            Ok(())
        })
        .await
    }

    /// Starts chronyd (or asks systemd to), without waiting for it.
    pub async fn start(&mut self) -> Result<(), SupervisorError> {
        if self.child.is_some() {
            return Ok(());
        }
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

    /// [`Self::trusted_to_start`], with a refusal said once in the log and
    /// in chronyd's log tail (what the window shows as why it stopped).
    async fn refuse_untrusted(&mut self) -> Result<Option<String>, SupervisorError> {
        match self.trusted_to_start().await {
            Ok(user) => Ok(user),
            Err(e) => {
                tracing::error!(error = %e, "chronyd not started");
                note(&self.log, format!("{NOTE_STOPPED}{e}"));
                Err(e)
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
    use super::*;

    #[test]
    fn system_mode_never_repeats_what_chronyd_read() {
        let log = vec![
            "started chronyd (pid 7)".to_string(),
            "Fatal error : Invalid directive root:$y$j9T$secret at line 1 in file /etc/chrony/x.conf".to_string(),
        ];
        let r = exit_reason(&log, Mode::System).unwrap();
        assert_eq!(r, "Fatal error at line 1 in file /etc/chrony/x.conf");
        assert!(!r.contains("secret"));
        assert!(
            exit_reason(&log, Mode::Lab)
                .unwrap()
                .contains("Invalid directive")
        );
        // Missing or forbidden: the same words.
        let missing = vec!["Could not open /root/x : No such file or directory".to_string()];
        let denied = vec!["Could not open /root/x : Permission denied".to_string()];
        assert_eq!(
            exit_reason(&missing, Mode::System),
            exit_reason(&denied, Mode::System)
        );
        assert_eq!(
            exit_reason(&missing, Mode::System).as_deref(),
            Some("Could not open /root/x")
        );
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
