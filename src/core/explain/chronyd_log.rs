//! chronyd's own messages in a paste (`chronyd -d` in the foreground, or
//! the journal pasted above the tables): the ones that name the cause for
//! a source. nts_ke_session.c logs "Could not connect to LABEL : ERROR"
//! and nts_ke_client.c "Could not connect to LABEL" when the TCP
//! connection to a server's NTS-KE port fails; LABEL is "ADDRESS:PORT
//! (NAME)". Without key establishment chronyd has no cookies and sends no
//! NTP request, so the source's reach stays 0 for a reason no firewall
//! on UDP 123 explains.

use std::net::IpAddr;

use super::field::{FieldId as F, SourceAddr, Value};
use super::model::{Explained, Kind, field};
use super::verdict::{Reason, Status, Why};

/// The messages read at most: a paste is capped in size, its lines are
/// not, and one per source is all that matters.
const MAX_FAILURES: usize = 64;

/// One failed NTS-KE connection as chronyd logged it.
#[derive(Debug, PartialEq)]
pub(super) struct KeFailure {
    pub address: String,
    pub port: Option<u16>,
    pub name: Option<String>,
    pub error: Option<String>,
}

impl KeFailure {
    fn about(&self, row: &[super::model::Field]) -> bool {
        let Some(f) = field(row, F::Address) else {
            return false;
        };
        match f.value {
            Value::Source(SourceAddr::Ip(ip)) => self.address.parse::<IpAddr>() == Ok(ip),
            _ => {
                let shown = f.raw.trim();
                shown == self.address || self.name.as_deref() == Some(shown)
            }
        }
    }
}

/// The NTS-KE connection failures logged in `text`.
pub(super) fn nts_ke_failures(text: &str) -> Vec<KeFailure> {
    text.lines()
        .filter_map(parse_line)
        .take(MAX_FAILURES)
        .collect()
}

fn parse_line(line: &str) -> Option<KeFailure> {
    let (_, rest) = line.split_once("Could not connect to ")?;
    // ntp_signd.c's "Could not connect to signd socket PATH" is not NTS-KE.
    if rest.starts_with("signd ") {
        return None;
    }
    let (label, error) = match rest.split_once(" : ") {
        Some((l, e)) => (
            l.trim(),
            Some(e.trim().to_string()).filter(|e| !e.is_empty()),
        ),
        None => (rest.trim(), None),
    };
    let (sock, name) = match label.split_once(" (") {
        Some((s, n)) => (s.trim(), n.strip_suffix(')').map(str::to_string)),
        None => (label, None),
    };
    // UTI_IPSockAddrToString: "[::1]:4460" for IPv6, "a.b.c.d:4460" else.
    let (address, port) = match sock.strip_prefix('[') {
        Some(v6) => {
            let (a, p) = v6.split_once("]:")?;
            (a, p)
        }
        None => sock.rsplit_once(':')?,
    };
    address.parse::<IpAddr>().ok()?;
    Some(KeFailure {
        address: address.to_string(),
        port: port.parse().ok(),
        name,
        error,
    })
}

/// Marks each `sources` row that never answered and whose NTS-KE
/// connection chronyd logged as failing: that is its cause.
pub(super) fn apply(text: &str, parts: &mut [Explained]) {
    let failures = nts_ke_failures(text);
    if failures.is_empty() {
        return;
    }
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycSources) {
        let mut changed = false;
        for row in &mut e.rows {
            if value_reach(row) != Some(0) {
                continue;
            }
            let Some(k) = failures.iter().find(|k| k.about(row)) else {
                continue;
            };
            let reason = Reason::new(Why::NtsKeConnectFailed)
                .arg("error", k.error.clone().unwrap_or_else(|| "-".into()))
                .arg(
                    "port",
                    k.port.map_or_else(|| "-".to_string(), |p| p.to_string()),
                );
            for f in row
                .iter_mut()
                .filter(|f| matches!(f.name, F::Reach | F::LastRx | F::State))
            {
                f.status = Status::Bad;
                f.reason = Some(reason.clone());
            }
            changed = true;
        }
        if changed {
            super::diagnose::diagnose(e);
        }
    }
}

fn value_reach(row: &[super::model::Field]) -> Option<u32> {
    match field(row, F::Reach)?.value {
        Value::Reach(r) => Some(r.into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chronyds_nts_ke_connect_messages_are_read() {
        let got = nts_ke_failures(
            "2026-12-07T09:27:01Z Could not connect to 127.0.0.21:16280 (nts.r5.test) : Connection refused\n\
             Could not connect to [::1]:4460 (nts6.example)\n\
             Could not connect to signd socket /var/lib/samba/ntp_signd/socket : No such file\n\
             Could not connect to nowhere : Connection refused\n",
        );
        assert_eq!(
            got,
            vec![
                KeFailure {
                    address: "127.0.0.21".into(),
                    port: Some(16280),
                    name: Some("nts.r5.test".into()),
                    error: Some("Connection refused".into()),
                },
                KeFailure {
                    address: "::1".into(),
                    port: Some(4460),
                    name: Some("nts6.example".into()),
                    error: None,
                },
            ]
        );
    }

    #[test]
    fn a_flood_of_messages_is_capped() {
        let text = "Could not connect to 10.0.0.1:4460 (a) : Connection refused\n".repeat(1000);
        assert_eq!(nts_ke_failures(&text).len(), MAX_FAILURES);
    }
}
