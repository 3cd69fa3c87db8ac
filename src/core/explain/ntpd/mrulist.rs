//! `ntpq -c mrulist`: the server's view of who sends it packets (ntpq(1),
//! mrulist: "useful for tracking who uses or abuses your server"). ntpsec
//! prints `lstint avgint rstr r m v count score drop rport remote address`,
//! classic ntpd 4.2.8 the same without score and drop.

use crate::core::explain::field::FieldId as F;
use crate::core::explain::model::{Explained, Field, Kind};
use crate::core::explain::verdict::{Reason, Status, Why};

const NTPSEC: &[&str] = &[
    "ntp-last",
    "ntp-interval",
    "restrict-flags",
    "rate-control",
    "ntp-mode",
    "version",
    "ntp-hits",
    "score",
    "ntp-drops",
    "remote-port",
    "address",
];
const CLASSIC: &[&str] = &[
    "ntp-last",
    "ntp-interval",
    "restrict-flags",
    "rate-control",
    "ntp-mode",
    "version",
    "ntp-hits",
    "remote-port",
    "address",
];

pub(super) fn fields() -> Vec<(Kind, &'static [&'static str])> {
    vec![(Kind::NtpqMrulist, NTPSEC)]
}

/// ntp.h: RES_IGNORE 0x1 ("ignore packet"), RES_NOSERVE 0x2 ("access
/// denied"): the restrict line matching this address refuses it time.
const REFUSED: u32 = 0x1 | 0x2;

pub(super) fn mrulist(lines: &[&str]) -> Option<Explained> {
    let h = lines.iter().position(|l| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.starts_with(&["lstint", "avgint", "rstr"]) && w.contains(&"rport")
    })?;
    let names = if lines[h].split_whitespace().any(|w| w == "score") {
        NTPSEC
    } else {
        CLASSIC
    };
    let mut e = Explained::new(Kind::NtpqMrulist);
    for l in &lines[h + 1..] {
        let w: Vec<&str> = l.split_whitespace().collect();
        let n = names.len() - 1;
        // The address may be followed by a claimed name in parentheses.
        if w.len() < names.len() || w[0].parse::<u64>().is_err() || w[4].parse::<u8>().is_err() {
            continue;
        }
        let address = w[n..].join(" ");
        let mut row: Vec<Field> = names[..n]
            .iter()
            .zip(&w[..n])
            .map(|(name, v)| Field::info(*name, *v))
            .collect();
        row.push(Field::info("address", address));
        for f in &mut row {
            judge(f);
        }
        e.rows.push(row);
    }
    Some(e)
}

/// ntpq(1), mrulist columns: "r: rate control indicator, either a period,
/// L or K for no rate control response, rate limiting by discarding, or
/// rate limiting with a KoD response"; "drop: packets dropped (or KoDed)";
/// "rstr: restriction flags … copied from the matching restrict command".
fn judge(f: &mut Field) {
    let raw = f.raw.trim();
    match f.name {
        F::RateControl => match raw {
            "." => f.status = Status::Ok,
            "L" | "K" => {
                f.status = Status::Warn;
                f.reason = Some(Reason::new(Why::MruRateControl).arg("value", raw));
            }
            _ => {}
        },
        F::NtpDrops => match raw.parse::<u64>() {
            Ok(0) => f.status = Status::Ok,
            Ok(n) => {
                f.status = Status::Warn;
                f.reason = Some(Reason::new(Why::DropsRateLimited).arg("drops", n));
            }
            Err(_) => {}
        },
        F::RestrictFlags => {
            let hex = raw.trim_start_matches("0x");
            if let Ok(bits) = u32::from_str_radix(hex, 16)
                && bits & REFUSED != 0
            {
                f.status = Status::Bad;
                f.reason = Some(Reason::new(Why::RestrictRefused).arg("value", raw));
            }
        }
        _ => {}
    }
}
