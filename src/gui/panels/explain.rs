//! Explain: paste chronyc, ntpq or switch output; see what it is, every
//! field with its meaning and verdict, and findings with their fixes.

use crate::core::explain::{Explained, explain_all};
use crate::gui::state::{AppState, status_color};
use crate::gui::widgets::{fields_ui, rows_ui};

#[derive(Default)]
pub struct Form {
    pub input: String,
    /// The explanation of `input`, or the id of the message saying why
    /// there is none.
    pub result: Option<Result<Vec<Explained>, &'static str>>,
}

impl Form {
    /// Pastes `text` and explains it.
    pub fn set_input(&mut self, text: String) {
        self.input = text;
        self.explain();
    }

    fn explain(&mut self) {
        self.result = (!self.input.trim().is_empty())
            .then(|| explain_all(&self.input).map_err(|e| e.message_id()));
    }
}

pub fn explain_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    let help = ui.label(st.t("gui-explain-help"));
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut form.input)
                .code_editor()
                .desired_rows(10)
                .desired_width(f32::INFINITY)
                .hint_text("chronyc sources -v"),
        )
        .labelled_by(help.id);
    if r.changed() {
        form.explain();
    }
    match &form.result {
        Some(Ok(parts)) => {
            for (i, e) in parts.iter().enumerate() {
                ui.push_id(i, |ui| {
                    ui.strong(st.ta("explain-kind", &[("kind", st.tr.kind_title(e.kind, e.csv))]));
                    ui.add_space(4.0);
                    ui.strong(st.t("explain-findings"));
                    let findings: Vec<_> = e.findings.iter().map(|f| (e.kind, f.clone())).collect();
                    crate::gui::widgets::findings_ui(ui, st, &findings);
                    ui.add_space(6.0);
                    if !e.fields.is_empty() {
                        fields_ui(ui, st, "explain-fields", e.kind, &e.fields);
                    }
                    if !e.rows.is_empty() {
                        egui::ScrollArea::horizontal()
                            .show(ui, |ui| rows_ui(ui, st, "explain-rows", e));
                    }
                    ui.separator();
                });
            }
        }
        Some(Err(id)) => {
            ui.colored_label(status_color(crate::core::explain::Status::Warn), st.t(id));
        }
        None => {}
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        explain_ui(ui, st, self);
    }
}
