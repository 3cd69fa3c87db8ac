//! The application frame: navigation, status bar, the explanation side
//! panel, the current panel (one file each, under `panels`), and the
//! hand-off of commands to the backend.

use egui::{Color32, RichText};

use super::backend::{Backend, Command, Stage};
use super::panels::Panels;
use super::screenshots::ShotPlan;
use super::settings::Settings;
use super::state::{AppState, Connection, status_color};
pub use super::state::{ApplyState, Panel};
use crate::core::explain::Status;

pub struct App {
    pub state: AppState,
    /// Every panel, each with its own state.
    pub panels: Panels,
    pub backend: Backend,
    /// The screenshot robot, when `STRATUM_SCREENSHOTS` asks for it.
    pub shots: Option<ShotPlan>,
    /// Set while the visible panel shows live data: the backend wakes the
    /// UI for snapshots only then (every other event always wakes it).
    pub wants_live: Option<std::sync::Arc<super::backend::LiveGate>>,
    /// How the backend was launched, when it finds or starts a lab helper
    /// itself: a chronyd chosen in Settings relaunches it so.
    pub launch: Option<super::backend::Launch>,
    /// When settings were last handed to the backend to save.
    saved_at: std::time::Instant,
}

/// Settings are saved at most this often (a slider or a text field would
/// otherwise write the file on every frame).
const SAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// A read of chronyd older than this is stale (reads come every second
/// by default): the status bar then tells its age.
pub const READ_STALE: std::time::Duration = std::time::Duration::from_secs(5);

impl App {
    /// The app talking to `backend`.
    pub fn new(ctx: &egui::Context, settings: Settings, backend: Backend) -> App {
        super::fonts::install(ctx);
        ctx.set_zoom_factor(super::zoom::clamp(settings.zoom));
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
        let mut panels = Panels::default();
        panels.export.restore(&settings.export);
        if let Some(kept) = &settings.setup {
            panels.setup.restore(kept);
        }
        App {
            state: AppState::new(settings),
            panels,
            backend,
            shots: ShotPlan::from_env(),
            wants_live: None,
            launch: None,
            saved_at: std::time::Instant::now(),
        }
    }

    /// Starts the backend as `how` says, and keeps `how` so that a chronyd
    /// chosen later in Settings can start the lab helper again.
    pub fn launch(&mut self, how: super::backend::Launch, waker: super::backend::Waker) {
        self.backend.detach();
        self.backend = Backend::launch(how.clone(), waker);
        self.launch = Some(how);
    }

    /// Settings names another chronyd: a lab helper this window starts (or
    /// failed to start, e.g. no chronyd installed) starts again with it at
    /// once, so the path works without restarting Stratum. A helper named
    /// under Connect to is left alone: it runs its own chronyd.
    fn relaunch_with_chronyd(&mut self, ctx: &egui::Context) {
        let chosen = self
            .state
            .settings
            .chronyd
            .clone()
            .map(std::path::PathBuf::from);
        let Some(how) = self.launch.as_ref().filter(|l| l.socket.is_none()) else {
            return;
        };
        if how.chronyd == chosen {
            return;
        }
        let how = super::backend::Launch {
            chronyd: chosen,
            // Its messages in the window's language of now.
            lang: self.state.settings.lang.or(how.lang),
            ..how.clone()
        };
        if matches!(self.state.connection, Connection::Offline { .. }) {
            // Nothing started: nothing to wait for.
            self.backend.detach();
        } else {
            // The old lab helper must be gone before the new one takes its
            // socket, else the new backend would find the old one there;
            // a wait of a second or two, once, at the user's choice.
            self.backend.shutdown();
        }
        let waker = super::backend::waker(ctx.clone(), self.wants_live.clone());
        self.backend = Backend::launch(how.clone(), waker);
        self.launch = Some(how);
        self.state.connection = Connection::Connecting(Stage::Looking);
        self.state.snapshot = None;
        self.state.info = None;
        if self.state.applying() {
            self.state.apply = ApplyState::Idle;
        }
    }

