//! The problems found across values (`Rule`, texts `finding-<id>`), each
//! with how serious it is unless the values that show it say more.

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
        /// A source the clock does not follow, 100 ms or more off.
        UnusedSourceFar = "unused-source-far",
        ServingLocalClock = "serving-local-clock",
        ClientsRateLimited = "clients-rate-limited",
        /// ntpd's restrict refuses time to some of the clients that poll it.
        ClientsRefused = "clients-refused",
        ServerDropping = "server-dropping",
        RateLimitedByServer = "rate-limited-by-server",
        NtpServiceInactive = "ntp-service-inactive",
        SourceRejected = "source-rejected",
        ReferenceVsSystemTime = "reference-vs-system-time",
        /// A device's status report: synchronised at a valid stratum, its
        /// offset small. Said, so a note is not all a healthy device gets.
        Synchronised = "synchronised",
        PeerSameStratum = "peer-same-stratum",
        NoClientsYet = "no-clients-yet",
        NoSources = "no-sources",
        /// chronyc's empty source tables: nothing configured, or a server
        /// that serves only its own clock (`local stratum N`).
        NoSourcesOrLocal = "no-sources-or-local",
        PacketLoss = "packet-loss",
        SourceStale = "source-stale",
        /// A reach register ending in zeros after answers.
        SourceStopped = "source-stopped",
        NeverAnswered = "never-answered",
        SourceJittery = "source-jittery",
        SourceUnstable = "source-unstable",
        FrequencyHigh = "frequency-high",
        FrequencyLimit = "frequency-limit",
        SkewHigh = "skew-high",
        /// sourcestats: a source's frequency estimate still settling.
        SourceFrequencySettling = "source-frequency-settling",
        /// sourcestats: a source whose clock runs at another rate.
        SourceFrequencyApart = "source-frequency-apart",
        DispersionHigh = "dispersion-high",
        /// timesyncd refuses its server: root distance over its maximum.
        RootDistanceOverMax = "root-distance-over-max",
        /// ntpstat's maximum error is large (or over its -m limit).
        MaxErrorLarge = "max-error-large",
        MaxErrorExceeded = "max-error-exceeded",
        LeapPending = "leap-pending",
        LeapFileExpired = "leap-file-expired",
        LeapFileExpiring = "leap-file-expiring",
        /// `chronyc -v`/`chronyd -v` of a release older than 4.0.
        ReleaseUnsupported = "release-unsupported",
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
        /// ntpdata: a few packets, none valid yet: a pair that just started.
        PeerStarting = "peer-starting",
        /// A source's symmetric key is not in chronyd's keyfile.
        KeyMissing = "key-missing",
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
        /// NX-OS `show ntp authentication-status`: on or off, and what
        /// that means for the servers' keys (arg `cause`).
        NxosAuthenticationStatus = "nxos-authentication-status",
        /// `display ntp-service trace`: where the chain of servers ends.
        TraceChain = "trace-chain",
        /// timesyncd has only the distribution's FallbackNTP= servers.
        TimesyncFallbackOnly = "timesync-fallback-only",
        /// timesyncd knows no server at all (no NTP=, network or fallback).
        TimesyncNoServer = "timesync-no-server",
        AnswersRejected = "answers-rejected",
        RefclockLost = "refclock-lost",
        /// A reference clock whose driver delivers samples irregularly.
        RefclockIrregular = "refclock-irregular",
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
        /// A 5xx code client.c does not print (none of chrony 4.0–4.9's).
        CommandFailed = "command-failed",
        /// chronyc's 500: chronyd tried the command and failed (makestep,
        /// settime, doffset).
        ChronydFailed = "chronyd-failed",
        /// chronyc's 502, 504, 508, 517, 518, 520: chronyc and chronyd of
        /// releases that do not understand each other.
        ReleaseMismatch = "release-mismatch",
        /// chronyc's 507: the subnet given is not one.
        BadSubnet = "bad-subnet",
        /// chronyc's 511: the address is a source already.
        SourceAlreadyPresent = "source-already-present",
        /// chronyc's 512: chronyd holds as many sources as it can.
        TooManySources = "too-many-sources",
        /// chronyc's 514: writertc could not write the rtcfile.
        RtcNotWritten = "rtc-not-written",
        /// chronyc's 515: an address of a family chronyd does not use.
        AddressFamily = "address-family",
        /// chronyc's 516: `manual delete` of a sample that is not there.
        NoSuchSample = "no-such-sample",
        /// chronyc's 519: chronyd keeps no client log.
        ClientLogOff = "client-log-off",
        /// chronyc's 521: a source name chronyd refuses.
        InvalidName = "invalid-name",
        /// chronyc: "Unrecognized command".
        ChronycUnknownCommand = "chronyc-unknown-command",
        /// chronyc: "Could not get address for hostname".
        ChronycNameUnresolved = "chronyc-name-unresolved",
        /// chronyc refused a command's arguments.
        ChronycBadSyntax = "chronyc-bad-syntax",
        /// chronyc could not set up its own reply socket.
        ChronycSocket = "chronyc-socket",
        /// chronyc: authhash/password, which chrony 4 no longer has.
        ChronycNoAuthentication = "chronyc-no-authentication",
        /// tracking names a reference the sources of the same paste show
        /// unreachable or no longer list: the clock runs on its last
        /// estimate.
        ReferenceLost = "reference-lost",
        /// chronyd's log in the paste: it ignored a correction larger than
        /// maxchange allows.
        CorrectionIgnored = "correction-ignored",
        /// chronyd's log in the paste: it could not step or adjust the
        /// clock (started with -x, no CAP_SYS_TIME, a policy denying it).
        ClockStepFailed = "clock-step-failed",
        /// sourcestats of a source the same paste shows silent: its values
        /// are from before it stopped.
        StatsStale = "stats-stale",
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
        /// selectdata: the selected source's last measurement is far older
        /// than another source's: it most likely stopped answering.
        SelectedStale = "selected-stale",
        /// smoothing: clients are served time off true time, on purpose.
        SmoothingOffset = "smoothing-offset",
        /// manual list: no settime sample stored.
        ManualNoSamples = "manual-no-samples",
        /// settime: the manual samples gave the clock an absurd frequency.
        SettimeFrequencyLimit = "settime-frequency-limit",
        /// waitsync: no try found chronyd synchronised.
        WaitsyncNeverSynchronised = "waitsync-never-synchronised",
        /// The paste ends before the output does: judged as far as it goes.
        PasteCut = "paste-cut",
        /// chronyc `-c`: the paste ends mid-line; that row is not judged.
        PasteCutMidLine = "paste-cut-mid-line",
        /// `chronyd -q`/`-Q` measured the clock against a server.
        OnceMeasured = "once-measured",
        /// `chronyd -q`/`-Q` exited without a measurement.
        OnceNoAnswer = "once-no-answer",
        /// chronyd's log: "Fatal error : …", it refused to start.
        ChronydFatal = "chronyd-fatal",
        /// systemctl status: the service failed, no fatal line pasted.
        ChronydExited = "chronyd-exited",
        /// chronyd's log: only its start.
        LogStarted = "log-started",
        /// chronyd's log: it started more than once (restarts).
        LogRestarted = "log-restarted",
        /// chronyd's log: "Selected source X", the last state.
        LogSelected = "log-selected",
        /// chronyd's log: "Can't synchronise: …".
        LogCantSynchronise = "log-cant-synchronise",
        /// chronyd's log: "Could not open keyfile X".
        LogKeyfile = "log-keyfile",
        /// chronyd's log: "Key N is missing".
        LogKeyMissing = "log-key-missing",
        /// chronyd's log: "Received KoD RATE from X".
        LogKodRate = "log-kod-rate",
        /// chronyd's log: "System clock wrong by N seconds".
        LogWrongBy = "log-wrong-by",
        /// chronyd's log: "Source X replaced with Y".
        LogReplaced = "log-replaced",
        /// chronyd's log: "No suitable source for synchronisation".
        LogNoSuitable = "log-no-suitable",
        /// chronyd's log: "Forward/Backward time jump detected!".
        LogTimeJump = "log-time-jump",
        /// chronyd's log: "Could not create directory" / "Could not open".
        LogCannotWrite = "log-cannot-write",
        /// chronyd's log: an NTS-KE connection or handshake failed.
        LogNtsKeFailed = "log-nts-ke-failed",
        /// chronyc could not talk to chronyd, and the pasted log says why.
        ChronydNotStarted = "chronyd-not-started",
    }
}

