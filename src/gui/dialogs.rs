//! Native file dialogs through the desktop portal (rfd's xdg-portal
//! backend: D-Bus, no GTK), beside every path field. The dialog runs on its
//! own thread; the chosen path lands in the field. Where no portal answers
//! (no desktop, a bare X server) the field stays the way to give a path,
//! and a note says so.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::gui::state::AppState;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Open,
    Save,
}

/// What the dialog thread hands back: a path, or nothing chosen.
type Slot = Arc<Mutex<Option<Option<PathBuf>>>>;

/// Whether a desktop portal can be asked at all (a session bus).
pub fn portal_possible() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
}

/// A "Browse…" button for `path`: opens the desktop's file dialog and puts
/// the choice in the field.
pub fn browse_ui(ui: &mut egui::Ui, st: &AppState, pick: Pick, suggested: &str, path: &mut String) {
    let id = ui.id().with(("browse", suggested));
    let slot: Option<Slot> = ui.data_mut(|d| d.get_temp(id));
    if let Some(s) = &slot {
        let done = s.lock().map(|mut g| g.take()).unwrap_or(None);
        match done {
            Some(Some(p)) => {
                *path = p.display().to_string();
                ui.data_mut(|d| d.remove::<Slot>(id));
            }
            Some(None) => {
                ui.data_mut(|d| {
                    d.remove::<Slot>(id);
                    d.insert_temp(id.with("none"), true);
                });
            }
            None => {
                // Still open: look again soon.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(200));
            }
        }
    }
    let possible = portal_possible();
    let button = ui
        .add_enabled(
            possible && slot.is_none(),
            egui::Button::new(st.t("gui-browse")),
        )
        .on_disabled_hover_text(st.t("gui-browse-no-portal"));
    if button.clicked() {
        let s: Slot = Arc::new(Mutex::new(None));
        let out = Arc::clone(&s);
        let name = suggested.to_string();
        let ctx = ui.ctx().clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_file_name(&name);
            let chosen = match pick {
                Pick::Open => dialog.pick_file(),
                Pick::Save => dialog.save_file(),
            };
            if let Ok(mut g) = out.lock() {
                *g = Some(chosen);
            }
            ctx.request_repaint();
        });
        ui.data_mut(|d| d.insert_temp(id, s));
    }
    let nothing: bool = ui.data_mut(|d| d.get_temp(id.with("none")).unwrap_or(false));
    if nothing {
        ui.weak(st.t("gui-browse-nothing"));
    }
}
