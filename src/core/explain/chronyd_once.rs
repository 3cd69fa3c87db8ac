//! `chronyd -q` / `chronyd -Q 'server … iburst'`: the one-shot test of a
//! server the lab notes run. chronyd(8): -q "set the system clock once and
//! exit", -Q "print the offset without making any corrections of the
//! clock", -t "timeout". reference.c (4.0–4.9) logs "System clock wrong by
//! %.6f seconds (step|ignored)" when a source was measured, "No suitable
//! source for synchronisation" when none could be used; main.c logs
//! "Timeout reached" (4.3 and later) when -t ran out, and earlier releases
//! just exits.

use super::model::{Explained, Kind};
use super::verdict::{Finding, Rule};

/// The paste's chronyd messages read as a one-shot run, if it is one.
pub fn explain(lines: &[&str]) -> Option<Explained> {
    let command = lines.iter().any(|l| {
        l.split_whitespace()
            .skip_while(|w| !w.ends_with("chronyd"))
            .any(|w| w.starts_with('-') && (w.contains('q') || w.contains('Q')))
    });
    let measured = lines.iter().find_map(|l| wrong_by(l));
    let no_source = lines
        .iter()
        .any(|l| l.contains("No suitable source for synchronisation"));
    let timeout = lines
        .iter()
        .any(|l| l.trim_end().ends_with("Timeout reached"));
    let exiting = lines
        .iter()
        .any(|l| l.trim_end().ends_with("chronyd exiting"));
    let mut e = Explained::new(Kind::ChronydOnce);
    match measured {
        Some((offset, stepped)) => e.findings.push(
            Finding::new(Rule::OnceMeasured)
                .arg("value", super::checks::human(offset))
                .arg("action", if stepped { "step" } else { "ignored" }),
        ),
        // Nothing measured: only a one-shot run's end says no answer came.
        // main.c's "Timeout reached" is -t's, which only a one-shot run uses.
        None if no_source || timeout || (command && exiting) => {
            let why = if no_source { "no-source" } else { "timeout" };
            e.findings
                .push(Finding::new(Rule::OnceNoAnswer).arg("cause", why));
        }
        None => return None,
    }
    Some(e)
}

/// `System clock wrong by -0.000002 seconds (ignored)`: the offset and
/// whether -q stepped the clock by it.
fn wrong_by(line: &str) -> Option<(f64, bool)> {
    let (_, rest) = line.split_once("System clock wrong by ")?;
    let (number, tail) = rest.split_once(" seconds (")?;
    let stepped = match tail.trim_end().strip_suffix(')')? {
        "step" => true,
        "ignored" => false,
        _ => return None,
    };
    let offset: f64 = number.trim().parse().ok()?;
    offset.is_finite().then_some((offset, stepped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_line_of_q_and_big_q_is_read() {
        let l = "2026-12-07T10:11:49Z System clock wrong by -0.000002 seconds (ignored)";
        assert_eq!(wrong_by(l), Some((-0.000002, false)));
        assert_eq!(
            wrong_by("System clock wrong by 1.500000 seconds (step)"),
            Some((1.5, true))
        );
        // reference.c's maxchange warning has no parenthesis: not -q.
        assert_eq!(wrong_by("System clock wrong by 2.000000 seconds"), None);
        assert_eq!(wrong_by("System clock wrong by nan seconds (step)"), None);
    }

    #[test]
    fn chronyd_exiting_alone_is_no_one_shot_run() {
        assert!(explain(&["2026-12-07T10:11:49Z chronyd exiting"]).is_none());
        let e = explain(&[
            "# chronyd -Q -t 6 'server 10.0.0.1 iburst'",
            "chronyd exiting",
        ])
        .unwrap();
        assert_eq!(e.findings[0].rule, Rule::OnceNoAnswer);
    }
}
