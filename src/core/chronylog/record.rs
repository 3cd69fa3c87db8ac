//! A record of chronyd's tracking, measurements, statistics and refclocks
//! logs: its fixed time and name columns, and which column after them
//! holds which series (chrony.conf(5)'s `log` directive).

use super::number::{parse_number, parse_time};
use crate::core::series::{Field, SeriesId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Tracking,
    Measurements,
    Statistics,
    Refclocks,
}

/// What a positive offset means in a log (chrony.conf(5) says it for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sign {
    /// Positive: the local clock is fast (ahead).
    LocalFast,
    /// Positive: the local clock is slow (behind).
    LocalSlow,
}

/// Where a series is in a record: its index among the columns after the
/// name (see [`Record::rest`]), the factor to its unit, and, for offsets,
/// what positive means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub index: usize,
    pub scale: f64,
    pub sign: Option<Sign>,
}

impl LogKind {
    pub fn from_file_name(name: &str) -> Option<LogKind> {
        match name {
            "tracking.log" => Some(LogKind::Tracking),
            "measurements.log" => Some(LogKind::Measurements),
            "statistics.log" => Some(LogKind::Statistics),
            "refclocks.log" => Some(LogKind::Refclocks),
            _ => None,
        }
    }

    /// The log's name as chronyd's `log` directive names it.
    pub fn id(self) -> &'static str {
        match self {
            LogKind::Tracking => "tracking",
            LogKind::Measurements => "measurements",
            LogKind::Statistics => "statistics",
            LogKind::Refclocks => "refclocks",
        }
    }

    /// (field index, series suffix, scale) per kind for the helper's
    /// import, counted over whitespace-separated words from the date.
    pub fn fields(self) -> &'static [(usize, Field, f64)] {
        match self {
            LogKind::Tracking => &[
                (4, Field::Frequency, 1.0),
                (5, Field::Skew, 1.0),
                (6, Field::Offset, 1.0),
                (11, Field::RootDelay, 1.0),
                (12, Field::RootDispersion, 1.0),
            ],
            LogKind::Measurements => &[(11, Field::Offset, 1.0), (12, Field::Delay, 1.0)],
            // Diff freq is a fraction there; the series is in ppm.
            LogKind::Statistics => &[(3, Field::StdDev, 1.0), (6, Field::Frequency, 1e6)],
            // The helper imports the three logs of a server's history only.
            LogKind::Refclocks => &[],
        }
    }

    pub fn series_id(self, addr: &[u8], field: Field) -> SeriesId {
        match self {
            LogKind::Tracking => SeriesId::system(field),
            _ => SeriesId::source(String::from_utf8_lossy(addr), field),
        }
    }

    /// How many columns follow the name in every record chronyd 4.0–4.9
    /// writes (a record may have more, never fewer).
    pub fn rest_columns(self) -> usize {
        match self {
            LogKind::Tracking => 11,
            LogKind::Measurements => 17,
            LogKind::Statistics => 10,
            LogKind::Refclocks => 6,
        }
    }

    /// The series `stratum stats` reads from this log: every numeric
    /// column chrony.conf(5) documents for it, in column order.
    pub fn series(self) -> &'static [Field] {
        match self {
            LogKind::Tracking => &[
                Field::Stratum,
                Field::Frequency,
                Field::Skew,
                Field::Offset,
                Field::CombinedSources,
                Field::StdDev,
                Field::Correction,
                Field::RootDelay,
                Field::RootDispersion,
                Field::MaxError,
            ],
            LogKind::Measurements => &[
                Field::Stratum,
                Field::Poll,
                Field::RemotePoll,
                Field::Score,
                Field::Offset,
                Field::Delay,
                Field::Dispersion,
                Field::RootDelay,
                Field::RootDispersion,
            ],
            LogKind::Statistics => &[
                Field::StdDev,
                Field::Offset,
                Field::OffsetSd,
                Field::Frequency,
                Field::Skew,
                Field::Stress,
                Field::Samples,
                Field::StartIndex,
                Field::Runs,
                Field::Asymmetry,
            ],
            LogKind::Refclocks => &[Field::RawOffset, Field::Offset, Field::Dispersion],
        }
    }

    /// Every series some log has (the names `--series` takes).
    pub const ALL_SERIES: [Field; 22] = [
        Field::Offset,
        Field::Frequency,
        Field::Skew,
        Field::StdDev,
        Field::RootDelay,
        Field::RootDispersion,
        Field::Delay,
        Field::Dispersion,
        Field::Stratum,
        Field::CombinedSources,
        Field::Correction,
        Field::MaxError,
        Field::Poll,
        Field::RemotePoll,
        Field::Score,
        Field::OffsetSd,
        Field::Stress,
        Field::Samples,
        Field::StartIndex,
        Field::Runs,
        Field::Asymmetry,
        Field::RawOffset,
    ];

    /// The column of `field`, from chrony.conf(5)'s `log` directive (the
    /// same text and columns in the 4.0 to 4.9 manuals and banners).
    /// Indices count the columns after the name (date, time and address
    /// are not counted).
    pub fn column(self, field: Field) -> Option<Column> {
        let plain = |index| Column {
            index,
            scale: 1.0,
            sign: None,
        };
        let offset = |index, sign| Column {
            index,
            scale: 1.0,
            sign: Some(sign),
        };
        match (self, field) {
            // tracking: "The stratum of the local system."
            (LogKind::Tracking, Field::Stratum) => Some(plain(0)),
            // "The local system frequency (in ppm, positive means the local
            // system runs fast of UTC)."
            (LogKind::Tracking, Field::Frequency) => Some(plain(1)),
            // "The error bounds on the frequency (in ppm)."
            (LogKind::Tracking, Field::Skew) => Some(plain(2)),
            // "The estimated local offset at the epoch, which is normally
            // corrected by slewing the local clock (in seconds, positive
            // indicates the clock is fast of UTC)."
            (LogKind::Tracking, Field::Offset) => Some(offset(3, Sign::LocalFast)),
            // "The number of combined sources."
            (LogKind::Tracking, Field::CombinedSources) => Some(plain(5)),
            // "The estimated standard deviation of the combined offset (in
            // seconds)."
            (LogKind::Tracking, Field::StdDev) => Some(plain(6)),
            // "The remaining offset correction from the previous update (in
            // seconds, positive means the system clock is slow of UTC)."
            (LogKind::Tracking, Field::Correction) => Some(offset(7, Sign::LocalSlow)),
            // "The total of the network path delays to the reference clock
            // to which the local clock is ultimately synchronised."
            (LogKind::Tracking, Field::RootDelay) => Some(plain(8)),
            // "The total dispersion accumulated through all the servers
            // back to the reference clock."
            (LogKind::Tracking, Field::RootDispersion) => Some(plain(9)),
            // "The maximum estimated error of the system clock in the
            // interval since the previous update (in seconds)."
            (LogKind::Tracking, Field::MaxError) => Some(plain(10)),
            // measurements: "Stratum of remote computer." / "Local poll" /
            // "Remote poll" / "'Score' (an internal score within each
            // polling level used to decide when to increase or decrease the
            // polling level …)"
            (LogKind::Measurements, Field::Stratum) => Some(plain(1)),
            (LogKind::Measurements, Field::Poll) => Some(plain(5)),
            (LogKind::Measurements, Field::RemotePoll) => Some(plain(6)),
            (LogKind::Measurements, Field::Score) => Some(plain(7)),
            // "The estimated local clock error (theta in RFC
            // 5905). Positive indicates that the local clock is slow of the
            // remote source."
            (LogKind::Measurements, Field::Offset) => Some(offset(8, Sign::LocalSlow)),
            // "The peer delay (delta in RFC 5905)." / "The peer dispersion
            // (epsilon in RFC 5905)."
            (LogKind::Measurements, Field::Delay) => Some(plain(9)),
            (LogKind::Measurements, Field::Dispersion) => Some(plain(10)),
            // "The root delay (DELTA in RFC 5905)." / "The root dispersion
            // (EPSILON in RFC 5905)." (of the server's packet)
            (LogKind::Measurements, Field::RootDelay) => Some(plain(11)),
            (LogKind::Measurements, Field::RootDispersion) => Some(plain(12)),
            // statistics: "The estimated standard deviation of the
            // measurements from the source (in seconds)."
            (LogKind::Statistics, Field::StdDev) => Some(plain(0)),
            // "The estimated offset of the source (in seconds, positive
            // means the local clock is estimated to be fast, in this case)."
            (LogKind::Statistics, Field::Offset) => Some(offset(1, Sign::LocalFast)),
            // "The estimated standard deviation of the offset estimate (in
            // seconds)."
            (LogKind::Statistics, Field::OffsetSd) => Some(plain(2)),
            // "The estimated rate at which the local clock is gaining or
            // losing time relative to the source (in seconds per second,
            // positive means the local clock is gaining)": in ppm here.
            (LogKind::Statistics, Field::Frequency) => Some(Column {
                index: 3,
                scale: 1e6,
                sign: None,
            }),
            // "The estimated error in the rate value (in seconds per
            // second)": in ppm here.
            (LogKind::Statistics, Field::Skew) => Some(Column {
                index: 4,
                scale: 1e6,
                sign: None,
            }),
            // "The ratio of |old_rate - new_rate| / old_rate_error." /
            // "The number of measurements currently being used for the
            // regression algorithm." / "The new starting index" / "The
            // number of runs." / "The estimated or configured asymmetry of
            // network jitter on the path to the source"
            (LogKind::Statistics, Field::Stress) => Some(plain(5)),
            (LogKind::Statistics, Field::Samples) => Some(plain(6)),
            (LogKind::Statistics, Field::StartIndex) => Some(plain(7)),
            (LogKind::Statistics, Field::Runs) => Some(plain(8)),
            (LogKind::Statistics, Field::Asymmetry) => Some(plain(9)),
            // refclocks: "Local clock error measured by reference clock
            // driver, or - for filtered sample." (refclock.c: ref_time -
            // sample_time, so positive when the local clock is slow, as
            // the cooked one): the raw samples' series.
            (LogKind::Refclocks, Field::RawOffset) => Some(offset(3, Sign::LocalSlow)),
            // "Local clock error with applied corrections. Positive
            // indicates that the local clock is slow."
            (LogKind::Refclocks, Field::Offset) => Some(offset(4, Sign::LocalSlow)),
            // "Assumed dispersion of the sample."
            (LogKind::Refclocks, Field::Dispersion) => Some(plain(5)),
            _ => None,
        }
    }

    /// Whether `field` of this log is read from the raw samples of a
    /// refclocks log (the others from its filtered ones).
    pub fn raw_samples(self, field: Field) -> bool {
        self == LogKind::Refclocks && field == Field::RawOffset
    }
}

