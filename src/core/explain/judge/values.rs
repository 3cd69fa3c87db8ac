//! Each value of a chronyc report alone: stratum, state, leap, refid, frequency, LastRx, counters.

use super::super::checks::{
    check_dispersion, check_offset, check_system_time, judge_drops, judge_ke_attempts, judge_nak,
    judge_reach, set, stratum_verdict,
};
use super::super::field::{FieldId as F, Leap, SelectState, SourceAddr, Value};
use super::super::model::{Explained, Field};
use super::super::verdict::{Reason, Status, Why};
use super::common::{int, value};
use crate::core::cmdmon::{LOCAL_REFID, SourceMode, SourceState};

/// The stratum of a source or server. chronyc(1): stratum 0 is a
/// reference clock's ("the stratum of the source, as reported by its most
/// recently received sample. Stratum 1 indicates a computer with a locally
/// attached reference clock") and 16 unsynchronised; 15 is the last a
/// server can give (its clients would be 16): a synchronisation loop
/// climbs there.
fn judge_stratum(f: &mut Field, v: i64, refclock: bool) {
    match v {
        0 if refclock => set(f, Status::Ok, Reason::new(Why::StratumRefclock)),
        _ => stratum_verdict(f, v),
    }
}

/// chronyc(1), sources: `*` selected, `+` combined, `-` not combined,
/// `?` "unusable" (connectivity lost or the packets fail all tests), `x`
/// falseticker, `~` "too variable". The cause of `?` is the row's (sources.rs).
fn judge_source_state(f: &mut Field, s: SourceState) {
    use Why::*;
    let (status, id) = match s {
        SourceState::Selected => (Status::Ok, StateSelected),
        SourceState::Combined => (Status::Ok, StateCombined),
        SourceState::NotCombined => (Status::Info, StateNotCombined),
        SourceState::Unusable => (Status::Bad, StateUnusable),
        SourceState::Falseticker => (Status::Bad, StateFalseticker),
        SourceState::Jittery => (Status::Warn, StateJittery),
        SourceState::Unknown => return,
    };
    set(f, status, Reason::new(id));
}

/// chronyc(1), selectdata's states.
pub fn select_verdict(s: SelectState) -> (Status, Why) {
    use SelectState as S;
    use Why::*;
    match s {
        // Not selectable.
        S::Noselect => (Status::Info, SelectNoselect),
        S::FewMeasurements => (Status::Warn, SelectFewMeasurements),
        S::Unsynchronised => (Status::Bad, SelectUnsynchronised),
        S::StratumRange => (Status::Warn, SelectStratumRange),
        S::Distance => (Status::Warn, SelectDistance),
        S::WaitsOthers => (Status::Info, SelectWaitsOthers),
        S::Stale => (Status::Warn, SelectStale),
        S::Orphan => (Status::Info, SelectOrphan),
        S::Untrusted => (Status::Warn, SelectUntrusted),
        S::Falseticker => (Status::Bad, SelectFalseticker),
        S::Jitter => (Status::Warn, SelectJitter),
        // Selectable, not used now.
        S::WaitsMinsources => (Status::Info, SelectWaitsMinsources),
        S::OtherPreferred => (Status::Info, SelectOtherPreferred),
        S::WaitsMeasurement => (Status::Info, SelectWaitsMeasurement),
        S::NotCombined => (Status::Info, SelectNotCombined),
        // sources.c SRC_OUTLIER (chrony 4.9): an outlier in clustering.
        S::Outlier => (Status::Info, SelectOutlier),
        S::Combined => (Status::Ok, SelectCombined),
        S::Best => (Status::Ok, SelectBest),
    }
}

fn judge_leap(f: &mut Field, l: Leap) {
    let (status, why) = match l {
        Leap::Normal => (Status::Ok, Why::LeapNormal),
        Leap::Insert => (Status::Warn, Why::LeapInsert),
        Leap::Delete => (Status::Warn, Why::LeapDelete),
        Leap::Unsynchronised => (Status::Bad, Why::LeapUnsynchronised),
    };
    set(f, status, Reason::new(why));
}

/// A reference id: none (00000000, unsynchronised), chronyd's own clock
/// (127.127.1.1, `local`), anything else is whom it follows.
fn judge_refid(f: &mut Field, id: u32) {
    match id {
        0 => set(f, Status::Bad, Reason::new(Why::RefidNone)),
        LOCAL_REFID => set(f, Status::Info, Reason::new(Why::RefidLocal)),
        _ => {}
    }
}

/// The frequency error of the clock: normal clocks stay within ±100 ppm;
/// chronyd corrects at most ±500 ppm (`maxdrift`, chrony.conf(5)).
fn judge_frequency(f: &mut Field, ppm: f64) {
    let a = ppm.abs();
    let (status, why) = if a >= 500.0 {
        (Status::Bad, Why::FrequencyLimit)
    } else if a > 100.0 {
        (Status::Warn, Why::FrequencyHigh)
    } else {
        (Status::Ok, Why::FrequencyNormal)
    };
    set(f, status, Reason::new(why).arg("ppm", format!("{a:.3}")));
}

fn judge_skew(f: &mut Field, ppm: f64) {
    if ppm.abs() > 100.0 {
        set(f, Status::Warn, Reason::new(Why::SkewLarge));
    } else {
        f.status = Status::Ok;
    }
}

