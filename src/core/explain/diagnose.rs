//! Diagnoses across fields and rows: the findings with cause and fix,
//! and every flagged value accounted for by one.

use super::checks::*;
use super::judge::*;
use super::model::{Explained, Field, Kind};
use super::verdict::Status;
use super::verdict::{Finding, Reason, Rule, Why};

/// The name of the row a field sits in (its source, client or session).
fn row_name(row: &[Field]) -> Option<String> {
    row.iter()
        .find(|x| {
            matches!(
                x.name,
                "address" | "remote" | "name" | "remote-address" | "association-id"
            )
        })
        .map(|x| x.raw.trim().to_string())
}

/// Diagnoses across fields.
pub fn diagnose(e: &mut Explained) {
    let mut out: Vec<Finding> = Vec::new();
    let f = &e.fields;
    let bad = |name: &str| field(f, name).is_some_and(|x| x.status == Status::Bad);
    let why = |name: &str| field(f, name).and_then(|x| x.reason.as_ref().map(|r| r.id));
    match e.kind {
        Kind::ChronycTracking => {
            if bad("refid") || bad("stratum") || bad("leap") {
                out.push(Finding::new(Rule::NotSynchronised));
            } else if why("refid") == Some(Why::RefidLocal) {
                // A free-running local clock: no known distance to true time,
                // only chronyd's growing root dispersion.
                let disp = field(f, "root-dispersion")
                    .and_then(|x| seconds(x.raw.split(" seconds").next().unwrap_or("")))
                    .map(human)
                    .unwrap_or_default();
                out.push(Finding::new(Rule::ServingLocalClock).arg("dispersion", disp));
            }
        }
        Kind::ChronycSources
        | Kind::NtpqPeers
        | Kind::NtpqAssociations
        | Kind::JunosShowNtpAssociations
        | Kind::AristaShowNtpAssociations
        | Kind::CiscoShowNtpAssociations
        | Kind::CiscoShowNtpAssociationsDetail
        | Kind::NxosShowNtpPeerStatus
        | Kind::H3cNtpServiceSessions
        | Kind::HuaweiNtpServiceSessions
        | Kind::ShowNtpServer => sources(e, &mut out),
        Kind::ChronycActivity if field(f, "unresolved").is_some_and(|x| x.raw.trim() != "0") => {
            out.push(
                Finding::new(Rule::UnknownAddress)
                    .arg("count", field(f, "unresolved").unwrap().raw.clone()),
            );
        }
        Kind::Ntpstat
        | Kind::AristaShowNtpStatus
        | Kind::CiscoShowNtpStatus
        | Kind::HuaweiNtpServiceStatus
        | Kind::H3cNtpServiceStatus
        | Kind::NtpqRv
        | Kind::JunosShowNtpStatus => {
            let unsynced = f.iter().any(|x| {
                matches!(x.name, "sync-status" | "clock-status" | "leap" | "stratum")
                    && x.status == Status::Bad
            });
            if unsynced {
                out.push(Finding::new(Rule::NotSynchronised));
            }
            // ntpstat and ntpq's status word: the clock follows ntpd's own
            // (source "local net", sync_local).
            if why("source") == Some(Why::RefidLocal) || why("status-word") == Some(Why::RefidLocal)
            {
                out.push(Finding::new(Rule::ServingLocalClock));
            }
            if field(f, "reference-time").is_some() && field(f, "current-time").is_some() {
                out.push(Finding::new(Rule::ReferenceVsSystemTime));
            }
        }
        Kind::Timedatectl | Kind::TimedatectlShow | Kind::TimedatectlTimesyncStatus => {
            if bad("clock-synchronized") {
                out.push(Finding::new(Rule::NotSynchronised));
            }
            if bad("ntp-service") {
                out.push(Finding::new(Rule::NtpServiceInactive));
            }
        }
        _ => {}
    }
    // ntpstat or ntpq that no daemon answered.
    if bad("ntp-service") && !out.iter().any(|x| x.rule == Rule::NtpServiceInactive) {
        out.push(Finding::new(Rule::NtpServiceInactive));
    }
    e.findings = out;
    account_for_every_flag(e);
}

