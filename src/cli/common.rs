//! What every subcommand shares: output that ends quietly on a closed
//! pipe, the error type, and reading `--lang`.

use std::ffi::OsString;
use std::process::ExitCode;

use crate::i18n::Lang;

/// Writes to standard output. A reader that went away (`stratum explain |
/// head -2`) ends the command quietly instead of a panic.
pub fn write_out(bytes: &[u8]) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush())
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// `print!` that ends quietly on a closed pipe.
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::common::write_out(format!($($t)*).as_bytes()) };
}

/// `println!` that ends quietly on a closed pipe.
macro_rules! outln {
    ($($t:tt)*) => {{
        let mut s = format!($($t)*);
        s.push('\n');
        $crate::cli::common::write_out(s.as_bytes())
    }};
}

pub(crate) use {out, outln};

/// A failure the user sees as one sentence (the shared message type).
pub use crate::i18n::UserError as CliError;

/// What a subcommand hands back: the exit code and nothing else; output is
/// written as it goes.
pub type CliResult = Result<ExitCode, CliError>;

/// `--format text|json`: whether JSON was asked for.
pub(crate) fn parse_json_format(value: OsString) -> Result<bool, CliError> {
    match value.to_string_lossy().as_ref() {
        "json" => Ok(true),
        "text" => Ok(false),
        other => Err(CliError::new("cli-bad-format").arg("value", other)),
    }
}

/// A number option's value: refused, naming the option, unless it parses
/// as `T` and `ok` accepts it.
pub(crate) fn parse_number<T: std::str::FromStr>(
    value: OsString,
    option: &str,
    ok: impl Fn(&T) -> bool,
) -> Result<T, CliError> {
    let v = value.to_string_lossy();
    v.parse::<T>().ok().filter(|n| ok(n)).ok_or_else(|| {
        CliError::new("cli-bad-number")
            .arg("option", option)
            .arg("value", v.escape_debug())
    })
}

pub(crate) fn parse_lang(value: OsString) -> Result<Lang, CliError> {
    let s = value.to_string_lossy();
    Lang::parse(&s).ok_or_else(|| CliError::new("cli-bad-lang").arg("value", s))
}
