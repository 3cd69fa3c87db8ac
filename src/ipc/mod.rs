//! GUI/CLI <-> helper protocol: length-prefixed JSON frames over a Unix
//! socket, a version handshake first, requests with ids, typed replies and
//! error codes (never prose: the client translates codes).

pub mod client;

pub mod frame;
pub mod paths;

use serde::{Deserialize, Serialize};

pub use crate::core::codes::ErrorCode;
pub use crate::core::history::SeriesPoint;
pub use crate::core::series::{SeriesId, WatchTarget};
pub use crate::core::snapshot::Snapshot;

/// Bumped when a message changes shape (3: configurations travel as
/// bytes, [`ConfigBytes`]; sources carry their names, the snapshot its
/// verdict).
pub const PROTOCOL_VERSION: u32 = 3;

/// A request frame larger than this is refused (and the connection closed).
pub const MAX_FRAME: usize = 1 << 20;

/// What a client accepts from the helper: a snapshot of a server with tens of
/// thousands of NTP clients is larger than any request.
pub const MAX_REPLY_FRAME: usize = 64 << 20;

/// A configuration file's exact bytes. chrony.conf need not be UTF-8 (a
/// comment written in Latin-1 is common): it goes from the file to the
/// window and back byte for byte. In the JSON it is a base64 string (the
/// frame's size cap bounds it).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ConfigBytes(pub Vec<u8>);

impl ConfigBytes {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

impl std::fmt::Debug for ConfigBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.0))
    }
}

impl From<Vec<u8>> for ConfigBytes {
    fn from(b: Vec<u8>) -> Self {
        ConfigBytes(b)
    }
}

impl From<String> for ConfigBytes {
    fn from(s: String) -> Self {
        ConfigBytes(s.into_bytes())
    }
}

impl From<&str> for ConfigBytes {
    fn from(s: &str) -> Self {
        ConfigBytes(s.as_bytes().to_vec())
    }
}

impl Serialize for ConfigBytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use base64::Engine;
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for ConfigBytes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use base64::Engine;
        // Never larger than the (capped) frame it came in.
        let text = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map(ConfigBytes)
            .map_err(|e| serde::de::Error::custom(format!("configuration bytes: {e}")))
    }
}

crate::id_enum! {
    /// How the helper runs: a lab of the user's own, or the system's chronyd.
    pub enum Mode {
        Lab = "lab",
        System = "system",
    }
}

/// Helper-side facts shown in the status bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HelperInfo {
    pub protocol: u32,
    pub mode: Mode,
    pub chrony_version: Option<String>,
    /// The chronyd binary the helper runs and whose rules apply.
    #[serde(default)]
    pub chronyd_path: Option<String>,
    pub config_path: String,
    /// chronyd's pid while it runs.
    pub chronyd_pid: Option<u32>,
    /// The last lines chronyd wrote to stderr, for "why did it stop".
    pub chronyd_log: Vec<String>,
    pub ntp_port: u16,
    /// Whether this connection may change things.
    pub may_change: bool,
}

/// Things the helper can be asked to do to chronyd.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Burst,
    Makestep,
    Online,
    Offline,
    ReloadSources,
    Refresh,
    Restart,
}

/// A history query: one series over a time range, decimated to at most
/// `max_points` (min/max pairs per bucket).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryQuery {
    pub series: SeriesId,
    pub since: f64,
    pub until: f64,
    pub max_points: usize,
}

/// One watched chronyd (`stratum fleet`): seconds and ppm, chronyc's meanings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FleetRow {
    pub host: WatchTarget,
    pub reachable: bool,
    pub stratum: Option<u16>,
    /// The address (or reference clock name) it follows.
    pub reference: Option<String>,
    /// How far its clock is from NTP time (s).
    pub system_time: Option<f64>,
    pub frequency: Option<f64>,
    pub skew: Option<f64>,
    pub leap: Option<String>,
    /// Its selected source.
    pub selected: Option<String>,
    pub sources: Option<u32>,
    /// Why it did not answer.
    pub error: Option<ErrorCode>,
    /// This server's roster devices whose NTP reply names the watched
    /// server as their reference (`None`: no roster, or this user may not
    /// read it). Its own client list and roster are out of reach: chronyd
    /// gives clients only over its Unix socket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_followers: Option<Vec<String>>,
}

/// A roster request (`stratum roster`, the Roster panel).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum RosterOp {
    /// The devices and the latest verdicts.
    Get,
    Add {
        device: crate::core::roster::Device,
    },
    Remove {
        name: String,
    },
    /// Devices (and the servers' addresses) from an export bundle; names
    /// already on the roster are kept as they are.
    Import {
        devices: Vec<crate::core::roster::Device>,
        #[serde(default)]
        server_addresses: Vec<String>,
    },
    /// A burst of queries now, to one device or all.
    Probe {
        name: Option<String>,
    },
}

