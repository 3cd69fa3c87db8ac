//! Huawei VRP5/VRP8 and H3C Comware 5/7: `display ntp-service status` and
//! `display ntp-service sessions [verbose]`.

use super::super::checks::*;
use super::super::field::FieldId as F;
use super::super::model::{Explained, Field, Kind};
use super::common::{judge, table};

pub(super) const STATUS: &[(&str, &str)] = &[
    ("clock status", "clock-status"),
    ("clock stratum", "stratum"),
    ("system peer", "system-peer"),
    ("local mode", "local-mode"),
    ("reference clock id", "reference"),
    ("leap indicator", "leap"),
    ("clock jitter", "clock-jitter"),
    ("stability", "stability"),
    ("nominal frequency", "nominal-freq"),
    ("actual frequency", "actual-freq"),
    ("clock precision", "precision"),
    ("clock offset", "offset"),
    ("root delay", "root-delay"),
    ("root dispersion", "root-dispersion"),
    ("peer dispersion", "peer-dispersion"),
    ("reference time", "reference-time"),
    ("synchronization state", "sync-state"),
];
pub(super) const SESSIONS: &[(&str, &str)] = &[
    ("clock source", "address"),
    ("clock stratum", "stratum"),
    ("clock status", "status"),
    ("reference clock id", "reference"),
    ("reach", "reach"),
    ("current poll", "poll-seconds"),
    ("now poll", "now"),
    ("now", "now"),
    ("offset", "offset"),
    ("delay", "delay"),
    ("disper", "dispersion"),
    // H3C Comware's verbose words.
    ("reachabilities", "reach"),
    ("roundtrip delay", "delay"),
    ("dispersion", "dispersion"),
];
pub(super) const H3C_SESSIONS: &[&str] = &[
    "flags",
    "address",
    "reference",
    "stratum",
    "reach",
    "poll-seconds",
    "now",
    "offset",
    "delay",
    "dispersion",
    // The verbose form's clock status (after the table's columns, which
    // are read in order).
    "status",
];
/// Huawei and H3C print reach as a decimal count.
fn judge_decimal_reach(row: &mut [Field]) {
    for f in row.iter_mut() {
        if f.name == F::Reach {
            f.status = super::super::verdict::Status::Info;
            f.reason = None;
            check_reach_decimal(f);
        }
    }
}

/// Whether a session answers: its reach is above 0.
fn answers(row: &[Field]) -> bool {
    row.iter()
        .any(|f| f.name == F::Reach && f.raw.trim().parse::<u32>().is_ok_and(|v| v > 0))
}

/// A session that answers (reach above 0) at stratum 16 is rejected
/// because its server is not synchronised: that is its cause, not the
/// generic "unreachable, unsynchronised or failing checks".
fn unsynchronised_answers(row: &mut [Field]) {
    let answers = answers(row);
    let unsynced = row
        .iter()
        .find(|f| {
            f.name == F::Stratum
                && f.reason
                    .as_ref()
                    .is_some_and(|r| r.id == super::super::verdict::Why::StratumUnsynchronised)
        })
        .and_then(|f| f.reason.clone());
    let (true, Some(reason)) = (answers, unsynced) else {
        return;
    };
    for f in row.iter_mut().filter(|f| {
        f.reason.as_ref().is_some_and(|r| {
            matches!(
                r.id,
                super::super::verdict::Why::SwitchRejected
                    | super::super::verdict::Why::TallyRejected
                    // A session's reference column is its server's: 0.0.0.0
                    // there says the server follows nothing, not the device
                    // (which follows the row flagged 1, or none).
                    | super::super::verdict::Why::RefidNone
            )
        })
    }) {
        f.reason = Some(reason.clone());
    }
}

/// The `key: value` pairs of Huawei/H3C output, a block per `first_key`.
/// The verbose forms put several on a line (`reach: 255, sync dist: 0.010,
/// sync state: 4`); a comma inside a value (`clock status: configured,
/// master, sane, valid`) is not followed by a key.
fn vrp_blocks(lines: &[&str], first_key: &str) -> Vec<Vec<(String, String)>> {
    let mut blocks: Vec<Vec<(String, String)>> = Vec::new();
    for l in lines {
        for (k, v) in vrp_pairs(l) {
            if k == first_key {
                blocks.push(Vec::new());
            }
            if let Some(b) = blocks.last_mut() {
                b.push((k, v));
            }
        }
    }
    blocks
}

