//! The four lab setups, as a guided setup writes them: an isolated lab
//! server, a lab server with upstreams, a client of a lab server, and one
//! server of a primary/backup pair. Pure: fields in, chrony.conf text out,
//! every input checked first.

use super::edit::is_valid_host;
use super::{AccessTarget, parse_user_subnet};
use crate::core::gpsd::SourceKind;

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
    /// A stratum-1 server with a GPS receiver (through gpsd) and, where
    /// wired, its PPS; upstream servers kept as sanity checks.
    Gps,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Isolated,
        Role::Upstreams,
        Role::Client,
        Role::Pair,
        Role::Gps,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Isolated => "isolated",
            Role::Upstreams => "upstreams",
            Role::Client => "client",
            Role::Pair => "pair",
            Role::Gps => "gps",
        }
    }

    /// Which fields the role asks for (a GPS server's upstreams are
    /// optional).
    pub fn needs_upstreams(self) -> bool {
        matches!(self, Role::Upstreams | Role::Pair | Role::Gps)
    }
    pub fn needs_gps(self) -> bool {
        self == Role::Gps
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

    /// The message id of the comment a role's file starts with
    /// (`role-comment-<id>`): the caller writes it in the user's language.
    pub fn comment_id(self) -> String {
        format!("role-comment-{}", self.id())
    }
}

