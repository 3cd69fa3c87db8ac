//! The verdicts on chronyc's reports, over typed values (`Value`, as
//! `chronyc/` reads them from text and `live.rs` from chronyd's replies):
//! each value alone (values.rs), then what several values of one row or
//! report say together (sources.rs, ntpdata.rs, select.rs, reports.rs).
//! Each rule cites what chronyc(1) says the value means.

mod common;
mod ntpdata;
mod reports;
mod select;
mod sources;
mod unused;
mod values;

use super::checks::unjudge_placeholder_offsets;
use super::field::{FieldId as F, Value};
use super::model::{Explained, Kind};
use crate::core::cmdmon::SourceState;
use ntpdata::judge_ntpdata;
use reports::{
    judge_authdata, judge_client_nts, judge_residual_frequencies, judge_serverstats,
    judge_sourcestats, judge_tracking,
};
use select::judge_selectdata;
use sources::{
    judge_ntpq_refclock_row, judge_offset_within_delay, judge_pps_numbering_rows, judge_source_row,
};
use values::judge_values;

pub(super) use common::{int, value};
pub(super) use select::selectable;
pub(super) use sources::{falseticker_offset, orphan_root};
pub(super) use values::select_verdict;

/// Each value, then each row and the whole report.
pub fn judge_all(e: &mut Explained) {
    judge_values(e);
    // Whatever the tool: a source that never answered has no offsets to judge.
    for row in &mut e.rows {
        unjudge_placeholder_offsets(row);
    }
    judge_report(e);
    super::local::judge(e);
    // IOS prints delay and offset in ms as ntpq does (Cisco IOS command
    // reference, show ntp associations); local::judge read its offsets.
    if e.kind == Kind::CiscoShowNtpAssociations {
        e.rows.iter_mut().for_each(|r| judge_offset_within_delay(r));
    }
    // After every reader's verdicts: one rule for all source tables.
    unused::unused_offsets(e);
}

/// Checks that need several values of one row or report.
pub fn judge_report(e: &mut Explained) {
    match e.kind {
        Kind::ChronycTracking => judge_tracking(&mut e.fields),
        Kind::ChronycSources => {
            let orphan_root = orphan_root(&e.rows);
            let follows = e
                .rows
                .iter()
                .any(|r| value(r, F::State) == Value::State(SourceState::Selected));
            e.rows
                .iter_mut()
                .for_each(|r| judge_source_row(r, orphan_root, follows));
        }
        Kind::ChronycNtpdata => {
            judge_ntpdata(&mut e.fields);
            e.rows.iter_mut().for_each(|r| judge_ntpdata(r));
        }
        Kind::ChronycAuthdata => e.rows.iter_mut().for_each(|r| judge_authdata(r)),
        Kind::ChronycSourcestats => {
            e.rows.iter_mut().for_each(|r| judge_sourcestats(r));
            judge_residual_frequencies(&mut e.rows);
        }
        Kind::ChronycServerstats => judge_serverstats(&mut e.fields),
        Kind::ChronycClients => e.rows.iter_mut().for_each(|r| judge_client_nts(r)),
        Kind::ChronycSelectdata => e.rows.iter_mut().for_each(|r| judge_selectdata(r)),
        Kind::NtpqPeers | Kind::JunosShowNtpAssociations | Kind::AristaShowNtpAssociations => {
            e.rows.iter_mut().for_each(|r| {
                judge_ntpq_refclock_row(r);
                super::ntpd::judge_pool_row(r);
                judge_offset_within_delay(r);
            });
            judge_pps_numbering_rows(&mut e.rows);
        }
        _ => {}
    }
}
