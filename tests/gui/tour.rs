//! A tour of the window for the tests that read what it says: every live
//! panel on a real lab, then every state a lab does not reach by itself,
//! each where the window shows it (the forms' tour is in forms.rs).

use std::path::PathBuf;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratum::core::alarm::{Alarm, AlarmKind};
use stratum::core::conf::Document;
use stratum::gui::app::{App, ApplyState, Panel};
use stratum::gui::backend::{Event, ReadError, StatsResult};
use stratum::gui::state::NtsState;
use stratum::i18n::Lang;
use stratum::ipc::ErrorCode;

use super::window::{RichLab, live, show, wait_until};

/// Every live panel on a real lab (the release's chronyd), with the guide
/// open, in `lang`.
pub fn live_panels(lab: &RichLab, lang: Lang) {
    let mut h = live(lang, &lab.helper.socket);
    wait_until(&mut h, Duration::from_secs(20), "the helper's data", &|a| {
        a.state.may_change()
            && a.state
                .snapshot
                .as_ref()
                .is_some_and(|s| !s.clients.is_empty())
    });
    stratum::gui::help::set_open(&h.ctx, true);
    for p in Panel::ALL {
        show(&mut h, p);
        match p {
            Panel::Overview => {
                for title in ["gui-serverstats", "gui-activity"] {
                    let t = h.state().state.t(title);
                    h.get_by_label(&t).click_accesskit();
                    h.run_steps(2);
                }
                // What Burst / Step / Refresh did, under the buttons.
                use stratum::gui::state::ActionOutcome;
                use stratum::ipc::Action;
                for a in [Action::Burst, Action::Makestep, Action::Refresh] {
                    for o in [
                        ActionOutcome::Pending,
                        ActionOutcome::Done,
                        ActionOutcome::Failed("chronyd refused: no such source".into()),
                    ] {
                        h.state_mut().state.action = Some((a.clone(), o));
                        h.run_steps(2);
                    }
                }
                h.state_mut().state.action = None;
            }
            Panel::Plots => wait_until(&mut h, Duration::from_secs(20), "history", &|a| {
                a.state.history.values().any(|v| !v.is_empty())
            }),
            Panel::Statistics => wait_until(&mut h, Duration::from_secs(20), "statistics", &|a| {
                a.state.stats.is_some()
            }),
            _ => {}
        }
        h.run_steps(2);
    }
}

pub fn event(h: &mut Harness<'static, App>, e: Event) {
    h.state_mut().state.on_event(e);
    h.run_steps(2);
}

/// The helper's identity as the window gets it.
fn info(mode: stratum::ipc::Mode) -> stratum::ipc::HelperInfo {
    stratum::ipc::HelperInfo {
        protocol: 1,
        mode,
        chrony_version: Some("4.3".into()),
        chronyd_path: Some("/usr/sbin/chronyd".into()),
        config_path: "/etc/chrony/chrony.conf".into(),
        chronyd_pid: Some(1),
        chronyd_log: vec![],
        ntp_port: 123,
        may_change: true,
    }
}

/// A certificate of the server ending `days` from now.
fn cert(days: i64, unreadable: bool) -> stratum::core::nts::CertSummary {
    let now = stratum::sys::now() as i64;
    stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: now - 86_400,
        not_after: now + days * 86_400,
        unreadable,
    }
}

/// Every state a lab does not reach by itself: each error code where the
/// window says it, apply and NTS outcomes, alarms, certificates, the leap
/// second list, watched hosts, file notes, statistics of a flat series.
pub fn states(h: &mut Harness<'static, App>, snapshot: &stratum::ipc::Snapshot) {
    connection(h, snapshot);
    own_clock(h, snapshot);
    sources(h, snapshot);
    apply_blocked(h);
    let s = raised(h, snapshot);
    outcomes(h, &s);
    super::roster::states(h, snapshot);
}

