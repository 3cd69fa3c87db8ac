//! `ntpq -c rv` and `ntpq -c "rv ASSOCID"`: the system's and one
//! association's variables, the flash bits and the leap second file.

use super::fields::judge;
use crate::core::explain::checks::*;
use crate::core::explain::field::FieldId as F;
use crate::core::explain::model::Field;
use crate::core::explain::verdict::{Reason, Status, Why};
use crate::core::leap::WARN_DAYS;

/// `key=value, key="quoted", key=value with, commas` over several lines:
/// a value runs until a comma that starts the next `key=`.
pub(super) fn kv_pairs(text: &str) -> Vec<(String, String)> {
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
pub(crate) fn judge_rv(f: &mut Field) {
    match f.name {
        F::Offset => {
            if let Some(ms) = first_number(&f.raw) {
                // Typed in seconds: the summary reads the field's value.
                f.value = crate::core::explain::field::Value::Seconds(ms / 1000.0);
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
pub(super) fn judge_rv_peer(f: &mut Field) {
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
        "candidate" => (Status::Ok, Why::TallyCandidate),
        "backup" => (Status::Ok, Why::TallyBackup),
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
fn judge_flash(f: &mut Field) {
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
pub(crate) fn system_offset(f: &mut Field, secs: f64) {
    if secs.abs() < 1e-3 {
        check_offset(f, Some(secs));
    } else {
        check_system_time(f, secs);
        if secs.abs() <= 1e-3 {
            f.status = Status::Ok;
        }
    }
}

/// ntpq `rv`'s offset against the root distance (ntpq(1): rootdelay and
/// rootdisp, ms; RFC 5905, section 11.2: the root synchronization distance,
/// rootdelay/2 + rootdisp, bounds this clock's error against the primary
/// reference, as chronyc's `+/-` does a source's). An offset within it is
/// ordinary for the path (1.2 ms at 12.5 ms root delay); one past it, or
/// 100 ms and over (ntpd steps beyond 128 ms, ntpd(8)), still warns.
pub(super) fn offset_within_root_distance(fields: &mut [Field]) {
    let ms = |name: F, fields: &[Field]| {
        fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| first_number(&f.raw))
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    let (Some(delay), Some(disp)) = (ms(F::RootDelay, fields), ms(F::RootDispersion, fields))
    else {
        return;
    };
    let bound = (delay / 2.0 + disp) / 1000.0;
    let Some(f) = fields.iter_mut().find(|f| f.name == F::Offset) else {
        return;
    };
    let Some(secs) = first_number(&f.raw).map(|v| v.abs() / 1000.0) else {
        return;
    };
    if f.status == Status::Warn && secs <= bound {
        f.status = Status::Ok;
        f.reason = Some(
            Reason::new(Why::OffsetWithinRootDistance)
                .arg("value", human(secs))
                .arg("bound", human(bound)),
        );
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
    // Classic ntpd prints it as `Mon, Dec  7 2026 15:05:20.039`: the
    // same, read as written.
    if let Some(t) = classic_date(raw) {
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

/// The date after the hex of ntp 4.2.8's ntpq (`e9a4c1f0.0a0b0c0d  Mon,
/// Dec  7 2026 15:05:20.039`, libntp's prettydate): Unix seconds.
fn classic_date(raw: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut w = raw.split_whitespace().skip(1);
    let _weekday = w.next().filter(|d| d.ends_with(','))?;
    let month = w.next()?.to_ascii_lowercase();
    let m = MONTHS.iter().position(|x| *x == month)? as u32 + 1;
    let day: u32 = w.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: i64 = w
        .next()?
        .parse()
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    let mut hms = w.next()?.split(':');
    let mut n = |max: u32| {
        hms.next()?
            .split('.')
            .next()?
            .parse::<u32>()
            .ok()
            .filter(|v| *v <= max)
    };
    let (h, mi, sec) = (n(23)?, n(59)?, n(60)?);
    Some(
        crate::core::time::days_from_civil(year, m, day) * 86_400
            + i64::from(h * 3600 + mi * 60 + sec),
    )
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
/// output): expired, ntpd cannot know of leap seconds announced since;
/// expiring within [`WARN_DAYS`], a warning, as lint, the window and the
/// alert rules of `export alerts` give it.
pub(super) fn leap_file(fields: &mut [Field]) {
    let now = fields
        .iter()
        .find(|f| f.name == F::CurrentTime)
        .and_then(|f| ntp_seconds(&f.raw));
    let Some(f) = fields.iter_mut().find(|f| f.name == F::LeapExpire) else {
        return;
    };
    let (Some(now), Some(expires)) = (now, leap_date(&f.raw)) else {
        return;
    };
    if expires < now {
        f.status = Status::Bad;
        f.reason = Some(Reason::new(Why::LeapExpired));
    } else if expires - now <= WARN_DAYS * 86_400 {
        f.status = Status::Warn;
        // Whole days left, rounded up: 20.5 days are "21 days".
        let days = (expires - now + 86_399) / 86_400;
        f.reason = Some(Reason::new(Why::LeapExpiring).arg("days", days));
    }
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

    /// ntpq prints the time twice, as hex and as a date; the date is what
    /// the admin reads (and has the era the hex lacks).
    #[test]
    fn classic_ntpq_dates_are_read_as_printed() {
        let t = ntp_seconds("e9a4c1f0.0a0b0c0d  Mon, Dec  7 2026 15:05:20.039");
        assert_eq!(t, Some(1_796_655_920));
        // Only the hex: its era-0 reading.
        assert_eq!(ntp_seconds("e9a4c1f0.0a0b0c0d"), Some(1_710_900_080));
        // A broken date falls back to the hex.
        assert_eq!(
            ntp_seconds("e9a4c1f0.0a0b0c0d  Mon, Foo  7 2026 15:05:20.039"),
            Some(1_710_900_080)
        );
        assert_eq!(
            ntp_seconds("e9a4c1f0.0a0b0c0d  Mon, Dec 99 2026 15:05:20.039"),
            Some(1_710_900_080)
        );
    }
}
