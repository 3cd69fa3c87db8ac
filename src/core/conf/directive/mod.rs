//! Typed chrony.conf directives.
//!
//! [`Directive::parse`] follows chrony's `conf.c` and `cmdparse.c` (argument
//! counts, option names, `sscanf` number prefixes) with the most permissive
//! grammar of the 4.x series; what a given chronyd version does not know is
//! reported by lint through the `since` fields of the tables below.

use std::net::IpAddr;

use crate::core::conf::access::{Access, AccessScope};
use crate::core::conf::scan::Words;
use crate::core::conf::version::ChronyVersion as V;

pub mod error;
mod items;
mod options;
mod tables;

use ValueKind::*;
pub use error::ParseError;
pub use items::*;
pub use options::*;
pub use tables::*;

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
        // conf.c parse_leapsecmode compares the whole rest of the line.
        "leapsecmode" if !matches_any(args, &["system", "slew", "step", "ignore"]) => {
            Err(ParseError::LeapsecmodeUnknown(args.to_string()))
        }
        "leapsecmode" => Ok(()),
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
        // `driftfile FILE [interval N]` (conf.c 4.7 parse_driftfile: the
        // interval read with %d, nothing after it); which release takes
        // the interval is lint's business.
        "driftfile" => {
            let words = Words::new(args).collect_words();
            let interval = count == 3
                && words[1].eq_ignore_ascii_case("interval")
                && Words::new(words[2]).int().is_some();
            if interval {
                Ok(())
            } else {
                check_count(args, 1)
            }
        }
        // Numbers of AEAD algorithms: each word read by parse_int (conf.c
        // 4.6.1: `sscanf("%d")` of the word; 4.7: the whole word).
        "ntsaeads" => need(
            Words::new(args)
                .collect_words()
                .iter()
                .all(|word| Words::new(word).int().is_some()),
        ),
        // The first word that names no command is the one to correct.
        "opencommands" => match Words::new(args)
            .collect_words()
            .into_iter()
            .find(|word| !matches_any(word, OPEN_COMMANDS))
        {
            Some(word) => Err(ParseError::UnknownOption(word.to_string())),
            None => Ok(()),
        },
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
                // chrony.conf(5) refid: "up to four ASCII characters"; every
                // release refuses a longer one, if not always by its name.
                if spec.kind == ValueKind::Word4
                    && let Some(long) = w.clone().next_word().filter(|v| v.chars().count() > 4)
                {
                    return Err(ParseError::LongRefid {
                        option: spec.name.into(),
                        value: long.into(),
                    });
                }
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
        assert!(matches!(p("dumponexit"), Ok(Directive::Deprecated(_))));
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
        assert!(matches!(
            p("refclock SHM 0 refid GPSX1 poll 3"),
            Err(ParseError::LongRefid { .. })
        ));
        assert!(p("refclock SHM 0 refid GPS1 lock PPS poll 3").is_ok());
        assert!(p("smoothtime 400 0.001 leaponly").is_ok());
        assert!(p("driftfile /var/lib/chrony/drift interval 3600").is_ok());
        assert!(p("driftfile /d INTERVAL 3600s").is_ok());
        assert!(p("driftfile /d interval").is_err());
        assert!(p("driftfile /d every 3600").is_err());
        assert!(p("ntsaeads 30 15").is_ok());
        assert!(p("ntsaeads 30 gcm").is_err());
        assert!(p("opencommands tracking Sources ntpdata").is_ok());
        assert!(p("opencommands reload").is_err());
        assert!(p("smoothtime 400 0.001 always").is_err());
        assert!(p("authselectmode mix").is_ok());
        assert!(p("confdir").is_err());
        assert!(p("sourcedir /run/chrony-dhcp").is_ok());
    }
}
