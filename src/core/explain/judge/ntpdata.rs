//! The verdicts on `ntpdata`: one source's packet counters and the NTP tests of its last packet.

use super::super::checks::set;
use super::super::field::{FieldId as F, Leap, Value};
use super::super::model::{Field, field};
use super::super::verdict::{Reason, Status, Why};
use super::common::{field_mut, int, set_named, value};
use crate::core::cmdmon::LOCAL_REFID;

/// What chronyd's counters for one NTP source say (`ntpdata`, one block or
/// CSV row; chronyc(1): Total TX "the number of packets sent to the
/// source", Total RX "all packets received", Total valid RX "packets which
/// passed the first two groups of NTP tests"; NTP tests: "Results of RFC
/// 5905 tests 1 through 3, 5 through 7, and tests for maximum delay, delay
/// ratio, delay dev ratio (or delay quantile), and synchronisation loop").
pub(super) fn judge_ntpdata(row: &mut [Field]) {
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
        // Polling faster than every 8 s (poll under 3) with answers that
        // fail the tests (a KoD RATE is a valid packet, never a good one:
        // more than a fifth of the valid RX not good), more than a tenth is
        // enough: chrony.conf(5) ratelimit's interval defaults to 3 (one
        // request per 8 s on average), and `kod` answers some requests with
        // a KoD RATE. Without that sign a tenth is a server that stopped a
        // while ago as much as a limit, so the quarter holds.
        let poll = int(row, F::PollInterval).filter(|p| (-10..3).contains(p));
        let kod_like = match (valid, int(row, F::TotalGoodRx)) {
            (Some(v), Some(g)) => g < v && (v - g) * 5 > v,
            _ => false,
        };
        let share = if poll.is_some() && kod_like { 10 } else { 4 };
        if tx >= 8 && (tx - rx) * share > tx {
            let mut why = Reason::new(Why::RxLossy).arg("tx", tx).arg("rx", rx);
            why = match poll {
                Some(p) => why.arg("fast", "yes").arg("poll", 2f64.powi(p as i32)),
                None => why.arg("fast", "no").arg("poll", ""),
            };
            set_named(row, F::TotalRx, Status::Warn, why);
        }
    }
    // chronyd writes the report ntpdata shows (mode, header, tests,
    // "Authenticated") only for a valid packet, one that passed tests 1-3
    // and 5 (ntp_core.c, 4.0 to 4.8: "Update the NTP report" under
    // valid_packet): with none valid, all of it is the zeroed start, and
    // only a source whose last valid packet was authenticated proves a key.
    let keyed = value(row, F::Authenticated) == Value::Bool(true);
    if let (Some(rx), Some(valid)) = (rx, valid)
        && rx > 0
        && valid * 2 < rx
    {
        // A few packets, none valid: a symmetric peer's first packets carry
        // no origin timestamp until it has received ours (test 3), and a
        // client's first answer can cross a restart (test 2): the start-up
        // of a pair, gone after a few polls.
        let (status, why) = if valid == 0 && rx <= STARTUP_RX {
            (Status::Warn, Why::RxStartup)
        } else if keyed || valid == 0 {
            (Status::Bad, Why::RxInvalid)
        } else {
            (Status::Warn, Why::RxInvalidUnkeyed)
        };
        set_named(
            row,
            F::TotalValidRx,
            status,
            Reason::new(why).arg("rx", rx).arg("valid", valid),
        );
    }
    // Answers, none valid (chronyc(1): Total valid RX "packets which passed
    // the first two groups of NTP tests"): the header and the tests shown
    // are no packet's, so no stratum 0 of a server "not synchronised
    // itself" and no failed authentication test.
    let none_valid = rx.is_some_and(|r| r > 0) && valid == Some(0);
    if none_valid {
        unjudge_placeholders(row, true);
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
    if let Some(f) = field_mut(row, F::NtpTests).filter(|_| !none_valid)
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

/// Packets received, none valid, that still read as a start-up: the
/// first exchange of each side (the peer's packet before it had ours, and
/// one crossing it), plus one lost poll.
const STARTUP_RX: i64 = 3;

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
