//! A first run, left alone: the window finds no helper, starts a lab
//! helper of its own in a fresh directory, which starts its chronyd. For
//! 15 s nobody touches anything and frames come only when the backend asks
//! for them, as in the real window on its first panel (Guided setup, which
//! shows no live data). The status bar must say each step as progress,
//! never show a fault (nothing is wrong on a first run), never an error
//! without its reason, and end on "Lab helper running" — on every chrony
//! release, in both languages.

use std::sync::Arc;
use std::time::{Duration, Instant};

use stratum::gui::app::{App, Tone, connection_line};
use stratum::gui::backend::{Backend, Launch, LiveGate};
use stratum::gui::settings::Settings;
use stratum::i18n::{Lang, Localizer};

use super::common;

const LEFT_ALONE: Duration = Duration::from_secs(15);

fn first_run(release: common::Release, lang: Lang) {
    let label = format!("chrony {} ({lang:?})", release.label);
    let tmp = tempfile::tempdir().unwrap();
    let tr = Localizer::new(lang);
    // A first start: default settings (Guided setup), nothing in the lab's
    // directory yet.
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let app = App::headless(settings, Backend::offline(super::no_waker()));
    let mut h = super::harness_sized(app, egui::vec2(1024.0, 700.0));
    let gate = Arc::new(LiveGate::new(true));
    let waker = stratum::gui::waker(h.ctx.clone(), Some(Arc::clone(&gate)));
    h.state_mut().wants_live = Some(gate);
    h.state_mut().backend = Backend::launch(
        Launch {
            chronyd: Some(release.chronyd.clone()),
            helper: Some(env!("CARGO_BIN_EXE_stratum-helper").into()),
            lab_dir: Some(tmp.path().to_path_buf()),
            ntp_port: Some(common::lab::free_udp_port()),
            ..Launch::default()
        },
        waker,
    );
    let progress: Vec<String> = [
        "gui-conn-looking",
        "gui-conn-starting-lab",
        "gui-conn-first-poll",
        "gui-conn-chronyd-starting",
    ]
    .iter()
    .map(|k| tr.tr(k))
    .collect();
    let running = tr.tr("gui-conn-started-lab");
    let mut seen: Vec<String> = Vec::new();
    let mut connected_at = None;
    let start = Instant::now();
    // The first frame, then only the frames the window asks for: nobody
    // moves the mouse.
    let mut frame_due = true;
    while start.elapsed() < LEFT_ALONE {
        if !frame_due && !h.ctx.has_requested_repaint() {
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        frame_due = false;
        h.step();
        let (tone, text, _) = connection_line(&h.state().state);
        assert!(
            matches!(tone, Tone::Progress | Tone::Ok),
            "{label}: a fault on a first run: “{text}” (after {seen:?})"
        );
        let labels = super::status_bar::status_labels(&h);
        assert!(
            labels.iter().any(|(t, _)| *t == text),
            "{label}: the status bar does not show “{text}”: {labels:?}"
        );
        for (t, _) in &labels {
            assert!(
                !t.trim_end().ends_with(':') && !t.trim_end().ends_with('：'),
                "{label}: “{t}” has no reason after its colon"
            );
        }
        if seen.last() != Some(&text) {
            seen.push(text.clone());
        }
        if text == running && connected_at.is_none() {
            connected_at = Some(start.elapsed());
        }
        if connected_at.is_some() {
            assert_eq!(text, running, "{label}: back from running to “{text}”");
        }
    }
    let when = connected_at.unwrap_or_else(|| {
        panic!("{label}: not running after {LEFT_ALONE:?}; the status bar said {seen:?}")
    });
    for t in &seen {
        assert!(
            progress.contains(t) || *t == running,
            "{label}: “{t}” is neither a step of the start nor running ({seen:?})"
        );
    }
    assert!(
        seen.iter().any(|t| progress.contains(t)),
        "{label}: no step of the start was shown ({seen:?})"
    );
    assert!(
        h.state()
            .state
            .snapshot
            .as_ref()
            .is_some_and(|s| s.tracking.is_some()),
        "{label}: running without chronyd's tracking"
    );
    eprintln!("{label}: running after {when:?}, said {seen:?}");
    h.state_mut().backend.shutdown();
}

#[test]
fn a_first_run_left_alone_shows_its_steps_and_ends_running() {
    // Each release in its own lab at once (the 15 s are waited once), the
    // languages taking turns.
    super::trust::in_each_release_at_once(first_run);
}
