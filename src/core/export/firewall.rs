//! Firewall rules that let every flow of the lab reach the server's NTP
//! port (UDP 123 unless its `port` says otherwise): the allowed subnets
//! (clients and devices) and the partner of a primary/backup pair (peering
//! goes both ways).

use std::fmt::Write as _;

use ipnet::IpNet;

use super::intent::{Intent, Note};
use super::options::{Format, Options};

pub fn rules(f: Format, intent: &Intent, o: &Options, notes: &mut Vec<Note>) -> String {
    let mut t = String::new();
    let mut i = intent.clone();
    // Peers: the configured ones and --peer. A name cannot go in a rule.
    // A name is let in by the addresses it has now (looked up by the
    // caller), else named in a note.
    let peer_host = o.peer_addr().map(|(h, _)| h);
    for p in i.peers.clone().iter().chain(peer_host.iter()) {
        let addrs = o.target(p, None).addrs;
        if addrs.is_empty() {
            notes.push(
                Note::new("export-note-peer-name")
                    .arg("peer", p)
                    .arg("port", i.ntp_port),
            );
        }
        for ip in addrs {
            if !i.allowed.iter().any(|n| n.contains(&ip)) {
                i.allowed.push(IpNet::from(ip));
            }
        }
    }
    let i = &i;
    if !i.allow_all && i.allowed.is_empty() {
        notes.push(Note::new("export-note-no-allow"));
        return t;
    }
    // chrony.conf(5) port: "the port on which chronyd will listen for NTP
    // requests" (123 unless set; 0: none).
    if i.serves_ntp() {
        ntp_rules(f, i, &mut t);
    }
    // NTS-KE (TCP) where the server has a certificate: the same clients.
    if i.nts_server {
        nts_ke(f, i, &mut t);
    }
    // cmdmon for the monitoring host alone.
    if let Some(m) = &o.monitor {
        match (f, m.parse::<std::net::IpAddr>()) {
            (Format::Firewalld, Ok(ip)) => {
                let family = if ip.is_ipv4() { "ipv4" } else { "ipv6" };
                writeln!(t, "firewall-cmd --permanent --add-rich-rule='rule family=\"{family}\" source address=\"{ip}\" port port=\"323\" protocol=\"udp\" accept'").unwrap();
                t.push_str("firewall-cmd --reload\n");
            }
            (Format::Ufw, Ok(ip)) => {
                writeln!(t, "ufw allow from {ip} to any port 323 proto udp").unwrap();
            }
            (Format::Nftables, Ok(ip)) => {
                let fam = if ip.is_ipv4() { "ip" } else { "ip6" };
                writeln!(
                    t,
                    "nft add rule inet filter input {fam} saddr {ip} udp dport 323 accept"
                )
                .unwrap();
            }
            (_, Err(_)) => notes.push(
                Note::new("export-note-peer-name")
                    .arg("peer", m)
                    .arg("port", 323),
            ),
            _ => {}
        }
    }
    t
}

/// The rules that let the allowed clients reach NTP (UDP `port`).
fn ntp_rules(f: Format, i: &Intent, t: &mut String) {
    let port = i.ntp_port;
    // firewalld's "ntp" service is UDP 123; another port is named.
    let service = (port == super::intent::NTP_PORT).then_some("ntp");
    port_rules(f, i, t, port, "udp", service);
}

/// The rules that let the allowed clients reach NTS-KE (TCP `ntsport`).
fn nts_ke(f: Format, i: &Intent, t: &mut String) {
    port_rules(f, i, t, i.ntsport, "tcp", None);
}

/// The rules that let the allowed clients (all, or the allowed subnets)
/// reach `port`/`proto`; for firewalld by its `service` name where it has
/// one.
fn port_rules(
    f: Format,
    i: &Intent,
    t: &mut String,
    port: u16,
    proto: &str,
    service: Option<&str>,
) {
    match f {
        Format::Firewalld => {
            if i.allow_all {
                match service {
                    Some(name) => writeln!(t, "firewall-cmd --permanent --add-service={name}"),
                    None => writeln!(t, "firewall-cmd --permanent --add-port={port}/{proto}"),
                }
                .unwrap();
            }
            let what = match service {
                Some(name) => format!("service name=\"{name}\""),
                None => format!("port port=\"{port}\" protocol=\"{proto}\""),
            };
            for n in &i.allowed {
                let family = if matches!(n, IpNet::V4(_)) {
                    "ipv4"
                } else {
                    "ipv6"
                };
                writeln!(
                    t,
                    "firewall-cmd --permanent --add-rich-rule='rule family=\"{family}\" source address=\"{n}\" {what} accept'"
                )
                .unwrap();
            }
            t.push_str("firewall-cmd --reload\n");
        }
        Format::Ufw => {
            if i.allow_all {
                writeln!(t, "ufw allow {port}/{proto}").unwrap();
            }
            for n in &i.allowed {
                writeln!(t, "ufw allow from {n} to any port {port} proto {proto}").unwrap();
            }
        }
        Format::Nftables => {
            // Added to the `inet filter` table of a stock nftables.conf.
            if i.allow_all {
                writeln!(
                    t,
                    "nft add rule inet filter input {proto} dport {port} accept"
                )
                .unwrap();
            }
            for (fam, v6) in [("ip", false), ("ip6", true)] {
                let nets: Vec<String> = i
                    .allowed
                    .iter()
                    .filter(|n| matches!(n, IpNet::V6(_)) == v6)
                    .map(|n| n.to_string())
                    .collect();
                if !nets.is_empty() {
                    writeln!(
                        t,
                        "nft add rule inet filter input {fam} saddr {{ {} }} {proto} dport {port} accept",
                        nets.join(", ")
                    )
                    .unwrap();
                }
            }
        }
        _ => unreachable!("not a firewall format"),
    }
}
