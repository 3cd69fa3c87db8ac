//! The reports chronyd sends over cmdmon, decoded into plain values in SI
//! units (seconds, ppm), from whichever reply variant the release sends.
//! Names follow chronyc's column meanings in snake_case.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::wire::WireAddr;
use crate::core::conf::ChronyVersion;

/// The NTP data report counts good replies from chrony 4.3.
pub const GOOD_RX_SINCE: ChronyVersion = ChronyVersion::new(4, 3);

/// chronyc's source mode symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceMode {
    /// `^`: a server (client mode)
    #[serde(rename = "^")]
    Server,
    /// `=`: a symmetric peer
    #[serde(rename = "=")]
    Peer,
    /// `#`: a reference clock
    #[serde(rename = "#")]
    RefClock,
    #[serde(rename = " ")]
    Unknown,
}

impl SourceMode {
    pub fn symbol(self) -> char {
        match self {
            SourceMode::Server => '^',
            SourceMode::Peer => '=',
            SourceMode::RefClock => '#',
            SourceMode::Unknown => ' ',
        }
    }
}

/// chronyc's source state symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceState {
    /// `*`: selected, the system synchronises to it
    #[serde(rename = "*")]
    Selected,
    /// `?`: not selectable (unreachable, no samples yet)
    #[serde(rename = "?")]
    Unusable,
    /// `x`: a falseticker
    #[serde(rename = "x")]
    Falseticker,
    /// `~`: too variable
    #[serde(rename = "~")]
    Jittery,
    /// `+`: combined with the selected source
    #[serde(rename = "+")]
    Combined,
    /// `-`: selectable but not combined
    #[serde(rename = "-")]
    NotCombined,
    #[serde(rename = " ")]
    Unknown,
}

impl SourceState {
    pub fn symbol(self) -> char {
        match self {
            SourceState::Selected => '*',
            SourceState::Unusable => '?',
            SourceState::Falseticker => 'x',
            SourceState::Jittery => '~',
            SourceState::Combined => '+',
            SourceState::NotCombined => '-',
            SourceState::Unknown => ' ',
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tracking {
    pub ref_id: u32,
    /// The reference's address; `None` for a refclock or local reference.
    pub address: Option<IpAddr>,
    pub stratum: u16,
    /// 0 normal, 1 insert second, 2 delete second, 3 not synchronised.
    pub leap_status: u16,
    /// Unix seconds of the last clock update.
    pub ref_time: f64,
    /// chronyd's correction, seconds: NTP time minus the system clock,
    /// positive when the clock is behind (chronyc: "slow"); see
    /// [`crate::core::time::Direction`].
    pub system_time: f64,
    pub last_offset: f64,
    pub rms_offset: f64,
    pub frequency_ppm: f64,
    pub residual_freq_ppm: f64,
    pub skew_ppm: f64,
    pub root_delay: f64,
    pub root_dispersion: f64,
    pub update_interval: f64,
}

impl Tracking {
    /// Whether chronyd reports a reference it follows (a source, a
    /// reference clock or its own clock under `local`). Before that
    /// (chronyc: "Reference ID 00000000 ()", "Leap status: Not
    /// synchronised") its offsets are initial values, not measurements:
    /// shown as "–" and never plotted, as a source's before its first
    /// sample.
    pub fn reports_reference(&self) -> bool {
        self.ref_id != 0 && self.leap_status != 3 && (1..16).contains(&self.stratum)
    }

    /// Serving its own clock (`local stratum N`, Reference ID 127.127.1.1):
    /// chronyd's root delay and dispersion then measure nothing against
    /// true time (it can print 0 for them), so they bound no error.
    pub fn serves_own_clock(&self) -> bool {
        self.ref_id == LOCAL_REFID && (1..16).contains(&self.stratum)
    }
}

/// chronyd's reference id while it serves its own clock (`local`):
/// 127.127.1.1.
pub const LOCAL_REFID: u32 = 0x7F7F_0101;

/// A reference id as people read it: a reference clock's name (`GPS`,
/// `PPS`, `LOCL`) when it is one, else chronyc's hex form.
pub fn refid_text(id: u32) -> String {
    let b = id.to_be_bytes();
    let name: Vec<u8> = b.iter().copied().take_while(|c| *c != 0).collect();
    let printable = !name.is_empty()
        && name
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[name.len()..].iter().all(|c| *c == 0);
    if printable {
        String::from_utf8_lossy(&name).into_owned()
    } else {
        format!("{id:08X}")
    }
}

/// A leap status as chronyc prints it.
pub fn leap_name(status: u16) -> &'static str {
    match status {
        0 => "Normal",
        1 => "Insert second",
        2 => "Delete second",
        3 => "Not synchronised",
        _ => "Invalid",
    }
}

impl Tracking {
    pub fn leap_text(&self) -> &'static str {
        leap_name(self.leap_status)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceData {
    pub address: WireAddrSer,
    pub poll: i16,
    pub stratum: u16,
    pub state: SourceState,
    pub mode: SourceMode,
    pub flags: u16,
    /// The reachability register (8 bits, chronyc shows it in octal).
    pub reach: u16,
    /// Seconds since the last good sample (chronyc: LastRx).
    pub last_rx: u32,
    /// Offset of the last sample adjusted for later clock changes.
    pub offset: f64,
    /// Offset as measured.
    pub measured_offset: f64,
    /// Estimated error of the sample.
    pub error: f64,
    /// The name the source was configured with, as chronyd keeps it
    /// (`chronyc -N sources`; cmdmon's source-name request), resolved or
    /// not; a reference clock's refid. `None` where chronyd did not say.
    #[serde(default)]
    pub name: Option<String>,
}

impl SourceData {
    /// The source as `chronyc -n` names it: a reference clock by its refid
    /// (`GPS`, `PPS`, `PHC0`; chronyd sends the refid in the address
    /// field), any other by its address (`ID#0000000001` while its name
    /// is not resolved).
    pub fn label(&self) -> String {
        match (self.mode, self.address.0) {
            (SourceMode::RefClock, WireAddr::Ip(IpAddr::V4(v4))) => refid_text(u32::from(v4)),
            _ => self.address.to_string(),
        }
    }

    /// The source as configured (`chronyc -N`), else as `chronyc -n`
    /// names it.
    pub fn display_name(&self) -> String {
        self.name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| self.label())
    }

    /// chronyd has no address for the source's name yet: it does not
    /// resolve (chronyd keeps asking; `chronyc activity` counts it
    /// "with unknown address").
    pub fn unresolved(&self) -> bool {
        matches!(self.address.0, WireAddr::Id(_))
    }

    /// Seconds since the last sample, `None` for a source never sampled
    /// (chronyd sends 2^32-1, chronyc prints `-`).
    pub fn last_sample_age(&self) -> Option<u32> {
        (self.last_rx != u32::MAX).then_some(self.last_rx)
    }
}

/// A source address for serialisation: an IP, `ID#0000000001` for a source
/// whose name is not resolved yet (as chronyc shows it), or empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WireAddrSer(pub WireAddr);

impl std::fmt::Display for WireAddrSer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            WireAddr::Ip(ip) => write!(f, "{ip}"),
            WireAddr::Id(id) => write!(f, "ID#{id:010}"),
            WireAddr::Unspec => Ok(()),
        }
    }
}

