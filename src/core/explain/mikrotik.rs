//! MikroTik RouterOS `/system ntp client print`: v7's NTP client (status,
//! synced-server, synced-stratum, system-offset, freq-drift) and v6's SNTP
//! client (active-server, last-update-from, last-update-before,
//! last-adjustment). Field meanings from MikroTik's NTP reference
//! (help.mikrotik.com, ROS "NTP") and the v6 wiki (Manual:System/Time).

use super::checks::*;
use super::field::FieldId as F;
use super::model::{Explained, Field, Kind};
use super::verdict::{Reason, Status, Why};

/// `key: value` as RouterOS prints it → the catalogue's name.
const CLIENT: &[(&str, &str)] = &[
    ("enabled", "enabled"),
    ("mode", "mode"),
    ("servers", "servers"),
    ("vrf", "vrf"),
    ("freq-drift", "frequency"),
    ("status", "status"),
    ("synced-server", "server"),
    ("synced-stratum", "stratum"),
    ("system-offset", "offset"),
    // v6 (SNTP).
    ("primary-ntp", "primary-ntp"),
    ("secondary-ntp", "secondary-ntp"),
    ("server-dns-names", "server-dns-names"),
    ("poll-interval", "poll-interval"),
    ("active-server", "active-server"),
    ("last-update-from", "last-update-from"),
    ("last-update-before", "last-update-before"),
    ("last-adjustment", "last-adjustment"),
];

/// Keys only RouterOS prints (one is enough to tell it from the others).
const OWN_KEYS: &[&str] = &[
    "synced-server",
    "synced-stratum",
    "system-offset",
    "freq-drift",
    "primary-ntp",
    "active-server",
    "last-update-from",
    "last-update-before",
    "last-adjustment",
];

/// v6 SNTP: the correction of the last update. The client sets the clock
/// at every poll (up to 15 min apart): a few ms is its usual drift; 100 ms
/// or more is a clock that is off.
const ADJUSTMENT_LARGE: f64 = 0.1;

/// How many poll intervals without an update make the server silent.
const STALE_POLLS: f64 = 4.0;

pub(super) fn fields() -> Vec<(Kind, &'static [&'static str])> {
    let names: Vec<&'static str> = CLIENT.iter().map(|(_, n)| *n).collect();
    vec![(Kind::MikrotikNtpClient, Box::leak(names.into_boxed_slice()))]
}

/// A RouterOS time interval: `15m`, `7m32s570ms`, `-1ms442us`, `0.201 ms`,
/// `1d02:03:04` (days and weeks before a clock time).
pub(super) fn interval(raw: &str) -> Option<f64> {
    let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let (sign, mut s) = match s.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, s.strip_prefix('+').unwrap_or(&s)),
    };
    if s.is_empty() {
        return None;
    }
    let mut total = 0.0;
    while !s.is_empty() {
        let n = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        let (num, rest) = s.split_at(n);
        if rest.starts_with(':') || (rest.is_empty() && s.contains(':')) {
            // The clock-time tail: HH:MM:SS.
            let mut secs = 0.0;
            for part in s.split(':') {
                secs = secs * 60.0 + part.parse::<f64>().ok()?;
            }
            return Some(sign * (total + secs));
        }
        let v: f64 = num.parse().ok()?;
        let u = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let (unit, next) = rest.split_at(u);
        let scale = match unit.to_ascii_lowercase().as_str() {
            "w" => 604_800.0,
            "d" => 86_400.0,
            "h" => 3600.0,
            "m" => 60.0,
            "s" | "" => 1.0,
            "ms" => 1e-3,
            "us" | "µs" => 1e-6,
            "ns" => 1e-9,
            _ => return None,
        };
        total += v * scale;
        s = next;
    }
    Some(sign * total)
}

/// v7's status (help.mikrotik.com, NTP: "synchronized, stopped, waiting,
/// using-local-clock - Current status of the NTP client").
fn judge_status(f: &mut Field) {
    let (status, why) = match f.raw.trim() {
        "synchronized" => (Status::Ok, Why::SwitchSynchronized),
        "stopped" => (Status::Bad, Why::NtpClientStopped),
        "waiting" => (Status::Bad, Why::NtpClientWaiting),
        "using-local-clock" => (Status::Warn, Why::NtpClientLocalClock),
        _ => return,
    };
    set(f, status, Reason::new(why));
}

fn judge(f: &mut Field, poll: Option<f64>) {
    match f.name {
        F::Enabled => check_yes_no(f, true),
        F::Status => judge_status(f),
        F::Stratum => check_stratum(f),
        F::Frequency => check_frequency(f),
        F::Offset => {
            let v = interval(&f.raw);
            check_offset(f, v);
        }
        F::LastAdjustment => {
            if let Some(v) = interval(&f.raw)
                && v.abs() >= ADJUSTMENT_LARGE
            {
                check_offset(f, Some(v));
            }
        }
        F::LastUpdateBefore => {
            if let (Some(age), Some(poll)) = (interval(&f.raw), poll)
                && poll > 0.0
                && age > STALE_POLLS * poll
            {
                let polls = (age / poll).round() as i64;
                set(
                    f,
                    Status::Warn,
                    Reason::new(Why::LastRxStale).arg("polls", polls),
                );
            }
        }
        _ => {}
    }
}

pub(super) fn parse(lines: &[&str]) -> Option<Explained> {
    let kvs: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    if !kvs.iter().any(|(k, _)| OWN_KEYS.contains(k)) {
        return None;
    }
    let get = |key: &str| kvs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let poll = get("poll-interval").and_then(interval);
    let mut e = Explained::new(Kind::MikrotikNtpClient);
    for (key, name) in CLIENT {
        let Some(v) = get(key) else { continue };
        let mut f = Field::info(*name, v);
        judge(&mut f, poll);
        e.fields.push(f);
    }
    // v6: "Values of the following properties are reset when the SNTP
    // client is stopped or restarted": an enabled client with a server
    // and no last-update-from has had no answer from it.
    let enabled = get("enabled") == Some("yes");
    let answered = get("last-update-from").is_some_and(|v| !v.is_empty());
    if enabled && !answered && get("status").is_none() {
        if let Some(f) = e
            .fields
            .iter_mut()
            .find(|f| f.name == F::ActiveServer && !f.raw.trim().is_empty())
        {
            set(f, Status::Bad, Reason::new(Why::NtpClientWaiting));
        }
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routeros_intervals_are_read_in_seconds() {
        let cases = [
            ("15m", Some(900.0)),
            ("7m32s570ms", Some(452.57)),
            ("-1ms442us", Some(-0.001442)),
            ("0.201 ms", Some(0.000201)),
            ("1d02:03:04", Some(86_400.0 + 7384.0)),
            ("00:00:16", Some(16.0)),
            ("", None),
            ("soon", None),
            ("5x", None),
        ];
        for (raw, want) in cases {
            let got = interval(raw);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{raw}: {g}"),
                _ => assert_eq!(got, want, "{raw}"),
            }
        }
    }
}
