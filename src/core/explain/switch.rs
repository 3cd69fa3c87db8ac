//! Network switches: Cisco IOS/IOS-XE, NX-OS, Huawei VRP, H3C Comware 5/7
//! and the generic `show ntp server` table some switches print.

use super::checks::*;
use super::field::FieldId as F;
use super::model::{Explained, Field, Kind};

const CISCO_STATUS: &[(&str, &str)] = &[
    ("Clock", "clock-status"),
    ("stratum", "stratum"),
    ("reference", "reference"),
    ("nominal freq", "nominal-freq"),
    ("actual freq", "actual-freq"),
    ("precision", "precision"),
    ("reference time", "reference-time"),
    ("clock offset", "offset"),
    ("root delay", "root-delay"),
    ("root dispersion", "root-dispersion"),
    ("peer dispersion", "peer-dispersion"),
    ("system poll interval", "poll-interval"),
    ("last update was", "last-update"),
    ("system time(GMT)", "current-time"),
    ("system time", "current-time"),
    ("loopfilter state", "loopfilter"),
    ("ntp uptime", "uptime"),
    ("resolution", "resolution"),
    ("drift", "drift"),
];
const CISCO_ASSOC: &[&str] = &[
    "tally",
    "address",
    "ref-clock",
    "stratum",
    "when",
    "poll-seconds",
    "reach",
    "delay",
    "offset",
    "dispersion",
];
const CISCO_DETAIL: &[&str] = &[
    "address",
    "assoc-state",
    "stratum",
    "ref-clock",
    "poll-seconds",
    "reach",
    "root-delay",
    "root-dispersion",
    "delay",
    "offset",
    "dispersion",
    "jitter",
];
const NXOS_PEERS: &[&str] = &[
    "tally",
    "remote",
    "local",
    "stratum",
    "poll-seconds",
    "reach",
    "delay",
    "vrf",
];
const VRP_STATUS: &[(&str, &str)] = &[
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
const VRP_SESSIONS: &[(&str, &str)] = &[
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
const H3C_SESSIONS: &[&str] = &[
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
const SHOW_SERVER: &[&str] = &[
    "address",
    "source-interface",
    "key-id",
    "prefer",
    "version",
    "status",
];

fn leak(v: Vec<&'static str>) -> &'static [&'static str] {
    let mut v = v;
    v.dedup();
    Box::leak(v.into_boxed_slice())
}

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    let names = |t: &[(&'static str, &'static str)]| leak(t.iter().map(|(_, n)| *n).collect());
    vec![
        (Kind::CiscoShowNtpStatus, names(CISCO_STATUS)),
        (Kind::CiscoShowNtpAssociations, CISCO_ASSOC),
        (Kind::CiscoShowNtpAssociationsDetail, CISCO_DETAIL),
        (Kind::NxosShowNtpPeerStatus, NXOS_PEERS),
        (Kind::HuaweiNtpServiceStatus, names(VRP_STATUS)),
        (Kind::H3cNtpServiceStatus, names(VRP_STATUS)),
        (Kind::HuaweiNtpServiceSessions, names(VRP_SESSIONS)),
        // The verbose form's polls, powers of two.
        (Kind::HuaweiNtpServiceSessions, &["poll"]),
        (Kind::H3cNtpServiceSessions, &["poll"]),
        (Kind::H3cNtpServiceSessions, H3C_SESSIONS),
        (Kind::ShowNtpServer, SHOW_SERVER),
    ]
}

fn judge(f: &mut Field) {
    match f.name {
        F::ClockStatus => check_switch_status(f),
        F::Status => check_switch_status(f),
        F::Stratum => check_stratum(f),
        F::Tally => check_cisco_tally(f),
        F::Reach => check_reach(f),
        F::Reference => check_refid(f),
        F::Leap => check_leap(f),
        _ => {}
    }
}

/// Huawei and H3C print reach as a decimal count.
fn judge_decimal_reach(row: &mut [Field]) {
    for f in row.iter_mut() {
        if f.name == F::Reach {
            f.status = super::verdict::Status::Info;
            f.reason = None;
            check_reach_decimal(f);
        }
    }
}

/// A session that answers (reach above 0) at stratum 16 is rejected
/// because its server is not synchronised: that is its cause, not the
/// generic "unreachable, unsynchronised or failing checks".
fn unsynchronised_answers(row: &mut [Field]) {
    let answers = row
        .iter()
        .any(|f| f.name == F::Reach && f.raw.trim().parse::<u32>().is_ok_and(|v| v > 0));
    let unsynced = row
        .iter()
        .find(|f| {
            f.name == F::Stratum
                && f.reason
                    .as_ref()
                    .is_some_and(|r| r.id == super::verdict::Why::StratumUnsynchronised)
        })
        .and_then(|f| f.reason.clone());
    let (true, Some(reason)) = (answers, unsynced) else {
        return;
    };
    for f in row.iter_mut().filter(|f| {
        f.reason
            .as_ref()
            .is_some_and(|r| r.id == super::verdict::Why::SwitchRejected)
    }) {
        f.reason = Some(reason.clone());
    }
}

/// Cisco's `show ntp status`: comma-separated `X is Y` clauses.
fn cisco_status(lines: &[&str]) -> Option<Explained> {
    if !lines.iter().any(|l| l.trim_start().starts_with("Clock is")) {
        return None;
    }
    let mut e = Explained::new(Kind::CiscoShowNtpStatus);
    for l in lines {
        for clause in split_clauses(l) {
            let clause = clause.trim().trim_end_matches('.');
            let (key, value) = if let Some(rest) = clause.strip_prefix("stratum ") {
                ("stratum", rest)
            } else if let Some((k, v)) = clause.split_once(" is ") {
                (k, v)
            } else if let Some(v) = clause.strip_prefix("last update was ") {
                ("last update was", v)
            } else if clause == "no reference clock" {
                ("reference", "none")
            } else {
                continue;
            };
            if let Some((_, name)) = CISCO_STATUS
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
            {
                if e.fields.iter().any(|f| f.name == F::of(name)) {
                    continue;
                }
                let mut f = Field::info(name, value);
                judge(&mut f);
                // The device's own clock (ntpd's sense).
                if let ("offset", Some(secs)) = (*name, seconds(value)) {
                    super::ntpd::system_offset(&mut f, secs);
                }
                e.fields.push(f);
            }
        }
    }
    Some(e)
}

/// Splits at ", " outside parentheses: dates inside them have commas.
fn split_clauses(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    let b = line.as_bytes();
    for i in 0..b.len() {
        match b[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b',' if depth <= 0 && b.get(i + 1) == Some(&b' ') => {
                out.push(&line[start..i]);
                start = i + 2;
            }
            _ => {}
        }
    }
    out.push(&line[start.min(line.len())..]);
    out
}

fn table<'a>(lines: &[&'a str], header: impl Fn(&str) -> bool) -> Option<Vec<&'a str>> {
    let h = lines.iter().position(|l| header(l))?;
    Some(
        lines[h + 1..]
            .iter()
            .copied()
            .filter(|l| {
                !l.trim_start().starts_with('-') && !l.trim_start().starts_with('*')
                    || l.starts_with('*')
            })
            .collect(),
    )
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
                ("offset", Some(secs)) if std::ptr::eq(table, VRP_STATUS) => {
                    super::ntpd::system_offset(&mut f, secs)
                }
                ("offset", secs) => check_offset(&mut f, secs),
                _ => {}
            }
            out.push(f);
        }
    }
    out
}

