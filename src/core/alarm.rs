//! What an alarm is (kind and subject), apart from the rules that raise
//! them (`alarms.rs`), so that a snapshot can carry them.

use serde::{Deserialize, Serialize};

crate::id_enum! {
    /// What is wrong (texts `alarm-<id>`).
    pub enum AlarmKind {
        Unsynchronised = "unsynchronised",
        StratumHigh = "stratum-high",
        OffsetLarge = "offset-large",
        OffsetCritical = "offset-critical",
        SourceUnreachable = "source-unreachable",
        RefclockLost = "refclock-lost",
        CertificateExpiring = "certificate-expiring",
        CertificateExpired = "certificate-expired",
        LeapListExpiring = "leap-list-expiring",
        /// A roster device stopped polling (3× its interval).
        RosterNotPolling = "roster-not-polling",
        /// A roster device follows a server other than this one.
        RosterFollowsOther = "roster-follows-other",
        /// A roster device that follows us is past the offset threshold.
        RosterOffset = "roster-offset",
    }
}

/// One alarm: its kind and what it is about (a source, a file), as plain
/// text for the message's `what` argument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alarm {
    pub kind: AlarmKind,
    pub what: String,
}

impl Alarm {
    pub fn critical(&self) -> bool {
        matches!(
            self.kind,
            AlarmKind::Unsynchronised
                | AlarmKind::OffsetCritical
                | AlarmKind::RefclockLost
                | AlarmKind::CertificateExpired
        )
    }
}
