//! ntpsec's `ntpq -c sysinfo` (ntpq(1): "Display system operational
//! summary: the system peer, leap indicator, stratum, root delay …"): the
//! values of `ntpq -c rv` as `key: value` lines, judged as rv's are.

use super::checks::*;
use super::field::FieldId as F;
use super::model::{Explained, Field, Kind};

/// ntpq.py's sysinfo labels (lower case) and the rv field each one is.
const SYSINFO: &[(&str, &str)] = &[
    ("status", "status-word"),
    ("system peer", "sys-peer"),
    ("leap indicator", "leap"),
    ("stratum", "stratum"),
    ("log2 precision", "precision"),
    ("root delay", "root-delay"),
    ("root dispersion", "root-dispersion"),
    ("reference id", "refid"),
    ("reference time", "ref-time"),
    ("system jitter", "jitter"),
    ("clock jitter", "clock-jitter"),
    ("clock wander", "stability"),
];

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    let names: Vec<&'static str> = SYSINFO.iter().map(|(_, n)| *n).collect();
    vec![(Kind::NtpqSysinfo, Box::leak(names.into_boxed_slice()))]
}

/// The label of a sysinfo line: letters, digits, spaces and dots
/// (`symm. auth. delay`), before the first colon.
fn label(line: &str) -> Option<(String, &str)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim();
    let ok = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '.');
    ok.then(|| (k.to_ascii_lowercase(), v.trim()))
}

pub fn parse(lines: &[&str]) -> Option<Explained> {
    let pairs: Vec<(String, &str)> = lines.iter().filter_map(|l| label(l)).collect();
    let has = |k: &str| pairs.iter().any(|(key, _)| key == k);
    // Its own labels, which `rv` (`key=value`) never prints.
    if !(has("system peer") && has("leap indicator") && has("stratum")) {
        return None;
    }
    let mut e = Explained::new(Kind::NtpqSysinfo);
    for (name, v) in super::labelled::labelled_values(lines, pairs, SYSINFO) {
        let mut f = Field::info(name, v);
        match f.name {
            // ntpsec prints "1.234ms"; a bare number is rv's milliseconds.
            F::RootDispersion => {
                let secs = seconds(v).map(|s| {
                    if v.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
                        s / 1000.0
                    } else {
                        s
                    }
                });
                check_dispersion(&mut f, secs);
            }
            _ => super::ntpd::judge_rv(&mut f),
        }
        e.fields.push(f);
    }
    Some(e)
}
