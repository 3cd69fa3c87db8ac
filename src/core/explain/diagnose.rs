//! Diagnoses across fields and rows: the findings with cause and fix,
//! and every flagged value accounted for by one.

use super::checks::*;
use super::field::{FieldId as F, SelectState, SourceAddr, Value};
use super::judge::*;
use super::model::field;
use super::model::{Explained, Field, Kind};
use super::verdict::Status;
use super::verdict::{Finding, Reason, Rule, Why};
use crate::core::cmdmon::SourceState;

/// The name of the row a field sits in (its source, client or session).
fn row_name(row: &[Field]) -> Option<String> {
    row.iter()
        .find(|x| {
            matches!(
                x.name,
                F::Address
                    | F::Remote
                    | F::RemoteAddress
                    | F::AssociationId
                    | F::Server
                    | F::Servers
                    | F::ActiveServer
            )
        })
        .map(|x| match x.name {
            // ntpdata's `127.0.0.5 (7F000005)`: the address, not its hex;
            // chrony 4.0 prints `[UNSPEC]` for a source never polled: no name.
            F::RemoteAddress => x
                .raw
                .split_whitespace()
                .next()
                .filter(|a| *a != "[UNSPEC]")
                .unwrap_or("")
                .to_string(),
            _ => x.raw.trim().to_string(),
        })
}

