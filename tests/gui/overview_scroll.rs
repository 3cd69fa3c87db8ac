//! The Overview at 1024×700 on a lab helper: scrolling down to Burst /
//! Step / Refresh brings them fully into view (the plot keeps its height
//! instead of growing by what was scrolled and covering the page), and
//! what Burst did shows right under the buttons, inside the window. On
//! every chrony release, in both languages.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use stratum::gui::app::App;
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::gui::state::ActionOutcome;
use stratum::i18n::{Lang, Localizer};

use super::common;

const SIZE: egui::Vec2 = egui::vec2(1024.0, 700.0);
/// The status bar's row at the window's bottom.
const STATUS_BAR: f32 = 32.0;

fn rect_of(h: &Harness<'static, App>, role: Role, label: &str) -> egui::Rect {
    h.get_by_role_and_label(role, label).rect()
}

fn spark(h: &Harness<'static, App>, tr: &Localizer) -> Option<egui::Rect> {
    h.query_by_label(&tr.tr("gui-a11y-spark")).map(|n| n.rect())
}

fn scroll_down(h: &mut Harness<'static, App>) {
    for _ in 0..10 {
        let events = &mut h.input_mut().events;
        events.push(egui::Event::PointerMoved(egui::pos2(600.0, 350.0)));
        events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    for _ in 0..20 {
        h.step();
    }
}

fn burst_in_view(release: common::Release, lang: Lang) {
    let what = format!("chrony {} ({lang:?})", release.label);
    let tr = Localizer::new(lang);
    let tmp = tempfile::tempdir().unwrap();
    // A source for Burst to poll (a loopback port nobody answers on).
    let conf = format!(
        "local stratum 10 orphan\nallow 127.0.0.0/8\nserver 127.0.0.1 port {} iburst\n",
        common::lab::free_udp_port()
    );
    let helper = super::trust::helper_for(tmp.path(), &release, conf.as_bytes());
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let backend = Backend::start(Some(helper.socket.clone()), None, super::no_waker());
    let mut h = super::harness_sized(App::headless(settings, backend), SIZE);
    super::wait(&mut h, "the helper", &|a| a.state.may_change());
    super::trust::open(&mut h, &tr, "overview");
    // The plot comes with the second point of history.
    let start = Instant::now();
    while spark(&h, &tr).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "{what}: no plot on the Overview"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    h.step();
    let before = spark(&h, &tr).unwrap();
    let burst = tr.tr("gui-action-burst");
    scroll_down(&mut h);
    let after = spark(&h, &tr).unwrap();
    assert!(
        // A line of text more or less above it may move it a little; a plot
        // that follows the scrolling grows by hundreds of points.
        (after.height() - before.height()).abs() < 16.0,
        "{what}: scrolling changed the plot's height from {} to {}",
        before.height(),
        after.height()
    );
    let button = rect_of(&h, Role::Button, &burst);
    let bottom = SIZE.y - STATUS_BAR;
    assert!(
        button.top() >= 0.0 && button.bottom() <= bottom,
        "{what}: “{burst}” is not in view after scrolling down: {button:?}"
    );
    assert!(
        after.bottom() <= button.top(),
        "{what}: the plot {after:?} covers “{burst}” {button:?}"
    );
    h.get_by_role_and_label(Role::Button, &burst).click();
    h.step();
    super::wait(&mut h, "Burst's answer", &|a| {
        !matches!(a.state.action, Some((_, ActionOutcome::Pending)))
    });
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(
        h.state().state.action.as_ref().map(|(_, o)| o.clone()),
        Some(ActionOutcome::Done),
        "{what}: Burst did not work"
    );
    // One source with an address: chronyd polls it.
    let done = tr.tr_args(
        "gui-action-done-burst",
        &[("polled", "1"), ("unresolved", "0")],
    );
    let shown = h
        .query_by_label(&done)
        .unwrap_or_else(|| panic!("{what}: “{done}” is not shown"))
        .rect();
    assert!(
        shown.top() >= 0.0 && shown.bottom() <= bottom,
        "{what}: “{done}” is out of view: {shown:?}"
    );
    h.state_mut().backend.shutdown();
}

#[test]
fn at_1024x700_burst_is_reachable_and_its_result_shows_in_view() {
    super::trust::in_each_release_at_once(burst_in_view);
}

/// chronyd accepts a burst even when no source has an address: the window
/// says nothing can be polled and why, not that measurements are coming;
/// and after its minute the line goes.
fn burst_without_addresses(release: common::Release, lang: Lang) {
    let what = format!("chrony {} ({lang:?})", release.label);
    let tr = Localizer::new(lang);
    let tmp = tempfile::tempdir().unwrap();
    // .invalid never resolves (RFC 6761): no query leaves the machine.
    let conf = "local stratum 10 orphan\nallow 127.0.0.0/8\nserver time2.example.invalid iburst\n";
    let helper = super::trust::helper_for(tmp.path(), &release, conf.as_bytes());
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let backend = Backend::start(Some(helper.socket.clone()), None, super::no_waker());
    let mut h = super::harness_sized(App::headless(settings, backend), SIZE);
    super::wait(&mut h, "the helper", &|a| a.state.may_change());
    super::wait(&mut h, "the unresolved source", &|a| {
        a.state
            .snapshot
            .as_ref()
            .is_some_and(|s| s.sources.iter().any(|x| x.unresolved()))
    });
    super::trust::open(&mut h, &tr, "overview");
    scroll_down(&mut h);
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-action-burst"))
        .click();
    h.step();
    super::wait(&mut h, "Burst's answer", &|a| {
        !matches!(a.state.action, Some((_, ActionOutcome::Pending)))
    });
    for _ in 0..5 {
        h.step();
    }
    let promise = tr.tr_args(
        "gui-action-done-burst",
        &[("polled", "0"), ("unresolved", "1")],
    );
    assert!(
        h.query_by_label(&promise).is_none(),
        "{what}: promised measurements"
    );
    let nothing = tr.tr_args(
        "gui-action-done-burst-unresolved",
        &[("names", "time2.example.invalid")],
    );
    assert!(
        h.query_by_label(&nothing).is_some(),
        "{what}: “{nothing}” is not shown: {:?}",
        h.state().state.action
    );
    // chronyc's reply code is not the user's word (W9).
    assert!(!nothing.contains("200"), "{what}: {nothing}");
    // A minute later the line is about the past: it goes.
    h.state_mut().state.action_done_at = Instant::now().checked_sub(Duration::from_secs(61));
    for _ in 0..3 {
        h.step();
    }
    assert!(
        h.query_by_label(&nothing).is_none(),
        "{what}: still shown after its minute"
    );
    // Refresh cannot make the name resolve: not called done.
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-action-refresh"))
        .click();
    h.step();
    super::wait(&mut h, "Refresh's answer", &|a| {
        !matches!(a.state.action, Some((_, ActionOutcome::Pending)))
    });
    for _ in 0..5 {
        h.step();
    }
    assert!(
        h.query_by_label(&tr.tr("gui-action-done-refresh"))
            .is_none(),
        "{what}: a refresh that resolves nothing is called done"
    );
    let still = tr.tr_args(
        "gui-action-done-refresh-unresolved",
        &[("names", "time2.example.invalid")],
    );
    assert!(
        h.query_by_label(&still).is_some(),
        "{what}: “{still}” is not shown: {:?}",
        h.state().state.action
    );
    h.state_mut().backend.shutdown();
}

#[test]
fn burst_with_no_source_address_says_nothing_can_be_polled_and_then_goes() {
    super::trust::in_each_release_at_once(burst_without_addresses);
}
