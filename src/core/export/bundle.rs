//! A lab bundle: one file per host and device of a described lab, plus a
//! README of what goes where.

use serde::Deserialize;

use super::{Format, Key, Note, OptionError, Options, Role, export};
use crate::core::conf::{Access, AccessScope, Document, parse_user_subnet};

/// A lab as the user describes it (TOML).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LabSpec {
    /// The primary server's chrony.conf, relative to the description.
    pub config: String,
    pub primary: String,
    #[serde(default)]
    pub backup: Option<String>,
    #[serde(default)]
    pub client_subnets: Vec<String>,
    #[serde(default)]
    pub key: Option<String>,
    /// A host that watches the servers (`stratum-helper --watch`,
    /// Prometheus): let in to their cmdmon on UDP 323, and nobody else.
    #[serde(default)]
    pub monitor: Option<String>,
    #[serde(default, rename = "switch")]
    pub switches: Vec<SwitchSpec>,
    /// NTS for the lab: a CA, a certificate for each server, clients that
    /// authenticate them (the caller makes the certificates).
    #[serde(default)]
    pub nts: bool,
}

/// The NTS certificates of a bundle: the CA the clients trust, and each
/// server's pair.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleNts {
    pub ca_cert: String,
    pub primary: crate::core::nts::Pem,
    pub backup: Option<crate::core::nts::Pem>,
}

