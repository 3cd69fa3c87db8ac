//! Sources that do not answer, told as they are at 1024x700: a name that
//! does not resolve before the silence of the sources really polled, and a
//! source polled a few times since chronyd started is "no answer yet".

use super::*;
use egui_kittest::kittest::Queryable;
use stratum::core::cmdmon::{
    LOCAL_REFID, SourceData, SourceMode, SourceState, WireAddr, WireAddrSer,
};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::{Backend, Event};
use stratum::i18n::{Lang, Localizer};

fn small(settings: Settings, backend: Backend) -> Harness<'static, App> {
    harness_sized(App::headless(settings, backend), egui::vec2(1024.0, 700.0))
}

fn in_lang(lang: Lang) -> Settings {
    Settings {
        lang: Some(lang),
        ..Settings::default()
    }
}

/// W5 finding 1, as the helper reports it: lab note 000's two names that
/// never resolve, and the pair's peer 10.0.0.124 polled in vain. The DNS
/// cause comes first; the silence names the peer alone, and never says a
/// server refuses a source nothing was sent to.
#[test]
fn a_name_that_does_not_resolve_comes_before_the_silence_of_the_polled_peer() {
    let peer = WireAddr::Ip("10.0.0.124".parse().unwrap());
    let src = crate::common::cmdmon::silent_source;
    let now = stratum::sys::now();
    let mut t = tracking(now);
    t.ref_id = LOCAL_REFID;
    t.address = None;
    t.stratum = 10;
    let snapshot = stratum::ipc::Snapshot {
        time: now,
        tracking: Some(t),
        sources: vec![
            src(WireAddr::Id(1), "ntp.aliyun.com", SourceMode::Server),
            src(WireAddr::Id(2), "ntp1.aliyun.com", SourceMode::Server),
            src(peer, "10.0.0.124", SourceMode::Peer),
        ],
        ..Default::default()
    };
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = small(in_lang(lang), Backend::offline(no_waker()));
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(snapshot.clone())));
        // Each finding by its words after the names (a list is joined
        // in the language's way).
        let after = |id: &str| {
            let text = tr.tr_args(id, &[("sources", "SOURCES"), ("count", "2")]);
            let tail = text.split("SOURCES").nth(1).unwrap_or_default();
            tail.chars().take(20).collect::<String>()
        };
        let dns = after("finding-name-unresolved");
        let polled = tr.tr_args(
            "finding-no-upstream-reachable-by-some-unresolved",
            &[("sources", "10.0.0.124"), ("count", "1")],
        );
        // The generic text's first cause: a server's access rules.
        let generic = tr.tr_args("finding-no-upstream-reachable", &[("names", "some")]);
        let generic: String = generic.chars().take(40).collect();
        for panel in [Panel::Overview, Panel::Sources] {
            h.state_mut().state.panel = panel;
            h.run();
            let y = |text: &str| {
                h.query_by_label_contains(text)
                    .unwrap_or_else(|| panic!("{lang:?} {panel:?}: no {text:?}"))
                    .rect()
                    .top()
            };
            assert!(
                y(&dns) < y(&polled),
                "{lang:?} {panel:?}: the DNS cause is not first"
            );
            assert!(
                h.query_by_label_contains(&generic).is_none(),
                "{lang:?} {panel:?}: the generic essay is back"
            );
        }
    }
}

/// W5 finding 3 on a real lab helper: a server on a loopback port nothing
/// answers, polled every 64 s. Seconds after the start chronyd has sent it
/// a request or two: Upstream servers says "no answer yet (N polls so
/// far)", never "no answer in the last 8 polls".
#[test]
fn a_source_polled_a_few_times_since_the_start_has_not_answered_yet() {
    for r in common::releases() {
        for lang in [Lang::En, Lang::ZhCn] {
            let label = format!("chrony {} {}", r.label, lang.code());
            eprintln!("{label}: a server polled a few times");
            let tr = Localizer::new(lang);
            let tmp = tempfile::tempdir().unwrap();
            let dead = common::lab::free_udp_port();
            let chronyd = r.chronyd.to_str().unwrap().to_string();
            let helper = common::helper::HelperProc::start_lab_with(
                tmp.path(),
                &format!("server 127.0.0.1 port {dead}\nlocal stratum 10\nallow 127.0.0.0/8\n"),
                common::lab::free_udp_port(),
                &["--chronyd", &chronyd],
            );
            let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
            let mut h = small(in_lang(lang), backend);
            wait(&mut h, "a request sent to the silent server", &|a| {
                a.state.may_change()
                    && a.state
                        .snapshot
                        .as_ref()
                        .is_some_and(|s| s.sent.iter().any(|(_, n)| *n > 0))
            });
            // The helper says how long its chronyd has run: seconds here.
            let up = h.state().state.snapshot.as_ref().and_then(|s| s.chronyd_up);
            assert!(up.is_some_and(|u| u < 60.0), "{label}: chronyd up {up:?}");
            h.state_mut().state.panel = Panel::Upstreams;
            h.run();
            let yet: Vec<String> = (0..8)
                .map(|n| tr.tr_args("source-health-not-yet", &[("polls", n.to_string())]))
                .collect();
            assert!(
                yet.iter().any(|t| h.query_by_label(t).is_some()),
                "{label}: no {:?}",
                yet[1]
            );
            assert!(
                h.query_by_label(&tr.tr("source-health-silent")).is_none(),
                "{label}: 8 polls claimed"
            );
            drop(h);
        }
    }
}

