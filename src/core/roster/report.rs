//! What the roster says about each device, as it travels (IPC, JSON,
//! metrics, the window): the verdict, the facts behind it, and the clients
//! that poll but are not on the roster.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::device::{Device, DeviceKind};

crate::id_enum! {
    /// One line and one colour per device (texts `roster-verdict-<id>`).
    pub enum Verdict {
        /// It answers NTP and its reference is this server (or its pair
        /// partner).
        FollowsUs = "follows-us",
        /// It answers NTP and follows a server that is not this one.
        FollowsOther = "follows-other",
        /// It answers NTP but is not synchronised (leap 3, stratum 16, or
        /// a root distance no client would accept).
        Unsynchronised = "unsynchronised",
        /// It polls us, but does not answer NTP (many switches do not
        /// serve NTP): not an error.
        PollsNoAnswer = "polls-no-answer",
        /// It has not polled us within 3× its interval (or never).
        NotPolling = "not-polling",
        /// Not measured yet (no client list from chronyd, no reply yet).
        Unknown = "unknown",
        /// Not seen polling, but this server's client log is younger than
        /// one poll interval: its first poll may still come.
        Waiting = "waiting",
    }
}

impl Verdict {
    /// Whether the device keeps this server's time.
    pub fn follows(self) -> bool {
        self == Verdict::FollowsUs
    }
}

/// Whom a device's reference id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Follows {
    /// This server.
    Us,
    /// The other server of this server's pair (a `peer`).
    Partner,
    /// Someone else.
    Other,
}

/// What chronyd's client log says of a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Polls {
    /// The address it polls from.
    pub address: IpAddr,
    /// Seconds since its last NTP request.
    pub last_ago: Option<f64>,
    /// Its poll interval (s): the longest recent gap between its requests,
    /// or chronyd's average when none was seen yet.
    pub interval: Option<f64>,
    /// Silent after this long (s): 3× its interval, never less than 3× the
    /// roster's shortest.
    pub silent_after: f64,
    pub packets: u32,
    pub drops: u32,
    /// Requests dropped by this server's rate limiting since the last
    /// poll of chronyd.
    pub rate_limited: bool,
    /// Polled within 3× its interval (and at least 3× the roster's
    /// shortest interval).
    pub polling: bool,
}

/// Its last valid NTP reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Unix seconds when it was measured.
    pub time: f64,
    pub stratum: u8,
    pub ref_id: u32,
    /// The reference as text: an IPv4 address, or four ASCII letters
    /// (GPS, LOCL), or the hex of an IPv6 hash.
    pub reference: String,
    pub leap: u8,
    pub root_distance: f64,
    /// Its clock minus this server's time (s), positive when it is ahead.
    pub offset: f64,
    pub delay: f64,
    pub follows: Follows,
    pub synchronised: bool,
}

/// Why the last query got no answer to believe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoAnswer {
    /// Nothing came back within the wait.
    Timeout,
    /// The host said no NTP service listens there (ICMP port unreachable).
    Refused,
    /// Its name does not resolve.
    Unresolved,
    /// It sent a kiss-o'-death (RATE, DENY, RSTR…).
    Kiss { code: String },
    /// Only replies that failed the checks came (spoofed, malformed).
    Invalid { reason: String },
}

/// One device: its verdict and the facts behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceReport {
    pub name: String,
    pub address: String,
    pub kind: DeviceKind,
    pub verdict: Verdict,
    /// Unix seconds since when this verdict holds (as far as this helper
    /// has watched).
    pub since: f64,
    pub polls: Option<Polls>,
    pub answer: Option<Answer>,
    pub no_answer: Option<NoAnswer>,
    /// The stratum it should have (ours + 1) when it follows us at another.
    pub expected_stratum: Option<u8>,
    /// Follows us, and its offset is past the alarm threshold.
    #[serde(default)]
    pub drifting: bool,
    /// Not polling: this server's `allow` lines do not cover its address.
    #[serde(default)]
    pub denied_by_acl: bool,
    /// Its address is this server's own (127.0.0.1, ::1, or an address
    /// this server answers or queries from): it cannot poll itself.
    #[serde(default)]
    pub itself: bool,
}

/// A client that polls but is not on the roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnknownClient {
    pub address: IpAddr,
    pub packets: u32,
    pub last_ago: Option<f64>,
}

/// The unknown clients listed (the rest are counted).
pub const MAX_UNKNOWN_LISTED: usize = 32;

/// The roster's verdicts for one poll.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RosterReport {
    pub devices: Vec<DeviceReport>,
    pub unknown: Vec<UnknownClient>,
    /// Every unknown client, listed or not.
    pub unknown_total: usize,
    /// Where the roster is kept.
    pub file: String,
    /// The alarms these verdicts raise (the tracker decides when a device
    /// has been silent long enough); the snapshot's verdict counts them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alarms: Vec<crate::core::alarm::Alarm>,
}

impl RosterReport {
    /// Every device not judged yet (no helper, or no poll yet).
    pub fn unjudged(devices: &[Device], file: &str) -> RosterReport {
        RosterReport {
            devices: devices
                .iter()
                .map(|d| DeviceReport {
                    name: d.name.clone(),
                    address: d.address.clone(),
                    kind: d.kind,
                    verdict: Verdict::Unknown,
                    since: 0.0,
                    polls: None,
                    answer: None,
                    no_answer: None,
                    expected_stratum: None,
                    drifting: false,
                    denied_by_acl: false,
                    itself: false,
                })
                .collect(),
            file: file.to_string(),
            alarms: Vec::new(),
            ..RosterReport::default()
        }
    }

    /// (devices following us, devices), this server itself left out: its
    /// own line says what it is, and it cannot follow itself.
    pub fn following(&self) -> (usize, usize) {
        let others = || self.devices.iter().filter(|d| !d.itself);
        (
            others().filter(|d| d.verdict.follows()).count(),
            others().count(),
        )
    }

    /// Whether a pasted client list can be this server's: some address it
    /// lists is one this server sees polling now. A list from another
    /// machine says nothing about this server's roster.
    pub fn seen_polling(&self, addresses: &[std::net::IpAddr]) -> bool {
        addresses.iter().any(|a| {
            self.unknown.iter().any(|u| u.address == *a)
                || self
                    .devices
                    .iter()
                    .any(|d| d.polls.as_ref().is_some_and(|p| p.address == *a))
        })
    }

    pub fn count(&self, v: Verdict) -> usize {
        self.devices.iter().filter(|d| d.verdict == v).count()
    }
}

/// A reference id as chronyc and ntpq print it: four letters when it is
/// ASCII (stratum 1 and kiss codes), else a dotted IPv4 address.
pub fn reference_text(ref_id: u32, stratum: u8) -> String {
    let b = ref_id.to_be_bytes();
    if stratum <= 1 {
        let s: String = b
            .iter()
            .take_while(|c| **c != 0)
            .map(|c| *c as char)
            .collect();
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_graphic()) {
            return s;
        }
    }
    std::net::Ipv4Addr::from(ref_id).to_string()
}
