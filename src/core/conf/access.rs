//! `allow` / `deny` / `cmdallow` / `cmddeny` and the subnets they name.
//!
//! chrony's subnet syntax is wider than CIDR: besides `ADDR/BITS` and a bare
//! address it accepts shortened IPv4 networks (`10`, `10.1`, `10.1.2`, each
//! meaning /8, /16, /24 unless bits are given) and host names (resolved at
//! start). The prefix length is checked only when chronyd starts ("Bad
//! subnet"), which is why `chronyd -p` lets `10.0.0.0/33` through.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};

use ipnet::IpNet;

use super::directive::error::ParseError;
use super::scan::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessScope {
    /// NTP clients (`allow`, `deny`).
    Ntp,
    /// chronyc monitoring over UDP (`cmdallow`, `cmddeny`).
    Cmd,
}

/// What an access line names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AccessTarget {
    /// No address: every IPv4 and IPv6 address.
    Any,
    /// An address with a prefix length as written (possibly too long).
    Net(Subnet),
    /// A host name, resolved by chronyd when it starts.
    Host(String),
}

/// An address and a prefix length as chrony reads them; `bits` may exceed
/// the family's width, which chronyd refuses at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Subnet {
    pub addr: IpAddr,
    pub bits: u32,
}

impl Subnet {
    /// The network as a checked CIDR value; `None` when the prefix is
    /// longer than the address (chronyd: "Bad subnet").
    pub fn net(&self) -> Option<IpNet> {
        u8::try_from(self.bits)
            .ok()
            .and_then(|b| IpNet::new(self.addr, b).ok())
    }

    /// True when the address has bits set beyond the prefix
    /// (`10.0.0.1/8`): chrony masks them silently.
    pub fn has_host_bits(&self) -> bool {
        self.net().is_some_and(|n| n.network() != self.addr)
    }
}

impl fmt::Display for Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.bits)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Access {
    pub scope: AccessScope,
    pub allow: bool,
    /// `allow all ...`: also overrides narrower earlier rules.
    pub all: bool,
    pub target: AccessTarget,
}

/// Why a subnet given by a user (CLI, GUI) is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubnetError {
    #[error("empty")]
    Empty,
    #[error("not an address or network")]
    Syntax,
    #[error("prefix longer than the address")]
    PrefixTooLong { bits: u32, max: u32 },
}

impl SubnetError {
    pub fn rule(&self) -> &'static str {
        match self {
            SubnetError::Empty => "subnet-empty",
            SubnetError::Syntax => "subnet-syntax",
            SubnetError::PrefixTooLong { .. } => "bad-subnet",
        }
    }
}

impl Access {
    pub fn keyword(&self) -> &'static str {
        match (self.scope, self.allow) {
            (AccessScope::Ntp, true) => "allow",
            (AccessScope::Ntp, false) => "deny",
            (AccessScope::Cmd, true) => "cmdallow",
            (AccessScope::Cmd, false) => "cmddeny",
        }
    }

    /// Parses the arguments after the keyword, like `CPS_ParseAllowDeny`.
    pub fn parse(scope: AccessScope, allow: bool, args: &str) -> Result<Access, ParseError> {
        let mut words = Words::new(args);
        let first = words.next_word();
        let (all, net) = if first == Some("all") {
            (true, words.next_word())
        } else {
            (false, first)
        };
        if !words.is_empty() {
            return Err(ParseError::Invalid);
        }
        let target = match net {
            None => AccessTarget::Any,
            Some(net) => parse_target(net).ok_or(ParseError::Invalid)?,
        };
        Ok(Access {
            scope,
            allow,
            all,
            target,
        })
    }

    pub fn render(&self) -> String {
        let mut out = self.keyword().to_string();
        if self.all {
            out.push_str(" all");
        }
        match &self.target {
            AccessTarget::Any => {}
            AccessTarget::Net(s) => {
                out.push(' ');
                out.push_str(&s.to_string());
            }
            AccessTarget::Host(h) => {
                out.push(' ');
                out.push_str(h);
            }
        }
        out
    }
}

