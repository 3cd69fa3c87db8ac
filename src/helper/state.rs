//! What the helper's tasks share: the latest snapshot (already encoded for
//! both audiences), history, the channel to the supervisor, and chronyd's
//! status. No lock here is held across an await or a socket write.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::{broadcast, mpsc, watch};

use super::auth::{Access, Policy};
use super::paths::Paths;
use super::supervisor::{ChronydStatus, LogTail, SupMsg};
use crate::core::conf::ChronyVersion;
use crate::core::history::History;
use crate::core::snapshot::Snapshot;
use crate::ipc::frame::frame_bytes;
use crate::ipc::{HelperInfo, PROTOCOL_VERSION};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Lab,
    System,
}

impl Mode {
    pub fn id(self) -> &'static str {
        match self {
            Mode::Lab => "lab",
            Mode::System => "system",
        }
    }
}

/// A refused or failed request: a code the client translates plus the values
/// its message needs.
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

impl From<super::cmdmon::CmdmonError> for HelperError {
    fn from(e: super::cmdmon::CmdmonError) -> Self {
        HelperError::new(e.code(), Some(e.to_string()))
    }
}

/// One poll, encoded once for everyone: the JSON object of the full snapshot
/// (for peers that may read clients and server statistics) and of the one
/// chronyc gives any user, and the push frames built from them.
#[derive(Debug)]
pub struct Encoded {
    /// The snapshot itself, for the metrics page.
    pub snapshot: Snapshot,
    full: Vec<u8>,
    public: Vec<u8>,
    push_full: Vec<u8>,
    push_public: Vec<u8>,
}

impl Encoded {
    pub fn new(snap: &Snapshot) -> Encoded {
        let full = serde_json::to_vec(snap).expect("a snapshot serialises");
        let public = serde_json::to_vec(&public_view(snap)).expect("a snapshot serialises");
        let push = |s: &[u8]| {
            let mut body = Vec::with_capacity(s.len() + 32);
            body.extend_from_slice(br#"{"type":"push","snapshot":"#);
            body.extend_from_slice(s);
            body.push(b'}');
            frame_bytes(&body).unwrap_or_default()
        };
        Encoded {
            snapshot: snap.clone(),
            push_full: push(&full),
            push_public: push(&public),
            full,
            public,
        }
    }

    /// The push frame for a subscriber.
    pub fn push_frame(&self, full: bool) -> &[u8] {
        if full {
            &self.push_full
        } else {
            &self.push_public
        }
    }

    /// The frame replying to request `id` with this snapshot:
    /// `ReplyBody::Snapshot` is internally tagged, so its fields follow the
    /// tag in the same object.
    pub fn reply_frame(&self, id: u64, full: bool) -> Vec<u8> {
        let snap = if full { &self.full } else { &self.public };
        let mut body = Vec::with_capacity(snap.len() + 64);
        body.extend_from_slice(
            format!(r#"{{"type":"reply","id":{id},"body":{{"type":"snapshot","#).as_bytes(),
        );
        // The snapshot's fields and its closing brace ("time" is always there).
        body.extend_from_slice(&snap[1..]);
        body.push(b'}');
        frame_bytes(&body).unwrap_or_default()
    }
}

/// What chronyc gives any local user: no client list, no server statistics
/// (chronyd answers those only on its root-only socket).
pub fn public_view(snap: &Snapshot) -> Snapshot {
    Snapshot {
        clients: Vec::new(),
        serverstats: None,
        ..snap.clone()
    }
}

/// Facts fixed at start.
#[derive(Debug, Clone)]
pub struct Fixed {
    pub mode: Mode,
    pub paths: Paths,
    pub ntp_port: u16,
    pub chrony_version: Option<ChronyVersion>,
    pub chronyd: std::path::PathBuf,
}

pub struct Shared {
    pub fixed: Fixed,
    pub policy: Policy,
    pub history: Arc<Mutex<History>>,
    pub latest: watch::Sender<Option<Arc<Encoded>>>,
    pub pushes: broadcast::Sender<Arc<Encoded>>,
    pub supervisor: mpsc::Sender<SupMsg>,
    pub chronyd: watch::Receiver<ChronydStatus>,
    pub log: LogTail,
    /// Other chronyd servers watched over UDP (`--watch`).
    pub fleet: super::watch::Fleet,
}

/// A lock that survives a panic elsewhere: the data behind it (history) is
/// still good, and one failed request must not take every client down.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// The last poll's snapshot.
    pub fn latest_snapshot(&self) -> Option<Snapshot> {
        self.latest.borrow().as_ref().map(|e| e.snapshot.clone())
    }

    /// What the status bar shows; chronyd's log only to peers that may
    /// read the configuration (it can quote it).
    pub fn info(&self, access: Access) -> HelperInfo {
        let st = self.chronyd.borrow();
        let log = if access >= Access::Read {
            lock(&self.log).iter().cloned().collect()
        } else {
            Vec::new()
        };
        HelperInfo {
            protocol: PROTOCOL_VERSION,
            mode: self.fixed.mode.id().into(),
            chrony_version: self.fixed.chrony_version.map(|v| v.to_string()),
            chronyd_path: Some(self.fixed.chronyd.display().to_string()),
            config_path: self.fixed.paths.config.display().to_string(),
            chronyd_pid: st.pid,
            chronyd_log: log,
            ntp_port: self.fixed.ntp_port,
            may_change: access == Access::Change,
        }
    }
}

pub use crate::sys::now;
