//! Apply: lint, the diff of the file before and after, Apply through the
//! helper with progress, then success or the rollback reason. Import and
//! save chrony.conf files.

use egui::{Color32, RichText};

use crate::core::conf::Document;
use crate::core::conf::lint::{LintOptions, Severity, lint};
use crate::core::explain::Status;
use crate::gui::app::{AppState, ApplyState, status_color};
use crate::gui::backend::Command;

/// The lint of the text last shown: lint looks at files on disk (include,
/// pidfile directories), so it runs when the text changes, not every frame.
#[derive(Default)]
pub struct Form {
    linted: Option<(String, Vec<crate::core::conf::Diagnostic>)>,
}

pub fn apply_ui(ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
    let text = st.doc.render_lossy();
    let cached = st
        .forms
        .apply
        .linted
        .as_ref()
        .filter(|(t, _)| *t == text)
        .map(|(_, d)| d.clone());
    let diags = match cached {
        Some(d) => d,
        None => {
            let exists = |p: &str| std::path::Path::new(p).exists();
            let d = lint(
                &st.doc,
                &LintOptions {
                    version: st.chrony_version(),
                    path_exists: Some(&exists),
                    resolves: None,
                },
            );
            st.forms.apply.linted = Some((text.clone(), d.clone()));
            d
        }
    };
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    ui.label(
        st.ta(
            "cli-lint-summary",
            &[
                ("errors", errors.to_string()),
                (
                    "warnings",
                    diags
                        .iter()
                        .filter(|d| d.severity == Severity::Warning)
                        .count()
                        .to_string(),
                ),
                (
                    "hints",
                    diags
                        .iter()
                        .filter(|d| d.severity == Severity::Hint)
                        .count()
                        .to_string(),
                ),
                ("version", st.chrony_version().to_string()),
            ],
        ),
    );
    for d in &diags {
        let s = match d.severity {
            Severity::Error => Status::Bad,
            Severity::Warning => Status::Warn,
            Severity::Hint => Status::Info,
        };
        let place = d.line.map(|l| format!("{l}: ")).unwrap_or_default();
        ui.colored_label(
            status_color(s),
            format!("{place}{}", st.tr.tr_args(&d.message_id(), &d.args)),
        );
    }
    ui.add_space(8.0);
    ui.strong(st.t("gui-diff"));
    let diff = similar::TextDiff::from_lines(&st.base_text, &text);
    let changed = st.base_text != text;
    if !changed {
        ui.label(st.t("gui-no-changes"));
    } else {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            for change in diff.iter_all_changes() {
                let (sign, color) = match change.tag() {
                    similar::ChangeTag::Delete => ("-", Color32::from_rgb(220, 80, 70)),
                    similar::ChangeTag::Insert => ("+", Color32::from_rgb(70, 180, 90)),
                    similar::ChangeTag::Equal => continue,
                };
                let line = change.to_string_lossy();
                ui.label(
                    RichText::new(format!("{sign} {}", line.trim_end()))
                        .monospace()
                        .color(color),
                );
            }
        });
    }
    ui.add_space(8.0);
    let running = st.apply == ApplyState::Running;
    let can = changed && errors == 0 && st.may_change() && !running;
    ui.horizontal(|ui| {
        let b = ui.add_enabled(can, egui::Button::new(st.t("gui-apply-now")));
        let b = if errors > 0 {
            b.on_disabled_hover_text(st.t("gui-apply-blocked-lint"))
        } else if !st.may_change() {
            b.on_disabled_hover_text(st.t("gui-apply-blocked-helper"))
        } else {
            b
        };
        if b.clicked() {
            st.apply = ApplyState::Running;
            commands.push(Command::Apply(text.clone()));
        }
        if ui
            .add_enabled(changed && !running, egui::Button::new(st.t("gui-revert")))
            .clicked()
        {
            st.doc = Document::parse(&st.base_text);
        }
        if running {
            ui.spinner();
            ui.label(st.t("gui-applying"));
        }
    });
    match &st.apply {
        ApplyState::Done(a) => {
            let id = a.message_id();
            ui.colored_label(
                status_color(Status::Ok),
                st.ta(id, &[("backup", a.backup.clone().unwrap_or_default())]),
            );
        }
        ApplyState::Failed { code, detail } => {
            ui.colored_label(
                status_color(Status::Bad),
                st.tr.error_text(code, detail.clone()),
            );
        }
        _ => {}
    }
    ui.add_space(12.0);
    file_ui(ui, st);
}

/// Import a chrony.conf into the editor, or save the edited text.
fn file_ui(ui: &mut egui::Ui, st: &mut AppState) {
    ui.strong(st.t("gui-files"));
    let id = ui.id().with("path");
    let mut path: String = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut path)
                .hint_text("/etc/chrony/chrony.conf")
                .desired_width(280.0),
        );
        crate::gui::dialogs::browse_ui(
            ui,
            st,
            crate::gui::dialogs::Pick::Open,
            "chrony.conf",
            &mut path,
        );
        if ui.button(st.t("gui-import")).clicked() {
            match std::fs::read(path.trim()) {
                Ok(b) => {
                    st.doc = Document::parse(b);
                    st.last_error = None;
                }
                Err(e) => {
                    st.last_error = Some(st.tr.tr_args(
                        "cli-cannot-read",
                        &[("path", path.clone()), ("reason", e.to_string())],
                    ))
                }
            }
        }
        if ui.button(st.t("gui-save-as")).clicked() {
            if let Err(e) =
                crate::fsutil::write_atomic(std::path::Path::new(path.trim()), &st.doc.render())
            {
                st.last_error = Some(st.tr.tr_args(
                    "cli-cannot-write",
                    &[("path", path.clone()), ("reason", e.to_string())],
                ));
            } else {
                st.last_error = None;
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, path));
}