impl Serialize for WireAddrSer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WireAddrSer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(WireAddrSer(if let Ok(ip) = s.parse() {
            WireAddr::Ip(ip)
        } else if let Some(id) = s.strip_prefix("ID#").and_then(|n| n.parse().ok()) {
            WireAddr::Id(id)
        } else {
            WireAddr::Unspec
        }))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceStats {
    pub ref_id: u32,
    pub address: WireAddrSer,
    /// Number of samples (NP).
    pub samples: u32,
    /// Number of runs of residuals with the same sign (NR).
    pub runs: u32,
    /// Seconds between the oldest and newest sample.
    pub span: u32,
    /// Estimated residual frequency, ppm.
    pub frequency_ppm: f64,
    /// Estimated error bound of the frequency, ppm.
    pub freq_skew_ppm: f64,
    /// Estimated offset, seconds.
    pub offset: f64,
    /// Standard deviation of the samples, seconds.
    pub std_dev: f64,
    /// Estimated error of the offset, seconds (not shown by chronyc).
    pub offset_error: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Activity {
    pub online: i32,
    pub offline: i32,
    pub burst_online: i32,
    pub burst_offline: i32,
    pub unresolved: i32,
}

/// chronyc `serverstats`. chronyd 4.0–4.1 send the first eight counters,
/// 4.2–4.3 three more, 4.4+ all of them as 64-bit values plus where each
/// timestamp came from; `None` where the release has no such counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ServerStats {
    pub ntp_packets_received: u64,
    pub ntp_packets_dropped: u64,
    pub command_packets_received: u64,
    pub command_packets_dropped: u64,
    pub client_log_records_dropped: u64,
    pub nts_ke_connections_accepted: u64,
    pub nts_ke_connections_dropped: u64,
    pub authenticated_ntp_packets: u64,
    pub interleaved_ntp_packets: Option<u64>,
    pub ntp_timestamps_held: Option<u64>,
    pub ntp_timestamp_span: Option<u64>,
    pub ntp_daemon_rx_timestamps: Option<u64>,
    pub ntp_daemon_tx_timestamps: Option<u64>,
    pub ntp_kernel_rx_timestamps: Option<u64>,
    pub ntp_kernel_tx_timestamps: Option<u64>,
    pub ntp_hardware_rx_timestamps: Option<u64>,
    pub ntp_hardware_tx_timestamps: Option<u64>,
}

