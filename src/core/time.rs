//! Civil (UTC) dates without a time-zone library: chrony's logs and file
//! names need nothing more. Algorithms after H. Hinnant's `days_from_civil`.

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The UTC date of Unix seconds: `2026-12-31`.
pub fn utc_date(t: i64) -> String {
    let (y, m, d, ..) = civil_from_unix(t);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The UTC date and time of Unix seconds: `2026-12-31 23:59:59`.
pub fn utc_datetime(t: i64) -> String {
    let (y, m, d, h, mi, s) = civil_from_unix(t);
    format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}

/// (year, month, day, hour, minute, second) of Unix seconds, UTC.
pub fn civil_from_unix(t: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        m,
        d,
        (secs / 3600) as u32,
        (secs % 3600 / 60) as u32,
        (secs % 60) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_correction_is_neither_ahead_nor_behind() {
        assert_eq!(format!("{:+.1}", clock_ahead(0.0) * 1e6), "+0.0");
        assert_eq!(format!("{:+.1}", clock_ahead(-0.0) * 1e6), "+0.0");
        assert_eq!(clock_ahead(2e-6), -2e-6);
        assert_eq!(clock_ahead(-2e-6), 2e-6);
    }

    #[test]
    fn round_trips_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        // 2025-02-07 02:53:34 UTC, from a switch's output.
        let t = days_from_civil(2025, 2, 7) * 86400 + 2 * 3600 + 53 * 60 + 34;
        assert_eq!(t, 1_738_896_814);
        assert_eq!(civil_from_unix(t), (2025, 2, 7, 2, 53, 34));
        assert_eq!(civil_from_unix(-1), (1969, 12, 31, 23, 59, 59));
    }
}

/// The direction of time, one convention on every surface.
///
/// chronyd's *correction* (tracking's "System time"; `system_time` in
/// Stratum's JSON; `chrony_tracking_system_time_seconds` in the metrics) is
/// NTP time minus the system clock: **positive when the system clock is
/// behind** (chronyc prints "slow"), negative when it is ahead ("fast").
/// Plots and CSV exports draw the system clock *against* NTP time with the
/// sign chronyc uses for source offsets (positive: the local clock is
/// ahead), which is `-correction`; their labels say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The system clock is behind NTP time ("slow").
    Slow,
    /// The system clock is ahead of NTP time ("fast").
    Fast,
}

impl Direction {
    /// The direction a correction says, as chronyc words it (`> 0` slow).
    pub fn of_correction(correction: f64) -> Direction {
        if correction > 0.0 {
            Direction::Slow
        } else {
            Direction::Fast
        }
    }
}

/// How far the system clock is ahead of NTP time (negative: behind), from
/// chronyd's correction: what plots and CSV exports draw.
pub fn clock_ahead(correction: f64) -> f64 {
    // Not `-correction`: a server on its own clock corrects by exactly 0,
    // and -0.0 prints as "-0.0 µs", a clock behind that is not.
    0.0 - correction
}
