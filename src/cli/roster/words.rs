//! The words of the roster, shared by `stratum roster list`, `stratum
//! status`, explain and the window: one line per verdict, the notes that
//! go with it, the counts.

use crate::core::roster::clients::{PastedClients, PastedDevice};
use crate::core::roster::report::{Follows, NoAnswer};
use crate::core::roster::{DeviceKind, DeviceReport, RosterReport, Verdict};
use crate::i18n::Localizer;
use crate::ipc::RosterState;

/// Seconds as a short signed duration (+0.213 ms, -1.204 s).
pub fn offset_text(s: f64) -> String {
    let a = s.abs();
    if a >= 1.0 {
        format!("{s:+.3} s")
    } else if a >= 1e-3 {
        format!("{:+.3} ms", s * 1e3)
    } else {
        format!("{:+.1} µs", s * 1e6)
    }
}

/// An age in whole units (45 s, 12 min, 3 h, 2 d).
pub fn ago_text(s: f64) -> String {
    let s = s.max(0.0);
    if s < 120.0 {
        format!("{s:.0} s")
    } else if s < 7200.0 {
        format!("{:.0} min", s / 60.0)
    } else if s < 172_800.0 {
        format!("{:.0} h", s / 3600.0)
    } else {
        format!("{:.0} d", s / 86400.0)
    }
}

pub fn no_answer_text(n: Option<&NoAnswer>, tr: &Localizer) -> String {
    match n {
        None | Some(NoAnswer::Timeout) => tr.tr("roster-why-timeout"),
        Some(NoAnswer::Refused) => tr.tr("roster-why-refused"),
        Some(NoAnswer::Unresolved) => tr.tr("roster-why-unresolved"),
        Some(NoAnswer::Kiss { code }) => tr.tr_args("roster-why-kiss", &[("code", code.as_str())]),
        Some(NoAnswer::Invalid { reason }) => {
            tr.tr_args("roster-why-invalid", &[("reason", reason.as_str())])
        }
    }
}

/// One device's verdict in one line.
pub fn verdict_line(d: &DeviceReport, tr: &Localizer) -> String {
    let a = d.answer.as_ref();
    let reference = a.map_or_else(String::new, |a| a.reference.clone());
    let polls = d.polls.as_ref().is_some_and(|p| p.polling);
    match d.verdict {
        Verdict::FollowsUs => {
            let a = a.expect("follows: answered");
            let id = if a.follows == Follows::Partner {
                "roster-verdict-follows-partner"
            } else {
                "roster-verdict-follows-us"
            };
            tr.tr_args(
                id,
                &[
                    ("offset", offset_text(a.offset)),
                    ("since", crate::core::time::utc_datetime(d.since as i64)),
                    ("reference", reference),
                ],
            )
        }
        Verdict::FollowsOther if polls => {
            tr.tr_args("roster-verdict-follows-other", &[("reference", reference)])
        }
        Verdict::FollowsOther => tr.tr_args(
            "roster-verdict-follows-other-silent",
            &[("reference", reference)],
        ),
        Verdict::Unsynchronised => {
            let a = a.expect("unsynchronised: answered");
            tr.tr_args(
                "roster-verdict-unsynchronised",
                &[
                    ("stratum", a.stratum.to_string()),
                    ("leap", a.leap.to_string()),
                    ("distance", format!("{:.3}", a.root_distance)),
                ],
            )
        }
        Verdict::PollsNoAnswer => {
            let id = if d.kind == DeviceKind::Switch {
                "roster-verdict-polls-no-answer-switch"
            } else {
                "roster-verdict-polls-no-answer"
            };
            tr.tr_args(
                id,
                &[
                    (
                        "ago",
                        ago_text(d.polls.as_ref().and_then(|p| p.last_ago).unwrap_or(0.0)),
                    ),
                    ("why", no_answer_text(d.no_answer.as_ref(), tr)),
                ],
            )
        }
        Verdict::NotPolling if d.itself => tr.tr("roster-verdict-itself"),
        Verdict::NotPolling => match d.polls.as_ref().and_then(|p| p.last_ago) {
            Some(ago) => tr.tr_args("roster-verdict-stopped", &[("ago", ago_text(ago))]),
            None => tr.tr("roster-verdict-not-polling"),
        },
        Verdict::Unknown => tr.tr("roster-verdict-unknown"),
        Verdict::Waiting => tr.tr("roster-verdict-waiting"),
    }
}

