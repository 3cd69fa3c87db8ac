//! selectdata's findings: sources `require` holds back, minsources waiting, nothing selected,
//! a selected source no longer measured.

use super::super::checks::set;
use super::super::field::{FieldId as F, SelectState, Value};
use super::super::judge::{selectable, value};
use super::super::model::{Explained, Field, field};
use super::super::verdict::{Finding, Reason, Rule, Status, Why};
use super::names::row_name;

/// selectdata: sources with `require` in effect (EOpts R) of which none is
/// selectable hold every other source back (chronyc(1): "W - waits for
/// other sources to be selectable (required by the minsources directive,
/// or the require option of another source)"; chrony.conf(5),
/// authselectmode mix, the default: "all authenticated NTP sources and
/// reference clocks will get the require and trust options").
pub(super) fn required(e: &Explained, out: &mut Vec<Finding>) {
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

/// selectdata where no source is `*` or `+` (chronyc(1): "The following
/// states indicate the source is used for synchronisation of the local
/// clock: + … *"): the clock follows nothing now. Said once, with the
/// configured limit when every source is over it (`d`: "has a root
/// distance larger than the maximum distance (configured by the
/// maxdistance directive)"). The findings above already say it for
/// falsetickers, `require` and minsources.
pub(super) fn nothing_selected(e: &Explained, out: &mut Vec<Finding>) {
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

/// Older than chrony's shortest default polling interval (minpoll 6, 64 s):
/// a source measured longer ago polls slowly or no longer answers.
const SELECTED_LAST_MIN: f64 = 64.0;
/// How many times older than every other selectable source's the selected
/// one's last measurement is before it is worth saying: sources of one
/// configuration mostly poll alike, so their Last values spread over one
/// polling interval.
const SELECTED_LAST_RATIO: f64 = 4.0;

/// selectdata: the `*` source's Last ("how long ago was the last
/// measurement of the source made when the selection was performed",
/// chronyc(1)) far older than every other selectable source's. chronyd
/// keeps an unreachable source selected while its newest sample is not
/// older than the oldest sample of the reachable ones (sources.c), and
/// `prefer` (option P) leaves the others only `P`: the clock gets no new
/// measurement. selectdata shows no polling interval, so the text names
/// the one case that is normal (a source polled that rarely).
pub(super) fn selected_stale(rows: &mut [Vec<Field>], out: &mut Vec<Finding>) {
    let state = |r: &[Field]| match value(r, F::SelectState) {
        Value::Select(s) => Some(s),
        _ => None,
    };
    let last = |r: &[Field]| value(r, F::LastSample).seconds();
    let Some(at) = rows
        .iter()
        .position(|r| state(r) == Some(SelectState::Best))
    else {
        return;
    };
    let Some(old) = last(&rows[at]).filter(|s| *s > SELECTED_LAST_MIN) else {
        return;
    };
    // The other sources chronyd could use, freshest first.
    let mut others: Vec<(f64, String)> = rows
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            *i != at && state(r).is_some_and(|s| selectable(s) || s == SelectState::OtherPreferred)
        })
        .filter_map(|(_, r)| Some((last(r)?, row_name(r)?)))
        .collect();
    others.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (Some((fresh, name)), Some(newest_of_all)) =
        (others.first(), others.iter().map(|o| o.0).reduce(f64::max))
    else {
        return;
    };
    if old <= SELECTED_LAST_RATIO * newest_of_all {
        return;
    }
    let row = &mut rows[at];
    let prefer = field(row, F::ConfOptions).is_some_and(|x| x.raw.contains('P'));
    let source = row_name(row).unwrap_or_default();
    out.push(
        Finding::new(Rule::SelectedStale)
            .arg("sources", source)
            .arg("count", 1)
            .arg("last", format!("{old:.0} s"))
            .arg("other", name.clone())
            .arg("other_last", format!("{fresh:.0} s"))
            .arg("prefer", if prefer { "yes" } else { "no" }),
    );
    if let Some(f) = row.iter_mut().find(|x| x.name == F::LastSample) {
        set(f, Status::Warn, Reason::new(Why::SelectLastOld));
    }
}
