//! Leap seconds and reference clocks that depend on other sources: what the
//! `leapseclist` file holds (chronyd ignores a list that fails its 2012
//! check and warns once it has expired), a `lock` naming no reference
//! clock, a PPS clock with nothing to number its seconds.

use crate::core::conf::directive::{Directive, OptValue};
use crate::core::leap::{LeapList, WARN_DAYS};

use super::model::*;
use super::rules::Rule;
use super::syntax::options_of;

fn date(unix: i64) -> String {
    let (y, m, d, ..) = crate::core::civil_from_unix(unix);
    format!("{y:04}-{m:02}-{d:02}")
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
        ("date", date(list.expires)),
        ("days", days.abs().to_string()),
    ];
    if now >= list.expires {
        l.add((Rule::LeapListExpired, i, args));
    } else if days <= WARN_DAYS {
        l.add((Rule::LeapListExpiring, i, args));
    }
}

/// A reference clock's refid: its `refid` option, or chronyd's default of
/// the driver's first three letters and the clock's index.
fn refids(l: &Linter) -> Vec<(usize, String, String, Option<String>)> {
    let mut out = Vec::new();
    for (i, d) in l.directives() {
        let Directive::Other { spec, args } = d else {
            continue;
        };
        if spec.name != "refclock" {
            continue;
        }
        let driver = args.first().cloned().unwrap_or_default();
        // refclock.c: "%3.3s" of the driver, the index's last digit (its
        // tens in the third place from ten on).
        let n = out.len();
        let mut refid: Vec<char> = driver.chars().take(3).collect();
        refid.push(char::from(b'0' + (n % 10) as u8));
        if n >= 10 && refid.len() == 4 {
            refid[2] = char::from(b'0' + (n / 10 % 10) as u8);
        }
        let mut refid: String = refid.into_iter().collect();
        let mut lock = None;
        for (_, s, v) in options_of(d) {
            match (s.name, v) {
                ("refid", OptValue::Word(w)) => refid = w.chars().take(4).collect(),
                ("lock", OptValue::Word(w)) => lock = Some(w.chars().take(4).collect()),
                // A `local` clock numbers its own seconds (lock to itself).
                ("local", _) => lock = Some(refid.clone()),
                _ => {}
            }
        }
        out.push((i, driver, refid, lock));
    }
    out
}

pub(super) fn refclock_pairs(l: &mut Linter) {
    let clocks = refids(l);
    let others = l.doc.sources().count() > 0
        || l.has("sourcedir")
        || clocks.iter().any(|(_, driver, ..)| driver != "PPS");
    for (i, driver, _, lock) in &clocks {
        match lock {
            // refclock.c: "Invalid lock refid", and the PPS clock runs
            // unlocked.
            Some(lock) if !clocks.iter().any(|(_, _, r, _)| r == lock) => {
                l.add((Rule::RefclockLockUnknown, *i, vec![("refid", lock.clone())]));
            }
            None if driver == "PPS" && !others => {
                l.add((Rule::RefclockPpsUnnumbered, *i, vec![]));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::conf::Document;
    use crate::core::conf::lint::{LintOptions, lint, rules::Rule};

    fn rules(text: &str) -> Vec<Rule> {
        let opts = LintOptions {
            version: crate::core::conf::ChronyVersion::new(4, 9),
            ..Default::default()
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .map(|d| d.rule)
            .filter(|r| matches!(r, Rule::RefclockLockUnknown | Rule::RefclockPpsUnnumbered))
            .collect()
    }

    #[test]
    fn a_pps_clock_needs_a_clock_or_source_to_number_its_seconds() {
        assert_eq!(
            rules("refclock PPS /dev/pps0\n"),
            [Rule::RefclockPpsUnnumbered]
        );
        // chrony.conf(5)'s example pair: the PPS locked to the NMEA clock.
        let pair = "refclock SHM 0 refid NMEA noselect\nrefclock PPS /dev/pps0 lock NMEA\n";
        assert!(rules(pair).is_empty());
        // Without a refid the SHM clock is SHM0, its default.
        assert!(rules("refclock SHM 0\nrefclock PPS /dev/pps0 lock SHM0\n").is_empty());
        assert!(rules("refclock PPS /dev/pps0\npool pool.ntp.org iburst\n").is_empty());
        assert!(rules("refclock PPS /dev/pps0 local\n").is_empty());
    }

    #[test]
    fn a_lock_naming_no_clock_is_reported() {
        let text = "refclock SHM 0 refid GPS\nrefclock PPS /dev/pps0 lock NMEA\n";
        assert_eq!(rules(text), [Rule::RefclockLockUnknown]);
    }
}
