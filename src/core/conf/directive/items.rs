//! The directives Stratum edits, typed: sources, `local`, rate limits,
//! bind addresses.

use std::net::IpAddr;

use crate::core::conf::scan::Words;

use super::error::ParseError;
use super::options::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Server,
    Pool,
    Peer,
}

impl SourceKind {
    pub fn keyword(self) -> &'static str {
        match self {
            SourceKind::Server => "server",
            SourceKind::Pool => "pool",
            SourceKind::Peer => "peer",
        }
    }
}

/// A `server`, `pool` or `peer` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub kind: SourceKind,
    pub host: String,
    pub options: Vec<Opt>,
}

impl Source {
    /// Parses `HOST [OPTION]...` as given after the keyword.
    pub fn parse(kind: SourceKind, args: &str) -> Result<Source, ParseError> {
        let mut words = Words::new(args);
        let host = words.next_word().ok_or(ParseError::MissingArguments {
            expected: 1,
            found: 0,
        })?;
        let options = parse_options(SOURCE_OPTIONS, &mut words)?;
        for o in &options {
            if o.name() == "key" && o.value == OptValue::Unsigned(0) {
                return Err(ParseError::BadOptionValue("key".into()));
            }
        }
        Ok(Source {
            kind,
            host: host.to_string(),
            options,
        })
    }

    pub fn option(&self, name: &str) -> Option<&OptValue> {
        self.options
            .iter()
            .rev()
            .find(|o| o.name() == name)
            .map(|o| &o.value)
    }

    pub fn has(&self, name: &str) -> bool {
        self.option(name).is_some()
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.option(name).and_then(OptValue::as_i64)
    }

    /// Sets (or with `None` removes) an option, keeping the others in place.
    pub fn set_option(&mut self, name: &str, value: Option<OptValue>) {
        let spec = find_spec(SOURCE_OPTIONS, name).expect("known source option");
        self.options.retain(|o| o.name() != spec.name);
        if let Some(value) = value {
            self.options.push(Opt { spec, value });
        }
    }

    pub fn render(&self) -> String {
        let mut out = format!("{} {}", self.kind.keyword(), self.host);
        render_options(&mut out, &self.options);
        out
    }
}

/// The `local` directive.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Local {
    pub options: Vec<Opt>,
}

impl Local {
    pub fn parse(args: &str) -> Result<Local, ParseError> {
        let options = parse_options(LOCAL_OPTIONS, &mut Words::new(args))?;
        for o in &options {
            if let ("stratum", OptValue::Int(s)) = (o.name(), &o.value)
                && !(1..=15).contains(s)
            {
                return Err(ParseError::LocalStratum(*s));
            }
        }
        Ok(Local { options })
    }

    /// A `local stratum N [orphan] [distance D]` directive.
    pub fn new(stratum: u8, orphan: bool, distance: Option<f64>) -> Local {
        let mut options = vec![Opt {
            spec: &LOCAL_OPTIONS[0],
            value: OptValue::Int(i64::from(stratum)),
        }];
        if orphan {
            options.push(Opt {
                spec: &LOCAL_OPTIONS[1],
                value: OptValue::Flag,
            });
        }
        if let Some(d) = distance {
            options.push(Opt {
                spec: &LOCAL_OPTIONS[2],
                value: OptValue::Float(d),
            });
        }
        Local { options }
    }

    fn option(&self, name: &str) -> Option<&OptValue> {
        self.options
            .iter()
            .rev()
            .find(|o| o.name() == name)
            .map(|o| &o.value)
    }

    /// The stratum chronyd serves, 10 when not given.
    pub fn stratum(&self) -> i64 {
        self.option("stratum")
            .and_then(OptValue::as_i64)
            .unwrap_or(10)
    }

    pub fn orphan(&self) -> bool {
        self.option("orphan").is_some()
    }

    /// This directive with some options changed and every other kept:
    /// `--local-stratum 10` on `local stratum 5 orphan distance 0.1` keeps
    /// `orphan` and `distance`.
    pub fn updated(
        &self,
        stratum: Option<u8>,
        orphan: Option<bool>,
        distance: Option<f64>,
    ) -> Local {
        let mut out = self.clone();
        let mut set = |spec: &'static OptSpec, value: Option<OptValue>| match out
            .options
            .iter_mut()
            .find(|o| o.name() == spec.name)
        {
            Some(o) => match value {
                Some(v) => o.value = v,
                None => out.options.retain(|o| o.name() != spec.name),
            },
            None => {
                if let Some(v) = value {
                    out.options.push(Opt { spec, value: v });
                }
            }
        };
        if let Some(n) = stratum {
            set(&LOCAL_OPTIONS[0], Some(OptValue::Int(i64::from(n))));
        }
        if let Some(o) = orphan {
            set(&LOCAL_OPTIONS[1], o.then_some(OptValue::Flag));
        }
        if let Some(d) = distance {
            set(&LOCAL_OPTIONS[2], Some(OptValue::Float(d)));
        }
        out
    }

    /// A numeric option's value (`activate`, `waitsynced`, `waitunsynced`).
    pub fn float_option(&self, name: &str) -> Option<f64> {
        self.option(name).and_then(OptValue::as_f64)
    }

    /// The distance threshold, 1 second when not given.
    pub fn distance(&self) -> f64 {
        self.option("distance")
            .and_then(OptValue::as_f64)
            .unwrap_or(1.0)
    }

    pub fn render(&self) -> String {
        let mut out = String::from("local");
        render_options(&mut out, &self.options);
        out
    }
}

/// Which service a rate limit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateLimitKind {
    Ntp,
    Nts,
    Cmd,
}

impl RateLimitKind {
    pub fn keyword(self) -> &'static str {
        match self {
            RateLimitKind::Ntp => "ratelimit",
            RateLimitKind::Nts => "ntsratelimit",
            RateLimitKind::Cmd => "cmdratelimit",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RateLimit {
    pub kind: RateLimitKind,
    pub options: Vec<Opt>,
}

impl RateLimit {
    pub(super) fn parse(kind: RateLimitKind, args: &str) -> Result<RateLimit, ParseError> {
        let mut words = Words::new(args);
        let mut options = Vec::new();
        while let Some(name) = words.next_word() {
            // chrony reads the number before it looks at the option name.
            let value = words
                .int()
                .ok_or_else(|| ParseError::BadOptionValue(name.into()))?;
            let spec = find_spec(RATELIMIT_OPTIONS, name)
                .filter(|s| s.name != "kod" || kind == RateLimitKind::Ntp)
                .ok_or_else(|| ParseError::UnknownOption(name.into()))?;
            options.push(Opt {
                spec,
                value: OptValue::Int(i64::from(value as i32)),
            });
        }
        Ok(RateLimit { kind, options })
    }

    pub fn get(&self, name: &str) -> Option<i64> {
        self.options
            .iter()
            .rev()
            .find(|o| o.name() == name)
            .and_then(|o| o.value.as_i64())
    }

    pub fn render(&self) -> String {
        let mut out = String::from(self.kind.keyword());
        render_options(&mut out, &self.options);
        out
    }
}

/// Where `bindaddress`, `bindacqaddress` or `bindcmdaddress` bind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindTarget {
    Ip(IpAddr),
    /// `bindcmdaddress /path` (Unix socket); `/` disables the socket.
    Path(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindKind {
    Ntp,
    Acquisition,
    Command,
}
