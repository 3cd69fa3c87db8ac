//! What an export is asked for: the target format, the server's role, the
//! key, the other options, each checked before anything is written.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use crate::core::conf::edit::is_valid_host;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    ChronyServer,
    ChronyClient,
    Ntp,
    NtpClient,
    CiscoIos,
    CiscoNxos,
    HuaweiVrp,
    H3cComware,
    JuniperJunos,
    AristaEos,
    Firewalld,
    Ufw,
    Nftables,
}

impl Format {
    pub const ALL: [Format; 13] = [
        Format::ChronyServer,
        Format::ChronyClient,
        Format::Ntp,
        Format::NtpClient,
        Format::CiscoIos,
        Format::CiscoNxos,
        Format::HuaweiVrp,
        Format::H3cComware,
        Format::JuniperJunos,
        Format::AristaEos,
        Format::Firewalld,
        Format::Ufw,
        Format::Nftables,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::ChronyServer => "chrony-server",
            Format::ChronyClient => "chrony-client",
            Format::Ntp => "ntp",
            Format::NtpClient => "ntp-client",
            Format::CiscoIos => "cisco-ios",
            Format::CiscoNxos => "cisco-nxos",
            Format::HuaweiVrp => "huawei-vrp",
            Format::H3cComware => "h3c-comware",
            Format::JuniperJunos => "juniper-junos",
            Format::AristaEos => "arista-eos",
            Format::Firewalld => "firewalld",
            Format::Ufw => "ufw",
            Format::Nftables => "nftables",
        }
    }

    /// The message id of the format's human name (`format-<name>`).
    pub fn title_id(self) -> String {
        format!("format-{}", self.name())
    }

    /// Switch formats point at the lab server(s).
    pub fn is_switch(self) -> bool {
        matches!(
            self,
            Format::CiscoIos
                | Format::CiscoNxos
                | Format::HuaweiVrp
                | Format::H3cComware
                | Format::JuniperJunos
                | Format::AristaEos
        )
    }

    /// Formats for a switch, router or firewall: ASCII only (devices reject
    /// or mangle UTF-8; a firewall script runs in any locale). chrony and
    /// ntpd read comments as bytes, so their files may speak the user's
    /// language.
    pub fn ascii_only(self) -> bool {
        self.is_switch() || matches!(self, Format::Firewalld | Format::Ufw | Format::Nftables)
    }

    /// Which of the export's fields the format uses. The window shows only
    /// those; the command line refuses the others where giving one is a
    /// sign of a mix-up (`--server` for a server's own file).
    pub fn uses(self, field: Field) -> bool {
        let server_side = matches!(self, Format::ChronyServer | Format::Ntp);
        let firewall = matches!(self, Format::Firewalld | Format::Ufw | Format::Nftables);
        match field {
            Field::Servers => !server_side && !firewall,
            Field::Role => server_side,
            Field::Peer => server_side || firewall,
            Field::SourceInterface | Field::Vrf => self.is_switch(),
            Field::Key => !firewall,
            Field::Nts => self == Format::ChronyClient,
            Field::NtpdOld => matches!(self, Format::Ntp | Format::NtpClient),
        }
    }

    /// The comment character of the target's syntax.
    pub fn comment(self) -> &'static str {
        match self {
            Format::CiscoIos | Format::CiscoNxos | Format::AristaEos => "!",
            Format::HuaweiVrp | Format::H3cComware => "#",
            Format::JuniperJunos => "#",
            _ => "#",
        }
    }

    /// A sensible file name for the export.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::ChronyServer | Format::ChronyClient => "chrony.conf",
            Format::Ntp | Format::NtpClient => "ntp.conf",
            Format::Firewalld | Format::Ufw | Format::Nftables => "firewall.sh",
            _ => "ntp-config.txt",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ();
    fn from_str(s: &str) -> Result<Format, ()> {
        Format::ALL.into_iter().find(|f| f.name() == s).ok_or(())
    }
}

/// A field of an export's options (what [`Format::uses`] answers for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The lab server(s) as clients and devices reach them.
    Servers,
    /// Primary or backup of a pair.
    Role,
    /// The other server of a pair.
    Peer,
    SourceInterface,
    Key,
    Vrf,
    /// Clients authenticate the server with NTS.
    Nts,
    /// The ntp.conf is for ntpd before 4.2.7 (CentOS 7's 4.2.6).
    NtpdOld,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Primary,
    Backup,
}

