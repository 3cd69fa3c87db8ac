//! The one declaration of `stratum`'s command line: every subcommand,
//! option and argument. The parser, the help in both languages
//! ([`super::help`] fills in the texts from the Fluent catalogue by id), the
//! shell completions and the man page all come from it. Values arrive as
//! the user typed them; each command checks its own (so a bad one gets the
//! command's translated sentence).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "stratum", version, disable_help_subcommand = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// Read by [`super::pick_lang`] before parsing (the help is in that
    /// language); declared here for the help, completions and man page.
    #[arg(long, global = true, value_name = "en|zh-CN", display_order = 1000)]
    pub lang: Option<OsString>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    #[command(subcommand)]
    Config(ConfigCmd),
    Status(ReadArgs),
    Fleet(ReadArgs),
    Export(ExportCmd),
    Explain(ExplainArgs),
    Metrics(MetricsArgs),
    #[command(subcommand)]
    Nts(NtsCmd),
    #[command(subcommand)]
    Refclock(RefclockCmd),
    Gpsd(GpsdArgs),
    Stats(StatsArgs),
    Roster(RosterArgs),
    Completions(CompletionsArgs),
    /// The man pages, for packagers (`stratum man stratum|stratum-helper`).
    #[command(hide = true)]
    Man(ManArgs),
    Help,
}

/// Which helper: its socket, or an `ssh://` URL.
#[derive(Debug, Args, Clone, Default)]
pub struct HelperTarget {
    #[arg(long, value_name = "PATH")]
    pub socket: Option<OsString>,
    #[arg(long, value_name = "ssh://[USER@]HOST[:PORT][/SOCKET]")]
    pub connect: Option<OsString>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    Lint(LintArgs),
    Edit(EditArgs),
    Apply(ApplyArgs),
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "text|json")]
    pub format: Option<String>,
    #[arg(long, value_name = "X.Y")]
    pub chrony_version: Option<String>,
}

/// `config edit`: the edits are applied in the order given.
#[derive(Debug, Args)]
pub struct EditArgs {
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[arg(long, value_name = "HOST [OPTIONS]")]
    pub add_server: Vec<OsString>,
    #[arg(long, value_name = "HOST [OPTIONS]")]
    pub add_pool: Vec<OsString>,
    #[arg(long, value_name = "HOST [OPTIONS]")]
    pub add_peer: Vec<OsString>,
    #[arg(long, value_name = "HOST")]
    pub remove_server: Vec<OsString>,
    #[arg(long, value_name = "NET")]
    pub allow: Vec<OsString>,
    #[arg(long, value_name = "NET")]
    pub deny: Vec<OsString>,
    #[arg(long, value_name = "N")]
    pub local_stratum: Option<OsString>,
    #[arg(long, overrides_with = "no_orphan")]
    pub orphan: bool,
    #[arg(long, overrides_with = "orphan")]
    pub no_orphan: bool,
    #[arg(long, value_name = "D")]
    pub distance: Option<OsString>,
    #[arg(long, num_args = 2, value_names = ["THRESHOLD", "LIMIT"], allow_hyphen_values = true)]
    pub makestep: Vec<OsString>,
    #[arg(long, num_args = 1.., value_name = "WHAT")]
    pub log: Vec<OsString>,
    #[arg(long, value_name = "DIRECTIVE ARGS")]
    pub set: Vec<OsString>,
    #[arg(long, value_name = "DIRECTIVE")]
    pub unset: Vec<OsString>,
    #[arg(long)]
    pub in_place: bool,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub target: HelperTarget,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long, value_name = "isolated|upstream|client|pair|gps")]
    pub role: Option<String>,
    #[arg(long, value_name = "HOST")]
    pub upstream: Vec<String>,
    #[arg(long, value_name = "NET")]
    pub subnet: Vec<String>,
    #[arg(long, value_name = "HOST[:PORT]")]
    pub server: Vec<String>,
    #[arg(long, value_name = "HOST[:PORT]")]
    pub peer: Option<String>,
    #[arg(long, value_name = "DEV")]
    pub gps_device: Option<String>,
    #[arg(long, value_name = "DEV")]
    pub pps_device: Option<String>,
    #[arg(long)]
    pub nmea_fallback: bool,
}

/// `status` and `fleet`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    #[command(flatten)]
    pub target: HelperTarget,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ExportCmd {
    #[command(subcommand)]
    pub kind: Option<ExportKind>,
    #[command(flatten)]
    pub args: ExportArgs,
}

