//! What ntpq says when nothing answers it.

use crate::core::explain::model::{Explained, Field, Kind};
use crate::core::explain::verdict::{Reason, Status, Why};

/// What ntpq says when nothing answers it (ntpq.c: "%s: timed out,
/// nothing received", "***Request timed out"; a refused port: "read:
/// Connection refused") or when ntpd has no association ("No association
/// ID's returned"): the daemon's state, under the kind of the command.
pub(super) fn ntpq_failure(lines: &[&str], commands: &[String]) -> Option<Explained> {
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
