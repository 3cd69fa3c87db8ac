//! The problems found across values, and how serious each is.

use super::status::Status;

crate::id_enum! {
    /// A problem across values, with its cause and fix.
    pub enum Rule {
        NotSynchronised = "not-synchronised",
        NoUpstreamReachable = "no-upstream-reachable",
        SomeUnreachable = "some-unreachable",
        UnknownAddress = "unknown-address",
        Falseticker = "falseticker",
        SingleSource = "single-source",
        NoneSelected = "none-selected",
        ClockBehind = "clock-behind",
        ClockAhead = "clock-ahead",
        SourceOffsetLarge = "source-offset-large",
        ServingLocalClock = "serving-local-clock",
        ClientsRateLimited = "clients-rate-limited",
        ServerDropping = "server-dropping",
        RateLimitedByServer = "rate-limited-by-server",
        NtpServiceInactive = "ntp-service-inactive",
        SourceRejected = "source-rejected",
        ReferenceVsSystemTime = "reference-vs-system-time",
        PeerSameStratum = "peer-same-stratum",
        NoClientsYet = "no-clients-yet",
        NoSources = "no-sources",
        /// chronyc's empty source tables: nothing configured, or a server
        /// that serves only its own clock (`local stratum N`).
        NoSourcesOrLocal = "no-sources-or-local",
        PacketLoss = "packet-loss",
        SourceStale = "source-stale",
        NeverAnswered = "never-answered",
        SourceJittery = "source-jittery",
        SourceUnstable = "source-unstable",
        FrequencyHigh = "frequency-high",
        FrequencyLimit = "frequency-limit",
        SkewHigh = "skew-high",
        DispersionHigh = "dispersion-high",
        /// timesyncd refuses its server: root distance over its maximum.
        RootDistanceOverMax = "root-distance-over-max",
        /// ntpstat's maximum error is large (or over its -m limit).
        MaxErrorLarge = "max-error-large",
        MaxErrorExceeded = "max-error-exceeded",
        LeapPending = "leap-pending",
        LeapFileExpired = "leap-file-expired",
        NtsKeFailing = "nts-ke-failing",
        /// chronyd logged that it could not connect to the NTS-KE port.
        NtsKeRefused = "nts-ke-refused",
        /// tracking's skew is chronyd's starting value: no estimate used.
        SkewNoEstimate = "skew-no-estimate",
        /// serverstats: clients did NTS-KE, then sent no NTS request.
        NtsClientsSilent = "nts-clients-silent",
        /// clients -k: these clients did NTS-KE, then sent no NTP packet.
        NtsKeClientsSilent = "nts-ke-clients-silent",
        /// serverstats: no NTP request received at all.
        ServesNobody = "serves-nobody",
        NtsNak = "nts-nak",
        NtsFewCookies = "nts-few-cookies",
        AuthFailing = "auth-failing",
        SyncLoop = "sync-loop",
        FewSamples = "few-samples",
        NotSelectable = "not-selectable",
        Outlier = "outlier",
        RtcLocalTime = "rtc-local-time",
        StratumHigh = "stratum-high",
        KissCode = "kiss-code",
        /// A server answers RATE: it rate-limits this client.
        KissRate = "kiss-rate",
        /// A server answers AUTH or CRYP: authentication failed.
        KissAuth = "kiss-auth",
        /// Associations not resynchronised since the clock was stepped.
        KissStep = "kiss-step",
        UpstreamUnsynchronised = "upstream-unsynchronised",
        NxosWrongVrf = "nxos-wrong-vrf",
        /// NX-OS `show ntp peers`: configuration only, no state.
        NxosPeersConfigured = "nxos-peers-configured",
        /// NX-OS `show ntp status`: CFS distribution only, no sync state.
        NxosStatusDistribution = "nxos-status-distribution",
        /// timesyncd has only the distribution's FallbackNTP= servers.
        TimesyncFallbackOnly = "timesync-fallback-only",
        AnswersRejected = "answers-rejected",
        RefclockLost = "refclock-lost",
        /// Configured names with no address: they do not resolve.
        NameUnresolved = "name-unresolved",
        /// No request sent to a source (an NTS source waits for cookies).
        NothingSent = "nothing-sent",
        /// The server at stratum 10 (a client at 11): it serves its own
        /// clock, most likely (`local stratum 10`).
        ServerOwnClock = "server-own-clock",
        /// The server's reference is its own clock (ntpdata's 7F7F0101).
        ServerServesOwnClock = "server-serves-own-clock",
        /// ntpd or a device follows its own local clock driver.
        FollowsLocalClock = "follows-local-clock",
        /// An upstream serves its own local clock driver.
        UpstreamLocalClock = "upstream-local-clock",
        /// A clock step is pending after an offset spike.
        StepPending = "step-pending",
        /// Sources with `require` in effect, none selectable: nothing is.
        RequiredNotSelectable = "required-not-selectable",
        /// selectdata: every source that may be selected is a falseticker.
        AllFalsetickers = "all-falsetickers",
        /// selectdata: selectable sources wait (W) and no source has
        /// `require`: minsources is above the selectable count.
        MinsourcesWaiting = "minsources-waiting",
        /// Only peers answer and none is followed: an orphan root's view.
        OrphanRoot = "orphan-root",
        /// chronyc's 501: the command needs chronyd's Unix socket.
        CommandNotAuthorised = "command-not-authorised",
        /// chronyc's 510: `cmdallow` does not cover this host.
        CommandNoHostAccess = "command-no-host-access",
        /// chronyc's 506 / no socket: chronyd does not answer.
        DaemonUnreachable = "daemon-unreachable",
        /// chronyc's 505: the facility is not configured.
        FacilityNotEnabled = "facility-not-enabled",
        /// chronyc's 513: chronyd does not track the RTC.
        RtcNotTracked = "rtc-not-tracked",
        /// Any other status line of chronyc's.
        CommandFailed = "command-failed",
        /// chronyc's 503: the address given is not one of the sources.
        NoSuchSource = "no-such-source",
        /// chronyc printed its usage: an option it does not know.
        ChronycUnknownOption = "chronyc-unknown-option",
        /// activity: some sources are offline (not polled).
        SourcesOffline = "sources-offline",
        /// activity: no source online: nothing is polled.
        AllSourcesOffline = "all-sources-offline",
        /// selectdata: no source is selectable, so none is selected.
        NothingSelected = "nothing-selected",
        /// smoothing: clients are served time off true time, on purpose.
        SmoothingOffset = "smoothing-offset",
        /// manual list: no settime sample stored.
        ManualNoSamples = "manual-no-samples",
        /// waitsync: no try found chronyd synchronised.
        WaitsyncNeverSynchronised = "waitsync-never-synchronised",
        /// The paste ends before the output does: judged as far as it goes.
        PasteCut = "paste-cut",
        /// `chronyd -q`/`-Q` measured the clock against a server.
        OnceMeasured = "once-measured",
        /// `chronyd -q`/`-Q` exited without a measurement.
        OnceNoAnswer = "once-no-answer",
    }
}

