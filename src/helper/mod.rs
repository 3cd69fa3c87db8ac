//! The privileged side: owns chronyd (one supervisor task), polls it over
//! cmdmon, keeps history, applies configurations and serves the GUI and CLI
//! over a Unix socket. Everything runs on one tokio current-thread runtime on
//! the main thread (see `supervisor` for why that matters to chronyd's life).

pub mod apply;
pub mod auth;
pub mod chronyd_log;
pub mod cmdmon;
pub mod confguard;
pub mod lab;
pub mod logimport;
pub mod metrics;
pub mod nts;
pub mod paths;
pub mod poller;
pub mod prestart;
pub mod roster;
pub mod server;
pub mod state;
pub mod supervisor;
pub mod types;
pub mod watch;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{broadcast, mpsc, oneshot};

use crate::core::conf::guard::PathPolicy;
use crate::core::history::History;
use crate::i18n::{Lang, Localizer};
use auth::Policy;
use state::Shared;
use supervisor::{Control, Supervisor};
use types::{ApplyPolicy, Fixed, Mode};

use crate::cli::helper_args::{self as cli, command};

/// The largest history file read at start.
const MAX_HISTORY_BYTES: u64 = 256 << 20;

/// Threads of the blocking pool at most (tokio's default is 512).
const MAX_BLOCKING_THREADS: usize = 16;

/// A failure before the helper serves: a message id and its arguments.
use crate::i18n::UserError as StartError;

struct Args {
    mode: Option<Mode>,
    config: Option<PathBuf>,
    socket: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    ntp_port: u16,
    poll: Duration,
    admin_group: Option<String>,
    chronyd: Option<PathBuf>,
    chronyd_args: Vec<String>,
    own_chronyd: bool,
    import_logs: Option<PathBuf>,
    keep_backups: usize,
    allow_paths: Vec<String>,
    watch: Vec<crate::core::series::WatchTarget>,
    watch_file: Option<PathBuf>,
    metrics: Option<std::net::SocketAddr>,
    stdio: bool,
}

fn number(v: OsString, opt: &str, min: f64, max: f64) -> Result<f64, StartError> {
    let s = v.to_string_lossy().into_owned();
    s.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= min && *n <= max)
        .ok_or_else(|| {
            StartError::new("cli-bad-number")
                .arg("option", opt)
                .arg("value", s)
        })
}

/// The arguments, checked; `None` when the help or version was printed.
fn parse_args(args: Vec<OsString>, tr: &Localizer) -> Result<Option<Args>, StartError> {
    use clap::FromArgMatches;
    use clap::error::ErrorKind;
    let argv = std::iter::once(OsString::from("stratum-helper")).chain(args);
    let matches = match command(tr).try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    print!("{}", e.render());
                    Ok(None)
                }
                _ => Err(crate::cli::parse_error(&e)),
            };
        }
    };
    let c = cli::HelperCli::from_arg_matches(&matches).map_err(|e| crate::cli::parse_error(&e))?;
    let mut a = Args {
        mode: if c.lab {
            Some(Mode::Lab)
        } else if c.system {
            Some(Mode::System)
        } else {
            None
        },
        config: c.config,
        socket: c.socket,
        data_dir: c.data_dir,
        ntp_port: paths::LAB_NTP_PORT,
        poll: Duration::from_secs(1),
        admin_group: c.admin_group,
        chronyd: c.chronyd,
        chronyd_args: c.chronyd_arg,
        own_chronyd: c.own_chronyd,
        import_logs: c.import_logs,
        keep_backups: 20,
        allow_paths: Vec::new(),
        watch: Vec::new(),
        watch_file: c.watch_file,
        metrics: None,
        stdio: c.stdio,
    };
    if let Some(v) = c.ntp_port {
        let v = number(v, "--ntp-port", 1.0, 65535.0)?;
        if v.fract() != 0.0 {
            return Err(StartError::new("cli-bad-number")
                .arg("option", "--ntp-port")
                .arg("value", v));
        }
        a.ntp_port = v as u16;
    }
    if let Some(v) = c.poll_interval {
        a.poll = Duration::from_secs_f64(number(v, "--poll-interval", 0.05, 3600.0)?);
    }
    if let Some(v) = c.keep_backups {
        a.keep_backups = number(v, "--keep-backups", 1.0, 10_000.0)? as usize;
    }
    for v in c.allow_path {
        if !v.starts_with('/') {
            return Err(StartError::new("helper-bad-allow-path").arg("value", v));
        }
        a.allow_paths.push(v);
    }
    for v in c.watch {
        let w = crate::core::series::WatchTarget::parse(&v)
            .ok_or_else(|| StartError::new("helper-bad-watch").arg("value", v.escape_debug()))?;
        a.watch.push(w);
    }
    if let Some(v) = c.metrics_listen {
        a.metrics =
            Some(v.parse().map_err(|_| {
                StartError::new("helper-bad-listen").arg("value", v.escape_debug())
            })?);
    }
    Ok(Some(a))
}

