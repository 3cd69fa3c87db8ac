//! Import of chronyd's own logs (`log tracking measurements statistics` in
//! its logdir), so that history from before Stratum started can be plotted.
//! Streams: a fixed buffer, one line at a time, no per-line allocation.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use crate::core::history::History;
use crate::core::time::days_from_civil;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Tracking,
    Measurements,
    Statistics,
}

impl LogKind {
    pub fn from_file_name(name: &str) -> Option<LogKind> {
        match name {
            "tracking.log" => Some(LogKind::Tracking),
            "measurements.log" => Some(LogKind::Measurements),
            "statistics.log" => Some(LogKind::Statistics),
            _ => None,
        }
    }

    /// (field index, series suffix, scale) per kind; see chrony's log
    /// headers (reference.c, ntp_core.c, sourcestats.c).
    fn fields(self) -> &'static [(usize, &'static str, f64)] {
        match self {
            LogKind::Tracking => &[
                (4, "frequency", 1.0),
                (5, "skew", 1.0),
                (6, "offset", 1.0),
                (11, "root_delay", 1.0),
                (12, "root_dispersion", 1.0),
            ],
            LogKind::Measurements => &[(11, "offset", 1.0), (12, "delay", 1.0)],
            // Diff freq and skew are fractions there; the series are ppm.
            LogKind::Statistics => &[(3, "std_dev", 1.0), (6, "frequency", 1e6)],
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportStats {
    pub bytes: u64,
    pub lines: u64,
    pub samples: u64,
    /// Lines that are neither headers nor readable records.
    pub skipped: u64,
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// "YYYY-MM-DD HH:MM:SS" at the start of a record, as Unix seconds.
fn parse_time(line: &[u8]) -> Option<f64> {
    if line.len() < 19 || line[4] != b'-' || line[7] != b'-' || line[10] != b' ' {
        return None;
    }
    let y = digits(&line[0..4])?;
    let mo = digits(&line[5..7])?;
    let d = digits(&line[8..10])?;
    let h = digits(&line[11..13])?;
    let mi = digits(&line[14..16])?;
    let s = digits(&line[17..19])?;
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(i64::from(y), mo, d);
    Some((days * 86400 + i64::from(h * 3600 + mi * 60 + s)) as f64)
}

/// Streams one log into `sink(series, time, value)`.
pub fn import_reader<R: Read>(
    reader: R,
    kind: LogKind,
    mut sink: impl FnMut(&str, f64, f64),
) -> io::Result<ImportStats> {
    let mut r = BufReader::with_capacity(1 << 20, reader);
    let mut line = Vec::with_capacity(256);
    let mut stats = ImportStats::default();
    let fields = kind.fields();
    let max_field = fields.iter().map(|f| f.0).max().unwrap_or(0);
    // Series names per address, built once.
    let mut names: HashMap<Vec<u8>, Vec<String>> = HashMap::new();
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(20);
    loop {
        line.clear();
        let n = r.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        stats.bytes += n as u64;
        stats.lines += 1;
        // Headers start with spaces or '='.
        if matches!(line.first(), Some(b' ' | b'=' | b'\n' | b'\r')) {
            continue;
        }
        let Some(t) = parse_time(&line) else {
            stats.skipped += 1;
            continue;
        };
        spans.clear();
        let mut i = 0;
        while i < line.len() && spans.len() <= max_field {
            while i < line.len() && line[i].is_ascii_whitespace() {
                i += 1;
            }
            let start = i;
            while i < line.len() && !line[i].is_ascii_whitespace() {
                i += 1;
            }
            if i > start {
                spans.push((start, i));
            }
        }
        if spans.len() <= max_field {
            stats.skipped += 1;
            continue;
        }
        let word = |k: usize| &line[spans[k].0..spans[k].1];
        let addr = word(2);
        let series = names.entry(addr.to_vec()).or_insert_with(|| {
            let a = String::from_utf8_lossy(addr);
            fields
                .iter()
                .map(|(_, suffix, _)| match kind {
                    LogKind::Tracking => format!("system.{suffix}"),
                    _ => format!("source.{a}.{suffix}"),
                })
                .collect()
        });
        for ((idx, _, scale), name) in fields.iter().zip(series.iter()) {
            let parsed = std::str::from_utf8(word(*idx))
                .ok()
                .and_then(|s| s.parse::<f64>().ok());
            if let Some(v) = parsed {
                sink(name, t, v * scale);
                stats.samples += 1;
            }
        }
    }
    Ok(stats)
}

/// Imports the three logs found in `dir` into `history`.
pub fn import_dir(dir: &Path, history: &mut History) -> io::Result<ImportStats> {
    let mut total = ImportStats::default();
    for name in ["tracking.log", "measurements.log", "statistics.log"] {
        let path = dir.join(name);
        let Ok(f) = std::fs::File::open(&path) else {
            continue;
        };
        let kind = LogKind::from_file_name(name).expect("known log");
        let s = import_reader(f, kind, |series, t, v| history.push(series, t, v))?;
        total.bytes += s.bytes;
        total.lines += s.lines;
        total.samples += s.samples;
        total.skipped += s.skipped;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACKING: &str = "\
====================================================================================================================
   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error
====================================================================================================================
2017-08-22 13:22:36 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03
2017-08-22 13:23:41 203.0.113.15     2     -3.540      0.060  1.233e-06 N  2  2.115e-06 -1.130e-05  1.534e-02  3.571e-04  8.013e-03
garbage line
";

    const STATISTICS: &str = "\
   Date (UTC) Time     IP Address    Std dev'n Est offset  Offset sd  Diff freq   Est skew  Stress  Ns  Bs  Nr  Asym
2016-08-10 05:40:50 203.0.113.15     6.261e-04 -3.247e-04  6.262e-04 -1.237e-06  1.597e-06  8.1e-02  18   0   8  0.00
";

    const MEASUREMENTS: &str = "\
   Date (UTC) Time     IP Address   L St 123 567 ABCD  LP RP Score    Offset  Peer del. Peer disp.  Root del. Root disp. Refid     MTxRx
2016-11-14 19:33:41 203.0.113.15    N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K
";

    #[test]
    fn reads_each_log_format() {
        let mut got = Vec::new();
        let s = import_reader(TRACKING.as_bytes(), LogKind::Tracking, |n, t, v| {
            got.push((n.to_string(), t, v))
        })
        .unwrap();
        assert_eq!((s.lines, s.samples, s.skipped), (6, 10, 1));
        let t0 = (days_from_civil(2017, 8, 22) * 86400 + 13 * 3600 + 22 * 60 + 36) as f64;
        assert_eq!(got[0], ("system.frequency".to_string(), t0, -3.541));
        assert_eq!(got[2], ("system.offset".to_string(), t0, -8.621e-06));

        got.clear();
        import_reader(STATISTICS.as_bytes(), LogKind::Statistics, |n, t, v| {
            got.push((n.to_string(), t, v))
        })
        .unwrap();
        assert_eq!(got[0].0, "source.203.0.113.15.std_dev");
        assert!((got[1].2 - -1.237).abs() < 1e-9);

        got.clear();
        import_reader(MEASUREMENTS.as_bytes(), LogKind::Measurements, |n, t, v| {
            got.push((n.to_string(), t, v))
        })
        .unwrap();
        assert_eq!(
            got[0],
            (
                "source.203.0.113.15.offset".to_string(),
                got[0].1,
                -4.966e-03
            )
        );
        assert_eq!(got[1].2, 2.296e-01);
    }
}
