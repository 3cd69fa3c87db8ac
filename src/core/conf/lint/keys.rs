//! Authentication that leaves chronyd no usable source: `authselectmode
//! require` with no authenticated one, and a `key` the key file does not
//! hold or a key file that cannot be read (chronyd logs "Could not open
//! keyfile", then "Key N is missing", and every answer fails).

use crate::core::conf::directive::{Directive, OptValue, Source};

use super::model::*;
use super::rules::Rule;

/// The key IDs a chrony key file defines: the first word of each line that
/// is not a comment (chrony.conf(5): `!`, `;`, `#` or `%` after optional
/// spaces) and reads as an unsigned 32-bit number.
pub(super) fn key_ids(text: &str) -> Vec<u32> {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with(['!', ';', '#', '%']))
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

pub(super) fn authentication(l: &mut Linter) {
    // Sources from other files are out of sight: say nothing rather than
    // something false.
    if l.reads_other_files() || l.has("sourcedir") {
        return;
    }
    let doc = l.doc;
    let sources: Vec<_> = doc.sources().filter(|(_, s)| !s.has("noselect")).collect();
    let authenticated = |s: &Source| s.has("key") || s.has("nts");

    // sources.c: "require" gives every unauthenticated NTP source noselect;
    // reference clocks keep their options.
    let mode = l
        .directives()
        .filter(|(_, d)| d.name() == "authselectmode")
        .last()
        .map(|(i, _)| (i, l.raw_args(i).trim().to_ascii_lowercase()));
    let mix = mode.as_ref().map_or("mix", |(_, m)| m.as_str()).to_string();
    let clocks = l
        .directives()
        .filter(|(_, d)| d.name() == "refclock")
        .filter(|(_, d)| {
            !super::syntax::options_of(d)
                .iter()
                .any(|(_, s, _)| s.name == "noselect")
        })
        .count();
    if let Some((i, mode)) = mode
        && mode == "require"
        && clocks == 0
        && !sources.is_empty()
        && !sources.iter().any(|(_, s)| authenticated(s))
    {
        l.add((
            Rule::AuthRequiredNoneAuthenticated,
            i,
            vec![("count", sources.len().to_string())],
        ));
    }

    // chrony.conf(5) authselectmode require: "If any unauthenticated NTP
    // sources are specified, they will automatically get the noselect
    // option" - a plain server beside a keyed one (or a reference clock)
    // looks like a backup and is never selected. With no authenticated
    // source at all, the warning above says more.
    let plain: Vec<_> = sources.iter().filter(|(_, s)| !authenticated(s)).collect();
    if mix == "require" && !plain.is_empty() && plain.len() < sources.len() + clocks {
        let hosts: Vec<&str> = plain.iter().map(|(_, s)| s.host.as_str()).collect();
        l.add((
            Rule::AuthRequiredPlainNoselect,
            plain[0].0,
            vec![
                ("hosts", hosts.join(", ")),
                ("count", plain.len().to_string()),
            ],
        ));
    }

    // chrony.conf(5) authselectmode mix (the default): "If both
    // authenticated and unauthenticated NTP sources are specified, all
    // authenticated NTP sources and reference clocks will get the require
    // and trust options" - while none of them is selectable, the plain
    // sources cannot update the clock either.
    let keyed: Vec<_> = sources.iter().filter(|(_, s)| authenticated(s)).collect();
    let plain = sources.len() - keyed.len();
    if matches!(mix.as_str(), "mix" | "prefer") && plain > 0 && !keyed.is_empty() {
        let hosts: Vec<&str> = keyed.iter().map(|(_, s)| s.host.as_str()).collect();
        l.add((
            Rule::AuthMixRequired,
            keyed[0].0,
            vec![
                ("hosts", hosts.join(", ")),
                ("count", keyed.len().to_string()),
                ("plain", plain.to_string()),
                ("mode", mix),
            ],
        ));
    }

    let keyfile = l.directives().find_map(|(_, d)| match d {
        Directive::Simple {
            spec,
            value: OptValue::Word(p),
        } if spec.name == "keyfile" => Some(p.clone()),
        _ => None,
    });
    // Unread (remote machine, or no reader): only the missing directive
    // can be told.
    // None: the file could not be read (chronyd: "Could not open keyfile").
    let known: Option<Option<Vec<u32>>> = match (&keyfile, l.opts.read) {
        (None, _) => Some(Some(Vec::new())),
        (Some(path), Some(read)) => {
            Some(read(path).map(|f| key_ids(&String::from_utf8_lossy(&f.bytes))))
        }
        (Some(_), None) => None,
    };
    let Some(known) = known else { return };
    let why = match (&keyfile, &known) {
        (None, _) => "no-keyfile",
        (Some(_), None) => "unreadable",
        (Some(_), Some(_)) => "absent",
    };
    let known = known.unwrap_or_default();
    for (i, s) in doc.sources() {
        let Some(key) = s.int("key") else { continue };
        // With nts chronyd never looks the key up (nts-key-ignored).
        if s.has("nts") {
            continue;
        }
        if u32::try_from(key).is_ok_and(|k| known.contains(&k)) {
            continue;
        }
        l.add((
            Rule::KeyMissing,
            i,
            vec![
                ("key", key.to_string()),
                ("host", s.host.clone()),
                ("keyfile", keyfile.clone().unwrap_or_default()),
                ("why", why.to_string()),
            ],
        ));
    }
}
