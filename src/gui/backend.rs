//! The GUI's IO: a background thread that talks to the helper (and starts a
//! lab helper when none answers). The UI sends [`Command`]s and receives
//! [`Event`]s; every event wakes the UI with a repaint request, so the UI
//! is idle when nothing happens.

use std::path::PathBuf;
use std::process::{Child, Command as Process, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::core::history::SeriesPoint;
use crate::ipc::client::{IpcClient, IpcError};
use crate::ipc::{Action, Applied, HelperInfo, HistoryQuery, ReplyBody, RequestBody, Snapshot};

#[derive(Debug, Clone)]
pub enum Command {
    Apply(String),
    Action(Action),
    GetConfig,
    History(Vec<String>, f64, f64, usize),
    SeriesList,
    Fleet,
    /// One watched server's tracking and sources.
    FleetHost(String),
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
        code: String,
    },
    Snapshot(Box<Snapshot>),
    Config {
        text: String,
        path: String,
    },
    Applied(Applied),
    Failed {
        code: String,
        detail: Option<String>,
    },
    ActionDone,
    History(String, Vec<SeriesPoint>),
    SeriesList(Vec<String>),
    Fleet(Vec<crate::ipc::FleetRow>),
    FleetHost(String, Box<Snapshot>),
}

/// Wakes the UI when an event arrives.
pub type Waker = std::sync::Arc<dyn Fn() + Send + Sync>;

