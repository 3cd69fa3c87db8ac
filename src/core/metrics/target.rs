//! One chronyd as the page sees it: what the caller may read of it.

use crate::core::cmdmon::{AuthData, ServerStats, SourceData, Tracking};
use crate::core::nts::CertSummary;
use crate::core::snapshot::Snapshot;

#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The `server` label.
    pub server: &'a str,
    pub up: bool,
    pub tracking: Option<&'a Tracking>,
    pub sources: &'a [SourceData],
    /// Only for callers who may read server statistics.
    pub serverstats: Option<&'a ServerStats>,
    /// NTS authentication of the sources (root's view only).
    pub authdata: &'a [(String, AuthData)],
    /// The server's NTS certificates.
    pub nts_certs: &'a [CertSummary],
    /// The leap second list chronyd reads.
    pub leap_list: Option<&'a crate::core::leap::LeapListSummary>,
    /// The clients chronyd lists (root's view only, as server statistics).
    pub clients: &'a [crate::core::cmdmon::Client],
    /// Unix seconds, for how long the certificates have left.
    pub now: f64,
    /// The roster's verdicts (root's view only).
    pub roster: Option<&'a crate::core::roster::RosterReport>,
    /// The verdict on this chronyd (`health::verdict`), where one was made.
    pub health: Option<&'a crate::core::alarm::Health>,
}

impl<'a> Target<'a> {
    /// The managed chronyd from a snapshot (already cut to what the caller
    /// may see).
    pub fn local(snap: Option<&'a Snapshot>) -> Target<'a> {
        Target {
            server: "local",
            up: snap.is_some_and(|s| s.tracking.is_some()),
            tracking: snap.and_then(|s| s.tracking.as_ref()),
            sources: snap.map(|s| s.sources.as_slice()).unwrap_or(&[]),
            serverstats: snap.and_then(|s| s.serverstats.as_ref()),
            authdata: snap.map(|s| s.authdata.as_slice()).unwrap_or(&[]),
            nts_certs: snap.map(|s| s.nts_certs.as_slice()).unwrap_or(&[]),
            leap_list: snap.and_then(|s| s.leap_list.as_ref()),
            clients: snap.map(|s| s.clients.as_slice()).unwrap_or(&[]),
            now: snap.map_or(0.0, |s| s.time),
            roster: snap.and_then(|s| s.roster.as_ref()),
            health: snap.map(|s| &s.health),
        }
    }
}