/// Parses one subnet word as chrony does; `None` where chrony says
/// "Could not parse".
fn parse_target(net: &str) -> Option<AccessTarget> {
    let (addr, bits) = match net.split_once('/') {
        Some((addr, bits)) => {
            // sscanf("%d%n") must consume all of it and give >= 0.
            let (b, used) = super::scan::scan_int(bits)?;
            if used != bits.len() || b < 0 {
                return None;
            }
            (addr, Some(u32::try_from(b).unwrap_or(u32::MAX)))
        }
        None => (net, None),
    };
    if let Ok(ip) = addr.parse::<IpAddr>() {
        let full = if ip.is_ipv4() { 32 } else { 128 };
        return Some(AccessTarget::Net(Subnet {
            addr: ip,
            bits: bits.unwrap_or(full),
        }));
    }
    if let Some((ip, n)) = parse_short_ipv4(addr) {
        return Some(AccessTarget::Net(Subnet {
            addr: IpAddr::V4(ip),
            bits: bits.unwrap_or(8 * n),
        }));
    }
    if bits.is_none() && is_hostname(addr) {
        return Some(AccessTarget::Host(addr.to_string()));
    }
    None
}

/// chrony's shortened IPv4 networks: 1 to 3 decimal numbers of at most 255.
fn parse_short_ipv4(s: &str) -> Option<(Ipv4Addr, u32)> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() > 3 {
        return None;
    }
    let mut octets = [0u8; 4];
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        octets[i] = p.parse().ok()?;
    }
    Some((Ipv4Addr::from(octets), parts.len() as u32))
}

/// A DNS host name (letters, digits, hyphens, dots; labels of 1 to 63).
pub fn is_hostname(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    !s.is_empty()
        && s.len() <= 253
        // All-numeric names are malformed addresses, which resolve nowhere.
        && !s.split('.').all(|l| l.bytes().all(|b| b.is_ascii_digit()))
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// chronyd's verdict on `ip` under access lines given in file order, as
/// addrfilt.c builds it: each line sets the state of its own subnet, `all`
/// also clears every narrower subnet set before it, and the longest subnet
/// holding `ip` decides; an address no line covers is denied. A host name
/// line is left out (chronyd resolves it at start).
pub fn admits<'a>(rules: impl IntoIterator<Item = &'a Access>, ip: IpAddr) -> bool {
    let mut set: Vec<(IpNet, bool)> = Vec::new();
    for a in rules {
        for net in a.nets() {
            if a.all {
                set.retain(|(n, _)| !net.contains(n));
            } else {
                set.retain(|(n, _)| *n != net);
            }
            set.push((net, a.allow));
        }
    }
    set.iter()
        .filter(|(n, _)| n.contains(&ip))
        .max_by_key(|(n, _)| n.prefix_len())
        .is_some_and(|(_, allow)| *allow)
}

/// True when the lines let in some address beyond loopback. Probed at the
/// first, second and last-but-one address of every allowed subnet; a host
/// name is taken as a remote host.
pub fn admits_beyond_loopback(rules: &[&Access]) -> bool {
    rules.iter().filter(|a| a.allow).any(|a| {
        if matches!(a.target, AccessTarget::Host(_)) {
            return true;
        }
        a.nets().into_iter().any(|net| {
            let (first, last) = (net.network(), net.broadcast());
            [first, step(first, 1), step(last, -1)]
                .into_iter()
                .filter(|ip| net.contains(ip) && !ip.is_loopback())
                .any(|ip| admits(rules.iter().copied(), ip))
        })
    })
}

/// `ip` moved by `by` (saturating at the family's ends).
fn step(ip: IpAddr, by: i8) -> IpAddr {
    match ip {
        IpAddr::V4(v) => {
            let n = u32::from(v);
            IpAddr::V4(
                if by < 0 {
                    n.saturating_sub(1)
                } else {
                    n.saturating_add(1)
                }
                .into(),
            )
        }
        IpAddr::V6(v) => {
            let n = u128::from(v);
            IpAddr::V6(
                if by < 0 {
                    n.saturating_sub(1)
                } else {
                    n.saturating_add(1)
                }
                .into(),
            )
        }
    }
}

impl Access {
    /// The subnets the line sets: no address means both families whole.
    fn nets(&self) -> Vec<IpNet> {
        match &self.target {
            AccessTarget::Any => vec![
                IpNet::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0).expect("/0"),
                IpNet::new(IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED), 0).expect("/0"),
            ],
            AccessTarget::Net(s) => s.net().map(|n| n.trunc()).into_iter().collect(),
            AccessTarget::Host(_) => Vec::new(),
        }
    }
}