/// W5 finding 4: a lab server on its own clock with a peer that never
/// answered has no drift estimate (root dispersion 0). "Just started"
/// while chronyd has run for seconds; after 6 min 52 s the reason is that
/// no source answered.
#[test]
fn just_started_is_said_only_in_the_first_minutes() {
    let now = stratum::sys::now();
    let mut t = tracking(now);
    t.ref_id = LOCAL_REFID;
    t.address = None;
    t.stratum = 10;
    t.root_delay = 0.0;
    t.root_dispersion = 0.0;
    let peer = SourceData {
        address: WireAddrSer(WireAddr::Ip("10.0.0.124".parse().unwrap())),
        poll: 6,
        stratum: 0,
        state: SourceState::Unusable,
        mode: SourceMode::Peer,
        flags: 0,
        reach: 0,
        last_rx: u32::MAX,
        offset: 0.0,
        measured_offset: 0.0,
        error: 0.0,
        name: Some("10.0.0.124".into()),
    };
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let stratum = [("stratum", "10")];
        let started = tr.tr_args("gui-own-clock-started", &stratum);
        let no_answer = tr.tr_args("gui-own-clock-no-answer", &stratum);
        for (up, shown, hidden) in [(20.0, &started, &no_answer), (412.0, &no_answer, &started)] {
            let mut h = small(in_lang(lang), Backend::offline(no_waker()));
            let s = stratum::ipc::Snapshot {
                time: now,
                tracking: Some(t.clone()),
                sources: vec![peer.clone()],
                chronyd_up: Some(up),
                ..Default::default()
            };
            h.state_mut().state.on_event(Event::Snapshot(Box::new(s)));
            h.state_mut().state.panel = Panel::Overview;
            h.run();
            assert!(
                h.query_by_label(shown).is_some(),
                "{lang:?} after {up} s: no {shown:?}"
            );
            assert!(
                h.query_by_label(hidden).is_none(),
                "{lang:?} after {up} s: {hidden:?}"
            );
        }
    }
}

/// W5 finding 15 on real lab helpers: the first run's isolated server (no
/// upstream configured; `local` without orphan, which from chrony 4.7
/// waits 300 s first) serves its own clock as chosen, and the status bar
/// says so plainly, with no alarm; with an upstream configured that does
/// not answer, serving its own clock stays an alarm.
#[test]
fn an_isolated_server_by_choice_is_a_notice_and_a_silent_upstream_an_alarm() {
    use stratum::core::alarm::AlarmKind;
    for r in common::releases() {
        for lang in [Lang::En, Lang::ZhCn] {
            let label = format!("chrony {} {}", r.label, lang.code());
            eprintln!("{label}: an isolated server, then one with an upstream");
            let tr = Localizer::new(lang);
            let chronyd = r.chronyd.to_str().unwrap().to_string();
            let notice = tr.tr_args("gui-notice-own-clock", &[("stratum", "10")]);
            let alarm = tr.tr_args("alarm-own-clock", &[("what", "10")]);
            let dead = common::lab::free_udp_port();
            for (config, chosen) in [
                ("local stratum 10\nallow 127.0.0.0/8\n".to_string(), true),
                (
                    format!("server 127.0.0.1 port {dead}\nlocal stratum 10\n"),
                    false,
                ),
            ] {
                let tmp = tempfile::tempdir().unwrap();
                let helper = common::helper::HelperProc::start_lab_with(
                    tmp.path(),
                    &config,
                    common::lab::free_udp_port(),
                    &["--chronyd", &chronyd],
                );
                let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
                let mut h = small(in_lang(lang), backend);
                wait(&mut h, "chronyd on its own clock", &|a| {
                    a.state.snapshot.as_ref().is_some_and(|s| {
                        s.health
                            .alarms
                            .iter()
                            .any(|x| x.kind == AlarmKind::OwnClock)
                    })
                });
                h.run();
                if chosen {
                    assert!(
                        h.query_by_label(&notice).is_some(),
                        "{label}: no notice {notice:?}"
                    );
                    assert!(
                        h.query_by_label_contains(&alarm).is_none(),
                        "{label}: an alarm for the chosen isolation"
                    );
                    assert!(
                        h.state()
                            .state
                            .notify
                            .iter()
                            .all(|c| !matches!(c, stratum::gui::backend::Command::Notify { .. }))
                    );
                } else {
                    assert!(
                        h.query_by_label(&notice).is_none(),
                        "{label}: the upstream's silence said as chosen"
                    );
                    let told = stratum::core::health::alarms_to_tell(
                        h.state().state.snapshot.as_ref().unwrap(),
                    );
                    assert!(
                        told.iter().any(|x| x.kind == AlarmKind::OwnClock),
                        "{label}: {told:?}"
                    );
                    let line = stratum::gui::app::alarms_line(&h.state().state, &told);
                    assert!(
                        h.query_by_label(&line).is_some(),
                        "{label}: no alarm {line:?} in the status bar"
                    );
                }
                drop(h);
            }
        }
    }
}
