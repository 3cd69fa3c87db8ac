//! The reader of chronyc's reports, as printed and in `-c` CSV form: each
//! field named (`FieldId`) and its value typed (`Value`) as chronyc(1)
//! defines it. Judging is `judge.rs`'s, over the typed values; the live
//! snapshot gives the same fields without text (`live.rs`).

use super::checks::{parse_interval, seconds};
use super::field::{AuthMode, FieldId as F, Leap, SelectState, SourceAddr, Value};
use super::model::{Explained, Field, Kind};
use crate::core::cmdmon::{SourceMode, SourceState};

pub(super) const TRACKING: &[(&str, F)] = &[
    ("Reference ID", F::Refid),
    ("Stratum", F::Stratum),
    ("Ref time (UTC)", F::RefTime),
    ("System time", F::SystemTime),
    ("Last offset", F::LastOffset),
    ("RMS offset", F::RmsOffset),
    ("Frequency", F::Frequency),
    ("Residual freq", F::ResidualFreq),
    ("Skew", F::Skew),
    ("Root delay", F::RootDelay),
    ("Root dispersion", F::RootDispersion),
    ("Update interval", F::UpdateInterval),
    ("Leap status", F::Leap),
];

pub(super) const NTPDATA: &[(&str, F)] = &[
    ("Remote address", F::RemoteAddress),
    ("Remote port", F::RemotePort),
    ("Local address", F::LocalAddress),
    ("Leap status", F::Leap),
    ("Version", F::Version),
    ("Mode", F::NtpMode),
    ("Stratum", F::Stratum),
    ("Poll interval", F::PollInterval),
    ("Precision", F::Precision),
    ("Root delay", F::RootDelay),
    ("Root dispersion", F::RootDispersion),
    ("Reference ID", F::Refid),
    ("Reference time", F::RefTime),
    ("Offset", F::Offset),
    ("Peer delay", F::PeerDelay),
    ("Peer dispersion", F::PeerDispersion),
    ("Response time", F::ResponseTime),
    ("Jitter asymmetry", F::JitterAsymmetry),
    ("NTP tests", F::NtpTests),
    ("Interleaved", F::Interleaved),
    ("Authenticated", F::Authenticated),
    ("TX timestamping", F::TxTimestamping),
    ("RX timestamping", F::RxTimestamping),
    ("Total TX", F::TotalTx),
    ("Total RX", F::TotalRx),
    ("Total valid RX", F::TotalValidRx),
    ("Total good RX", F::TotalGoodRx),
    // chrony 4.6+
    ("Total kernel TX", F::TotalKernelTx),
    ("Total kernel RX", F::TotalKernelRx),
    ("Total HW TX", F::TotalHwTx),
    ("Total HW RX", F::TotalHwRx),
];

pub(super) const SERVERSTATS: &[(&str, F)] = &[
    ("NTP packets received", F::NtpReceived),
    ("NTP packets dropped", F::NtpDropped),
    ("Command packets received", F::CmdReceived),
    ("Command packets dropped", F::CmdDropped),
    ("Client log records dropped", F::LogDropped),
    ("NTS-KE connections accepted", F::NtskeAccepted),
    ("NTS-KE connections dropped", F::NtskeDropped),
    ("Authenticated NTP packets", F::AuthPackets),
    ("Interleaved NTP packets", F::InterleavedPackets),
    ("NTP timestamps held", F::TimestampsHeld),
    ("NTP timestamp span", F::TimestampSpan),
    // chrony 4.4+: where the server's timestamps came from.
    ("NTP daemon RX timestamps", F::DaemonRxTimestamps),
    ("NTP daemon TX timestamps", F::DaemonTxTimestamps),
    ("NTP kernel RX timestamps", F::KernelRxTimestamps),
    ("NTP kernel TX timestamps", F::KernelTxTimestamps),
    ("NTP hardware RX timestamps", F::HardwareRxTimestamps),
    ("NTP hardware TX timestamps", F::HardwareTxTimestamps),
];

