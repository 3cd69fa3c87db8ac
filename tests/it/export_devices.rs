//! Exports a device or daemon would reject or misuse, each against the
//! vendor's or the daemon's own command reference:
//! - IPv6 servers: Huawei VRP "ntp-service unicast-server ipv6 ipv6-address"
//!   (support.huawei.com EDOC1100064351, ntp-service unicast-server); H3C /
//!   HPE Comware 7 "ntp-service ipv6 unicast-server { server-name |
//!   ipv6-address } [ vpn-instance … ] [ authentication-keyid | priority |
//!   source ]*" (FlexFabric 5930 NTP command reference); IOS "ntp server
//!   [vrf] {ip-address | ipv6-address | [ip | ipv6] dns-name}"; NX-OS "ntp
//!   server {ip-address | ipv6-address | dns-name}"; Junos "server address
//!   … You must specify an address, not a hostname"; EOS "ntp server [vrf]
//!   {IPv4 | IPv6 | hostname}".
//! - The lab server's port: chrony.conf(5) port ("the port on which chronyd
//!   will listen for NTP requests") and the server option "port"; VRP's
//!   "port port-number" (cli_vrp, CloudEngine references); ntp.conf(5) has
//!   no port option.
//! - Names in a client's `allow`: chronyd resolves them once at start and
//!   refuses the whole file when one does not resolve.
//! - Keys: ntp.conf(5) server/peer "key key"; chrony.conf(5) peer: "A
//!   denial-of-service attack is possible on unauthenticated symmetric
//!   associations, i.e. when the peer was specified without the key option".

use std::net::IpAddr;

use stratum::core::conf::Document;
use stratum::core::export::{Export, Format, Options, Role, export};
use stratum::i18n::{Lang, Localizer};

use crate::common;

const SWITCHES: [Format; 6] = [
    Format::CiscoIos,
    Format::CiscoNxos,
    Format::HuaweiVrp,
    Format::H3cComware,
    Format::JuniperJunos,
    Format::AristaEos,
];

fn lab(extra: &str) -> Document {
    Document::parse(format!(
        "server 192.0.2.1 iburst\nallow 10.20.0.0/16\nallow 2001:db8:20::/48\nlocal stratum 10\n{extra}"
    ))
}

fn run(doc: &Document, format: Format, opts: &Options) -> Export {
    export(doc, format, opts, "test").unwrap()
}

fn has_note(e: &Export, id: &str) -> bool {
    e.notes.iter().any(|n| n.id == id)
}

fn lines(e: &Export) -> Vec<&str> {
    e.text
        .lines()
        .filter(|l| !l.starts_with(['#', '!']))
        .collect()
}

fn switch_opts(servers: &[&str]) -> Options {
    Options {
        servers: servers.iter().map(|s| s.to_string()).collect(),
        key: Some("42:md5:LabKey42".parse().unwrap()),
        vrf: Some("MGMT".into()),
        source_interface: Some("Vlan100".into()),
        ..Options::default()
    }
}