    /// One frame of the whole UI.
    pub fn ui(&mut self, ctx: &egui::Context) {
        // Ctrl+Q quits, as desktop apps do (on_exit saves the settings).
        let quit = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Q);
        if ctx.input_mut(|i| i.consume_shortcut(&quit)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        super::zoom::frame(ctx, &mut self.state);
        super::state::set_dark(ctx.style().visuals.dark_mode);
        if let Some(target) = self.state.reconnect.take() {
            // Another helper: the old connection is let go (never waited
            // for in a frame), a new one starts.
            self.backend.detach();
            let waker = super::backend::waker(ctx.clone(), self.wants_live.clone());
            self.backend = Backend::start(Some(target.into()), None, waker);
            // A helper named by hand runs its own chronyd.
            self.launch = None;
            self.state.connection = Connection::Connecting(Stage::Looking);
            self.state.snapshot = None;
            self.state.fleet.clear();
            // Requests to the old helper get no answer now.
            if self.state.applying() {
                self.state.apply = ApplyState::Idle;
            }
            if matches!(self.state.nts, super::state::NtsState::Running(_)) {
                self.state.nts = super::state::NtsState::Idle;
            }
        }
        if std::mem::take(&mut self.state.chronyd_chosen) {
            self.relaunch_with_chronyd(ctx);
        }
        // Of several snapshots waiting, only the last is explained.
        let mut latest = None;
        while let Ok(e) = self.backend.rx.try_recv() {
            match e {
                super::backend::Event::Snapshot(s) => latest = Some(s),
                e => self.state.on_event(e),
            }
        }
        if let Some(s) = latest {
            self.state.on_event(super::backend::Event::Snapshot(s));
            if let Some(g) = &self.wants_live {
                g.drawn();
            }
        }
        let mut commands = Vec::new();
        if let Some(flag) = &self.wants_live {
            // Plots draw history, fetched on their own clock: a snapshot
            // arriving every second need not redraw them.
            let live = matches!(
                self.state.panel,
                Panel::Overview | Panel::Sources | Panel::Clients
            );
            flag.wanted.store(
                live || self.state.applying(),
                std::sync::atomic::Ordering::Relaxed,
            );
        }
        let st = &mut self.state;
        egui::TopBottomPanel::bottom("status").show(ctx, |ui| status_bar_ui(ui, st));
        egui::SidePanel::left("nav")
            .resizable(false)
            .show(ctx, |ui| {
                // At a large text size the entries outgrow the window: Settings
                // and Help stay reachable by scrolling.
                egui::ScrollArea::vertical()
                    .auto_shrink([true, false])
                    .show(ui, |ui| nav_ui(ui, st));
            });
        if st.selected.is_some() {
            egui::SidePanel::right("explain-side")
                .default_width(280.0)
                .show(ctx, |ui| side_ui(ui, st));
        }
        super::help::help_ui(ctx, st);
        let panels = &mut self.panels;
        egui::CentralPanel::default().show(ctx, |ui| {
            // Text wraps to the panel; what cannot wrap (a row of fields,
            // a wide table) scrolls sideways instead of going under the
            // help panel.
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    panels.ui(ui, st, &mut commands);
                });
        });
        st.unfollow_others(&mut commands);
        st.settle();
        commands.append(&mut st.notify);
        // Settings go to the backend to be written, at most once a second.
        if st.settings_dirty {
            if self.saved_at.elapsed() >= SAVE_EVERY {
                commands.push(Command::SaveSettings(Box::new(st.settings.clone())));
                st.settings_dirty = false;
                self.saved_at = std::time::Instant::now();
            } else {
                ctx.request_repaint_after(SAVE_EVERY);
            }
        }
        // Every request goes with its id (replies come back addressed).
        for c in commands {
            st.ask(c);
        }
        for r in std::mem::take(&mut st.outbox) {
            self.backend.send(r);
        }
        if let Some(plan) = &mut self.shots {
            plan.step(ctx, &mut self.state, &mut self.panels);
        }
    }
}

