//! The verdicts on `selectdata` rows, and which of its states a source can be selected from.

use super::super::checks::{check_offset, set};
use super::super::field::{FieldId as F, Leap, SelectState, Value};
use super::super::model::Field;
use super::super::verdict::{Reason, Status, Why};
use super::common::{field_mut, set_named, value};

/// `selectdata`: chronyc(1), "M" is "it does not have enough
/// measurements"; its leap status is chronyd's initial "not synchronised"
/// until a sample sets it, and the selection has not used it: no verdict
/// (the letter accounts for the source).
fn judge_select_row(row: &mut [Field]) {
    let unknown_leap = value(row, F::Leap) == Value::Leap(Leap::Unsynchronised);
    let state = value(row, F::SelectState);
    // A source with no valid measurement shows `M` or `s`, and the same
    // chronyd shows either at different times (seen with 4.3); its leap
    // `?` is "unknown status (i.e. no valid measurement was made)"
    // (chronyc(1), selectdata), not a server saying it is unsynchronised.
    // Either letter then means no answer was usable; a live view says
    // whether enough polls went out for that to be final (live.rs).
    if unknown_leap
        && matches!(
            state,
            Value::Select(SelectState::Unsynchronised | SelectState::FewMeasurements)
        )
    {
        // A reference clock has no key and no server: its driver gave no
        // sample (the causes are the refclock's, not a network's).
        let refclock =
            super::super::model::field(row, F::Address).is_some_and(|a| refid_name(&a.raw));
        set_named(
            row,
            F::SelectState,
            Status::Warn,
            Reason::new(Why::SelectNoMeasurement)
                .arg("refclock", if refclock { "yes" } else { "no" }),
        );
    }
    if unknown_leap
        && matches!(
            state,
            Value::Select(SelectState::FewMeasurements | SelectState::Unsynchronised)
        )
    {
        set_named(row, F::Leap, Status::Info, Reason::new(Why::NoSample));
    }
}

/// A reference clock as selectdata names it: chronyc prints a refclock by
/// its reference ID (chrony.conf(5) refclock `refid`: "up to four ASCII
/// characters", GPS, PPS, NMEA, SHM0 by default), where an NTP source has
/// an address or a host name (lower case, or with dots).
fn refid_name(raw: &str) -> bool {
    let r = raw.trim();
    (1..=4).contains(&r.len())
        && r.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && r.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// selectdata's Interval of a source the clock follows (`*`, `+`):
/// chronyc(1), "the interval which was expected to contain the true offset
/// of the local clock". Wholly on one side of zero, its nearer end is at
/// least how far this clock and the source disagree: judged as a source's
/// offset is in `sources` (a `-2000ms -2000ms` interval is 2 s off, however
/// narrow it is).
fn judge_interval(row: &mut [Field]) {
    let used = matches!(
        value(row, F::SelectState),
        Value::Select(SelectState::Best | SelectState::Combined)
    );
    let (Value::Seconds(lo), Value::Seconds(hi)) = (value(row, F::LoLimit), value(row, F::HiLimit))
    else {
        return;
    };
    if !used || (lo <= 0.0 && hi >= 0.0) {
        return;
    }
    let nearer = lo.abs().min(hi.abs());
    if nearer < 1e-3 {
        return;
    }
    for name in [F::LoLimit, F::HiLimit] {
        if let Some(f) = field_mut(row, name) {
            check_offset(f, Some(nearer));
            if let Some(r) = f.reason.as_mut().filter(|r| r.id == Why::OffsetLarge) {
                r.id = Why::OffsetSourceLarge;
            }
        }
    }
}

/// `selectdata`: its Leap `?` is chronyc(1)'s "unknown status (i.e. no
/// valid measurement was made)", not a server saying it is unsynchronised
/// (`-c` prints the same value as "Not synchronised").
pub(super) fn judge_selectdata(row: &mut [Field]) {
    judge_select_row(row);
    judge_interval(row);
    if let Some(f) = field_mut(row, F::Leap).filter(|f| {
        f.value == Value::Leap(Leap::Unsynchronised)
            && f.reason.as_ref().is_none_or(|r| r.id != Why::NoSample)
    }) {
        set(f, Status::Info, Reason::new(Why::LeapUnknown));
    }
}

/// selectdata's states of a source chronyd cannot select now (chronyc(1):
/// "The following states indicate the source is not considered
/// selectable"); the others are selectable.
pub fn selectable(s: SelectState) -> bool {
    use SelectState as S;
    !matches!(
        s,
        S::Noselect
            | S::FewMeasurements
            | S::Unsynchronised
            | S::StratumRange
            | S::Distance
            | S::WaitsOthers
            | S::Stale
            | S::Orphan
            | S::Untrusted
            | S::Falseticker
            | S::Jitter
    )
}