/// Each vendor's IPv6 form, the IPv4 form beside it, and no IPv6 address
/// ever behind a command that takes IPv4 only.
#[test]
fn ipv6_servers_use_each_vendors_ipv6_command() {
    let opts = switch_opts(&["2001:db8:20::1", "192.0.2.10"]);
    let expect = [
        (
            Format::HuaweiVrp,
            "ntp-service unicast-server ipv6 2001:db8:20::1 vpn-instance MGMT authentication-keyid 42 source-interface Vlan100 preference",
            "ntp-service unicast-server 192.0.2.10 vpn-instance MGMT authentication-keyid 42 source-interface Vlan100",
        ),
        (
            Format::H3cComware,
            "ntp-service ipv6 unicast-server 2001:db8:20::1 vpn-instance MGMT authentication-keyid 42 priority source Vlan100",
            "ntp-service unicast-server 192.0.2.10 vpn-instance MGMT authentication-keyid 42 source Vlan100",
        ),
        (
            Format::CiscoIos,
            "ntp server vrf MGMT 2001:db8:20::1 key 42 source Vlan100 prefer",
            "ntp server vrf MGMT 192.0.2.10 key 42 source Vlan100",
        ),
        (
            Format::CiscoNxos,
            "ntp server 2001:db8:20::1 prefer use-vrf MGMT key 42",
            "ntp server 192.0.2.10 use-vrf MGMT key 42",
        ),
        (
            Format::JuniperJunos,
            "set system ntp server 2001:db8:20::1 key 42 prefer routing-instance MGMT",
            "set system ntp server 192.0.2.10 key 42 routing-instance MGMT",
        ),
        (
            Format::AristaEos,
            "ntp server vrf MGMT 2001:db8:20::1 prefer iburst key 42",
            "ntp server vrf MGMT 192.0.2.10 iburst key 42",
        ),
    ];
    for (format, v6, v4) in expect {
        let e = run(&lab(""), format, &opts);
        let l = lines(&e);
        assert!(l.contains(&v6), "{format}: {}", e.text);
        assert!(l.contains(&v4), "{format}: {}", e.text);
    }
    // The IPv4-only commands never carry an IPv6 address.
    for format in [Format::HuaweiVrp, Format::H3cComware] {
        let e = run(&lab(""), format, &opts);
        for line in lines(&e) {
            if let Some(rest) = line.strip_prefix("ntp-service unicast-server ") {
                let host = rest.split_whitespace().next().unwrap();
                assert!(
                    !host.parse::<IpAddr>().is_ok_and(|a| a.is_ipv6()),
                    "{format}: {line}"
                );
            }
        }
    }
}

/// VRP and Junos take addresses only: a name is written as the address it
/// had when the file was made, under a comment naming it, or left out with
/// a note. IOS, NX-OS, Comware and EOS resolve the name themselves (noted);
/// Comware needs its IPv6 command for a name with IPv6 addresses only.
#[test]
fn names_on_devices_that_take_addresses_only() {
    let name = "ntp.lab.example";
    let with = |addrs: &[&str]| {
        let mut o = switch_opts(&["192.0.2.10", name]);
        o.set_addresses(name, addrs.iter().map(|a| a.parse().unwrap()).collect());
        o
    };
    // Both families: the device gets the IPv4 address, once.
    let both = with(&["2001:db8::7", "192.0.2.7"]);
    let e = run(&lab(""), Format::HuaweiVrp, &both);
    assert!(
        lines(&e).contains(
            &"ntp-service unicast-server 192.0.2.7 vpn-instance MGMT authentication-keyid 42 source-interface Vlan100"
        ),
        "{}",
        e.text
    );
    assert!(!e.text.contains("2001:db8::7") && !lines(&e).iter().any(|l| l.contains(name)));
    let comment = e
        .text
        .lines()
        .find(|l| l.starts_with('#') && l.contains(name))
        .unwrap_or_else(|| panic!("no comment names {name}: {}", e.text));
    assert!(comment.contains("192.0.2.7"), "{comment}");
    let e = run(&lab(""), Format::JuniperJunos, &both);
    assert!(
        lines(&e).contains(&"set system ntp server 192.0.2.7 key 42 routing-instance MGMT"),
        "{}",
        e.text
    );
    // IPv6 only: VRP's IPv6 command; Comware keeps the name in its IPv6
    // command.
    let v6 = with(&["2001:db8::7"]);
    let e = run(&lab(""), Format::HuaweiVrp, &v6);
    assert!(
        e.text
            .contains("\nntp-service unicast-server ipv6 2001:db8::7 vpn-instance MGMT"),
        "{}",
        e.text
    );
    let e = run(&lab(""), Format::H3cComware, &v6);
    assert!(
        e.text
            .contains("\nntp-service ipv6 unicast-server ntp.lab.example vpn-instance MGMT"),
        "{}",
        e.text
    );
    // Unknown: left out, with a note; the other server stays.
    let unknown = switch_opts(&["192.0.2.10", name]);
    for format in [Format::HuaweiVrp, Format::JuniperJunos] {
        let e = run(&lab(""), format, &unknown);
        assert!(!e.text.contains(name), "{format}: {}", e.text);
        assert!(e.text.contains("192.0.2.10"), "{format}: {}", e.text);
        assert!(
            has_note(&e, "export-note-switch-name-unknown"),
            "{format}: {:?}",
            e.notes
        );
    }
    // The others take the name and resolve it themselves.
    for format in [
        Format::CiscoIos,
        Format::CiscoNxos,
        Format::H3cComware,
        Format::AristaEos,
    ] {
        let e = run(&lab(""), format, &unknown);
        assert!(
            lines(&e).iter().any(|l| l.contains(name)),
            "{format}: {}",
            e.text
        );
        assert!(has_note(&e, "export-note-switch-dns"), "{format}");
    }
    let e = run(&lab(""), Format::H3cComware, &unknown);
    assert!(
        e.text
            .contains("\nntp-service unicast-server ntp.lab.example vpn-instance MGMT"),
        "{}",
        e.text
    );
}

