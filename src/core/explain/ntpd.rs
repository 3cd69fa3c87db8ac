//! ntpd's tools: `ntpq -p`, `ntpq -c rv`, `ntpq -c as` and what ntpq says
//! when nothing answers; Junos and Arista print the same formats. ntpstat
//! and timedatectl have readers of their own.

use super::checks::*;
use super::field::FieldId as F;
use super::model::{Explained, Field, Kind};
use super::ntpstat;
use super::verdict::{Reason, Status, Why};

const PEERS: &[&str] = &[
    "tally",
    "remote",
    "refid",
    "stratum",
    "type",
    "when",
    "poll-seconds",
    "reach",
    "delay",
    "offset",
    "jitter",
];
/// `ntpq -c as`: ntpq(1), associations.
const ASSOC: &[&str] = &[
    "index",
    "association-id",
    "status-word",
    "configured",
    "reach",
    "auth",
    "condition",
    "last-event",
    "event-count",
];
const RV: &[(&str, &str)] = &[
    ("status", "status-word"),
    ("leap", "leap"),
    ("stratum", "stratum"),
    ("precision", "precision"),
    ("rootdelay", "root-delay"),
    ("rootdisp", "root-dispersion"),
    ("rootdispersion", "root-dispersion"),
    ("refid", "refid"),
    ("reftime", "ref-time"),
    ("clock", "current-time"),
    ("peer", "sys-peer"),
    ("tc", "poll-interval"),
    ("poll", "poll-interval"),
    ("offset", "offset"),
    ("frequency", "frequency"),
    ("sys_jitter", "jitter"),
    ("jitter", "jitter"),
    ("clk_jitter", "clock-jitter"),
    ("clk_wander", "stability"),
    ("stability", "stability"),
    ("version", "version"),
    // ntp 4.2.8 and ntpsec: the leap second file (ntpq(1), system
    // variables: tai, leapsec, expire).
    ("tai", "tai"),
    ("leapsec", "leap-second"),
    ("expire", "leap-expire"),
];
/// `ntpq -c "rv ASSOCID"`: one association's variables (ntpq(1), peer
/// variables).
const RV_PEER: &[(&str, &str)] = &[
    ("srcadr", "remote"),
    ("status", "peer-status"),
    ("reach", "reach"),
    ("flash", "flash"),
    ("leap", "leap"),
    ("stratum", "stratum"),
    ("refid", "refid"),
    ("rootdelay", "root-delay"),
    ("rootdisp", "root-dispersion"),
    ("offset", "offset"),
    ("delay", "delay"),
    ("dispersion", "dispersion"),
    ("jitter", "jitter"),
];
/// What ntpq shows when no daemon answers it.
const NTPQ_SILENT: &[&str] = &["ntp-service"];
pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    fn leak(v: Vec<&'static str>) -> &'static [&'static str] {
        Box::leak(v.into_boxed_slice())
    }
    let mut rv: Vec<&'static str> = RV.iter().map(|(_, n)| *n).collect();
    rv.dedup();
    let rv = leak(rv);
    let rv_peer = leak(RV_PEER.iter().map(|(_, n)| *n).collect());
    vec![
        (Kind::NtpqPeers, PEERS),
        (Kind::NtpqPeers, NTPQ_SILENT),
        (Kind::NtpqRv, NTPQ_SILENT),
        (Kind::NtpqAssociations, NTPQ_SILENT),
        (Kind::JunosShowNtpAssociations, PEERS),
        (Kind::AristaShowNtpAssociations, PEERS),
        (Kind::NtpqRv, rv),
        (Kind::NtpqRvPeer, rv_peer),
        (Kind::NtpqAssociations, ASSOC),
        (Kind::JunosShowNtpStatus, rv),
    ]
    .into_iter()
    .chain(ntpstat::fields())
    .collect()
}

