//! What silently does not do what a lab admin meant: the warnings and
//! hints about sources, access, local stratum and peers.

use crate::core::conf::access::{AccessScope, AccessTarget};
use crate::core::conf::directive::{Directive, OptValue, SourceKind};
use crate::core::conf::document::{Document, LineKind};

use std::collections::HashMap;

use super::model::*;
use super::rules::Rule;

/// The lowest `local stratum` that cannot outbid a public upstream chain:
/// public servers are stratum 1 to 4.
const LOCAL_STRATUM_ABOVE_PUBLIC: i64 = 5;

/// How many time sources the file gives chronyd (a pool counts as many as
/// it may use). One address is one source: chronyd drops a second line for
/// it (4.3+ logs "Could not add source").
pub(super) fn upstream_count(doc: &Document) -> i64 {
    selectable_upstreams(doc).iter().map(|(_, n)| n).sum()
}

/// Each distinct selectable upstream name or address of the file with the
/// number of sources it can give (a pool as many as `maxsources`, default
/// 4): what the falseticker vote counts, per name, so that the window can
/// leave out the names this machine cannot resolve.
pub fn selectable_upstreams(doc: &Document) -> Vec<(&str, i64)> {
    let mut seen = std::collections::HashSet::new();
    doc.sources()
        .filter(|(_, s)| seen.insert(s.host.to_ascii_lowercase()))
        .filter(|(_, s)| !s.has("noselect") && !ntpd_refclock_address(&s.host))
        // Forms chronyd never polls (said by their own findings).
        .filter(|(_, s)| super::ignored::zoned(&s.host).is_none() && !s.host.starts_with('['))
        .map(|(_, s)| {
            let n = match s.kind {
                SourceKind::Pool => s.int("maxsources").unwrap_or(4).clamp(1, 16),
                _ => 1,
            };
            (s.host.as_str(), n)
        })
        .collect()
}

/// ntpd's reference clock pseudo-addresses, 127.127.TYPE.UNIT (ntpd's
/// refclock documentation; 127.127.1.0 is its local clock driver): no
/// server answers there, chrony configures clocks with `refclock`/`local`.
pub(super) fn ntpd_refclock_address(host: &str) -> bool {
    host.parse::<std::net::Ipv4Addr>()
        .is_ok_and(|a| a.octets()[..2] == [127, 127])
}

/// Whether an `allow` target is one host that is also a source of the
/// file (`server 10.0.0.1` + `allow 10.0.0.1`).
fn allows_only_a_source(doc: &Document, target: &AccessTarget) -> bool {
    let host: Option<std::net::IpAddr> = match target {
        AccessTarget::Net(s) if s.bits == if s.addr.is_ipv4() { 32 } else { 128 } => Some(s.addr),
        _ => None,
    };
    doc.sources().any(|(_, s)| match (target, host) {
        (_, Some(ip)) => s.host.parse::<std::net::IpAddr>() == Ok(ip),
        (AccessTarget::Host(h), None) => s.host.eq_ignore_ascii_case(h),
        _ => false,
    })
}

/// Before 4.2 an allow line chronyd reads leniently (a trailing comment,
/// say) still lets clients in: such a file does serve.
fn lenient_allow(l: &Linter) -> bool {
    l.opts.version < super::releases::STRICT_ACCESS
        && l.doc.lines().iter().any(|line| {
            matches!(line.kind(), LineKind::Directive(d)
                if d.name == "allow"
                    && d.parsed.is_err()
                    && super::releases::lenient_access_accepts(&d.args))
        })
}

/// The line of the `port 0` that makes chronyd client-only (the last
/// `port` line is the one that counts), if the file has one.
fn server_port_off(l: &Linter) -> Option<usize> {
    l.directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple {
                spec,
                value: OptValue::Int(x),
            } if spec.name == "port" => Some((i, *x)),
            _ => None,
        })
        .last()
        .filter(|(_, x)| *x == 0)
        .map(|(i, _)| i)
}

