//! The fields explain reads, by name (`FieldId`, texts `field-<id>`,
//! `label-<id>`, `meaning-<kind>-<id>`), and the typed values the readers
//! give them (`Value`): the rules match on both, never on text.

use std::net::IpAddr;

use crate::core::cmdmon::{SourceMode, SourceState};

/// Declares the field ids: a fieldless enum with a kebab-case id per
/// variant, plus `Other` for a name no variant has (a reader's new column
/// still shows, under its own name; a test holds every reader's names to
/// the variants).
macro_rules! declare_field_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// A field of an output, as the catalogue names it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FieldId {
            $($variant,)*
            Other(&'static str),
        }

        impl FieldId {
            /// Every named field.
            pub const ALL: &'static [FieldId] = &[$(FieldId::$variant,)*];

            /// The id as message ids and JSON use it.
            pub fn id(self) -> &'static str {
                match self {
                    $(FieldId::$variant => $id,)*
                    FieldId::Other(s) => s,
                }
            }

            /// The field a reader's name stands for.
            pub fn of(name: &'static str) -> FieldId {
                match name {
                    $($id => FieldId::$variant,)*
                    other => FieldId::Other(other),
                }
            }
        }
    };
}

declare_field_ids! {
    Accuracy = "accuracy",
    ActiveServer = "active-server",
    ActualFreq = "actual-freq",
    Address = "address",
    AssocState = "assoc-state",
    AssociationId = "association-id",
    Auth = "auth",
    AuthMode = "auth-mode",
    AuthPackets = "auth-packets",
    Authenticated = "authenticated",
    AuthenticationStatus = "authentication-status",
    BadAuthentication = "bad-authentication",
    BadPacketFormat = "bad-packet-format",
    BogusOrigin = "bogus-origin",
    BurstOffline = "burst-offline",
    BurstOnline = "burst-online",
    CanNtp = "can-ntp",
    ClockJitter = "clock-jitter",
    ClockStatus = "clock-status",
    ClockSynchronized = "clock-synchronized",
    CmdDropped = "cmd-dropped",
    CmdDrops = "cmd-drops",
    CmdHits = "cmd-hits",
    CmdInterval = "cmd-interval",
    CmdLast = "cmd-last",
    CmdReceived = "cmd-received",
    Condition = "condition",
    ConfOptions = "conf-options",
    Configured = "configured",
    CookieLength = "cookie-length",
    Cookies = "cookies",
    CurrentTime = "current-time",
    DaemonRxTimestamps = "daemon-rx-timestamps",
    DaemonTxTimestamps = "daemon-tx-timestamps",
    Delay = "delay",
    Dispersion = "dispersion",
    Distribution = "distribution",
    Drift = "drift",
    DstActive = "dst-active",
    Enabled = "enabled",
    EffOptions = "eff-options",
    Error = "error",
    EstOffset = "est-offset",
    EstimatedError = "estimated-error",
    Event = "event",
    EventCount = "event-count",
    Features = "features",
    Flags = "flags",
    Flash = "flash",
    FreqSkew = "freq-skew",
    FallbackNtpServers = "fallback-ntp-servers",
    Frequency = "frequency",
    FrequencyTolerance = "frequency-tolerance",
    HardwareRxTimestamps = "hardware-rx-timestamps",
    HardwareTxTimestamps = "hardware-tx-timestamps",
    HiLimit = "hi-limit",
    Index = "index",
    Ignored = "ignored",
    Interleaved = "interleaved",
    InterleavedPackets = "interleaved-packets",
    Jitter = "jitter",
    JitterAsymmetry = "jitter-asymmetry",
    KeAttempts = "ke-attempts",
    KernelRxTimestamps = "kernel-rx-timestamps",
    KernelTxTimestamps = "kernel-tx-timestamps",
    KeyId = "key-id",
    LinkNtpServers = "link-ntp-servers",
    LastOperationalState = "last-operational-state",
    KeyLength = "key-length",
    KeyType = "key-type",
    LastEvent = "last-event",
    LastKe = "last-ke",
    KernelStatus = "kernel-status",
    LastOffset = "last-offset",
    LastRx = "last-rx",
    LastAdjustment = "last-adjustment",
    LastSample = "last-sample",
    LastUpdate = "last-update",
    LastUpdateBefore = "last-update-before",
    LastUpdateFrom = "last-update-from",
    Leap = "leap",
    LeapExpire = "leap-expire",
    LeapSecond = "leap-second",
    LoLimit = "lo-limit",
    Local = "local",
    ManualIndex = "manual-index",
    ManualOriginal = "manual-original",
    ManualResidual = "manual-residual",
    ManualSamples = "manual-samples",
    ManualSlewed = "manual-slewed",
    ManualTime = "manual-time",
    SettimeFrequencyChange = "settime-frequency-change",
    SettimeNewFrequency = "settime-new-frequency",
    SettimeOffset = "settime-offset",
    LocalAddress = "local-address",
    LocalMode = "local-mode",
    LocalTime = "local-time",
    LogDropped = "log-dropped",
    Loopfilter = "loopfilter",
    MaximumError = "maximum-error",
    MeasuredOffset = "measured-offset",
    Mode = "mode",
    Nak = "nak",
    NominalFreq = "nominal-freq",
    Now = "now",
    NtpDropped = "ntp-dropped",
    NtpDrops = "ntp-drops",
    NtpHits = "ntp-hits",
    NtpInterval = "ntp-interval",
    NtpIntervalLimit = "ntp-interval-limit",
    NtpLast = "ntp-last",
    NtpMode = "ntp-mode",
    NtpReceived = "ntp-received",
    NtpService = "ntp-service",
    NtpTests = "ntp-tests",
    NtsKeDrops = "nts-ke-drops",
    NtsKeHits = "nts-ke-hits",
    NtsKeInterval = "nts-ke-interval",
    NtsKeLast = "nts-ke-last",
    NtskeAccepted = "ntske-accepted",
    NtskeDropped = "ntske-dropped",
    Offline = "offline",
    Offset = "offset",
    Online = "online",
    PacketCount = "packet-count",
    PeerDelay = "peer-delay",
    PeerDispersion = "peer-dispersion",
    PacketsProcessed = "packets-processed",
    PacketsReceived = "packets-received",
    PacketsSent = "packets-sent",
    PeerStatus = "peer-status",
    PeerType = "peer-type",
    Poll = "poll",
    PollInterval = "poll-interval",
    PollSeconds = "poll-seconds",
    PllTimeConstant = "pll-time-constant",
    Precision = "precision",
    Prefer = "prefer",
    PrimaryNtp = "primary-ntp",
    RateControl = "rate-control",
    Reach = "reach",
    Program = "program",
    RefClock = "ref-clock",
    RefTime = "ref-time",
    Reference = "reference",
    ReferenceTime = "reference-time",
    Refid = "refid",
    Remote = "remote",
    RestrictFlags = "restrict-flags",
    RemoteAddress = "remote-address",
    Reply = "reply",
    RemotePort = "remote-port",
    RuntimeNtpServers = "runtime-ntp-servers",
    ResidualFreq = "residual-freq",
    Resolution = "resolution",
    ResponseTime = "response-time",
    RmsOffset = "rms-offset",
    RootDelay = "root-delay",
    RootDispersion = "root-dispersion",
    RootDistance = "root-distance",
    RtcLocal = "rtc-local",
    RtcTime = "rtc-time",
    Runs = "runs",
    RxTimestamping = "rx-timestamping",
    SampleOffset = "sample-offset",
    Samples = "samples",
    Score = "score",
    SecondaryNtp = "secondary-ntp",
    SelectState = "select-state",
    Server = "server",
    ServerAddress = "server-address",
    ServerDnsNames = "server-dns-names",
    Servers = "servers",
    Skew = "skew",
    SmoothActive = "smooth-active",
    SmoothFrequency = "smooth-frequency",
    SmoothLastUpdate = "smooth-last-update",
    SmoothOffset = "smooth-offset",
    SmoothRemaining = "smooth-remaining",
    SmoothWander = "smooth-wander",
    Source = "source",
    SourceInterface = "source-interface",
    Span = "span",
    Stability = "stability",
    State = "state",
    Status = "status",
    StatusWord = "status-word",
    StdDev = "std-dev",
    Stratum = "stratum",
    SystemNtpServers = "system-ntp-servers",
    SyncState = "sync-state",
    SynchDistance = "synch-distance",
    SyncStatus = "sync-status",
    SysPeer = "sys-peer",
    SystemPeer = "system-peer",
    SystemTime = "system-time",
    Tai = "tai",
    Tally = "tally",
    TimeZone = "time-zone",
    TimestampSpan = "timestamp-span",
    TimestampsHeld = "timestamps-held",
    TotalGoodRx = "total-good-rx",
    TotalHwRx = "total-hw-rx",
    TotalHwTx = "total-hw-tx",
    TotalKernelRx = "total-kernel-rx",
    TotalKernelTx = "total-kernel-tx",
    TotalRx = "total-rx",
    TotalTx = "total-tx",
    TotalValidRx = "total-valid-rx",
    TxTimestamping = "tx-timestamping",
    Try = "try",
    Type = "type",
    UniversalTime = "universal-time",
    Unresolved = "unresolved",
    UpdateInterval = "update-interval",
    Uptime = "uptime",
    WaitsyncCorrection = "waitsync-correction",
    Version = "version",
    Vrf = "vrf",
    When = "when",
}