/// What else a device's line needs: the likely causes when it does not
/// poll, a stratum that is not ours + 1, a drift, a rate limit.
pub fn notes(d: &DeviceReport, r: &RosterReport, tr: &Localizer) -> Vec<String> {
    let mut out = Vec::new();
    let unresolved = matches!(d.no_answer, Some(NoAnswer::Unresolved));
    if unresolved && !d.itself {
        // First: with no address, neither the client log nor a query can
        // find it, so allow lines and firewalls are beside the point.
        let host = crate::core::roster::split_address(&d.address)
            .map_or_else(|| d.address.clone(), |(h, _)| h);
        out.push(tr.tr_args("roster-cause-unresolved", &[("host", host)]));
    }
    if d.verdict == Verdict::NotPolling && !d.itself && !unresolved {
        if d.denied_by_acl {
            // allow and accheck take an address or subnet, never a port:
            // chronyd refuses "allow 127.0.0.1:11123" (the query keeps it).
            let host = crate::core::roster::split_address(&d.address)
                .map_or_else(|| d.address.clone(), |(h, _)| h);
            out.push(tr.tr_args("roster-cause-acl-here", &[("address", host)]));
        }
        // chrony and ntpd answer NTP queries: one that answered neither
        // ours nor polled us is most likely off or at another address.
        if d.answer.is_none()
            && matches!(d.kind, DeviceKind::Chrony | DeviceKind::Ntpd)
            && let Some(why) = d.no_answer.as_ref()
        {
            out.push(tr.tr_args(
                "roster-cause-no-reply",
                &[("why", no_answer_text(Some(why), tr))],
            ));
        }
        // The exact cause known, the generic list would only blur it.
        if !d.denied_by_acl {
            out.push(tr.tr(&format!("roster-causes-{}", d.kind.id())));
        }
        if d.kind == DeviceKind::Switch && r.unknown_total > 0 {
            out.push(tr.tr_args(
                "roster-cause-other-address",
                &[("count", r.unknown_total.to_string())],
            ));
        }
    }
    if let (Some(e), Some(a)) = (d.expected_stratum, d.answer.as_ref()) {
        out.push(tr.tr_args(
            "roster-note-stratum",
            &[
                ("stratum", a.stratum.to_string()),
                ("expected", e.to_string()),
            ],
        ));
    }
    if d.drifting
        && let Some(a) = &d.answer
    {
        out.push(tr.tr_args("roster-note-drifting", &[("offset", offset_text(a.offset))]));
    }
    if d.polls.as_ref().is_some_and(|p| p.rate_limited) {
        out.push(tr.tr("roster-note-rate-limited"));
    }
    if d.verdict == Verdict::FollowsUs && d.polls.is_none() {
        out.push(tr.tr("roster-note-polls-elsewhere"));
    }
    out
}

/// "5 of 6 devices follow this server".
pub fn summary(r: &RosterReport, tr: &Localizer) -> String {
    let (following, total) = r.following();
    tr.tr_args(
        "roster-summary",
        &[
            ("following", following.to_string()),
            ("total", total.to_string()),
        ],
    )
}