/// A lab server on `port 1123` (NTS-KE on 14460): the firewalls open UDP
/// 1123 and never 123, clients and VRP query 1123, chrony-server keeps the
/// port (and its partner queries it), and what cannot say a port says so.
#[test]
fn the_lab_servers_port_is_what_its_clients_firewalls_and_devices_use() {
    let doc = lab(
        "port 1123\nntsport 14460\nntsservercert /etc/chrony/s.crt\nntsserverkey /etc/chrony/s.key\n",
    );
    let e = run(&doc, Format::Firewalld, &Options::default());
    assert!(
        e.text
            .contains("source address=\"10.20.0.0/16\" port port=\"1123\" protocol=\"udp\" accept"),
        "{}",
        e.text
    );
    assert!(e.text.contains("port port=\"14460\" protocol=\"tcp\""));
    assert!(!e.text.contains("service name=\"ntp\""), "{}", e.text);
    let e = run(&doc, Format::Ufw, &Options::default());
    assert!(
        e.text
            .contains("ufw allow from 2001:db8:20::/48 to any port 1123 proto udp\n")
    );
    assert!(!e.text.contains("port 123 proto udp"), "{}", e.text);
    let e = run(&doc, Format::Nftables, &Options::default());
    assert!(
        e.text
            .contains("ip saddr { 10.20.0.0/16 } udp dport 1123 accept")
    );
    assert!(e.text.contains("tcp dport 14460 accept"));
    assert!(!e.text.contains("dport 123 "), "{}", e.text);
    // `allow` (everyone): the port itself, not firewalld's ntp service.
    let all = Document::parse("allow\nlocal stratum 10\nport 1123\n");
    let e = run(&all, Format::Firewalld, &Options::default());
    assert!(
        e.text
            .contains("firewall-cmd --permanent --add-port=1123/udp\n"),
        "{}",
        e.text
    );
    let e = run(&all, Format::Ufw, &Options::default());
    assert!(e.text.contains("ufw allow 1123/udp\n"), "{}", e.text);

    let client = |servers: &[&str]| Options {
        servers: servers.iter().map(|s| s.to_string()).collect(),
        ..Options::default()
    };
    let e = run(&doc, Format::ChronyClient, &client(&["192.0.2.50"]));
    assert!(
        e.text.contains("\nserver 192.0.2.50 port 1123 iburst\n"),
        "{}",
        e.text
    );
    // A port given with the server is that server's.
    let e = run(&doc, Format::ChronyClient, &client(&["192.0.2.50:2000"]));
    assert!(
        e.text.contains("\nserver 192.0.2.50 port 2000 iburst\n"),
        "{}",
        e.text
    );

    // ntpd has no port option: said, for its clients and its own file.
    let e = run(&doc, Format::NtpClient, &client(&["192.0.2.50"]));
    let note = e.notes.iter().find(|n| n.id == "export-note-ntp-port");
    assert!(
        note.is_some_and(|n| n.args.contains(&("port", "1123".into()))),
        "{:?}",
        e.notes
    );
    let e = run(&doc, Format::Ntp, &Options::default());
    assert!(
        has_note(&e, "export-note-server-port-ntpd"),
        "{:?}",
        e.notes
    );

    // VRP says the port; the others cannot and say so, naming themselves.
    for format in SWITCHES {
        let e = run(&doc, format, &client(&["192.0.2.50"]));
        if format == Format::HuaweiVrp {
            assert!(
                e.text
                    .contains("\nntp-service unicast-server 192.0.2.50 port 1123\n"),
                "{}",
                e.text
            );
            assert!(has_note(&e, "export-note-port-huawei"));
        } else {
            let note = e.notes.iter().find(|n| n.id == "export-note-port");
            assert!(
                note.is_some_and(|n| n.args.contains(&("format", format.name().into()))),
                "{format}: {:?}",
                e.notes
            );
            assert!(!e.text.contains("1123"), "{format}: {}", e.text);
        }
    }

    // The server keeps its port; its partner (exported from the same
    // file) listens there too.
    let pair = Options {
        peer: Some("10.20.0.2".into()),
        ..Options::default()
    };
    let e = run(&doc, Format::ChronyServer, &pair);
    assert!(e.text.contains("\nport 1123\n"), "{}", e.text);
    assert!(
        e.text.contains("\npeer 10.20.0.2 port 1123\n"),
        "{}",
        e.text
    );

    // `port 0`: the server answers no NTP; nothing is opened for it.
    let off = lab("port 0\n");
    let e = run(&off, Format::Nftables, &Options::default());
    assert!(!e.text.contains("udp dport"), "{}", e.text);
    assert!(has_note(&e, "export-note-port-zero"));
    let e = run(&off, Format::ChronyClient, &client(&["192.0.2.50"]));
    assert!(
        e.text.contains("\nserver 192.0.2.50 iburst\n"),
        "{}",
        e.text
    );
    assert!(has_note(&e, "export-note-port-zero"));
}

