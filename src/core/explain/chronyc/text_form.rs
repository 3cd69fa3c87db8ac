//! chronyc's printed form: `Label : value` blocks, the sources table and tables under a header.

use super::super::field::FieldId as F;
use super::super::model::{Explained, Field, Kind};
use super::values::{field, row_from};

/// `Label : value` lines.
pub(super) fn key_values<'a>(lines: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    lines
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// `stratum status --lang zh-CN` prints chronyc's tracking with these
/// labels (i18n/zh-CN/helper.ftl, `status-*`).
const STRATUM_ZH_LABELS: &[(&str, &str)] = &[
    ("参考 ID", "Reference ID"),
    ("层级", "Stratum"),
    ("系统时间", "System time"),
    ("上次偏移", "Last offset"),
    ("均方根偏移", "RMS offset"),
    ("频率", "Frequency"),
    ("频率误差", "Skew"),
    ("根延迟", "Root delay"),
    ("根离散", "Root dispersion"),
    ("闰秒状态", "Leap status"),
];

/// A label as chronyc prints it (Stratum's Chinese ones mapped back).
pub(super) fn chronyc_label(k: &str) -> &str {
    STRATUM_ZH_LABELS
        .iter()
        .find(|(zh, _)| *zh == k)
        .map_or(k, |(_, en)| en)
}

pub(super) fn from_table(kvs: &[(&str, &str)], table: &[(&str, F)]) -> Vec<Field> {
    table
        .iter()
        .filter_map(|(label, name)| {
            kvs.iter()
                .find(|(k, _)| chronyc_label(k).eq_ignore_ascii_case(label))
                .map(|(_, v)| field(*name, *v))
        })
        .collect()
}

/// `^* name  2  6  377  32  +123us[ +150us] +/-  15ms`
pub(super) fn source_row(line: &str) -> Option<Vec<String>> {
    // A table quoted in mail or chat is indented: the row starts at its mode.
    let line = line.trim_start();
    let mut chars = line.chars();
    let mode = chars.next()?;
    let state = chars.next()?;
    if !"^=#".contains(mode) || !"*+-?x~ ".contains(state) {
        return None;
    }
    let rest = &line[2..];
    let (head, sample) = rest.split_at(
        rest.find('[')
            .and_then(|i| rest[..i].rfind(|c: char| c.is_whitespace()))?,
    );
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.len() != 5 {
        return None;
    }
    let open = sample.find('[')?;
    let close = open + sample[open..].find(']')?;
    let err = sample[close + 1..].trim().strip_prefix("+/-")?.trim();
    let mut v: Vec<String> = vec![mode.to_string(), state.to_string()];
    v.extend(words.iter().map(|w| w.to_string()));
    v.push(sample[..open].trim().to_string());
    v.push(sample[open + 1..close].trim().to_string());
    v.push(err.to_string());
    Some(v)
}

/// A sources row the paste cut short (`^* localhost`, `^+ 10.0.0.2  2
/// 6`): its mode, state, name and the whole columns before the cut.
pub(super) fn cut_source_row(line: &str) -> Option<Vec<String>> {
    let line = line.trim_start();
    let mut chars = line.chars();
    let (mode, state) = (chars.next()?, chars.next()?);
    if !"^=#".contains(mode) || !"*+-?x~ ".contains(state) {
        return None;
    }
    let mut words = line.get(2..)?.split_whitespace();
    let name = words.next()?;
    let hostlike = |c: char| c.is_ascii_alphanumeric() || ".-:_[]%/".contains(c);
    if !name.chars().all(hostlike) {
        return None;
    }
    // Stratum, poll, reach and LastRx: numbers (LastRx `5m`, or `-`).
    let numeric = |w: &&str| {
        *w == "-"
            || w.strip_prefix('-')
                .unwrap_or(w)
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u64>()
                .is_ok()
    };
    let rest: Vec<&str> = words.collect();
    let columns: Vec<&str> = rest
        .iter()
        .copied()
        .take(4)
        .take_while(|w| !w.contains('['))
        .collect();
    if !columns.iter().all(numeric) {
        return None;
    }
    // The paste's last word may itself be cut (`37` of `377`): only the
    // columns something follows are whole.
    let whole = if rest.len() > columns.len() {
        columns.len()
    } else {
        columns.len().saturating_sub(1)
    };
    let mut v = vec![mode.to_string(), state.to_string(), name.to_string()];
    v.extend(columns[..whole].iter().map(|w| w.to_string()));
    Some(v)
}

