//! `stratum stats`' reading of files, without the IO: blocks of a file go
//! in (any size), records come out into the series they belong to. A run
//! reads every file twice: first the times (for each series' grid step and
//! size, hence what it may keep), then the values. Memory is set by the
//! budgets below, whatever the files hold; work is a pass over each.

use std::collections::HashMap;

use crate::core::chronylog::csvrow::{HISTORY_HEADER, RowReader, series_of};
use crate::core::chronylog::lines::Lines;
use crate::core::chronylog::{Column, LogKind, Sign, parse_number, split_record};
use crate::core::series::{Field, Scope};

use super::stream::{Kind, Plan, Seen, SeriesResult, SeriesStream, TimeScan, line_fingerprint};

/// The most series one run keeps (the sources of a measurements log).
pub const MAX_SERIES: usize = 256;

/// Values kept exactly for percentiles, over all series (8 MB).
const EXACT_VALUES: u64 = 1 << 20;
/// Sketch buckets over all sketched series and both signs (4 MB).
const SKETCH_BUCKETS: usize = 1 << 19;
/// Ring values for the deviations over all series (24 MB).
const ALLAN_VALUES: u64 = 3 << 20;

/// What a file is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Log(LogKind),
    HistoryCsv,
}

/// Whose series it is and what a positive value means, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInfo {
    pub scope: Scope,
    pub sign: Option<Sign>,
}

/// One record of the second pass, on its way to its series' stream (the
/// reading and the statistics may run on two threads).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    pub series: u32,
    pub time: f64,
    pub value: f64,
    pub fingerprint: u64,
}

enum Pass {
    Times(Vec<TimeScan>),
    /// Records read and not yet taken.
    Values(Vec<Record>),
}

/// The statistics of a run's series, fed records of the second pass.
pub struct Streams {
    streams: Vec<SeriesStream>,
    seen: Box<Seen>,
}

impl Streams {
    pub fn apply(&mut self, records: &[Record]) {
        for r in records {
            self.streams[r.series as usize].push(r.time, r.value, r.fingerprint, &mut self.seen);
        }
    }
}

/// The series of one run.
pub struct Scan {
    field: Field,
    series: Vec<SeriesInfo>,
    index: HashMap<Scope, usize>,
    pass: Pass,
    /// Records of series beyond [`MAX_SERIES`], not read.
    pub dropped: u64,
    /// Per series, records left out as verbatim copies of another file's
    /// (counted in the values pass): duplicates in the summary.
    copies: Vec<u64>,
}

impl Scan {
    pub fn new(field: Field) -> Scan {
        Scan {
            field,
            series: Vec::new(),
            index: HashMap::new(),
            pass: Pass::Times(Vec::new()),
            dropped: 0,
            copies: Vec::new(),
        }
    }

    /// A scan that hands out the records of the series this one found, by
    /// the same numbers (so their fingerprints compare across files),
    /// without touching this one.
    pub fn records_only(&self) -> Scan {
        Scan {
            field: self.field,
            series: self.series.clone(),
            index: self.index.clone(),
            pass: Pass::Values(Vec::new()),
            dropped: 0,
            copies: vec![0; self.series.len()],
        }
    }

    /// A record of series `i` left out as a copy.
    fn copy(&mut self, i: usize) {
        if !self.times() {
            if self.copies.len() <= i {
                self.copies.resize(i + 1, 0);
            }
            self.copies[i] += 1;
        }
    }

    pub fn field(&self) -> Field {
        self.field
    }

    /// The series of `scope`: made in the first pass (up to the cap).
    fn series_of(&mut self, scope: Scope, sign: Option<Sign>) -> Option<usize> {
        if let Some(i) = self.index.get(&scope) {
            return Some(*i);
        }
        let Pass::Times(times) = &mut self.pass else {
            return None;
        };
        if self.series.len() >= MAX_SERIES {
            return None;
        }
        times.push(TimeScan::default());
        self.series.push(SeriesInfo {
            scope: scope.clone(),
            sign,
        });
        self.index.insert(scope, self.series.len() - 1);
        Some(self.series.len() - 1)
    }

