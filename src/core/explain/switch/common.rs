//! What the switch readers share: the verdict on one value, a table under
//! its header, a value after its key. A file of its own so that cisco.rs
//! and vrp.rs use it without importing their parent.

use super::super::checks::*;
use super::super::field::FieldId as F;
use super::super::model::Field;

pub(super) fn judge(f: &mut Field) {
    match f.name {
        F::ClockStatus => check_switch_status(f),
        F::Status => check_switch_status(f),
        F::Stratum => check_stratum(f),
        F::Tally => check_cisco_tally(f),
        F::Reach => check_reach(f),
        F::Reference => check_refid(f),
        F::Leap => check_leap(f),
        _ => {}
    }
}

pub(super) fn table<'a>(lines: &[&'a str], header: impl Fn(&str) -> bool) -> Option<Vec<&'a str>> {
    let h = lines.iter().position(|l| header(l))?;
    Some(
        lines[h + 1..]
            .iter()
            .copied()
            .filter(|l| {
                !l.trim_start().starts_with('-') && !l.trim_start().starts_with('*')
                    || l.starts_with('*')
            })
            .collect(),
    )
}

/// The value after `key` in `... key VALUE, ...` (up to a comma).
pub(super) fn after<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let at = line.find(key)? + key.len();
    let v = line[at..].trim_start();
    let end = v.find(',').unwrap_or(v.len());
    Some(v[..end].trim()).filter(|v| !v.is_empty())
}
