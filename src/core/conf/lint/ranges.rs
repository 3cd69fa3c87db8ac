//! Values every release reads without a word that chrony.conf(5) calls
//! outside their useful range, or that no server can answer on: chronyd
//! starts, and polls, keeps samples or sends requests otherwise than the
//! line asks.

use crate::core::conf::directive::{Directive, OptValue, ValueKind};
use crate::core::conf::version::ChronyVersion;

use super::model::*;
use super::rules::Rule;
use super::syntax::options_of;

/// chrony.conf(5) polltarget: "The default is 8 and a useful range is from
/// 6 to 60."
pub(super) const POLLTARGET_USEFUL: (i64, i64) = (6, 60);

/// ntp_core.c 4.4 raises a target below 1 to 1 (`MAX(1, poll_target)`);
/// before, the target is used as given and the polling adjustment divides
/// by it.
pub(super) const POLLTARGET_RAISED: ChronyVersion = ChronyVersion::new(4, 4);

/// sourcestats.c `MAX_SAMPLES`: the most samples chronyd keeps of a
/// source, whatever maxsamples or minsamples ask (chrony.conf(5): "The
/// useful range is 4 to 64").
pub(super) const MAX_SAMPLES: i64 = 64;

/// A `minsamples` directive or option (`name`, its value).
fn samples_of(d: &Directive, name: &str) -> Option<i64> {
    if let Directive::Simple {
        spec,
        value: OptValue::Int(x),
    } = d
        && spec.name == name
    {
        return Some(*x);
    }
    None
}

/// chrony.conf(5) maxsamples/minsamples, on a source or reference clock
/// line or as the directives every source without the option takes
/// (sources.c): a source never keeps more than its maxsamples samples, so
/// a larger minsamples asks for samples it cannot have. From 4.3
/// sourcestats.c clamps minsamples to maxsamples; before, the regression
/// stops dropping samples at minsamples, so it uses all it has: the same
/// effect. maxsamples 0 is the default, no limit of its own.
/// In a file another includes (or a .sources file) only a line that
/// gives both is judged: the directives may be elsewhere.
fn samples_pairs(l: &mut Linter) {
    let last = |name: &str| {
        l.directives()
            .filter(|_| !l.fragment)
            .filter_map(|(i, d)| samples_of(d, name).map(|x| (i, x)))
            .last()
    };
    let (dir_min, dir_max) = (last("minsamples"), last("maxsamples"));
    let conflict = |min: i64, max: i64| max > 0 && min > max;
    let mut found: Vec<(usize, i64, i64)> = Vec::new();
    for (i, d) in l.directives() {
        if !(matches!(d, Directive::Source(_)) || d.name() == "refclock") {
            continue;
        }
        let opt = |name: &str| {
            options_of(d)
                .into_iter()
                .find(|(_, spec, _)| spec.name == name)
                .and_then(|(_, _, value)| value.as_i64())
        };
        let (min, max) = (opt("minsamples"), opt("maxsamples"));
        // Both from the directives: said once, at the directive.
        if min.is_none() && max.is_none() {
            continue;
        }
        let min = min.or(dir_min.map(|d| d.1));
        let max = max.or(dir_max.map(|d| d.1));
        if let (Some(min), Some(max)) = (min, max)
            && conflict(min, max)
        {
            found.push((i, min, max));
        }
    }
    if let (Some((a, min)), Some((b, max))) = (dir_min, dir_max)
        && conflict(min, max)
    {
        found.push((a.max(b), min, max));
    }
    found.sort_unstable();
    for (i, min, max) in found {
        l.add((
            Rule::MaxsamplesBelowMinsamples,
            i,
            vec![
                ("minsamples", min.to_string()),
                ("maxsamples", max.to_string()),
            ],
        ));
    }
}

