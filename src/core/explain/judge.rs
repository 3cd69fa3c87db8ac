//! The verdicts on chronyc's reports, over typed values (`Value`, as
//! `chronyc.rs` reads them from text and `live.rs` from chronyd's replies):
//! each value alone, then what several values of one row or report say
//! together. Each rule cites what chronyc(1) says the value means.

use super::checks::*;
use super::field::{AuthMode, FieldId as F, Leap, SelectState, SourceAddr, Value};
use super::model::{Explained, Field, Kind, field};
use super::verdict::Status;
use super::verdict::{Reason, Why};
use crate::core::cmdmon::{LOCAL_REFID, SourceMode, SourceState};

fn field_mut(fields: &mut [Field], name: F) -> Option<&mut Field> {
    fields.iter_mut().find(|f| f.name == name)
}

pub(super) fn value(fields: &[Field], name: F) -> Value {
    field(fields, name).map_or(Value::Text, |f| f.value)
}

pub(super) fn int(fields: &[Field], name: F) -> Option<i64> {
    value(fields, name).int()
}

pub(super) fn set_named(fields: &mut [Field], name: F, status: Status, reason: Reason) {
    if let Some(f) = field_mut(fields, name) {
        set(f, status, reason);
    }
}

/// The stratum of a source or server. chronyc(1): stratum 0 is a
/// reference clock's ("the stratum of the source, as reported by its most
/// recently received sample. Stratum 1 indicates a computer with a locally
/// attached reference clock") and 16 unsynchronised; 15 is the last a
/// server can give (its clients would be 16): a synchronisation loop
/// climbs there.
fn judge_stratum(f: &mut Field, v: i64, refclock: bool) {
    match v {
        0 if refclock => set(f, Status::Ok, Reason::new(Why::StratumRefclock)),
        0 | 16.. => set(
            f,
            Status::Bad,
            Reason::new(Why::StratumUnsynchronised).arg("stratum", v),
        ),
        15 => set(
            f,
            Status::Warn,
            Reason::new(Why::StratumHigh).arg("stratum", v),
        ),
        _ => set(f, Status::Ok, Reason::new(Why::StratumOk).arg("stratum", v)),
    }
}

