//! A pasted `chronyc clients` (or `ntpq -c mrulist`) read against the roster: which expected
//! devices are in it (they poll that server), which are not, and which
//! clients are nobody the roster knows.

use serde::Serialize;

use super::IntentFile;
use crate::core::explain::{Explained, FieldId};

/// One roster device in the pasted list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PastedDevice {
    pub name: String,
    pub address: String,
    pub kind: super::DeviceKind,
    /// Its row's NTP requests (`None`: not in the list).
    pub ntp_packets: Option<u64>,
}

impl PastedDevice {
    pub fn polls(&self) -> bool {
        self.ntp_packets.is_some_and(|n| n > 0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PastedClients {
    pub devices: Vec<PastedDevice>,
    /// Clients (with NTP requests) on no device's address.
    pub unknown: Vec<String>,
}

/// The listed unknown clients at most (as the helper's report).
const MAX_UNKNOWN: usize = super::report::MAX_UNKNOWN_LISTED;

/// `None` when the output is not a client list.
pub fn read_pasted(e: &Explained, intent: &IntentFile) -> Option<PastedClients> {
    if !e.kind.lists_clients() {
        return None;
    }
    let rows: Vec<(&str, u64)> = e
        .rows
        .iter()
        .filter(|r| is_client_row(r))
        .filter_map(|r| {
            let addr = r.iter().find(|f| f.name == FieldId::Address)?.raw.as_str();
            let hits = r
                .iter()
                .find(|f| f.name == FieldId::NtpHits)
                .and_then(|f| f.raw.parse().ok())
                .unwrap_or(0);
            Some((addr, hits))
        })
        .collect();
    // chronyc prints names unless run with -n: match the host as written
    // and as an address.
    let same = |row: &str, host: &str| {
        row.eq_ignore_ascii_case(host)
            || matches!(
                (row.parse::<std::net::IpAddr>(), host.parse::<std::net::IpAddr>()),
                (Ok(a), Ok(b)) if a == b
            )
    };
    let devices: Vec<PastedDevice> = intent
        .devices
        .iter()
        .map(|d| {
            let host = d.host();
            PastedDevice {
                name: d.name.clone(),
                address: d.address.clone(),
                kind: d.kind,
                ntp_packets: rows.iter().find(|(a, _)| same(a, &host)).map(|(_, n)| *n),
            }
        })
        .collect();
    let unknown = rows
        .iter()
        .filter(|(a, n)| *n > 0 && !intent.devices.iter().any(|d| same(a, &d.host())))
        .map(|(a, _)| a.to_string())
        .take(MAX_UNKNOWN)
        .collect();
    Some(PastedClients { devices, unknown })
}

/// ntpq mrulist lists every sender: a row is a client in mode 3, or a
/// symmetric peer in 1 or 2; 4 is a server answering this ntpd, 6 and 7
/// are ntpq's and ntpdc's queries (chronyc clients has no mode: all are).
fn is_client_row(row: &[crate::core::explain::Field]) -> bool {
    row.iter()
        .find(|f| f.name == FieldId::NtpMode)
        .is_none_or(|f| matches!(f.raw.trim(), "1" | "2" | "3"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::roster::{Device, DeviceKind};

    #[test]
    fn a_pasted_client_list_names_who_polls_and_who_does_not() {
        let text = "\
Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last
===============================================================================
10.0.0.11                      12      0   6   -    21       0      0   -     -
pc-lab-7                        4      0   6   -    40       0      0   -     -
10.0.0.99                       3      0   6   -     5       0      0   -     -
";
        let e = crate::core::explain::explain(text).unwrap();
        let d = |name: &str, address: &str| Device {
            name: name.into(),
            address: address.into(),
            kind: DeviceKind::Chrony,
        };
        let intent = IntentFile {
            devices: vec![
                d("pc1", "10.0.0.11"),
                d("pc7", "pc-lab-7"),
                d("sw", "10.0.0.2"),
            ],
            ..IntentFile::default()
        };
        let p = read_pasted(&e, &intent).unwrap();
        let polls: Vec<bool> = p.devices.iter().map(PastedDevice::polls).collect();
        assert_eq!(polls, [true, true, false]);
        assert_eq!(p.unknown, ["10.0.0.99"]);
    }

    #[test]
    fn an_ntpq_mrulist_is_read_against_the_roster_by_its_clients_only() {
        // ntpq(1) mrulist: mode 6 is ntpq's own query, mode 4 a server
        // answering this ntpd: neither is a client polling it.
        let text = "\
lstint avgint rstr r m v  count    score   drop rport remote address
========================================================================
     0      0    0 . 6 2      3    0.050      0 52110 10.0.0.9
    20     64  1d0 . 3 4     96    0.015      0 123   10.0.0.21
    51   1024  1d0 . 4 4     12    0.000      0 123   10.0.0.2
";
        let e = crate::core::explain::explain(text).unwrap();
        let d = |name: &str, address: &str| Device {
            name: name.into(),
            address: address.into(),
            kind: DeviceKind::Chrony,
        };
        let intent = IntentFile {
            devices: vec![d("pc1", "10.0.0.21"), d("sw", "10.0.0.2")],
            ..IntentFile::default()
        };
        let p = read_pasted(&e, &intent).unwrap();
        let packets: Vec<Option<u64>> = p.devices.iter().map(|d| d.ntp_packets).collect();
        assert_eq!(packets, [Some(96), None]);
        assert!(p.unknown.is_empty(), "{:?}", p.unknown);
    }
}