/// What does not fail but does not do what a lab admin meant.
pub(super) fn lab_checks(l: &mut Linter) {
    let doc = l.doc;
    let allows: Vec<_> = doc
        .access_rules(AccessScope::Ntp)
        .filter(|(_, a)| a.allow)
        .collect();
    let local = doc.local();
    let imports = l.reads_other_files();
    // A sourcedir whose directories are all missing gives no sources
    // (sourcedir-missing says so).
    let source_dirs = l.directives().any(|(_, d)| match d {
        Directive::Dirs {
            name: "sourcedir",
            dirs,
        } => match l.opts.path_exists {
            Some(exists) => dirs.iter().any(|d| exists(d)),
            None => true,
        },
        _ => false,
    });
    let source_files = imports || source_dirs;

    // chrony.conf(5) local: the stratum "should be larger than the maximum
    // expected stratum in the network when external NTP servers are
    // accessible"; public servers are stratum 1 to 4, so below 5 the free
    // clock outbids the real chain once the upstreams fail.
    let upstream_servers = doc.sources().any(|(_, s)| {
        matches!(s.kind, SourceKind::Server | SourceKind::Pool)
            && !s.has("noselect")
            && !ntpd_refclock_address(&s.host)
    });
    if let Some((i, lo)) = local {
        let stratum = lo.stratum();
        if upstream_servers && (1..LOCAL_STRATUM_ABOVE_PUBLIC).contains(&stratum) {
            l.add_at((
                Rule::LocalStratumBelowUpstream,
                Some(i),
                vec![("stratum", stratum.to_string())],
            ));
        } else if stratum == 1 {
            // "Stratum 1 indicates a computer that has a true real-time
            // reference directly connected".
            l.add_at((Rule::LocalStratumOne, Some(i), vec![]));
        }
    }
    // An allow line chronyd refuses is an error of its own, not a missing
    // allow.
    let no_allow = allows.is_empty() && !lenient_allow(l) && !l.written("allow");
    if let (Some((i, _)), true, false) = (local, no_allow, imports) {
        l.add_at((Rule::NoAllow, Some(i), vec![]));
    }
    // A client that lets only its own servers ask for its time (the
    // chrony-client export does, for the roster) serves no clients: it
    // needs no local stratum.
    let own_sources = !allows.is_empty()
        && allows
            .iter()
            .all(|(_, a)| allows_only_a_source(doc, &a.target));
    // chrony.conf(5) port: "If set to 0, chronyd will never open the server
    // port and will operate strictly in a client-only mode": its allow lines
    // let nobody in, and what clients would see does not arise.
    let port_off = server_port_off(l);
    if let (Some((i, _)), Some(port_line)) = (allows.first(), port_off) {
        l.add_at((
            Rule::ServerPortOff,
            Some(*i),
            vec![("line", (port_line + 1).to_string())],
        ));
    }
    if let (Some((i, _)), None, false, false, None) = (
        allows.first(),
        local,
        own_sources,
        l.written("local"),
        port_off,
    ) {
        l.add_at((Rule::NoLocalStratum, Some(*i), vec![]));
    }
    for (i, a) in &allows {
        match &a.target {
            AccessTarget::Any => l.add_at((
                Rule::AllowEveryone,
                Some(*i),
                vec![("family", "any".to_string())],
            )),
            // A prefix of length 0: every address of its family (chrony.conf(5)
            // allow: "allow 0/0" and "allow ::/0" as "allow all" is for both).
            AccessTarget::Net(s) if s.bits == 0 => {
                let family = if s.addr.is_ipv4() { "ipv4" } else { "ipv6" };
                l.add_at((
                    Rule::AllowEveryone,
                    Some(*i),
                    vec![("family", family.to_string())],
                ))
            }
            AccessTarget::Host(h) => match l.opts.resolves {
                Some(resolves) if !resolves(h) => l.add_at((
                    Rule::AllowHostUnresolved,
                    Some(*i),
                    vec![("host", h.clone())],
                )),
                _ => l.add_at((Rule::AllowHostname, Some(*i), vec![("host", h.clone())])),
            },
            AccessTarget::Net(s) if s.has_host_bits() => {
                let net = s.net().map(|n| n.trunc().to_string()).unwrap_or_default();
                l.add_at((
                    Rule::HostBits,
                    Some(*i),
                    vec![("subnet", s.to_string()), ("network", net)],
                ));
            }
            AccessTarget::Net(_) => {}
        }
    }

    let peers = per_source(l);

    // chrony.conf(5): noselect "Never select this source"; require "Require
    // that at least one of the sources specified with this option is
    // selectable": on one source the two ask for the impossible.
    let with = |d: &Directive, name: &str| {
        super::syntax::options_of(d)
            .iter()
            .any(|(_, s, _)| s.name == name)
    };
    let contradictions: Vec<(usize, String)> = l
        .directives()
        .filter(|(_, d)| matches!(d, Directive::Source(_)) || d.name() == "refclock")
        .filter(|(_, d)| with(d, "require") && with(d, "noselect"))
        .map(|(i, d)| {
            let name = match d {
                Directive::Source(s) => s.host.clone(),
                _ => d.name().to_string(),
            };
            (i, name)
        })
        .collect();
    for (i, name) in contradictions {
        l.add_at((Rule::RequireNoselect, Some(i), vec![("source", name)]));
    }
    // Selectable reference clocks take part in the vote as servers do.
    let clocks = l
        .directives()
        .filter(|(_, d)| d.name() == "refclock")
        .filter(|(_, d)| !with(d, "noselect"))
        .count();
    let upstreams = upstream_count(doc) + clocks as i64;
    if !source_files {
        // A source line chronyd refuses is an error already, not a file
        // without sources.
        let refused_source = ["server", "pool", "peer", "refclock", "local"]
            .iter()
            .any(|n| l.refused(n));
        if upstreams == 0 && local.is_none() && !refused_source {
            // Sources there are, all noselect: the reason is not "none".
            let rule = if doc.sources().next().is_some() || l.has("refclock") {
                Rule::OnlyNoselectSources
            } else {
                Rule::NoSources
            };
            l.add_at((rule, None, vec![]));
        } else if (1..3).contains(&upstreams) {
            // A client of one lab server is normal; a server others rely on
            // should be able to tell a wrong upstream from a right one.
            let serves = port_off.is_none()
                && (lenient_allow(l)
                || l.written("allow")
                || l.directives().any(|(_, d)| {
                    matches!(d, Directive::Access(a) if a.scope == AccessScope::Ntp && a.allow)
                }));
            let rule = if serves {
                Rule::FewSources
            } else {
                Rule::FewSourcesClient
            };
            l.add_at((rule, None, vec![("count", upstreams.to_string())]));
        }
    }
    // chrony.conf(5) initstepslew: the servers it names are polled at
    // start and an error over the threshold is stepped "before normal
    // operation begins", so the start is covered; deprecated in favour of
    // makestep since 4.1, and it steps nothing when none of them answers
    // (reference.c: "No suitable source for initstepslew").
    let initstepslew = l
        .directives()
        .find(|(_, d)| d.name() == "initstepslew")
        .map(|(i, _)| (i, l.raw_args(i)));
    let steps_at_start = initstepslew
        .as_ref()
        .is_some_and(|(_, args)| args.split_whitespace().nth(1).is_some());
    if let (Some((i, args)), false) = (&initstepslew, l.written("makestep")) {
        let mut words = args.split_whitespace();
        let threshold = words.next().unwrap_or_default().to_string();
        let hosts = words.collect::<Vec<_>>().join(" ");
        if !hosts.is_empty() {
            l.add_at((
                Rule::InitstepslewUseMakestep,
                Some(*i),
                vec![("threshold", threshold), ("hosts", hosts)],
            ));
        }
    }
    // A makestep line chronyd refuses ("Missing arguments for makestep
    // directive") is to be repaired, not added.
    if upstreams > 0 && !l.written("makestep") && !steps_at_start {
        l.add_at((Rule::NoMakestep, None, vec![]));
    }
    // chrony.conf(5): minsources is how many sources must be selectable
    // "before the local clock is updated"; more than the file can ever
    // give and the clock is never updated.
    if let (false, Some((i, min))) = (source_files, minsources(l))
        && min > upstreams
    {
        l.add_at((
            Rule::MinsourcesUnreachable,
            Some(i),
            vec![
                ("minsources", min.to_string()),
                ("count", upstreams.to_string()),
            ],
        ));
    }
    // 4.7+: with orphan and no waitunsynced, the local reference waits
    // 300 s while unsynchronised, after every start too (cmdparse.c 4.7).
    if let Some((i, lo)) = local
        && lo.orphan()
        && lo.float_option("waitunsynced").is_none()
        && l.opts.version >= super::releases::ORPHAN_WAITS
        // A `port 0` host serves no client: nobody waits.
        && server_port_off(l).is_none()
    {
        l.add_at((
            Rule::OrphanWaits,
            Some(i),
            vec![
                ("seconds", super::releases::ORPHAN_WAIT_SECONDS.to_string()),
                ("version", l.opts.version.to_string()),
            ],
        ));
    }
    if let (Some((i, lo)), true) = (local, peers > 0)
        && !lo.orphan()
    {
        l.add_at((Rule::PeerNoOrphan, Some(i), vec![]));
    }

    super::cmdmon::cmdmon_access(l);
    super::repeats::repeated_settings(l);
}