/// LastRx: never, or older than 8 polls (stale).
fn judge_age(f: &mut Field, secs: Option<f64>, poll: Option<i64>) {
    let Some(s) = secs else {
        set(f, Status::Bad, Reason::new(Why::LastRxNever));
        return;
    };
    if let Some(p) = poll {
        let interval = 2f64.powi(p as i32);
        // chronyc prints LastRx in whole seconds: below 1 s polling
        // (minpoll down to -6) a 1 is rounding, not 8 missed polls.
        if s > (8.0 * interval).max(1.0) {
            set(
                f,
                Status::Warn,
                Reason::new(Why::LastRxStale).arg("polls", (s / interval).round()),
            );
        } else {
            f.status = Status::Ok;
        }
    }
}

fn judge_count(f: &mut Field, n: i64, judge: fn(&mut Field, u64)) {
    if let Ok(n) = u64::try_from(n) {
        judge(f, n);
    }
}

/// One value of a chronyc report, alone.
fn judge_value(f: &mut Field, poll: Option<i64>, refclock: bool) {
    match (f.name, f.value) {
        (F::Stratum, Value::Int(v)) => judge_stratum(f, v, refclock),
        (F::Reach, Value::Reach(v)) => judge_reach(f, u32::from(v)),
        (F::State, Value::State(s)) => judge_source_state(f, s),
        (F::SelectState, Value::Select(s)) => {
            let (status, why) = select_verdict(s);
            set(f, status, Reason::new(why));
        }
        (F::Leap, Value::Leap(l)) => judge_leap(f, l),
        (F::Refid, Value::RefId(id)) => judge_refid(f, id),
        (F::SystemTime, Value::Seconds(c)) => check_system_time(f, c),
        (F::LastOffset, Value::Seconds(v)) => check_offset(f, Some(v)),
        // A source's offset is between this clock and that source: large,
        // one of the two is off, and the row alone does not say which.
        (F::SampleOffset | F::Offset | F::EstOffset, Value::Seconds(v)) => {
            check_offset(f, Some(v));
            if f.reason.as_ref().is_some_and(|r| r.id == Why::OffsetLarge)
                && let Some(r) = f.reason.as_mut()
            {
                r.id = Why::OffsetSourceLarge;
            }
        }
        (F::RootDispersion, Value::Seconds(v)) => check_dispersion(f, Some(v)),
        (F::Frequency, Value::Ppm(v)) => judge_frequency(f, v),
        // reference.c starts with our_skew = 1.0 ("rather bad"): tracking's
        // 1000000 ppm is no estimate used yet, not a noisy one.
        (F::Skew, Value::Ppm(v)) if v >= 999_999.0 => {
            set(f, Status::Warn, Reason::new(Why::SkewNoEstimate));
        }
        (F::Skew | F::FreqSkew, Value::Ppm(v)) => judge_skew(f, v),
        (F::NtpDrops | F::NtpDropped, Value::Int(n)) => judge_count(f, n, judge_drops),
        (F::LastRx, Value::Never) => judge_age(f, None, poll),
        (F::LastRx, Value::Seconds(s)) => judge_age(f, Some(s), poll),
        (F::KeAttempts, Value::Int(n)) => judge_count(f, n, judge_ke_attempts),
        (F::Nak, Value::Int(n)) => judge_count(f, n, judge_nak),
        // chronyc(1), activity: "the name of the server or peer was not
        // resolved to an address yet".
        (F::Address, Value::Source(SourceAddr::Unresolved)) => {
            set(f, Status::Bad, Reason::new(Why::Unresolved))
        }
        _ => {}
    }
}

/// Every value of a chronyc report, alone (tables row by row, with the
/// row's poll interval and whether it is a reference clock).
pub(super) fn judge_values(e: &mut Explained) {
    if e.kind.family() != super::super::model::Family::Chrony {
        return;
    }
    for f in &mut e.fields {
        judge_value(f, None, false);
    }
    for row in &mut e.rows {
        let poll = int(row, F::Poll);
        let refclock = value(row, F::Mode) == Value::Mode(SourceMode::RefClock);
        for f in row.iter_mut() {
            judge_value(f, poll, refclock);
        }
        noselect_from_authselectmode(row);
    }
}

/// selectdata's `N` of a source whose configuration has no noselect
/// (COpts without N, EOpts with it): chrony.conf(5) authselectmode,
/// "require": unauthenticated NTP sources "will automatically get the
/// noselect option"; "prefer" does the same when one source is
/// authenticated. The admin looks for the option in the file otherwise.
fn noselect_from_authselectmode(row: &mut [Field]) {
    let has = |row: &[Field], id: F, c: char| {
        row.iter().find(|f| f.name == id).map(|f| f.raw.contains(c))
    };
    if has(row, F::ConfOptions, 'N') != Some(false) || has(row, F::EffOptions, 'N') != Some(true) {
        return;
    }
    if let Some(f) = row
        .iter_mut()
        .find(|f| f.name == F::SelectState && f.value == Value::Select(SelectState::Noselect))
    {
        set(f, Status::Info, Reason::new(Why::SelectNoselectAuth));
    }
}
