//! Which field each label or column of each chronyc report is, in chronyc's order.

use super::super::field::FieldId as F;
use super::super::model::Kind;

pub const TRACKING: &[(&str, F)] = &[
    ("Reference ID", F::Refid),
    ("Stratum", F::Stratum),
    ("Ref time (UTC)", F::RefTime),
    ("System time", F::SystemTime),
    ("Last offset", F::LastOffset),
    ("RMS offset", F::RmsOffset),
    ("Frequency", F::Frequency),
    ("Residual freq", F::ResidualFreq),
    ("Skew", F::Skew),
    ("Root delay", F::RootDelay),
    ("Root dispersion", F::RootDispersion),
    ("Update interval", F::UpdateInterval),
    ("Leap status", F::Leap),
];

pub(super) const NTPDATA: &[(&str, F)] = &[
    ("Remote address", F::RemoteAddress),
    ("Remote port", F::RemotePort),
    ("Local address", F::LocalAddress),
    ("Leap status", F::Leap),
    ("Version", F::Version),
    ("Mode", F::NtpMode),
    ("Stratum", F::Stratum),
    ("Poll interval", F::PollInterval),
    ("Precision", F::Precision),
    ("Root delay", F::RootDelay),
    ("Root dispersion", F::RootDispersion),
    ("Reference ID", F::Refid),
    ("Reference time", F::RefTime),
    ("Offset", F::Offset),
    ("Peer delay", F::PeerDelay),
    ("Peer dispersion", F::PeerDispersion),
    ("Response time", F::ResponseTime),
    ("Jitter asymmetry", F::JitterAsymmetry),
    ("NTP tests", F::NtpTests),
    ("Interleaved", F::Interleaved),
    ("Authenticated", F::Authenticated),
    ("TX timestamping", F::TxTimestamping),
    ("RX timestamping", F::RxTimestamping),
    ("Total TX", F::TotalTx),
    ("Total RX", F::TotalRx),
    ("Total valid RX", F::TotalValidRx),
    ("Total good RX", F::TotalGoodRx),
    // chrony 4.6+
    ("Total kernel TX", F::TotalKernelTx),
    ("Total kernel RX", F::TotalKernelRx),
    ("Total HW TX", F::TotalHwTx),
    ("Total HW RX", F::TotalHwRx),
];

pub const SERVERSTATS: &[(&str, F)] = &[
    ("NTP packets received", F::NtpReceived),
    ("NTP packets dropped", F::NtpDropped),
    ("Command packets received", F::CmdReceived),
    ("Command packets dropped", F::CmdDropped),
    ("Client log records dropped", F::LogDropped),
    ("NTS-KE connections accepted", F::NtskeAccepted),
    ("NTS-KE connections dropped", F::NtskeDropped),
    ("Authenticated NTP packets", F::AuthPackets),
    ("Interleaved NTP packets", F::InterleavedPackets),
    ("NTP timestamps held", F::TimestampsHeld),
    ("NTP timestamp span", F::TimestampSpan),
    // chrony 4.4+: where the server's timestamps came from.
    ("NTP daemon RX timestamps", F::DaemonRxTimestamps),
    ("NTP daemon TX timestamps", F::DaemonTxTimestamps),
    ("NTP kernel RX timestamps", F::KernelRxTimestamps),
    ("NTP kernel TX timestamps", F::KernelTxTimestamps),
    ("NTP hardware RX timestamps", F::HardwareRxTimestamps),
    ("NTP hardware TX timestamps", F::HardwareTxTimestamps),
];

pub const ACTIVITY: &[(&str, F)] = &[
    ("sources online", F::Online),
    ("sources offline", F::Offline),
    ("sources doing burst (return to online)", F::BurstOnline),
    ("sources doing burst (return to offline)", F::BurstOffline),
    ("sources with unknown address", F::Unresolved),
];

pub(super) const SOURCES: &[F] = &[
    F::Mode,
    F::State,
    F::Address,
    F::Stratum,
    F::Poll,
    F::Reach,
    F::LastRx,
    F::SampleOffset,
    F::MeasuredOffset,
    F::Error,
];
pub(super) const SOURCESTATS: &[F] = &[
    F::Address,
    F::Samples,
    F::Runs,
    F::Span,
    F::Frequency,
    F::FreqSkew,
    F::EstOffset,
    F::StdDev,
];
pub(super) const CLIENTS: &[F] = &[
    F::Address,
    F::NtpHits,
    F::NtpDrops,
    F::NtpInterval,
    F::NtpIntervalLimit,
    F::NtpLast,
    F::CmdHits,
    F::CmdDrops,
    F::CmdInterval,
    F::CmdLast,
];
/// `chronyc clients -k`: NTS-KE columns instead of command ones.
pub(super) const CLIENTS_NKE: &[F] = &[
    F::Address,
    F::NtpHits,
    F::NtpDrops,
    F::NtpInterval,
    F::NtpIntervalLimit,
    F::NtpLast,
    F::NtsKeHits,
    F::NtsKeDrops,
    F::NtsKeInterval,
    F::NtsKeLast,
];
pub(super) const SELECTDATA: &[F] = &[
    F::SelectState,
    F::Address,
    F::Auth,
    F::ConfOptions,
    F::EffOptions,
    F::LastSample,
    F::Score,
    F::LoLimit,
    F::HiLimit,
    F::Leap,
];
pub(super) const AUTHDATA: &[F] = &[
    F::Address,
    F::AuthMode,
    F::KeyId,
    F::KeyType,
    F::KeyLength,
    F::LastKe,
    F::KeAttempts,
    F::Nak,
    F::Cookies,
    F::CookieLength,
];

fn ids(v: &[F]) -> &'static [&'static str] {
    Box::leak(
        v.iter()
            .map(|f| f.id())
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

pub(super) fn names(table: &[(&str, F)]) -> Vec<F> {
    table.iter().map(|(_, n)| *n).collect()
}

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    vec![
        (Kind::ChronycTracking, ids(&names(TRACKING))),
        (Kind::ChronycNtpdata, ids(&names(NTPDATA))),
        (Kind::ChronycServerstats, ids(&names(SERVERSTATS))),
        (Kind::ChronycActivity, ids(&names(ACTIVITY))),
        (Kind::ChronycSources, ids(SOURCES)),
        (Kind::ChronycSourcestats, ids(SOURCESTATS)),
        (Kind::ChronycClients, ids(CLIENTS)),
        (Kind::ChronycClients, ids(CLIENTS_NKE)),
        (Kind::ChronycSelectdata, ids(SELECTDATA)),
        (Kind::ChronycAuthdata, ids(AUTHDATA)),
        (Kind::ChronycError, ids(&[F::Reply])),
    ]
}
