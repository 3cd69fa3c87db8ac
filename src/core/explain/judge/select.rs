//! The verdicts on `selectdata` rows, and which of its states a source can be selected from.

use super::super::checks::set;
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
    // chrony 4.3 marks a source with no valid measurement `s` (4.0 and
    // 4.6+ `M`); its leap `?` is "unknown status (i.e. no valid measurement
    // was made)" (chronyc(1), selectdata), not a server saying it is
    // unsynchronised.
    if unknown_leap && state == Value::Select(SelectState::Unsynchronised) {
        set_named(
            row,
            F::SelectState,
            Status::Warn,
            Reason::new(Why::SelectNoMeasurement),
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

/// `selectdata`: its Leap `?` is chronyc(1)'s "unknown status (i.e. no
/// valid measurement was made)", not a server saying it is unsynchronised
/// (`-c` prints the same value as "Not synchronised").
pub(super) fn judge_selectdata(row: &mut [Field]) {
    judge_select_row(row);
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