pub(super) fn header_index(lines: &[&str], starts: &str) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.trim_start().starts_with(starts))
}

/// The table rows after a header, skipping `====` rules and legends.
pub(super) fn table_rows<'a>(lines: &[&'a str], header: usize) -> Vec<&'a str> {
    lines[header + 1..]
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with("==="))
        .collect()
}

/// The most lines a terminal breaks one row into that are joined back
/// (a 79-column sources row in a 30-column pane takes three).
const MAX_WRAPPED: usize = 3;

/// Table rows a narrow terminal or tmux pane broke over several lines
/// (copying the scrollback keeps the breaks), joined back: a line that is
/// not a row alone, followed by lines that are not rows either, is joined
/// with them when the whole is a row. The break may fall inside a word
/// (joined as is) or where the trailing spaces were trimmed (joined with a
/// space); the row's shape tells which. Other lines stay as they are.
pub(super) fn unwrap_rows(lines: &[&str], is_row: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let joined = (!is_row(lines[i]))
            .then(|| {
                (2..=MAX_WRAPPED).find_map(|n| {
                    let parts = lines.get(i..i + n)?;
                    if parts[1..].iter().any(|l| is_row(l)) {
                        return None;
                    }
                    joins(parts).into_iter().find(|j| is_row(j)).map(|j| (j, n))
                })
            })
            .flatten();
        match joined {
            Some((row, n)) => {
                out.push(row);
                i += n;
            }
            None => {
                out.push(lines[i].to_string());
                i += 1;
            }
        }
    }
    out
}

/// Every way of joining `parts` (each break as is, or with one space), the
/// one joined as is first.
fn joins(parts: &[&str]) -> Vec<String> {
    let breaks = parts.len() - 1;
    (0..1u32 << breaks)
        .map(|mask| {
            let mut s = parts[0].to_string();
            for (k, p) in parts[1..].iter().enumerate() {
                if mask & (1 << k) != 0 {
                    s.push(' ');
                }
                s.push_str(p);
            }
            s
        })
        .collect()
}

/// A sourcestats row: an address and seven columns, NP and NR counts.
pub(super) fn sourcestats_row(line: &str) -> Option<Vec<String>> {
    let w: Vec<String> = line.split_whitespace().map(String::from).collect();
    let count = |s: &str| s.parse::<u32>().is_ok();
    (w.len() == 8 && count(&w[1]) && count(&w[2])).then_some(w)
}

/// A table of ten whitespace-separated columns under its header (clients,
/// selectdata, authdata): each full row read, anything else skipped.
pub(super) fn word_table(lines: &[&str], header: usize, kind: Kind, names: &[F]) -> Explained {
    let mut e = Explained::new(kind);
    let ten = |l: &str| l.split_whitespace().count() == 10;
    for l in unwrap_rows(&table_rows(lines, header), ten) {
        let w: Vec<String> = l.split_whitespace().map(String::from).collect();
        if w.len() == 10 {
            e.rows.push(row_from(w, names));
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_wrapped_over_three_lines_is_joined_back() {
        // A 30-column pane: the break falls inside the address and after
        // trailing spaces the copy trimmed.
        let lines = [
            "^* ntp1.example.net          2",
            "   6   377    32   +12us[ +15u",
            "s] +/- 2ms",
        ];
        let joined = unwrap_rows(&lines, |l| source_row(l).is_some());
        assert_eq!(joined.len(), 1);
        assert_eq!(
            source_row(&joined[0]).unwrap()[2..],
            [
                "ntp1.example.net",
                "2",
                "6",
                "377",
                "32",
                "+12us",
                "+15us",
                "2ms"
            ]
        );
    }

    #[test]
    fn lines_that_are_rows_alone_are_never_joined() {
        let a = "127.0.0.1                  10   5   100     +0.001      0.010     +5us    10us";
        let rows = unwrap_rows(&[a, a], |l| sourcestats_row(l).is_some());
        assert_eq!(rows, [a, a]);
        // Two chat lines of four words each make no sourcestats row: the
        // counts (NP, NR) are not numbers.
        let chat = ["thanks a lot everyone", "see you all tomorrow"];
        assert_eq!(unwrap_rows(&chat, |l| sourcestats_row(l).is_some()), chat);
    }
}
