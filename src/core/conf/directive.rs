//! Typed chrony.conf directives.
//!
//! [`Directive::parse`] follows chrony's `conf.c` and `cmdparse.c` (argument
//! counts, option names, `sscanf` number prefixes) with the most permissive
//! grammar of the 4.x series; what a given chronyd version does not know is
//! reported by lint through the `since` fields of the tables below.

use std::fmt::Write as _;
use std::net::IpAddr;

use super::access::{Access, AccessScope};
use super::scan::Words;
use super::version::ChronyVersion as V;

/// Why chronyd would refuse a directive line while reading the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// "Invalid directive"
    UnknownDirective,
    /// "Missing arguments for X directive"
    MissingArguments { expected: usize, found: usize },
    /// "Too many arguments for X directive"
    TooManyArguments { expected: usize, found: usize },
    /// An option chrony does not know ("Could not parse X directive").
    UnknownOption(String),
    /// An option whose value is missing or not a number.
    BadOptionValue(String),
    /// The arguments cannot be read ("Could not parse X directive").
    Invalid,
    /// An address that is not an IP address.
    BadAddress(String),
    /// "Invalid log parameter"
    BadLogParameter(String),
    /// "Invalid refclock option"
    BadRefclockOption(String),
    /// `local stratum N` outside 1..=15.
    LocalStratum(i64),
}

impl ParseError {
    /// The lint rule id reported for this error.
    pub fn rule(&self) -> &'static str {
        match self {
            ParseError::UnknownDirective => "unknown-directive",
            ParseError::MissingArguments { .. } => "missing-arguments",
            ParseError::TooManyArguments { .. } => "too-many-arguments",
            ParseError::UnknownOption(_) => "unknown-option",
            ParseError::BadOptionValue(_) => "bad-option-value",
            ParseError::Invalid => "invalid-arguments",
            ParseError::BadAddress(_) => "bad-address",
            ParseError::BadLogParameter(_) => "bad-log-parameter",
            ParseError::BadRefclockOption(_) => "unknown-option",
            ParseError::LocalStratum(_) => "local-stratum-range",
        }
    }
}

/// How an option's or directive's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Flag,
    /// `%d`
    Int,
    /// `%lf`
    Float,
    /// `%lu` (clientloglimit)
    Unsigned,
    /// `%"SCNu32`: larger values wrap to 32 bits.
    U32,
    /// `%x`
    Hex,
    /// `%4s`: up to four characters of the next word.
    Word4,
    /// one word (hwtimestamp rxfilter)
    Word,
}

/// One option of a source, `local`, `ratelimit`, `refclock` or `hwtimestamp`
/// line: its name, how its value is read, the first chrony version that knows
/// it and the range chrony enforces from 4.7 on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptSpec {
    pub name: &'static str,
    pub kind: ValueKind,
    pub since: V,
    pub range: Option<(i64, i64)>,
}

const fn opt(name: &'static str, kind: ValueKind) -> OptSpec {
    OptSpec {
        name,
        kind,
        since: V::BASE,
        range: None,
    }
}

const fn opt_r(name: &'static str, kind: ValueKind, lo: i64, hi: i64) -> OptSpec {
    OptSpec {
        name,
        kind,
        since: V::BASE,
        range: Some((lo, hi)),
    }
}

const fn since(mut spec: OptSpec, major: u16, minor: u16) -> OptSpec {
    spec.since = V::new(major, minor);
    spec
}

const INT_MAX: i64 = i32::MAX as i64;

use ValueKind::*;

