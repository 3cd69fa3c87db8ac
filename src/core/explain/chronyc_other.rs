//! chronyc's smaller outputs: `smoothing` (text and `-c`), `manual list`,
//! the lines `waitsync` prints per try, `settime`'s reply, and the `200 OK`
//! of an accepted command. Their layouts are client.c's (`process_cmd_smoothing`,
//! `process_cmd_manual_list`, `process_cmd_waitsync`, `request_reply`),
//! the same in 4.0 through 4.9. cmdmon.c lets a remote chronyc get
//! smoothing and manual list (PERMIT_OPEN), so they are pasted too.

use super::checks::{human, parse_interval, seconds};
use super::field::{FieldId as F, Value};
use super::judge::value;
use super::model::{Explained, Field, Kind};
use super::verdict::{Finding, Reason, Rule, Status, Why};
use crate::core::cmdmon::LOCAL_REFID;

/// smoothing's labels, as client.c prints them.
const SMOOTHING: &[(&str, F)] = &[
    ("Active", F::SmoothActive),
    ("Offset", F::SmoothOffset),
    ("Frequency", F::SmoothFrequency),
    ("Wander", F::SmoothWander),
    ("Last update", F::SmoothLastUpdate),
    ("Remaining time", F::SmoothRemaining),
];

const MANUAL_ROW: &[F] = &[
    F::ManualIndex,
    F::ManualTime,
    F::ManualSlewed,
    F::ManualOriginal,
    F::ManualResidual,
];

/// settime's reply line, in its order.
const SETTIME: &[F] = &[
    F::SettimeOffset,
    F::SettimeFrequencyChange,
    F::SettimeNewFrequency,
];

/// A frequency no working clock needs: ordinary ones stay within ±100 ppm,
/// and 500 ppm is the system driver's whole range on FreeBSD, NetBSD and
/// macOS (chrony.conf(5) maxdrift).
const ABSURD_PPM: f64 = 500.0;

const WAITSYNC: &[F] = &[F::Try, F::Refid, F::WaitsyncCorrection, F::Skew];

/// The field names each kind can give (the catalogue).
pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    vec![
        (
            Kind::ChronycSmoothing,
            &[
                "smooth-active",
                "smooth-offset",
                "smooth-frequency",
                "smooth-wander",
                "smooth-last-update",
                "smooth-remaining",
            ],
        ),
        (
            Kind::ChronycManualList,
            &[
                "manual-samples",
                "manual-index",
                "manual-time",
                "manual-slewed",
                "manual-original",
                "manual-residual",
            ],
        ),
        (
            Kind::ChronycSettime,
            &[
                "settime-offset",
                "settime-frequency-change",
                "settime-new-frequency",
            ],
        ),
        (
            Kind::ChronycWaitsync,
            &["try", "refid", "waitsync-correction", "skew"],
        ),
    ]
}

fn number(raw: &str) -> Option<f64> {
    raw.split_whitespace()
        .next()?
        .trim_start_matches('+')
        .parse()
        .ok()
}

fn typed(name: F, raw: &str) -> Field {
    let r = raw.trim();
    let v = match name {
        F::SmoothActive => match r.split_whitespace().next() {
            Some("Yes") => Value::Bool(true),
            Some("No") => Value::Bool(false),
            _ => Value::Text,
        },
        F::SmoothOffset | F::ManualSlewed | F::ManualOriginal | F::ManualResidual => {
            seconds(r).map_or(Value::Text, Value::Seconds)
        }
        F::WaitsyncCorrection => number(r).map_or(Value::Text, Value::Seconds),
        F::SettimeOffset => number(r).map_or(Value::Text, Value::Seconds),
        F::SmoothFrequency
        | F::SmoothWander
        | F::Skew
        | F::SettimeFrequencyChange
        | F::SettimeNewFrequency => {
            number(r.trim_end_matches("ppm")).map_or(Value::Text, Value::Ppm)
        }
        F::SmoothLastUpdate | F::SmoothRemaining => number(r)
            .or_else(|| parse_interval(r))
            .map_or(Value::Text, Value::Seconds),
        F::Try | F::ManualIndex | F::ManualSamples => r.parse().map_or(Value::Text, Value::Int),
        F::Refid => match u32::from_str_radix(r, 16) {
            Ok(id) if r.len() == 8 => Value::RefId(id),
            _ => Value::Text,
        },
        _ => Value::Text,
    };
    Field::typed(name, r, v)
}

/// Reads one of these outputs (lines without chronyc's prompt).
pub fn parse(lines: &[&str]) -> Option<Explained> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    smoothing(&lines)
        .or_else(|| smoothing_csv(&lines))
        .or_else(|| manual_list(&lines))
        .or_else(|| manual_list_csv(&lines))
        .or_else(|| settime(&lines))
        .or_else(|| waitsync(&lines))
}