/// `key: value[, key: value]...` of one line, keys in lower case.
fn vrp_pairs(line: &str) -> Vec<(String, String)> {
    // A key is letters and spaces (`sync dist`, `Root roundtrip delay`).
    fn key_at(s: &str) -> Option<(&str, &str)> {
        s.split_once(':').filter(|(k, _)| {
            let k = k.trim();
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
        })
    }
    let mut items: Vec<String> = Vec::new();
    for part in line.split(", ") {
        match items.last_mut() {
            Some(last) if key_at(part).is_none() => {
                last.push_str(", ");
                last.push_str(part);
            }
            _ => items.push(part.to_string()),
        }
    }
    items
        .iter()
        .filter_map(|i| key_at(i))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect()
}

fn vrp_fields(
    block: &[(String, String)],
    table: &'static [(&'static str, &'static str)],
) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for (k, v) in block {
        if let Some((_, name)) = table.iter().find(|(key, _)| key == k) {
            if out.iter().any(|f| f.name == F::of(name)) {
                continue;
            }
            let mut f = Field::info(name, v.as_str());
            judge(&mut f);
            match (*name, seconds(v)) {
                // `display ntp-service status`: the device's own clock.
                ("offset", Some(secs)) if std::ptr::eq(table, STATUS) => {
                    super::super::ntpd::system_offset(&mut f, secs)
                }
                ("offset", secs) => check_offset(&mut f, secs),
                _ => {}
            }
            out.push(f);
        }
    }
    out
}

/// A Huawei prompt (`<HUAWEI>`/`[HUAWEI]`, VRP5's `<Quidway>`): VRP5 capitalises its
/// keys as Comware does, so the prompt tells the two apart when present.
fn huawei_prompt(commands: &[String]) -> bool {
    commands.iter().any(|c| {
        let c = c.trim_start().to_ascii_lowercase();
        c.starts_with(['<', '[']) && (c.contains("quidway") || c.contains("huawei"))
    })
}

pub(super) fn parse(lines: &[&str], commands: &[String]) -> Option<Explained> {
    let huawei = huawei_prompt(commands);
    // Huawei / H3C display ntp-service status (H3C capitalises its keys).
    let status_line = lines.iter().find(|l| {
        l.trim_start()
            .to_ascii_lowercase()
            .starts_with("clock status")
    });
    let sessions = lines.iter().any(|l| {
        l.trim_start()
            .to_ascii_lowercase()
            .starts_with("clock source")
    });
    if let (Some(line), false) = (status_line, sessions) {
        let h3c = line.trim_start().starts_with("Clock status") && !huawei;
        let kind = if h3c {
            Kind::H3cNtpServiceStatus
        } else {
            Kind::HuaweiNtpServiceStatus
        };
        let mut e = Explained::new(kind);
        let blocks = vrp_blocks(lines, "clock status");
        e.fields = vrp_fields(blocks.first()?, STATUS);
        return Some(e);
    }
    // Huawei display ntp-service sessions [verbose]; H3C's verbose form
    // has the same blocks, its keys capitalised.
    if sessions {
        let h3c = !huawei
            && lines
                .iter()
                .any(|l| l.trim_start().starts_with("Clock source"));
        let kind = if h3c {
            Kind::H3cNtpServiceSessions
        } else {
            Kind::HuaweiNtpServiceSessions
        };
        let mut e = Explained::new(kind);
        for b in vrp_blocks(lines, "clock source") {
            let mut row = vrp_fields(&b, SESSIONS);
            judge_decimal_reach(&mut row);
            // The verbose form prints polls as powers of two (`local poll:
            // 6, current poll: 6`), the summary in seconds (`current poll:
            // 1024`).
            if b.iter().any(|(k, _)| k == "local poll")
                && let Some(f) = row.iter_mut().find(|f| f.name == F::PollSeconds)
            {
                *f = Field::info("poll", f.raw.as_str());
            }
            unsynchronised_answers(&mut row);
            e.rows.push(row);
        }
        return Some(e);
    }
    if let Some(e) = h3c_ipv6_sessions(lines) {
        return Some(e);
    }
    // H3C display ntp-service sessions; old VRP (VRP5, Quidway) prints the
    // same table, told apart by its `<HUAWEI>`/`<Quidway>` prompt.
    if let Some(rows) = table(lines, |l| {
        let t = l.trim_start();
        t.starts_with("source") && t.contains("reference") && t.contains("stra")
    }) {
        let mut e = Explained::new(if huawei {
            Kind::HuaweiNtpServiceSessions
        } else {
            Kind::H3cNtpServiceSessions
        });
        for l in rows {
            let t = l.trim_start();
            let Some(rest) = t.strip_prefix('[') else {
                continue;
            };
            let Some((flags, rest)) = rest.split_once(']') else {
                continue;
            };
            let w: Vec<&str> = rest.split_whitespace().collect();
            if w.len() != 9 {
                continue;
            }
            e.rows.push(h3c_row(flags, &w));
        }
        return Some(e);
    }
    None
}

