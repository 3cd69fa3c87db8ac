//! One expected device (name, address, kind), the rules its name and
//! address follow, and why an edit is refused.

use serde::{Deserialize, Serialize};

/// Devices a roster may hold: bounds the work of each poll, the probes per
/// minute and the metric labels.
pub const MAX_DEVICES: usize = 500;

/// The longest device name (a metric label value).
pub const MAX_NAME: usize = 64;

/// NTP's port, where a device answers unless its address says otherwise.
pub const NTP_PORT: u16 = 123;

crate::id_enum! {
    /// What a device is, for the likely causes when it does not poll.
    #[derive(Default)]
    pub enum DeviceKind {
        Chrony = "chrony",
        Ntpd = "ntpd",
        Switch = "switch",
        #[default]
        Other = "other",
    }
}

/// One expected device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Device {
    pub name: String,
    /// `HOST`, `HOST:PORT` or `[V6]:PORT`: where it sends from and answers.
    pub address: String,
    #[serde(default)]
    pub kind: DeviceKind,
}

/// Why a roster edit or file is refused (message `roster-error-<id>`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    #[error("bad device name {0:?}")]
    Name(String),
    #[error("bad address {0:?}")]
    Address(String),
    #[error("a device named {0:?} is on the roster already")]
    Duplicate(String),
    #[error("no device named {0:?}")]
    NoSuchDevice(String),
    #[error("the roster holds {MAX_DEVICES} devices at most")]
    Full,
    #[error("bad intent file: {0}")]
    File(String),
}

impl RosterError {
    /// The message id and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            RosterError::Name(v) => (
                "roster-error-name",
                vec![("value", v.escape_debug().to_string())],
            ),
            RosterError::Address(v) => (
                "roster-error-address",
                vec![("value", v.escape_debug().to_string())],
            ),
            RosterError::Duplicate(v) => ("roster-error-duplicate", vec![("name", v.clone())]),
            RosterError::NoSuchDevice(v) => ("roster-error-no-device", vec![("name", v.clone())]),
            RosterError::Full => ("roster-error-full", vec![("max", MAX_DEVICES.to_string())]),
            RosterError::File(v) => ("roster-error-file", vec![("reason", v.clone())]),
        }
    }
}

impl RosterError {
    /// The helper's detail of a refused edit (`ID:VALUE`), for the client
    /// to translate.
    pub fn detail(&self) -> String {
        let (id, v) = match self {
            RosterError::Name(v) => ("name", v.as_str()),
            RosterError::Address(v) => ("address", v.as_str()),
            RosterError::Duplicate(v) => ("duplicate", v.as_str()),
            RosterError::NoSuchDevice(v) => ("no-device", v.as_str()),
            RosterError::Full => ("full", ""),
            RosterError::File(v) => ("file", v.as_str()),
        };
        format!("{id}:{v}")
    }

    /// Back from [`RosterError::detail`] (anything else is the file's).
    pub fn from_detail(detail: &str) -> RosterError {
        let (id, v) = detail.split_once(':').unwrap_or(("file", detail));
        let v = v.to_string();
        match id {
            "name" => RosterError::Name(v),
            "address" => RosterError::Address(v),
            "duplicate" => RosterError::Duplicate(v),
            "no-device" => RosterError::NoSuchDevice(v),
            "full" => RosterError::Full,
            _ => RosterError::File(v),
        }
    }
}

/// A name: letters (any script), digits, `.`, `_`, `-`, at most
/// [`MAX_NAME`] characters, not starting with `.` or `-`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= MAX_NAME
        && !name.starts_with(['.', '-'])
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The host and port of a device address (`HOST`, `HOST:PORT`, `[V6]:PORT`).
pub fn split_address(addr: &str) -> Option<(String, u16)> {
    let (host, port) = crate::core::export::split_host_port(addr.trim())?;
    (port != Some(0)).then(|| (host, port.unwrap_or(NTP_PORT)))
}

impl Device {
    pub fn check(&self) -> Result<(), RosterError> {
        if !valid_name(&self.name) {
            return Err(RosterError::Name(self.name.clone()));
        }
        if split_address(&self.address).is_none() {
            return Err(RosterError::Address(self.address.clone()));
        }
        Ok(())
    }

    /// The host part of its address.
    pub fn host(&self) -> String {
        split_address(&self.address).map_or_else(|| self.address.clone(), |(h, _)| h)
    }
}