pub struct Backend {
    pub tx: Sender<Command>,
    pub rx: Receiver<Event>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Backend {
    /// Starts the IO thread. `socket`: the helper to use (else the default
    /// ones, else a lab helper is started).
    pub fn start(socket: Option<PathBuf>, chronyd: Option<PathBuf>, waker: Waker) -> Backend {
        let (tx, commands) = channel::<Command>();
        let (events, rx) = channel::<Event>();
        let thread = std::thread::Builder::new()
            .name("stratum-backend".into())
            .spawn(move || run(socket, chronyd, commands, events, waker))
            .expect("backend thread");
        Backend {
            tx,
            rx,
            thread: Some(thread),
        }
    }

    /// A backend that never connects (tests, offline use).
    pub fn offline() -> Backend {
        let (tx, _commands) = channel();
        let (_events, rx) = channel();
        Backend {
            tx,
            rx,
            thread: None,
        }
    }

    /// Closes the command channel and waits for the IO thread, which stops
    /// a lab helper it started.
    pub fn shutdown(&mut self) {
        self.tx = channel().0;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A lab helper this window started; stopped (by pid) with the window.
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

/// A socket path or an `ssh://` URL (the helper of another machine).
fn connect(candidates: &[PathBuf]) -> Option<(IpcClient, PathBuf)> {
    candidates.iter().find_map(|p| {
        crate::ipc::client::connect_to(&p.to_string_lossy(), Duration::from_secs(30))
            .ok()
            .map(|c| (c, p.clone()))
    })
}

fn run(
    socket: Option<PathBuf>,
    chronyd: Option<PathBuf>,
    commands: Receiver<Command>,
    events: Sender<Event>,
    waker: Waker,
) {
    let send = |e: Event| {
        let _ = events.send(e);
        waker();
    };
    let candidates = match &socket {
        Some(s) => vec![s.clone()],
        None => crate::ipc::paths::default_helper_sockets(),
    };
    let mut owned: Option<OwnedHelper> = None;
    let (mut client, path) = match connect(&candidates) {
        Some(c) => c,
        None if socket.is_none() => {
            // Start a lab helper of our own.
            let lab_socket = crate::ipc::paths::user_runtime_dir().join("helper.sock");
            let mut helper = Process::new(helper_binary());
            helper.arg("--lab");
            // The chronyd chosen in Settings (else the helper finds one).
            if let Some(c) = &chronyd {
                helper.arg("--chronyd").arg(c);
            }
            let child = helper
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            match child {
                Ok(child) => {
                    owned = Some(OwnedHelper(child));
                    let start = Instant::now();
                    loop {
                        if let Some(c) = connect(std::slice::from_ref(&lab_socket)) {
                            break c;
                        }
                        if start.elapsed() > Duration::from_secs(10) {
                            send(Event::Offline {
                                code: "gui-helper-start-failed".into(),
                            });
                            return idle(commands);
                        }
                        std::thread::sleep(Duration::from_millis(100));
                    }
                }
                Err(_) => {
                    send(Event::Offline {
                        code: "gui-no-helper".into(),
                    });
                    return idle(commands);
                }
            }
        }
        None => {
            send(Event::Offline {
                code: "helper-unreachable".into(),
            });
            return idle(commands);
        }
    };
    send(Event::Connected {
        info: client.info.clone(),
        started_lab: owned.is_some(),
        server: path.to_string_lossy().into_owned(),
    });
    // Pushed snapshots arrive on a second connection, each waking the UI.
    {
        let events = events.clone();
        let waker = waker.clone();
        let path = path.clone();
        std::thread::spawn(move || {
            let Ok(mut sub) =
                crate::ipc::client::connect_to(&path.to_string_lossy(), Duration::from_secs(30))
            else {
                return;
            };
            sub.set_timeout(Duration::from_secs(3600));
            if sub.request(RequestBody::Subscribe).is_err() {
                return;
            }
            loop {
                while let Ok(s) = sub.next_push() {
                    if events.send(Event::Snapshot(Box::new(s))).is_err() {
                        return;
                    }
                    waker();
                }
                // The link dropped (helper restarted, SSH cut): say so, and
                // come back when the helper answers again.
                let _ = events.send(Event::Offline {
                    code: "ipc-closed".into(),
                });
                waker();
                sub = loop {
                    std::thread::sleep(Duration::from_secs(2));
                    if let Ok(mut c) = crate::ipc::client::connect_to(
                        &path.to_string_lossy(),
                        Duration::from_secs(30),
                    ) {
                        c.set_timeout(Duration::from_secs(3600));
                        if c.request(RequestBody::Subscribe).is_ok() {
                            let _ = events.send(Event::Connected {
                                info: c.info.clone(),
                                started_lab: false,
                                server: path.to_string_lossy().into_owned(),
                            });
                            break c;
                        }
                    }
                };
            }
        });
    }
    // Ask for the first snapshot and the configuration right away.
    if let Ok(ReplyBody::Snapshot(s)) = client.request(RequestBody::Snapshot) {
        send(Event::Snapshot(s));
    }
    let mut conn = Conn { client, path };
    handle(&mut conn, Command::GetConfig, &send);
    while let Ok(cmd) = commands.recv() {
        handle(&mut conn, cmd, &send);
    }
    drop(owned);
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

    fn set_timeout(&self, t: Duration) {
        self.client.set_timeout(t);
    }
}

fn handle(client: &mut Conn, cmd: Command, send: &dyn Fn(Event)) {
    match cmd {
        Command::Apply(text) => {
            client.set_timeout(Duration::from_secs(60));
            match client.request(RequestBody::Apply { config: text }) {
                Ok(ReplyBody::Applied(a)) => send(Event::Applied(a)),
                Ok(ReplyBody::Error { code, detail }) => send(Event::Failed { code, detail }),
                Ok(_) => send(Event::Failed {
                    code: "ipc-unexpected".into(),
                    detail: None,
                }),
                Err(e) => send(failed(e)),
            }
            client.set_timeout(Duration::from_secs(30));
        }
        Command::Action(a) => match client.request(RequestBody::Action { action: a }) {
            Ok(ReplyBody::Done) => send(Event::ActionDone),
            Ok(ReplyBody::Error { code, detail }) => send(Event::Failed { code, detail }),
            Ok(_) => send(Event::Failed {
                code: "ipc-unexpected".into(),
                detail: None,
            }),
            Err(e) => send(failed(e)),
        },
        Command::GetConfig => match client.request(RequestBody::GetConfig) {
            Ok(ReplyBody::Config { text, path }) => send(Event::Config { text, path }),
            Ok(ReplyBody::Error { code, detail }) => send(Event::Failed { code, detail }),
            Ok(_) => {}
            Err(e) => send(failed(e)),
        },
        Command::History(series, since, until, max_points) => {
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
                    send(Event::History(s, points));
                }
            }
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
    }
}