impl std::fmt::Display for FieldId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl From<&'static str> for FieldId {
    fn from(name: &'static str) -> FieldId {
        FieldId::of(name)
    }
}

impl From<&&'static str> for FieldId {
    fn from(name: &&'static str) -> FieldId {
        FieldId::of(name)
    }
}

/// A leap indicator, as every tool prints it in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leap {
    Normal,
    Insert,
    Delete,
    Unsynchronised,
}

impl Leap {
    /// NTP's two bits (chronyd's leap status: 0–3).
    pub fn from_bits(v: u16) -> Option<Leap> {
        Some(match v {
            0 => Leap::Normal,
            1 => Leap::Insert,
            2 => Leap::Delete,
            3 => Leap::Unsynchronised,
            _ => return None,
        })
    }
}

/// selectdata's state letters (chronyc(1), `selectdata`; `L` from 4.9's
/// sources.c).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectState {
    /// `N`: noselect.
    Noselect,
    /// `M`: missing samples.
    FewMeasurements,
    /// `s`: not synchronised.
    Unsynchronised,
    /// `r`: stratum over the maximum (or beyond the orphan stratum).
    StratumRange,
    /// `d`: distance over maxdistance.
    Distance,
    /// `w`: waits for other sources.
    WaitsOthers,
    /// `S`: stale.
    Stale,
    /// `O`: an orphan peer.
    Orphan,
    /// `T`: does not fit the trusted sources' interval.
    Untrusted,
    /// `x`: falseticker.
    Falseticker,
    /// `~`: jittery.
    Jitter,
    /// `W`: waits for minsources.
    WaitsMinsources,
    /// `P`: another source is preferred.
    OtherPreferred,
    /// `U`: waits for a new measurement.
    WaitsMeasurement,
    /// `D`: large distance, not combined.
    NotCombined,
    /// `L`: an outlier.
    Outlier,
    /// `+`: combined.
    Combined,
    /// `*`: the best, selected.
    Best,
}

