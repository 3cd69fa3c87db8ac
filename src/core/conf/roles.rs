//! The four lab setups, as a guided setup writes them: an isolated lab
//! server, a lab server with upstreams, a client of a lab server, and one
//! server of a primary/backup pair. Pure: fields in, chrony.conf text out,
//! every input checked first.

use super::edit::is_valid_host;
use super::{AccessTarget, parse_user_subnet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Serves its own clock to the lab; no upstream.
    Isolated,
    /// Follows upstream servers and serves the lab (its own clock when the
    /// upstreams are gone).
    Upstreams,
    /// Follows the lab server(s).
    Client,
    /// One server of a primary/backup pair (peers with the other).
    Pair,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Isolated, Role::Upstreams, Role::Client, Role::Pair];

    pub fn id(self) -> &'static str {
        match self {
            Role::Isolated => "isolated",
            Role::Upstreams => "upstreams",
            Role::Client => "client",
            Role::Pair => "pair",
        }
    }

    /// Which fields the role asks for.
    pub fn needs_upstreams(self) -> bool {
        matches!(self, Role::Upstreams | Role::Pair)
    }
    pub fn needs_subnets(self) -> bool {
        self != Role::Client
    }
    pub fn needs_servers(self) -> bool {
        self == Role::Client
    }
    pub fn needs_peer(self) -> bool {
        self == Role::Pair
    }
}

/// What the user typed: words separated by spaces or commas.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleInput {
    pub upstreams: String,
    pub subnets: String,
    /// The lab server(s) a client follows, `HOST[:PORT]`.
    pub servers: String,
    /// The other server of the pair, `HOST[:PORT]`.
    pub peer: String,
}

/// The first input that would not make a working file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleError {
    BadHost(String),
    BadSubnet(String),
    NoUpstream,
    NoServer,
    NoPeer,
    NoSubnet,
}

impl RoleError {
    pub fn message_id(&self) -> &'static str {
        match self {
            RoleError::BadHost(_) => "role-bad-host",
            RoleError::BadSubnet(_) => "role-bad-subnet",
            RoleError::NoUpstream => "role-no-upstream",
            RoleError::NoServer => "role-no-server",
            RoleError::NoPeer => "role-no-peer",
            RoleError::NoSubnet => "role-no-subnet",
        }
    }

    pub fn value(&self) -> &str {
        match self {
            RoleError::BadHost(v) | RoleError::BadSubnet(v) => v,
            _ => "",
        }
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
}

/// `HOST` or `HOST:PORT` (`[v6]:PORT`) as a source line's host and options.
fn host_port(w: &str) -> Result<String, RoleError> {
    let bad = || RoleError::BadHost(w.to_string());
    let (host, port) = if let Some(rest) = w.strip_prefix('[') {
        let (h, p) = rest.split_once(']').ok_or_else(bad)?;
        (h, p.strip_prefix(':'))
    } else if w.matches(':').count() == 1 {
        let (h, p) = w.split_once(':').ok_or_else(bad)?;
        (h, Some(p))
    } else {
        (w, None)
    };
    if !is_valid_host(host) {
        return Err(bad());
    }
    match port {
        None => Ok(host.to_string()),
        Some(p) => {
            let n: u16 = p.parse().map_err(|_| bad())?;
            if n == 0 {
                return Err(bad());
            }
            Ok(if n == 123 {
                host.to_string()
            } else {
                format!("{host} port {n}")
            })
        }
    }
}

/// A public pool name gets `pool` (several servers from one name).
fn source_line(host: &str) -> String {
    let kw = if host
        .split_whitespace()
        .next()
        .is_some_and(|h| h.contains("pool."))
    {
        "pool"
    } else {
        "server"
    };
    format!("{kw} {host} iburst")
}