fn smoothing(lines: &[&str]) -> Option<Explained> {
    let kvs: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let has = |label: &str| kvs.iter().any(|(k, _)| *k == label);
    if !(has("Active") && (has("Wander") || has("Remaining time"))) {
        return None;
    }
    let mut e = Explained::new(Kind::ChronycSmoothing);
    for (label, name) in SMOOTHING {
        if let Some((_, v)) = kvs.iter().find(|(k, _)| k == label) {
            e.fields.push(typed(*name, v));
        }
    }
    Some(e)
}

/// `-c`: active (Yes/No), "(leap second only)" or empty, then offset,
/// frequency, wander, last update, remaining time.
fn smoothing_csv(lines: &[&str]) -> Option<Explained> {
    let [line] = lines else { return None };
    let v: Vec<&str> = line.split(',').collect();
    if v.len() != 7 || !matches!(v[0], "Yes" | "No") || v[2..].iter().any(|x| number(x).is_none()) {
        return None;
    }
    let mut e = Explained::new(Kind::ChronycSmoothing);
    e.csv = true;
    let active = if v[1].is_empty() {
        v[0].to_string()
    } else {
        format!("{} {}", v[0], v[1])
    };
    e.fields.push(typed(F::SmoothActive, &active));
    for (raw, (_, name)) in v[2..].iter().zip(&SMOOTHING[1..]) {
        e.fields.push(typed(*name, raw));
    }
    Some(e)
}

/// `210 n_samples = N`, the header, one row per sample: index, date and
/// time (UTC), slewed, original and residual offset (seconds).
fn manual_list(lines: &[&str]) -> Option<Explained> {
    let count = lines
        .iter()
        .find_map(|l| l.strip_prefix("210 n_samples ="))
        .map(str::trim);
    let header = lines
        .iter()
        .position(|l| l.starts_with('#') && l.contains("Slewed") && l.contains("Residual"));
    if count.is_none() && header.is_none() {
        return None;
    }
    let mut e = Explained::new(Kind::ChronycManualList);
    if let Some(n) = count {
        e.fields.push(typed(F::ManualSamples, n));
    }
    let start = header.map_or(0, |h| h + 1);
    for l in &lines[start..] {
        let w: Vec<&str> = l.split_whitespace().collect();
        if w.len() != 6 || w[0].parse::<u32>().is_err() {
            continue;
        }
        let when = format!("{} {}", w[1], w[2]);
        let raw = [w[0], when.as_str(), w[3], w[4], w[5]];
        e.rows.push(
            MANUAL_ROW
                .iter()
                .zip(raw)
                .map(|(n, r)| typed(*n, r))
                .collect(),
        );
    }
    Some(e)
}

/// `-c`: index, date and time (UTC, one field), slewed, original and
/// residual offset; one line per sample and nothing else.
fn manual_list_csv(lines: &[&str]) -> Option<Explained> {
    let mut e = Explained::new(Kind::ChronycManualList);
    e.csv = true;
    for l in lines {
        let v: Vec<&str> = l.split(',').collect();
        let dated = v.get(1).is_some_and(|d| {
            let b = d.as_bytes();
            d.len() == 19 && b[4] == b'-' && b[10] == b' ' && b[13] == b':'
        });
        if v.len() != 5 || v[0].parse::<u32>().is_err() || !dated {
            return None;
        }
        if v[2..].iter().any(|x| x.parse::<f64>().is_err()) {
            return None;
        }
        e.rows.push(
            MANUAL_ROW
                .iter()
                .zip(&v)
                .map(|(n, r)| typed(*n, r))
                .collect(),
        );
    }
    Some(e)
}

/// client.c, `process_cmd_settime`: `200 OK`, then `Clock was N seconds
/// fast.  Frequency change = Xppm, new frequency = Yppm`.
fn settime(lines: &[&str]) -> Option<Explained> {
    let mut rest = lines.iter().filter(|l| **l != "200 OK");
    let line = rest.next()?;
    if rest.next().is_some() {
        return None;
    }
    let (offset, tail) = line
        .strip_prefix("Clock was ")?
        .split_once(" seconds fast.")?;
    let (change, new) = tail
        .trim()
        .strip_prefix("Frequency change =")?
        .split_once(", new frequency =")?;
    let mut e = Explained::new(Kind::ChronycSettime);
    for (name, raw) in SETTIME.iter().zip([offset, change, new]) {
        let f = typed(*name, raw);
        if matches!(f.value, Value::Text) {
            return None;
        }
        e.fields.push(f);
    }
    Some(e)
}

