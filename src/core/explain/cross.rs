//! What one report says about another's rows: a `?` source explained by
//! selectdata's state letter, or by ntpdata's counters and tests, when the
//! paste (or the live snapshot) has them. chronyc(1), sources: "The
//! selectdata command can be used to get more details about the selection
//! state"; ntpdata: "Total RX: The number of all packets received from the
//! source".

use super::field::{FieldId as F, SourceAddr, Value};
use super::judge::{int, select_verdict};
use super::model::field;
use super::model::{Explained, Field, Kind};
use super::verdict::{Reason, Status, Why};
use crate::core::cmdmon::SourceState;

/// Which source a row is about: its address where the report has one (a
/// pool's addresses share a name), else the name as printed (ntpdata's
/// remote address without its refid).
#[derive(PartialEq)]
enum Key {
    Ip(std::net::IpAddr),
    Text(String),
}

fn key(row: &[Field]) -> Option<Key> {
    let f = field(row, F::Address).or_else(|| field(row, F::RemoteAddress))?;
    Some(match f.value {
        Value::Source(SourceAddr::Ip(ip)) => Key::Ip(ip),
        _ => Key::Text(f.raw.split_whitespace().next()?.to_string()),
    })
}

fn unusable(row: &[Field]) -> bool {
    field(row, F::State).is_some_and(|f| f.value == Value::State(SourceState::Unusable))
        && field(row, F::Address).is_none_or(|f| f.value != Value::Source(SourceAddr::Unresolved))
}

fn set(row: &mut [Field], name: F, status: Status, why: Why) {
    if let Some(f) = row.iter_mut().find(|f| f.name == name) {
        f.status = status;
        f.reason = Some(Reason::new(why));
    }
}

/// A `?` source that answers takes its cause from its selectdata row.
pub(super) fn causes_from_selectdata(sources: &mut Explained, select: &Explained) {
    for row in &mut sources.rows {
        let answers =
            matches!(field(row, F::Reach).map(|f| f.value), Some(Value::Reach(r)) if r != 0);
        if !unusable(row) || !answers {
            continue;
        }
        let Some(state) = key(row).and_then(|k| {
            select
                .rows
                .iter()
                .find(|r| key(r).as_ref() == Some(&k))
                .and_then(|r| match field(r, F::SelectState)?.value {
                    Value::Select(s) => Some(s),
                    _ => None,
                })
        }) else {
            continue;
        };
        let (status, why) = select_verdict(state);
        // Unusable is never "ok", whatever the letter's own verdict.
        let status = if status == Status::Ok {
            Status::Warn
        } else {
            status
        };
        set(row, F::State, status, why);
    }
}

/// A `?` source whose ntpdata shows answers (Total RX) although its reach
/// register is empty: chronyd counts in the register only the answers it
/// can use, so the cause is in the NTP tests, not the network.
fn causes_from_ntpdata(sources: &mut Explained, ntpdata: &Explained) {
    let blocks: Vec<&Vec<Field>> = if ntpdata.rows.is_empty() {
        vec![&ntpdata.fields]
    } else {
        ntpdata.rows.iter().collect()
    };
    // One source and one ntpdata block are the same source, however each
    // names it (chronyc resolves names for sources, ntpdata prints IPs).
    let single = sources.rows.len() == 1 && blocks.len() == 1;
    for row in &mut sources.rows {
        if !unusable(row) {
            continue;
        }
        let k = key(row);
        let Some(data) = blocks
            .iter()
            .find(|b| single || (k.is_some() && key(b) == k))
        else {
            continue;
        };
        if int(data, F::TotalRx).unwrap_or(0) == 0 {
            continue;
        }
        // The tests' own verdict (judge_ntpdata): authentication, an
        // unsynchronised server, a loop.
        let why = field(data, F::NtpTests)
            .and_then(|f| f.reason.as_ref())
            .map(|r| r.id)
            .filter(|w| *w != Why::TestsPassed)
            .unwrap_or(Why::AnswersUnusable);
        set(row, F::State, Status::Warn, why);
        for name in [F::Reach, F::LastRx] {
            if field(row, name).is_some_and(|f| f.status == Status::Bad) {
                set(row, name, Status::Warn, Why::AnswersUnusable);
            }
        }
    }
}

/// Several reports pasted together: each `sources` report told what the
/// others say of its rows, its findings then made again.
pub(super) fn reference(mut parts: Vec<Explained>) -> Vec<Explained> {
    let find = |parts: &[Explained], k: Kind| parts.iter().position(|e| e.kind == k);
    let Some(s) = find(&parts, Kind::ChronycSources) else {
        return parts;
    };
    let mut sources = parts[s].clone();
    if let Some(i) = find(&parts, Kind::ChronycSelectdata) {
        causes_from_selectdata(&mut sources, &parts[i]);
    }
    if let Some(i) = find(&parts, Kind::ChronycNtpdata) {
        causes_from_ntpdata(&mut sources, &parts[i]);
    }
    if sources != parts[s] {
        super::diagnose::diagnose(&mut sources);
        parts[s] = sources;
    }
    parts
}
