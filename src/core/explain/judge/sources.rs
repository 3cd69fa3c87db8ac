//! The verdicts on a source's row as a whole: chronyc's `sources` and ntpq's reference clocks.

use super::super::checks::{human, poll_seconds, set};
use super::super::field::{FieldId as F, SourceAddr, Value};
use super::super::model::{Field, field};
use super::super::verdict::{Reason, Status, Why};
use super::common::{OWN_CLOCK_STRATUM, field_mut, int, set_named, value};
use crate::core::cmdmon::{SourceMode, SourceState};

/// How far past its estimated error a source's last offset must be to be
/// called unstable: a quarter of the bound above it.
const UNSTABLE_MARGIN: f64 = 1.25;

/// The offset of a source known to be a falseticker (its `x` row, or its
/// ntpdata block beside one): flagged as its disagreement with the
/// others, accounted for by the falseticker finding.
pub fn falseticker_offset(fields: &mut [Field]) {
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
pub(super) fn judge_source_row(row: &mut [Field], orphan_root: bool, follows_other: bool) {
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
    // Misses at the end that fit in LastRx's one-second resolution (polls
    // under a second) do not show a stop: the row reads as loss would.
    if let (Some(r), Some(p)) = (reach, int(row, F::Poll))
        && r != 0
        && r.trailing_zeros() >= 2
        && f64::from(r.trailing_zeros()) * 2f64.powi(p.clamp(-10, 10) as i32) < 1.0
    {
        set_named(
            row,
            F::Reach,
            Status::Warn,
            Reason::new(Why::ReachPartial).arg("answered", r.count_ones()),
        );
    }
    // A register that reads as filling (1, 3, 7 … 177) at a poll of a
    // second or less fills in seconds: after minutes of polling it is
    // answers lost as a run (a rate-limiting server drops them so), not a
    // start; the row alone cannot tell which.
    if let (Some(r), Some(p)) = (reach, int(row, F::Poll))
        && p <= 0
        && r != 0xff
        && r != 0
        && (r + 1).is_power_of_two()
    {
        set_named(
            row,
            F::Reach,
            Status::Info,
            Reason::new(Why::ReachFillingFast)
                .arg("answered", r.count_ones())
                .arg("poll", poll_seconds(p)),
        );
    }
    // The newest poll missed and the oldest bits empty (036): at a poll of
    // a second or less the register is full within 8 s, so those empty
    // bits are misses after a run of answers, not polls still to come.
    if let (Some(r), Some(p)) = (reach, int(row, F::Poll))
        && p <= 0
        && r != 0xfe
        && r & 1 == 0
        && r != 0
        && ((r >> 1) + 1).is_power_of_two()
    {
        set_named(
            row,
            F::Reach,
            Status::Warn,
            Reason::new(Why::ReachPartial).arg("answered", r.count_ones()),
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
    // chronyc(1), sources, Reach: for a reference clock the register
    // counts polls at which its driver had a sample. Gaps between samples
    // are a driver delivering irregularly (gpsd or an SHM writer that
    // hiccups, a PPS without its lock), never packet loss or a server's
    // rate limit; a run of misses at the end is a driver gone silent.
    if refclock && let Some(r) = reach.map(u32::from).filter(|r| *r != 0 && *r != 0xff) {
        let gaps = !((r >> r.trailing_zeros()) + 1).is_power_of_two();
        // No sample at the last two polls: gone silent, whatever came
        // before (a run of misses at the end, gaps or not).
        if r.trailing_zeros() >= 2 {
            set_named(
                row,
                F::Reach,
                Status::Bad,
                Reason::new(Why::RefclockNoSample),
            );
        } else if gaps {
            set_named(
                row,
                F::Reach,
                Status::Warn,
                Reason::new(Why::RefclockIrregular).arg("answered", r.count_ones()),
            );
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
    // The adjusted offset beyond the estimated error (chronyc(1): "zzzz =
    // estimated error" of the measurement): the source or the path to it is
    // unstable. The bound is itself an estimate, so an offset a few percent
    // over it (1795 ns against ±1750 ns on loopback) is noise, not a finding.
    let offset = value(row, F::SampleOffset).seconds();
    let error = value(row, F::Error).seconds();
    if let (Some(o), Some(e)) = (offset, error)
        && e > 0.0
        && o.abs() > e * UNSTABLE_MARGIN
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

/// Peers, none selected, one answering, any other source silent: what an
/// orphan root shows. chrony.conf(5), local orphan: of servers in orphan
/// mode "the one with the smallest reference ID" serves its local clock
/// and the others synchronise to it; the root ignores its peers by design
/// (selectdata: "O - has a stratum equal or larger than the orphan
/// stratum"). The pair's upstreams (`^` rows) stay listed once they stop
/// answering: at reach 0 they are why orphan mode took over (4.0 and 4.3
/// pastes of the lab notes' primary show them).
pub fn orphan_root(rows: &[Vec<Field>]) -> bool {
    let peer = |r: &Vec<Field>| value(r, F::Mode) == Value::Mode(SourceMode::Peer);
    rows.iter().any(peer)
        && rows.iter().filter(|r| !peer(r)).all(|r| {
            value(r, F::Mode) == Value::Mode(SourceMode::Server)
                && matches!(value(r, F::Reach), Value::Reach(0))
        })
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

/// ntpq's peers row of a reference clock (ntpq(1): type `l`, "local
/// (such as a GPS, WWVB)"; its remote is the driver's name or a
/// 127.127.t.u address): read, not polled over a network. Reach 0 is a
/// driver that delivered no sample; a firewall, DNS or an unsynchronised
/// server cannot be the cause.
pub(super) fn judge_ntpq_refclock_row(row: &mut [Field]) {
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

/// ntpq's peers with a PPS peer (ntpq(1): tally `o`, "pps.peer"): ntpd
/// disciplines the clock from the pulse, which it uses only within ±0.4 s
/// of the time another source numbers (ntpd's prefer.html, "PPS driver").
/// The reference clock that numbers those seconds (an NMEA or other serial
/// timecode) then shows the timecode's latency as its offset, a few ms that
/// ntpd's NMEA driver calibrates with `fudge time2`; the clock does not
/// follow it. An offset of 100 ms or more stays flagged: a timecode that
/// far off is miscalibrated or failing, and near 0.4 s the PPS is dropped.
pub(super) fn judge_pps_numbering_rows(rows: &mut [Vec<Field>]) {
    let tally = |r: &[Field]| field(r, F::Tally).map(|f| f.raw.trim().to_string());
    if !rows.iter().any(|r| tally(r).as_deref() == Some("o")) {
        return;
    }
    for row in rows.iter_mut() {
        let local = field(row, F::Type).is_some_and(|f| f.raw.trim() == "l");
        if !local || tally(row).as_deref() == Some("o") {
            continue;
        }
        let Some(f) = field_mut(row, F::Offset) else {
            continue;
        };
        // ntpq prints milliseconds.
        let Some(secs) = f.raw.trim().parse::<f64>().ok().map(|ms| ms.abs() / 1000.0) else {
            continue;
        };
        if (1e-3..0.1).contains(&secs) {
            set(
                f,
                Status::Ok,
                Reason::new(Why::OffsetNumbersPps).arg("value", human(secs)),
            );
        }
    }
}

/// An ntpq-style peer row (ntpq(1), billboard: delay, offset and jitter in
/// ms): NTP's offset is exact only on a symmetric path; the asymmetry can
/// move one sample's offset by up to half its round-trip delay (RFC 5905,
/// section 8), more when the delay varies from sample to sample, and the
/// jitter is how far the samples scatter. An offset within delay + jitter
/// is the measurement's own error on this path, not a server off (4 ms on
/// a 46 ms WAN path, 1.9 ms on a 2.9 ms one). 100 ms and over stays
/// flagged, as does an offset larger than the path explains (10 ms on 0.3
/// ms).
pub(super) fn judge_offset_within_delay(row: &mut [Field]) {
    let ms = |f: &Field| f.raw.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let Some(delay) = field(row, F::Delay).and_then(ms).map(|d| d.abs() / 1000.0) else {
        return;
    };
    let jitter = field(row, F::Jitter)
        .and_then(ms)
        .map_or(0.0, |j| j.abs() / 1000.0);
    let Some(f) = field_mut(row, F::Offset) else {
        return;
    };
    let medium = f.reason.as_ref().is_some_and(|r| r.id == Why::OffsetMedium);
    let Some(secs) = ms(f).map(|v| v.abs() / 1000.0) else {
        return;
    };
    let bound = delay + jitter;
    if medium && secs <= bound {
        set(
            f,
            Status::Ok,
            Reason::new(Why::OffsetWithinDelay)
                .arg("value", human(secs))
                .arg("bound", human(bound)),
        );
    }
}
