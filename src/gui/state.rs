//! What the window knows, shared by every panel: the connection, the last
//! snapshot and its explanations, the configuration being edited, history,
//! the fleet, settings and language. Filled by backend events; no IO here.

use std::collections::HashMap;
use std::time::Instant;

use egui::Color32;

use super::backend::{Command, Event, Follow, Request, RequestId, Stage};
use super::settings::Settings;
use crate::core::alarm::AlarmSubject;
use crate::core::codes::ErrorCode;
use crate::core::conf::{ChronyVersion, Diagnostic, Document};
use crate::core::explain::explain_snapshot;
use crate::core::explain::{Explained, Kind, Status};
use crate::core::history::SeriesPoint;
use crate::i18n::{Lang, Localizer};
use crate::ipc::{HelperInfo, SeriesId, Snapshot, WatchTarget};

pub use super::ops::{ApplyState, FileState, NtsState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Overview,
    Sources,
    Clients,
    Plots,
    Statistics,
    Fleet,
    Roster,
    Setup,
    Upstreams,
    Access,
    Stratum,
    Peers,
    Nts,
    Advanced,
    Apply,
    Explain,
    Export,
    Settings,
}

impl Panel {
    pub const ALL: [Panel; 18] = [
        Panel::Overview,
        Panel::Sources,
        Panel::Clients,
        Panel::Plots,
        Panel::Statistics,
        Panel::Fleet,
        Panel::Roster,
        Panel::Setup,
        Panel::Upstreams,
        Panel::Access,
        Panel::Stratum,
        Panel::Peers,
        Panel::Nts,
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
            Panel::Statistics => "statistics",
            Panel::Fleet => "fleet",
            Panel::Roster => "roster",
            Panel::Setup => "setup",
            Panel::Upstreams => "upstreams",
            Panel::Access => "access",
            Panel::Stratum => "stratum",
            Panel::Peers => "peers",
            Panel::Nts => "nts",
            Panel::Advanced => "advanced",
            Panel::Apply => "apply",
            Panel::Explain => "explain",
            Panel::Export => "export",
            Panel::Settings => "settings",
        }
    }

    pub fn group(self) -> &'static str {
        match self {
            Panel::Overview
            | Panel::Sources
            | Panel::Clients
            | Panel::Plots
            | Panel::Statistics
            | Panel::Fleet
            | Panel::Roster => "gui-group-live",
            Panel::Setup
            | Panel::Upstreams
            | Panel::Access
            | Panel::Stratum
            | Panel::Peers
            | Panel::Nts
            | Panel::Advanced
            | Panel::Apply => "gui-group-configure",
            _ => "gui-group-tools",
        }
    }
}

/// Where the helper connection stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Connection {
    /// Finding or starting a helper: progress, not a fault.
    Connecting(Stage),
    Connected {
        started_lab: bool,
    },
    Offline {
        code: ErrorCode,
        detail: Option<String>,
    },
}

