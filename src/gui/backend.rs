//! The GUI's IO, off the frame: one thread talks to the helper (and starts
//! a lab helper when none answers), another does this machine's work (lint
//! against the files here, settings, imports and exports, `chronyd -v`, the
//! routing table). The UI sends [`Command`]s and receives [`Event`]s; every
//! event wakes the UI, so the UI is idle when nothing happens.

use std::path::PathBuf;
use std::process::{Child, Command as Process, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::settings::Settings;
use crate::core::codes::ErrorCode;
use crate::core::conf::lint::{LintOptions, lint};
use crate::core::conf::{ChronyVersion, Diagnostic, Document};
use crate::core::history::SeriesPoint;
use crate::ipc::client::{IpcClient, IpcError};
use crate::ipc::{
    Action, Applied, HelperInfo, HistoryQuery, ReplyBody, RequestBody, SeriesId, Snapshot,
    WatchTarget,
};

/// A file the user imports is a chrony.conf: anything larger is refused
/// before it is read whole.
const MAX_IMPORT_BYTES: u64 = 4 << 20;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Asked of the helper.
    Apply(String),
    Action(Action),
    GetConfig,
    History(Vec<SeriesId>, f64, f64, usize),
    SeriesList,
    Fleet,
    /// One watched server's tracking and sources.
    FleetHost(WatchTarget),
    /// NTS certificates for `names` from the helper (where chronyd may
    /// read them), and the lines they need.
    NtsIssue {
        names: Vec<String>,
        days: i64,
    },
    /// A new certificate for the same names, chronyd restarted to load it.
    NtsRenew {
        days: i64,
    },
    /// The last `window` seconds of these series, in at most `columns`
    /// points each (the time is taken when the request is made).
    HistoryRecent {
        series: Vec<SeriesId>,
        window: f64,
        columns: usize,
    },
    /// Analyse a series over the last `window` seconds (summary,
    /// histogram, deviations), off the UI thread.
    Stats {
        series: SeriesId,
        window: f64,
    },
    /// Repeat these requests on the backend's own clock, their answers
    /// delivered together (one frame); `None` stops. What a panel that
    /// shows history follows while it is open.
    Follow(Option<Follow>),
    // Done on this machine, whether or not a helper answers.
    /// Lint a configuration for that chronyd release (paths are checked on
    /// this machine only when the helper runs here).
    Lint {
        text: String,
        version: ChronyVersion,
    },
    SaveSettings(Box<Settings>),
    WriteFile {
        path: PathBuf,
        contents: Contents,
    },
    /// Import a chrony.conf into the editor.
    ReadConfig(PathBuf),
    /// A desktop notification (freedesktop's, through notify-send where
    /// it is installed; the status bar shows the alarm either way).
    Notify {
        title: String,
        body: String,
        critical: bool,
    },
}

/// What the Statistics panel asked for, analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsResult {
    pub series: SeriesId,
    pub window: f64,
    pub analysis: crate::core::stats::Analysis,
}

/// Requests repeated every `every`.
#[derive(Debug, Clone, PartialEq)]
pub struct Follow {
    pub requests: Vec<Command>,
    pub every: Duration,
}

/// What a written file holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// A screenshot, encoded as PNG on the IO thread.
    Png(Arc<egui::ColorImage>),
}

impl Command {
    fn is_local(&self) -> bool {
        matches!(
            self,
            Command::Lint { .. }
                | Command::SaveSettings(_)
                | Command::WriteFile { .. }
                | Command::ReadConfig(_)
                | Command::Notify { .. }
        )
    }
}