/// A client allows its servers by address: a name as the addresses it
/// has now (a comment names it), or not at all, with a note — never the
/// name, which chronyd would have to resolve at start or refuse the file.
#[test]
fn a_client_allows_its_servers_by_address_never_by_name() {
    let name = "ntp.lab.example";
    let mut opts = Options {
        servers: vec!["192.0.2.50".into(), name.into()],
        ..Options::default()
    };
    let e = run(&lab(""), Format::ChronyClient, &opts);
    assert!(
        e.text.contains(&format!("\nserver {name} iburst\n")),
        "{}",
        e.text
    );
    assert!(e.text.contains("\nallow 192.0.2.50\n"), "{}", e.text);
    assert!(!e.text.contains(&format!("allow {name}")), "{}", e.text);
    let note = e
        .notes
        .iter()
        .find(|n| n.id == "export-note-allow-name-unknown")
        .unwrap();
    assert!(note.args.contains(&("host", name.into())));
    opts.set_addresses(
        name,
        vec![
            "192.0.2.51".parse().unwrap(),
            "2001:db8::51".parse().unwrap(),
        ],
    );
    let e = run(&lab(""), Format::ChronyClient, &opts);
    let text = &e.text;
    assert!(
        text.contains("\nallow 192.0.2.51\nallow 2001:db8::51\n"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with('#') && l.contains(name) && l.contains("192.0.2.51")),
        "no comment names {name} and its address: {text}"
    );
    assert!(!has_note(&e, "export-note-allow-name-unknown"));
}

