//! Why a value got its verdict (`Why`, texts `why-<id>`), and the findings
//! that account for a value flagged with each reason ([`Why::rules`], one
//! exhaustive match).

use super::rule::Rule;

crate::id_enum! {
    /// Why a single value got its verdict.
    pub enum Why {
        ReachFull = "reach-full",
        ReachZero = "reach-zero",
        ReachPartial = "reach-partial",
        /// The register ends in 2+ zeros after answers: stopped answering.
        ReachStopped = "reach-stopped",
        /// Only the newest poll unanswered.
        ReachLastMissed = "reach-last-missed",
        /// The newest poll unanswered, the ones before answered, the oldest
        /// bits empty: a start with one miss, or older misses too.
        ReachLastMissedFilling = "reach-last-missed-filling",
        ReachStarting = "reach-starting",
        /// A register that reads as filling at a poll of a second or less:
        /// it fills in seconds, so a start and lost answers look alike.
        ReachFillingFast = "reach-filling-fast",
        NoSample = "no-sample",
        /// authdata of a source with no key and no NTS: its key and NTS
        /// columns describe nothing (chronyc prints 0 there).
        NoKey = "no-key",
        /// authdata of a source with a symmetric key: its NTS columns
        /// describe nothing.
        NotNts = "not-nts",
        /// Stratum 16 of an association whose server never answered: the
        /// value it starts with, shown as printed.
        StratumNoAnswer = "stratum-no-answer",
        /// The INIT kiss code of an association whose server never
        /// answered (RFC 5905, 7.4): shown as printed.
        RefidInit = "refid-init",
        /// ntpsec's `.NTS.` refid: an NTS association still waiting for
        /// its key exchange (ntp_peer.c clears it with "NTS").
        RefidNtsKe = "refid-nts-ke",
        /// Tracking with no reference (not synchronised, or its own clock):
        /// chronyd's estimates, not a comparison with true time.
        NoReference = "no-reference",
        /// Tracking's root delay and dispersion on its own clock (`local`):
        /// chronyd measures nothing against true time, so no error bound.
        OwnClockNoBound = "own-clock-no-bound",
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
        /// `N` in effect (EOpts) but not configured (COpts): chronyd gave
        /// an unauthenticated source noselect (authselectmode).
        SelectNoselectAuth = "select-noselect-auth",
        SelectFewMeasurements = "select-few-measurements",
        /// `M` or `s` with leap `?`: no valid measurement (it has not
        /// answered, or no answer passed the tests), after enough polls
        /// that waiting will not help.
        SelectNoMeasurement = "select-no-measurement",
        /// The same in a live view while fewer than eight requests went
        /// out (ntpdata's Total TX) or chronyd has just started: no answer
        /// yet, which waiting may still change.
        SelectNoAnswerYet = "select-no-answer-yet",
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
        /// The selected source's Last far older than another source's.
        SelectLastOld = "select-last-old",
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
        /// ntpq kerninfo: the kernel's STA_UNSYNC status bit.
        KernelUnsync = "kernel-unsync",
        /// ntpq kerninfo: a maximum error at the kernel's 16 s limit.
        KernelMaxErrorLimit = "kernel-max-error-limit",
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
        /// A large offset on a row the clock does not follow, beside the
        /// row it follows: that source's distance from it, not this
        /// clock's error.
        OffsetUnused = "offset-unused",
        /// A reference clock's offset beside ntpd's PPS peer (`o`): the
        /// clock follows the pulse; this clock only numbers the seconds,
        /// and a few ms is its timecode's serial latency.
        OffsetNumbersPps = "offset-numbers-pps",
        /// An ntpq row's offset within half its round-trip delay: the
        /// bound of the measurement's own error on that path.
        OffsetWithinDelay = "offset-within-delay",
        /// ntpq `rv`'s offset within the root distance (rootdelay/2 +
        /// rootdisp): ordinary for the path to the primary reference.
        OffsetWithinRootDistance = "offset-within-root-distance",
        ClockSlow = "clock-slow",
        ClockFast = "clock-fast",
        LastRxNever = "last-rx-never",
        AnswersUnusable = "answers-unusable",
        LastRxStale = "last-rx-stale",
        DropsZero = "drops-zero",
        DropsRateLimited = "drops-rate-limited",
        /// ntpq mrulist's `r` column: L (discarded) or K (kiss-o'-death).
        MruRateControl = "mru-rate-control",
        /// ntpq mrulist's `rstr`: the matching restrict line has ignore or
        /// noserve.
        RestrictRefused = "restrict-refused",
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
        /// sourcestats: a source's residual frequency beyond ±100 ppm with
        /// error bounds as wide: its estimate still settling.
        ResidualFreqSettling = "residual-freq-settling",
        /// sourcestats: a settled residual frequency far from the other
        /// settled sources': that server's clock runs at another rate.
        ResidualFreqApart = "residual-freq-apart",
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
        /// ntpq's `#` (IOS-XE's "selected"): a survivor past the first six
        /// by synchronisation distance, kept as a backup, not combined.
        TallyBackup = "tally-backup",
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
        /// authdata: a KeyID with key length 0 - the key is not in the keyfile.
        KeyMissing = "key-missing",
        RxNone = "rx-none",
        /// NX-OS statistics: packets counted as bad authentication.
        AuthBadCount = "auth-bad-count",
        TxNone = "tx-none",
        RxLossy = "rx-lossy",
        RxInvalid = "rx-invalid",
        /// Packets that fail the first tests from a source not using a key.
        RxInvalidUnkeyed = "rx-invalid-unkeyed",
        /// The first packets of a pair that just started, none valid yet.
        RxStartup = "rx-startup",
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
        /// The leap second file expires within `leap::WARN_DAYS` (the
        /// threshold of lint, the window and `export alerts`).
        LeapExpiring = "leap-expiring",
        /// A chrony release older than the oldest Stratum reads (4.0).
        ReleaseUnsupported = "release-unsupported",
        /// A refclock's reach 0: its driver delivered no sample.
        RefclockNoSample = "refclock-no-sample",
        /// A refclock's reach register with gaps: its driver delivers
        /// samples, but not at every poll.
        RefclockIrregular = "refclock-irregular",
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
        /// timesyncd has no server at all: every server list is empty.
        TimesyncNoServer = "timesync-no-server",
        /// timesync-status `Server: (null) (NAME)`: no address for the name.
        TimesyncUnresolved = "timesync-unresolved",
        /// sourcestats' NP 1–2: too few samples for an estimate.
        SamplesFew = "samples-few",
        /// selectdata's Leap `?`: no valid measurement was made.
        LeapUnknown = "leap-unknown",
        /// chronyc's status line: chronyd refused the command or is silent.
        ReplyRefused = "reply-refused",
        /// chronyc's usage text: it ran no command.
        ChronycUsage = "chronyc-usage",
        /// chronyc's own message: it refused the command itself, nothing
        /// reached chronyd.
        ChronycRefused = "chronyc-refused",
        /// accheck/cmdaccheck: chronyd's rules let the address in (208).
        AccessAllowed = "access-allowed",
        /// accheck/cmdaccheck: chronyd's rules keep the address out (209).
        AccessDenied = "access-denied",
        /// ntpdata of a server that is not synchronised: the root delay and
        /// dispersion (1 s each), reference id and time it sends are
        /// chronyd's placeholders (reference.c), not measurements.
        UnsyncPlaceholder = "unsync-placeholder",
        /// chronyd's log in the paste: the NTS-KE connection failed.
        NtsKeConnectFailed = "nts-ke-connect-failed",
    }
}

