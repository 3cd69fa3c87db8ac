//! What one report says about another's rows: a `?` source explained by
//! selectdata's state letter, or by ntpdata's counters and tests, when the
//! paste (or the live snapshot) has them. chronyc(1), sources: "The
//! selectdata command can be used to get more details about the selection
//! state"; ntpdata: "Total RX: The number of all packets received from the
//! source".

use super::field::SelectState;
use super::field::{FieldId as F, SourceAddr, Value};
use super::judge::{falseticker_offset, int, select_verdict};
use super::model::field;
use super::model::{Explained, Field, Kind};
use super::verdict::{Reason, Rule, Status, Why};
use crate::core::cmdmon::SourceState;

/// Which source a row is about: its address where the report has one (a
/// pool's addresses share a name), else the name as printed (ntpdata's
/// remote address without its refid).
#[derive(PartialEq)]
enum Key {
    Ip(std::net::IpAddr),
    Text(String),
}

fn key(row: &[Field]) -> Option<Key> {
    let f = field(row, F::Address).or_else(|| field(row, F::RemoteAddress))?;
    Some(match f.value {
        Value::Source(SourceAddr::Ip(ip)) => Key::Ip(ip),
        _ => Key::Text(f.raw.split_whitespace().next()?.to_string()),
    })
}

fn unusable(row: &[Field]) -> bool {
    field(row, F::State).is_some_and(|f| f.value == Value::State(SourceState::Unusable))
        && field(row, F::Address).is_none_or(|f| f.value != Value::Source(SourceAddr::Unresolved))
}

fn set(row: &mut [Field], name: F, status: Status, why: Why) {
    if let Some(f) = row.iter_mut().find(|f| f.name == name) {
        f.status = status;
        f.reason = Some(Reason::new(why));
    }
}

/// A `?` source that answers takes its cause from its selectdata row.
/// Returns which rows it explained.
pub(super) fn causes_from_selectdata(sources: &mut Explained, select: &Explained) -> Vec<bool> {
    let mut explained = vec![false; sources.rows.len()];
    for (i, row) in sources.rows.iter_mut().enumerate() {
        let answers =
            matches!(field(row, F::Reach).map(|f| f.value), Some(Value::Reach(r)) if r != 0);
        if !unusable(row) || !answers {
            continue;
        }
        let Some(state) = key(row).and_then(|k| {
            select
                .rows
                .iter()
                .find(|r| key(r).as_ref() == Some(&k))
                .and_then(|r| match field(r, F::SelectState)?.value {
                    Value::Select(s) => Some(s),
                    _ => None,
                })
        }) else {
            continue;
        };
        let (status, why) = select_verdict(state);
        // Unusable is never "ok", whatever the letter's own verdict.
        let status = if status == Status::Ok {
            Status::Warn
        } else {
            status
        };
        set(row, F::State, status, why);
        explained[i] = true;
    }
    explained
}

/// A `?` source whose ntpdata shows answers (Total RX) although its reach
/// register is empty: chronyd counts in the register only the answers it
/// can use, so the cause is in the NTP tests, not the network.
fn causes_from_ntpdata(sources: &mut Explained, ntpdata: &Explained, explained: &[bool]) {
    let blocks: Vec<&Vec<Field>> = if ntpdata.rows.is_empty() {
        vec![&ntpdata.fields]
    } else {
        ntpdata.rows.iter().collect()
    };
    // One source and one ntpdata block are the same source, however each
    // names it (chronyc resolves names for sources, ntpdata prints IPs).
    let single = sources.rows.len() == 1 && blocks.len() == 1;
    for (i, row) in sources.rows.iter_mut().enumerate() {
        // The same facts as the sources block alone (judge_source_row):
        // the tests are the cause only of a row with no good sample (LastRx
        // `-`, or reach 0), and never of one selectdata already explained
        // (a `noselect` source answers and is sampled, then left out).
        let sampled = field(row, F::LastRx).is_some_and(|f| f.value != Value::Never)
            && !matches!(field(row, F::Reach).map(|f| f.value), Some(Value::Reach(0)));
        if !unusable(row) || sampled || explained.get(i).copied().unwrap_or(false) {
            continue;
        }
        let k = key(row);
        let Some(data) = blocks
            .iter()
            .find(|b| single || (k.is_some() && key(b) == k))
        else {
            continue;
        };
        if int(data, F::TotalRx).unwrap_or(0) == 0 {
            continue;
        }
        // The tests' own verdict (judge_ntpdata): authentication, an
        // unsynchronised server, a loop.
        let why = field(data, F::NtpTests)
            .and_then(|f| f.reason.as_ref())
            .map(|r| r.id)
            .filter(|w| *w != Why::TestsPassed)
            .unwrap_or(Why::AnswersUnusable);
        set(row, F::State, Status::Warn, why);
        for name in [F::Reach, F::LastRx] {
            if field(row, name).is_some_and(|f| f.status == Status::Bad) {
                set(row, name, Status::Warn, Why::AnswersUnusable);
            }
        }
    }
}

