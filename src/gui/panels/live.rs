//! The live reports as Explained tables: the snapshot is rendered the way
//! `chronyc -c` prints it and read by the same explain code that serves
//! `stratum explain`, so the panels show the same verdicts and texts.

use std::collections::HashMap;

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::core::explain::{Explained, Field, explain};
use crate::gui::app::{AppState, Selected, status_color};
use crate::ipc::Snapshot;

fn name(s: &Snapshot, addr: &str) -> String {
    s.names
        .iter()
        .find(|(a, _)| a == addr)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| addr.to_string())
}

/// The snapshot's reports in chronyc's CSV form.
pub fn snapshot_csv(s: &Snapshot) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(t) = &s.tracking {
        let addr = t.address.map(|a| a.to_string()).unwrap_or_default();
        out.push((
            "tracking",
            format!(
                "{:08X},{},{},{:.9},{:.9},{:.9},{:.9},{:.3},{:.3},{:.3},{:.9},{:.9},{:.1},{}\n",
                t.ref_id,
                addr,
                t.stratum,
                t.ref_time,
                t.system_time,
                t.last_offset,
                t.rms_offset,
                t.frequency_ppm,
                t.residual_freq_ppm,
                t.skew_ppm,
                t.root_delay,
                t.root_dispersion,
                t.update_interval,
                t.leap_text()
            ),
        ));
    }
    if !s.sources.is_empty() {
        let text: String = s
            .sources
            .iter()
            .map(|x| {
                format!(
                    "{},{},{},{},{},{:o},{},{:.9},{:.9},{:.9}\n",
                    x.mode.symbol(),
                    x.state.symbol(),
                    name(s, &x.address.to_string()),
                    x.stratum,
                    x.poll,
                    x.reach,
                    x.last_rx,
                    x.offset,
                    x.measured_offset,
                    x.error
                )
            })
            .collect();
        out.push(("sources", text));
    }
    if !s.sourcestats.is_empty() {
        let text: String = s
            .sourcestats
            .iter()
            .map(|x| {
                format!(
                    "{},{},{},{},{:.3},{:.3},{:.9},{:.9}\n",
                    name(s, &x.address.to_string()),
                    x.samples,
                    x.runs,
                    x.span,
                    x.frequency_ppm,
                    x.freq_skew_ppm,
                    x.offset,
                    x.std_dev
                )
            })
            .collect();
        out.push(("sourcestats", text));
    }
    if let Some(a) = &s.activity {
        out.push((
            "activity",
            format!(
                "{},{},{},{},{}\n",
                a.online, a.offline, a.burst_online, a.burst_offline, a.unresolved
            ),
        ));
    }
    if let Some(x) = &s.serverstats {
        out.push((
            "serverstats",
            format!(
                "{},{},{},{},{},{},{},{},{},{},{}\n",
                x.ntp_packets_received,
                x.ntp_packets_dropped,
                x.command_packets_received,
                x.command_packets_dropped,
                x.client_log_records_dropped,
                x.nts_ke_connections_accepted,
                x.nts_ke_connections_dropped,
                x.authenticated_ntp_packets,
                x.interleaved_ntp_packets,
                x.ntp_timestamps_held,
                x.ntp_timestamp_span
            ),
        ));
    }
    out
}

/// Per report, the explained snapshot. Clients are drawn from the snapshot
/// directly (there can be many thousands).
pub fn explain_snapshot(s: &Snapshot) -> HashMap<&'static str, Explained> {
    snapshot_csv(s)
        .into_iter()
        .filter_map(|(k, text)| explain(&text).ok().map(|e| (k, e)))
        .collect()
}

/// A header cell whose tooltip says what the column means.
pub fn header_ui(ui: &mut egui::Ui, st: &AppState, field: &str) {
    ui.strong(field)
        .on_hover_text(st.t(&format!("field-{field}")));
}

/// A value cell coloured by its verdict; a click opens the explanation.
pub fn cell_ui(ui: &mut egui::Ui, st: &mut AppState, f: &Field) {
    let color = status_color(f.status);
    let text = RichText::new(&f.raw).monospace().color(
        if f.status == crate::core::explain::Status::Info {
            ui.visuals().text_color()
        } else {
            color
        },
    );
    let r = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
    if r.clicked() {
        st.selected = Some(Selected {
            field: f.name,
            raw: f.raw.clone(),
            status: f.status,
            reason: f
                .reason
                .as_ref()
                .map(|r| st.tr.tr_args(&format!("why-{}", r.id), &r.args)),
        });
    }
}

/// An explained table: a header with meanings, rows of judged cells.
pub fn rows_ui(ui: &mut egui::Ui, st: &mut AppState, id: &str, e: &Explained) {
    let Some(first) = e.rows.first() else {
        ui.label(st.t("gui-no-rows"));
        return;
    };
    let names: Vec<&'static str> = first.iter().map(|f| f.name).collect();
    ui.push_id(id, |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .columns(Column::auto().at_least(40.0), names.len())
            .header(20.0, |mut h| {
                for n in &names {
                    h.col(|ui| header_ui(ui, st, n));
                }
            })
            .body(|mut body| {
                for row in &e.rows {
                    body.row(18.0, |mut r| {
                        for f in row {
                            r.col(|ui| cell_ui(ui, st, f));
                        }
                    });
                }
            });
    });
}

/// Key/value fields as a grid.
pub fn fields_ui(ui: &mut egui::Ui, st: &mut AppState, id: &str, fields: &[Field]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for f in fields {
                header_ui(ui, st, f.name);
                cell_ui(ui, st, f);
                ui.end_row();
            }
        });
}
