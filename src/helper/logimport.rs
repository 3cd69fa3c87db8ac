//! Import of chronyd's own logs (`log tracking measurements statistics` in
//! its logdir), so that history from before Stratum started can be plotted.
//!
//! Streams: the file is read in fixed blocks (never whole), each block is
//! cut at a line end and parsed on two threads into one-minute buckets,
//! which are then merged in order into the history. Numbers are read with a
//! parser for the fixed formats chronyd writes (`%10.3e`, `%10.3f`),
//! falling back to the general one for anything else.

use std::collections::HashMap;
use std::io::{self, Read};
use std::path::Path;

pub use crate::core::chronylog::{LogKind, parse_number};
use crate::core::chronylog::{columns, split_record};
use crate::core::history::{BUCKET_SECS, Bucket, History, bucket_start};
use crate::core::series::SeriesId;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportStats {
    pub bytes: u64,
    pub lines: u64,
    pub samples: u64,
    /// Lines that are neither headers nor readable records.
    pub skipped: u64,
}

impl std::ops::AddAssign for ImportStats {
    fn add_assign(&mut self, o: ImportStats) {
        self.bytes += o.bytes;
        self.lines += o.lines;
        self.samples += o.samples;
        self.skipped += o.skipped;
    }
}

/// Buckets one thread builds from part of a block: for each address seen,
/// one run of buckets per field, in time order.
#[derive(Default)]
struct Partial {
    addrs: Vec<Vec<u8>>,
    index: HashMap<Vec<u8>, usize>,
    /// `addrs.len() * fields` runs; address `a`, field `k` at `a * fields + k`.
    runs: Vec<Vec<Bucket>>,
    stats: ImportStats,
}

fn parse_lines(data: &[u8], kind: LogKind, out: &mut Partial) {
    let fields = kind.fields();
    // Field indexes count words from the date; the columns after the name
    // start at 3. A record is split as chronyd writes it: an unsynchronised
    // tracking record leaves its name blank, which a split at whitespace
    // would read as a shift of every column.
    let max_col = fields.iter().map(|f| f.0 - 3).max().unwrap_or(0);
    let mut cols: [&[u8]; 16] = [&[]; 16];
    let mut day_cache = ([0u8; 10], 0i64);
    let mut base = usize::MAX;
    let mut last_addr: &[u8] = &[];
    let mut rest = data;
    while !rest.is_empty() {
        let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or(&[]);
        if line.is_empty() {
            continue;
        }
        out.stats.lines += 1;
        if matches!(line[0], b' ' | b'=' | b'\r') {
            continue;
        }
        let Some(record) = split_record(line, &mut day_cache) else {
            out.stats.skipped += 1;
            continue;
        };
        let mut n = 0;
        for c in columns(record.rest).take(max_col + 1) {
            cols[n] = c;
            n += 1;
        }
        if n <= max_col {
            out.stats.skipped += 1;
            continue;
        }
        let t = record.time;
        let addr = record.name;
        if base == usize::MAX || addr != last_addr {
            base = match out.index.get(addr) {
                Some(a) => *a * fields.len(),
                None => {
                    let a = out.addrs.len();
                    out.addrs.push(addr.to_vec());
                    out.index.insert(addr.to_vec(), a);
                    out.runs.extend((0..fields.len()).map(|_| Vec::new()));
                    a * fields.len()
                }
            };
            last_addr = addr;
        }
        let t = t as f64;
        for (k, (idx, _, scale)) in fields.iter().enumerate() {
            let Some(v) = parse_number(cols[idx - 3]) else {
                continue;
            };
            let v = (v * scale) as f32;
            out.stats.samples += 1;
            let buckets = &mut out.runs[base + k];
            match buckets.last_mut() {
                Some(b) if t >= b.start() && t < b.start() + BUCKET_SECS => b.add(v),
                _ => buckets.push(Bucket::new(bucket_start(t), v)),
            }
        }
    }
}

/// Block size for streaming; two of them are in memory at most.
const BLOCK: usize = 8 << 20;
/// Sources one import adds series for.
const MAX_SOURCES: usize = 1024;