impl SelectState {
    pub fn from_letter(c: char) -> Option<SelectState> {
        use SelectState::*;
        Some(match c {
            'N' => Noselect,
            'M' => FewMeasurements,
            's' => Unsynchronised,
            'r' => StratumRange,
            'd' => Distance,
            'w' => WaitsOthers,
            'S' => Stale,
            'O' => Orphan,
            'T' => Untrusted,
            'x' => Falseticker,
            '~' => Jitter,
            'W' => WaitsMinsources,
            'P' => OtherPreferred,
            'U' => WaitsMeasurement,
            'D' => NotCombined,
            'L' => Outlier,
            '+' => Combined,
            '*' => Best,
            _ => return None,
        })
    }
}

/// How a source is authenticated (authdata's Mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    None,
    SymmetricKey,
    Nts,
}

/// Which source a row is about, as far as its address column tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceAddr {
    Ip(IpAddr),
    /// chronyd has no address for its name (`ID#0000000001`, or the
    /// configured name of such a source).
    Unresolved,
    /// A reference clock, named by its refid.
    RefClock,
    /// A host name, resolved (chronyc without `-n`, or `-N`).
    Name,
}

/// A value as its reader understood it. The rules read these; the raw text
/// is what is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Nothing the rules read (a word, a name, a value nobody judges).
    Text,
    /// A count, a stratum, a log2 poll interval, a key id.
    Int(i64),
    /// A duration or an offset, seconds. A tracking `system-time` is
    /// chronyd's correction: positive when the clock is slow (chronyc(1)).
    Seconds(f64),
    /// A frequency, ppm (a tracking `frequency` positive when the clock
    /// runs fast, as chronyc's "fast").
    Ppm(f64),
    /// A plain number without a unit (selectdata's score).
    Number(f64),
    /// Seconds since the Unix epoch.
    Time(f64),
    /// The 8-bit reach register.
    Reach(u8),
    Mode(SourceMode),
    State(SourceState),
    Select(SelectState),
    Leap(Leap),
    /// A reference id (`7F7F0101`, `GPS`), as 32 bits.
    RefId(u32),
    /// chronyc's `-`: never (no sample yet, no key exchange yet).
    Never,
    Source(SourceAddr),
    Bool(bool),
    Auth(AuthMode),
    /// ntpdata's NTP tests: tests 1–3, 5–7 and A–D, passed or not.
    Tests([bool; 10]),
}

impl Value {
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(v) => Some(*v),
            _ => None,
        }
    }

    pub fn seconds(&self) -> Option<f64> {
        match self {
            Value::Seconds(v) => Some(*v),
            _ => None,
        }
    }

    pub fn ppm(&self) -> Option<f64> {
        match self {
            Value::Ppm(v) => Some(*v),
            _ => None,
        }
    }
}
