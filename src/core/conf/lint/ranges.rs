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

#[cfg(test)]
mod tests {
    use crate::core::conf::document::Document;
    use crate::core::conf::lint::{LintOptions, Rule, Severity, lint};
    use crate::core::conf::version::ChronyVersion;

    fn found(text: &str, version: ChronyVersion, rule: Rule) -> Vec<(Severity, String)> {
        let opts = LintOptions {
            version,
            ..Default::default()
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| (d.severity, d.arg("case").unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn a_polltarget_outside_6_to_60_says_what_each_release_does() {
        let v = ChronyVersion::new;
        let line = |t: i64| format!("server 10.0.0.1 iburst polltarget {t}\nmakestep 1 3\n");
        let case = |t: i64, ver| {
            found(&line(t), ver, Rule::PolltargetRange)
                .first()
                .map(|(_, c)| c.clone())
        };
        for ver in [v(4, 0), v(4, 3), v(4, 6), v(4, 9)] {
            assert_eq!(case(61, ver).as_deref(), Some("high"));
            assert_eq!(case(5, ver).as_deref(), Some("low"));
            for fine in [6, 8, 60] {
                assert_eq!(case(fine, ver), None);
            }
        }
        assert_eq!(case(0, v(4, 3)).as_deref(), Some("unchecked"));
        assert_eq!(case(-5, v(4, 0)).as_deref(), Some("unchecked"));
        assert_eq!(case(0, v(4, 4)).as_deref(), Some("raised"));
        assert_eq!(
            case(0, ChronyVersion::point(4, 6, 1)).as_deref(),
            Some("raised")
        );
        // Refused from 4.7 on: the error says it, not this warning.
        assert_eq!(case(0, v(4, 7)), None);
        assert_eq!(
            found(&line(61), v(4, 9), Rule::PolltargetRange)[0].0,
            Severity::Warning
        );
    }

    #[test]
    fn port_0_on_a_source_and_samples_beyond_64_are_said() {
        let v = ChronyVersion::LATEST;
        assert_eq!(
            found(
                "pool p.example.org iburst port 0\n",
                v,
                Rule::SourcePortZero
            )
            .len(),
            1
        );
        assert!(found("server a iburst port 123\n", v, Rule::SourcePortZero).is_empty());
        // The directive `port 0` turns chronyd's own server off: not a source.
        assert!(found("port 0\nserver a iburst\n", v, Rule::SourcePortZero).is_empty());
        for capped in [
            "maxsamples 100\n",
            "minsamples 65\n",
            "server a iburst maxsamples 128\n",
            "refclock SHM 0 minsamples 100\n",
        ] {
            assert_eq!(found(capped, v, Rule::SamplesCapped).len(), 1, "{capped}");
        }
        for fine in [
            "maxsamples 64\n",
            "maxsamples 0\n",
            "server a minsamples 4\n",
        ] {
            assert!(found(fine, v, Rule::SamplesCapped).is_empty(), "{fine}");
        }
    }
}
