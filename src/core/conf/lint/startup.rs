//! What chronyd refuses after reading the file (its start-up checks), and
//! the directives it warns about and ignores.

use crate::core::conf::access::AccessTarget;
use crate::core::conf::directive::{Directive, OptValue};

use super::model::*;
use super::releases;
use super::rules::Rule;
use super::syntax::options_of;

/// chronyd's checks after reading the file, which `chronyd -p` skips.
pub(super) fn startup_checks(l: &mut Linter) {
    for (i, d) in l.directives() {
        match d {
            Directive::Source(s) if l.opts.version >= releases::SOURCE_FAMILY => {
                source_family(l, i, s);
            }
            Directive::Access(a) => {
                if let AccessTarget::Net(s) = &a.target
                    && s.net().is_none()
                {
                    l.add((Rule::BadSubnet, i, vec![("subnet", s.to_string())]));
                }
            }
            Directive::Other { spec, args } if spec.name == "refclock" => {
                let driver = args.first().map(String::as_str).unwrap_or("");
                let drivers = releases::refclock_drivers(l.opts.version);
                if !drivers.contains(&driver) {
                    l.add((
                        Rule::RefclockDriver,
                        i,
                        vec![
                            ("driver", driver.to_string()),
                            ("drivers", drivers.join(", ")),
                            ("version", l.opts.version.to_string()),
                        ],
                    ));
                }
                let options = options_of(d);
                // 4.9's `optional`: a clock that cannot start is logged and
                // left out (refclock.c 4.9 RCL_AddRefclock).
                let optional = options.iter().any(|(_, s, _)| s.name == "optional");
                // The device a PPS or PHC driver opens, the directory a SOCK
                // driver binds its socket in; the parameter may carry
                // `:option` suffixes.
                let param = args.get(1).map(String::as_str).unwrap_or("");
                let device = param.split(':').next().unwrap_or("");
                // PHC may name a network interface with a hardware clock
                // from 4.7 on (sys_linux.c 4.7 SYS_Linux_OpenPHC).
                let phc_iface = (!device.starts_with('/')
                    && l.opts.version >= releases::PHC_BY_INTERFACE)
                    .then(|| format!("/sys/class/net/{device}/device/ptp"));
                let needed = match driver {
                    "PHC" if phc_iface.is_some() => phc_iface.as_deref(),
                    "PPS" | "PHC" | "RTC" => Some(device),
                    "SOCK" => Some(parent_dir(device)),
                    _ => None,
                };
                if let (Some(path), Some(exists)) = (needed, l.opts.path_exists)
                    && !path.is_empty()
                    && !exists(path)
                {
                    let rule = if optional {
                        Rule::RefclockDeviceOptional
                    } else {
                        Rule::RefclockDevice
                    };
                    l.add((rule, i, vec![("path", path.to_string())]));
                }
                let tai = options.iter().any(|(_, s, _)| s.name == "tai");
                if tai && !l.fragment && !l.has("leapsectz") && !l.has("leapseclist") {
                    l.add((Rule::RefclockTai, i, vec![]));
                }
            }
            // sys_posix.c SYS_Posix_SetScheduler (every release): a priority
            // other than 0 (off) must be 1..99, or "Bad scheduler priority".
            Directive::Simple {
                spec,
                value: OptValue::Int(p),
            } if spec.name == "sched_priority" && sched_refused_at_start(*p, l.opts.version) => {
                l.add(super::model::range_diag(
                    i,
                    "sched_priority",
                    "sched_priority",
                    *p,
                    1,
                    99,
                ));
            }
            Directive::Simple {
                spec,
                value: OptValue::Word(path),
            } if spec.name == "pidfile" => {
                // chronyd creates the log and dump directories but not the
                // pid file's.
                let dir = parent_dir(path);
                if let (false, Some(exists)) = (dir.is_empty(), l.opts.path_exists)
                    && !exists(dir)
                {
                    l.add((
                        Rule::MissingDirectory,
                        i,
                        vec![("directive", "pidfile".into()), ("path", dir.to_string())],
                    ));
                }
            }
            Directive::Simple {
                spec,
                value: OptValue::Word(path),
            } if spec.name == "logdir" => {
                if let Some(exists) = l.opts.path_exists
                    && let Some(blocker) = logdir_blocker(path, exists)
                {
                    l.add((
                        Rule::LogdirUncreatable,
                        i,
                        vec![("path", path.clone()), ("blocker", blocker.to_string())],
                    ));
                }
            }
            // chronyd starts, then at every drift update logs "Could not
            // open …drift.tmp" (reference.c, update_drift_file): the
            // frequency is never saved and each restart begins unsettled.
            Directive::Other { spec, args } if spec.name == "driftfile" => {
                let dir = args.first().map_or("", |p| parent_dir(p));
                if let (false, Some(exists)) = (dir.is_empty(), l.opts.path_exists)
                    && !exists(dir)
                {
                    l.add((
                        Rule::DriftfileMissingDirectory,
                        i,
                        vec![("path", dir.to_string())],
                    ));
                }
            }
            // conf.c before 4.7 reads logbanner with sscanf "%d" and no
            // range; logging.c then tests `writes++ % banner` with the
            // count unsigned long, so -5 becomes 2^64-5: the banner is
            // written once at the top of each file and never again.
            Directive::Simple {
                spec,
                value: OptValue::Int(x),
            } if spec.name == "logbanner"
                && *x < 0
                && l.opts.version < crate::core::conf::version::ChronyVersion::STRICT_INTEGERS =>
            {
                l.add((
                    Rule::LogbannerNegative,
                    i,
                    vec![
                        ("value", x.to_string()),
                        ("version", l.opts.version.to_string()),
                    ],
                ));
            }
            // conf.c search_dirs: glob() of DIR/*.sources finds nothing in
            // a missing directory and chronyd says nothing (every release).
            Directive::Dirs {
                name: "sourcedir",
                dirs,
            } => {
                if let Some(exists) = l.opts.path_exists {
                    for dir in dirs.iter().filter(|d| !exists(d)) {
                        l.add((Rule::SourcedirMissing, i, vec![("path", dir.clone())]));
                    }
                }
            }
            Directive::Other { spec, args } if spec.name == "hwtimestamp" => {
                // chronyd refuses to start when a named interface cannot
                // timestamp in hardware, which needs a PTP hardware clock.
                let iface = args.first().map(String::as_str).unwrap_or("*");
                if let (false, Some(exists)) = (iface == "*", l.opts.path_exists)
                    && !exists(&format!("/sys/class/net/{iface}/device/ptp"))
                {
                    l.add((
                        Rule::HwtimestampInterface,
                        i,
                        vec![("interface", iface.to_string())],
                    ));
                }
            }
            Directive::Simple {
                spec,
                value: OptValue::Word(path),
            } if spec.name == "include" => {
                // A plain path must exist; for a pattern, glob() with
                // GLOB_ERR fails when the directory it searches is missing.
                let must_exist = match path.find(['*', '?', '[']) {
                    None => path.as_str(),
                    Some(magic) => &path[..path[..magic].rfind('/').unwrap_or(0)],
                };
                if let (false, Some(exists)) = (must_exist.is_empty(), l.opts.path_exists)
                    && !exists(must_exist)
                {
                    l.add((
                        Rule::IncludeMissing,
                        i,
                        vec![("path", must_exist.to_string())],
                    ));
                }
            }
            _ => {}
        }
    }
    if l.fragment {
        return deprecated(l);
    }
    if let Some(nc) = l.first("noclientlog") {
        // chrony.conf(5) clientloglimit: the memory "for logging of client
        // accesses" — with noclientlog nothing is logged, so it does nothing.
        if let Some(limit) = l.first("clientloglimit") {
            l.add((
                Rule::ClientloglimitUnused,
                limit,
                vec![("line", (nc + 1).to_string())],
            ));
        }
        for (i, d) in l.directives() {
            if let Directive::RateLimit(r) = d {
                l.add((
                    Rule::NoclientlogRatelimit,
                    i,
                    vec![
                        ("directive", r.kind.keyword().to_string()),
                        ("line", (nc + 1).to_string()),
                    ],
                ));
            }
        }
    }
    if let (Some(rtc), true) = (l.first("rtcfile"), l.has("rtcsync")) {
        l.add((Rule::RtcfileRtcsync, rtc, vec![]));
    }
    // chrony.conf(5) rtcautotrim: "effective only with the rtcfile
    // directive"; chronyd starts and the line does nothing.
    if let (Some(trim), None) = (l.first("rtcautotrim"), l.first("rtcfile")) {
        l.add((Rule::RtcautotrimNoRtcfile, trim, vec![]));
    }
    let count = |name: &str| l.directives().filter(|(_, d)| d.name() == name).count();
    let (certs, keys) = (count("ntsservercert"), count("ntsserverkey"));
    // 4.1+ refuses uneven lines; 4.0 keeps the last certificate and the
    // last key, so only a missing one leaves it without an NTS-KE server
    // (nts_ke_server.c 4.0: `if (!cert || !key) return`).
    let checked = l.opts.version >= releases::NTS_PAIRS_CHECKED;
    if certs != keys && (checked || certs == 0 || keys == 0) {
        let at = l
            .first("ntsservercert")
            .or(l.first("ntsserverkey"))
            .unwrap_or(0);
        let rule = if checked {
            Rule::NtsUneven
        } else {
            Rule::NtsUnpaired
        };
        l.add((
            rule,
            at,
            vec![("certs", certs.to_string()), ("keys", keys.to_string())],
        ));
    }
    deprecated(l);
}