/// An authentication key: `ID:TYPE:SECRET`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub id: u32,
    pub kind: KeyType,
    pub secret: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    Md5,
    Sha1,
    Sha256,
}

impl KeyType {
    pub fn chrony(self) -> &'static str {
        match self {
            KeyType::Md5 => "MD5",
            KeyType::Sha1 => "SHA1",
            KeyType::Sha256 => "SHA256",
        }
    }
}

/// Why an export option is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    #[error("bad server address")]
    BadServer(String),
    #[error("bad key")]
    BadKey(String),
    #[error("bad interface")]
    BadInterface(String),
    #[error("bad vrf")]
    BadVrf(String),
    #[error("no server")]
    NoServer,
    #[error("backup needs peer")]
    BackupNeedsPeer,
    /// `--server` names the lab server for clients and devices; a server's
    /// own configuration has no use for it.
    #[error("server not used")]
    ServerNotUsed(Format),
    /// The peer is this server's own address: a server never peers with
    /// itself (the pair's other server, or the primary for a backup).
    #[error("peer is this server")]
    PeerIsThisServer(String),
    /// The backup's file peers with the backup's own address.
    #[error("peer is the backup")]
    PeerIsTheBackup(String),
}

impl OptionError {
    pub fn id(&self) -> &'static str {
        match self {
            OptionError::BadServer(_) => "export-bad-server",
            OptionError::BadKey(_) => "export-bad-key",
            OptionError::BadInterface(_) => "export-bad-interface",
            OptionError::BadVrf(_) => "export-bad-vrf",
            OptionError::NoServer => "export-no-server",
            OptionError::BackupNeedsPeer => "export-backup-needs-peer",
            OptionError::ServerNotUsed(_) => "export-server-not-used",
            OptionError::PeerIsThisServer(_) => "export-peer-is-this-server",
            OptionError::PeerIsTheBackup(_) => "export-peer-is-the-backup",
        }
    }

    pub fn value(&self) -> String {
        match self {
            OptionError::BadServer(v)
            | OptionError::BadKey(v)
            | OptionError::BadInterface(v)
            | OptionError::BadVrf(v)
            | OptionError::PeerIsThisServer(v)
            | OptionError::PeerIsTheBackup(v) => v.clone(),
            _ => String::new(),
        }
    }

    /// Every argument the message of [`OptionError::id`] takes.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![("value", self.value())];
        if let OptionError::ServerNotUsed(f) = self {
            args.push(("format", f.name().to_string()));
        }
        args
    }
}

impl FromStr for Key {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Key, OptionError> {
        let bad = || OptionError::BadKey(s.to_string());
        let mut parts = s.splitn(3, ':');
        let id: u32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let kind = match parts.next().map(str::to_ascii_lowercase).as_deref() {
            Some("md5") => KeyType::Md5,
            Some("sha1") => KeyType::Sha1,
            Some("sha256") => KeyType::Sha256,
            _ => return Err(bad()),
        };
        let secret = parts.next().ok_or_else(bad)?.to_string();
        // Switch CLIs and chrony.keys take one printable word.
        let printable = secret
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\'' && b != b'#');
        if !(1..=65535).contains(&id) || secret.is_empty() || secret.len() > 132 || !printable {
            return Err(bad());
        }
        let key = Key { id, kind, secret };
        // chrony.keys: `HEX:` is an even number of hex digits (the bytes),
        // anything else is the text itself (at most 64 characters here).
        match key.bytes() {
            Some(b) if !b.is_empty() && (key.hex().is_some() || b.len() <= 64) => Ok(key),
            _ => Err(bad()),
        }
    }
}

impl Key {
    /// The hex digits of a `HEX:` key.
    fn hex(&self) -> Option<&str> {
        let s = self.secret.as_str();
        s.get(..4)
            .filter(|p| p.eq_ignore_ascii_case("HEX:"))
            .map(|_| &s[4..])
    }

