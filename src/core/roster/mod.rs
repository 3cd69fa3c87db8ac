//! The lab roster: the devices an administrator expects to follow this
//! server (name, address, kind), kept in the lab's intent file next to
//! chrony.conf (`stratum.toml`), and the verdict on each: does it poll us
//! (chronyd's client log), does it follow us (its own NTP reply).
//!
//! `track` turns snapshots and NTP replies into verdicts; `report` is what
//! travels (IPC, JSON, metrics); `clients` reads a pasted `chronyc clients`
//! against the roster. All pure: the helper does the IO.

pub mod clients;
pub mod device;
pub mod metrics;
pub mod report;
pub mod track;

use serde::{Deserialize, Serialize};

pub use device::{
    Device, DeviceKind, MAX_DEVICES, MAX_NAME, NTP_PORT, RosterError, split_address, valid_name,
};
pub use report::{DeviceReport, Follows, Polls, RosterReport, Verdict};

/// The intent file's name, in chrony.conf's directory.
pub const INTENT_FILE: &str = "stratum.toml";

/// The largest intent file read.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

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
