//! Where chrony releases read the same line differently, for lint to follow
//! the release that will run. Each fact names the file and tag of chrony's
//! source it was read from (github.com/mlichvar/chrony at the tag; 4.9 from
//! its release tarball): before 4.2 `allow`/`deny` were parsed leniently
//! (accepted, but not as written); before 4.1 unpaired NTS certificates and
//! keys were not an error; 4.7 reads integers whole and in range; 4.9
//! widened the rate-limit values to 255. What a release added (directives,
//! options) is the `since` of the tables in `conf::directive`.

use std::net::IpAddr;

use crate::core::conf::directive::{Directive, LOG_NAMES_SINCE, OptValue};
use crate::core::conf::scan::{Words, scan_int, whole_int};
use crate::core::conf::version::ChronyVersion;

use super::model::Linter;
use super::rules::Rule;

/// `CPS_ParseAllowDeny` (strict parsing of access rules): cmdparse.c 4.2.
pub const STRICT_ACCESS: ChronyVersion = ChronyVersion::new(4, 2);
/// chronyd checks that NTS certificates and keys pair up: conf.c 4.1
/// `CNF_GetNtsServerCertAndKeyFiles` ("Uneven number of NTS certs and
/// keys").
pub const NTS_PAIRS_CHECKED: ChronyVersion = ChronyVersion::new(4, 1);
/// `ntsservercert`/`ntsserverkey` may repeat (one pair per server name):
/// conf.c 4.1 `parse_ntsserver`; 4.0's `parse_string` keeps the last of
/// each.
pub const MANY_NTS_CERTS: ChronyVersion = ChronyVersion::new(4, 1);
/// `ntstrustedcerts [SET-ID] PATH`: conf.c 4.1 `parse_ntstrustedcerts`; 4.0
/// takes one word.
pub const TRUSTED_CERT_SETS: ChronyVersion = ChronyVersion::new(4, 1);
/// `hwtimestamp … rxfilter ptp`: conf.c 4.2 `parse_hwtimestamp`.
pub const RXFILTER_PTP: ChronyVersion = ChronyVersion::new(4, 2);
/// `driftfile FILE interval N`: conf.c 4.7 `parse_driftfile`.
pub const DRIFTFILE_INTERVAL: ChronyVersion = ChronyVersion::new(4, 7);
/// `refclock RTC`: refclock.c 4.7 (NEWS 4.7 "Add RTC refclock driver").
pub const RTC_REFCLOCK: ChronyVersion = ChronyVersion::new(4, 7);
/// `refclock PHC IFACE` (a network interface's clock): sys_linux.c 4.7
/// `SYS_Linux_OpenPHC`.
pub const PHC_BY_INTERFACE: ChronyVersion = ChronyVersion::new(4, 7);
/// `local … orphan` without `waitunsynced` waits 300 s while unsynchronised:
/// cmdparse.c 4.7 `CPS_ParseLocal` (`*wait_unsynced = *orphan ? 300 : 0`).
pub const ORPHAN_WAITS: ChronyVersion = ChronyVersion::new(4, 7);
/// `pidfile /` turns the PID file off: conf.c 4.6 `parse_pidfile`; before,
/// chronyd tries to remove "/" and refuses to start.
pub const PIDFILE_OFF: ChronyVersion = ChronyVersion::new(4, 6);
/// The `ipv4` and `ipv6` options of a source (4.6).
pub const SOURCE_FAMILY: ChronyVersion = ChronyVersion::new(4, 6);
/// The wait, in seconds.
pub const ORPHAN_WAIT_SECONDS: i64 = 300;
/// NTS with a server given by IP address (its certificate's IP SAN); 4.0
/// logs "Missing name of ADDR for NTS-KE" and never authenticates.
pub const NTS_BY_ADDRESS: ChronyVersion = ChronyVersion::new(4, 1);
/// Rate-limit options take -32..=255 (was -32..=32).
pub const WIDE_RATELIMIT: ChronyVersion = ChronyVersion::new(4, 9);

pub fn is_access(directive: &str) -> bool {
    matches!(
        directive.to_ascii_lowercase().as_str(),
        "allow" | "deny" | "cmdallow" | "cmddeny"
    )
}

/// Whether chrony 4.0/4.1 (`parse_allow_deny` in conf.c) accepts the
/// arguments of an access rule: the part before the first `/` must be one
/// word that is an address or starts like a dotted number (octets above 255
/// wrap), and the text after the `/` only needs to start with a number;
/// anything after it is ignored.
pub fn lenient_access_accepts(args: &str) -> bool {
    let mut p = args.trim_start();
    if let Some(rest) = p.strip_prefix("all") {
        p = rest.trim_start();
    }
    if p.is_empty() {
        return true;
    }
    let (addr, bits) = match p.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (p, None),
    };
    // conf.c get_number_of_args counts every space of the normalised
    // line: the space left before a slash (`10.0.0.0 /24`) is a second
    // argument, "Too many arguments for allow directive".
    if Words::new(addr).count() != 1 || (bits.is_some() && addr.ends_with(char::is_whitespace)) {
        return false;
    }
    let addr = addr.trim();
    let max_bits = match addr.parse::<IpAddr>() {
        Ok(IpAddr::V6(_)) => 128,
        Ok(IpAddr::V4(_)) => 32,
        // sscanf("%lu.%lu.%lu.%lu") matched at least one number.
        Err(_) if addr.bytes().next().is_some_and(|b| b.is_ascii_digit()) => 32,
        // A host name is looked up (and refused without a slash if unknown):
        // not a lenient acceptance.
        Err(_) => return false,
    };
    match bits {
        None => true,
        Some(b) => scan_int(b.trim_start()).is_some_and(|(n, _)| (0..=max_bits).contains(&n)),
    }
}

