//! NTP client configuration of network switches, in each vendor's syntax,
//! pointing at the lab server(s). The server commands follow each vendor's
//! command reference: Cisco IOS/IOS-XE and NX-OS "ntp server"; Huawei VRP
//! "ntp-service unicast-server" (support.huawei.com EDOC1100064351; the
//! cli_vrp and CloudEngine references add `port`); H3C/HPE Comware 7
//! "ntp-service unicast-server" and "ntp-service ipv6 unicast-server"
//! (FlexFabric 5930 NTP command reference); Juniper "server (NTP)" under
//! [edit system ntp]; Arista EOS "ntp server".

use std::fmt::Write as _;
use std::net::IpAddr;

use super::intent::{Intent, Note};
use super::options::{Format, Key, KeyType, Options, Target};

/// The vendor's name for a key type, `None` where it has none.
fn key_type(f: Format, k: KeyType) -> Option<&'static str> {
    use KeyType::*;
    match (f, k) {
        (_, Md5) => Some("md5"),
        (Format::CiscoIos, Sha1) => Some("hmac-sha1"),
        (Format::CiscoIos, Sha256) => Some("hmac-sha2-256"),
        (Format::HuaweiVrp, Sha256) => Some("hmac-sha256"),
        (Format::H3cComware, Sha1) => Some("hmac-sha-1"),
        (Format::H3cComware, Sha256) => Some("hmac-sha-256"),
        (Format::JuniperJunos, Sha1) => Some("sha1"),
        (Format::JuniperJunos, Sha256) => Some("sha256"),
        (Format::AristaEos, Sha1) => Some("sha1"),
        _ => None,
    }
}