/// What the user typed: words separated by spaces or commas. Kept in the
/// GUI's settings between runs.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoleInput {
    pub upstreams: String,
    pub subnets: String,
    /// The lab server(s) a client follows, `HOST[:PORT]`.
    pub servers: String,
    /// The other server of the pair, `HOST[:PORT]`.
    pub peer: String,
    /// The GPS receiver's device as gpsd reads it (`/dev/ttyACM0`), the
    /// first gpsd reads: its time is in SHM 0.
    pub gps_device: String,
    /// The PPS device (`/dev/pps0`), empty for NMEA only.
    pub pps_device: String,
    /// With PPS: let the NMEA time be selected when PPS is gone (it is
    /// tens of milliseconds off, so only as a fallback).
    pub nmea_fallback: bool,
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
    BadDevice(String),
    NoDevice,
    /// A kernel PPS device given as the receiver: it only pulses.
    PpsNotReceiver(String),
    /// A receiver on a pseudo-terminal: gpsd gives it no shared memory.
    PtyReceiver(String),
    /// The PPS device is not a kernel PPS device (`/dev/ppsN`).
    NotPpsDevice(String),
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
            RoleError::BadDevice(_) => "role-bad-device",
            RoleError::NoDevice => "role-no-device",
            RoleError::PpsNotReceiver(_) => "role-pps-not-receiver",
            RoleError::PtyReceiver(_) => "role-pty-receiver",
            RoleError::NotPpsDevice(_) => "role-not-pps-device",
        }
    }

    pub fn value(&self) -> &str {
        match self {
            RoleError::BadHost(v)
            | RoleError::BadSubnet(v)
            | RoleError::BadDevice(v)
            | RoleError::PpsNotReceiver(v)
            | RoleError::PtyReceiver(v)
            | RoleError::NotPpsDevice(v) => v,
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

/// A device path as chrony.conf can carry it: absolute, under /dev, plain
/// characters only (no spaces, no `..`).
fn device(w: &str) -> Result<Option<String>, RoleError> {
    let w = w.trim();
    if w.is_empty() {
        return Ok(None);
    }
    let plain = w
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'));
    if !plain || !w.starts_with("/dev/") || w.contains("..") || w.ends_with('/') {
        return Err(RoleError::BadDevice(w.to_string()));
    }
    Ok(Some(w.to_string()))
}

/// The lines of the GPS role's reference clocks, as gpsd hands them over
/// (gpsd's timehint.c, gpsd(8) "USE WITH NTP"): the receiver's in-band
/// (NMEA) time goes to shared memory, SHM 0 for the first receiver of a
/// gpsd started as root; chronyd reads the kernel PPS device itself and
/// numbers its pulses by that time (lock). gpsd's chrony socket
/// `/run/chrony.<device>.sock` carries PPS time, not NMEA.
fn gps_lines(input: &RoleInput) -> Result<String, RoleError> {
    let receiver = device(&input.gps_device)?.ok_or(RoleError::NoDevice)?;
    match SourceKind::of(&receiver) {
        SourceKind::Pps => return Err(RoleError::PpsNotReceiver(receiver)),
        // gpsd's timehint.c: "don't talk to NTP when we're running inside
        // the test harness" — SHM 0 would stay empty.
        SourceKind::Pty => return Err(RoleError::PtyReceiver(receiver)),
        _ => {}
    }
    let pps = device(&input.pps_device)?;
    if let Some(p) = &pps
        && SourceKind::of(p) != SourceKind::Pps
    {
        return Err(RoleError::NotPpsDevice(p.clone()));
    }
    let mut t = String::new();
    // NMEA time is late by the sentence's transmission (tens of ms, fixed
    // per receiver): delay 0.2 keeps it from beating better sources;
    // calibrate its offset with `stratum refclock calibrate`.
    let select = if pps.is_some() && !input.nmea_fallback {
        " noselect"
    } else {
        ""
    };
    let refid = if pps.is_some() { "NMEA" } else { "GPS" };
    t.push_str(&format!(
        "refclock SHM 0 refid {refid} delay 0.2 offset 0.0{select}\n"
    ));
    if let Some(pps) = pps {
        // The PPS numbers its pulses by the NMEA time (lock).
        t.push_str(&format!("refclock PPS {pps} lock NMEA refid PPS prefer\n"));
    }
    Ok(t)
}

/// The chrony.conf of `role`, or the first input that is wrong, with its
/// comment in English (see [`render_with_comment`]).
pub fn render(role: Role, input: &RoleInput) -> Result<String, RoleError> {
    let en = crate::i18n::Localizer::new(crate::i18n::Lang::En);
    render_with_comment(role, input, &en.tr(&role.comment_id()))
}

/// The chrony.conf of `role`, starting with `comment` (the text of
/// [`Role::comment_id`] in the user's language: chronyd reads comments as
/// bytes, UTF-8 included).
pub fn render_with_comment<'a>(
    role: Role,
    input: &'a RoleInput,
    comment: &str,
) -> Result<String, RoleError> {
    // Only the fields this role shows: what another role's tab holds
    // (the pair's other server, the upstreams) is neither written nor
    // checked here.
    let shown = |on: bool, text: &'a str| if on { text } else { "" };
    let upstreams: Vec<String> = words(shown(role.needs_upstreams(), &input.upstreams))
        .map(host_port)
        .collect::<Result<_, _>>()?;
    let subnets: Vec<String> = words(shown(role.needs_subnets(), &input.subnets))
        .map(|w| match parse_user_subnet(w) {
            Ok(AccessTarget::Net(s)) => Ok(s.to_string()),
            _ => Err(RoleError::BadSubnet(w.to_string())),
        })
        .collect::<Result<_, _>>()?;
    let servers: Vec<String> = words(shown(role.needs_servers(), &input.servers))
        .map(host_port)
        .collect::<Result<_, _>>()?;
    let peer: Option<String> = words(shown(role.needs_peer(), &input.peer))
        .next()
        .map(host_port)
        .transpose()?;
    let refclocks = if role.needs_gps() {
        Some(gps_lines(input)?)
    } else {
        None
    };
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
    for line in comment.lines() {
        t.push_str(&format!("# {line}\n"));
    }
    if let Some(lines) = &refclocks {
        t.push_str(lines);
    }
    for u in &upstreams {
        t.push_str(&source_line(u));
        t.push('\n');
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
        // orphan mode agree on one of them (the pair rule: the same local
        // line on every server of the group).
        t.push_str(&super::pair::group_local(None).render());
        t.push('\n');
    }
    if role == Role::Gps {
        // A stratum-1 server must know of leap seconds itself.
        t.push_str("leapsectz right/UTC\n");
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
            ..Default::default()
        }
    }

    fn gps(dev: &str, pps: &str, fallback: bool) -> RoleInput {
        RoleInput {
            upstreams: "ntp1.example.org ntp2.example.org".into(),
            subnets: "10.0.0.0/24".into(),
            gps_device: dev.into(),
            pps_device: pps.into(),
            nmea_fallback: fallback,
            ..Default::default()
        }
    }

    #[test]
    fn the_gps_role_writes_the_pair_gpsd_feeds() {
        let lint_ok = |text: &str| {
            let d = lint(&Document::parse(text), &LintOptions::default());
            assert!(
                d.iter()
                    .all(|d| d.severity == crate::core::conf::Severity::Hint
                        || d.rule == crate::core::conf::lint::Rule::NoIburst),
                "{d:?}\n{text}"
            );
        };
        let with_pps = render(Role::Gps, &gps("/dev/ttyACM0", "/dev/pps0", false)).unwrap();
        // gpsd(8): the first time source "may use NTP0 and NTP1"
        // (timehint.c: in-band time in the first, PPS in the second).
        assert!(
            with_pps.contains(
                "refclock SHM 0 refid NMEA delay 0.2 offset 0.0 noselect\n\
             refclock PPS /dev/pps0 lock NMEA refid PPS prefer\n"
            ),
            "{with_pps}"
        );
        assert!(!with_pps.contains("chrony.ttyACM0.sock"), "{with_pps}");
        assert!(with_pps.contains("server ntp1.example.org iburst\n"));
        assert!(with_pps.contains("leapsectz right/UTC\n"));
        lint_ok(&with_pps);
        let fallback = render(Role::Gps, &gps("/dev/ttyACM0", "/dev/pps0", true)).unwrap();
        assert!(!fallback.contains("noselect"));
        let nmea = render(Role::Gps, &gps("/dev/ttyS0", "", false)).unwrap();
        assert!(nmea.contains("refclock SHM 0 refid GPS delay 0.2 offset 0.0\n"));
        assert!(!nmea.contains("PPS"));
        lint_ok(&nmea);
        assert_eq!(
            render(Role::Gps, &gps("", "", false)),
            Err(RoleError::NoDevice)
        );
        for bad in [
            "ttyS0",
            "/dev/tty S0",
            "/dev/../etc/x",
            "/dev/tty\nserver evil",
        ] {
            assert_eq!(
                render(Role::Gps, &gps(bad, "", false)),
                Err(RoleError::BadDevice(bad.trim().to_string())),
                "{bad:?}"
            );
        }
        // A kernel PPS device only pulses: it is no receiver, and a
        // receiver's serial port is no PPS device.
        assert_eq!(
            render(Role::Gps, &gps("/dev/pps0", "", false)),
            Err(RoleError::PpsNotReceiver("/dev/pps0".into()))
        );
        assert_eq!(
            render(Role::Gps, &gps("/dev/ttyS0", "/dev/ttyS1", false)),
            Err(RoleError::NotPpsDevice("/dev/ttyS1".into()))
        );
        // A receiver on a pty (socat, ser2net): gpsd feeds no SHM from it.
        assert_eq!(
            render(Role::Gps, &gps("/dev/pts/3", "", false)),
            Err(RoleError::PtyReceiver("/dev/pts/3".into()))
        );
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

    #[test]
    fn a_role_writes_only_the_fields_it_shows() {
        // The pair's tab was filled first; the other tabs keep its fields.
        let all = input(
            "ntp.aliyun.com ntp1.aliyun.com",
            "10.0.0.0/24",
            "10.0.0.9",
            "10.0.0.124",
        );
        let iso = render(Role::Isolated, &all).unwrap();
        assert!(!iso.contains("server ") && !iso.contains("peer "), "{iso}");
        assert!(iso.contains("allow 10.0.0.0/24\n"), "{iso}");
        let up = render(Role::Upstreams, &all).unwrap();
        assert!(up.contains("server ntp.aliyun.com iburst\n"), "{up}");
        assert!(!up.contains("peer ") && !up.contains("10.0.0.9"), "{up}");
        let client = render(Role::Client, &all).unwrap();
        assert!(!client.contains("peer ") && !client.contains("aliyun"));
        assert!(
            render(Role::Pair, &all)
                .unwrap()
                .contains("peer 10.0.0.124\n")
        );
        // A bad value on another tab does not block this one.
        let bad = input("bad;host", "10.0.0.0/24", "", "bad;peer");
        assert!(render(Role::Isolated, &bad).is_ok());
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
