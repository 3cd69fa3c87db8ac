//! ntpd's tools: `ntpq -p`, `ntpq -c rv`, `ntpq -c as` and what ntpq says
//! when nothing answers; Junos and Arista print the same formats. ntpstat
//! and timedatectl have readers of their own.
mod failure;
mod fields;
mod kern;
mod mrulist;
mod peers;
mod rv;

pub use fields::fields;
pub(super) use fields::judge;
pub(super) use peers::judge_pool_row;
pub(super) use rv::{judge_rv, system_offset};

use failure::ntpq_failure;
use fields::{PEERS, RV, RV_PEER};
use peers::{associations, peer_row, unwrap_peer_rows};
use rv::{judge_rv_peer, kv_pairs, leap_file, offset_within_root_distance};

use crate::core::explain::field::FieldId as F;
use crate::core::explain::model::{Explained, Field, Kind};
use crate::core::explain::ntpstat;
use crate::core::explain::verdict::Why;

pub fn parse(lines: &[&str], commands: &[String]) -> Option<Explained> {
    let said = |w: &str| commands.iter().any(|c| c.contains(w));
    // Junos and EOS both answer `show ntp` in ntpd's formats; Junos's
    // prompt is `user@router>`.
    let junos_prompt = commands
        .iter()
        .any(|c| c.contains("show ntp") && c.contains('@') && c.contains('>'));
    let junos = junos_prompt || lines.iter().any(|l| l.contains("JUNOS"));
    let arista = !junos && said("show ntp");
    if let Some(e) = ntpq_failure(lines, commands) {
        return Some(e);
    }
    if let Some(e) = associations(lines) {
        return Some(e);
    }
    if let Some(e) = mrulist::mrulist(lines) {
        return Some(e);
    }
    // ntpq -p / show ntp associations (Junos).
    if let Some(h) = lines.iter().position(|l| {
        l.trim_start().starts_with("remote") && l.contains("refid") && l.contains("reach")
    }) {
        let kind = if junos {
            Kind::JunosShowNtpAssociations
        } else if arista {
            Kind::AristaShowNtpAssociations
        } else {
            Kind::NtpqPeers
        };
        let mut e = Explained::new(kind);
        for l in unwrap_peer_rows(&lines[h + 1..]) {
            if let Some(v) = peer_row(&l) {
                let mut row: Vec<Field> = PEERS
                    .iter()
                    .zip(v)
                    .map(|(n, x)| Field::info(n, x))
                    .collect();
                let poll = row
                    .iter()
                    .find(|f| f.name == F::PollSeconds)
                    .and_then(|f| f.raw.parse::<f64>().ok())
                    .map(|p| p.log2() as i32);
                for f in &mut row {
                    judge(f, poll);
                }
                e.rows.push(row);
            }
        }
        return Some(e);
    }
    // ntpq -c kerninfo: its `associd=… status=…` line is rv's, the rest
    // its own.
    if let Some(e) = kern::parse(lines) {
        return Some(e);
    }
    // ntpq -c rv / show ntp status (Junos).
    let joined = lines.join("\n");
    let asked_rv = commands.iter().any(|c| {
        c.contains("ntpq")
            && c.split(|ch: char| !ch.is_ascii_alphanumeric())
                .any(|w| matches!(w, "rv" | "readvar" | "rl" | "readlist"))
    });
    if joined.contains("associd=")
        || (joined.contains("status=") && joined.contains("stratum="))
        || named_variables(lines, asked_rv)
    {
        let kind = if junos {
            Kind::JunosShowNtpStatus
        } else {
            Kind::NtpqRv
        };
        // `associd=0 status=0615 leap_none, …`: the first line's two keys
        // are separated by a space, not a comma.
        let joined = joined.replacen(" status=", ", status=", 1);
        let pairs = kv_pairs(&joined);
        // ntpq(1): "rv [assocID]": a nonzero association (with its source
        // address) is one peer's variables, not the system's.
        let peer = pairs.iter().any(|(k, v)| {
            k == "srcadr" || (k == "associd" && v.trim().parse::<u32>().is_ok_and(|n| n != 0))
        });
        if peer && !junos {
            let mut e = Explained::new(Kind::NtpqRvPeer);
            for (k, v) in &pairs {
                if let Some((_, name)) = RV_PEER.iter().find(|(key, _)| key == k) {
                    if e.fields.iter().any(|f| f.name == F::of(name)) {
                        continue;
                    }
                    let mut f = Field::info(name, v.as_str());
                    judge_rv_peer(&mut f);
                    e.fields.push(f);
                }
            }
            e.fields
                .sort_by_key(|f| RV_PEER.iter().position(|(_, n)| F::of(n) == f.name));
            // A rejected association's flash bits say why: that is its
            // cause, not a generic "rejected".
            let flash = e
                .fields
                .iter()
                .find(|f| f.name == F::Flash)
                .and_then(|f| Some((f.status, f.reason.clone()?)));
            if let (Some((status, flash)), Some(f)) = (
                flash,
                e.fields.iter_mut().find(|f| {
                    f.name == F::PeerStatus
                        && f.reason
                            .as_ref()
                            .is_some_and(|r| r.id == Why::TallyRejected)
                }),
            ) {
                f.status = status;
                f.reason = Some(flash);
            }
            return Some(e);
        }
        let mut e = Explained::new(kind);
        for (k, v) in pairs {
            if let Some((_, name)) = RV.iter().find(|(key, _)| *key == k) {
                if e.fields.iter().any(|f| f.name == F::of(name)) {
                    continue;
                }
                let mut f = Field::info(name, v);
                judge_rv(&mut f);
                e.fields.push(f);
            }
        }
        leap_file(&mut e.fields);
        offset_within_root_distance(&mut e.fields);
        // ntpd's leap=11 is "alarm": not synchronised.
        return Some(e);
    }
    // ntpstat, and EOS's show ntp status (ntpstat's words).
    if let Some(e) = ntpstat::parse(lines, said("show ntp status")) {
        return Some(e);
    }
    None
}

/// ntpq(1) `readvar [assocID] [name[=value] …]`: "display the specified
/// variables" - the `name=value, …` list of a full `rv`, only the names
/// asked for, with or without the `associd=… status=…` line. Read when every
/// line is such a list and it names ntpd's variables (two of them, or one
/// under an `ntpq … rv` command).
fn named_variables(lines: &[&str], asked_rv: bool) -> bool {
    let is_key = |k: &str| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    let lists = lines.iter().all(|l| {
        l.trim()
            .split_once('=')
            .is_some_and(|(k, _)| is_key(k.trim()))
    });
    if !lists {
        return false;
    }
    let known = kv_pairs(&lines.join("\n"))
        .iter()
        .filter(|(k, _)| {
            RV.iter().any(|(key, _)| key == k) || RV_PEER.iter().any(|(key, _)| key == k)
        })
        .count();
    known >= 2 || (asked_rv && known == 1)
}
