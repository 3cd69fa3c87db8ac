//! chrony.conf for the lab server (primary or backup) and for its clients.

use std::fmt::Write as _;

use std::net::IpAddr;

use super::intent::{Intent, Note};
use super::options::{Options, Role, Target};
use crate::core::conf::directive::{BindKind, BindTarget};
use crate::core::conf::{AccessScope, Directive, Document, OptValue, Source, SourceKind};

/// Directives that belong to the machine the lab ran on (its pid file and
/// control socket). Everything else — the distribution's own paths for the
/// drift file, keys, NTS data and logs included — is carried as written: a
/// RHEL-style file stays RHEL-style. `port` is carried too: the clients
/// and devices exported from the same file query that port.
const MACHINE_PATHS: &[&str] = &["pidfile", "bindcmdaddress", "cmdport"];

/// Debian's places, for what the lab's file does not name.
const DEFAULT_DRIFTFILE: &str = "/var/lib/chrony/chrony.drift";
const DEFAULT_KEYFILE: &str = "/etc/chrony/chrony.keys";
const DEFAULT_DUMPDIR: &str = "/var/lib/chrony";

/// The key file a configuration names, else where the export puts one.
fn keyfile_of(doc: &Document) -> Option<String> {
    match doc.simple_value("keyfile") {
        Some(crate::core::conf::OptValue::Word(p)) => Some(p.clone()),
        _ => None,
    }
}

/// The lab server's own configuration; `--role backup --peer PRIMARY`
/// gives the lab pair's backup: same upstreams, peered with the primary,
/// the same `local stratum N orphan` (the pair rule; clients prefer the
/// primary through `prefer` in their own file). Every directive of the
/// lab's file is carried over, except the machine's own paths.
pub fn server(doc: &Document, i: &Intent, o: &Options, notes: &mut Vec<Note>) -> String {
    let mut t = String::new();
    if i.upstreams.is_empty() {
        notes.push(Note::new("export-note-no-upstream"));
    }
    for (_, s) in doc.sources().filter(|(_, s)| s.kind != SourceKind::Peer) {
        writeln!(t, "{}", s.render()).unwrap();
    }
    let peers = peer_lines(doc, i, o);
    for p in &peers {
        writeln!(t, "{p}").unwrap();
    }
    t.push('\n');
    for (_, a) in doc.access_rules(AccessScope::Ntp) {
        writeln!(t, "{}", a.render()).unwrap();
    }
    if !i.allow_all && i.allowed.is_empty() {
        notes.push(Note::new("export-note-no-allow"));
    }
    // The pair rule (core::conf::pair, chrony.conf(5) `local … orphan`):
    // the backup's local line is the primary's, and peered servers are in
    // orphan mode so that they agree on one of them while the upstreams
    // are gone.
    let stratum = i
        .local_stratum
        .unwrap_or(i64::from(crate::core::conf::pair::LAB_LOCAL_STRATUM));
    let orphan = i.orphan || !peers.is_empty();
    if orphan && !i.orphan {
        notes.push(Note::new("export-note-peer-orphan"));
    }
    if !peers.is_empty() || o.role == Role::Backup {
        notes.push(Note::new("export-note-pair-rule").arg("stratum", stratum));
    }
    let distance = doc
        .local()
        .map(|(_, l)| l.distance())
        .filter(|d| *d != 1.0)
        .map(|d| format!(" distance {d}"))
        .unwrap_or_default();
    writeln!(
        t,
        "local stratum {stratum}{}{distance}",
        if orphan { " orphan" } else { "" }
    )
    .unwrap();
    if i.makestep.is_none() {
        t.push_str("makestep 1 3\n");
    }
    for (_, d) in doc.directives() {
        // A command address (a monitor's way in) belongs to the server's
        // intent; the lab's own Unix socket does not.
        let network_cmd = matches!(
            d,
            Directive::Bind {
                kind: BindKind::Command,
                target: BindTarget::Ip(_),
            }
        );
        let carried = !matches!(d, Directive::Source(_) | Directive::Local(_))
            && !matches!(d, Directive::Access(a) if a.scope == AccessScope::Ntp)
            && (!MACHINE_PATHS.contains(&d.name()) || network_cmd);
        if carried {
            writeln!(t, "{}", d.render()).unwrap();
        }
    }
    if doc.last_directive("driftfile").is_none() {
        writeln!(t, "driftfile {DEFAULT_DRIFTFILE}").unwrap();
    }
    if let Some(k) = &o.key {
        let file = keyfile_of(doc).unwrap_or_else(|| {
            writeln!(t, "keyfile {DEFAULT_KEYFILE}").unwrap();
            DEFAULT_KEYFILE.to_string()
        });
        notes.push(
            Note::new("export-note-key-file")
                .arg("file", file)
                .arg("line", format!("{} {} {}", k.id, k.kind.chrony(), k.secret)),
        );
    }
    if doc.last_directive("log").is_some() && doc.last_directive("logdir").is_none() {
        t.push_str("logdir /var/log/chrony\n");
    }
    t
}