    /// The key's bytes as chronyd reads them from chrony.keys (chrony.conf(5),
    /// keyfile): `HEX:` digits decoded, `ASCII:` or plain text as it is.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        if let Some(h) = self.hex() {
            if h.len() % 2 != 0 || h.is_empty() {
                return None;
            }
            return (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).ok())
                .collect();
        }
        let text = self
            .secret
            .get(..6)
            .filter(|p| p.eq_ignore_ascii_case("ASCII:"))
            .map_or(self.secret.as_str(), |_| &self.secret[6..]);
        Some(text.as_bytes().to_vec())
    }

    /// The secret as a switch takes it: the same bytes as typed text.
    /// `None` when the bytes are not printable text (a random `HEX:` key):
    /// a device's CLI cannot be given them.
    pub fn device_secret(&self) -> Option<String> {
        let b = self.bytes()?;
        let typable = !b.is_empty()
            && b.len() <= 64
            && b.iter()
                .all(|c| c.is_ascii_graphic() && !b"\"'#?".contains(c));
        typable.then(|| String::from_utf8_lossy(&b).into_owned())
    }

    /// The secret as ntpd's key file takes it: text of up to 20 characters
    /// as it is, anything longer as hex digits (ntp.keys(5)).
    pub fn ntpd_secret(&self) -> String {
        let b = self.bytes().unwrap_or_default();
        match self.device_secret() {
            Some(text) if text.len() <= 20 => text,
            _ => b.iter().map(|c| format!("{c:02x}")).collect(),
        }
    }
}

/// What the user asks of an export, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The lab server as clients and devices see it (primary first).
    pub servers: Vec<String>,
    pub role: Role,
    pub peer: Option<String>,
    pub source_interface: Option<String>,
    pub key: Option<Key>,
    pub vrf: Option<String>,
    /// A monitoring host let in to cmdmon (UDP 323) by the firewall rules.
    pub monitor: Option<String>,
    /// The ntpd release an ntp.conf is for (`4.2.6` on CentOS 7); newest
    /// when `None`.
    pub ntpd: Option<NtpdVersion>,
    /// Clients authenticate the server with NTS (chrony clients only).
    pub nts: bool,
    /// Where the clients keep the CA that signed the server's certificate
    /// (`ntstrustedcerts`); `None`: the system's trusted CAs.
    pub nts_ca: Option<String>,
    /// The addresses of the host names among the servers and the peer,
    /// looked up by the caller (the core does no IO; see
    /// [`Options::names`]). A name missing or without addresses has no
    /// address known here: where a target takes addresses only, its line
    /// is left out with a note.
    pub addresses: BTreeMap<String, Vec<IpAddr>>,
}

/// Host names an export looks up, at most (the servers of a lab and its
/// peer are a handful).
pub const MAX_NAMES: usize = 16;
/// Addresses kept per name, at most.
pub const MAX_ADDRESSES: usize = 8;

/// An ntpd release, `MAJOR.MINOR.PATCH` (the `pN` suffix is not needed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct NtpdVersion(pub u32, pub u32, pub u32);

impl NtpdVersion {
    /// `restrict source` came with ntpd 4.2.7 (ntp.conf(5)); so did
    /// `restrict` lines applying to the servers a `pool` line finds.
    pub const RESTRICT_SOURCE: NtpdVersion = NtpdVersion(4, 2, 7);
}

impl FromStr for NtpdVersion {
    type Err = ();
    fn from_str(s: &str) -> Result<NtpdVersion, ()> {
        let core = s.split('p').next().unwrap_or("");
        let n: Vec<u32> = core
            .split('.')
            .map(|x| x.parse().map_err(|_| ()))
            .collect::<Result<_, _>>()?;
        match n.as_slice() {
            [a, b, c] => Ok(NtpdVersion(*a, *b, *c)),
            [a, b] => Ok(NtpdVersion(*a, *b, 0)),
            _ => Err(()),
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            servers: Vec::new(),
            role: Role::Primary,
            peer: None,
            source_interface: None,
            key: None,
            vrf: None,
            monitor: None,
            ntpd: None,
            nts: false,
            nts_ca: None,
            addresses: BTreeMap::new(),
        }
    }
}

/// A server as an export writes it: the host as given, the port its
/// clients query (`None`: NTP's own, 123) and its addresses (itself for
/// an address; for a name, those it had when the file was made, none
/// when it did not resolve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub host: String,
    pub port: Option<u16>,
    pub addrs: Vec<IpAddr>,
}

impl Target {
    /// The host is a name, not an address.
    pub fn is_name(&self) -> bool {
        self.host.parse::<IpAddr>().is_err()
    }

    /// The address a device that takes one address per server uses:
    /// IPv4 first (most management networks), else IPv6.
    pub fn device_address(&self) -> Option<IpAddr> {
        self.addrs
            .iter()
            .find(|a| a.is_ipv4())
            .or_else(|| self.addrs.first())
            .copied()
    }
}

