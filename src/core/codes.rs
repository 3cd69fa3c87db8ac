//! The error codes the helper, the IPC layer and the GUI's backend send:
//! stable ids that clients translate (`err-<code>` in the catalogue), never
//! prose. A code this build does not know (a newer helper) fails to decode
//! as a typed error, never a panic.

crate::id_enum! {
    /// Why a request failed or a connection was refused.
    pub enum ErrorCode {
        NotAuthorised = "not-authorised",
        /// A roster edit was refused (detail: `ID:VALUE`).
        RosterEdit = "roster-edit",
        NoSnapshotYet = "no-snapshot-yet",
        ConfigUnreadable = "config-unreadable",
        HelperIo = "helper-io",
        ApplyLint = "apply-lint",
        ApplyChronydRefused = "apply-chronyd-refused",
        ApplyBackup = "apply-backup",
        ApplyWrite = "apply-write",
        ApplyNeedsRestart = "apply-needs-restart",
        ApplyRolledBack = "apply-rolled-back",
        ApplyRolledBackDown = "apply-rolled-back-down",
        ApplyRollbackFailed = "apply-rollback-failed",
        ApplyPathNotAllowed = "apply-path-not-allowed",
        ApplyPathUntrusted = "apply-path-untrusted",
        ApplyBusy = "apply-busy",
        ActionMakestepLab = "action-makestep-lab",
        ChronydUnreachable = "chronyd-unreachable",
        ChronydTimeout = "chronyd-timeout",
        ChronydNotAuthorised = "chronyd-not-authorised",
        ChronydRefused = "chronyd-refused",
        ChronydProtocol = "chronyd-protocol",
        ChronydUnsupported = "chronyd-unsupported",
        ChronydNotInstalled = "chronyd-not-installed",
        ChronydSpawn = "chronyd-spawn",
        ChronydExited = "chronyd-exited",
        ChronydNotAnswering = "chronyd-not-answering",
        ChronydSystemctl = "chronyd-systemctl",
        ChronydUntrusted = "chronyd-untrusted",
        IpcClosed = "ipc-closed",
        IpcFrameTooLarge = "ipc-frame-too-large",
        IpcMalformed = "ipc-malformed",
        IpcTimeout = "ipc-timeout",
        IpcIo = "ipc-io",
        IpcBusy = "ipc-busy",
        IpcLagging = "ipc-lagging",
        IpcIdle = "ipc-idle",
        IpcVersion = "ipc-version",
        IpcNoHello = "ipc-no-hello",
        IpcSecondHello = "ipc-second-hello",
        IpcUnexpected = "ipc-unexpected",
        HelperUnreachable = "helper-unreachable",
        WatchUnresolved = "watch-unresolved",
        FleetUnknownHost = "fleet-unknown-host",
        GuiNoHelper = "gui-no-helper",
        NtsFailed = "nts-failed",
        NtsNothingToRenew = "nts-nothing-to-renew",
        GuiHelperStartFailed = "gui-helper-start-failed",
    }
}