impl eframe::App for App {
    fn update(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        super::screenshots::screenshot_commands(ctx, &mut self.state);
        self.ui(ctx);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if let Some(plan) = &self.shots {
            plan.input(raw_input);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.settings.panel = self.state.panel.key().to_string();
        // The last settings are written on the way out, after the backend
        // (which may be writing them too) has stopped.
        self.backend.shutdown();
        if let Err(e) = self.state.settings.save() {
            tracing::warn!("{e}");
        }
    }
}

fn nav_ui(ui: &mut egui::Ui, st: &mut AppState) {
    // No item wraps: the panel takes the width of its widest item in the
    // language shown (it follows a switch of language at run time).
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
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
        if p == Panel::Apply {
            unapplied_ui(ui, st);
        }
    }
    ui.add_space(8.0);
    super::help::nav_entry_ui(ui, st);
}

/// Edits not applied yet, in sight from every panel: a drawn dot (no
/// glyph a font may lack) and the words at the normal size, in a row kept
/// for them, as high and as wide, so that neither the entries below nor
/// the panel beside the navigation move when they appear.
fn unapplied_ui(ui: &mut egui::Ui, st: &mut AppState) {
    let text = st.t("gui-unapplied");
    let height = ui
        .text_style_height(&egui::TextStyle::Body)
        .max(ui.spacing().interact_size.y);
    if !st.unapplied() {
        // The row's size, empty: the dot, the gap and the words.
        let words = ui.fonts(|f| {
            f.layout_no_wrap(
                text,
                egui::TextStyle::Body.resolve(ui.style()),
                egui::Color32::WHITE,
            )
            .size()
            .x
        });
        let width = 10.0 + ui.spacing().item_spacing.x + words;
        ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
        return;
    }
    let color = status_color(Status::Warn);
    let clicked = ui
        .horizontal(|ui| {
            ui.set_min_height(height);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), 4.0, color);
            ui.add(egui::Label::new(RichText::new(text).color(color)).sense(egui::Sense::click()))
                .on_hover_text(st.t("gui-unapplied-help"))
                .clicked()
        })
        .inner;
    if clicked {
        st.panel = Panel::Apply;
        st.selected = None;
    }
}

/// How the status bar's first words read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A step of starting up: grey, never an error.
    Progress,
    Ok,
    /// No helper (the window works offline), with the reason.
    Warn,
    /// A fault, always with its reason.
    Bad,
}

/// Where the window stands with its helper and chronyd, in one phrase: a
/// step of starting up, connected, or what is wrong and why. The hover
/// text says more where there is more.
pub fn connection_line(st: &AppState) -> (Tone, String, Option<String>) {
    match &st.connection {
        Connection::Connecting(stage) => (Tone::Progress, st.t(stage.message_id()), None),
        Connection::Offline { code, detail } => {
            (Tone::Warn, st.tr.error_text(*code, detail.clone()), None)
        }
        Connection::Connected { started_lab } => match &st.snapshot {
            None => (Tone::Progress, st.t("gui-conn-first-poll"), None),
            Some(s) if s.starting => (Tone::Progress, st.t("gui-conn-chronyd-starting"), None),
            Some(s) if s.error.is_some() && s.tracking.is_none() => {
                let code = s.error.expect("guarded");
                (
                    Tone::Bad,
                    st.tr.error_text(code, s.error_detail.clone()),
                    None,
                )
            }
            Some(_) if *started_lab => (
                Tone::Ok,
                st.t("gui-conn-started-lab"),
                Some(st.t("gui-conn-started-lab-help")),
            ),
            Some(_) => (Tone::Ok, st.t("gui-conn-connected"), None),
        },
    }
}

