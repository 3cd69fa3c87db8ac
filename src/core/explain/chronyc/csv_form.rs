//! chronyc's `-c` CSV form: which report a line is, and its typed fields.

use super::super::field::{FieldId as F, Value};
use super::super::model::{Explained, Field, Kind};
use super::tables::{
    ACTIVITY, AUTHDATA, CLIENTS, NTPDATA, SELECTDATA, SERVERSTATS, SOURCES, SOURCESTATS, TRACKING,
    names,
};
use super::values::{field, row_from};

/// Which report a line of chronyc's `-c` output belongs to, by its column
/// count and the shape of its fields (client.c prints each report's
/// columns; `-m` prints several reports back to back with no header).
pub fn csv_kind(first: &[&str]) -> Option<Kind> {
    let is_int = |s: &str| s.parse::<i64>().is_ok();
    Some(match first.len() {
        14 if first[0].len() == 8 && first[0].chars().all(|c| c.is_ascii_hexdigit()) => {
            Kind::ChronycTracking
        }
        10 if first[0].len() == 1 && "^=#".contains(first[0]) => Kind::ChronycSources,
        10 if ["-", "SK", "NTS", "?"].contains(&first[1]) => Kind::ChronycAuthdata,
        10 if is_int(first[1]) && is_int(first[2]) => Kind::ChronycClients,
        // 8 counters in chrony 4.0–4.1, 11 in 4.2–4.3, 17 from 4.4 (all
        // numbers; sourcestats' 8 columns start with an address).
        8 | 11 | 17 if first.iter().all(|v| is_int(v)) => Kind::ChronycServerstats,
        8 if is_int(first[1]) && is_int(first[2]) => Kind::ChronycSourcestats,
        5 if first.iter().all(|v| is_int(v)) => Kind::ChronycActivity,
        18 if first[0].len() == 1 => Kind::ChronycSelectdata,
        // 33 columns in 4.0–4.2, 34 (good RX) from 4.3, 38 (timestamp
        // sources) from 4.6.
        // A source with no valid answer yet has "[UNSPEC]" as its address.
        33 | 34 | 38 if first[0].parse::<std::net::IpAddr>().is_ok() || first[0] == "[UNSPEC]" => {
            Kind::ChronycNtpdata
        }
        _ => return None,
    })
}

pub(super) fn csv(lines: &[&str]) -> Option<Explained> {
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .filter(|l| l.contains(','))
        .map(|l| l.split(',').collect())
        .collect();
    if rows.is_empty() || rows.len() != lines.len() {
        return None;
    }
    let (rows, cut_line) = cut_last_row(rows)?;
    let mut e = Explained::new(cut_line.map_or_else(|| csv_kind(&rows[0]), |c| Some(c.0))?);
    let kind = e.kind;
    e.csv = true;
    if let Some((_, got, want)) = cut_line {
        e.cut = true;
        e.cut_line = Some((got, want));
        if rows.is_empty() {
            // A source row alone, cut: no row to judge.
            return Some(e);
        }
    }
    let kv = |table: &[(&str, F)], values: Vec<String>| -> Vec<Field> {
        names(table)
            .into_iter()
            .zip(values)
            .map(|(n, x)| field(n, x))
            .collect()
    };
    let strings = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match kind {
        Kind::ChronycTracking => {
            let first = &rows[0];
            // CSV tracking has the reference name as a second field: one
            // value with the id, as the text prints it (never "()").
            let mut v = strings(first);
            v[0] = if v[1].is_empty() {
                v[0].clone()
            } else {
                format!("{} ({})", v[0], v[1])
            };
            v.remove(1);
            e.fields = kv(TRACKING, v);
        }
        Kind::ChronycActivity => e.fields = kv(ACTIVITY, strings(&rows[0])),
        Kind::ChronycServerstats => e.fields = kv(SERVERSTATS, strings(&rows[0])),
        Kind::ChronycNtpdata => {
            for r in &rows {
                // Remote address, its refid, port, local address, its refid,
                // then one value per label.
                let mut vals: Vec<String> =
                    vec![r[0].to_string(), r[2].to_string(), r[3].to_string()];
                vals.extend(r[5..10].iter().map(|s| s.to_string())); // leap .. poll
                vals.push(r[11].to_string()); // precision
                vals.extend(r[13..16].iter().map(|s| s.to_string())); // root delay, dispersion, refid
                vals.extend(r[17..23].iter().map(|s| s.to_string())); // ref time .. jitter
                vals.push(format!("{} {} {}", r[23], r[24], r[25]));
                vals.extend(r[26..].iter().map(|s| s.to_string()));
                e.rows.push(kv(NTPDATA, vals));
            }
            if e.rows.len() == 1 {
                e.fields = e.rows.pop().unwrap();
            }
        }
        _ => {
            let names: &[F] = match kind {
                Kind::ChronycSources => SOURCES,
                Kind::ChronycSourcestats => SOURCESTATS,
                Kind::ChronycClients => CLIENTS,
                Kind::ChronycAuthdata => AUTHDATA,
                _ => SELECTDATA,
            };
            for r in &rows {
                let vals: Vec<String> = if kind == Kind::ChronycSelectdata {
                    vec![
                        r[0].to_string(),
                        r[1].to_string(),
                        r[2].to_string(),
                        r[3..8].concat(),
                        r[8..13].concat(),
                        r[13].to_string(),
                        r[14].to_string(),
                        r[15].to_string(),
                        r[16].to_string(),
                        r[17].to_string(),
                    ]
                } else {
                    strings(r)
                };
                let mut row = row_from(vals, names);
                // CSV gives seconds; never is 2^32-1, as `-` in text.
                for f in row.iter_mut().filter(|f| f.value == Value::Never) {
                    f.raw = "-".into();
                }
                e.rows.push(row);
            }
        }
    }
    Some(e)
}

