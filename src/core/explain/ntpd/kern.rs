//! `ntpq -c kerninfo` (`kern`): ntpq(1) "Display the kernel loop and PPS
//! variables" - the kernel's own discipline (ntp_adjtime(2)), a report of
//! its own, not `rv`'s system variables. Classic ntpq prints bare numbers
//! (offsets and errors in ms, frequencies in ppm); ntpsec adds the units.

use crate::core::explain::checks::*;
use crate::core::explain::field::{FieldId as F, Value};
use crate::core::explain::model::{Explained, Field, Kind};
use crate::core::explain::verdict::{Reason, Status, Why};

/// ntpq's kerninfo labels (lower case) and the field each one is.
const KERN: &[(&str, &str)] = &[
    ("status", "status-word"),
    ("pll offset", "offset"),
    ("pll frequency", "frequency"),
    ("maximum error", "maximum-error"),
    ("estimated error", "estimated-error"),
    ("kernel status", "kernel-status"),
    ("pll time constant", "pll-time-constant"),
    ("precision", "precision"),
    ("frequency tolerance", "frequency-tolerance"),
];

/// ntp_adjtime(2): the kernel sets STA_UNSYNC itself once the maximum
/// error passes NTP_PHASE_LIMIT, 16 s.
const MAX_ERROR_LIMIT: f64 = 16.0;

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    let names: Vec<&'static str> = KERN.iter().map(|(_, n)| *n).collect();
    vec![(Kind::NtpqKerninfo, Box::leak(names.into_boxed_slice()))]
}

/// `pll offset:  0.128` (ntpsec `0.012734 ms`): the label before the
/// first colon, or the one line ntpq prints without it
/// (`calibration interval   0`), which is not read.
fn label(line: &str) -> Option<(String, &str)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim().to_ascii_lowercase();
    KERN.iter().any(|(key, _)| *key == k).then(|| (k, v.trim()))
}

/// Milliseconds unless the value carries its unit (ntpsec).
fn millis(raw: &str) -> Option<f64> {
    if raw.bytes().any(|b| b.is_ascii_alphabetic()) {
        seconds(raw)
    } else {
        first_number(raw).map(|v| v / 1000.0)
    }
}

pub(super) fn parse(lines: &[&str]) -> Option<Explained> {
    let pairs: Vec<(String, &str)> = lines.iter().filter_map(|l| label(l)).collect();
    let has = |k: &str| pairs.iter().any(|(key, _)| key == k);
    // Its own labels, which `rv` (`key=value`) never prints.
    if !(has("pll offset") && has("kernel status")) {
        return None;
    }
    let mut e = Explained::new(Kind::NtpqKerninfo);
    for (name, v) in crate::core::explain::labelled::labelled_values(lines, pairs, KERN) {
        let mut f = Field::info(name, v);
        judge(&mut f);
        e.fields.push(f);
    }
    Some(e)
}

fn judge(f: &mut Field) {
    match f.name {
        // decode.html, system status word: its first word is the leap
        // indicator (leap_none, leap_add_sec, leap_del_sec, leap_alarm).
        F::StatusWord => {
            let leap = f
                .raw
                .split([' ', ','])
                .find(|w| w.starts_with("leap_"))
                .unwrap_or("")
                .to_string();
            let mut l = Field::info("leap", leap);
            check_leap(&mut l);
            f.status = l.status;
            f.reason = l.reason;
        }
        // The phase the kernel still has to slew (ntp_adjtime(2) offset).
        F::Offset => {
            if let Some(s) = millis(&f.raw) {
                f.value = Value::Seconds(s);
                check_offset(f, Some(s));
            }
        }
        // ntp_adjtime(2) freq: ±500 ppm is the most the kernel corrects
        // (ntptime(8) -f: "-500 .. 500").
        F::Frequency => check_frequency(f),
        F::MaximumError => {
            if let Some(s) = millis(&f.raw) {
                f.value = Value::Seconds(s);
                if s >= MAX_ERROR_LIMIT {
                    set(
                        f,
                        Status::Bad,
                        Reason::new(Why::KernelMaxErrorLimit).arg("value", human(s)),
                    );
                }
            }
        }
        F::EstimatedError => {
            if let Some(s) = millis(&f.raw) {
                f.value = Value::Seconds(s);
            }
        }
        // ntp_adjtime(2) status bits, as ntpq names them: `unsync` is
        // STA_UNSYNC, "clock unsynchronized".
        F::KernelStatus => {
            if f.raw.split_whitespace().any(|w| w == "unsync") {
                set(f, Status::Bad, Reason::new(Why::KernelUnsync));
            } else if f.raw.split_whitespace().any(|w| w == "pll") {
                f.status = Status::Ok;
            }
        }
        _ => {}
    }
}