/// The path-aware lint of the configuration (run on the backend, which
/// looks at this machine's files): for which text and release, and the
/// result once it came.
#[derive(Debug, Clone, Default)]
pub struct LintState {
    pub text: String,
    pub version: Option<ChronyVersion>,
    pub diagnostics: Option<Vec<Diagnostic>>,
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

/// Where a Burst / Step / Refresh asked from the Overview stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionOutcome {
    Pending,
    Done,
    Failed(String),
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
    pub live: HashMap<Kind, Explained>,
    /// The configuration being edited, and the file the helper has (what
    /// was last read or applied), byte for byte: the difference is what is
    /// not applied yet.
    pub doc: Document,
    pub base: Vec<u8>,
    pub config_path: String,
    pub apply: ApplyState,
    /// The panel the last apply was started from: its outcome is shown
    /// there (and on Apply), never as if another panel's text was applied.
    pub apply_from: Option<Panel>,
    pub history: HashMap<SeriesId, Vec<SeriesPoint>>,
    pub series: Vec<SeriesId>,
    pub selected: Option<Selected>,
    pub last_error: Option<String>,
    /// The Overview's last Burst / Step / Refresh and how it went, shown
    /// beside the buttons (where it was pressed).
    pub action: Option<(crate::ipc::Action, ActionOutcome)>,
    /// When chronyd accepted it: what it said holds for a minute (a burst's
    /// polls are over by then), then the line goes.
    pub action_done_at: Option<Instant>,
    /// The helper this window talks to (socket path or `ssh://` URL).
    pub server: Option<String>,
    /// Set by the connect field: talk to this helper instead.
    pub reconnect: Option<String>,
    /// Settings' chronyd path was entered: a lab helper of the window's
    /// own restarts with it (when it differs from the one it runs).
    pub chronyd_chosen: bool,
    /// This machine's IPv4 networks (for the allow presets), as the
    /// backend read them.
    pub networks: Vec<String>,
    /// Host names typed into the configuration: whether each resolves on
    /// this machine (absent while asked, or when not looked up).
    pub resolved: std::collections::HashMap<String, bool>,
    /// Names asked of the backend whose answer has not come: "checking",
    /// never counted as resolving. A name is asked once per session.
    pub resolving: std::collections::HashSet<String>,
    /// Host names of an export (servers, peer) with the addresses they
    /// have on this machine (none: they did not resolve).
    pub addresses: std::collections::HashMap<String, Vec<std::net::IpAddr>>,
    /// Names asked of the backend for an export already.
    pub looking_up: std::collections::HashSet<String>,
    /// The watched servers (`stratum-helper --watch`), and when they came.
    pub fleet: Vec<crate::ipc::FleetRow>,
    pub fleet_at: Option<Instant>,
    /// The watched server chosen in the Fleet panel, and its sources.
    pub fleet_selected: Option<WatchTarget>,
    pub fleet_host_live: Option<crate::core::explain::Explained>,
    /// The version of the chronyd that would run here, as the backend
    /// found it (`chronyd -v` runs there, never in a frame).
    pub local_version: Option<ChronyVersion>,
    /// Settings changed since they were last handed to the backend to save.
    pub settings_dirty: bool,
    pub lint: LintState,
    /// Files saved or imported for the user, by the request that asked
    /// (the panel that asked keeps its id and shows the outcome).
    pub files: Vec<(RequestId, FileState)>,
    /// What the backend repeats for the open panel, and for which panel.
    pub following: Option<(Panel, Follow)>,
    pub nts: NtsState,
    /// The Statistics panel's last analysis.
    pub stats: Option<Box<crate::gui::backend::StatsResult>>,
    /// Alarms notified and not cleared yet (a new one is notified once,
    /// again only after it has cleared).
    pub notified: Vec<AlarmSubject>,
    /// Notifications for the backend to send or withdraw.
    pub notify: Vec<Command>,
    /// Requests for the backend, each with its id (sent after the frame).
    pub outbox: Vec<Request>,
    /// The last request id given (`requests.rs`).
    pub(super) next_request: u64,
    /// The roster as the helper keeps it (its file, its devices).
    pub roster: Option<crate::ipc::RosterState>,
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        let lang = settings.lang.unwrap_or_else(Lang::from_env);
        // Until the helper's file comes: a new lab's, in the window's
        // language.
        let en = Localizer::new(lang);
        let text = crate::core::conf::lab_config(|id| en.tr(id));
        let panel = Panel::ALL
            .into_iter()
            .find(|p| p.key() == settings.panel)
            .unwrap_or(Panel::Overview);
        AppState {
            tr: Localizer::window(lang),
            settings,
            panel,
            connection: Connection::Connecting(Stage::Looking),
            info: None,
            snapshot: None,
            snapshot_at: None,
            live: HashMap::new(),
            doc: Document::parse(&text),
            base: text.into_bytes(),
            config_path: String::new(),
            apply: ApplyState::Idle,
            apply_from: None,
            history: HashMap::new(),
            series: Vec::new(),
            selected: None,
            last_error: None,
            action: None,
            action_done_at: None,
            local_version: None,
            settings_dirty: false,
            lint: LintState::default(),
            files: Vec::new(),
            following: None,
            nts: NtsState::Idle,
            stats: None,
            notified: Vec::new(),
            notify: Vec::new(),
            outbox: Vec::new(),
            next_request: 0,
            roster: None,
            fleet: Vec::new(),
            fleet_at: None,
            fleet_selected: None,
            fleet_host_live: None,
            networks: Vec::new(),
            resolved: Default::default(),
            resolving: Default::default(),
            addresses: Default::default(),
            looking_up: Default::default(),
            server: None,
            reconnect: None,
            chronyd_chosen: false,
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.tr(id)
    }