/// A server given as `HOST`, `HOST:PORT` or `[V6]:PORT`.
pub fn split_host_port(s: &str) -> Option<(String, Option<u16>)> {
    if let Some(rest) = s.strip_prefix('[') {
        let (h, p) = rest.split_once(']')?;
        let port = match p.strip_prefix(':') {
            Some(p) => Some(p.parse().ok()?),
            None if p.is_empty() => None,
            None => return None,
        };
        return is_valid_host(h).then(|| (h.to_string(), port));
    }
    if is_valid_host(s) {
        return Some((s.to_string(), None));
    }
    let (h, p) = s.rsplit_once(':')?;
    let port: u16 = p.parse().ok()?;
    (is_valid_host(h) && !h.contains(':')).then(|| (h.to_string(), Some(port)))
}

impl Options {
    /// `--peer` as (host, port): `HOST`, `HOST:PORT` or `[V6]:PORT`.
    pub fn peer_addr(&self) -> Option<(String, Option<u16>)> {
        self.peer.as_deref().and_then(split_host_port)
    }

    /// The host names among the servers and the peer (at most
    /// [`MAX_NAMES`]): what a caller looks up before exporting.
    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let hosts = self
            .server_addrs()
            .into_iter()
            .chain(self.peer_addr())
            .map(|(h, _)| h);
        for h in hosts {
            if h.parse::<IpAddr>().is_err() && !out.contains(&h) {
                out.push(h);
            }
        }
        out.truncate(MAX_NAMES);
        out
    }

    /// Records what a lookup of `name` gave (capped).
    pub fn set_addresses(&mut self, name: &str, mut addrs: Vec<IpAddr>) {
        addrs.dedup();
        addrs.truncate(MAX_ADDRESSES);
        self.addresses.insert(name.to_string(), addrs);
    }

    /// A host as a [`Target`], querying `port` (`None`: 123).
    pub fn target(&self, host: &str, port: Option<u16>) -> Target {
        let addrs = match host.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) => self.addresses.get(host).cloned().unwrap_or_default(),
        };
        Target {
            host: host.to_string(),
            port: port.filter(|p| *p != super::intent::NTP_PORT),
            addrs,
        }
    }

    /// The servers as clients and devices query them: the port given
    /// with the server, else the one the lab server listens on.
    pub fn targets(&self, intent: &super::intent::Intent) -> Vec<Target> {
        self.server_addrs()
            .into_iter()
            .map(|(h, p)| self.target(&h, p.or(intent.client_port())))
            .collect()
    }

    /// The servers as (host, port).
    pub fn server_addrs(&self) -> Vec<(String, Option<u16>)> {
        self.servers
            .iter()
            .filter_map(|s| split_host_port(s))
            .collect()
    }

    pub fn check(&self, format: Format) -> Result<(), OptionError> {
        for s in &self.servers {
            if split_host_port(s).is_none() {
                return Err(OptionError::BadServer(s.clone()));
            }
        }
        for s in self.peer.iter() {
            if split_host_port(s).is_none() {
                return Err(OptionError::BadServer(s.clone()));
            }
        }
        if let Some(i) = &self.source_interface {
            // `Loopback0`, `Loopback 0` (as the vendors' manuals write it),
            // `GigabitEthernet0/0/1`, `Vlanif100`, `lo0.0`.
            let ok = !i.is_empty()
                && i.len() <= 64
                && i.trim() == i
                && !i.contains("  ")
                && i.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"/._:- ".contains(&b));
            if !ok {
                return Err(OptionError::BadInterface(i.clone()));
            }
        }
        if let Some(v) = &self.vrf {
            let ok = !v.is_empty()
                && v.len() <= 32
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b));
            if !ok {
                return Err(OptionError::BadVrf(v.clone()));
            }
        }
        if !self.servers.is_empty() && matches!(format, Format::ChronyServer | Format::Ntp) {
            return Err(OptionError::ServerNotUsed(format));
        }
        let needs_server =
            matches!(format, Format::ChronyClient | Format::NtpClient) || format.is_switch();
        if needs_server && self.servers.is_empty() {
            return Err(OptionError::NoServer);
        }
        if self.role == Role::Backup
            && self.peer.is_none()
            && matches!(format, Format::ChronyServer | Format::Ntp)
        {
            return Err(OptionError::BackupNeedsPeer);
        }
        Ok(())
    }
}
