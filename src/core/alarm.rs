//! What an alarm is (kind and subject) and the verdict they add up to,
//! apart from the rules that raise them (`health.rs`), so that a snapshot
//! can carry them.

use serde::{Deserialize, Serialize};

crate::id_enum! {
    /// What is wrong (texts `alarm-<id>`). Each has one Prometheus rule
    /// (`export::alerts`), with the same severity.
    pub enum AlarmKind {
        /// chronyd does not answer the helper.
        ChronydSilent = "chronyd-silent",
        Unsynchronised = "unsynchronised",
        /// Serving its own clock (`local stratum N`): what = the stratum.
        OwnClock = "own-clock",
        StratumHigh = "stratum-high",
        OffsetLarge = "offset-large",
        OffsetCritical = "offset-critical",
        /// A configured name chronyd has no address for: what = the name.
        SourceUnresolved = "source-unresolved",
        SourceUnreachable = "source-unreachable",
        RefclockLost = "refclock-lost",
        /// NTS key establishment fails for a source: what = its name.
        NtsFailing = "nts-failing",
        CertificateExpiring = "certificate-expiring",
        CertificateExpired = "certificate-expired",
        LeapListExpiring = "leap-list-expiring",
        /// chronyd cannot use the leap second list: what = its path.
        LeapListUnusable = "leap-list-unusable",
        /// A roster device stopped polling (3× its interval).
        RosterNotPolling = "roster-not-polling",
        /// A roster device follows a server other than this one.
        RosterFollowsOther = "roster-follows-other",
        /// A roster device that follows us is past the offset threshold.
        RosterOffset = "roster-offset",
    }
}

impl AlarmKind {
    /// Critical: time is wrong or about to be; else a warning.
    pub fn critical(self) -> bool {
        matches!(
            self,
            AlarmKind::ChronydSilent
                | AlarmKind::Unsynchronised
                | AlarmKind::OffsetCritical
                | AlarmKind::RefclockLost
                | AlarmKind::CertificateExpired
        )
    }
}

/// One alarm: its kind and what it is about (a source, a file, a
/// stratum), as plain text for the message's `what` argument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alarm {
    pub kind: AlarmKind,
    pub what: String,
}

impl AlarmKind {
    /// Whether `what` is a reading of the time service (the offset, the
    /// stratum, chronyd's error) rather than what the alarm is about: the
    /// clock 0.5 s off, then 0.6 s off, is one alarm going on.
    fn what_is_a_reading(self) -> bool {
        matches!(
            self,
            AlarmKind::ChronydSilent
                | AlarmKind::OwnClock
                | AlarmKind::StratumHigh
                | AlarmKind::OffsetLarge
                | AlarmKind::OffsetCritical
        )
    }
}

impl Alarm {
    pub fn critical(&self) -> bool {
        self.kind.critical()
    }

    /// What the alarm is about, apart from the reading that raised it: an
    /// alarm is raised (and notified) when its subject appears and cleared
    /// when it is gone, not each time the reading moves.
    pub fn subject(&self) -> AlarmSubject {
        AlarmSubject {
            kind: self.kind,
            about: if self.kind.what_is_a_reading() {
                String::new()
            } else {
                self.what.clone()
            },
        }
    }
}

/// An alarm's kind and what it is about (a source's name, a file), without
/// the reading: see [`Alarm::subject`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AlarmSubject {
    pub kind: AlarmKind,
    pub about: String,
}

crate::id_enum! {
    /// The verdict on a time server, worst last.
    pub enum HealthState {
        /// Synchronised, and no alarm is raised.
        Healthy = "healthy",
        /// Not synchronised yet, while the first answers come in (no
        /// alarm: chronyd needs a few samples before it selects).
        Starting = "starting",
        /// An alarm that is a warning.
        Warning = "warning",
        /// A critical alarm: time is wrong, or nobody can tell.
        Critical = "critical",
    }
}

/// The verdict and its reasons, worst first: what the Overview's headline,
/// the status bar, notifications, `stratum status`, the metrics and the
/// alert rules all say (decided once, by `health::verdict`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub state: HealthState,
    pub alarms: Vec<Alarm>,
}

impl Default for Health {
    /// Nothing known yet: no snapshot has been judged.
    fn default() -> Health {
        Health {
            state: HealthState::Starting,
            alarms: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alarm(kind: AlarmKind, what: &str) -> Alarm {
        Alarm {
            kind,
            what: what.into(),
        }
    }

    #[test]
    fn a_moving_reading_is_the_same_alarm_and_another_subject_is_not() {
        use AlarmKind::*;
        let same = |a: Alarm, b: Alarm| a.subject() == b.subject();
        assert!(same(
            alarm(OffsetLarge, "0.512 s"),
            alarm(OffsetLarge, "0.634 s")
        ));
        assert!(same(alarm(StratumHigh, "11"), alarm(StratumHigh, "12")));
        assert!(same(
            alarm(ChronydSilent, "chronyd-socket"),
            alarm(ChronydSilent, "chronyd-timeout")
        ));
        // Worse is another alarm (critical, not a warning).
        assert!(!same(
            alarm(OffsetLarge, "0.512 s"),
            alarm(OffsetCritical, "2.000 s")
        ));
        assert!(!same(
            alarm(SourceUnreachable, "ntp1.example.net"),
            alarm(SourceUnreachable, "ntp2.example.net")
        ));
        assert!(!same(
            alarm(RosterOffset, "pc1"),
            alarm(RosterOffset, "pc2")
        ));
    }
}
