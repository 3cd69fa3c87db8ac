//! Each value's text typed as chronyc(1) defines its field, and a table row built from them.

use super::super::checks::{parse_interval, seconds};
use super::super::field::{AuthMode, FieldId as F, Leap, SelectState, SourceAddr, Value};
use super::super::model::Field;
use crate::core::cmdmon::{SourceMode, SourceState};

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
    super::super::checks::first_number(raw)
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
fn value(name: F, raw: &str) -> Value {
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

pub(super) fn field(name: F, raw: impl Into<String>) -> Field {
    let raw = raw.into();
    let v = value(name, &raw);
    Field::typed(name, raw, v)
}

/// A row of a table: its columns in the table's order. A reference
/// clock's address is its refid (mode `#`).
pub(super) fn row_from(values: Vec<String>, names: &[F]) -> Vec<Field> {
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