    fn times(&self) -> bool {
        matches!(self.pass, Pass::Times(_))
    }

    /// A record of a series past the cap (counted once, in the values).
    fn drop_record(&mut self) {
        if !self.times() {
            self.dropped += 1;
        }
    }

    #[inline]
    fn record(&mut self, i: usize, t: f64, value: f64, line: &[u8]) {
        match &mut self.pass {
            Pass::Times(times) => times[i].push(t),
            Pass::Values(out) => out.push(Record {
                series: i as u32,
                time: t,
                value,
                fingerprint: line_fingerprint(i as u32, line),
            }),
        }
    }

    /// Records read since last taken.
    pub fn pending(&self) -> usize {
        match &self.pass {
            Pass::Values(out) => out.len(),
            Pass::Times(_) => 0,
        }
    }

    /// Swaps the records read for `buf` (cleared): the reader keeps a
    /// buffer, the statistics get the records.
    pub fn take_records(&mut self, buf: &mut Vec<Record>) {
        buf.clear();
        if let Pass::Values(out) = &mut self.pass {
            std::mem::swap(out, buf);
        }
    }

    /// From the times to the values: each series' plan from its times and
    /// its share of the budgets, in the streams that take the records.
    pub fn start_values(&mut self) -> Streams {
        let Pass::Times(times) = &mut self.pass else {
            panic!("the values are read once, after the times");
        };
        let kind = Kind::of(self.field);
        let mut plans: Vec<Plan> = times
            .iter_mut()
            .map(|s| Plan {
                kind,
                tau0: s.tau0(),
                exact: 0,
                span: 0,
                allan_budget: 0,
                points: s.points(),
            })
            .collect();
        // Exact values for the smallest series first, while they fit.
        let mut order: Vec<usize> = (0..times.len()).collect();
        order.sort_by_key(|&i| times[i].records);
        let mut left = EXACT_VALUES;
        for &i in &order {
            if times[i].records <= left {
                plans[i].exact = times[i].records as usize;
                left -= times[i].records;
            }
        }
        let sketched = plans.iter().filter(|p| p.exact == 0).count().max(1);
        let all_points: u64 = plans.iter().map(|p| p.points.max(1)).sum::<u64>().max(1);
        for p in &mut plans {
            p.span = (SKETCH_BUCKETS / 2 / sketched).min(1 << 16);
            p.allan_budget = ALLAN_VALUES * p.points.max(1) / all_points;
        }
        let streams = plans.into_iter().map(SeriesStream::new).collect();
        self.pass = Pass::Values(Vec::new());
        Streams {
            streams,
            seen: Box::default(),
        }
    }

    /// Every series with what was found, in the order first seen.
    pub fn finish(self, streams: Streams) -> Vec<(SeriesInfo, SeriesResult)> {
        let copies = self.copies;
        self.series
            .into_iter()
            .zip(streams.streams)
            .enumerate()
            .filter_map(|(i, (info, s))| {
                let mut r = s.finish()?;
                r.quality.duplicates += copies.get(i).copied().unwrap_or(0);
                Some((info, r))
            })
            .collect()
    }
}

/// A file's reading within a [`Scan`].
pub struct FileScan {
    input: Input,
    column: Option<Column>,
    /// A refclocks log read for its raw samples (`raw-offset`), not its
    /// filtered ones.
    raw_samples: bool,
    lines: Lines,
    day: ([u8; 10], i64),
    rows: Option<Box<RowReader>>,
    /// The last name read and its series (most records repeat it), and
    /// the system's series for tracking logs.
    last: Option<(Vec<u8>, Option<usize>)>,
    system: Option<Option<usize>>,
    /// Records read, and lines that are neither records nor headers.
    pub records: u64,
    pub unreadable: u64,
    /// Tracking records written while unsynchronised, left out (counted
    /// in the values pass).
    pub unsynchronised: u64,
    /// Tracking records with chronyd's skew placeholder (no frequency
    /// estimate yet), left out of the frequency and skew series.
    pub no_estimate: u64,
    /// Raw samples of a refclocks log, left out (counted in the values
    /// pass): see [`REFCLOCK_FILTERED`].
    pub raw: u64,
    /// Filtered samples of a refclocks log, left out of `raw-offset`.
    pub filtered: u64,
    /// The earliest and latest record times read (one log's rotated
    /// copies never overlap; two hosts' logs of the same hours do).
    pub span: Option<(f64, f64)>,
    /// Times whose records are verbatim copies of another file's, left
    /// out (inclusive bounds).
    pub skip: Vec<(f64, f64)>,
    /// Records left out as such copies (counted in the values pass).
    pub copies: u64,
}

