//! chronyc reports, as printed and in `-c` CSV form.

use super::checks::*;
use super::model::{Explained, Field, Kind};

const TRACKING: &[(&str, &str)] = &[
    ("Reference ID", "refid"),
    ("Stratum", "stratum"),
    ("Ref time (UTC)", "ref-time"),
    ("System time", "system-time"),
    ("Last offset", "last-offset"),
    ("RMS offset", "rms-offset"),
    ("Frequency", "frequency"),
    ("Residual freq", "residual-freq"),
    ("Skew", "skew"),
    ("Root delay", "root-delay"),
    ("Root dispersion", "root-dispersion"),
    ("Update interval", "update-interval"),
    ("Leap status", "leap"),
];

const NTPDATA: &[(&str, &str)] = &[
    ("Remote address", "remote-address"),
    ("Remote port", "remote-port"),
    ("Local address", "local-address"),
    ("Leap status", "leap"),
    ("Version", "version"),
    ("Mode", "ntp-mode"),
    ("Stratum", "stratum"),
    ("Poll interval", "poll-interval"),
    ("Precision", "precision"),
    ("Root delay", "root-delay"),
    ("Root dispersion", "root-dispersion"),
    ("Reference ID", "refid"),
    ("Reference time", "ref-time"),
    ("Offset", "offset"),
    ("Peer delay", "peer-delay"),
    ("Peer dispersion", "peer-dispersion"),
    ("Response time", "response-time"),
    ("Jitter asymmetry", "jitter-asymmetry"),
    ("NTP tests", "ntp-tests"),
    ("Interleaved", "interleaved"),
    ("Authenticated", "authenticated"),
    ("TX timestamping", "tx-timestamping"),
    ("RX timestamping", "rx-timestamping"),
    ("Total TX", "total-tx"),
    ("Total RX", "total-rx"),
    ("Total valid RX", "total-valid-rx"),
    ("Total good RX", "total-good-rx"),
    // chrony 4.6+
    ("Total kernel TX", "total-kernel-tx"),
    ("Total kernel RX", "total-kernel-rx"),
    ("Total HW TX", "total-hw-tx"),
    ("Total HW RX", "total-hw-rx"),
];

const SERVERSTATS: &[(&str, &str)] = &[
    ("NTP packets received", "ntp-received"),
    ("NTP packets dropped", "ntp-dropped"),
    ("Command packets received", "cmd-received"),
    ("Command packets dropped", "cmd-dropped"),
    ("Client log records dropped", "log-dropped"),
    ("NTS-KE connections accepted", "ntske-accepted"),
    ("NTS-KE connections dropped", "ntske-dropped"),
    ("Authenticated NTP packets", "auth-packets"),
    ("Interleaved NTP packets", "interleaved-packets"),
    ("NTP timestamps held", "timestamps-held"),
    ("NTP timestamp span", "timestamp-span"),
    // chrony 4.4+: where the server's timestamps came from.
    ("NTP daemon RX timestamps", "daemon-rx-timestamps"),
    ("NTP daemon TX timestamps", "daemon-tx-timestamps"),
    ("NTP kernel RX timestamps", "kernel-rx-timestamps"),
    ("NTP kernel TX timestamps", "kernel-tx-timestamps"),
    ("NTP hardware RX timestamps", "hardware-rx-timestamps"),
    ("NTP hardware TX timestamps", "hardware-tx-timestamps"),
];

const ACTIVITY: &[(&str, &str)] = &[
    ("sources online", "online"),
    ("sources offline", "offline"),
    ("sources doing burst (return to online)", "burst-online"),
    ("sources doing burst (return to offline)", "burst-offline"),
    ("sources with unknown address", "unresolved"),
];

const SOURCES: &[&str] = &[
    "mode",
    "state",
    "address",
    "stratum",
    "poll",
    "reach",
    "last-rx",
    "sample-offset",
    "measured-offset",
    "error",
];
const SOURCESTATS: &[&str] = &[
    "address",
    "samples",
    "runs",
    "span",
    "frequency",
    "freq-skew",
    "est-offset",
    "std-dev",
];
const CLIENTS: &[&str] = &[
    "address",
    "ntp-hits",
    "ntp-drops",
    "ntp-interval",
    "ntp-interval-limit",
    "ntp-last",
    "cmd-hits",
    "cmd-drops",
    "cmd-interval",
    "cmd-last",
];
/// `chronyc clients -k`: NTS-KE columns instead of command ones.
const CLIENTS_NKE: &[&str] = &[
    "address",
    "ntp-hits",
    "ntp-drops",
    "ntp-interval",
    "ntp-interval-limit",
    "ntp-last",
    "nts-ke-hits",
    "nts-ke-drops",
    "nts-ke-interval",
    "nts-ke-last",
];
const SELECTDATA: &[&str] = &[
    "select-state",
    "address",
    "auth",
    "conf-options",
    "eff-options",
    "last-sample",
    "score",
    "lo-limit",
    "hi-limit",
    "leap",
];
const AUTHDATA: &[&str] = &[
    "address",
    "auth-mode",
    "key-id",
    "key-type",
    "key-length",
    "last-ke",
    "ke-attempts",
    "nak",
    "cookies",
    "cookie-length",
];