/// Before and between helpers: nothing yet, each mode, chronyd silent, no
/// helper at all.
fn connection(h: &mut Harness<'static, App>, snapshot: &stratum::ipc::Snapshot) {
    // Nothing yet: no history, no helper answering; looking for one, then
    // starting a lab.
    show(h, Panel::Plots);
    show(h, Panel::Overview);
    for stage in [
        stratum::gui::backend::Stage::Looking,
        stratum::gui::backend::Stage::StartingLab,
    ] {
        event(h, Event::Progress(stage));
        show(h, Panel::Overview);
    }
    for (mode, server) in [
        (stratum::ipc::Mode::System, "/run/stratum/helper.sock"),
        (stratum::ipc::Mode::Lab, "ssh://admin@ntp1.lab"),
    ] {
        event(
            h,
            Event::Connected {
                info: info(mode),
                started_lab: mode == stratum::ipc::Mode::Lab,
                server: server.into(),
            },
        );
        show(h, Panel::Overview);
    }
    // chronyd still starting, not answering, then no helper at all.
    let mut empty = snapshot.clone();
    empty.tracking = None;
    let mut starting = empty.clone();
    starting.error = Some(ErrorCode::ChronydUnreachable);
    starting.starting = true;
    event(h, Event::Snapshot(Box::new(starting)));
    show(h, Panel::Overview);
    event(h, Event::Snapshot(Box::new(empty.clone())));
    show(h, Panel::Overview);
    event(
        h,
        Event::Offline {
            code: ErrorCode::GuiNoHelper,
            detail: None,
        },
    );
    show(h, Panel::Sources);
    event(
        h,
        Event::Connected {
            info: info(stratum::ipc::Mode::Lab),
            started_lab: true,
            server: "/tmp/helper.sock".into(),
        },
    );
}

/// The sources as the Overview, Sources and Upstream servers panels say
/// them: healthy, to look at, none, each live state; editing one.
/// On its own clock with no drift estimate (root dispersion 0): with no
/// source configured (an isolated server, as chosen: a notice), and with
/// sources none of which answered, minutes after chronyd started.
fn own_clock(h: &mut Harness<'static, App>, snapshot: &stratum::ipc::Snapshot) {
    let mut s = snapshot.clone();
    if let Some(t) = s.tracking.as_mut() {
        t.ref_id = stratum::core::cmdmon::LOCAL_REFID;
        t.address = None;
        t.stratum = 10;
        t.root_delay = 0.0;
        t.root_dispersion = 0.0;
    }
    s.chronyd_up = Some(412.0);
    let mut isolated = s.clone();
    isolated.sources.clear();
    // The sparkline's history: the correction, no maximum error (none is
    // known on its own clock).
    let pts: Vec<(f64, f64, f64)> = (0..60)
        .map(|i| (s.time - 300.0 + f64::from(i) * 5.0, 0.0, 0.0))
        .collect();
    event(
        h,
        Event::History(vec![
            ("system.correction".parse().unwrap(), pts),
            ("system.error".parse().unwrap(), Vec::new()),
        ]),
    );
    for s in [isolated, s] {
        event(h, Event::Snapshot(Box::new(s)));
        show(h, Panel::Overview);
    }
    // Plots leave out the correction's zeros: nothing measured the clock.
    show(h, Panel::Plots);
    // Statistics of the maximum error: why it has no values.
    use stratum::core::series::{Field, SeriesId};
    let series = SeriesId::system(Field::Error);
    h.state_mut().panels.statistics.series = series.clone();
    let window = h.state().panels.statistics.window.seconds();
    event(
        h,
        Event::Stats(Box::new(StatsResult {
            series,
            window,
            analysis: stratum::core::stats::analyse(Field::Error, Vec::new()),
        })),
    );
    show(h, Panel::Statistics);
    // The correction's zeros: no measurement, not "nothing varies".
    let series = SeriesId::system(Field::Correction);
    h.state_mut().panels.statistics.series = series.clone();
    let zeros: Vec<(f64, f64)> = (0..30)
        .map(|i| (snapshot.time - 300.0 + f64::from(i) * 10.0, 0.0))
        .collect();
    event(
        h,
        Event::Stats(Box::new(StatsResult {
            series,
            window,
            analysis: stratum::core::stats::analyse(Field::Correction, zeros),
        })),
    );
    show(h, Panel::Statistics);
    h.state_mut().panels.statistics.series = SeriesId::system(Field::Offset);
}