pub fn config(
    f: Format,
    i: &Intent,
    o: &Options,
    notes: &mut Vec<Note>,
    comment: &dyn Fn(&Note) -> String,
) -> String {
    let mut t = String::new();
    // No switch OS of the six speaks NTS: a symmetric key is what they have.
    if o.nts {
        notes.push(Note::new("export-note-nts-switch").arg("format", f.name()));
    }
    // A device takes its key as typed text: the same bytes chronyd reads
    // from chrony.keys (a `HEX:` key decoded), or none where they are not
    // text.
    let typed = o.key.as_ref().and_then(|k| match k.device_secret() {
        Some(secret) => Some((k, secret)),
        None => {
            notes.push(Note::new("export-note-key-not-text").arg("id", k.id));
            None
        }
    });
    let key = typed.and_then(|(k, secret)| match key_type(f, k.kind) {
        Some(kt) => Some((
            Key {
                id: k.id,
                kind: k.kind,
                secret,
            },
            kt,
        )),
        None => {
            notes.push(
                Note::new("export-note-key-type")
                    .arg("type", k.kind.chrony())
                    .arg("format", f.name()),
            );
            None
        }
    });
    let key = key.as_ref().map(|(k, kt)| (k, *kt));
    let entries = entries(f, i, o, notes, comment);
    let src = o.source_interface.as_deref();
    // NX-OS reaches servers through mgmt0 only in VRF management.
    let vrf = o.vrf.as_deref().or_else(|| {
        (f == Format::CiscoNxos && src.is_some_and(|i| i.eq_ignore_ascii_case("mgmt0")))
            .then_some("management")
    });
    match f {
        Format::CiscoIos => {
            if let Some((k, kt)) = key {
                writeln!(t, "ntp authentication-key {} {kt} {}", k.id, k.secret).unwrap();
                writeln!(t, "ntp trusted-key {}\nntp authenticate", k.id).unwrap();
            }
            // IOS: ntp server [vrf NAME] {ip-address | ipv6-address |
            // [ip | ipv6] dns-name} [key ID] [source IF] [prefer]; no port.
            for e in &entries {
                let mut l = String::from("ntp server");
                if let Some(v) = vrf {
                    write!(l, " vrf {v}").unwrap();
                }
                write!(l, " {}", e.host).unwrap();
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                if let Some(i) = src {
                    write!(l, " source {i}").unwrap();
                }
                if e.prefer {
                    l.push_str(" prefer");
                }
                e.write(&mut t, &l);
            }
        }
        Format::CiscoNxos => {
            if let Some((k, kt)) = key {
                writeln!(t, "ntp authentication-key {} {kt} {} 0", k.id, k.secret).unwrap();
                writeln!(t, "ntp trusted-key {}\nntp authenticate", k.id).unwrap();
            }
            if let Some(i) = src {
                writeln!(t, "ntp source-interface {i}").unwrap();
            }
            // NX-OS: ntp server {ip-address | ipv6-address | dns-name}
            // [key ID] [prefer] [use-vrf NAME]; no port.
            for e in &entries {
                let mut l = format!("ntp server {}", e.host);
                if e.prefer {
                    l.push_str(" prefer");
                }
                if let Some(v) = vrf {
                    write!(l, " use-vrf {v}").unwrap();
                }
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                e.write(&mut t, &l);
            }
        }
        Format::HuaweiVrp => {
            if let Some((k, kt)) = key {
                t.push_str("ntp-service authentication enable\n");
                writeln!(
                    t,
                    "ntp-service authentication-keyid {} authentication-mode {kt} cipher {}",
                    k.id, k.secret
                )
                .unwrap();
                writeln!(t, "ntp-service reliable authentication-keyid {}", k.id).unwrap();
            }
            // VRP: ntp-service unicast-server ip-address [...] and
            // ntp-service unicast-server ipv6 ipv6-address [...], options
            // in any order (vpn-instance, authentication-keyid,
            // source-interface, preference, port); addresses only.
            for e in &entries {
                let family = if e.v6 { "ipv6 " } else { "" };
                let mut l = format!("ntp-service unicast-server {family}{}", e.host);
                if let Some(v) = vrf {
                    write!(l, " vpn-instance {v}").unwrap();
                }
                if let Some((k, _)) = key {
                    write!(l, " authentication-keyid {}", k.id).unwrap();
                }
                if let Some(i) = src {
                    write!(l, " source-interface {i}").unwrap();
                }
                if e.prefer {
                    l.push_str(" preference");
                }
                if let Some(p) = e.port {
                    write!(l, " port {p}").unwrap();
                }
                e.write(&mut t, &l);
            }
        }
        Format::H3cComware => {
            t.push_str("clock protocol ntp\nntp-service enable\n");
            if let Some((k, kt)) = key {
                t.push_str("ntp-service authentication enable\n");
                writeln!(
                    t,
                    "ntp-service authentication-keyid {} authentication-mode {kt} simple {}",
                    k.id, k.secret
                )
                .unwrap();
                writeln!(t, "ntp-service reliable authentication-keyid {}", k.id).unwrap();
            }
            // Comware 7: ntp-service unicast-server {server-name |
            // ip-address} and ntp-service ipv6 unicast-server {server-name
            // | ipv6-address}, then [vpn-instance NAME] and
            // [authentication-keyid ID | priority | source IF]*; no port.
            for e in &entries {
                let family = if e.v6 { "ipv6 " } else { "" };
                let mut l = format!("ntp-service {family}unicast-server {}", e.host);
                if let Some(v) = vrf {
                    write!(l, " vpn-instance {v}").unwrap();
                }
                if let Some((k, _)) = key {
                    write!(l, " authentication-keyid {}", k.id).unwrap();
                }
                if e.prefer {
                    l.push_str(" priority");
                }
                if let Some(i) = src {
                    write!(l, " source {i}").unwrap();
                }
                e.write(&mut t, &l);
            }
        }
        Format::JuniperJunos => {
            if let Some((k, kt)) = key {
                writeln!(
                    t,
                    "set system ntp authentication-key {} type {kt} value \"{}\"",
                    k.id, k.secret
                )
                .unwrap();
                writeln!(t, "set system ntp trusted-key {}", k.id).unwrap();
            }
            // Junos: server address <key ID> <prefer> <routing-instance
            // NAME> <version N>: "You must specify an address, not a
            // hostname"; no port.
            for e in &entries {
                let mut l = format!("set system ntp server {}", e.host);
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                if e.prefer {
                    l.push_str(" prefer");
                }
                if let Some(v) = vrf {
                    write!(l, " routing-instance {v}").unwrap();
                }
                e.write(&mut t, &l);
            }
            // Junos takes a source address, not an interface name.
            match src.map(|i| (i, i.parse::<IpAddr>())) {
                Some((_, Ok(ip))) => writeln!(t, "set system ntp source-address {ip}").unwrap(),
                Some((i, Err(_))) => {
                    notes.push(Note::new("export-note-junos-source").arg("interface", i))
                }
                None => {}
            }
        }
        Format::AristaEos => {
            if let Some((k, kt)) = key {
                writeln!(t, "ntp authentication-key {} {kt} {}", k.id, k.secret).unwrap();
                writeln!(t, "ntp trusted-key {}\nntp authenticate", k.id).unwrap();
            }
            if let Some(i) = src {
                match vrf {
                    Some(v) => writeln!(t, "ntp local-interface vrf {v} {i}").unwrap(),
                    None => writeln!(t, "ntp local-interface {i}").unwrap(),
                }
            }
            // EOS: ntp server [vrf NAME] {IPv4 | IPv6 | FQDN} [prefer]
            // [iburst] [key ID] ...; no port.
            for e in &entries {
                let mut l = String::from("ntp server");
                if let Some(v) = vrf {
                    write!(l, " vrf {v}").unwrap();
                }
                write!(l, " {}", e.host).unwrap();
                if e.prefer {
                    l.push_str(" prefer");
                }
                l.push_str(" iburst");
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                e.write(&mut t, &l);
            }
        }
        _ => unreachable!("not a switch format"),
    }
    t
}

