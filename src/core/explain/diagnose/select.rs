//! selectdata's findings: sources `require` holds back, minsources waiting, nothing selected.

use super::super::field::{FieldId as F, SelectState, Value};
use super::super::judge::{selectable, value};
use super::super::model::{Explained, Field, field};
use super::super::verdict::{Finding, Rule};
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
