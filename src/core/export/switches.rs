//! NTP client configuration of network switches, in each vendor's syntax,
//! pointing at the lab server(s).

use std::fmt::Write as _;
use std::net::IpAddr;

use super::intent::Note;
use super::options::{Format, Key, KeyType, Options};

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

pub fn config(f: Format, o: &Options, notes: &mut Vec<Note>) -> String {
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
    // The first of several servers is preferred (primary, then backup).
    let prefer = |n: usize| n == 0 && o.servers.len() > 1;
    // Switches query port 123 only.
    let addrs = o.server_addrs();
    for (host, port) in &addrs {
        if let Some(p) = port {
            notes.push(
                Note::new("export-note-port")
                    .arg("host", host)
                    .arg("port", p),
            );
        }
    }
    let hosts: Vec<String> = addrs.into_iter().map(|(h, _)| h).collect();
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
            for (n, s) in hosts.iter().enumerate() {
                let mut l = String::from("ntp server");
                if let Some(v) = vrf {
                    write!(l, " vrf {v}").unwrap();
                }
                write!(l, " {s}").unwrap();
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                if let Some(i) = src {
                    write!(l, " source {i}").unwrap();
                }
                if prefer(n) {
                    l.push_str(" prefer");
                }
                writeln!(t, "{l}").unwrap();
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
            for (n, s) in hosts.iter().enumerate() {
                let mut l = format!("ntp server {s}");
                if prefer(n) {
                    l.push_str(" prefer");
                }
                if let Some(v) = vrf {
                    write!(l, " use-vrf {v}").unwrap();
                }
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                writeln!(t, "{l}").unwrap();
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
            for (n, s) in hosts.iter().enumerate() {
                let mut l = format!("ntp-service unicast-server {s}");
                if let Some(v) = vrf {
                    write!(l, " vpn-instance {v}").unwrap();
                }
                if let Some((k, _)) = key {
                    write!(l, " authentication-keyid {}", k.id).unwrap();
                }
                if let Some(i) = src {
                    write!(l, " source-interface {i}").unwrap();
                }
                if prefer(n) {
                    l.push_str(" preference");
                }
                writeln!(t, "{l}").unwrap();
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
            for (n, s) in hosts.iter().enumerate() {
                let mut l = format!("ntp-service unicast-server {s}");
                if let Some(v) = vrf {
                    write!(l, " vpn-instance {v}").unwrap();
                }
                if let Some((k, _)) = key {
                    write!(l, " authentication-keyid {}", k.id).unwrap();
                }
                if prefer(n) {
                    l.push_str(" priority");
                }
                if let Some(i) = src {
                    write!(l, " source {i}").unwrap();
                }
                writeln!(t, "{l}").unwrap();
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
            for (n, s) in hosts.iter().enumerate() {
                let mut l = format!("set system ntp server {s}");
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                if prefer(n) {
                    l.push_str(" prefer");
                }
                if let Some(v) = vrf {
                    write!(l, " routing-instance {v}").unwrap();
                }
                writeln!(t, "{l}").unwrap();
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
            for (n, s) in hosts.iter().enumerate() {
                let mut l = String::from("ntp server");
                if let Some(v) = vrf {
                    write!(l, " vrf {v}").unwrap();
                }
                write!(l, " {s}").unwrap();
                if prefer(n) {
                    l.push_str(" prefer");
                }
                l.push_str(" iburst");
                if let Some((k, _)) = key {
                    write!(l, " key {}", k.id).unwrap();
                }
                writeln!(t, "{l}").unwrap();
            }
        }
        _ => unreachable!("not a switch format"),
    }
    t
}