/// The rows of a `-c` paste that ends mid-line, without that last line,
/// and what the cut line was: its report, its field count and the
/// report's (chronyc(1) `-c`: each report's row has a fixed number of
/// comma-separated fields, so a shorter last line is a cut one). A
/// tracking line cut short is kept: it is the report's only row.
type CutLine = (Kind, usize, usize);

fn cut_last_row(mut rows: Vec<Vec<&str>>) -> Option<(Vec<Vec<&str>>, Option<CutLine>)> {
    let n = rows[0].len();
    if rows.iter().all(|r| r.len() == n) && csv_kind(&rows[0]).is_some() {
        return Some((rows, None));
    }
    let last = rows.pop()?;
    if let Some(first) = rows.first() {
        let n = first.len();
        let kind = csv_kind(first)?;
        if rows.iter().any(|r| r.len() != n) || last.len() >= n || !row_prefix(first, &last) {
            return None;
        }
        return Some((rows, Some((kind, last.len(), n))));
    }
    // One line, shorter than any report's: only the reports whose first
    // fields say which they are (tracking's hex reference ID and its
    // name; a source's mode and state characters).
    let hex = |s: &str| s.len() == 8 && s.chars().all(|c| c.is_ascii_hexdigit());
    let got = last.len();
    let (kind, want) = if hex(last[0]) && (3..14).contains(&got) {
        (Kind::ChronycTracking, 14)
    } else if last[0].len() == 1
        && "^=#".contains(last[0])
        && last[1].chars().count() == 1
        && got < 10
    {
        (Kind::ChronycSources, 10)
    } else {
        return None;
    };
    let rows = if kind == Kind::ChronycTracking {
        // The last field shown may itself be cut (`-0.00` of `-0.000123`).
        vec![last[..got - 1].to_vec()]
    } else {
        Vec::new()
    };
    Some((rows, Some((kind, got, want))))
}

/// Whether a cut line's complete fields (all but its last) have the shapes
/// of a full row's (a number where it has a number, text where it has text): the cut row of that report, not the start of another.
pub fn row_prefix(full: &[&str], cut: &[&str]) -> bool {
    fn class(s: &str) -> u8 {
        if s.parse::<i64>().is_ok() {
            0
        } else if s.parse::<f64>().is_ok() {
            1
        } else {
            2
        }
    }
    cut.len() <= full.len()
        && full
            .iter()
            .zip(&cut[..cut.len().saturating_sub(1)])
            .all(|(a, b)| class(a) == class(b) || a.is_empty() || b.is_empty())
}
