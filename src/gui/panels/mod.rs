//! One file per panel; `panel_ui` draws the current one.

pub mod access;
pub mod advanced;
pub mod apply;
pub mod clients;
pub mod explain;
pub mod export;
pub mod fleet;
pub mod live;
pub mod overview;
pub mod peers;
pub mod plots;
pub mod settings;
pub mod setup;
pub mod sources;
pub mod stratum;
pub mod upstreams;

use super::app::{AppState, Panel};
use super::backend::Command;

/// Form fields of the panels, kept between frames.
#[derive(Default)]
pub struct Forms {
    pub upstreams: upstreams::Form,
    pub access: access::Form,
    pub peers: peers::Form,
    pub advanced: advanced::Form,
    pub clients: clients::Form,
    pub plots: plots::Form,
    pub explain: explain::Form,
    pub export: export::Form,
    pub setup: setup::Form,
    pub apply: apply::Form,
}

pub fn panel_ui(ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
    ui.heading(st.t(&format!("gui-panel-{}", st.panel.key())));
    ui.add_space(4.0);
    match st.panel {
        Panel::Overview => overview::overview_ui(ui, st, commands),
        Panel::Sources => sources::sources_ui(ui, st),
        Panel::Clients => clients::clients_ui(ui, st),
        Panel::Plots => plots::plots_ui(ui, st, commands),
        Panel::Fleet => fleet::fleet_ui(ui, st, commands),
        Panel::Setup => setup::setup_ui(ui, st, commands),
        Panel::Upstreams => upstreams::upstreams_ui(ui, st),
        Panel::Access => access::access_ui(ui, st),
        Panel::Stratum => stratum::stratum_ui(ui, st),
        Panel::Peers => peers::peers_ui(ui, st),
        Panel::Advanced => advanced::advanced_ui(ui, st),
        Panel::Apply => apply::apply_ui(ui, st, commands),
        Panel::Explain => explain::explain_ui(ui, st),
        Panel::Export => export::export_ui(ui, st),
        Panel::Settings => settings::settings_ui(ui, st),
    }
}

/// A message for when live data is missing: why, and how to fix it.
pub fn offline_note_ui(ui: &mut egui::Ui, st: &AppState) -> bool {
    if st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some()) {
        return false;
    }
    let text = match &st.connection {
        super::app::Connection::Offline { .. } => st.t("gui-offline-help"),
        super::app::Connection::Connecting => st.t("gui-conn-connecting"),
        super::app::Connection::Connected { .. } => st.t("gui-waiting-chronyd"),
    };
    ui.label(text);
    true
}
