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

#[cfg(test)]
mod tests {
    use crate::core::conf::document::Document;
    use crate::core::conf::lint::{LintOptions, Rule, lint};

    fn found(text: &str) -> Vec<(Rule, Option<usize>)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .filter(|d| {
                matches!(
                    d.rule,
                    Rule::MaxchangeIgnoresStart | Rule::MaxchangeExitsAtStart
                )
            })
            .map(|d| (d.rule, d.line))
            .collect()
    }

    #[test]
    fn a_check_from_the_first_update_is_said_whatever_makestep_says() {
        let server = "server 10.0.0.1 iburst\n";
        assert_eq!(
            found(&format!("{server}maxchange 0.5 0 -1\n")),
            [(Rule::MaxchangeIgnoresStart, Some(2))]
        );
        // makestep is checked after maxchange: it does not help.
        assert_eq!(
            found(&format!("{server}makestep 0.1 -1\nmaxchange 0.5 0 -1\n")),
            [(Rule::MaxchangeIgnoresStart, Some(3))]
        );
        assert_eq!(
            found(&format!("{server}maxchange 1000 0 2\n")),
            [(Rule::MaxchangeExitsAtStart, Some(2))]
        );
        // The manual's example, a check that starts after one update, one
        // turned off by a negative START, and an overridden line.
        for fine in [
            "maxchange 1000 1 2\nmakestep 1 3\n",
            "maxchange 0.5 1 -1\n",
            "maxchange 0.5 -1 -1\n",
            "maxchange 0.5 0 -1\nmaxchange 0.5 3 -1\n",
        ] {
            assert!(found(&format!("{server}{fine}")).is_empty(), "{fine}");
        }
    }

    #[test]
    fn the_message_names_the_limit_and_makestep() {
        let t = crate::i18n::Localizer::new(crate::i18n::Lang::En);
        let d = lint(
            &Document::parse("server a iburst\nmakestep 1 3\nmaxchange 0.5 0 -1\n"),
            &LintOptions::default(),
        );
        let d = d
            .iter()
            .find(|d| d.rule == Rule::MaxchangeIgnoresStart)
            .unwrap();
        let text = t.tr_args(&d.message_id(), &d.args);
        assert!(text.contains("0.5 s"), "{text}");
        assert!(text.contains("line 2"), "{text}");
    }
}
