//! Leap seconds: the IERS/IETF `leap-seconds.list` as chronyd reads it
//! (`leapseclist`, chrony 4.6 and later; leapdb.c), its expiry, the next
//! leap it announces, and when a pending leap happens.
//!
//! The file's times are NTP seconds (since 1900-01-01). `#$` is the last
//! update, `#@` the expiry; each other line is `SECONDS TAI-UTC`, the
//! offset taking effect at that instant. chronyd refuses the file ("failed
//! check, ignoring") unless it gives the 2012 leap second right, and warns
//! "needs update" once it has expired.

use serde::{Deserialize, Serialize};

/// Seconds from 1900-01-01 to 1970-01-01.
pub const NTP_UNIX_OFFSET: i64 = 2_208_988_800;

/// A list that expires within this many days is warned about: IERS
/// publishes a new one every six months, so a list kept up to date always
/// has more left.
pub const WARN_DAYS: i64 = 30;

/// More lines than any real list has (about 40 entries since 1972).
pub const MAX_ENTRIES: usize = 1000;

/// The most bytes read of a list (the real one is about 10 KiB).
pub const MAX_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeapList {
    /// Unix seconds of `#$`.
    pub updated: i64,
    /// Unix seconds of `#@`.
    pub expires: i64,
    /// (Unix seconds from which TAI−UTC is the value, TAI−UTC.)
    pub entries: Vec<(i64, i32)>,
}

/// Why chronyd would not use a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LeapListError {
    /// A line that is neither a comment nor `SECONDS OFFSET` (1-based).
    #[error("line {0} is not a leap second entry")]
    BadLine(usize),
    #[error("no #$ (update) or #@ (expiry) line")]
    NoDates,
    #[error("more than {MAX_ENTRIES} entries")]
    TooLong,
    /// chronyd's own check: the leap second of 30 June 2012 (TAI−UTC 34 to
    /// 35) and none at the end of 2012.
    #[error("the 2012 leap second is missing or wrong")]
    FailsCheck,
}

impl LeapListError {
    /// A stable name of the reason, for texts that select on it.
    pub fn code(self) -> &'static str {
        match self {
            LeapListError::BadLine(_) => "bad-line",
            LeapListError::NoDates => "no-dates",
            LeapListError::TooLong => "too-long",
            LeapListError::FailsCheck => "fails-check",
        }
    }

    pub fn line(self) -> usize {
        match self {
            LeapListError::BadLine(n) => n,
            _ => 0,
        }
    }
}

/// What happens at the end of a UTC day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Leap {
    Normal,
    Insert,
    Delete,
}

/// The integer at the start of `s`, as C's sscanf("%d") reads it.
fn leading_int(s: &str) -> Option<(i64, &str)> {
    let s = s.trim_start();
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+'))))
        .map_or(s.len(), |(i, _)| i);
    Some((s[..end].parse().ok()?, &s[end..]))
}

impl LeapList {
    /// Reads a list as chronyd 4.6–4.9 does, including its 2012 check.
    pub fn parse(text: &str) -> Result<LeapList, LeapListError> {
        let (mut updated, mut expires) = (None, None);
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix('#') {
                let field = match rest.chars().next() {
                    Some('$') => &mut updated,
                    Some('@') => &mut expires,
                    _ => continue,
                };
                let (v, _) = leading_int(&rest[1..]).ok_or(LeapListError::BadLine(n + 1))?;
                *field = Some(v - NTP_UNIX_OFFSET);
                continue;
            }
            let (when, rest) = leading_int(line).ok_or(LeapListError::BadLine(n + 1))?;
            let (tai, _) = leading_int(rest).ok_or(LeapListError::BadLine(n + 1))?;
            if entries.len() == MAX_ENTRIES {
                return Err(LeapListError::TooLong);
            }
            let tai = i32::try_from(tai).map_err(|_| LeapListError::BadLine(n + 1))?;
            entries.push((when - NTP_UNIX_OFFSET, tai));
        }
        let (Some(updated), Some(expires)) = (updated, expires) else {
            return Err(LeapListError::NoDates);
        };
        let list = LeapList {
            updated,
            expires,
            entries,
        };
        // leapdb.c check_leap_source(): 2012-06-30 inserts with TAI−UTC 34
        // that day, 2012-12-31 is normal with 35.
        if list.leap_at_end_of(1_341_014_400) != (Leap::Insert, 34)
            || list.leap_at_end_of(1_356_912_000) != (Leap::Normal, 35)
        {
            return Err(LeapListError::FailsCheck);
        }
        Ok(list)
    }

    /// The leap at the end of the UTC day holding `when`, and TAI−UTC
    /// during that day (leapdb.c get_list_leap()).
    pub fn leap_at_end_of(&self, when: i64) -> (Leap, i32) {
        let midnight = (when.div_euclid(86400) + 1) * 86400;
        let (mut leap, mut tai, mut prev) = (Leap::Normal, 0, 10);
        for &(at, offset) in &self.entries {
            if midnight == at {
                leap = match offset.cmp(&prev) {
                    std::cmp::Ordering::Greater => Leap::Insert,
                    std::cmp::Ordering::Less => Leap::Delete,
                    std::cmp::Ordering::Equal => Leap::Normal,
                };
                tai = prev;
            } else if midnight > at {
                tai = offset;
            }
            prev = offset;
        }
        (leap, tai)
    }

    /// The first leap second after `now`: (the instant it ends, at UTC
    /// midnight; insert or delete).
    pub fn next_leap(&self, now: i64) -> Option<(i64, Leap)> {
        let mut prev = 10;
        for &(at, offset) in &self.entries {
            if at > now && offset != prev {
                let kind = if offset > prev {
                    Leap::Insert
                } else {
                    Leap::Delete
                };
                return Some((at, kind));
            }
            prev = offset;
        }
        None
    }
}

