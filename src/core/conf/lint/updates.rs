//! Clock updates chronyd refuses from its start: `maxchange` checked from
//! the first update.
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
