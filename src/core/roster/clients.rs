//! A pasted `chronyc clients` read against the roster: which expected
//! devices are in it (they poll that server), which are not, and which
//! clients are nobody the roster knows.

use serde::Serialize;

use super::IntentFile;
use crate::core::explain::{Explained, FieldId, Kind};

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
    if e.kind != Kind::ChronycClients {
        return None;
    }
    let rows: Vec<(&str, u64)> = e
        .rows
        .iter()
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
}
