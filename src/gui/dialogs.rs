//! Files for the user: native file dialogs through the desktop portal
//! (rfd's xdg-portal backend: D-Bus, no GTK) beside every path field, the
//! save row every panel uses, and what became of each save or import. The
//! dialog runs on its own thread and the files are written by the
//! backend: no frame waits for either. Where no portal answers (no
//! desktop, a bare X server) the field is the way to give a path, and a
//! note says so.
//!
//! A path typed in the field never replaces a file silently: the backend
//! finds it there, and the user is asked. The desktop's Save dialog asks
//! that itself, so its choice is written at once.

use crate::gui::widgets::DisabledHover;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::core::explain::Status;
use crate::gui::backend::{Contents, RequestId};
use crate::gui::state::{AppState, FileState, status_color};

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
/// the choice in the field; the path chosen (in the frame it arrives).
pub fn browse_ui(
    ui: &mut egui::Ui,
    st: &AppState,
    pick: Pick,
    suggested: &str,
    path: &mut String,
) -> Option<PathBuf> {
    let id = ui.id().with(("browse", suggested));
    let slot: Option<Slot> = ui.data_mut(|d| d.get_temp(id));
    let mut chosen = None;
    if let Some(s) = &slot {
        let done = s.lock().map(|mut g| g.take()).unwrap_or(None);
        match done {
            Some(Some(p)) => {
                *path = p.display().to_string();
                ui.data_mut(|d| d.remove::<Slot>(id));
                chosen = Some(p);
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
        .disabled_hover_text(st.t("gui-browse-no-portal"));
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
    chosen
}

/// Where a screenshot the user asked for goes (the Plots panel's PNG): the
/// request that writes it (its outcome shows where they clicked), and
/// whether an existing file may be replaced.
pub struct ShotTarget {
    pub id: RequestId,
    pub path: PathBuf,
    pub overwrite: bool,
}

/// A save row's path and its last save.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SaveField {
    pub path: String,
    /// The request of the last save from this row (its outcome shows).
    pub last: Option<RequestId>,
    /// What the last save from this row wrote.
    pub saved: Option<Vec<u8>>,
    /// Set by the panel: what it would save now differs from `saved`
    /// (a "Saved" would say the file is current when it is not).
    pub changed: bool,
    /// The path whose file `saved` was read from at start (a path kept
    /// from an earlier run): a file there that differs from the preview
    /// is flagged though this run saved nothing.
    pub on_disk: Option<String>,
}

/// The most of a remembered file read back to compare with the preview:
/// an export is a few KiB, a larger file is not one.
const READ_BACK_CAP: u64 = 256 * 1024;

impl SaveField {
    /// A field for `path` kept from an earlier run, with what the file
    /// there holds now (nothing if it is missing, unreadable or larger
    /// than an export can be).
    pub fn remembered(path: &str) -> SaveField {
        use std::io::Read;
        let mut bytes = Vec::new();
        let read = std::fs::File::open(path.trim())
            .and_then(|f| f.take(READ_BACK_CAP + 1).read_to_end(&mut bytes));
        let fits = read.is_ok() && (bytes.len() as u64) <= READ_BACK_CAP;
        SaveField {
            path: path.to_string(),
            saved: fits.then_some(bytes),
            on_disk: fits.then(|| path.trim().to_string()),
            ..SaveField::default()
        }
    }
}

/// What a save row writes.
pub enum Payload<'a> {
    /// These bytes, made (from the window's state) only when the user
    /// saves.
    Bytes(&'a dyn Fn(&AppState) -> Vec<u8>),
    /// A picture of the window (taken in the next frame).
    Screenshot,
}

/// A path field named `label` (a message id) with `suggested` as its
/// hint, the desktop's Save dialog and a save button (`button`: its
/// message id); the outcome, or the question whether to replace a file
/// that is there, below it.
pub fn save_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    field: &mut SaveField,
    (label, suggested): (&str, &str),
    button: &str,
    payload: Payload<'_>,
) {
    ui.horizontal(|ui| {
        let name = ui.label(st.t(label));
        let typed = ui
            .add(
                egui::TextEdit::singleline(&mut field.path)
                    .id_salt(("save-path", label))
                    .hint_text(suggested)
                    .desired_width(240.0),
            )
            .labelled_by(name.id);
        // Enter in the path saves, as the button does (a file already
        // there is still asked about).
        let entered = typed.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        // The dialog's Save writes at once: the dialog has asked about
        // replacing a file already.
        if let Some(p) = browse_ui(ui, st, Pick::Save, suggested, &mut field.path) {
            field.last = Some(save(ui.ctx(), st, &payload, p, true, &mut field.saved));
        }
        let named = !field.path.trim().is_empty();
        if ui
            .add_enabled(named, egui::Button::new(st.t(button)))
            .clicked()
            || (entered && named)
        {
            let path = PathBuf::from(field.path.trim());
            field.last = Some(save(ui.ctx(), st, &payload, path, false, &mut field.saved));
        }
    });
    let written = field.last.and_then(|id| match st.file_state(id) {
        Some(FileState::Written(p)) => Some(p.clone()),
        _ => None,
    });
    match written {
        Some(p) if field.changed => {
            ui.colored_label(
                status_color(Status::Warn),
                st.ta(
                    "gui-file-changed-since",
                    &[("path", p.display().to_string())],
                ),
            );
        }
        // A file kept from an earlier run that is not what the preview
        // says now: trusting the remembered path would be wrong.
        _ if field.last.is_none()
            && field.changed
            && field.on_disk.as_deref() == Some(field.path.trim()) =>
        {
            ui.colored_label(
                status_color(Status::Warn),
                st.ta(
                    "gui-file-not-current",
                    &[("path", field.path.trim().to_string())],
                ),
            );
        }
        _ => {
            // "Replace" writes what the row would save now, not what it
            // would have saved when the question came up: the preview
            // may have changed while the question was open.
            let exists = field.last.and_then(|id| match st.file_state(id) {
                Some(FileState::Exists { path, .. }) => Some(path.clone()),
                _ => None,
            });
            match (exists, &payload) {
                (Some(path), Payload::Bytes(_)) => match exists_ui(ui, st, &path) {
                    Some(true) => {
                        field.last =
                            Some(save(ui.ctx(), st, &payload, path, true, &mut field.saved));
                    }
                    Some(false) => field.last = None,
                    None => {}
                },
                _ => outcome_ui(ui, st, &mut field.last),
            }
        }
    }
}

/// The question whether to replace the file at `path`: Some(true) when
/// Replace was pressed, Some(false) for Cancel.
fn exists_ui(ui: &mut egui::Ui, st: &AppState, path: &std::path::Path) -> Option<bool> {
    ui.colored_label(
        status_color(Status::Warn),
        st.ta("gui-file-exists", &[("path", path.display().to_string())]),
    );
    ui.horizontal(|ui| {
        if ui.button(st.t("gui-file-replace")).clicked() {
            Some(true)
        } else if ui.button(st.t("gui-cancel")).clicked() {
            Some(false)
        } else {
            None
        }
    })
    .inner
}

fn save(
    ctx: &egui::Context,
    st: &mut AppState,
    payload: &Payload<'_>,
    path: PathBuf,
    overwrite: bool,
    saved: &mut Option<Vec<u8>>,
) -> RequestId {
    match payload {
        Payload::Bytes(make) => {
            let bytes = make(st);
            *saved = Some(bytes.clone());
            st.save_file(path, Contents::Bytes(bytes), overwrite)
        }
        Payload::Screenshot => {
            let id = st.reserve_request();
            st.expect_file(id, path.clone());
            let target = ShotTarget {
                id,
                path,
                overwrite,
            };
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::new(
                target,
            )));
            id
        }
    }
}