/// The roster as the helper keeps it, with the latest verdicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterState {
    pub devices: Vec<crate::core::roster::Device>,
    #[serde(default)]
    pub server_addresses: Vec<String>,
    /// The intent file.
    pub file: String,
    pub report: Option<crate::core::roster::RosterReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RequestBody {
    Info,
    Snapshot,
    History(HistoryQuery),
    SeriesList,
    GetConfig,
    /// The configuration to apply, exactly as it is to be written.
    Apply {
        config: ConfigBytes,
    },
    Action {
        action: Action,
    },
    Subscribe,
    Fleet,
    /// One watched server's tracking and sources, as a snapshot.
    FleetHost {
        host: WatchTarget,
    },
    /// Certificates for this server's NTS: a CA (kept, or made) and a
    /// server pair for `names`, written where chronyd may read them.
    NtsIssue {
        names: Vec<String>,
        days: i64,
    },
    /// A new server certificate for the same names, then chronyd restarted
    /// to load it.
    NtsRenew {
        days: i64,
    },
    Roster {
        #[serde(flatten)]
        op: RosterOp,
    },
}

impl RequestBody {
    /// Requests that change chronyd or its configuration.
    pub fn is_change(&self) -> bool {
        matches!(
            self,
            RequestBody::Apply { .. }
                | RequestBody::Action { .. }
                | RequestBody::NtsIssue { .. }
                | RequestBody::NtsRenew { .. }
                | RequestBody::Roster {
                    op: RosterOp::Add { .. }
                        | RosterOp::Remove { .. }
                        | RosterOp::Import { .. }
                        | RosterOp::Probe { .. }
                }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    Hello { protocol: u32 },
    Request { id: u64, body: RequestBody },
}

/// What an NTS request made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NtsIssued {
    /// The chrony.conf lines the server needs for these files.
    pub lines: String,
    pub cert: crate::core::nts::CertSummary,
    pub files: Vec<String>,
    pub backups: Vec<String>,
    /// chronyd was restarted to load the certificate.
    pub restarted: bool,
}

/// How an Apply went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Applied {
    /// Applied over cmdmon without restarting chronyd.
    pub live: bool,
    /// chronyd was restarted (or reloaded) to take the change.
    pub restarted: bool,
    /// Where the previous file was saved.
    pub backup: Option<String>,
    /// Nothing differed.
    pub unchanged: bool,
}

impl Applied {
    /// The message id that tells the user how it went (`$backup` arg).
    pub fn message_id(&self) -> &'static str {
        if self.unchanged {
            "cli-applied-unchanged"
        } else if self.live {
            "cli-applied-live"
        } else {
            "cli-applied-restart"
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ReplyBody {
    Info(HelperInfo),
    Snapshot(Box<Snapshot>),
    History {
        series: SeriesId,
        points: Vec<SeriesPoint>,
    },
    SeriesList {
        series: Vec<SeriesId>,
    },
    /// The configuration file as it is on disk, byte for byte.
    Config {
        text: ConfigBytes,
        path: String,
    },
    Applied(Applied),
    NtsIssued(NtsIssued),
    Roster(Box<RosterState>),
    Done,
    Subscribed,
    Fleet {
        hosts: Vec<FleetRow>,
    },
    /// `code` is stable and translated by the client; `detail` carries
    /// values for the message (a line number, chronyd's own words).
    Error {
        code: ErrorCode,
        detail: Option<String>,
    },
}

impl ReplyBody {
    pub fn error(code: ErrorCode, detail: Option<String>) -> ReplyBody {
        ReplyBody::Error { code, detail }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    Hello {
        protocol: u32,
        info: HelperInfo,
    },
    Reply {
        id: u64,
        body: ReplyBody,
    },
    /// Pushed after each poll to subscribed connections.
    Push {
        snapshot: Box<Snapshot>,
    },
    /// The connection is refused (bad frame, wrong protocol).
    Fatal {
        code: ErrorCode,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_bytes_cross_the_json_byte_for_byte() {
        let latin1 = b"# R\xe9seau du labo\nallow 10.0.0.0/24\n\xff\xfe\x00\n".to_vec();
        let msg = ClientMessage::Request {
            id: 3,
            body: RequestBody::Apply {
                config: latin1.clone().into(),
            },
        };
        let json = serde_json::to_string(&msg).unwrap();
        let back: ClientMessage = serde_json::from_str(&json).unwrap();
        match back {
            ClientMessage::Request {
                body: RequestBody::Apply { config },
                ..
            } => assert_eq!(config.into_bytes(), latin1),
            other => panic!("{other:?}"),
        }
        // Not base64: a malformed message, never a guess.
        let bad = json.replace("IyBS", "I!BS");
        assert!(serde_json::from_str::<ClientMessage>(&bad).is_err());
    }
}
