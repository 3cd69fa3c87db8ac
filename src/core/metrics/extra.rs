//! The families chrony_exporter lacks: the health verdict, the leap second
//! list, clients and NTS.

use std::collections::BTreeMap;

use super::page::{Page, server};
use super::target::Target;

/// The verdict: one series per state (1 for the current one) and one per
/// alarm raised, as the window and `stratum status` say them.
pub(super) fn health(p: &mut Page, t: &Target) {
    use crate::core::alarm::HealthState;
    let Some(h) = t.health else {
        return;
    };
    for state in HealthState::ALL {
        let mut l = server(t.server);
        l.push(("state", state.id().to_string()));
        p.add(
            "chrony_health_state",
            "The verdict on the time service (Stratum): 1 for the current state.",
            "gauge",
            l,
            if *state == h.state { 1.0 } else { 0.0 },
        );
    }
    for a in &h.alarms {
        let mut l = server(t.server);
        l.push(("alarm", a.kind.id().to_string()));
        l.push((
            "severity",
            if a.critical() { "critical" } else { "warning" }.to_string(),
        ));
        l.push(("subject", a.what.clone()));
        p.add(
            "chrony_health_alarm",
            "An alarm raised by the verdict on the time service (Stratum).",
            "gauge",
            l,
            1.0,
        );
    }
}

/// The most subnets the client counts are given for; the rest are summed
/// under subnet="other" (one label value per client would explode).
pub const MAX_CLIENT_SUBNETS: usize = 32;

/// The leap second list's time left.
pub(super) fn leap(p: &mut Page, t: &Target) {
    if let Some(l) = t.leap_list {
        let mut labels = server(t.server);
        labels.push(("list", l.path.clone()));
        p.add(
            "chrony_leap_seconds_list_usable",
            "Whether chronyd can use the leap second list it reads (0: it cannot).",
            "gauge",
            labels,
            if l.problem.is_none() { 1.0 } else { 0.0 },
        );
    }
    if let Some(l) = t.leap_list.filter(|l| l.problem.is_none()) {
        let mut labels = server(t.server);
        labels.push(("list", l.path.clone()));
        p.add(
            "chrony_leap_seconds_list_expiry_seconds",
            "Seconds until the leap second list chronyd reads expires (negative: expired).",
            "gauge",
            labels,
            l.expires as f64 - t.now,
        );
    }
}

/// Client statistics (chrony_exporter lacks them): how many clients, their
/// NTP packets and drops, and clients per /24 (IPv4) or /64 (IPv6).
pub(super) fn clients(p: &mut Page, t: &Target) {
    if t.serverstats.is_none() {
        return;
    }
    let (hits, drops) = t.clients.iter().fold((0u64, 0u64), |a, c| {
        (a.0 + u64::from(c.ntp_hits), a.1 + u64::from(c.ntp_drops))
    });
    p.add(
        "chrony_clients",
        "The number of clients chronyd's client log holds.",
        "gauge",
        server(t.server),
        t.clients.len() as f64,
    );
    p.add(
        "chrony_clients_ntp_packets",
        "NTP requests from the clients in chronyd's client log.",
        "gauge",
        server(t.server),
        hits as f64,
    );
    p.add(
        "chrony_clients_ntp_packets_dropped",
        "NTP requests from those clients that chronyd dropped (rate limiting).",
        "gauge",
        server(t.server),
        drops as f64,
    );
    let mut nets: BTreeMap<String, u64> = BTreeMap::new();
    let mut other = 0u64;
    for c in t.clients {
        let net = match c.address {
            std::net::IpAddr::V4(a) => {
                let o = a.octets();
                format!("{}.{}.{}.0/24", o[0], o[1], o[2])
            }
            std::net::IpAddr::V6(a) => {
                let s = a.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        };
        if nets.contains_key(&net) || nets.len() < MAX_CLIENT_SUBNETS {
            *nets.entry(net).or_default() += 1;
        } else {
            other += 1;
        }
    }
    if other > 0 {
        nets.insert("other".into(), other);
    }
    for (net, n) in nets {
        let mut l = server(t.server);
        l.push(("subnet", net));
        p.add(
            "chrony_clients_subnet",
            "Clients per subnet (/24 or /64; subnets beyond the first 32 as other).",
            "gauge",
            l,
            n as f64,
        );
    }
}

/// NTS: each certificate's time left, each source's cookies, key
/// exchanges and NAKs (what tells an NTS client from a failing one).
pub(super) fn nts(p: &mut Page, t: &Target) {
    for c in t.nts_certs.iter().filter(|c| !c.unreadable) {
        let mut l = server(t.server);
        l.push(("certificate", c.path.clone()));
        p.add(
            "chrony_nts_certificate_expiry_seconds",
            "Seconds until the NTS server certificate expires (negative: expired).",
            "gauge",
            l,
            c.not_after as f64 - t.now,
        );
    }
    for (addr, a) in t.authdata.iter().filter(|(_, a)| a.mode == 2) {
        let l = || {
            let mut l = server(t.server);
            l.push(("source_address", addr.clone()));
            l
        };
        p.add(
            "chrony_authdata_nts_cookies",
            "The number of NTS cookies the source has left.",
            "gauge",
            l(),
            f64::from(a.cookies),
        );
        p.add(
            "chrony_authdata_nts_ke_attempts",
            "NTS-KE attempts since the last successful key exchange with the source.",
            "gauge",
            l(),
            f64::from(a.ke_attempts),
        );
        p.add(
            "chrony_authdata_nts_naks",
            "NTS NAK responses received from the source.",
            "gauge",
            l(),
            f64::from(a.nak),
        );
    }
}
