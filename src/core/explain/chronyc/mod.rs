//! The reader of chronyc's reports, as printed and in `-c` CSV form: each
//! field named (`FieldId`) and its value typed (`Value`) as chronyc(1)
//! defines it. Judging is `judge/`'s, over the typed values; the live
//! snapshot gives the same fields without text (`live.rs`).

mod csv_form;
mod tables;
mod text_form;
mod values;

use super::model::{Explained, Kind};
use csv_form::csv;
use tables::{AUTHDATA, CLIENTS, CLIENTS_NKE, NTPDATA, SELECTDATA, SOURCES, SOURCESTATS};
use text_form::{
    chronyc_label, cut_source_row, from_table, header_index, key_values, source_row,
    sourcestats_row, table_rows, unwrap_rows, word_table,
};
use values::{field, row_from};

pub(super) use csv_form::{csv_kind, row_prefix};
pub(super) use tables::{ACTIVITY, SERVERSTATS, TRACKING, fields};

/// Reads one chronyc report: its kind and typed fields, unjudged.
pub fn parse(lines: &[&str]) -> Option<Explained> {
    // chronyc's info lines carry nothing the tables do not.
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("210 Number of sources")
                || t == "200 OK"
                || t.starts_with("506 ")
                || t.starts_with("501 "))
        })
        .collect();
    if let Some(e) = csv(&lines) {
        return Some(e);
    }
    let kvs = key_values(&lines);
    let has = |label: &str| kvs.iter().any(|(k, _)| chronyc_label(k) == label);
    // tracking, even a few of its lines: labels no other report prints.
    let tracking_only = [
        "Reference ID",
        "Ref time (UTC)",
        "System time",
        "Last offset",
        "RMS offset",
        "Residual freq",
        "Update interval",
    ];
    let tracking_labels = tracking_only.iter().filter(|l| has(l)).count();
    let tracking_any = TRACKING.iter().filter(|(l, _)| has(l)).count();
    if (tracking_labels >= 1 && tracking_any >= 2) && !has("Remote address") {
        let mut e = Explained::new(Kind::ChronycTracking);
        e.fields = from_table(&kvs, TRACKING);
        // Its first line and not its last (every release ends with Leap
        // status): the paste stops short.
        e.cut = has("Reference ID") && !has("Leap status");
        return Some(e);
    }
    if has("Remote address") {
        let mut e = Explained::new(Kind::ChronycNtpdata);
        // One block per source, each starting at "Remote address".
        let mut blocks: Vec<Vec<(&str, &str)>> = Vec::new();
        for kv in kvs {
            if kv.0 == "Remote address" {
                blocks.push(Vec::new());
            }
            if let Some(b) = blocks.last_mut() {
                b.push(kv);
            }
        }
        for b in blocks {
            e.rows.push(from_table(&b, NTPDATA));
        }
        if e.rows.len() == 1 {
            e.fields = e.rows.pop().unwrap();
        }
        return Some(e);
    }
    if has("NTP packets received") {
        let mut e = Explained::new(Kind::ChronycServerstats);
        e.fields = from_table(&kvs, SERVERSTATS);
        return Some(e);
    }
    if lines.iter().any(|l| l.contains("sources online")) {
        let mut e = Explained::new(Kind::ChronycActivity);
        for (label, name) in ACTIVITY {
            if let Some(l) = lines
                .iter()
                .find(|l| l.trim().ends_with(label) && l.trim().len() > label.len())
            {
                let n = l.split_whitespace().next().unwrap_or("");
                e.fields.push(field(*name, n));
            }
        }
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "MS Name/IP address") {
        let mut e = Explained::new(Kind::ChronycSources);
        let rows = unwrap_rows(&table_rows(&lines, h), |l| source_row(l).is_some());
        for (i, l) in rows.iter().enumerate() {
            if let Some(v) = source_row(l) {
                e.rows.push(row_from(v, SOURCES));
            } else if i + 1 == rows.len()
                && let Some(v) = cut_source_row(l)
            {
                // The paste ends inside its last row: the source is there.
                e.rows.push(row_from(v, SOURCES));
                e.cut = true;
            } else if cut_source_row(l).is_some() {
                // A row's start that could not be made whole (wrapped in a
                // way not joined back): the table is not all there, which
                // is no sign of an empty one.
                e.cut = true;
            }
        }
        return Some(e);
    }
    // `sources -v`'s legend with no header or row after it: the table
    // itself was not pasted.
    if lines
        .iter()
        .any(|l| l.contains(".-- Source mode  '^' = server"))
    {
        let mut e = Explained::new(Kind::ChronycSources);
        e.cut = true;
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "Name/IP Address            NP") {
        let mut e = Explained::new(Kind::ChronycSourcestats);
        let rows = unwrap_rows(&table_rows(&lines, h), |l| sourcestats_row(l).is_some());
        for l in rows {
            if let Some(w) = sourcestats_row(&l) {
                e.rows.push(row_from(w, SOURCESTATS));
            }
        }
        return Some(e);
    }
    if let Some(h) = header_index(&lines, "Hostname") {
        if lines[h].contains("NTP") && lines[h].contains("Drop") {
            let names = if lines[h].contains("NTS-KE") {
                CLIENTS_NKE
            } else {
                CLIENTS
            };
            return Some(word_table(&lines, h, Kind::ChronycClients, names));
        }
    }
    if let Some(h) = header_index(&lines, "S Name/IP Address") {
        return Some(word_table(&lines, h, Kind::ChronycSelectdata, SELECTDATA));
    }
    if let Some(h) = header_index(&lines, "Name/IP address             Mode KeyID") {
        return Some(word_table(&lines, h, Kind::ChronycAuthdata, AUTHDATA));
    }
    // Source rows without their header (a partial paste).
    let rows: Vec<Vec<String>> = lines.iter().filter_map(|l| source_row(l)).collect();
    if !rows.is_empty() && rows.len() * 2 >= lines.len() {
        let mut e = Explained::new(Kind::ChronycSources);
        for v in rows {
            e.rows.push(row_from(v, SOURCES));
        }
        return Some(e);
    }
    None
}