/// The same through the command line, which looks names up on this
/// machine: `localhost` (the hosts file) becomes its address; a name
/// under `.invalid` (RFC 6761: never resolves, never queried) is left out
/// with a note on stderr, in either language.
#[test]
fn the_command_line_resolves_names_when_it_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let conf = tmp.path().join("lab.conf");
    std::fs::write(&conf, "allow 127.0.0.0/8\nlocal stratum 10\n").unwrap();
    let out = common::stratum()
        .arg("export")
        .arg(&conf)
        .args([
            "--to",
            "chrony-client",
            "--server",
            "localhost",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let local: Vec<IpAddr> = stratum::sys::addresses("localhost");
    assert!(!local.is_empty(), "localhost does not resolve here");
    for a in &local {
        assert!(text.contains(&format!("\nallow {a}\n")), "{text}");
    }
    assert!(!text.contains("allow localhost"), "{text}");
    for (lang, words) in [("en", "no address known here"), ("zh-CN", "查不到")] {
        let out = common::stratum()
            .arg("export")
            .arg(&conf)
            .args(["--to", "chrony-client", "--server", "ntp.lab.invalid"])
            .args(["--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!text.lines().any(|l| l.starts_with("allow")), "{text}");
        assert!(
            err.contains("ntp.lab.invalid") && err.contains(words),
            "{err}"
        );
    }
    // Devices that take addresses only get the address.
    let out = common::stratum()
        .arg("export")
        .arg(&conf)
        .args(["--to", "juniper-junos", "--server", "localhost"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "\nset system ntp server {}\n",
            local.iter().find(|a| a.is_ipv4()).unwrap_or(&local[0])
        )),
        "{text}"
    );
}

/// ntpd authenticates a server only with `key N` on its line (trustedkey
/// alone marks the key trusted); the key note names ntpd's file, not
/// chrony's. The pair's peer uses the key, in ntp.conf and chrony.conf.
#[test]
fn keys_are_used_on_every_association_they_are_given_for() {
    let key = Some("42:md5:LabKey42".parse().unwrap());
    let e = run(
        &lab(""),
        Format::NtpClient,
        &Options {
            servers: vec!["2001:db8:20::1".into(), "192.0.2.50".into()],
            key: key.clone(),
            ..Options::default()
        },
    );
    for l in e.text.lines().filter(|l| l.starts_with("server ")) {
        assert!(l.ends_with(" key 42"), "{l}");
    }
    assert!(e.text.contains("\ntrustedkey 42\n"));
    assert!(!has_note(&e, "export-note-key-file"));
    let note = e
        .notes
        .iter()
        .find(|n| n.id == "export-note-key-file-ntpd")
        .unwrap();
    for lang in Lang::ALL {
        let text = Localizer::new(lang).tr_args(note.id, &note.args);
        assert!(
            text.contains("/etc/ntp.keys") && text.contains("ntpd"),
            "{text}"
        );
        assert!(!text.contains("chrony"), "{text}");
    }
    // The pair: --peer, and a primary's own peer lines.
    let pair = Options {
        peer: Some("2001:db8:20::2".into()),
        key: Some("5:sha256:abcdefabcdefabcdefabcdef".parse().unwrap()),
        ..Options::default()
    };
    let e = run(&lab(""), Format::ChronyServer, &pair);
    assert!(
        e.text.contains("\npeer 2001:db8:20::2 key 5\n"),
        "{}",
        e.text
    );
    let e = run(&lab(""), Format::Ntp, &pair);
    assert!(
        e.text.contains("\npeer 2001:db8:20::2 key 5\n"),
        "{}",
        e.text
    );
    let own = lab("peer 10.20.0.2 minpoll 4\n");
    let e = run(
        &own,
        Format::ChronyServer,
        &Options {
            key: pair.key.clone(),
            ..Options::default()
        },
    );
    assert!(
        e.text.contains("\npeer 10.20.0.2 minpoll 4 key 5\n"),
        "{}",
        e.text
    );
    // A backup without --peer has none: nothing to key.
    let backup = run(
        &own,
        Format::ChronyServer,
        &Options {
            role: Role::Backup,
            peer: Some("10.20.0.1".into()),
            key: pair.key.clone(),
            ..Options::default()
        },
    );
    assert!(
        backup.text.contains("\npeer 10.20.0.1 key 5\n"),
        "{}",
        backup.text
    );
}
