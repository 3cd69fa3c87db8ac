//! Which log a file is, read from its first lines and never from its name
//! (a copy called `server1-tracking.log`, a rotated `tracking.log.3`, or
//! a log written with `logbanner 0` and so without any banner): chronyd's
//! banner when there is one, else the shape of its records, which differs
//! between the logs (see the formats in [`super`]).

use super::csvrow;
use super::number::{parse_number, parse_time};
use super::record::{LogKind, columns, split_record};

/// chronyd's other logs, recognised so that the refusal can name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherLog {
    Selection,
    Tempcomp,
    Rtc,
}

impl OtherLog {
    pub fn id(self) -> &'static str {
        match self {
            OtherLog::Selection => "selection",
            OtherLog::Tempcomp => "tempcomp",
            OtherLog::Rtc => "rtc",
        }
    }
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Log(LogKind),
    /// Stratum's history export (`series,time,min,max`).
    HistoryCsv,
    /// `stratum stats --format csv` output: statistics, not a series.
    StatsCsv,
    Other(OtherLog),
    /// A compressed file (logrotate's `tracking.log.2.gz`), by its magic.
    Compressed(&'static str),
    /// UTF-16 text (a log saved by a Windows editor).
    Utf16,
    Unknown,
}

/// How much of a file detection reads.
pub const HEAD_BYTES: usize = 64 * 1024;

/// Records looked at before deciding.
const VOTES: usize = 8;

/// chronyd's banners (reference.c, ntp_core.c, sourcestats.c, sources.c,
/// refclock.c, tempcomp.c, rtc_linux.c; the same from 4.0 to 4.9), with
/// runs of spaces as one.
const BANNERS: [(&str, Content); 7] = [
    (
        "Date (UTC) Time IP Address St Freq ppm Skew ppm Offset L Co Offset sd Rem. corr. Root delay Root disp. Max. error",
        Content::Log(LogKind::Tracking),
    ),
    (
        "Date (UTC) Time IP Address L St 123 567 ABCD LP RP Score Offset Peer del. Peer disp. Root del. Root disp. Refid MTxRx",
        Content::Log(LogKind::Measurements),
    ),
    (
        "Date (UTC) Time IP Address Std dev'n Est offset Offset sd Diff freq Est skew Stress Ns Bs Nr Asym",
        Content::Log(LogKind::Statistics),
    ),
    (
        "Date (UTC) Time IP Address S EOpts Reach Score Last sample Low end High end",
        Content::Other(OtherLog::Selection),
    ),
    (
        "Date (UTC) Time Refid DP L P Raw offset Cooked offset Disp.",
        Content::Log(LogKind::Refclocks),
    ),
    (
        "Date (UTC) Time Temp. Comp.",
        Content::Other(OtherLog::Tempcomp),
    ),
    (
        "Date (UTC) Time RTC fast (s) Val Est fast (s) Slope (ppm) Ns Nr Meas",
        Content::Other(OtherLog::Rtc),
    ),
];

fn same_words(line: &[u8], banner: &str) -> bool {
    let mut a = line
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let mut b = banner.split(' ');
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y.as_bytes() => {}
            _ => return false,
        }
    }
}

fn is_number(w: &[u8]) -> bool {
    parse_number(w).is_some_and(f64::is_finite)
}

fn is_int(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(u8::is_ascii_digit)
}

fn is_leap(w: &[u8]) -> bool {
    matches!(w, b"N" | b"+" | b"-" | b"?")
}

fn bits(w: &[u8], n: usize) -> bool {
    w.len() == n && w.iter().all(|b| matches!(b, b'0' | b'1'))
}