/// Streams one log into `history`.
pub fn import_reader<R: Read>(
    mut reader: R,
    kind: LogKind,
    history: &mut History,
) -> io::Result<ImportStats> {
    let mut stats = ImportStats::default();
    let mut buf = vec![0u8; BLOCK];
    let mut filled = 0;
    let mut names: HashMap<(Vec<u8>, usize), SeriesId> = HashMap::new();
    loop {
        let n = reader.read(&mut buf[filled..])?;
        filled += n;
        let eof = n == 0;
        if filled < buf.len() && !eof {
            continue;
        }
        // Whole lines only; the rest waits for the next block.
        let end = if eof {
            filled
        } else {
            match memchr::memrchr(b'\n', &buf[..filled]) {
                Some(i) => i + 1,
                // A line longer than the block: not a chronyd log.
                None => filled,
            }
        };
        let block = &buf[..end];
        let mid = memchr::memchr(b'\n', &block[block.len() / 2..])
            .map_or(block.len(), |i| block.len() / 2 + i + 1);
        let (a, b) = block.split_at(mid);
        let (mut pa, mut pb) = (Partial::default(), Partial::default());
        std::thread::scope(|s| {
            s.spawn(|| parse_lines(a, kind, &mut pa));
            parse_lines(b, kind, &mut pb);
        });
        let fields = kind.fields();
        for part in [pa, pb] {
            stats += part.stats;
            for (a, addr) in part.addrs.iter().enumerate() {
                // A log naming more sources than any server has: the first
                // ones are kept, the rest counted as skipped.
                if !names.contains_key(&(addr.clone(), 0))
                    && names.len() / fields.len() >= MAX_SOURCES
                {
                    stats.skipped += 1;
                    continue;
                }
                for (k, field) in fields.iter().enumerate() {
                    let name = names
                        .entry((addr.clone(), k))
                        .or_insert_with(|| kind.series_id(addr, field.1));
                    history
                        .series_mut(name)
                        .merge_buckets(&part.runs[a * fields.len() + k]);
                }
            }
        }
        stats.bytes += end as u64;
        buf.copy_within(end..filled, 0);
        filled -= end;
        if eof {
            break;
        }
    }
    Ok(stats)
}

/// The most read of one log: its last 256 MiB. History keeps a week; a
/// week of chronyd's busiest log (tracking, a line every 2 s) is under
/// 50 MB, and a log grown far past that (or a sparse file) would only keep
/// a core busy.
pub const MAX_LOG_BYTES: u64 = 256 << 20;

/// Opens a log to import, from where its last [`MAX_LOG_BYTES`] begin: a
/// regular file, never a link (`tracking.log → /proc/self/mem`), a FIFO or
/// a device (which could block for ever or never end). `None` when there
/// is none.
pub fn open_log(path: &Path) -> io::Result<Option<io::Take<std::fs::File>>> {
    use crate::fsutil::open::{Links, open_regular};
    use std::io::{Seek, SeekFrom};
    let mut f = match open_regular(path, Links::Refuse, u64::MAX) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let len = f.metadata()?.len();
    if len > MAX_LOG_BYTES {
        // The first line read is cut: it is counted as skipped.
        f.seek(SeekFrom::Start(len - MAX_LOG_BYTES))?;
    }
    Ok(Some(f.take(MAX_LOG_BYTES)))
}

