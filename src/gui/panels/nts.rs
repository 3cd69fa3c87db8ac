//! NTS: this server's certificates with their expiry, making them (a
//! private CA and a certificate for the names clients use) and renewing
//! them, and the lines chrony.conf needs; how each source authenticates is
//! on the Sources panel.

use crate::core::conf::Directive;
use crate::core::explain::Status;
use crate::gui::backend::Command;
use crate::gui::state::{AppState, NtsState, status_color};

pub struct Form {
    pub names: String,
    pub days: i64,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            names: String::new(),
            days: crate::core::nts::SERVER_DAYS,
        }
    }
}

pub fn nts_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form, _commands: &mut Vec<Command>) {
    ui.label(st.t("gui-nts-help"));
    ui.add_space(6.0);
    // What the running server serves now.
    let now = crate::sys::now() as i64;
    let certs = st
        .snapshot
        .as_ref()
        .map(|s| s.nts_certs.clone())
        .unwrap_or_default();
    if certs.is_empty() {
        ui.label(st.t("gui-nts-none"));
    }
    for c in &certs {
        let status = if c.unreadable || now >= c.not_after || now < c.not_before {
            Status::Bad
        } else if c.days_left(now) <= crate::core::nts::WARN_DAYS {
            Status::Warn
        } else {
            Status::Ok
        };
        ui.colored_label(status_color(status), st.tr.cert_text(c, now));
    }
    ui.add_space(8.0);
    ui.strong(st.t("gui-nts-create"));
    let names_ok = crate::core::nts::check_names(std::slice::from_ref(&form.names));
    let hint = st.t("gui-nts-names-hint");
    egui::Grid::new("nts").num_columns(2).show(ui, |ui| {
        crate::gui::widgets::labelled(ui, &st.t("gui-nts-names"), |ui| {
            ui.add(
                egui::TextEdit::singleline(&mut form.names)
                    .id_salt("nts.names")
                    .hint_text(hint),
            )
        });
        crate::gui::widgets::labelled(ui, &st.t("gui-nts-days"), |ui| {
            ui.add(egui::DragValue::new(&mut form.days).range(1..=3650))
        });
    });
    if let (Err(e), false) = (&names_ok, form.names.trim().is_empty()) {
        ui.colored_label(
            status_color(Status::Bad),
            st.ta(e.message_id(), &[("value", e.value())]),
        );
    }
    let may = st.may_change() && !matches!(st.nts, NtsState::Running(_));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                may && names_ok.is_ok(),
                egui::Button::new(st.t("gui-nts-create-button")),
            )
            .clicked()
        {
            st.start_nts(Command::NtsIssue {
                names: names_ok.clone().unwrap_or_default(),
                days: form.days,
            });
        }
        if ui
            .add_enabled(
                may && !certs.is_empty(),
                egui::Button::new(st.t("gui-nts-renew")),
            )
            .on_hover_text(st.t("gui-nts-renew-help"))
            .clicked()
        {
            st.start_nts(Command::NtsRenew { days: form.days });
        }
    });
    // What the last request did, where it was clicked.
    match st.nts.clone() {
        NtsState::Idle => {}
        NtsState::Running(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(st.t("gui-nts-working"));
            });
        }
        NtsState::Failed(text) => {
            ui.colored_label(status_color(Status::Bad), text);
        }
        NtsState::Done(n) => {
            let id = if n.restarted {
                "gui-nts-renewed"
            } else {
                "gui-nts-made"
            };
            ui.colored_label(
                status_color(Status::Ok),
                st.ta(id, &[("files", st.tr.list(&n.files))]),
            );
            ui.label(egui::RichText::new(&n.lines).monospace());
            if !n.restarted && ui.button(st.t("gui-nts-use")).clicked() {
                use_lines(st, &n.lines);
                st.panel = crate::gui::state::Panel::Apply;
            }
        }
    }
}

/// Puts the server lines into the configuration being edited (replacing
/// the ones there).
fn use_lines(st: &mut AppState, lines: &str) {
    for line in lines.lines() {
        if let Some((name, args)) = line.split_once(' ')
            && let Ok(d) = Directive::parse(name, args)
        {
            st.doc.set_single(name, Some(&d));
        }
    }
}

impl crate::gui::view::View for Form {
    fn ui(&mut self, ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
        nts_ui(ui, st, self, commands);
    }
}
