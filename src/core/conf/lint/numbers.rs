//! Numbers chronyd reads only the start of: a one-value directive whose
//! word has more after the number (`stratumweight 0,05`). chronyd takes the
//! numeric prefix without a word, so the setting is not what was written.

use crate::core::conf::directive::{Directive, ValueKind};
use crate::core::conf::scan::{scan_float, scan_int};
use crate::core::conf::version::ChronyVersion;

use super::model::Linter;
use super::rules::Rule;

/// conf.c `parse_double` is `sscanf(line, "%lf", result)` at every tag
/// 4.0 … 4.8 (and the 4.9 tarball) and never looks at the rest of the word;
/// `parse_int` was `sscanf(line, "%d", result)` likewise until 4.7 made it
/// `strtol` over the whole word (an error from then on: not-an-integer).
pub(super) fn number_prefixes(l: &mut Linter) {
    let v = l.opts.version;
    for (i, d) in l.directives() {
        let Directive::Simple { spec, .. } = d else {
            continue;
        };
        let raw = l.raw_args(i);
        let word = raw.trim();
        let read = match spec.kind {
            ValueKind::Float => scan_float(word).map(|(x, n)| (format_used(x), n)),
            ValueKind::Int if v < ChronyVersion::STRICT_INTEGERS => {
                scan_int(word).map(|(x, n)| (i64::from(x as i32).to_string(), n))
            }
            _ => None,
        };
        let Some((used, n)) = read else { continue };
        if n >= word.len() {
            continue;
        }
        // A decimal comma (a European or Chinese input habit): the value
        // meant is the same digits with a point.
        let pointed = word.replacen(',', ".", 1);
        let meant = scan_float(&pointed)
            .filter(|(_, m)| word.contains(',') && *m == pointed.len())
            .map(|(x, _)| format_used(x));
        l.add((
            Rule::NumberPrefix,
            i,
            vec![
                ("directive", spec.name.to_string()),
                ("value", word.to_string()),
                ("used", used),
                (
                    "case",
                    if meant.is_some() { "comma" } else { "other" }.to_string(),
                ),
                ("meant", meant.unwrap_or_default()),
            ],
        ));
    }
}

fn format_used(x: f64) -> String {
    format!("{x}")
}
