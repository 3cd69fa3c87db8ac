//! Explain: paste chronyc, ntpq or switch output; see what it is, every
//! field with its meaning and verdict, and findings with their fixes.

use super::live::{fields_ui, rows_ui};
use crate::core::explain::{Explained, explain_all};
use crate::gui::app::{AppState, status_color};

#[derive(Default)]
pub struct Form {
    pub input: String,
    pub result: Option<Result<Vec<Explained>, String>>,
}

pub fn explain_ui(ui: &mut egui::Ui, st: &mut AppState) {
    ui.label(st.t("gui-explain-help"));
    let r = ui.add(
        egui::TextEdit::multiline(&mut st.forms.explain.input)
            .code_editor()
            .desired_rows(10)
            .desired_width(f32::INFINITY)
            .hint_text("chronyc sources -v"),
    );
    if r.changed() {
        let input = st.forms.explain.input.clone();
        st.forms.explain.result = (!input.trim().is_empty())
            .then(|| explain_all(&input).map_err(|e| st.t(e.message_id())));
    }
    match st.forms.explain.result.clone() {
        Some(Ok(parts)) => {
            for (i, e) in parts.iter().enumerate() {
                ui.push_id(i, |ui| {
                    ui.strong(st.ta("explain-kind", &[("kind", st.tr.kind_title(e.kind, e.csv))]));
                    ui.add_space(4.0);
                    ui.strong(st.t("explain-findings"));
                    let findings: Vec<_> = e.findings.iter().map(|f| (e.kind, f.clone())).collect();
                    super::live::findings_ui(ui, st, &findings);
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
        Some(Err(msg)) => {
            ui.colored_label(status_color(crate::core::explain::Status::Warn), msg);
        }
        None => {}
    }
}
