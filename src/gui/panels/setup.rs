//! Guided setup: pick one of the four lab setups, fill the few fields it
//! needs, see the chrony.conf it makes with lint, use it or apply it.

use crate::gui::widgets::DisabledHover;
use egui::RichText;

use crate::core::conf::Document;
use crate::core::conf::lint::{LintOptions, lint};
use crate::core::conf::roles::{Role, RoleInput, render_with_comment};
use crate::gui::backend::Command;
use crate::gui::settings::SetupFields;
use crate::gui::state::{AppState, Panel, status_color};

pub struct Form {
    pub role: Role,
    pub input: RoleInput,
    /// Asked before the setup replaces a configuration with lines it
    /// lacks: what the user clicked.
    pub confirm: Option<Replace>,
    /// Set once the user has typed in this role's fields: before, what is
    /// missing is a grey hint, not a red error.
    pub touched: bool,
}

/// What replaces the configuration in the window with the setup's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Take it into the window (Apply shows the difference).
    Use,
    /// Apply it to the lab at once.
    Apply,
}

/// The directive lines of `current` that `preset` has not (compared with
/// spaces collapsed): what replacing it drops.
pub fn dropped_lines(current: &Document, preset: &Document) -> Vec<String> {
    let norm = |l: &crate::core::conf::document::Line| {
        l.text().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let kept: Vec<String> = preset
        .lines()
        .iter()
        .filter(|l| l.directive().is_some())
        .map(norm)
        .collect();
    current
        .lines()
        .iter()
        .filter(|l| l.directive().is_some())
        .map(norm)
        .filter(|l| !kept.contains(l))
        .collect()
}

/// The directive lines of `preset` that `current` has not: what
/// replacing it adds (a line the user may not have typed on this tab).
pub fn added_lines(current: &Document, preset: &Document) -> Vec<String> {
    dropped_lines(preset, current)
}

impl Default for Form {
    fn default() -> Self {
        Form {
            role: Role::Isolated,
            input: RoleInput {
                subnets: "127.0.0.0/8".into(),
                ..RoleInput::default()
            },
            confirm: None,
            touched: false,
        }
    }
}

impl Form {
    /// The role and fields a previous run kept (settings.toml). Not
    /// touched: what the restored fields lack is a hint until typed in.
    pub fn restore(&mut self, kept: &SetupFields) {
        self.role = kept.role;
        self.input = kept.input.clone();
        self.touched = false;
    }
}

/// Hands the role and fields to the settings when they changed (written
/// at most once a second, and on the way out).
fn keep(st: &mut AppState, form: &Form) {
    let kept = SetupFields {
        role: form.role,
        input: form.input.clone(),
    };
    let untouched = Form::default();
    let first = kept.role == untouched.role && kept.input == untouched.input;
    // The first setup as offered is not a choice yet: nothing written.
    if st.settings.setup.as_ref() != Some(&kept) && !(first && st.settings.setup.is_none()) {
        st.settings.setup = Some(kept);
        st.settings_dirty = true;
    }
}

/// One field; true when the user changed it.
fn field_ui(ui: &mut egui::Ui, label: &str, help: &str, value: &mut String) -> bool {
    let mut changed = false;
    crate::gui::widgets::labelled(ui, label, |ui| {
        let r = ui
            .add(
                egui::TextEdit::singleline(value)
                    .id_salt(("setup", label))
                    // The rest of the row: four upstream names fit at
                    // 1024 px.
                    .desired_width((ui.available_width() - 16.0).clamp(360.0, 720.0)),
            )
            .on_hover_text(help);
        changed = r.changed();
        r
    });
    changed
}

pub fn setup_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    ui.label(st.t("gui-setup-help"));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        for r in Role::ALL {
            let on = form.role == r;
            if ui
                .selectable_label(on, st.t(&format!("gui-role-{}", r.id())))
                .on_hover_text(st.t(&format!("gui-role-{}-help", r.id())))
                .clicked()
            {
                if form.role != r {
                    form.touched = false;
                }
                form.role = r;
            }
        }
    });
    let role = form.role;
    ui.weak(st.t(&format!("gui-role-{}-help", role.id())));
    ui.add_space(6.0);
    let labels = [
        ("gui-setup-upstreams", "gui-setup-upstreams-help"),
        ("gui-setup-subnets", "gui-setup-subnets-help"),
        ("gui-setup-servers", "gui-setup-servers-help"),
        ("gui-setup-peer", "gui-setup-peer-help"),
        ("gui-setup-gps-device", "gui-setup-gps-device-help"),
        ("gui-setup-pps-device", "gui-setup-pps-device-help"),
        ("gui-setup-nmea-fallback", "gui-setup-nmea-fallback-help"),
    ]
    .map(|(l, h)| (st.t(l), st.t(h)));
    egui::Grid::new("setup").num_columns(2).show(ui, |ui| {
        let f = &mut form.input;
        let mut typed = false;
        if role.needs_upstreams() {
            typed |= field_ui(ui, &labels[0].0, &labels[0].1, &mut f.upstreams);
        }
        if role.needs_subnets() {
            typed |= field_ui(ui, &labels[1].0, &labels[1].1, &mut f.subnets);
        }
        if role.needs_servers() {
            typed |= field_ui(ui, &labels[2].0, &labels[2].1, &mut f.servers);
        }
        if role.needs_peer() {
            typed |= field_ui(ui, &labels[3].0, &labels[3].1, &mut f.peer);
        }
        if role.needs_gps() {
            typed |= field_ui(ui, &labels[4].0, &labels[4].1, &mut f.gps_device);
            typed |= field_ui(ui, &labels[5].0, &labels[5].1, &mut f.pps_device);
            crate::gui::widgets::empty_cell(ui);
            ui.checkbox(&mut f.nmea_fallback, &labels[6].0)
                .on_hover_text(&labels[6].1);
            ui.end_row();
        }
        form.touched |= typed;
    });
    keep(st, form);
    ui.add_space(6.0);
    // The file's comment in the window's language (chronyd reads comments
    // as bytes).
    match render_with_comment(role, &form.input, &st.t(&role.comment_id())) {
        Err(e) => {
            let text = st.ta(e.message_id(), &[("value", e.value().to_string())]);
            if form.touched {
                ui.colored_label(status_color(crate::core::explain::Status::Bad), text);
            } else {
                // An untouched form is not a mistake yet: what to fill in.
                ui.weak(text);
            }
        }
        Ok(text) => {
            ui.strong(st.t("gui-setup-preview"));
            // A long comment is shown as several comment lines (a soft
            // wrap's tail would read as a config line); a long config line
            // scrolls instead.
            let shown = crate::gui::widgets::preview_lines(ui, &text, "#", ui.available_width());
            egui::ScrollArea::horizontal()
                .id_salt("setup.preview")
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(shown).monospace()).extend());
                });
            let doc = Document::parse(&text);
            let hosts: Vec<String> = doc.sources().map(|(_, s)| s.host.clone()).collect();
            super::upstreams::ask_resolve(st, hosts.iter().map(String::as_str), commands);
            let opts = LintOptions {
                version: st.chrony_version(),
                ..LintOptions::default()
            };
            for d in lint(&doc, &opts) {
                let color = status_color(match d.severity {
                    crate::core::conf::Severity::Error => crate::core::explain::Status::Bad,
                    crate::core::conf::Severity::Warning => crate::core::explain::Status::Warn,
                    crate::core::conf::Severity::Hint => crate::core::explain::Status::Info,
                });
                ui.colored_label(color, st.lint_text(&d));
            }
            let dropped = dropped_lines(&st.doc, &doc);
            let mut chosen = None;
            // Said on the tab, before any button: using it drops these
            // lines of the current configuration (an upstream added in
            // Upstream servers, say).
            if !dropped.is_empty() && form.confirm.is_none() {
                ui.colored_label(
                    status_color(crate::core::explain::Status::Warn),
                    st.ta(
                        "gui-setup-would-drop",
                        &[
                            ("count", dropped.len().to_string()),
                            ("lines", dropped.join(", ")),
                        ],
                    ),
                );
            }
            ui.horizontal(|ui| {
                if ui.button(st.t("gui-setup-use")).clicked() {
                    chosen = Some(Replace::Use);
                }
                // One apply at a time, from whichever panel.
                let may = st.may_change() && !st.applying();
                let b = ui.add_enabled(may, egui::Button::new(st.t("gui-setup-apply")));
                // A greyed button says why.
                let b = if st.applying() {
                    b.disabled_hover_text(st.t("gui-apply-blocked-running"))
                } else if st.info.is_none() {
                    b.disabled_hover_text(st.t("gui-setup-apply-no-helper"))
                } else {
                    b.disabled_hover_text(st.t("gui-apply-blocked-helper"))
                };
                if b.clicked() {
                    chosen = Some(Replace::Apply);
                }
            });
            // The configuration has lines the setup lacks, or applying
            // gives the running chronyd a new source to poll (a peer on
            // another machine): say which, and ask.
            let added = added_lines(&st.doc, &doc);
            let asks = |c: Replace| {
                !dropped.is_empty() || (c == Replace::Apply && added.iter().any(|l| is_source(l)))
            };
            if let Some(c) = chosen {
                if asks(c) {
                    form.confirm = Some(c);
                } else {
                    replace(st, &doc, c);
                }
            }
            if let Some(c) = form.confirm {
                if asks(c) {
                    confirm_ui(ui, st, form, (&dropped, &added), &doc, c);
                } else {
                    form.confirm = None;
                }
            }
            // What an apply made here did; another panel's apply is not
            // this preview's, nor is it once the inputs changed (the window
            // holds what was applied, or tried).
            if st.apply_from == Some(Panel::Setup) && doc.render() == st.doc.render() {
                crate::gui::widgets::apply_result_ui(ui, st);
            }
            // The names typed here that this machine cannot resolve, as
            // Upstream servers says them: under the buttons, so that an
            // answer arriving moves nothing one might be clicking.
            super::upstreams::unresolved_hints_ui(ui, st, &doc);
        }
    }
}

