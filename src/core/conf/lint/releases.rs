//! Where chrony releases read the same line differently, for lint to follow
//! the release that will run: before 4.2 `allow`/`deny` were parsed leniently
//! (accepted, but not as written); before 4.1 unpaired NTS certificates and
//! keys were not an error; 4.9 widened the rate-limit values to 255.

use std::net::IpAddr;

use crate::core::conf::scan::{Words, scan_int};
use crate::core::conf::version::ChronyVersion;

/// `CPS_ParseAllowDeny` (strict parsing of access rules).
pub const STRICT_ACCESS: ChronyVersion = ChronyVersion::new(4, 2);
/// chronyd checks that NTS certificates and keys pair up.
pub const NTS_PAIRS_CHECKED: ChronyVersion = ChronyVersion::new(4, 1);
/// `ntsservercert`/`ntsserverkey` may repeat (one pair per server name);
/// 4.0 keeps the last of each.
pub const MANY_NTS_CERTS: ChronyVersion = ChronyVersion::new(4, 1);
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
    if Words::new(addr).count() != 1 {
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
