//! Lines chronyd reads without a word that never take effect: logs with
//! nowhere to go, a bracketed IPv6 source or one written `host:port`, an
//! access line a later `allow all` / `deny all` cancels.

use crate::core::conf::access::{AccessScope, AccessTarget};
use crate::core::conf::directive::Directive;

use super::model::*;
use super::rules::Rule;

pub(super) fn ignored_lines(l: &mut Linter) {
    logs_without_logdir(l);
    bracketed_sources(l);
    zoned_sources(l);
    host_port_sources(l);
    for scope in [AccessScope::Ntp, AccessScope::Cmd] {
        cancelled_access(l, scope);
    }
}

/// chrony.conf(5) log: "The log files are written to the directory
/// specified by the logdir directive"; without one chronyd 4.0–4.9 logs
/// "logdir not specified" and writes none (logging.c LOG_FileOpen).
fn logs_without_logdir(l: &mut Linter) {
    // A logdir may come from an included file.
    if l.written("logdir") || l.reads_other_files() {
        return;
    }
    let logs: Vec<(usize, String)> = l
        .directives()
        .filter_map(|(i, d)| match d {
            Directive::Log(names) if !names.is_empty() => Some((i, names.join(" "))),
            _ => None,
        })
        .collect();
    for (i, names) in logs {
        l.add((Rule::LogNoLogdir, i, vec![("logs", names)]));
    }
}

/// chrony.conf(5) server: "The server can be specified by its hostname or
/// IP address"; chrony writes IPv6 addresses bare and reads no brackets
/// anywhere, so `[2001:db8::1]` is a host name that never resolves
/// (chronyd starts and retries it without a message).
fn bracketed_sources(l: &mut Linter) {
    let found: Vec<(usize, String, String)> = l
        .doc
        .sources()
        .filter_map(|(i, s)| {
            let inner = s.host.strip_prefix('[')?.split(']').next()?;
            inner
                .parse::<std::net::Ipv6Addr>()
                .is_ok()
                .then(|| (i, s.host.clone(), inner.to_string()))
        })
        .collect();
    for (i, host, bare) in found {
        l.add((
            Rule::SourceBrackets,
            i,
            vec![("host", host), ("bare", bare)],
        ));
    }
}

/// An IPv6 address with an interface zone (`fe80::1%eth0`): chrony's
/// addresses carry no zone, so the whole text goes to getaddrinfo as a
/// name (nameserv.c); where it fails chronyd logs "Invalid host" and drops
/// the source (ntp_sources.c, 4.0–4.8). chrony.conf(5) bindacqdevice is
/// the way "to enable an NTP source specified with a link-local IPv6
/// address".
fn zoned_sources(l: &mut Linter) {
    let found: Vec<(usize, String, String, String)> = l
        .doc
        .sources()
        .filter_map(|(i, s)| {
            let (addr, zone) = zoned(&s.host)?;
            Some((i, s.host.clone(), addr.to_string(), zone.to_string()))
        })
        .collect();
    for (i, host, bare, zone) in found {
        l.add((
            Rule::SourceZone,
            i,
            vec![("host", host), ("bare", bare), ("zone", zone)],
        ));
    }
}

/// `ADDRESS%ZONE` of an IPv6 address: (address, zone).
pub(super) fn zoned(host: &str) -> Option<(&str, &str)> {
    let (addr, zone) = host.split_once('%')?;
    (addr.parse::<std::net::Ipv6Addr>().is_ok() && !zone.is_empty()).then_some((addr, zone))
}

/// chrony.conf(5) server: `server hostname [option]...`, the port given by
/// the `port` option. `10.0.0.123:123` is taken whole as a host name that
/// never resolves: chronyd starts, "chronyc sources" stays empty and
/// "chronyc activity" counts "1 sources with unknown address" (R17, live
/// chronyd 4.9). An IPv6 address has two colons or more, so one colon
/// followed by digits only is the host:port habit.
fn host_port_sources(l: &mut Linter) {
    let found: Vec<(usize, String, String, String, &'static str)> = l
        .doc
        .sources()
        .filter_map(|(i, s)| {
            let (name, port) = s.host.split_once(':')?;
            let digits = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
            (!name.is_empty() && digits && !port.contains(':')).then(|| {
                (
                    i,
                    s.host.clone(),
                    name.to_string(),
                    port.to_string(),
                    s.kind.keyword(),
                )
            })
        })
        .collect();
    for (i, host, name, port, directive) in found {
        l.add((
            Rule::SourceHostPort,
            i,
            vec![
                ("host", host),
                ("name", name),
                ("port", port),
                ("directive", directive.to_string()),
            ],
        ));
    }
}

/// chrony.conf(5) allow: "the allow all 1.2.0.0/16 directive overrides the
/// effect of any previous directive relating to a subnet within the
/// specified subnet" (deny all likewise). Said where an earlier line of the
/// other kind is cancelled: one of the same kind loses nothing. A plain
/// `allow`/`deny` leaves narrower earlier lines in force (addrfilt.c sets
/// only its own node).
fn cancelled_access(l: &mut Linter, scope: AccessScope) {
    let rules: Vec<_> = l.doc.access_rules(scope).collect();
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    for (n, (i, later)) in rules.iter().enumerate() {
        if !later.all {
            continue;
        }
        for (j, earlier) in &rules[..n] {
            let within = match (&later.target, &earlier.target) {
                (AccessTarget::Any, _) => true,
                (AccessTarget::Net(outer), AccessTarget::Net(inner)) => {
                    match (outer.net(), inner.net()) {
                        (Some(o), Some(i)) => o.contains(&i),
                        _ => false,
                    }
                }
                _ => false,
            };
            if within && earlier.allow != later.allow {
                found.push((*i, *j, later.allow));
            }
        }
    }
    for (i, j, allow) in found {
        let words = |k: usize| {
            l.doc.lines()[k]
                .directive()
                .map(|d| {
                    format!(
                        "{} {}",
                        d.name,
                        d.args.split_whitespace().collect::<Vec<_>>().join(" ")
                    )
                })
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let (earlier, later) = (words(j), words(i));
        l.add((
            Rule::AccessOverridden,
            i,
            vec![
                ("directive", later),
                ("earlier", earlier),
                ("line", (j + 1).to_string()),
                ("kind", if allow { "allow" } else { "deny" }.to_string()),
            ],
        ));
    }
}
