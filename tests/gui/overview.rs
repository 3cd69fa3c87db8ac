//! The Overview and the status bar: the verdict at a glance, the direction of
//! time, the NTS certificate, alarms notified once and withdrawn, and frames
//! drawn only when something changed.

use super::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use std::time::{Duration, Instant};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

#[test]
fn idle_ui_does_not_repaint() {
    let mut h = offline();
    // run() returns once no repaint is requested; a busy loop would
    // exceed the step limit and panic.
    let steps = h.run();
    assert!(steps <= 3, "{steps} frames for an idle UI");
    for p in Panel::ALL {
        h.state_mut().state.panel = p;
        if p == Panel::Apply {
            // Its lint comes from the backend, with a spinner meanwhile.
            h.step();
            wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        }
        let steps = h.run();
        assert!(steps < 10, "{p:?} keeps repainting ({steps} frames)");
    }
}

/// The Overview at a glance: the verdict, the offset with its error bound,
/// which source and since when, a sparkline, the findings.
#[test]
fn the_overview_says_it_all_at_a_glance() {
    use stratum::gui::backend::Event;
    let mut h = offline();
    let now = stratum::sys::now();
    let tracking = tracking(now);
    give_tracking(&mut h, now, tracking);
    let pts: Vec<(f64, f64, f64)> = (0..60)
        .map(|i| (now - 300.0 + f64::from(i) * 5.0, 1e-6, 2e-6))
        .collect();
    h.state_mut().state.on_event(Event::History(vec![(
        "system.correction".parse().unwrap(),
        pts,
    )]));
    h.state_mut().state.panel = Panel::Overview;
    h.run();
    // chronyd's correction is positive: the clock is behind (chronyc's "slow").
    assert!(
        h.query_by_label_contains(
            "System clock 2.5 µs behind NTP time (slow); true time within ±300.0 µs, stratum 2"
        )
        .is_some()
    );
    assert!(h.query_by_label_contains("Follows 10.0.0.1").is_some());
    assert!(
        h.query_by_label_contains(
            "The system clock against NTP time over the last 5 minutes, and its maximum error"
        )
        .is_some()
    );
    // One source only: the finding is on top.
    assert!(
        h.query_by_label_contains("falseticker").is_some()
            || h.query_by_label_contains("No problem").is_some()
    );
}