impl Why {
    /// A kiss code's reason: the row's other columns are no measurement,
    /// and its reach 0 is no silence of the network.
    /// A value that is no measurement or count: shown as "–".
    pub fn is_placeholder(self) -> bool {
        matches!(self, Why::NoSample | Why::NoKey | Why::NotNts)
    }

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
            ReachStopped => &[R::SourceStopped, R::SourceStale],
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
            StateFalseticker | TallyFalseticker => &[R::Falseticker, R::AllFalsetickers],
            SelectFalseticker => &[R::Falseticker, R::AllFalsetickers],
            StateJittery | SelectJitter => &[R::SourceJittery],
            SelectFewMeasurements
            | SelectNoMeasurement
            | SelectNoAnswerYet
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
            LeapExpiring => &[R::LeapFileExpiring],
            ReleaseUnsupported => &[R::ReleaseUnsupported],
            RefidNone => &[
                R::NotSynchronised,
                R::UpstreamUnsynchronised,
                R::WaitsyncNeverSynchronised,
            ],
            KissCode | KissDenied => &[R::KissCode],
            KissRate => &[R::KissRate],
            KissAuth => &[R::KissAuth],
            KissStep => &[R::KissStep],
            KernelUnsync | KernelMaxErrorLimit => &[R::NotSynchronised],
            // ntpd's status word or ntpstat: the daemon follows its own
            // clock (tracking's own refid says it in its diagnosis too).
            RefidLocal => &[R::ServingLocalClock],
            OffsetMedium | OffsetLarge | OffsetSourceLarge => &[R::SourceOffsetLarge],
            OffsetFalseticker => &[R::Falseticker, R::AllFalsetickers],
            OffsetUnused => &[R::UnusedSourceFar],
            ClockSlow => &[R::ClockBehind],
            ClockFast => &[R::ClockAhead],
            OffsetBeyondError => &[R::SourceUnstable],
            LastRxNever => &[R::NeverAnswered, R::SomeUnreachable, R::NoUpstreamReachable],
            LastRxStale => &[R::SourceStale, R::SourceStopped],
            SelectLastOld => &[R::SelectedStale],
            AnswersUnusable => &[
                R::AnswersRejected,
                R::SyncLoop,
                R::UpstreamUnsynchronised,
                R::AuthFailing,
            ],
            DropsRateLimited | MruRateControl => &[R::ClientsRateLimited],
            RestrictRefused => &[R::ClientsRefused],
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
            ResidualFreqSettling => &[R::SourceFrequencySettling],
            ResidualFreqApart => &[R::SourceFrequencyApart],
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
            // A server never heard from is said once, by never-answered
            // (the last rules: a rejected row joins them only then).
            TallyRejected => &[
                R::SourceRejected,
                R::NoneSelected,
                R::NoUpstreamReachable,
                R::SomeUnreachable,
                R::NeverAnswered,
            ],
            SwitchUnsynchronized => &[R::NotSynchronised],
            SwitchRejected => &[R::SourceRejected, R::SomeUnreachable, R::NeverAnswered],
            SwitchNotSurvived => &[R::NotSelectable],
            No => &[R::NotSynchronised, R::NtpServiceInactive],
            RtcLocal => &[R::RtcLocalTime],
            NtsKeAttempts | NtsNoCookies => &[R::NtsKeFailing],
            KeyMissing => &[R::KeyMissing],
            NtsKeConnectFailed => &[R::NtsKeRefused],
            NtsNak => &[R::NtsNak],
            NtsFewCookies => &[R::NtsFewCookies],
            RxNone => &[R::NeverAnswered],
            RxLossy => &[R::RateLimitedByServer],
            RxInvalid | TestsAuthFailed | AuthBadCount => &[R::AuthFailing],
            RxInvalidUnkeyed => &[R::AnswersRejected],
            RxStartup => &[R::PeerStarting],
            TestsUnsynchronised => &[R::UpstreamUnsynchronised, R::SyncLoop],
            TestsFailed => &[R::SourceRejected],
            RefclockNoSample => &[R::RefclockLost],
            RefclockIrregular => &[R::RefclockIrregular],
            FlashDistance | FlashDenied | FlashUnreachable | FlashPacket => &[R::NotSelectable],
            FlashUnsynchronised => &[R::UpstreamUnsynchronised],
            FlashLoop | TestsServerFollowsUs => &[R::SyncLoop],
            FlashAuth => &[R::AuthFailing],
            StateAnswersRejected => &[R::AnswersRejected],
            TimesyncIgnored => &[R::KissCode, R::UpstreamUnsynchronised, R::SourceRejected],
            TimesyncNoAnswer | TimesyncUnresolved => &[R::NeverAnswered],
            TimesyncNoServer => &[R::TimesyncNoServer],
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
                R::NoSuchSource,
                R::ChronydFailed,
                R::ReleaseMismatch,
                R::BadSubnet,
                R::SourceAlreadyPresent,
                R::TooManySources,
                R::RtcNotWritten,
                R::AddressFamily,
                R::NoSuchSample,
                R::ClientLogOff,
                R::InvalidName,
                R::CommandFailed,
            ],
            ChronycRefused => &[
                R::ChronycUnknownCommand,
                R::ChronycNameUnresolved,
                R::ChronycBadSyntax,
                R::ChronycSocket,
                R::ChronycNoAuthentication,
            ],
            AccessAllowed
            | AccessDenied
            | ReachFull
            | ReachStarting
            | ReachFillingFast
            | ReachLastMissed
            | ReachLastMissedFilling
            | NoSample
            | NoKey
            | NotNts
            | StratumNoAnswer
            | RefidInit
            | RefidNtsKe
            | NoReference
            | OwnClockNoBound
            | UnsyncPlaceholder
            | StateSelected
            | StateCombined
            | StateNotCombined
            | SelectNoselect
            | SelectNoselectAuth
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
            | OffsetNumbersPps
            | OffsetWithinDelay
            | OffsetWithinRootDistance
            | TallyCandidate
            | TallyBackup
            | SwitchSynchronized
            | SwitchSelected
            | SwitchCandidate
            | Yes
            | TestsPassed => &[],
        }
    }
}