/// `try: 1, refid: 00000000, correction: 0.000000000, skew: 0.000`.
fn waitsync(lines: &[&str]) -> Option<Explained> {
    let mut e = Explained::new(Kind::ChronycWaitsync);
    for l in lines {
        let parts: Vec<(&str, &str)> = l
            .split(',')
            .filter_map(|p| p.split_once(':'))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        let keys: Vec<&str> = parts.iter().map(|(k, _)| *k).collect();
        if keys != ["try", "refid", "correction", "skew"] {
            return None;
        }
        e.rows.push(
            WAITSYNC
                .iter()
                .zip(&parts)
                .map(|(n, (_, v))| typed(*n, v))
                .collect(),
        );
    }
    Some(e)
}

/// The findings of these outputs.
pub fn diagnose(e: &Explained, out: &mut Vec<Finding>) {
    match e.kind {
        // chronyc(1), smoothing: Offset "the current offset applied to the
        // time sent to NTP clients. Positive value means the clients are
        // getting time that's ahead of true time"; Remaining time "the time
        // it would take … to get to zero offset".
        Kind::ChronycSmoothing => {
            let offset = value(&e.fields, F::SmoothOffset).seconds();
            if let Some(o) = offset.filter(|o| *o != 0.0) {
                let remaining = value(&e.fields, F::SmoothRemaining)
                    .seconds()
                    .map_or_else(|| "?".to_string(), human);
                out.push(
                    Finding::new(Rule::SmoothingOffset)
                        .arg("value", human(o.abs()))
                        .arg("direction", if o > 0.0 { "ahead" } else { "behind" })
                        .arg("remaining", remaining),
                );
            }
        }
        // chronyc(1), manual list: "lists all the samples currently stored
        // in chronyd"; none: settime has given chronyd nothing to follow.
        Kind::ChronycManualList if e.rows.is_empty() => {
            out.push(Finding::new(Rule::ManualNoSamples));
        }
        // chronyc(1) settime: chronyd "will take [the time] as the current
        // time … and adjust the frequency"; two samples seconds apart with
        // their own errors give a frequency no clock has, up to the
        // driver's limit (chrony.conf(5) maxdrift: 100000 ppm on Linux).
        Kind::ChronycSettime => {
            if let Some(ppm) = value(&e.fields, F::SettimeNewFrequency)
                .ppm()
                .filter(|p| p.abs() >= ABSURD_PPM)
            {
                out.push(Finding::new(Rule::SettimeFrequencyLimit).arg("ppm", format!("{ppm:.2}")));
            }
        }
        // client.c, waitsync: a try succeeds when tracking has a reference
        // (an address, or a refid other than 0 and 7F7F0101); every try
        // without one: chronyd never synchronised while waitsync waited.
        Kind::ChronycWaitsync => {
            let unsynced =
                |r: &Vec<Field>| matches!(value(r, F::Refid), Value::RefId(0 | LOCAL_REFID));
            if !e.rows.is_empty() && e.rows.iter().all(unsynced) {
                out.push(Finding::new(Rule::WaitsyncNeverSynchronised).arg("count", e.rows.len()));
            }
        }
        _ => {}
    }
}

/// A paste of chronyc's success lines alone (client.c, `request_reply`):
/// `200 OK`, the command was accepted; accheck's and cmdaccheck's `208
/// Access allowed` and `209 Access denied` (STT_ACCESSALLOWED,
/// STT_ACCESSDENIED), the answer to the question they ask.
pub fn accepted(lines: &[&str]) -> Option<Explained> {
    let read = |l: &&str| match l.trim() {
        "200 OK" => Some((200, Status::Ok, None)),
        "208 Access allowed" => Some((208, Status::Info, Some(Why::AccessAllowed))),
        "209 Access denied" => Some((209, Status::Info, Some(Why::AccessDenied))),
        _ => None,
    };
    let read: Vec<_> = lines.iter().map(read).collect::<Option<_>>()?;
    if read.is_empty() {
        return None;
    }
    let mut e = Explained::new(Kind::ChronycOk);
    for ((code, status, why), l) in read.into_iter().zip(lines) {
        let mut f = Field::typed(F::Reply, l.trim(), Value::Int(code));
        f.status = status;
        f.reason = why.map(Reason::new);
        e.fields.push(f);
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accheck_answers_are_read_as_answers() {
        let e = accepted(&["209 Access denied"]).unwrap();
        assert_eq!(e.kind, Kind::ChronycOk);
        assert_eq!(
            e.fields[0].reason.as_ref().map(|r| r.id),
            Some(Why::AccessDenied)
        );
        assert!(accepted(&["200 OK", "208 Access allowed"]).is_some());
        assert!(accepted(&["200 OK", "0 sources online"]).is_none());
        assert!(accepted(&[]).is_none());
    }

    #[test]
    fn a_waitsync_line_with_another_key_is_not_waitsync() {
        assert!(waitsync(&["try: 1, refid: 00000000, correction: 0.0, skew: 0.0"]).is_some());
        assert!(waitsync(&["try: 1, refid: 00000000, offset: 0.0, skew: 0.0"]).is_none());
    }
}