/// tracing on stderr (journald takes it under systemd); `RUST_LOG` tunes it
/// (`RUST_LOG=debug`, `RUST_LOG=stratum=debug,chronyd=warn`).
fn init_logging() {
    use tracing_subscriber::prelude::*;
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|s| s.parse::<tracing_subscriber::filter::Targets>().ok())
        .unwrap_or_else(|| {
            tracing_subscriber::filter::Targets::new().with_default(tracing::Level::INFO)
        });
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(false)
                .with_filter(filter),
        )
        .try_init();
}

/// `stratum-helper`'s main.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let tr = Localizer::new(Lang::from_env());
    let fail = |e: StartError| {
        eprintln!("stratum-helper: {}", tr.user_error(&e));
        ExitCode::from(2)
    };
    let a = match parse_args(args, &tr) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => return fail(e),
    };
    if a.stdio {
        return match stdio_bridge(a.socket.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        };
    }
    init_logging();
    match start(a) {
        Ok(code) => code,
        Err(e) => fail(e),
    }
}

/// `--stdio`: joins standard input and output to a running helper's socket
/// (what `ssh HOST stratum-helper --stdio` runs for `--connect ssh://`). The
/// helper sees this process's user: the SSH login, authorised like any
/// local client.
fn stdio_bridge(socket: Option<&std::path::Path>) -> Result<(), StartError> {
    use std::io::{Read, Write};
    use std::os::unix::net::UnixStream;
    let candidates = match socket {
        Some(s) => vec![s.to_path_buf()],
        None => crate::ipc::paths::default_helper_sockets(),
    };
    let stream = candidates
        .iter()
        .find_map(|p| UnixStream::connect(p).ok())
        .ok_or_else(|| {
            StartError::new("cli-helper-unreachable").arg(
                "path",
                candidates
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })?;
    let mut to_helper = stream
        .try_clone()
        .map_err(|e| StartError::new("helper-io").arg("detail", e))?;
    let mut from_helper = stream;
    let up = std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 16 * 1024];
        while let Ok(n) = stdin.read(&mut buf) {
            if n == 0 || to_helper.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to_helper.shutdown(std::net::Shutdown::Write);
    });
    let mut stdout = std::io::stdout().lock();
    let mut buf = [0u8; 64 * 1024];
    while let Ok(n) = from_helper.read(&mut buf) {
        if n == 0
            || stdout
                .write_all(&buf[..n])
                .and_then(|()| stdout.flush())
                .is_err()
        {
            break;
        }
    }
    // The helper closed: the client's end goes with it.
    drop(up);
    Ok(())
}