/// One record of a chronyd log: its time (Unix seconds, and the fraction
/// the refclocks log stamps, `.%06d`), the name column
/// (an address or reference id; empty for tracking records written while
/// unsynchronised, whose reference id 0 prints as nothing) and the columns
/// after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record<'a> {
    pub time: i64,
    pub fraction: f64,
    pub name: &'a [u8],
    pub rest: &'a [u8],
}

/// The longest name column read (an IPv6 address is at most 45 bytes).
pub const MAX_NAME: usize = 64;

/// Splits a record as chronyd writes it: `%s %-15s ...`, the date and time
/// in 19 bytes, a space, the name left-aligned in at least 15 bytes, then
/// the columns. `None` for anything else (banners, rules, damage). The
/// name must be printable ASCII: a log cannot put control characters on a
/// terminal through it.
pub fn split_record<'a>(line: &'a [u8], day_cache: &mut ([u8; 10], i64)) -> Option<Record<'a>> {
    let time = parse_time(line, day_cache)?;
    // refclocks.log: "%s.%06d", microseconds after the seconds.
    let (fraction, end) = match line.get(19) {
        Some(b'.') => {
            let digits = line[20..].iter().take_while(|b| b.is_ascii_digit()).count();
            if !(1..=9).contains(&digits) {
                return None;
            }
            let f = parse_number(&line[20..20 + digits])? / 10f64.powi(digits as i32);
            (f, 20 + digits)
        }
        _ => (0.0, 19),
    };
    if line.get(end) != Some(&b' ') {
        return None;
    }
    let field = &line[end + 1..];
    let (name, rest) = if field.first() == Some(&b' ') {
        // A blank name fills the 15 bytes with spaces.
        if field.len() < 15 || field[..15].iter().any(|&b| b != b' ') {
            return None;
        }
        (&field[..0], &field[15..])
    } else {
        let end = field
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(field.len());
        (&field[..end], &field[end..])
    };
    if name.len() > MAX_NAME || !name.iter().all(|b| b.is_ascii_graphic()) {
        return None;
    }
    Some(Record {
        time,
        fraction,
        name,
        rest,
    })
}

