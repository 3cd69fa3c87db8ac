//! The application: state, the panel frame (navigation, status bar,
//! explanation side panel) and the dispatch to one file per panel.

use std::collections::HashMap;
use std::time::Instant;

use egui::{Color32, RichText};

use super::backend::{Backend, Command, Event};
use super::panels;
use super::settings::Settings;
use crate::core::conf::{ChronyVersion, Document};
use crate::core::explain::{Explained, Status};
use crate::core::history::SeriesPoint;
use crate::i18n::{Lang, Localizer};
use crate::ipc::{Applied, HelperInfo, Snapshot};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Overview,
    Sources,
    Clients,
    Plots,
    Fleet,
    Setup,
    Upstreams,
    Access,
    Stratum,
    Peers,
    Advanced,
    Apply,
    Explain,
    Export,
    Settings,
}

impl Panel {
    pub const ALL: [Panel; 15] = [
        Panel::Overview,
        Panel::Sources,
        Panel::Clients,
        Panel::Plots,
        Panel::Fleet,
        Panel::Setup,
        Panel::Upstreams,
        Panel::Access,
        Panel::Stratum,
        Panel::Peers,
        Panel::Advanced,
        Panel::Apply,
        Panel::Explain,
        Panel::Export,
        Panel::Settings,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Panel::Overview => "overview",
            Panel::Sources => "sources",
            Panel::Clients => "clients",
            Panel::Plots => "plots",
            Panel::Fleet => "fleet",
            Panel::Setup => "setup",
            Panel::Upstreams => "upstreams",
            Panel::Access => "access",
            Panel::Stratum => "stratum",
            Panel::Peers => "peers",
            Panel::Advanced => "advanced",
            Panel::Apply => "apply",
            Panel::Explain => "explain",
            Panel::Export => "export",
            Panel::Settings => "settings",
        }
    }

    fn group(self) -> &'static str {
        match self {
            Panel::Overview | Panel::Sources | Panel::Clients | Panel::Plots | Panel::Fleet => {
                "gui-group-live"
            }
            Panel::Setup
            | Panel::Upstreams
            | Panel::Access
            | Panel::Stratum
            | Panel::Peers
            | Panel::Advanced
            | Panel::Apply => "gui-group-configure",
            _ => "gui-group-tools",
        }
    }
}

/// Where the helper connection stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Connection {
    Connecting,
    Connected { started_lab: bool },
    Offline { code: String },
}

/// An Apply in progress or finished.
#[derive(Debug, Clone, PartialEq)]
pub enum ApplyState {
    Idle,
    Running,
    Done(Applied),
    Failed {
        code: String,
        detail: Option<String>,
    },
}

/// What the explanation side panel shows: a field, its value, verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    pub field: &'static str,
    pub raw: String,
    pub status: Status,
    pub reason: Option<String>,
    /// What the field means, for the output it comes from.
    pub meaning: String,
}

pub struct AppState {
    pub tr: Localizer,
    pub settings: Settings,
    pub panel: Panel,
    pub connection: Connection,
    pub info: Option<HelperInfo>,
    pub snapshot: Option<Snapshot>,
    pub snapshot_at: Option<Instant>,
    /// chronyc-style explanations of the last snapshot, per report.
    pub live: HashMap<&'static str, Explained>,
    /// The configuration being edited, and the text it started from.
    pub doc: Document,
    pub base_text: String,
    pub config_path: String,
    pub apply: ApplyState,
    pub history: HashMap<String, Vec<SeriesPoint>>,
    pub series: Vec<String>,
    pub selected: Option<Selected>,
    pub last_error: Option<String>,
    pub forms: panels::Forms,
    /// When the Overview last asked for its sparkline.
    pub overview_spark_at: Option<Instant>,
    /// The helper this window talks to (socket path or `ssh://` URL).
    pub server: Option<String>,
    /// Set by the connect field: talk to this helper instead.
    pub reconnect: Option<String>,
    /// This machine's networks, read once (not per frame).
    networks: std::cell::OnceCell<Vec<String>>,
    /// The watched servers (`stratum-helper --watch`), and when they came.
    pub fleet: Vec<crate::ipc::FleetRow>,
    pub fleet_at: Option<Instant>,
    /// The watched server chosen in the Fleet panel, and its sources.
    pub fleet_selected: Option<String>,
    pub fleet_host_live: Option<crate::core::explain::Explained>,
    /// `chronyd -v` of the chronyd that would run, asked once (never from a
    /// frame: it spawns a process).
    local_version: std::cell::OnceCell<Option<ChronyVersion>>,
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        let lang = settings.lang.unwrap_or_else(Lang::from_env);
        let text = crate::core::conf::DEFAULT_LAB_CONFIG.to_string();
        let panel = Panel::ALL
            .into_iter()
            .find(|p| p.key() == settings.panel)
            .unwrap_or(Panel::Overview);
        AppState {
            tr: Localizer::new(lang),
            settings,
            panel,
            connection: Connection::Connecting,
            info: None,
            snapshot: None,
            snapshot_at: None,
            live: HashMap::new(),
            doc: Document::parse(&text),
            base_text: text,
            config_path: String::new(),
            apply: ApplyState::Idle,
            history: HashMap::new(),
            series: Vec::new(),
            selected: None,
            last_error: None,
            local_version: std::cell::OnceCell::new(),
            fleet: Vec::new(),
            fleet_at: None,
            fleet_selected: None,
            fleet_host_live: None,
            networks: std::cell::OnceCell::new(),
            server: None,
            reconnect: None,
            overview_spark_at: None,
            forms: panels::Forms::default(),
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.tr(id)
    }

