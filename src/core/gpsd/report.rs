//! gpsd's JSON reports (gpsd_json(5)) folded into receivers: fix,
//! satellites, PPS and the SHM units gpsd names.

use serde::Serialize;
use serde_json::Value;

/// gpsd's TCP port (gpsd(8)).
pub const DEFAULT_PORT: u16 = 2947;

/// The longest line read from gpsd (its own limit is 10 KiB for a SKY).
pub const MAX_LINE: usize = 64 * 1024;

/// The most receivers kept.
pub const MAX_DEVICES: usize = 16;

/// The request that starts gpsd's JSON reports. gpsd_json(5) WATCH
/// `pps`: "If true, emit the TOFF JSON message on each cycle and a PPS
/// JSON message when the device issues 1PPS. Default is false." — without
/// it no PPS is ever reported.
pub const WATCH: &str = "?WATCH={\"enable\":true,\"json\":true,\"pps\":true};\n";

/// The highest SHM unit taken from gpsd's reports (it has 8; chronyd's SHM
/// driver takes any unit, so a larger number is a hostile one).
const MAX_UNIT: i64 = 255;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GpsdDevice {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// NMEA mode of its last TPV: 0/1 no fix, 2 two-dimensional, 3 3D.
    pub fix_mode: u8,
    /// The UTC time of its last TPV, as gpsd gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satellites_used: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satellites_seen: Option<u32>,
    /// gpsd reported a PPS pulse for it.
    pub pps: bool,
    /// The SHM unit of its time as gpsd 3.24+ names it in TOFF (`"shm":
    /// "NTP2"`; `NTP-1`, none, is -1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shm_time: Option<i64>,
    /// The SHM unit of its PPS as gpsd 3.24+ names it in PPS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shm_pps: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GpsdReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    pub devices: Vec<GpsdDevice>,
    /// Lines that were not gpsd JSON.
    pub ignored: u32,
}

/// gpsd's `"shm":"NTP<unit>"`, -1 for none.
fn shm_unit(v: &Value) -> Option<i64> {
    let n: i64 = v.get("shm")?.as_str()?.strip_prefix("NTP")?.parse().ok()?;
    (-1..=MAX_UNIT).contains(&n).then_some(n)
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(|s| s.chars().take(256).collect())
}

impl GpsdReport {
    fn device(&mut self, path: &str) -> Option<&mut GpsdDevice> {
        if let Some(i) = self.devices.iter().position(|d| d.path == path) {
            return self.devices.get_mut(i);
        }
        if self.devices.len() >= MAX_DEVICES || path.is_empty() {
            return None;
        }
        self.devices.push(GpsdDevice {
            path: path.chars().take(256).collect(),
            ..Default::default()
        });
        self.devices.last_mut()
    }

    /// Folds one line of gpsd's output into the report.
    pub fn feed(&mut self, line: &str) {
        if line.len() > MAX_LINE {
            self.ignored = self.ignored.saturating_add(1);
            return;
        }
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            self.ignored = self.ignored.saturating_add(1);
            return;
        };
        let path = text(&v, "device").unwrap_or_default();
        match v.get("class").and_then(Value::as_str) {
            Some("VERSION") => self.release = text(&v, "release"),
            Some("DEVICES") => {
                let list = v.get("devices").and_then(Value::as_array);
                for d in list.into_iter().flatten().take(MAX_DEVICES) {
                    self.device_line(d);
                }
            }
            Some("DEVICE") => self.device_line(&v),
            Some("TPV") => {
                if let Some(d) = self.device(&path) {
                    d.fix_mode = v.get("mode").and_then(Value::as_u64).unwrap_or(0).min(3) as u8;
                    if let Some(t) = text(&v, "time") {
                        d.time = Some(t);
                    }
                }
            }
            Some("SKY") => {
                let sats = v.get("satellites").and_then(Value::as_array);
                // gpsd 3.22 also sends SKY without the list (counts only).
                let (used, seen) = match sats {
                    Some(s) => {
                        let s = &s[..s.len().min(1024)];
                        let used = s
                            .iter()
                            .filter(|x| x.get("used").and_then(Value::as_bool) == Some(true))
                            .count() as u32;
                        (Some(used), Some(s.len() as u32))
                    }
                    None => (
                        v.get("uSat")
                            .and_then(Value::as_u64)
                            .map(|n| n.min(1024) as u32),
                        v.get("nSat")
                            .and_then(Value::as_u64)
                            .map(|n| n.min(1024) as u32),
                    ),
                };
                if let Some(d) = self.device(&path) {
                    if used.is_some() {
                        d.satellites_used = used;
                    }
                    if seen.is_some() {
                        d.satellites_seen = seen;
                    }
                }
            }
            Some("PPS") => {
                if let Some(d) = self.device(&path) {
                    d.pps = true;
                    d.shm_pps = shm_unit(&v).or(d.shm_pps);
                }
            }
            Some("TOFF") => {
                if let Some(d) = self.device(&path) {
                    d.shm_time = shm_unit(&v).or(d.shm_time);
                }
            }
            Some(_) => {}
            None => self.ignored = self.ignored.saturating_add(1),
        }
    }

    fn device_line(&mut self, d: &Value) {
        let Some(path) = text(d, "path") else {
            return;
        };
        let driver = text(d, "driver");
        if let Some(dev) = self.device(&path)
            && driver.is_some()
        {
            dev.driver = driver;
        }
    }
}
