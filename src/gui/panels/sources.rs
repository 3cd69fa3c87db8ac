//! Sources, sourcestats and authdata, as chronyc shows them, with verdicts.

use crate::core::explain::{Explained, Field, FieldId, Kind};
use crate::gui::state::AppState;
use crate::gui::widgets::rows_ui;

/// Shows only what the window knows: no state of its own.
#[derive(Default)]
pub struct Form;

pub fn sources_ui(ui: &mut egui::Ui, st: &mut AppState) {
    if crate::gui::widgets::offline_note_ui(ui, st) {
        return;
    }
    match st.live.get(&Kind::ChronycSources).cloned() {
        Some(e) => {
            rows_ui(ui, st, "sources", &e);
            for f in &e.findings {
                crate::gui::widgets::command_text_ui(
                    ui,
                    &st.tr.finding_text(e.kind, f),
                    crate::gui::state::status_color(f.severity),
                    None,
                );
            }
        }
        None => {
            ui.label(st.t("gui-no-sources"));
        }
    }
    ui.add_space(10.0);
    ui.strong(st.t("gui-sourcestats"));
    if let Some(e) = st.live.get(&Kind::ChronycSourcestats).cloned() {
        rows_ui(ui, st, "sourcestats", &e);
    }
    // Why each source is or is not selected, in chronyd's words; how each
    // is authenticated (NTS, a key, none), which chronyd tells only those
    // who may read its configuration. Each with its findings.
    for (kind, title, table) in [
        (Kind::ChronycSelectdata, "gui-selectdata", "selectdata"),
        (Kind::ChronycAuthdata, "gui-authdata", "authdata"),
    ] {
        if let Some(e) = st.live.get(&kind).cloned() {
            ui.add_space(10.0);
            ui.strong(st.t(title));
            rows_ui(ui, st, table, &e);
            if kind == Kind::ChronycSelectdata {
                unlisted_ui(ui, st, &e);
            }
            for f in &e.findings {
                ui.colored_label(
                    crate::gui::state::status_color(f.severity),
                    st.tr.finding_text(e.kind, f),
                );
            }
        }
    }
}

/// The sources selectdata leaves out: chronyd lists only sources with an
/// address, so a name that does not resolve has no row there. Said, so
/// the table does not read as every source.
fn unlisted_ui(ui: &mut egui::Ui, st: &AppState, select: &Explained) {
    let Some(sources) = st.live.get(&Kind::ChronycSources) else {
        return;
    };
    let address = |row: &[Field]| {
        row.iter()
            .find(|f| f.name == FieldId::Address)
            .map(|f| f.raw.clone())
    };
    let listed: Vec<String> = select.rows.iter().filter_map(|r| address(r)).collect();
    let missing: Vec<String> = sources
        .rows
        .iter()
        .filter_map(|r| address(r))
        .filter(|a| !listed.contains(a))
        .collect();
    if !missing.is_empty() {
        ui.label(st.ta(
            "gui-selectdata-unlisted",
            &[
                ("count", missing.len().to_string()),
                ("sources", missing.join(", ")),
            ],
        ));
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        sources_ui(ui, st);
    }
}
