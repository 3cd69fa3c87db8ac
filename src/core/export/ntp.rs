//! ntp.conf for ntpd and ntpsec carrying the lab server's intent.

use std::fmt::Write as _;
use std::net::IpAddr;

use ipnet::IpNet;

use super::intent::{Intent, Note};
use super::options::{Key, NtpdVersion, Options, Role};

pub fn ntp_conf(i: &Intent, o: &Options, notes: &mut Vec<Note>) -> String {
    let mut t = String::new();
    t.push_str("driftfile /var/lib/ntp/ntp.drift\n");
    t.push_str("statsdir /var/log/ntpstats/\n");
    t.push_str("statistics loopstats peerstats clockstats\n");
    t.push_str("filegen loopstats file loopstats type day enable\n");
    t.push_str("filegen peerstats file peerstats type day enable\n");
    t.push_str("filegen clockstats file clockstats type day enable\n\n");
    // chrony serves only what `allow` lists: ntpd ignores everyone else
    // (ntpd's default serves every address). Its upstreams may answer
    // (`restrict source` covers every server and pool it polls), nobody may
    // query or change it.
    let old = o.ntpd.is_some_and(|v| v < NtpdVersion::RESTRICT_SOURCE);
    let peer = match (o.peer_addr(), o.role) {
        (Some((h, port)), _) => {
            // ntpd talks to its peers on port 123 only.
            if let Some(n) = port.filter(|n| *n != 123) {
                notes.push(Note::new("export-note-peer-port-ntp").arg("port", n));
            }
            Some(h)
        }
        (None, Role::Primary) => i.peers.first().cloned(),
        (None, Role::Backup) => None,
    };
    let hosts: Vec<&str> = i
        .upstreams
        .iter()
        .map(|u| u.host.as_str())
        .chain(peer.as_deref())
        .collect();
    // Named upstreams under ntpd 4.2.6 cannot be let in by name.
    let names_old = old && by_name(&hosts);
    let ignore = !(i.allow_all || names_old);
    restrict_default(&mut t, ignore);
    if i.allow_all {
        notes.push(Note::new("export-note-allow-all"));
    } else if !ignore {
        notes.push(old_ntpd_names(&hosts));
    }
    if !old {
        t.push_str("restrict source nomodify notrap noquery\n");
    } else if ignore {
        // ntpd 4.2.6 has no `restrict source`: each server by address.
        for u in &i.upstreams {
            writeln!(t, "restrict {} nomodify notrap noquery", u.host).unwrap();
        }
    }
    t.push_str("restrict 127.0.0.1\nrestrict ::1\n\n");
    if i.upstreams.is_empty() {
        notes.push(Note::new("export-note-no-upstream"));
    }
    for u in &i.upstreams {
        // ntpd 4.2.6 resolves a pool once, to one server (and behind
        // `restrict default ignore` it would let no other in).
        if u.pool && old {
            notes.push(Note::new("export-note-pool-old-ntpd").arg("host", &u.host));
        }
        let kw = if u.pool && !old { "pool" } else { "server" };
        let mut l = format!("{kw} {}", u.host);
        if u.iburst {
            l.push_str(" iburst");
        }
        if u.prefer {
            l.push_str(" prefer");
        }
        // ntpd's poll range is 3..17 (chrony allows down to -7).
        if let Some(m) = u.minpoll {
            write!(l, " minpoll {}", m.clamp(3, 17)).unwrap();
        }
        if let Some(m) = u.maxpoll {
            write!(l, " maxpoll {}", m.clamp(3, 17)).unwrap();
        }
        for opt in &u.other {
            notes.push(
                Note::new("export-note-option-dropped")
                    .arg("option", opt)
                    .arg("host", &u.host),
            );
        }
        writeln!(t, "{l}").unwrap();
    }
    if let Some(p) = &peer {
        // ntp.conf(5) peer: "key key: All packets sent to and received
        // from the server or peer are to include authentication fields
        // encrypted using the specified key identifier"; trustedkey alone
        // authenticates nobody.
        match &o.key {
            Some(k) => writeln!(t, "peer {p} key {}", k.id).unwrap(),
            None => writeln!(t, "peer {p}").unwrap(),
        }
        // The partner of a pair exchanges time both ways (no nopeer).
        writeln!(t, "restrict {p} kod limited nomodify notrap noquery").unwrap();
    }
    t.push('\n');
    for n in &i.allowed {
        match n {
            IpNet::V4(v4) => writeln!(
                t,
                "restrict {} mask {} kod limited nomodify notrap nopeer noquery",
                v4.network(),
                v4.netmask()
            )
            .unwrap(),
            IpNet::V6(v6) => writeln!(
                t,
                "restrict -6 {} mask {} kod limited nomodify notrap nopeer noquery",
                v6.network(),
                v6.netmask()
            )
            .unwrap(),
        }
    }
    if let Some(s) = i.local_stratum {
        // ntpd's orphan mode asks the same as chrony's: the same orphan
        // stratum on every server of the group (the pair rule).
        writeln!(t, "tos orphan {s}").unwrap();
        notes.push(Note::new("export-note-orphan-ntp").arg("stratum", s));
    }
    if i.makestep.is_some() {
        notes.push(Note::new("export-note-makestep-ntp"));
    }
    if i.rtcsync {
        notes.push(Note::new("export-note-rtcsync-ntp"));
    }
    if i.ratelimit {
        notes.push(Note::new("export-note-ratelimit-ntp"));
    }
    if let Some(k) = &o.key {
        writeln!(t, "keys {NTPD_KEYS}").unwrap();
        writeln!(t, "trustedkey {}", k.id).unwrap();
        notes.push(key_file_note(k));
    }
    // ntpd listens on port 123 only (ntp.conf(5) has no port directive).
    if i.client_port().is_some() {
        notes.push(Note::new("export-note-server-port-ntpd").arg("port", i.ntp_port));
    }
    t
}

