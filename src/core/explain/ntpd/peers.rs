//! `ntpq -p` rows (and Junos's and Arista's, which print the same) and
//! `ntpq -c as` associations.

use super::fields::ASSOC;
use crate::core::explain::field::FieldId as F;
use crate::core::explain::model::{Explained, Field, Kind};
use crate::core::explain::verdict::{Reason, Status, Why};

/// `*ntp1.example   .GPS.   1 u   14   64  377   0.686   0.151  16.432`
pub(super) fn peer_row(line: &str) -> Option<Vec<String>> {
    let first = line.chars().next()?;
    let (tally, rest) = if " *+-x.#o".contains(first) {
        (first.to_string(), &line[first.len_utf8()..])
    } else {
        (String::new(), line)
    };
    let w: Vec<&str> = rest.split_whitespace().collect();
    if w.len() != 10 || w[2].parse::<u32>().is_err() {
        return None;
    }
    let mut v = vec![tally];
    v.extend(w.iter().map(|s| s.to_string()));
    Some(v)
}

/// ntpq puts a remote name longer than its column on a line of its own and
/// the rest of the row, indented, on the next one.
pub(super) fn unwrap_peer_rows(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut iter = lines.iter().peekable();
    while let Some(l) = iter.next() {
        // A name alone on its line; not the ==== rule under the header
        // (the next row may start with a blank tally).
        let alone = l.trim_end().len() > 1
            && l.split_whitespace().count() == 1
            && !l.trim().chars().all(|c| c == '=' || c == '-');
        match iter.peek() {
            Some(next) if alone && next.starts_with([' ', '\t']) && !next.trim().is_empty() => {
                out.push(format!("{} {}", l.trim_end(), next.trim_start()));
                iter.next();
            }
            _ => out.push(l.to_string()),
        }
    }
    out
}

/// ntpd's `pool` line is an association of its own, listed with refid
/// `.POOL.` and type `p` (ntpq(1): "p: pool source"): it only spawns the
/// pool's server associations (listed as rows of their own) and is never
/// polled, so its reach 0, stratum 16 and blank tally say nothing wrong.
pub(crate) fn judge_pool_row(row: &mut [Field]) {
    let pool = row
        .iter()
        .any(|f| f.name == F::Refid && f.raw.trim() == ".POOL.");
    if !pool {
        return;
    }
    for f in row.iter_mut().filter(|f| {
        matches!(
            f.name,
            F::Tally
                | F::Refid
                | F::Stratum
                | F::When
                | F::Reach
                | F::Delay
                | F::Offset
                | F::Jitter
        )
    }) {
        f.status = Status::Info;
        f.reason = Some(Reason::new(Why::PoolPrototype));
    }
}

/// `ntpq -c as`: a row per association (ntpq(1): "ind assid status conf
/// reach auth condition last_event cnt"; last_event may be empty).
pub(super) fn associations(lines: &[&str]) -> Option<Explained> {
    let h = lines.iter().position(|l| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.starts_with(&["ind", "assid", "status"]) && w.contains(&"condition")
    })?;
    let mut e = Explained::new(Kind::NtpqAssociations);
    for l in &lines[h + 1..] {
        let mut w: Vec<&str> = l.split_whitespace().collect();
        if w.len() == 8 {
            w.insert(7, "");
        }
        if w.len() != 9 || w[0].parse::<u32>().is_err() || w[1].parse::<u32>().is_err() {
            continue;
        }
        let mut row: Vec<Field> = ASSOC
            .iter()
            .zip(&w)
            .map(|(n, v)| Field::info(n, *v))
            .collect();
        for f in &mut row {
            judge_association(f);
        }
        auth_explains_reach(&mut row);
        e.rows.push(row);
    }
    Some(e)
}

/// ntpq(1): auth `bad` (last_event `bad_auth`) is packets that arrived and
/// failed the key check; ntpd does not count them in reach, so reach `no`
/// there is the key's doing, not a path that drops them: one cause, the
/// key, and no "never answered".
fn auth_explains_reach(row: &mut [Field]) {
    let auth = row
        .iter()
        .find(|f| f.name == F::Auth && f.status == Status::Bad)
        .map(|f| (f.status, f.reason.clone()));
    let Some((status, reason)) = auth else { return };
    for f in row
        .iter_mut()
        .filter(|f| f.name == F::Reach && f.status == Status::Bad)
    {
        f.status = status;
        f.reason = reason.clone();
    }
}

/// ntpq(1): "reach: yes: reachable, no: unreachable"; "auth: ok, yes, bad
/// and none"; "condition: selection status" (decode.html, peer status
/// word: sel_reject, sel_falsetick, sel_excess, sel_outlier,
/// sel_candidate, sel_backup, sel_sys.peer, sel_pps.peer).
fn judge_association(f: &mut Field) {
    let v = f.raw.trim().to_ascii_lowercase();
    match f.name {
        F::Reach if v == "no" => {
            f.status = Status::Bad;
            f.reason = Some(Reason::new(Why::ReachZero));
        }
        F::Reach if v == "yes" => f.status = Status::Ok,
        F::Auth if v == "bad" => {
            f.status = Status::Bad;
            f.reason = Some(Reason::new(Why::TestsAuthFailed));
        }
        F::Auth if v == "ok" || v == "yes" => f.status = Status::Ok,
        F::Condition => {
            let (status, why) = match v.as_str() {
                "sys.peer" | "pps.peer" | "sys_peer" | "pps_peer" => {
                    (Status::Ok, Why::TallySysPeer)
                }
                "candidate" | "candidat" => (Status::Ok, Why::TallyCandidate),
                "backup" => (Status::Ok, Why::TallyBackup),
                "outlier" | "outlyer" => (Status::Warn, Why::TallyOutlier),
                "falsetick" | "falsetic" | "falseticker" => (Status::Bad, Why::TallyFalseticker),
                "reject" | "excess" | "insane" => (Status::Warn, Why::TallyRejected),
                _ => return,
            };
            f.status = status;
            f.reason = Some(Reason::new(why));
        }
        _ => {}
    }
}