/// The value after `key` in `... key VALUE, ...` (up to a comma).
fn after<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let at = line.find(key)? + key.len();
    let v = line[at..].trim_start();
    let end = v.find(',').unwrap_or(v.len());
    Some(v[..end].trim()).filter(|v| !v.is_empty())
}

/// Cisco's `show ntp associations detail`: a block per association, its
/// first line `ADDRESS configured, ipv4, our_master, sane, valid, stratum 2`.
fn cisco_detail(lines: &[&str]) -> Option<Explained> {
    let is_head = |l: &str| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.len() >= 3
            && (w[1].starts_with("configured") || w[1].starts_with("dynamic"))
            && l.contains("stratum")
    };
    if !lines.iter().any(|l| is_head(l)) || !lines.iter().any(|l| l.contains("ref ID")) {
        return None;
    }
    let mut e = Explained::new(Kind::CiscoShowNtpAssociationsDetail);
    let mut row: Vec<Field> = Vec::new();
    let push = |row: &mut Vec<Field>, name: &'static str, v: &str| {
        if !row.iter().any(|f| f.name == F::of(name)) {
            row.push(Field::info(name, v));
        }
    };
    for l in lines {
        let t = l.trim();
        if is_head(t) {
            if !row.is_empty() {
                e.rows.push(std::mem::take(&mut row));
            }
            let (addr, rest) = t.split_once(' ').unwrap_or((t, ""));
            push(&mut row, "address", addr);
            // The words between the address type and the stratum.
            let words: Vec<&str> = rest
                .split(',')
                .map(str::trim)
                .filter(|w| {
                    !w.is_empty()
                        && !w.starts_with("stratum")
                        && !matches!(*w, "configured" | "dynamic" | "ipv4" | "ipv6")
                        && !w.starts_with("authenticated")
                })
                .collect();
            push(&mut row, "assoc-state", &words.join(", "));
            if let Some(v) = after(t, "stratum ") {
                push(&mut row, "stratum", v);
            }
            continue;
        }
        if row.is_empty() {
            continue;
        }
        let keys: &[(&str, &'static str)] = &[
            ("ref ID ", "ref-clock"),
            ("our poll intvl ", "poll-seconds"),
            ("reach ", "reach"),
            ("root delay ", "root-delay"),
            ("root disp ", "root-dispersion"),
            ("dispersion ", "dispersion"),
            ("jitter ", "jitter"),
        ];
        for (key, name) in keys {
            if let Some(v) = after(t, key) {
                push(&mut row, name, v);
            }
        }
        // `delay 1.25 msec, offset -0.5120 msec, ...` starts the line; the
        // `root delay` line has its own key.
        for (key, name) in [("delay ", "delay"), ("offset ", "offset")] {
            if let Some(v) = t
                .split(", ")
                .find_map(|c| c.strip_prefix(key))
                .map(str::trim)
            {
                push(&mut row, name, v);
            }
        }
    }
    if !row.is_empty() {
        e.rows.push(row);
    }
    for row in &mut e.rows {
        row.sort_by_key(|f| CISCO_DETAIL.iter().position(|n| F::of(n) == f.name));
        for f in row.iter_mut() {
            match f.name {
                F::AssocState => check_cisco_assoc_state(f),
                F::Offset => {
                    let secs = first_number(&f.raw).map(|v| v / 1000.0);
                    check_offset(f, secs);
                }
                _ => judge(f),
            }
        }
    }
    Some(e)
}

