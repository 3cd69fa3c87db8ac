//! The roster on the Prometheus page: per device (labelled by its roster
//! name, so bounded by the roster's cap) whether it polls, its last
//! request and interval, whether it follows this or another server, its
//! offset and stratum; and the counts.

use super::{Follows, RosterReport, Verdict};
use crate::core::metrics::page::Page;

pub(crate) fn add(p: &mut Page, server: &str, r: &RosterReport) {
    let (following, total) = r.following();
    let srv = || vec![("server", server.to_string())];
    p.add(
        "stratum_roster_devices",
        "Devices on the roster (expected to follow this server).",
        "gauge",
        srv(),
        total as f64,
    );
    p.add(
        "stratum_roster_devices_following",
        "Roster devices whose NTP reply names this server (or its pair partner) as reference.",
        "gauge",
        srv(),
        following as f64,
    );
    p.add(
        "stratum_roster_unknown_clients",
        "Clients polling this server that are not on the roster.",
        "gauge",
        srv(),
        r.unknown_total as f64,
    );
    for d in &r.devices {
        let l = || {
            vec![
                ("server", server.to_string()),
                ("device", d.name.clone()),
                ("kind", d.kind.id().to_string()),
            ]
        };
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let polling = d.polls.as_ref().is_some_and(|p| p.polling);
        p.add(
            "stratum_roster_device_polling",
            "1 when the device polled this server within 3 times its poll interval.",
            "gauge",
            l(),
            flag(polling),
        );
        if let Some(polls) = &d.polls {
            if let Some(ago) = polls.last_ago {
                p.add(
                    "stratum_roster_device_last_poll_seconds",
                    "Seconds since the device's last NTP request to this server.",
                    "gauge",
                    l(),
                    ago,
                );
            }
            if let Some(i) = polls.interval {
                p.add(
                    "stratum_roster_device_poll_interval_seconds",
                    "The device's poll interval as seen by this server (the longest recent gap between its requests).",
                    "gauge",
                    l(),
                    i,
                );
            }
            p.add(
                "stratum_roster_device_silent_after_seconds",
                "The device counts as stopped when its last request is older than this: 3 times its poll interval, at least 3 times the roster's shortest.",
                "gauge",
                l(),
                polls.silent_after,
            );
        }
        p.add(
            "stratum_roster_device_follows",
            "1 when the device's NTP reply names this server (or its pair partner) as reference.",
            "gauge",
            l(),
            flag(d.verdict == Verdict::FollowsUs),
        );
        p.add(
            "stratum_roster_device_follows_other",
            "1 when the device answers NTP and follows a server other than this one.",
            "gauge",
            l(),
            flag(d.verdict == Verdict::FollowsOther),
        );
        if let Some(a) = d.answer.as_ref().filter(|a| a.follows != Follows::Other) {
            p.add(
                "stratum_roster_device_offset_seconds",
                "The device's clock minus this server's time, from its NTP reply (positive: ahead).",
                "gauge",
                l(),
                a.offset,
            );
        }
        if let Some(a) = &d.answer {
            p.add(
                "stratum_roster_device_stratum",
                "The stratum in the device's NTP reply.",
                "gauge",
                l(),
                f64::from(a.stratum),
            );
            p.add(
                "stratum_roster_device_root_distance_seconds",
                "The device's root delay / 2 + root dispersion, from its NTP reply.",
                "gauge",
                l(),
                a.root_distance,
            );
        }
    }
}
