//! A first run where no chronyd is found (a lab machine without the chrony
//! package and no network to install it from): the status bar and the
//! Overview name Settings' chronyd path besides the package, the greyed
//! "Apply to the lab now" says why on hover, and a chronyd path entered in
//! Settings starts the lab helper at once, without restarting the window,
//! after which the "not installed" messages are gone. At 1024×700, on every
//! chrony release, in both languages.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratum::gui::app::App;
use stratum::gui::backend::{Backend, Launch, LiveGate};
use stratum::gui::settings::Settings;
use stratum::gui::state::Connection;
use stratum::i18n::{Lang, Localizer};

use super::common;

/// Steps the window (frames as the backend asks, and a few of its own)
/// until `f` holds; panics after `limit` with `what`.
fn until(h: &mut Harness<'static, App>, limit: Duration, what: &str, f: &dyn Fn(&App) -> bool) {
    let start = Instant::now();
    while !f(h.state()) {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.step();
}

fn open(h: &mut Harness<'static, App>, tr: &Localizer, panel: &str) {
    h.get_by_label(&tr.tr(panel)).click_accesskit();
    h.step();
    h.step();
}

fn no_chronyd_then_a_path(release: common::Release, lang: Lang) {
    let label = format!("chrony {} ({lang:?})", release.label);
    let tmp = tempfile::tempdir().unwrap();
    let tr = Localizer::new(lang);
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let app = App::headless(settings, Backend::offline(super::no_waker()));
    let mut h = super::harness_sized(app, egui::vec2(1024.0, 700.0));
    h.ctx.style_mut(|s| s.interaction.tooltip_delay = 0.0);
    let gate = Arc::new(LiveGate::new(true));
    let waker = stratum::gui::waker(h.ctx.clone(), Some(Arc::clone(&gate)));
    h.state_mut().wants_live = Some(gate);
    // No chronyd where the helper looks: as on a machine without the
    // package (the helper is told a path that does not exist, so the
    // chronyd installed on this test machine is not found instead).
    h.state_mut().launch(
        Launch {
            chronyd: Some(tmp.path().join("not-installed/chronyd")),
            helper: Some(env!("CARGO_BIN_EXE_stratum-helper").into()),
            lab_dir: Some(tmp.path().join("lab")),
            ntp_port: Some(common::lab::free_udp_port()),
            lang: Some(lang),
            ..Launch::default()
        },
        waker,
    );
    until(&mut h, Duration::from_secs(30), "the failed start", &|a| {
        matches!(a.state.connection, Connection::Offline { .. })
    });
    let missing = tr.tr("helper-no-chronyd");
    let settings_word = tr.tr("gui-panel-settings");
    assert!(
        missing.contains(&settings_word) && missing.contains("chronyd"),
        "{label}: “{missing}” does not name Settings, chronyd"
    );
    let bar = super::status_bar::status_labels(&h);
    assert!(
        bar.iter().any(|(t, _)| t.contains(&missing)),
        "{label}: the status bar does not say “{missing}”: {bar:?}"
    );
    // The greyed Apply of Guided setup says why.
    h.get_by_label(&tr.tr("gui-setup-apply")).hover();
    h.step();
    h.step();
    let why = tr.tr("gui-setup-apply-no-helper");
    assert!(
        h.query_by_label(&why).is_some(),
        "{label}: no reason on hovering the greyed “{}”",
        tr.tr("gui-setup-apply")
    );
    // Guided's orphan line: the 300 s wait is a chrony 4.7+ behaviour, and
    // no release is claimed for a chronyd nobody knows.
    let latest = format!("chrony {} ", stratum::core::conf::ChronyVersion::LATEST);
    let unknown = tr.tr_args(
        "lint-orphan-waits-unknown",
        &[("seconds", "300".to_string())],
    );
    let unknown_head: String = unknown.chars().take(14).collect();
    match h.state().state.known_chrony_version() {
        None => {
            assert!(
                h.query_all_by_label_contains(&latest).next().is_none(),
                "{label}: a release is claimed with no chronyd"
            );
            if h.query_all_by_label_contains("orphan").next().is_some() {
                assert!(
                    h.query_all_by_label_contains(&unknown_head)
                        .next()
                        .is_some(),
                    "{label}: the orphan wait does not say “{unknown_head}”"
                );
            }
        }
        Some(v) if v < stratum::core::conf::ChronyVersion::new(4, 7) => {
            assert!(
                h.query_all_by_label_contains(&unknown_head)
                    .next()
                    .is_none()
            );
            assert!(
                h.query_all_by_label_contains("waitunsynced")
                    .next()
                    .is_none()
            );
        }
        Some(_) => {}
    }
    open(&mut h, &tr, "gui-panel-overview");
    let offline = tr.tr("gui-offline-help");
    assert!(offline.contains(&settings_word), "{label}: “{offline}”");
    assert!(
        h.query_by_label(&offline).is_some(),
        "{label}: the Overview does not say “{offline}”"
    );
    // The user enters a chronyd binary that is elsewhere and presses Enter.
    open(&mut h, &tr, "gui-panel-settings");
    let path_label = tr.tr("gui-chronyd-path");
    h.get_by_role_and_label(Role::TextInput, &path_label)
        .focus();
    h.step();
    h.get_by_role_and_label(Role::TextInput, &path_label)
        .type_text(&release.chronyd.display().to_string());
    h.step();
    h.key_press(egui::Key::Enter);
    h.step();
    assert_eq!(
        h.state().state.settings.chronyd.as_deref(),
        Some(release.chronyd.display().to_string().as_str()),
        "{label}: the path was not taken"
    );
    until(
        &mut h,
        Duration::from_secs(40),
        &format!("{label}: the lab helper started with the chosen chronyd"),
        &|a| {
            matches!(a.state.connection, Connection::Connected { .. })
                && a.state
                    .snapshot
                    .as_ref()
                    .is_some_and(|s| s.tracking.is_some())
        },
    );
    assert_eq!(
        h.state()
            .state
            .info
            .as_ref()
            .and_then(|i| i.chronyd_path.clone()),
        Some(release.chronyd.display().to_string()),
        "{label}: the helper runs another chronyd"
    );
    let bar = super::status_bar::status_labels(&h);
    assert!(
        bar.iter().any(|(t, _)| *t == tr.tr("gui-conn-started-lab")),
        "{label}: the status bar does not say the lab helper runs: {bar:?}"
    );
    assert!(
        !bar.iter().any(|(t, _)| t.contains(&missing)),
        "{label}: “{missing}” stays in the status bar: {bar:?}"
    );
    open(&mut h, &tr, "gui-panel-overview");
    assert!(
        h.query_by_label(&offline).is_none(),
        "{label}: the Overview still says “{offline}”"
    );
    h.state_mut().backend.shutdown();
}

#[test]
fn with_no_chronyd_the_window_names_settings_and_starts_once_a_path_is_entered() {
    super::trust::in_each_release_at_once(no_chronyd_then_a_path);
}
