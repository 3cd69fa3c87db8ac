//! The backend's helper thread: finds a helper (or starts a lab helper of
//! its own, saying each step), then answers the window's requests one at a
//! time, each reply addressed to the request that asked. Pushed snapshots
//! come on a connection of their own.

use std::path::PathBuf;
use std::process::{Child, Command as Process, Stdio};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use super::messages::{Command, Event, Follow, Launch, Request, RequestId, Stage, StatsResult};
use super::wake::{Wake, Waker, wake_for};
use crate::core::codes::ErrorCode;
use crate::ipc::client::{IpcClient, IpcError};
use crate::ipc::{HistoryQuery, ReplyBody, RequestBody};

/// How long a lab helper this window starts has to answer. Its start is
/// shown as progress meanwhile; a helper that exits says why at once.
const LAB_START_LIMIT: Duration = Duration::from_secs(30);

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

fn helper_binary(how: &Launch) -> PathBuf {
    if let Some(h) = &how.helper {
        return h.clone();
    }
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

/// The lab helper's own last words (its stderr goes to a file, never to a
/// pipe nobody reads once the window is up): the line that says why it
/// stopped.
fn last_words(log: &std::path::Path) -> Option<String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(log).ok()?;
    // Only the end matters, however much it wrote.
    let len = f.metadata().ok()?.len();
    f.seek(SeekFrom::Start(len.saturating_sub(16 << 10))).ok()?;
    let mut tail = Vec::new();
    f.take(16 << 10).read_to_end(&mut tail).ok()?;
    let text = String::from_utf8_lossy(&tail);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // Its fatal errors are "stratum-helper: <why>"; else the last line.
    lines
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("stratum-helper: "))
        .or(lines.last().copied())
        .map(str::to_string)
}

/// Where a lab helper's socket is.
fn lab_socket(how: &Launch) -> PathBuf {
    match &how.lab_dir {
        Some(d) => d.join("helper.sock"),
        None => crate::ipc::paths::user_runtime_dir().join("helper.sock"),
    }
}

