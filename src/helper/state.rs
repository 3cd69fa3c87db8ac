//! What the helper's tasks share: the latest snapshot (already encoded for
//! both audiences), history, the channel to the supervisor, and chronyd's
//! status. No lock here is held across an await or a socket write. The
//! facts every task reads (mode, paths, errors) are in `types`.

use std::sync::{Arc, Mutex, OnceLock};

use tokio::sync::{broadcast, mpsc, watch};

use super::auth::{Access, Policy};
use super::supervisor::{ChronydStatus, LogTail, SupMsg};
use super::types::{Fixed, lock};
use crate::core::history::History;
use crate::core::snapshot::Snapshot;
use crate::ipc::frame::frame_bytes;
use crate::ipc::{HelperInfo, PROTOCOL_VERSION};

/// One poll, encoded at most once for everyone: the JSON object of the
/// full snapshot (for peers that may read clients and server statistics)
/// and of the one chronyc gives any user, and the push frames built from
/// them. Each is made when first asked for: a helper nobody reads from
/// (idle, with a large client list or roster) encodes nothing.
#[derive(Debug)]
pub struct Encoded {
    /// The snapshot itself, for the metrics page.
    pub snapshot: Snapshot,
    full: OnceLock<Vec<u8>>,
    public: OnceLock<Vec<u8>>,
    push_full: OnceLock<Vec<u8>>,
    push_public: OnceLock<Vec<u8>>,
}

impl Encoded {
    pub fn new(snap: &Snapshot) -> Encoded {
        Encoded {
            snapshot: snap.clone(),
            full: OnceLock::new(),
            public: OnceLock::new(),
            push_full: OnceLock::new(),
            push_public: OnceLock::new(),
        }
    }

    /// The snapshot's JSON object for one audience.
    fn json(&self, full: bool) -> &[u8] {
        if full {
            self.full
                .get_or_init(|| serde_json::to_vec(&self.snapshot).expect("a snapshot serialises"))
        } else {
            self.public.get_or_init(|| {
                serde_json::to_vec(&public_view(&self.snapshot)).expect("a snapshot serialises")
            })
        }
    }

    /// The push frame for a subscriber.
    pub fn push_frame(&self, full: bool) -> &[u8] {
        let cell = if full {
            &self.push_full
        } else {
            &self.push_public
        };
        cell.get_or_init(|| {
            let s = self.json(full);
            let mut body = Vec::with_capacity(s.len() + 32);
            body.extend_from_slice(br#"{"type":"push","snapshot":"#);
            body.extend_from_slice(s);
            body.push(b'}');
            frame_bytes(&body).unwrap_or_default()
        })
    }

    /// The frame replying to request `id` with this snapshot:
    /// `ReplyBody::Snapshot` is internally tagged, so its fields follow the
    /// tag in the same object.
    pub fn reply_frame(&self, id: u64, full: bool) -> Vec<u8> {
        let snap = self.json(full);
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

/// What chronyc gives any local user: no client list, no server statistics,
/// no authentication data (chronyd answers those only on its root-only
/// socket).
pub fn public_view(snap: &Snapshot) -> Snapshot {
    let mut public = Snapshot {
        clients: Vec::new(),
        serverstats: None,
        authdata: Vec::new(),
        selectdata: Vec::new(),
        roster: None,
        ..snap.clone()
    };
    // The verdict on what this reader may see (no alarm from authdata).
    public.health =
        crate::core::health::verdict(&public, &crate::core::export::alerts::Thresholds::default());
    public
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
    /// The devices expected to follow this server.
    pub roster: Arc<super::roster::store::Roster>,
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
            mode: self.fixed.mode,
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