/// Options of `server`, `pool` and `peer` lines.
pub const SOURCE_OPTIONS: &[OptSpec] = &[
    opt("auto_offline", Flag),
    opt("burst", Flag),
    since(opt("copy", Flag), 4, 1),
    opt("iburst", Flag),
    opt("offline", Flag),
    since(opt("certset", U32), 4, 1),
    opt("key", U32),
    opt("asymmetry", Float),
    since(opt("extfield", Hex), 4, 2),
    opt_r("filter", Int, 0, INT_MAX),
    since(opt("ipv4", Flag), 4, 6),
    since(opt("ipv6", Flag), 4, 6),
    opt("maxdelay", Float),
    opt("maxdelayratio", Float),
    opt("maxdelaydevratio", Float),
    since(opt("maxdelayquant", Float), 4, 3),
    opt_r("maxpoll", Int, -32, 32),
    opt_r("maxsamples", Int, 0, INT_MAX),
    opt_r("maxsources", Int, 1, INT_MAX),
    since(opt_r("maxunreach", Int, 0, INT_MAX), 4, 8),
    since(opt_r("maxntsretry", Int, -32, 32), 4, 9),
    opt("mindelay", Float),
    opt("minpoll", Int),
    opt_r("minsamples", Int, 0, INT_MAX),
    opt_r("minstratum", Int, 0, 16),
    opt("nts", Flag),
    opt_r("ntsport", Int, 0, 65535),
    opt("offset", Float),
    opt_r("port", Int, 0, 65535),
    opt_r("polltarget", Int, 1, INT_MAX),
    opt_r("presend", Int, -32, 32),
    opt_r("version", Int, 1, 4),
    opt("xleave", Flag),
    opt("noselect", Flag),
    opt("prefer", Flag),
    opt("require", Flag),
    opt("trust", Flag),
];

/// Options of the `local` directive.
pub const LOCAL_OPTIONS: &[OptSpec] = &[
    opt_r("stratum", Int, 1, 15),
    opt("orphan", Flag),
    opt("distance", Float),
    since(opt("activate", Float), 4, 6),
    since(opt("waitsynced", Float), 4, 7),
    since(opt("waitunsynced", Float), 4, 7),
];

/// Options of `ratelimit`, `ntsratelimit` and `cmdratelimit`.
pub const RATELIMIT_OPTIONS: &[OptSpec] = &[
    opt_r("interval", Int, -32, 32),
    opt_r("burst", Int, -32, 32),
    opt_r("leak", Int, -32, 32),
    since(opt_r("kod", Int, -32, 32), 4, 6),
];

/// Options of `refclock` after the driver and its parameter.
pub const REFCLOCK_OPTIONS: &[OptSpec] = &[
    opt("refid", Word4),
    opt("lock", Word4),
    opt_r("poll", Int, -32, 32),
    opt_r("dpoll", Int, -32, 32),
    opt_r("filter", Int, 0, INT_MAX),
    opt("local", Flag),
    opt_r("rate", Int, 1, INT_MAX),
    opt_r("minsamples", Int, 0, INT_MAX),
    opt_r("maxlockage", Int, 0, INT_MAX),
    opt_r("maxsamples", Int, 0, INT_MAX),
    since(opt_r("maxunreach", Int, 0, INT_MAX), 4, 8),
    opt("offset", Float),
    opt("delay", Float),
    opt("pps", Flag),
    opt("precision", Float),
    opt("maxdispersion", Float),
    opt_r("stratum", Int, 0, 15),
    opt("tai", Flag),
    opt("width", Float),
    opt("noselect", Flag),
    opt("prefer", Flag),
    opt("trust", Flag),
    opt("require", Flag),
    since(opt("optional", Flag), 4, 9),
];

/// Options of `hwtimestamp` after the interface.
pub const HWTIMESTAMP_OPTIONS: &[OptSpec] = &[
    opt_r("maxsamples", Int, 0, INT_MAX),
    opt_r("minpoll", Int, -32, 32),
    since(opt_r("maxpoll", Int, -32, 32), 4, 7),
    opt_r("minsamples", Int, 0, INT_MAX),
    opt("precision", Float),
    opt("rxcomp", Float),
    opt("txcomp", Float),
    opt("rxfilter", Word),
    opt("nocrossts", Flag),
];

/// A parsed option value.
#[derive(Debug, Clone, PartialEq)]
pub enum OptValue {
    Flag,
    Int(i64),
    Float(f64),
    Unsigned(u64),
    Word(String),
}