fn sources(h: &mut Harness<'static, App>, snapshot: &stratum::ipc::Snapshot) {
    // A healthy server: its selected source alone, nothing raised.
    let mut healthy = snapshot.clone();
    let selected: Vec<String> = healthy
        .sources
        .iter()
        .filter(|x| x.state == stratum::core::cmdmon::SourceState::Selected)
        .map(|x| x.address.to_string())
        .collect();
    healthy
        .sources
        .retain(|x| selected.contains(&x.address.to_string()));
    healthy
        .sourcestats
        .retain(|x| selected.contains(&x.address.to_string()));
    healthy
        .selectdata
        .retain(|x| selected.contains(&x.address.to_string()));
    healthy.authdata.retain(|(a, _)| selected.contains(a));
    healthy.error = None;
    // Judged as the helper judges it.
    healthy.health = stratum::core::health::verdict(
        &healthy,
        &stratum::core::export::alerts::Thresholds::default(),
    );
    event(h, Event::Snapshot(Box::new(healthy.clone())));
    show(h, Panel::Overview);
    show(h, Panel::Sources);
    // A name that does not resolve has no address, so selectdata has no
    // row for it: the panel says so under the table.
    if let Some(first) = healthy.sources.first().cloned() {
        let mut unresolved = healthy.clone();
        let mut name = first;
        name.address = stratum::core::cmdmon::WireAddrSer(stratum::core::cmdmon::WireAddr::Id(7));
        name.name = Some("ntp.aliyun.com".into());
        name.state = stratum::core::cmdmon::SourceState::Unknown;
        unresolved.sources.push(name);
        event(h, Event::Snapshot(Box::new(unresolved.clone())));
        show(h, Panel::Sources);
        let tr = stratum::i18n::Localizer::new(h.state().state.tr.lang());
        let note = tr.tr_args(
            "gui-selectdata-unlisted",
            &[("count", "1"), ("sources", "ntp.aliyun.com")],
        );
        if !healthy.selectdata.is_empty() {
            assert!(
                h.query_by_label(&note).is_some(),
                "{:?}",
                super::window::shown_texts(h)
            );
        }
        // Burst accepted with only that name (nothing to poll), then with
        // no source at all: each says why nothing will come.
        let mut only = unresolved.clone();
        only.sources.retain(|s| s.unresolved());
        let mut none = only.clone();
        none.sources.clear();
        for s in [only, none] {
            event(h, Event::Snapshot(Box::new(s)));
            // Burst, and Refresh (which cannot make the name resolve).
            for action in [stratum::ipc::Action::Burst, stratum::ipc::Action::Refresh] {
                h.state_mut().state.action =
                    Some((action, stratum::gui::state::ActionOutcome::Done));
                show(h, Panel::Overview);
            }
        }
        h.state_mut().state.action = None;
    }
    // Healthy but for a certificate near its end: something to look at.
    let soon = stratum::sys::now() as i64 + 10 * 86_400;
    healthy.nts_certs = vec![stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: soon - 400 * 86_400,
        not_after: soon,
        unreadable: false,
    }];
    event(h, Event::Snapshot(Box::new(healthy)));
    show(h, Panel::Overview);
    // A server with no source, a client rate limited.
    let mut bare = snapshot.clone();
    bare.sources.clear();
    bare.sourcestats.clear();
    bare.selectdata.clear();
    bare.authdata.clear();
    for c in bare.clients.iter_mut() {
        c.ntp_drops = 5;
    }
    event(h, Event::Snapshot(Box::new(bare)));
    show(h, Panel::Sources);
    show(h, Panel::Clients);
    // The upstreams' live states: selected, reachable, unreachable, unseen.
    let mut states = snapshot.clone();
    if let Some(x) = states.sources.get_mut(1) {
        x.state = stratum::core::cmdmon::SourceState::Combined;
        x.reach = 0o377;
    }
    event(h, Event::Snapshot(Box::new(states)));
    let hosts: Vec<String> = snapshot
        .sources
        .iter()
        .map(|x| x.address.to_string())
        .collect();
    let mut text: String = hosts
        .iter()
        .map(|a| format!("server {a} iburst\n"))
        .collect();
    text.push_str("server 192.0.2.7 iburst\n");
    h.state_mut().state.doc = Document::parse(&text);
    show(h, Panel::Upstreams);
    for x in snapshot.sources.iter().skip(1) {
        let mut dead = snapshot.clone();
        for y in dead.sources.iter_mut().filter(|y| y.address == x.address) {
            y.reach = 0;
        }
        event(h, Event::Snapshot(Box::new(dead)));
        show(h, Panel::Upstreams);
    }
    // A name that does not resolve (chronyd's `ID#` address, its name
    // kept), a source that answers every poll but is unusable, then no
    // tracking at all: what each line says, with its help.
    let mut named = snapshot.clone();
    if let Some(x) = named.sources.get_mut(0) {
        x.address = stratum::core::cmdmon::WireAddrSer(stratum::core::cmdmon::WireAddr::Id(1));
        x.name = Some("ntp.aliyun.com".into());
    }
    if let Some(x) = named.sources.get_mut(1) {
        x.state = stratum::core::cmdmon::SourceState::Unusable;
        x.reach = 0o377;
    }
    event(h, Event::Snapshot(Box::new(named)));
    let mut with_name = text.clone();
    with_name.push_str("server ntp.aliyun.com iburst\n");
    h.state_mut().state.doc = Document::parse(&with_name);
    show(h, Panel::Upstreams);
    let mut unknown = snapshot.clone();
    unknown.tracking = None;
    event(h, Event::Snapshot(Box::new(unknown)));
    show(h, Panel::Upstreams);
    // Editing a source, and one chrony would refuse.
    let edit = h.state().state.t("gui-edit");
    h.get_all_by_label(&edit).next().unwrap().click_accesskit();
    h.run_steps(2);
    {
        let f = &mut h.state_mut().panels.upstreams;
        f.kind = stratum::core::conf::SourceKind::Server;
        f.port = Some(-1);
    }
    h.run_steps(2);
    // No field of the form makes a line chrony refuses; its words, as the
    // form would say them, for one that does.
    let line = "ntp.example.org iburst key 0";
    let e = stratum::core::conf::parse_user_source(stratum::core::conf::SourceKind::Server, line)
        .unwrap_err();
    stratum::gui::panels::upstreams::source_error_text(
        &h.state().state,
        stratum::core::conf::SourceKind::Server,
        line,
        &e,
    );
    h.state_mut().panels.upstreams = Default::default();
    // The explanation side panel of a value.
    h.state_mut().state.selected = Some(stratum::gui::state::Selected {
        field: "stratum",
        raw: "2".into(),
        status: stratum::core::explain::Status::Ok,
        reason: None,
        meaning: "m".into(),
    });
    show(h, Panel::Overview);
    h.state_mut().state.selected = None;
}

