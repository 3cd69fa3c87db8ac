//! Names of things watched over time: a watched chronyd (`HOST:PORT`) and a
//! history series (`system.offset`, `source.<address>.offset`,
//! `host.<HOST:PORT>.frequency`). Both travel as text; in code they are
//! types, and text that is not one of them is refused when read.

use std::fmt;
use std::str::FromStr;

/// chronyd's command port (`cmdport`), where a watched host answers.
pub const CMDMON_PORT: u16 = 323;

/// A chronyd watched over its command port (`stratum-helper --watch`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WatchTarget {
    /// A host name or an IP address (IPv6 without brackets).
    pub host: String,
    pub port: u16,
}

impl WatchTarget {
    /// `HOST[:PORT]` (`[v6]:PORT` or a bare IPv6 address), chronyd's
    /// command port when none is given.
    pub fn parse(spec: &str) -> Option<WatchTarget> {
        let spec = spec.trim();
        if spec.is_empty() || spec.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return None;
        }
        let (host, port) = if let Some(rest) = spec.strip_prefix('[') {
            let (h, p) = rest.split_once(']')?;
            let port = match p.strip_prefix(':') {
                Some(p) => p.parse().ok()?,
                None if p.is_empty() => CMDMON_PORT,
                None => return None,
            };
            (h.to_string(), port)
        } else if spec.matches(':').count() > 1 {
            (spec.to_string(), CMDMON_PORT)
        } else {
            match spec.split_once(':') {
                Some((h, p)) => (h.to_string(), p.parse().ok()?),
                None => (spec.to_string(), CMDMON_PORT),
            }
        };
        crate::core::conf::edit::is_valid_host(&host).then_some(WatchTarget { host, port })
    }
}

/// `HOST:PORT`, `[v6]:PORT` for an IPv6 address.
impl fmt::Display for WatchTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl FromStr for WatchTarget {
    type Err = NotAName;
    fn from_str(s: &str) -> Result<Self, NotAName> {
        WatchTarget::parse(s).ok_or(NotAName)
    }
}

crate::id_enum! {
    /// What a series records (seconds, or ppm for frequency and skew).
    pub enum Field {
        Offset = "offset",
        Correction = "correction",
        RmsOffset = "rms_offset",
        Frequency = "frequency",
        ResidualFreq = "residual_freq",
        Skew = "skew",
        RootDelay = "root_delay",
        RootDispersion = "root_dispersion",
        Error = "error",
        StdDev = "std_dev",
        Delay = "delay",
        /// NTP requests received per second (server load).
        NtpRate = "ntp_rate",
        /// Clients in chronyd's client log.
        Clients = "clients",
        /// A sample's dispersion: the peer dispersion of a measurement, a
        /// reference clock sample's assumed one (chronyd's logs).
        Dispersion = "dispersion",
        // The other columns of chronyd's logs (`stratum stats`).
        /// This server's stratum (tracking) or the source's (measurements).
        Stratum = "stratum",
        /// Sources combined into the clock's update (tracking "Co").
        CombinedSources = "combined_sources",
        /// The maximum error of the clock (tracking "Max. error").
        MaxError = "max_error",
        /// The local and the server's polling interval, log2 seconds.
        Poll = "poll",
        RemotePoll = "remote_poll",
        /// The polling score (measurements "Score").
        Score = "score",
        /// The standard deviation of the offset estimate (statistics).
        OffsetSd = "offset_sd",
        /// |old - new rate| / old rate error (statistics "Stress").
        Stress = "stress",
        /// Samples in the regression (statistics "Ns").
        Samples = "samples",
        /// The new starting index (statistics "Bs").
        StartIndex = "start_index",
        /// Runs of residuals of one sign (statistics "Nr").
        Runs = "runs",
        /// The jitter asymmetry corrected for (statistics "Asym").
        Asymmetry = "asymmetry",
        /// A reference clock driver's own measurement (refclocks "Raw offset").
        RawOffset = "raw_offset",
    }
}

