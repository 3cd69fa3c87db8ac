//! What the window and its backend say to each other: requests (a
//! command with the id its reply carries) and events (replies, addressed
//! to the request that asked, and pushes).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::core::alarm::AlarmSubject;
use crate::core::codes::ErrorCode;
use crate::core::conf::{ChronyVersion, Diagnostic};
use crate::core::history::SeriesPoint;
use crate::gui::settings::Settings;
use crate::ipc::{Action, Applied, HelperInfo, SeriesId, Snapshot, WatchTarget};

/// Which request a reply answers. The window numbers every request it
/// sends ([`crate::gui::state::AppState::ask`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RequestId(pub u64);

/// A command for the backend and the id its reply will carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: RequestId,
    pub command: Command,
}

/// A step of finding or starting a helper, shown as progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Trying the helper sockets (the system's, the user's lab).
    Looking,
    /// None answered: starting a lab helper (and its chronyd).
    StartingLab,
}

impl Stage {
    /// The progress text's message id.
    pub fn message_id(self) -> &'static str {
        match self {
            Stage::Looking => "gui-conn-looking",
            Stage::StartingLab => "gui-conn-starting-lab",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Asked of the helper.
    /// Apply this configuration, byte for byte.
    Apply(Vec<u8>),
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
    /// Read or edit the roster (devices expected to follow this server).
    Roster(crate::ipc::RosterOp),
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
    /// Whether these host names resolve on this machine (where a local
    /// helper's chronyd resolves them); nothing is done for a remote
    /// helper, whose machine has its own DNS.
    Resolve(Vec<String>),
    /// The addresses these host names have on this machine, for an
    /// export (a client's `allow`, a device that takes addresses only):
    /// asked whichever helper answers, since the file is made here.
    LookUp(Vec<String>),
    /// Write a file for the user; one that exists already is replaced only
    /// with `overwrite` (else the reply is [`Event::FileExists`]).
    WriteFile {
        path: PathBuf,
        contents: Contents,
        overwrite: bool,
    },
    /// Import a chrony.conf into the editor.
    ReadConfig(PathBuf),
    /// The devices of a lab bundle's description (its LAB.toml), for the
    /// roster.
    ReadBundle(PathBuf),
    /// A desktop notification for an alarm (freedesktop's, over the
    /// session bus; the status bar shows the alarm either way).
    Notify {
        subject: AlarmSubject,
        title: String,
        body: String,
        critical: bool,
    },
    /// The alarm has cleared: its notification is closed.
    Withdraw(AlarmSubject),
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
    pub(super) fn is_local(&self) -> bool {
        matches!(
            self,
            Command::Lint { .. }
                | Command::Resolve(_)
                | Command::LookUp(_)
                | Command::SaveSettings(_)
                | Command::WriteFile { .. }
                | Command::ReadConfig(_)
                | Command::ReadBundle(_)
                | Command::Notify { .. }
                | Command::Withdraw(_)
        )
    }
}

#[derive(Debug, Clone)]
pub enum Event {
    /// What the backend got for request `to`.
    Reply {
        to: RequestId,
        event: Box<Event>,
    },
    Connected {
        info: HelperInfo,
        started_lab: bool,
        /// Which helper: a socket path, or an `ssh://` URL.
        server: String,
    },
    /// A step of connecting (finding or starting a helper).
    Progress(Stage),
    /// No helper, and none could be started: `code` says why, `detail`
    /// with what (the lab helper's own last words).
    Offline {
        code: ErrorCode,
        detail: Option<String>,
    },
    Snapshot(Box<Snapshot>),
    /// The configuration file, byte for byte.
    Config {
        text: Vec<u8>,
        path: String,
    },
    Applied(Applied),
    NtsIssued(crate::ipc::NtsIssued),
    Roster(Box<crate::ipc::RosterState>),
    /// A lab bundle's roster devices and server addresses, or why not.
    BundleRead {
        path: PathBuf,
        result: Result<(Vec<crate::core::roster::Device>, Vec<String>), ReadError>,
    },
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
    /// Host names looked up on this machine, each with whether it
    /// resolved (sent as each answer comes).
    Resolved(Vec<(String, bool)>),
    /// Host names asked about but not looked up (chronyd runs on another
    /// machine, or past the cap): neither resolving nor not.
    NotLookedUp(Vec<String>),
    /// Host names looked up for an export, each with its addresses (none:
    /// it did not resolve, or not before the deadline).
    Addresses(Vec<(String, Vec<std::net::IpAddr>)>),
    /// Settings written (or why not).
    Saved(Result<(), String>),
    FileWritten {
        path: PathBuf,
        result: Result<(), crate::i18n::OsError>,
    },
    /// Not written: something is there. The contents come back, for the
    /// user to replace it (or not).
    FileExists {
        path: PathBuf,
        contents: Contents,
    },
    ConfigRead {
        path: PathBuf,
        result: Result<Vec<u8>, ReadError>,
    },
}

/// Why a file the user chose was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// A FIFO, a device or a directory: refused without waiting on it.
    NotRegular,
    /// Larger than a chrony.conf can sensibly be (the cap, in MiB).
    TooLarge { mib: u64 },
    /// The system refused (no such file, permission denied, …), said in
    /// the user's language where it is shown.
    Io(crate::i18n::OsError),
    /// Read, but not what was expected (the parser's words).
    Invalid(String),
}

/// Which helper the backend talks to, and how it starts a lab helper of
/// its own when none answers.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// The helper to use (a socket path or an `ssh://` URL); else the
    /// default sockets, else a lab helper is started.
    pub socket: Option<PathBuf>,
    /// The chronyd a lab helper runs (else the helper finds one).
    pub chronyd: Option<PathBuf>,
    /// The `stratum-helper` program (else the one beside this program,
    /// else the one on PATH).
    pub helper: Option<PathBuf>,
    /// A lab of its own in this directory (its files and socket), instead
    /// of the user's; only its socket is tried before starting it.
    pub lab_dir: Option<PathBuf>,
    /// The lab's NTP port (else the helper's default).
    pub ntp_port: Option<u16>,
    /// The window's language: a lab helper started for it writes a new
    /// lab's chrony.conf with comments in it.
    pub lang: Option<crate::i18n::Lang>,
}
