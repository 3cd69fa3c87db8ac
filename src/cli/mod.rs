//! The `stratum` command line. Every message comes from the Fluent catalogue;
//! errors are one translated sentence on stderr and exit code 2.

mod common;
mod config;
mod explain;
pub mod export;
mod fleet;
mod gpsd;
mod metrics;
mod nts;
mod refclock;
pub mod roster;
mod stats;
mod status;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use crate::i18n::{Lang, Localizer};

pub use common::write_out;
use common::{CliError, CliResult, out, outln, parse_lang};

/// The language for messages: `--lang` anywhere on the command line, else the
/// locale.
fn pick_lang(args: &[OsString]) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let a = a.to_string_lossy();
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v).unwrap_or_else(Lang::from_env);
        }
        if a == "--lang"
            && let Some(v) = it.next()
        {
            return Lang::parse(&v.to_string_lossy()).unwrap_or_else(Lang::from_env);
        }
    }
    Lang::from_env()
}

/// Runs `stratum` with its arguments (without the program name).
/// What `stratum` is asked to do.
pub enum Run {
    Exit(ExitCode),
    /// No subcommand: open the window (the binary decides how).
    Window,
}

pub fn run(args: Vec<OsString>) -> Run {
    let lang = pick_lang(&args);
    let tr = Localizer::new(lang);
    match dispatch(args, &tr) {
        Ok(Some(code)) => Run::Exit(code),
        Ok(None) => Run::Window,
        Err(e) => Run::Exit(fail(&tr, e)),
    }
}

fn fail(tr: &Localizer, e: CliError) -> ExitCode {
    let msg = tr.tr_args(e.id, &e.args);
    let _ = writeln!(std::io::stderr(), "stratum: {msg}");
    ExitCode::from(2)
}

/// Where the desktop package installs the window; the headless command line
/// hands `stratum` with no arguments to it.
pub const GUI_PATH: &str = "/usr/libexec/stratum/stratum-gui";

/// A build without the window hands it to the desktop package's binary.
pub fn run_installed_gui() -> ExitCode {
    let tr = Localizer::new(Lang::from_env());
    match exec_gui() {
        Ok(code) => code,
        Err(e) => fail(&tr, e),
    }
}

fn exec_gui() -> CliResult {
    use std::os::unix::process::CommandExt;
    if !std::path::Path::new(GUI_PATH).exists() {
        return Err(CliError::new("cli-no-gui"));
    }
    // exec only returns on failure.
    let e = std::process::Command::new(GUI_PATH).exec();
    Err(CliError::new("cli-cannot-read")
        .arg("path", GUI_PATH)
        .arg("reason", e))
}

fn dispatch(args: Vec<OsString>, tr: &Localizer) -> Result<Option<ExitCode>, CliError> {
    let mut parser = lexopt::Parser::from_args(args);
    use lexopt::prelude::*;
    let mut first = parser.next()?;
    // `--lang` may also come before the subcommand.
    while let Some(Long("lang")) = first {
        parse_lang(parser.value()?)?;
        first = parser.next()?;
    }
    match first {
        None => Ok(None),
        Some(Short('h') | Long("help")) => {
            out!("{}", tr.tr("cli-help"));
            Ok(Some(ExitCode::SUCCESS))
        }
        Some(Short('V') | Long("version")) => {
            outln!("stratum {}", env!("CARGO_PKG_VERSION"));
            Ok(Some(ExitCode::SUCCESS))
        }
        Some(Value(cmd)) => match cmd.to_string_lossy().as_ref() {
            "config" => config::run(parser, tr).map(Some),
            "status" => status::run(parser, tr).map(Some),
            "export" => export::run(parser, tr).map(Some),
            "explain" => explain::run(parser, tr).map(Some),
            "fleet" => fleet::run(parser, tr).map(Some),
            "metrics" => metrics::run(parser, tr).map(Some),
            "nts" => nts::run(parser, tr).map(Some),
            "refclock" => refclock::run(parser, tr).map(Some),
            "gpsd" => gpsd::run(parser, tr).map(Some),
            "stats" => stats::run(parser, tr).map(Some),
            "roster" => roster::run(parser, tr).map(Some),
            "help" => {
                out!("{}", tr.tr("cli-help"));
                Ok(Some(ExitCode::SUCCESS))
            }
            other => Err(CliError::new("cli-unknown-command").arg("command", other)),
        },
        Some(arg) => Err(arg.unexpected().into()),
    }
}