/// ntp.conf(5) `keys`: ntpd's own key file (ntp.keys(5) format), which
/// ntpd reads at start, as root.
const NTPD_KEYS: &str = "/etc/ntp.keys";

/// The line to add to ntpd's key file.
fn key_file_note(k: &Key) -> Note {
    Note::new("export-note-key-file-ntpd")
        .arg("file", NTPD_KEYS)
        .arg(
            "line",
            format!("{} {} {}", k.id, k.kind.chrony(), k.ntpd_secret()),
        )
}

/// Whether a server is given by name rather than by address.
fn by_name(hosts: &[&str]) -> bool {
    hosts.iter().any(|h| h.parse::<IpAddr>().is_err())
}

/// `restrict default`: ignore every address but those let in below, or
/// (where an upstream is named and ntpd cannot let it in by name) answer
/// time requests and nothing else.
fn restrict_default(t: &mut String, ignore: bool) {
    if ignore {
        t.push_str("restrict default ignore\n");
        t.push_str("restrict -6 default ignore\n");
    } else {
        t.push_str("restrict default kod limited nomodify notrap nopeer noquery\n");
        t.push_str("restrict -6 default kod limited nomodify notrap nopeer noquery\n");
    }
}

/// ntpd before 4.2.7 resolves `restrict NAME` once, to one address, apart
/// from its `server NAME` (ntp.conf(5) of 4.2.6: "the address argument can
/// be a valid host DNS name"; a round-robin or pool name gives each lookup
/// another address): behind `restrict default ignore` the server's replies
/// would be dropped. So such a file does not ignore by default.
fn old_ntpd_names(hosts: &[&str]) -> Note {
    let named: Vec<&str> = hosts
        .iter()
        .copied()
        .filter(|h| h.parse::<IpAddr>().is_err())
        .collect();
    Note::new("export-note-old-ntpd-names").arg("hosts", named.join(", "))
}

/// ntp.conf for an ntpd client of the lab server(s): the first is preferred,
/// nobody else is served or may query.
pub fn client(i: &Intent, o: &Options, notes: &mut Vec<Note>) -> String {
    let mut t = String::new();
    t.push_str("driftfile /var/lib/ntp/ntp.drift\n\n");
    let old = o.ntpd.is_some_and(|v| v < NtpdVersion::RESTRICT_SOURCE);
    let servers = o.targets(i);
    let hosts: Vec<&str> = servers.iter().map(|s| s.host.as_str()).collect();
    let ignore = !(old && by_name(&hosts));
    restrict_default(&mut t, ignore);
    if !ignore {
        notes.push(old_ntpd_names(&hosts));
    }
    if !old {
        t.push_str("restrict source nomodify notrap noquery\n");
    } else if ignore {
        for host in &hosts {
            writeln!(t, "restrict {host} nomodify notrap noquery").unwrap();
        }
    }
    t.push_str("restrict 127.0.0.1\nrestrict ::1\n\n");
    // ntp.conf(5) server "key key": without it ntpd does not authenticate
    // the server (trustedkey only marks a key as trusted).
    let key = o
        .key
        .as_ref()
        .map(|k| format!(" key {}", k.id))
        .unwrap_or_default();
    for (n, s) in servers.iter().enumerate() {
        // ntpd always sends to port 123: ntp.conf(5) server has no port
        // option.
        if let Some(p) = s.port {
            notes.push(
                Note::new("export-note-ntp-port")
                    .arg("server", &s.host)
                    .arg("port", p),
            );
        }
        let prefer = if n == 0 && servers.len() > 1 {
            " prefer"
        } else {
            ""
        };
        writeln!(t, "server {} iburst{prefer}{key}", s.host).unwrap();
    }
    if let Some(k) = &o.key {
        writeln!(t, "\nkeys {NTPD_KEYS}").unwrap();
        writeln!(t, "trustedkey {}", k.id).unwrap();
        notes.push(key_file_note(k));
    }
    t
}