/// The log a record's shape belongs to, from chronyd's formats.
fn shape(line: &[u8]) -> Option<Content> {
    parse_time(line, &mut ([0; 10], 0))?;
    // refclocks.log stamps microseconds: "%s.%06d %-5s %3d %1c %1d %13.6e
    // %13.6e %10.3e" for a raw sample, "-" for the sequence number, PPS
    // flag and raw error of a filtered one (refclock.c).
    if line.get(19) == Some(&b'.') {
        let r = split_record(line, &mut ([0; 10], 0))?;
        let c: Vec<&[u8]> = columns(r.rest).take(20).collect();
        let n_or_dash = |i: usize| c.get(i).is_some_and(|w| *w == b"-" || is_number(w));
        let ok = c.len() >= 6
            && (c[0] == b"-" || is_int(c[0]) || c[0].strip_prefix(b"-").is_some_and(is_int))
            && is_leap(c[1])
            && n_or_dash(2)
            && n_or_dash(3)
            && is_number(c[4])
            && is_number(c[5]);
        return ok.then_some(Content::Log(LogKind::Refclocks));
    }
    let words: Vec<&[u8]> = line[19..]
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .take(20)
        .collect();
    // tempcomp: "%s %11.4e %11.4e"; rtc: "%s %14.6f %1d  %14.6f  %12.3f  %2d  %2d %4d".
    if words.len() == 2 && words.iter().all(|w| is_number(w)) {
        return Some(Content::Other(OtherLog::Tempcomp));
    }
    if words.len() == 8 && is_number(words[0]) && matches!(words[1], b"0" | b"1") {
        return Some(Content::Other(OtherLog::Rtc));
    }
    let r = split_record(line, &mut ([0; 10], 0))?;
    let c: Vec<&[u8]> = columns(r.rest).take(20).collect();
    let n = |i: usize| c.get(i).is_some_and(|w| is_number(w));
    let int = |i: usize| c.get(i).is_some_and(|w| is_int(w));
    // tracking: "%2d %10.3f %10.3f %10.3e %1c %2d %10.3e %10.3e %10.3e %10.3e %10.3e"
    if c.len() >= 11 && int(0) && n(1) && n(2) && n(3) && is_leap(c[4]) && int(5) && n(6) {
        return Some(Content::Log(LogKind::Tracking));
    }
    // measurements: "%1c %2d %1d%1d%1d %1d%1d%1d %1d%1d%1d%d  %2d %2d %4.2f %10.3e ..."
    if c.len() >= 17 && is_leap(c[0]) && int(1) && bits(c[2], 3) && bits(c[3], 3) && n(8) {
        return Some(Content::Log(LogKind::Measurements));
    }
    // statistics: "%10.3e %10.3e %10.3e %10.3e %10.3e %7.1e %3d %3d %3d %5.2f"
    if c.len() >= 10 && (0..6).all(n) && int(6) && int(7) && int(8) && n(9) {
        return Some(Content::Log(LogKind::Statistics));
    }
    // selection: "%c -%c%c%c%c %4o %5.2f %10.3e %10.3e %10.3e"
    if c.len() >= 7 && c[0].len() == 1 && c[1].len() == 5 && c[1][0] == b'-' && int(2) {
        return Some(Content::Other(OtherLog::Selection));
    }
    None
}