impl OptValue {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            OptValue::Int(v) => Some(*v),
            OptValue::Unsigned(v) => i64::try_from(*v).ok(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            OptValue::Float(v) => Some(*v),
            OptValue::Int(v) => Some(*v as f64),
            OptValue::Unsigned(v) => Some(*v as f64),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    pub spec: &'static OptSpec,
    pub value: OptValue,
}

impl Opt {
    pub fn name(&self) -> &'static str {
        self.spec.name
    }

    fn render(&self, out: &mut String) {
        out.push_str(self.spec.name);
        match &self.value {
            OptValue::Flag => {}
            OptValue::Int(v) => write!(out, " {v}").unwrap(),
            OptValue::Float(v) => write!(out, " {v}").unwrap(),
            OptValue::Unsigned(v) if self.spec.kind == Hex => write!(out, " {v:X}").unwrap(),
            OptValue::Unsigned(v) => write!(out, " {v}").unwrap(),
            OptValue::Word(w) => write!(out, " {w}").unwrap(),
        }
    }
}

fn find_spec(table: &'static [OptSpec], name: &str) -> Option<&'static OptSpec> {
    table.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Reads the value of option `spec` from `words`, the way chrony's
/// `sscanf(line, fmt "%n")` does.
fn read_value(spec: &OptSpec, words: &mut Words<'_>) -> Option<OptValue> {
    Some(match spec.kind {
        Flag => OptValue::Flag,
        // chrony stores %d in an int: larger values wrap.
        Int => OptValue::Int(i64::from(words.int()? as i32)),
        Float => OptValue::Float(words.float()?),
        Unsigned => OptValue::Unsigned(words.unsigned()?),
        U32 => OptValue::Unsigned(u64::from(words.unsigned()? as u32)),
        Hex => OptValue::Unsigned(u64::from(words.hex()? as u32)),
        Word4 => {
            let w = words.next_word()?;
            let cut = w.char_indices().nth(4).map_or(w.len(), |(i, _)| i);
            if cut < w.len() {
                // %4s leaves the rest of the word to be read as the next one.
                *words = Words::new(&w[cut..]);
            }
            OptValue::Word(w[..cut].to_string())
        }
        Word => OptValue::Word(words.next_word()?.to_string()),
    })
}

/// Parses `NAME [VALUE]` options until the words run out.
fn parse_options(table: &'static [OptSpec], words: &mut Words<'_>) -> Result<Vec<Opt>, ParseError> {
    let mut opts = Vec::new();
    while let Some(name) = words.next_word() {
        let spec = find_spec(table, name).ok_or_else(|| ParseError::UnknownOption(name.into()))?;
        let value =
            read_value(spec, words).ok_or_else(|| ParseError::BadOptionValue(name.into()))?;
        opts.push(Opt { spec, value });
    }
    Ok(opts)
}

fn render_options(out: &mut String, opts: &[Opt]) {
    for o in opts {
        out.push(' ');
        o.render(out);
    }
}

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
    fn parse(kind: RateLimitKind, args: &str) -> Result<RateLimit, ParseError> {
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

/// Directives taking exactly one value of a simple kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimpleSpec {
    pub name: &'static str,
    pub kind: ValueKind,
    pub since: V,
    /// Range chronyd enforces from 4.7 on.
    pub range: Option<(i64, i64)>,
}

const fn simple(name: &'static str, kind: ValueKind) -> SimpleSpec {
    SimpleSpec {
        name,
        kind,
        since: V::BASE,
        range: None,
    }
}

const fn simple_r(name: &'static str, kind: ValueKind, lo: i64, hi: i64) -> SimpleSpec {
    SimpleSpec {
        name,
        kind,
        since: V::BASE,
        range: Some((lo, hi)),
    }
}

const fn simple_since(mut s: SimpleSpec, major: u16, minor: u16) -> SimpleSpec {
    s.since = V::new(major, minor);
    s
}

/// `Flag` here means "no arguments", `Word` "one word (a path or a name)".
pub const SIMPLE_DIRECTIVES: &[SimpleSpec] = &[
    simple_r("acquisitionport", Int, 0, 65535),
    simple("bindacqdevice", Word),
    simple("bindcmddevice", Word),
    simple("binddevice", Word),
    simple("clientloglimit", Unsigned),
    simple("clockprecision", Float),
    simple_r("cmdport", Int, 0, 65535),
    simple("combinelimit", Float),
    simple("corrtimeratio", Float),
    simple("driftfile", Word),
    simple_r("dscp", Int, 0, 63),
    simple("dumpdir", Word),
    simple("hwclockfile", Word),
    simple_since(simple("hwtstimeout", Float), 4, 4),
    simple("include", Word),
    simple("keyfile", Word),
    simple_since(simple("leapseclist", Word), 4, 6),
    simple("leapsectz", Word),
    simple("lock_all", Flag),
    simple_r("logbanner", Int, 0, INT_MAX),
    simple("logchange", Float),
    simple("logdir", Word),
    simple("manual", Flag),
    simple("maxclockerror", Float),
    simple("maxdistance", Float),
    simple("maxdrift", Float),
    simple("maxjitter", Float),
    simple_r("maxntsconnections", Int, 1, INT_MAX),
    simple_r("maxsamples", Int, 0, INT_MAX),
    simple("maxslewrate", Float),
    simple_since(simple_r("maxstratum", Int, 0, INT_MAX), 4, 9),
    simple_since(simple_r("maxtxbuffers", Int, 0, 1_048_576), 4, 9),
    simple("maxupdateskew", Float),
    simple_r("minsamples", Int, 0, INT_MAX),
    simple_r("minsources", Int, 1, INT_MAX),
    simple_since(simple_r("minstratum", Int, 0, INT_MAX), 4, 9),
    simple_r("nocerttimecheck", Int, 0, INT_MAX),
    simple("noclientlog", Flag),
    simple("nosystemcert", Flag),
    simple("ntpsigndsocket", Word),
    simple("ntscachedir", Word),
    simple("ntsdumpdir", Word),
    simple("ntsntpserver", Word),
    simple_r("ntsport", Int, 0, 65535),
    simple_r("ntsprocesses", Int, 0, 1000),
    simple_r("ntsrefresh", Int, 0, INT_MAX),
    simple_r("ntsrotate", Int, 0, INT_MAX),
    simple("ntsservercert", Word),
    simple("ntsserverkey", Word),
    simple("pidfile", Word),
    simple_r("port", Int, 0, 65535),
    simple_since(simple_r("ptpdomain", Int, 0, 255), 4, 6),
    simple_since(simple_r("ptpport", Int, 0, 65535), 4, 1),
    simple_since(simple_r("refresh", Int, 0, INT_MAX), 4, 4),
    simple("reselectdist", Float),
    simple("rtcautotrim", Float),
    simple("rtcdevice", Word),
    simple("rtcfile", Word),
    simple("rtconutc", Flag),
    simple("rtcsync", Flag),
    simple_r("sched_priority", Int, 0, 100),
    simple("stratumweight", Float),
    simple("user", Word),
];

/// Directives with their own grammar, checked but kept as words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OtherSpec {
    pub name: &'static str,
    pub since: V,
}

const fn other(name: &'static str) -> OtherSpec {
    OtherSpec {
        name,
        since: V::BASE,
    }
}

pub const OTHER_DIRECTIVES: &[OtherSpec] = &[
    other("authselectmode"),
    other("bindacqaddress"),
    other("broadcast"),
    other("dumponexit"),
    other("fallbackdrift"),
    other("hwtimestamp"),
    other("initstepslew"),
    other("leapsecmode"),
    other("mailonchange"),
    other("maxchange"),
    OtherSpec {
        name: "ntsaeads",
        since: V::new(4, 7),
    },
    other("ntstrustedcerts"),
    OtherSpec {
        name: "opencommands",
        since: V::new(4, 7),
    },
    other("refclock"),
    other("smoothtime"),
    other("tempcomp"),
];

/// Directives chronyd accepts with a warning and otherwise ignores.
pub const DEPRECATED_DIRECTIVES: &[&str] = &[
    "commandkey",
    "generatecommandkey",
    "linux_freq_scale",
    "linux_hz",
];

/// A directive chrony would accept, typed where Stratum edits or reasons
/// about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Directive {
    Source(Source),
    Access(Access),
    Local(Local),
    RateLimit(RateLimit),
    /// `log` with its log names.
    Log(Vec<String>),
    Makestep {
        threshold: f64,
        limit: i64,
    },
    Bind {
        kind: BindKind,
        target: BindTarget,
    },
    /// `confdir` / `sourcedir` with their directories.
    Dirs {
        name: &'static str,
        dirs: Vec<String>,
    },
    /// One of [`SIMPLE_DIRECTIVES`].
    Simple {
        spec: &'static SimpleSpec,
        value: OptValue,
    },
    /// One of [`OTHER_DIRECTIVES`], validated, kept as its words.
    Other {
        spec: &'static OtherSpec,
        args: Vec<String>,
    },
    /// Accepted by chronyd with a "no longer supported" warning.
    Deprecated(&'static str),
}

pub const LOG_NAMES: &[&str] = &[
    "rawmeasurements",
    "measurements",
    "selection",
    "statistics",
    "tracking",
    "rtc",
    "refclocks",
    "tempcomp",
];

fn check_count(args: &str, expected: usize) -> Result<(), ParseError> {
    let found = Words::new(args).count();
    match found.cmp(&expected) {
        std::cmp::Ordering::Less => Err(ParseError::MissingArguments { expected, found }),
        std::cmp::Ordering::Greater => Err(ParseError::TooManyArguments { expected, found }),
        std::cmp::Ordering::Equal => Ok(()),
    }
}

fn parse_ip(s: &str) -> Option<IpAddr> {
    // inet_pton: no zone ids, no shortened IPv4 forms; Rust's parser agrees.
    s.parse().ok()
}

impl Directive {
    /// Parses one directive from its name (any case) and its argument text.
    pub fn parse(name: &str, args: &str) -> Result<Directive, ParseError> {
        let lower = name.to_ascii_lowercase();
        let name = lower.as_str();
        if let Some(kind) = match name {
            "server" => Some(SourceKind::Server),
            "pool" => Some(SourceKind::Pool),
            "peer" => Some(SourceKind::Peer),
            _ => None,
        } {
            return Source::parse(kind, args).map(Directive::Source);
        }
        if let Some((scope, allow)) = match name {
            "allow" => Some((AccessScope::Ntp, true)),
            "deny" => Some((AccessScope::Ntp, false)),
            "cmdallow" => Some((AccessScope::Cmd, true)),
            "cmddeny" => Some((AccessScope::Cmd, false)),
            _ => None,
        } {
            return Access::parse(scope, allow, args).map(Directive::Access);
        }
        if let Some(kind) = match name {
            "ratelimit" => Some(RateLimitKind::Ntp),
            "ntsratelimit" => Some(RateLimitKind::Nts),
            "cmdratelimit" => Some(RateLimitKind::Cmd),
            _ => None,
        } {
            return RateLimit::parse(kind, args).map(Directive::RateLimit);
        }
        match name {
            "local" => return Local::parse(args).map(Directive::Local),
            "log" => {
                let names: Vec<String> = Words::new(args)
                    .collect_words()
                    .into_iter()
                    .map(String::from)
                    .collect();
                if let Some(bad) = names.iter().find(|n| !LOG_NAMES.contains(&n.as_str())) {
                    return Err(ParseError::BadLogParameter(bad.clone()));
                }
                return Ok(Directive::Log(names));
            }
            "makestep" => {
                check_count(args, 2)?;
                let mut w = Words::new(args);
                let threshold = w.float().ok_or(ParseError::Invalid)?;
                let limit = w.int().ok_or(ParseError::Invalid)?;
                return Ok(Directive::Makestep {
                    threshold,
                    limit: i64::from(limit as i32),
                });
            }
            "bindaddress" | "bindacqaddress" | "bindcmdaddress" => {
                check_count(args, 1)?;
                let kind = match name {
                    "bindaddress" => BindKind::Ntp,
                    "bindacqaddress" => BindKind::Acquisition,
                    _ => BindKind::Command,
                };
                let target = if kind == BindKind::Command && args.starts_with('/') {
                    BindTarget::Path(args.to_string())
                } else {
                    BindTarget::Ip(
                        parse_ip(args).ok_or_else(|| ParseError::BadAddress(args.into()))?,
                    )
                };
                return Ok(Directive::Bind { kind, target });
            }
            "confdir" | "sourcedir" => {
                let dirs: Vec<String> = Words::new(args)
                    .collect_words()
                    .into_iter()
                    .map(String::from)
                    .collect();
                // chrony's search_dirs() takes 1 to 10 directories.
                if name == "confdir" && !(1..=10).contains(&dirs.len()) {
                    return Err(ParseError::Invalid);
                }
                let name = if name == "confdir" {
                    "confdir"
                } else {
                    "sourcedir"
                };
                return Ok(Directive::Dirs { name, dirs });
            }
            _ => {}
        }
        if let Some(spec) = SIMPLE_DIRECTIVES.iter().find(|s| s.name == name) {
            let expected = usize::from(spec.kind != Flag);
            check_count(args, expected)?;
            let mut w = Words::new(args);
            let value = match spec.kind {
                Flag => OptValue::Flag,
                Word | Word4 => OptValue::Word(args.to_string()),
                _ => read_value(
                    &OptSpec {
                        name: spec.name,
                        kind: spec.kind,
                        since: spec.since,
                        range: None,
                    },
                    &mut w,
                )
                .ok_or(ParseError::Invalid)?,
            };
            return Ok(Directive::Simple { spec, value });
        }
        if let Some(spec) = OTHER_DIRECTIVES.iter().find(|s| s.name == name) {
            check_other(name, args)?;
            let args = Words::new(args)
                .collect_words()
                .into_iter()
                .map(String::from)
                .collect();
            return Ok(Directive::Other { spec, args });
        }
        if let Some(d) = DEPRECATED_DIRECTIVES.iter().find(|d| **d == name) {
            return Ok(Directive::Deprecated(d));
        }
        Err(ParseError::UnknownDirective)
    }

    /// The directive's canonical (lower-case) name.
    pub fn name(&self) -> &'static str {
        match self {
            Directive::Source(s) => s.kind.keyword(),
            Directive::Access(a) => a.keyword(),
            Directive::Local(_) => "local",
            Directive::RateLimit(r) => r.kind.keyword(),
            Directive::Log(_) => "log",
            Directive::Makestep { .. } => "makestep",
            Directive::Bind { kind, .. } => match kind {
                BindKind::Ntp => "bindaddress",
                BindKind::Acquisition => "bindacqaddress",
                BindKind::Command => "bindcmdaddress",
            },
            Directive::Dirs { name, .. } => name,
            Directive::Simple { spec, .. } => spec.name,
            Directive::Other { spec, .. } => spec.name,
            Directive::Deprecated(name) => name,
        }
    }

    /// The first chrony version that accepts this directive.
    pub fn since(&self) -> V {
        match self {
            Directive::Simple { spec, .. } => spec.since,
            Directive::Other { spec, .. } => spec.since,
            _ => V::BASE,
        }
    }

    /// The line text chrony would read for this directive.
    pub fn render(&self) -> String {
        match self {
            Directive::Source(s) => s.render(),
            Directive::Access(a) => a.render(),
            Directive::Local(l) => l.render(),
            Directive::RateLimit(r) => r.render(),
            Directive::Log(names) => format!("log {}", names.join(" ")),
            Directive::Makestep { threshold, limit } => format!("makestep {threshold} {limit}"),
            Directive::Bind { target, .. } => match target {
                BindTarget::Ip(ip) => format!("{} {ip}", self.name()),
                BindTarget::Path(p) => format!("{} {p}", self.name()),
            },
            Directive::Dirs { name, dirs } => format!("{name} {}", dirs.join(" ")),
            Directive::Simple { spec, value } => match value {
                OptValue::Flag => spec.name.to_string(),
                OptValue::Int(v) => format!("{} {v}", spec.name),
                OptValue::Float(v) => format!("{} {v}", spec.name),
                OptValue::Unsigned(v) => format!("{} {v}", spec.name),
                OptValue::Word(w) => format!("{} {w}", spec.name),
            },
            Directive::Other { spec, args } if args.is_empty() => spec.name.to_string(),
            Directive::Other { spec, args } => format!("{} {}", spec.name, args.join(" ")),
            Directive::Deprecated(name) => name.to_string(),
        }
    }
}