/// Why Apply cannot go on: a read-only helper, a file chronyd refuses.
fn apply_blocked(h: &mut Harness<'static, App>) {
    // A helper that lets this user read only: Apply says why it cannot.
    let mut read_only = info(stratum::ipc::Mode::System);
    read_only.may_change = false;
    event(
        h,
        Event::Connected {
            info: read_only,
            started_lab: false,
            server: "/run/stratum/helper.sock".into(),
        },
    );
    show(h, Panel::Apply);
    event(
        h,
        Event::Connected {
            info: info(stratum::ipc::Mode::Lab),
            started_lab: true,
            server: "/tmp/helper.sock".into(),
        },
    );
    // A file chronyd would refuse: Apply says why it cannot.
    h.state_mut().state.doc = Document::parse("allow 10.0.0.0/33\n");
    show(h, Panel::Apply);
}

/// Everything raised at once: every alarm, certificates near and past
/// their end, a leap second pending, the leap second list in each state,
/// a server on its own clock. Returns that snapshot.
fn raised(
    h: &mut Harness<'static, App>,
    snapshot: &stratum::ipc::Snapshot,
) -> stratum::ipc::Snapshot {
    let now = stratum::sys::now();
    let mut s = snapshot.clone();
    s.time = now;
    s.health = stratum::core::alarm::Health {
        state: stratum::core::alarm::HealthState::Critical,
        alarms: AlarmKind::ALL
            .iter()
            .map(|k| Alarm {
                kind: *k,
                what: "127.0.0.2".into(),
            })
            .collect(),
    };
    s.nts_certs = vec![
        cert(300, false),
        cert(10, false),
        cert(-2, false),
        cert(1, true),
    ];
    if let Some(t) = s.tracking.as_mut() {
        t.leap_status = 1;
    }
    for (expires, problem) in [
        (now as i64 + 200 * 86_400, None),
        (now as i64 - 86_400, None),
        (0, Some("unreadable".to_string())),
    ] {
        s.leap_list = Some(stratum::core::leap::LeapListSummary {
            path: "/usr/share/zoneinfo/leap-seconds.list".into(),
            expires,
            next_leap: Some((now as i64 + 86_400, stratum::core::leap::Leap::Insert)),
            problem,
        });
        event(h, Event::Snapshot(Box::new(s.clone())));
        show(h, Panel::Overview);
    }
    for p in [Panel::Overview, Panel::Sources, Panel::Clients, Panel::Nts] {
        show(h, p);
    }
    // The tracking of a server on its own clock, and of one synchronised.
    if let Some(t) = s.tracking.as_mut() {
        t.ref_id = stratum::core::cmdmon::LOCAL_REFID;
        t.address = None;
    }
    event(h, Event::Snapshot(Box::new(s.clone())));
    show(h, Panel::Overview);
    // On its own clock just after the start: no drift estimate yet.
    let mut fresh = s.clone();
    if let Some(t) = fresh.tracking.as_mut() {
        t.root_dispersion = 0.0;
        t.root_delay = 0.0;
    }
    event(h, Event::Snapshot(Box::new(fresh)));
    show(h, Panel::Overview);
    s
}

