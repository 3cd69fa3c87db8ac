//! Clock updates chronyd refuses from its start: `maxchange` checked from
//! the first update; a `makestep` limit that is not a whole count.
//!
//! reference.c (every release 4.0-4.9) `REF_SetReference` calls
//! `is_offset_ok` before `is_step_limit_reached`: an offset over the
//! maxchange limit is ignored (or ends chronyd) before makestep is even
//! considered, and only the first START updates skip the check. With
//! START 0 a clock that starts further off than the limit is never
//! corrected (a negative IGNORE) or stops chronyd (IGNORE 0 or more),
//! whatever makestep says; with START 1 or more the first update corrects
//! it (measured against the real 4.0, 4.3, 4.6.1 and 4.9).

use crate::core::conf::directive::Directive;
use crate::core::conf::scan::Words;

use super::model::*;
use super::rules::Rule;

/// The last `maxchange` line (the one chronyd keeps) as chronyd reads it
/// (`sscanf("%lf %d %d")`): offset, start, ignore.
fn maxchange(l: &Linter) -> Option<(usize, f64, i32, i32)> {
    l.directives()
        .filter_map(|(i, d)| match d {
            Directive::Other { spec, args } if spec.name == "maxchange" => {
                let text = args.join(" ");
                let mut w = Words::new(&text);
                let offset = w.float()?;
                // %d: chronyd keeps the low 32 bits.
                let start = w.int()? as i32;
                let ignore = w.int()? as i32;
                Some((i, offset, start, ignore))
            }
            _ => None,
        })
        .last()
}

pub(super) fn maxchange_at_start(l: &mut Linter) {
    let Some((i, offset, start, ignore)) = maxchange(l) else {
        return;
    };
    // A negative START turns the check off; a positive one lets the
    // first updates correct the clock.
    if start != 0 || !offset.is_finite() {
        return;
    }
    let makestep = l
        .first("makestep")
        .map_or_else(|| "none".to_string(), |m| (m + 1).to_string());
    let mut args = vec![("offset", offset.to_string()), ("makestep", makestep)];
    let rule = if ignore < 0 {
        Rule::MaxchangeIgnoresStart
    } else {
        args.push(("ignore", ignore.to_string()));
        Rule::MaxchangeExitsAtStart
    };
    l.add((rule, i, args));
}

/// conf.c `parse_makestep` (4.0, 4.3, 4.6.1, 4.8 and after: the same
/// `sscanf(line, "%lf %d")`) reads the limit's leading integer and drops
/// the rest, so `makestep 3 1.0` starts as a 3 s threshold for the first
/// update only: chronyd takes it without a word (R17, every release). The
/// usual cause is the two arguments swapped (chrony.conf(5) `makestep
/// threshold limit`).
pub(super) fn makestep_limit(l: &mut Linter) {
    let Some(i) = l
        .directives()
        .filter(|(_, d)| d.name() == "makestep")
        .map(|(i, _)| i)
        .last()
    else {
        return;
    };
    let args = l.raw_args(i);
    let words: Vec<&str> = args.split_whitespace().collect();
    let [threshold, limit] = words[..] else {
        return;
    };
    let Some((read, used)) = crate::core::conf::scan::scan_int(limit) else {
        return;
    };
    // A whole number is what chronyd wants; a refused line is an error
    // said elsewhere.
    if used == limit.len() || crate::core::conf::scan::scan_float(threshold).is_none() {
        return;
    }
    // A threshold written as a whole number and a limit with a fraction:
    // the two were most likely swapped.
    let swapped = threshold.bytes().all(|b| b.is_ascii_digit())
        && crate::core::conf::scan::scan_float(limit)
            .is_some_and(|(v, n)| n == limit.len() && v > 0.0);
    let when = match read {
        0 => "never",
        1 => "once",
        r if r < 0 => "always",
        _ => "first",
    };
    l.add((
        Rule::MakestepLimitFraction,
        i,
        vec![
            ("threshold", threshold.to_string()),
            ("limit", limit.to_string()),
            ("read", read.to_string()),
            ("when", when.to_string()),
            ("swapped", if swapped { "yes" } else { "no" }.to_string()),
        ],
    ));
}
