//! NTS certificates made by the helper, where chronyd may read them: a lab
//! keeps them in its data directory (0600, chronyd runs as the user), the
//! system beside chrony's configuration (`/etc/chrony/nts`, the key 0640
//! root:chronyd's group). A renewal keeps the CA (clients go on trusting
//! it) and restarts chronyd, which loads certificates only when it starts;
//! with `ntsdumpdir` its NTS keys survive and clients keep their cookies.

use std::path::PathBuf;

use super::supervisor::{Control, Supervisor};
use super::types::{Fixed, HelperError, Mode};
use crate::core::codes::ErrorCode;
use crate::core::nts::{self, CertSummary, IssueRequest};
use crate::ipc::NtsIssued;
use crate::ntsfiles::{self, KeyAccess};

/// Where this helper keeps NTS certificates.
pub fn nts_dir(fixed: &Fixed) -> PathBuf {
    match fixed.mode {
        Mode::Lab => fixed.paths.data_dir.join("nts-certs"),
        Mode::System => match fixed.paths.config.parent() {
            // RHEL keeps chrony.conf in /etc itself.
            Some(p) if p == std::path::Path::new("/etc") => PathBuf::from("/etc/chrony/nts"),
            Some(p) => p.join("nts"),
            None => PathBuf::from("/etc/chrony/nts"),
        },
    }
}

fn failed(e: impl std::fmt::Display) -> HelperError {
    HelperError::new(ErrorCode::NtsFailed, Some(e.to_string()))
}

impl Supervisor {
    pub(super) async fn nts(
        &mut self,
        names: Vec<String>,
        days: i64,
        renew: bool,
        uid: u32,
    ) -> Result<NtsIssued, HelperError> {
        let dir = nts_dir(&self.fixed);
        // The group chronyd reads its key as (system mode, as root).
        let user = match (&self.control, self.fixed.mode) {
            (_, Mode::Lab) => None,
            (Control::Owned { args }, Mode::System) => Some(self.runs_as(args).await),
            (_, Mode::System) => Some(None),
        };
        let days = days.clamp(-36_500, 36_500);
        let issue_dir = dir.clone();
        let made = tokio::task::spawn_blocking(move || -> Result<_, HelperError> {
            let access = match user {
                None => KeyAccess::Owner,
                Some(u) => group_of(u.or_else(crate::sys::chrony_user)),
            };
            let out = ntsfiles::open_dir(&issue_dir).map_err(failed)?;
            let ca = ntsfiles::read_ca(&out).map_err(failed)?;
            let names = if renew {
                let old = ntsfiles::read_server_cert(&out)
                    .map_err(|_| HelperError::new(ErrorCode::NtsNothingToRenew, None))?;
                nts::parse_cert(&old)
                    .ok_or_else(|| HelperError::new(ErrorCode::NtsNothingToRenew, None))?
                    .names
            } else {
                names
            };
            if renew && ca.is_none() {
                return Err(HelperError::new(ErrorCode::NtsNothingToRenew, None));
            }
            let issued = nts::issue(&IssueRequest {
                names: &names,
                days,
                ca: ca.as_ref(),
                now: crate::sys::now() as i64,
            })
            .map_err(failed)?;
            let written = ntsfiles::write_issued(&out, &issued, access, false).map_err(failed)?;
            Ok((issued, written))
        })
        .await
        .map_err(failed)??;
        let (issued, written) = made;
        tracing::info!(
            uid,
            dir = %dir.display(),
            renew,
            files = written.files.len(),
            "NTS certificates written"
        );
        let restarted = if renew {
            self.restart().await.map_err(HelperError::from)?;
            self.wait_ready(super::apply::READY_AFTER_RESTART).await?;
            true
        } else {
            false
        };
        // The lab's chronyd keeps its NTS keys in its own ntsdumpdir; the
        // system's are named for chronyd's state directory.
        let dump = match self.fixed.mode {
            Mode::Lab => self.fixed.paths.data_dir.join("nts"),
            Mode::System => PathBuf::from("/var/lib/chrony"),
        };
        Ok(NtsIssued {
            lines: ntsfiles::server_lines(&dir, &dump, None),
            cert: CertSummary::of(
                &dir.join(ntsfiles::SERVER_CERT).display().to_string(),
                Some(&issued.server.cert),
            ),
            files: written
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect(),
            backups: written
                .backups
                .iter()
                .map(|f| f.display().to_string())
                .collect(),
            restarted,
        })
    }
}

/// The key's group: chronyd's user's primary group (root when it runs as
/// root), read through NSS.
fn group_of(user: Option<String>) -> KeyAccess {
    user.and_then(|u| nix::unistd::User::from_name(&u).ok().flatten())
        .map(|u| KeyAccess::Group(u.gid.as_raw()))
        .unwrap_or(KeyAccess::Owner)
}
