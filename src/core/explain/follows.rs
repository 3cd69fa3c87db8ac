//! Whether the clock follows what tracking says, read against the reports
//! pasted with it and chronyd's own log lines. chronyc(1), tracking:
//! Reference ID is "the server to which the computer is currently
//! synchronised"; sources: `*` is "the best source which is currently
//! selected for synchronisation", Reach 0 none of the last eight polls
//! answered. Two facts of one paste that disagree are one finding, said
//! once:
//! - tracking not synchronised while a source is selected and answers:
//!   chronyd measures it and does not apply the correction (`maxchange`,
//!   whose log line the paste may carry), so the network is not the cause;
//! - tracking naming a reference the sources show unreachable or no longer
//!   list: the clock runs on its last estimate.

use std::net::{IpAddr, Ipv4Addr};

use super::chronyd_log::{ClockControl, ControlFailure, Ignored, Log};
use super::diagnose::{reference_name, row_name};
use super::field::{AuthMode, FieldId as F, Leap, SelectState, SourceAddr, Value};
use super::keyed::reach;
use super::model::{Explained, Family, Field, Kind, field};
use super::verdict::{Finding, Reason, Rule, Status, Why};
use crate::core::cmdmon::{LOCAL_REFID, SourceState};

/// Each tracking report of the paste against the sources (and
/// selectdata) nearest to it, and chronyd's `maxchange` and clock-control
/// log lines.
pub(super) fn apply(parts: &mut [&mut Explained], log: &Log) {
    let ignored = log.ignored.as_ref();
    if let Some(c) = &log.control {
        step_failed(parts, c);
    }
    let nts_keys_missing = log.nts_ke_failed || nts_without_keys(parts);
    nts_rows_without_keys(parts);
    let mut said_ignored = false;
    for t in 0..parts.len() {
        if parts[t].kind != Kind::ChronycTracking {
            continue;
        }
        let sources = nearest(parts, t, Kind::ChronycSources);
        let select = nearest(parts, t, Kind::ChronycSelectdata);
        let selected = selected_source(sources.map(|i| &*parts[i]), select.map(|i| &*parts[i]));
        said_ignored |= not_following(&mut *parts[t], selected.as_deref(), ignored);
        if selected.is_none()
            && ignored.is_none()
            && let Some(i) = sources
        {
            let (tracking, sources) = pair(parts, t, i);
            none_selected(tracking, sources, log.no_required, nts_keys_missing);
        }
        let removed = sources.and_then(|i| {
            let (tracking, sources) = pair(parts, t, i);
            reference_lost(tracking, sources)
        });
        // The other tables pasted empty with it (sourcestats, selectdata,
        // authdata list no source either): the same word as sources'.
        if let Some(name) = removed {
            for e in parts.iter_mut().filter(|e| e.rows.is_empty()) {
                reference_removed(e, &name);
            }
        }
    }
    super::keyed::key_first(parts);
    if let Some((cause, sources, key)) = super::keyed::answered_cause(parts) {
        for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycTracking) {
            for f in e
                .findings
                .iter_mut()
                .filter(|f| f.rule == Rule::NotSynchronised)
                .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
            {
                f.args.push(("cause", cause.into()));
                f.args.push(("sources", sources.clone()));
                f.args.push(("key", key.clone()));
            }
        }
    }
    super::cross::silent_upstreams(parts);
    for s in 0..parts.len() {
        if parts[s].kind != Kind::ChronycSourcestats {
            continue;
        }
        if let Some(i) = nearest(parts, s, Kind::ChronycSources) {
            let (stats, sources) = pair(parts, s, i);
            stale_statistics(stats, sources);
        }
    }
    // The log line with no unsynchronised tracking to explain (the clock
    // was synchronised before, or tracking is not in the paste): its own
    // finding, on tracking or else the first report of chronyd's.
    if let Some(ig) = ignored.filter(|_| !said_ignored) {
        let at = parts
            .iter()
            .position(|e| e.kind == Kind::ChronycTracking)
            .or_else(|| parts.iter().position(|e| e.kind.family() == Family::Chrony));
        if let Some(at) = at {
            parts[at].findings.push(
                Finding::new(Rule::CorrectionIgnored)
                    .arg("adjustment", &ig.adjustment)
                    .arg("maximum", &ig.maximum)
                    .arg("action", if ig.exiting { "exiting" } else { "ignored" }),
            );
        }
    }
}

