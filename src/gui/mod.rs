//! The desktop app (eframe/egui). `run` opens the window; all IO happens
//! on the backend thread.

pub mod app;
pub mod backend;
pub mod dialogs;
pub mod fonts;
pub mod help;
pub mod notify;
pub mod ops;
pub mod panels;
pub mod requests;
pub mod screenshots;
pub mod settings;
pub mod state;
pub mod view;
pub mod widgets;
pub mod zoom;

pub use backend::waker;

use std::process::ExitCode;
use std::sync::Arc;

use app::App;
use backend::Backend;
use settings::Settings;

/// Logs go to a file in the data dir (there is no terminal for a desktop
/// app).
fn init_logging() {
    let dir = crate::ipc::paths::user_data_dir();
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("stratum.log"))
    {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::sync::Mutex::new(file))
            .with_ansi(false)
            .try_init();
    }
}

/// Opens the window.
pub fn run() -> ExitCode {
    init_logging();
    let settings = Settings::load();
    let socket = std::env::var_os("STRATUM_SOCKET")
        .map(std::path::PathBuf::from)
        .or_else(|| settings.socket.clone().map(Into::into));
    let chronyd = settings.chronyd.clone().map(std::path::PathBuf::from);
    // The screenshot robot's window has the size it photographs at.
    let robot = screenshots::robot_size();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Stratum")
            .with_app_id("org.stratum.Stratum")
            .with_inner_size(robot.map_or([1100.0, 760.0], |s| s.points())),
        // Window size and position come back on the next start.
        persist_window: robot.is_none(),
        // Dithering runs in the fragment shader for every pixel of every
        // frame: measurable on software GL (a VM, a remote desktop), and
        // invisible on a panel of text and lines.
        dithering: false,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Stratum",
        options,
        Box::new(move |cc| {
            let ctx = cc.egui_ctx.clone();
            // Snapshots arrive every second; a panel that shows nothing
            // live does not need a frame for them (they wait in the
            // channel until the next frame). Every other event repaints.
            let wants_live = Arc::new(backend::LiveGate::new(true));
            let waker = backend::waker(ctx, Some(Arc::clone(&wants_live)));
            let lang = settings.lang.unwrap_or_else(crate::i18n::Lang::from_env);
            let how = backend::Launch {
                socket,
                chronyd,
                lang: Some(lang),
                ..backend::Launch::default()
            };
            let backend = Backend::launch(how.clone(), waker);
            let mut app = App::new(&cc.egui_ctx, settings, backend);
            app.launch = Some(how);
            app.wants_live = Some(wants_live);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let tr = crate::i18n::Localizer::new(crate::i18n::Lang::from_env());
            eprintln!(
                "stratum: {}",
                tr.tr_args("gui-cannot-open", &[("reason", e.to_string())])
            );
            ExitCode::from(2)
        }
    }
}