/// chronyc(1), sources: `*` selected, `+` combined, `-` not combined,
/// `?` "unusable" (connectivity lost or the packets fail all tests), `x`
/// falseticker, `~` "too variable". The cause of `?` is the row's (below).
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
pub(super) fn select_verdict(s: SelectState) -> (Status, Why) {
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
pub fn judge_values(e: &mut Explained) {
    if e.kind.family() != super::model::Family::Chrony {
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
    }
}

/// The offset of a source known to be a falseticker (its `x` row, or its
/// ntpdata block beside one): flagged as its disagreement with the
/// others, accounted for by the falseticker finding.
pub(super) fn falseticker_offset(fields: &mut [Field]) {
    for f in fields
        .iter_mut()
        .filter(|f| matches!(f.name, F::SampleOffset | F::Offset | F::EstOffset))
    {
        let flagged = f.reason.as_ref().is_some_and(|r| {
            matches!(
                r.id,
                Why::OffsetMedium | Why::OffsetLarge | Why::OffsetSourceLarge
            )
        });
        if let (true, Value::Seconds(v)) = (flagged, f.value) {
            set(
                f,
                Status::Warn,
                Reason::new(Why::OffsetFalseticker).arg("value", human(v.abs())),
            );
        }
    }
}

/// A row of `sources`: state and reach are two facts (chronyc(1): `?` is
/// "unusable", a reach of 377 "means that a valid reply was received for
/// all of the last eight transmissions"), each with its own verdict; the
/// cause of `?` is what the row shows: no address, no answer, an
/// unsynchronised server, else the selection (selectdata tells which).
pub fn judge_source_row(row: &mut [Field], orphan_root: bool, follows_other: bool) {
    let unresolved = value(row, F::Address) == Value::Source(SourceAddr::Unresolved);
    let reach = match value(row, F::Reach) {
        Value::Reach(r) => Some(r),
        _ => None,
    };
    let stratum = int(row, F::Stratum);
    let refclock = value(row, F::Mode) == Value::Mode(SourceMode::RefClock);
    let never = value(row, F::LastRx) == Value::Never;
    // chronyc(1), Reach: "updated by 1 when a valid NTP response … is
    // received … samples can be dropped if they are not considered good
    // enough for synchronisation, but the reachability register will
    // still have 1s"; LastRx: "how long ago the last good sample …
    // Measurements that failed some tests are ignored." The last poll
    // answered and no good sample for 8 polls (or ever): the answers fail
    // chronyd's tests.
    let stale = field(row, F::LastRx)
        .is_some_and(|f| f.reason.as_ref().is_some_and(|r| r.id == Why::LastRxStale));
    let answering = reach.is_some_and(|r| r & 1 != 0);
    // chronyc(1): `*` and `+` are the sources the clock follows now: their
    // samples were accepted, whatever LastRx shows.
    let accepted = matches!(
        value(row, F::State),
        Value::State(SourceState::Selected | SourceState::Combined)
    );
    let rejected =
        !refclock && !accepted && reach.is_some_and(|r| r != 0) && (never || (stale && answering));
    // A peer that answers, none of its samples good, while this server
    // follows another source: chrony's loop test drops the samples of a
    // peer whose reference is this server (chronyc(1), ntpdata: "tests ...
    // and synchronisation loop"). That is the upstream side of a normal
    // pair (chrony.conf(5), peer: "both servers and clients to each
    // other"), not a fault.
    let peer = value(row, F::Mode) == Value::Mode(SourceMode::Peer);
    let follower = rejected && peer && follows_other && !orphan_root;
    // Reach 0 with a number in LastRx: it answered (chronyc(1), LastRx:
    // "how long ago the last good sample ... was received") and has not
    // in the last 8 polls, or is no longer polled (offline). Not "never".
    let answered_before = !refclock
        && !unresolved
        && reach == Some(0)
        && matches!(value(row, F::LastRx), Value::Seconds(_));
    if answered_before {
        set_named(
            row,
            F::Reach,
            Status::Warn,
            Reason::new(Why::ReachZeroAnswered),
        );
    }
    if unresolved {
        // Nothing was ever sent: no address to send to.
        for f in row
            .iter_mut()
            .filter(|f| matches!(f.name, F::Reach | F::LastRx))
        {
            set(f, Status::Info, Reason::new(Why::NotPolled));
        }
    }
    // A reference clock is read, not polled over the network: reach 0 is a
    // driver that delivered no sample (nothing feeds its SHM segment or
    // socket), never a firewall.
    if refclock && reach == Some(0) {
        for f in row
            .iter_mut()
            .filter(|f| matches!(f.name, F::Reach | F::LastRx))
        {
            set(f, Status::Bad, Reason::new(Why::RefclockNoSample));
        }
    }
    if value(row, F::State) == Value::State(SourceState::Unusable) {
        let cause = if unresolved {
            Some((Status::Bad, Why::Unresolved))
        } else if refclock && reach == Some(0) {
            Some((Status::Bad, Why::RefclockNoSample))
        } else if answered_before {
            Some((Status::Warn, Why::ReachZeroAnswered))
        } else if reach == Some(0) {
            // Accounted for by the reach: nothing answers.
            None
        } else if orphan_root {
            Some((Status::Info, Why::StateOrphanPeer))
        } else if follower {
            Some((Status::Info, Why::StatePeerFollows))
        } else if rejected {
            Some((Status::Warn, Why::StateAnswersRejected))
        } else if !refclock && matches!(stratum, Some(0 | 16..)) {
            Some((Status::Warn, Why::StateUnusableUnsynchronised))
        } else if matches!(reach, Some(1 | 3 | 7)) {
            // chronyc(1), sources: `?` is also a source that "does not have
            // enough measurements"; a register of 1, 11 or 111 is a source
            // that answered each of its first polls: it is just starting.
            Some((Status::Warn, Why::StateFewSamples))
        } else if refclock {
            Some((Status::Warn, Why::StateRefclockUnused))
        } else {
            Some((Status::Warn, Why::StateUnusableAnswers))
        };
        if let (Some((status, why)), Some(f)) = (cause, field_mut(row, F::State)) {
            set(f, status, Reason::new(why));
        }
    }
    if rejected && let Some(f) = field_mut(row, F::LastRx) {
        if orphan_root {
            set(f, Status::Info, Reason::new(Why::StateOrphanPeer));
        } else if follower {
            set(f, Status::Info, Reason::new(Why::StatePeerFollows));
        } else {
            set(f, Status::Warn, Reason::new(Why::AnswersUnusable));
        }
    }
    // Without a good sample the stratum shown is a placeholder (0), not
    // the server's.
    if never
        && reach.is_some_and(|r| r != 0)
        && stratum == Some(0)
        && !refclock
        && let Some(f) = field_mut(row, F::Stratum)
    {
        set(f, Status::Info, Reason::new(Why::NoSample));
    }
    // A server at stratum 10 is most likely on its own clock (chrony.conf(5),
    // local: "the default value is 10"; "a value of 10 indicates that the
    // clock is so many hops away from a reference clock that its time is
    // fairly unreliable").
    if value(row, F::Mode) == Value::Mode(SourceMode::Server)
        && stratum == Some(OWN_CLOCK_STRATUM)
        && reach.is_some_and(|r| r != 0)
    {
        set_named(
            row,
            F::Stratum,
            Status::Warn,
            Reason::new(Why::StratumOwnClock).arg("stratum", OWN_CLOCK_STRATUM),
        );
    }
    // The adjusted offset beyond the estimated error: the source or the
    // path to it is unstable.
    let offset = value(row, F::SampleOffset).seconds();
    let error = value(row, F::Error).seconds();
    if let (Some(o), Some(e)) = (offset, error)
        && e > 0.0
        && o.abs() > e
        && let Some(f) = field_mut(row, F::SampleOffset)
            .filter(|f| !matches!(f.status, Status::Bad | Status::Info))
    {
        set(f, Status::Warn, Reason::new(Why::OffsetBeyondError));
    }
    // chronyc(1), sources: "x indicates a clock which chronyd thinks is a
    // falseticker (i.e. its time is inconsistent with a majority of other
    // sources)": its offset is its own disagreement, not this clock's error.
    if value(row, F::State) == Value::State(SourceState::Falseticker) {
        falseticker_offset(row);
    }
}

/// Only peers, none selected, one answering: what an orphan root shows.
/// chrony.conf(5), local orphan: of servers in orphan mode "the one with
/// the smallest reference ID" serves its local clock and the others
/// synchronise to it; the root ignores its peers by design (selectdata:
/// "O - has a stratum equal or larger than the orphan stratum").
pub(super) fn orphan_root(rows: &[Vec<Field>]) -> bool {
    !rows.is_empty()
        && rows
            .iter()
            .all(|r| value(r, F::Mode) == Value::Mode(SourceMode::Peer))
        && !rows.iter().any(|r| {
            matches!(
                value(r, F::State),
                Value::State(SourceState::Selected | SourceState::Combined)
            )
        })
        && rows.iter().any(|r| {
            matches!(value(r, F::Reach), Value::Reach(x) if x != 0)
                && !matches!(int(r, F::Stratum), Some(0 | 16..))
        })
}

/// chrony's default `local stratum` (chrony.conf(5)).
const OWN_CLOCK_STRATUM: i64 = 10;

/// `tracking`: at stratum 11, following a server (not its own clock), the
/// server is at 10, chrony's default `local stratum`: it most likely serves
/// its own clock (the lab notes' server seen from its client).
pub fn judge_tracking(fields: &mut [Field]) {
    let follows_server =
        matches!(value(fields, F::Refid), Value::RefId(id) if id != 0 && id != LOCAL_REFID);
    // chronyc(1), tracking: System time is "the current offset between the
    // NTP clock and the system clock"; with no reference (Reference ID
    // 00000000 or the local clock's 127.127.1.1, Leap status "Not
    // synchronised") there is no NTP clock to compare with: the offsets,
    // frequency and skew are chronyd's own estimates and are shown
    // neutral, never green.
    let no_reference = matches!(value(fields, F::Refid), Value::RefId(0 | LOCAL_REFID))
        || value(fields, F::Leap) == Value::Leap(Leap::Unsynchronised);
    if no_reference {
        for f in fields.iter_mut().filter(|f| {
            matches!(
                f.name,
                F::SystemTime
                    | F::LastOffset
                    | F::RmsOffset
                    | F::Frequency
                    | F::ResidualFreq
                    | F::Skew
            ) && matches!(f.status, Status::Ok | Status::Info)
        }) {
            set(f, Status::Info, Reason::new(Why::NoReference));
        }
    }
    if follows_server && int(fields, F::Stratum) == Some(OWN_CLOCK_STRATUM + 1) {
        set_named(
            fields,
            F::Stratum,
            Status::Warn,
            Reason::new(Why::StratumOwnClock).arg("stratum", OWN_CLOCK_STRATUM + 1),
        );
    }
}

/// What chronyd's counters for one NTP source say (`ntpdata`, one block or
/// CSV row; chronyc(1): Total TX "the number of packets sent to the
/// source", Total RX "all packets received", Total valid RX "packets which
/// passed the first two groups of NTP tests"; NTP tests: "Results of RFC
/// 5905 tests 1 through 3, 5 through 7, and tests for maximum delay, delay
/// ratio, delay dev ratio (or delay quantile), and synchronisation loop").
pub fn judge_ntpdata(row: &mut [Field]) {
    let tx = int(row, F::TotalTx);
    let rx = int(row, F::TotalRx);
    let valid = int(row, F::TotalValidRx);
    if let (Some(tx), Some(rx)) = (tx, rx) {
        if rx == 0 {
            if tx > 0 {
                set_named(
                    row,
                    F::TotalRx,
                    Status::Bad,
                    Reason::new(Why::RxNone).arg("tx", tx),
                );
            } else {
                // Nothing sent yet: an NTS source without cookies waits for
                // its key establishment (mode "Invalid": no answer either).
                set_named(row, F::TotalTx, Status::Warn, Reason::new(Why::TxNone));
            }
            unjudge_placeholders(row, true);
            return;
        }
        // More than a quarter unanswered: a healthy path and server answer
        // nearly every request, so this is loss or the server's ratelimit.
        if tx >= 8 && rx * 4 < tx * 3 {
            set_named(
                row,
                F::TotalRx,
                Status::Warn,
                Reason::new(Why::RxLossy).arg("tx", tx).arg("rx", rx),
            );
        }
    }
    if let (Some(rx), Some(valid)) = (rx, valid)
        && rx > 0
        && valid * 2 < rx
    {
        set_named(
            row,
            F::TotalValidRx,
            Status::Bad,
            Reason::new(Why::RxInvalid)
                .arg("rx", rx)
                .arg("valid", valid),
        );
    }
    // Answers, none valid (chronyc(1): Total valid RX "packets which passed
    // the first two groups of NTP tests"): the header shown is no packet's,
    // so no stratum 0 of a server "not synchronised itself". The tests
    // (authentication) say why.
    let none_valid = rx.is_some_and(|r| r > 0) && valid == Some(0);
    if none_valid {
        unjudge_placeholders(row, false);
    }
    // A server that is not synchronised sends placeholders, not its
    // distance to true time: chronyd's reference.c gives root delay and
    // dispersion 1 s and reference time 0 while unsynchronised (the leap
    // bits say so; chronyc(1), ntpdata). Its leap and stratum carry the
    // verdict; the reference id says what it says.
    let unsynced = value(row, F::Leap) == Value::Leap(Leap::Unsynchronised)
        || matches!(int(row, F::Stratum), Some(0 | 16..));
    if unsynced && !none_valid {
        for x in row
            .iter_mut()
            .filter(|x| matches!(x.name, F::RootDelay | F::RootDispersion | F::RefTime))
        {
            x.status = Status::Info;
            x.reason = Some(Reason::new(Why::UnsyncPlaceholder));
        }
    }
    // The server's own reference is its local clock (127.127.1.1), at the
    // stratum its `local` directive gives: the row's, whatever it is (0
    // and 16 are "not synchronised", which the stratum says).
    if !none_valid
        && value(row, F::Refid) == Value::RefId(LOCAL_REFID)
        && let Some(stratum) = int(row, F::Stratum).filter(|s| (1..=15).contains(s))
    {
        set_named(
            row,
            F::Refid,
            Status::Warn,
            Reason::new(Why::RefidOwnClock).arg("stratum", stratum),
        );
    }
    let good = int(row, F::TotalGoodRx);
    // The line the limits are options of (chrony.conf(5): server, pool and
    // peer take maxdelay…): a symmetric mode is a peer's.
    let line = if field(row, F::NtpMode).is_some_and(|m| m.raw.contains("Symmetric")) {
        "peer"
    } else {
        "server"
    };
    // chronyd clamps maxdelay to 1000 s (ntp_core.c, MAX_MAXDELAY): a
    // round trip beyond it fails whatever the server line says, and no
    // network takes that long: the timestamps themselves are wrong.
    let absurd_delay = value(row, F::PeerDelay)
        .seconds()
        .filter(|d| d.is_finite() && *d > MAX_MAXDELAY);
    if let Some(f) = field_mut(row, F::NtpTests)
        && let Value::Tests(bits) = f.value
    {
        // Only the delay tests (maxdelay, maxdelayratio, maxdelaydevratio):
        // the advice is about those limits alone.
        let delay_only = bits[..6].iter().all(|b| *b) && bits[9] && !bits[6..9].iter().all(|b| *b);
        // Group 2: test 5 authentication, 6 unsynchronised server, 7 bad
        // header data. Group 3 (delays, then the loop test) is evaluated
        // only for packets that passed groups 1 and 2: chrony's
        // ntp_core.c sets tests A-D to 0 otherwise. An unsynchronised
        // server's refid 00000000 is no loop.
        let (status, why) = if !bits[3] {
            (Status::Bad, Why::TestsAuthFailed)
        } else if !bits[4] {
            (Status::Bad, Why::TestsUnsynchronised)
        } else if !bits[5] {
            (Status::Warn, Why::TestsBadData)
        } else if bits[..9].iter().all(|b| *b) && !bits[9] {
            // Only the loop test: chrony dropped the sample of a source
            // whose reference is this server (ntp_core.c compares it with
            // our address), so the two cannot follow each other; the
            // upstream side of a peer pair always shows this. Polled from
            // a server line, the source is one this server means to follow
            // and never can: a loop in the configuration.
            if line == "peer" {
                (Status::Info, Why::TestsSyncLoop)
            } else {
                (Status::Warn, Why::TestsServerFollowsUs)
            }
        } else if bits.iter().all(|b| *b) {
            (Status::Ok, Why::TestsPassed)
        } else if delay_only && good.zip(valid).is_some_and(|(g, v)| g * 5 >= v * 4) {
            // The tests are the last packet's (chronyc(1), ntpdata: "the
            // last valid measurement"); 4 in 5 packets were good (a
            // healthy source's ratio, live): one round trip longer than
            // usual, not a limit that drops a share of them.
            (Status::Info, Why::TestsDelayOnce)
        } else {
            (Status::Warn, Why::TestsFailed)
        };
        let failed: Vec<&str> = NTP_TESTS
            .iter()
            .zip(bits.iter())
            .filter(|(_, ok)| !**ok)
            .map(|(name, _)| *name)
            .collect();
        let group = match (delay_only, absurd_delay) {
            (true, Some(_)) => "absurd-delay",
            (true, None) => "delay",
            _ => "other",
        };
        // Ids, comma-separated; said in words by the localizer.
        set(
            f,
            status,
            Reason::new(why)
                .arg("tests", failed.join(","))
                .arg("group", group)
                .arg("line", line)
                .arg("delay", format!("{:.0}", absurd_delay.unwrap_or(0.0))),
        );
    }
}

/// The largest maxdelay chronyd accepts, seconds (ntp_core.c clamps the
/// option to it: MAX_MAXDELAY 1.0e3).
const MAX_MAXDELAY: f64 = 1.0e3;

/// The ten bits of ntpdata's "NTP tests", in chronyc's order (chronyc(1):
/// "Results of RFC 5905 tests 1 through 3, 5 through 7, and tests for
/// maximum delay, delay ratio, delay dev ratio (or delay quantile), and
/// synchronisation loop"): the last four by the server-line options that
/// set their limits (chrony.conf(5): maxdelay, maxdelayratio,
/// maxdelaydevratio, maxdelayquant from 4.3).
/// Each an id: its name is translated (`ntp-test-<id>`), the server-line
/// options keeping their chrony.conf spelling.
pub const NTP_TESTS: [&str; 10] = [
    "rfc1",
    "rfc2",
    "rfc3",
    "rfc5",
    "rfc6",
    "rfc7",
    "maxdelay",
    "maxdelayratio",
    "maxdelaydevratio",
    "loop",
];

/// `authdata`: with NTS, key establishment that keeps failing shows as
/// attempts with no key yet and no cookies; a working one keeps 8 cookies
/// (chronyc(1), authdata).
pub fn judge_authdata(row: &mut [Field]) {
    if value(row, F::AuthMode) != Value::Auth(AuthMode::Nts) {
        return;
    }
    let never = value(row, F::LastKe) == Value::Never;
    match int(row, F::Cookies) {
        Some(0) => set_named(row, F::Cookies, Status::Bad, Reason::new(Why::NtsNoCookies)),
        Some(c) if c < 8 && !never => set_named(
            row,
            F::Cookies,
            Status::Warn,
            Reason::new(Why::NtsFewCookies).arg("count", c),
        ),
        Some(_) => set_named(row, F::Cookies, Status::Ok, Reason::new(Why::Yes)),
        None => {}
    }
}

/// `sourcestats`: no samples yet (or left) for a source. Below 3 samples
/// chronyd runs no regression (sourcestats.c, MIN_SAMPLES_FOR_REGRESS):
/// the skew (2000 ppm) and standard deviation (4 s) it prints are its
/// worst-case bounds, placeholders rather than estimates.
pub fn judge_sourcestats(row: &mut [Field]) {
    let n = int(row, F::Samples);
    if n.is_some_and(|n| n > 0 && n < 3) {
        set_named(row, F::Samples, Status::Info, Reason::new(Why::SamplesFew));
    }
    if n.is_some_and(|n| n < 3) {
        if n == Some(0) {
            set_named(row, F::Samples, Status::Warn, Reason::new(Why::SamplesNone));
        }
        for x in row.iter_mut().filter(|x| {
            matches!(
                x.name,
                F::EstOffset | F::StdDev | F::Frequency | F::FreqSkew
            )
        }) {
            x.status = Status::Info;
            x.reason = Some(Reason::new(if n == Some(0) {
                Why::NoSample
            } else {
                Why::SamplesFew
            }));
        }
    }
}

/// `selectdata`: chronyc(1), "M" is "it does not have enough
/// measurements"; its leap status is chronyd's initial "not synchronised"
/// until a sample sets it, and the selection has not used it: no verdict
/// (the letter accounts for the source).
pub fn judge_select_row(row: &mut [Field]) {
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

/// What ntpdata shows of a source with no valid answer is a placeholder;
/// the NTP tests of its last packet too when nothing answered at all.
fn unjudge_placeholders(row: &mut [Field], with_tests: bool) {
    for x in row.iter_mut().filter(|x| {
        matches!(
            x.name,
            F::Leap
                | F::Stratum
                | F::Offset
                | F::PeerDelay
                | F::PeerDispersion
                | F::Refid
                | F::RootDelay
                | F::RootDispersion
                | F::RefTime
        ) || (with_tests && x.name == F::NtpTests)
    }) {
        x.status = Status::Info;
        x.reason = Some(Reason::new(Why::NoSample));
    }
}

/// `selectdata`: its Leap `?` is chronyc(1)'s "unknown status (i.e. no
/// valid measurement was made)", not a server saying it is unsynchronised
/// (`-c` prints the same value as "Not synchronised").
pub fn judge_selectdata(row: &mut [Field]) {
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
pub(super) fn selectable(s: SelectState) -> bool {
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

/// `serverstats`: a server that drops a large share of its NTP requests is
/// rate limiting (or out of client log memory).
pub fn judge_serverstats(fields: &mut [Field]) {
    // chronyc(1) serverstats: "NTS-KE connections accepted" and
    // "Authenticated NTP packets": a client that got its keys sends NTS
    // requests at once; keys given and none came means each client's key
    // establishment failed on its side (it refused the certificate).
    if let (Some(ke), Some(0)) = (int(fields, F::NtskeAccepted), int(fields, F::AuthPackets))
        && ke > 0
    {
        set_named(
            fields,
            F::AuthPackets,
            Status::Warn,
            Reason::new(Why::NtsKeNoRequests).arg("ke", ke),
        );
    }
    let (Some(rx), Some(dropped)) = (int(fields, F::NtpReceived), int(fields, F::NtpDropped))
    else {
        return;
    };
    // chrony counts a request as received before it decides to drop it
    // (clientlog.c, CLG_LogServiceAccess: `total_hits[service]++` comes
    // before ntp_core.c asks CLG_LimitServiceRate), so the dropped are a
    // share of the received. Capped: the counters are the server's words.
    if dropped > 0 && rx > 0 {
        let share = (dropped as f64 / rx as f64).min(1.0);
        let status = if share >= 0.5 {
            Status::Bad
        } else {
            Status::Warn
        };
        set_named(
            fields,
            F::NtpDropped,
            status,
            Reason::new(Why::ServerDropping)
                .arg("drops", dropped)
                .arg("percent", format!("{:.0}", share * 100.0)),
        );
    }
}

/// Each value, then each row and the whole report.
pub fn judge_all(e: &mut Explained) {
    judge_values(e);
    // Whatever the tool: a source that never answered has no offsets to judge.
    for row in &mut e.rows {
        unjudge_placeholder_offsets(row);
    }
    judge_report(e);
    super::local::judge(e);
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
        Kind::ChronycSourcestats => e.rows.iter_mut().for_each(|r| judge_sourcestats(r)),
        Kind::ChronycServerstats => judge_serverstats(&mut e.fields),
        Kind::ChronycSelectdata => e.rows.iter_mut().for_each(|r| judge_selectdata(r)),
        Kind::NtpqPeers | Kind::JunosShowNtpAssociations | Kind::AristaShowNtpAssociations => {
            e.rows.iter_mut().for_each(|r| {
                judge_ntpq_refclock_row(r);
                super::ntpd::judge_pool_row(r);
            })
        }
        _ => {}
    }
}

/// ntpq's peers row of a reference clock (ntpq(1): type `l`, "local
/// (such as a GPS, WWVB)"; its remote is the driver's name or a
/// 127.127.t.u address): read, not polled over a network. Reach 0 is a
/// driver that delivered no sample; a firewall, DNS or an unsynchronised
/// server cannot be the cause.
fn judge_ntpq_refclock_row(row: &mut [Field]) {
    let local = field(row, F::Type).is_some_and(|f| f.raw.trim() == "l")
        || field(row, F::Remote).is_some_and(|f| {
            let r = f
                .raw
                .trim()
                .trim_start_matches(['*', '+', '-', '#', 'x', '.', 'o', ' ']);
            r.starts_with("127.127.")
        });
    // ntpq prints the register in octal.
    let reach = field(row, F::Reach).and_then(|f| u32::from_str_radix(f.raw.trim(), 8).ok());
    if !local || reach != Some(0) {
        return;
    }
    for f in row
        .iter_mut()
        .filter(|f| matches!(f.name, F::Reach | F::Tally | F::When))
    {
        set(f, Status::Bad, Reason::new(Why::RefclockNoSample));
    }
}