/// Imports the three logs found in `dir` into `history`. A log that cannot
/// be read is left out with a warning (the others are still read): it
/// never stops the helper.
pub fn import_dir(dir: &Path, history: &mut History) -> ImportStats {
    let mut total = ImportStats::default();
    for name in ["tracking.log", "measurements.log", "statistics.log"] {
        let path = dir.join(name);
        let kind = LogKind::from_file_name(name).expect("known log");
        let read = open_log(&path).and_then(|f| match f {
            Some(f) => import_reader(f, kind, history).map(Some),
            None => Ok(None),
        });
        match read {
            Ok(Some(stats)) => total += stats,
            Ok(None) => {}
            Err(e) => tracing::warn!(path = %path.display(), error = %e, "log not imported"),
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::days_from_civil;

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

    fn points(h: &History, name: &str) -> Vec<(f64, f64, f64)> {
        h.query(&name.parse().unwrap(), 0.0, f64::MAX, 1000)
    }

    #[test]
    fn reads_each_log_format() {
        let mut h = History::default();
        let s = import_reader(TRACKING.as_bytes(), LogKind::Tracking, &mut h).unwrap();
        assert_eq!((s.lines, s.samples, s.skipped), (6, 10, 1));
        let t0 = (days_from_civil(2017, 8, 22) * 86400 + 13 * 3600 + 22 * 60) as f64;
        let f = points(&h, "system.frequency");
        // Two samples in two one-minute buckets (13:22 and 13:23).
        assert_eq!(f.len(), 2);
        assert_eq!(f[0], (t0 + 30.0, -3.541f32 as f64, -3.541f32 as f64));
        assert_eq!(points(&h, "system.offset")[0].1, -8.621e-06f32 as f64);

        import_reader(STATISTICS.as_bytes(), LogKind::Statistics, &mut h).unwrap();
        let p = points(&h, "source.203.0.113.15.frequency");
        assert!((p[0].1 - -1.237).abs() < 1e-6, "{p:?}");
        import_reader(MEASUREMENTS.as_bytes(), LogKind::Measurements, &mut h).unwrap();
        assert_eq!(
            points(&h, "source.203.0.113.15.delay")[0].1,
            2.296e-01f32 as f64
        );
    }

    /// chronyd unsynchronised writes its reference as a refid of 0, an
    /// empty name padded to 15 columns (`%-15s`): the columns after it
    /// stay where they are.
    #[test]
    fn an_unsynchronised_tracking_record_keeps_its_columns() {
        let log = "2017-08-22 13:24:41                  0     -3.539      0.061  0.000e+00 ?  0  0.000e+00  0.000e+00  1.000e+00  1.000e+00  1.500e+00\n";
        let mut h = History::default();
        let s = import_reader(log.as_bytes(), LogKind::Tracking, &mut h).unwrap();
        assert_eq!(s.skipped, 0);
        assert_eq!(points(&h, "system.frequency")[0].1, -3.539f32 as f64);
        assert_eq!(points(&h, "system.skew")[0].1, 0.061f32 as f64);
        assert_eq!(points(&h, "system.root_delay")[0].1, 1.0);
    }

    #[test]
    fn numbers_read_exactly_like_str_parse() {
        for s in [
            "-8.621e-06",
            "1.534e-02",
            "-3.541",
            "0.075",
            "1.0",
            "+2.5e+03",
            "12",
            "-0.000",
            "3.472e-04",
        ] {
            assert_eq!(parse_number(s.as_bytes()), s.parse().ok(), "{s}");
        }
        for s in ["1e", "--1", "", "1.2.3", "1e-400", "inf"] {
            assert_eq!(parse_number(s.as_bytes()), s.parse().ok(), "{s}");
        }
        assert!(parse_number(b"nan").unwrap().is_nan());
    }

    #[test]
    fn blocks_split_lines_correctly() {
        // Many records crossing block and half-block boundaries.
        let mut text = String::new();
        for i in 0..200_000 {
            let (y, mo, d, h, mi, s) = crate::core::civil_from_unix(1_700_000_000 + i);
            text.push_str(&format!(
                "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n"
            ));
        }
        let mut h = History::default();
        let s = import_reader(text.as_bytes(), LogKind::Tracking, &mut h).unwrap();
        assert_eq!(
            (s.lines, s.samples, s.skipped, s.bytes),
            (200_000, 1_000_000, 0, text.len() as u64)
        );
        let total: usize = h
            .get(&"system.skew".parse().unwrap())
            .map(|x| x.footprint().1)
            .unwrap();
        assert!(total > 3300 && total < 3400, "{total}");
    }
}