/// The columns of `rest`, split at whitespace.
pub fn columns(rest: &[u8]) -> impl Iterator<Item = &[u8]> {
    rest.split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
}

/// The `index`th column of `rest`.
pub fn column(rest: &[u8], index: usize) -> Option<&[u8]> {
    columns(rest).nth(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The example lines of chrony.conf(5)'s `log` directive, joined.
    const TRACKING: &[u8] = b"2017-08-22 13:22:36 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-03 -2.084e-04  1.534e-02  3.472e-04  8.304e-03";
    const STATISTICS: &[u8] = b"2016-08-10 05:40:50 203.0.113.15     6.261e-03 -3.247e-03  2.220e-03  1.874e-06  1.080e-06 7.8e-02  16   0   8  0.00";
    const REFCLOCKS: &[u8] =
        b"2009-11-30 14:33:27.000000 PPS2    7 N 1  4.900000e-07 -6.741777e-07  1.000e-06";
    const MEASUREMENTS: &[u8] = b"2016-11-09 05:40:50 203.0.113.15    N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K";

    fn value(kind: LogKind, line: &[u8], field: Field) -> f64 {
        let r = split_record(line, &mut ([0; 10], 0)).unwrap();
        assert_eq!(columns(r.rest).count(), kind.rest_columns(), "{kind:?}");
        let c = kind.column(field).unwrap();
        parse_number(column(r.rest, c.index).unwrap()).unwrap() * c.scale
    }

    #[test]
    fn the_manuals_example_lines_give_the_manuals_values() {
        // The bracketed values of chrony.conf(5)'s column lists.
        assert_eq!(value(LogKind::Tracking, TRACKING, Field::Frequency), -3.541);
        assert_eq!(value(LogKind::Tracking, TRACKING, Field::Skew), 0.075);
        assert_eq!(
            value(LogKind::Tracking, TRACKING, Field::Offset),
            -8.621e-06
        );
        assert_eq!(value(LogKind::Tracking, TRACKING, Field::StdDev), 2.940e-03);
        assert_eq!(
            value(LogKind::Tracking, TRACKING, Field::RootDelay),
            1.534e-02
        );
        assert_eq!(
            value(LogKind::Tracking, TRACKING, Field::RootDispersion),
            3.472e-04
        );
        assert_eq!(
            value(LogKind::Statistics, STATISTICS, Field::StdDev),
            6.261e-03
        );
        assert_eq!(
            value(LogKind::Statistics, STATISTICS, Field::Offset),
            -3.247e-03
        );
        assert!((value(LogKind::Statistics, STATISTICS, Field::Frequency) - 1.874).abs() < 1e-12);
        assert!((value(LogKind::Statistics, STATISTICS, Field::Skew) - 1.080).abs() < 1e-12);
        assert_eq!(
            value(LogKind::Measurements, MEASUREMENTS, Field::Offset),
            -4.966e-03
        );
        assert_eq!(
            value(LogKind::Measurements, MEASUREMENTS, Field::Delay),
            2.296e-01
        );
        assert_eq!(
            value(LogKind::Measurements, MEASUREMENTS, Field::RootDelay),
            1.615e-01
        );
        assert_eq!(
            value(LogKind::Measurements, MEASUREMENTS, Field::RootDispersion),
            7.446e-03
        );
        assert_eq!(
            value(LogKind::Refclocks, REFCLOCKS, Field::Offset),
            -6.741777e-07
        );
        assert_eq!(
            value(LogKind::Refclocks, REFCLOCKS, Field::Dispersion),
            1.000e-06
        );
        // The other documented columns, each its example value.
        for (kind, line, field, want) in [
            (LogKind::Tracking, TRACKING, Field::Stratum, 2.0),
            (LogKind::Tracking, TRACKING, Field::CombinedSources, 2.0),
            (LogKind::Tracking, TRACKING, Field::Correction, -2.084e-04),
            (LogKind::Tracking, TRACKING, Field::MaxError, 8.304e-03),
            (LogKind::Measurements, MEASUREMENTS, Field::Stratum, 2.0),
            (LogKind::Measurements, MEASUREMENTS, Field::Poll, 10.0),
            (LogKind::Measurements, MEASUREMENTS, Field::RemotePoll, 10.0),
            (LogKind::Measurements, MEASUREMENTS, Field::Score, 1.0),
            // "Peer disp.": the peer dispersion (epsilon).
            (
                LogKind::Measurements,
                MEASUREMENTS,
                Field::Dispersion,
                1.577e-05,
            ),
            (LogKind::Statistics, STATISTICS, Field::OffsetSd, 2.220e-03),
            (LogKind::Statistics, STATISTICS, Field::Stress, 7.8e-02),
            (LogKind::Statistics, STATISTICS, Field::Samples, 16.0),
            (LogKind::Statistics, STATISTICS, Field::StartIndex, 0.0),
            (LogKind::Statistics, STATISTICS, Field::Runs, 8.0),
            (LogKind::Statistics, STATISTICS, Field::Asymmetry, 0.0),
            (
                LogKind::Refclocks,
                REFCLOCKS,
                Field::RawOffset,
                4.900000e-07,
            ),
        ] {
            assert_eq!(value(kind, line, field), want, "{kind:?} {field:?}");
        }
        for kind in [
            LogKind::Tracking,
            LogKind::Measurements,
            LogKind::Statistics,
            LogKind::Refclocks,
        ] {
            let mut columns = Vec::new();
            for f in kind.series() {
                let c = kind.column(*f).unwrap_or_else(|| panic!("{kind:?} {f:?}"));
                assert!(LogKind::ALL_SERIES.contains(f), "{f:?}");
                columns.push(c.index);
            }
            // In column order, each column once.
            assert!(columns.windows(2).all(|w| w[0] < w[1]), "{kind:?}");
            for f in LogKind::ALL_SERIES {
                assert_eq!(
                    kind.column(f).is_some(),
                    kind.series().contains(&f),
                    "{kind:?} {f:?}"
                );
            }
        }
    }

    #[test]
    fn an_unsynchronised_tracking_record_has_a_blank_name_and_its_columns_in_place() {
        // REF_SetUnsynchronised logs reference id 0, which prints as "".
        let line = b"2026-11-30 10:00:00                  0    -12.345      1.000  0.000e+00 ?  0  0.000e+00  1.000e-03  0.000e+00  1.000e+00  1.500e+00";
        let r = split_record(line, &mut ([0; 10], 0)).unwrap();
        assert_eq!(r.name, b"");
        assert_eq!(value(LogKind::Tracking, line, Field::Frequency), -12.345);
        // A refclock's reference id, and an IPv6 address longer than 15.
        let line = b"2026-11-30 10:00:00 GPS              1     -3.541      0.075 -8.621e-06 N  1  2.940e-03 -2.084e-04  0.000e+00  3.472e-04  8.304e-03";
        assert_eq!(split_record(line, &mut ([0; 10], 0)).unwrap().name, b"GPS");
        let line = b"2026-11-30 10:00:00 2001:db8:1234:5678::15  2     -3.541      0.075 -8.621e-06 N  2  2.940e-03 -2.084e-04  1.534e-02  3.472e-04  8.304e-03";
        assert_eq!(value(LogKind::Tracking, line, Field::Offset), -8.621e-06);
        // Not records: the banner, a control character in the name.
        let banner = b"   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error";
        assert!(split_record(banner, &mut ([0; 10], 0)).is_none());
        let line = b"2026-11-30 10:00:00 1.2.3.4\x1b[2J     2     -3.541      0.075 -8.621e-06 N  2  2.940e-03 -2.084e-04  1.534e-02  3.472e-04  8.304e-03";
        assert!(split_record(line, &mut ([0; 10], 0)).is_none());
    }

    #[test]
    fn a_refclocks_record_keeps_its_microseconds() {
        let line =
            b"2026-12-07 09:28:51.767765 GPS     - N -       -        2.999751e-01  1.633e-05";
        let r = split_record(line, &mut ([0; 10], 0)).unwrap();
        assert_eq!(r.name, b"GPS");
        assert_eq!(r.time, 1_796_635_731);
        assert!((r.fraction - 0.767765).abs() < 1e-12);
        assert_eq!(value(LogKind::Refclocks, line, Field::Offset), 2.999751e-01);
        // A fraction without digits, or glued to the name, is no record.
        for bad in [
            &b"2026-12-07 09:28:51. GPS     - N -       -        2.999751e-01  1.633e-05"[..],
            b"2026-12-07 09:28:51.767765GPS     - N -       -        2.999751e-01  1.633e-05",
        ] {
            assert!(split_record(bad, &mut ([0; 10], 0)).is_none());
        }
    }
}
