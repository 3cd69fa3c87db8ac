//! Export: the lab's configuration for other servers, clients, switches
//! and firewalls, with a preview, copy and save.

use egui::RichText;

use crate::core::export::{Format, Options, Role, export};
use crate::gui::backend::{Command, Contents};
use crate::gui::state::{AppState, status_color};

pub struct Form {
    pub format: Format,
    pub servers: String,
    pub backup: bool,
    pub peer: String,
    pub source_interface: String,
    pub key: String,
    pub vrf: String,
    pub path: String,
    /// Clients authenticate the server with NTS; where they keep its CA.
    pub nts: bool,
    pub nts_ca: String,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            format: Format::ChronyClient,
            servers: String::new(),
            backup: false,
            peer: String::new(),
            source_interface: String::new(),
            key: String::new(),
            vrf: String::new(),
            nts: false,
            nts_ca: String::new(),
            path: String::new(),
        }
    }
}

fn none_if_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

pub fn export_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let labels: Vec<String> = [
        "gui-format",
        "gui-servers",
        "gui-role-backup",
        "gui-peer",
        "gui-source-interface",
        "gui-key",
        "gui-vrf",
        "gui-export-nts",
        "gui-export-nts-ca",
        "gui-export-nts-ca-hint",
    ]
    .iter()
    .map(|k| st.t(k))
    .collect();
    let titles: Vec<(Format, String)> = Format::ALL
        .iter()
        .map(|f| (*f, st.t(&f.title_id())))
        .collect();
    let f = &mut *form;
    egui::Grid::new("export_form")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(&labels[0]);
            egui::ComboBox::from_id_salt("format")
                .selected_text(
                    titles
                        .iter()
                        .find(|(x, _)| *x == f.format)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default(),
                )
                .show_ui(ui, |ui| {
                    for (fmt, title) in &titles {
                        ui.selectable_value(&mut f.format, *fmt, title);
                    }
                });
            ui.end_row();
            ui.label(&labels[1]);
            ui.add(egui::TextEdit::singleline(&mut f.servers).hint_text("10.0.0.123 10.0.0.124"));
            ui.end_row();
            ui.label(&labels[2]);
            ui.checkbox(&mut f.backup, "");
            ui.end_row();
            ui.label(&labels[3]);
            ui.text_edit_singleline(&mut f.peer);
            ui.end_row();
            ui.label(&labels[4]);
            ui.add(egui::TextEdit::singleline(&mut f.source_interface).hint_text("Loopback0"));
            ui.end_row();
            ui.label(&labels[5]);
            ui.add(egui::TextEdit::singleline(&mut f.key).hint_text("1:md5:secret"));
            ui.end_row();
            ui.label(&labels[6]);
            ui.text_edit_singleline(&mut f.vrf);
            ui.end_row();
            ui.label(&labels[7]);
            ui.checkbox(&mut f.nts, "");
            ui.end_row();
            if f.nts {
                ui.label(&labels[8]);
                ui.add(egui::TextEdit::singleline(&mut f.nts_ca).hint_text(&labels[9]));
                ui.end_row();
            }
        });
    let f = &*form;
    let key = match none_if_empty(&f.key).map(|k| k.parse()) {
        Some(Ok(k)) => Some(k),
        Some(Err(e)) => {
            let e: crate::core::export::OptionError = e;
            ui.colored_label(
                status_color(crate::core::explain::Status::Bad),
                st.tr.tr_args(e.id(), &[("value", e.value())]),
            );
            return;
        }
        None => None,
    };
    let opts = Options {
        servers: f.servers.split_whitespace().map(String::from).collect(),
        role: if f.backup {
            Role::Backup
        } else {
            Role::Primary
        },
        peer: none_if_empty(&f.peer),
        source_interface: none_if_empty(&f.source_interface),
        key,
        vrf: none_if_empty(&f.vrf),
        monitor: None,
        ntpd: None,
        nts: f.nts,
        nts_ca: none_if_empty(&f.nts_ca),
    };
    let words = crate::cli::export::Translated {
        tr: &st.tr,
        file: st.config_path.clone(),
    };
    match export(&st.doc, f.format, &opts, &words) {
        Ok(e) => {
            for n in &e.notes {
                ui.label(
                    RichText::new(st.ta(
                        "export-note-line",
                        &[("text", st.tr.tr_args(n.id, &n.args))],
                    ))
                    .weak(),
                );
            }
            let mut text = e.text.clone();
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .code_editor()
                    .interactive(true)
                    .desired_width(f32::INFINITY),
            );
            ui.horizontal(|ui| {
                if ui.button(st.t("gui-copy")).clicked() {
                    ui.ctx().copy_text(e.text.clone());
                }
                let name = form.format.file_name();
                let mut path = std::mem::take(&mut form.path);
                ui.add(
                    egui::TextEdit::singleline(&mut path)
                        .hint_text(name)
                        .desired_width(240.0),
                );
                crate::gui::dialogs::browse_ui(
                    ui,
                    st,
                    crate::gui::dialogs::Pick::Save,
                    name,
                    &mut path,
                );
                form.path = path;
                let named = !form.path.trim().is_empty();
                if ui
                    .add_enabled(named, egui::Button::new(st.t("gui-save-as")))
                    .clicked()
                {
                    commands.push(Command::WriteFile {
                        path: form.path.trim().into(),
                        contents: Contents::Bytes(e.text.clone().into_bytes()),
                    });
                }
            });
            crate::gui::widgets::file_note_ui(ui, st, &form.path);
        }
        Err(e) => {
            ui.colored_label(
                status_color(crate::core::explain::Status::Warn),
                st.tr.tr_args(e.id(), &[("value", e.value())]),
            );
        }
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        export_ui(ui, st, self, commands);
    }
}