/// The reserved top-level domain a source's name is under: `.invalid`
/// never resolves (RFC 6761 6.4); `.example` (RFC 2606) and `.test`
/// (RFC 6761 6.2) are left to documentation and testing, so they resolve
/// only where a hosts file or a lab DNS defines them. `.localhost` names
/// resolve to loopback (RFC 6761 6.3): not said.
fn reserved_name(host: &str) -> Option<&'static str> {
    let last = host.trim_end_matches('.').rsplit('.').next()?;
    ["invalid", "example", "test"]
        .into_iter()
        .find(|tld| last.eq_ignore_ascii_case(tld) && host.contains('.'))
}

/// The last `minsources` line and its value.
fn minsources(l: &Linter) -> Option<(usize, i64)> {
    l.directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple { spec, value } if spec.name == "minsources" => {
                value.as_i64().map(|v| (i, v))
            }
            _ => None,
        })
        .last()
}

/// Checks between two servers' configurations that peer with each other
/// (a lab's primary and backup), by the pair rule (chrony.conf(5),
/// `local … orphan`; core::conf::pair): the group shares one local
/// configuration. Different strata still work (the lower one serves its
/// clock when the upstreams are gone and the other follows it, measured on
/// 4.9), so this is a hint. A missing `orphan` is said by each file's own
/// lint (`peer-no-orphan`).
pub fn lint_peer_pair(a: &Document, b: &Document) -> Option<Diagnostic> {
    let peers = |d: &Document| d.sources().any(|(_, s)| s.kind == SourceKind::Peer);
    if !(peers(a) && peers(b)) {
        return None;
    }
    let (la, lb) = (a.local(), b.local());
    let differ = match (la, lb) {
        (Some((_, x)), Some((_, y))) => x.stratum() != y.stratum(),
        (None, None) => false,
        _ => true,
    };
    let (line, stratum) = match la {
        Some((i, l)) => (Some(i + 1), l.stratum().to_string()),
        None => (None, "–".to_string()),
    };
    let other = lb.map_or_else(|| "–".to_string(), |(_, l)| l.stratum().to_string());
    differ.then(|| Diagnostic {
        rule: Rule::PeerStrataDiffer,
        severity: Rule::PeerStrataDiffer.severity(),
        line,
        args: vec![("stratum", stratum), ("other", other)],
    })
}