#[derive(Debug, Subcommand)]
pub enum ExportKind {
    Bundle(BundleArgs),
    Alerts(AlertsArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[arg(long, value_name = "FORMAT")]
    pub to: Option<String>,
    #[arg(long, value_name = "ADDR[:PORT]")]
    pub server: Vec<String>,
    #[arg(long, value_name = "primary|backup")]
    pub role: Option<String>,
    #[arg(long, value_name = "ADDR[:PORT]")]
    pub peer: Option<String>,
    #[arg(long, value_name = "IF")]
    pub source_interface: Option<String>,
    #[arg(long, value_name = "ID:TYPE:SECRET")]
    pub key: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub vrf: Option<String>,
    #[arg(long, value_name = "X.Y.Z")]
    pub ntpd_version: Option<String>,
    #[arg(long)]
    pub nts: bool,
    #[arg(long, value_name = "FILE")]
    pub ca: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BundleArgs {
    #[arg(value_name = "LAB.toml")]
    pub lab: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AlertsArgs {
    #[arg(long, value_name = "prometheus")]
    pub to: Option<String>,
    #[arg(long, value_name = "SECONDS")]
    pub offset_warn: Option<OsString>,
    #[arg(long, value_name = "SECONDS")]
    pub offset_crit: Option<OsString>,
    #[arg(long, value_name = "N")]
    pub max_stratum: Option<OsString>,
    #[arg(long, value_name = "DAYS")]
    pub cert_days: Option<OsString>,
    #[arg(long, value_name = "DAYS")]
    pub leap_days: Option<OsString>,
    #[arg(long, value_name = "MINUTES")]
    pub silent_minutes: Option<OsString>,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
    #[arg(long, value_name = "text|json")]
    pub format: Option<OsString>,
    #[arg(long, value_name = "INTENT.toml")]
    pub roster: Option<PathBuf>,
}

/// `roster [add|remove|list|probe|import]`: the action (none: list), and
/// where the roster is, which every action takes before or after its
/// words.
#[derive(Debug, Args)]
pub struct RosterArgs {
    #[command(subcommand)]
    pub action: Option<RosterCmd>,
    #[arg(long, global = true, value_name = "INTENT.toml")]
    pub file: Option<PathBuf>,
    #[arg(long, global = true, value_name = "PATH")]
    pub socket: Option<OsString>,
    #[arg(long, global = true, value_name = "ssh://[USER@]HOST[:PORT][/SOCKET]")]
    pub connect: Option<OsString>,
}

impl RosterArgs {
    pub fn target(&self) -> HelperTarget {
        HelperTarget {
            socket: self.socket.clone(),
            connect: self.connect.clone(),
        }
    }
}

/// The positionals are optional here so that a missing one gets the
/// roster's own sentence (with the whole usage), not clap's.
#[derive(Debug, Subcommand)]
pub enum RosterCmd {
    Add(RosterAddArgs),
    Remove(RosterNameArgs),
    List(RosterListArgs),
    Probe(RosterNameArgs),
    Import(RosterImportArgs),
}

#[derive(Debug, Args)]
pub struct RosterAddArgs {
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    #[arg(value_name = "ADDR")]
    pub address: Option<String>,
    #[arg(long, value_name = "chrony|ntpd|switch|other")]
    pub kind: Option<String>,
}

#[derive(Debug, Args)]
pub struct RosterNameArgs {
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct RosterListArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RosterImportArgs {
    #[arg(value_name = "LAB.toml")]
    pub lab: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    #[arg(long, value_name = "ADDR:PORT")]
    pub listen: Option<OsString>,
    #[command(flatten)]
    pub target: HelperTarget,
}

#[derive(Debug, Subcommand)]
pub enum NtsCmd {
    Init(NtsInitArgs),
    Renew(NtsRenewArgs),
    Show(NtsShowArgs),
}

#[derive(Debug, Args)]
pub struct NtsInitArgs {
    #[arg(long, value_name = "NAME[,NAME...]")]
    pub name: Vec<String>,
    #[arg(long, num_args = 2, value_names = ["CERT", "KEY"])]
    pub ca: Vec<PathBuf>,
    #[command(flatten)]
    pub common: NtsFiles,
}

#[derive(Debug, Args)]
pub struct NtsRenewArgs {
    #[command(flatten)]
    pub common: NtsFiles,
}

/// What `nts init` and `nts renew` share.
#[derive(Debug, Args)]
pub struct NtsFiles {
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub days: Option<OsString>,
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    #[arg(long, value_name = "DIR")]
    pub dump_dir: Option<PathBuf>,
    #[arg(long, value_name = "PORT")]
    pub ntsport: Option<OsString>,
}

#[derive(Debug, Args)]
pub struct NtsShowArgs {
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RefclockCmd {
    Calibrate(CalibrateArgs),
}

#[derive(Debug, Args)]
pub struct CalibrateArgs {
    #[arg(value_name = "REFID")]
    pub refid: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub against: Option<String>,
    #[arg(long, value_name = "N")]
    pub samples: Option<OsString>,
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<OsString>,
    #[arg(long)]
    pub apply: bool,
    #[arg(long, value_name = "text|json")]
    pub format: Option<OsString>,
    #[command(flatten)]
    pub target: HelperTarget,
}

#[derive(Debug, Args)]
pub struct GpsdArgs {
    #[arg(long, value_name = "HOST[:PORT]")]
    pub host: Option<String>,
    #[arg(long, value_name = "N")]
    pub seconds: Option<OsString>,
    #[arg(long, value_name = "text|json")]
    pub format: Option<OsString>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
    #[arg(long, value_name = "text|json|csv")]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_name = "bash|zsh|fish")]
    pub shell: Option<String>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(value_name = "stratum|stratum-helper")]
    pub page: Option<String>,
}
