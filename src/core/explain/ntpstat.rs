//! ntpstat's words (the script by M. Lichvar and the C program by G. R.
//! Keech it emulates); Arista's `show ntp status` prints the same.

use super::checks::*;
use super::model::{Explained, Field, Kind};
use super::verdict::{Reason, Status, Why};

/// What ntpstat prints (the script and the C program it emulates).
const NTPSTAT: &[&str] = &[
    "sync-status",
    "source",
    "server",
    "stratum",
    "accuracy",
    "poll-interval",
    "event",
    "ntp-service",
];

pub(super) fn fields() -> Vec<(Kind, &'static [&'static str])> {
    vec![
        (Kind::Ntpstat, NTPSTAT),
        (Kind::AristaShowNtpStatus, NTPSTAT),
    ]
}

/// ntpstat's words (the script by M. Lichvar and the C program by G. R.
/// Keech it emulates): "synchronised to SOURCE [(ADDRESS)] at stratum N"
/// (or ", stratum unknown"), "time correct to within N ms [(exceeded
/// maximum of M ms)]" (or "accuracy unknown"), "polling server every N s"
/// (or "poll interval unknown"), "unsynchronised" [+ "time server
/// re-starting"], and "Unable to talk to NTP daemon. Is it running?".
pub(super) fn parse(lines: &[&str], eos: bool) -> Option<Explained> {
    let kind = if eos {
        Kind::AristaShowNtpStatus
    } else {
        Kind::Ntpstat
    };
    let starts = |p: &str| lines.iter().map(|l| l.trim()).find(|l| l.starts_with(p));
    if let Some(l) = starts("Unable to talk to NTP daemon") {
        let mut e = Explained::new(kind);
        let mut f = Field::info("ntp-service", l);
        f.status = Status::Bad;
        f.reason = Some(Reason::new(Why::No));
        e.fields.push(f);
        return Some(e);
    }
    let first = lines.iter().map(|l| l.trim()).find(|t| {
        [
            "synchronised to",
            "synchronized to",
            "unsynchronised",
            "unsynchronized",
        ]
        .iter()
        .any(|p| t.starts_with(p))
    })?;
    let mut e = Explained::new(kind);
    let synced = first.starts_with("synchronised") || first.starts_with("synchronized");
    let mut status = Field::info(
        "sync-status",
        if synced {
            "synchronised"
        } else {
            "unsynchronised"
        },
    );
    check_switch_status(&mut status);
    e.fields.push(status);
    if synced {
        // What follows "synchronised to ", up to the address or stratum.
        let rest = first.split_once(" to ").map_or("", |(_, r)| r);
        let end = rest
            .find([' ', ','])
            .filter(|_| rest.starts_with("NTP server"))
            .map_or_else(
                || rest.find([',', '(', '<']).unwrap_or(rest.len()),
                |_| "NTP server".len(),
            );
        let source = rest[..end].split(" at stratum").next().unwrap_or("").trim();
        if !source.is_empty() {
            let mut f = Field::info("source", source);
            judge_ntpstat_source(&mut f);
            e.fields.push(f);
        }
    }
    if let Some((a, b)) = first
        .find('(')
        .and_then(|a| first[a..].find(')').map(|b| (a, a + b)))
    {
        e.fields.push(Field::info("server", &first[a + 1..b]));
    }
    if let Some(i) = first.find("stratum") {
        let mut f = Field::info(
            "stratum",
            first[i + 7..].split_whitespace().next().unwrap_or(""),
        );
        check_stratum(&mut f);
        e.fields.push(f);
    }
    for l in lines {
        let l = l.trim();
        if let Some(r) = l.strip_prefix("time correct to within") {
            let mut f = Field::info("accuracy", r.trim());
            judge_max_error(&mut f, eos);
            e.fields.push(f);
        } else if l.starts_with("accuracy un") {
            e.fields
                .push(Field::info("accuracy", l.trim_start_matches("accuracy ")));
        }
        if let Some(r) = l.strip_prefix("polling server every") {
            e.fields.push(Field::info("poll-interval", r.trim()));
        } else if l.starts_with("poll interval un") {
            e.fields.push(Field::info(
                "poll-interval",
                l.trim_start_matches("poll interval "),
            ));
        }
        if l == "time server re-starting" {
            e.fields.push(Field::info("event", l));
        }
    }
    if !eos {
        chronyd_own_clock(&mut e);
    }
    Some(e)
}

/// The ntpstat script asking chronyd prints the tracking reference's
/// address (`chronyc -n tracking`: "Reference ID : 7F7F0101 ()" has none
/// for chronyd's own clock, `local` or `manual`) and the poll of that
/// address's row in `chronyc sources`: "synchronised to NTP server at
/// stratum N" with no address and "poll interval unknown" is chronyd
/// serving its own clock, as ntpd's "local net" is ntpd's.
fn chronyd_own_clock(e: &mut Explained) {
    use super::field::FieldId as F;
    let raw = |id: F| {
        e.fields
            .iter()
            .find(|f| f.name == id)
            .map(|f| f.raw.as_str())
    };
    let own = raw(F::Source) == Some("NTP server")
        && raw(F::Server).is_none()
        && raw(F::PollInterval) == Some("unknown");
    if let Some(f) = e.fields.iter_mut().find(|f| f.name == F::Source && own) {
        set(f, Status::Warn, Reason::new(Why::RefidLocal));
    }
}

/// ntpstat's "time correct to within N ms [(exceeded maximum of M ms)]":
/// its maximum error (root delay / 2 + root dispersion, plus chronyd's
/// offset), not the root dispersion alone. With -m, ntpstat exits 1 when
/// it is over the admin's limit: that is the message, whatever the size.
/// On an Arista switch (`eos`) the advice is EOS's, not chronyc's.
fn judge_max_error(f: &mut Field, eos: bool) {
    let ms = |s: &str| {
        s.trim()
            .strip_suffix("ms")
            .and_then(|n| n.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite())
    };
    let (value, rest) = f.raw.split_once('(').unwrap_or((&f.raw, ""));
    let value = value.trim().to_string();
    if let Some(max) = rest
        .trim_end_matches(')')
        .strip_prefix("exceeded maximum of")
    {
        let r = Reason::new(Why::MaxErrorExceeded)
            .arg("value", &value)
            .arg("max", max.trim());
        set(f, Status::Warn, r);
        return;
    }
    let Some(v) = ms(&value) else { return };
    let r = Reason::new(Why::MaxErrorLarge)
        .arg("value", &value)
        .arg("device", if eos { "eos" } else { "host" });
    if v >= 1000.0 {
        set(f, Status::Bad, r);
    } else if v >= 100.0 {
        set(f, Status::Warn, r);
    } else {
        f.status = Status::Ok;
    }
}

/// ntpstat.c's clock source names (RFC 1305's system status word): a
/// reference clock, another server, or ntpd's own clock ("local net",
/// decode.html's "sync_local: local timecode (IRIG, LOCAL driver, etc.)").
fn judge_ntpstat_source(f: &mut Field) {
    match f.raw.as_str() {
        // Its own clock: not synchronised to true time (a warning, as a
        // switch following its LOCAL(0) is).
        "local net" => set(f, Status::Warn, Reason::new(Why::RefidLocal)),
        "atomic clock" | "VLF radio" | "HF radio" | "UHF radio" | "NTP server" | "UDP/TIME"
        | "modem" | "reference clock" => f.status = Status::Ok,
        _ => {}
    }
}
