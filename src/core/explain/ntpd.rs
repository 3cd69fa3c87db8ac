//! ntpd and system tools: `ntpq -p`, `ntpq -c rv`, `ntpstat`,
//! `timedatectl status`; Junos and Arista print the same formats.

use super::checks::*;
use super::field::FieldId as F;
use super::model::{Explained, Field, Kind};

const PEERS: &[&str] = &[
    "tally",
    "remote",
    "refid",
    "stratum",
    "type",
    "when",
    "poll-seconds",
    "reach",
    "delay",
    "offset",
    "jitter",
];
const RV: &[(&str, &str)] = &[
    ("status", "status-word"),
    ("leap", "leap"),
    ("stratum", "stratum"),
    ("precision", "precision"),
    ("rootdelay", "root-delay"),
    ("rootdisp", "root-dispersion"),
    ("rootdispersion", "root-dispersion"),
    ("refid", "refid"),
    ("reftime", "ref-time"),
    ("clock", "current-time"),
    ("peer", "sys-peer"),
    ("tc", "poll-interval"),
    ("poll", "poll-interval"),
    ("offset", "offset"),
    ("frequency", "frequency"),
    ("sys_jitter", "jitter"),
    ("jitter", "jitter"),
    ("clk_jitter", "clock-jitter"),
    ("clk_wander", "stability"),
    ("stability", "stability"),
    ("version", "version"),
];
const NTPSTAT: &[&str] = &[
    "sync-status",
    "server",
    "stratum",
    "accuracy",
    "poll-interval",
];
const TIMEDATECTL: &[(&str, &str)] = &[
    ("Local time", "local-time"),
    ("Universal time", "universal-time"),
    ("RTC time", "rtc-time"),
    ("Time zone", "time-zone"),
    ("System clock synchronized", "clock-synchronized"),
    ("NTP service", "ntp-service"),
    ("RTC in local TZ", "rtc-local"),
    ("DST active", "dst-active"),
];
/// `timedatectl show` (properties, systemd 239+).
const TIMEDATECTL_SHOW: &[(&str, &str)] = &[
    ("Timezone", "time-zone"),
    ("LocalRTC", "rtc-local"),
    ("CanNTP", "can-ntp"),
    ("NTP", "ntp-service"),
    ("NTPSynchronized", "clock-synchronized"),
    ("TimeUSec", "local-time"),
    ("RTCTimeUSec", "rtc-time"),
];
/// `timedatectl timesync-status` (systemd-timesyncd).
const TIMESYNC_STATUS: &[(&str, &str)] = &[
    ("Server", "server"),
    ("Poll interval", "poll-interval"),
    ("Leap", "leap"),
    ("Version", "version"),
    ("Stratum", "stratum"),
    ("Reference", "refid"),
    ("Precision", "precision"),
    ("Root distance", "root-distance"),
    ("Offset", "offset"),
    ("Delay", "delay"),
    ("Jitter", "jitter"),
    ("Packet count", "packet-count"),
    ("Frequency", "frequency"),
];

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    fn leak(v: Vec<&'static str>) -> &'static [&'static str] {
        Box::leak(v.into_boxed_slice())
    }
    let mut rv: Vec<&'static str> = RV.iter().map(|(_, n)| *n).collect();
    rv.dedup();
    let rv = leak(rv);
    vec![
        (Kind::NtpqPeers, PEERS),
        (Kind::JunosShowNtpAssociations, PEERS),
        (Kind::AristaShowNtpAssociations, PEERS),
        (Kind::NtpqRv, rv),
        (Kind::JunosShowNtpStatus, rv),
        (Kind::Ntpstat, NTPSTAT),
        (Kind::AristaShowNtpStatus, NTPSTAT),
        (
            Kind::Timedatectl,
            leak(TIMEDATECTL.iter().map(|(_, n)| *n).collect()),
        ),
        (
            Kind::TimedatectlShow,
            leak(TIMEDATECTL_SHOW.iter().map(|(_, n)| *n).collect()),
        ),
        (
            Kind::TimedatectlTimesyncStatus,
            leak(TIMESYNC_STATUS.iter().map(|(_, n)| *n).collect()),
        ),
    ]
}