/// Starts a lab helper of our own and waits for it to answer: an error
/// says why it did not (its own last words when it exited).
fn start_lab(
    how: &Launch,
) -> Result<(OwnedHelper, IpcClient, PathBuf), (ErrorCode, Option<String>)> {
    use std::os::unix::process::CommandExt;
    let lab_socket = lab_socket(how);
    let data = how
        .lab_dir
        .clone()
        .unwrap_or_else(crate::ipc::paths::user_data_dir);
    let _ = std::fs::create_dir_all(&data);
    let log_path = data.join("lab-helper.log");
    let log = std::fs::File::create(&log_path).ok();
    let mut helper = Process::new(helper_binary(how));
    helper.arg("--lab");
    // The chronyd chosen in Settings (else the helper finds one).
    if let Some(c) = &how.chronyd {
        helper.arg("--chronyd").arg(c);
    }
    if let Some(d) = &how.lab_dir {
        helper
            .arg("--data-dir")
            .arg(d.join("data"))
            .arg("--socket")
            .arg(&lab_socket);
    }
    if let Some(p) = how.ntp_port {
        helper.arg("--ntp-port").arg(p.to_string());
    }
    if let Some(lang) = how.lang {
        helper.env(crate::i18n::LANG_VAR, lang.code());
    }
    helper
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log.map_or_else(Stdio::null, Stdio::from));
    // SAFETY: the hook makes only async-signal-safe syscalls.
    unsafe {
        helper.pre_exec(crate::sys::die_with_parent());
    }
    let child = helper
        .spawn()
        .map_err(|e| (ErrorCode::GuiNoHelper, Some(e.to_string())))?;
    let mut owned = OwnedHelper(child);
    let start = Instant::now();
    loop {
        if let Some((c, p)) = connect(std::slice::from_ref(&lab_socket)) {
            return Ok((owned, c, p));
        }
        if let Ok(Some(status)) = owned.0.try_wait() {
            let why = last_words(&log_path).unwrap_or_else(|| status.to_string());
            return Err((ErrorCode::GuiHelperStartFailed, Some(why)));
        }
        if start.elapsed() > LAB_START_LIMIT {
            let why = last_words(&log_path).unwrap_or_else(|| {
                format!(
                    "no answer on {} in {} s",
                    lab_socket.display(),
                    LAB_START_LIMIT.as_secs()
                )
            });
            return Err((ErrorCode::GuiHelperStartFailed, Some(why)));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub(super) fn run(how: Launch, requests: Receiver<Request>, events: Sender<Event>, waker: Waker) {
    let send = |e: Event| {
        if events.send(e).is_ok() {
            waker(Wake::Event);
        }
    };
    send(Event::Progress(Stage::Looking));
    let candidates: Vec<PathBuf> = match (&how.socket, &how.lab_dir) {
        (Some(s), _) => vec![s.clone()],
        (None, Some(_)) => vec![lab_socket(&how)],
        (None, None) => Vec::new(),
    };
    let mut owned: Option<OwnedHelper> = None;
    let (mut client, path) = match connect(&candidates) {
        Some(c) => c,
        None if how.socket.is_none() => {
            send(Event::Progress(Stage::StartingLab));
            match start_lab(&how) {
                Ok((helper, client, path)) => {
                    owned = Some(helper);
                    (client, path)
                }
                Err((code, detail)) => {
                    send(Event::Offline { code, detail });
                    return idle(requests);
                }
            }
        }
        None => {
            send(Event::Offline {
                code: ErrorCode::HelperUnreachable,
                detail: None,
            });
            return idle(requests);
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
    // Ask for the first snapshot and the configuration right away (a
    // helper that has not polled yet answers no snapshot: the first push
    // brings it).
    if let Ok(ReplyBody::Snapshot(s)) = client.request(RequestBody::Snapshot)
        && events.send(Event::Snapshot(s)).is_ok()
    {
        waker(Wake::Status);
    }
    let mut conn = Conn { client, path };
    handle(&mut conn, Command::GetConfig, &send);
    let mut follow: Option<(RequestId, Follow)> = None;
    let mut due = Instant::now();
    loop {
        let wait = match &follow {
            Some(_) => due.saturating_duration_since(Instant::now()),
            None => Duration::from_secs(3600),
        };
        match requests.recv_timeout(wait) {
            Ok(Request {
                id,
                command: Command::Follow(f),
            }) => {
                follow = f.map(|f| (id, f));
                due = Instant::now();
            }
            Ok(Request { id, command }) => {
                let reply = |e: Event| {
                    send(Event::Reply {
                        to: id,
                        event: Box::new(e),
                    })
                };
                handle(&mut conn, command, &reply);
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if let Some((id, f)) = &follow
            && Instant::now() >= due
        {
            let got = std::cell::RefCell::new(Vec::new());
            for r in &f.requests {
                handle(&mut conn, r.clone(), &|e| got.borrow_mut().push(e));
            }
            send(Event::Reply {
                to: *id,
                event: Box::new(Event::Batch(got.into_inner())),
            });
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
            let (wake, now) = wake_for(state, &s);
            state = Some(now);
            if events.send(Event::Snapshot(Box::new(s))).is_err() {
                return;
            }
            waker(wake);
        }
        state = None;
        if events
            .send(Event::Offline {
                code: ErrorCode::IpcClosed,
                detail: None,
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

fn idle(requests: Receiver<Request>) {
    while requests.recv().is_ok() {}
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

/// Does one request; what it gets goes to `send` (the reply to whoever
/// asked).
fn handle(client: &mut Conn, cmd: Command, send: &dyn Fn(Event)) {
    match cmd {
        Command::Apply(bytes) => {
            client.set_timeout(Duration::from_secs(60));
            match client.request(RequestBody::Apply {
                config: bytes.into(),
            }) {
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
            Ok(ReplyBody::Config { text, path }) => send(Event::Config {
                text: text.into_bytes(),
                path,
            }),
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
        Command::Roster(op) => match client.request(RequestBody::Roster { op }) {
            Ok(ReplyBody::Roster(r)) => send(Event::Roster(r)),
            other => send(unexpected(other)),
        },
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
        | Command::Resolve(_)
        | Command::LookUp(_)
        | Command::SaveSettings(_)
        | Command::WriteFile { .. }
        | Command::ReadConfig(_)
        | Command::ReadBundle(_)
        | Command::Notify { .. }
        | Command::Withdraw(_)
        | Command::Follow(_) => {}
    }
}
