//! Diagnoses across fields and rows: the findings with cause and fix,
//! and every flagged value accounted for by one (account.rs).

mod account;
mod names;
mod public;
mod select;
mod sources;

use super::checks::{human, poll_seconds};
use super::field::{FieldId as F, Value};
use super::judge::{int, value};
use super::model::field;
use super::model::{Explained, Field, Kind};
use super::verdict::Status;
use super::verdict::{Finding, Rule, Why};
use crate::core::cmdmon::SourceState;
use account::account_for_every_flag;
pub(super) use names::{reference_name, row_name};
use select::{nothing_selected, required, selected_stale};
use sources::sources;

/// Diagnoses across fields.
pub fn diagnose(e: &mut Explained) {
    let mut out: Vec<Finding> = Vec::new();
    let f = &e.fields;
    let bad = |name: F| field(f, name).is_some_and(|x| x.status == Status::Bad);
    let why = |name: F| field(f, name).and_then(|x| x.reason.as_ref().map(|r| r.id));
    match e.kind {
        Kind::ChronycTracking => {
            if bad(F::Refid) || bad(F::Stratum) || bad(F::Leap) {
                let mut n = Finding::new(Rule::NotSynchronised);
                // Stratum 16 with a real reference and a normal leap: this
                // server follows a source at 15, one more hop than NTP
                // allows (a loop of servers, or a chain from a high
                // `local stratum`), not an unreachable upstream.
                let reference = match value(f, F::Refid) {
                    Value::RefId(id) => id != 0 && id != crate::core::cmdmon::LOCAL_REFID,
                    _ => false,
                };
                if bad(F::Stratum) && !bad(F::Refid) && !bad(F::Leap) && reference {
                    n = n
                        .arg("cause", "stratum-16")
                        .arg("sources", reference_name(f));
                }
                out.push(n);
            } else if why(F::Refid) == Some(Why::RefidLocal) {
                // A free-running local clock: no known distance to true time,
                // only chronyd's growing root dispersion.
                let disp = value(f, F::RootDispersion)
                    .seconds()
                    .map(human)
                    .unwrap_or_default();
                out.push(Finding::new(Rule::ServingLocalClock).arg("dispersion", disp));
            }
            // Its server at stratum 10: named as tracking names it.
            if why(F::Stratum) == Some(Why::StratumOwnClock) {
                out.push(
                    Finding::new(Rule::ServerOwnClock)
                        .arg("sources", reference_name(f))
                        .arg("count", 1),
                );
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
        Kind::ChronycSelectdata => {
            required(e, &mut out);
            nothing_selected(e, &mut out);
            selected_stale(&mut e.rows, &mut out);
        }
        Kind::ChronycActivity => activity(f, &mut out),
        Kind::ChronyVersion if why(F::Version) == Some(Why::ReleaseUnsupported) => {
            out.push(Finding::new(Rule::ReleaseUnsupported));
        }
        // chronyc(1) serverstats: "NTP packets received: The number of
        // valid NTP requests received by the server"; none, and no NTS-KE
        // either: nobody is served (port 0, no allow, or no client yet).
        Kind::ChronycServerstats
            if int(f, F::NtpReceived) == Some(0) && int(f, F::NtskeAccepted).unwrap_or(0) == 0 =>
        {
            out.push(Finding::new(Rule::ServesNobody));
        }
        Kind::ChronycSmoothing
        | Kind::ChronycManualList
        | Kind::ChronycSettime
        | Kind::ChronycWaitsync => super::chronyc_other::diagnose(e, &mut out),
        Kind::Ntpstat
        | Kind::AristaShowNtpStatus
        | Kind::CiscoShowNtpStatus
        | Kind::HuaweiNtpServiceStatus
        | Kind::H3cNtpServiceStatus
        | Kind::NtpqRv
        | Kind::NtpqSysinfo
        | Kind::JunosShowNtpStatus => {
            let unsynced = f.iter().any(|x| {
                matches!(
                    x.name,
                    F::SyncStatus | F::ClockStatus | F::Leap | F::Stratum
                ) && x.status == Status::Bad
            });
            if unsynced {
                out.push(Finding::new(Rule::NotSynchronised));
            }
            // ntpstat and ntpq's status word: the clock follows ntpd's own
            // (source "local net", sync_local).
            if why(F::Source) == Some(Why::RefidLocal)
                || why(F::StatusWord) == Some(Why::RefidLocal)
            {
                // ntpd selected its local driver over the servers it was
                // given: a warning, as a switch following its LOCAL(0) is.
                let mut n = Finding::new(Rule::ServingLocalClock);
                n.severity = Status::Warn;
                out.push(n);
            }
            // The summary a healthy device's status deserves (chronyc
            // tracking's reading of the same facts): synchronised, at this
            // stratum, this far off. Only when every judged value agrees.
            let synced = f.iter().any(|x| {
                matches!(x.name, F::SyncStatus | F::ClockStatus | F::Leap) && x.status == Status::Ok
            });
            let stratum = field(f, F::Stratum).filter(|x| x.status == Status::Ok);
            let offset = field(f, F::Offset);
            let calm = f
                .iter()
                .all(|x| !matches!(x.status, Status::Warn | Status::Bad));
            if let (false, true, true, Some(s)) = (unsynced, synced, calm, stratum) {
                // "none": the report shows no offset (the text says less).
                let off = offset
                    .and_then(|x| x.value.seconds().or_else(|| super::checks::seconds(&x.raw)));
                out.push(
                    Finding::new(Rule::Synchronised)
                        .arg("stratum", s.raw.trim())
                        .arg("offset", off.map_or("none".into(), |v| human(v.abs()))),
                );
            }
            if field(f, F::ReferenceTime).is_some() && field(f, F::CurrentTime).is_some() {
                out.push(Finding::new(Rule::ReferenceVsSystemTime));
            }
        }
        Kind::Timedatectl
        | Kind::TimedatectlShow
        | Kind::TimedatectlTimesyncStatus
        | Kind::TimedatectlShowTimesync => {
            if bad(F::ClockSynchronized) {
                out.push(Finding::new(Rule::NotSynchronised));
            }
            if bad(F::NtpService) {
                out.push(Finding::new(Rule::NtpServiceInactive));
            }
            // `Server: (null) (NAME)`: nothing was sent, the name has no
            // address yet - DNS, not the server, comes first.
            if let Some(name) =
                field(f, F::Server).and_then(|x| super::timedatectl::unresolved(&x.raw))
            {
                out.push(
                    Finding::new(Rule::NeverAnswered)
                        .arg("cause", "unresolved")
                        .arg("sources", name),
                );
            }
            // timesyncd.conf(5), FallbackNTP=: "only relevant if no other
            // NTP server information is known".
            let empty = |name: F| field(f, name).is_none_or(|x| x.raw.trim().is_empty());
            let fallback = field(f, F::FallbackNtpServers).map_or("", |x| x.raw.trim());
            if !fallback.is_empty()
                && field(f, F::SystemNtpServers).is_some()
                && empty(F::SystemNtpServers)
                && empty(F::LinkNtpServers)
                && empty(F::RuntimeNtpServers)
            {
                out.push(Finding::new(Rule::TimesyncFallbackOnly).arg("sources", fallback));
            }
        }
        // NX-OS's configuration views: what they cannot tell, where it is.
        Kind::NxosShowNtpPeers => {
            out.push(Finding::new(Rule::NxosPeersConfigured));
            let servers = e
                .rows
                .iter()
                .filter(|r| {
                    // "Server" or "Server (configured)".
                    field(r, F::PeerType).is_none_or(|x| {
                        x.raw
                            .split_whitespace()
                            .next()
                            .is_some_and(|t| t.eq_ignore_ascii_case("server"))
                    })
                })
                .count();
            if servers == 1 {
                out.push(Finding::new(Rule::SingleSource));
            }
        }
        // ntpq kerninfo: the kernel's own word (STA_UNSYNC, a maximum error
        // at its limit) or ntpd's leap_alarm: the clock is not disciplined.
        Kind::NtpqKerninfo
            if bad(F::StatusWord) || bad(F::KernelStatus) || bad(F::MaximumError) =>
        {
            out.push(Finding::new(Rule::NotSynchronised));
        }
        Kind::NtpServiceTrace => trace(e, &mut out),
        Kind::NxosShowNtpAuthenticationStatus => {
            let on = field(f, F::AuthenticationStatus)
                .is_some_and(|x| x.raw.trim().eq_ignore_ascii_case("enabled"));
            out.push(
                Finding::new(Rule::NxosAuthenticationStatus)
                    .arg("cause", if on { "enabled" } else { "disabled" }),
            );
        }
        Kind::NxosShowNtpStatus => {
            let value = field(f, F::Distribution).map_or("", |x| x.raw.trim());
            out.push(Finding::new(Rule::NxosStatusDistribution).arg("value", value));
        }
        _ => {}
    }
    // ntpstat or ntpq that no daemon answered.
    if bad(F::NtpService) && !out.iter().any(|x| x.rule == Rule::NtpServiceInactive) {
        out.push(Finding::new(Rule::NtpServiceInactive));
    }
    if e.cut {
        // Rows after the cut may be lost: nothing said of the whole table.
        out.retain(|x| {
            !matches!(
                x.rule,
                Rule::SingleSource
                    | Rule::NoUpstreamReachable
                    | Rule::NoneSelected
                    | Rule::OrphanRoot
            )
        });
        out.push(paste_cut(e));
    }
    e.findings = out;
    account_for_every_flag(e);
    nothing_sent_no_ipv6(e);
    // A name that does not resolve is the specific cause for its sources:
    // said before what may keep the polled ones silent.
    if let Some(dns) = e
        .findings
        .iter()
        .position(|x| x.rule == Rule::NameUnresolved)
        && let Some(none) = e
            .findings
            .iter()
            .position(|x| x.rule == Rule::NoUpstreamReachable)
        && dns > none
    {
        let f = e.findings.remove(dns);
        e.findings.insert(none, f);
    }
    drop_unresolved_from_polled(e);
    stratum_high_not_selected(e);
    silent_selected(e);
    stopped_at_fast_poll(e);
    never_answered_port(e);
    if e.kind == Kind::ChronycTracking {
        update_offsets(e);
    }
}

/// chronyc(1) tracking, Stratum: "the number of hops away from a computer
/// with an attached reference clock" - only the selected source's (`*`)
/// stratum + 1 is this host's. A stratum-15 source that is only combined
/// (`+`) or not combined (`-`) would make this host unsynchronised only
/// if it were selected, so its finding says that (cause `not-selected`).
fn stratum_high_not_selected(e: &mut Explained) {
    if !e.rows.iter().any(|r| field(r, F::State).is_some()) {
        return;
    }
    let selected: Vec<String> = e
        .rows
        .iter()
        .filter(|r| {
            field(r, F::State).is_some_and(|x| x.value == Value::State(SourceState::Selected))
        })
        .filter_map(|r| row_name(r))
        .collect();
    for x in e
        .findings
        .iter_mut()
        .filter(|x| x.rule == Rule::StratumHigh && !x.args.iter().any(|(k, _)| *k == "cause"))
    {
        let named: Vec<&str> = x
            .args
            .iter()
            .find(|(k, _)| *k == "sources")
            .map(|(_, v)| v.split(", ").filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        if !named.is_empty() && named.iter().all(|n| !selected.iter().any(|s| s == n)) {
            x.args.push(("cause", "not-selected".into()));
        }
    }
}

/// `display ntp-service trace`: where the chain ends. Its last hop's
/// refid is the reference: the local clock driver (127.127.1.0, LOCL)
/// means the top server serves its own clock; a hop that is not
/// synchronised (stratum 16) is named by its flagged field instead.
fn trace(e: &Explained, out: &mut Vec<Finding>) {
    let Some(top) = e.rows.last() else { return };
    let name = row_name(top).unwrap_or_default();
    let stratum = field(top, F::Stratum).map_or("", |x| x.raw.trim());
    let refid = field(&e.fields, F::Reference);
    let refid_why = refid.and_then(|x| x.reason.as_ref()).map(|r| r.id);
    let hops = |w: Why| -> Vec<String> {
        e.rows
            .iter()
            .filter(|r| {
                r.iter()
                    .any(|x| x.reason.as_ref().is_some_and(|r| r.id == w))
            })
            .filter_map(|r| row_name(r))
            .collect()
    };
    let about = |r: Rule, sources: &[String]| {
        Finding::new(r)
            .arg("sources", sources.join(", "))
            .arg("count", sources.len())
            .arg("stratum", stratum)
            .arg("reference", refid.map_or("", |x| x.raw.trim()))
    };
    let unsynced = hops(Why::StratumUnsynchronised);
    let far = hops(Why::DispersionLarge);
    // Said first so that the hops' flags join these findings.
    if !unsynced.is_empty() {
        out.push(about(Rule::UpstreamUnsynchronised, &unsynced));
    }
    if !far.is_empty() {
        let worst = e
            .rows
            .iter()
            .flatten()
            .filter(|x| x.name == F::SynchDistance)
            .filter_map(|x| super::checks::seconds(&x.raw))
            .fold(0.0, f64::max);
        out.push(about(Rule::DispersionHigh, &far).arg("value", human(worst)));
    }
    let top = std::slice::from_ref(&name);
    match refid_why {
        Some(Why::RefidLocal | Why::FollowsLocalClock) => {
            out.push(about(Rule::FollowsLocalClock, top));
        }
        Some(Why::RefidNone) => out.push(about(Rule::NotSynchronised, top)),
        _ if unsynced.is_empty() => {
            out.push(about(Rule::TraceChain, top).arg("hops", e.rows.len()));
        }
        _ => {}
    }
}

/// ntpdata of an IPv6 source with Total TX 0 and no local address
/// ([UNSPEC]): chronyd has no IPv6 socket to send from. chronyd(8) -4:
/// "only IPv4 sockets will be created" (also a host with IPv6 disabled), so
/// that comes before an offline source or a missing key.
fn nothing_sent_no_ipv6(e: &mut Explained) {
    if e.kind != Kind::ChronycNtpdata {
        return;
    }
    let f = &e.fields;
    let tx_none = field(f, F::TotalTx)
        .and_then(|x| x.reason.as_ref())
        .is_some_and(|w| w.id == Why::TxNone);
    let remote_v6 = matches!(
        value(f, F::RemoteAddress),
        Value::Source(super::field::SourceAddr::Ip(std::net::IpAddr::V6(_)))
    );
    let local_unspec =
        field(f, F::LocalAddress).is_some_and(|x| x.raw.trim_start().starts_with("[UNSPEC]"));
    if !(tx_none && remote_v6 && local_unspec) {
        return;
    }
    for x in e
        .findings
        .iter_mut()
        .filter(|x| x.rule == Rule::NothingSent && !x.args.iter().any(|(k, _)| *k == "cause"))
    {
        x.args.push(("cause", "ipv6-off".into()));
    }
}

/// The selected source (`*`, sys.peer) among those that stopped answering:
/// chronyd (or ntpd) keeps following it on its last measurements until the
/// selection drops it, so the clock coasts now (the same as selected-stale
/// says of selectdata).
fn silent_selected(e: &mut Explained) {
    let selected = |r: &[Field]| {
        r.iter().any(|x| {
            x.status == Status::Ok
                && x.reason.as_ref().is_some_and(|w| {
                    matches!(
                        w.id,
                        Why::StateSelected | Why::TallySysPeer | Why::SwitchSelected
                    )
                })
        })
    };
    let stopped = |r: &[Field]| {
        field(r, F::Reach)
            .and_then(|x| x.reason.as_ref())
            .is_some_and(|w| matches!(w.id, Why::ReachStopped | Why::ReachZeroAnswered))
    };
    let Some(name) = e
        .rows
        .iter()
        .find(|r| selected(r) && stopped(r))
        .and_then(|r| row_name(r))
    else {
        return;
    };
    let others = e.rows.len().saturating_sub(1);
    // Only chronyc's table is chronyd's; ntpq's and a switch's selection
    // is the device's own NTP service.
    let followed = if e.kind == Kind::ChronycSources {
        "yes"
    } else {
        "device"
    };
    for f in &mut e.findings {
        let names_it = f
            .args
            .iter()
            .any(|(k, v)| *k == "sources" && v.split(", ").any(|s| s == name));
        if matches!(f.rule, Rule::SourceStopped | Rule::SourceStale) && names_it {
            f.args.push(("selected", name.clone()));
            f.args.push(("followed", followed.into()));
            f.args.push(("others", others.to_string()));
        }
    }
}

/// A run of misses at the end of a register polled every second or faster:
/// chrony.conf(5) ratelimit lets one request per 8 s through on average
/// (interval 3, burst 8), so a rate-limiting server drops runs like it as
/// well as a stopped server would.
fn stopped_at_fast_poll(e: &mut Explained) {
    if e.kind != Kind::ChronycSources {
        return;
    }
    let fastest = e
        .rows
        .iter()
        .filter(|r| {
            field(r, F::Reach)
                .and_then(|x| x.reason.as_ref())
                .is_some_and(|w| w.id == Why::ReachStopped)
        })
        .filter_map(|r| int(r, F::Poll))
        .filter(|p| *p <= 0)
        .min();
    let Some(p) = fastest else { return };
    for f in &mut e.findings {
        if f.rule == Rule::SourceStopped {
            f.args.push(("fast_poll", "yes".into()));
            f.args.push(("poll", poll_seconds(p)));
        }
    }
}

/// chronyc(1) ntpdata's "Remote port": a source polled on another port than
/// 123 (a server line's `port N`) is checked on that port, not on 123.
/// chronyc 4.0 prints port 0 (with `[UNSPEC]`) before a first answer: a
/// placeholder, no port to check.
fn never_answered_port(e: &mut Explained) {
    let Some(port) = field(&e.fields, F::RemotePort)
        .and_then(|x| x.raw.trim().parse::<u16>().ok())
        .filter(|p| *p != 123)
    else {
        return;
    };
    let other = if port == 0 { "unknown" } else { "yes" };
    for f in &mut e.findings {
        if f.rule == Rule::NeverAnswered {
            f.args.push(("port", port.to_string()));
            f.args.push(("other_port", other.into()));
        }
    }
}

/// The sources named as polled but silent leave out those with no address:
/// accounting for every flagged reach adds them there too.
fn drop_unresolved_from_polled(e: &mut Explained) {
    let Some(dns) = e
        .findings
        .iter()
        .find(|x| x.rule == Rule::NameUnresolved)
        .and_then(|x| x.args.iter().find(|(k, _)| *k == "sources"))
        .map(|(_, v)| v.clone())
    else {
        return;
    };
    let unresolved: Vec<&str> = dns.split(", ").collect();
    for f in &mut e.findings {
        let some = f
            .args
            .iter()
            .any(|(k, v)| *k == "cause" && v == "some-unresolved");
        if f.rule != Rule::NoUpstreamReachable || !some {
            continue;
        }
        let kept: Vec<String> = f
            .args
            .iter()
            .find(|(k, _)| *k == "sources")
            .map(|(_, v)| {
                v.split(", ")
                    .filter(|s| !unresolved.contains(s))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        for (k, v) in &mut f.args {
            match *k {
                "sources" => *v = kept.join(", "),
                "count" => *v = kept.len().to_string(),
                _ => {}
            }
        }
    }
}

/// chronyc(1) tracking: Ref time is when "the last measurement from the
/// reference source was processed"; at 0 (1970), with reference ID 0 (or
/// Update interval 0), chronyd has not updated the clock once since it
/// started: how every start looks for its first polls, and how a dead
/// network looks after. Run last, when nothing else in the paste (its
/// sources, its log) has named a cause.
pub(super) fn not_updated_yet(e: &mut Explained) {
    let f = &e.fields;
    let never_updated = e.kind == Kind::ChronycTracking
        && matches!(value(f, F::Refid), Value::RefId(0))
        && (field(f, F::RefTime).is_some_and(|x| x.raw.contains("1970"))
            || value(f, F::UpdateInterval).seconds() == Some(0.0));
    if !never_updated {
        return;
    }
    for n in e
        .findings
        .iter_mut()
        .filter(|n| n.rule == Rule::NotSynchronised && !n.args.iter().any(|(k, _)| *k == "cause"))
    {
        n.args.push(("cause", "no-update-yet".into()));
    }
}

/// tracking's Last offset is "the estimated local offset on the last clock
/// update" and RMS offset "a long-term average of the offset value"
/// (chronyc(1)): this clock's own, never a source's. An average as large as
/// the last one says every update found the clock that far off (it is not
/// being corrected); a small average, that the offset is new (just
/// corrected, or a step is coming).
fn update_offsets(e: &mut Explained) {
    let seconds = |name: F| value(&e.fields, name).seconds().map(f64::abs);
    let (Some(last), rms) = (seconds(F::LastOffset), seconds(F::RmsOffset)) else {
        return;
    };
    let steady = rms.is_some_and(|r| r >= last / 2.0);
    let rms = rms.map(human).unwrap_or_default();
    for f in e
        .findings
        .iter_mut()
        .filter(|f| f.rule == Rule::SourceOffsetLarge)
    {
        f.args.retain(|(k, _)| *k != "sources" && *k != "count");
        f.args.push(("rms", rms.clone()));
        f.args
            .push(("steady", if steady { "yes" } else { "no" }.to_string()));
    }
}

/// activity's counts (chronyc(1): offline "the server or peer is currently
/// offline (i.e. assumed by chronyd to be unreachable, and no measurements
/// from it will be attempted.)"; chrony.conf(5), server `offline`:
/// "chronyd will not try to poll the server until it is enabled to do so
/// (by using the online command in chronyc)").
fn activity(f: &[Field], out: &mut Vec<Finding>) {
    let n = |name: F| int(f, name).unwrap_or(0);
    if n(F::Unresolved) > 0 {
        out.push(Finding::new(Rule::UnknownAddress).arg("count", n(F::Unresolved)));
    }
    let offline = n(F::Offline) + n(F::BurstOffline);
    if offline > 0 {
        // Nothing online nor bursting: no source is polled at all.
        let polled = n(F::Online) + n(F::BurstOnline) + n(F::BurstOffline);
        let rule = if polled == 0 {
            Rule::AllSourcesOffline
        } else {
            Rule::SourcesOffline
        };
        out.push(Finding::new(rule).arg("count", n(F::Offline)));
    }
}

/// What a cut paste is told: a `-c` line cut mid-line names its fields.
pub(crate) fn paste_cut(e: &Explained) -> Finding {
    match e.cut_line {
        Some((got, want)) => Finding::new(Rule::PasteCutMidLine)
            .arg("got", got)
            .arg("want", want)
            .arg(
                "line",
                if e.kind == Kind::ChronycTracking {
                    "fields"
                } else {
                    "row"
                },
            ),
        None => Finding::new(Rule::PasteCut),
    }
}
