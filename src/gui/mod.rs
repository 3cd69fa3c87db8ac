//! The desktop app (eframe/egui). `run` opens the window; all IO happens
//! on the backend thread.

pub mod app;
pub mod backend;
pub mod dialogs;
pub mod fonts;
pub mod panels;
pub mod settings;

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

/// Saves screenshots the app asked for (PNG export, screenshot runs).
pub fn save_screenshots(ctx: &egui::Context) {
    let shots: Vec<(Arc<egui::ColorImage>, egui::UserData)> = ctx.input(|i| {
        i.raw
            .events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Screenshot {
                    image, user_data, ..
                } => Some((image.clone(), user_data.clone())),
                _ => None,
            })
            .collect()
    });
    for (image, data) in shots {
        let Some(path) = data
            .data
            .as_ref()
            .and_then(|d| d.downcast_ref::<String>())
            .cloned()
        else {
            continue;
        };
        if let Err(e) = write_png(&path, &image) {
            tracing::warn!("screenshot {path}: {e}");
        }
    }
}

pub fn write_png(path: &str, image: &egui::ColorImage) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut enc = png::Encoder::new(
        std::io::BufWriter::new(file),
        image.size[0] as u32,
        image.size[1] as u32,
    );
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(std::io::Error::other)?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    w.write_image_data(&bytes).map_err(std::io::Error::other)
}

/// Opens the window.
pub fn run() -> ExitCode {
    init_logging();
    let settings = Settings::load();
    let socket = std::env::var_os("STRATUM_SOCKET")
        .map(std::path::PathBuf::from)
        .or_else(|| settings.socket.clone().map(Into::into));
    let chronyd = settings.chronyd.clone().map(std::path::PathBuf::from);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Stratum")
            .with_app_id("org.stratum.Stratum")
            .with_inner_size([1100.0, 760.0]),
        // Window size and position come back on the next start.
        persist_window: true,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Stratum",
        options,
        Box::new(move |cc| {
            let ctx = cc.egui_ctx.clone();
            // Snapshots arrive every second; a panel that shows nothing
            // live does not need a frame for them (the events wait in the
            // channel until the next frame).
            let wants_live = Arc::new(std::sync::atomic::AtomicBool::new(true));
            let flag = Arc::clone(&wants_live);
            let waker: backend::Waker = Arc::new(move || {
                if flag.load(std::sync::atomic::Ordering::Relaxed) {
                    // egui answers request_repaint() with two frames (one
                    // to settle); a non-zero delay gets one, and egui
                    // subtracts the frame time so it still comes at once.
                    ctx.request_repaint_after(std::time::Duration::from_millis(1));
                }
            });
            let backend = Backend::start(socket, chronyd, waker);
            let mut app = App::new(&cc.egui_ctx, settings, backend);
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
