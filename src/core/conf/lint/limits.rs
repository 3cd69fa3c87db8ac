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

    #[test]
    fn micros_read_short() {
        assert_eq!(micros(0.000001), "1");
        assert_eq!(micros(0.0000025), "2.5");
        assert_eq!(micros(ROUND_TRIP_FLOOR), "10");
    }
}