/// The chrony.conf of `role`, or the first input that is wrong.
pub fn render(role: Role, input: &RoleInput) -> Result<String, RoleError> {
    let upstreams: Vec<String> = words(&input.upstreams)
        .map(host_port)
        .collect::<Result<_, _>>()?;
    let subnets: Vec<String> = words(&input.subnets)
        .map(|w| match parse_user_subnet(w) {
            Ok(AccessTarget::Net(s)) => Ok(s.to_string()),
            _ => Err(RoleError::BadSubnet(w.to_string())),
        })
        .collect::<Result<_, _>>()?;
    let servers: Vec<String> = words(&input.servers)
        .map(host_port)
        .collect::<Result<_, _>>()?;
    let peer: Option<String> = words(&input.peer).next().map(host_port).transpose()?;
    if role == Role::Upstreams && upstreams.is_empty() {
        return Err(RoleError::NoUpstream);
    }
    if role.needs_servers() && servers.is_empty() {
        return Err(RoleError::NoServer);
    }
    if role.needs_peer() && peer.is_none() {
        return Err(RoleError::NoPeer);
    }
    if role.needs_subnets() && subnets.is_empty() {
        return Err(RoleError::NoSubnet);
    }
    let mut t = String::new();
    match role {
        Role::Isolated => {
            t.push_str("# Isolated lab server: serves its own clock to the lab.\n");
        }
        Role::Upstreams => {
            t.push_str("# Lab server: follows its upstreams and serves the lab.\n");
        }
        Role::Client => t.push_str("# Client of the lab server(s).\n"),
        Role::Pair => t.push_str("# One server of a primary/backup pair.\n"),
    }
    if role != Role::Client {
        for u in &upstreams {
            t.push_str(&source_line(u));
            t.push('\n');
        }
    }
    if let Some(p) = &peer {
        t.push_str(&format!("peer {p}\n"));
    }
    for (n, s) in servers.iter().enumerate() {
        let prefer = if n == 0 && servers.len() > 1 {
            " prefer"
        } else {
            ""
        };
        t.push_str(&format!("server {s} iburst{prefer}\n"));
    }
    for s in &subnets {
        t.push_str(&format!("allow {s}\n"));
    }
    if role != Role::Client {
        // Clients keep getting time when the upstreams are gone; peers in
        // orphan mode agree on one of them (chrony.conf(5): the same local
        // configuration on every server).
        t.push_str("local stratum 10 orphan\n");
    }
    t.push_str("makestep 1 3\n");
    if role == Role::Client {
        t.push_str("rtcsync\n");
    }
    t.push_str("driftfile /var/lib/chrony/chrony.drift\n");
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conf::Document;
    use crate::core::conf::lint::{LintOptions, has_errors, lint};

    fn input(u: &str, s: &str, srv: &str, p: &str) -> RoleInput {
        RoleInput {
            upstreams: u.into(),
            subnets: s.into(),
            servers: srv.into(),
            peer: p.into(),
        }
    }

    #[test]
    fn each_role_writes_a_file_lint_accepts() {
        let cases = [
            (Role::Isolated, input("", "10.0.0.0/24", "", "")),
            (
                Role::Upstreams,
                input(
                    "ntp1.example.org 2.pool.ntp.org, 192.0.2.1",
                    "10.0.0.0/24 fd00::/64",
                    "",
                    "",
                ),
            ),
            (
                Role::Client,
                input("", "", "10.0.0.123 10.0.0.124:11123", ""),
            ),
            (
                Role::Pair,
                input("192.0.2.1", "10.0.0.0/24", "", "10.0.0.124"),
            ),
        ];
        for (role, i) in cases {
            let text = render(role, &i).unwrap();
            let d = lint(&Document::parse(&text), &LintOptions::default());
            assert!(!has_errors(&d), "{role:?}: {d:?}\n{text}");
        }
        let up = render(Role::Upstreams, &cases_up()).unwrap();
        assert!(
            up.contains("pool 2.pool.ntp.org iburst\n")
                && up.contains("server ntp1.example.org iburst\n")
        );
        let client = render(
            Role::Client,
            &input("", "", "10.0.0.123 10.0.0.124:11123", ""),
        )
        .unwrap();
        assert!(
            client
                .contains("server 10.0.0.123 iburst prefer\nserver 10.0.0.124 port 11123 iburst\n")
        );
    }

    fn cases_up() -> RoleInput {
        input("ntp1.example.org 2.pool.ntp.org", "10.0.0.0/24", "", "")
    }

    #[test]
    fn bad_input_names_itself() {
        assert_eq!(
            render(Role::Isolated, &input("", "10.0.0.0/33", "", "")),
            Err(RoleError::BadSubnet("10.0.0.0/33".into()))
        );
        assert_eq!(
            render(Role::Client, &input("", "", "bad;host", "")),
            Err(RoleError::BadHost("bad;host".into()))
        );
        assert_eq!(
            render(Role::Client, &input("", "", "", "")),
            Err(RoleError::NoServer)
        );
        assert_eq!(
            render(Role::Pair, &input("", "10.0.0.0/24", "", "")),
            Err(RoleError::NoPeer)
        );
        assert_eq!(
            render(Role::Upstreams, &input("", "10.0.0.0/24", "", "")),
            Err(RoleError::NoUpstream)
        );
        assert_eq!(
            render(Role::Isolated, &input("", "", "", "")),
            Err(RoleError::NoSubnet)
        );
    }
}
