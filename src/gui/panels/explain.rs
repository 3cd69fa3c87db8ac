//! Explain: paste chronyc, ntpq or switch output; see what it is, every
//! field with its meaning and verdict, and findings with their fixes. A
//! pasted `chronyc clients` is also read against the helper's roster.

use crate::core::explain::{Explained, FieldId, Status, explain_all};
use crate::core::roster::IntentFile;
use crate::core::roster::clients::read_pasted;
use crate::gui::backend::Command;
use crate::gui::state::{AppState, Connection, status_color};
use crate::gui::widgets::{fields_ui, rows_ui};
use crate::ipc::RosterOp;

#[derive(Default)]
pub struct Form {
    pub input: String,
    /// The explanation of `input`, or the id of the message saying why
    /// there is none.
    pub result: Option<Result<Vec<Explained>, &'static str>>,
    /// The roster was asked for (once per connection is enough: the
    /// Roster panel keeps it fresh).
    asked_roster: bool,
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

/// The roster's reading of a pasted client list, one coloured line each,
/// and whether every line is good. Only for a list this server's helper
/// sees polling (a list from another machine says nothing about this
/// server's roster), and without this server itself, which polls nobody.
fn roster_lines(st: &AppState, e: &Explained) -> Vec<(bool, String)> {
    let (Some(r), Some(live)) = (
        &st.roster,
        st.snapshot.as_ref().and_then(|s| s.roster.as_ref()),
    ) else {
        return Vec::new();
    };
    let pasted: Vec<std::net::IpAddr> = e
        .rows
        .iter()
        .filter_map(|row| {
            row.iter()
                .find(|f| f.name == FieldId::Address)?
                .raw
                .parse()
                .ok()
        })
        .collect();
    if !live.seen_polling(&pasted) {
        return Vec::new();
    }
    let itself = |name: &str| live.devices.iter().any(|d| d.itself && d.name == name);
    let intent = IntentFile {
        devices: r
            .devices
            .iter()
            .filter(|d| !itself(&d.name))
            .cloned()
            .collect(),
        server_addresses: r.server_addresses.clone(),
        ..IntentFile::default()
    };
    let Some(p) = read_pasted(e, &intent) else {
        return Vec::new();
    };
    crate::cli::roster::words::pasted_lines(&p, &r.file, &st.tr)
}

fn roster_ui(ui: &mut egui::Ui, lines: &[(bool, String)]) {
    if lines.is_empty() {
        return;
    }
    for (good, line) in lines {
        let status = if *good { Status::Ok } else { Status::Warn };
        ui.colored_label(status_color(status), line);
    }
    ui.add_space(6.0);
}

pub fn explain_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let help = ui.label(st.t("gui-explain-help"));
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut form.input)
                .id_salt("explain.input")
                .code_editor()
                .desired_rows(10)
                .desired_width(f32::INFINITY)
                .hint_text("chronyc sources -v"),
        )
        .labelled_by(help.id);
    if r.changed() {
        form.explain();
    }
    let clients =
        matches!(&form.result, Some(Ok(parts)) if parts.iter().any(|e| e.kind.lists_clients()));
    let connected = matches!(st.connection, Connection::Connected { .. });
    if clients && connected && st.roster.is_none() && !form.asked_roster {
        commands.push(Command::Roster(RosterOp::Get));
        form.asked_roster = true;
    }
    if !connected {
        form.asked_roster = false;
    }
    match &form.result {
        Some(Ok(parts)) => {
            for (i, e) in parts.iter().enumerate() {
                ui.push_id(i, |ui| {
                    ui.strong(st.ta("explain-kind", &[("kind", st.tr.kind_title(e.kind, e.csv))]));
                    ui.add_space(4.0);
                    ui.strong(st.t("explain-findings"));
                    let roster = roster_lines(st, e);
                    let findings: Vec<_> = e.findings.iter().map(|f| (e.kind, f.clone())).collect();
                    // Never "No problem found" above the roster's warnings.
                    if !findings.is_empty() || roster.iter().all(|(good, _)| *good) {
                        crate::gui::widgets::findings_ui(ui, st, &findings);
                        ui.add_space(6.0);
                    }
                    roster_ui(ui, &roster);
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
    fn ui(&mut self, ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
        explain_ui(ui, st, self, commands);
    }
}
