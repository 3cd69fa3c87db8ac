//! The lab roster: the devices an administrator expects to follow this
//! server (name, address, kind), kept in the lab's intent file next to
//! chrony.conf (`stratum.toml`), and the verdict on each: does it poll us
//! (chronyd's client log), does it follow us (its own NTP reply).
//!
//! `track` turns snapshots and NTP replies into verdicts; `report` is what
//! travels (IPC, JSON, metrics); `clients` reads a pasted `chronyc clients`
//! against the roster. All pure: the helper does the IO.

pub mod clients;
pub mod metrics;
pub mod report;
pub mod track;

use serde::{Deserialize, Serialize};

pub use report::{DeviceReport, Follows, Polls, RosterReport, Verdict};

/// The intent file's name, in chrony.conf's directory.
pub const INTENT_FILE: &str = "stratum.toml";

/// Devices a roster may hold: bounds the work of each poll, the probes per
/// minute and the metric labels.
pub const MAX_DEVICES: usize = 500;

/// The longest device name (a metric label value).
pub const MAX_NAME: usize = 64;

/// The largest intent file read.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

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

/// Stratum's intent for this server, beside chrony.conf.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntentFile {
    /// This server's addresses as devices see it (a device whose
    /// reference id is one of them follows us); its own bind and source
    /// addresses count without being listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub server_addresses: Vec<String>,
    /// The shortest interval a device is expected to poll at (s): a
    /// device is silent after 3× its interval, never less than 3× this.
    /// NTP clients burst at start (iburst), then poll every 64 s or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_poll_interval: Option<f64>,
    #[serde(default, rename = "device", skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Device>,
}

/// The default of [`IntentFile::min_poll_interval`].
pub const MIN_POLL_INTERVAL: f64 = 64.0;

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

impl IntentFile {
    /// Reads the file's text: TOML, unknown keys refused, every device
    /// checked, at most [`MAX_DEVICES`].
    pub fn parse(text: &str) -> Result<IntentFile, RosterError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(RosterError::File(format!(
                "larger than {MAX_FILE_BYTES} bytes"
            )));
        }
        let f: IntentFile =
            toml::from_str(text).map_err(|e| RosterError::File(e.message().to_string()))?;
        f.check()?;
        Ok(f)
    }

    pub fn check(&self) -> Result<(), RosterError> {
        if self.devices.len() > MAX_DEVICES {
            return Err(RosterError::Full);
        }
        for (i, d) in self.devices.iter().enumerate() {
            d.check()?;
            if self.devices[..i].iter().any(|o| o.name == d.name) {
                return Err(RosterError::Duplicate(d.name.clone()));
            }
        }
        for a in &self.server_addresses {
            if split_address(a).is_none() {
                return Err(RosterError::Address(a.clone()));
            }
        }
        if let Some(m) = self.min_poll_interval
            && !(m.is_finite() && (1.0..=86400.0).contains(&m))
        {
            return Err(RosterError::File(format!("min_poll_interval = {m}")));
        }
        Ok(())
    }

    /// The file's text (what the helper writes).
    pub fn to_text(&self) -> String {
        let body = toml::to_string(self).expect("an intent file serialises");
        format!("# Stratum: the devices expected to follow this server (stratum roster).\n{body}")
    }

    pub fn add(&mut self, d: Device) -> Result<(), RosterError> {
        d.check()?;
        if self.devices.iter().any(|o| o.name == d.name) {
            return Err(RosterError::Duplicate(d.name));
        }
        if self.devices.len() >= MAX_DEVICES {
            return Err(RosterError::Full);
        }
        self.devices.push(d);
        Ok(())
    }

    pub fn remove(&mut self, name: &str) -> Result<Device, RosterError> {
        let i = self
            .devices
            .iter()
            .position(|d| d.name == name)
            .ok_or_else(|| RosterError::NoSuchDevice(name.to_string()))?;
        Ok(self.devices.remove(i))
    }

    /// Adds the devices not on the roster yet (by name); returns how many.
    pub fn merge(&mut self, devices: Vec<Device>) -> Result<usize, RosterError> {
        let mut added = 0;
        for d in devices {
            if self.devices.iter().any(|o| o.name == d.name) {
                continue;
            }
            self.add(d)?;
            added += 1;
        }
        Ok(added)
    }

    pub fn min_poll_interval(&self) -> f64 {
        self.min_poll_interval.unwrap_or(MIN_POLL_INTERVAL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_round_trips_and_refuses_what_it_does_not_know() {
        let mut f = IntentFile::default();
        f.add(Device {
            name: "core-sw1".into(),
            address: "10.0.0.2".into(),
            kind: DeviceKind::Switch,
        })
        .unwrap();
        f.add(Device {
            name: "实验室-ntpd".into(),
            address: "[fd00::5]:1123".into(),
            kind: DeviceKind::Ntpd,
        })
        .unwrap();
        let text = f.to_text();
        assert!(text.contains("[[device]]"), "{text}");
        assert_eq!(IntentFile::parse(&text).unwrap(), f);
        assert!(matches!(
            IntentFile::parse("[[device]]\nname = \"a\"\naddress = \"h\"\ncolour = 1\n"),
            Err(RosterError::File(_))
        ));
        assert!(matches!(
            IntentFile::parse("[[device]]\nname = \"a\"\naddress = \"h\"\nkind = \"router\"\n"),
            Err(RosterError::File(_))
        ));
        let dup = "[[device]]\nname = \"a\"\naddress = \"h\"\n[[device]]\nname = \"a\"\naddress = \"g\"\n";
        assert_eq!(
            IntentFile::parse(dup),
            Err(RosterError::Duplicate("a".into()))
        );
    }

    #[test]
    fn a_refusal_travels_as_its_detail() {
        for e in [
            RosterError::Name("a b".into()),
            RosterError::Address("x:0".into()),
            RosterError::Duplicate("pc:1".into()),
            RosterError::NoSuchDevice("sw".into()),
            RosterError::Full,
            RosterError::File("line 3: expected `=`".into()),
        ] {
            assert_eq!(RosterError::from_detail(&e.detail()), e);
        }
    }

    #[test]
    fn bad_names_and_addresses_change_nothing() {
        let mut f = IntentFile::default();
        for (name, addr) in [
            ("", "10.0.0.1"),
            ("a b", "10.0.0.1"),
            ("../x", "10.0.0.1"),
            ("x\"y", "10.0.0.1"),
            ("ok", "10.0.0.1:0"),
            ("ok", "10.0.0.1:99999"),
            ("ok", "host name"),
            ("ok", ""),
        ] {
            let d = Device {
                name: name.into(),
                address: addr.into(),
                kind: DeviceKind::Other,
            };
            assert!(f.add(d).is_err(), "{name:?} {addr:?}");
        }
        assert!(f.devices.is_empty());
        assert_eq!(f.remove("x"), Err(RosterError::NoSuchDevice("x".into())));
        assert_eq!(split_address("ntp.lab"), Some(("ntp.lab".into(), 123)));
        assert_eq!(split_address("::1"), Some(("::1".into(), 123)));
        assert_eq!(split_address("[::1]:1123"), Some(("::1".into(), 1123)));
    }
}
