//! The window at 1024×700 as the words, language, pair and small-things
//! tests drive it: harnesses (offline, or on a real lab helper), what the
//! window shows as text (its AccessKit tree), and a lab rich enough to fill
//! every live panel (an upstream, a source that never answers, a client).

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

use crate::common;

/// The smallest window the project supports.
pub const SIZE: egui::Vec2 = egui::vec2(1024.0, 700.0);

pub fn settings(lang: Lang) -> Settings {
    Settings {
        lang: Some(lang),
        ..Settings::default()
    }
}

pub fn harness(app: App) -> Harness<'static, App> {
    let mut fonts_done = false;
    Harness::builder().with_size(SIZE).build_state(
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

/// The window with no helper (this machine's work done by its backend).
pub fn offline(lang: Lang) -> Harness<'static, App> {
    let quiet: stratum::gui::backend::Waker = std::sync::Arc::new(|_| {});
    let mut h = harness(App::headless(settings(lang), Backend::offline(quiet)));
    let waker = stratum::gui::waker(h.ctx.clone(), None);
    h.state_mut().backend = Backend::offline(waker);
    h.run_ok();
    h
}

/// The window talking to the helper at `socket`.
pub fn live(lang: Lang, socket: &std::path::Path) -> Harness<'static, App> {
    let quiet: stratum::gui::backend::Waker = std::sync::Arc::new(|_| {});
    let backend = Backend::start(Some(socket.to_path_buf()), None, quiet);
    harness(App::headless(settings(lang), backend))
}

/// Steps the UI until `f` holds (`limit` at most).
pub fn wait_until(
    h: &mut Harness<'static, App>,
    limit: Duration,
    what: &str,
    f: &dyn Fn(&App) -> bool,
) {
    let start = Instant::now();
    while !f(h.state()) {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Opens `panel` and lets it settle (Apply's check comes from the
/// backend first).
pub fn show(h: &mut Harness<'static, App>, panel: Panel) {
    h.state_mut().state.panel = panel;
    h.step();
    if panel == Panel::Apply {
        wait_until(h, Duration::from_secs(30), "the lint", &|a| {
            a.state.lint.diagnostics.is_some()
        });
    }
    h.run_steps(3);
}

/// Every text the window shows now, one per node: a label's text, a
/// control's name. A text field's content is what the user typed (or a
/// file's text), not the window's words: only its name counts.
pub fn shown_texts(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all(By::new())
        .filter_map(|n| {
            let a = n.accesskit_node();
            match a.role() {
                Role::Label => a.value(),
                _ => a.label(),
            }
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// A lab whose live panels all have something to show: a helper serving
/// its own chronyd (the release's), following an upstream on loopback and
/// a second source that never answers, with a client polling it.
pub struct RichLab {
    pub helper: common::helper::HelperProc,
    _client: common::lab::Chronyd,
    _up: common::lab::Chronyd,
    _dir: tempfile::TempDir,
}

impl RichLab {
    pub fn start(release: &common::Release) -> RichLab {
        let dir = tempfile::tempdir().unwrap();
        let up = common::lab::Chronyd::upstream(&release.chronyd, dir.path());
        let ntp_port = common::lab::free_udp_port();
        let dead = common::lab::free_udp_port();
        let config = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\n\
             server 127.0.0.2 port {dead} iburst minpoll -2 maxpoll -1\n\
             allow 127.0.0.0/8\nlocal stratum 10 orphan\nmakestep 1 3\n",
            up.port
        );
        let chronyd = release.chronyd.display().to_string();
        let helper = common::helper::HelperProc::start_lab_with(
            dir.path(),
            &config,
            ntp_port,
            &["--chronyd", &chronyd],
        );
        let client = common::lab::Chronyd::start(
            &release.chronyd,
            dir.path(),
            "client",
            &format!("server 127.0.0.1 port {ntp_port} iburst minpoll -2 maxpoll -1"),
        );
        let lab = RichLab {
            helper,
            _client: client,
            _up: up,
            _dir: dir,
        };
        // Synchronised to the upstream, the client counted.
        let ready = common::lab::wait_for(Duration::from_secs(30), || {
            let s = lab.helper.snapshot();
            let synced = s
                .tracking
                .as_ref()
                .is_some_and(|t| t.address.is_some_and(|a| a.to_string() == "127.0.0.1"));
            (synced && !s.clients.is_empty() && s.sources.len() >= 2).then_some(())
        });
        assert!(
            ready.is_some(),
            "chrony {}: the lab did not synchronise and serve its client: {:?}\n{}",
            release.label,
            lab.helper.snapshot(),
            lab.helper.log_text()
        );
        lab
    }
}