/// A leap-seconds.list as a snapshot carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeapListSummary {
    pub path: String,
    /// Unix seconds; 0 when the list is not usable.
    pub expires: i64,
    /// The next leap second in the list after it was read: (Unix seconds
    /// of the midnight it ends at, kind).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_leap: Option<(i64, Leap)>,
    /// Why chronyd cannot use it (unreadable, or not a list it accepts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

impl LeapListSummary {
    /// `text` is `None` when the file could not be read.
    pub fn of(path: &str, text: Option<&str>, now: i64) -> LeapListSummary {
        let parsed = match text {
            None => Err("unreadable".to_string()),
            Some(t) => LeapList::parse(t).map_err(|e| e.to_string()),
        };
        match parsed {
            Ok(l) => LeapListSummary {
                path: path.to_string(),
                expires: l.expires,
                next_leap: l.next_leap(now),
                problem: None,
            },
            Err(problem) => LeapListSummary {
                path: path.to_string(),
                expires: 0,
                next_leap: None,
                problem: Some(problem),
            },
        }
    }

    /// Whole days until the list expires (negative once it has).
    pub fn days_left(&self, now: i64) -> i64 {
        (self.expires - now).div_euclid(86400)
    }
}

/// When a leap second chronyd announces (tracking's leap status) happens:
/// at the end of the current UTC day (chronyd applies it at midnight).
pub fn pending_leap_at(now: f64) -> f64 {
    ((now / 86400.0).floor() + 1.0) * 86400.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The top and bottom of the IERS list of 2024-07 (entries abridged to
    /// the last ones, which is what chronyd's check needs).
    pub(crate) const LIST: &str = "\
#\tUpdated through IERS Bulletin C 67
#$\t 3929093563
#@\t 3960057600
#
2272060800\t10\t# 1 Jan 1972
3124137600\t32\t# 1 Jan 1999
3345062400\t33\t# 1 Jan 2006
3439756800\t34\t# 1 Jan 2009
3550089600\t35\t# 1 Jul 2012
3644697600\t36\t# 1 Jul 2015
3692217600\t37\t# 1 Jan 2017
#h\t16edd0f0 3666784f 37db6bdd e74ced87 59af48f1
";

    #[test]
    fn reads_dates_and_entries_as_chronyd_does() {
        let l = LeapList::parse(LIST).unwrap();
        // #@ 3960057600 is 2025-06-28 00:00 UTC.
        assert_eq!(
            crate::core::civil_from_unix(l.expires),
            (2025, 6, 28, 0, 0, 0)
        );
        // The day before 1 January 2017 ends with an inserted second.
        let dec31 = crate::core::time::days_from_civil(2016, 12, 31) * 86400 + 3600;
        assert_eq!(l.leap_at_end_of(dec31), (Leap::Insert, 36));
        assert_eq!(l.leap_at_end_of(dec31 + 86400), (Leap::Normal, 37));
        assert_eq!(
            l.next_leap(dec31),
            Some((dec31 - 3600 + 86400, Leap::Insert))
        );
        assert_eq!(l.next_leap(dec31 + 86400), None);
    }

    #[test]
    fn what_chronyd_refuses_is_refused() {
        assert_eq!(
            LeapList::parse("2272060800 10\n"),
            Err(LeapListError::NoDates)
        );
        let no_2012 = LIST.replace("3550089600\t35\t# 1 Jul 2012\n", "");
        assert_eq!(LeapList::parse(&no_2012), Err(LeapListError::FailsCheck));
        let garbage = LIST.replace("3644697600\t36", "x 36");
        assert_eq!(LeapList::parse(&garbage), Err(LeapListError::BadLine(10)));
        let long = format!("{LIST}{}", "3692217600 37\n".repeat(MAX_ENTRIES));
        assert_eq!(LeapList::parse(&long), Err(LeapListError::TooLong));
    }

    #[test]
    fn a_pending_leap_happens_at_the_next_utc_midnight() {
        let noon = crate::core::time::days_from_civil(2026, 12, 31) * 86400 + 12 * 3600;
        assert_eq!(pending_leap_at(noon as f64), (noon + 12 * 3600) as f64);
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        for text in [
            "#$",
            "#@ -",
            "#$ 99999999999999999999\n",
            "1 2 3\n#",
            "\u{feff}#$ 1",
        ] {
            let _ = LeapList::parse(text);
            let _ = LeapListSummary::of("x", Some(text), 0);
        }
    }
}
