//! What the NTS files of a configuration hold: each `ntsservercert` a
//! certificate valid now, each paired `ntsserverkey` its key and not
//! readable by others, the CAs a client trusts still valid; a server
//! without `ntsdumpdir` makes its clients start over after a restart.

use crate::core::conf::directive::{Directive, OptValue, SourceKind};
use crate::core::nts::{self, WARN_DAYS};

use super::model::*;
use super::releases;
use super::rules::Rule;

/// The file argument of an NTS directive (the last word: `ntstrustedcerts`
/// may give a set ID first).
fn file_of(d: &Directive) -> Option<String> {
    match d {
        Directive::Other { args, .. } => args.last().cloned(),
        Directive::Simple {
            value: OptValue::Word(w),
            ..
        } => Some(w.clone()),
        _ => None,
    }
}

pub(super) fn nts_files(l: &mut Linter) {
    if l.opts.version < releases::NTS_BY_ADDRESS {
        let by_address: Vec<(usize, String)> = l
            .doc
            .sources()
            .filter(|(_, s)| s.has("nts") && s.host.parse::<std::net::IpAddr>().is_ok())
            .map(|(i, s)| (i, s.host.clone()))
            .collect();
        for (i, host) in by_address {
            l.add((Rule::NtsServerByAddress, i, vec![("host", host)]));
        }
    }
    let of = |name: &str| -> Vec<(usize, String)> {
        let mut v: Vec<(usize, String)> = l
            .directives()
            .filter(|(_, d)| d.name() == name)
            .filter_map(|(i, d)| file_of(d).map(|f| (i, f)))
            .collect();
        // chrony 4.0 reads one pair: the last of each.
        if l.opts.version < releases::MANY_NTS_CERTS && v.len() > 1 {
            v.drain(..v.len() - 1);
        }
        v
    };
    let (certs, keys) = (of("ntsservercert"), of("ntsserverkey"));
    if !certs.is_empty() && !l.has("ntsdumpdir") {
        l.add((Rule::NtsNoDumpdir, certs[0].0, vec![]));
    }
    let Some(read) = l.opts.read else {
        return;
    };
    let now = l.opts.now;
    // Unpaired, chronyd never reads them: 4.1+ refuses to start ("Uneven
    // number of NTS certs and keys", conf.c 4.3) and 4.0 runs no NTS-KE
    // server; saying it starts and logs "Could not set credentials" too
    // would contradict that (R17 F9).
    let paired = certs.len() == keys.len();
    let (certs, keys) = if paired {
        (certs, keys)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut parsed = Vec::new();
    for (i, path) in &certs {
        let Some(facts) = read(path) else {
            l.add((Rule::NtsFileUnreadable, *i, vec![("path", path.clone())]));
            parsed.push(None);
            continue;
        };
        let Some(info) = nts::parse_cert(&String::from_utf8_lossy(&facts.bytes)) else {
            l.add((Rule::NtsNotCertificate, *i, vec![("path", path.clone())]));
            parsed.push(None);
            continue;
        };
        if let Some(now) = now {
            validity(l, *i, path, &info, now, false);
        }
        parsed.push(Some(info));
    }
    // chronyd pairs the n-th certificate with the n-th key.
    for (n, (i, path)) in keys.iter().enumerate() {
        let Some(facts) = read(path) else {
            l.add((Rule::NtsFileUnreadable, *i, vec![("path", path.clone())]));
            continue;
        };
        if facts.mode & 0o004 != 0 {
            l.add((Rule::NtsKeyExposed, *i, vec![("path", path.clone())]));
        }
        if let Some(Some(cert)) = parsed.get(n)
            && nts::key_matches(cert, &String::from_utf8_lossy(&facts.bytes)) == Some(false)
        {
            l.add((
                Rule::NtsKeyMismatch,
                *i,
                vec![("path", path.clone()), ("cert", certs[n].1.clone())],
            ));
        }
    }
    // The CAs a client trusts (a file; a directory is left to chronyd).
    let trusted: Vec<(usize, String)> = l
        .directives()
        .filter(|(_, d)| d.name() == "ntstrustedcerts")
        .filter_map(|(i, d)| file_of(d).map(|f| (i, f)))
        .collect();
    if let Some(now) = now {
        for (i, path) in trusted {
            if let Some(info) =
                read(&path).and_then(|f| nts::parse_cert(&String::from_utf8_lossy(&f.bytes)))
                && info.expired(now)
            {
                validity(l, i, &path, &info, now, true);
            }
        }
    }
}

/// The set an `ntstrustedcerts` line fills: its first word when it gives
/// two (chrony.conf(5): "[set-ID] file|directory"), else set 0.
fn set_of(d: &Directive) -> u32 {
    match d {
        Directive::Other { args, .. } if args.len() >= 2 => args[0].parse().unwrap_or(0),
        _ => 0,
    }
}

/// An NTS source whose certificate set holds no CA. chrony.conf(5)
/// ntstrustedcerts (4.1-4.9): set 0 holds "the system's default trusted
/// CAs (unless the nosystemcert directive is present). All other sets are
/// empty by default" - the key exchange then fails with "The certificate
/// is NOT trusted".
pub(super) fn empty_cert_sets(l: &mut Linter) {
    // Sets filled by included files are out of sight.
    if l.reads_other_files() {
        return;
    }
    let mut filled: Vec<u32> = l
        .directives()
        .filter(|(_, d)| d.name() == "ntstrustedcerts")
        .map(|(_, d)| set_of(d))
        .collect();
    if !l.has("nosystemcert") {
        filled.push(0);
    }
    let empty: Vec<(usize, String, i64)> = l
        .doc
        .sources()
        .filter(|(_, s)| s.has("nts") && s.kind != SourceKind::Peer)
        .map(|(i, s)| (i, s.host.clone(), s.int("certset").unwrap_or(0)))
        .filter(|(_, _, set)| u32::try_from(*set).is_ok_and(|n| !filled.contains(&n)))
        .collect();
    for (i, host, set) in empty {
        l.add((
            Rule::CertsetEmpty,
            i,
            vec![
                ("host", host),
                ("set", set.to_string()),
                ("which", if set == 0 { "default" } else { "other" }.into()),
            ],
        ));
    }
}

fn validity(l: &mut Linter, i: usize, path: &str, info: &nts::CertInfo, now: i64, trust: bool) {
    let date = crate::core::time::utc_date(info.not_after);
    let args = vec![
        ("path", path.to_string()),
        ("names", info.names.join(", ")),
        ("date", date),
        ("days", info.days_left(now).abs().to_string()),
    ];
    if info.expired(now) {
        let rule = if trust {
            Rule::NtsTrustExpired
        } else {
            Rule::NtsCertExpired
        };
        l.add((rule, i, args));
    } else if now < info.not_before {
        l.add((Rule::NtsCertNotYetValid, i, args));
    } else if info.days_left(now) <= WARN_DAYS {
        l.add((Rule::NtsCertExpiring, i, args));
    }
}
