//! Verdicts that need several fields of one row or report (ntpdata,
//! authdata, sourcestats, serverstats).

use super::checks::*;
use super::model::{Explained, Field, Kind};
use super::verdict::Status;
use super::verdict::{Reason, Why};

pub(super) fn field<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.name == name)
}

pub(super) fn number(fields: &[Field], name: &str) -> Option<f64> {
    field(fields, name).and_then(|f| f.raw.trim().parse::<f64>().ok())
}

pub(super) fn set_named(fields: &mut [Field], name: &str, status: Status, reason: Reason) {
    if let Some(f) = fields.iter_mut().find(|f| f.name == name) {
        set(f, status, reason);
    }
}

/// What chronyd's counters for one NTP source say (`ntpdata`, one block or
/// CSV row): never an answer, most requests unanswered (the server rate
/// limits or the path loses them), answers failing authentication, a
/// synchronisation loop or an unsynchronised server (chronyc(1): Total RX,
/// Total valid RX; NTP tests: RFC 5905 tests 1-3, 5-7 and the delay and
/// loop tests, in three groups).
pub fn judge_ntpdata(row: &mut [Field]) {
    let tx = number(row, "total-tx");
    let rx = number(row, "total-rx");
    let valid = number(row, "total-valid-rx");
    if let (Some(tx), Some(rx)) = (tx, rx) {
        if rx == 0.0 {
            if tx > 0.0 {
                set_named(
                    row,
                    "total-rx",
                    Status::Bad,
                    Reason::new(Why::RxNone).arg("tx", tx),
                );
            }
            // What an unanswered source shows is a placeholder.
            for x in row.iter_mut().filter(|x| {
                matches!(
                    x.name,
                    "leap"
                        | "stratum"
                        | "offset"
                        | "peer-delay"
                        | "peer-dispersion"
                        | "refid"
                        | "root-delay"
                        | "root-dispersion"
                        | "ntp-tests"
                        | "ref-time"
                )
            }) {
                x.status = Status::Info;
                x.reason = Some(Reason::new(Why::NoSample));
            }
            return;
        }
        if tx >= 8.0 && rx * 2.0 < tx {
            set_named(
                row,
                "total-rx",
                Status::Warn,
                Reason::new(Why::RxLossy).arg("tx", tx).arg("rx", rx),
            );
        }
    }
    if let (Some(rx), Some(valid)) = (rx, valid)
        && rx > 0.0
        && valid * 2.0 < rx
    {
        set_named(
            row,
            "total-valid-rx",
            Status::Bad,
            Reason::new(Why::RxInvalid)
                .arg("rx", rx)
                .arg("valid", valid),
        );
    }
    if let Some(f) = row.iter_mut().find(|f| f.name == "ntp-tests") {
        let bits: Vec<bool> = f
            .raw
            .chars()
            .filter(|c| *c == '0' || *c == '1')
            .map(|c| c == '1')
            .collect();
        if bits.len() == 10 {
            // Group 2: test 5 authentication, 6 unsynchronised server,
            // 7 bad header data; group 3 ends with the loop test.
            if !bits[3] {
                set(f, Status::Bad, Reason::new(Why::TestsAuthFailed));
            } else if !bits[9] {
                set(f, Status::Bad, Reason::new(Why::TestsSyncLoop));
            } else if !bits[4] {
                set(f, Status::Bad, Reason::new(Why::TestsUnsynchronised));
            } else if bits.iter().all(|b| *b) {
                set(f, Status::Ok, Reason::new(Why::TestsPassed));
            } else {
                set(f, Status::Warn, Reason::new(Why::TestsFailed));
            }
        }
    }
}

/// `authdata`: with NTS, key establishment that keeps failing shows as
/// attempts with no key yet and no cookies; a working one keeps 8 cookies
/// (chronyc(1), authdata).
pub fn judge_authdata(row: &mut [Field]) {
    let nts = field(row, "auth-mode").is_some_and(|f| f.raw.trim() == "NTS");
    if !nts {
        return;
    }
    let cookies = number(row, "cookies");
    let never = field(row, "last-ke").is_some_and(|f| f.raw.trim() == "-");
    match cookies {
        Some(0.0) => set_named(row, "cookies", Status::Bad, Reason::new(Why::NtsNoCookies)),
        Some(c) if c < 8.0 && !never => set_named(
            row,
            "cookies",
            Status::Warn,
            Reason::new(Why::NtsFewCookies).arg("count", c),
        ),
        Some(_) => set_named(row, "cookies", Status::Ok, Reason::new(Why::Yes)),
        None => {}
    }
}

/// `sourcestats`: no samples yet (or left) for a source.
pub fn judge_sourcestats(row: &mut [Field]) {
    if number(row, "samples") == Some(0.0) {
        set_named(row, "samples", Status::Warn, Reason::new(Why::SamplesNone));
        for x in row
            .iter_mut()
            .filter(|x| matches!(x.name, "est-offset" | "std-dev" | "frequency" | "freq-skew"))
        {
            x.status = Status::Info;
            x.reason = Some(Reason::new(Why::NoSample));
        }
    }
}

/// `serverstats`: a server that drops a large share of its NTP requests is
/// rate limiting (or out of client log memory).
pub fn judge_serverstats(fields: &mut [Field]) {
    let (Some(rx), Some(dropped)) = (
        number(fields, "ntp-received"),
        number(fields, "ntp-dropped"),
    ) else {
        return;
    };
    if dropped > 0.0 && rx > 0.0 {
        let share = dropped / (rx + dropped);
        let status = if share >= 0.5 {
            Status::Bad
        } else {
            Status::Warn
        };
        set_named(
            fields,
            "ntp-dropped",
            status,
            Reason::new(Why::ServerDropping)
                .arg("drops", dropped)
                .arg("percent", format!("{:.0}", share * 100.0)),
        );
    }
}

/// Checks that need several values of one report (per row for tables).
pub fn judge_report(e: &mut Explained) {
    match e.kind {
        Kind::ChronycNtpdata => {
            judge_ntpdata(&mut e.fields);
            e.rows.iter_mut().for_each(|r| judge_ntpdata(r));
        }
        Kind::ChronycAuthdata => e.rows.iter_mut().for_each(|r| judge_authdata(r)),
        Kind::ChronycSourcestats => e.rows.iter_mut().for_each(|r| judge_sourcestats(r)),
        Kind::ChronycServerstats => judge_serverstats(&mut e.fields),
        _ => {}
    }
}