/// Argument checks of the directives kept as words, after chrony's parsers.
fn check_other(name: &str, args: &str) -> Result<(), ParseError> {
    let mut w = Words::new(args);
    let count = w.count();
    let need = |ok: bool| if ok { Ok(()) } else { Err(ParseError::Invalid) };
    match name {
        "authselectmode" => need(matches_any(args, &["require", "prefer", "mix", "ignore"])),
        "leapsecmode" => need(matches_any(args, &["system", "slew", "step", "ignore"])),
        "broadcast" => {
            w.int().ok_or(ParseError::Invalid)?;
            let ip = w.next_word().ok_or(ParseError::Invalid)?;
            parse_ip(ip).ok_or_else(|| ParseError::BadAddress(ip.into()))?;
            if let Some(port) = w.next_word() {
                let mut p = Words::new(port);
                need(p.int().is_some() && w.is_empty())?;
            }
            Ok(())
        }
        "dumponexit" | "ntsaeads" | "opencommands" => Ok(()),
        "fallbackdrift" => {
            check_count(args, 2)?;
            need(w.int().is_some() && w.int().is_some())
        }
        "maxchange" => {
            check_count(args, 3)?;
            need(w.float().is_some() && w.int().is_some() && w.int().is_some())
        }
        "mailonchange" => {
            check_count(args, 2)?;
            w.next_word();
            need(w.float().is_some())
        }
        "initstepslew" => {
            w.next_word();
            need(Words::new(args).float().is_some())
        }
        "ntstrustedcerts" => {
            if count == 2 {
                need(w.unsigned().is_some())
            } else {
                check_count(args, 1)
            }
        }
        "smoothtime" => {
            if count != 3 {
                check_count(args, 2)?;
            }
            need(w.float().is_some() && w.float().is_some())?;
            let mut rest = Words::new(args);
            rest.next_word();
            rest.next_word();
            match rest.next_word() {
                None => Ok(()),
                Some(m) => need(m.eq_ignore_ascii_case("leaponly")),
            }
        }
        "tempcomp" => {
            let point_form = count == 3;
            if !point_form {
                check_count(args, 6)?;
            }
            w.next_word();
            if point_form {
                need(w.float().is_some())
            } else {
                need((0..5).all(|_| w.float().is_some()))
            }
        }
        "hwtimestamp" => {
            w.next_word().ok_or(ParseError::Invalid)?;
            let opts =
                parse_options(HWTIMESTAMP_OPTIONS, &mut w).map_err(|_| ParseError::Invalid)?;
            for o in opts {
                if let OptValue::Word(f) = &o.value {
                    need(matches_any(f, &["none", "ntp", "ptp", "all"]))?;
                }
            }
            Ok(())
        }
        "refclock" => {
            w.next_word().ok_or(ParseError::Invalid)?;
            w.next_word().ok_or(ParseError::Invalid)?;
            while let Some(opt_name) = w.next_word() {
                let spec = find_spec(REFCLOCK_OPTIONS, opt_name)
                    .ok_or_else(|| ParseError::BadRefclockOption(opt_name.into()))?;
                let value = read_value(spec, &mut w).ok_or(ParseError::Invalid)?;
                if let ("stratum", OptValue::Int(s)) = (spec.name, value) {
                    need((0..16).contains(&s))?;
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn matches_any(word: &str, choices: &[&str]) -> bool {
    choices.iter().any(|c| c.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Result<Directive, ParseError> {
        let (name, args) = line.split_once(' ').unwrap_or((line, ""));
        Directive::parse(name, args)
    }

    #[test]
    fn sources_and_their_options() {
        let Ok(Directive::Source(s)) =
            p("SERVER ntp.aliyun.com iburst MINPOLL 4 maxpoll 10 prefer")
        else {
            panic!()
        };
        assert_eq!(s.kind, SourceKind::Server);
        assert_eq!(s.host, "ntp.aliyun.com");
        assert!(s.has("iburst") && s.has("prefer"));
        assert_eq!(s.int("minpoll"), Some(4));
        assert_eq!(
            s.render(),
            "server ntp.aliyun.com iburst minpoll 4 maxpoll 10 prefer"
        );
        assert_eq!(
            p("server a fast"),
            Err(ParseError::UnknownOption("fast".into()))
        );
        assert_eq!(
            p("server a minpoll"),
            Err(ParseError::BadOptionValue("minpoll".into()))
        );
        assert_eq!(
            p("server a key 0"),
            Err(ParseError::BadOptionValue("key".into()))
        );
        assert_eq!(
            p("server"),
            Err(ParseError::MissingArguments {
                expected: 1,
                found: 0
            })
        );
        // A number prefix leaves the rest of the word as the next option.
        let Ok(Directive::Source(s)) = p("server a minpoll 6iburst") else {
            panic!()
        };
        assert!(s.has("iburst"));
        assert!(p("server a # comment").is_err());
    }

    #[test]
    fn local_stratum_range() {
        assert_eq!(p("local stratum 20"), Err(ParseError::LocalStratum(20)));
        assert_eq!(p("local stratum 0"), Err(ParseError::LocalStratum(0)));
        let Ok(Directive::Local(l)) = p("local stratum 10 orphan distance 0.1") else {
            panic!()
        };
        assert_eq!((l.stratum(), l.orphan(), l.distance()), (10, true, 0.1));
        let Ok(Directive::Local(l)) = p("local") else {
            panic!()
        };
        assert_eq!(l.stratum(), 10);
    }

    #[test]
    fn simple_directives_count_arguments() {
        assert!(matches!(
            p("driftfile /a /b"),
            Err(ParseError::TooManyArguments { .. })
        ));
        assert!(matches!(
            p("rtcsync now"),
            Err(ParseError::TooManyArguments { .. })
        ));
        assert!(matches!(
            p("maxupdateskew"),
            Err(ParseError::MissingArguments { .. })
        ));
        // sscanf takes a prefix: chronyd accepts this.
        assert!(p("maxupdateskew 100abc").is_ok());
        assert_eq!(p("maxupdateskew abc"), Err(ParseError::Invalid));
        assert_eq!(p("frobnicate 1"), Err(ParseError::UnknownDirective));
        assert!(matches!(p("linux_hz 100"), Ok(Directive::Deprecated(_))));
    }

    #[test]
    fn other_directives() {
        assert!(p("log measurements statistics tracking").is_ok());
        assert_eq!(
            p("log Tracking"),
            Err(ParseError::BadLogParameter("Tracking".into()))
        );
        assert!(p("makestep 1 3").is_ok());
        assert!(p("makestep 1 -1").is_ok());
        assert!(p("makestep 1").is_err());
        assert!(p("ratelimit interval 3 burst 8").is_ok());
        assert!(p("ratelimit interval").is_err());
        assert!(p("ratelimit speed 3").is_err());
        assert!(p("cmdratelimit kod 1").is_err());
        assert!(p("bindcmdaddress /var/run/chrony/chronyd.sock").is_ok());
        assert!(p("bindcmdaddress localhost").is_err());
        assert!(p("refclock PHC /dev/ptp0 poll 3 dpoll -2 offset 0 refid GPS").is_ok());
        assert!(matches!(
            p("refclock PHC /dev/ptp0 speed 3"),
            Err(ParseError::BadRefclockOption(_))
        ));
        assert!(p("smoothtime 400 0.001 leaponly").is_ok());
        assert!(p("smoothtime 400 0.001 always").is_err());
        assert!(p("authselectmode mix").is_ok());
        assert!(p("confdir").is_err());
        assert!(p("sourcedir /run/chrony-dhcp").is_ok());
    }
}
