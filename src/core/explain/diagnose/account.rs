//! Every value flagged warn or bad accounted for by a finding, naming the sources it concerns.

use super::super::model::{Explained, Field};
use super::super::verdict::{Finding, Reason, Rule, Status};
use super::names::row_name;

/// The rule of explain: every value marked warn or bad is accounted for by
/// a finding (one of the rules its reason names). What the diagnoses before it
/// did not already say is added here, naming the sources it concerns.
pub(super) fn account_for_every_flag(e: &mut Explained) {
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
        let mut created = false;
        let rejected = *first == Rule::SourceRejected;
        let silent_named = named_silent(&e.findings, flag.source.as_deref());
        let at = match e.findings.iter().position(|f| {
            rules.contains(&f.rule)
                // A rejected row joins "never answered" only when that
                // finding names it already (R38-2: one finding per cause).
                && (!rejected
                    || !matches!(f.rule, Rule::NeverAnswered | Rule::SomeUnreachable)
                    || silent_named)
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
                created = true;
                e.findings.len() - 1
            }
        };
        // One finding per cause: a server already named as never having
        // answered is not listed again as "not used: unreachable, …",
        // which says the same thing more vaguely (R38-2).
        if e.findings[at].rule == Rule::SourceRejected
            && named_silent(&e.findings, flag.source.as_deref())
        {
            if created {
                e.findings.remove(at);
            }
            continue;
        }
        let f = &mut e.findings[at];
        add_source(f, flag.source.as_deref());
        if f.rule.follows_value() && flag.status == Status::Bad {
            f.severity = Status::Bad;
        }
    }
}

/// Whether a finding already says this source never answered.
fn named_silent(findings: &[Finding], source: Option<&str>) -> bool {
    let Some(s) = source.filter(|s| !s.is_empty()) else {
        return false;
    };
    findings.iter().any(|f| {
        matches!(f.rule, Rule::NeverAnswered | Rule::SomeUnreachable)
            && f.args
                .iter()
                .any(|(k, v)| *k == "sources" && v.split(", ").any(|x| x == s))
    })
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
