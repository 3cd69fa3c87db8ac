//! Directives known by name only: those with one simple value, those kept
//! as their words, the deprecated ones, and the log names.
//!
//! The `since` of each entry is the first release whose `CNF_ParseLine`
//! (conf.c) accepts the name, read at chrony's tags 4.0 … 4.8 and 4.6.1 and
//! in the 4.9 release tarball; NEWS of the same release says the same.

use crate::core::conf::version::ChronyVersion as V;

use super::options::*;
use ValueKind::*;

/// Directives taking exactly one value of a simple kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimpleSpec {
    pub name: &'static str,
    pub kind: ValueKind,
    pub since: V,
    /// Range chronyd enforces from 4.7 on.
    pub range: Option<(i64, i64)>,
}

pub(super) const fn simple(name: &'static str, kind: ValueKind) -> SimpleSpec {
    SimpleSpec {
        name,
        kind,
        since: V::BASE,
        range: None,
    }
}

pub(super) const fn simple_r(name: &'static str, kind: ValueKind, lo: i64, hi: i64) -> SimpleSpec {
    SimpleSpec {
        name,
        kind,
        since: V::BASE,
        range: Some((lo, hi)),
    }
}

pub(super) const fn simple_since(mut s: SimpleSpec, major: u16, minor: u16) -> SimpleSpec {
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
    simple_r("dscp", Int, 0, 63),
    simple("dumpdir", Word),
    simple("hwclockfile", Word),
    // conf.c 4.4
    simple_since(simple("hwtstimeout", Float), 4, 4),
    simple("include", Word),
    simple("keyfile", Word),
    // conf.c 4.6
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
    // conf.c 4.9
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
    // conf.c 4.6
    simple_since(simple_r("ptpdomain", Int, 0, 255), 4, 6),
    // conf.c 4.2 (NEWS 4.2: NTP over PTP); 4.1 has no ptpport.
    simple_since(simple_r("ptpport", Int, 0, 65535), 4, 2),
    // conf.c 4.4
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

pub(super) const fn other(name: &'static str) -> OtherSpec {
    OtherSpec {
        name,
        since: V::BASE,
    }
}

pub const OTHER_DIRECTIVES: &[OtherSpec] = &[
    other("authselectmode"),
    other("bindacqaddress"),
    other("broadcast"),
    // `driftfile FILE [interval N]`: the interval from 4.7 (conf.c 4.7
    // parse_driftfile), one word before.
    other("driftfile"),
    other("fallbackdrift"),
    other("hwtimestamp"),
    other("initstepslew"),
    other("leapsecmode"),
    other("mailonchange"),
    other("maxchange"),
    // conf.c 4.6.1 (NEWS 4.6.1: "Add ntsaeads directive"); not in 4.6.
    OtherSpec {
        name: "ntsaeads",
        since: V::point(4, 6, 1),
    },
    other("ntstrustedcerts"),
    // conf.c 4.7
    OtherSpec {
        name: "opencommands",
        since: V::new(4, 7),
    },
    other("refclock"),
    other("smoothtime"),
    other("tempcomp"),
];

/// Directives chronyd accepts and otherwise ignores: with a warning, or
/// (`dumponexit`, conf.c 4.0–4.9 "Silently ignored") without one.
pub const DEPRECATED_DIRECTIVES: &[&str] = &[
    "commandkey",
    "dumponexit",
    "generatecommandkey",
    "linux_freq_scale",
    "linux_hz",
];

/// The names `log` takes (conf.c parse_log; `strcmp`, so lower-case).
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

/// The log names added after 4.0: `selection` from 4.3 (conf.c 4.3,
/// NEWS 4.3 "Add selection option to log directive").
pub const LOG_NAMES_SINCE: &[(&str, V)] = &[("selection", V::new(4, 3))];

/// What `opencommands` names (conf.c 4.7 parse_open_commands, any case).
pub const OPEN_COMMANDS: &[&str] = &[
    "activity",
    "authdata",
    "clients",
    "manual",
    "ntpdata",
    "rtcdata",
    "selectdata",
    "serverstats",
    "smoothing",
    "sourcename",
    "sources",
    "sourcestats",
    "tracking",
];

/// The directives parsed by their own code (sources, access, rate limits,
/// bind, dirs), every one known since 4.0.
const PARSED_DIRECTIVES: &[&str] = &[
    "server",
    "pool",
    "peer",
    "allow",
    "deny",
    "cmdallow",
    "cmddeny",
    "ratelimit",
    "ntsratelimit",
    "cmdratelimit",
    "local",
    "log",
    "makestep",
    "bindaddress",
    "bindacqaddress",
    "bindcmdaddress",
    "confdir",
    "sourcedir",
];

/// The known directive closest to a misspelt `name` (at most two edits,
/// a swap of neighbours counting one), among those `version` accepts.
pub fn closest_directive(name: &str, version: V) -> Option<&'static str> {
    let name = name.to_ascii_lowercase();
    PARSED_DIRECTIVES
        .iter()
        .copied()
        .chain(
            SIMPLE_DIRECTIVES
                .iter()
                .filter(|s| s.since <= version)
                .map(|s| s.name),
        )
        .chain(
            OTHER_DIRECTIVES
                .iter()
                .filter(|s| s.since <= version)
                .map(|s| s.name),
        )
        .map(|d| (edit_distance(&name, d), d))
        .filter(|(n, _)| *n <= 2)
        .min_by_key(|(n, _)| *n)
        .map(|(_, d)| d)
}

