//! Leap seconds and reference clocks that depend on other sources: a
//! `leapsectz` zone without leap seconds, `smoothtime` smoothing more than
//! leap seconds on a server, what the `leapseclist` file holds (chronyd ignores a list that fails its 2012
//! check and warns once it has expired), a `lock` naming no reference
//! clock, a PPS clock with nothing to number its seconds, two clocks with
//! one refid.

use crate::core::conf::directive::{Directive, OptValue};
use crate::core::leap::{LeapList, WARN_DAYS};

use super::model::*;
use super::rules::Rule;
use crate::core::conf::refclocks::refclocks;

/// reference.c 4.0 / leapdb.c 4.8: chronyd checks that 23:59:60 of
/// 31 December 2008 exists in the `leapsectz` zone and otherwise logs
/// "Timezone %s failed leap second check, ignoring" (R17: every release,
/// with Asia/Shanghai). Only the zoneinfo "right/" zones count leap seconds;
/// chrony.conf(5) leapsectz: "This normally works with the right/UTC
/// timezone".
/// Where glibc finds time zones (its TZDIR default).
const ZONEINFO: &str = "/usr/share/zoneinfo";

pub(super) fn leapsectz_zone(l: &mut Linter) {
    let Some(i) = l
        .directives()
        .filter(|(_, d)| d.name() == "leapsectz")
        .map(|(i, _)| i)
        .last()
    else {
        return;
    };
    let zone = l.raw_args(i).trim().to_string();
    // chronyd sets TZ to the name and asks the C library for 23:59:60 on
    // 31 December 2008; glibc reads a relative name under
    // /usr/share/zoneinfo, and a zone it cannot find is UTC without leap
    // seconds: "failed leap second check, ignoring". Checked on this
    // machine only (the file may be written for another host).
    if let Some(exists) = l.opts.path_exists
        && !zone.is_empty()
        && !zone.starts_with('/')
        && !zone.split('/').any(|p| p == "..")
        && !exists(&format!("{ZONEINFO}/{zone}"))
    {
        l.add((
            Rule::LeapsectzMissing,
            i,
            vec![("zone", zone), ("dir", ZONEINFO.to_string())],
        ));
        return;
    }
    if zone.is_empty() || zone.starts_with("right/") || zone.contains("leaps") {
        return;
    }
    l.add((Rule::LeapsectzNoLeaps, i, vec![("zone", zone)]));
}

/// chrony.conf(5) smoothtime: "BE WARNED: The server is intentionally not
/// serving its best estimate of the true time … should be used only when
/// the clients are not configured to poll another NTP server also, because
/// they could reject this server as a falseticker". With `leaponly` only a
/// leap second is smoothed, which is the documented server use.
pub(super) fn smoothtime_serving(l: &mut Linter) {
    use crate::core::conf::access::AccessScope;
    let Some(i) = l
        .directives()
        .filter(|(_, d)| d.name() == "smoothtime")
        .map(|(i, _)| i)
        .last()
    else {
        return;
    };
    let leaponly = l.raw_args(i).split_whitespace().any(|w| w == "leaponly");
    let serves = l.doc.access_rules(AccessScope::Ntp).any(|(_, a)| a.allow);
    if !leaponly && serves {
        l.add((Rule::SmoothtimeServes, i, vec![]));
    }
}

pub(super) fn leap_list(l: &mut Linter) {
    let Some((i, path)) = l.directives().find_map(|(i, d)| match d {
        Directive::Simple {
            spec,
            value: OptValue::Word(p),
        } if spec.name == "leapseclist" => Some((i, p.clone())),
        _ => None,
    }) else {
        return;
    };
    let Some(read) = l.opts.read else {
        return;
    };
    let Some(facts) = read(&path) else {
        l.add((Rule::LeapListUnreadable, i, vec![("path", path)]));
        return;
    };
    let text = String::from_utf8_lossy(&facts.bytes);
    let list = match LeapList::parse(&text) {
        Ok(list) => list,
        Err(e) => {
            l.add((
                Rule::LeapListInvalid,
                i,
                vec![
                    ("path", path),
                    ("reason", e.code().to_string()),
                    ("line", e.line().to_string()),
                ],
            ));
            return;
        }
    };
    let Some(now) = l.opts.now else {
        return;
    };
    let days = (list.expires - now).div_euclid(86400);
    let args = vec![
        ("path", path),
        ("date", crate::core::time::utc_date(list.expires)),
        ("days", days.abs().to_string()),
    ];
    if now >= list.expires {
        l.add((Rule::LeapListExpired, i, args));
    } else if days <= WARN_DAYS {
        l.add((Rule::LeapListExpiring, i, args));
    }
}

pub(super) fn refclock_pairs(l: &mut Linter) {
    let clocks = refclocks(l.doc);
    let others = l.doc.sources().count() > 0
        || l.has("sourcedir")
        || clocks.iter().any(|c| c.driver != "PPS");
    for (n, c) in clocks.iter().enumerate() {
        // chrony.conf(5) refid: "Each refclock must have a unique reference
        // ID"; chronyd starts all the same.
        if let Some(first) = clocks[..n].iter().find(|o| o.refid == c.refid) {
            l.add((
                Rule::DuplicateRefid,
                c.index,
                vec![
                    ("refid", c.refid.clone()),
                    ("line", (first.index + 1).to_string()),
                ],
            ));
        }
        match &c.lock {
            // refclock.c: "Invalid lock refid", and the PPS clock runs
            // unlocked.
            Some(lock) if !clocks.iter().any(|o| &o.refid == lock) => {
                l.add((
                    Rule::RefclockLockUnknown,
                    c.index,
                    vec![("refid", lock.clone())],
                ));
            }
            None if c.driver == "PPS" && !others => {
                l.add((Rule::RefclockPpsUnnumbered, c.index, vec![]));
            }
            _ => {}
        }
    }
}
