//! ntpd's and switches' local clock: the Undisciplined Local Clock driver
//! (refclock address 127.127.1.u, refid `LOCL`; ntpd's refclock docs) that
//! Cisco's `ntp master`, Huawei's and H3C's `ntp-service refclock-master`
//! and ntpd's `server 127.127.1.0` serve. Huawei's reference: "If the local
//! system clock acts as a reference clock, this field displays LOCAL".
//! A device that follows it, or an upstream whose reference it is, keeps
//! time tied to nothing: flagged, never "ok".

use super::checks::{check_offset, first_number, set};
use super::field::FieldId as F;
use super::model::field;
use super::model::{Explained, Family, Field, Kind};
use super::verdict::{Reason, Rule, Status, Why};

/// The local clock driver by address or reference: `127.127.1.0`,
/// `LOCAL(0)`, `.LOCL.`.
pub fn is_local_clock(raw: &str) -> bool {
    let r = raw.trim();
    let up = r.to_ascii_uppercase();
    r.starts_with("127.127.1.") || up.starts_with("LOCAL(") || up == ".LOCL." || up == "LOCL"
}

/// A reference clock driver's address (127.127.t.u; ntpd's refclock
/// addressing), the local clock included, or the name ntpq gives it
/// without `-n` (`PPS(0)`, `GPS_NMEA(0)`, `SHM(1)`: the driver's name and
/// unit).
fn is_refclock(raw: &str) -> bool {
    let r = raw.trim();
    let driver_name = r
        .strip_suffix(')')
        .and_then(|r| r.split_once('('))
        .is_some_and(|(name, unit)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                && !unit.is_empty()
                && unit.chars().all(|c| c.is_ascii_digit())
        });
    r.starts_with("127.127.") || driver_name || is_local_clock(r)
}

/// ntpq(1)'s type column: `l` is "local (such as a GPS, WWVB)", a
/// reference clock.
fn is_refclock_row(row: &[Field], addr: &str) -> bool {
    is_refclock(addr) || field(row, F::Type).is_some_and(|t| t.raw.trim() == "l")
}

fn address(row: &[Field]) -> Option<&str> {
    row.iter()
        .find(|x| matches!(x.name, F::Address | F::Remote))
        .map(|x| x.raw.as_str())
}

/// Whether a row is the one the device follows (`*`, sys.peer, master,
/// Comware's flag 1).
fn followed(row: &[Field]) -> bool {
    row.iter().any(|x| {
        x.reason
            .as_ref()
            .is_some_and(|r| matches!(r.id, Why::TallySysPeer | Why::SwitchSelected))
    })
}

/// The pass over ntpd's and switches' outputs.
pub fn judge(e: &mut Explained) {
    if !matches!(e.kind.family(), Family::Switch | Family::Ntpd) {
        return;
    }
    for row in &mut e.rows {
        let Some(addr) = address(row).map(str::to_string) else {
            continue;
        };
        if is_refclock_row(row, &addr) {
            // A reference clock's stratum 0 is the reference's own.
            if let Some(f) = row
                .iter_mut()
                .find(|x| x.name == F::Stratum && x.raw.trim() == "0")
            {
                set(f, Status::Ok, Reason::new(Why::StratumRefclock));
            }
            if is_local_clock(&addr) && followed(row) {
                for f in row
                    .iter_mut()
                    .filter(|x| matches!(x.name, F::Address | F::Remote | F::Tally))
                {
                    set(f, Status::Warn, Reason::new(Why::FollowsLocalClock));
                }
            }
        } else if let Some(f) = row.iter_mut().find(|x| {
            matches!(x.name, F::Reference | F::RefClock | F::Refid) && is_local_clock(&x.raw)
        }) {
            set(f, Status::Warn, Reason::new(Why::UpstreamLocalClock));
        }
    }
    // A status output: the device's own reference.
    if e.kind.family() == Family::Switch
        && let Some(f) = e
            .fields
            .iter_mut()
            .find(|x| x.name == F::Reference && is_local_clock(&x.raw))
    {
        set(f, Status::Warn, Reason::new(Why::FollowsLocalClock));
    }
    // Huawei: "synchronization state: spike (clock will be set in N
    // secs)": an offset spike, a step pending.
    if let Some(f) = e.fields.iter_mut().find(|x| {
        x.name == F::SyncState && {
            let l = x.raw.to_ascii_lowercase();
            l.contains("spike") || l.contains("will be set")
        }
    }) {
        let secs = f
            .raw
            .split("set in")
            .nth(1)
            .and_then(first_number)
            .map(|s| format!("{s:.0}"))
            .unwrap_or_else(|| "?".into());
        set(
            f,
            Status::Warn,
            Reason::new(Why::StepPending).arg("secs", secs),
        );
    }
    // Cisco IOS prints association offsets in milliseconds (Cisco
    // document 15171: "the calculated offset (in milliseconds) between the
    // client and the server").
    if e.kind == Kind::CiscoShowNtpAssociations {
        for row in &mut e.rows {
            let answered = field(row, F::Reach).is_some_and(|x| x.raw.trim() != "0");
            if let Some(f) = row.iter_mut().find(|x| x.name == F::Offset)
                && answered
            {
                let v = first_number(&f.raw).map(|v| v / 1000.0);
                check_offset(f, v);
            }
        }
    }
}

/// A paste whose other report says the upstream serves its own clock: the
/// status printed with it ("synchronized") is to that clock, so it is
/// said so and not "nothing to fix" under that very warning.
pub(super) fn synchronised_to_local_clock(parts: &mut [Explained]) {
    let own = parts.iter().flat_map(|e| &e.findings).any(|f| {
        matches!(
            f.rule,
            Rule::UpstreamLocalClock
                | Rule::FollowsLocalClock
                | Rule::ServerOwnClock
                | Rule::ServerServesOwnClock
        )
    });
    if !own {
        return;
    }
    for f in parts
        .iter_mut()
        .flat_map(|e| e.findings.iter_mut())
        .filter(|f| f.rule == Rule::Synchronised)
    {
        f.args.retain(|(k, _)| *k != "cause");
        f.args.push(("cause", "upstream-local-clock".into()));
        f.severity = Status::Warn;
    }
}
