//! systemd's `timedatectl`: `status` (older systemd's words too), `show`
//! (properties) and `timesync-status` (systemd-timesyncd).

use super::checks::*;
use super::model::{Explained, Field, Kind};
use super::ntpd::{judge, system_offset};
use super::verdict::{Reason, Status, Why};

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

/// A kiss-o'-death: stratum 0 and a four-letter code as the reference
/// (RFC 5905, 7.4: RATE, DENY, …; timedatectl prints the reference as
/// text at stratum 0 and 1). Its leap and stratum are no server state.
fn kiss_of_death(stratum: Option<&str>, reference: Option<&str>) -> bool {
    stratum == Some("0")
        && reference.is_some_and(|r| {
            (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_uppercase())
        })
}

/// `timedatectl show-timesync` (systemd-timesyncd's properties; the last
/// answer's fields inside `NTPMessage={ … }`).
const SHOW_TIMESYNC: &[(&str, &str)] = &[
    ("ServerName", "server"),
    ("ServerAddress", "server-address"),
    ("PollIntervalUSec", "poll-interval"),
    ("Leap", "leap"),
    ("Stratum", "stratum"),
    ("Reference", "refid"),
    ("RootDelay", "root-delay"),
    ("RootDispersion", "root-dispersion"),
    ("Ignored", "ignored"),
    ("PacketCount", "packet-count"),
    ("Jitter", "jitter"),
    ("Frequency", "frequency"),
];

pub(super) fn fields() -> Vec<(Kind, &'static [&'static str])> {
    fn names(t: &[(&str, &'static str)]) -> &'static [&'static str] {
        Box::leak(
            t.iter()
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        )
    }
    vec![
        (Kind::Timedatectl, names(TIMEDATECTL)),
        (Kind::TimedatectlShow, names(TIMEDATECTL_SHOW)),
        (Kind::TimedatectlTimesyncStatus, names(TIMESYNC_STATUS)),
        (Kind::TimedatectlShowTimesync, names(SHOW_TIMESYNC)),
    ]
}

pub(super) fn parse(lines: &[&str]) -> Option<Explained> {
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
    if props
        .iter()
        .any(|(k, _)| matches!(*k, "ServerName" | "PollIntervalUSec" | "NTPMessage"))
    {
        return Some(show_timesync(&props));
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
        let get = |key: &str| colon.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let kiss = kiss_of_death(get("Stratum"), get("Reference"));
        for (key, name) in TIMESYNC_STATUS {
            if let Some((_, v)) = colon.iter().find(|(k, _)| k == key) {
                let mut f = Field::info(name, *v);
                match *name {
                    "refid" if kiss => set(
                        &mut f,
                        Status::Bad,
                        Reason::new(Why::KissCode).arg("code", *v),
                    ),
                    "leap" | "stratum" if kiss => {}
                    // timesyncd prints "+14us", "1min 4s".
                    "offset" => {
                        if let Some(secs) = seconds(v) {
                            system_offset(&mut f, secs);
                        }
                    }
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

/// `timedatectl show-timesync` (timedatectl(1): "Show properties of
/// systemd-timesyncd"). `NTPMessage` is the last answer, its fields
/// `Leap=…, Stratum=…, Reference=…, Ignored=…` as in timesync-status;
/// `Frequency` is the kernel's, in ppm scaled by 2^16 (adjtimex(2)).
fn show_timesync(props: &[(&str, &str)]) -> Explained {
    let mut e = Explained::new(Kind::TimedatectlShowTimesync);
    let mut all: Vec<(&str, &str)> = props.to_vec();
    if let Some((_, msg)) = props.iter().find(|(k, _)| *k == "NTPMessage") {
        let inner = msg.trim().trim_start_matches('{').trim_end_matches('}');
        all.extend(
            inner
                .split(',')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.trim(), v.trim())),
        );
    }
    let get = |key: &str| all.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let kiss = kiss_of_death(get("Stratum"), get("Reference"));
    for (key, name) in SHOW_TIMESYNC {
        let Some(v) = get(key) else { continue };
        let mut f = Field::info(*name, v);
        match *key {
            "Reference" if kiss => set(
                &mut f,
                Status::Bad,
                Reason::new(Why::KissCode).arg("code", v),
            ),
            "Leap" | "Stratum" if kiss => {}
            "Ignored" => {
                if v.eq_ignore_ascii_case("yes") {
                    set(&mut f, Status::Warn, Reason::new(Why::TimesyncIgnored));
                } else if v.eq_ignore_ascii_case("no") {
                    f.status = Status::Ok;
                }
            }
            "Frequency" => {
                if let Ok(scaled) = v.parse::<f64>() {
                    let mut ppm = Field::info(*name, format!("{:.3}", scaled / 65536.0));
                    check_frequency(&mut ppm);
                    f.status = ppm.status;
                    f.reason = ppm.reason;
                }
            }
            "RootDispersion" => {}
            _ => judge(&mut f, None),
        }
        e.fields.push(f);
    }
    // No answer yet: no NTPMessage (or no address to ask).
    if get("NTPMessage").is_none() {
        let mut f = Field::info("packet-count", "0");
        set(&mut f, Status::Warn, Reason::new(Why::TimesyncNoAnswer));
        e.fields.push(f);
    }
    e
}