fn names(table: &'static [(&'static str, &'static str)]) -> Vec<&'static str> {
    table.iter().map(|(_, n)| *n).collect()
}

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    fn leak(v: Vec<&'static str>) -> &'static [&'static str] {
        Box::leak(v.into_boxed_slice())
    }
    vec![
        (Kind::ChronycTracking, leak(names(TRACKING))),
        (Kind::ChronycNtpdata, leak(names(NTPDATA))),
        (Kind::ChronycServerstats, leak(names(SERVERSTATS))),
        (Kind::ChronycActivity, leak(names(ACTIVITY))),
        (Kind::ChronycSources, SOURCES),
        (Kind::ChronycSourcestats, SOURCESTATS),
        (Kind::ChronycClients, CLIENTS),
        (Kind::ChronycClients, CLIENTS_NKE),
        (Kind::ChronycSelectdata, SELECTDATA),
        (Kind::ChronycAuthdata, AUTHDATA),
    ]
}

/// `Label : value` lines.
fn key_values<'a>(lines: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    lines
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// `stratum status --lang zh-CN` prints chronyc's tracking with these
/// labels (i18n/zh-CN/helper.ftl, `status-*`).
const STRATUM_ZH_LABELS: &[(&str, &str)] = &[
    ("参考 ID", "Reference ID"),
    ("层级", "Stratum"),
    ("系统时间", "System time"),
    ("上次偏移", "Last offset"),
    ("均方根偏移", "RMS offset"),
    ("频率", "Frequency"),
    ("频率误差", "Skew"),
    ("根延迟", "Root delay"),
    ("根离散", "Root dispersion"),
    ("闰秒状态", "Leap status"),
];

/// A label as chronyc prints it (Stratum's Chinese ones mapped back).
fn chronyc_label(k: &str) -> &str {
    STRATUM_ZH_LABELS
        .iter()
        .find(|(zh, _)| *zh == k)
        .map_or(k, |(_, en)| en)
}

fn from_table(kvs: &[(&str, &str)], table: &'static [(&'static str, &'static str)]) -> Vec<Field> {
    table
        .iter()
        .filter_map(|(label, name)| {
            kvs.iter()
                .find(|(k, _)| chronyc_label(k).eq_ignore_ascii_case(label))
                .map(|(_, v)| Field::info(name, *v))
        })
        .collect()
}

/// Checks a field by name, for every chronyc report.
fn judge(f: &mut Field, poll: Option<i32>) {
    match f.name {
        "stratum" => check_stratum(f),
        "reach" => check_reach(f),
        "state" | "select-state" => check_state(f),
        "leap" => check_leap(f),
        "refid" => check_refid(f),
        "system-time" => {
            // Text: "4.999998 seconds slow of NTP time" (Stratum's Chinese:
            // "比 NTP 时间慢 4.999998 秒"); CSV: chronyd's correction,
            // positive when the clock is slow (chronyc(1)).
            let raw = f.raw.to_ascii_lowercase();
            let number = raw
                .split(|c: char| c.is_whitespace() || !c.is_ascii())
                .find_map(|w| w.parse::<f64>().ok());
            if let Some(v) = number {
                let correction = if raw.contains("fast") || raw.contains('快') {
                    -v.abs()
                } else if raw.contains("slow") || raw.contains('慢') {
                    v.abs()
                } else {
                    v
                };
                check_system_time(f, correction);
            }
        }
        "last-offset" | "sample-offset" | "offset" | "est-offset" => check_offset(f, None),
        "root-dispersion" => check_dispersion(f, None),
        "frequency" => check_frequency(f),
        "skew" | "freq-skew" => check_skew(f),
        "ntp-drops" | "ntp-dropped" => check_drops(f),
        "last-rx" => check_last_rx(f, poll),
        "ke-attempts" => check_ke_attempts(f),
        "nak" => check_nak(f),
        _ => {}
    }
}

fn judge_row(row: &mut [Field]) {
    let poll = row
        .iter()
        .find(|f| f.name == "poll")
        .and_then(|f| f.raw.trim().parse().ok());
    for f in row.iter_mut() {
        judge(f, poll);
    }
    // No sample ever, yet the source answers: its answers fail chronyd's
    // tests (a loop, an unsynchronised server, authentication).
    let answers = row
        .iter()
        .any(|f| f.name == "reach" && f.raw.trim() != "0" && !f.raw.trim().is_empty());
    if answers
        && let Some(f) = row
            .iter_mut()
            .find(|f| f.name == "last-rx" && f.raw.trim() == "-")
    {
        f.status = super::verdict::Status::Warn;
        f.reason = Some(super::verdict::Reason::new(
            super::verdict::Why::AnswersUnusable,
        ));
    }
    // The adjusted offset beyond the estimated error: the source or the
    // path to it is unstable.
    let offset = row
        .iter()
        .find(|f| f.name == "sample-offset")
        .and_then(|f| seconds(&f.raw));
    let error = row
        .iter()
        .find(|f| f.name == "error")
        .and_then(|f| seconds(&f.raw));
    if let (Some(o), Some(e)) = (offset, error) {
        if e > 0.0 && o.abs() > e {
            if let Some(f) = row.iter_mut().find(|f| {
                f.name == "sample-offset"
                    && !matches!(
                        f.status,
                        super::verdict::Status::Bad | super::verdict::Status::Info
                    )
            }) {
                f.status = super::verdict::Status::Warn;
                f.reason = Some(super::verdict::Reason::new(
                    super::verdict::Why::OffsetBeyondError,
                ));
            }
        }
    }
}

fn row_from(values: Vec<String>, names: &'static [&'static str]) -> Vec<Field> {
    names
        .iter()
        .zip(values)
        .map(|(n, v)| Field::info(n, v))
        .collect()
}