/// chronyd's log says it could not step (or adjust) the clock: said once,
/// on tracking or else the first report of chronyd's, and tracking's
/// offsets say that the step they would ask for is the one that failed
/// (`finding-<rule>-by-step-failed`), never "add makestep".
fn step_failed(parts: &mut [&mut Explained], c: &ClockControl) {
    let mut finding = Finding::new(Rule::ClockStepFailed)
        .arg("control", c.cause.id())
        .arg("wrong", c.wrong_by.as_deref().unwrap_or("none"));
    finding = match &c.failure {
        ControlFailure::Step(n) => finding.arg("failure", "step").arg("count", *n),
        ControlFailure::Adjust { call, error } => finding
            .arg("failure", "adjust")
            .arg("call", call)
            .arg("error", error),
    };
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycTracking) {
        for f in e.findings.iter_mut().filter(|f| {
            matches!(
                f.rule,
                Rule::ClockBehind | Rule::ClockAhead | Rule::SourceOffsetLarge
            )
        }) {
            f.args.retain(|(k, _)| *k != "cause");
            f.args.push(("cause", "step-failed".into()));
        }
    }
    let at = parts
        .iter()
        .position(|e| e.kind == Kind::ChronycTracking)
        .or_else(|| parts.iter().position(|e| e.kind.family() == Family::Chrony));
    if let Some(at) = at {
        parts[at].findings.insert(0, finding);
    }
}

/// authdata of the paste shows an NTS source with no keys: no cookie (or
/// key length 0) — chronyc(1), authdata: KLen "the length of the key in
/// bits", Cook "the number of cookies currently held" — so its key
/// establishment has not succeeded and it sends no NTP request.
fn nts_without_keys(parts: &[&mut Explained]) -> bool {
    parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycAuthdata)
        .flat_map(|e| &e.rows)
        .any(|r| {
            field(r, F::AuthMode).is_some_and(|f| f.value == Value::Auth(AuthMode::Nts))
                && [F::Cookies, F::KeyLength]
                    .iter()
                    .any(|n| matches!(field(r, *n).map(|f| f.value), Some(Value::Int(0))))
        })
}

/// A `sources` row that never answered whose authdata in the same paste
/// shows NTS without keys: its cause is key establishment, first — without
/// cookies chronyd sends it no NTP request, so no firewall on UDP 123 or
/// missing `allow` explains its reach 0.
fn nts_rows_without_keys(parts: &mut [&mut Explained]) {
    let keyless: Vec<Vec<Field>> = parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycAuthdata)
        .flat_map(|e| e.rows.iter())
        .filter(|r| {
            field(r, F::AuthMode).is_some_and(|f| f.value == Value::Auth(AuthMode::Nts))
                && matches!(field(r, F::Cookies).map(|f| f.value), Some(Value::Int(0)))
        })
        .cloned()
        .collect();
    if keyless.is_empty() {
        return;
    }
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycSources) {
        let mut changed = false;
        for row in &mut e.rows {
            if reach(row) != Some(0) || !keyless.iter().any(|k| same_source(row, k)) {
                continue;
            }
            // chronyd's own NTS-KE line, when pasted, is the more precise cause.
            if field(row, F::Reach)
                .and_then(|f| f.reason.as_ref())
                .is_some_and(|r| r.id == Why::NtsKeConnectFailed)
            {
                continue;
            }
            for f in row
                .iter_mut()
                .filter(|f| matches!(f.name, F::Reach | F::LastRx | F::State))
            {
                f.status = Status::Bad;
                f.reason = Some(Reason::new(Why::NtsNoCookies));
            }
            changed = true;
        }
        if changed {
            super::diagnose::diagnose(e);
        }
    }
}

