//! The fields ntpd's tools print, by command, and how each is judged.

use crate::core::explain::checks::*;
use crate::core::explain::field::{FieldId as F, Value};
use crate::core::explain::model::{Field, Kind};
use crate::core::explain::ntpstat;

pub(super) const PEERS: &[&str] = &[
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
pub(super) const ASSOC: &[&str] = &[
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
pub(super) const RV: &[(&str, &str)] = &[
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
pub(super) const RV_PEER: &[(&str, &str)] = &[
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
pub(super) const NTPQ_SILENT: &[&str] = &["ntp-service"];
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
    .chain(super::mrulist::fields())
    .chain(super::kern::fields())
    .chain(ntpstat::fields())
    .collect()
}

/// A bare number in ntpd's milliseconds, as seconds, also set as the
/// field's value; a value that carries its own unit (`0.251 ms`) is read
/// with it.
fn millis(f: &mut Field) -> Option<f64> {
    let v = if f.raw.bytes().any(|b| b.is_ascii_alphabetic()) {
        seconds(&f.raw)
    } else {
        first_number(&f.raw).map(|v| v / 1000.0)
    }?;
    f.value = Value::Seconds(v);
    Some(v)
}

/// Judges a field by its name, as ntpd's tools print it.
pub(crate) fn judge(f: &mut Field, poll: Option<i32>) {
    match f.name {
        F::Tally => check_tally(f),
        F::Stratum => check_stratum(f),
        F::Reach => check_reach(f),
        F::Refid => check_refid(f),
        F::Leap => check_leap(f),
        // ntpq prints offsets and delays in milliseconds (ntpq(1): "offset
        // ... in milliseconds"): typed in seconds, so that every reader of
        // the field (the summary, the window) has the same value.
        F::Offset => {
            let v = millis(f);
            check_offset(f, v);
        }
        F::RootDispersion => {
            let v = millis(f);
            check_dispersion(f, v);
        }
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
