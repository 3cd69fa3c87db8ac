//! A short guide to the panel in view (F1, or Help in the navigation):
//! what the panel is for and how to use it, in the window's language
//! (`help-<panel>` in i18n/), with links to the chronyc(1) and
//! chrony.conf(5) entries of the terms it uses, for the chrony release the
//! window manages.

use crate::gui::state::{AppState, Panel};

/// The manual a term is described in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manual {
    /// chronyc(1): the reports and commands.
    Chronyc,
    /// chrony.conf(5): the directives.
    Conf,
}

impl Manual {
    fn page(self) -> &'static str {
        match self {
            Manual::Chronyc => "chronyc",
            Manual::Conf => "chrony.conf",
        }
    }

    fn section(self) -> &'static str {
        match self {
            Manual::Chronyc => "chronyc(1)",
            Manual::Conf => "chrony.conf(5)",
        }
    }
}

/// The chronyc(1) and chrony.conf(5) terms a panel's guide uses (the
/// anchors of chrony's own manual pages).
pub fn terms(panel: Panel) -> &'static [(Manual, &'static str)] {
    use Manual::{Chronyc, Conf};
    match panel {
        Panel::Overview => &[
            (Chronyc, "tracking"),
            (Chronyc, "serverstats"),
            (Chronyc, "activity"),
            (Chronyc, "burst"),
            (Chronyc, "makestep"),
        ],
        Panel::Sources => &[
            (Chronyc, "sources"),
            (Chronyc, "sourcestats"),
            (Chronyc, "selectdata"),
            (Chronyc, "authdata"),
        ],
        Panel::Clients => &[(Chronyc, "clients"), (Conf, "ratelimit")],
        Panel::Plots => &[(Chronyc, "tracking"), (Chronyc, "sources")],
        Panel::Statistics => &[(Chronyc, "tracking"), (Conf, "log")],
        Panel::Fleet => &[(Chronyc, "tracking"), (Conf, "cmdallow")],
        Panel::Roster => &[(Chronyc, "clients"), (Conf, "allow")],
        Panel::Setup => &[
            (Conf, "server"),
            (Conf, "pool"),
            (Conf, "allow"),
            (Conf, "local"),
            (Conf, "refclock"),
        ],
        Panel::Upstreams => &[(Conf, "server"), (Conf, "pool"), (Conf, "peer")],
        Panel::Access => &[(Conf, "allow"), (Conf, "deny")],
        Panel::Stratum => &[(Conf, "local")],
        Panel::Peers => &[(Conf, "peer"), (Conf, "local")],
        Panel::Nts => &[
            (Conf, "ntsservercert"),
            (Conf, "ntsserverkey"),
            (Conf, "ntstrustedcerts"),
            (Chronyc, "authdata"),
        ],
        Panel::Advanced => &[
            (Conf, "makestep"),
            (Conf, "rtcsync"),
            (Conf, "log"),
            (Conf, "ratelimit"),
            (Conf, "leapsectz"),
        ],
        Panel::Apply => &[(Conf, "include")],
        Panel::Explain => &[
            (Chronyc, "tracking"),
            (Chronyc, "sources"),
            (Chronyc, "clients"),
        ],
        Panel::Export => &[
            (Conf, "server"),
            (Conf, "peer"),
            (Conf, "local"),
            (Conf, "keyfile"),
        ],
        Panel::Settings => &[],
    }
}

/// Where chrony's manual describes `term`, for `version`'s release
/// (chrony-project.org keeps each release's pages).
pub fn term_url(manual: Manual, term: &str, version: crate::core::conf::ChronyVersion) -> String {
    format!(
        "https://chrony-project.org/doc/{}.{}/{}.html#{term}",
        version.major,
        version.minor,
        manual.page()
    )
}

fn open_id() -> egui::Id {
    egui::Id::new("stratum-help-open")
}

/// Whether the guide is open.
pub fn is_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(open_id()).unwrap_or(false))
}

pub fn set_open(ctx: &egui::Context, open: bool) {
    ctx.data_mut(|d| d.insert_temp(open_id(), open));
}

/// The Help entry of the navigation.
pub fn nav_entry_ui(ui: &mut egui::Ui, st: &AppState) {
    let open = is_open(ui.ctx());
    if ui
        .selectable_label(open, st.t("gui-help"))
        .on_hover_text(st.t("gui-help-hint"))
        .clicked()
    {
        set_open(ui.ctx(), !open);
    }
}

/// F1 opens (and closes) the guide of the panel in view, in a side panel
/// of its own at the right: the panel beside it gets narrower, never
/// covered, and the guide changes with the panel. Esc closes it too.
pub fn help_ui(ctx: &egui::Context, st: &AppState) {
    if ctx.input(|i| i.key_pressed(egui::Key::F1)) {
        set_open(ctx, !is_open(ctx));
    }
    if !is_open(ctx) {
        return;
    }
    // Esc belongs to a field or popup that has the focus first.
    let nothing_focused = ctx.memory(|m| m.focused().is_none());
    if nothing_focused && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        set_open(ctx, false);
        return;
    }
    let mut open = true;
    let panel = st.t(&format!("gui-panel-{}", st.panel.key()));
    // At 1024 wide the panels keep most of the width; wider windows give
    // the guide more.
    let width = (ctx.screen_rect().width() * 0.26).clamp(240.0, 420.0);
    egui::SidePanel::right("stratum-help")
        .resizable(false)
        .exact_width(width)
        .show(ctx, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading(st.ta("gui-help-title", &[("panel", panel)]));
            });
            // Its own Close button: egui's cross is named in English only.
            if ui
                .button(st.t("gui-close"))
                .on_hover_text(st.t("gui-help-close-hint"))
                .clicked()
            {
                open = false;
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for paragraph in st.t(&format!("help-{}", st.panel.key())).split("\n\n") {
                        ui.label(paragraph.trim());
                        ui.add_space(4.0);
                    }
                    let terms = terms(st.panel);
                    if !terms.is_empty() {
                        ui.separator();
                        ui.weak(st.t("gui-help-terms"));
                        let version = st.chrony_version();
                        for (manual, term) in terms {
                            ui.hyperlink_to(
                                format!("{term} — {}", manual.section()),
                                term_url(*manual, term, version),
                            );
                        }
                    }
                });
        });
    if !open {
        set_open(ctx, false);
    }
}
