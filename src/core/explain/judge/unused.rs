//! The offset of a source the clock does not follow, in any source table
//! (chronyc, ntpq, the switches): that source's distance from the one
//! followed, not this clock's error.

use super::super::field::{FieldId as F, Value};
use super::super::model::{Explained, Field};
use super::super::verdict::{Status, Why};
use crate::core::cmdmon::SourceState;

/// The row of the source the clock follows: chronyc's `*` (chronyc(1):
/// "the source to which chronyd is currently synchronised"), ntpq's `*`
/// and `o` ("system peer", "PPS peer"), a switch's master or flag 1.
fn followed(row: &[Field]) -> bool {
    row.iter().any(|f| {
        f.value == Value::State(SourceState::Selected)
            || f.reason
                .as_ref()
                .is_some_and(|r| matches!(r.id, Why::TallySysPeer | Why::SwitchSelected))
    })
}

/// With one row followed, the clock's own offset is that row's (ntpq(1):
/// the system peer; ntpd steps on the combined offset, not on an
/// outlier's): a large offset on any other row (outlier, falseticker,
/// candidate, backup, rejected) says that source is far from the followed
/// one. Without a followed row nothing says which is right: unchanged.
pub(super) fn unused_offsets(e: &mut Explained) {
    if !e.rows.iter().any(|r| followed(r)) {
        return;
    }
    for row in e.rows.iter_mut().filter(|r| !followed(r)) {
        for f in row.iter_mut().filter(|f| {
            matches!(f.name, F::SampleOffset | F::Offset | F::EstOffset)
                && f.status == Status::Bad
                && f.reason
                    .as_ref()
                    .is_some_and(|r| matches!(r.id, Why::OffsetLarge | Why::OffsetSourceLarge))
        }) {
            f.status = Status::Warn;
            // Its value (check_offset's, as the row shows it) stays.
            if let Some(r) = f.reason.as_mut() {
                r.id = Why::OffsetUnused;
            }
        }
    }
}