/// `^* name  2  6  377  32  +123us[ +150us] +/-  15ms`
fn source_row(line: &str) -> Option<Vec<String>> {
    let mut chars = line.chars();
    let mode = chars.next()?;
    let state = chars.next()?;
    if !"^=#".contains(mode) || !"*+-?x~ ".contains(state) {
        return None;
    }
    let rest = &line[2..];
    let (head, sample) = rest.split_at(
        rest.find('[')
            .and_then(|i| rest[..i].rfind(|c: char| c.is_whitespace()))?,
    );
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.len() != 5 {
        return None;
    }
    let open = sample.find('[')?;
    let close = open + sample[open..].find(']')?;
    let err = sample[close + 1..].trim().strip_prefix("+/-")?.trim();
    let mut v: Vec<String> = vec![mode.to_string(), state.to_string()];
    v.extend(words.iter().map(|w| w.to_string()));
    v.push(sample[..open].trim().to_string());
    v.push(sample[open + 1..close].trim().to_string());
    v.push(err.to_string());
    Some(v)
}

fn header_index(lines: &[&str], starts: &str) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.trim_start().starts_with(starts))
}

/// The table rows after a header, skipping `====` rules and legends.
fn table_rows<'a>(lines: &[&'a str], header: usize) -> Vec<&'a str> {
    lines[header + 1..]
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with("==="))
        .collect()
}

/// A table of ten whitespace-separated columns under its header (clients,
/// selectdata, authdata): each full row judged, anything else skipped.
fn word_table(
    lines: &[&str],
    header: usize,
    kind: Kind,
    names: &'static [&'static str],
) -> Explained {
    let mut e = Explained::new(kind);
    for l in table_rows(lines, header) {
        let w: Vec<String> = l.split_whitespace().map(String::from).collect();
        if w.len() == 10 {
            let mut row = row_from(w, names);
            judge_row(&mut row);
            e.rows.push(row);
        }
    }
    e
}