/// The sequence column of a refclocks record, after the name.
const REFCLOCK_SEQUENCE: usize = 0;
/// chrony.conf(5) log refclocks: "Sequence number of driver poll within
/// one polling interval for raw samples, or `-` for filtered samples". A
/// filtered sample is the median filter's output over a poll, the one
/// chronyd accumulates and selects with (refclock.c): the clock's series.
/// The raw ones are the driver's readings that went into it.
pub const REFCLOCK_FILTERED: &[u8] = b"-";

/// The leap status column of a tracking record, after the name.
const TRACKING_LEAP: usize = 4;
/// The skew column of a tracking record, after the name.
const TRACKING_SKEW: usize = 2;
/// The skew chronyd logs before it has a frequency estimate (reference.c
/// starts with a skew of 1.0, i.e. 1000000 ppm, "rather bad").
const SKEW_UNKNOWN_PPM: f64 = 1e6;

/// The `n`th column of `rest` (split at spaces).
#[inline]
fn nth_column(rest: &[u8], n: usize) -> Option<&[u8]> {
    let mut i = 0;
    let mut k = 0;
    loop {
        while i < rest.len() && rest[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == rest.len() {
            return None;
        }
        let start = i;
        while i < rest.len() && !rest[i].is_ascii_whitespace() {
            i += 1;
        }
        if k == n {
            return Some(&rest[start..i]);
        }
        k += 1;
    }
}

impl FileScan {
    /// The reading of a file of `input` for `field`; `None` when that
    /// log has no such column.
    pub fn new(input: Input, field: Field) -> Option<FileScan> {
        let column = match input {
            Input::Log(kind) => Some(kind.column(field)?),
            Input::HistoryCsv => None,
        };
        Some(FileScan {
            input,
            column,
            raw_samples: matches!(input, Input::Log(k) if k.raw_samples(field)),
            lines: Lines::new(),
            day: ([0; 10], 0),
            rows: matches!(input, Input::HistoryCsv).then(Box::default),
            last: None,
            system: None,
            records: 0,
            unreadable: 0,
            unsynchronised: 0,
            no_estimate: 0,
            raw: 0,
            filtered: 0,
            span: None,
            skip: Vec::new(),
            copies: 0,
        })
    }

    pub fn feed(&mut self, block: &[u8], scan: &mut Scan) {
        let mut lines = std::mem::take(&mut self.lines);
        lines.feed(block, &mut |l| self.line(l, scan));
        self.lines = lines;
    }

    pub fn finish(&mut self, scan: &mut Scan) {
        let mut lines = std::mem::take(&mut self.lines);
        lines.finish(&mut |l| self.line(l, scan));
        self.unreadable += lines.overlong;
    }

    fn line(&mut self, line: &[u8], scan: &mut Scan) {
        // Banners, their rules and blank lines.
        match line.first() {
            None | Some(b' ' | b'=' | b'\t') => return,
            _ => {}
        }
        let ok = match self.input {
            Input::Log(kind) => self.log_line(kind, line, scan),
            Input::HistoryCsv => self.csv_line(line, scan),
        };
        match ok {
            Some(true) => self.records += 1,
            Some(false) => {}
            None => self.unreadable += 1,
        }
    }

    /// `Some(true)`: a record read; `Some(false)`: a record of a series
    /// not kept; `None`: not a record.
    fn log_line(&mut self, kind: LogKind, line: &[u8], scan: &mut Scan) -> Option<bool> {
        let r = split_record(line, &mut self.day)?;
        let column = self.column?;
        // A record cut short (a log copied while chronyd writes it: "4." in
        // place of 4.484e-06) is no record: fewer columns than every
        // release writes, whichever series is read.
        nth_column(r.rest, kind.rest_columns() - 1)?;
        if kind == LogKind::Refclocks
            && (nth_column(r.rest, REFCLOCK_SEQUENCE)? == REFCLOCK_FILTERED) == self.raw_samples
        {
            if !scan.times() {
                if self.raw_samples {
                    self.filtered += 1;
                } else {
                    self.raw += 1;
                }
            }
            return Some(false);
        }
        let i = if kind == LogKind::Tracking {
            // chrony.conf(5) log tracking: leap status "? unsynchronised".
            // chronyd writes such a record (reference 0.0.0.0, skew 1e6 ppm,
            // offset 0) before its first update and whenever it loses its
            // sources: a state, not a measurement.
            if nth_column(r.rest, TRACKING_LEAP)? == b"?" {
                if !scan.times() {
                    self.unsynchronised += 1;
                }
                return Some(false);
            }
            // The first updates after a start carry no frequency estimate:
            // their frequency (0) and skew (1000000 ppm) are placeholders,
            // while their offset is measured.
            if matches!(column.index, 1 | TRACKING_SKEW)
                && parse_number(nth_column(r.rest, TRACKING_SKEW)?)? >= SKEW_UNKNOWN_PPM
            {
                if !scan.times() {
                    self.no_estimate += 1;
                }
                return Some(false);
            }
            *self
                .system
                .get_or_insert_with(|| scan.series_of(Scope::System, column.sign))
        } else {
            match &self.last {
                Some((name, i)) if name.as_slice() == r.name => *i,
                _ => {
                    let name = String::from_utf8_lossy(r.name).into_owned();
                    let i = scan.series_of(Scope::Source(name), column.sign);
                    self.last = Some((r.name.to_vec(), i));
                    i
                }
            }
        };
        // Read in both passes, so that a value that is no number is left
        // out of the times too (and counted once, as unreadable).
        let value = parse_number(nth_column(r.rest, column.index)?)? * column.scale;
        if !value.is_finite() {
            return None;
        }
        let Some(i) = i else {
            scan.drop_record();
            return Some(false);
        };
        let t = r.time as f64 + r.fraction;
        if self.copied(t, i, scan) {
            return Some(false);
        }
        self.saw(t);
        scan.record(i, t, value, line);
        Some(true)
    }

    fn csv_line(&mut self, line: &[u8], scan: &mut Scan) -> Option<bool> {
        let rows = self.rows.as_mut()?;
        let Some(row) = rows.read(line) else {
            return rows.is_header(line, &HISTORY_HEADER).then_some(false);
        };
        let (id, sign) = series_of(row.name)?;
        if id.field != scan.field {
            return Some(false);
        }
        let (t, v) = (row.time, (row.min + row.max) / 2.0);
        let Some(i) = scan.series_of(id.scope, sign) else {
            scan.drop_record();
            return Some(false);
        };
        if self.copied(t, i, scan) {
            return Some(false);
        }
        self.saw(t);
        scan.record(i, t, v, line);
        Some(true)
    }

    /// Whether a record at `t` of series `i` is one of the copies left out.
    fn copied(&mut self, t: f64, i: usize, scan: &mut Scan) -> bool {
        if !self.skip.iter().any(|&(from, to)| (from..=to).contains(&t)) {
            return false;
        }
        if !scan.times() {
            self.copies += 1;
        }
        scan.copy(i);
        true
    }

    fn saw(&mut self, t: f64) {
        self.span = Some(match self.span {
            Some((a, b)) => (a.min(t), b.max(t)),
            None => (t, t),
        });
    }
}
