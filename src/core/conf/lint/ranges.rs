//! Values every release reads without a word that chrony.conf(5) calls
//! outside their useful range, or that no server can answer on: chronyd
//! starts, and polls, keeps samples or sends requests otherwise than the
//! line asks.

use crate::core::conf::directive::{Directive, OptValue};
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

pub(super) fn useful_ranges(l: &mut Linter) {
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