    pub fn ta(&self, id: &str, args: &[(&str, String)]) -> String {
        self.tr.tr_args(id, args)
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.tr = Localizer::new(lang);
        self.settings.lang = Some(lang);
        self.settings.save();
    }

    /// The chronyd version whose rules apply to the configuration.
    pub fn chrony_version(&self) -> ChronyVersion {
        self.info
            .as_ref()
            .and_then(|i| i.chrony_version.as_deref())
            .and_then(|v| v.parse().ok())
            .or_else(|| {
                *self.local_version.get_or_init(|| {
                    let chosen = self.settings.chronyd.as_deref().map(std::path::Path::new);
                    crate::sys::chronyd_version(&crate::sys::find_chronyd(chosen)?)
                })
            })
            .unwrap_or(ChronyVersion::LATEST)
    }

    pub fn is_lab(&self) -> bool {
        self.info.as_ref().is_none_or(|i| i.mode == "lab")
    }

    /// This machine's IPv4 networks, for the allow presets.
    pub fn local_networks(&self) -> &[String] {
        self.networks.get_or_init(panels::access::local_networks)
    }

    pub fn may_change(&self) -> bool {
        self.info.as_ref().is_some_and(|i| i.may_change)
    }

    /// Applies an event from the backend.
    pub fn on_event(&mut self, e: Event) {
        match e {
            Event::Connected {
                info,
                started_lab,
                server,
            } => {
                self.info = Some(info);
                // Remote helpers are remembered for the connect field.
                if server.starts_with("ssh://") && !self.settings.recent.contains(&server) {
                    self.settings.recent.insert(0, server.clone());
                    self.settings.recent.truncate(8);
                    self.settings.save();
                }
                self.server = Some(server);
                self.connection = Connection::Connected { started_lab };
            }
            Event::Offline { code } => self.connection = Connection::Offline { code },
            Event::Snapshot(s) => {
                self.live = panels::live::explain_snapshot(&s);
                self.snapshot = Some(*s);
                self.snapshot_at = Some(Instant::now());
            }
            Event::Config { text, path } => {
                // Keep the user's unapplied edits.
                if self.doc.render_lossy() == self.base_text {
                    self.doc = Document::parse(&text);
                }
                self.base_text = text;
                self.config_path = path;
            }
            Event::Applied(a) => {
                self.base_text = self.doc.render_lossy();
                self.apply = ApplyState::Done(a);
            }
            Event::Failed { code, detail } => {
                if self.apply == ApplyState::Running {
                    self.apply = ApplyState::Failed { code, detail };
                } else {
                    self.last_error = Some(self.tr.error_text(&code, detail));
                }
            }
            Event::ActionDone => self.last_error = None,
            Event::History(name, points) => {
                self.history.insert(name, points);
            }
            Event::SeriesList(s) => self.series = s,
            Event::FleetHost(host, snap) => {
                if self.fleet_selected.as_deref() == Some(host.as_str()) {
                    self.fleet_host_live = panels::live::explain_snapshot(&snap).remove("sources");
                }
            }
            Event::Fleet(rows) => {
                self.fleet = rows;
                self.fleet_at = Some(Instant::now());
            }
        }
    }
}