/// The checks of each source line on its own (and of duplicates within
/// the file): one code path for chrony.conf, its included files and the
/// `.sources` files of a sourcedir. Returns how many peers chronyd adds.
pub(super) fn per_source(l: &mut Linter) -> usize {
    // One address, one source: a `server` and a `peer` line for the same
    // host are duplicates too (chronyd ignores the second).
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut peers = 0;
    for (i, s) in l.doc.sources() {
        let key = s.host.to_ascii_lowercase();
        let dropped = seen.contains_key(&key);
        if let Some(first) = seen.get(&key) {
            l.add_at((
                Rule::DuplicateSource,
                Some(i),
                vec![("host", s.host.clone()), ("line", (first + 1).to_string())],
            ));
        } else {
            seen.insert(key, i);
        }
        // `server iburst`: chronyd reads the first word after the
        // directive as the host (cmdparse.c CPS_ParseNTPSourceAdd), so the
        // option becomes a name that never resolves and the line gives no
        // time; the server's name was forgotten.
        if crate::core::conf::directive::SOURCE_OPTIONS
            .iter()
            .any(|o| o.name.eq_ignore_ascii_case(&s.host))
        {
            l.add_at((
                Rule::SourceHostIsOption,
                Some(i),
                vec![
                    ("host", s.host.clone()),
                    ("directive", s.kind.keyword().to_string()),
                ],
            ));
            continue;
        }
        if ntpd_refclock_address(&s.host) {
            l.add_at((
                Rule::NtpdRefclockAddress,
                Some(i),
                vec![("host", s.host.clone())],
            ));
            continue;
        }
        if s.kind == SourceKind::Peer {
            // A dropped peer line peers with nobody: no orphan advice for it.
            if !dropped {
                peers += 1;
            }
            for burst in ["iburst", "burst"] {
                if s.has(burst) {
                    l.add_at((
                        Rule::PeerBurst,
                        Some(i),
                        vec![("option", burst.to_string())],
                    ));
                }
            }
            // chrony.conf(5) peer: nts does "not work in the peer
            // directive"; ntp_core.c (4.0-4.9) logs "NTS not supported
            // with peers" and still makes the source an NTS one, whose
            // answers must carry NTS fields a peer never adds (chronyd
            // answers with NTS only to client requests, nts_ntp_server.c).
            if s.has("nts") {
                l.add_at((Rule::PeerNts, Some(i), vec![("host", s.host.clone())]));
            }
        } else if !s.has("iburst") && !s.has("burst") && s.int("minpoll").is_none_or(|m| m > 0) {
            // At minpoll 0 or below the first polls come within seconds
            // anyway (chrony.conf(5) minpoll: -6 is 1/64 s).
            l.add_at((Rule::NoIburst, Some(i), vec![("host", s.host.clone())]));
        }
        // ntp_core.c (4.0-4.9): `if (params->nts) … else if
        // (params->authkey != INACTIVE_AUTHKEY)`: with nts the key is
        // never used.
        if s.has("nts")
            && let Some(key) = s.int("key")
        {
            l.add_at((
                Rule::NtsKeyIgnored,
                Some(i),
                vec![("host", s.host.clone()), ("key", key.to_string())],
            ));
        }
        // chrony.conf(5) server offline: chronyd "will not try to poll the
        // server until it is enabled to do so" (chronyc online).
        if s.has("offline") {
            l.add_at((Rule::SourceOffline, Some(i), vec![("host", s.host.clone())]));
        }
        // chrony.conf(5): noselect "never selected for synchronisation",
        // prefer "prefer this source over sources without the prefer
        // option": on one line prefer has nothing to act on.
        if s.has("prefer") && s.has("noselect") {
            l.add_at((
                Rule::PreferNoselect,
                Some(i),
                vec![("host", s.host.clone())],
            ));
        }
        if let Some(tld) = reserved_name(&s.host) {
            l.add_at((
                Rule::ReservedName,
                Some(i),
                vec![("host", s.host.clone()), ("tld", tld.to_string())],
            ));
        }
        if s.kind != SourceKind::Pool && s.has("maxsources") {
            l.add_at((
                Rule::OptionIgnored,
                Some(i),
                vec![
                    ("option", "maxsources".into()),
                    ("directive", s.kind.keyword().into()),
                ],
            ));
        }
        if let (Some(min), Some(max)) = (s.int("minpoll"), s.int("maxpoll"))
            && max < min
        {
            l.add_at((
                Rule::MaxpollBelowMinpoll,
                Some(i),
                vec![("minpoll", min.to_string()), ("maxpoll", max.to_string())],
            ));
        }
    }
    peers
}
