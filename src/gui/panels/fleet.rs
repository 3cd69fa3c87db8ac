//! Every chronyd the helper watches: one row per server with its verdict,
//! and who follows whom (a server's reference is another row's address).

use std::time::Duration;

use egui_extras::{Column, TableBuilder};

use crate::core::explain::Status;
use crate::core::series::{Field, SeriesId, WatchTarget};
use crate::core::time::clock_ahead;
use crate::gui::backend::Command;
use crate::gui::state::{AppState, Panel, status_color};
use crate::ipc::FleetRow;

/// How often the panel asks the helper (it polls the hosts at 1 Hz; a
/// table that changes every second is read no faster than this).
const REFRESH: Duration = Duration::from_secs(2);

fn verdict(r: &FleetRow) -> Status {
    match (r.reachable, r.stratum, r.leap.as_deref()) {
        (false, _, _) => Status::Bad,
        (true, Some(16) | None, _) | (true, _, Some("Not synchronised")) => Status::Warn,
        _ => Status::Ok,
    }
}

/// The lab's topology: the watched server `r` follows. A reference ID is an
/// address without a port, so when several watched servers (or `r` itself)
/// share that address it names none of them for sure.
fn follows<'a>(rows: &'a [FleetRow], r: &FleetRow) -> Option<&'a WatchTarget> {
    let reference = r.reference.as_deref()?;
    let mut at = rows.iter().filter(|o| o.host.host == reference);
    match (at.next(), at.next()) {
        (Some(o), None) if o.host != r.host => Some(&o.host),
        _ => None,
    }
}

/// The roster devices that follow a watched server ("–": no roster, or
/// this user may not read it).
fn followers_text(st: &AppState, r: &FleetRow) -> String {
    match r.roster_followers.as_deref() {
        None => "–".into(),
        Some([]) => st.t("fleet-followers-none"),
        Some(names) => st.tr.list(names),
    }
}

/// Shows only what the window knows: no state of its own.
#[derive(Default)]
pub struct Form;

pub fn fleet_ui(ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
    let mut requests = vec![Command::Fleet];
    if let Some(h) = &st.fleet_selected {
        requests.push(Command::FleetHost(h.clone()));
        requests.push(Command::HistoryRecent {
            series: vec![
                SeriesId::host(h.clone(), Field::Correction),
                SeriesId::host(h.clone(), Field::Frequency),
            ],
            window: st.settings.plot_window.seconds(),
            columns: 600,
        });
    }
    st.follow(Panel::Fleet, requests, REFRESH, commands);
    if st.fleet.is_empty() {
        ui.label(empty_text(st));
        return;
    }
    let rows = st.fleet.clone();
    // A table wider than the panel (long names, a narrow window) scrolls
    // on its own instead of widening the panel past the window's edge,
    // which would cut off the table and the plot under it.
    egui::ScrollArea::horizontal()
        .id_salt("fleet-table")
        .show(ui, |ui| table_ui(ui, st, &rows));
    host_ui(ui, st);
}

/// One row per watched server.
fn table_ui(ui: &mut egui::Ui, st: &mut AppState, rows: &[FleetRow]) {
    TableBuilder::new(ui)
        .striped(true)
        // Cells grow to their text instead of wrapping it (a translated
        // reference such as "its own clock" is longer than an address).
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        // Auto columns grow to their widest cell: small minima keep the
        // table within a 1024-pixel window.
        .column(Column::auto().at_least(100.0))
        .columns(Column::auto().at_least(60.0), 2)
        .column(Column::auto().at_least(100.0))
        .columns(Column::auto().at_least(70.0), 2)
        .column(Column::auto().at_least(60.0))
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
                "gui-fleet-roster",
            ] {
                h.col(|ui| {
                    ui.strong(st.t(id));
                });
            }
        })
        .body(|mut body| {
            for r in rows {
                body.row(20.0, |mut row| {
                    row.col(|ui| {
                        let on = st.fleet_selected.as_ref() == Some(&r.host);
                        if ui.selectable_label(on, r.host.to_string()).clicked() {
                            st.fleet_selected = (!on).then(|| r.host.clone());
                            st.fleet_host_live = None;
                            st.fleet_at = None;
                        }
                    });
                    row.col(|ui| {
                        let text = match &r.error {
                            Some(code) => st.tr.watch_error_text(*code),
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
                        // 127.127.1.1 is chronyd's own clock (`local`), as on the Overview.
                        let local = crate::core::cmdmon::refid_text(0x7F7F_0101);
                        match r.reference.as_deref() {
                            Some(r) if r == local => ui.label(st.t("gui-follows-local")),
                            Some(r) => ui.label(r),
                            None => ui.label("–"),
                        };
                    });
                    row.col(|ui| {
                        // Ahead positive, as its plot and the sources' offsets.
                        let v = r
                            .system_time
                            .map(|s| format!("{:+.1} µs", clock_ahead(s) * 1e6));
                        ui.label(v.unwrap_or_else(|| "–".into()));
                    });
                    row.col(|ui| {
                        let v = r.frequency.map(|f| format!("{f:+.3} ppm"));
                        ui.label(v.unwrap_or_else(|| "–".into()));
                    });
                    row.col(|ui| {
                        ui.label(follows(rows, r).map_or("–".into(), |t| t.to_string()));
                    });
                    row.col(|ui| {
                        ui.label(followers_text(st, r));
                    });
                });
            }
        });
}