impl Rule {
    /// How serious the problem is, unless the values that show it say more.
    pub fn severity(self) -> Status {
        use Rule::*;
        match self {
            NotSynchronised | NoUpstreamReachable | UnknownAddress | NoneSelected
            | NtpServiceInactive | NoSources | NeverAnswered | FrequencyLimit | DispersionHigh
            | NtsKeFailing | NtsKeRefused | AuthFailing | KeyMissing | SyncLoop | KissCode
            | KissRate | KissAuth | LeapFileExpired | RefclockLost | RootDistanceOverMax
            | DaemonUnreachable => Status::Bad,
            KissStep | PeerStarting => Status::Warn,
            // chronyd's `local`: what an isolated lab server is set up to do
            // (the lab notes' `local stratum 10 orphan`); it engages only
            // when no source is usable, and the sources say why. ntpd's
            // local driver is raised to a warning where it is found.
            ServingLocalClock | ReferenceVsSystemTime | NoClientsYet | OrphanRoot => Status::Info,
            NxosPeersConfigured | NxosStatusDistribution | TimesyncFallbackOnly => Status::Info,
            NxosAuthenticationStatus | TraceChain => Status::Info,
            NameUnresolved | TimesyncNoServer => Status::Bad,
            NothingSent | ServerOwnClock | ServerServesOwnClock => Status::Warn,
            RequiredNotSelectable | AllFalsetickers | MinsourcesWaiting => Status::Bad,
            AllSourcesOffline | NothingSelected | WaitsyncNeverSynchronised => Status::Bad,
            SourcesOffline | NoSuchSource | NoSourcesOrLocal => Status::Warn,
            ChronycUnknownOption | SkewNoEstimate | NtsClientsSilent | NtsKeClientsSilent => {
                Status::Warn
            }
            ServesNobody | PasteCut | PasteCutMidLine | OnceMeasured => Status::Info,
            OnceNoAnswer | SettimeFrequencyLimit => Status::Bad,
            ChronydFatal | ChronydExited | LogKeyfile | LogKeyMissing | LogNtsKeFailed
            | LogCantSynchronise | ChronydNotStarted => Status::Bad,
            LogKodRate | LogWrongBy | LogNoSuitable | LogTimeJump | LogCannotWrite => Status::Warn,
            LogStarted | LogRestarted | LogSelected | LogReplaced => Status::Info,
            SmoothingOffset | ManualNoSamples => Status::Info,
            FollowsLocalClock | UpstreamLocalClock | StepPending => Status::Warn,
            CommandNotAuthorised | CommandNoHostAccess | CommandFailed => Status::Warn,
            ChronydFailed | ReleaseMismatch | ReleaseUnsupported | BadSubnet | TooManySources
            | RtcNotWritten | AddressFamily | NoSuchSample | InvalidName => Status::Warn,
            ChronycUnknownCommand | ChronycNameUnresolved | ChronycBadSyntax | ChronycSocket => {
                Status::Warn
            }
            FacilityNotEnabled
            | RtcNotTracked
            | SourceAlreadyPresent
            | ClientLogOff
            | ChronycNoAuthentication => Status::Info,
            ReferenceLost => Status::Warn,
            Synchronised => Status::Ok,
            StatsStale => Status::Info,
            CorrectionIgnored | ClockStepFailed | ClientsRefused => Status::Bad,
            SomeUnreachable
            | Falseticker
            | SingleSource
            | ClockBehind
            | ClockAhead
            | SourceOffsetLarge
            | UnusedSourceFar
            | ClientsRateLimited
            | ServerDropping
            | RateLimitedByServer
            | SourceRejected
            | PeerSameStratum
            | PacketLoss
            | SourceStale
            | SourceStopped
            | RefclockIrregular
            | SelectedStale
            | SourceJittery
            | SourceUnstable
            | FrequencyHigh
            | SkewHigh
            | SourceFrequencySettling
            | SourceFrequencyApart
            | LeapPending
            | LeapFileExpiring
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
