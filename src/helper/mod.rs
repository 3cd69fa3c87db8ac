//! The privileged side: talks to chronyd over cmdmon, supervises it,
//! applies configurations, keeps history and serves the GUI and CLI.

pub mod cmdmon;
pub mod lab;
pub mod logimport;
pub mod paths;
pub mod server;
pub mod service;
pub mod supervisor;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::cli::CliError;
use crate::i18n::{Lang, Localizer};
use service::{Helper, Mode};
use supervisor::{Control, Supervisor};

struct Args {
    mode: Option<Mode>,
    config: Option<PathBuf>,
    socket: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    ntp_port: u16,
    poll: Duration,
    admin_group: Option<String>,
    chronyd_args: Vec<String>,
    own_chronyd: bool,
    import_logs: Option<PathBuf>,
}

fn parse_args(args: Vec<OsString>) -> Result<Option<Args>, CliError> {
    use lexopt::prelude::*;
    let mut p = lexopt::Parser::from_args(args);
    let mut a = Args {
        mode: None,
        config: None,
        socket: None,
        data_dir: None,
        ntp_port: paths::LAB_NTP_PORT,
        poll: Duration::from_secs(1),
        admin_group: None,
        chronyd_args: Vec::new(),
        own_chronyd: false,
        import_logs: None,
    };
    let num = |v: OsString, opt: &str| -> Result<f64, CliError> {
        let s = v.to_string_lossy().into_owned();
        s.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
            .ok_or_else(|| {
                CliError::new("cli-bad-number")
                    .arg("option", opt)
                    .arg("value", s)
            })
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long("lab") => a.mode = Some(Mode::Lab),
            Long("system") => a.mode = Some(Mode::System),
            Long("config") => a.config = Some(p.value()?.into()),
            Long("socket") => a.socket = Some(p.value()?.into()),
            Long("data-dir") => a.data_dir = Some(p.value()?.into()),
            Long("ntp-port") => {
                let v = num(p.value()?, "--ntp-port")?;
                if v > 65535.0 || v.fract() != 0.0 {
                    return Err(CliError::new("cli-bad-number")
                        .arg("option", "--ntp-port")
                        .arg("value", v));
                }
                a.ntp_port = v as u16;
            }
            Long("poll-interval") => {
                a.poll = Duration::from_secs_f64(num(p.value()?, "--poll-interval")?.max(0.05))
            }
            Long("admin-group") => a.admin_group = Some(p.value()?.to_string_lossy().into_owned()),
            Long("chronyd-arg") => a
                .chronyd_args
                .push(p.value()?.to_string_lossy().into_owned()),
            Long("own-chronyd") => a.own_chronyd = true,
            Long("import-logs") => a.import_logs = Some(p.value()?.into()),
            Short('h') | Long("help") => return Ok(None),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Some(a))
}

/// `stratum-helper`'s main.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let tr = Localizer::new(Lang::from_env());
    let fail = |e: CliError| {
        eprintln!("stratum-helper: {}", tr.tr_args(e.id, &e.args));
        ExitCode::from(2)
    };
    let a = match parse_args(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{}", tr.tr("helper-usage"));
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(e),
    };
    let root = rustix::process::geteuid().is_root();
    let mode = a
        .mode
        .unwrap_or(if root { Mode::System } else { Mode::Lab });
    let Some(chronyd) = supervisor::find_chronyd() else {
        return fail(CliError::new("helper-no-chronyd"));
    };
    let initial = match (&mode, &a.config) {
        (Mode::Lab, Some(c)) => match std::fs::read(c) {
            Ok(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            Err(e) => {
                return fail(
                    CliError::new("cli-cannot-read")
                        .arg("path", c.display())
                        .arg("reason", e),
                );
            }
        },
        _ => None,
    };
    let (paths, control) = match mode {
        Mode::Lab => {
            let paths = paths::Paths::lab(a.data_dir.as_deref(), a.socket.as_deref());
            let mut args = Supervisor::lab_args();
            args.extend(a.chronyd_args.iter().cloned());
            (
                paths,
                Control::Owned {
                    chronyd: chronyd.clone(),
                    args,
                },
            )
        }
        Mode::System => {
            let paths = paths::Paths::system(
                a.config.as_deref(),
                a.data_dir.as_deref(),
                a.socket.as_deref(),
            );
            let control = match (a.own_chronyd, supervisor::systemd_unit()) {
                (false, Some(unit)) => Control::Systemd { unit },
                _ => {
                    let mut args = vec!["-d".to_string()];
                    args.extend(a.chronyd_args.iter().cloned());
                    Control::Owned {
                        chronyd: chronyd.clone(),
                        args,
                    }
                }
            };
            (paths, control)
        }
    };
    let mut helper = Helper::new(mode, paths, control, chronyd, a.ntp_port);
    helper.poll_interval = a.poll;
    let helper = Arc::new(helper);
    if mode == Mode::Lab {
        if let Err(e) = helper.prepare_lab(initial.as_deref()) {
            return fail(CliError::new("helper-io").arg("detail", e.detail.unwrap_or_default()));
        }
    }
    // History from before Stratum: chronyd's own logs, once, when there is
    // no history yet (or from the directory named on the command line).
    let logdir = a.import_logs.clone().or_else(|| {
        let empty = helper.state.lock().unwrap().history.names().is_empty();
        let text = helper.config_text().ok()?;
        let doc = crate::core::conf::Document::parse(&text);
        match (empty, doc.simple_value("logdir")) {
            (true, Some(crate::core::conf::OptValue::Word(d))) if mode == Mode::System => {
                Some(PathBuf::from(d))
            }
            _ => None,
        }
    });
    if let Some(dir) = &logdir {
        let mut st = helper.state.lock().unwrap();
        if let Err(e) = logimport::import_dir(dir, &mut st.history) {
            drop(st);
            return fail(
                CliError::new("cli-cannot-read")
                    .arg("path", dir.display())
                    .arg("reason", e),
            );
        }
    }
    let listener = match server::bind(&helper.paths.helper_socket) {
        Ok(l) => l,
        Err(e) => {
            return fail(
                CliError::new("helper-socket")
                    .arg("path", helper.paths.helper_socket.display())
                    .arg("reason", e),
            );
        }
    };
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&helper.stop));
    }
    {
        let mut sup = helper.supervisor.lock().unwrap();
        if let Err(e) = sup.start() {
            // Keep serving: the GUI shows why chronyd is not running.
            sup.last_exit = Some(e.to_string());
        }
    }
    let poller = {
        let h = Arc::clone(&helper);
        std::thread::spawn(move || h.run_poller())
    };
    let policy = Arc::new(server::Policy::for_group(
        rustix::process::geteuid().as_raw(),
        a.admin_group.as_deref().or(if mode == Mode::System {
            Some("stratum")
        } else {
            None
        }),
    ));
    server::serve(listener, Arc::clone(&helper), policy);
    helper.stop.store(true, Ordering::Relaxed);
    let _ = poller.join();
    helper.save_history();
    helper.supervisor.lock().unwrap().stop();
    let _ = std::fs::remove_file(&helper.paths.helper_socket);
    ExitCode::SUCCESS
}
