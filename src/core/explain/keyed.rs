//! What a paste shows of sources that answer but cannot be followed, or
//! that never answered while they use a key: the cause tracking's "not
//! synchronised" and the never-answered summaries say first, instead of
//! the general firewall / DNS list the paste contradicts.

use super::diagnose::row_name;
use super::field::{AuthMode, FieldId as F, Value};
use super::model::{Explained, Field, Kind, field};
use super::verdict::{Finding, Rule};

/// The cause another report of the paste gives for tracking's "not
/// synchronised" when its sources do not answer usefully, most specific
/// first: packets that fail authentication (ntpdata's tests or
/// "Authenticated"), a server that answers but is not synchronised itself
/// (ntpdata: leap "Not synchronised", stratum 0 or 16, packets received —
/// chronyc(1) counts them in Total RX), a symmetric key on every source
/// that never answered (authdata: mode SK). With (cause, sources, key).
pub(super) fn answered_cause(parts: &[&mut Explained]) -> Option<(&'static str, String, String)> {
    let named = |rule: Rule| {
        parts
            .iter()
            .flat_map(|e| &e.findings)
            .find(|f| f.rule == rule)
            .map(|f| arg(f, "sources").unwrap_or_default())
    };
    if let Some(s) = named(Rule::AuthFailing) {
        return Some(("auth-failing", s, String::new()));
    }
    if let Some(s) = named(Rule::UpstreamUnsynchronised) {
        return Some((Rule::UpstreamUnsynchronised.id(), s, String::new()));
    }
    let keyed = silent_keyed(parts);
    let sources_rows: Vec<&Vec<Field>> = parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycSources)
        .flat_map(|e| &e.rows)
        .collect();
    // Every source is silent and each uses a key: the key comes first.
    let all_keyed = !sources_rows.is_empty()
        && sources_rows.iter().all(|r| {
            reach(r) == Some(0) && row_name(r).is_some_and(|n| keyed.iter().any(|(k, _)| *k == n))
        });
    all_keyed.then(|| {
        let (_, sources, key) = key_args(&keyed);
        (key_cause(&sources, &missing_keys(parts)), sources, key)
    })
}

/// "key" (a server with another key drops the requests), or "key-missing"
/// when every one of `sources` has a key this chronyd lacks (authdata KLen
/// 0): then it sends no request at all, and no server is at fault.
fn key_cause(sources: &str, missing: &[(String, String)]) -> &'static str {
    let all_missing = !sources.is_empty()
        && sources
            .split(", ")
            .all(|n| missing.iter().any(|(m, _)| m == n));
    if all_missing { "key-missing" } else { "key" }
}

fn arg(f: &Finding, name: &str) -> Option<String> {
    f.args
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.clone())
}

/// Sources that authdata of the paste shows with a symmetric key (mode SK)
/// and that never answered: reach 0 in sources, or no packet received in
/// ntpdata. chrony.conf(5), server key: "the NTP packets will be
/// authenticated using the symmetric key"; a chrony server with another
/// key under that ID (or none) drops the request without an answer, so the
/// key is the first cause of such a silence. (name, key ID) each.
fn silent_keyed(parts: &[&mut Explained]) -> Vec<(String, String)> {
    let silent = |name: &str| {
        let in_sources = parts
            .iter()
            .filter(|e| e.kind == Kind::ChronycSources)
            .flat_map(|e| &e.rows)
            .any(|r| reach(r) == Some(0) && row_name(r).as_deref() == Some(name));
        let in_ntpdata = parts
            .iter()
            .filter(|e| e.kind == Kind::ChronycNtpdata)
            .any(|e| {
                row_name(&e.fields).as_deref() == Some(name)
                    && matches!(
                        field(&e.fields, F::TotalRx).map(|f| f.value),
                        Some(Value::Int(0))
                    )
            });
        in_sources || in_ntpdata
    };
    parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycAuthdata)
        .flat_map(|e| &e.rows)
        .filter(|r| {
            field(r, F::AuthMode).is_some_and(|f| f.value == Value::Auth(AuthMode::SymmetricKey))
        })
        .filter_map(|r| {
            let name = row_name(r)?;
            let key = field(r, F::KeyId).map_or(String::new(), |f| f.raw.trim().to_string());
            silent(&name).then_some((name, key))
        })
        .collect()
}

fn key_args(keyed: &[(String, String)]) -> (&'static str, String, String) {
    let names: Vec<&str> = keyed.iter().map(|(n, _)| n.as_str()).collect();
    let mut keys: Vec<&str> = keyed.iter().map(|(_, k)| k.as_str()).collect();
    keys.dedup();
    ("key", names.join(", "), keys.join(", "))
}