/// The direction of time on the Overview, in both languages: chronyd's
/// correction of +5 s is a clock 5 s behind ("slow", 慢), -5 s one ahead;
/// a lab serving its own clock says so instead of a distance to true time.
#[test]
fn the_overview_says_slow_when_the_clock_is_behind() {
    for (lang, correction, want) in [
        (Lang::En, 5.0, "System clock 5.000 s behind NTP time (slow)"),
        (
            Lang::En,
            -5.0,
            "System clock 5.000 s ahead of NTP time (fast)",
        ),
        (Lang::ZhCn, 5.0, "系统时钟比 NTP 时间落后 5.000 s（慢）"),
        (Lang::ZhCn, -5.0, "系统时钟比 NTP 时间超前 5.000 s（快）"),
    ] {
        let mut h = offline_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        let now = stratum::sys::now();
        let mut t = tracking(now);
        t.system_time = correction;
        give_tracking(&mut h, now, t);
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(h.query_by_label_contains(want).is_some(), "{want}");
    }
    // A lab on its own clock: no distance to true time, a drift bound.
    let mut h = offline();
    let now = stratum::sys::now();
    let mut t = tracking(now);
    t.ref_id = stratum::core::cmdmon::LOCAL_REFID;
    t.address = None;
    t.stratum = 10;
    t.root_dispersion = 0.25;
    t.root_delay = 0.0;
    give_tracking(&mut h, now, t);
    h.state_mut().state.panel = Panel::Overview;
    h.run();
    assert!(
        h.query_by_label_contains("Serves its own clock (local stratum 10)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("it may have drifted up to 250.000 ms")
            .is_some()
    );
    assert!(h.query_by_label_contains("true time within").is_none());
}

/// A first run: chronyd has just started on its own clock and reports a root
/// dispersion of 0. That is no estimate of drift: the Overview says it has
/// just started instead of a zero bound, in both languages, and a zero on
/// the same screen reads in one unit (a residue below a nanosecond is no
/// "0 ns" beside a "0 s").
#[test]
fn a_first_run_on_its_own_clock_says_just_started_not_a_zero_bound() {
    for (lang, started, zero_bound) in [
        (
            Lang::En,
            "chronyd has just started and has no estimate of its drift yet",
            "drifted up to 0",
        ),
        (Lang::ZhCn, "chronyd 刚刚启动，尚未估计它的漂移", "漂移达 0"),
    ] {
        let mut h = offline_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        let now = stratum::sys::now();
        let mut t = tracking(now);
        t.ref_id = stratum::core::cmdmon::LOCAL_REFID;
        t.address = None;
        t.stratum = 10;
        t.root_dispersion = 0.0;
        t.root_delay = 0.0;
        t.system_time = 0.0;
        t.last_offset = -2e-10;
        t.rms_offset = 0.0;
        give_tracking(&mut h, now, t);
        // Seconds after the helper started chronyd.
        if let Some(s) = h.state_mut().state.snapshot.as_mut() {
            s.chronyd_up = Some(5.0);
        }
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(h.query_by_label_contains(started).is_some(), "{started}");
        assert!(
            h.query_by_label_contains(zero_bound).is_none(),
            "{zero_bound}"
        );
        let ns: Vec<String> = h
            .query_all_by_label_contains("0 ns")
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(ns.is_empty(), "0 ns beside 0 s: {ns:?}");
    }
}

/// A window nobody touches: on a panel that shows nothing live (Guided
/// setup, where a first run starts), the status bar says "connected" within
/// 2 s of the helper answering, and Apply becomes possible, with no input
/// event at all. Frames are drawn only when the backend asked for one.
#[test]
fn the_window_repaints_when_the_helper_answers() {
    let Some(_chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let helper = common::helper::HelperProc::start_lab(
        tmp.path(),
        "local stratum 10 orphan\nallow 127.0.0.0/8\n",
        common::lab::free_udp_port(),
    );
    let mut h = harness(App::headless(
        Settings {
            panel: "setup".into(),
            ..settings()
        },
        Backend::offline(no_waker()),
    ));
    h.run();
    assert_eq!(h.state().state.panel, Panel::Setup);
    assert!(h.query_by_label("Looking for a Stratum helper…").is_some());
    // As in the window: snapshots are not wanted on this panel, every
    // other event is.
    let wants_live = std::sync::Arc::new(stratum::gui::backend::LiveGate::new(false));
    let waker = stratum::gui::waker(h.ctx.clone(), Some(wants_live));
    let start = Instant::now();
    h.state_mut().backend = Backend::start(Some(helper.socket.clone()), None, waker);
    let mut frames = 0;
    while h.query_by_label("Connected to the helper").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "no “connected” 2 s after the helper answered ({frames} frames drawn)"
        );
        // Only the frames the backend asked for: a UI that waits for the
        // mouse would never get here.
        if h.ctx.has_requested_repaint() {
            h.step();
            frames += 1;
        } else {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    assert!(
        !h.get_by_role_and_label(Role::Button, "Apply to the lab now")
            .accesskit_node()
            .is_disabled(),
        "Apply to the lab stays disabled once connected"
    );
}

/// The Overview says when the server's NTS certificate has expired, and
/// its verdict is then the bad one; 20 days left is a warning.
#[test]
fn the_overview_shows_the_nts_certificate_and_its_end() {
    use stratum::gui::backend::Event;
    let mut h = offline();
    let now = stratum::sys::now();
    let cert = |days: i64| stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: now as i64 - 86_400 * 400,
        not_after: now as i64 + days * 86_400,
        unreadable: false,
    };
    use stratum::core::alarm::AlarmKind;
    for (days, text, alarm) in [
        (-3, "EXPIRED", AlarmKind::CertificateExpired),
        (20, "20 days left", AlarmKind::CertificateExpiring),
    ] {
        let mut snap = stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            nts_certs: vec![cert(days)],
            ..Default::default()
        };
        // As the helper judges every snapshot.
        snap.health = stratum::core::health::verdict(
            &snap,
            &stratum::core::export::alerts::Thresholds::default(),
        );
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(snap)));
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(h.query_by_label_contains(text).is_some(), "{text}");
        // The headline is the verdict's worst alarm, the certificate's,
        // as the status bar says it: the same sentence twice.
        let want = h.state().state.tr.alarm_text(&stratum::core::alarm::Alarm {
            kind: alarm,
            what: "/etc/chrony/nts/server.crt".into(),
        });
        assert_eq!(h.query_all_by_label(&want).count(), 2, "{want}");
    }
}