fn csv(lines: &[&str]) -> Option<Explained> {
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .filter(|l| l.contains(','))
        .map(|l| l.split(',').collect())
        .collect();
    if rows.is_empty() || rows.len() != lines.len() {
        return None;
    }
    let n = rows[0].len();
    if rows.iter().any(|r| r.len() != n) {
        return None;
    }
    let int = |s: &str| s.parse::<i64>().is_ok();
    let first = &rows[0];
    let kind = match n {
        14 if first[0].len() == 8 && first[0].chars().all(|c| c.is_ascii_hexdigit()) => {
            Kind::ChronycTracking
        }
        10 if first[0].len() == 1 && "^=#".contains(first[0]) => Kind::ChronycSources,
        10 if ["-", "SK", "NTS", "?"].contains(&first[1]) => Kind::ChronycAuthdata,
        10 if int(first[1]) && int(first[2]) => Kind::ChronycClients,
        // 8 counters in chrony 4.0–4.1, 11 in 4.2–4.3, 17 from 4.4 (all
        // numbers; sourcestats' 8 columns start with an address).
        8 | 11 | 17 if first.iter().all(|v| int(v)) => Kind::ChronycServerstats,
        8 if int(first[1]) && int(first[2]) => Kind::ChronycSourcestats,
        5 if first.iter().all(|v| int(v)) => Kind::ChronycActivity,
        18 if first[0].len() == 1 => Kind::ChronycSelectdata,
        // 33 columns in 4.0–4.2, 34 (good RX) from 4.3, 38 (timestamp
        // sources) from 4.6.
        // A source with no valid answer yet has "[UNSPEC]" as its address.
        33 | 34 | 38 if first[0].parse::<std::net::IpAddr>().is_ok() || first[0] == "[UNSPEC]" => {
            Kind::ChronycNtpdata
        }
        _ => return None,
    };
    let mut e = Explained::new(kind);
    e.csv = true;
    let kv_names = |table: &'static [(&'static str, &'static str)]| names(table);
    match kind {
        Kind::ChronycTracking | Kind::ChronycActivity | Kind::ChronycServerstats => {
            let names = match kind {
                Kind::ChronycTracking => {
                    // CSV tracking has the reference name as a second field.
                    let mut v: Vec<String> = first.iter().map(|s| s.to_string()).collect();
                    v[0] = format!("{} ({})", v[0], v[1]);
                    v.remove(1);
                    e.fields = kv_names(TRACKING)
                        .into_iter()
                        .zip(v)
                        .map(|(n, x)| Field::info(n, x))
                        .collect();
                    for f in &mut e.fields {
                        judge(f, None);
                    }
                    return Some(e);
                }
                Kind::ChronycActivity => kv_names(ACTIVITY),
                _ => kv_names(SERVERSTATS),
            };
            e.fields = names
                .into_iter()
                .zip(first.iter())
                .map(|(n, x)| Field::info(n, *x))
                .collect();
            for f in &mut e.fields {
                judge(f, None);
            }
        }
        Kind::ChronycNtpdata => {
            for r in &rows {
                // Remote address, its refid, port, local address, its refid,
                // then one value per label.
                let mut vals: Vec<String> =
                    vec![r[0].to_string(), r[2].to_string(), r[3].to_string()];
                vals.extend(r[5..10].iter().map(|s| s.to_string())); // leap .. poll
                vals.push(r[11].to_string()); // precision
                vals.extend(r[13..16].iter().map(|s| s.to_string())); // root delay, dispersion, refid
                vals.extend(r[17..23].iter().map(|s| s.to_string())); // ref time .. jitter
                vals.push(format!("{} {} {}", r[23], r[24], r[25]));
                vals.extend(r[26..].iter().map(|s| s.to_string()));
                let mut row: Vec<Field> = kv_names(NTPDATA)
                    .into_iter()
                    .zip(vals)
                    .map(|(n, x)| Field::info(n, x))
                    .collect();
                judge_row(&mut row);
                e.rows.push(row);
            }
            if e.rows.len() == 1 {
                e.fields = e.rows.pop().unwrap();
            }
        }
        _ => {
            let names: &'static [&'static str] = match kind {
                Kind::ChronycSources => SOURCES,
                Kind::ChronycSourcestats => SOURCESTATS,
                Kind::ChronycClients => CLIENTS,
                Kind::ChronycAuthdata => AUTHDATA,
                _ => SELECTDATA,
            };
            for r in &rows {
                let vals: Vec<String> = if kind == Kind::ChronycSelectdata {
                    vec![
                        r[0].to_string(),
                        r[1].to_string(),
                        r[2].to_string(),
                        r[3..8].concat(),
                        r[8..13].concat(),
                        r[13].to_string(),
                        r[14].to_string(),
                        r[15].to_string(),
                        r[16].to_string(),
                        r[17].to_string(),
                    ]
                } else {
                    r.iter().map(|s| s.to_string()).collect()
                };
                let mut row = row_from(vals, names);
                if kind == Kind::ChronycSources {
                    // CSV gives seconds; the text form units.
                    for f in row
                        .iter_mut()
                        .filter(|f| f.name == "last-rx" && f.raw == "4294967295")
                    {
                        f.raw = "-".into();
                    }
                }
                judge_row(&mut row);
                e.rows.push(row);
            }
        }
    }
    Some(e)
}