pub(super) fn deprecated(l: &mut Linter) {
    for (i, d) in l.directives() {
        if let Directive::Deprecated(name) = d {
            l.add((
                Rule::DeprecatedDirective,
                i,
                vec![("directive", name.to_string())],
            ));
        }
    }
}

/// A source given as an address of one family with the option that limits
/// it to the other (`server 127.0.0.4 ipv6`): ntp_sources.c (4.6+)
/// NSR_AddSourceByName returns NSR_InvalidAF for an address "if (family
/// != IPADDR_UNSPEC && family != remote_addr.ip_addr.family)", and conf.c
/// logs "Could not add source" and goes on without it.
fn source_family(l: &mut Linter, i: usize, s: &crate::core::conf::directive::Source) {
    let Ok(ip) = s.host.parse::<std::net::IpAddr>() else {
        return;
    };
    let (family, other) = if ip.is_ipv4() {
        ("IPv4", "ipv6")
    } else {
        ("IPv6", "ipv4")
    };
    if s.has(other) {
        l.add((
            Rule::SourceWrongFamily,
            i,
            vec![
                ("host", s.host.clone()),
                ("family", family.to_string()),
                ("option", other.to_string()),
                (
                    "other",
                    if ip.is_ipv4() { "IPv6" } else { "IPv4" }.to_string(),
                ),
            ],
        ));
    }
}

