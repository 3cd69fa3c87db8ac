//! What root must not take from a file: control bytes, which chronyd reads
//! as part of a name or path (a NUL in `logdir` cuts the path short), and
//! paths the trust rule refuses (files and directories another user could
//! change, chronyd's own user included).

use super::model::Linter;
use super::rules::Rule;
use crate::core::conf::document::Document;
use crate::core::conf::guard::{PathClass, trust_paths};

/// A byte that is neither text nor white space chrony knows (C's isspace:
/// tab, vertical tab, form feed, carriage return).
fn control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | 0x0b | 0x0c | b'\r')) || b == 0x7f
}

/// The first 1-based line holding a control byte.
pub fn control_character_line(doc: &Document) -> Option<usize> {
    doc.lines()
        .iter()
        .position(|l| l.content().iter().any(|b| control(*b)))
        .map(|i| i + 1)
}

pub(super) fn control_characters(l: &mut Linter) {
    for (i, line) in l.doc.lines().iter().enumerate() {
        // A line chronyd refuses for an odd character already says so.
        let said = l
            .out
            .iter()
            .any(|d| d.rule == Rule::OddCharacter && d.line == Some(i + 1));
        if said {
            continue;
        }
        if let Some(b) = line.content().iter().find(|b| control(**b)) {
            l.push(
                Rule::ControlCharacter,
                Some(i),
                vec![("char", format!("U+{b:04X}"))],
            );
        }
    }
}

pub(super) fn untrusted_paths(l: &mut Linter) {
    let Some(trust) = l.opts.trust else {
        return;
    };
    for (i, line) in l.doc.lines().iter().enumerate() {
        let Some(d) = line.directive() else { continue };
        let name = d.name.to_ascii_lowercase();
        // One finding per line: the first path that fails says enough.
        let found = trust_paths(&name, &d.args)
            .into_iter()
            .find_map(|(path, class)| trust(path, class).map(|why| (path, class, why)));
        if let Some((path, class, why)) = found {
            // Lines read from a directory another user can fill are an
            // error; a file (a key, a certificate, a log) chronyd opens
            // and starts with is the helper's refusal, said as a warning
            // so that lint's errors stay the ones chronyd has.
            let rule = if class == PathClass::Names {
                Rule::PathUntrusted
            } else {
                Rule::PathUntrustedFile
            };
            l.push(
                rule,
                Some(i),
                vec![
                    (
                        "value",
                        crate::core::text::escape_controls(path).into_owned(),
                    ),
                    (
                        "path",
                        crate::core::text::escape_controls(&why.path).into_owned(),
                    ),
                    ("why", why.kind.id().to_string()),
                    ("owner", why.owner.unwrap_or_default()),
                    ("class", class.id().to_string()),
                ],
            );
        }
    }
}
