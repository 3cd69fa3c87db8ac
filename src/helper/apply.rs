//! Applying a configuration, inside the supervisor task: lint → (system
//! mode) path guard → `chronyd -p` → backup → atomic write → live change over
//! cmdmon or restart → wait for chronyd → roll back byte for byte if it does
//! not come up. Every step that fails says so; nothing claims a rollback
//! that did not happen.

use std::net::IpAddr;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::cmdmon::{CmdmonClient, Endpoint, Patience};
use super::confguard::{self, Trust};
use super::lab;
use super::prestart::file_user;
use super::supervisor::{Supervisor, SupervisorError, run_dir};
use super::types::{Fixed, HelperError, Mode, blocking};
use crate::core::cmdmon::{AddSource, LocalParams, Request};
use crate::core::codes::ErrorCode;
use crate::core::conf::lint::{LintOptions, Severity, lint};
use crate::core::conf::live::{LiveChange, LivePlan, plan};
use crate::core::conf::{AccessTarget, ChronyVersion, Document, SourceKind};
use crate::fsutil::open::{Links, read_capped};
use crate::fsutil::trust::{Leaf, Owners, judge, resolve};
use crate::fsutil::{prune_backups, write_atomic, write_atomic_all, write_backup};
use crate::ipc::{Action, Applied};

/// How long chronyd has to answer after a restart.
pub(super) const READY_AFTER_RESTART: Duration = Duration::from_secs(10);