/// Whose value a series records.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// This server's clock (chronyc tracking).
    System,
    /// One of its sources, by address (or reference clock name) as chronyd
    /// names it.
    Source(String),
    /// A watched server.
    Host(WatchTarget),
}

/// One history series.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesId {
    pub scope: Scope,
    pub field: Field,
}

impl SeriesId {
    pub const fn system(field: Field) -> SeriesId {
        SeriesId {
            scope: Scope::System,
            field,
        }
    }

    pub fn source(name: impl Into<String>, field: Field) -> SeriesId {
        SeriesId {
            scope: Scope::Source(name.into()),
            field,
        }
    }

    pub fn host(target: WatchTarget, field: Field) -> SeriesId {
        SeriesId {
            scope: Scope::Host(target),
            field,
        }
    }
}

impl fmt::Display for SeriesId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.scope {
            Scope::System => write!(f, "system.{}", self.field),
            Scope::Source(a) => write!(f, "source.{a}.{}", self.field),
            Scope::Host(t) => write!(f, "host.{t}.{}", self.field),
        }
    }
}

/// Text that names no watch target or series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a series or watch target name")]
pub struct NotAName;

impl FromStr for SeriesId {
    type Err = NotAName;
    fn from_str(s: &str) -> Result<Self, NotAName> {
        // The field is after the last dot (addresses and hosts have dots).
        let (scope, field) = s.rsplit_once('.').ok_or(NotAName)?;
        let field = Field::from_id(field).ok_or(NotAName)?;
        let scope = if scope == "system" {
            Scope::System
        } else if let Some(a) = scope.strip_prefix("source.") {
            if a.is_empty() || a.chars().any(|c| c.is_control() || c.is_whitespace()) {
                return Err(NotAName);
            }
            Scope::Source(a.to_string())
        } else if let Some(t) = scope.strip_prefix("host.") {
            Scope::Host(t.parse()?)
        } else {
            return Err(NotAName);
        };
        Ok(SeriesId { scope, field })
    }
}

/// Both travel as their text.
macro_rules! serde_as_text {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(|_| {
                    serde::de::Error::custom(format!(
                        "not a {}: “{}”",
                        stringify!($t),
                        s.escape_debug()
                    ))
                })
            }
        }
    };
}

serde_as_text!(WatchTarget);
serde_as_text!(SeriesId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_targets_read_as_written_with_the_command_port_by_default() {
        let t = |s: &str| WatchTarget::parse(s).map(|t| t.to_string());
        assert_eq!(t("ntp1.lab").as_deref(), Some("ntp1.lab:323"));
        assert_eq!(t("10.0.0.1:11323").as_deref(), Some("10.0.0.1:11323"));
        assert_eq!(t("[::1]:324").as_deref(), Some("[::1]:324"));
        assert_eq!(t("fe80::1").as_deref(), Some("[fe80::1]:323"));
        for bad in ["", "a b", "h:x", "[::1]x", "h\n:1", "h:70000"] {
            assert_eq!(t(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn series_names_round_trip_and_strangers_are_refused() {
        for s in [
            "system.offset",
            "source.203.0.113.15.frequency",
            "source.PPS0.offset",
            "host.10.0.0.1:323.offset",
            "host.[::1]:323.frequency",
        ] {
            let id: SeriesId = s.parse().unwrap();
            assert_eq!(id.to_string(), s);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(serde_json::from_str::<SeriesId>(&json).unwrap(), id);
        }
        assert_eq!(
            "source.10.0.0.1.offset".parse::<SeriesId>().unwrap(),
            SeriesId::source("10.0.0.1", Field::Offset)
        );
        for bad in [
            "system",
            "system.bogus",
            "disk.offset",
            "source..offset",
            "host.a b.offset",
        ] {
            assert!(bad.parse::<SeriesId>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<SeriesId>("\"nope\"").is_err());
    }
}