fn start(a: Args) -> Result<ExitCode, StartError> {
    let root = rustix::process::geteuid().is_root();
    let mode = a
        .mode
        .unwrap_or(if root { Mode::System } else { Mode::Lab });
    let chronyd = crate::sys::find_chronyd(a.chronyd.as_deref())
        .filter(|p| p.is_file())
        .ok_or_else(|| StartError::new("helper-no-chronyd"))?;
    let chrony_version = crate::sys::chronyd_version(&chronyd);
    let initial = match (mode, &a.config) {
        (Mode::Lab, Some(c)) => {
            Some(std::fs::read(c).map_err(|e| StartError::cannot_read(c.display(), &e))?)
        }
        _ => None,
    };
    let (paths, control) = match mode {
        Mode::Lab => {
            let mut args = supervisor::lab_args();
            args.extend(a.chronyd_args.iter().cloned());
            (
                paths::Paths::lab(a.data_dir.as_deref(), a.socket.as_deref()),
                Control::Owned { args },
            )
        }
        Mode::System => {
            let paths = paths::Paths::system(
                a.config.as_deref(),
                a.data_dir.as_deref(),
                a.socket.as_deref(),
            );
            let control = match (a.own_chronyd, crate::sys::systemd_unit()) {
                (false, Some(unit)) => Control::Systemd { unit },
                _ => {
                    // As the distribution's service would run it, then the
                    // helper's own additions.
                    let mut args = vec!["-d".to_string()];
                    args.extend(crate::sys::distribution_options(&paths.config));
                    args.extend(a.chronyd_args.iter().cloned());
                    Control::Owned { args }
                }
            };
            (paths, control)
        }
    };
    let fixed = Fixed {
        mode,
        paths,
        ntp_port: a.ntp_port,
        chrony_version,
        chronyd: chronyd.clone(),
    };
    // One helper per data directory: two would run two chronyd on one
    // configuration. The lock lives as long as this process.
    let _lock = lock_data_dir(&fixed.paths.data_dir)?;
    if mode == Mode::Lab {
        apply::prepare_lab(&fixed, initial.as_deref()).map_err(|e| {
            StartError::new("helper-io").arg("detail", e.detail.unwrap_or_default())
        })?;
    }
    let history = crate::fsutil::open::open_regular(
        &fixed.paths.history,
        crate::fsutil::open::Links::Refuse,
        MAX_HISTORY_BYTES,
    )
    .ok()
    .and_then(|f| History::load(&mut std::io::BufReader::new(f)).ok())
    .unwrap_or_default();
    // History from before Stratum: chronyd's own logs, once, when there is
    // no history yet (or from the directory named on the command line).
    let logdir = a.import_logs.clone().or_else(|| {
        let text = apply::config_text(&fixed).ok()?;
        match crate::core::conf::Document::parse(&text).simple_value("logdir") {
            Some(crate::core::conf::OptValue::Word(d))
                if mode == Mode::System && history.names().is_empty() =>
            {
                Some(PathBuf::from(d))
            }
            _ => None,
        }
    });
    // Hosts to watch: --watch, then the watch list (--watch-file, else
    // `watch` in the data directory when it exists).
    let mut watch_list = a.watch.clone();
    let file = a
        .watch_file
        .clone()
        .or_else(|| Some(fixed.paths.data_dir.join("watch")).filter(|p| p.exists()));
    if let Some(f) = file {
        let text =
            crate::fsutil::open::read_capped(&f, crate::fsutil::open::Links::Follow, 1 << 20)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|e| StartError::cannot_read(f.display(), &e))?;
        let listed = watch::parse_watch_file(&text).map_err(|(line, value)| {
            StartError::new("helper-bad-watch-file")
                .arg("path", f.display())
                .arg("line", line)
                .arg("value", value.escape_debug())
        })?;
        for w in listed {
            if !watch_list.contains(&w) {
                watch_list.push(w);
            }
        }
    }
    let listener_path = fixed.paths.helper_socket.clone();
    let fixed_config = fixed.paths.config.clone();
    let chrony_user = crate::sys::chrony_user();
    let policy = Policy {
        own_uid: rustix::process::geteuid().as_raw(),
        admin_group: a
            .admin_group
            .clone()
            .or_else(|| (mode == Mode::System).then(|| "stratum".to_string())),
        chrony_group: chrony_user.clone(),
    };
    let apply_policy = ApplyPolicy {
        keep_backups: a.keep_backups,
        paths: PathPolicy::distribution(&a.allow_paths, chrony_user.into_iter().collect()),
    };

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        // File IO and NSS lookups: a few at a time is plenty, and a flood
        // of requests waits in a queue instead of growing threads.
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .build()
        .map_err(|e| StartError::new("helper-io").arg("detail", e))?;
    rt.block_on(async move {
        let listener = server::bind(&listener_path).map_err(|e| {
            StartError::new("helper-socket")
                .arg("path", listener_path.display())
                .arg("reason", e)
        })?;
        let log = Arc::new(Mutex::new(Default::default()));
        let (sup, status) = Supervisor::new(control, fixed.clone(), apply_policy, Arc::clone(&log));
        let (sup_tx, sup_rx) = mpsc::channel(server::QUEUED_CHANGES);
        let (latest, _) = tokio::sync::watch::channel(None);
        let (pushes, _) = broadcast::channel(server::PUSH_BACKLOG);
        let fleet: watch::Fleet = Arc::new(Mutex::new(
            watch_list
                .iter()
                .map(|t| watch::Watched::new(t.clone()))
                .collect(),
        ));
        let shared = Arc::new(Shared {
            fixed,
            policy,
            history: Arc::new(Mutex::new(history)),
            latest,
            pushes,
            supervisor: sup_tx,
            chronyd: status,
            log,
            fleet: Arc::clone(&fleet),
            roster: Arc::new(roster::Roster::load(&fixed_config)),
        });
        tokio::spawn(roster::run(Arc::clone(&shared)));
        for (i, t) in watch_list.iter().enumerate() {
            tokio::spawn(watch::watch(
                Arc::clone(&fleet),
                Arc::clone(&shared.history),
                i,
                t.clone(),
                a.poll,
            ));
        }
        if let Some(addr) = a.metrics {
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
                StartError::new("helper-socket")
                    .arg("path", addr)
                    .arg("reason", e)
            })?;
            let first: Arc<[u8]> = Arc::from(metrics::render(None, &[]).into_bytes());
            let (page_tx, page_rx) = tokio::sync::watch::channel(first);
            tokio::spawn(metrics::build_pages(Arc::clone(&shared), page_tx));
            tokio::spawn(crate::exporter::serve(listener, page_rx));
        }
        tracing::info!(
            mode = mode.id(),
            socket = %listener_path.display(),
            config = %shared.fixed.paths.config.display(),
            chronyd = %chronyd.display(),
            version = ?shared.fixed.chrony_version.map(|v| v.to_string()),
            "helper started"
        );
        if let Some(dir) = logdir {
            tokio::spawn(import_logs(dir, Arc::clone(&shared.history)));
        }
        let supervisor = tokio::spawn(sup.run(sup_rx));
        let poller = tokio::spawn(poller::run(Arc::clone(&shared), a.poll));
        let bound = server::socket_identity(&listener_path);
        let server = tokio::spawn(server::serve(
            listener,
            listener_path.clone(),
            Arc::clone(&shared),
        ));
        let signal = wait_for_signal().await;
        tracing::info!(signal, "stopping");
        server.abort();
        poller.abort();
        let (done, stopped) = oneshot::channel();
        if shared
            .supervisor
            .send(supervisor::SupMsg::Shutdown { done })
            .await
            .is_ok()
        {
            let _ = tokio::time::timeout(Duration::from_secs(10), stopped).await;
        }
        let _ = supervisor.await;
        poller::save_history(&shared).await;
        // Only our own socket (not one a later helper made).
        if server::socket_identity(&listener_path) == bound {
            let _ = std::fs::remove_file(&listener_path);
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// chronyd's logs read into history in the background, once the helper
/// serves: a huge (or sparse) log never delays the start, and a log that
/// cannot be read is only a warning.
async fn import_logs(dir: PathBuf, history: Arc<Mutex<History>>) {
    let imported = tokio::task::spawn_blocking(move || {
        let mut h = History::default();
        let stats = logimport::import_dir(&dir, &mut h);
        (h, stats, dir)
    })
    .await;
    if let Ok((h, stats, dir)) = imported {
        types::lock(&history).merge_older(&h);
        tracing::info!(
            dir = %dir.display(),
            lines = stats.lines,
            samples = stats.samples,
            skipped = stats.skipped,
            "chronyd's logs imported"
        );
    }
}

/// An exclusive lock on `DIR/helper.lock`, held until the process ends.
fn lock_data_dir(dir: &std::path::Path) -> Result<std::fs::File, StartError> {
    let io = |e: std::io::Error| StartError::new("helper-io").arg("detail", e);
    std::fs::create_dir_all(dir).map_err(io)?;
    let path = dir.join("helper.lock");
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(f),
        Err(rustix::io::Errno::WOULDBLOCK) => {
            Err(StartError::new("helper-already-running").arg("path", dir.display()))
        }
        Err(e) => Err(io(e.into())),
    }
}

async fn wait_for_signal() -> &'static str {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
        signal(SignalKind::hangup()),
    ) else {
        std::future::pending::<()>().await;
        unreachable!()
    };
    tokio::select! {
        _ = term.recv() => "TERM",
        _ = int.recv() => "INT",
        _ = hup.recv() => "HUP",
    }
}
