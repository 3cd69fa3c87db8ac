//! Cisco IOS/IOS-XE (`show ntp status`, `show ntp associations [detail]`)
//! and NX-OS (`show ntp peer-status`, `show ntp peers`, `show ntp status`).

use super::super::checks::*;
use super::super::field::FieldId as F;
use super::super::model::{Explained, Field, Kind};
use super::common::{after, judge, table};

pub(super) const STATUS: &[(&str, &str)] = &[
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
pub(super) const ASSOC: &[&str] = &[
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
pub(super) const DETAIL: &[&str] = &[
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
pub(super) const NXOS_PEER_STATUS: &[&str] = &[
    "tally",
    "remote",
    "local",
    "stratum",
    "poll-seconds",
    "reach",
    "delay",
    "vrf",
];
/// NX-OS `show ntp peers` (Cisco Nexus fundamentals guide: "The configured
/// NTP servers and peers are viewed using the command show ntp peers"):
/// the columns its header names, older releases without KeyId and Vrf.
pub(super) const NXOS_PEERS: &[&str] = &["address", "peer-type", "prefer", "key-id", "vrf"];
/// NX-OS `show ntp status`: whether CFS distributes the NTP configuration
/// and the state of its last session.
pub(super) const NXOS_STATUS: &[&str] = &["distribution", "last-operational-state"];

fn nxos_peers(lines: &[&str]) -> Option<Explained> {
    let h = lines.iter().position(|l| {
        let t = l.trim_start();
        t.starts_with("Peer IP Address") && t.contains("Serv/Peer")
    })?;
    // The columns after the address, as the header names them.
    let columns: Vec<&'static str> = lines[h]
        .split_whitespace()
        .skip(3)
        .filter_map(|w| match w.to_ascii_lowercase().as_str() {
            "serv/peer" => Some("peer-type"),
            "prefer" => Some("prefer"),
            "keyid" => Some("key-id"),
            "vrf" => Some("vrf"),
            _ => None,
        })
        .collect();
    let mut e = Explained::new(Kind::NxosShowNtpPeers);
    for l in &lines[h + 1..] {
        // Some releases print the type as "Server (configured)": the
        // parenthesis belongs to the word before it.
        let mut w: Vec<String> = Vec::new();
        for word in l.split_whitespace() {
            let joins = word.starts_with('(') && w.len() > 1;
            match w.last_mut() {
                Some(last) if joins => {
                    last.push(' ');
                    last.push_str(word);
                }
                _ => w.push(word.to_string()),
            }
        }
        if w.len() != columns.len() + 1
            || w[0]
                .trim_end_matches('.')
                .parse::<std::net::IpAddr>()
                .is_err()
                && !w[0].contains('.')
        {
            continue;
        }
        let mut row = vec![Field::info("address", w[0].as_str())];
        row.extend(
            columns
                .iter()
                .zip(&w[1..])
                .map(|(n, v)| Field::info(*n, v.as_str())),
        );
        e.rows.push(row);
    }
    Some(e)
}

fn nxos_status(lines: &[&str]) -> Option<Explained> {
    let value = |key: &str| {
        lines.iter().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(key).then(|| v.trim())
        })
    };
    let distribution = value("Distribution")?;
    let mut e = Explained::new(Kind::NxosShowNtpStatus);
    e.fields.push(Field::info("distribution", distribution));
    if let Some(v) = value("Last operational state") {
        e.fields.push(Field::info("last-operational-state", v));
    }
    Some(e)
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
            if let Some((_, name)) = STATUS.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
                if e.fields.iter().any(|f| f.name == F::of(name)) {
                    continue;
                }
                let mut f = Field::info(name, value);
                judge(&mut f);
                // The device's own clock (ntpd's sense).
                if let ("offset", Some(secs)) = (*name, seconds(value)) {
                    super::super::ntpd::system_offset(&mut f, secs);
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
        row.sort_by_key(|f| DETAIL.iter().position(|n| F::of(n) == f.name));
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

pub(super) fn parse(lines: &[&str], _commands: &[String]) -> Option<Explained> {
    if let Some(e) = cisco_status(lines) {
        return Some(e);
    }
    if let Some(e) = cisco_detail(lines) {
        return Some(e);
    }
    if let Some(e) = nxos_peers(lines) {
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
            row.extend(ASSOC[1..].iter().zip(&w).map(|(n, v)| Field::info(n, *v)));
            for f in &mut row {
                judge(f);
            }
            e.rows.push(row);
        }
        // The legend decides what `#` and `-` mean; without one, a `*`
        // row rules out old IOS's "# master (unsynced)" for the others.
        let sys_peer = e.rows.iter().any(|r| r[0].raw.starts_with('*'));
        let legend = CiscoLegend::find(lines).or(sys_peer.then_some(CiscoLegend::SysPeer));
        for row in &mut e.rows {
            check_cisco_tally_by(&mut row[0], legend);
            rejected_but_answering(row);
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
                NXOS_PEER_STATUS[1..]
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
    // Last: two `key: value` lines other outputs might share.
    nxos_status(lines)
}