/// tracking not synchronised while the sources pasted with it answer and
/// none is selected: the network is not the cause, the selection is. Said
/// with the cause the paste shows — an NTS source without keys under the
/// default authselectmode mix (chrony.conf(5): authenticated sources "get
/// the require and trust options"), or chronyd's "no required source"
/// line — on tracking and on the sources' "none is selected" both.
fn none_selected(
    tracking: &mut Explained,
    sources: &mut Explained,
    no_required: bool,
    nts_keys_missing: bool,
) {
    let answers = sources
        .rows
        .iter()
        .any(|r| reach(r).is_some_and(|n| n != 0));
    let none = sources
        .findings
        .iter()
        .any(|f| f.rule == Rule::NoneSelected);
    // Every source that answers marked `x`: the sources' own finding says
    // so (chronyc(1): "inconsistent with a majority of other sources").
    let all_x = sources
        .findings
        .iter()
        .any(|f| f.rule == Rule::AllFalsetickers);
    if !answers || !(none || all_x) {
        return;
    }
    let cause = if all_x {
        Rule::AllFalsetickers.id()
    } else if nts_keys_missing {
        "nts-keys-missing"
    } else if no_required {
        Rule::RequiredNotSelectable.id()
    } else {
        "sources-answer"
    };
    for f in tracking
        .findings
        .iter_mut()
        .filter(|f| f.rule == Rule::NotSynchronised)
        .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
    {
        f.args.push(("cause", cause.into()));
    }
    if cause == "sources-answer" {
        return;
    }
    for f in sources
        .findings
        .iter_mut()
        .filter(|f| f.rule == Rule::NoneSelected)
        .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
    {
        f.args.push(("cause", cause.into()));
    }
}

/// The part of `kind` nearest after `t` (a tracking's sources follow it,
/// as in `chronyc tracking sources`), else nearest before.
fn nearest(parts: &[&mut Explained], t: usize, kind: Kind) -> Option<usize> {
    (t + 1..parts.len())
        .find(|i| parts[*i].kind == kind)
        .or_else(|| (0..t).rev().find(|i| parts[*i].kind == kind))
}

/// Two distinct parts, mutably.
fn pair<'a>(
    parts: &'a mut [&mut Explained],
    a: usize,
    b: usize,
) -> (&'a mut Explained, &'a mut Explained) {
    if a < b {
        let (x, y) = parts.split_at_mut(b);
        (&mut *x[a], &mut *y[0])
    } else {
        let (x, y) = parts.split_at_mut(a);
        (&mut *y[0], &mut *x[b])
    }
}

/// The source chronyd has selected and hears from: a `*` row of sources
/// with a reach, or selectdata's `*` (selected, so it has samples).
fn selected_source(sources: Option<&Explained>, select: Option<&Explained>) -> Option<String> {
    let from_sources = sources.and_then(|s| {
        s.rows
            .iter()
            .find(|r| {
                field(r, F::State).is_some_and(|f| f.value == Value::State(SourceState::Selected))
                    && matches!(field(r, F::Reach).map(|f| f.value), Some(Value::Reach(n)) if n != 0)
            })
            .and_then(|r| row_name(r))
    });
    from_sources.or_else(|| {
        select.and_then(|s| {
            s.rows
                .iter()
                .find(|r| {
                    field(r, F::SelectState)
                        .is_some_and(|f| f.value == Value::Select(SelectState::Best))
                })
                .and_then(|r| row_name(r))
        })
    })
}

/// tracking's "not synchronised" with its cause when the paste shows one
/// (a selected source that answers; chronyd's maxchange message); none
/// already given by another report (selectdata's) is replaced. Returns
/// whether it said the maxchange message.
fn not_following(tracking: &mut Explained, selected: Option<&str>, ig: Option<&Ignored>) -> bool {
    let Some(f) = tracking
        .findings
        .iter_mut()
        .find(|f| f.rule == Rule::NotSynchronised)
    else {
        return false;
    };
    if f.args.iter().any(|(k, _)| *k == "cause") {
        return false;
    }
    let source = selected.filter(|s| !s.is_empty()).unwrap_or("none");
    match ig {
        Some(ig) => {
            f.args.push(("cause", "maxchange".into()));
            f.args.push(("adjustment", ig.adjustment.clone()));
            f.args.push(("maximum", ig.maximum.clone()));
            f.args.push(("source", source.into()));
            true
        }
        None if selected.is_some() => {
            f.args.push(("cause", "selected-source".into()));
            f.args.push(("source", source.into()));
            false
        }
        None => false,
    }
}