/// The option of `directive` closest to a misspelt `name` (at most two
/// edits, as for directives), among those `version` accepts: `minpol` on
/// a server line is minpoll.
pub fn closest_option(directive: &str, name: &str, version: V) -> Option<&'static str> {
    let name_lc = name.to_ascii_lowercase();
    if directive.eq_ignore_ascii_case("opencommands") {
        // Its words are command names (`sourcestatus` is sourcestats).
        return OPEN_COMMANDS
            .iter()
            .copied()
            .map(|c| (edit_distance(&name_lc, c), c))
            .filter(|(n, _)| *n <= 2)
            .min_by_key(|(n, _)| *n)
            .map(|(_, c)| c);
    }
    let table = match directive.to_ascii_lowercase().as_str() {
        "server" | "pool" | "peer" => SOURCE_OPTIONS,
        "refclock" => REFCLOCK_OPTIONS,
        "local" => LOCAL_OPTIONS,
        "ratelimit" | "ntsratelimit" | "cmdratelimit" => RATELIMIT_OPTIONS,
        "hwtimestamp" => HWTIMESTAMP_OPTIONS,
        _ => return None,
    };
    let name = name.to_ascii_lowercase();
    let known = || table.iter().filter(|s| s.since <= version).map(|s| s.name);
    known()
        .map(|o| (edit_distance(&name, o), o))
        .filter(|(n, _)| *n <= 2)
        .min_by_key(|(n, _)| *n)
        .map(|(_, o)| o)
        .or_else(|| {
            // A word cut short (`ibu`, a file copied mid-write: `local
            // str`) is further than two edits from its option but starts
            // it: named when exactly one option starts so.
            let mut starting = known().filter(|o| name.len() >= 3 && o.starts_with(&name));
            let first = starting.next()?;
            starting.next().is_none().then_some(first)
        })
}

/// [`edit_distance`](crate::core::text::edit_distance), with no time
/// spent on a word too long to be a directive's near miss.
fn edit_distance(a: &str, b: &str) -> usize {
    // A directive name is short; a long word is nothing close.
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 2 || la > 64 {
        return usize::MAX;
    }
    crate::core::text::edit_distance(a, b)
}

#[cfg(test)]
mod closest_tests {
    use super::*;

    #[test]
    fn a_misspelt_directive_gets_the_one_it_is_close_to() {
        let v = V::new(4, 0);
        assert_eq!(closest_directive("stratumwieght", v), Some("stratumweight"));
        // Only what the release knows: leapseclist came with 4.6.
        assert_eq!(closest_directive("leapsecslist", v), None);
        assert_eq!(
            closest_directive("leapsecslist", V::new(4, 6)),
            Some("leapseclist")
        );
        assert_eq!(closest_directive("makestpe", v), Some("makestep"));
        assert_eq!(closest_directive("frobnicate", v), None);
    }

    #[test]
    fn a_misspelt_option_gets_the_one_it_is_close_to() {
        let v = V::new(4, 0);
        assert_eq!(closest_option("server", "minpol", v), Some("minpoll"));
        assert_eq!(closest_option("pool", "ibrust", v), Some("iburst"));
        assert_eq!(closest_option("refclock", "refd", v), Some("refid"));
        // Only what the release knows: maxntsretry came with 4.9.
        assert_eq!(closest_option("server", "maxntsretri", v), None);
        assert_eq!(
            closest_option("server", "maxntsretri", V::new(4, 9)),
            Some("maxntsretry")
        );
        assert_eq!(closest_option("server", "frobnicate", v), None);
        assert_eq!(closest_option("makestep", "minpol", v), None);
        let v = V::new(4, 9);
        assert_eq!(
            closest_option("opencommands", "sourcestatus", v),
            Some("sourcestats")
        );
    }
}
