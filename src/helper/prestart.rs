//! What is checked and prepared before every start of chronyd, in one
//! place: the trust rule over the file chronyd will read and everything it
//! names (system mode: an apply's start, a restart asked for and the
//! automatic one after chronyd died alike), the user chronyd drops to, and
//! its command-socket directory, given to that user by descriptor.

use std::path::PathBuf;

use super::chronyd_log::{NOTE_STOPPED, note};
use super::confguard::{self, Trust};
use super::supervisor::{Control, Supervisor, SupervisorError, run_as};
use super::types::{Mode, blocking};
use crate::core::conf::Document;
use crate::fsutil::trust::Owners;

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

    /// [`Self::trusted_to_start`], with a refusal said once in the log and
    /// in chronyd's log tail (what the window shows as why it stopped).
    pub(super) async fn refuse_untrusted(&mut self) -> Result<Option<String>, SupervisorError> {
        match self.trusted_to_start().await {
            Ok(user) => Ok(user),
            Err(e) => {
                tracing::error!(error = %e, "chronyd not started");
                note(&self.log, format!("{NOTE_STOPPED}{e}"));
                Err(e)
            }
        }
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
    pub(super) async fn ensure_socket_dir(&self, user: Option<String>) -> std::io::Result<()> {
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
}