/// What became of the file request `last`: saving, saved, imported, why
/// not, or (something is at that path) Replace or Cancel.
pub fn outcome_ui(ui: &mut egui::Ui, st: &mut AppState, last: &mut Option<RequestId>) {
    let Some(state) = last.and_then(|id| st.file_state(id).cloned()) else {
        return;
    };
    let path_arg = |p: &PathBuf| [("path", p.display().to_string())];
    match state {
        FileState::Writing(p) => {
            ui.weak(st.ta("gui-file-saving", &path_arg(&p)));
        }
        FileState::Reading(p) => {
            ui.weak(st.ta("gui-file-reading", &path_arg(&p)));
        }
        FileState::Written(p) => {
            ui.colored_label(
                status_color(Status::Ok),
                st.ta("gui-file-saved", &path_arg(&p)),
            );
        }
        FileState::Read(p) => {
            ui.colored_label(
                status_color(Status::Ok),
                st.ta("gui-file-imported", &path_arg(&p)),
            );
        }
        FileState::Failed(text) => {
            ui.colored_label(status_color(Status::Bad), text);
        }
        FileState::Exists { path, contents } => match exists_ui(ui, st, &path) {
            Some(true) => *last = Some(st.save_file(path, contents, true)),
            Some(false) => *last = None,
            None => {}
        },
    }
}