/// Judges a field by its name, as ntpd's tools print it.
pub(super) fn judge(f: &mut Field, poll: Option<i32>) {
    match f.name {
        F::Tally => check_tally(f),
        F::Stratum => check_stratum(f),
        F::Reach => check_reach(f),
        F::Refid => check_refid(f),
        F::Leap => check_leap(f),
        // ntpq prints offsets and delays in milliseconds.
        F::Offset => check_offset(f, first_number(&f.raw).map(|v| v / 1000.0)),
        F::RootDispersion => check_dispersion(f, first_number(&f.raw).map(|v| v / 1000.0)),
        F::Frequency => check_frequency(f),
        // Seconds since the last packet: stale beyond 8 polls.
        F::When => check_last_rx(f, poll),
        F::ClockSynchronized => check_yes_no(f, true),
        F::NtpService => check_yes_no(f, true),
        F::RootDistance => check_dispersion(f, seconds(&f.raw)),
        F::RtcLocal => check_rtc_local(f),
        F::SyncStatus => check_switch_status(f),
        _ => {}
    }
}

/// `*ntp1.example   .GPS.   1 u   14   64  377   0.686   0.151  16.432`
fn peer_row(line: &str) -> Option<Vec<String>> {
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
fn unwrap_peer_rows(lines: &[&str]) -> Vec<String> {
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
pub(super) fn judge_pool_row(row: &mut [Field]) {
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

/// `key=value, key="quoted", key=value with, commas` over several lines:
/// a value runs until a comma that starts the next `key=`.
fn kv_pairs(text: &str) -> Vec<(String, String)> {
    let flat = text.replace('\n', " ");
    let b = flat.as_bytes();
    // Starts of keys: at the beginning or after ", ".
    let mut starts = vec![0usize];
    let mut in_quote = false;
    for i in 0..b.len() {
        if b[i] == b'"' {
            in_quote = !in_quote;
        }
        if b[i] == b',' && !in_quote {
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            let k = j + flat[j..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(flat.len() - j);
            if k > j && b.get(k) == Some(&b'=') {
                starts.push(j);
            }
        }
    }
    let mut out = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let end = starts
            .get(n + 1)
            .map_or(flat.len(), |e| flat[..*e].rfind(',').unwrap_or(*e));
        let item = flat[*s..end].trim().trim_end_matches(',');
        if let Some((k, v)) = item.split_once('=') {
            let k = k.split_whitespace().last().unwrap_or("");
            out.push((k.to_string(), v.trim().trim_matches('"').to_string()));
        }
    }
    out
}

/// The system variables of `ntpq -c rv` (ntpq(1): "offset: combined
/// offset of server relative to this host" — the system clock's, in ms).
pub(super) fn judge_rv(f: &mut Field) {
    match f.name {
        F::Offset => {
            if let Some(ms) = first_number(&f.raw) {
                system_offset(f, ms / 1000.0);
            }
        }
        // decode.html, system status word: "sync_local: local timecode
        // (IRIG, LOCAL driver, etc.)".
        F::StatusWord if f.raw.contains("sync_local") => {
            set(f, Status::Warn, Reason::new(Why::RefidLocal));
        }
        _ => judge(f, None),
    }
}

/// An association's variables: its values are the server's, judged as a
/// source's (its root dispersion is the server's, not this clock's).
fn judge_rv_peer(f: &mut Field) {
    match f.name {
        F::PeerStatus => judge_peer_status(f),
        F::Flash => judge_flash(f),
        F::RootDispersion => {}
        _ => judge(f, None),
    }
}

/// decode.html, peer status word: the selection (`sel_reject`,
/// `sel_falsetick`, `sel_outlier`, `sel_candidate`, `sel_backup`,
/// `sel_sys.peer`, `sel_pps.peer`).
fn judge_peer_status(f: &mut Field) {
    let sel = f
        .raw
        .split([',', ' '])
        .find_map(|w| w.trim().strip_prefix("sel_"))
        .unwrap_or("");
    let (status, why) = match sel {
        "sys.peer" | "pps.peer" => (Status::Ok, Why::TallySysPeer),
        "candidate" | "backup" => (Status::Ok, Why::TallyCandidate),
        "outlier" | "outlyer" => (Status::Warn, Why::TallyOutlier),
        "falsetick" => (Status::Bad, Why::TallyFalseticker),
        "reject" | "excess" => (Status::Warn, Why::TallyRejected),
        _ => return,
    };
    f.status = status;
    f.reason = Some(Reason::new(why));
}

/// ntpd's flash bits (ntpq(1): "flash: flash status word"; decode.html,
/// "Flash Codes": the tests a packet or the association failed), in hex.
/// The reason is the most telling bit's; all bits are quoted.
pub(super) fn judge_flash(f: &mut Field) {
    const BITS: &[(u32, &str, Why)] = &[
        (0x0800, "peer_loop", Why::FlashLoop),
        (0x0010, "pkt_auth", Why::FlashAuth),
        (0x0080, "pkt_autokey", Why::FlashAuth),
        (0x0100, "pkt_crypto", Why::FlashAuth),
        (0x0008, "pkt_denied", Why::FlashDenied),
        (0x0004, "pkt_unsync", Why::FlashUnsynchronised),
        (0x0020, "pkt_stratum", Why::FlashUnsynchronised),
        (0x0200, "peer_stratum", Why::FlashUnsynchronised),
        (0x0400, "peer_dist", Why::FlashDistance),
        (0x0040, "pkt_header", Why::FlashDistance),
        (0x1000, "peer_unreach", Why::FlashUnreachable),
        (0x0001, "pkt_dup", Why::FlashPacket),
        (0x0002, "pkt_bogus", Why::FlashPacket),
    ];
    let hex = f.raw.split_whitespace().next().unwrap_or("");
    let Ok(v) = u32::from_str_radix(hex.trim_start_matches("0x"), 16) else {
        return;
    };
    if v == 0 {
        f.status = Status::Ok;
        return;
    }
    let set: Vec<&(u32, &str, Why)> = BITS.iter().filter(|(b, ..)| v & b != 0).collect();
    let Some((_, _, why)) = set.first() else {
        return;
    };
    let names: Vec<&str> = set.iter().map(|(_, n, _)| *n).collect();
    f.status = if *why == Why::FlashPacket {
        Status::Warn
    } else {
        Status::Bad
    };
    f.reason = Some(Reason::new(*why).arg("flash", names.join(" ")));
}

/// The offset of this machine's clock from its server, as ntpd-derived
/// tools print it (ntpq(1): "offset: combined offset of server relative to
/// this host"; Cisco's and Huawei's "clock offset", timesyncd's "Offset"
/// follow it): positive, the server is ahead and this clock behind (slow),
/// as chronyc's "slow of NTP time". The system clock's, not a source's; 1
/// ms off is fine.
pub(super) fn system_offset(f: &mut Field, secs: f64) {
    if secs.abs() < 1e-3 {
        check_offset(f, Some(secs));
    } else {
        check_system_time(f, secs);
        if secs.abs() <= 1e-3 {
            f.status = Status::Ok;
        }
    }
}

/// Unix seconds of an NTP timestamp as ntpq prints it (`eab47e52.1c0f8e55
/// 2024-09-16T08:30:42.109Z`, `0x…`): era 0, or era 1 for values that
/// would fall before 1968 (after 2036).
fn ntp_seconds(raw: &str) -> Option<i64> {
    // ntpsec prints the date too (ISO 8601): it is what the reader sees
    // and carries no era to guess.
    if let Some(iso) = raw
        .split_whitespace()
        .nth(1)
        .filter(|w| w.contains('-') && w.contains('T'))
        && let Some(t) = leap_date(iso)
    {
        return Some(t);
    }
    let hex = raw.split_whitespace().next()?.trim_start_matches("0x");
    let secs = u32::from_str_radix(hex.split('.').next()?, 16).ok()?;
    let unix = i64::from(secs) - 2_208_988_800;
    Some(if unix < -(1 << 30) {
        unix + (1 << 32)
    } else {
        unix
    })
}

/// A date as ntpd prints the leap file's (`201712280000` from ntp 4.2.8's
/// ntpq, `2023-12-28T00:00Z` from ntpsec's): Unix seconds.
fn leap_date(raw: &str) -> Option<i64> {
    let d: String = raw.chars().filter(char::is_ascii_digit).collect();
    if d.len() < 8 {
        return None;
    }
    let n = |a: usize, b: usize| d.get(a..b).and_then(|x| x.parse::<i64>().ok());
    let (y, m, day) = (n(0, 4)?, n(4, 6)?, n(6, 8)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let h = n(8, 10).unwrap_or(0);
    let mi = n(10, 12).unwrap_or(0);
    Some(crate::core::time::days_from_civil(y, m as u32, day as u32) * 86_400 + h * 3600 + mi * 60)
}

/// The leap second file against ntpd's own clock (both in the same
/// output): expired, ntpd cannot know of leap seconds announced since.
fn leap_file(fields: &mut [Field]) {
    let now = fields
        .iter()
        .find(|f| f.name == F::CurrentTime)
        .and_then(|f| ntp_seconds(&f.raw));
    if let (Some(now), Some(f)) = (now, fields.iter_mut().find(|f| f.name == F::LeapExpire))
        && leap_date(&f.raw).is_some_and(|t| t < now)
    {
        f.status = Status::Bad;
        f.reason = Some(Reason::new(Why::LeapExpired));
    }
}

/// What ntpq says when nothing answers it (ntpq.c: "%s: timed out,
/// nothing received", "***Request timed out"; a refused port: "read:
/// Connection refused") or when ntpd has no association ("No association
/// ID's returned"): the daemon's state, under the kind of the command.
fn ntpq_failure(lines: &[&str], commands: &[String]) -> Option<Explained> {
    let said = |w: &str| commands.iter().any(|c| c.contains(w));
    let kind = if said(" rv") || said("readvar") {
        Kind::NtpqRv
    } else if said(" as") || said("assoc") {
        Kind::NtpqAssociations
    } else {
        Kind::NtpqPeers
    };
    let silent = lines.iter().map(|l| l.trim()).find(|l| {
        l.contains("timed out, nothing received")
            || l.starts_with("***Request timed out")
            || (l.starts_with("ntpq:") && l.contains("Connection refused"))
    });
    if let Some(l) = silent {
        let mut e = Explained::new(kind);
        let mut f = Field::info("ntp-service", l);
        f.status = Status::Bad;
        f.reason = Some(Reason::new(Why::No));
        e.fields.push(f);
        return Some(e);
    }
    // ntpd answers but has no association: an empty table.
    lines
        .iter()
        .any(|l| l.trim().starts_with("No association ID"))
        .then(|| {
            Explained::new(if kind == Kind::NtpqRv {
                Kind::NtpqPeers
            } else {
                kind
            })
        })
}

/// `ntpq -c as`: a row per association (ntpq(1): "ind assid status conf
/// reach auth condition last_event cnt"; last_event may be empty).
fn associations(lines: &[&str]) -> Option<Explained> {
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
        e.rows.push(row);
    }
    Some(e)
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
                "candidate" | "backup" | "candidat" => (Status::Ok, Why::TallyCandidate),
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
    // ntpq -c rv / show ntp status (Junos).
    let joined = lines.join("\n");
    if joined.contains("associd=") || (joined.contains("status=") && joined.contains("stratum=")) {
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
        // ntpd's leap=11 is "alarm": not synchronised.
        return Some(e);
    }
    // ntpstat, and EOS's show ntp status (ntpstat's words).
    if let Some(e) = ntpstat::parse(lines, said("show ntp status")) {
        return Some(e);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// decode.html, flash codes: each bit by its name; the most telling
    /// one gives the reason (a loop over a distance), 0 is "ok".
    #[test]
    fn flash_bits_are_named_as_ntpd_names_them() {
        let reason = |raw: &str| {
            let mut f = Field::info("flash", raw);
            judge_flash(&mut f);
            (f.status, f.reason.map(|r| (r.id, r.args)))
        };
        assert_eq!(reason("00 ok"), (Status::Ok, None));
        let (status, r) = reason("0x0c00 peer_dist, peer_loop");
        assert_eq!(status, Status::Bad);
        let (id, args) = r.unwrap();
        assert_eq!(id, Why::FlashLoop);
        assert_eq!(args[0].1, "peer_loop peer_dist");
        let (status, r) = reason("204 pkt_unsync");
        assert_eq!(status, Status::Bad);
        assert_eq!(r.unwrap().0, Why::FlashUnsynchronised);
        assert_eq!(reason("1 pkt_dup").0, Status::Warn);
        // Not hex: left as it was.
        assert_eq!(reason("zz").0, Status::Info);
    }
}
