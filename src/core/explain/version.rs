//! The version line of `chronyc -v` and `chronyd -v` (chronyc(1): "-v
//! With this option chronyc displays its version number on the terminal
//! and exits"): `chronyc (chrony) version 4.3 (+READLINE +SECHASH +IPV6
//! -DEBUG)`. What users paste to say which release they run.

use super::model::{Explained, Field, Kind};
use super::verdict::{Reason, Status, Why};
use crate::core::conf::version::ChronyVersion;

const VERSION: &[&str] = &["program", "version", "features"];

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    vec![(Kind::ChronyVersion, VERSION)]
}

/// `PROGRAM (chrony) version RELEASE [(FEATURES)]`: program, release and
/// the compile-time features, as client.c and main.c print them.
pub fn release(line: &str) -> Option<(&str, ChronyVersion, &str)> {
    let (program, rest) = line.trim().split_once(" (chrony) version ")?;
    if !matches!(program, "chronyc" | "chronyd") {
        return None;
    }
    let (release, features) = match rest.split_once(' ') {
        Some((r, f)) => (r, f.trim().trim_start_matches('(').trim_end_matches(')')),
        None => (rest, ""),
    };
    Some((program, release.parse().ok()?, features))
}

pub fn parse(lines: &[&str]) -> Option<Explained> {
    // Only the version line: one among other output is not this output.
    let [line] = lines else { return None };
    let (program, release, features) = release(line)?;
    let mut e = Explained::new(Kind::ChronyVersion);
    let mut version = Field::info("version", release.to_string());
    if release < ChronyVersion::BASE {
        version.status = Status::Warn;
        version.reason = Some(Reason::new(Why::ReleaseUnsupported));
    }
    e.fields = vec![
        Field::info("program", program),
        version,
        Field::info("features", features),
    ];
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_lines_of_chronyc_and_chronyd_are_read() {
        assert_eq!(
            release("chronyc (chrony) version 4.9 (-READLINE +SECHASH +IPV6 -DEBUG)"),
            Some((
                "chronyc",
                ChronyVersion::new(4, 9),
                "-READLINE +SECHASH +IPV6 -DEBUG"
            ))
        );
        assert_eq!(
            release("chronyd (chrony) version 4.6.1 (+CMDMON +NTP)"),
            Some(("chronyd", ChronyVersion::point(4, 6, 1), "+CMDMON +NTP"))
        );
        assert_eq!(
            release("chronyc (chrony) version 4.0"),
            Some(("chronyc", ChronyVersion::new(4, 0), ""))
        );
        // Not a release, not chrony's programs.
        assert_eq!(release("chronyc (chrony) version DEVELOPMENT x"), None);
        assert_eq!(release("ntpq (ntpsec) version 1.2.2"), None);
    }

    /// The release is named as printed, and one older than 4.0 is flagged.
    #[test]
    fn the_release_is_named_and_an_unsupported_one_flagged() {
        let e = parse(&["chronyd (chrony) version 4.6.1 (+NTS)"]).unwrap();
        assert_eq!(e.fields[1].raw, "4.6.1");
        assert_eq!(e.fields[1].status, Status::Info);
        let e = parse(&["chronyd (chrony) version 3.5 (+CMDMON)"]).unwrap();
        assert_eq!(e.fields[1].status, Status::Warn);
    }
}
