//! Every rule lint can report (texts `lint-<id>`), and how bad each is.

crate::id_enum! {
    /// A lint rule.
    pub enum Rule {
        LineTooLong = "line-too-long",
        UnknownDirective = "unknown-directive",
        MissingArguments = "missing-arguments",
        TooManyArguments = "too-many-arguments",
        UnknownOption = "unknown-option",
        BadOptionValue = "bad-option-value",
        InvalidArguments = "invalid-arguments",
        BadAddress = "bad-address",
        BadLogParameter = "bad-log-parameter",
        LocalStratumRange = "local-stratum-range",
        TrailingComment = "trailing-comment",
        UnsupportedDirective = "unsupported-directive",
        UnsupportedOption = "unsupported-option",
        OutOfRange = "out-of-range",
        BadSubnet = "bad-subnet",
        NoclientlogRatelimit = "noclientlog-ratelimit",
        ClientloglimitUnused = "clientloglimit-unused",
        RtcfileRtcsync = "rtcfile-rtcsync",
        /// rtcautotrim with no rtcfile: the line does nothing.
        RtcautotrimNoRtcfile = "rtcautotrim-no-rtcfile",
        NtsUneven = "nts-uneven",
        NtsUnpaired = "nts-unpaired",
        NtsFileUnreadable = "nts-file-unreadable",
        NtsNotCertificate = "nts-not-certificate",
        NtsKeyMismatch = "nts-key-mismatch",
        NtsCertExpired = "nts-cert-expired",
        NtsCertNotYetValid = "nts-cert-not-yet-valid",
        NtsCertExpiring = "nts-cert-expiring",
        NtsKeyExposed = "nts-key-exposed",
        NtsNoDumpdir = "nts-no-dumpdir",
        NtsTrustExpired = "nts-trust-expired",
        NtsServerByAddress = "nts-server-by-address",
        AccessLenient = "access-lenient",
        AccessLenientComment = "access-lenient-comment",
        Placeholder = "placeholder",
        RefclockDriver = "refclock-driver",
        RefclockTai = "refclock-tai",
        ExtfieldValue = "extfield-value",
        IncludeMissing = "include-missing",
        IncludeUnreadable = "include-unreadable",
        PathUntrusted = "path-untrusted",
        PathUntrustedFile = "path-untrusted-file",
        ControlCharacter = "control-character",
        MissingDirectory = "missing-directory",
        RefclockDevice = "refclock-device",
        RefclockLockUnknown = "refclock-lock-unknown",
        RefclockPpsUnnumbered = "refclock-pps-unnumbered",
        LeapListUnreadable = "leap-list-unreadable",
        LeapListInvalid = "leap-list-invalid",
        LeapListExpired = "leap-list-expired",
        LeapListExpiring = "leap-list-expiring",
        HwtimestampInterface = "hwtimestamp-interface",
        AllowHostUnresolved = "allow-host-unresolved",
        DeprecatedDirective = "deprecated-directive",
        Clamped = "clamped",
        PollBelowMinimum = "poll-below-minimum",
        LeapsecmodeUnknown = "leapsecmode-unknown",
        NoAllow = "no-allow",
        NoLocalStratum = "no-local-stratum",
        LocalStratumOne = "local-stratum-one",
        LocalStratumBelowUpstream = "local-stratum-below-upstream",
        PeerBurst = "peer-burst",
        /// `nts` on a peer line: "NTS not supported with peers".
        PeerNts = "peer-nts",
        /// `nts` and `key N` on one source: chronyd uses NTS only.
        NtsKeyIgnored = "nts-key-ignored",
        /// `certset N` (or set 0 under nosystemcert) that holds no CA.
        CertsetEmpty = "certset-empty",
        PreferNoselect = "prefer-noselect",
        CmdallowNoBind = "cmdallow-no-bind",
        FewSources = "few-sources",
        NoSources = "no-sources",
        DuplicateSource = "duplicate-source",
        NoMakestep = "no-makestep",
        InitstepslewUseMakestep = "initstepslew-use-makestep",
        MaxpollBelowMinpoll = "maxpoll-below-minpoll",
        MaxsamplesBelowMinsamples = "maxsamples-below-minsamples",
        ServerPortOff = "server-port-off",
        DuplicateDirective = "duplicate-directive",
        AllowHostname = "allow-hostname",
        PeerStrataDiffer = "peer-strata-differ",
        OptionIgnored = "option-ignored",
        HostBits = "host-bits",
        PeerNoOrphan = "peer-no-orphan",
        NoIburst = "no-iburst",
        /// `server 127.127.T.U`: an ntpd reference clock pseudo-address.
        NtpdRefclockAddress = "ntpd-refclock-address",
        /// `server iburst`: the host forgotten, an option read as one.
        SourceHostIsOption = "source-host-is-option",
        AllowEveryone = "allow-everyone",
        FewSourcesClient = "few-sources-client",
        CmdmonExposed = "cmdmon-exposed",
        NotAnInteger = "not-an-integer",
        OddCharacter = "odd-character",
        OddCharacterInValue = "odd-character-in-value",
        RefclockDeviceOptional = "refclock-device-optional",
        MinsourcesUnreachable = "minsources-unreachable",
        OrphanWaits = "orphan-waits",
        PidfileOff = "pidfile-off",
        AuthRequiredNoneAuthenticated = "auth-required-none-authenticated",
        KeyMissing = "key-missing",
        AuthMixRequired = "auth-mix-required",
        AuthRequiredPlainNoselect = "auth-required-plain-noselect",
        MaxdistanceUnreachable = "maxdistance-unreachable",
        MaxdistanceTight = "maxdistance-tight",
        MaxupdateskewUnreachable = "maxupdateskew-unreachable",
        MaxdelayUnreachable = "maxdelay-unreachable",
        SourceOffline = "source-offline",
        ReservedName = "reserved-name",
        DuplicateRefid = "duplicate-refid",
        RefidTooLong = "refid-too-long",
        SourcesNotASource = "sources-not-a-source",
        SourcesLineDropped = "sources-line-dropped",
        SourcesLineUnterminated = "sources-line-unterminated",
        OnlyNoselectSources = "only-noselect-sources",
        RequireNoselect = "require-noselect",
        SourceWrongFamily = "source-wrong-family",
        MaxjitterUnreachable = "maxjitter-unreachable",
        StratumLimitsUnreachable = "stratum-limits-unreachable",
        MaxchangeIgnoresStart = "maxchange-ignores-start",
        MaxchangeExitsAtStart = "maxchange-exits-at-start",
        PolltargetRange = "polltarget-range",
        SamplesCapped = "samples-capped",
        SourcePortZero = "source-port-zero",
        SourcedirMissing = "sourcedir-missing",
        DriftfileMissingDirectory = "driftfile-missing-directory",
        LogdirUncreatable = "logdir-uncreatable",
        MaxupdateskewNegative = "maxupdateskew-negative",
        LogbannerNegative = "logbanner-negative",
        Utf16File = "utf16-file",
        NotText = "not-text",
        LogNoLogdir = "log-no-logdir",
        SourceBrackets = "source-brackets",
        SourceZone = "source-zone",
        AccessOverridden = "access-overridden",
        SourceHostPort = "source-host-port",
        LeapsectzNoLeaps = "leapsectz-no-leaps",
        MakestepLimitFraction = "makestep-limit-fraction",
        SmoothtimeServes = "smoothtime-serves",
        /// `cmdport 0` with cmdallow/cmddeny/bindcmdaddress lines.
        CmdportOffCmdLines = "cmdport-off-cmd-lines",
        /// `maxsamples 1`: no frequency tracking, meant for -q/-Q.
        MaxsamplesOne = "maxsamples-one",
        DirFileSkipped = "dir-file-skipped",
        NoSourcesRead = "no-sources-read",
        DuplicateSourceFile = "duplicate-source-file",
        /// A port above 65535 before 4.7: used modulo 65536.
        PortWraps = "port-wraps",
        /// `stratumweight 0,05`: chronyd reads the number at the start only.
        NumberPrefix = "number-prefix",
        /// leapsectz names a zone this machine does not have.
        LeapsectzMissing = "leapsectz-missing",
        /// maxclockerror far above chrony.conf(5)'s typical values.
        MaxclockerrorHigh = "maxclockerror-high",
    }
}