/// What selectdata concluded about the whole selection, when it found
/// the cause: minsources, sources with `require`, or all falsetickers.
fn selection_cause(select: &Explained) -> Option<Rule> {
    select.findings.iter().map(|f| f.rule).find(|r| {
        matches!(
            r,
            Rule::MinsourcesWaiting | Rule::RequiredNotSelectable | Rule::AllFalsetickers
        )
    })
}

/// One verdict for the paste: when selectdata knows why nothing is
/// selected, tracking's "not synchronised" and sources' "none is selected"
/// say that cause (arg `cause`, texts `finding-<rule>-by-<cause>`) instead
/// of their general guesses (UDP 123, DNS, maxdistance…), which the
/// richer report contradicts.
pub(super) fn selection_verdict<'a>(parts: impl IntoIterator<Item = &'a mut Explained>) {
    let mut parts: Vec<&mut Explained> = parts.into_iter().collect();
    let Some(cause) = parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycSelectdata)
        .find_map(|e| selection_cause(e))
    else {
        return;
    };
    for e in parts.iter_mut() {
        let rule = match e.kind {
            Kind::ChronycTracking => Rule::NotSynchronised,
            Kind::ChronycSources => Rule::NoneSelected,
            _ => continue,
        };
        for f in e.findings.iter_mut().filter(|f| f.rule == rule) {
            if !f.args.iter().any(|(k, _)| *k == "cause") {
                f.args.push(("cause", cause.id().to_string()));
            }
        }
    }
}

/// Several reports pasted together: each `sources` report told what the
/// others say of its rows, its findings then made again.
pub(super) fn reference(mut parts: Vec<Explained>) -> Vec<Explained> {
    let find = |parts: &[Explained], k: Kind| parts.iter().position(|e| e.kind == k);
    if let Some(s) = find(&parts, Kind::ChronycSources) {
        let mut sources = parts[s].clone();
        let mut explained = Vec::new();
        if let Some(i) = find(&parts, Kind::ChronycSelectdata) {
            explained = causes_from_selectdata(&mut sources, &parts[i]);
        }
        // ntpdata of several sources: one block (one part) each.
        let blocks: Vec<Vec<Field>> = parts
            .iter()
            .filter(|e| e.kind == Kind::ChronycNtpdata)
            .flat_map(|e| {
                if e.rows.is_empty() {
                    vec![e.fields.clone()]
                } else {
                    e.rows.clone()
                }
            })
            .collect();
        if let Some(i) = find(&parts, Kind::ChronycNtpdata) {
            let ntpdata = Explained {
                fields: Vec::new(),
                rows: blocks,
                ..parts[i].clone()
            };
            causes_from_ntpdata(&mut sources, &ntpdata, &explained);
        }
        if sources != parts[s] {
            super::diagnose::diagnose(&mut sources);
            parts[s] = sources;
        }
    }
    falseticker_ntpdata(&mut parts);
    selection_verdict(parts.iter_mut());
    offline_verdict(&mut parts);
    some_offline_verdict(&mut parts);
    local_fallback(&mut parts);
    parts
}

