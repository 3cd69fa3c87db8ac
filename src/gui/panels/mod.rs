//! One file per panel, each a [`View`] with its own state; `Panels` holds
//! them all and draws the one the navigation shows.

pub mod access;
pub mod advanced;
pub mod apply;
pub mod clients;
pub mod explain;
pub mod export;
pub mod fleet;
pub mod nts;
pub mod overview;
pub mod peers;
pub mod plots;
pub mod roster;
pub mod settings;
pub mod setup;
pub mod sources;
pub mod statistics;
pub mod stratum;
pub mod upstreams;

use super::backend::Command;
use super::state::{AppState, Panel};
use super::view::View;

/// Every panel's state, kept between frames and between visits.
#[derive(Default)]
pub struct Panels {
    pub access: access::Form,
    pub advanced: advanced::Form,
    pub apply: apply::Form,
    pub clients: clients::Form,
    pub explain: explain::Form,
    pub export: export::Form,
    pub fleet: fleet::Form,
    pub nts: nts::Form,
    pub overview: overview::Form,
    pub peers: peers::Form,
    pub plots: plots::Form,
    pub roster: roster::Form,
    pub settings: settings::Form,
    pub setup: setup::Form,
    pub sources: sources::Form,
    pub statistics: statistics::Form,
    pub stratum: stratum::Form,
    pub upstreams: upstreams::Form,
}

impl Panels {
    /// The panel of `id`.
    pub fn view(&mut self, id: Panel) -> &mut dyn View {
        match id {
            Panel::Access => &mut self.access,
            Panel::Advanced => &mut self.advanced,
            Panel::Apply => &mut self.apply,
            Panel::Clients => &mut self.clients,
            Panel::Explain => &mut self.explain,
            Panel::Export => &mut self.export,
            Panel::Fleet => &mut self.fleet,
            Panel::Nts => &mut self.nts,
            Panel::Overview => &mut self.overview,
            Panel::Peers => &mut self.peers,
            Panel::Plots => &mut self.plots,
            Panel::Roster => &mut self.roster,
            Panel::Settings => &mut self.settings,
            Panel::Setup => &mut self.setup,
            Panel::Sources => &mut self.sources,
            Panel::Statistics => &mut self.statistics,
            Panel::Stratum => &mut self.stratum,
            Panel::Upstreams => &mut self.upstreams,
        }
    }

    /// Draws the panel the navigation shows, under its title.
    pub fn ui(&mut self, ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
        ui.heading(st.t(&format!("gui-panel-{}", st.panel.key())));
        ui.add_space(4.0);
        let id = st.panel;
        self.view(id).ui(ui, st, commands);
    }
}