fn judge(f: &mut Field, poll: Option<i32>) {
    match f.name {
        F::Tally => check_tally(f),
        F::Stratum => check_stratum(f),
        F::Reach => check_reach(f),
        F::Refid => check_refid(f),
        F::Leap => check_leap(f),
        // ntpq prints offsets and delays in milliseconds.
        F::Offset => check_offset(f, first_number(&f.raw).map(|v| v / 1000.0)),
        F::RootDispersion => check_dispersion(f, first_number(&f.raw).map(|v| v / 1000.0)),
        F::Frequency => check_frequency(f),
        // Seconds since the last packet: stale beyond 8 polls.
        F::When => check_last_rx(f, poll),
        F::ClockSynchronized => check_yes_no(f, true),
        F::NtpService => check_yes_no(f, true),
        F::RootDistance => check_dispersion(f, seconds(&f.raw)),
        F::RtcLocal => check_rtc_local(f),
        F::SyncStatus => check_switch_status(f),
        _ => {}
    }
}

/// `*ntp1.example   .GPS.   1 u   14   64  377   0.686   0.151  16.432`
fn peer_row(line: &str) -> Option<Vec<String>> {
    let first = line.chars().next()?;
    let (tally, rest) = if " *+-x.#o".contains(first) {
        (first.to_string(), &line[first.len_utf8()..])
    } else {
        (String::new(), line)
    };
    let w: Vec<&str> = rest.split_whitespace().collect();
    if w.len() != 10 || w[2].parse::<u32>().is_err() {
        return None;
    }
    let mut v = vec![tally];
    v.extend(w.iter().map(|s| s.to_string()));
    Some(v)
}

/// ntpq puts a remote name longer than its column on a line of its own and
/// the rest of the row, indented, on the next one.
fn unwrap_peer_rows(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut iter = lines.iter().peekable();
    while let Some(l) = iter.next() {
        let alone = l.trim_end().len() > 1 && l.split_whitespace().count() == 1;
        match iter.peek() {
            Some(next) if alone && next.starts_with([' ', '\t']) && !next.trim().is_empty() => {
                out.push(format!("{} {}", l.trim_end(), next.trim_start()));
                iter.next();
            }
            _ => out.push(l.to_string()),
        }
    }
    out
}

/// `key=value, key="quoted", key=value with, commas` over several lines:
/// a value runs until a comma that starts the next `key=`.
fn kv_pairs(text: &str) -> Vec<(String, String)> {
    let flat = text.replace('\n', " ");
    let b = flat.as_bytes();
    // Starts of keys: at the beginning or after ", ".
    let mut starts = vec![0usize];
    let mut in_quote = false;
    for i in 0..b.len() {
        if b[i] == b'"' {
            in_quote = !in_quote;
        }
        if b[i] == b',' && !in_quote {
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            let k = j + flat[j..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(flat.len() - j);
            if k > j && b.get(k) == Some(&b'=') {
                starts.push(j);
            }
        }
    }
    let mut out = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let end = starts
            .get(n + 1)
            .map_or(flat.len(), |e| flat[..*e].rfind(',').unwrap_or(*e));
        let item = flat[*s..end].trim().trim_end_matches(',');
        if let Some((k, v)) = item.split_once('=') {
            let k = k.split_whitespace().last().unwrap_or("");
            out.push((k.to_string(), v.trim().trim_matches('"').to_string()));
        }
    }
    out
}

