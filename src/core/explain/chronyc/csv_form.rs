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
    let n = rows[0].len();
    if rows.iter().any(|r| r.len() != n) {
        return None;
    }
    let first = &rows[0];
    let kind = csv_kind(first)?;
    let mut e = Explained::new(kind);
    e.csv = true;
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
        Kind::ChronycActivity => e.fields = kv(ACTIVITY, strings(first)),
        Kind::ChronycServerstats => e.fields = kv(SERVERSTATS, strings(first)),
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