    /// Comment `id` for a line the window adds to the chrony.conf, in the
    /// window's language when it is written: the reader is the one at this
    /// window. Comments already in the file are the user's and stay as
    /// they are.
    pub fn conf_comment(&self, id: &str) -> String {
        self.t(id)
    }

    pub fn ta(&self, id: &str, args: &[(&str, String)]) -> String {
        self.tr.tr_args(id, args)
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.tr = Localizer::window(lang);
        self.settings.lang = Some(lang);
        self.settings_dirty = true;
    }

    /// The chronyd version whose rules apply to the configuration.
    pub fn chrony_version(&self) -> ChronyVersion {
        self.known_chrony_version().unwrap_or(ChronyVersion::LATEST)
    }

    /// A lint finding in words. The orphan wait is a 4.7+ behaviour: with
    /// no chronyd known here it says "chrony 4.7 and later", never a
    /// release the user may not run.
    pub fn lint_text(&self, d: &crate::core::conf::lint::Diagnostic) -> String {
        if d.rule == crate::core::conf::lint::Rule::OrphanWaits
            && self.known_chrony_version().is_none()
        {
            return self.tr.tr_args("lint-orphan-waits-unknown", &d.args);
        }
        self.tr.tr_args(&d.message_id(), &d.args)
    }

    /// The version the helper reports (or the local chronyd's), when known.
    pub fn known_chrony_version(&self) -> Option<ChronyVersion> {
        self.info
            .as_ref()
            .and_then(|i| i.chrony_version.as_deref())
            .and_then(|v| v.parse().ok())
            .or(self.local_version)
    }

    pub fn is_lab(&self) -> bool {
        self.info
            .as_ref()
            .is_none_or(|i| i.mode == crate::ipc::Mode::Lab)
    }

    /// This machine's IPv4 networks, for the allow presets.
    pub fn local_networks(&self) -> &[String] {
        &self.networks
    }

    /// Queues a desktop notification for each alarm not seen before, and
    /// the withdrawal of each one that has cleared (so it is notified
    /// again if it returns). An alarm is its subject: a moving reading
    /// (the offset) is the same alarm going on.
    fn notify_alarms(&mut self, alarms: &[crate::core::alarm::Alarm]) {
        let mut now: Vec<AlarmSubject> = Vec::new();
        // The helper's verdict caps its alarms; a helper that does not is
        // not followed past that.
        for a in alarms.iter().take(crate::core::health::MAX_ALARMS) {
            let subject = a.subject();
            if now.contains(&subject) {
                continue;
            }
            if !self.notified.contains(&subject) {
                let title = self.t(&format!(
                    "gui-alarm-title-{}",
                    if a.critical() { "critical" } else { "warning" }
                ));
                self.notify.push(Command::Notify {
                    subject: subject.clone(),
                    title,
                    body: self.tr.alarm_text(a),
                    critical: a.critical(),
                });
            }
            now.push(subject);
        }
        for gone in self.notified.drain(..).filter(|s| !now.contains(s)) {
            self.notify.push(Command::Withdraw(gone));
        }
        self.notified = now;
    }