/// Whether a sources row is about tracking's reference: by address (an
/// IPv4 reference's ID is its address) or by the name both print.
fn is_reference(row: &[Field], refid: u32, name: &str) -> bool {
    let Some(a) = field(row, F::Address) else {
        return false;
    };
    match a.value {
        Value::Source(SourceAddr::Ip(IpAddr::V4(ip))) if ip == Ipv4Addr::from(refid) => true,
        _ => !name.is_empty() && a.raw.trim() == name,
    }
}

/// Whether two rows of different reports are about one source: the same
/// address, or the same name as printed.
fn same_source(a: &[Field], b: &[Field]) -> bool {
    match (field(a, F::Address), field(b, F::Address)) {
        (Some(x), Some(y)) => match (x.value, y.value) {
            (Value::Source(SourceAddr::Ip(p)), Value::Source(SourceAddr::Ip(q))) => p == q,
            _ => x.raw.trim() == y.raw.trim(),
        },
        _ => false,
    }
}

/// sourcestats of sources that the sources of the same paste show silent
/// (reach 0): chronyc(1), sourcestats "displays information about the
/// drift rate and offset estimation process" from the samples kept, and a
/// silent source adds none, so its values are from before it stopped.
/// Said, so that its quiet figures are not read as a healthy source.
fn stale_statistics(stats: &mut Explained, sources: &Explained) {
    let silent: Vec<String> = stats
        .rows
        .iter()
        .filter(|r| matches!(field(r, F::Samples).map(|f| f.value), Some(Value::Int(n)) if n > 0))
        .filter(|r| {
            sources
                .rows
                .iter()
                .any(|s| same_source(r, s) && reach(s) == Some(0))
        })
        .filter_map(|r| row_name(r))
        .collect();
    if !silent.is_empty() && !stats.cut {
        stats.findings.push(
            Finding::new(Rule::StatsStale)
                .arg("count", silent.len())
                .arg("sources", silent.join(", ")),
        );
    }
}

/// tracking synchronised to a reference that the sources of the same paste
/// show unreachable (reach 0), or no longer list: tracking's finding says
/// the clock runs on its last estimate, and the sources' findings do not
/// say it again, nor call the empty table a server on its own clock.
/// Returns the reference's name when the sources no longer list it.
fn reference_lost(tracking: &mut Explained, sources: &mut Explained) -> Option<String> {
    let Value::RefId(refid) = field(&tracking.fields, F::Refid).map_or(Value::Text, |f| f.value)
    else {
        return None;
    };
    let leap_ok = field(&tracking.fields, F::Leap)
        .is_none_or(|f| f.value != Value::Leap(Leap::Unsynchronised));
    if refid == 0 || refid == LOCAL_REFID || !leap_ok || sources.cut || tracking.cut {
        return None;
    }
    let name = reference_name(&tracking.fields).to_string();
    let rows = &sources.rows;
    let cause = match rows.iter().find(|r| is_reference(r, refid, &name)) {
        Some(r) if reach(r) == Some(0) => "unreachable",
        Some(_) => return None,
        None if rows.is_empty() => "removed",
        // Named otherwise (a reverse lookup against the configured name):
        // whichever row it is, every one is silent.
        None if rows.iter().all(|r| reach(r) == Some(0)) => "unreachable",
        None => return None,
    };
    let stratum = field(&tracking.fields, F::Stratum).map_or(String::new(), |f| f.raw.clone());
    let mut lost = Finding::new(Rule::ReferenceLost)
        .arg("sources", &name)
        .arg("stratum", stratum.trim());
    if cause == "removed" {
        lost = lost.arg("cause", "removed");
    }
    tracking.findings.push(lost);
    if cause == "removed" {
        return Some(name);
    }
    // "Meanwhile this clock runs on from its last estimate": tracking's
    // finding says it.
    for f in &mut sources.findings {
        if f.rule == Rule::NoUpstreamReachable {
            f.args.push(("estimate", "tracking".into()));
        }
    }
    None
}

/// An empty table's "No source is listed … a lab server on its own clock
/// looks like this": not with a reference in tracking, which was removed.
fn reference_removed(e: &mut Explained, name: &str) {
    for f in e
        .findings
        .iter_mut()
        .filter(|f| f.rule == Rule::NoSourcesOrLocal)
    {
        f.args.retain(|(k, _)| *k != "cause" && *k != "sources");
        f.args.push(("cause", "reference-removed".into()));
        f.args.push(("sources", name.to_string()));
    }
}