pub fn parse(lines: &[&str]) -> Option<Explained> {
    // chronyc's info lines carry nothing the tables do not.
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("210 Number of sources")
                || t == "200 OK"
                || t.starts_with("506 ")
                || t.starts_with("501 "))
        })
        .collect();
    if let Some(e) = csv(&lines) {
        return Some(e);
    }
    let kvs = key_values(&lines);
    let has = |label: &str| kvs.iter().any(|(k, _)| chronyc_label(k) == label);
    // tracking, even a few of its lines: labels no other report prints.
    let tracking_only = [
        "Reference ID",
        "Ref time (UTC)",
        "System time",
        "Last offset",
        "RMS offset",
        "Residual freq",
        "Update interval",
    ];
    let tracking_labels = tracking_only.iter().filter(|l| has(l)).count();
    let tracking_any = TRACKING.iter().filter(|(l, _)| has(l)).count();
    if (tracking_labels >= 1 && tracking_any >= 2) && !has("Remote address") {
        let mut e = Explained::new(Kind::ChronycTracking);
        e.fields = from_table(&kvs, TRACKING);
        for f in &mut e.fields {
            judge(f, None);
        }
        return Some(e);
    }
    if has("Remote address") {
        let mut e = Explained::new(Kind::ChronycNtpdata);
        // One block per source, each starting at "Remote address".
        let mut blocks: Vec<Vec<(&str, &str)>> = Vec::new();
        for kv in kvs {
            if kv.0 == "Remote address" {
                blocks.push(Vec::new());
            }
            if let Some(b) = blocks.last_mut() {
                b.push(kv);
            }
        }
        for b in blocks {
            let mut row = from_table(&b, NTPDATA);
            judge_row(&mut row);
            e.rows.push(row);
        }
        if e.rows.len() == 1 {
            e.fields = e.rows.pop().unwrap();
        }
        return Some(e);
    }
    if has("NTP packets received") {
        let mut e = Explained::new(Kind::ChronycServerstats);
        e.fields = from_table(&kvs, SERVERSTATS);
        for f in &mut e.fields {
            judge(f, None);
        }
        return Some(e);
    }
    if lines.iter().any(|l| l.contains("sources online")) {
        let mut e = Explained::new(Kind::ChronycActivity);
        for (label, name) in ACTIVITY {
            if let Some(l) = lines
                .iter()
                .find(|l| l.trim().ends_with(label) && l.trim().len() > label.len())
            {
                let n = l.split_whitespace().next().unwrap_or("");
                e.fields.push(Field::info(name, n));
            }
        }
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "MS Name/IP address") {
        let mut e = Explained::new(Kind::ChronycSources);
        for l in table_rows(&lines, h) {
            if let Some(v) = source_row(l) {
                let mut row = row_from(v, SOURCES);
                judge_row(&mut row);
                e.rows.push(row);
            }
        }
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "Name/IP Address            NP") {
        let mut e = Explained::new(Kind::ChronycSourcestats);
        for l in table_rows(&lines, h) {
            let w: Vec<String> = l.split_whitespace().map(String::from).collect();
            if w.len() == 8 {
                let mut row = row_from(w, SOURCESTATS);
                judge_row(&mut row);
                e.rows.push(row);
            }
        }
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "Hostname") {
        if lines[h].contains("NTP") && lines[h].contains("Drop") {
            let names = if lines[h].contains("NTS-KE") {
                CLIENTS_NKE
            } else {
                CLIENTS
            };
            return Some(word_table(&lines, h, Kind::ChronycClients, names));
        }
    }
    if let Some(h) = header_index(&lines, "S Name/IP Address") {
        return Some(word_table(&lines, h, Kind::ChronycSelectdata, SELECTDATA));
    }
    if let Some(h) = header_index(&lines, "Name/IP address             Mode KeyID") {
        return Some(word_table(&lines, h, Kind::ChronycAuthdata, AUTHDATA));
    }
    // Source rows without their header (a partial paste).
    let rows: Vec<Vec<String>> = lines.iter().filter_map(|l| source_row(l)).collect();
    if !rows.is_empty() && rows.len() * 2 >= lines.len() {
        let mut e = Explained::new(Kind::ChronycSources);
        for v in rows {
            let mut row = row_from(v, SOURCES);
            judge_row(&mut row);
            e.rows.push(row);
        }
        return Some(e);
    }
    None
}
