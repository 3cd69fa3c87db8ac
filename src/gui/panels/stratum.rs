//! Stratum & isolation: the `local` directive and when a lab needs it.

use crate::core::conf::Local;
use crate::gui::state::AppState;
use crate::gui::widgets::labelled;

/// Shows only what the window knows: no state of its own.
#[derive(Default)]
pub struct Form;

pub fn stratum_ui(ui: &mut egui::Ui, st: &mut AppState) {
    ui.label(st.t("gui-stratum-help"));
    ui.add_space(6.0);
    let current = st.doc.local().map(|(_, l)| l.clone());
    let mut enabled = current.is_some();
    let mut stratum = current.as_ref().map_or(10, |l| l.stratum()) as u8;
    let mut orphan = current.as_ref().is_some_and(|l| l.orphan());
    let mut distance = current.as_ref().map_or(1.0, |l| l.distance());
    let before = (enabled, stratum, orphan, distance);
    ui.checkbox(&mut enabled, st.t("gui-local-enable"));
    ui.add_enabled_ui(enabled, |ui| {
        egui::Grid::new("local").num_columns(2).show(ui, |ui| {
            labelled(ui, &st.t("gui-local-stratum"), |ui| {
                ui.add(egui::DragValue::new(&mut stratum).range(1..=15))
            });
            crate::gui::widgets::empty_cell(ui);
            ui.checkbox(&mut orphan, st.t("gui-local-orphan"))
                .on_hover_text(st.t("gui-local-orphan-help"));
            ui.end_row();
            labelled(ui, &st.t("gui-local-distance"), |ui| {
                ui.add(
                    egui::DragValue::new(&mut distance)
                        .range(0.0..=10.0)
                        .speed(0.01),
                )
                .on_hover_text(st.t("gui-local-distance-help"))
            });
        });
    });
    if before != (enabled, stratum, orphan, distance) {
        let dist = (distance != 1.0).then_some(distance);
        let l = enabled.then(|| Local::new(stratum, orphan, dist));
        st.doc.set_local(l.as_ref());
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        stratum_ui(ui, st);
    }
}