#[derive(Debug, Clone)]
pub enum Event {
    Connected {
        info: HelperInfo,
        started_lab: bool,
        /// Which helper: a socket path, or an `ssh://` URL.
        server: String,
    },
    /// No helper, and none could be started: `code` says why.
    Offline {
        code: ErrorCode,
    },
    Snapshot(Box<Snapshot>),
    Config {
        text: String,
        path: String,
    },
    Applied(Applied),
    NtsIssued(crate::ipc::NtsIssued),
    /// A series analysed for the Statistics panel.
    Stats(Box<StatsResult>),
    Failed {
        code: ErrorCode,
        detail: Option<String>,
    },
    ActionDone,
    /// The series asked for in one History command, together.
    History(Vec<(SeriesId, Vec<SeriesPoint>)>),
    /// The answers to one round of followed requests.
    Batch(Vec<Event>),
    SeriesList(Vec<SeriesId>),
    Fleet(Vec<crate::ipc::FleetRow>),
    FleetHost(WatchTarget, Box<Snapshot>),
    /// This machine: the chronyd a lab would run, its IPv4 networks.
    Machine {
        chrony_version: Option<ChronyVersion>,
        networks: Vec<String>,
    },
    Linted {
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// Settings written (or why not).
    Saved(Result<(), String>),
    FileWritten {
        path: PathBuf,
        result: Result<(), String>,
    },
    ConfigRead {
        path: PathBuf,
        result: Result<Vec<u8>, String>,
    },
}

/// What woke the UI: snapshots come every poll and matter only to panels
/// that show live data; everything else always gets a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// A snapshot whose state (sync, reference, sources' states, errors)
    /// changed: shown at once.
    Changed,
    /// A snapshot with new numbers only: shown at most every
    /// [`LIVE_REFRESH`].
    Snapshot,
    Event,
}

/// How often numbers that merely moved are redrawn: a full window frame
/// costs a software renderer tens of milliseconds, and a value a second
/// later says nothing new to a person watching.
pub const LIVE_REFRESH: std::time::Duration = std::time::Duration::from_secs(2);

/// What about a snapshot is worth a frame at once when it changes.
fn state_of(s: &Snapshot) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.error.hash(&mut h);
    if let Some(t) = &s.tracking {
        (t.ref_id, t.stratum, t.leap_status).hash(&mut h);
    }
    for src in &s.sources {
        (src.address.to_string(), src.state.symbol(), src.reach == 0).hash(&mut h);
    }
    h.finish()
}

/// Wakes the UI when an event arrives.
pub type Waker = Arc<dyn Fn(Wake) + Send + Sync>;

/// Wakes the UI for backend events: always for events other than
/// snapshots, and for snapshots while `wants_live` (if given) is set.
/// Whether the open panel shows live data, and when a frame last showed a
/// snapshot: the waker paces snapshot frames from it.
pub struct LiveGate {
    pub wanted: AtomicBool,
    last_frame: std::sync::Mutex<Instant>,
}

impl LiveGate {
    pub fn new(wanted: bool) -> LiveGate {
        LiveGate {
            wanted: AtomicBool::new(wanted),
            last_frame: std::sync::Mutex::new(Instant::now() - LIVE_REFRESH),
        }
    }

    /// A frame showed the latest snapshot.
    pub fn drawn(&self) {
        *self.last_frame.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }

    /// How long until numbers that merely moved may be drawn again.
    fn due(&self) -> Duration {
        let last = *self.last_frame.lock().unwrap_or_else(|e| e.into_inner());
        (last + LIVE_REFRESH).saturating_duration_since(Instant::now())
    }
}

/// Wakes the UI for backend events: always for events other than
/// snapshots; for snapshots only while the open panel shows live data
/// (`gate`, if given), at once when the state changed and otherwise no
/// sooner than [`LIVE_REFRESH`] after the last frame that showed one.
pub fn waker(ctx: egui::Context, gate: Option<Arc<LiveGate>>) -> Waker {
    Arc::new(move |wake| {
        let live = gate
            .as_ref()
            .is_none_or(|g| g.wanted.load(Ordering::Relaxed));
        // egui answers request_repaint() with two frames (one to settle); a
        // non-zero delay gets one, and egui subtracts the frame time so it
        // still comes at once. Requests coalesce: the earliest wins.
        let soon = Duration::from_millis(1);
        match wake {
            Wake::Event => ctx.request_repaint_after(soon),
            Wake::Changed if live => ctx.request_repaint_after(soon),
            Wake::Snapshot if live => {
                let due = gate.as_ref().map_or(Duration::ZERO, |g| g.due());
                ctx.request_repaint_after(due.max(soon));
            }
            _ => {}
        }
    })
}

