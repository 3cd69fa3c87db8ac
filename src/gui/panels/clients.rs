//! Clients: sortable, filterable, virtualised (only visible rows are laid
//! out, so 10,000 clients scroll smoothly).

use egui_extras::{Column, TableBuilder};

use crate::core::cmdmon::Client;
use crate::core::explain::Kind;
use crate::gui::state::{AppState, status_color};

#[derive(Default)]
pub struct Form {
    pub filter: String,
    pub sort: usize,
    pub descending: bool,
    /// Sorted, filtered indices, and what they were computed for.
    order: Vec<usize>,
    key: Option<(f64, String, usize, bool)>,
}

const COLUMNS: [&str; 6] = [
    "address",
    "ntp-hits",
    "ntp-drops",
    "ntp-interval",
    "ntp-interval-limit",
    "ntp-last",
];

fn cell(c: &Client, col: usize) -> String {
    let i = |v: Option<i8>| v.map_or("-".to_string(), |x| x.to_string());
    match col {
        0 => c.address.to_string(),
        1 => c.ntp_hits.to_string(),
        2 => c.ntp_drops.to_string(),
        3 => i(c.ntp_interval),
        4 => i(c.ntp_interval_limit),
        _ => c.ntp_last.map_or("-".into(), |x| x.to_string()),
    }
}

fn sort_key(c: &Client, col: usize) -> (i64, String) {
    match col {
        0 => (0, format!("{:?}", c.address)),
        1 => (i64::from(c.ntp_hits), String::new()),
        2 => (i64::from(c.ntp_drops), String::new()),
        3 => (c.ntp_interval.map_or(i64::MAX, i64::from), String::new()),
        4 => (
            c.ntp_interval_limit.map_or(i64::MAX, i64::from),
            String::new(),
        ),
        _ => (c.ntp_last.map_or(i64::MAX, i64::from), String::new()),
    }
}

/// Recomputes the row order when the data, filter or sort changed.
pub fn order(form: &mut Form, time: f64, clients: &[Client]) -> Vec<usize> {
    let key = (time, form.filter.clone(), form.sort, form.descending);
    if form.key.as_ref() != Some(&key) {
        let f = form.filter.trim().to_string();
        let mut idx: Vec<usize> = (0..clients.len())
            .filter(|i| f.is_empty() || clients[*i].address.to_string().contains(&f))
            .collect();
        idx.sort_by_cached_key(|i| sort_key(&clients[*i], form.sort));
        if form.descending {
            idx.reverse();
        }
        form.order = idx;
        form.key = Some(key);
    }
    form.order.clone()
}

pub fn clients_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    if crate::gui::widgets::offline_note_ui(ui, st) {
        return;
    }
    let Some(snap) = st.snapshot.clone() else {
        return;
    };
    ui.horizontal(|ui| {
        let name = ui.label(st.t("gui-filter"));
        ui.text_edit_singleline(&mut form.filter)
            .labelled_by(name.id);
        ui.label(st.ta(
            "gui-client-count",
            &[("count", snap.clients.len().to_string())],
        ));
    });
    let order = order(form, snap.time, &snap.clients);
    let mut clicked_col = None;
    TableBuilder::new(ui)
        .striped(true)
        .columns(Column::auto().at_least(70.0), COLUMNS.len())
        .header(20.0, |mut h| {
            for (i, name) in COLUMNS.iter().enumerate() {
                h.col(|ui| {
                    let arrow = if form.sort == i {
                        if form.descending { " ⏷" } else { " ⏶" }
                    } else {
                        ""
                    };
                    let label = crate::gui::widgets::field_name(st, name);
                    let r = ui.add(
                        egui::Button::new(format!("{label}{arrow}"))
                            .frame(false)
                            .wrap_mode(egui::TextWrapMode::Extend),
                    );
                    if r.clicked() {
                        clicked_col = Some(i);
                    }
                    r.on_hover_text(crate::gui::widgets::field_meaning(
                        st,
                        Kind::ChronycClients,
                        name,
                    ));
                });
            }
        })
        .body(|body| {
            body.rows(18.0, order.len(), |mut row| {
                let c = &snap.clients[order[row.index()]];
                for col in 0..COLUMNS.len() {
                    row.col(|ui| {
                        let text = cell(c, col);
                        if col == 2 && c.ntp_drops > 0 {
                            ui.colored_label(
                                status_color(crate::core::explain::Status::Warn),
                                text,
                            )
                            .on_hover_text(st.tr.tr_args(
                                "why-drops-rate-limited",
                                &[("drops", c.ntp_drops.to_string())],
                            ));
                        } else {
                            ui.monospace(text);
                        }
                    });
                }
            });
        });
    if let Some(i) = clicked_col {
        let f = &mut *form;
        if f.sort == i {
            f.descending = !f.descending;
        } else {
            f.sort = i;
            f.descending = false;
        }
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        clients_ui(ui, st, self);
    }
}