/// What `head` (the first [`HEAD_BYTES`] of a file, or all of it when
/// `whole`) holds, and the time of its first record.
pub fn detect(head: &[u8], whole: bool) -> (Content, Option<f64>) {
    for (magic, name) in [
        (&b"\x1f\x8b"[..], "gzip"),
        (&b"\xfd7zXZ\x00"[..], "xz"),
        (&b"BZh"[..], "bzip2"),
        (&b"\x28\xb5\x2f\xfd"[..], "zstd"),
    ] {
        if head.starts_with(magic) {
            return (Content::Compressed(name), None);
        }
    }
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return (Content::Utf16, None);
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    // The last line may be cut by the end of the head.
    let complete = if whole {
        head
    } else {
        memchr::memrchr(b'\n', head).map_or(&head[..0], |i| &head[..i])
    };
    let mut votes: Vec<Content> = Vec::new();
    let mut first: Option<f64> = None;
    let mut strangers = 0;
    let mut banner: Option<Content> = None;
    let mut row = csvrow::RowReader::new();
    for line in complete.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) || line.iter().all(|&b| b == b'=') {
            continue;
        }
        if let Some((_, c)) = BANNERS.iter().find(|(b, _)| same_words(line, b)) {
            banner.get_or_insert(*c);
            continue;
        }
        if row.is_header(line, &csvrow::HISTORY_HEADER) {
            banner.get_or_insert(Content::HistoryCsv);
            continue;
        }
        if row.is_header(line, &crate::core::stats::summary::CSV_HEADER) {
            return (Content::StatsCsv, None);
        }
        if let Some(c) = shape(line) {
            if first.is_none() {
                first = parse_time(line, &mut ([0; 10], 0)).map(|t| t as f64);
            }
            votes.push(c);
        } else if let Some(r) = row.read(line) {
            first.get_or_insert(r.time);
            votes.push(Content::HistoryCsv);
        } else {
            strangers += 1;
        }
        if votes.len() >= VOTES || (strangers > 2 * VOTES && votes.is_empty()) {
            break;
        }
    }
    // A banner says it; records must not say otherwise.
    if let Some(b) = banner {
        return if votes.iter().all(|v| *v == b) {
            (b, first)
        } else {
            (Content::Unknown, None)
        };
    }
    match votes.first() {
        Some(v) if votes.iter().all(|w| w == v) && strangers <= votes.len() => (*v, first),
        _ => (Content::Unknown, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "2017-08-22 13:22:36 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-03 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n";
    const S: &str = "2016-08-10 05:40:50 203.0.113.15     6.261e-03 -3.247e-03  2.220e-03  1.874e-06  1.080e-06 7.8e-02  16   0   8  0.00\n";
    const M: &str = "2016-11-09 05:40:50 203.0.113.15    N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K\n";

    fn kind(text: &str) -> Content {
        detect(text.as_bytes(), true).0
    }

    #[test]
    fn logs_are_known_by_their_banner_or_their_records() {
        use Content::*;
        let banner = "   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n";
        assert_eq!(kind(&format!("{banner}{T}")), Log(LogKind::Tracking));
        // logbanner 0: records only, CRLF line ends from a Windows copy.
        assert_eq!(
            kind(&T.repeat(3).replace('\n', "\r\n")),
            Log(LogKind::Tracking)
        );
        assert_eq!(kind(&S.repeat(2)), Log(LogKind::Statistics));
        assert_eq!(kind(M), Log(LogKind::Measurements));
        assert_eq!(detect(T.as_bytes(), true).1, Some(1_503_408_156.0));
        // A banner of one log over records of another is not believed.
        assert_eq!(kind(&format!("{banner}{S}")), Unknown);
        assert_eq!(
            kind("series,time,min,max\nsystem.clock_ahead,1.5,1e-6,2e-6\n"),
            HistoryCsv
        );
        assert_eq!(kind("system.frequency,1.5,-3.5,-3.5\n"), HistoryCsv);
        assert_eq!(kind("series,kind,tau,value,low,high\n"), StatsCsv);
        assert_eq!(
            kind(
                "2022-05-01 02:01:20 203.0.113.15    * -----  377  1.00  4.228e+01 -1.575e-04  1.239e-04\n"
            ),
            Other(OtherLog::Selection)
        );
        assert_eq!(
            kind(
                "2026-11-30 10:00:00.123456 GPS     1 N 0  1.000000e-03  1.000000e-03  1.000e-06\n"
            ),
            Log(LogKind::Refclocks)
        );
        // A filtered sample of 4.9 under its banner.
        assert_eq!(
            kind(
                "   Date (UTC) Time         Refid  DP L P  Raw offset   Cooked offset      Disp.\n2026-12-07 09:28:54.564154 GPS     - N -       -        2.999743e-01  3.304e-05\n"
            ),
            Log(LogKind::Refclocks)
        );
        // Microseconds on a line that is no refclock sample.
        assert_eq!(kind("2026-11-30 10:00:00.123456 hello world\n"), Unknown);
        assert_eq!(detect(b"\x1f\x8b\x08\x00", true).0, Compressed("gzip"));
        assert_eq!(detect(b"\xff\xfe2\x000\x00", true).0, Utf16);
        for junk in ["", "0,0,0,0\n0,0,0,0\n", "hello\nworld\n", "\0\0\0\0"] {
            assert_eq!(kind(junk), Unknown, "{junk:?}");
        }
    }
}