pub struct Backend {
    helper_tx: Sender<Command>,
    local_tx: Sender<Command>,
    pub rx: Receiver<Event>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Backend {
    /// Starts the IO threads. `socket`: the helper to use (else the default
    /// ones, else a lab helper is started running `chronyd`).
    pub fn start(socket: Option<PathBuf>, chronyd: Option<PathBuf>, waker: Waker) -> Backend {
        let (helper_tx, helper_rx) = channel::<Command>();
        let (local_tx, local_rx) = channel::<Command>();
        let (events, rx) = channel::<Event>();
        let remote = socket
            .as_ref()
            .is_some_and(|s| s.to_string_lossy().starts_with("ssh://"));
        let mut threads = Vec::new();
        {
            let (events, waker, chronyd) = (events.clone(), waker.clone(), chronyd.clone());
            threads.push(
                std::thread::Builder::new()
                    .name("stratum-local".into())
                    .spawn(move || local(chronyd, remote, local_rx, events, waker))
                    .expect("local IO thread"),
            );
        }
        threads.push(
            std::thread::Builder::new()
                .name("stratum-backend".into())
                .spawn(move || run(socket, chronyd, helper_rx, events, waker))
                .expect("backend thread"),
        );
        Backend {
            helper_tx,
            local_tx,
            rx,
            threads,
        }
    }

    /// A backend with no helper (UI tests, offline use): this machine's
    /// work is still done; requests to a helper go nowhere.
    pub fn offline(waker: Waker) -> Backend {
        let (helper_tx, _) = channel();
        let (local_tx, local_rx) = channel::<Command>();
        let (events, rx) = channel::<Event>();
        let thread = std::thread::Builder::new()
            .name("stratum-local".into())
            .spawn(move || local(None, false, local_rx, events, waker))
            .expect("local IO thread");
        Backend {
            helper_tx,
            local_tx,
            rx,
            threads: vec![thread],
        }
    }

    pub fn send(&self, c: Command) {
        let tx = if c.is_local() {
            &self.local_tx
        } else {
            &self.helper_tx
        };
        let _ = tx.send(c);
    }

    /// Lets the IO threads go without waiting for them (a reconnect from a
    /// frame): they end when they next look at their closed channels, and
    /// a lab helper they started stops then.
    pub fn detach(&mut self) {
        self.helper_tx = channel().0;
        self.local_tx = channel().0;
        self.threads.clear();
    }

    /// Closes the channels and waits (a few seconds at most) for the IO
    /// threads, which stop a lab helper they started.
    pub fn shutdown(&mut self) {
        self.helper_tx = channel().0;
        self.local_tx = channel().0;
        let start = Instant::now();
        for t in self.threads.drain(..) {
            while !t.is_finished() && start.elapsed() < Duration::from_secs(8) {
                std::thread::sleep(Duration::from_millis(20));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
    }
}

/// This machine's work.
fn local(
    chronyd: Option<PathBuf>,
    remote: bool,
    commands: Receiver<Command>,
    events: Sender<Event>,
    waker: Waker,
) {
    let send = |e: Event| {
        if events.send(e).is_ok() {
            waker(Wake::Event);
        }
    };
    send(Event::Machine {
        chrony_version: crate::sys::find_chronyd(chronyd.as_deref())
            .and_then(|c| crate::sys::chronyd_version(&c)),
        networks: crate::sys::local_networks(),
    });
    while let Ok(cmd) = commands.recv() {
        match cmd {
            Command::Lint { text, version } => {
                let exists = |p: &str| std::path::Path::new(p).exists();
                let read = crate::sys::file_facts;
                let diagnostics = lint(
                    &Document::parse(&text),
                    &LintOptions {
                        version,
                        // The helper's machine is another one: its files
                        // are not looked at here.
                        path_exists: (!remote).then_some(&exists as &dyn Fn(&str) -> bool),
                        resolves: None,
                        read: (!remote).then_some(&read as &crate::core::conf::lint::ReadFile),
                        now: Some(crate::sys::now() as i64),
                        trust: (!remote).then_some(
                            &crate::sys::path_trust as &crate::core::conf::lint::TrustPath<'_>,
                        ),
                    },
                );
                send(Event::Linted { text, diagnostics });
            }
            Command::SaveSettings(s) => send(Event::Saved(s.save())),
            Command::WriteFile { path, contents } => {
                let result = match contents {
                    Contents::Bytes(b) => crate::fsutil::write_atomic(&path, &b),
                    Contents::Png(image) => {
                        png_bytes(&image).and_then(|b| crate::fsutil::write_atomic(&path, &b))
                    }
                }
                .map(drop)
                .map_err(|e| e.to_string());
                send(Event::FileWritten { path, result });
            }
            Command::ReadConfig(path) => {
                let result = read_capped(&path).map_err(|e| e.to_string());
                send(Event::ConfigRead { path, result });
            }
            Command::Notify {
                title,
                body,
                critical,
            } => {
                // No session bus or no notify-send: the status bar line is
                // the notification.
                let urgency = if critical { "critical" } else { "normal" };
                // Plain text from the first byte to the last: no option
                // (`--`), no control character, no markup in the body
                // (notification servers read a subset of HTML there).
                let title = crate::core::text::escape_controls(&title).into_owned();
                let body = crate::core::text::escape_controls(&body)
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                if let Ok(mut child) = Process::new("notify-send")
                    .args([
                        "--app-name=Stratum",
                        "--urgency",
                        urgency,
                        "--",
                        &title,
                        &body,
                    ])
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                {
                    let _ = child.wait();
                }
            }
            _ => {}
        }
    }
}

/// A screenshot as PNG.
pub fn png_bytes(image: &egui::ColorImage) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, image.size[0] as u32, image.size[1] as u32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(std::io::Error::other)?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    w.write_image_data(&bytes).map_err(std::io::Error::other)?;
    w.finish().map_err(std::io::Error::other)?;
    Ok(out)
}

fn read_capped(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut out = Vec::new();
    file.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut out)?;
    if out.len() as u64 > MAX_IMPORT_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB",
            MAX_IMPORT_BYTES >> 20
        )));
    }
    Ok(out)
}