pub struct App {
    pub state: AppState,
    pub backend: Backend,
    /// `STRATUM_SCREENSHOTS=DIR`: photograph every panel in both languages
    /// once live data is there, then close (used by scripts/screenshots.sh).
    pub shots: Option<ShotPlan>,
    /// Set while the visible panel shows live data: the backend wakes the
    /// UI for snapshots only then.
    pub wants_live: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

pub struct ShotPlan {
    pub dir: std::path::PathBuf,
    started: Instant,
    step: usize,
    frames: u32,
}

impl ShotPlan {
    pub fn new(dir: std::path::PathBuf) -> ShotPlan {
        ShotPlan {
            dir,
            started: Instant::now(),
            step: 0,
            frames: 0,
        }
    }
}

/// The panels photographed, in order.
const SHOT_PANELS: [Panel; 10] = [
    Panel::Overview,
    Panel::Sources,
    Panel::Clients,
    Panel::Plots,
    Panel::Fleet,
    Panel::Setup,
    Panel::Upstreams,
    Panel::Access,
    Panel::Explain,
    Panel::Export,
];

impl App {
    /// The app talking to `backend`.
    pub fn new(ctx: &egui::Context, settings: Settings, backend: Backend) -> App {
        super::fonts::install(ctx);
        ctx.set_zoom_factor(settings.zoom.clamp(0.75, 2.0));
        ctx.set_visuals(if settings.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        Self::headless(settings, backend)
    }

    /// The app without touching a context (UI tests install fonts
    /// themselves).
    pub fn headless(settings: Settings, backend: Backend) -> App {
        App {
            state: AppState::new(settings),
            backend,
            shots: std::env::var_os("STRATUM_SCREENSHOTS").map(|d| ShotPlan::new(d.into())),
            wants_live: None,
        }
    }

    pub fn send(&self, c: Command) {
        let _ = self.backend.tx.send(c);
    }

    /// One frame of the whole UI.
    pub fn ui(&mut self, ctx: &egui::Context) {
        if let Some(target) = self.state.reconnect.take() {
            // Another helper: the old connection goes, a new one starts.
            self.backend.shutdown();
            let waker: super::backend::Waker = {
                let ctx = ctx.clone();
                std::sync::Arc::new(move || {
                    ctx.request_repaint_after(std::time::Duration::from_millis(1))
                })
            };
            self.backend = Backend::start(Some(target.into()), None, waker);
            self.state.connection = Connection::Connecting;
            self.state.snapshot = None;
            self.state.fleet.clear();
        }
        while let Ok(e) = self.backend.rx.try_recv() {
            self.state.on_event(e);
        }
        let mut commands = Vec::new();
        if let Some(flag) = &self.wants_live {
            // Plots draw history, fetched on their own clock: a snapshot
            // arriving every second need not redraw them.
            let live = matches!(
                self.state.panel,
                Panel::Overview | Panel::Sources | Panel::Clients
            );
            flag.store(
                live || self.state.apply == ApplyState::Running,
                std::sync::atomic::Ordering::Relaxed,
            );
        }
        let st = &mut self.state;
        egui::TopBottomPanel::bottom("status").show(ctx, |ui| status_bar_ui(ui, st));
        egui::SidePanel::left("nav")
            .resizable(false)
            .show(ctx, |ui| nav_ui(ui, st));
        if st.selected.is_some() {
            egui::SidePanel::right("explain-side")
                .default_width(280.0)
                .show(ctx, |ui| side_ui(ui, st));
        }
        egui::CentralPanel::default().show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    panels::panel_ui(ui, st, &mut commands);
                });
        });
        for c in commands {
            self.send(c);
        }
        self.screenshots(ctx);
    }

    fn screenshots(&mut self, ctx: &egui::Context) {
        let Some(plan) = &mut self.shots else { return };
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        let st = &mut self.state;
        // STRATUM_SCREENSHOT_FIRST_RUN: one shot of the overview once
        // chronyd answers (a fresh lab has no sources to wait for).
        if std::env::var_os("STRATUM_SCREENSHOT_FIRST_RUN").is_some() {
            st.panel = Panel::Overview;
            let answered = st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some());
            if answered || plan.started.elapsed().as_secs() > 40 {
                plan.frames += 1;
            }
            if plan.frames == 8 {
                let path = plan.dir.join("first-run.png");
                ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::new(
                    path.display().to_string(),
                )));
            }
            if plan.frames == 14 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            return;
        }
        let live = st
            .snapshot
            .as_ref()
            .is_some_and(|s| s.tracking.is_some() && !s.sources.is_empty());
        let plotted = st.history.values().any(|v| v.len() > 5);
        if plan.step == 0 && !(live && plotted) && plan.started.elapsed().as_secs() < 40 {
            // Visit the plots so that history gets requested.
            st.panel = Panel::Plots;
            return;
        }
        let total = SHOT_PANELS.len() * 2;
        if plan.step >= total {
            if plan.frames > 10 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            plan.frames += 1;
            return;
        }
        let lang = if plan.step < SHOT_PANELS.len() {
            Lang::En
        } else {
            Lang::ZhCn
        };
        let panel = SHOT_PANELS[plan.step % SHOT_PANELS.len()];
        if st.tr.lang() != lang {
            st.tr = Localizer::new(lang);
        }
        if st.panel != panel {
            st.panel = panel;
            plan.frames = 0;
            if panel == Panel::Explain && st.forms.explain.input.is_empty() {
                st.forms.explain.input =
                    include_str!("../../tests/data/explain/chronyc-sources-seed004.txt")
                        .to_string();
                st.forms.explain.result = Some(
                    crate::core::explain::explain_all(&st.forms.explain.input)
                        .map_err(|_| String::new()),
                );
            }
            if panel == Panel::Export && st.forms.export.servers.is_empty() {
                st.forms.export.servers = "10.0.0.123 10.0.0.124".into();
                st.forms.export.format = crate::core::export::Format::HuaweiVrp;
                st.forms.export.source_interface = "LoopBack0".into();
            }
            return;
        }
        plan.frames += 1;
        if plan.frames == 8 {
            let path = plan
                .dir
                .join(format!("{}-{}.png", lang.code(), panel.key()));
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::new(
                path.display().to_string(),
            )));
        }
        if plan.frames == 12 {
            plan.step += 1;
        }
    }
}

