//! Limits no network source can meet: chronyd starts, then rejects every
//! measurement or every source, and the clock is never synchronised.

use crate::core::conf::directive::Directive;

use super::model::*;
use super::rules::Rule;

/// The shortest round trip a network source gives: tens of µs over a LAN
/// at best, a few µs even over loopback (measured: 4–6 µs on 127.0.0.1).
pub(super) const ROUND_TRIP_FLOOR: f64 = 10e-6;

/// chrony.conf(5) maxdistance: the root distance "includes the root
/// dispersion and half of the root delay", so no network source is nearer
/// than half the shortest round trip.
pub(super) const ROOT_DISTANCE_FLOOR: f64 = ROUND_TRIP_FLOOR / 2.0;

/// A skew below every network source's estimate, ppm: sources polled
/// over loopback every one or two seconds for minutes reach 0.028 ppm at
/// best (the R5 labs' sourcestats of 4.0-4.9: 0.028 to 5 ppm), a LAN's
/// and the internet's far above; a threshold under 0.1 is met by none.
pub(super) const SKEW_FLOOR_PPM: f64 = 0.1;

/// `maxdistance` and `maxdelay` below what any network source can meet.
pub(super) fn unreachable_limits(l: &mut Linter) {
    let doc = l.doc;
    let network = doc.sources().count() > 0;
    // The last maxdistance line is the one chronyd keeps.
    let maxdistance = l
        .directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple { spec, value } if spec.name == "maxdistance" => {
                value.as_f64().map(|v| (i, v))
            }
            _ => None,
        })
        .last();
    if let (true, Some((i, v))) = (network, maxdistance)
        && v < ROOT_DISTANCE_FLOOR
    {
        l.add_at((
            Rule::MaxdistanceUnreachable,
            Some(i),
            vec![("value", micros(v)), ("floor", micros(ROOT_DISTANCE_FLOOR))],
        ));
    }
    // chrony.conf(5) maxupdateskew: "the threshold for determining
    // whether an estimate might be so unreliable that it should not be
    // used"; below every skew a source reaches, no estimate is ever used
    // (reference.c: "Skew … too large to track"), and tracking keeps its
    // Skew at 1000000 ppm with root dispersion growing to seconds.
    let maxupdateskew = l
        .directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple { spec, value } if spec.name == "maxupdateskew" => {
                value.as_f64().map(|v| (i, v))
            }
            _ => None,
        })
        .last();
    if let (true, Some((i, v))) = (network, maxupdateskew)
        && v.abs() < SKEW_FLOOR_PPM
    {
        l.add_at((
            Rule::MaxupdateskewUnreachable,
            Some(i),
            vec![
                ("value", v.to_string()),
                ("floor", SKEW_FLOOR_PPM.to_string()),
            ],
        ));
    }
    for (i, s) in doc.sources() {
        if let Some(v) = s.option("maxdelay").and_then(|o| o.as_f64())
            && v < ROUND_TRIP_FLOOR
        {
            l.add_at((
                Rule::MaxdelayUnreachable,
                Some(i),
                vec![
                    ("host", s.host.clone()),
                    ("value", micros(v)),
                    ("floor", micros(ROUND_TRIP_FLOOR)),
                    ("directive", s.kind.keyword().to_string()),
                ],
            ));
        }
    }
}

/// Seconds as µs, as short as they read (0.000001 → "1").
fn micros(seconds: f64) -> String {
    let us = seconds * 1e6;
    let text = format!("{us:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conf::document::Document;
    use crate::core::conf::lint::{LintOptions, lint};

    fn rules(text: &str) -> Vec<(Rule, Option<usize>)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    }

    #[test]
    fn limits_below_any_round_trip_are_warned_and_ordinary_ones_are_not() {
        let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
        let r = rules(&format!("maxdistance 0.000001\n{server}"));
        assert!(
            r.contains(&(Rule::MaxdistanceUnreachable, Some(1))),
            "{r:?}"
        );
        for ordinary in ["0.001", "0.1", "1.5", "16"] {
            let r = rules(&format!("maxdistance {ordinary}\n{server}"));
            assert!(
                !r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable),
                "{ordinary}"
            );
        }
        // Only the last maxdistance counts; with no network source there is
        // no round trip to compare with.
        let r = rules(&format!("maxdistance 0.000001\nmaxdistance 1\n{server}"));
        assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));
        let r = rules("maxdistance 0.000001\nrefclock PHC /dev/ptp0\n");
        assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));

        let r = rules("server 127.0.0.5 iburst maxdelay 0.000001\nmakestep 1 3\n");
        assert!(r.contains(&(Rule::MaxdelayUnreachable, Some(1))), "{r:?}");
        for ordinary in ["0.0001", "0.01", "0.3", "3"] {
            let r = rules(&format!(
                "pool pool.example.org iburst maxdelay {ordinary}\nmakestep 1 3\n"
            ));
            assert!(
                !r.iter().any(|x| x.0 == Rule::MaxdelayUnreachable),
                "{ordinary}"
            );
        }
        // maxdelayratio compares with the smallest delay seen, which itself
        // always passes (ntp_core.c check_delay_ratio): never unreachable.
        let r = rules("server 127.0.0.6 iburst maxdelayratio 1.0001\nmakestep 1 3\n");
        assert!(!r.iter().any(|x| x.0 == Rule::MaxdelayUnreachable));
    }

    #[test]
    fn a_maxupdateskew_below_any_estimate_is_warned_and_ordinary_ones_are_not() {
        let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
        let r = rules(&format!("maxupdateskew 0.01\n{server}"));
        assert!(
            r.contains(&(Rule::MaxupdateskewUnreachable, Some(1))),
            "{r:?}"
        );
        // chrony.conf(5): "100 for NTP sources polled over a wireless
        // network, and 10 or smaller for sources on a local wired network".
        for ordinary in ["0.5", "1", "10", "100", "1000"] {
            let r = rules(&format!("maxupdateskew {ordinary}\n{server}"));
            assert!(
                !r.iter().any(|x| x.0 == Rule::MaxupdateskewUnreachable),
                "{ordinary}"
            );
        }
        let r = rules("maxupdateskew 0.01\nrefclock PHC /dev/ptp0\n");
        assert!(!r.iter().any(|x| x.0 == Rule::MaxupdateskewUnreachable));
    }

    #[test]
    fn micros_read_short() {
        assert_eq!(micros(0.000001), "1");
        assert_eq!(micros(0.0000025), "2.5");
        assert_eq!(micros(ROUND_TRIP_FLOOR), "10");
    }
}