/// The never-answered summaries (all sources, some of them, one) of a paste
/// whose authdata shows the silent sources with a symmetric key: the key
/// first, before `allow` and the firewall (`finding-<rule>-by-key`).
pub(super) fn key_first(parts: &mut [&mut Explained]) {
    missing_key_first(parts);
    let missing = missing_keys(parts);
    let keyed = silent_keyed(parts);
    if keyed.is_empty() {
        return;
    }
    let key_of = |name: &str| {
        keyed
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, k)| k.clone())
    };
    // Every source of the paste is one of them: an ntpdata without an
    // address (chronyc 4.0 prints [UNSPEC] before a first answer) is too.
    let rows: Vec<&Vec<Field>> = parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycSources)
        .flat_map(|e| &e.rows)
        .collect();
    let all = !rows.is_empty()
        && rows
            .iter()
            .all(|r| row_name(r).is_some_and(|n| key_of(&n).is_some()));
    for e in parts.iter_mut() {
        let whole = e.kind == Kind::ChronycSources
            && e.rows
                .iter()
                .all(|r| row_name(r).is_some_and(|n| key_of(&n).is_some()));
        let own = row_name(&e.fields);
        for f in e
            .findings
            .iter_mut()
            .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
        {
            let (sources, key) = match f.rule {
                Rule::NoUpstreamReachable if whole => {
                    let (_, sources, key) = key_args(&keyed);
                    (sources, key)
                }
                Rule::NeverAnswered => {
                    let name = arg(f, "sources").or_else(|| own.clone());
                    match name.as_deref().and_then(key_of) {
                        Some(key) => (name.unwrap_or_default(), key),
                        None if all => {
                            let (_, sources, key) = key_args(&keyed);
                            (sources, key)
                        }
                        None => continue,
                    }
                }
                // Some of several sources are silent: the key first when
                // each of them uses one.
                Rule::SomeUnreachable => {
                    let names = arg(f, "sources").unwrap_or_default();
                    let keys: Option<Vec<String>> = names.split(", ").map(key_of).collect();
                    match keys {
                        Some(mut keys) if !names.is_empty() => {
                            keys.dedup();
                            (names, keys.join(", "))
                        }
                        _ => continue,
                    }
                }
                _ => continue,
            };
            f.args.retain(|(k, _)| *k != "sources");
            f.args.push(("cause", key_cause(&sources, &missing).into()));
            f.args.push(("sources", sources));
            f.args.push(("key", key));
        }
    }
}

/// Sources that authdata of the paste shows with a symmetric key of length
/// 0 (chronyc(1) authdata, KLen: "the length of the key in bits"): the
/// keyfile lacks that key, chronyd logs "Key N is missing" and sends the
/// source no request. (name, key ID) each.
fn missing_keys(parts: &[&mut Explained]) -> Vec<(String, String)> {
    parts
        .iter()
        .filter(|e| e.kind == Kind::ChronycAuthdata)
        .flat_map(|e| &e.rows)
        .filter(|r| {
            field(r, F::AuthMode).is_some_and(|f| f.value == Value::Auth(AuthMode::SymmetricKey))
                && field(r, F::KeyLength).is_some_and(|f| f.raw.trim() == "0")
        })
        .filter_map(|r| {
            let key = field(r, F::KeyId).map_or(String::new(), |f| f.raw.trim().to_string());
            Some((row_name(r)?, key))
        })
        .collect()
}

/// ntpdata's "nothing sent" (Total TX 0) of a source whose key authdata
/// shows missing: that is the cause, not an offline source or a new one
/// (`finding-nothing-sent-by-key-missing`).
fn missing_key_first(parts: &mut [&mut Explained]) {
    let missing = missing_keys(parts);
    if missing.is_empty() {
        return;
    }
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycNtpdata) {
        let own = row_name(&e.fields);
        for f in e
            .findings
            .iter_mut()
            .filter(|f| f.rule == Rule::NothingSent)
            // authdata's missing key is the surer cause than the guess
            // from an IPv6 address with no local one.
            .filter(|f| !f.args.iter().any(|(k, v)| *k == "cause" && v != "ipv6-off"))
        {
            let name = arg(f, "sources")
                .filter(|s| !s.is_empty())
                .or_else(|| own.clone());
            let Some((name, key)) = name
                .and_then(|n| missing.iter().find(|(m, _)| *m == n))
                .cloned()
            else {
                continue;
            };
            f.args.retain(|(k, _)| !matches!(*k, "sources" | "cause"));
            f.args.push(("cause", "key-missing".into()));
            f.args.push(("sources", name));
            f.args.push(("key", key));
        }
    }
}

/// A row's reach register, where it has one.
pub(super) fn reach(row: &[Field]) -> Option<u32> {
    match field(row, F::Reach)?.value {
        Value::Reach(r) => Some(r.into()),
        _ => None,
    }
}