/// One line at any width: where things stand (and the worst alarm) on the
/// left, cut short with "…" when the window is narrow (the whole text on
/// hover and for screen readers); which server, mode, release and poll age
/// on the right. Nothing wraps.
/// The room the status bar keeps for its left side (the dot, the
/// connection and the alarms' count), in points.
const STATUS_LEFT_MIN: f32 = 220.0;

fn status_bar_ui(ui: &mut egui::Ui, st: &mut AppState) {
    let (tone, text, hover) = connection_line(st);
    let color = match tone {
        Tone::Progress => Color32::GRAY,
        Tone::Ok => status_color(Status::Ok),
        Tone::Warn => status_color(Status::Warn),
        Tone::Bad => status_color(Status::Bad),
    };
    // The panel an alarm's click opens (set inside, done after the bar).
    let mut open = None;
    egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), 4.0, color);
            let label = if matches!(tone, Tone::Warn | Tone::Bad) {
                ui.colored_label(color, text)
            } else {
                ui.label(text)
            };
            if let Some(h) = hover {
                label.on_hover_text(h);
            }
            // A partial answer from a chronyd that runs.
            if let Some(s) = st.snapshot.as_ref().filter(|s| s.tracking.is_some())
                && let Some(e) = s.error
            {
                ui.separator();
                ui.colored_label(
                    status_color(Status::Bad),
                    st.tr.error_text(e, s.error_detail.clone()),
                );
            }
            if let Some(e) = &st.last_error {
                ui.separator();
                ui.colored_label(status_color(Status::Bad), e);
            }
            // The verdict's alarms: the worst first, led by how many there
            // are (the count survives the "…" of a narrow window), every one
            // on hover; a click opens the panel that explains them.
            let alarms = st
                .snapshot
                .as_ref()
                .map(crate::core::health::alarms_to_tell)
                .unwrap_or_default();
            // An isolated server, as chosen: said plainly, not as an alarm.
            if let Some(t) = st
                .snapshot
                .as_ref()
                .filter(|s| crate::core::health::own_clock_by_choice(s))
                .and_then(|s| s.tracking.as_ref())
            {
                ui.separator();
                let text = st.ta(
                    "gui-notice-own-clock",
                    &[("stratum", t.stratum.to_string())],
                );
                ui.add(egui::Label::new(text).truncate())
                    .on_hover_text(st.t("gui-notice-own-clock-help"));
            }
            if let Some(first) = alarms.first() {
                let lead = lead_alarm(&alarms).unwrap_or(first).kind;
                ui.separator();
                let status = if first.critical() {
                    Status::Bad
                } else {
                    Status::Warn
                };
                let all: Vec<String> = alarms.iter().map(|a| st.tr.alarm_text(a)).collect();
                let text = alarms_line(st, &alarms);
                let label = egui::Label::new(RichText::new(text).color(status_color(status)))
                    // Our own hover lists them all: egui's copy of the
                    // shortened text would be a second tooltip.
                    .show_tooltip_when_elided(false)
                    .sense(egui::Sense::click());
                let r = ui.add(label).on_hover_text(all.join("\n"));
                if r.clicked() {
                    open = Some(alarm_panel(lead));
                }
            }
        },
        // Right to left: the poll's age at the edge.
        |ui| {
            // At a large text size the right side would take the whole bar
            // and be drawn over the dot and the alarms: it keeps to what
            // the left side leaves, its last items shortened with "…".
            ui.set_max_width((ui.available_width() - STATUS_LEFT_MIN).max(0.0));
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            // How old the window's last read of chronyd is (not an NTP
            // poll): told only once it is stale, since reads come every
            // second and "0 s ago" forever reads as NTP activity. Only an
            // answer of chronyd's has an age worth telling.
            let answered = st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some());
            if let Some(at) = st.snapshot_at.filter(|_| answered) {
                let age = at.elapsed();
                if age >= READ_STALE {
                    let secs = age.as_secs().to_string();
                    ui.label(st.ta("gui-poll-age", &[("seconds", secs)]));
                    ui.separator();
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs(1));
                } else {
                    // No read arrives: the age must appear by itself. At
                    // least a second ahead: a wake-up due in microseconds
                    // is a busy loop of frames while the read nears stale.
                    ui.ctx().request_repaint_after(
                        (READ_STALE - age).max(std::time::Duration::from_secs(1)),
                    );
                }
            }
            if let Some(info) = &st.info {
                let v = info.chrony_version.clone().unwrap_or_else(|| "?".into());
                let label = ui.label(st.ta("gui-chrony-version", &[("version", v)]));
                if let Some(path) = &info.chronyd_path {
                    label.on_hover_text(path);
                }
                ui.separator();
                let mode = st.t(if st.is_lab() {
                    "gui-mode-lab"
                } else {
                    "gui-mode-system"
                });
                // Short, so the alarm on the left keeps the room; what lab
                // mode means is on hover.
                let mode = ui.label(mode);
                if st.is_lab() {
                    mode.on_hover_text(st.t("gui-mode-lab-help"));
                }
                ui.separator();
            }
            // Which server this window manages, always in sight.
            if let Some(server) = &st.server {
                let name = match crate::ipc::client::SshTarget::parse(server) {
                    Some(t) => t.host,
                    None => st.t("gui-this-machine"),
                };
                ui.label(st.ta("gui-server", &[("server", name)]))
                    .on_hover_text(server.as_str());
            }
        },
    );
    if let Some(panel) = open {
        st.panel = panel;
        st.selected = None;
    }
}

