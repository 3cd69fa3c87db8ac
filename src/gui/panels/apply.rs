//! Apply: lint, the diff of the file before and after, Apply through the
//! helper with progress, then success or the rollback reason. Import and
//! save chrony.conf files.

use crate::gui::widgets::DisabledHover;
use egui::{Color32, RichText};

use crate::core::conf::Document;
use crate::core::conf::lint::Severity;
use crate::core::explain::Status;
use crate::gui::backend::{Command, Contents, RequestId};
use crate::gui::state::{AppState, status_color};

/// The path typed for import and save, and the last of either.
#[derive(Default)]
pub struct Form {
    pub path: String,
    pub last: Option<RequestId>,
}

pub fn apply_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let bytes = st.doc.render();
    // Lint looks at files (include, pidfile directories): the backend runs
    // it when the text changes, never a frame.
    let Some(diags) = st.current_lint(commands).map(<[_]>::to_vec) else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(st.t("gui-lint-running"));
        });
        return;
    };
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    // Lint cannot know this machine's DNS; the window does (as Upstream
    // servers says it): a name that does not resolve here is said again
    // where the user decides to apply, and counted with the warnings.
    let hosts: Vec<String> = st.doc.sources().map(|(_, s)| s.host.clone()).collect();
    crate::gui::panels::upstreams::ask_resolve(st, hosts.iter().map(String::as_str), commands);
    let dns = crate::gui::panels::upstreams::unresolved_hints(st, &st.doc);
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
                        .saturating_add(dns.len())
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
        ui.colored_label(status_color(s), format!("{place}{}", st.lint_text(d)));
    }
    for line in dns {
        ui.colored_label(status_color(Status::Warn), line);
    }
    crate::gui::panels::upstreams::checking_names_ui(ui, st, &st.doc);
    ui.add_space(8.0);
    ui.strong(st.t("gui-diff"));
    // Compared as bytes (a byte that is not UTF-8 is a change too), shown
    // as text.
    let changed = st.base != bytes;
    let (base, text) = (
        String::from_utf8_lossy(&st.base).into_owned(),
        String::from_utf8_lossy(&bytes).into_owned(),
    );
    let diff = similar::TextDiff::from_lines(&base, &text);
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
    let running = st.applying();
    let can = changed && errors == 0 && st.may_change() && !running;
    ui.horizontal(|ui| {
        let b = ui.add_enabled(can, egui::Button::new(st.t("gui-apply-now")));
        let b = if errors > 0 {
            b.disabled_hover_text(st.t("gui-apply-blocked-lint"))
        } else if !st.may_change() {
            b.disabled_hover_text(st.t("gui-apply-blocked-helper"))
        } else if running {
            b.disabled_hover_text(st.t("gui-apply-blocked-running"))
        } else {
            b
        };
        if b.clicked() {
            st.start_apply(bytes.clone());
        }
        if ui
            .add_enabled(changed && !running, egui::Button::new(st.t("gui-revert")))
            .clicked()
        {
            st.doc = Document::parse(&st.base);
        }
    });
    crate::gui::widgets::apply_result_ui(ui, st);
    ui.add_space(12.0);
    file_ui(ui, st, form);
}

/// Import a chrony.conf into the editor, or save the edited text (both
/// done by the backend; the outcome shows here).
fn file_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    let title = ui.strong(st.t("gui-files"));
    // The file the helper manages as the example (a lab's is in its data
    // directory, not under /etc).
    let example = if st.config_path.is_empty() {
        "/etc/chrony/chrony.conf".to_string()
    } else {
        st.config_path.clone()
    };
    // The field as wide as the path in it (or the example), within the
    // row's room; the whole path on hover where it is still cut.
    let full = if form.path.trim().is_empty() {
        example.clone()
    } else {
        form.path.clone()
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let needed = ui.fonts(|f| {
        f.layout_no_wrap(full.clone(), font, egui::Color32::WHITE)
            .size()
            .x
    }) + 2.0 * ui.spacing().button_padding.x;
    let room = (ui.available_width() - 260.0).max(280.0);
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut form.path)
                .id_salt("apply.path")
                .hint_text(example)
                .desired_width(needed.clamp(280.0, room)),
        )
        .labelled_by(title.id)
        .on_hover_text(full);
        crate::gui::dialogs::browse_ui(
            ui,
            st,
            crate::gui::dialogs::Pick::Open,
            "chrony.conf",
            &mut form.path,
        );
        let path = std::path::PathBuf::from(form.path.trim());
        let named = !form.path.trim().is_empty();
        if ui
            .add_enabled(named, egui::Button::new(st.t("gui-import")))
            .disabled_hover_text(st.t("gui-files-need-path"))
            .clicked()
        {
            form.last = Some(st.read_config(path.clone()));
        }
        // The file byte for byte; an existing one is replaced only when
        // the user says so.
        if ui
            .add_enabled(named, egui::Button::new(st.t("gui-save-as")))
            .disabled_hover_text(st.t("gui-files-need-path"))
            .clicked()
        {
            form.last = Some(st.save_file(path, Contents::Bytes(st.doc.render()), false));
        }
    });
    // Why Import and Save are greyed out, in sight.
    if form.path.trim().is_empty() {
        ui.weak(st.t("gui-files-need-path"));
    }
    crate::gui::dialogs::outcome_ui(ui, st, &mut form.last);
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        apply_ui(ui, st, self, commands);
    }
}