impl Rule {
    /// How serious the problem is, unless the values that show it say more.
    pub fn severity(self) -> Status {
        use Rule::*;
        match self {
            NotSynchronised | NoUpstreamReachable | UnknownAddress | NoneSelected
            | NtpServiceInactive | NoSources | NeverAnswered | FrequencyLimit | DispersionHigh
            | NtsKeFailing | NtsKeRefused | AuthFailing | SyncLoop | KissCode | KissRate
            | KissAuth | LeapFileExpired | RefclockLost | RootDistanceOverMax
            | DaemonUnreachable => Status::Bad,
            // A clock that follows its own is not synchronised to true time:
            // one level whoever shows it (FollowsLocalClock, OwnClock alarm).
            ServingLocalClock | KissStep => Status::Warn,
            ReferenceVsSystemTime | NoClientsYet | OrphanRoot => Status::Info,
            NxosPeersConfigured | NxosStatusDistribution | TimesyncFallbackOnly => Status::Info,
            NameUnresolved => Status::Bad,
            NothingSent | ServerOwnClock | ServerServesOwnClock => Status::Warn,
            RequiredNotSelectable | AllFalsetickers | MinsourcesWaiting => Status::Bad,
            AllSourcesOffline | NothingSelected | WaitsyncNeverSynchronised => Status::Bad,
            SourcesOffline | NoSuchSource | NoSourcesOrLocal => Status::Warn,
            ChronycUnknownOption | SkewNoEstimate | NtsClientsSilent | NtsKeClientsSilent => {
                Status::Warn
            }
            ServesNobody | PasteCut | OnceMeasured => Status::Info,
            OnceNoAnswer => Status::Bad,
            SmoothingOffset | ManualNoSamples => Status::Info,
            FollowsLocalClock | UpstreamLocalClock | StepPending => Status::Warn,
            CommandNotAuthorised | CommandNoHostAccess | CommandFailed => Status::Warn,
            FacilityNotEnabled | RtcNotTracked => Status::Info,
            SomeUnreachable
            | Falseticker
            | SingleSource
            | ClockBehind
            | ClockAhead
            | SourceOffsetLarge
            | ClientsRateLimited
            | ServerDropping
            | RateLimitedByServer
            | SourceRejected
            | PeerSameStratum
            | PacketLoss
            | SourceStale
            | SourceJittery
            | SourceUnstable
            | FrequencyHigh
            | SkewHigh
            | LeapPending
            | NtsNak
            | NtsFewCookies
            | FewSamples
            | NotSelectable
            | Outlier
            | RtcLocalTime
            | StratumHigh
            | UpstreamUnsynchronised
            | NxosWrongVrf
            | AnswersRejected
            | MaxErrorLarge
            | MaxErrorExceeded => Status::Warn,
        }
    }
}

impl Rule {
    /// Findings whose severity is the size of what they report (a clock
    /// 5 s behind is bad, 5 ms a warning); the others keep their own.
    pub fn follows_value(self) -> bool {
        matches!(
            self,
            Rule::ClockBehind | Rule::ClockAhead | Rule::SourceOffsetLarge | Rule::MaxErrorLarge
        )
    }

    /// Findings that say the reason itself (arg `why`, a [`Why`] id the
    /// text layer puts in words): one finding per reason, since a table
    /// shows a reason only when pointed at.
    pub fn quotes_reason(self) -> bool {
        matches!(self, Rule::NotSelectable)
    }
}