/// Tables of sources, associations or sessions, whatever the tool.
fn sources(e: &Explained, out: &mut Vec<Finding>) {
    let rows = &e.rows;
    let reach_zero = |r: &Vec<Field>| {
        r.iter()
            .any(|x| x.name == "reach" && x.status == Status::Bad)
    };
    let selected = rows.iter().any(|r| {
        r.iter().any(|x| {
            x.status == Status::Ok
                && matches!(
                    x.reason.as_ref().map(|r| r.id),
                    Some(Why::StateSelected | Why::TallySysPeer | Why::SwitchSelected)
                )
        })
    });
    let dead: Vec<String> = rows
        .iter()
        .filter(|r| reach_zero(r))
        .filter_map(|r| row_name(r))
        .collect();
    if !rows.is_empty() && rows.iter().all(reach_zero) {
        out.push(Finding::new(Rule::NoUpstreamReachable));
        // NX-OS polls through VRF default unless told `use-vrf`.
        let default_vrf = rows.iter().all(|r| {
            r.iter()
                .any(|x| x.name == "vrf" && x.raw.trim().eq_ignore_ascii_case("default"))
        });
        if e.kind == Kind::NxosShowNtpPeerStatus && default_vrf {
            out.push(Finding::new(Rule::NxosWrongVrf));
        }
    } else {
        if !dead.is_empty() {
            out.push(
                Finding::new(Rule::SomeUnreachable)
                    .arg("sources", dead.join(", "))
                    .arg("count", dead.len()),
            );
        }
        if !rows.is_empty() && !selected {
            out.push(Finding::new(Rule::NoneSelected));
        }
    }
    // A reference clock that stopped: no sample in its last two polls
    // (the reach register's low bits), or chronyd calls it unreachable or
    // unusable: a GPS without fix, gpsd gone, a PPS device silent.
    let lost: Vec<String> = rows
        .iter()
        .filter(|r| r.iter().any(|x| x.name == "mode" && x.raw == "#"))
        .filter(|r| {
            let reach = r
                .iter()
                .find(|x| x.name == "reach")
                .and_then(|x| u32::from_str_radix(x.raw.trim(), 8).ok());
            let state = r.iter().find(|x| x.name == "state").map(|x| x.raw.trim());
            reach.is_some_and(|v| v & 0b11 == 0) || matches!(state, Some("?" | "x"))
        })
        .filter_map(|r| row_name(r))
        .collect();
    if !lost.is_empty() {
        out.push(
            Finding::new(Rule::RefclockLost)
                .arg("sources", lost.join(", "))
                .arg("count", lost.len()),
        );
    }
    let upstreams = rows
        .iter()
        .filter(|r| !r.iter().any(|x| x.name == "mode" && x.raw == "#"))
        .count();
    if upstreams == 1 {
        out.push(Finding::new(Rule::SingleSource));
    }
    // A peer that serves at our own stratum (a pair uses 8 and 9).
    let peer_strata: Vec<&str> = rows
        .iter()
        .filter(|r| r.iter().any(|x| x.name == "mode" && x.raw == "="))
        .filter_map(|r| {
            r.iter()
                .find(|x| x.name == "stratum")
                .map(|x| x.raw.as_str())
        })
        .collect();
    // Peers synchronised to an upstream take their stratum from it:
    // equal strata matter only while they serve their local clocks.
    let upstream_selected = rows.iter().any(|r| {
        r.iter().any(|x| x.name == "mode" && x.raw == "^")
            && r.iter().any(|x| {
                x.reason
                    .as_ref()
                    .is_some_and(|r| r.id == Why::StateSelected)
            })
    });
    if !upstream_selected && peer_strata.len() > 1 && peer_strata.windows(2).any(|w| w[0] == w[1]) {
        out.push(Finding::new(Rule::PeerSameStratum));
    }
}

/// The rule of explain: every value marked warn or bad is accounted for by
/// a finding (one of the rules its reason names). What the diagnoses above
/// did not already say is added here, naming the sources it concerns.
fn account_for_every_flag(e: &mut Explained) {
    struct Flag {
        reason: Reason,
        status: Status,
        source: Option<String>,
        raw: String,
    }
    let mut flagged: Vec<Flag> = Vec::new();
    let mut note = |x: &Field, source: Option<String>| {
        if matches!(x.status, Status::Warn | Status::Bad)
            && let Some(r) = &x.reason
        {
            flagged.push(Flag {
                reason: r.clone(),
                status: x.status,
                source,
                raw: x.raw.trim().to_string(),
            });
        }
    };
    for x in &e.fields {
        note(x, None);
    }
    for row in &e.rows {
        let name = row_name(row);
        for x in row {
            note(x, name.clone());
        }
    }
    for flag in flagged {
        let rules = flag.reason.id.rules();
        let Some(first) = rules.first() else { continue };
        let at = match e.findings.iter().position(|f| rules.contains(&f.rule)) {
            Some(i) => i,
            None => {
                let mut f = Finding::new(*first);
                // The values its text may quote: the reason's own first.
                f.args = flag.reason.args.clone();
                if !f.args.iter().any(|(k, _)| *k == "value") {
                    f.args.push(("value", flag.raw.clone()));
                }
                f.args.push(("sources", String::new()));
                f.args.push(("count", "0".into()));
                e.findings.push(f);
                e.findings.len() - 1
            }
        };
        let f = &mut e.findings[at];
        add_source(f, flag.source.as_deref());
        if f.rule.follows_value() && flag.status == Status::Bad {
            f.severity = Status::Bad;
        }
    }
}

/// Adds a source to a finding's `sources` list (and its `count`).
fn add_source(f: &mut Finding, source: Option<&str>) {
    let Some(s) = source.filter(|s| !s.is_empty()) else {
        return;
    };
    let list = f.args.iter_mut().find(|(k, _)| *k == "sources");
    match list {
        Some((_, v)) if v.split(", ").any(|x| x == s) => return,
        Some((_, v)) if v.is_empty() => *v = s.to_string(),
        Some((_, v)) => *v = format!("{v}, {s}"),
        None => f.args.push(("sources", s.to_string())),
    }
    let n = f
        .args
        .iter()
        .find(|(k, _)| *k == "sources")
        .map_or(0, |(_, v)| v.split(", ").count());
    match f.args.iter_mut().find(|(k, _)| *k == "count") {
        Some((_, c)) => *c = n.to_string(),
        None => f.args.push(("count", n.to_string())),
    }
}
