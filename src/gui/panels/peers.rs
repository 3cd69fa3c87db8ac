//! Peers / redundancy: servers that back each other up peer with each other
//! and follow the pair rule (chrony.conf(5), `local … orphan`; see
//! core::conf::pair): the same `local stratum N orphan` on every server of
//! the group.

use egui::RichText;

use crate::core::conf::pair::group_local;
use crate::core::conf::{SourceKind, parse_user_source};
use crate::core::explain::Status;
use crate::gui::state::{AppState, status_color};

#[derive(Default)]
pub struct Form {
    pub partner: String,
}

pub fn peers_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    ui.label(st.t("gui-peers-help"));
    ui.add_space(6.0);
    let peers: Vec<String> = st
        .doc
        .sources()
        .filter(|(_, s)| s.kind == SourceKind::Peer)
        .map(|(_, s)| s.host.clone())
        .collect();
    let mut remove = None;
    for p in &peers {
        ui.horizontal(|ui| {
            let line = ui.label(RichText::new(format!("peer {p}")).monospace());
            if ui.button(st.t("gui-remove")).labelled_by(line.id).clicked() {
                remove = Some(p.clone());
            }
        });
    }
    if let Some(p) = remove {
        st.doc.remove_source(&p);
    }
    // This server's local line against the rule, once it has a partner.
    let current = st.doc.local().map(|(_, l)| l.clone());
    let wanted = group_local(current.as_ref());
    if !peers.is_empty() {
        match &current {
            Some(l) if l.orphan() => {
                ui.colored_label(
                    status_color(Status::Ok),
                    st.ta("gui-pair-follows-rule", &[("line", l.render())]),
                );
            }
            _ => {
                ui.colored_label(
                    status_color(Status::Warn),
                    st.ta("gui-pair-breaks-rule", &[("line", wanted.render())]),
                );
            }
        }
    }
    ui.add_space(6.0);
    let f = &mut *form;
    egui::Grid::new("peers").num_columns(2).show(ui, |ui| {
        crate::gui::widgets::labelled(ui, &st.t("gui-partner"), |ui| {
            ui.add(
                egui::TextEdit::singleline(&mut f.partner)
                    .id_salt("peers.partner")
                    .hint_text("10.0.0.2")
                    .desired_width(160.0),
            )
        });
    });
    let parsed = parse_user_source(SourceKind::Peer, form.partner.trim());
    ui.label(st.ta("gui-pair-effect", &[("line", wanted.render())]));
    if ui
        .add_enabled(parsed.is_ok(), egui::Button::new(st.t("gui-set-pair")))
        .clicked()
    {
        if let Ok(p) = parsed {
            let comment = st.conf_comment(crate::core::conf::edit::group_comment_id(
                crate::core::conf::edit::Group::Peers,
            ));
            st.doc.add_source_commented(&p, &comment);
            st.doc.set_local(Some(&wanted));
            form.partner.clear();
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
        peers_ui(ui, st, self);
    }
}