/// Replaces the window's configuration with the setup's `doc`: in the
/// window (then Apply), or applied at once.
fn replace(st: &mut AppState, doc: &Document, how: Replace) {
    match how {
        Replace::Use => {
            st.doc = doc.clone();
            st.panel = Panel::Apply;
        }
        Replace::Apply => {
            if st.start_apply(doc.render()) {
                st.doc = doc.clone();
            }
        }
    }
}

/// Whether a configuration line makes chronyd poll a source.
fn is_source(line: &str) -> bool {
    matches!(
        line.split_whitespace().next(),
        Some("server" | "pool" | "peer")
    )
}

/// The question before dropping lines: which ones, Replace or Cancel.
fn confirm_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    (dropped, added): (&[String], &[String]),
    doc: &Document,
    how: Replace,
) {
    ui.add_space(4.0);
    if dropped.is_empty() {
        let sources: Vec<&String> = added.iter().filter(|l| is_source(l)).collect();
        ui.colored_label(
            status_color(crate::core::explain::Status::Warn),
            st.ta(
                "gui-setup-new-sources",
                &[("count", sources.len().to_string())],
            ),
        );
    } else {
        ui.colored_label(
            status_color(crate::core::explain::Status::Warn),
            st.ta("gui-setup-drops", &[("count", dropped.len().to_string())]),
        );
    }
    for line in dropped {
        ui.label(RichText::new(line).monospace());
    }
    if !added.is_empty() {
        ui.label(st.ta("gui-setup-adds", &[("count", added.len().to_string())]));
        for line in added {
            ui.label(RichText::new(format!("+ {line}")).monospace());
        }
    }
    // Esc is Cancel: the question is destructive, leaving it is not.
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        form.confirm = None;
        return;
    }
    ui.horizontal(|ui| {
        let may = how == Replace::Use || (st.may_change() && !st.applying());
        if ui
            .add_enabled(may, egui::Button::new(st.t("gui-setup-replace")))
            .clicked()
        {
            form.confirm = None;
            replace(st, doc, how);
        }
        if ui.button(st.t("gui-cancel")).clicked() {
            form.confirm = None;
        }
    });
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        setup_ui(ui, st, self, commands);
    }
}
