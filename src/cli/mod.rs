//! The `stratum` command line. Every message comes from the Fluent catalogue;
//! errors are one translated sentence on stderr and exit code 2.

pub mod args;
mod common;
mod config;
mod explain;
pub mod export;
mod fleet;
mod gpsd;
pub mod help;
pub mod helper_args;
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
use common::{CliError, CliResult, out, parse_lang};

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
    let msg = tr.user_error(&e);
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
    Err(CliError::cannot_read(GUI_PATH, &e))
}

/// The command line's declaration with its texts in `tr`'s language.
pub fn command(tr: &Localizer) -> clap::Command {
    help::localize(<args::Cli as clap::CommandFactory>::command(), tr)
}

/// `--lang`'s value as given (the last one), if any.
fn lang_arg(args: &[OsString]) -> Option<OsString> {
    let mut found = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let text = a.to_string_lossy();
        if let Some(v) = text.strip_prefix("--lang=") {
            found = Some(OsString::from(v));
        } else if text == "--lang" {
            found = it.next().cloned();
        }
    }
    found
}

/// A parse error as one translated sentence (`stratum` and
/// `stratum-helper`).
pub fn parse_error(e: &clap::Error) -> CliError {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let arg = ctx(ContextKind::InvalidArg);
            if arg.starts_with('-') {
                CliError::new("cli-unknown-option").arg("option", arg)
            } else {
                CliError::new("cli-unexpected-argument").arg("argument", arg)
            }
        }
        ErrorKind::InvalidSubcommand => {
            CliError::new("cli-unknown-command").arg("command", ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue
        | ErrorKind::NoEquals
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::TooFewValues => {
            let arg = ctx(ContextKind::InvalidArg);
            let option = arg
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            CliError::new("cli-missing-value").arg("option", option)
        }
        ErrorKind::TooManyValues => {
            CliError::new("cli-unexpected-argument").arg("argument", ctx(ContextKind::InvalidValue))
        }
        ErrorKind::ArgumentConflict => CliError::new("cli-conflict")
            .arg("option", ctx(ContextKind::InvalidArg))
            .arg("other", ctx(ContextKind::PriorArg)),
        ErrorKind::InvalidUtf8 => CliError::new("cli-not-unicode").arg("argument", "?"),
        _ => CliError::new("cli-usage").arg("detail", e.kind()),
    }
}

fn dispatch(args: Vec<OsString>, tr: &Localizer) -> Result<Option<ExitCode>, CliError> {
    use args::{Cmd, ConfigCmd, ExportKind, NtsCmd, RefclockCmd};
    use clap::FromArgMatches;
    use clap::error::ErrorKind;
    if let Some(l) = lang_arg(&args) {
        parse_lang(l)?;
    }
    let argv = std::iter::once(OsString::from("stratum")).chain(args);
    let matches = match command(tr).try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    out!("{}", e.render());
                    Ok(Some(ExitCode::SUCCESS))
                }
                _ => Err(parse_error(&e)),
            };
        }
    };
    let cli = args::Cli::from_arg_matches(&matches).map_err(|e| parse_error(&e))?;
    let sub = |names: &[&str]| {
        names
            .iter()
            .try_fold(&matches, |m, n| m.subcommand_matches(n))
    };
    let code = match cli.command {
        None => return Ok(None),
        Some(Cmd::Help) => {
            out!("{}", command(tr).render_help());
            ExitCode::SUCCESS
        }
        Some(Cmd::Config(ConfigCmd::Lint(a))) => config::lint_cmd(a, tr)?,
        Some(Cmd::Config(ConfigCmd::Edit(a))) => {
            let m = sub(&["config", "edit"]).expect("edit's matches");
            config::edit_cmd(a, m, tr)?
        }
        Some(Cmd::Config(ConfigCmd::Apply(a))) => config::apply_cmd(a, tr)?,
        Some(Cmd::Config(ConfigCmd::Init(a))) => config::init_cmd(a, tr)?,
        Some(Cmd::Status(a)) => status::run(a, tr)?,
        Some(Cmd::Fleet(a)) => fleet::run(a, tr)?,
        Some(Cmd::Export(e)) => match e.kind {
            Some(ExportKind::Bundle(a)) => export::run_bundle(a, tr)?,
            Some(ExportKind::Alerts(a)) => export::run_alerts(a, tr)?,
            None => export::run(e.args, tr)?,
        },
        Some(Cmd::Explain(a)) => explain::run(a, tr)?,
        Some(Cmd::Metrics(a)) => metrics::run(a, tr)?,
        Some(Cmd::Nts(NtsCmd::Init(a))) => nts::init(a.common, a.name, a.ca, false, tr)?,
        Some(Cmd::Nts(NtsCmd::Renew(a))) => nts::init(a.common, Vec::new(), Vec::new(), true, tr)?,
        Some(Cmd::Nts(NtsCmd::Show(a))) => nts::show(a, tr)?,
        Some(Cmd::Refclock(RefclockCmd::Calibrate(a))) => refclock::run(a, tr)?,
        Some(Cmd::Gpsd(a)) => gpsd::run(a, tr)?,
        Some(Cmd::Stats(a)) => stats::run(a, tr)?,
        Some(Cmd::Roster(a)) => roster::run(a, tr)?,
        Some(Cmd::Completions(a)) => completions(a, tr)?,
        Some(Cmd::Man(a)) => man(a)?,
    };
    Ok(Some(code))
}

/// `stratum completions bash|zsh|fish`: the shell's completion script, from
/// the declaration the parser uses.
fn completions(a: args::CompletionsArgs, tr: &Localizer) -> CliResult {
    use clap_complete::Shell;
    let shell = match a.shell.as_deref() {
        Some("bash") => Shell::Bash,
        Some("zsh") => Shell::Zsh,
        Some("fish") => Shell::Fish,
        Some(other) => {
            return Err(CliError::new("cli-bad-shell").arg("value", other.escape_debug()));
        }
        None => return Err(CliError::new("cli-missing-option").arg("option", "bash|zsh|fish")),
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut command(tr), "stratum", &mut buf);
    write_out(&buf);
    Ok(ExitCode::SUCCESS)
}

/// `stratum man stratum|stratum-helper`: the man page (roff), in English.
fn man(a: args::ManArgs) -> CliResult {
    let en = Localizer::new(Lang::En);
    let cmd = match a.page.as_deref() {
        Some("stratum") => command(&en),
        Some("stratum-helper") => helper_args::command(&en),
        other => {
            return Err(CliError::new("cli-unknown-command")
                .arg("command", format!("man {}", other.unwrap_or_default())));
        }
    };
    let section = if a.page.as_deref() == Some("stratum-helper") {
        "8"
    } else {
        "1"
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .section(section)
        .render(&mut buf)
        .map_err(|e| CliError::cannot_write("-", &e))?;
    write_out(&buf);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::help::keys;
    use crate::i18n::{Lang, Localizer};

    /// Every command and argument of both programs has its text in both
    /// languages (a missing one would show its key in the help).
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut missing = Vec::new();
        for lang in [Lang::En, Lang::ZhCn] {
            let tr = Localizer::new(lang);
            for cmd in [
                <crate::cli::args::Cli as clap::CommandFactory>::command(),
                <crate::cli::helper_args::HelperCli as clap::CommandFactory>::command(),
            ] {
                for key in keys(&cmd, |k| tr.has(k)) {
                    if !tr.has(&key) {
                        missing.push(format!("{}: {key}", lang.code()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
    }
}
