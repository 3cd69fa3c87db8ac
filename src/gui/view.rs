//! A panel: a type that owns its own state (form fields, choices) and draws
//! itself from the window's shared state, sending commands to the backend
//! rather than doing IO (egui's demo app and rerun's viewer work this way).

use super::backend::Command;
use super::state::AppState;

pub trait View {
    /// Draws the panel. `st` is what every panel shares (the snapshot, the
    /// configuration being edited, settings, language); anything slow or
    /// touching files goes into `commands`.
    fn ui(&mut self, ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>);
}
