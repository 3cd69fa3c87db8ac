//! NX-OS `show ntp statistics local` and `show ntp statistics peer ipaddr
//! A.B.C.D` (Cisco Nexus NX-OS command reference, "show ntp statistics
//! {io | local | memory | peer ipaddr}"): `label: count` lines, read for
//! what they tell - packets failing authentication, a server that never
//! answers.

use super::super::checks::set;
use super::super::model::{Explained, Field, Kind};
use super::super::verdict::{Reason, Status, Why};

/// `show ntp statistics local`: the device's NTP packet counters.
pub(super) const LOCAL: &[(&str, &str)] = &[
    ("packets processed", "packets-processed"),
    ("bad packet format", "bad-packet-format"),
    ("bad authentication", "bad-authentication"),
];
/// `show ntp statistics peer ipaddr`: one server's counters.
pub(super) const PEER: &[(&str, &str)] = &[
    ("remote host", "address"),
    ("packets sent", "packets-sent"),
    ("packets received", "packets-received"),
    ("bad authentication", "bad-authentication"),
    ("bogus origin", "bogus-origin"),
];

fn value<'a>(lines: &[&'a str], key: &str) -> Option<&'a str> {
    lines.iter().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(key).then(|| v.trim())
    })
}

fn count(lines: &[&str], key: &str) -> Option<u64> {
    value(lines, key)?.parse().ok()
}

pub(super) fn parse(lines: &[&str]) -> Option<Explained> {
    let (kind, table) =
        if value(lines, "remote host").is_some() && value(lines, "packets received").is_some() {
            (Kind::NxosShowNtpStatisticsPeer, PEER)
        } else if value(lines, "packets processed").is_some()
            && value(lines, "bad authentication").is_some()
        {
            (Kind::NxosShowNtpStatisticsLocal, LOCAL)
        } else {
            return None;
        };
    let mut e = Explained::new(kind);
    for (key, name) in table {
        if let Some(v) = value(lines, key) {
            e.fields.push(Field::info(*name, v));
        }
    }
    // The packets the counts are out of: processed (local) or received
    // from this server (peer).
    let total = count(lines, "packets processed").or_else(|| count(lines, "packets received"));
    let sent = count(lines, "packets sent");
    // Packets that fail the key check arrived: no "never answered" then.
    let bad_auth = count(lines, "bad authentication").unwrap_or(0);
    for f in &mut e.fields {
        let n: Option<u64> = f.raw.parse().ok();
        match (f.name.id(), n) {
            ("bad-authentication", Some(0)) => f.status = Status::Ok,
            // Packets that arrived and failed the key check: a key differs.
            ("bad-authentication", Some(n)) => set(
                f,
                Status::Bad,
                Reason::new(Why::AuthBadCount)
                    .arg("value", n)
                    .arg("total", total.unwrap_or(n).max(n)),
            ),
            // Requests went out, nothing came back.
            ("packets-received", Some(0)) if bad_auth == 0 && sent.is_some_and(|s| s > 0) => set(
                f,
                Status::Bad,
                Reason::new(Why::RxNone).arg("tx", sent.unwrap_or(0)),
            ),
            ("packets-received", Some(_)) => f.status = Status::Ok,
            _ => {}
        }
    }
    Some(e)
}

/// `show ntp authentication-status`: one line, "Authentication enabled."
/// or "Authentication disabled." (NX-OS command reference).
pub(super) fn authentication_status(lines: &[&str]) -> Option<Explained> {
    let state = lines.iter().find_map(|l| {
        let t = l.trim().trim_end_matches('.').to_ascii_lowercase();
        match t.as_str() {
            "authentication enabled" => Some("enabled"),
            "authentication disabled" => Some("disabled"),
            _ => None,
        }
    })?;
    let mut e = Explained::new(Kind::NxosShowNtpAuthenticationStatus);
    e.fields.push(Field::info("authentication-status", state));
    Some(e)
}
