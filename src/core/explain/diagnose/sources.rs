//! The findings of a table of sources, associations or sessions, whatever the tool.

use super::super::field::{FieldId as F, SourceAddr, Value};
use super::super::judge::{orphan_root, value};
use super::super::model::{Explained, Field, Kind, field};
use super::super::verdict::{Finding, Rule, Status, Why};
use super::names::row_name;
use crate::core::cmdmon::SourceState;

/// Tables of sources, associations or sessions, whatever the tool.
pub(super) fn sources(e: &Explained, out: &mut Vec<Finding>) {
    let rows = &e.rows;
    // An NTP source's reach 0 (a reference clock's is its driver's: no
    // sample, never a network).
    let reach_zero = |r: &Vec<Field>| {
        r.iter().any(|x| {
            x.name == F::Reach
                && x.status == Status::Bad
                && x.reason.as_ref().is_none_or(|w| {
                    !(w.id.is_kiss()
                        || matches!(
                            w.id,
                            Why::RefclockNoSample
                                | Why::NtsKeConnectFailed
                                | Why::NtsNoCookies
                                // ntpq as: packets that arrive and fail the
                                // key check (auth bad).
                                | Why::TestsAuthFailed
                        ))
                })
        })
    };
    // No address: nothing was sent (chronyc(1), activity: "the name of the
    // server or peer was not resolved to an address yet").
    let unresolved = |r: &Vec<Field>| value(r, F::Address) == Value::Source(SourceAddr::Unresolved);
    let mode = |r: &Vec<Field>, m: &str| r.iter().any(|x| x.name == F::Mode && x.raw == m);
    let selected = rows.iter().any(|r| {
        r.iter().any(|x| {
            let why = x.reason.as_ref().map(|r| r.id);
            (x.status == Status::Ok
                && matches!(
                    why,
                    Some(Why::StateSelected | Why::TallySysPeer | Why::SwitchSelected)
                ))
                || why == Some(Why::FollowsLocalClock)
        })
    });
    // Reach 0 under a kiss code (ntpq's refid, a switch's ref clock): no
    // time came back (RFC 5905: reach counts valid responses), so with
    // every other row silent no server answers; the code has its own
    // finding, and is not listed as a server that never answered.
    let kiss_zero = |r: &Vec<Field>| {
        field(r, F::Reach).is_some_and(|x| {
            u8::from_str_radix(x.raw.trim(), 8) == Ok(0)
                && x.reason.as_ref().is_some_and(|w| w.id.is_kiss())
        })
    };
    let dead: Vec<String> = rows
        .iter()
        .filter(|r| reach_zero(r))
        .filter_map(|r| row_name(r))
        .collect();
    // Reach 0 after answering (LastRx a number): stopped, or set offline.
    let stopped = |r: &Vec<Field>| {
        field(r, F::Reach)
            .and_then(|x| x.reason.as_ref())
            .is_some_and(|w| w.id == Why::ReachZeroAnswered)
    };
    let silent = |r: &Vec<Field>| reach_zero(r) || kiss_zero(r) || unresolved(r) || stopped(r);
    // chronyc(1), sources: Reach "is a register ... of the last eight
    // transmissions": 0 is no answer at all. Without a register (some
    // switches' tables) a row answers unless flagged silent.
    let answers = |r: &Vec<Field>| match value(r, F::Reach) {
        Value::Reach(v) => v != 0,
        _ => !silent(r),
    };
    // Every silent row configured by address: a name cannot be the cause.
    let by_address = |r: &Vec<Field>| {
        [F::Address, F::Remote].iter().any(|n| match value(r, *n) {
            Value::Source(SourceAddr::Ip(_)) => true,
            _ => field(r, *n).is_some_and(|x| {
                x.raw
                    .trim()
                    .trim_start_matches(['*', '+', '-', '#', 'x', '.', 'o', ' '])
                    .parse::<std::net::IpAddr>()
                    .is_ok()
            }),
        })
    };
    let names = |keep: &dyn Fn(&Vec<Field>) -> bool| {
        if rows.iter().filter(|r| keep(r)).all(by_address) {
            "none"
        } else {
            "some"
        }
    };
    // A reference clock with no sample is its driver's silence, not a
    // network's (RefclockLost says so).
    let refclock_silent = |r: &Vec<Field>| {
        r.iter().any(|x| {
            x.reason
                .as_ref()
                .is_some_and(|w| w.id == Why::RefclockNoSample)
        })
    };
    if !rows.is_empty()
        && rows.iter().all(|r| silent(r) || refclock_silent(r))
        && rows
            .iter()
            .any(|r| reach_zero(r) || kiss_zero(r) || stopped(r))
    {
        // A source with no address was never sent a request: a server's
        // access rules or a firewall cannot be its cause (name-unresolved
        // says what is). The causes are about the sources really polled.
        let polled: Vec<String> = rows
            .iter()
            .filter(|r| silent(r) && !unresolved(r) && !refclock_silent(r))
            .filter_map(|r| row_name(r))
            .collect();
        let some_unresolved = rows.iter().any(unresolved);
        // Every polled row refused with a kiss code (DENY, RSTR, RATE,
        // AUTH): the servers answer, and the code's own finding names the
        // cause; "UDP 123 blocked, wrong addresses" would contradict it.
        let refused = |r: &Vec<Field>| {
            kiss_zero(r)
                && field(r, F::Reach)
                    .and_then(|x| x.reason.as_ref())
                    .is_some_and(|w| {
                        matches!(w.id, Why::KissDenied | Why::KissRate | Why::KissAuth)
                    })
        };
        let all_refused = rows
            .iter()
            .filter(|r| silent(r) && !unresolved(r) && !refclock_silent(r))
            .all(refused);
        // Not said when only unresolved names were listed (nothing polled),
        // nor when every polled server refused with a kiss code.
        let explained = if polled.is_empty() {
            some_unresolved
        } else {
            all_refused
        };
        if !explained {
            let mut f = Finding::new(Rule::NoUpstreamReachable).arg("names", names(&silent));
            // Every network source answered before (a number in LastRx): they
            // stopped, so access rules and addresses, which worked, are not
            // the first causes.
            // ntpsec's `.NTS.` refid on every polled row: no NTP request
            // goes out before NTS key establishment succeeds, so it comes
            // before UDP 123 and restrict lines.
            let nts_ke =
                |r: &&Vec<Field>| field(r, F::Refid).is_some_and(|x| x.raw.trim() == ".NTS.");
            if rows.iter().filter(|r| !refclock_silent(r)).all(stopped) {
                f = f.arg("cause", "stopped");
            } else if !polled.is_empty()
                && rows
                    .iter()
                    .filter(|r| silent(r) && !unresolved(r) && !refclock_silent(r))
                    .all(|r| nts_ke(&r))
            {
                f = f.arg("cause", "nts-ke");
            } else if !some_unresolved && rows.iter().any(stopped) {
                // Some answered before: their allow and address worked, so
                // the never-answered causes are only the others' (R33).
                let of = |keep: &dyn Fn(&Vec<Field>) -> bool| {
                    rows.iter()
                        .filter(|r| keep(r))
                        .filter_map(|r| row_name(r))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                f = f
                    .arg("cause", "some-stopped")
                    .arg("stopped", of(&stopped))
                    .arg("never", of(&|r| reach_zero(r) && !stopped(r)));
            } else if some_unresolved {
                f = f
                    .arg("cause", "some-unresolved")
                    .arg("sources", polled.join(", "))
                    .arg("count", polled.len());
            }
            out.push(f);
        }
        // NX-OS polls through VRF default unless told `use-vrf`.
        let default_vrf = rows.iter().all(|r| {
            r.iter()
                .any(|x| x.name == F::Vrf && x.raw.trim().eq_ignore_ascii_case("default"))
        });
        if e.kind == Kind::NxosShowNtpPeerStatus && default_vrf {
            out.push(Finding::new(Rule::NxosWrongVrf));
        }
    } else {
        // Sources that never answered (those that answered and stopped
        // are source-stale's, server and path first): as when none
        // answers, the text names the server's allow first, since
        // chrony.conf(5) allow: "no client access is allowed by default".
        if !dead.is_empty() {
            let mut f = Finding::new(Rule::SomeUnreachable)
                .arg("sources", dead.join(", "))
                .arg("count", dead.len())
                .arg("names", names(&reach_zero));
            // Public servers (pools, cloud providers) answer any client:
            // their allow is not the first cause, the way out to them is.
            // A word of the text, not a cause: a cause this paste shows
            // (keys, offline) still comes first.
            let public = dead.iter().all(|n| super::public::is_public(n));
            f = f.arg("servers", if public { "public" } else { "private" });
            out.push(f);
        }
        // "Sources answer but none is selected" needs one that answers;
        // an orphan root's unfollowed peers are by design.
        // Sources that answer at stratum 16 have their own cause (they
        // are not synchronised): they are not servers that disagree.
        let unsynchronised = |r: &Vec<Field>| {
            field(r, F::Stratum).is_some_and(|x| {
                x.reason
                    .as_ref()
                    .is_some_and(|w| w.id == Why::StratumUnsynchronised)
            })
        };
        let serving: Vec<&Vec<Field>> = rows
            .iter()
            .filter(|r| answers(r) && !unsynchronised(r))
            .collect();
        if !serving.is_empty() && !selected {
            if orphan_root(rows) {
                // The pair's upstreams listed at reach 0: their silence is
                // what put the pair in orphan mode.
                let upstreams = rows.iter().any(|r| mode(r, "^"));
                out.push(
                    Finding::new(Rule::OrphanRoot)
                        .arg("upstreams", if upstreams { "silent" } else { "none" }),
                );
            } else if serving.iter().all(|r| {
                field(r, F::State)
                    .is_some_and(|x| x.value == Value::State(SourceState::Falseticker))
            }) {
                // chronyc(1), sources: "x indicates a clock which chronyd
                // thinks is a falseticker (i.e. its time is inconsistent
                // with a majority of other sources)": when every source
                // that answers is one, that is why nothing is selected
                // (the rows' `x` add their names to this finding).
                out.push(Finding::new(Rule::AllFalsetickers));
            } else if rows.iter().filter(|r| answers(r)).all(|r| {
                field(r, F::State).is_some_and(|x| {
                    x.reason
                        .as_ref()
                        .is_some_and(|w| w.id == Why::StateFewSamples)
                })
            }) {
                // Every source that answers has answered only its first
                // polls: the selection waits for measurements, which is
                // how every start looks, not a fault.
                let mut f = Finding::new(Rule::NoneSelected).arg("cause", "few-samples");
                f.severity = Status::Warn;
                out.push(f);
            } else if rows.iter().all(|r| field(r, F::State).is_none())
                && rows.iter().filter(|r| answers(r)).all(|r| first_polls(r))
            {
                // ntpq and the switches have no state column: a reach
                // register still filling from the right with few answers
                // (1, 3, 7, 17) says the daemon started moments ago and
                // its clock filter has too few samples to select yet.
                let mut f = Finding::new(Rule::NoneSelected).arg("cause", "first-polls");
                f.severity = Status::Warn;
                out.push(f);
            } else {
                out.push(Finding::new(Rule::NoneSelected));
            }
        }
    }
    // A reference clock that stopped: no sample in its last two polls
    // (the reach register's low bits), or chronyd calls it unreachable or
    // unusable: a GPS without fix, gpsd gone, a PPS device silent.
    let lost: Vec<String> = rows
        .iter()
        .filter(|r| mode(r, "#"))
        .filter(|r| {
            // No sample at its last two polls, gaps before or not: a
            // register with gaps whose last polls delivered is a driver
            // that still delivers, irregularly (refclock-irregular).
            let reach_low = match value(r, F::Reach) {
                Value::Reach(v) => Some(v & 0b11 == 0),
                _ => None,
            };
            let state = field(r, F::State).map(|x| x.value);
            // A `?` or `x` clock whose last polls delivered is not lost:
            // noselect, too few samples, or the selection leaves it out.
            let unusable = matches!(
                state,
                Some(Value::State(
                    SourceState::Unusable | SourceState::Falseticker
                ))
            );
            reach_low == Some(true) || (reach_low.is_none() && unusable)
        })
        .filter_map(|r| row_name(r))
        .collect();
    if !lost.is_empty() {
        // chronyd keeps following a silent clock (`*`) from its last
        // samples until the selection drops it: not unsynchronised yet.
        let followed = rows.iter().filter(|r| mode(r, "#")).any(|r| {
            row_name(r).is_some_and(|n| lost.contains(&n))
                && field(r, F::State)
                    .is_some_and(|x| x.value == Value::State(SourceState::Selected))
        });
        out.push(
            Finding::new(Rule::RefclockLost)
                .arg("sources", lost.join(", "))
                .arg("count", lost.len())
                // Whether any other source could keep time meanwhile.
                .arg("others", rows.len().saturating_sub(lost.len()))
                .arg("followed", if followed { "yes" } else { "no" }),
        );
    }
    // A row marked "×N" is N sources of one `pool` line (live::grouped):
    // the pool can give several servers, so it is not "only one source".
    let upstreams: usize = rows
        .iter()
        .filter(|r| !mode(r, "#"))
        .map(|r| times(r))
        .sum();
    // A reference clock that delivers (reach above 0) is a source too: a
    // GPS beside one server is two, not "only one" (chronyc(1) sources:
    // `#` "a locally connected reference clock").
    let clocks = rows
        .iter()
        .filter(|r| mode(r, "#"))
        .filter(|r| matches!(value(r, F::Reach), Value::Reach(v) if v != 0))
        .count();
    if upstreams == 1 && clocks == 0 {
        out.push(Finding::new(Rule::SingleSource));
    }
    // A peer that serves at our own stratum (a pair uses 8 and 9).
    let peer_strata: Vec<&str> = rows
        .iter()
        .filter(|r| mode(r, "="))
        .filter_map(|r| field(r, F::Stratum).map(|x| x.raw.as_str()))
        .collect();
    // Peers synchronised to an upstream take their stratum from it:
    // equal strata matter only while they serve their local clocks.
    let upstream_selected = rows.iter().any(|r| {
        mode(r, "^")
            && r.iter().any(|x| {
                x.reason
                    .as_ref()
                    .is_some_and(|r| r.id == Why::StateSelected)
            })
    });
    if !upstream_selected && peer_strata.len() > 1 && peer_strata.windows(2).any(|w| w[0] == w[1]) {
        out.push(Finding::new(Rule::PeerSameStratum));
    }
}

/// A reach register still filling after a start with at most four answers
/// (octal 1, 3, 7, 17): too few for ntpd's clock filter to have selected.
/// A source the selection already judged (outlier, falseticker) has its
/// own cause.
fn first_polls(r: &[Field]) -> bool {
    let judged = r.iter().any(|x| {
        x.reason
            .as_ref()
            .is_some_and(|w| matches!(w.id, Why::TallyOutlier | Why::TallyFalseticker))
    });
    !judged
        && field(r, F::Reach).is_some_and(|x| {
            x.reason.as_ref().is_some_and(|w| {
                w.id == Why::ReachStarting
                    && w.args
                        .iter()
                        .any(|(k, v)| *k == "answered" && v.parse::<u32>().is_ok_and(|n| n <= 4))
            })
        })
}

/// How many sources a row stands for: N for a pool's identical rows shown
/// as one ("ntp1.aliyun.com ×8"), else 1.
fn times(row: &[Field]) -> usize {
    field(row, F::Address)
        .and_then(|a| a.raw.rsplit_once(" ×"))
        .and_then(|(_, n)| n.parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, 65_536))
}
