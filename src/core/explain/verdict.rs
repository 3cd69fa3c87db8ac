//! The vocabulary of explain: why a value got its verdict (`Why`, texts
//! `why-<id>`) and the problems found across values (`Rule`, texts
//! `finding-<id>`). Every reason that can mark a value warn or bad names
//! the findings that account for it ([`Why::rules`], one exhaustive match):
//! a value flagged on screen is never left without its cause and fix.

use serde::Serialize;

/// The verdict on one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warn,
    Bad,
    Info,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Bad => "bad",
            Status::Info => "info",
        }
    }
}

crate::id_enum! {
    /// Why a single value got its verdict.
    pub enum Why {
        ReachFull = "reach-full",
        ReachZero = "reach-zero",
        ReachPartial = "reach-partial",
        ReachStarting = "reach-starting",
        NoSample = "no-sample",
        /// Tracking with no reference (not synchronised, or its own clock):
        /// chronyd's estimates, not a comparison with true time.
        NoReference = "no-reference",
        StateSelected = "state-selected",
        StateCombined = "state-combined",
        StateNotCombined = "state-not-combined",
        StateUnusable = "state-unusable",
        StateFalseticker = "state-falseticker",
        StateJittery = "state-jittery",
        /// `?` although it answers: the selection does not use it.
        StateUnusableAnswers = "state-unusable-answers",
        /// `?` of a reference clock that delivers samples: noselect, or
        /// the selection leaves it out.
        StateRefclockUnused = "state-refclock-unused",
        /// `?` of a source that answered each of its first polls (reach 1,
        /// 3, 7): too few measurements yet.
        StateFewSamples = "state-few-samples",
        /// `?` and it answers at stratum 0 or 16: it is not synchronised.
        StateUnusableUnsynchronised = "state-unusable-unsynchronised",
        /// chronyd has no address for the source's name.
        Unresolved = "unresolved",
        /// No address: nothing is sent, so nothing can answer.
        NotPolled = "not-polled",
        // selectdata's states (chronyc(1), selectdata).
        SelectNoselect = "select-noselect",
        SelectFewMeasurements = "select-few-measurements",
        /// chrony 4.3's `s` with leap `?`: no valid measurement yet (it has
        /// not answered, or no answer passed the tests).
        SelectNoMeasurement = "select-no-measurement",
        SelectUnsynchronised = "select-unsynchronised",
        SelectStratumRange = "select-stratum-range",
        SelectDistance = "select-distance",
        SelectJitter = "select-jitter",
        SelectWaitsOthers = "select-waits-others",
        SelectStale = "select-stale",
        SelectOrphan = "select-orphan",
        SelectUntrusted = "select-untrusted",
        SelectFalseticker = "select-falseticker",
        SelectWaitsMinsources = "select-waits-minsources",
        SelectOtherPreferred = "select-other-preferred",
        SelectWaitsMeasurement = "select-waits-measurement",
        SelectNotCombined = "select-not-combined",
        SelectOutlier = "select-outlier",
        SelectCombined = "select-combined",
        SelectBest = "select-best",
        StratumOk = "stratum-ok",
        /// A reference clock's stratum 0: it is the reference.
        StratumRefclock = "stratum-refclock",
        /// Stratum 10 (a server), 11 (a client of one): chrony's default
        /// `local stratum`.
        StratumOwnClock = "stratum-own-clock",
        /// ntpdata's Reference ID 7F7F0101: the server serves its own
        /// clock (chrony's `local`), at the stratum its row says.
        RefidOwnClock = "refid-own-clock",
        StratumUnsynchronised = "stratum-unsynchronised",
        StratumHigh = "stratum-high",
        LeapNormal = "leap-normal",
        LeapUnsynchronised = "leap-unsynchronised",
        LeapInsert = "leap-insert",
        LeapDelete = "leap-delete",
        RefidNone = "refid-none",
        RefidLocal = "refid-local",
        /// A kiss code as a server sends it (timedatectl shows any).
        KissCode = "kiss-code",
        // ntp's kiss codes in the refid column (decode.html, "Kiss Codes";
        // RFC 5905, 7.4), by what each says:
        /// DENY "access denied by remote server", RSTR "access denied due
        /// to local policy": the server refuses this client.
        KissDenied = "kiss-denied",
        /// RATE "rate exceeded": the server rate-limits this client.
        KissRate = "kiss-rate",
        /// AUTH "server authentication failed", CRYP "cryptographic
        /// authentication or identification failed".
        KissAuth = "kiss-auth",
        /// STEP "a step change in system time has occurred, but the
        /// association has not yet resynchronized": ntpd's own state after
        /// it stepped the clock (clear_all), not the server's answer.
        KissStep = "kiss-step",
        OffsetSmall = "offset-small",
        OffsetMedium = "offset-medium",
        OffsetLarge = "offset-large",
        OffsetBeyondError = "offset-beyond-error",
        /// A source's offset of 100 ms or more (sources, sourcestats,
        /// ntpdata): this clock and that source disagree; which one is off
        /// the row alone does not say.
        OffsetSourceLarge = "offset-source-large",
        /// The offset of a falseticker (`x`): its disagreement with the
        /// majority of the sources, not this clock's error.
        OffsetFalseticker = "offset-falseticker",
        ClockSlow = "clock-slow",
        ClockFast = "clock-fast",
        LastRxNever = "last-rx-never",
        AnswersUnusable = "answers-unusable",
        LastRxStale = "last-rx-stale",
        DropsZero = "drops-zero",
        DropsRateLimited = "drops-rate-limited",
        ServerDropping = "server-dropping",
        DispersionLarge = "dispersion-large",
        /// timesync-status: root distance above timesyncd's
        /// RootDistanceMaxSec= (the "(max: 5s)" it prints beside it).
        RootDistanceOverMax = "root-distance-over-max",
        /// RouterOS's NTP client: stopped (disabled).
        NtpClientStopped = "ntp-client-stopped",
        /// RouterOS's NTP client waits: no server has answered (yet).
        NtpClientWaiting = "ntp-client-waiting",
        /// RouterOS serves its own clock (status using-local-clock).
        NtpClientLocalClock = "ntp-client-local-clock",
        /// ntpstat's "time correct to within N ms": 100 ms or more.
        MaxErrorLarge = "max-error-large",
        /// ntpstat -m: "(exceeded maximum of M ms)".
        MaxErrorExceeded = "max-error-exceeded",
        FrequencyNormal = "frequency-normal",
        FrequencyHigh = "frequency-high",
        FrequencyLimit = "frequency-limit",
        SkewLarge = "skew-large",
        /// tracking's 1000000 ppm: chronyd's starting skew, no estimate used.
        SkewNoEstimate = "skew-no-estimate",
        /// serverstats: NTS-KE connections accepted, no authenticated NTP.
        NtsKeNoRequests = "nts-ke-no-requests",
        /// clients -k: a client did NTS-KE and sent no NTP packet.
        NtsKeNoNtp = "nts-ke-no-ntp",
        SamplesNone = "samples-none",
        TallySysPeer = "tally-sys-peer",
        TallyCandidate = "tally-candidate",
        TallyOutlier = "tally-outlier",
        TallyFalseticker = "tally-falseticker",
        TallyRejected = "tally-rejected",
        SwitchSynchronized = "switch-synchronized",
        SwitchUnsynchronized = "switch-unsynchronized",
        SwitchSelected = "switch-selected",
        SwitchRejected = "switch-rejected",
        SwitchCandidate = "switch-candidate",
        /// Comware's flags without 3 or 4 on a session that answers at
        /// stratum 15 or less (2): the clock selection left it out.
        SwitchNotSurvived = "switch-not-survived",
        Yes = "yes",
        No = "no",
        RtcLocal = "rtc-local",
        NtsKeAttempts = "nts-ke-attempts",
        NtsNak = "nts-nak",
        NtsFewCookies = "nts-few-cookies",
        NtsNoCookies = "nts-no-cookies",
        RxNone = "rx-none",
        TxNone = "tx-none",
        RxLossy = "rx-lossy",
        RxInvalid = "rx-invalid",
        TestsPassed = "tests-passed",
        TestsAuthFailed = "tests-auth-failed",
        TestsSyncLoop = "tests-sync-loop",
        /// Only the loop test failed, on a source polled as a server.
        TestsServerFollowsUs = "tests-server-follows-us",
        TestsUnsynchronised = "tests-unsynchronised",
        TestsBadData = "tests-bad-data",
        TestsFailed = "tests-failed",
        /// Only a delay test failed, on the last packet of a source whose
        /// packets are mostly good.
        TestsDelayOnce = "tests-delay-once",
        LeapExpired = "leap-expired",
        /// A refclock's reach 0: its driver delivered no sample.
        RefclockNoSample = "refclock-no-sample",
        /// ntpd's `pool` association (refid `.POOL.`, type `p`): it only
        /// spawns the pool's server associations and is never polled.
        PoolPrototype = "pool-prototype",
        /// ntpd's flash bits of an association (ntpq(1), decode.html
        /// "Flash Codes"), by what they say: over the distance threshold
        /// (peer_dist, pkt_header) ...
        FlashDistance = "flash-distance",
        /// ... the server not synchronised (pkt_unsync, pkt_stratum,
        /// peer_stratum) ...
        FlashUnsynchronised = "flash-unsynchronised",
        /// ... a synchronisation loop (peer_loop) ...
        FlashLoop = "flash-loop",
        /// ... authentication (pkt_auth, pkt_autokey, pkt_crypto) ...
        FlashAuth = "flash-auth",
        /// ... access denied (pkt_denied) ...
        FlashDenied = "flash-denied",
        /// ... unreachable or not selectable (peer_unreach) ...
        FlashUnreachable = "flash-unreachable",
        /// ... a duplicate or bogus packet (pkt_dup, pkt_bogus).
        FlashPacket = "flash-packet",
        /// `?` with answers but no good sample: they fail chronyd's tests.
        StateAnswersRejected = "state-answers-rejected",
        /// A peer the orphan root does not follow, by design.
        StateOrphanPeer = "state-orphan-peer",
        /// A peer whose samples are dropped while this server follows
        /// another source: it follows this server (the loop test).
        StatePeerFollows = "state-peer-follows",
        /// Reach 0 with a LastRx: it answered before, not lately.
        ReachZeroAnswered = "reach-zero-answered",
        /// The device follows the local clock driver (127.127.1.x, LOCAL(0)).
        FollowsLocalClock = "follows-local-clock",
        /// An upstream's reference is its local clock driver.
        UpstreamLocalClock = "upstream-local-clock",
        /// Huawei's spike: the clock will be stepped in N seconds.
        StepPending = "step-pending",
        /// timesyncd ignored the last answer (`Ignored=yes`).
        TimesyncIgnored = "timesync-ignored",
        /// timesyncd has no answer yet (no `NTPMessage`).
        TimesyncNoAnswer = "timesync-no-answer",
        /// sourcestats' NP 1–2: too few samples for an estimate.
        SamplesFew = "samples-few",
        /// selectdata's Leap `?`: no valid measurement was made.
        LeapUnknown = "leap-unknown",
        /// chronyc's status line: chronyd refused the command or is silent.
        ReplyRefused = "reply-refused",
        /// chronyc's usage text: it ran no command.
        ChronycUsage = "chronyc-usage",
        /// ntpdata of a server that is not synchronised: the root delay and
        /// dispersion (1 s each), reference id and time it sends are
        /// chronyd's placeholders (reference.c), not measurements.
        UnsyncPlaceholder = "unsync-placeholder",
        /// chronyd's log in the paste: the NTS-KE connection failed.
        NtsKeConnectFailed = "nts-ke-connect-failed",
    }
}

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

