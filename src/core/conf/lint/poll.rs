//! The polling interval chronyd really uses for a source's `minpoll` and
//! `maxpoll`: out of range they are not clamped to the nearest limit.
//!
//! ntp_core.c `NCR_CreateInstance` (chrony 4.0, 4.3, 4.6.1 and master after
//! 4.8, the same code): a minpoll below `MIN_POLL` becomes
//! `SRC_DEFAULT_MINPOLL` (6), a maxpoll below it `SRC_DEFAULT_MAXPOLL` (10),
//! either above `MAX_POLL` (24) becomes 24, and then a maxpoll below the
//! minpoll is raised to it. `MIN_POLL` is -6 in ntp_core.c 4.0–4.2 and -7
//! from 4.3; srcparams.h gives the defaults. Measured: `minpoll -8 maxpoll
//! -6` polls at 6 (64 s) on every release (tests/it/lint_vs_chronyd).

use crate::core::conf::directive::Source;
use crate::core::conf::version::ChronyVersion;

use super::model::Args;
use super::rules::Rule;

/// ntp_core.c 4.3: `#define MIN_POLL -7` (4.0–4.2: -6).
const MIN_POLL_7_SINCE: ChronyVersion = ChronyVersion::new(4, 3);
const MAX_POLL: i64 = 24;
const DEFAULT_MINPOLL: i64 = 6;
const DEFAULT_MAXPOLL: i64 = 10;

/// The shortest polling interval (log2 s) chronyd of `v` takes.
pub fn min_poll(v: ChronyVersion) -> i64 {
    if v >= MIN_POLL_7_SINCE { -7 } else { -6 }
}

/// The (minpoll, maxpoll) chronyd of `v` polls a source with.
pub fn effective_polls(v: ChronyVersion, minpoll: Option<i64>, maxpoll: Option<i64>) -> (i64, i64) {
    let fit = |x: i64, default: i64| {
        if x < min_poll(v) {
            default
        } else {
            x.min(MAX_POLL)
        }
    };
    let min = fit(minpoll.unwrap_or(DEFAULT_MINPOLL), DEFAULT_MINPOLL);
    let max = fit(maxpoll.unwrap_or(DEFAULT_MAXPOLL), DEFAULT_MAXPOLL);
    (min, max.max(min))
}

/// 2^`poll` seconds as written in a sentence: `64`, `1/128`.
fn seconds(poll: i64) -> String {
    if poll >= 0 {
        (1u64 << poll.min(62)).to_string()
    } else {
        format!("1/{}", 1u64 << (-poll).min(62))
    }
}

/// What lint says of `option` (`minpoll` or `maxpoll`) = `value` on source
/// `s`, when chronyd does not poll as written.
pub fn replaced(v: ChronyVersion, s: &Source, option: &str, value: i64) -> Option<(Rule, Args)> {
    let (min, max) = effective_polls(v, s.int("minpoll"), s.int("maxpoll"));
    if value < min_poll(v) {
        let used = if option == "minpoll" {
            DEFAULT_MINPOLL
        } else {
            DEFAULT_MAXPOLL
        };
        Some((
            Rule::PollBelowMinimum,
            vec![
                ("option", option.to_string()),
                ("value", value.to_string()),
                ("version", v.to_string()),
                ("min", min_poll(v).to_string()),
                ("min_s", seconds(min_poll(v))),
                ("used", used.to_string()),
                ("used_s", seconds(used)),
                ("minpoll", min.to_string()),
                ("maxpoll", max.to_string()),
                ("from_s", seconds(min)),
                ("to_s", seconds(max)),
                // "every 64 s", not "every 64 s to 64 s".
                (
                    "span",
                    if min == max { "equal" } else { "range" }.to_string(),
                ),
            ],
        ))
    } else if value > MAX_POLL {
        Some((
            Rule::Clamped,
            vec![
                ("directive", s.kind.keyword().to_string()),
                ("option", option.to_string()),
                ("value", value.to_string()),
                ("used", MAX_POLL.to_string()),
            ],
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_polls_follow_ntp_core() {
        let v40 = ChronyVersion::new(4, 0);
        let v43 = ChronyVersion::new(4, 3);
        // The auditor's line: the default 6, maxpoll raised to it.
        assert_eq!(effective_polls(v40, Some(-8), Some(-6)), (6, 6));
        assert_eq!(effective_polls(v43, Some(-8), Some(-6)), (6, 6));
        // -7 is valid from 4.3 only.
        assert_eq!(effective_polls(v40, Some(-7), Some(-6)), (6, 6));
        assert_eq!(effective_polls(v43, Some(-7), Some(-6)), (-7, -6));
        assert_eq!(effective_polls(v43, None, Some(-9)), (6, 10));
        assert_eq!(effective_polls(v43, Some(30), None), (24, 24));
        assert_eq!(seconds(-7), "1/128");
        assert_eq!(seconds(10), "1024");
    }
}
