//! Alarms the helper raises from each snapshot, with the thresholds the
//! Prometheus rules use (`export::alerts::Thresholds`): the window turns
//! them into desktop notifications and a line in its status bar.

pub use crate::core::alarm::{Alarm, AlarmKind};
use crate::core::cmdmon::{SourceMode, SourceState};
use crate::core::export::alerts::Thresholds;
use crate::core::snapshot::Snapshot;

/// The most alarms a snapshot carries (one per source at worst).
pub const MAX_ALARMS: usize = 64;

pub fn evaluate(s: &Snapshot, t: &Thresholds) -> Vec<Alarm> {
    let mut out = Vec::new();
    let mut add = |kind, what: String| {
        if out.len() < MAX_ALARMS {
            out.push(Alarm { kind, what });
        }
    };
    let now = s.time;
    if let Some(tr) = &s.tracking {
        if tr.stratum == 0 || tr.stratum >= 16 {
            add(AlarmKind::Unsynchronised, String::new());
        } else {
            if tr.stratum > u16::from(t.max_stratum) {
                add(AlarmKind::StratumHigh, tr.stratum.to_string());
            }
            let off = tr.system_time.abs();
            if off > t.offset_crit {
                add(AlarmKind::OffsetCritical, format!("{off:.3} s"));
            } else if off > t.offset_warn {
                add(AlarmKind::OffsetLarge, format!("{off:.3} s"));
            }
        }
    }
    for src in &s.sources {
        let name = s
            .names
            .iter()
            .find(|(a, _)| *a == src.name())
            .map_or_else(|| src.name(), |(_, n)| n.clone());
        if src.mode == SourceMode::RefClock {
            // No sample in two polls (as explain's "reference clock lost").
            let poll = 2f64.powi(i32::from(src.poll));
            let silent = src
                .last_sample_age()
                .is_none_or(|age| f64::from(age) > 2.0 * poll.max(1.0));
            if silent || src.state == SourceState::Unusable {
                add(AlarmKind::RefclockLost, name);
            }
        } else if src.reach == 0 && src.state == SourceState::Unusable {
            add(AlarmKind::SourceUnreachable, name);
        }
    }
    for c in s.nts_certs.iter().filter(|c| !c.unreadable) {
        let left = c.not_after as f64 - now;
        if left <= 0.0 {
            add(AlarmKind::CertificateExpired, c.path.clone());
        } else if left < f64::from(t.cert_days) * 86400.0 {
            add(AlarmKind::CertificateExpiring, c.path.clone());
        }
    }
    if let Some(l) = s.leap_list.as_ref().filter(|l| l.problem.is_none())
        && (l.expires as f64 - now) < f64::from(t.leap_days) * 86400.0
    {
        add(AlarmKind::LeapListExpiring, l.path.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cmdmon::Tracking;

    #[test]
    fn offsets_stratum_and_files_raise_alarms_at_the_exported_thresholds() {
        let t = Thresholds::default();
        let snap = |system_time: f64, stratum: u16| Snapshot {
            time: 1000.0,
            tracking: Some(Tracking {
                system_time,
                stratum,
                ..Tracking::default()
            }),
            leap_list: Some(crate::core::leap::LeapListSummary {
                path: "/l".into(),
                expires: 1000 + 86400,
                next_leap: None,
                problem: None,
            }),
            ..Snapshot::default()
        };
        let kinds = |s: &Snapshot| {
            evaluate(s, &t)
                .into_iter()
                .map(|a| a.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(&snap(0.001, 2)), [AlarmKind::LeapListExpiring]);
        assert_eq!(
            kinds(&snap(-0.5, 2))[0],
            AlarmKind::OffsetLarge,
            "0.5 s is above 0.1 s"
        );
        assert_eq!(kinds(&snap(2.0, 2))[0], AlarmKind::OffsetCritical);
        assert_eq!(kinds(&snap(0.0, 12))[0], AlarmKind::StratumHigh);
        assert_eq!(kinds(&snap(0.0, 0))[0], AlarmKind::Unsynchronised);
    }
}