/// One H3C session from its flags (`12345`) and the values of
/// H3C_SESSIONS after the flags, judged as the IPv4 table's rows are.
fn h3c_row(flags: &str, values: &[&str]) -> Vec<Field> {
    let mut row = vec![Field::info("flags", flags)];
    row.extend(
        H3C_SESSIONS[1..]
            .iter()
            .zip(values)
            .map(|(n, v)| Field::info(n, *v)),
    );
    for f in &mut row {
        judge(f);
    }
    judge_decimal_reach(&mut row);
    let answers = answers(&row);
    if let Some(f) = row.first_mut() {
        f.raw = flags.to_string();
        check_h3c_flags(f, answers);
    }
    unsynchronised_answers(&mut row);
    row
}

/// The keys of Comware 7's `display ntp-service ipv6 sessions`, in
/// H3C_SESSIONS's order after the flags: a block per session, two
/// `Key: value` pairs a line (`Reference: INIT   Clock stratum: 16`).
/// `Source` holds the flags and the address (`[12345]2001:db8::32`).
const H3C_IPV6_KEYS: &[&str] = &[
    "source",
    "reference",
    "clock stratum",
    "reachabilities",
    "poll interval",
    "last receive time",
    "offset",
    "roundtrip delay",
    "dispersion",
];

/// The `Key: value` pairs of one line of the IPv6 brief form. Values hold
/// colons (IPv6 addresses), so a key is one of H3C_IPV6_KEYS at the start
/// of the line or after a space, and its value runs to the next key.
fn h3c_ipv6_pairs(line: &str) -> Vec<(usize, String)> {
    let lower = line.to_ascii_lowercase();
    let mut at: Vec<(usize, usize, usize)> = Vec::new(); // (start, value start, key index)
    for (i, key) in H3C_IPV6_KEYS.iter().enumerate() {
        let pat = format!("{key}:");
        let mut from = 0;
        while let Some(p) = lower[from..].find(&pat) {
            let start = from + p;
            let starts_word = lower[..start].chars().next_back().is_none_or(|c| c == ' ');
            // `Roundtrip delay:` holds no other key; `Source:` must not be
            // matched inside a longer word.
            if starts_word && !at.iter().any(|&(s, v, _)| start >= s && start < v) {
                at.push((start, start + pat.len(), i));
            }
            from = start + pat.len();
        }
    }
    at.sort();
    at.iter()
        .enumerate()
        .map(|(n, &(_, v, i))| {
            let end = at.get(n + 1).map_or(line.len(), |&(s, _, _)| s);
            (i, line[v..end].trim().to_string())
        })
        .collect()
}

/// Comware 7 `display ntp-service ipv6 sessions`: the IPv4 table's
/// columns, one block per session (the HPE/H3C command reference's field
/// table: Source, Reference, Clock stratum, Reachabilities ...).
fn h3c_ipv6_sessions(lines: &[&str]) -> Option<Explained> {
    let is_source = |l: &&str| {
        let t = l.trim_start();
        t.get(..7)
            .is_some_and(|k| k.eq_ignore_ascii_case("source:"))
            && t[7..].trim_start().starts_with('[')
    };
    if !lines.iter().any(is_source)
        || !lines
            .iter()
            .any(|l| l.to_ascii_lowercase().contains("reachabilities:"))
    {
        return None;
    }
    let mut blocks: Vec<[Option<String>; 9]> = Vec::new();
    for l in lines {
        for (i, v) in h3c_ipv6_pairs(l) {
            if i == 0 {
                blocks.push(Default::default());
            }
            if let Some(b) = blocks.last_mut()
                && b[i].is_none()
            {
                b[i] = Some(v);
            }
        }
    }
    let mut e = Explained::new(Kind::H3cNtpServiceSessions);
    for b in blocks {
        let Some((flags, address)) = b[0]
            .as_deref()
            .and_then(|s| s.strip_prefix('['))
            .and_then(|s| s.split_once(']'))
        else {
            continue;
        };
        // A block cut short (a paste's last lines lost) keeps the values
        // it has; the rest stay unread rather than shifted.
        let mut values = vec![address.trim()];
        let read: Vec<&str> = b[1..].iter().map_while(|v| v.as_deref()).collect();
        values.extend(read);
        e.rows.push(h3c_row(flags, &values));
    }
    Some(e)
}