    pub fn may_change(&self) -> bool {
        self.info.as_ref().is_some_and(|i| i.may_change)
    }

    /// The lint of the configuration being edited, if it is current; asks
    /// the backend for it (once) when it is not.
    pub fn current_lint(&mut self, commands: &mut Vec<Command>) -> Option<&[Diagnostic]> {
        let text = self.doc.render_lossy();
        let version = self.chrony_version();
        if self.lint.text != text || self.lint.version != Some(version) {
            commands.push(Command::Lint {
                text: text.clone(),
                version,
            });
            self.lint = LintState {
                text,
                version: Some(version),
                diagnostics: None,
            };
        }
        self.lint.diagnostics.as_deref()
    }

    /// Has the backend repeat `requests` every `every` while `panel` is
    /// open (asked once; the answers come without a frame of asking).
    pub fn follow(
        &mut self,
        panel: Panel,
        requests: Vec<Command>,
        every: std::time::Duration,
        commands: &mut Vec<Command>,
    ) {
        let f = Follow { requests, every };
        if self.following.as_ref() != Some(&(panel, f.clone())) {
            commands.push(Command::Follow(Some(f.clone())));
            self.following = Some((panel, f));
        }
    }

    /// Stops following when the panel that asked is no longer open.
    pub fn unfollow_others(&mut self, commands: &mut Vec<Command>) {
        if self
            .following
            .as_ref()
            .is_some_and(|(p, _)| *p != self.panel)
        {
            commands.push(Command::Follow(None));
            self.following = None;
        }
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
                    self.settings_dirty = true;
                }
                self.server = Some(server);
                self.connection = Connection::Connected { started_lab };
            }
            Event::Progress(stage) => self.connection = Connection::Connecting(stage),
            Event::Offline { code, detail } => {
                self.connection = Connection::Offline { code, detail };
            }
            Event::Reply { to, event } => self.on_reply(to, *event),
            Event::Snapshot(s) => {
                self.live = explain_snapshot(&s);
                self.notify_alarms(&crate::core::health::alarms_to_tell(&s));
                self.snapshot = Some(*s);
                self.snapshot_at = Some(Instant::now());
            }
            Event::Config { text, path } => {
                // Keep the user's unapplied edits.
                if self.doc.render() == self.base {
                    self.doc = Document::parse(&text);
                }
                self.base = text;
                self.config_path = path;
            }
            // Replies nobody is waiting for (the operation was replaced):
            // what they say is not about anything on screen.
            Event::Applied(_) | Event::NtsIssued(_) => {}
            Event::Roster(r) => {
                self.last_error = None;
                self.roster = Some(*r);
            }
            // A lab bundle's devices, read here: the helper adds them.
            Event::BundleRead { path, result } => match result {
                Ok((devices, server_addresses)) => {
                    self.ask(Command::Roster(crate::ipc::RosterOp::Import {
                        devices,
                        server_addresses,
                    }));
                }
                Err(e) => {
                    let reason = self.read_error_text(e);
                    self.last_error = Some(self.ta(
                        "roster-gui-bundle-unreadable",
                        &[("path", path.display().to_string()), ("reason", reason)],
                    ));
                }
            },
            Event::Stats(r) => self.stats = Some(r),
            Event::Failed { code, detail } => {
                let text = self.tr.error_text(code, detail);
                if let Some((_, o @ ActionOutcome::Pending)) = &mut self.action {
                    *o = ActionOutcome::Failed(text.clone());
                }
                self.last_error = Some(text);
            }
            Event::ActionDone => {
                self.last_error = None;
                if let Some((_, o @ ActionOutcome::Pending)) = &mut self.action {
                    *o = ActionOutcome::Done;
                    self.action_done_at = Some(Instant::now());
                }
            }
            Event::History(series) => self.history.extend(series),
            Event::Batch(events) => {
                for e in events {
                    self.on_event(e);
                }
            }
            Event::SeriesList(s) => self.series = s,
            Event::FleetHost(host, snap) => {
                if self.fleet_selected.as_ref() == Some(&host) {
                    self.fleet_host_live = explain_snapshot(&snap).remove(&Kind::ChronycSources);
                }
            }
            Event::Fleet(rows) => {
                self.fleet = rows;
                self.fleet_at = Some(Instant::now());
            }
            Event::Machine {
                chrony_version,
                networks,
            } => {
                self.local_version = chrony_version;
                self.networks = networks;
            }
            Event::Resolved(found) => {
                for (name, ok) in found {
                    self.resolving.remove(&name);
                    self.resolved.insert(name, ok);
                }
            }
            Event::NotLookedUp(names) => {
                for name in names {
                    self.resolving.remove(&name);
                }
            }
            Event::Addresses(found) => self.addresses.extend(found),
            Event::Saved(Err(e)) => self.last_error = Some(e),
            Event::Saved(Ok(())) => {}
            Event::Linted { text, diagnostics } => {
                if text == self.lint.text {
                    self.lint.diagnostics = Some(diagnostics);
                }
            }
            // File outcomes belong to the request that asked (on_reply).
            Event::FileWritten { .. } | Event::FileExists { .. } | Event::ConfigRead { .. } => {}
        }
    }
}

