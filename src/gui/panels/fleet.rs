//! Every chronyd the helper watches: one row per server with its verdict,
//! and who follows whom (a server's reference is another row's address).

use std::time::Duration;

use egui_extras::{Column, TableBuilder};

use crate::core::explain::Status;
use crate::gui::app::{AppState, status_color};
use crate::gui::backend::Command;
use crate::ipc::FleetRow;

/// How often the panel asks the helper (it polls the hosts at 1 Hz).
const REFRESH: Duration = Duration::from_secs(1);

fn verdict(r: &FleetRow) -> Status {
    match (r.reachable, r.stratum, r.leap.as_deref()) {
        (false, _, _) => Status::Bad,
        (true, Some(16) | None, _) | (true, _, Some("Not synchronised")) => Status::Warn,
        _ => Status::Ok,
    }
}

/// `HOST` of `HOST:PORT` (`[v6]:PORT`).
fn address(host: &str) -> &str {
    match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host),
    }
}

pub fn fleet_ui(ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
    if st.fleet_at.is_none_or(|t| t.elapsed() >= REFRESH) {
        commands.push(Command::Fleet);
        if let Some(h) = &st.fleet_selected {
            commands.push(Command::FleetHost(h.clone()));
            let until = crate::sys::now();
            let series = vec![
                crate::ipc::host_series(h, "offset"),
                crate::ipc::host_series(h, "frequency"),
            ];
            commands.push(Command::History(
                series,
                until - st.settings.plot_window.seconds(),
                until,
                600,
            ));
        }
        st.fleet_at = Some(std::time::Instant::now());
    }
    ui.ctx().request_repaint_after(REFRESH);
    if st.fleet.is_empty() {
        ui.label(st.t("gui-fleet-empty"));
        return;
    }
    let rows = st.fleet.clone();
    TableBuilder::new(ui)
        .striped(true)
        .column(Column::auto().at_least(160.0))
        .columns(Column::auto().at_least(70.0), 5)
        .column(Column::remainder())
        .header(22.0, |mut h| {
            for id in [
                "gui-fleet-host",
                "gui-fleet-state",
                "gui-fleet-stratum",
                "gui-fleet-reference",
                "gui-fleet-offset",
                "gui-fleet-frequency",
                "gui-fleet-follows",
            ] {
                h.col(|ui| {
                    ui.strong(st.t(id));
                });
            }
        })
        .body(|mut body| {
            for r in &rows {
                body.row(20.0, |mut row| {
                    row.col(|ui| {
                        let on = st.fleet_selected.as_deref() == Some(r.host.as_str());
                        if ui.selectable_label(on, &r.host).clicked() {
                            st.fleet_selected = (!on).then(|| r.host.clone());
                            st.fleet_host_live = None;
                            st.fleet_at = None;
                        }
                    });
                    row.col(|ui| {
                        let text = match &r.error {
                            Some(code) => st.tr.error_text(code, None),
                            None if r.reachable => st.t("fleet-ok"),
                            None => st.t("fleet-waiting"),
                        };
                        ui.colored_label(status_color(verdict(r)), text.trim());
                    });
                    row.col(|ui| {
                        ui.label(
                            r.stratum
                                .map(|s| s.to_string())
                                .unwrap_or_else(|| "–".into()),
                        );
                    });
                    row.col(|ui| {
                        ui.label(r.reference.as_deref().unwrap_or("–"));
                    });
                    row.col(|ui| {
                        let v = r.system_time.map(|s| format!("{:+.1} µs", s * 1e6));
                        ui.label(v.unwrap_or_else(|| "–".into()));
                    });
                    row.col(|ui| {
                        let v = r.frequency.map(|f| format!("{f:+.3} ppm"));
                        ui.label(v.unwrap_or_else(|| "–".into()));
                    });
                    row.col(|ui| {
                        // The lab's topology: which watched server it follows.
                        let upstream = rows.iter().find(|o| {
                            r.reference.as_deref() == Some(address(&o.host)) && o.host != r.host
                        });
                        ui.label(upstream.map(|o| o.host.as_str()).unwrap_or("–"));
                    });
                });
            }
        });
    host_ui(ui, st);
}

/// The chosen server: its sources (explained like the local ones) and its
/// offset over the plot window.
fn host_ui(ui: &mut egui::Ui, st: &mut AppState) {
    let Some(host) = st.fleet_selected.clone() else {
        ui.weak(st.t("gui-fleet-pick"));
        return;
    };
    ui.add_space(8.0);
    ui.strong(st.ta("gui-fleet-host-title", &[("host", host.clone())]));
    if let Some(e) = st.fleet_host_live.clone() {
        super::live::rows_ui(ui, st, "fleet-sources", &e);
    }
    let key = crate::ipc::host_series(&host, "offset");
    if let Some(pts) = st.history.get(&key).filter(|p| !p.is_empty()) {
        let line: egui_plot::PlotPoints = pts
            .iter()
            .map(|(t, lo, hi)| [*t, (lo + hi) / 2.0 * 1e6])
            .collect::<Vec<_>>()
            .into();
        egui_plot::Plot::new(("fleet-offset", host.as_str()))
            .height(160.0)
            .x_axis_formatter(|m, _| {
                let (_, _, _, h, mi, s) = crate::core::civil_from_unix(m.value as i64);
                format!("{h:02}:{mi:02}:{s:02}")
            })
            .show(ui, |p| {
                p.line(egui_plot::Line::new(st.t("gui-plot-offset"), line))
            });
    }
}