/// A Huawei prompt (`<HUAWEI>`, VRP5's `<Quidway>`): VRP5 capitalises its
/// keys as Comware does, so the prompt tells the two apart when present.
fn huawei_prompt(commands: &[String]) -> bool {
    commands.iter().any(|c| {
        let c = c.trim_start().to_ascii_lowercase();
        c.starts_with('<') && (c.contains("quidway") || c.contains("huawei"))
    })
}

pub fn parse(lines: &[&str], commands: &[String]) -> Option<Explained> {
    let huawei = huawei_prompt(commands);
    if let Some(e) = cisco_status(lines) {
        return Some(e);
    }
    if let Some(e) = cisco_detail(lines) {
        return Some(e);
    }
    // Cisco show ntp associations.
    if let Some(rows) = table(lines, |l| {
        let t = l.trim_start();
        t.starts_with("address") && t.contains("ref clock") && t.contains("reach")
    }) {
        let mut e = Explained::new(Kind::CiscoShowNtpAssociations);
        let mut rows = rows.into_iter().peekable();
        while let Some(l) = rows.next() {
            if l.len() < 3 || l.contains("sys.peer") || l.contains("configured") {
                continue;
            }
            let (marker, rest) = l.split_at(l.char_indices().nth(2).map_or(l.len(), |(i, _)| i));
            let mut w: Vec<&str> = rest.split_whitespace().collect();
            // IOS prints an address too long for its column (IPv6) alone,
            // and the row's values on the next, indented line.
            if w.len() == 1
                && let Some(next) = rows.next_if(|n| {
                    n.starts_with(char::is_whitespace) && n.split_whitespace().count() == 8
                })
            {
                w.extend(next.split_whitespace());
            }
            if w.len() != 9 || w[2].parse::<u32>().is_err() {
                continue;
            }
            let mut row: Vec<Field> = vec![Field::info("tally", marker.trim())];
            row.extend(
                CISCO_ASSOC[1..]
                    .iter()
                    .zip(&w)
                    .map(|(n, v)| Field::info(n, *v)),
            );
            for f in &mut row {
                judge(f);
            }
            e.rows.push(row);
        }
        return Some(e);
    }
    // NX-OS show ntp peer-status.
    if let Some(rows) = table(lines, |l| {
        let t = l.trim_start();
        t.starts_with("remote") && t.contains("local") && t.contains("st")
    }) {
        let mut e = Explained::new(Kind::NxosShowNtpPeerStatus);
        for l in rows {
            let Some(first) = l.chars().next() else {
                continue;
            };
            if !"*+-= ".contains(first) {
                continue;
            }
            let w: Vec<&str> = l[first.len_utf8()..].split_whitespace().collect();
            if w.len() < 6 || w[2].parse::<u32>().is_err() {
                continue;
            }
            let mut row = vec![Field::info("tally", first.to_string().trim())];
            row.extend(
                NXOS_PEERS[1..]
                    .iter()
                    .zip(&w)
                    .map(|(n, v)| Field::info(n, *v)),
            );
            for f in &mut row {
                if f.name == F::Tally {
                    // NX-OS marks only the selected peer.
                    if f.raw == "*" {
                        check_cisco_tally(f);
                    }
                } else {
                    judge(f);
                }
            }
            e.rows.push(row);
        }
        return Some(e);
    }
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
        e.fields = vrp_fields(blocks.first()?, VRP_STATUS);
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
            let mut row = vrp_fields(&b, VRP_SESSIONS);
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
    // H3C display ntp-service sessions.
    if let Some(rows) = table(lines, |l| {
        let t = l.trim_start();
        t.starts_with("source") && t.contains("reference") && t.contains("stra")
    }) {
        let mut e = Explained::new(Kind::H3cNtpServiceSessions);
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
            let mut row = vec![Field::info("flags", flags)];
            row.extend(
                H3C_SESSIONS[1..]
                    .iter()
                    .zip(&w)
                    .map(|(n, v)| Field::info(n, *v)),
            );
            for f in &mut row {
                judge(f);
            }
            judge_decimal_reach(&mut row);
            if let Some(f) = row.first_mut() {
                f.raw = flags.to_string();
                check_h3c_flags(f);
            }
            e.rows.push(row);
        }
        return Some(e);
    }
    // show ntp server (a generic table).
    if let Some(rows) = table(lines, |l| {
        let t = l.trim_start();
        t.starts_with("ntp-server") && t.contains("status")
    }) {
        let mut e = Explained::new(Kind::ShowNtpServer);
        for l in rows {
            let w: Vec<&str> = l.split_whitespace().collect();
            if w.len() != 6 {
                continue;
            }
            let mut row: Vec<Field> = SHOW_SERVER
                .iter()
                .zip(&w)
                .map(|(n, v)| Field::info(n, *v))
                .collect();
            for f in &mut row {
                judge(f);
            }
            e.rows.push(row);
        }
        return Some(e);
    }
    None
}