pub(super) const ACTIVITY: &[(&str, F)] = &[
    ("sources online", F::Online),
    ("sources offline", F::Offline),
    ("sources doing burst (return to online)", F::BurstOnline),
    ("sources doing burst (return to offline)", F::BurstOffline),
    ("sources with unknown address", F::Unresolved),
];

pub(super) const SOURCES: &[F] = &[
    F::Mode,
    F::State,
    F::Address,
    F::Stratum,
    F::Poll,
    F::Reach,
    F::LastRx,
    F::SampleOffset,
    F::MeasuredOffset,
    F::Error,
];
pub(super) const SOURCESTATS: &[F] = &[
    F::Address,
    F::Samples,
    F::Runs,
    F::Span,
    F::Frequency,
    F::FreqSkew,
    F::EstOffset,
    F::StdDev,
];
const CLIENTS: &[F] = &[
    F::Address,
    F::NtpHits,
    F::NtpDrops,
    F::NtpInterval,
    F::NtpIntervalLimit,
    F::NtpLast,
    F::CmdHits,
    F::CmdDrops,
    F::CmdInterval,
    F::CmdLast,
];
/// `chronyc clients -k`: NTS-KE columns instead of command ones.
const CLIENTS_NKE: &[F] = &[
    F::Address,
    F::NtpHits,
    F::NtpDrops,
    F::NtpInterval,
    F::NtpIntervalLimit,
    F::NtpLast,
    F::NtsKeHits,
    F::NtsKeDrops,
    F::NtsKeInterval,
    F::NtsKeLast,
];
pub(super) const SELECTDATA: &[F] = &[
    F::SelectState,
    F::Address,
    F::Auth,
    F::ConfOptions,
    F::EffOptions,
    F::LastSample,
    F::Score,
    F::LoLimit,
    F::HiLimit,
    F::Leap,
];
pub(super) const AUTHDATA: &[F] = &[
    F::Address,
    F::AuthMode,
    F::KeyId,
    F::KeyType,
    F::KeyLength,
    F::LastKe,
    F::KeAttempts,
    F::Nak,
    F::Cookies,
    F::CookieLength,
];