pub fn parse(lines: &[&str], commands: &[String]) -> Option<Explained> {
    let said = |w: &str| commands.iter().any(|c| c.contains(w));
    // Junos and EOS both answer `show ntp` in ntpd's formats; Junos's
    // prompt is `user@router>`.
    let junos_prompt = commands
        .iter()
        .any(|c| c.contains("show ntp") && c.contains('@') && c.contains('>'));
    let junos = junos_prompt || lines.iter().any(|l| l.contains("JUNOS"));
    let arista = !junos && said("show ntp");
    // ntpq -p / show ntp associations (Junos).
    if let Some(h) = lines.iter().position(|l| {
        l.trim_start().starts_with("remote") && l.contains("refid") && l.contains("reach")
    }) {
        let kind = if junos {
            Kind::JunosShowNtpAssociations
        } else if arista {
            Kind::AristaShowNtpAssociations
        } else {
            Kind::NtpqPeers
        };
        let mut e = Explained::new(kind);
        for l in unwrap_peer_rows(&lines[h + 1..]) {
            if let Some(v) = peer_row(&l) {
                let mut row: Vec<Field> = PEERS
                    .iter()
                    .zip(v)
                    .map(|(n, x)| Field::info(n, x))
                    .collect();
                let poll = row
                    .iter()
                    .find(|f| f.name == F::PollSeconds)
                    .and_then(|f| f.raw.parse::<f64>().ok())
                    .map(|p| p.log2() as i32);
                for f in &mut row {
                    judge(f, poll);
                }
                e.rows.push(row);
            }
        }
        return Some(e);
    }
    // ntpq -c rv / show ntp status (Junos).
    let joined = lines.join("\n");
    if joined.contains("associd=") || (joined.contains("status=") && joined.contains("stratum=")) {
        let kind = if junos {
            Kind::JunosShowNtpStatus
        } else {
            Kind::NtpqRv
        };
        let mut e = Explained::new(kind);
        for (k, v) in kv_pairs(&joined) {
            if let Some((_, name)) = RV.iter().find(|(key, _)| *key == k) {
                if e.fields.iter().any(|f| f.name == F::of(name)) {
                    continue;
                }
                let mut f = Field::info(name, v);
                judge(&mut f, None);
                e.fields.push(f);
            }
        }
        // ntpd's leap=11 is "alarm": not synchronised.
        return Some(e);
    }
    // ntpstat, and EOS's show ntp status (ntpstat's words).
    if let Some(first) = lines.iter().find(|l| {
        let t = l.trim_start();
        t.starts_with("synchronised to")
            || t.starts_with("synchronized to")
            || t.starts_with("unsynchronised")
            || t.starts_with("unsynchronized")
    }) {
        let kind = if said("show ntp status") {
            Kind::AristaShowNtpStatus
        } else {
            Kind::Ntpstat
        };
        let mut e = Explained::new(kind);
        let t = first.trim();
        let synced = t.starts_with("synchronised") || t.starts_with("synchronized");
        let mut status = Field::info(
            "sync-status",
            if synced {
                "synchronised"
            } else {
                "unsynchronised"
            },
        );
        check_switch_status(&mut status);
        e.fields.push(status);
        if let Some((a, b)) = t
            .find('(')
            .and_then(|a| t[a..].find(')').map(|b| (a, a + b)))
        {
            e.fields.push(Field::info("server", &t[a + 1..b]));
        }
        if let Some(i) = t.find("stratum") {
            let mut f = Field::info(
                "stratum",
                t[i + 7..].split_whitespace().next().unwrap_or(""),
            );
            check_stratum(&mut f);
            e.fields.push(f);
        }
        for l in lines {
            let l = l.trim();
            if let Some(r) = l.strip_prefix("time correct to within") {
                e.fields.push(Field::info("accuracy", r.trim()));
            }
            if let Some(r) = l.strip_prefix("polling server every") {
                e.fields.push(Field::info("poll-interval", r.trim()));
            }
        }
        return Some(e);
    }
    // timedatectl show: KEY=value properties.
    let props: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    if props
        .iter()
        .any(|(k, _)| *k == "NTPSynchronized" || *k == "CanNTP")
    {
        let mut e = Explained::new(Kind::TimedatectlShow);
        for (key, name) in TIMEDATECTL_SHOW {
            if let Some((_, v)) = props.iter().find(|(k, _)| k == key) {
                let mut f = Field::info(name, *v);
                judge(&mut f, None);
                e.fields.push(f);
            }
        }
        return Some(e);
    }
    // timedatectl timesync-status.
    let colon: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    if colon.iter().any(|(k, _)| *k == "Root distance")
        && colon
            .iter()
            .any(|(k, _)| *k == "Packet count" || *k == "Server")
    {
        let mut e = Explained::new(Kind::TimedatectlTimesyncStatus);
        for (key, name) in TIMESYNC_STATUS {
            if let Some((_, v)) = colon.iter().find(|(k, _)| k == key) {
                let mut f = Field::info(name, *v);
                match *name {
                    // timesyncd prints "+14us", "1min 4s".
                    "offset" => check_offset(&mut f, seconds(v)),
                    _ => judge(&mut f, None),
                }
                e.fields.push(f);
            }
        }
        return Some(e);
    }
    // timedatectl status.
    let kvs: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    if kvs
        .iter()
        .any(|(k, _)| *k == "System clock synchronized" || *k == "NTP synchronized")
    {
        let mut e = Explained::new(Kind::Timedatectl);
        for (label, name) in TIMEDATECTL {
            // Older systemd (CentOS 7) says "NTP synchronized" and
            // "NTP enabled"; some "Network time on".
            let found = kvs.iter().find(|(k, _)| {
                *k == *label
                    || (*label == "System clock synchronized" && *k == "NTP synchronized")
                    || (*label == "NTP service" && (*k == "Network time on" || *k == "NTP enabled"))
            });
            if let Some((_, v)) = found {
                let mut f = Field::info(name, *v);
                judge(&mut f, None);
                e.fields.push(f);
            }
        }
        return Some(e);
    }
    None
}