/// Parses a subnet a user typed (CLI `--allow`, the Access panel): what
/// chrony accepts, but with the prefix checked now instead of at chronyd's
/// start. `all` alone means every address.
pub fn parse_user_subnet(text: &str) -> Result<AccessTarget, SubnetError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(SubnetError::Empty);
    }
    if t == "all" {
        return Ok(AccessTarget::Any);
    }
    if t.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(SubnetError::Syntax);
    }
    match parse_target(t).ok_or(SubnetError::Syntax)? {
        AccessTarget::Net(s) if s.net().is_none() => Err(SubnetError::PrefixTooLong {
            bits: s.bits,
            max: if s.addr.is_ipv4() { 32 } else { 128 },
        }),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> AccessTarget {
        Access::parse(AccessScope::Ntp, true, s).unwrap().target
    }

    /// addrfilt.c: the longest subnet decides, `all` clears narrower lines
    /// before it, nothing covered is denied.
    #[test]
    fn admits_as_chronyd_orders_lines() {
        let lines = |text: &str| -> Vec<Access> {
            text.lines()
                .map(|l| {
                    let (kw, args) = l.split_once(' ').unwrap_or((l, ""));
                    Access::parse(AccessScope::Cmd, kw == "cmdallow", args).unwrap()
                })
                .collect()
        };
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let r = lines("cmddeny all\ncmdallow 127.0.0.1");
        assert!(admits(&r, ip("127.0.0.1")));
        assert!(!admits(&r, ip("10.20.0.1")));
        assert!(!admits_beyond_loopback(&r.iter().collect::<Vec<_>>()));
        let r = lines("cmdallow 10.20.0.0/16\ncmddeny 10.20.1.0/24");
        assert!(admits(&r, ip("10.20.0.9")) && !admits(&r, ip("10.20.1.9")));
        assert!(admits_beyond_loopback(&r.iter().collect::<Vec<_>>()));
        // `deny all` after a narrower allow cancels it; a plain deny does not.
        let r = lines("cmdallow 10.20.0.0/16\ncmddeny all 10.0.0.0/8");
        assert!(!admits(&r, ip("10.20.0.9")));
        let r = lines("cmdallow 10.20.0.0/16\ncmddeny 10.0.0.0/8");
        assert!(admits(&r, ip("10.20.0.9")));
        assert!(!admits(&lines("cmdallow ::1"), ip("10.0.0.1")));
        assert!(admits(&lines("cmdallow"), ip("2001:db8::1")));
    }

    #[test]
    fn chrony_subnet_forms() {
        assert_eq!(
            net("10.0.0.0/24"),
            AccessTarget::Net(Subnet {
                addr: "10.0.0.0".parse().unwrap(),
                bits: 24
            })
        );
        assert_eq!(net("10/8").to_string_net(), "10.0.0.0/8");
        assert_eq!(net("172.16").to_string_net(), "172.16.0.0/16");
        assert_eq!(net("192.168.1").to_string_net(), "192.168.1.0/24");
        assert_eq!(net("::1").to_string_net(), "::1/128");
        assert_eq!(net(""), AccessTarget::Any);
        assert_eq!(net("gateway.lab"), AccessTarget::Host("gateway.lab".into()));
        let a = Access::parse(AccessScope::Ntp, false, "all 10.1.0.0/16").unwrap();
        assert!(a.all && !a.allow);
        assert_eq!(a.render(), "deny all 10.1.0.0/16");
    }

    #[test]
    fn refused_forms() {
        for bad in [
            "300.0.0.0/8",
            "10.0.0.0/-1",
            "10.0.0.0/8x",
            "10.0.0.0 10.1.0.0",
            "host.lab/24",
            "<client",
            "1.2.3.4.5",
        ] {
            assert!(Access::parse(AccessScope::Ntp, true, bad).is_err(), "{bad}");
        }
        // Accepted when read, refused by chronyd when it starts.
        let AccessTarget::Net(s) = net("10.0.0.0/33") else {
            panic!()
        };
        assert!(s.net().is_none());
    }

    #[test]
    fn user_subnets() {
        assert!(matches!(
            parse_user_subnet("10.0.0.0/33"),
            Err(SubnetError::PrefixTooLong { bits: 33, max: 32 })
        ));
        assert!(matches!(
            parse_user_subnet("fd00::/129"),
            Err(SubnetError::PrefixTooLong {
                bits: 129,
                max: 128
            })
        ));
        assert_eq!(parse_user_subnet(" "), Err(SubnetError::Empty));
        assert_eq!(parse_user_subnet("a\nb"), Err(SubnetError::Syntax));
        assert!(parse_user_subnet("192.168.0.0/16").is_ok());
        let AccessTarget::Net(s) = parse_user_subnet("10.0.0.1/8").unwrap() else {
            panic!()
        };
        assert!(s.has_host_bits());
    }

    trait NetString {
        fn to_string_net(&self) -> String;
    }
    impl NetString for AccessTarget {
        fn to_string_net(&self) -> String {
            match self {
                AccessTarget::Net(s) => s.to_string(),
                other => format!("{other:?}"),
            }
        }
    }
}