/// Where the playbook puts the NTS files on every distribution.
pub const NTS_DIR: &str = "/etc/chrony/nts";

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SwitchSpec {
    pub name: String,
    pub vendor: String,
    #[serde(default)]
    pub source_interface: Option<String>,
    /// The address the switch sends from (its source interface's), when
    /// known: it is let in like a client subnet.
    #[serde(default)]
    pub source_address: Option<String>,
    #[serde(default)]
    pub vrf: Option<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BundleError {
    #[error("bad option")]
    Option(#[from] OptionError),
    #[error("bad subnet {0}")]
    Subnet(String),
    #[error("unknown vendor {0}")]
    Vendor(String),
    #[error("bad switch name {0}")]
    Name(String),
}

/// One file of the bundle: a relative path, its text, and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleFile {
    pub path: String,
    pub text: String,
    pub notes: Vec<Note>,
    /// Holds a secret: written readable by its owner alone.
    pub private: bool,
}

/// Builds every file of the bundle. `header(format)` gives each file's
/// first comment; `readme` renders the README from the list of files.
pub fn build(
    spec: &LabSpec,
    server_doc: &Document,
    header: &dyn Fn(Format) -> String,
    nts: Option<&BundleNts>,
) -> Result<Vec<BundleFile>, BundleError> {
    let mut doc = server_doc.clone();
    if nts.is_some() {
        // The servers serve NTS from the files the playbook places.
        for line in [
            format!("ntsservercert {NTS_DIR}/server.crt"),
            format!("ntsserverkey {NTS_DIR}/server.key"),
            "ntsdumpdir /var/lib/chrony".to_string(),
        ] {
            let (name, args) = line.split_once(' ').expect("a directive");
            let d = crate::core::conf::Directive::parse(name, args).expect("a valid line");
            doc.set_single(name, Some(&d));
        }
    }
    let allow = |doc: &mut Document, s: &str| -> Result<(), BundleError> {
        let target = parse_user_subnet(s).map_err(|_| BundleError::Subnet(s.to_string()))?;
        doc.add_access(&Access {
            scope: AccessScope::Ntp,
            allow: true,
            all: false,
            target,
        });
        Ok(())
    };
    for s in &spec.client_subnets {
        allow(&mut doc, s)?;
    }
    // Switches query the servers from their source address.
    let mut switch_notes = Vec::new();
    for sw in &spec.switches {
        match &sw.source_address {
            Some(a) => allow(&mut doc, a)?,
            None => switch_notes.push(
                Note::new("export-note-switch-source")
                    .arg("switch", &sw.name)
                    .arg("interface", sw.source_interface.as_deref().unwrap_or("-")),
            ),
        }
    }
    let key: Option<Key> = spec.key.as_deref().map(str::parse).transpose()?;
    let mut servers = vec![spec.primary.clone()];
    servers.extend(spec.backup.clone());
    let base = Options {
        servers: servers.clone(),
        key: key.clone(),
        ..Options::default()
    };
    let client_opts = Options {
        nts: nts.is_some(),
        nts_ca: nts.map(|_| format!("{NTS_DIR}/ca.crt")),
        ..base.clone()
    };
    // A server's own configuration does not point at the lab's servers.
    let server_opts = Options {
        servers: Vec::new(),
        ..base.clone()
    };
    let mut files = Vec::new();
    let mut add =
        |doc: &Document, path: String, format: Format, opts: &Options| -> Result<(), BundleError> {
            let e = export(doc, format, opts, &header(format))?;
            files.push(BundleFile {
                path,
                text: e.text,
                notes: e.notes,
                private: false,
            });
            Ok(())
        };
    // Monitoring: cmdmon on the server's own address, for the monitor only.
    let monitored = |doc: &Document, own: &str| -> Result<Document, BundleError> {
        let mut d = doc.clone();
        if let Some(m) = &spec.monitor {
            let target = parse_user_subnet(m).map_err(|_| BundleError::Subnet(m.clone()))?;
            d.add_access(&Access {
                scope: AccessScope::Cmd,
                allow: true,
                all: false,
                target,
            });
            if let Ok(ip) = own.parse::<std::net::IpAddr>() {
                let at = d.len();
                d.insert_line(at, &format!("bindcmdaddress {ip}"));
            }
        }
        Ok(d)
    };
    let primary_doc = monitored(&doc, &spec.primary)?;
    let backup_doc = monitored(&doc, spec.backup.as_deref().unwrap_or(""))?;
    add(
        &primary_doc,
        "primary/chrony.conf".into(),
        Format::ChronyServer,
        &Options {
            peer: spec.backup.clone(),
            ..server_opts.clone()
        },
    )?;
    if let Some(_b) = &spec.backup {
        add(
            &backup_doc,
            "backup/chrony.conf".into(),
            Format::ChronyServer,
            &Options {
                role: Role::Backup,
                peer: Some(spec.primary.clone()),
                ..server_opts.clone()
            },
        )?;
    }
    add(
        &doc,
        "clients/chrony.conf".into(),
        Format::ChronyClient,
        &client_opts,
    )?;
    // One firewall file for both servers: clients, devices, and each other
    // (peering goes both ways): the backup's address as the peer, the
    // primary's as an allowed host.
    let mut fw_doc = doc.clone();
    if spec.backup.is_some() {
        // A name cannot go in a firewall rule (the peer note says so).
        let _ = allow(&mut fw_doc, &spec.primary);
    }
    let fw_opts = Options {
        peer: spec.backup.clone(),
        monitor: spec.monitor.clone(),
        ..base.clone()
    };
    for f in [Format::Firewalld, Format::Ufw, Format::Nftables] {
        add(&fw_doc, format!("firewall/{}.sh", f.name()), f, &fw_opts)?;
    }
    for sw in &spec.switches {
        let format: Format = sw
            .vendor
            .parse()
            .map_err(|_| BundleError::Vendor(sw.vendor.clone()))?;
        if !format.is_switch() {
            return Err(BundleError::Vendor(sw.vendor.clone()));
        }
        let ok = !sw.name.is_empty()
            && sw
                .name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
        if !ok || sw.name.starts_with('.') {
            return Err(BundleError::Name(sw.name.clone()));
        }
        add(
            &doc,
            format!("switches/{}.txt", sw.name),
            format,
            &Options {
                source_interface: sw.source_interface.clone(),
                vrf: sw.vrf.clone(),
                ..base.clone()
            },
        )?;
    }
    if let Some(first) = files.first_mut() {
        first.notes.extend(switch_notes);
    }
    // The monitoring host's watch list (stratum-helper --watch-file).
    if spec.monitor.is_some() {
        let mut list = format!(
            "# The lab's servers, watched over UDP cmdmon\n{}\n",
            spec.primary
        );
        if let Some(b) = &spec.backup {
            list.push_str(&format!("{b}\n"));
        }
        files.push(BundleFile {
            path: "monitor/watch".into(),
            text: list,
            notes: Vec::new(),
            private: false,
        });
    }
    // The shared key, in chrony.keys' format, for the servers and clients
    // (the playbook places it where each distribution keeps it, readable
    // by root and chrony's group).
    if let Some(k) = &key {
        files.push(BundleFile {
            path: "keys/chrony.keys".into(),
            text: format!("{} {} {}\n", k.id, k.kind.chrony(), k.secret),
            notes: Vec::new(),
            private: true,
        });
    }
    // NTS: the CA for every host, each server's pair (the key private;
    // the playbook makes it root:chrony's group 0640).
    if let Some(n) = nts {
        let mut add_file = |path: &str, text: &str, private: bool| {
            files.push(BundleFile {
                path: path.into(),
                text: text.into(),
                notes: Vec::new(),
                private,
            })
        };
        add_file("nts/ca.crt", &n.ca_cert, false);
        add_file("nts/primary.crt", &n.primary.cert, false);
        add_file("nts/primary.key", &n.primary.key, true);
        if let Some(b) = &n.backup {
            add_file("nts/backup.crt", &b.cert, false);
            add_file("nts/backup.key", &b.key, true);
        }
    }
    // Ansible for fleets: each host gets its file from the bundle.
    files.push(BundleFile {
        path: "ansible/inventory.ini".into(),
        text: super::ansible::inventory(&spec.primary, spec.backup.as_deref()),
        notes: Vec::new(),
        private: false,
    });
    files.push(BundleFile {
        path: "ansible/playbook.yml".into(),
        text: super::ansible::PLAYBOOK.to_string(),
        notes: Vec::new(),
        private: false,
    });
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_has_a_file_per_host_and_device() {
        let spec: LabSpec = toml::from_str(
            r#"
            config = "chrony.conf"
            primary = "10.0.0.123"
            backup = "10.0.0.124"
            client_subnets = ["10.0.0.0/24"]
            [[switch]]
            name = "core1"
            vendor = "huawei-vrp"
            source_interface = "LoopBack0"
            "#,
        )
        .unwrap();
        let doc = Document::parse("server 127.0.0.1 iburst\nlocal stratum 8\n");
        let files = build(&spec, &doc, &|f| format!("for {f}"), None).unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "primary/chrony.conf",
                "backup/chrony.conf",
                "clients/chrony.conf",
                "firewall/firewalld.sh",
                "firewall/ufw.sh",
                "firewall/nftables.sh",
                "switches/core1.txt",
                "ansible/inventory.ini",
                "ansible/playbook.yml"
            ]
        );
        assert!(files[0].text.contains("allow 10.0.0.0/24\n"));
        assert!(files[0].text.contains("peer 10.0.0.124\n"));
        // The pair rule: the backup's local line is the primary's.
        assert!(files[0].text.contains("local stratum 8 orphan\n"));
        assert!(files[1].text.contains("local stratum 8 orphan\n"));
        assert!(files[6].text.contains(
            "ntp-service unicast-server 10.0.0.123 source-interface LoopBack0 preference\n"
        ));
        // The pair in another subnet than its clients: each server's
        // firewall lets the other in; a switch without a known source
        // address gets a note.
        let apart: LabSpec = toml::from_str(
            r#"
            config = "chrony.conf"
            primary = "192.0.2.10"
            backup = "198.51.100.10"
            client_subnets = ["10.0.0.0/24"]
            [[switch]]
            name = "core1"
            vendor = "cisco-ios"
            source_interface = "Loopback 0"
            "#,
        )
        .unwrap();
        let files = build(&apart, &doc, &|_| String::new(), None).unwrap();
        let ufw = &files
            .iter()
            .find(|f| f.path == "firewall/ufw.sh")
            .unwrap()
            .text;
        assert!(
            ufw.contains("from 192.0.2.10/32 ") && ufw.contains("from 198.51.100.10/32 "),
            "{ufw}"
        );
        assert!(
            files[0]
                .notes
                .iter()
                .any(|n| n.id == "export-note-switch-source")
        );
        assert!(
            !files[0].text.contains("server 192.0.2.10"),
            "the primary does not follow itself"
        );
        let bad: Result<LabSpec, _> =
            toml::from_str("config = \"c\"\nprimary = \"p\"\nfrobnicate = 1\n");
        assert!(bad.is_err());
        let spec = LabSpec {
            switches: vec![SwitchSpec {
                name: "../etc".into(),
                vendor: "cisco-ios".into(),
                source_interface: None,
                source_address: None,
                vrf: None,
            }],
            ..spec
        };
        assert_eq!(
            build(&spec, &doc, &|_| String::new(), None),
            Err(BundleError::Name("../etc".into()))
        );
    }
}