/// A port outside 0..65535 before 4.7: conf.c (`parse_int`, `sscanf("%d")`)
/// and cmdparse.c (`sscanf("%d%n", &src->port)`) at tags 4.0, 4.3 and 4.6.1
/// keep it in an int without a range check, and it ends in a 16-bit field
/// (addressing.h `IPSockAddr.port` is `uint16_t`; 4.3 ntp_sources.c
/// `remote_addr.port = port`, ntp_io.c `local_addr.port = local_port`), so
/// chronyd uses the value modulo 65536. From 4.7 `SSCANF_IN_RANGE` /
/// `parse_int(…, 0, 65535)` refuse it: an error there already. A negative
/// acquisitionport is its documented "a new port for each request".
fn wrapped_ports(l: &mut Linter) {
    const PORT_RANGE: Option<(i64, i64)> = Some((0, 65535));
    let v = l.opts.version;
    if v >= ChronyVersion::STRICT_INTEGERS {
        return;
    }
    for (i, d) in l.directives() {
        let mut ports: Vec<(&str, &str, i64)> = options_of(d)
            .into_iter()
            .filter(|(_, spec, _)| spec.kind == ValueKind::Int && spec.range == PORT_RANGE)
            .filter_map(|(directive, spec, value)| {
                value.as_i64().map(|x| (directive, spec.name, x))
            })
            .collect();
        if let Directive::Simple {
            spec,
            value: OptValue::Int(x),
        } = d
            && spec.range == PORT_RANGE
            && !(spec.name == "acquisitionport" && *x < 0)
        {
            ports.push((spec.name, spec.name, *x));
        }
        for (directive, option, x) in ports {
            if (0..=65535).contains(&x) {
                continue;
            }
            l.add((
                Rule::PortWraps,
                i,
                vec![
                    ("directive", directive.to_string()),
                    ("option", option.to_string()),
                    ("value", x.to_string()),
                    ("used", x.rem_euclid(65536).to_string()),
                    ("version", v.to_string()),
                ],
            ));
        }
    }
}

/// chrony.conf(5) maxclockerror: default 1 ppm, "typical values for
/// error-in-ppm might be 10 for a low quality clock and 0.1 for a high
/// quality clock". Ten times the low-quality figure is no clock's error:
/// likely a unit slip, and it inflates the root dispersion chronyd serves.
pub(super) const MAXCLOCKERROR_FAR: f64 = 100.0;

fn maxclockerror_far(l: &mut Linter) {
    for (i, d) in l.directives() {
        if let Directive::Simple {
            spec,
            value: OptValue::Float(x),
        } = d
            && spec.name == "maxclockerror"
            && *x > MAXCLOCKERROR_FAR
        {
            l.add((
                Rule::MaxclockerrorHigh,
                i,
                vec![
                    ("value", format!("{x}")),
                    // ppm: microseconds per second, said in milliseconds.
                    ("ms_per_s", format!("{}", x / 1000.0)),
                ],
            ));
        }
    }
}

pub(super) fn useful_ranges(l: &mut Linter) {
    samples_pairs(l);
    wrapped_ports(l);
    maxclockerror_far(l);
    let v = l.opts.version;
    for (i, d) in l.directives() {
        if let Directive::Source(s) = d {
            if let Some(x) = s.int("polltarget") {
                let (lo, hi) = POLLTARGET_USEFUL;
                let case = match x {
                    x if x > hi => Some("high"),
                    x if (1..lo).contains(&x) => Some("low"),
                    x if x >= 1 => None,
                    // Refused from 4.7 on: an error already.
                    _ if v >= ChronyVersion::STRICT_INTEGERS => None,
                    _ if v >= POLLTARGET_RAISED => Some("raised"),
                    _ => Some("unchecked"),
                };
                if let Some(case) = case {
                    l.add((
                        Rule::PolltargetRange,
                        i,
                        vec![
                            ("case", case.to_string()),
                            ("value", x.to_string()),
                            ("host", s.host.clone()),
                            ("version", v.to_string()),
                        ],
                    ));
                }
            }
            // chrony.conf(5) server port: "the UDP port on which the server
            // understands NTP requests"; the system refuses to send to
            // port 0 (sendto: EINVAL), so no request ever leaves.
            if s.int("port") == Some(0) {
                l.add((
                    Rule::SourcePortZero,
                    i,
                    vec![
                        ("host", s.host.clone()),
                        ("directive", s.kind.keyword().to_string()),
                    ],
                ));
            }
        }
        // maxsamples/minsamples, as directives and as options of sources
        // and reference clocks.
        let mut samples: Vec<(&str, i64)> = options_of(d)
            .into_iter()
            .filter(|(_, spec, _)| matches!(spec.name, "maxsamples" | "minsamples"))
            .filter_map(|(_, spec, value)| value.as_i64().map(|x| (spec.name, x)))
            .collect();
        if let Directive::Simple {
            spec,
            value: OptValue::Int(x),
        } = d
            && matches!(spec.name, "maxsamples" | "minsamples")
        {
            samples.push((spec.name, *x));
        }
        for (option, x) in samples {
            // chrony.conf(5) maxsamples: 1 "disables frequency tracking
            // … useful when chronyd is started with the -q or -Q option".
            if option == "maxsamples" && x == 1 {
                l.add((Rule::MaxsamplesOne, i, vec![]));
            }
            if x > MAX_SAMPLES {
                l.add((
                    Rule::SamplesCapped,
                    i,
                    vec![
                        ("option", option.to_string()),
                        ("value", x.to_string()),
                        ("max", MAX_SAMPLES.to_string()),
                    ],
                ));
            }
        }
    }
}
