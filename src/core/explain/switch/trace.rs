//! Huawei VRP and H3C Comware 5 `display ntp-service trace`: the chain of
//! servers from the device up to the reference clock. Huawei's command
//! reference: one line per hop, `server A.B.C.D,stratum N, offset X s,
//! synch distance Y`, then `refid R`, the reference of the last hop.

use super::super::checks::*;
use super::super::field::FieldId as F;
use super::super::model::{Explained, Field, Kind};
use super::common::after;

pub(super) const HOP: &[&str] = &["address", "stratum", "offset", "synch-distance"];

/// One hop: `server ADDR,stratum N, offset X[ s], synch distance Y[,]`.
fn hop(line: &str) -> Option<Vec<Field>> {
    let t = line.trim();
    let rest = t
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("server "))
        .map(|_| &t[7..])?;
    let address = rest.split(',').next()?.trim();
    let stratum = after(rest, "stratum")?;
    let offset = after(rest, "offset")?;
    let distance = after(rest, "synch distance")?;
    if address.is_empty() || address.contains(char::is_whitespace) {
        return None;
    }
    Some(vec![
        Field::info("address", address),
        Field::info("stratum", stratum),
        Field::info("offset", offset),
        Field::info("synch-distance", distance),
    ])
}

pub(super) fn parse(lines: &[&str]) -> Option<Explained> {
    // A cap on hops: a real chain is at most 15 servers long.
    let rows: Vec<Vec<Field>> = lines.iter().filter_map(|l| hop(l)).take(16).collect();
    if rows.is_empty() {
        return None;
    }
    let mut e = Explained::new(Kind::NtpServiceTrace);
    for mut row in rows {
        for f in &mut row {
            match f.name {
                F::Stratum => check_stratum(f),
                F::Offset => check_offset(f, None),
                // The distance to the reference bounds the error: past
                // 1 s the hop's time may be that far off.
                F::SynchDistance => check_dispersion(f, None),
                _ => {}
            }
        }
        e.rows.push(row);
    }
    if let Some(r) = lines.iter().find_map(|l| {
        let t = l.trim();
        t.get(..6)
            .filter(|p| p.eq_ignore_ascii_case("refid "))
            .map(|_| t[6..].trim())
    }) {
        let mut f = Field::info("reference", r);
        check_refid(&mut f);
        e.fields.push(f);
    }
    Some(e)
}
