//! Peers / redundancy: a primary and a backup that peer with each other, at
//! different local strata (8 on the primary, 9 on the backup).

use egui::RichText;

use crate::core::conf::{Local, SourceKind, parse_user_source};
use crate::gui::state::AppState;

#[derive(Default)]
pub struct Form {
    pub partner: String,
    pub backup: bool,
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
            ui.label(RichText::new(format!("peer {p}")).monospace());
            if ui.button(st.t("gui-remove")).clicked() {
                remove = Some(p.clone());
            }
        });
    }
    if let Some(p) = remove {
        st.doc.remove_source(&p);
    }
    ui.add_space(6.0);
    let (primary_l, backup_l, partner_l, set_l) = (
        st.t("gui-role-primary"),
        st.t("gui-role-backup"),
        st.t("gui-partner"),
        st.t("gui-set-pair"),
    );
    let f = &mut *form;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut f.backup, false, primary_l);
        ui.selectable_value(&mut f.backup, true, backup_l);
        ui.label(partner_l);
        ui.add(
            egui::TextEdit::singleline(&mut f.partner)
                .hint_text("10.0.0.2")
                .desired_width(160.0),
        );
    });
    let parsed = parse_user_source(SourceKind::Peer, form.partner.trim());
    let stratum: u8 = if form.backup { 9 } else { 8 };
    ui.label(st.ta("gui-pair-effect", &[("stratum", stratum.to_string())]));
    if ui
        .add_enabled(parsed.is_ok(), egui::Button::new(set_l))
        .clicked()
    {
        if let Ok(p) = parsed {
            st.doc.add_source(&p);
            st.doc.set_local(Some(&Local::new(stratum, true, None)));
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