/// A scheduler priority chronyd refuses when it starts, not already while
/// reading the file (4.7+ refuses values outside 0..100 there).
fn sched_refused_at_start(p: i64, version: crate::core::conf::version::ChronyVersion) -> bool {
    let read_refuses = version >= crate::core::conf::version::ChronyVersion::STRICT_INTEGERS
        && !(0..=100).contains(&p);
    p != 0 && !(1..=99).contains(&p) && !read_refuses
}

/// The directory part of a path ("" for a bare name).
/// The existing path that keeps chronyd from making `logdir`, if any.
/// chronyd makes a missing logdir and its parents at start (util.c
/// UTI_CreateDirAndParents, every release); when it cannot it logs "Could
/// not create directory" (or "… is not directory") and every log file
/// fails with "Could not open". It cannot when the
/// nearest existing ancestor is a file (`FILE/.` does not exist), or lies
/// in /proc or /sys, kernel file systems where no directory can be made.
fn logdir_blocker<'p>(path: &'p str, exists: &dyn Fn(&str) -> bool) -> Option<&'p str> {
    if !path.starts_with('/') {
        return None;
    }
    let mut at = path.trim_end_matches('/');
    // Bounded by the path's length: each step drops one component.
    while !at.is_empty() && !exists(at) {
        at = parent_dir(at);
        if at == "/" {
            return None;
        }
    }
    if at.is_empty() {
        return None;
    }
    let kernel = ["/proc", "/sys"]
        .iter()
        .any(|k| at == *k || at.strip_prefix(k).is_some_and(|r| r.starts_with('/')));
    let file = !exists(&format!("{at}/."));
    (kernel && at != path.trim_end_matches('/') || file).then_some(at)
}

pub(super) fn parent_dir(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(i) => &path[..i],
        None => "",
    }
}
