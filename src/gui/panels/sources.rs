//! Sources and sourcestats, as chronyc shows them, with verdicts.

use super::live::rows_ui;
use crate::gui::app::AppState;

pub fn sources_ui(ui: &mut egui::Ui, st: &mut AppState) {
    if super::offline_note_ui(ui, st) {
        return;
    }
    match st.live.get("sources").cloned() {
        Some(e) => {
            rows_ui(ui, st, "sources", &e);
            for f in &e.findings {
                ui.colored_label(
                    crate::gui::app::status_color(f.severity),
                    st.tr.finding_text(e.kind, f),
                );
            }
        }
        None => {
            ui.label(st.t("gui-no-sources"));
        }
    }
    ui.add_space(10.0);
    ui.strong(st.t("gui-sourcestats"));
    if let Some(e) = st.live.get("sourcestats").cloned() {
        rows_ui(ui, st, "sourcestats", &e);
    }
}
