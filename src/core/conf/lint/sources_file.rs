//! A `.sources` file of a `sourcedir`: chrony.conf(5) sourcedir says it
//! "can only specify NTP sources (i.e. the server, pool, and peer
//! directives)" and that they "are expected to have all lines terminated
//! by the newline character". chronyd reads it after start-up (conf.c
//! `load_source_file`): it stops at the first line without a newline (from
//! 4.1) and drops every other directive and every source line it cannot
//! parse (`parse_source(..., fatal=0)`) without a word in its log.

use crate::core::conf::directive::Directive;
use crate::core::conf::document::{Document, LineEnding};
use crate::core::conf::version::ChronyVersion;

use super::model::{Diagnostic, LintOptions, Linter, MAX_LINE_LENGTH};
use super::rules::Rule;
use super::{lab, ranges};

/// From this release chronyd stops at a line without a newline.
const STOPS_AT_UNTERMINATED: ChronyVersion = ChronyVersion::new(4, 1);

/// What chronyd silently leaves out of a `.sources` file.
pub fn lint_sources_file(doc: &Document, opts: &LintOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in doc.lines().iter().enumerate() {
        // fgets reads at most MAX_LINE_LENGTH bytes: a longer line comes
        // in without its newline, and chronyd stops there as well.
        let cut = line.content().len() + line.ending().as_bytes().len() > MAX_LINE_LENGTH;
        if opts.version >= STOPS_AT_UNTERMINATED && (line.ending() == LineEnding::None || cut) {
            // Said only when a directive is lost (or the cut line is one).
            let lost = doc.lines()[i..]
                .iter()
                .filter(|l| l.directive().is_some())
                .count();
            if lost > 0 || cut {
                out.push(Diagnostic::new(
                    Rule::SourcesLineUnterminated,
                    Some(i + 1),
                    vec![("lines", (doc.lines().len() - i).to_string())],
                ));
            }
            break;
        }
        let Some(d) = line.directive() else {
            continue;
        };
        let source = ["server", "pool", "peer"]
            .iter()
            .any(|n| d.name.eq_ignore_ascii_case(n));
        if !source {
            out.push(Diagnostic::new(
                Rule::SourcesNotASource,
                Some(i + 1),
                vec![("directive", d.name.clone())],
            ));
        } else if d.parsed.is_err() {
            out.push(Diagnostic::new(
                Rule::SourcesLineDropped,
                Some(i + 1),
                vec![
                    ("directive", d.name.to_ascii_lowercase()),
                    ("args", d.args.clone()),
                ],
            ));
        }
    }
    // The source lines chronyd does read get every check a source line of
    // chrony.conf gets (up to where chronyd stops reading).
    let read_up_to = out
        .iter()
        .find(|d| d.rule == Rule::SourcesLineUnterminated)
        .and_then(|d| d.line)
        .unwrap_or(usize::MAX);
    let mut l = Linter {
        doc,
        opts,
        fragment: true,
        out: Vec::new(),
    };
    ranges::useful_ranges(&mut l);
    lab::per_source(&mut l);
    out.extend(l.out.into_iter().filter(|d| {
        d.line.is_some_and(|n| {
            n < read_up_to && matches!(doc.lines()[n - 1].parsed(), Some(Directive::Source(_)))
        })
    }));
    out.sort_by_key(|d| d.line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str, version: ChronyVersion) -> Vec<(Rule, Option<usize>)> {
        let opts = LintOptions {
            version,
            ..Default::default()
        };
        lint_sources_file(&Document::parse(text), &opts)
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    }

    #[test]
    fn what_chronyd_drops_from_a_sources_file_is_named() {
        let v49 = ChronyVersion::new(4, 9);
        // Sources in every spelling chronyd takes: nothing to say.
        assert!(
            rules(
                "server 192.0.2.1 iburst\n# dhcp\nPOOL pool.example.org iburst\npeer 192.0.2.9\n\n",
                v49
            )
            .is_empty()
        );
        assert_eq!(
            rules("makestep 1 3\nserver 192.0.2.1 iburst\n", v49),
            [(Rule::SourcesNotASource, Some(1))]
        );
        assert_eq!(
            rules(
                "server 192.0.2.41 iburst xleeve\nserver 192.0.2.42 minpoll x\n",
                v49
            ),
            [
                (Rule::SourcesLineDropped, Some(1)),
                (Rule::SourcesLineDropped, Some(2))
            ]
        );
        // The last line has no newline: 4.1+ stop there, 4.0 reads it.
        let text = "server 192.0.2.42 iburst\nserver 192.0.2.43 iburst";
        assert_eq!(rules(text, v49), [(Rule::SourcesLineUnterminated, Some(2))]);
        assert!(rules(text, ChronyVersion::new(4, 0)).is_empty());
        // A line longer than chronyd's buffer is cut, and reading stops.
        let long = format!(
            "server 192.0.2.1 iburst\n# {}\nserver 192.0.2.2\n",
            "x".repeat(2100)
        );
        assert_eq!(
            rules(&long, v49),
            [(Rule::SourcesLineUnterminated, Some(2))]
        );
    }

    #[test]
    fn a_source_chronyd_reads_from_a_sources_file_is_judged_as_in_chrony_conf() {
        let v49 = ChronyVersion::new(4, 9);
        assert_eq!(
            rules(
                "server 192.0.2.1 iburst port 0\nserver 192.0.2.2 iburst polltarget 61\nmaxsamples 100\nserver ntp1.example.org iburst maxpoll 1 minpoll 6\nserver 192.0.2.1 iburst\n",
                v49
            ),
            [
                (Rule::SourcePortZero, Some(1)),
                (Rule::PolltargetRange, Some(2)),
                (Rule::SourcesNotASource, Some(3)),
                (Rule::MaxpollBelowMinpoll, Some(4)),
                (Rule::DuplicateSource, Some(5)),
            ]
        );
    }
}