#[test]
fn alarms_show_in_the_status_bar_and_are_notified_once() {
    use stratum::core::alarm::{Alarm, AlarmKind, Health, HealthState};
    use stratum::gui::backend::{Command, Event};
    let mut h = offline();
    let now = stratum::sys::now();
    let snap = |alarms: Vec<Alarm>| {
        Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            health: Health {
                state: HealthState::Critical,
                alarms,
            },
            ..Default::default()
        }))
    };
    let offset = Alarm {
        kind: AlarmKind::OffsetLarge,
        what: "0.500 s".into(),
    };
    let lost = Alarm {
        kind: AlarmKind::RefclockLost,
        what: "GPS".into(),
    };
    // As the verdict orders them: the critical one first.
    h.state_mut()
        .state
        .on_event(snap(vec![lost.clone(), offset.clone()]));
    assert_eq!(
        h.state().state.notify.len(),
        2,
        "one notification per new alarm"
    );
    h.run();
    // The critical one first, the other counted.
    assert!(
        h.query_by_label_contains("2 alarms: the reference clock GPS gives no samples.")
            .is_some()
    );
    assert!(h.state().state.notify.is_empty(), "handed to the backend");
    // The same alarms again, the offset having moved: the same alarms,
    // nothing new to notify.
    let moved = Alarm {
        kind: AlarmKind::OffsetLarge,
        what: "0.612 s".into(),
    };
    h.state_mut()
        .state
        .on_event(snap(vec![lost.clone(), moved.clone()]));
    assert!(h.state().state.notify.is_empty());
    // One clears: its notification is withdrawn, the other's stays.
    h.state_mut().state.on_event(snap(vec![moved.clone()]));
    let withdrawn: Vec<_> = h.state_mut().state.notify.drain(..).collect();
    assert!(
        matches!(&withdrawn[..], [Command::Withdraw(s)] if *s == lost.subject()),
        "{withdrawn:?}"
    );
    // It comes back: notified again.
    h.state_mut()
        .state
        .on_event(snap(vec![lost.clone(), offset]));
    let again: Vec<_> = h.state_mut().state.notify.drain(..).collect();
    assert!(
        matches!(&again[..], [Command::Notify { subject, critical: true, .. }] if *subject == lost.subject()),
        "{again:?}"
    );
}

/// The app with no helper in a window of `size`.
fn offline_sized(lang: Lang, size: egui::Vec2) -> Harness<'static, App> {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let mut h = harness_sized(App::headless(settings, Backend::offline(no_waker())), size);
    let waker = stratum::gui::waker(h.ctx.clone(), None);
    h.state_mut().backend = Backend::offline(waker);
    h.run();
    h
}

fn rect_of(h: &Harness<'static, App>, label: &str) -> egui::accesskit::Rect {
    h.get_by_label(label)
        .accesskit_node()
        .bounding_box()
        .unwrap_or_else(|| panic!("{label} has no place"))
}

