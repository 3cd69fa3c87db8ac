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

/// The root distance below which a server that follows internet servers
/// is never accepted, seconds. chrony.conf(5) maxdistance: the distance
/// "includes the root dispersion and half of the root delay", and a
/// server passes on its upstream's root delay and dispersion plus its own
/// path: ntp.aliyun.com, the lab notes' upstream, gives 15 ms root delay
/// and 13.7 ms root dispersion, 21 ms before any path is added. Only a
/// server with its own reference clock or `local` on the LAN is nearer
/// (measured, 4.3 over loopback with `local stratum 10`: root delay
/// 4.6 µs, root dispersion 1.9 µs), so below 20 ms the limit rejects
/// every ordinary upstream and is worth saying, not an error.
pub(super) const INTERNET_ROOT_DISTANCE: f64 = 0.020;

/// A skew below every network source's estimate, ppm: sources polled
/// over loopback every one or two seconds for minutes reach 0.028 ppm at
/// best (the R5 labs' sourcestats of 4.0-4.9: 0.028 to 5 ppm), a LAN's
/// and the internet's far above; a threshold under 0.1 is met by none.
pub(super) const SKEW_FLOOR_PPM: f64 = 0.1;

/// The jitter (sourcestats' standard deviation) below which chronyd
/// rejects a network source, seconds: measured over loopback with
/// `minpoll -2`, chrony 4.0-4.9 report 0.08 to 0.94 µs (a LAN with
/// software timestamps gives microseconds and more), so a limit under
/// 1 µs rejects loopback sources now and then and LAN sources all the
/// time; with `maxjitter 0.0000001` a loopback client synchronised only
/// at moments, with 0.00000001 never.
pub(super) const JITTER_FLOOR: f64 = 1e-6;

/// sourcestats.c `MIN_STDDEV`: chronyd never records a smaller jitter, so
/// below it even hardware-timestamped sources are rejected.
pub(super) const MIN_STDDEV: f64 = 1e-9;

/// The highest stratum of a synchronised source (16 is unsynchronised).
const MAX_SOURCE_STRATUM: i64 = 15;

/// The value of the last `name` line, the one chronyd keeps.
fn last_value(l: &Linter, name: &str) -> Option<(usize, f64)> {
    l.directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple { spec, value } if spec.name == name => {
                value.as_f64().map(|v| (i, v))
            }
            _ => None,
        })
        .last()
}

/// `maxdistance`, `maxdelay`, `maxupdateskew`, `maxjitter` and the
/// stratum limits beyond what any network source can meet.
pub(super) fn unreachable_limits(l: &mut Linter) {
    let doc = l.doc;
    let network = doc.sources().count() > 0;
    let maxdistance = last_value(l, "maxdistance");
    if let (true, Some((i, v))) = (network, maxdistance)
        && v < ROOT_DISTANCE_FLOOR
    {
        l.add_at((
            Rule::MaxdistanceUnreachable,
            Some(i),
            vec![("value", micros(v)), ("floor", micros(ROOT_DISTANCE_FLOOR))],
        ));
    } else if let (true, Some((i, v))) = (network, maxdistance)
        && v < INTERNET_ROOT_DISTANCE
    {
        l.add_at((
            Rule::MaxdistanceTight,
            Some(i),
            vec![
                ("value", millis(v)),
                ("floor", millis(INTERNET_ROOT_DISTANCE)),
            ],
        ));
    }
    // chrony.conf(5) maxupdateskew: "the threshold for determining
    // whether an estimate might be so unreliable that it should not be
    // used"; below every skew a source reaches, no estimate is ever used
    // (reference.c: "Skew … too large to track"), and tracking keeps its
    // Skew at 1000000 ppm with root dispersion growing to seconds.
    let maxupdateskew = last_value(l, "maxupdateskew");
    // reference.c (every release): `fabs(CNF_GetMaxUpdateSkew())`, so a
    // negative threshold is its absolute value, whatever was meant.
    if let Some((i, v)) = maxupdateskew
        && v < 0.0
    {
        l.add_at((
            Rule::MaxupdateskewNegative,
            Some(i),
            vec![("value", v.to_string()), ("used", (-v).to_string())],
        ));
    }
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
    maxjitter(l);
    stratum_limits(l);
}

/// chrony.conf(5) maxjitter: "the maximum allowed jitter of the sources to
/// not be rejected by the source selection algorithm" (state `~`).
fn maxjitter(l: &mut Linter) {
    let Some((i, v)) = last_value(l, "maxjitter") else {
        return;
    };
    // With maxsamples 1 or 2 no regression is made and chronyd takes the
    // jitter to be maxjitter itself (sourcestats.c SST_GetSelectionData):
    // such a source is never rejected for it.
    let default_samples = last_value(l, "maxsamples").map_or(0, |(_, m)| m as i64);
    let judged = l.doc.sources().any(|(_, s)| {
        let samples = s.int("maxsamples").unwrap_or(default_samples);
        !(1..=2).contains(&samples)
    });
    // Hardware timestamps reach tens of ns: only what chronyd can never
    // record is said then.
    let floor = if l.has("hwtimestamp") {
        MIN_STDDEV
    } else {
        JITTER_FLOOR
    };
    if judged && v < floor {
        l.add((
            Rule::MaxjitterUnreachable,
            i,
            vec![("value", micros(v)), ("floor", micros(floor))],
        ));
    }
}

/// chrony 4.9's `minstratum`/`maxstratum` (sources.c: a source's stratum
/// must lie between them, else state `r` in selectdata): limits that
/// leave no stratum a source can have.
fn stratum_limits(l: &mut Linter) {
    let at = |name: &str| -> Option<(usize, i64)> {
        l.directives()
            .filter_map(|(i, d)| match d {
                Directive::Simple { spec, value }
                    if spec.name == name && d.since() <= l.opts.version =>
                {
                    value.as_i64().map(|v| (i, v))
                }
                _ => None,
            })
            .last()
    };
    let (min, max) = (at("minstratum"), at("maxstratum"));
    let (lo, hi) = (
        min.map_or(0, |m| m.1),
        max.map_or(MAX_SOURCE_STRATUM, |m| m.1),
    );
    let refclocks = l
        .directives()
        .filter(|(_, d)| d.name() == "refclock")
        .count();
    let network = l.doc.sources().count();
    let case = if lo > MAX_SOURCE_STRATUM {
        "min-high"
    } else if lo > hi {
        "crossed"
    // Reference clocks have stratum 0 by default, every NTP server 1 or
    // more: maxstratum 0 keeps only the clocks.
    } else if hi < 1 && refclocks == 0 {
        "max-zero"
    } else {
        return;
    };
    let line = match case {
        "max-zero" => max.map(|m| m.0),
        _ => min.map(|m| m.0),
    };
    if network + refclocks > 0 {
        l.add_at((
            Rule::StratumLimitsUnreachable,
            line,
            vec![
                ("case", case.to_string()),
                ("min", lo.to_string()),
                ("max", hi.to_string()),
            ],
        ));
    }
}

/// Seconds as µs, as short as they read (0.000001 → "1").
fn micros(seconds: f64) -> String {
    let us = seconds * 1e6;
    let text = format!("{us:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Seconds as ms, as short as they read (0.001 → "1").
fn millis(seconds: f64) -> String {
    micros(seconds / 1e3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn micros_read_short() {
        assert_eq!(micros(0.000001), "1");
        assert_eq!(micros(0.0000025), "2.5");
        assert_eq!(micros(ROUND_TRIP_FLOOR), "10");
        assert_eq!(millis(0.001), "1");
        assert_eq!(millis(0.0125), "12.5");
    }
}