impl ServerStats {
    /// The counters this release sent, in chronyc's order (`serverstats`).
    pub fn counters(&self) -> Vec<u64> {
        [
            Some(self.ntp_packets_received),
            Some(self.ntp_packets_dropped),
            Some(self.command_packets_received),
            Some(self.command_packets_dropped),
            Some(self.client_log_records_dropped),
            Some(self.nts_ke_connections_accepted),
            Some(self.nts_ke_connections_dropped),
            Some(self.authenticated_ntp_packets),
            self.interleaved_ntp_packets,
            self.ntp_timestamps_held,
            self.ntp_timestamp_span,
            self.ntp_daemon_rx_timestamps,
            self.ntp_daemon_tx_timestamps,
            self.ntp_kernel_rx_timestamps,
            self.ntp_kernel_tx_timestamps,
            self.ntp_hardware_rx_timestamps,
            self.ntp_hardware_tx_timestamps,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// One client of the server (chronyc `clients`). Intervals are log2
/// seconds; `None` where chronyc prints `-`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Client {
    pub address: IpAddr,
    pub ntp_hits: u32,
    pub ntp_drops: u32,
    pub ntp_interval: Option<i8>,
    pub ntp_interval_limit: Option<i8>,
    /// Seconds since the last NTP request (`None`: never).
    pub ntp_last: Option<u32>,
    pub cmd_hits: u32,
    pub cmd_drops: u32,
    pub cmd_interval: Option<i8>,
    pub cmd_last: Option<u32>,
    pub nts_ke_hits: u32,
    pub nts_ke_drops: u32,
    pub nts_ke_interval: Option<i8>,
    pub nts_ke_last: Option<u32>,
}

/// One page of the clients table.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientPage {
    pub n_indices: u32,
    pub next_index: u32,
    /// Records in this page, including ones chronyd could not find.
    pub n_records: u32,
    pub clients: Vec<Client>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NtpData {
    pub remote_address: WireAddrSer,
    pub local_address: WireAddrSer,
    pub remote_port: u16,
    pub leap: u8,
    pub version: u8,
    pub mode: u8,
    pub stratum: u8,
    pub poll: i8,
    pub precision: i8,
    pub root_delay: f64,
    pub root_dispersion: f64,
    pub ref_id: u32,
    pub ref_time: f64,
    pub offset: f64,
    pub peer_delay: f64,
    pub peer_dispersion: f64,
    pub response_time: f64,
    pub jitter_asymmetry: f64,
    /// Results of the NTP tests (bits 0-9), interleaved (0x4000),
    /// authenticated (0x8000).
    pub flags: u16,
    pub tx_timestamping: char,
    pub rx_timestamping: char,
    pub total_tx: u32,
    pub total_rx: u32,
    pub total_valid_rx: u32,
    /// chrony 4.3+.
    pub total_good_rx: Option<u32>,
    /// chrony 4.6+ (`RPY_NTP_DATA2`): where the timestamps came from.
    pub total_kernel_tx: Option<u32>,
    pub total_kernel_rx: Option<u32>,
    pub total_hardware_tx: Option<u32>,
    pub total_hardware_rx: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectData {
    pub ref_id: u32,
    pub address: WireAddrSer,
    pub state: char,
    pub authenticated: bool,
    pub leap: u8,
    pub configured_options: u16,
    pub effective_options: u16,
    pub last_sample_ago: u32,
    pub score: f64,
    pub lo_limit: f64,
    pub hi_limit: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthData {
    /// 0 none, 1 symmetric key, 2 NTS.
    pub mode: u16,
    pub key_type: u16,
    pub key_id: u32,
    pub key_length: u16,
    pub ke_attempts: u16,
    pub last_ke_ago: u32,
    pub cookies: u16,
    pub cookie_length: u16,
    pub nak: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Smoothing {
    pub active: bool,
    pub leap_only: bool,
    pub offset: f64,
    pub freq_ppm: f64,
    pub wander_ppm: f64,
    pub last_update_ago: f64,
    pub remaining_time: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RtcReport {
    pub ref_time: f64,
    pub samples: u16,
    pub runs: u16,
    pub span: u32,
    pub rtc_seconds_fast: f64,
    pub rtc_gain_rate_ppm: f64,
}

/// A decoded reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Null,
    NSources(u32),
    SourceData(SourceData),
    Tracking(Tracking),
    SourceStats(SourceStats),
    Activity(Activity),
    ServerStats(ServerStats),
    NtpData(Box<NtpData>),
    NtpSourceName(String),
    SelectData(SelectData),
    AuthData(AuthData),
    Clients(ClientPage),
    Smoothing(Smoothing),
    Rtc(RtcReport),
}