/// `stratum roster list`: a line per device, then the unknown clients.
pub fn render(state: &RosterState, tr: &Localizer) -> String {
    let report = state
        .report
        .clone()
        .unwrap_or_else(|| RosterReport::unjudged(&state.devices, &state.file));
    let mut o = String::new();
    o.push_str(&tr.tr_args("roster-file", &[("path", state.file.as_str())]));
    o.push('\n');
    if report.devices.is_empty() {
        o.push_str(&tr.tr("roster-empty"));
        o.push('\n');
        return o;
    }
    if state.report.is_some() {
        o.push_str(&summary(&report, tr));
        o.push('\n');
    }
    let w = report
        .devices
        .iter()
        .map(|d| d.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let wa = report
        .devices
        .iter()
        .map(|d| d.address.len())
        .max()
        .unwrap_or(7)
        .max(7);
    for d in &report.devices {
        o.push_str(&format!(
            "  {:<w$}  {:<6}  {:<wa$}  {}\n",
            d.name,
            d.kind.id(),
            d.address,
            verdict_line(d, tr),
        ));
        for n in notes(d, &report, tr) {
            o.push_str(&format!("  {:<w$}  {n}\n", ""));
        }
    }
    if report.unknown_total > 0 {
        let list: Vec<String> = report
            .unknown
            .iter()
            .map(|u| u.address.to_string())
            .collect();
        o.push_str(&tr.tr_args(
            "roster-unknown",
            &[
                ("count", report.unknown_total.to_string()),
                ("list", tr.list(&list)),
            ],
        ));
        o.push('\n');
    }
    o
}

/// The roster's line in `stratum status`: the count, and who does not
/// follow (by name).
pub fn status_line(r: &RosterReport, tr: &Localizer) -> String {
    let mut s = summary(r, tr);
    let not: Vec<String> = r
        .devices
        .iter()
        .filter(|d| !d.verdict.follows() && !d.itself)
        .take(8)
        .map(|d| {
            format!(
                "{} ({})",
                d.name,
                tr.tr(&format!("roster-short-{}", d.verdict.id()))
            )
        })
        .collect();
    if !not.is_empty() {
        s.push_str(": ");
        s.push_str(&tr.list(&not));
    }
    s
}

/// A pasted `chronyc clients` read against the roster: a title, then per
/// device whether it polls (with the likely causes when it does not), then
/// the clients the roster does not know. Each line says whether it is good.
/// An empty roster says nothing ("0 of 0 devices" is no news about the
/// paste).
pub fn pasted_lines(p: &PastedClients, file: &str, tr: &Localizer) -> Vec<(bool, String)> {
    if p.devices.is_empty() {
        return Vec::new();
    }
    let polling = p.devices.iter().filter(|d| d.polls()).count();
    let mut out = vec![(
        polling == p.devices.len(),
        tr.tr_args(
            "explain-roster-title",
            &[
                ("path", file.to_string()),
                ("polling", polling.to_string()),
                ("total", p.devices.len().to_string()),
            ],
        ),
    )];
    for d in &p.devices {
        out.push((d.polls(), pasted_device_line(d, tr)));
        if d.ntp_packets.is_none() {
            out.push((false, tr.tr(&format!("roster-causes-{}", d.kind.id()))));
        }
    }
    if !p.unknown.is_empty() {
        out.push((
            true,
            tr.tr_args("explain-roster-unknown", &[("list", tr.list(&p.unknown))]),
        ));
    }
    out
}

/// One roster device in a pasted client list, in one line.
pub fn pasted_device_line(d: &PastedDevice, tr: &Localizer) -> String {
    let args = |extra: Option<(&'static str, String)>| {
        let mut a = vec![("name", d.name.clone()), ("address", d.address.clone())];
        a.extend(extra);
        a
    };
    match d.ntp_packets {
        Some(n) if n > 0 => tr.tr_args(
            "explain-roster-polls",
            &args(Some(("packets", n.to_string()))),
        ),
        Some(_) => tr.tr_args("explain-roster-no-ntp", &args(None)),
        None => tr.tr_args("explain-roster-absent", &args(None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_and_kind_has_words_in_both_languages() {
        for lang in crate::i18n::Lang::ALL {
            let tr = Localizer::new(lang);
            for v in Verdict::ALL {
                let id = format!("roster-short-{}", v.id());
                assert_ne!(tr.tr(&id), id, "{lang:?} {id}");
            }
            for k in DeviceKind::ALL {
                let id = format!("roster-causes-{}", k.id());
                assert_ne!(tr.tr(&id), id, "{lang:?} {id}");
            }
        }
    }

    /// Every verdict of every kind, with every note, and a pasted list:
    /// the words the window shows, in both languages.
    fn every_line(tr: &Localizer) -> Vec<String> {
        use crate::core::roster::report::{Answer, Polls};
        let answer = |follows, synchronised| Answer {
            time: 0.0,
            stratum: 4,
            ref_id: 0x0a00_0001,
            reference: "10.0.0.1".into(),
            leap: if synchronised { 0 } else { 3 },
            root_distance: 0.01,
            offset: 0.2,
            delay: 0.001,
            follows,
            synchronised,
        };
        let polls = |polling| Polls {
            address: "10.0.0.11".parse().unwrap(),
            last_ago: Some(30.0),
            interval: Some(64.0),
            silent_after: 192.0,
            packets: 9,
            drops: 1,
            rate_limited: true,
            polling,
        };
        let mut out = Vec::new();
        let mut devices = Vec::new();
        for kind in DeviceKind::ALL {
            for (verdict, follows, polling) in [
                (Verdict::FollowsUs, Some(Follows::Us), Some(true)),
                (Verdict::FollowsUs, Some(Follows::Partner), None),
                (Verdict::FollowsOther, Some(Follows::Other), Some(true)),
                (Verdict::FollowsOther, Some(Follows::Other), None),
                (Verdict::Unsynchronised, Some(Follows::Us), Some(true)),
                (Verdict::PollsNoAnswer, None, Some(true)),
                (Verdict::NotPolling, None, Some(false)),
                (Verdict::NotPolling, None, None),
                (Verdict::Unknown, None, None),
                (Verdict::Waiting, None, None),
            ] {
                let synchronised = verdict != Verdict::Unsynchronised;
                devices.push(DeviceReport {
                    name: "pc1".into(),
                    address: "10.0.0.11".into(),
                    kind: *kind,
                    verdict,
                    since: 1.8e9,
                    polls: polling.map(polls),
                    answer: follows.map(|f| answer(f, synchronised)),
                    no_answer: Some(NoAnswer::Kiss {
                        code: "RATE".into(),
                    }),
                    expected_stratum: Some(3),
                    drifting: true,
                    denied_by_acl: true,
                    itself: false,
                });
            }
        }
        let report = RosterReport {
            devices,
            unknown_total: 2,
            ..RosterReport::default()
        };
        for d in &report.devices {
            out.push(verdict_line(d, tr));
            out.extend(notes(d, &report, tr));
        }
        out.push(summary(&report, tr));
        out.push(status_line(&report, tr));
        let pasted = PastedClients {
            devices: DeviceKind::ALL
                .iter()
                .zip([Some(3), Some(0), None, None])
                .map(|(k, n)| PastedDevice {
                    name: "sw".into(),
                    address: "10.0.0.2".into(),
                    kind: *k,
                    ntp_packets: n,
                })
                .collect(),
            unknown: vec!["10.0.0.99".into()],
        };
        out.extend(
            pasted_lines(&pasted, "/etc/chrony/stratum.toml", tr)
                .into_iter()
                .map(|(_, l)| l),
        );
        out
    }

    /// `chronyc clients` read against an empty roster: no "0 of 0
    /// devices" line, in either language, and no word about clients
    /// "not on the roster" either.
    #[test]
    fn an_empty_roster_says_nothing_about_a_pasted_client_list() {
        for lang in crate::i18n::Lang::ALL {
            let tr = Localizer::new(lang);
            let pasted = PastedClients {
                devices: Vec::new(),
                unknown: vec!["10.0.0.99".into()],
            };
            assert_eq!(
                pasted_lines(&pasted, "/etc/chrony/stratum.toml", &tr),
                Vec::<(bool, String)>::new(),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn every_line_the_window_shows_is_filled_in_and_names_no_command_flag() {
        for lang in crate::i18n::Lang::ALL {
            let tr = Localizer::new(lang);
            for line in every_line(&tr) {
                assert!(
                    !line.contains('{') && !line.contains('}'),
                    "{lang:?}: {line}"
                );
                assert!(!line.contains("--"), "{lang:?}: a command flag in {line}");
                assert!(
                    !line.contains("roster-"),
                    "{lang:?}: a message id in {line}"
                );
            }
        }
    }

    /// A device this server's allow lines leave out: the note names
    /// `deny` beside `allow`, since chrony.conf(5) lets the more specific
    /// rule win and a `deny` of the device keeps it out whatever `allow`
    /// is added.
    #[test]
    fn the_acl_note_names_deny_beside_allow() {
        for (address, host) in [
            ("127.0.0.79", "127.0.0.79"),
            ("127.0.0.79:11123", "127.0.0.79"),
            ("[::1]:123", "::1"),
        ] {
            acl_note_names(address, host);
        }
    }

    /// A device whose name does not resolve here: that comes first, with
    /// none of the allow or firewall causes, and it is not counted as this
    /// server itself either; the count leaves this server itself out.
    #[test]
    fn a_name_that_does_not_resolve_is_said_first() {
        let d = DeviceReport {
            name: "sw1".into(),
            address: "sw1.lab".into(),
            kind: DeviceKind::Other,
            verdict: Verdict::NotPolling,
            since: 1.8e9,
            polls: None,
            answer: None,
            no_answer: Some(NoAnswer::Unresolved),
            expected_stratum: None,
            drifting: false,
            denied_by_acl: false,
            itself: false,
        };
        let me = DeviceReport {
            name: "client".into(),
            address: "127.0.0.1:11123".into(),
            no_answer: None,
            itself: true,
            ..d.clone()
        };
        let report = RosterReport {
            devices: vec![d.clone(), me],
            ..RosterReport::default()
        };
        assert_eq!(report.following(), (0, 1));
        for (lang, first) in [
            (crate::i18n::Lang::En, "Its name sw1.lab does not resolve"),
            (crate::i18n::Lang::ZhCn, "它的名称 sw1.lab 在本机无法解析"),
        ] {
            let tr = Localizer::new(lang);
            let notes = notes(&d, &report, &tr);
            assert!(notes[0].starts_with(first), "{lang:?}: {notes:?}");
            assert!(
                notes
                    .iter()
                    .all(|n| !n.contains("allow") && !n.contains("UDP 123")),
                "{lang:?}: {notes:?}"
            );
            assert!(summary(&report, &tr).contains('0'));
        }
    }

    /// This server itself on the roster is named as such, with none of
    /// the "does not poll" causes (no allow line can make it poll itself).
    #[test]
    fn this_server_itself_is_said_to_be_itself() {
        let d = DeviceReport {
            name: "lab-self".into(),
            address: "127.0.0.1:11123".into(),
            kind: DeviceKind::Other,
            verdict: Verdict::NotPolling,
            since: 1.8e9,
            polls: None,
            answer: None,
            no_answer: None,
            expected_stratum: None,
            drifting: false,
            denied_by_acl: true,
            itself: true,
        };
        let report = RosterReport {
            devices: vec![d.clone()],
            ..RosterReport::default()
        };
        for (lang, said, not_said) in [
            (
                crate::i18n::Lang::En,
                "this server itself",
                "does not poll this server",
            ),
            (
                crate::i18n::Lang::ZhCn,
                "就是本服务器自己",
                "没有向本服务器请求时间",
            ),
        ] {
            let tr = Localizer::new(lang);
            let line = verdict_line(&d, &tr);
            assert!(line.contains(said), "{lang:?}: {line}");
            assert!(!line.contains(not_said), "{lang:?}: {line}");
            let notes = notes(&d, &report, &tr);
            assert!(
                notes.iter().all(|n| !n.contains("allow")),
                "{lang:?}: {notes:?}"
            );
        }
    }

    /// The note for a device at `address` tells to add `allow HOST` and
    /// run `chronyc accheck HOST`: chronyd refuses a port there.
    fn acl_note_names(address: &str, host: &str) {
        let d = DeviceReport {
            name: "pc1".into(),
            address: address.into(),
            kind: DeviceKind::Chrony,
            verdict: Verdict::NotPolling,
            since: 1.8e9,
            polls: None,
            answer: None,
            no_answer: None,
            expected_stratum: None,
            drifting: false,
            denied_by_acl: true,
            itself: false,
        };
        let report = RosterReport {
            devices: vec![d.clone()],
            ..RosterReport::default()
        };
        for (lang, words) in [
            (
                crate::i18n::Lang::En,
                [
                    format!("“allow {host}”"),
                    format!("“chronyc accheck {host}”"),
                    "“deny”".into(),
                    "the more specific rule wins".into(),
                ],
            ),
            (
                crate::i18n::Lang::ZhCn,
                [
                    format!("“allow {host}”"),
                    format!("“chronyc accheck {host}”"),
                    "“deny”".into(),
                    "更具体的规则优先".into(),
                ],
            ),
        ] {
            let notes = notes(&d, &report, &Localizer::new(lang));
            let note = notes.iter().find(|n| n.contains(&words[0]));
            let note = note.unwrap_or_else(|| panic!("{lang:?}: {notes:?}"));
            for w in &words {
                assert!(note.contains(w.as_str()), "{lang:?}: {note}");
            }
            if address != host {
                assert!(!note.contains(address), "{lang:?}: {note}");
            }
        }
    }

    /// A chrony or ntpd device answers NTP queries (chronyd serves its
    /// clients' time: chrony.conf(5), `allow`; ntpd by default): one that
    /// neither polled us nor answered our query is likely off or at a wrong
    /// address; a switch often serves no NTP, so its silence says nothing.
    /// Counts read in the language's grammar: "0 of 1 device follows".
    #[test]
    fn a_device_silent_both_ways_may_be_off_and_counts_agree() {
        let device = |kind, no_answer| DeviceReport {
            name: "ghost".into(),
            address: "127.0.0.78:13778".into(),
            kind,
            verdict: Verdict::NotPolling,
            since: 1.8e9,
            polls: None,
            answer: None,
            no_answer,
            expected_stratum: None,
            drifting: false,
            denied_by_acl: false,
            itself: false,
        };
        let report = RosterReport {
            devices: vec![device(DeviceKind::Chrony, Some(NoAnswer::Timeout))],
            ..RosterReport::default()
        };
        for (lang, off, summary_text) in [
            (
                crate::i18n::Lang::En,
                "The device is off, or the address is wrong: it did not answer Stratum's query either (no answer).",
                "0 of 1 device follows this server",
            ),
            (
                crate::i18n::Lang::ZhCn,
                "设备没有开机，或地址有误：它也没有应答 Stratum 的查询（",
                "1 台设备中有 0 台跟随本服务器",
            ),
        ] {
            let tr = Localizer::new(lang);
            for kind in DeviceKind::ALL {
                let d = device(*kind, Some(NoAnswer::Timeout));
                let said = notes(&d, &report, &tr).iter().any(|n| n.contains(off));
                let answers_ntp = matches!(kind, DeviceKind::Chrony | DeviceKind::Ntpd);
                assert_eq!(said, answers_ntp, "{lang:?} {kind:?}");
                // Not asked yet: nothing to say about our query.
                let d = device(*kind, None);
                assert!(!notes(&d, &report, &tr).iter().any(|n| n.contains(off)));
            }
            assert_eq!(summary(&report, &tr), summary_text);
        }
        let tr = Localizer::new(crate::i18n::Lang::En);
        let two = RosterReport {
            devices: vec![report.devices[0].clone(), report.devices[0].clone()],
            ..RosterReport::default()
        };
        assert_eq!(summary(&two, &tr), "0 of 2 devices follow this server");
    }

    /// W8: a device this server's allow lines refuse is told that, and
    /// only that: no "possible causes" list after the exact one.
    #[test]
    fn a_device_refused_by_allow_gets_the_exact_cause_alone() {
        for lang in crate::i18n::Lang::ALL {
            let tr = Localizer::new(lang);
            for kind in DeviceKind::ALL {
                let mut d = DeviceReport {
                    name: "client".into(),
                    address: "127.0.0.2".into(),
                    kind: *kind,
                    verdict: Verdict::NotPolling,
                    since: 1.8e9,
                    polls: None,
                    answer: None,
                    no_answer: None,
                    expected_stratum: None,
                    drifting: false,
                    denied_by_acl: true,
                    itself: false,
                };
                let report = RosterReport::default();
                let generic = tr.tr(&format!("roster-causes-{}", kind.id()));
                let exact = tr.tr_args("roster-cause-acl-here", &[("address", "127.0.0.2")]);
                let said = notes(&d, &report, &tr);
                assert!(said.contains(&exact), "{lang:?} {kind:?}: {said:?}");
                assert!(!said.contains(&generic), "{lang:?} {kind:?}: {said:?}");
                // Not known: the list is the help there is.
                d.denied_by_acl = false;
                assert!(
                    notes(&d, &report, &tr).contains(&generic),
                    "{lang:?} {kind:?}"
                );
            }
        }
    }

    #[test]
    fn offsets_and_ages_read_short() {
        assert_eq!(offset_text(0.000213), "+213.0 µs");
        assert_eq!(offset_text(-0.0213), "-21.300 ms");
        assert_eq!(ago_text(45.0), "45 s");
        assert_eq!(ago_text(600.0), "10 min");
    }
}
