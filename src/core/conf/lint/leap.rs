//! Leap seconds and reference clocks that depend on other sources: what the
//! `leapseclist` file holds (chronyd ignores a list that fails its 2012
//! check and warns once it has expired), a `lock` naming no reference
//! clock, a PPS clock with nothing to number its seconds, two clocks with
//! one refid.

use crate::core::conf::directive::{Directive, OptValue};
use crate::core::leap::{LeapList, WARN_DAYS};

use super::model::*;
use super::rules::Rule;
use crate::core::conf::refclocks::refclocks;

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
