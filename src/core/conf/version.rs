//! chrony versions, for the parts of the configuration language that changed
//! between 4.x releases (new directives and options, stricter value checks).
//! A point release counts: 4.6.1 added `ntsaeads` (chrony's NEWS), so 4.6.1
//! is a release of its own and sorts between 4.6 and 4.7.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChronyVersion {
    pub major: u16,
    pub minor: u16,
    pub patch: u16,
}

impl ChronyVersion {
    pub const fn new(major: u16, minor: u16) -> Self {
        ChronyVersion {
            major,
            minor,
            patch: 0,
        }
    }

    /// A point release, e.g. 4.6.1.
    pub const fn point(major: u16, minor: u16, patch: u16) -> Self {
        ChronyVersion {
            major,
            minor,
            patch,
        }
    }

    /// The oldest version Stratum knows the language of; everything in it
    /// is available from here on.
    pub const BASE: ChronyVersion = ChronyVersion::new(4, 0);
    /// The newest version whose language Stratum models; used when no
    /// chronyd is installed and the user names none.
    pub const LATEST: ChronyVersion = ChronyVersion::new(4, 9);
    /// From 4.7 on, chronyd refuses integer values out of range instead of
    /// clamping them.
    pub const STRICT_INTEGERS: ChronyVersion = ChronyVersion::new(4, 7);

    /// Reads the version from `chronyd -v` output, e.g.
    /// `chronyd (chrony) version 4.3 (+CMDMON +NTP ...)`.
    pub fn from_chronyd_banner(banner: &str) -> Option<ChronyVersion> {
        let rest = banner.split("version").nth(1)?;
        let word = rest.split_whitespace().next()?;
        word.parse().ok()
    }
}

impl fmt::Display for ChronyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)?;
        if self.patch != 0 {
            write!(f, ".{}", self.patch)?;
        }
        Ok(())
    }
}

impl FromStr for ChronyVersion {
    type Err = ();

    /// Accepts `4.3`, `4.6.1`, `4.4-pre1` (a pre-release reads as its
    /// release).
    fn from_str(s: &str) -> Result<Self, ()> {
        let (release, _pre) = s.split_once('-').unwrap_or((s, ""));
        let mut parts = release.split('.');
        let major = parts.next().ok_or(())?.parse().map_err(|_| ())?;
        let minor = parts.next().unwrap_or("0").parse().map_err(|_| ())?;
        let patch = parts.next().unwrap_or("0").parse().map_err(|_| ())?;
        Ok(ChronyVersion {
            major,
            minor,
            patch,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chronyd_banner() {
        let v = ChronyVersion::from_chronyd_banner(
            "chronyd (chrony) version 4.3 (+CMDMON +NTP +REFCLOCK -DEBUG)",
        );
        assert_eq!(v, Some(ChronyVersion::new(4, 3)));
        let v461 = ChronyVersion::point(4, 6, 1);
        assert_eq!("4.6.1".parse(), Ok(v461));
        assert_eq!(v461.to_string(), "4.6.1");
        assert_eq!(ChronyVersion::new(4, 6).to_string(), "4.6");
        assert!(ChronyVersion::new(4, 6) < v461 && v461 < ChronyVersion::new(4, 7));
        assert_eq!(
            ChronyVersion::from_chronyd_banner("chronyd (chrony) version 4.6.1 (+CMDMON)"),
            Some(v461)
        );
        assert_eq!("4.4-pre1".parse(), Ok(ChronyVersion::new(4, 4)));
        assert!("four".parse::<ChronyVersion>().is_err());
        assert!("4.x".parse::<ChronyVersion>().is_err());
        assert!(ChronyVersion::new(4, 10) > ChronyVersion::new(4, 8));
    }
}
