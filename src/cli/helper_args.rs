//! The one declaration of `stratum-helper`'s command line (beside
//! `stratum`'s, so the help and man pages are made in one place): the parser, its
//! help in both languages and its man page, stratum-helper(8), come from it
//! (texts from the Fluent catalogue, as for `stratum`).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(name = "stratum-helper", version)]
pub struct HelperCli {
    #[arg(long, overrides_with = "system")]
    pub lab: bool,
    #[arg(long, overrides_with = "lab")]
    pub system: bool,
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(long, value_name = "PATH")]
    pub socket: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    pub ntp_port: Option<OsString>,
    #[arg(long, value_name = "SECONDS")]
    pub poll_interval: Option<OsString>,
    #[arg(long, value_name = "PATH")]
    pub chronyd: Option<PathBuf>,
    #[arg(long)]
    pub own_chronyd: bool,
    #[arg(long, value_name = "ARG", allow_hyphen_values = true)]
    pub chronyd_arg: Vec<String>,
    #[arg(long, value_name = "NAME")]
    pub admin_group: Option<String>,
    #[arg(long, value_name = "DIR")]
    pub allow_path: Vec<String>,
    #[arg(long, value_name = "N")]
    pub keep_backups: Option<OsString>,
    #[arg(long, value_name = "DIR")]
    pub import_logs: Option<PathBuf>,
    #[arg(long, value_name = "HOST[:PORT]")]
    pub watch: Vec<String>,
    #[arg(long, value_name = "FILE")]
    pub watch_file: Option<PathBuf>,
    #[arg(long, value_name = "ADDR:PORT")]
    pub metrics_listen: Option<String>,
    #[arg(long)]
    pub stdio: bool,
}

/// The declaration with its texts in `tr`'s language.
pub fn command(tr: &crate::i18n::Localizer) -> clap::Command {
    super::help::localize(<HelperCli as clap::CommandFactory>::command(), tr)
}