/// A server on its `local` clock while the sources report of the same
/// paste says none of its configured upstreams answers: the local clock is
/// the fallback for a dead upstream, not an isolated lab's choice, so
/// tracking says so (a warning) instead of calling it fine.
fn local_fallback(parts: &mut [Explained]) {
    let silent = parts.iter().any(|e| {
        e.kind == Kind::ChronycSources
            && e.findings
                .iter()
                .any(|f| f.rule == Rule::NoUpstreamReachable)
    });
    if !silent {
        return;
    }
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycTracking) {
        for f in e
            .findings
            .iter_mut()
            .filter(|f| f.rule == Rule::ServingLocalClock)
        {
            f.severity = Status::Warn;
            if !f.args.iter().any(|(k, _)| *k == "cause") {
                f.args.push(("cause", "upstreams-silent".into()));
            }
        }
    }
}

/// `chronyc activity` earlier in the paste says no source is polled
/// (chronyc(1), activity: offline sources are those from which "no
/// measurements … will be attempted"): the reach-0 and stale rows after it
/// say that cause (`finding-<rule>-by-all-sources-offline`) instead of a
/// firewall or a stopped server. A later activity report replaces the
/// earlier one's word: `chronyc online` may have come between.
fn offline_verdict(parts: &mut [Explained]) {
    let mut offline = false;
    for e in parts.iter_mut() {
        let rules: &[Rule] = match e.kind {
            Kind::ChronycActivity => {
                offline = e.findings.iter().any(|f| f.rule == Rule::AllSourcesOffline);
                continue;
            }
            Kind::ChronycSources => &[
                Rule::NoUpstreamReachable,
                Rule::SomeUnreachable,
                Rule::NeverAnswered,
                Rule::SourceStale,
            ],
            Kind::ChronycTracking => &[Rule::NotSynchronised],
            _ => continue,
        };
        if !offline {
            continue;
        }
        for f in e.findings.iter_mut().filter(|f| rules.contains(&f.rule)) {
            // Offline explains sources that stopped answering too: the
            // report alone could only say they stopped.
            f.args.retain(|(k, v)| {
                !(*k == "cause" && matches!(v.as_str(), "stopped" | "some-stopped"))
            });
            if !f.args.iter().any(|(k, _)| *k == "cause") {
                f.args
                    .push(("cause", Rule::AllSourcesOffline.id().to_string()));
            }
        }
    }
}

/// `chronyc activity` in the paste counts N sources offline, some still
/// polled, and sources shows exactly N that never answered (reach 0,
/// LastRx `-`): chronyd sent those no request (chronyc(1), activity:
/// offline sources are ones from which "no measurements … will be
/// attempted"), so "never answered" names that cause first
/// (`finding-<rule>-by-sources-offline`), as a `noselect` source is told by
/// selectdata, instead of the server's allow lines and a firewall. The
/// activity report nearest before the sources report counts (a later
/// `chronyc online` changes it), else the first after it.
fn some_offline_verdict(parts: &mut [Explained]) {
    let offline_count = |e: &Explained| {
        e.findings
            .iter()
            .find(|f| f.rule == Rule::SourcesOffline)
            .and_then(|f| f.args.iter().find(|(k, _)| *k == "count"))
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0)
    };
    for s in 0..parts.len() {
        if parts[s].kind != Kind::ChronycSources {
            continue;
        }
        let before = parts[..s]
            .iter()
            .rev()
            .find(|e| e.kind == Kind::ChronycActivity);
        let after = || {
            parts[s + 1..]
                .iter()
                .find(|e| e.kind == Kind::ChronycActivity)
        };
        let Some(activity) = before.or_else(after) else {
            continue;
        };
        let offline = offline_count(activity);
        let never = parts[s]
            .rows
            .iter()
            .filter(|r| {
                matches!(field(r, F::Reach).map(|f| f.value), Some(Value::Reach(0)))
                    && field(r, F::LastRx).is_some_and(|f| f.value == Value::Never)
            })
            .count();
        if offline == 0 || never != offline {
            continue;
        }
        for f in parts[s]
            .findings
            .iter_mut()
            .filter(|f| matches!(f.rule, Rule::SomeUnreachable | Rule::NeverAnswered))
            .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
        {
            f.args
                .push(("cause", Rule::SourcesOffline.id().to_string()));
        }
    }
}