/// The `peer` lines of the server: `--peer` (querying the port this
/// file's server listens on, as its partner exported from it does), else
/// the file's own for a primary. With a key, each uses it: chrony.conf(5)
/// peer: "A denial-of-service attack is possible on unauthenticated
/// symmetric associations, i.e. when the peer was specified without the
/// key option".
fn peer_lines(doc: &Document, i: &Intent, o: &Options) -> Vec<String> {
    let key = o.key.as_ref().map(|k| OptValue::Unsigned(u64::from(k.id)));
    let mut sources: Vec<Source> = match (&o.peer, o.role) {
        (Some(_), _) => o
            .peer_addr()
            .map(|(h, port)| {
                let mut s = Source {
                    kind: SourceKind::Peer,
                    host: h,
                    options: Vec::new(),
                };
                if let Some(p) = port.or(i.client_port()) {
                    s.set_option("port", Some(OptValue::Int(i64::from(p))));
                }
                s
            })
            .into_iter()
            .collect(),
        (None, Role::Primary) => doc
            .sources()
            .filter(|(_, s)| s.kind == SourceKind::Peer)
            .map(|(_, s)| s.clone())
            .collect(),
        (None, Role::Backup) => vec![],
    };
    for s in &mut sources {
        if !s.has("key") && key.is_some() {
            s.set_option("key", key.clone());
        }
    }
    sources.iter().map(Source::render).collect()
}

/// A client of the lab server(s); `comment` gives a note's words as
/// comment lines.
pub fn client(
    i: &Intent,
    o: &Options,
    notes: &mut Vec<Note>,
    comment: &dyn Fn(&Note) -> String,
) -> String {
    let mut t = String::new();
    let servers = o.targets(i);
    if o.nts && !i.nts_server {
        notes.push(Note::new("export-note-nts-no-server"));
    }
    if o.nts && o.key.is_some() {
        notes.push(Note::new("export-note-nts-and-key"));
    }
    for (n, target) in servers.iter().enumerate() {
        let port = target
            .port
            .map(|p| format!(" port {p}"))
            .unwrap_or_default();
        // NTS and a symmetric key are exclusive for a source: NTS wins.
        let key = o
            .key
            .as_ref()
            .filter(|_| !o.nts)
            .map(|k| format!(" key {}", k.id))
            .unwrap_or_default();
        let nts = if !o.nts {
            String::new()
        } else if i.ntsport == super::intent::NTS_KE_PORT {
            " nts".to_string()
        } else {
            format!(" nts ntsport {}", i.ntsport)
        };
        let prefer = if n == 0 && servers.len() > 1 {
            " prefer"
        } else {
            ""
        };
        writeln!(t, "server {}{port} iburst{key}{nts}{prefer}", target.host).unwrap();
    }
    t.push_str(&answer_servers(&servers, notes, comment));
    writeln!(t, "\nmakestep 1 3\nrtcsync\ndriftfile {DEFAULT_DRIFTFILE}").unwrap();
    if o.nts {
        // Cookies kept across restarts: no new key exchange each time.
        writeln!(t, "ntsdumpdir {DEFAULT_DUMPDIR}").unwrap();
        match &o.nts_ca {
            Some(ca) => {
                writeln!(t, "ntstrustedcerts {ca}").unwrap();
                notes.push(Note::new("export-note-nts-ca").arg("file", ca));
            }
            None => notes.push(Note::new("export-note-nts-system-store")),
        }
    }
    if let Some(k) = &o.key {
        writeln!(t, "keyfile {DEFAULT_KEYFILE}").unwrap();
        notes.push(
            Note::new("export-note-key-file")
                .arg("file", DEFAULT_KEYFILE)
                .arg("line", format!("{} {} {}", k.id, k.kind.chrony(), k.secret)),
        );
    }
    t
}

/// `allow` lines that let the lab server(s) ask the client for its time
/// (and no one else): that is how the server sees that the client follows
/// it. chronyd resolves a name in `allow` once, at start, and refuses the
/// whole file when it does not resolve (chrony.conf(5) allow; Stratum's
/// lint rule allow-host-unresolved): a name is written as the addresses
/// it has now, under a comment naming it, or left out with a note.
fn answer_servers(
    servers: &[Target],
    notes: &mut Vec<Note>,
    comment: &dyn Fn(&Note) -> String,
) -> String {
    let mut lines = String::new();
    let mut allowed: Vec<&str> = Vec::new();
    for s in servers {
        if s.addrs.is_empty() {
            notes.push(Note::new("export-note-allow-name-unknown").arg("host", &s.host));
            continue;
        }
        allowed.push(&s.host);
        if s.is_name() {
            let addrs: Vec<String> = s.addrs.iter().map(IpAddr::to_string).collect();
            lines.push_str(&comment(
                &Note::new("export-comment-allow-resolved")
                    .arg("host", &s.host)
                    .arg("addresses", addrs.join(", ")),
            ));
        }
        for a in &s.addrs {
            writeln!(lines, "allow {a}").unwrap();
        }
    }
    if allowed.is_empty() {
        return String::new();
    }
    let count = allowed.len();
    let hosts = allowed.join(", ");
    notes.push(Note::new("export-note-client-answers").arg("servers", &hosts));
    format!(
        "\n{}{lines}",
        comment(
            &Note::new("export-comment-client-answers")
                .arg("servers", hosts)
                .arg("count", count.to_string())
        )
    )
}