/// The alarm the status bar leads with: the worst, except that serving
/// its own clock gives way to what caused it (a name that does not resolve,
/// a silent upstream): a lab chooses its own clock, and the line is cut at
/// 1024 px, so what the admin can fix comes first. The hover has them all.
pub fn lead_alarm(alarms: &[crate::core::alarm::Alarm]) -> Option<&crate::core::alarm::Alarm> {
    use crate::core::alarm::AlarmKind;
    let first = alarms.first()?;
    if first.kind != AlarmKind::OwnClock {
        return Some(first);
    }
    alarms
        .iter()
        .find(|a| a.kind != AlarmKind::OwnClock && a.critical() == first.critical())
        .or(Some(first))
}

/// The status bar's alarm text: the one alarm, or how many there are
/// followed by the one it leads with.
pub fn alarms_line(st: &AppState, alarms: &[crate::core::alarm::Alarm]) -> String {
    let Some(first) = lead_alarm(alarms) else {
        return String::new();
    };
    let text = st.tr.alarm_text(first);
    if alarms.len() == 1 {
        return text;
    }
    // "Alarm:" once for all of them, in front of the count.
    let prefix = st.t("gui-alarm-prefix");
    let body = text
        .strip_prefix(prefix.as_str())
        .unwrap_or(&text)
        .trim_start();
    st.ta(
        "gui-alarms-count",
        &[
            ("count", alarms.len().to_string()),
            ("first", body.to_string()),
        ],
    )
}

/// The panel that explains an alarm: a source's on Sources, a device's on
/// the Roster, a certificate's on NTS, the rest on the Overview.
pub fn alarm_panel(kind: crate::core::alarm::AlarmKind) -> Panel {
    use crate::core::alarm::AlarmKind as K;
    match kind {
        K::SourceUnreachable | K::RefclockLost | K::NtsFailing => Panel::Sources,
        K::RosterNotPolling | K::RosterFollowsOther | K::RosterOffset => Panel::Roster,
        K::CertificateExpiring | K::CertificateExpired => Panel::Nts,
        // Unresolved names: the Overview's box says what to do.
        _ => Panel::Overview,
    }
}

fn side_ui(ui: &mut egui::Ui, st: &mut AppState) {
    let Some(sel) = st.selected.clone() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(sel.field);
        let close = st.t("gui-close");
        let r = ui.button("✕").on_hover_text(&close);
        // Named for screen readers by what it does, not by its glyph.
        r.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &close));
        if r.clicked() {
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
