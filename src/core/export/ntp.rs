//! ntp.conf for ntpd and ntpsec carrying the lab server's intent.

use std::fmt::Write as _;

use ipnet::IpNet;

use super::intent::{Intent, Note};
use super::options::{NtpdVersion, Options, Role, split_host_port};

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
    if i.allow_all {
        notes.push(Note::new("export-note-allow-all"));
        t.push_str("restrict default kod limited nomodify notrap nopeer noquery\n");
        t.push_str("restrict -6 default kod limited nomodify notrap nopeer noquery\n");
    } else {
        t.push_str("restrict default ignore\n");
        t.push_str("restrict -6 default ignore\n");
    }
    let old = o.ntpd.is_some_and(|v| v < NtpdVersion::RESTRICT_SOURCE);
    if old {
        // ntpd 4.2.6 has no `restrict source`: each server by name.
        for u in &i.upstreams {
            writeln!(t, "restrict {} nomodify notrap noquery", u.host).unwrap();
        }
    } else {
        t.push_str("restrict source nomodify notrap noquery\n");
    }
    t.push_str("restrict 127.0.0.1\nrestrict ::1\n\n");
    if i.upstreams.is_empty() {
        notes.push(Note::new("export-note-no-upstream"));
    }
    for u in &i.upstreams {
        // Behind `restrict default ignore`, ntpd 4.2.6 lets in only the
        // addresses it was told: a pool's servers would be ignored.
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
    if let Some(p) = &peer {
        writeln!(t, "peer {p}").unwrap();
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
        t.push_str("keys /etc/ntp.keys\n");
        writeln!(t, "trustedkey {}", k.id).unwrap();
        notes.push(
            Note::new("export-note-key-file")
                .arg("file", "/etc/ntp.keys")
                .arg(
                    "line",
                    format!("{} {} {}", k.id, k.kind.chrony(), k.ntpd_secret()),
                ),
        );
    }
    t
}

/// ntp.conf for an ntpd client of the lab server(s): the first is preferred,
/// nobody else is served or may query.
pub fn client(o: &Options, notes: &mut Vec<Note>) -> String {
    let mut t = String::new();
    t.push_str("driftfile /var/lib/ntp/ntp.drift\n\n");
    t.push_str("restrict default ignore\n");
    t.push_str("restrict -6 default ignore\n");
    if o.ntpd.is_some_and(|v| v < NtpdVersion::RESTRICT_SOURCE) {
        for s in &o.servers {
            let (host, _) = split_host_port(s).expect("checked");
            writeln!(t, "restrict {host} nomodify notrap noquery").unwrap();
        }
    } else {
        t.push_str("restrict source nomodify notrap noquery\n");
    }
    t.push_str("restrict 127.0.0.1\nrestrict ::1\n\n");
    for (n, s) in o.servers.iter().enumerate() {
        let (host, port) = split_host_port(s).expect("checked");
        if port.is_some_and(|p| p != 123) {
            notes.push(Note::new("export-note-ntp-port").arg("server", s));
        }
        let prefer = if n == 0 && o.servers.len() > 1 {
            " prefer"
        } else {
            ""
        };
        writeln!(t, "server {host} iburst{prefer}").unwrap();
    }
    if let Some(k) = &o.key {
        t.push_str("\nkeys /etc/ntp.keys\n");
        writeln!(t, "trustedkey {}", k.id).unwrap();
        notes.push(
            Note::new("export-note-key-file")
                .arg("file", "/etc/ntp.keys")
                .arg(
                    "line",
                    format!("{} {} {}", k.id, k.kind.chrony(), k.ntpd_secret()),
                ),
        );
    }
    t
}