fn ids(v: &[F]) -> &'static [&'static str] {
    Box::leak(
        v.iter()
            .map(|f| f.id())
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

fn names(table: &[(&str, F)]) -> Vec<F> {
    table.iter().map(|(_, n)| *n).collect()
}

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    vec![
        (Kind::ChronycTracking, ids(&names(TRACKING))),
        (Kind::ChronycNtpdata, ids(&names(NTPDATA))),
        (Kind::ChronycServerstats, ids(&names(SERVERSTATS))),
        (Kind::ChronycActivity, ids(&names(ACTIVITY))),
        (Kind::ChronycSources, ids(SOURCES)),
        (Kind::ChronycSourcestats, ids(SOURCESTATS)),
        (Kind::ChronycClients, ids(CLIENTS)),
        (Kind::ChronycClients, ids(CLIENTS_NKE)),
        (Kind::ChronycSelectdata, ids(SELECTDATA)),
        (Kind::ChronycAuthdata, ids(AUTHDATA)),
        (Kind::ChronycError, ids(&[F::Reply])),
    ]
}

/// A 32-bit reference id as chronyc prints it (`C0A80001 (name)`, or a
/// refclock's `GPS` in `-c` sources).
fn refid(raw: &str) -> Value {
    let hex = raw.split_whitespace().next().unwrap_or("");
    match u32::from_str_radix(hex, 16) {
        Ok(v) if hex.len() == 8 => Value::RefId(v),
        _ => Value::Text,
    }
}

/// A leap status in chronyc's words, or selectdata's letter (N, +, -, ?).
fn leap(raw: &str) -> Value {
    let l = raw.trim().to_ascii_lowercase();
    let v = match l.as_str() {
        "n" | "normal" => Leap::Normal,
        "+" | "insert second" => Leap::Insert,
        "-" | "delete second" => Leap::Delete,
        "?" | "not synchronised" => Leap::Unsynchronised,
        _ if l.contains("not sync") || l.contains("unsync") => Leap::Unsynchronised,
        _ if l.contains("insert") => Leap::Insert,
        _ if l.contains("delete") => Leap::Delete,
        _ if l.contains("normal") => Leap::Normal,
        // Stratum's Chinese status (闰秒状态) prints chronyc's English.
        _ => return Value::Text,
    };
    Value::Leap(v)
}

/// An address column: an IP, chronyd's id of a name not resolved yet
/// (`ID#0000000001`), a name.
fn address(raw: &str) -> Value {
    let r = raw.trim();
    let r = r.split_whitespace().next().unwrap_or(r);
    if r.starts_with("ID#") {
        Value::Source(SourceAddr::Unresolved)
    } else if let Ok(ip) = r.trim_matches(['[', ']']).parse() {
        Value::Source(SourceAddr::Ip(ip))
    } else {
        Value::Source(SourceAddr::Name)
    }
}

fn int(raw: &str) -> Value {
    raw.trim()
        .trim_start_matches('+')
        .parse()
        .map_or(Value::Text, Value::Int)
}

/// chronyc's `-`, or a count of seconds as `-c` prints it (2^32-1 for
/// never), or an interval with its unit (`58`, `17m`, `3h`).
fn age(raw: &str) -> Value {
    match raw.trim() {
        "-" | "4294967295" => Value::Never,
        r => parse_interval(r).map_or(Value::Text, Value::Seconds),
    }
}

/// A number of seconds with or without a unit (`+123us`, `0.000123`,
/// `-0.000004119 seconds`).
fn secs(raw: &str) -> Value {
    let r = raw.trim().trim_start_matches("+/-").trim();
    seconds(r).map_or(Value::Text, Value::Seconds)
}

fn first_number(raw: &str) -> Option<f64> {
    super::checks::first_number(raw)
}

/// `System time`: "4.999998 seconds slow of NTP time" (Stratum's
/// Chinese: "比 NTP 时间慢 4.999998 秒"); CSV: chronyd's correction,
/// positive when the clock is slow (chronyc(1)).
fn system_time(raw: &str) -> Value {
    let l = raw.to_ascii_lowercase();
    let number = l
        .split(|c: char| c.is_whitespace() || !c.is_ascii())
        .find_map(|w| w.parse::<f64>().ok());
    let Some(v) = number else {
        return Value::Text;
    };
    Value::Seconds(if l.contains("fast") || l.contains('快') {
        -v.abs()
    } else if l.contains("slow") || l.contains('慢') {
        v.abs()
    } else {
        v
    })
}

/// Tracking's `Frequency`: "1.234 ppm slow" (text) or the signed value
/// (`-c`), positive when the clock runs fast.
fn frequency(raw: &str) -> Value {
    let Some(v) = first_number(raw) else {
        return Value::Text;
    };
    let l = raw.to_ascii_lowercase();
    Value::Ppm(if l.contains("slow") {
        -v.abs()
    } else if l.contains("fast") {
        v.abs()
    } else {
        v
    })
}

/// ntpdata's `NTP tests`: "111 111 1111".
fn tests(raw: &str) -> Value {
    let bits: Vec<bool> = raw
        .chars()
        .filter(|c| *c == '0' || *c == '1')
        .map(|c| c == '1')
        .collect();
    match <[bool; 10]>::try_from(bits) {
        Ok(b) => Value::Tests(b),
        Err(_) => Value::Text,
    }
}

fn yes_no(raw: &str) -> Value {
    match raw.trim() {
        "Y" | "Yes" | "yes" => Value::Bool(true),
        "N" | "No" | "no" => Value::Bool(false),
        _ => Value::Text,
    }
}

/// What a field's text says, as chronyc(1) defines the field.
pub(super) fn value(name: F, raw: &str) -> Value {
    let r = raw.trim();
    match name {
        F::Mode => match r {
            "^" => Value::Mode(SourceMode::Server),
            "=" => Value::Mode(SourceMode::Peer),
            "#" => Value::Mode(SourceMode::RefClock),
            _ => Value::Text,
        },
        F::State => match r {
            "*" => Value::State(SourceState::Selected),
            "+" => Value::State(SourceState::Combined),
            "-" => Value::State(SourceState::NotCombined),
            "?" => Value::State(SourceState::Unusable),
            "x" => Value::State(SourceState::Falseticker),
            "~" => Value::State(SourceState::Jittery),
            _ => Value::Text,
        },
        F::SelectState => r
            .chars()
            .next()
            .and_then(SelectState::from_letter)
            .map_or(Value::Text, Value::Select),
        F::Address | F::RemoteAddress | F::LocalAddress => address(r),
        F::Reach => u8::from_str_radix(r, 8).map_or(Value::Text, Value::Reach),
        F::Stratum
        | F::Poll
        | F::Samples
        | F::Runs
        | F::Version
        | F::RemotePort
        | F::KeyId
        | F::KeyType
        | F::KeyLength
        | F::KeAttempts
        | F::Nak
        | F::Cookies
        | F::CookieLength
        | F::NtpHits
        | F::NtpDrops
        | F::CmdHits
        | F::CmdDrops
        | F::NtsKeHits
        | F::NtsKeDrops
        | F::NtpInterval
        | F::NtpIntervalLimit
        | F::CmdInterval
        | F::NtsKeInterval
        | F::TotalTx
        | F::TotalRx
        | F::TotalValidRx
        | F::TotalGoodRx
        | F::TotalKernelTx
        | F::TotalKernelRx
        | F::TotalHwTx
        | F::TotalHwRx
        | F::NtpReceived
        | F::NtpDropped
        | F::CmdReceived
        | F::CmdDropped
        | F::LogDropped
        | F::NtskeAccepted
        | F::NtskeDropped
        | F::AuthPackets
        | F::InterleavedPackets
        | F::TimestampsHeld
        | F::DaemonRxTimestamps
        | F::DaemonTxTimestamps
        | F::KernelRxTimestamps
        | F::KernelTxTimestamps
        | F::HardwareRxTimestamps
        | F::HardwareTxTimestamps
        | F::Online
        | F::Offline
        | F::BurstOnline
        | F::BurstOffline
        | F::Unresolved => int(r),
        // "6 (64 seconds)", "-24 (0.000000060 seconds)": the log2 value.
        F::PollInterval | F::Precision => r.split_whitespace().next().map_or(Value::Text, int),
        F::LastRx | F::LastKe | F::NtpLast | F::CmdLast | F::NtsKeLast => age(r),
        F::Span | F::TimestampSpan | F::LastSample => age(r),
        F::SampleOffset
        | F::MeasuredOffset
        | F::Error
        | F::EstOffset
        | F::StdDev
        | F::LastOffset
        | F::RmsOffset
        | F::RootDelay
        | F::RootDispersion
        | F::UpdateInterval
        | F::Offset
        | F::PeerDelay
        | F::PeerDispersion
        | F::ResponseTime
        | F::LoLimit
        | F::HiLimit => secs(r),
        F::SystemTime => system_time(r),
        F::Frequency => frequency(r),
        F::ResidualFreq | F::Skew | F::FreqSkew => first_number(r).map_or(Value::Text, Value::Ppm),
        F::Score => r.parse().map_or(Value::Text, Value::Number),
        F::RefTime => r.parse().map_or(Value::Text, Value::Time),
        F::Leap => leap(r),
        F::Refid => refid(r),
        F::NtpTests => tests(r),
        F::Auth | F::Interleaved | F::Authenticated => yes_no(r),
        F::AuthMode => match r {
            "-" => Value::Auth(AuthMode::None),
            "SK" => Value::Auth(AuthMode::SymmetricKey),
            "NTS" => Value::Auth(AuthMode::Nts),
            _ => Value::Text,
        },
        _ => Value::Text,
    }
}

fn field(name: F, raw: impl Into<String>) -> Field {
    let raw = raw.into();
    let v = value(name, &raw);
    Field::typed(name, raw, v)
}

/// A row of a table: its columns in the table's order. A reference
/// clock's address is its refid (mode `#`).
fn row_from(values: Vec<String>, names: &[F]) -> Vec<Field> {
    let mut row: Vec<Field> = names
        .iter()
        .zip(values)
        .map(|(n, v)| field(*n, v))
        .collect();
    let refclock = row
        .iter()
        .any(|f| f.value == Value::Mode(SourceMode::RefClock));
    if refclock {
        for f in row.iter_mut().filter(|f| f.name == F::Address) {
            f.value = Value::Source(SourceAddr::RefClock);
        }
    }
    row
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

fn from_table(kvs: &[(&str, &str)], table: &[(&str, F)]) -> Vec<Field> {
    table
        .iter()
        .filter_map(|(label, name)| {
            kvs.iter()
                .find(|(k, _)| chronyc_label(k).eq_ignore_ascii_case(label))
                .map(|(_, v)| field(*name, *v))
        })
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

/// A sources row the paste cut short (`^* localhost`, `^+ 10.0.0.2  2
/// 6`): its mode, state, name and the whole columns before the cut.
fn cut_source_row(line: &str) -> Option<Vec<String>> {
    let mut chars = line.chars();
    let (mode, state) = (chars.next()?, chars.next()?);
    if !"^=#".contains(mode) || !"*+-?x~ ".contains(state) {
        return None;
    }
    let mut words = line.get(2..)?.split_whitespace();
    let name = words.next()?;
    let hostlike = |c: char| c.is_ascii_alphanumeric() || ".-:_[]%/".contains(c);
    if !name.chars().all(hostlike) {
        return None;
    }
    // Stratum, poll, reach and LastRx: numbers (LastRx `5m`, or `-`).
    let numeric = |w: &&str| {
        *w == "-"
            || w.strip_prefix('-')
                .unwrap_or(w)
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u64>()
                .is_ok()
    };
    let rest: Vec<&str> = words.collect();
    let columns: Vec<&str> = rest
        .iter()
        .copied()
        .take(4)
        .take_while(|w| !w.contains('['))
        .collect();
    if !columns.iter().all(numeric) {
        return None;
    }
    // The paste's last word may itself be cut (`37` of `377`): only the
    // columns something follows are whole.
    let whole = if rest.len() > columns.len() {
        columns.len()
    } else {
        columns.len().saturating_sub(1)
    };
    let mut v = vec![mode.to_string(), state.to_string(), name.to_string()];
    v.extend(columns[..whole].iter().map(|w| w.to_string()));
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
/// selectdata, authdata): each full row read, anything else skipped.
fn word_table(lines: &[&str], header: usize, kind: Kind, names: &[F]) -> Explained {
    let mut e = Explained::new(kind);
    for l in table_rows(lines, header) {
        let w: Vec<String> = l.split_whitespace().map(String::from).collect();
        if w.len() == 10 {
            e.rows.push(row_from(w, names));
        }
    }
    e
}

/// Which report a line of chronyc's `-c` output belongs to, by its column
/// count and the shape of its fields (client.c prints each report's
/// columns; `-m` prints several reports back to back with no header).
pub(super) fn csv_kind(first: &[&str]) -> Option<Kind> {
    let is_int = |s: &str| s.parse::<i64>().is_ok();
    Some(match first.len() {
        14 if first[0].len() == 8 && first[0].chars().all(|c| c.is_ascii_hexdigit()) => {
            Kind::ChronycTracking
        }
        10 if first[0].len() == 1 && "^=#".contains(first[0]) => Kind::ChronycSources,
        10 if ["-", "SK", "NTS", "?"].contains(&first[1]) => Kind::ChronycAuthdata,
        10 if is_int(first[1]) && is_int(first[2]) => Kind::ChronycClients,
        // 8 counters in chrony 4.0–4.1, 11 in 4.2–4.3, 17 from 4.4 (all
        // numbers; sourcestats' 8 columns start with an address).
        8 | 11 | 17 if first.iter().all(|v| is_int(v)) => Kind::ChronycServerstats,
        8 if is_int(first[1]) && is_int(first[2]) => Kind::ChronycSourcestats,
        5 if first.iter().all(|v| is_int(v)) => Kind::ChronycActivity,
        18 if first[0].len() == 1 => Kind::ChronycSelectdata,
        // 33 columns in 4.0–4.2, 34 (good RX) from 4.3, 38 (timestamp
        // sources) from 4.6.
        // A source with no valid answer yet has "[UNSPEC]" as its address.
        33 | 34 | 38 if first[0].parse::<std::net::IpAddr>().is_ok() || first[0] == "[UNSPEC]" => {
            Kind::ChronycNtpdata
        }
        _ => return None,
    })
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
    let first = &rows[0];
    let kind = csv_kind(first)?;
    let mut e = Explained::new(kind);
    e.csv = true;
    let kv = |table: &[(&str, F)], values: Vec<String>| -> Vec<Field> {
        names(table)
            .into_iter()
            .zip(values)
            .map(|(n, x)| field(n, x))
            .collect()
    };
    let strings = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match kind {
        Kind::ChronycTracking => {
            // CSV tracking has the reference name as a second field: one
            // value with the id, as the text prints it (never "()").
            let mut v = strings(first);
            v[0] = if v[1].is_empty() {
                v[0].clone()
            } else {
                format!("{} ({})", v[0], v[1])
            };
            v.remove(1);
            e.fields = kv(TRACKING, v);
        }
        Kind::ChronycActivity => e.fields = kv(ACTIVITY, strings(first)),
        Kind::ChronycServerstats => e.fields = kv(SERVERSTATS, strings(first)),
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
                e.rows.push(kv(NTPDATA, vals));
            }
            if e.rows.len() == 1 {
                e.fields = e.rows.pop().unwrap();
            }
        }
        _ => {
            let names: &[F] = match kind {
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
                    strings(r)
                };
                let mut row = row_from(vals, names);
                // CSV gives seconds; never is 2^32-1, as `-` in text.
                for f in row.iter_mut().filter(|f| f.value == Value::Never) {
                    f.raw = "-".into();
                }
                e.rows.push(row);
            }
        }
    }
    Some(e)
}

/// Reads one chronyc report: its kind and typed fields, unjudged.
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
        // Its first line and not its last (every release ends with Leap
        // status): the paste stops short.
        e.cut = has("Reference ID") && !has("Leap status");
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
            e.rows.push(from_table(&b, NTPDATA));
        }
        if e.rows.len() == 1 {
            e.fields = e.rows.pop().unwrap();
        }
        return Some(e);
    }
    if has("NTP packets received") {
        let mut e = Explained::new(Kind::ChronycServerstats);
        e.fields = from_table(&kvs, SERVERSTATS);
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
                e.fields.push(field(*name, n));
            }
        }
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "MS Name/IP address") {
        let mut e = Explained::new(Kind::ChronycSources);
        let rows = table_rows(&lines, h);
        for (i, l) in rows.iter().enumerate() {
            if let Some(v) = source_row(l) {
                e.rows.push(row_from(v, SOURCES));
            } else if i + 1 == rows.len()
                && let Some(v) = cut_source_row(l)
            {
                // The paste ends inside its last row: the source is there.
                e.rows.push(row_from(v, SOURCES));
                e.cut = true;
            }
        }
        return Some(e);
    }
    // `sources -v`'s legend with no header or row after it: the table
    // itself was not pasted.
    if lines
        .iter()
        .any(|l| l.contains(".-- Source mode  '^' = server"))
    {
        let mut e = Explained::new(Kind::ChronycSources);
        e.cut = true;
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "Name/IP Address            NP") {
        let mut e = Explained::new(Kind::ChronycSourcestats);
        for l in table_rows(&lines, h) {
            let w: Vec<String> = l.split_whitespace().map(String::from).collect();
            if w.len() == 8 {
                e.rows.push(row_from(w, SOURCESTATS));
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
            e.rows.push(row_from(v, SOURCES));
        }
        return Some(e);
    }
    None
}