/// ntpdata of a source that sources (`x`) or selectdata (`x`) in the same
/// paste call a falseticker: its offset is that source's disagreement with
/// the others (chronyc(1), sources: "its time is inconsistent with a
/// majority of other sources"), not this clock's error.
fn falseticker_ntpdata(parts: &mut [Explained]) {
    let falsetickers: Vec<Key> = parts
        .iter()
        .filter(|e| matches!(e.kind, Kind::ChronycSources | Kind::ChronycSelectdata))
        .flat_map(|e| &e.rows)
        .filter(|r| {
            field(r, F::State).is_some_and(|f| f.value == Value::State(SourceState::Falseticker))
                || field(r, F::SelectState)
                    .is_some_and(|f| f.value == Value::Select(SelectState::Falseticker))
        })
        .filter_map(|r| key(r))
        .collect();
    if falsetickers.is_empty() {
        return;
    }
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycNtpdata) {
        let before = e.clone();
        if key(&e.fields).is_some_and(|k| falsetickers.contains(&k)) {
            falseticker_offset(&mut e.fields);
        }
        for row in &mut e.rows {
            if key(row).is_some_and(|k| falsetickers.contains(&k)) {
                falseticker_offset(row);
            }
        }
        if *e != before {
            super::diagnose::diagnose(e);
        }
    }
}

/// Every upstream of the paste silent: sources shows reach 0 everywhere
/// with no cause of its own (not stopped, not offline, no key in authdata),
/// or, without a sources report, every ntpdata block sent requests and
/// received none (chronyc(1), ntpdata: "Total RX: The number of all packets
/// received from the source"). Tracking's "not synchronised" then names
/// the causes those blocks give — the server's `allow`/`deny` first, a key,
/// then the network (`finding-not-synchronised-by-no-answer`) — instead of
/// its general guesses (DNS, `-4`), which a paste of reach-0 sources with
/// resolved addresses contradicts.
pub(super) fn silent_upstreams(parts: &mut [&mut Explained]) {
    let uncaused = |f: &&super::verdict::Finding| !f.args.iter().any(|(k, _)| *k == "cause");
    let sources_arg = |f: &super::verdict::Finding| {
        f.args
            .iter()
            .find(|(k, _)| *k == "sources")
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let has_sources = parts.iter().any(|e| e.kind == Kind::ChronycSources);
    // ntpdata blocks that sent requests and received nothing: only then
    // may the text say so (chronyc(1), ntpdata: "Total RX"). Reach 0 in
    // sources alone does not tell a silent server from one that answers
    // unsynchronised (chronyd does not count such answers in reach).
    let rx_zero = {
        let blocks: Vec<&Vec<Field>> = parts
            .iter()
            .filter(|e| e.kind == Kind::ChronycNtpdata)
            .flat_map(|e| {
                if e.rows.is_empty() {
                    vec![&e.fields]
                } else {
                    e.rows.iter().collect()
                }
            })
            .collect();
        !blocks.is_empty()
            && blocks
                .iter()
                .all(|b| int(b, F::TotalTx).unwrap_or(0) > 0 && int(b, F::TotalRx) == Some(0))
    };
    let cause = if has_sources && !rx_zero {
        "no-answer-sources"
    } else {
        "no-answer"
    };
    let silent: Option<Vec<String>> = if has_sources {
        parts
            .iter()
            .filter(|e| e.kind == Kind::ChronycSources)
            .flat_map(|e| &e.findings)
            .filter(uncaused)
            .find(|f| f.rule == Rule::NoUpstreamReachable)
            .map(|f| vec![sources_arg(f)])
    } else {
        rx_zero.then(|| {
            parts
                .iter()
                .filter(|e| e.kind == Kind::ChronycNtpdata)
                .flat_map(|e| &e.findings)
                .filter(|f| f.rule == Rule::NeverAnswered)
                .map(sources_arg)
                .collect()
        })
    };
    let Some(names) = silent else {
        return;
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycTracking) {
        for f in e
            .findings
            .iter_mut()
            .filter(|f| f.rule == Rule::NotSynchronised)
            .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
        {
            f.args.retain(|(k, _)| *k != "sources");
            f.args.push(("cause", cause.into()));
            if !names.is_empty() {
                f.args.push(("sources", names.join(", ")));
            }
        }
    }
}