/// The chosen server: its sources (explained like the local ones) and its
/// offset over the plot window.
fn host_ui(ui: &mut egui::Ui, st: &mut AppState) {
    let Some(host) = st.fleet_selected.clone() else {
        ui.weak(st.t("gui-fleet-pick"));
        return;
    };
    ui.add_space(8.0);
    ui.strong(st.ta("gui-fleet-host-title", &[("host", host.to_string())]));
    if let Some(e) = st.fleet_host_live.clone() {
        crate::gui::widgets::rows_ui(ui, st, "fleet-sources", &e);
    }
    // Its clock as the Plots panel draws this server's: chronyd's
    // correction negated, ahead positive (the legend says so).
    let key = SeriesId::host(host.clone(), Field::Correction);
    if let Some(pts) = st.history.get(&key).filter(|p| !p.is_empty()) {
        let line: egui_plot::PlotPoints = pts
            .iter()
            .map(|(t, lo, hi)| [*t, clock_ahead((lo + hi) / 2.0) * 1e6])
            .collect::<Vec<_>>()
            .into();
        egui_plot::Plot::new(("fleet-offset-plot", host.to_string()))
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

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        fleet_ui(ui, st, commands);
    }
}

/// Where to list servers to watch: the file `watch` in the helper's data
/// directory (a lab's is its configuration's; the system helper's is
/// /var/lib/stratum unless started with another).
pub fn empty_text(st: &AppState) -> String {
    match &st.info {
        Some(info) if st.is_lab() => {
            let dir = std::path::Path::new(&info.config_path)
                .parent()
                .unwrap_or(std::path::Path::new("."));
            let path = dir.join("watch").display().to_string();
            st.ta("gui-fleet-empty", &[("path", path)])
        }
        Some(_) => st.ta(
            "gui-fleet-empty-system",
            &[("path", "/var/lib/stratum/watch".into())],
        ),
        None => st.t("gui-fleet-empty-offline"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(host: &str, reference: &str) -> FleetRow {
        FleetRow {
            host: host.parse().unwrap(),
            reachable: true,
            stratum: Some(2),
            reference: Some(reference.into()),
            system_time: None,
            frequency: None,
            skew: None,
            leap: None,
            selected: None,
            sources: None,
            error: None,
            roster_followers: None,
        }
    }

    #[test]
    fn follows_names_the_one_watched_server_at_the_reference() {
        let rows = [
            row("192.0.2.1:323", "7F7F0101"),
            row("192.0.2.2:323", "192.0.2.1"),
            row("[2001:db8::3]:323", "2001:db8::2"),
        ];
        assert_eq!(follows(&rows, &rows[0]), None);
        assert_eq!(
            follows(&rows, &rows[1]).map(ToString::to_string).as_deref(),
            Some("192.0.2.1:323")
        );
        assert_eq!(follows(&rows, &rows[2]), None);
    }

    #[test]
    fn follows_names_nobody_when_the_address_is_shared() {
        // Two chronyd on one machine (a loopback lab): the reference ID cannot
        // say which port the client follows.
        let rows = [
            row("127.0.0.1:11323", "7F7F0101"),
            row("127.0.0.1:12323", "127.0.0.1"),
        ];
        assert_eq!(follows(&rows, &rows[1]), None);
    }
}