/// The source tracking names as its reference: `7F0000DE (127.0.0.222)`
/// gives the name in parentheses, a bare ID itself.
fn reference_name(fields: &[Field]) -> &str {
    let raw = field(fields, F::Refid).map_or("", |x| x.raw.trim());
    raw.split_once('(')
        .map(|(_, n)| n.trim_end_matches(')').trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(raw)
}

/// Diagnoses across fields.
pub fn diagnose(e: &mut Explained) {
    let mut out: Vec<Finding> = Vec::new();
    let f = &e.fields;
    let bad = |name: F| field(f, name).is_some_and(|x| x.status == Status::Bad);
    let why = |name: F| field(f, name).and_then(|x| x.reason.as_ref().map(|r| r.id));
    match e.kind {
        Kind::ChronycTracking => {
            if bad(F::Refid) || bad(F::Stratum) || bad(F::Leap) {
                let mut n = Finding::new(Rule::NotSynchronised);
                // Stratum 16 with a real reference and a normal leap: this
                // server follows a source at 15, one more hop than NTP
                // allows (a loop of servers, or a chain from a high
                // `local stratum`), not an unreachable upstream.
                let reference = match value(f, F::Refid) {
                    Value::RefId(id) => id != 0 && id != crate::core::cmdmon::LOCAL_REFID,
                    _ => false,
                };
                if bad(F::Stratum) && !bad(F::Refid) && !bad(F::Leap) && reference {
                    n = n
                        .arg("cause", "stratum-16")
                        .arg("sources", reference_name(f));
                }
                out.push(n);
            } else if why(F::Refid) == Some(Why::RefidLocal) {
                // A free-running local clock: no known distance to true time,
                // only chronyd's growing root dispersion.
                let disp = value(f, F::RootDispersion)
                    .seconds()
                    .map(human)
                    .unwrap_or_default();
                out.push(Finding::new(Rule::ServingLocalClock).arg("dispersion", disp));
            }
            // Its server at stratum 10: named as tracking names it.
            if why(F::Stratum) == Some(Why::StratumOwnClock) {
                out.push(
                    Finding::new(Rule::ServerOwnClock)
                        .arg("sources", reference_name(f))
                        .arg("count", 1),
                );
            }
        }
        Kind::ChronycSources
        | Kind::NtpqPeers
        | Kind::NtpqAssociations
        | Kind::JunosShowNtpAssociations
        | Kind::AristaShowNtpAssociations
        | Kind::CiscoShowNtpAssociations
        | Kind::CiscoShowNtpAssociationsDetail
        | Kind::NxosShowNtpPeerStatus
        | Kind::H3cNtpServiceSessions
        | Kind::HuaweiNtpServiceSessions
        | Kind::ShowNtpServer => sources(e, &mut out),
        Kind::ChronycSelectdata => {
            required(e, &mut out);
            nothing_selected(e, &mut out);
        }
        Kind::ChronycActivity => activity(f, &mut out),
        // chronyc(1) serverstats: "NTP packets received: The number of
        // valid NTP requests received by the server"; none, and no NTS-KE
        // either: nobody is served (port 0, no allow, or no client yet).
        Kind::ChronycServerstats
            if int(f, F::NtpReceived) == Some(0) && int(f, F::NtskeAccepted).unwrap_or(0) == 0 =>
        {
            out.push(Finding::new(Rule::ServesNobody));
        }
        Kind::ChronycSmoothing | Kind::ChronycManualList | Kind::ChronycWaitsync => {
            super::chronyc_other::diagnose(e, &mut out)
        }
        Kind::Ntpstat
        | Kind::AristaShowNtpStatus
        | Kind::CiscoShowNtpStatus
        | Kind::HuaweiNtpServiceStatus
        | Kind::H3cNtpServiceStatus
        | Kind::NtpqRv
        | Kind::JunosShowNtpStatus => {
            let unsynced = f.iter().any(|x| {
                matches!(
                    x.name,
                    F::SyncStatus | F::ClockStatus | F::Leap | F::Stratum
                ) && x.status == Status::Bad
            });
            if unsynced {
                out.push(Finding::new(Rule::NotSynchronised));
            }
            // ntpstat and ntpq's status word: the clock follows ntpd's own
            // (source "local net", sync_local).
            if why(F::Source) == Some(Why::RefidLocal)
                || why(F::StatusWord) == Some(Why::RefidLocal)
            {
                out.push(Finding::new(Rule::ServingLocalClock));
            }
            if field(f, F::ReferenceTime).is_some() && field(f, F::CurrentTime).is_some() {
                out.push(Finding::new(Rule::ReferenceVsSystemTime));
            }
        }
        Kind::Timedatectl
        | Kind::TimedatectlShow
        | Kind::TimedatectlTimesyncStatus
        | Kind::TimedatectlShowTimesync => {
            if bad(F::ClockSynchronized) {
                out.push(Finding::new(Rule::NotSynchronised));
            }
            if bad(F::NtpService) {
                out.push(Finding::new(Rule::NtpServiceInactive));
            }
            // timesyncd.conf(5), FallbackNTP=: "only relevant if no other
            // NTP server information is known".
            let empty = |name: F| field(f, name).is_none_or(|x| x.raw.trim().is_empty());
            let fallback = field(f, F::FallbackNtpServers).map_or("", |x| x.raw.trim());
            if !fallback.is_empty()
                && field(f, F::SystemNtpServers).is_some()
                && empty(F::SystemNtpServers)
                && empty(F::LinkNtpServers)
                && empty(F::RuntimeNtpServers)
            {
                out.push(Finding::new(Rule::TimesyncFallbackOnly).arg("sources", fallback));
            }
        }
        // NX-OS's configuration views: what they cannot tell, where it is.
        Kind::NxosShowNtpPeers => {
            out.push(Finding::new(Rule::NxosPeersConfigured));
            let servers = e
                .rows
                .iter()
                .filter(|r| {
                    field(r, F::PeerType).is_none_or(|x| x.raw.eq_ignore_ascii_case("server"))
                })
                .count();
            if servers == 1 {
                out.push(Finding::new(Rule::SingleSource));
            }
        }
        Kind::NxosShowNtpStatus => {
            let value = field(f, F::Distribution).map_or("", |x| x.raw.trim());
            out.push(Finding::new(Rule::NxosStatusDistribution).arg("value", value));
        }
        _ => {}
    }
    // ntpstat or ntpq that no daemon answered.
    if bad(F::NtpService) && !out.iter().any(|x| x.rule == Rule::NtpServiceInactive) {
        out.push(Finding::new(Rule::NtpServiceInactive));
    }
    if e.cut {
        // Rows after the cut may be lost: nothing said of the whole table.
        out.retain(|x| {
            !matches!(
                x.rule,
                Rule::SingleSource
                    | Rule::NoUpstreamReachable
                    | Rule::NoneSelected
                    | Rule::OrphanRoot
            )
        });
        out.push(Finding::new(Rule::PasteCut));
    }
    e.findings = out;
    account_for_every_flag(e);
}

/// selectdata: sources with `require` in effect (EOpts R) of which none is
/// selectable hold every other source back (chronyc(1): "W - waits for
/// other sources to be selectable (required by the minsources directive,
/// or the require option of another source)"; chrony.conf(5),
/// authselectmode mix, the default: "all authenticated NTP sources and
/// reference clocks will get the require and trust options").
fn required(e: &Explained, out: &mut Vec<Finding>) {
    let state = |r: &[Field]| match value(r, F::SelectState) {
        Value::Select(s) => Some(s),
        _ => None,
    };
    let require = |r: &&Vec<Field>| field(r, F::EffOptions).is_some_and(|x| x.raw.contains('R'));
    let required: Vec<&Vec<Field>> = e.rows.iter().filter(require).collect();
    let names = |rows: Vec<&Vec<Field>>| {
        rows.into_iter()
            .filter_map(|r| row_name(r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // chronyc(1): "x - may be a falseticker"; every source that may be
    // selected is one: they disagree and no majority forms, whatever
    // options they have (the falseticker rows add their names).
    let candidates: Vec<&Vec<Field>> = e
        .rows
        .iter()
        .filter(|r| state(r) != Some(SelectState::Noselect))
        .collect();
    if !candidates.is_empty()
        && candidates
            .iter()
            .all(|r| state(r) == Some(SelectState::Falseticker))
    {
        out.push(Finding::new(Rule::AllFalsetickers));
        return;
    }
    // "W - waits for other sources to be selectable (required by the
    // minsources directive, or the require option of another source)":
    // with no source requiring, it is minsources.
    let waiting: Vec<&Vec<Field>> = e
        .rows
        .iter()
        .filter(|r| state(r) == Some(SelectState::WaitsMinsources))
        .collect();
    if required.is_empty() && !waiting.is_empty() {
        out.push(
            Finding::new(Rule::MinsourcesWaiting)
                .arg("sources", names(waiting.clone()))
                .arg("count", waiting.len()),
        );
        return;
    }
    if required.is_empty() || required.iter().any(|r| state(r).is_none_or(selectable)) {
        return;
    }
    let waiting = names(
        e.rows
            .iter()
            .filter(|r| !require(r) && state(r).is_some_and(selectable))
            .collect(),
    );
    out.push(
        Finding::new(Rule::RequiredNotSelectable)
            .arg("sources", names(required.clone()))
            .arg("count", required.len())
            .arg(
                "waiting",
                if waiting.is_empty() {
                    "-".to_string()
                } else {
                    waiting
                },
            ),
    );
}

/// activity's counts (chronyc(1): offline "the server or peer is currently
/// offline (i.e. assumed by chronyd to be unreachable, and no measurements
/// from it will be attempted.)"; chrony.conf(5), server `offline`:
/// "chronyd will not try to poll the server until it is enabled to do so
/// (by using the online command in chronyc)").
fn activity(f: &[Field], out: &mut Vec<Finding>) {
    let n = |name: F| int(f, name).unwrap_or(0);
    if n(F::Unresolved) > 0 {
        out.push(Finding::new(Rule::UnknownAddress).arg("count", n(F::Unresolved)));
    }
    let offline = n(F::Offline) + n(F::BurstOffline);
    if offline > 0 {
        // Nothing online nor bursting: no source is polled at all.
        let polled = n(F::Online) + n(F::BurstOnline) + n(F::BurstOffline);
        let rule = if polled == 0 {
            Rule::AllSourcesOffline
        } else {
            Rule::SourcesOffline
        };
        out.push(Finding::new(rule).arg("count", n(F::Offline)));
    }
}

/// selectdata where no source is `*` or `+` (chronyc(1): "The following
/// states indicate the source is used for synchronisation of the local
/// clock: + … *"): the clock follows nothing now. Said once, with the
/// configured limit when every source is over it (`d`: "has a root
/// distance larger than the maximum distance (configured by the
/// maxdistance directive)"). The findings above already say it for
/// falsetickers, `require` and minsources.
fn nothing_selected(e: &Explained, out: &mut Vec<Finding>) {
    let said = [
        Rule::AllFalsetickers,
        Rule::RequiredNotSelectable,
        Rule::MinsourcesWaiting,
    ];
    if e.rows.is_empty() || out.iter().any(|f| said.contains(&f.rule)) {
        return;
    }
    let states: Vec<Option<SelectState>> = e
        .rows
        .iter()
        .map(|r| match value(r, F::SelectState) {
            Value::Select(s) => Some(s),
            _ => None,
        })
        .collect();
    if states.iter().any(|s| s.is_none_or(selectable)) {
        return;
    }
    // A source that is still collecting measurements ("M - has not enough
    // measurements yet") may be selected at the next update, and an orphan
    // peer ("O") is left out on purpose while this server serves its local
    // clock as the orphan root: neither is a fault to raise.
    if states
        .iter()
        .any(|s| matches!(s, Some(SelectState::FewMeasurements | SelectState::Orphan)))
    {
        return;
    }
    let candidates: Vec<&Option<SelectState>> = states
        .iter()
        .filter(|s| **s != Some(SelectState::Noselect))
        .collect();
    let cause = if !candidates.is_empty()
        && candidates
            .iter()
            .all(|s| **s == Some(SelectState::Distance))
    {
        "maxdistance"
    } else {
        "other"
    };
    out.push(
        Finding::new(Rule::NothingSelected)
            .arg("cause", cause)
            .arg("count", e.rows.len()),
    );
}

/// Tables of sources, associations or sessions, whatever the tool.
fn sources(e: &Explained, out: &mut Vec<Finding>) {
    let rows = &e.rows;
    // An NTP source's reach 0 (a reference clock's is its driver's: no
    // sample, never a network).
    let reach_zero = |r: &Vec<Field>| {
        r.iter().any(|x| {
            x.name == F::Reach
                && x.status == Status::Bad
                && x.reason.as_ref().is_none_or(|w| {
                    !matches!(
                        w.id,
                        Why::RefclockNoSample | Why::KissCode | Why::NtsKeConnectFailed
                    )
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
    let silent = |r: &Vec<Field>| reach_zero(r) || unresolved(r) || stopped(r);
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
        && rows.iter().any(|r| reach_zero(r) || stopped(r))
    {
        let mut f = Finding::new(Rule::NoUpstreamReachable).arg("names", names(&silent));
        // Every network source answered before (a number in LastRx): they
        // stopped, so access rules and addresses, which worked, are not
        // the first causes.
        if rows.iter().filter(|r| !refclock_silent(r)).all(stopped) {
            f = f.arg("cause", "stopped");
        }
        out.push(f);
        // NX-OS polls through VRF default unless told `use-vrf`.
        let default_vrf = rows.iter().all(|r| {
            r.iter()
                .any(|x| x.name == F::Vrf && x.raw.trim().eq_ignore_ascii_case("default"))
        });
        if e.kind == Kind::NxosShowNtpPeerStatus && default_vrf {
            out.push(Finding::new(Rule::NxosWrongVrf));
        }
    } else {
        if !dead.is_empty() {
            out.push(
                Finding::new(Rule::SomeUnreachable)
                    .arg("sources", dead.join(", "))
                    .arg("count", dead.len())
                    .arg("names", names(&reach_zero)),
            );
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
        if rows.iter().any(|r| answers(r) && !unsynchronised(r)) && !selected {
            if orphan_root(rows) {
                out.push(Finding::new(Rule::OrphanRoot));
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
    let upstreams = rows.iter().filter(|r| !mode(r, "#")).count();
    if upstreams == 1 {
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

/// The rule of explain: every value marked warn or bad is accounted for by
/// a finding (one of the rules its reason names). What the diagnoses above
/// did not already say is added here, naming the sources it concerns.
fn account_for_every_flag(e: &mut Explained) {
    struct Flag {
        reason: Reason,
        status: Status,
        source: Option<String>,
        raw: String,
    }
    let mut flagged: Vec<Flag> = Vec::new();
    let mut note = |x: &Field, source: Option<String>| {
        if matches!(x.status, Status::Warn | Status::Bad)
            && let Some(r) = &x.reason
        {
            flagged.push(Flag {
                reason: r.clone(),
                status: x.status,
                source,
                raw: x.raw.trim().to_string(),
            });
        }
    };
    // A report of one source (ntpdata's one block) names it in its fields.
    let own = row_name(&e.fields);
    for x in &e.fields {
        note(x, own.clone());
    }
    for row in &e.rows {
        let name = row_name(row);
        for x in row {
            note(x, name.clone());
        }
    }
    // Findings whose severity is the size of the value (offsets): the bad
    // values first, and a smaller value is not listed under a larger one's
    // bad finding (a 10 ms row under "offsets are large (250 ms)").
    flagged.sort_by_key(|f| f.status != Status::Bad);
    for flag in flagged {
        let rules = flag.reason.id.rules();
        let Some(first) = rules.first() else { continue };
        let why = flag.reason.id.id();
        let same_reason = |f: &Finding| {
            !f.rule.quotes_reason() || f.args.iter().any(|(k, v)| *k == "why" && v == why)
        };
        let at = match e.findings.iter().position(|f| {
            rules.contains(&f.rule)
                && same_reason(f)
                && (!f.rule.follows_value() || f.severity == flag.status)
        }) {
            Some(i) => i,
            None => {
                let mut f = Finding::new(*first);
                // The values its text may quote: the reason's own first.
                f.args = flag.reason.args.clone();
                if first.quotes_reason() {
                    f.args.push(("why", why.to_string()));
                }
                if !f.args.iter().any(|(k, _)| *k == "value") {
                    f.args.push(("value", flag.raw.clone()));
                }
                f.args.push(("sources", String::new()));
                f.args.push(("count", "0".into()));
                if first.follows_value() {
                    f.severity = flag.status;
                }
                e.findings.push(f);
                e.findings.len() - 1
            }
        };
        let f = &mut e.findings[at];
        add_source(f, flag.source.as_deref());
        if f.rule.follows_value() && flag.status == Status::Bad {
            f.severity = Status::Bad;
        }
    }
}

/// Adds a source to a finding's `sources` list (and its `count`).
fn add_source(f: &mut Finding, source: Option<&str>) {
    let Some(s) = source.filter(|s| !s.is_empty()) else {
        return;
    };
    let list = f.args.iter_mut().find(|(k, _)| *k == "sources");
    match list {
        Some((_, v)) if v.split(", ").any(|x| x == s) => return,
        Some((_, v)) if v.is_empty() => *v = s.to_string(),
        Some((_, v)) => *v = format!("{v}, {s}"),
        None => f.args.push(("sources", s.to_string())),
    }
    let n = f
        .args
        .iter()
        .find(|(k, _)| *k == "sources")
        .map_or(0, |(_, v)| v.split(", ").count());
    match f.args.iter_mut().find(|(k, _)| *k == "count") {
        Some((_, c)) => *c = n.to_string(),
        None => f.args.push(("count", n.to_string())),
    }
}