impl eframe::App for App {
    fn update(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        super::save_screenshots(ctx);
        self.ui(ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.settings.panel = self.state.panel.key().to_string();
        self.state.settings.save();
        self.backend.shutdown();
    }
}

pub fn status_color(s: Status) -> Color32 {
    match s {
        Status::Ok => Color32::from_rgb(60, 170, 90),
        Status::Warn => Color32::from_rgb(220, 160, 40),
        Status::Bad => Color32::from_rgb(220, 70, 60),
        Status::Info => Color32::GRAY,
    }
}

fn nav_ui(ui: &mut egui::Ui, st: &mut AppState) {
    ui.add_space(6.0);
    ui.heading("Stratum");
    let mut group = "";
    for p in Panel::ALL {
        if p.group() != group {
            group = p.group();
            ui.add_space(8.0);
            ui.label(RichText::new(st.t(group)).small().weak());
        }
        let label = st.t(&format!("gui-panel-{}", p.key()));
        if ui.selectable_label(st.panel == p, label).clicked() {
            st.panel = p;
            st.selected = None;
        }
    }
}

fn status_bar_ui(ui: &mut egui::Ui, st: &mut AppState) {
    ui.horizontal_wrapped(|ui| {
        let (text, color) = match &st.connection {
            Connection::Connecting => (st.t("gui-conn-connecting"), Color32::GRAY),
            Connection::Connected { started_lab: true } => {
                (st.t("gui-conn-started-lab"), status_color(Status::Ok))
            }
            Connection::Connected { started_lab: false } => {
                (st.t("gui-conn-connected"), status_color(Status::Ok))
            }
            Connection::Offline { code } => {
                (st.tr.error_text(code, None), status_color(Status::Warn))
            }
        };
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), 4.0, color);
        ui.label(text);
        // Which server this window manages, always in sight.
        if let Some(server) = &st.server {
            ui.separator();
            let name = match crate::ipc::client::SshTarget::parse(server) {
                Some(t) => t.host,
                None => st.t("gui-this-machine"),
            };
            ui.label(st.ta("gui-server", &[("server", name)]))
                .on_hover_text(server.as_str());
        }
        if let Some(info) = &st.info {
            ui.separator();
            let mode = st.t(if info.mode == "lab" {
                "gui-mode-lab"
            } else {
                "gui-mode-system"
            });
            ui.label(mode);
            ui.separator();
            let v = info.chrony_version.clone().unwrap_or_else(|| "?".into());
            let label = ui.label(st.ta("gui-chrony-version", &[("version", v)]));
            if let Some(path) = &info.chronyd_path {
                label.on_hover_text(path);
            }
        }
        if let Some(at) = st.snapshot_at {
            ui.separator();
            let age = at.elapsed().as_secs();
            ui.label(st.ta("gui-poll-age", &[("seconds", age.to_string())]));
        }
        if let Some(e) = st.snapshot.as_ref().and_then(|s| s.error.clone()) {
            ui.separator();
            ui.colored_label(status_color(Status::Bad), st.tr.error_text(&e, None));
        }
        if let Some(e) = &st.last_error {
            ui.separator();
            ui.colored_label(status_color(Status::Bad), e);
        }
    });
}

fn side_ui(ui: &mut egui::Ui, st: &mut AppState) {
    let Some(sel) = st.selected.clone() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(sel.field);
        if ui.button("✕").on_hover_text(st.t("gui-close")).clicked() {
            st.selected = None;
        }
    });
    ui.label(RichText::new(&sel.raw).monospace().strong());
    ui.colored_label(
        status_color(sel.status),
        st.t(&format!("verdict-{}", sel.status.as_str())),
    );
    if let Some(r) = &sel.reason {
        ui.label(r);
    }
    ui.separator();
    ui.label(&sel.meaning);
}