/// How bad a finding is: errors stop an apply, warnings and hints do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Rule {
    pub fn severity(self) -> Severity {
        match self {
            Rule::LineTooLong => Severity::Error,
            Rule::UnknownDirective => Severity::Error,
            Rule::MissingArguments => Severity::Error,
            Rule::TooManyArguments => Severity::Error,
            Rule::UnknownOption => Severity::Error,
            Rule::BadOptionValue => Severity::Error,
            Rule::InvalidArguments => Severity::Error,
            Rule::BadAddress => Severity::Error,
            Rule::BadLogParameter => Severity::Error,
            Rule::LocalStratumRange => Severity::Error,
            Rule::TrailingComment => Severity::Error,
            Rule::UnsupportedDirective => Severity::Error,
            Rule::UnsupportedOption => Severity::Error,
            Rule::OutOfRange => Severity::Error,
            Rule::BadSubnet => Severity::Error,
            Rule::NoclientlogRatelimit => Severity::Error,
            Rule::ClientloglimitUnused => Severity::Warning,
            Rule::RtcfileRtcsync => Severity::Error,
            Rule::RtcautotrimNoRtcfile => Severity::Warning,
            Rule::NtsUneven => Severity::Error,
            Rule::NtsUnpaired => Severity::Warning,
            // chronyd logs "Could not set credentials" and runs without
            // its NTS-KE server (nts_ke_server.c, every release): it starts.
            Rule::NtsFileUnreadable => Severity::Warning,
            Rule::NtsNotCertificate => Severity::Warning,
            Rule::NtsKeyMismatch => Severity::Warning,
            // chronyd loads an expired certificate and starts (every
            // release, tests/it/lint_vs_chronyd/serving.rs); its clients then fail
            // their NTS-KE: a config that does not do what was meant.
            Rule::NtsCertExpired => Severity::Warning,
            Rule::NtsCertNotYetValid => Severity::Error,
            Rule::NtsCertExpiring => Severity::Warning,
            Rule::NtsKeyExposed => Severity::Warning,
            Rule::NtsNoDumpdir => Severity::Hint,
            Rule::NtsTrustExpired => Severity::Warning,
            Rule::NtsServerByAddress => Severity::Warning,
            Rule::AccessLenient => Severity::Warning,
            // Works as meant on 4.0/4.1, refused from 4.2: an upgrade
            // stops chronyd (measured, tests/it/lint_vs_chronyd/serving.rs).
            Rule::AccessLenientComment => Severity::Warning,
            Rule::Placeholder => Severity::Error,
            Rule::RefclockDriver => Severity::Error,
            Rule::RefclockTai => Severity::Error,
            Rule::ExtfieldValue => Severity::Error,
            Rule::IncludeMissing => Severity::Error,
            Rule::IncludeUnreadable => Severity::Error,
            // Root refuses to run chronyd on it (the helper, system mode):
            // lines another user can add to root's configuration.
            Rule::PathUntrusted => Severity::Error,
            // chronyd starts with it (a keyfile under chronyd's own
            // /var/lib/chrony): the helper still refuses it in system mode.
            Rule::PathUntrustedFile => Severity::Warning,
            Rule::ControlCharacter => Severity::Error,
            Rule::MissingDirectory => Severity::Error,
            Rule::RefclockDevice => Severity::Error,
            // chronyd starts and runs the clock unlocked / ignores the list.
            Rule::RefclockLockUnknown => Severity::Warning,
            Rule::RefclockPpsUnnumbered => Severity::Warning,
            Rule::LeapListUnreadable => Severity::Warning,
            Rule::LeapListInvalid => Severity::Warning,
            Rule::LeapListExpired => Severity::Warning,
            Rule::LeapListExpiring => Severity::Hint,
            Rule::HwtimestampInterface => Severity::Error,
            Rule::AllowHostUnresolved => Severity::Error,
            Rule::DeprecatedDirective => Severity::Warning,
            Rule::Clamped => Severity::Warning,
            // Accepted silently; polls at the default, not as asked.
            Rule::PollBelowMinimum => Severity::Warning,
            // "Could not parse leapsecmode directive": fatal.
            Rule::LeapsecmodeUnknown => Severity::Error,
            Rule::NoAllow => Severity::Warning,
            Rule::NoLocalStratum => Severity::Warning,
            Rule::LocalStratumOne => Severity::Hint,
            // Clients prefer the free-running clock to the real chain.
            Rule::LocalStratumBelowUpstream => Severity::Warning,
            Rule::PeerBurst => Severity::Warning,
            // chronyd starts; no answer of the peer is ever accepted.
            Rule::PeerNts => Severity::Warning,
            // chronyd starts and authenticates with NTS; the key is unused.
            Rule::NtsKeyIgnored => Severity::Warning,
            // chronyd starts; NTS-KE fails on certificate trust.
            Rule::CertsetEmpty => Severity::Warning,
            // chronyd starts; the source is never used, whatever prefer says.
            Rule::PreferNoselect => Severity::Warning,
            Rule::CmdallowNoBind => Severity::Warning,
            Rule::FewSources => Severity::Warning,
            Rule::NoSources => Severity::Warning,
            Rule::DuplicateSource => Severity::Warning,
            Rule::NoMakestep => Severity::Warning,
            // chronyd steps at start as asked; makestep is the documented way.
            Rule::InitstepslewUseMakestep => Severity::Hint,
            Rule::MaxpollBelowMinpoll => Severity::Warning,
            // chronyd starts; minsamples acts as maxsamples.
            Rule::MaxsamplesBelowMinsamples => Severity::Warning,
            // chronyd starts client-only; the allow lines serve nobody.
            Rule::ServerPortOff => Severity::Warning,
            Rule::DuplicateDirective => Severity::Warning,
            Rule::AllowHostname => Severity::Warning,
            Rule::PeerStrataDiffer => Severity::Hint,
            Rule::OptionIgnored => Severity::Hint,
            Rule::HostBits => Severity::Hint,
            // chronyd starts, and with different local strata the backup
            // follows the primary (measured on 4.9, R38); orphan is what
            // lets servers sharing one stratum agree on one.
            Rule::PeerNoOrphan => Severity::Hint,
            Rule::NoIburst => Severity::Hint,
            Rule::NtpdRefclockAddress => Severity::Warning,
            Rule::SourceHostIsOption => Severity::Warning,
            Rule::AllowEveryone => Severity::Hint,
            Rule::FewSourcesClient => Severity::Hint,
            Rule::CmdmonExposed => Severity::Hint,
            Rule::NotAnInteger => Severity::Error,
            Rule::OddCharacter => Severity::Error,
            Rule::OddCharacterInValue => Severity::Warning,
            // 4.9's `optional`: chronyd logs the error and goes on.
            Rule::RefclockDeviceOptional => Severity::Warning,
            Rule::MinsourcesUnreachable => Severity::Warning,
            Rule::OrphanWaits => Severity::Hint,
            Rule::PidfileOff => Severity::Error,
            // chronyd starts, but never synchronises from these sources.
            Rule::AuthRequiredNoneAuthenticated => Severity::Warning,
            Rule::KeyMissing => Severity::Warning,
            Rule::AuthMixRequired => Severity::Warning,
            Rule::AuthRequiredPlainNoselect => Severity::Warning,
            // chronyd starts, then rejects every source or measurement.
            Rule::MaxdistanceUnreachable => Severity::Warning,
            Rule::MaxdistanceTight => Severity::Warning,
            Rule::MaxupdateskewUnreachable => Severity::Warning,
            Rule::MaxdelayUnreachable => Severity::Warning,
            Rule::SourceOffline => Severity::Hint,
            Rule::ReservedName => Severity::Hint,
            // chronyd starts; its reports cannot tell the clocks apart.
            Rule::DuplicateRefid => Severity::Warning,
            Rule::RefidTooLong => Severity::Error,
            // chronyd reads .sources files after start-up and drops what
            // it cannot use without a message.
            Rule::SourcesNotASource => Severity::Warning,
            Rule::SourcesLineDropped => Severity::Warning,
            Rule::SourcesLineUnterminated => Severity::Warning,
            Rule::OnlyNoselectSources => Severity::Warning,
            Rule::RequireNoselect => Severity::Warning,
            // chronyd starts without the source ("Could not add source").
            Rule::SourceWrongFamily => Severity::Warning,
            // chronyd starts, then rejects every source or every update
            // (or exits): the clock is never synchronised.
            Rule::MaxjitterUnreachable => Severity::Warning,
            Rule::StratumLimitsUnreachable => Severity::Warning,
            Rule::MaxchangeIgnoresStart => Severity::Warning,
            Rule::MaxchangeExitsAtStart => Severity::Warning,
            // Accepted silently; the polling is not what was meant.
            Rule::PolltargetRange => Severity::Warning,
            // No effect beyond what chronyd can keep.
            Rule::CmdportOffCmdLines => Severity::Warning,
            Rule::MaxsamplesOne => Severity::Warning,
            Rule::SamplesCapped => Severity::Hint,
            // chronyd starts; the source never answers / is never loaded.
            Rule::SourcePortZero => Severity::Warning,
            Rule::SourcedirMissing => Severity::Warning,
            // Machine-dependent, like the other paths: the file may be
            // meant for another machine.
            Rule::DriftfileMissingDirectory => Severity::Hint,
            Rule::LogdirUncreatable => Severity::Hint,
            Rule::MaxupdateskewNegative | Rule::LogbannerNegative => Severity::Warning,
            // chronyd 4.0–4.9: "Fatal error : Invalid directive" on line 1.
            Rule::Utf16File => Severity::Error,
            Rule::NotText => Severity::Error,
            // chronyd starts ("logdir not specified") and writes no log.
            Rule::LogNoLogdir => Severity::Warning,
            // chronyd starts; the name never resolves, the source is unused.
            Rule::SourceBrackets => Severity::Warning,
            Rule::SourceZone => Severity::Warning,
            Rule::SourceHostPort => Severity::Warning,
            Rule::LeapsectzNoLeaps => Severity::Warning,
            Rule::MakestepLimitFraction => Severity::Warning,
            Rule::SmoothtimeServes => Severity::Warning,
            // chronyd starts and uses another port than the line says.
            Rule::PortWraps => Severity::Warning,
            // chronyd starts with the number the word begins with.
            Rule::NumberPrefix => Severity::Warning,
            // chronyd starts without leap-second information.
            Rule::LeapsectzMissing => Severity::Warning,
            // A judgement: chronyd works, its dispersion is inflated.
            Rule::MaxclockerrorHigh => Severity::Hint,
            // chronyd starts; the earlier line does nothing.
            Rule::AccessOverridden => Severity::Warning,
            // chronyd starts; the file is never read / nothing to follow.
            Rule::DirFileSkipped => Severity::Warning,
            Rule::NoSourcesRead => Severity::Warning,
            Rule::DuplicateSourceFile => Severity::Warning,
        }
    }
}
