//! The desktop app driven through its accessibility tree (egui_kittest,
//! no GPU), one module per concern under tests/gui/; this file holds what
//! they share: the harness at a size, the app offline or on a helper, and
//! waiting for the backend.

mod common;
// The window at 1024×700 by concern, one file each (tests/gui/).
#[path = "gui/chinese.rs"]
mod chinese;
#[path = "gui/conf_comments.rs"]
mod conf_comments;
#[path = "gui/export_kept.rs"]
mod export_kept;
#[path = "gui/export_notes.rs"]
mod export_notes;
#[path = "gui/export_truth.rs"]
mod export_truth;
#[path = "gui/forms.rs"]
mod forms;
#[path = "gui/guided.rs"]
mod guided;
#[path = "gui/layout.rs"]
mod layout;
#[path = "gui/narrow.rs"]
mod narrow;
#[path = "gui/pair.rs"]
mod pair;
#[path = "gui/pasted_values.rs"]
mod pasted_values;
#[path = "gui/plain_words.rs"]
mod plain_words;
#[path = "gui/roster.rs"]
mod roster;
#[path = "gui/setup_kept.rs"]
mod setup_kept;
#[path = "gui/silence.rs"]
mod silence;
#[path = "gui/small.rs"]
mod small;
#[path = "gui/text_size.rs"]
mod text_size;
#[path = "gui/tour.rs"]
mod tour;
#[path = "gui/untouched.rs"]
mod untouched;
#[path = "gui/window.rs"]
mod window;
#[path = "gui/words.rs"]
mod words;

// The window you can trust, in modules of their own (tests/gui/*.rs):
// first run and status bar, Apply, files.
#[path = "gui/files.rs"]
mod files;
#[path = "gui/first_run.rs"]
mod first_run;
#[path = "gui/no_chronyd.rs"]
mod no_chronyd;
#[path = "gui/status_bar.rs"]
mod status_bar;
#[path = "gui/trust.rs"]
mod trust;

// The rest by concern: editing panels, the Overview, live panels, the lab notes.
#[path = "gui/editing.rs"]
mod editing;
#[path = "gui/lab_notes.rs"]
mod lab_notes;
#[path = "gui/live.rs"]
mod live;
#[path = "gui/overview.rs"]
mod overview;
#[path = "gui/overview_scroll.rs"]
mod overview_scroll;
#[path = "gui/own_clock.rs"]
mod own_clock;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use stratum::gui::app::App;
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

fn settings() -> Settings {
    Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    }
}

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, egui::vec2(1200.0, 900.0))
}

/// The app in a window of `size` (logical points).
fn harness_sized(app: App, size: egui::Vec2) -> Harness<'static, App> {
    let mut fonts_done = false;
    Harness::builder().with_size(size).build_state(
        move |ctx, app: &mut App| {
            if !fonts_done {
                stratum::gui::fonts::install(ctx);
                fonts_done = true;
            }
            app.ui(ctx)
        },
        app,
    )
}

/// The app with no helper: this machine's work (lint, files) is done by
/// its backend, whose events wake the harness's context.
fn offline_with(settings: Settings) -> Harness<'static, App> {
    let mut h = harness(App::headless(settings, Backend::offline(no_waker())));
    let waker = stratum::gui::waker(h.ctx.clone(), None);
    h.state_mut().backend = Backend::offline(waker);
    h.run();
    h
}

fn offline() -> Harness<'static, App> {
    offline_with(settings())
}

fn no_waker() -> stratum::gui::backend::Waker {
    std::sync::Arc::new(|_| {})
}

/// Steps the UI until `f` holds (30 s at most).
fn wait(h: &mut Harness<'static, App>, what: &str, f: &dyn Fn(&App) -> bool) {
    let start = Instant::now();
    while !f(h.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// chronyd's tracking report for a server synchronised to 10.0.0.1.
fn tracking(now: f64) -> stratum::core::cmdmon::Tracking {
    stratum::core::cmdmon::Tracking {
        ref_id: 0x0a00_0001,
        address: Some("10.0.0.1".parse().unwrap()),
        stratum: 2,
        leap_status: 0,
        ref_time: now - 12.0,
        system_time: 2.5e-6,
        last_offset: 1e-6,
        rms_offset: 2e-6,
        frequency_ppm: -3.0,
        residual_freq_ppm: 0.0,
        skew_ppm: 0.05,
        root_delay: 4e-4,
        root_dispersion: 1e-4,
        update_interval: 16.0,
    }
}
