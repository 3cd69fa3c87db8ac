//! ntpq's reports printed as `label: value` lines (sysinfo, kerninfo):
//! their values picked out by label, one reader for both.

use super::field::FieldId as F;

/// The values of an ntpq report printed as `label: value` lines under its
/// `associd=0 status=c012 leap_alarm, …` line (sysinfo, kerninfo): the
/// status word first, then each label `table` names, in the order
/// printed, each field once.
pub(crate) fn labelled_values<'a>(
    lines: &[&'a str],
    pairs: Vec<(String, &'a str)>,
    table: &[(&str, &'static str)],
) -> Vec<(&'static str, &'a str)> {
    let status = lines.iter().find_map(|l| {
        let at = l.find("status=")?;
        Some(l[at + "status=".len()..].trim().trim_end_matches(','))
    });
    let mut out: Vec<(&'static str, &'a str)> = Vec::new();
    for (k, v) in status
        .map(|s| ("status".to_string(), s))
        .into_iter()
        .chain(pairs)
    {
        let Some((_, name)) = table.iter().find(|(key, _)| *key == k) else {
            continue;
        };
        if !out.iter().any(|(n, _)| F::of(n) == F::of(name)) {
            out.push((*name, v));
        }
    }
    out
}