/// A lab helper this window started; stopped (by pid) with the window. It
/// also gets SIGTERM from the kernel if the window dies without this drop
/// (SIGTERM, SIGKILL, a crash), and stops its chronyd then.
struct OwnedHelper(Child);

impl Drop for OwnedHelper {
    fn drop(&mut self) {
        if let Some(pid) = rustix::process::Pid::from_raw(self.0.id() as i32) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn helper_binary() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("stratum-helper")))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("stratum-helper"))
}

/// The first of `candidates` (socket paths or `ssh://` URLs, the default
/// sockets when empty) that answers.
fn connect(candidates: &[PathBuf]) -> Option<(IpcClient, PathBuf)> {
    crate::ipc::client::connect_first(candidates, Duration::from_secs(30)).ok()
}

/// Starts a lab helper of our own and waits (10 s at most) for it to answer.
fn start_lab(chronyd: Option<&PathBuf>) -> Result<(OwnedHelper, IpcClient, PathBuf), ErrorCode> {
    use std::os::unix::process::CommandExt;
    let lab_socket = crate::ipc::paths::user_runtime_dir().join("helper.sock");
    let mut helper = Process::new(helper_binary());
    helper.arg("--lab");
    // The chronyd chosen in Settings (else the helper finds one).
    if let Some(c) = chronyd {
        helper.arg("--chronyd").arg(c);
    }
    helper
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: the hook makes only async-signal-safe syscalls.
    unsafe {
        helper.pre_exec(crate::sys::die_with_parent());
    }
    let child = helper.spawn().map_err(|_| ErrorCode::GuiNoHelper)?;
    let owned = OwnedHelper(child);
    let start = Instant::now();
    loop {
        if let Some((c, p)) = connect(std::slice::from_ref(&lab_socket)) {
            return Ok((owned, c, p));
        }
        if start.elapsed() > Duration::from_secs(10) {
            return Err(ErrorCode::GuiHelperStartFailed);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn run(
    socket: Option<PathBuf>,
    chronyd: Option<PathBuf>,
    commands: Receiver<Command>,
    events: Sender<Event>,
    waker: Waker,
) {
    let send = |e: Event| {
        if events.send(e).is_ok() {
            waker(Wake::Event);
        }
    };
    let candidates: Vec<PathBuf> = socket.iter().cloned().collect();
    let mut owned: Option<OwnedHelper> = None;
    let (mut client, path) = match connect(&candidates) {
        Some(c) => c,
        None if socket.is_none() => match start_lab(chronyd.as_ref()) {
            Ok((helper, client, path)) => {
                owned = Some(helper);
                (client, path)
            }
            Err(code) => {
                send(Event::Offline { code });
                return idle(commands);
            }
        },
        None => {
            send(Event::Offline {
                code: ErrorCode::HelperUnreachable,
            });
            return idle(commands);
        }
    };
    let started_lab = owned.is_some();
    send(Event::Connected {
        info: client.info.clone(),
        started_lab,
        server: path.to_string_lossy().into_owned(),
    });
    {
        let (events, waker, path) = (events.clone(), waker.clone(), path.clone());
        std::thread::Builder::new()
            .name("stratum-subscription".into())
            .spawn(move || subscription(path, started_lab, events, waker))
            .expect("subscription thread");
    }
    // Ask for the first snapshot and the configuration right away.
    if let Ok(ReplyBody::Snapshot(s)) = client.request(RequestBody::Snapshot)
        && events.send(Event::Snapshot(s)).is_ok()
    {
        waker(Wake::Changed);
    }
    let mut conn = Conn { client, path };
    handle(&mut conn, Command::GetConfig, &send);
    let mut follow: Option<Follow> = None;
    let mut due = Instant::now();
    loop {
        let wait = match &follow {
            Some(_) => due.saturating_duration_since(Instant::now()),
            None => Duration::from_secs(3600),
        };
        match commands.recv_timeout(wait) {
            Ok(Command::Follow(f)) => {
                follow = f;
                due = Instant::now();
            }
            Ok(cmd) => handle(&mut conn, cmd, &send),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if let Some(f) = &follow
            && Instant::now() >= due
        {
            let got = std::cell::RefCell::new(Vec::new());
            for r in &f.requests {
                handle(&mut conn, r.clone(), &|e| got.borrow_mut().push(e));
            }
            send(Event::Batch(got.into_inner()));
            due = Instant::now() + f.every;
        }
    }
    drop(owned);
}

/// Pushed snapshots, on a connection of their own, each waking the UI.
/// When the link drops (helper restarted, SSH cut) the UI is told, and the
/// link comes back when the helper answers again. Ends with the UI.
fn subscription(path: PathBuf, started_lab: bool, events: Sender<Event>, waker: Waker) {
    let subscribe = || {
        let mut c =
            crate::ipc::client::connect_to(&path.to_string_lossy(), Duration::from_secs(30))
                .ok()?;
        c.set_timeout(Duration::from_secs(3600));
        c.request(RequestBody::Subscribe).ok()?;
        Some(c)
    };
    let Some(mut sub) = subscribe() else {
        return;
    };
    let mut state = None;
    loop {
        while let Ok(s) = sub.next_push() {
            let now = Some(state_of(&s));
            let wake = if now != state {
                Wake::Changed
            } else {
                Wake::Snapshot
            };
            state = now;
            if events.send(Event::Snapshot(Box::new(s))).is_err() {
                return;
            }
            waker(wake);
        }
        if events
            .send(Event::Offline {
                code: ErrorCode::IpcClosed,
            })
            .is_err()
        {
            return;
        }
        waker(Wake::Event);
        sub = loop {
            std::thread::sleep(Duration::from_secs(2));
            if let Some(c) = subscribe() {
                let connected = Event::Connected {
                    info: c.info.clone(),
                    started_lab,
                    server: path.to_string_lossy().into_owned(),
                };
                if events.send(connected).is_err() {
                    return;
                }
                waker(Wake::Event);
                break c;
            }
        };
    }
}

fn idle(commands: Receiver<Command>) {
    while commands.recv().is_ok() {}
}

fn failed(e: IpcError) -> Event {
    Event::Failed {
        code: e.code(),
        detail: None,
    }
}

/// The command connection. The helper closes a connection that stays idle
/// (no subscription, no request) for minutes: the next request reconnects.
struct Conn {
    client: IpcClient,
    path: PathBuf,
}

impl Conn {
    fn request(&mut self, body: RequestBody) -> Result<ReplyBody, IpcError> {
        match self.client.request(body.clone()) {
            Err(IpcError::Frame(_) | IpcError::Refused(_)) => {
                self.client = crate::ipc::client::connect_to(
                    &self.path.to_string_lossy(),
                    Duration::from_secs(30),
                )?;
                self.client.request(body)
            }
            other => other,
        }
    }

    fn set_timeout(&mut self, t: Duration) {
        self.client.set_timeout(t);
    }
}

/// A reply that should have been `expected`: the helper's error, or why
/// there was none.
fn unexpected(reply: Result<ReplyBody, IpcError>) -> Event {
    match reply {
        Ok(ReplyBody::Error { code, detail }) => Event::Failed { code, detail },
        Ok(_) => Event::Failed {
            code: ErrorCode::IpcUnexpected,
            detail: None,
        },
        Err(e) => failed(e),
    }
}

fn handle(client: &mut Conn, cmd: Command, send: &dyn Fn(Event)) {
    match cmd {
        Command::Apply(text) => {
            client.set_timeout(Duration::from_secs(60));
            match client.request(RequestBody::Apply { config: text }) {
                Ok(ReplyBody::Applied(a)) => send(Event::Applied(a)),
                other => send(unexpected(other)),
            }
            client.set_timeout(Duration::from_secs(30));
        }
        Command::NtsIssue { names, days } => {
            client.set_timeout(Duration::from_secs(60));
            match client.request(RequestBody::NtsIssue { names, days }) {
                Ok(ReplyBody::NtsIssued(n)) => send(Event::NtsIssued(n)),
                other => send(unexpected(other)),
            }
            client.set_timeout(Duration::from_secs(30));
        }
        Command::NtsRenew { days } => {
            client.set_timeout(Duration::from_secs(60));
            match client.request(RequestBody::NtsRenew { days }) {
                Ok(ReplyBody::NtsIssued(n)) => send(Event::NtsIssued(n)),
                other => send(unexpected(other)),
            }
            client.set_timeout(Duration::from_secs(30));
        }
        Command::Action(a) => match client.request(RequestBody::Action { action: a }) {
            Ok(ReplyBody::Done) => send(Event::ActionDone),
            other => send(unexpected(other)),
        },
        Command::GetConfig => match client.request(RequestBody::GetConfig) {
            Ok(ReplyBody::Config { text, path }) => send(Event::Config { text, path }),
            other => send(unexpected(other)),
        },
        Command::HistoryRecent {
            series,
            window,
            columns,
        } => {
            let now = crate::sys::now();
            handle(
                client,
                Command::History(series, now - window, now, columns),
                send,
            );
        }
        Command::Stats { series, window } => {
            let now = crate::sys::now();
            let q = HistoryQuery {
                series: series.clone(),
                since: now - window,
                until: now,
                // More than a week of buckets plus the raw hour: nothing
                // is decimated.
                max_points: 20_000,
            };
            let points: Vec<(f64, f64)> = match client.request(RequestBody::History(q)) {
                Ok(ReplyBody::History { points, .. }) => points
                    .iter()
                    .map(|(t, lo, hi)| (*t, (lo + hi) / 2.0))
                    .collect(),
                _ => Vec::new(),
            };
            let analysis = crate::core::stats::analyse(series.field, points);
            send(Event::Stats(Box::new(StatsResult {
                series,
                window,
                analysis,
            })));
        }
        Command::History(series, since, until, max_points) => {
            // One event (one frame) for all of them.
            let mut got = Vec::new();
            for s in series {
                let q = HistoryQuery {
                    series: s.clone(),
                    since,
                    until,
                    max_points,
                };
                if let Ok(ReplyBody::History { points, .. }) =
                    client.request(RequestBody::History(q))
                {
                    got.push((s, points));
                }
            }
            send(Event::History(got));
        }
        Command::Fleet => {
            if let Ok(ReplyBody::Fleet { hosts }) = client.request(RequestBody::Fleet) {
                send(Event::Fleet(hosts));
            }
        }
        Command::FleetHost(host) => {
            if let Ok(ReplyBody::Snapshot(s)) =
                client.request(RequestBody::FleetHost { host: host.clone() })
            {
                send(Event::FleetHost(host, s));
            }
        }
        Command::SeriesList => {
            if let Ok(ReplyBody::SeriesList { series }) = client.request(RequestBody::SeriesList) {
                send(Event::SeriesList(series));
            }
        }
        Command::Lint { .. }
        | Command::SaveSettings(_)
        | Command::WriteFile { .. }
        | Command::ReadConfig(_)
        | Command::Notify { .. }
        | Command::Follow(_) => {}
    }
}
