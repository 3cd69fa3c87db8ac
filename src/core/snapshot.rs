//! One poll of chronyd, as the live panels, the history and
//! `stratum status` see it.

use serde::{Deserialize, Serialize};

use super::cmdmon::{Activity, Client, ServerStats, SourceData, SourceStats, Tracking};

/// One poll of chronyd: what the live panels and `stratum status` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Snapshot {
    /// Unix seconds when the poll finished.
    pub time: f64,
    pub tracking: Option<Tracking>,
    pub sources: Vec<SourceData>,
    pub sourcestats: Vec<SourceStats>,
    pub activity: Option<Activity>,
    pub serverstats: Option<ServerStats>,
    pub clients: Vec<Client>,
    /// chronyd has more clients than a snapshot lists (the first ones are).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clients_truncated: bool,
    /// Names of sources by address, where chronyd knows one.
    #[serde(default)]
    pub names: Vec<(String, String)>,
    /// Why a part is missing (an error code), if one is.
    #[serde(default)]
    pub error: Option<String>,
}