/// The range of a rate-limit option in `version`.
pub fn ratelimit_range(version: ChronyVersion, spec_range: (i64, i64)) -> (i64, i64) {
    if version >= WIDE_RATELIMIT {
        (spec_range.0, 255)
    } else {
        spec_range
    }
}

/// A source option's range in `version`: chrony 4.9 also refuses a
/// `minpoll` outside -32..32, which 4.7 and 4.8 still read unchecked (and
/// clamp later); measured against the real 4.6.1 and 4.9 chronyd.
pub const MINPOLL_RANGE_SINCE: ChronyVersion = ChronyVersion::new(4, 9);

pub fn source_option_range(
    version: ChronyVersion,
    option: &str,
    spec_range: Option<(i64, i64)>,
) -> Option<(i64, i64)> {
    match option {
        "minpoll" if version >= MINPOLL_RANGE_SINCE => Some((-32, 32)),
        _ => spec_range,
    }
}

/// The refclock drivers a Linux chronyd of `version` has (refclock.c
/// `RCL_AddRefclock` at each tag; 4.9's SENSOR is OpenBSD's and "not
/// compiled in" on Linux).
pub fn refclock_drivers(version: ChronyVersion) -> &'static [&'static str] {
    if version >= RTC_REFCLOCK {
        &["SHM", "SOCK", "PPS", "PHC", "RTC"]
    } else {
        &["SHM", "SOCK", "PPS", "PHC"]
    }
}

/// The extension fields `extfield` takes (cmdparse.c): F323 from 4.2, F324
/// from 4.5, 4.9 adds the final net-correction field 010A.
pub fn extfields(version: ChronyVersion) -> &'static [u64] {
    if version >= ChronyVersion::new(4, 9) {
        &[0xF323, 0xF324, 0x010A]
    } else if version >= ChronyVersion::new(4, 5) {
        &[0xF323, 0xF324]
    } else {
        &[0xF323]
    }
}

pub fn extfield_list(version: ChronyVersion) -> String {
    extfields(version)
        .iter()
        .map(|f| format!("{f:X}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unsupported(l: &mut Linter, i: usize, directive: &str, option: &str, since: ChronyVersion) {
    let version = l.opts.version.to_string();
    l.add((
        Rule::UnsupportedOption,
        i,
        vec![
            ("directive", directive.to_string()),
            ("option", option.to_string()),
            ("since", since.to_string()),
            ("version", version),
        ],
    ));
}

/// What a release refuses in a line the newest grammar reads: log names,
/// `pidfile /`, the words of directives kept as words (driftfile's
/// interval, certificate sets, rxfilter ptp) and 4.7's whole-number AEAD
/// ids.
pub(super) fn release_checks(l: &mut Linter) {
    let v = l.opts.version;
    for (i, d) in l.directives() {
        match d {
            Directive::Log(names) => {
                for n in names {
                    if let Some((_, since)) = LOG_NAMES_SINCE.iter().find(|(name, _)| name == n)
                        && *since > v
                    {
                        unsupported(l, i, "log", n, *since);
                    }
                }
            }
            Directive::Simple {
                spec,
                value: OptValue::Word(path),
            } if spec.name == "pidfile" && path == "/" && v < PIDFILE_OFF => {
                l.add((Rule::PidfileOff, i, vec![("version", v.to_string())]));
            }
            Directive::Other { spec, args } if d.since() <= v => match spec.name {
                "driftfile" if args.len() > 1 && v < DRIFTFILE_INTERVAL => {
                    unsupported(l, i, "driftfile", "interval", DRIFTFILE_INTERVAL);
                }
                "ntstrustedcerts" if args.len() == 2 && v < TRUSTED_CERT_SETS => {
                    l.add((
                        Rule::TooManyArguments,
                        i,
                        vec![
                            ("directive", "ntstrustedcerts".to_string()),
                            ("expected", "1".to_string()),
                            ("found", "2".to_string()),
                        ],
                    ));
                }
                "hwtimestamp" if v < RXFILTER_PTP => {
                    let ptp = args.windows(2).any(|w| {
                        w[0].eq_ignore_ascii_case("rxfilter") && w[1].eq_ignore_ascii_case("ptp")
                    });
                    if ptp {
                        unsupported(l, i, "hwtimestamp", "rxfilter ptp", RXFILTER_PTP);
                    }
                }
                // conf.c 4.7 parse_ints(…, 0, INT_MAX): whole numbers.
                "ntsaeads" if v >= ChronyVersion::STRICT_INTEGERS => {
                    for a in args {
                        match whole_int(a) {
                            None => l.add((
                                Rule::NotAnInteger,
                                i,
                                vec![
                                    ("directive", "ntsaeads".to_string()),
                                    ("value", a.clone()),
                                    ("version", v.to_string()),
                                ],
                            )),
                            Some(x) if !(0..=i64::from(i32::MAX)).contains(&x) => {
                                l.add(super::model::range_diag(
                                    i,
                                    "ntsaeads",
                                    "ntsaeads",
                                    x,
                                    0,
                                    i64::from(i32::MAX),
                                ));
                            }
                            Some(_) => {}
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrony_4_0_reads_access_rules_leniently() {
        for ok in [
            "300.1.0.0/16",
            "10.0.0.0/8x",
            "1.2.3.4.5",
            "10.0.0.0/8 192.168.0.0/16",
            "10.0.0.0/24 # lab network",
            "",
            "all 10/8",
        ] {
            assert!(lenient_access_accepts(ok), "{ok}");
        }
        for refused in [
            "10.0.0.0/-8",
            "<client ip subnet>",
            "10.0.0.0 # lab",
            "10.0.0.0/33",
            "x/8",
        ] {
            assert!(!lenient_access_accepts(refused), "{refused}");
        }
    }
}