/// The largest configuration file the helper reads (chrony.conf is a few
/// KiB; the IPC frame that carries it is capped at 1 MiB).
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The file chronyd reads for a user configuration (bytes: chrony.conf
/// need not be UTF-8).
pub fn chronyd_text(fixed: &Fixed, user: &[u8]) -> Vec<u8> {
    match fixed.mode {
        Mode::Lab => lab::lab_chronyd_config(
            &Document::parse(user),
            fixed.ntp_port,
            &run_dir(fixed),
            &fixed.paths.data_dir,
            &fixed.paths.chronyd_socket,
        ),
        Mode::System => user.to_vec(),
    }
}

/// The bytes of the user's configuration file, `None` when there is none.
/// Read by the trust rule (a link is followed only when root or the
/// helper's user owns it and everything on its way), without blocking on a
/// FIFO, at most [`MAX_CONFIG_BYTES`]. Blocking: call it off the runtime
/// thread.
pub fn read_user_file(path: &Path) -> Result<Option<Vec<u8>>, HelperError> {
    let unreadable = |d: String| HelperError::new(ErrorCode::ConfigUnreadable, Some(d));
    let r = resolve(path, &Owners::root_and_me(), Leaf::Read)
        .map_err(|d| HelperError::new(ErrorCode::ApplyPathUntrusted, Some(d.path)))?;
    if !r.exists() {
        return Ok(None);
    }
    read_capped(&r.real, Links::Refuse, MAX_CONFIG_BYTES)
        .map(Some)
        .map_err(|e| unreadable(e.to_string()))
}

/// The user's configuration file, byte for byte (lab: the default until
/// one is saved). Blocking: call it off the runtime thread.
pub fn config_text(fixed: &Fixed) -> Result<Vec<u8>, HelperError> {
    match read_user_file(&fixed.paths.config)? {
        Some(b) => Ok(b),
        None if fixed.mode == Mode::Lab => Ok(new_lab_text().into_bytes()),
        None => Err(HelperError::new(
            ErrorCode::ConfigUnreadable,
            Some(std::io::Error::from(std::io::ErrorKind::NotFound).to_string()),
        )),
    }
}

/// A new lab's chrony.conf, its comments in the language of the window
/// that started the helper (else the locale's).
fn new_lab_text() -> String {
    let tr = crate::i18n::Localizer::new(crate::i18n::Lang::from_env());
    crate::core::conf::lab_config(|id| tr.tr(id))
}

/// Lab mode: the user's config exists (from `--config` or the default) and
/// chronyd's generated file matches it.
pub fn prepare_lab(fixed: &Fixed, initial: Option<&[u8]>) -> Result<(), HelperError> {
    let io = |e: std::io::Error| HelperError::new(ErrorCode::HelperIo, Some(e.to_string()));
    std::fs::create_dir_all(&fixed.paths.data_dir).map_err(io)?;
    std::fs::create_dir_all(run_dir(fixed)).map_err(io)?;
    if let Some(text) = initial {
        write_atomic(&fixed.paths.config, text).map_err(io)?;
    } else if !fixed.paths.config.exists() {
        write_atomic(&fixed.paths.config, new_lab_text().as_bytes()).map_err(io)?;
    }
    let user = config_text(fixed)?;
    write_atomic(&fixed.paths.chronyd_config, &chronyd_text(fixed, &user))
        .map_err(io)
        .map(|_| ())
}

/// Lint's first error, with the files it reads and the trust rule (as
/// root: blocking, run it off the runtime thread).
fn first_lint_error(
    doc: &Document,
    version: Option<ChronyVersion>,
    trust: &Trust,
) -> Option<String> {
    let exists = |p: &str| Path::new(p).exists();
    let judged = |p: &str, class| judge(p, class, &trust.config, &trust.chronyd);
    let opts = LintOptions {
        version: version.unwrap_or(ChronyVersion::LATEST),
        path_exists: Some(&exists),
        resolves: None,
        read: Some(&crate::sys::file_facts),
        now: Some(crate::sys::now() as i64),
        trust: Some(&judged),
    };
    lint(doc, &opts)
        .into_iter()
        .find(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}", d.line.unwrap_or(0), d.rule))
}

/// The line chronyd refused, as "at line N in file F" in system mode (never
/// the words chronyd read: the file may be one only root can read).
fn refusal(stderr: &str, mode: Mode) -> String {
    let line = stderr
        .lines()
        .find(|l| l.contains("Fatal") || l.contains("Could not"))
        .unwrap_or(stderr.trim());
    match mode {
        Mode::Lab => line.to_string(),
        Mode::System => super::supervisor::exit_reason(&[line.to_string()], mode)
            .filter(|r| r.contains(" at line "))
            .unwrap_or_else(|| "Fatal error".into()),
    }
}

/// How many lines differ, for the log.
fn change_summary(old: &[u8], new: &[u8]) -> String {
    // Only counted: a byte that is not UTF-8 changes no line count.
    let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let (mut add, mut del) = (0, 0);
    for c in diff.iter_all_changes() {
        match c.tag() {
            similar::ChangeTag::Insert => add += 1,
            similar::ChangeTag::Delete => del += 1,
            similar::ChangeTag::Equal => {}
        }
    }
    format!("+{add} -{del} lines")
}

impl Supervisor {
    /// `chronyd -p`: chronyd's own reading of the file, without starting.
    async fn chronyd_check(&self, text: &[u8]) -> Result<(), HelperError> {
        let io = |e: std::io::Error| HelperError::new(ErrorCode::HelperIo, Some(e.to_string()));
        let dir = self.fixed.paths.data_dir.clone();
        let text = text.to_vec();
        let tmp = blocking(move || {
            std::fs::create_dir_all(&dir)?;
            let mut tmp = tempfile::Builder::new()
                .prefix(".candidate-")
                .suffix(".conf")
                .tempfile_in(&dir)?;
            std::io::Write::write_all(&mut tmp, &text)?;
            Ok::<_, std::io::Error>(tmp)
        })
        .await
        .map_err(io)?;
        let out = tokio::process::Command::new(&self.fixed.chronyd)
            .args(["-p", "-f"])
            .arg(tmp.path())
            .stdin(std::process::Stdio::null())
            .kill_on_drop(true)
            .output();
        let out = tokio::time::timeout(Duration::from_secs(10), out)
            .await
            .map_err(|_| HelperError::new(ErrorCode::ApplyChronydRefused, Some("timeout".into())))?
            .map_err(|e| HelperError::new(ErrorCode::ChronydNotInstalled, Some(e.to_string())))?;
        let err = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() || err.contains("Fatal error") {
            return Err(HelperError::new(
                ErrorCode::ApplyChronydRefused,
                Some(refusal(&err, self.fixed.mode)),
            ));
        }
        Ok(())
    }

    /// The user's file, byte for byte, and (lab) chronyd's file from it:
    /// both or neither.
    /// (The writes and their fsyncs run off the helper's only runtime
    /// thread.)
    async fn write_config(&self, user: &[u8]) -> Result<(), HelperError> {
        let io = |e: std::io::Error| HelperError::new(ErrorCode::ApplyWrite, Some(e.to_string()));
        let fixed = self.fixed.clone();
        let user = user.to_vec();
        blocking(move || match fixed.mode {
            Mode::System => write_atomic(&fixed.paths.config, &user).map(|_| ()),
            Mode::Lab => {
                let text = chronyd_text(&fixed, &user);
                write_atomic_all(&[
                    (&fixed.paths.config, &user),
                    (&fixed.paths.chronyd_config, &text),
                ])
                .map(|_| ())
            }
        })
        .await
        .map_err(io)
    }

    /// Whether chronyd already runs `text`: the user's file says it and
    /// (lab) chronyd's own file was made from it.
    async fn runs(&self, text: &[u8], old_text: &[u8]) -> bool {
        if plan(&Document::parse(old_text), &Document::parse(text)) != LivePlan::Unchanged {
            return false;
        }
        match self.fixed.mode {
            Mode::System => !self.unconfirmed,
            Mode::Lab if self.unconfirmed => false,
            Mode::Lab => {
                let fixed = self.fixed.clone();
                let text = text.to_vec();
                blocking(move || {
                    read_user_file(&fixed.paths.chronyd_config)
                        .is_ok_and(|b| b.is_some_and(|b| b == chronyd_text(&fixed, &text)))
                })
                .await
            }
        }
    }

    /// A private, uniquely named copy of the current file; the oldest beyond
    /// the limit are deleted.
    async fn backup(&self, target: &Path, bytes: &[u8]) -> Result<PathBuf, HelperError> {
        let err = |e: std::io::Error| HelperError::new(ErrorCode::ApplyBackup, Some(e.to_string()));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "chrony.conf".into());
        let (dir, prefix, suffix) = match self.fixed.mode {
            Mode::Lab => (
                self.fixed.paths.backups.clone(),
                format!("{name}."),
                String::new(),
            ),
            // Beside the file, as administrators expect.
            Mode::System => (
                target.parent().unwrap_or(Path::new("/")).to_path_buf(),
                format!("{name}.stratum-"),
                ".bak".to_string(),
            ),
        };
        let (bytes, keep) = (bytes.to_vec(), self.apply_policy.keep_backups);
        let target = target.to_path_buf();
        blocking(move || {
            let meta = std::fs::metadata(&target)?;
            let p = write_backup(
                &dir,
                &prefix,
                &suffix,
                &bytes,
                meta.permissions().mode(),
                Some((meta.uid(), meta.gid())),
            )?;
            if let Err(e) = prune_backups(&dir, &prefix, &suffix, keep) {
                tracing::warn!(error = %e, dir = %dir.display(), "could not prune old backups");
            }
            Ok(p)
        })
        .await
        .map_err(err)
    }

    /// Applies `text`, the new file byte for byte.
    pub(super) async fn apply(&mut self, text: &[u8], uid: u32) -> Result<Applied, HelperError> {
        let new = Document::parse(text);
        // A NUL or control byte would reach chrony.conf (and a path chronyd
        // uses) as it is: refused before anything looks at the words.
        if let Some(line) = crate::core::conf::lint::control_character_line(&new) {
            return Err(HelperError::new(
                ErrorCode::ApplyLint,
                Some(format!(
                    "{line}:{}",
                    crate::core::conf::lint::Rule::ControlCharacter
                )),
            ));
        }
        let path = self.fixed.paths.config.clone();
        let old_bytes = blocking(move || read_user_file(&path)).await?;
        let old_text = old_bytes.clone().unwrap_or_default();
        // Whose files chronyd may use: root's and the helper's, and for
        // what chronyd writes, those of any user it may run as here (the
        // policy's, the old and new file's `user`, `-u`).
        let current_user = file_user(&Document::parse(&old_text));
        let running = match &self.control {
            super::supervisor::Control::Owned { args } => self.runs_as(args).await,
            super::supervisor::Control::Systemd { .. } => None,
        };
        let mut users = self.apply_policy.paths.users.clone();
        users.extend(current_user.clone());
        users.extend(file_user(&new));
        users.extend(running);
        let trust = blocking(move || Trust::this_process(users.iter().map(String::as_str))).await;
        // System mode: the guard before anything reads what the file names
        // (lint looks at included files as root too).
        if self.fixed.mode == Mode::System {
            let policy = self.apply_policy.paths.clone();
            let (doc, trust) = (new.clone(), trust.clone());
            let checked =
                blocking(move || confguard::check(&doc, &policy, &trust, current_user.as_deref()))
                    .await;
            if let Err(r) = checked {
                let (code, detail) = r.code_detail();
                return Err(HelperError::new(code, Some(detail)));
            }
        }
        let (doc, version) = (new.clone(), self.fixed.chrony_version);
        if let Some(first) = blocking(move || first_lint_error(&doc, version, &trust)).await {
            return Err(HelperError::new(ErrorCode::ApplyLint, Some(first)));
        }
        self.chronyd_check(&chronyd_text(&self.fixed, text)).await?;
        let plan = plan(&Document::parse(&old_text), &new);
        if self.runs(text, &old_text).await {
            return Ok(Applied {
                live: true,
                restarted: false,
                backup: None,
                unchanged: true,
            });
        }
        let target = crate::fsutil::write_target(&self.fixed.paths.config)
            .map_err(|e| HelperError::new(ErrorCode::ApplyWrite, Some(e.to_string())))?;
        let backup = match &old_bytes {
            Some(b) => Some(self.backup(&target, b).await?),
            None => None,
        };
        self.write_config(text).await?;
        let summary = change_summary(&old_text, text);

        let live = match &plan {
            LivePlan::Live(changes) if self.is_running() => match self.apply_live(changes).await {
                Ok(()) => true,
                Err(e) => {
                    tracing::info!(code = %e.code, "live change refused, restarting instead");
                    false
                }
            },
            _ => false,
        };
        let outcome = if live {
            Ok(())
        } else {
            match self.restart().await {
                Ok(()) => self.wait_ready(READY_AFTER_RESTART).await,
                Err(e) => Err(e),
            }
        };
        let backup_text = backup.as_ref().map(|p| p.display().to_string());
        match outcome {
            Ok(()) => {
                self.unconfirmed = false;
                tracing::info!(
                    uid,
                    %summary,
                    backup = backup_text.as_deref().unwrap_or("-"),
                    how = if live { "live" } else { "restart" },
                    file = %target.display(),
                    "applied"
                );
                Ok(Applied {
                    live,
                    restarted: !live,
                    backup: backup_text,
                    unchanged: false,
                })
            }
            Err(e) => Err(self
                .roll_back(e, old_bytes.as_deref(), uid, backup_text)
                .await),
        }
    }

    /// Puts the previous file back, byte for byte, and restarts chronyd on
    /// it. The error says exactly how far that got.
    async fn roll_back(
        &mut self,
        cause: SupervisorError,
        old: Option<&[u8]>,
        uid: u32,
        backup: Option<String>,
    ) -> HelperError {
        let reason = match &cause {
            SupervisorError::Exited(r) => r.clone(),
            other => other.to_string(),
        };
        let restored = match old {
            Some(b) => self.write_config(b).await,
            None => {
                let path = self.fixed.paths.config.clone();
                blocking(move || std::fs::remove_file(path))
                    .await
                    .map_err(|e| HelperError::new(ErrorCode::ApplyWrite, Some(e.to_string())))
            }
        };
        self.unconfirmed = true;
        if let Err(e) = restored {
            tracing::error!(uid, %reason, error = ?e.detail, backup = ?backup, "rollback could not restore the file");
            let detail = format!("{reason}; {}", backup.unwrap_or_default());
            return HelperError::new(ErrorCode::ApplyRollbackFailed, Some(detail));
        }
        let back = match self.restart().await {
            Ok(()) => self.wait_ready(READY_AFTER_RESTART).await,
            Err(e) => Err(e),
        };
        match back {
            Ok(()) => {
                self.unconfirmed = false;
                tracing::warn!(uid, %reason, "rolled back: chronyd runs the previous file");
                HelperError::new(ErrorCode::ApplyRolledBack, Some(reason))
            }
            Err(e) => {
                tracing::error!(uid, %reason, error = %e, "rolled back, but chronyd does not run");
                HelperError::new(
                    ErrorCode::ApplyRolledBackDown,
                    Some(format!("{reason}; {e}")),
                )
            }
        }
    }

    async fn client(&self) -> Result<CmdmonClient, HelperError> {
        let mut c =
            CmdmonClient::connect(&Endpoint::Unix(self.fixed.paths.chronyd_socket.clone())).await?;
        c.set_patience(Patience::Local);
        c.version = self.fixed.chrony_version.unwrap_or(ChronyVersion::LATEST);
        Ok(c)
    }

    /// The IP chronyd knows a configured source by.
    async fn source_ip(c: &mut CmdmonClient, host: &str) -> Option<IpAddr> {
        if let Ok(ip) = host.parse() {
            return Some(ip);
        }
        let sources = c.sources().await.ok()?;
        for ip in sources.into_iter().filter_map(|s| s.address.0.ip()) {
            if c.source_name(crate::core::cmdmon::WireAddr::Ip(ip))
                .await
                .is_ok_and(|n| n.eq_ignore_ascii_case(host))
            {
                return Some(ip);
            }
        }
        None
    }

    async fn apply_live(&self, changes: &[LiveChange]) -> Result<(), HelperError> {
        let needs_restart = || HelperError::new(ErrorCode::ApplyNeedsRestart, None);
        let mut c = self.client().await?;
        for ch in changes {
            let req = match ch {
                LiveChange::AddSource(s) => Request::AddSource(Box::new(AddSource::from_source(s))),
                LiveChange::RemoveSource(s) => {
                    if s.kind == SourceKind::Pool {
                        return Err(needs_restart());
                    }
                    let ip = Self::source_ip(&mut c, &s.host)
                        .await
                        .ok_or_else(needs_restart)?;
                    Request::DeleteSource(ip)
                }
                LiveChange::AddAccess(a) => {
                    let (address, bits) = match &a.target {
                        AccessTarget::Any => (None, 0),
                        AccessTarget::Net(s) => (Some(s.addr), s.bits as i32),
                        AccessTarget::Host(_) => return Err(needs_restart()),
                    };
                    Request::Access {
                        cmd: false,
                        allow: a.allow,
                        all: a.all,
                        address,
                        bits,
                    }
                }
                LiveChange::SetLocal(l) => Request::Local(l.as_ref().map(LocalParams::from_local)),
            };
            c.control(&req).await?;
        }
        Ok(())
    }

    pub(super) async fn action(&mut self, action: &Action, uid: u32) -> Result<(), HelperError> {
        tracing::info!(uid, ?action, "action");
        let req = match action {
            Action::Burst => Request::Burst {
                good: 4,
                total: 4,
                address: None,
            },
            // chronyd runs with -x in a lab: it never steps the clock.
            Action::Makestep if self.fixed.mode == Mode::Lab => {
                return Err(HelperError::new(ErrorCode::ActionMakestepLab, None));
            }
            Action::Makestep => Request::Makestep,
            Action::Online => Request::Online(None),
            Action::Offline => Request::Offline(None),
            Action::ReloadSources => Request::ReloadSources,
            Action::Refresh => Request::Refresh,
            Action::Restart => {
                self.restart().await?;
                self.wait_ready(READY_AFTER_RESTART).await?;
                return Ok(());
            }
        };
        self.client().await?.control(&req).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_in_system_mode_say_where_not_what() {
        let err = "2026-11-23T10:00:00Z Fatal error : Invalid directive root:x:0:0 at line 1 in file /etc/chrony/conf.d/x.conf\n";
        assert_eq!(
            refusal(err, Mode::System),
            "Fatal error at line 1 in file /etc/chrony/conf.d/x.conf"
        );
        assert!(refusal(err, Mode::Lab).contains("root:x:0:0"));
        assert_eq!(change_summary(b"a\nb\n", b"a\nc\nd\n"), "+2 -1 lines");
    }
}