/// What operations come to: every error code where the window says it,
/// apply and NTS outcomes, watched hosts, files, statistics.
fn outcomes(h: &mut Harness<'static, App>, s: &stratum::ipc::Snapshot) {
    // Errors, where the window says them: the connection, an operation,
    // a snapshot, an apply (on Apply and on Guided setup).
    for code in ErrorCode::ALL {
        event(
            h,
            Event::Offline {
                code: *code,
                detail: Some("12".into()),
            },
        );
        event(
            h,
            Event::Failed {
                code: *code,
                detail: Some("12".into()),
            },
        );
        let mut bad = s.clone();
        bad.error = Some(*code);
        bad.error_detail = Some("12".into());
        event(h, Event::Snapshot(Box::new(bad)));
        h.state_mut().state.apply = ApplyState::Failed {
            code: *code,
            detail: Some("12".into()),
        };
        show(h, Panel::Apply);
        show(h, Panel::Setup);
    }
    event(h, Event::ActionDone);
    for (live, restarted, unchanged) in [
        (true, false, false),
        (false, true, false),
        (false, false, true),
    ] {
        let edited = h.state().state.doc.render();
        h.state_mut().state.apply = ApplyState::Done {
            applied: stratum::ipc::Applied {
                live,
                restarted,
                backup: Some("/var/lib/stratum/chrony.conf.1".into()),
                unchanged,
            },
            edited,
        };
        show(h, Panel::Apply);
    }
    h.state_mut().state.apply = ApplyState::Running {
        id: stratum::gui::backend::RequestId(1),
        sent: Vec::new(),
    };
    show(h, Panel::Apply);
    show(h, Panel::Setup);
    h.state_mut().state.apply = ApplyState::Idle;
    // NTS: working, failed, made, renewed.
    h.state_mut().state.nts = NtsState::Running(stratum::gui::backend::RequestId(2));
    show(h, Panel::Nts);
    h.state_mut().state.nts = NtsState::Failed("x".into());
    show(h, Panel::Nts);
    for restarted in [false, true] {
        let n = stratum::ipc::NtsIssued {
            lines: "ntsservercert /etc/chrony/nts/server.crt".into(),
            cert: cert(300, false),
            files: vec!["/etc/chrony/nts/server.crt".into()],
            backups: vec![],
            restarted,
        };
        // The answer to the request that asked for it.
        let id = stratum::gui::backend::RequestId(10 + u64::from(restarted));
        h.state_mut().state.nts = NtsState::Running(id);
        event(
            h,
            Event::Reply {
                to: id,
                event: Box::new(Event::NtsIssued(n)),
            },
        );
        show(h, Panel::Nts);
    }
    h.state_mut().panels.nts.names = "not a name!".into();
    show(h, Panel::Nts);
    // Watched hosts: answering, silent with each reason, on their own clock.
    let row = |host: &str, error: Option<ErrorCode>| stratum::ipc::FleetRow {
        host: host.parse().unwrap(),
        reachable: error.is_none(),
        stratum: Some(3),
        reference: Some("7F7F0101".into()),
        system_time: Some(1e-6),
        frequency: Some(-1.0),
        skew: Some(0.1),
        leap: Some("Normal".into()),
        selected: None,
        sources: Some(1),
        error,
        roster_followers: Some(vec!["pc-1".into()]),
    };
    let mut rows = vec![row("10.0.0.1:323", None)];
    rows.push(stratum::ipc::FleetRow {
        reachable: false,
        roster_followers: Some(vec![]),
        ..row("10.0.0.8:323", None)
    });
    rows.extend(ErrorCode::ALL.iter().map(|c| row("10.0.0.9:323", Some(*c))));
    event(h, Event::Fleet(rows));
    show(h, Panel::Fleet);
    h.state_mut().state.fleet_selected = Some("10.0.0.1:323".parse().unwrap());
    show(h, Panel::Fleet);
    // Files written and read, each outcome under the row that asked
    // (replies addressed to the request; nothing is sent from here).
    let path = PathBuf::from("/tmp/stratum-words.conf");
    h.state_mut().panels.apply.path = path.display().to_string();
    let bytes = || stratum::gui::backend::Contents::Bytes(b"server 10.0.0.1\n".to_vec());
    let written = [
        Event::FileWritten {
            path: path.clone(),
            result: Ok(()),
        },
        Event::FileWritten {
            path: path.clone(),
            result: Err(stratum::i18n::OsError::from(std::io::Error::from(
                std::io::ErrorKind::PermissionDenied,
            ))),
        },
        Event::FileExists {
            path: path.clone(),
            contents: bytes(),
        },
    ];
    for reply in written {
        let id = h.state_mut().state.save_file(path.clone(), bytes(), false);
        h.state_mut().state.outbox.clear();
        h.state_mut().panels.apply.last = Some(id);
        show(h, Panel::Apply);
        event(
            h,
            Event::Reply {
                to: id,
                event: Box::new(reply),
            },
        );
        show(h, Panel::Apply);
    }
    for result in [
        Ok(b"server 10.0.0.1\n".to_vec()),
        Err(ReadError::Io(stratum::i18n::OsError::from(
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ))),
        Err(ReadError::NotRegular),
        Err(ReadError::TooLarge { mib: 4 }),
    ] {
        let id = h.state_mut().state.read_config(path.clone());
        h.state_mut().state.outbox.clear();
        h.state_mut().panels.apply.last = Some(id);
        show(h, Panel::Apply);
        event(
            h,
            Event::Reply {
                to: id,
                event: Box::new(Event::ConfigRead {
                    path: path.clone(),
                    result,
                }),
            },
        );
        show(h, Panel::Apply);
    }
    // Statistics: computing, no data, a flat series, a noisy one.
    use stratum::core::series::{Field, SeriesId};
    show(h, Panel::Statistics);
    let series = SeriesId::system(Field::Offset);
    let window = h.state().panels.statistics.window.seconds();
    for points in [
        vec![],
        (0..600).map(|i| (f64::from(i), 0.0)).collect::<Vec<_>>(),
        (0..600)
            .map(|i| (f64::from(i), (f64::from(i) * 0.37).sin() * 1e-6))
            .collect(),
    ] {
        let analysis = stratum::core::stats::analyse(Field::Offset, points);
        event(
            h,
            Event::Stats(Box::new(StatsResult {
                series: series.clone(),
                window,
                analysis,
            })),
        );
        show(h, Panel::Statistics);
    }
}
