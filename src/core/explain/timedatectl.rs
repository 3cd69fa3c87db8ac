//! systemd's `timedatectl`: `status` (older systemd's words too), `show`
//! (properties) and `timesync-status` (systemd-timesyncd).

use super::checks::*;
use super::model::{Explained, Field, Kind};
use super::ntpd::{judge, system_offset};

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
