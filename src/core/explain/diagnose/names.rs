//! The names a finding gives: a row's source, client or session, and tracking's reference.

use super::super::field::FieldId as F;
use super::super::model::{Field, field};

/// The name of the row a field sits in (its source, client or session).
pub(crate) fn row_name(row: &[Field]) -> Option<String> {
    row.iter()
        .find(|x| {
            matches!(
                x.name,
                F::Address
                    | F::Remote
                    | F::RemoteAddress
                    | F::AssociationId
                    | F::Server
                    | F::Servers
                    | F::ActiveServer
            )
        })
        .map(|x| match x.name {
            // ntpdata's `127.0.0.5 (7F000005)`: the address, not its hex;
            // chrony 4.0 prints `[UNSPEC]` for a source never polled: no name.
            F::RemoteAddress => x
                .raw
                .split_whitespace()
                .next()
                .filter(|a| *a != "[UNSPEC]")
                .unwrap_or("")
                .to_string(),
            // timesync-status' `(null) (NAME)`: no address, the name.
            F::Server => {
                let raw = x.raw.trim();
                super::super::timedatectl::unresolved(raw)
                    .unwrap_or(raw)
                    .to_string()
            }
            _ => x.raw.trim().to_string(),
        })
}

/// The source tracking names as its reference: `7F0000DE (127.0.0.222)`
/// gives the name in parentheses, a bare ID itself.
pub(crate) fn reference_name(fields: &[Field]) -> &str {
    let raw = field(fields, F::Refid).map_or("", |x| x.raw.trim());
    raw.split_once('(')
        .map(|(_, n)| n.trim_end_matches(')').trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(raw)
}