/// A server line of a device: the host as the device takes it, in which
/// address family, the port to query where the device can say one, and
/// the comment naming the host an address was resolved from.
struct Entry {
    host: String,
    v6: bool,
    port: Option<u16>,
    prefer: bool,
    comment: Option<String>,
}

impl Entry {
    fn write(&self, t: &mut String, line: &str) {
        if let Some(c) = &self.comment {
            t.push_str(c);
        }
        writeln!(t, "{line}").unwrap();
    }
}

/// Formats whose server command takes an address only: Junos ("You must
/// specify an address, not a hostname", server (NTP), Junos CLI
/// reference) and VRP (ip-address / ipv6 ipv6-address, Huawei
/// "ntp-service unicast-server").
fn addresses_only(f: Format) -> bool {
    matches!(f, Format::HuaweiVrp | Format::JuniperJunos)
}

/// Formats with a port option on their server command: VRP's
/// `port port-number` (cli_vrp and CloudEngine references; the S-series
/// reference, EDOC1100064351, has none). IOS, NX-OS, Comware, Junos and
/// EOS query port 123 only.
fn has_port(f: Format) -> bool {
    f == Format::HuaweiVrp
}

/// The server lines' entries: the first of several servers preferred
/// (primary, then backup); names resolved where the device takes
/// addresses only; every port the device cannot say noted.
fn entries(
    f: Format,
    i: &Intent,
    o: &Options,
    notes: &mut Vec<Note>,
    comment: &dyn Fn(&Note) -> String,
) -> Vec<Entry> {
    let targets = o.targets(i);
    let several = targets.len() > 1;
    let mut out = Vec::new();
    for (n, t) in targets.iter().enumerate() {
        if let Some(p) = t.port {
            if has_port(f) {
                notes.push(Note::new("export-note-port-huawei").arg("port", p));
            } else {
                notes.push(
                    Note::new("export-note-port")
                        .arg("format", f.name())
                        .arg("host", &t.host)
                        .arg("port", p),
                );
            }
        }
        let Some((host, v6, resolved)) = device_host(f, t, notes) else {
            continue;
        };
        let comment = resolved.map(|addr| {
            comment(
                &Note::new("export-comment-server-resolved")
                    .arg("host", &t.host)
                    .arg("address", addr),
            )
        });
        out.push(Entry {
            host,
            v6,
            port: t.port.filter(|_| has_port(f)),
            prefer: n == 0 && several,
            comment,
        });
    }
    out
}

/// The host as device `f` takes it, whether it is IPv6, and the address a
/// name was resolved to (for the comment); `None`, with a note, for a
/// name a device that takes addresses only cannot be given.
fn device_host(
    f: Format,
    t: &Target,
    notes: &mut Vec<Note>,
) -> Option<(String, bool, Option<String>)> {
    if !t.is_name() {
        let v6 = t.addrs.first().is_some_and(|a| a.is_ipv6());
        return Some((t.host.clone(), v6, None));
    }
    if addresses_only(f) {
        let Some(ip) = t.device_address() else {
            notes.push(
                Note::new("export-note-switch-name-unknown")
                    .arg("format", f.name())
                    .arg("host", &t.host),
            );
            return None;
        };
        return Some((ip.to_string(), ip.is_ipv6(), Some(ip.to_string())));
    }
    // The device resolves the name itself. Comware looks a name up in
    // the family of the command: one with IPv6 addresses only takes the
    // ipv6 form.
    notes.push(
        Note::new("export-note-switch-dns")
            .arg("format", f.name())
            .arg("host", &t.host),
    );
    let v6_only = !t.addrs.is_empty() && t.addrs.iter().all(|a| a.is_ipv6());
    Some((t.host.clone(), f == Format::H3cComware && v6_only, None))
}