thread_local! {
    /// The theme of the window this thread draws (set once a frame): the
    /// status colours are picked in many panels that have no `Ui` at hand.
    static DARK: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Called once a frame with the window's theme.
pub fn set_dark(dark: bool) {
    DARK.with(|d| d.set(dark));
}

pub fn status_color(s: Status) -> Color32 {
    status_color_in(s, DARK.with(|d| d.get()))
}

/// The colour of a status on the dark or the light theme. On white, the
/// dark theme's bright orange, green and red are too pale to read: the
/// light theme's are darker (contrast of at least 4.5:1, tested).
pub fn status_color_in(s: Status, dark: bool) -> Color32 {
    match (s, dark) {
        (Status::Ok, true) => Color32::from_rgb(60, 170, 90),
        (Status::Warn, true) => Color32::from_rgb(220, 160, 40),
        (Status::Bad, true) => Color32::from_rgb(220, 70, 60),
        (Status::Ok, false) => Color32::from_rgb(30, 120, 50),
        (Status::Warn, false) => Color32::from_rgb(160, 80, 0),
        (Status::Bad, false) => Color32::from_rgb(190, 40, 30),
        (Status::Info, true) => Color32::GRAY,
        // egui's grey (#A0A0A0) on the light panel is 2.5:1: unreadable
        // for the boxes that explain the most (a lab on its own clock).
        (Status::Info, false) => Color32::from_rgb(90, 90, 90),
    }
}

#[cfg(test)]
mod colour_tests {
    use super::*;

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn warnings_alarms_and_ok_are_readable_on_the_light_theme() {
        let light = egui::Visuals::light();
        for bg in [light.panel_fill, light.window_fill] {
            for s in [Status::Warn, Status::Bad, Status::Ok, Status::Info] {
                let c = status_color_in(s, false);
                let ratio = contrast(c, bg);
                assert!(ratio >= 4.5, "{s:?} {c:?} on {bg:?}: {ratio:.2}:1");
            }
        }
        // The formula itself: black on white is 21:1, and the old orange
        // on the light panel was the finding (below 4.5:1).
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!(contrast(status_color_in(Status::Warn, true), light.panel_fill) < 4.5);
        // The grey explanatory box (W6 B6): egui's grey was 2.5:1 there.
        assert!(contrast(Color32::GRAY, light.panel_fill) < 4.5);
        // The dark theme's grey stays readable on its panel.
        let dark = egui::Visuals::dark();
        let info = status_color_in(Status::Info, true);
        assert!(contrast(info, dark.panel_fill) >= 4.5);
    }
}
