//! Options of sources, `local`, rate limits, refclocks and hardware
//! timestamping: their names, kinds, ranges and the release that added them,
//! read and written back. Sources and `local`: cmdparse.c
//! (`CPS_ParseNTPSourceAdd`, `CPS_ParseLocal`); rate limits, refclocks and
//! `hwtimestamp`: conf.c; each `since` read at chrony's tags 4.0 … 4.8,
//! 4.6.1 and the 4.9 tarball. Ranges are the `SSCANF_IN_RANGE` bounds of
//! 4.7 (4.9 for the rate limits' upper bound).

use std::fmt::Write as _;

use crate::core::conf::scan::Words;
use crate::core::conf::version::ChronyVersion as V;

use super::error::ParseError;

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

pub(super) const fn opt(name: &'static str, kind: ValueKind) -> OptSpec {
    OptSpec {
        name,
        kind,
        since: V::BASE,
        range: None,
    }
}

pub(super) const fn opt_r(name: &'static str, kind: ValueKind, lo: i64, hi: i64) -> OptSpec {
    OptSpec {
        name,
        kind,
        since: V::BASE,
        range: Some((lo, hi)),
    }
}

pub(super) const fn since(mut spec: OptSpec, major: u16, minor: u16) -> OptSpec {
    spec.since = V::new(major, minor);
    spec
}

pub(super) const INT_MAX: i64 = i32::MAX as i64;

use ValueKind::*;

/// Options of `server`, `pool` and `peer` lines. Added after 4.0 (cmdparse.c
/// at each tag): certset and copy 4.1, extfield 4.2, maxdelayquant 4.3,
/// ipv4/ipv6 4.6, maxunreach 4.8, maxntsretry 4.9.
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
    // conf.c 4.3 parse_refclock (NEWS 4.3).
    opt_r("poll", Int, -32, 32),
    opt_r("dpoll", Int, -32, 32),
    opt_r("filter", Int, 0, INT_MAX),
    since(opt("local", Flag), 4, 3),
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
    // conf.c 4.4 parse_hwtimestamp (NEWS 4.4 "Add maxpoll option to
    // hwtimestamp directive"); 4.0 … 4.3 refuse the line.
    since(opt_r("maxpoll", Int, -32, 32), 4, 4),
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

pub(super) fn find_spec(table: &'static [OptSpec], name: &str) -> Option<&'static OptSpec> {
    table.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Reads the value of option `spec` from `words`, the way chrony's
/// `sscanf(line, fmt "%n")` does.
pub(super) fn read_value(spec: &OptSpec, words: &mut Words<'_>) -> Option<OptValue> {
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
pub(super) fn parse_options(
    table: &'static [OptSpec],
    words: &mut Words<'_>,
) -> Result<Vec<Opt>, ParseError> {
    let mut opts = Vec::new();
    while let Some(name) = words.next_word() {
        let spec = find_spec(table, name).ok_or_else(|| ParseError::UnknownOption(name.into()))?;
        let value =
            read_value(spec, words).ok_or_else(|| ParseError::BadOptionValue(name.into()))?;
        opts.push(Opt { spec, value });
    }
    Ok(opts)
}

pub(super) fn render_options(out: &mut String, opts: &[Opt]) {
    for o in opts {
        out.push(' ');
        o.render(out);
    }
}