impl Why {
    /// A kiss code's reason: the row's other columns are no measurement,
    /// and its reach 0 is no silence of the network.
    pub fn is_kiss(self) -> bool {
        matches!(
            self,
            Why::KissCode | Why::KissDenied | Why::KissRate | Why::KissAuth | Why::KissStep
        )
    }

    /// The findings that account for a value flagged (warn or bad) with this
    /// reason; the first is added when none of them is there yet. Empty for
    /// reasons that only ever mark a value ok or informative.
    pub fn rules(self) -> &'static [Rule] {
        use Rule as R;
        use Why::*;
        match self {
            ReachZero => &[R::NeverAnswered, R::SomeUnreachable, R::NoUpstreamReachable],
            ReachPartial => &[R::PacketLoss],
            ReachZeroAnswered => &[R::SourceStale],
            StateUnusable => &[
                R::NeverAnswered,
                R::SomeUnreachable,
                R::NoUpstreamReachable,
                R::NotSelectable,
            ],
            StateUnusableAnswers | StateRefclockUnused | StateFewSamples => &[R::NotSelectable],
            StateUnusableUnsynchronised => &[R::UpstreamUnsynchronised],
            Unresolved => &[R::NameUnresolved],
            StratumOwnClock => &[R::ServerOwnClock],
            RefidOwnClock => &[R::ServerServesOwnClock],
            TxNone => &[R::NothingSent],
            TestsBadData => &[R::SourceRejected],
            StateFalseticker | TallyFalseticker => &[R::Falseticker],
            SelectFalseticker => &[R::Falseticker, R::AllFalsetickers],
            StateJittery | SelectJitter => &[R::SourceJittery],
            SelectFewMeasurements
            | SelectNoMeasurement
            | SelectDistance
            | SelectStale
            | SelectUntrusted
            | SelectStratumRange => &[R::NotSelectable],
            SelectUnsynchronised => &[R::UpstreamUnsynchronised, R::SyncLoop],
            // A row's stratum is its source's; tracking's own is covered
            // by "not synchronised" (its diagnosis adds it).
            StratumUnsynchronised => &[R::UpstreamUnsynchronised, R::NotSynchronised, R::SyncLoop],
            StratumHigh => &[R::StratumHigh, R::SyncLoop],
            LeapUnsynchronised => &[R::UpstreamUnsynchronised, R::NotSynchronised],
            LeapInsert | LeapDelete => &[R::LeapPending],
            LeapExpired => &[R::LeapFileExpired],
            RefidNone => &[
                R::NotSynchronised,
                R::UpstreamUnsynchronised,
                R::WaitsyncNeverSynchronised,
            ],
            KissCode | KissDenied => &[R::KissCode],
            KissRate => &[R::KissRate],
            KissAuth => &[R::KissAuth],
            KissStep => &[R::KissStep],
            // ntpd's status word or ntpstat: the daemon follows its own
            // clock (tracking's own refid says it in its diagnosis too).
            RefidLocal => &[R::ServingLocalClock],
            OffsetMedium | OffsetLarge | OffsetSourceLarge => &[R::SourceOffsetLarge],
            OffsetFalseticker => &[R::Falseticker, R::AllFalsetickers],
            ClockSlow => &[R::ClockBehind],
            ClockFast => &[R::ClockAhead],
            OffsetBeyondError => &[R::SourceUnstable],
            LastRxNever => &[R::NeverAnswered, R::SomeUnreachable, R::NoUpstreamReachable],
            LastRxStale => &[R::SourceStale],
            AnswersUnusable => &[
                R::AnswersRejected,
                R::SyncLoop,
                R::UpstreamUnsynchronised,
                R::AuthFailing,
            ],
            DropsRateLimited => &[R::ClientsRateLimited],
            ServerDropping => &[R::ServerDropping],
            DispersionLarge => &[R::DispersionHigh, R::NotSynchronised],
            RootDistanceOverMax => &[R::RootDistanceOverMax],
            NtpClientStopped => &[R::NotSynchronised],
            NtpClientWaiting => &[R::NoUpstreamReachable],
            NtpClientLocalClock => &[R::FollowsLocalClock],
            MaxErrorLarge => &[R::MaxErrorLarge],
            MaxErrorExceeded => &[R::MaxErrorExceeded],
            FrequencyHigh => &[R::FrequencyHigh],
            FrequencyLimit => &[R::FrequencyLimit],
            SkewLarge => &[R::SkewHigh],
            SkewNoEstimate => &[R::SkewNoEstimate],
            NtsKeNoRequests => &[R::NtsClientsSilent],
            NtsKeNoNtp => &[R::NtsKeClientsSilent],
            SamplesNone => &[
                R::FewSamples,
                R::NeverAnswered,
                R::SomeUnreachable,
                R::NoUpstreamReachable,
            ],
            TallyOutlier => &[R::Outlier],
            TallyRejected => &[R::SourceRejected, R::NoneSelected, R::NoUpstreamReachable],
            SwitchUnsynchronized => &[R::NotSynchronised],
            SwitchRejected => &[R::SourceRejected],
            SwitchNotSurvived => &[R::NotSelectable],
            No => &[R::NotSynchronised, R::NtpServiceInactive],
            RtcLocal => &[R::RtcLocalTime],
            NtsKeAttempts | NtsNoCookies => &[R::NtsKeFailing],
            NtsKeConnectFailed => &[R::NtsKeRefused],
            NtsNak => &[R::NtsNak],
            NtsFewCookies => &[R::NtsFewCookies],
            RxNone => &[R::NeverAnswered],
            RxLossy => &[R::RateLimitedByServer],
            RxInvalid | TestsAuthFailed => &[R::AuthFailing],
            TestsUnsynchronised => &[R::UpstreamUnsynchronised, R::SyncLoop],
            TestsFailed => &[R::SourceRejected],
            RefclockNoSample => &[R::RefclockLost],
            FlashDistance | FlashDenied | FlashUnreachable | FlashPacket => &[R::NotSelectable],
            FlashUnsynchronised => &[R::UpstreamUnsynchronised],
            FlashLoop | TestsServerFollowsUs => &[R::SyncLoop],
            FlashAuth => &[R::AuthFailing],
            StateAnswersRejected => &[R::AnswersRejected],
            TimesyncIgnored => &[R::KissCode, R::UpstreamUnsynchronised, R::SourceRejected],
            TimesyncNoAnswer => &[R::NeverAnswered],
            FollowsLocalClock => &[R::FollowsLocalClock],
            UpstreamLocalClock => &[R::UpstreamLocalClock],
            StepPending => &[R::StepPending],
            ChronycUsage => &[R::ChronycUnknownOption],
            ReplyRefused => &[
                R::CommandNotAuthorised,
                R::CommandNoHostAccess,
                R::DaemonUnreachable,
                R::FacilityNotEnabled,
                R::RtcNotTracked,
                R::CommandFailed,
            ],
            ReachFull
            | ReachStarting
            | NoSample
            | NoReference
            | UnsyncPlaceholder
            | StateSelected
            | StateCombined
            | StateNotCombined
            | SelectNoselect
            | SelectWaitsOthers
            | StateOrphanPeer
            | StatePeerFollows
            | TestsSyncLoop
            | TestsDelayOnce
            | LeapUnknown
            | SamplesFew
            | SelectOrphan
            | SelectWaitsMinsources
            | SelectOtherPreferred
            | SelectWaitsMeasurement
            | SelectNotCombined
            | SelectOutlier
            | SelectCombined
            | SelectBest
            | StratumOk
            | StratumRefclock
            | PoolPrototype
            | NotPolled
            | LeapNormal
            | OffsetSmall
            | DropsZero
            | FrequencyNormal
            | TallySysPeer
            | TallyCandidate
            | SwitchSynchronized
            | SwitchSelected
            | SwitchCandidate
            | Yes
            | TestsPassed => &[],
        }
    }
}

/// A reason for a verdict: its id and the values its text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub id: Why,
    pub args: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(id: Why) -> Reason {
        Reason {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, k: &'static str, v: impl ToString) -> Reason {
        self.args.push((k, v.to_string()));
        self
    }
}

/// A problem across values.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Status,
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn new(rule: Rule) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, k: &'static str, v: impl ToString) -> Finding {
        self.args.push((k, v.to_string()));
        self
    }
}