fn overlaps(a: egui::accesskit::Rect, b: egui::accesskit::Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

/// The Overview's plot takes the height the window has (a sensible
/// minimum at 1024×700, several times that at 1920×1080, with everything
/// below it still there), and its legend sits outside the data, in both
/// languages.
#[test]
fn the_overview_plot_takes_the_room_and_its_legend_covers_no_line() {
    use stratum::core::series::{Field as S, SeriesId};
    use stratum::gui::backend::Event;
    for lang in [Lang::En, Lang::ZhCn] {
        let mut heights = Vec::new();
        for size in [egui::vec2(1024.0, 700.0), egui::vec2(1920.0, 1080.0)] {
            let mut h = offline_sized(lang, size);
            let now = stratum::sys::now();
            give_tracking(&mut h, now, tracking(now));
            // Both lines highest at the left, where a legend in the top
            // left corner would cover them.
            let pts: Vec<(f64, f64, f64)> = (0..60)
                .map(|i| {
                    let v = 1e-5 / f64::from(i + 1);
                    (now - 295.0 + f64::from(i) * 5.0, v, v)
                })
                .collect();
            h.state_mut().state.on_event(Event::History(vec![
                (SeriesId::system(S::Correction), pts.clone()),
                (SeriesId::system(S::Error), pts),
            ]));
            h.state_mut().state.panel = Panel::Overview;
            h.run();
            let tr = stratum::i18n::Localizer::new(lang);
            let plot = rect_of(&h, &tr.tr("gui-a11y-spark"));
            for entry in ["gui-series-system-offset", "gui-stats-max-error"] {
                let legend = rect_of(&h, &tr.tr(entry));
                assert!(
                    !overlaps(legend, plot),
                    "{lang:?} {size:?}: the legend {entry} lies on the plot"
                );
            }
            heights.push(plot.y1 - plot.y0);
        }
        assert!(heights[0] >= 79.0, "{lang:?}: {heights:?} at 1024×700");
        assert!(
            heights[1] >= 3.0 * heights[0].min(120.0),
            "{lang:?}: the plot stays small at 1920×1080: {heights:?}"
        );
    }
}

/// Statistics at 1920×1080 fills the window: the deviations plot reaches
/// the lower part of the window instead of leaving half of it empty; at
/// 1024×700 it keeps its 240 points (the panel scrolls).
#[test]
fn statistics_fill_a_large_window() {
    use stratum::core::series::{Field as S, SeriesId};
    use stratum::gui::backend::{Event, StatsResult};
    for (size, lang) in [
        (egui::vec2(1920.0, 1080.0), Lang::En),
        (egui::vec2(1920.0, 1080.0), Lang::ZhCn),
        (egui::vec2(1024.0, 700.0), Lang::En),
    ] {
        let mut h = offline_sized(lang, size);
        h.state_mut().state.panel = Panel::Statistics;
        h.run();
        let window = h.state().panels.statistics.window.seconds();
        // White phase noise: deviations at every τ.
        let mut x: u64 = 7;
        let samples = (0..900)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (
                    f64::from(i),
                    ((x >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 1e-6,
                )
            })
            .collect();
        let analysis = stratum::core::stats::analyse(S::Offset, samples);
        h.state_mut()
            .state
            .on_event(Event::Stats(Box::new(StatsResult {
                series: SeriesId::system(S::Offset),
                window,
                analysis,
            })));
        h.run();
        let tr = stratum::i18n::Localizer::new(lang);
        let plot = rect_of(&h, &tr.tr("gui-a11y-deviations"));
        // Its visible part (at 1024×700 the panel scrolls to the rest).
        let tall = plot.y1 - plot.y0;
        assert!(tall >= 200.0, "{lang:?} {size:?}: {tall}");
        if size.y > 1000.0 {
            assert!(
                plot.y1 > f64::from(size.y) * 0.8,
                "{lang:?}: the plot ends at {} of {}",
                plot.y1,
                size.y
            );
        }
    }
}

/// A snapshot from the helper at `now` with only its tracking report.
fn give_tracking(
    h: &mut Harness<'static, App>,
    now: f64,
    tracking: stratum::core::cmdmon::Tracking,
) {
    h.state_mut()
        .state
        .on_event(stratum::gui::backend::Event::Snapshot(Box::new(
            stratum::ipc::Snapshot {
                time: now,
                tracking: Some(tracking),
                ..Default::default()
            },
        )));
}

/// A certificate before its start (made on a machine ahead, or a clock
/// behind): Overview and the NTS panel both say it is not valid yet and
/// from when, in English and Chinese at 1024x700 - never "days left" -
/// and the NTS panel's line is coloured as the bad one Overview shows.
#[test]
fn a_certificate_not_valid_yet_is_said_so_in_overview_and_nts() {
    use stratum::gui::backend::Event;
    let now = stratum::sys::now();
    let cert = stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: now as i64 + 10 * 86_400,
        not_after: now as i64 + 400 * 86_400,
        unreadable: false,
    };
    for (lang, says) in [(Lang::En, "NOT VALID YET"), (Lang::ZhCn, "尚未生效")] {
        let mut h = offline_sized(lang, egui::vec2(1024.0, 700.0));
        let mut snap = stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            nts_certs: vec![cert.clone()],
            ..Default::default()
        };
        snap.health = stratum::core::health::verdict(
            &snap,
            &stratum::core::export::alerts::Thresholds::default(),
        );
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(snap)));
        for panel in [Panel::Overview, Panel::Nts] {
            h.state_mut().state.panel = panel;
            h.run();
            let line = h.get_by_label_contains(says);
            let text = line.accesskit_node().label().unwrap_or_default();
            assert!(!text.contains("days left"), "{panel:?}: {text}");
            assert!(!text.contains("还剩"), "{panel:?}: {text}");
        }
    }
}
