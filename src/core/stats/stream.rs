//! One series read as its records come, in bounded memory and in work
//! bounded by the records: the summary and histogram of every value, and
//! the deviations of the phase on an even grid.
//!
//! Records of one time (chronyd stamps whole seconds) are one point, their
//! mean. The grid step τ₀ is the median interval between points, known
//! before the values are read (a first pass over the times,
//! [`TimeScan`]); each point's phase is interpolated linearly onto the
//! grid. A record identical to one read shortly before or after (the
//! same line again) is a duplicate: counted once and read once, wherever
//! the copy sits; a record earlier than the one before it is out of order:
//! it counts in the summary and starts a new run of the grid (unless only
//! a copy, placed too early, was before it). An interval more than [`GAP_FACTOR`] times the usual
//! one is a gap: reported, and never interpolated across, so a record
//! dated 9999 costs no more than any other.

use std::collections::HashMap;

use serde::Serialize;

use super::allan::{Allan, lags_for};
use super::moments::Moments;
use super::sketch::{Sketch, Values};
use super::summary::{Deviations, Histogram, Summary};
use crate::core::series::Field;

/// An interval over this many times the usual one is a gap.
pub const GAP_FACTOR: f64 = 4.0;

/// The usual interval is the longer of τ₀ and the median of the last
/// [`RECENT`] intervals (chronyd's polling interval changes), but at most
/// this many τ₀: no more than 4 × 16 grid points per record.
const USUAL_MAX: f64 = 16.0;
const RECENT: usize = 15;

/// Gaps listed one by one (all are counted).
pub const LISTED_GAPS: usize = 16;

/// What the deviations of a series are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The values are phase: offsets in seconds.
    Phase,
    /// The values are frequency in ppm; the phase is their integral.
    Frequency,
    /// No deviations (delays, dispersions, counts).
    Plain,
}

impl Kind {
    pub fn of(field: Field) -> Kind {
        match field {
            Field::Offset | Field::Correction => Kind::Phase,
            Field::Frequency | Field::ResidualFreq => Kind::Frequency,
            _ => Kind::Plain,
        }
    }
}

/// Distinct intervals counted exactly up to this many, then sketched.
const EXACT_INTERVALS: usize = 1024;

/// The intervals between a series' points, for their median.
#[derive(Debug, Clone, Default)]
pub struct Intervals {
    exact: HashMap<u64, u64>,
    sketch: Option<Sketch>,
    n: u64,
    /// A run of one interval not yet counted (most intervals repeat).
    run: (u64, u64),
}

impl Intervals {
    #[inline]
    pub fn push(&mut self, dt: f64) {
        let bits = dt.to_bits();
        if self.run.1 > 0 && self.run.0 == bits {
            self.run.1 += 1;
            self.n += 1;
            return;
        }
        self.flush_run();
        self.run = (bits, 1);
        self.n += 1;
    }

    fn flush_run(&mut self) {
        let (bits, c) = std::mem::take(&mut self.run);
        if c == 0 {
            return;
        }
        if let Some(s) = &mut self.sketch {
            for _ in 0..c {
                s.push(f64::from_bits(bits));
            }
            return;
        }
        *self.exact.entry(bits).or_insert(0) += c;
        if self.exact.len() > EXACT_INTERVALS {
            let mut s = Sketch::new(super::sketch::MIN_SPAN);
            for (bits, c) in self.exact.drain() {
                for _ in 0..c {
                    s.push(f64::from_bits(bits));
                }
            }
            self.sketch = Some(s);
        }
    }

    /// The median (numpy's: the mean of the middle two of an even count).
    pub fn median(&mut self) -> Option<f64> {
        self.flush_run();
        if self.n == 0 {
            return None;
        }
        let mut v = match &self.sketch {
            Some(s) => Values::Sketch(s.clone()),
            None => {
                let mut keys: Vec<(f64, u64)> = self
                    .exact
                    .iter()
                    .map(|(b, c)| (f64::from_bits(*b), *c))
                    .collect();
                keys.sort_by(|a, b| a.0.total_cmp(&b.0));
                let at = |r: u64| {
                    let mut seen = 0;
                    keys.iter()
                        .find(|(_, c)| {
                            seen += c;
                            seen > r
                        })
                        .map_or(f64::NAN, |k| k.0)
                };
                let (lo, hi) = ((self.n - 1) / 2, self.n / 2);
                return Some((at(lo) + at(hi)) / 2.0);
            }
        };
        v.percentiles(0.0, f64::MAX).map(|p| p.p50)
    }
}

/// A series' times, read in the first pass.
#[derive(Debug, Clone)]
pub struct TimeScan {
    pub records: u64,
    pub first: f64,
    pub last: f64,
    prev: Option<f64>,
    intervals: Intervals,
}

impl Default for TimeScan {
    fn default() -> Self {
        TimeScan {
            records: 0,
            first: f64::INFINITY,
            last: f64::NEG_INFINITY,
            prev: None,
            intervals: Intervals::default(),
        }
    }
}

impl TimeScan {
    #[inline]
    pub fn push(&mut self, t: f64) {
        self.records += 1;
        self.first = self.first.min(t);
        self.last = self.last.max(t);
        if let Some(p) = self.prev
            && t > p
        {
            self.intervals.push(t - p);
        }
        self.prev = Some(t);
    }

    /// The grid step: the median interval between distinct times.
    pub fn tau0(&mut self) -> Option<f64> {
        self.intervals
            .median()
            .filter(|t| t.is_finite() && *t > 0.0)
    }

    /// Grid points the second pass can make at most (one run over the
    /// span; never more than 65 a record, see `USUAL_MAX`).
    pub fn points(&mut self) -> u64 {
        let Some(tau0) = self.tau0() else {
            return 0;
        };
        let span = ((self.last - self.first) / tau0).min(1e15) as u64 + 1;
        span.min(self.records.saturating_mul(65))
    }
}

/// How the second pass keeps a series, from what the first found.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub kind: Kind,
    pub tau0: Option<f64>,
    /// Values kept exactly (0: sketched).
    pub exact: usize,
    /// Sketch buckets per sign.
    pub span: usize,
    /// Ring values the deviations may use.
    pub allan_budget: u64,
    pub points: u64,
}

/// A gap: where it starts (Unix seconds) and how long it is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Gap {
    pub start: f64,
    pub seconds: f64,
}

/// What was odd about a series' records.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Quality {
    /// Records identical to another one (the same line again, before or
    /// after it): dropped, the first read is kept.
    pub duplicates: u64,
    /// Records earlier than the record before them.
    pub reordered: u64,
    /// Records at the time of the record before them (averaged).
    pub same_time: u64,
    pub gaps: u64,
    pub gap_seconds: f64,
    pub longest_gap: Option<Gap>,
    /// The first [`LISTED_GAPS`] gaps.
    pub first_gaps: Vec<Gap>,
}

impl Quality {
    fn gap(&mut self, start: f64, seconds: f64) {
        self.gaps += 1;
        self.gap_seconds += seconds;
        let g = Gap { start, seconds };
        if self.longest_gap.is_none_or(|l| seconds > l.seconds) {
            self.longest_gap = Some(g);
        }
        if self.first_gaps.len() < LISTED_GAPS {
            self.first_gaps.push(g);
        }
    }
}

/// The records seen lately, by fingerprint (direct-mapped: a newer one
/// takes an older one's slot), to find duplicates.
#[derive(Debug, Clone)]
pub struct Seen {
    table: Vec<u64>,
}

/// Fingerprints kept: duplicates are found within about this many records.
pub const SEEN: usize = 1 << 16;

impl Default for Seen {
    fn default() -> Self {
        Seen {
            table: vec![0; SEEN],
        }
    }
}

impl Seen {
    /// Whether `fp` was there, and it is there now.
    #[inline]
    fn test_and_set(&mut self, fp: u64) -> bool {
        let slot = &mut self.table[(fp as usize) & (SEEN - 1)];
        let was = *slot == fp;
        *slot = fp;
        was
    }
}

/// splitmix64's finaliser; never 0 (an empty slot).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) | 1
}

/// The fingerprint of a point given as numbers (time and value).
pub fn point_fingerprint(id: u32, t: f64, v: f64) -> u64 {
    mix(t.to_bits() ^ v.to_bits().rotate_left(29) ^ (u64::from(id) << 7))
}

/// The fingerprint of a record as written: a duplicate is the same line
/// again, every column of it (two updates in one second may well print
/// the same frequency).
pub fn line_fingerprint(id: u32, line: &[u8]) -> u64 {
    // FxHash's step in four lanes, 32 bytes at a time.
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    };
    let mut h = [u64::from(id), 1, 2, 3];
    let mut chunks = line.chunks_exact(32);
    for c in &mut chunks {
        for (l, lane) in h.iter_mut().enumerate() {
            *lane = (lane.rotate_left(5) ^ word(&c[8 * l..8 * l + 8])).wrapping_mul(K);
        }
    }
    for (l, w) in chunks.remainder().chunks(8).enumerate() {
        h[l] = (h[l].rotate_left(5) ^ word(w)).wrapping_mul(K);
    }
    mix(h[0]
        ^ h[1].rotate_left(16)
        ^ h[2].rotate_left(32)
        ^ h[3].rotate_left(48)
        ^ line.len() as u64)
}

/// The grid of the current run.
#[derive(Debug, Clone, Copy)]
struct Grid {
    t0: f64,
    next: u64,
    prev_t: f64,
    prev_x: f64,
    /// Frequency series: the phase so far, the last value and the first
    /// (taken off: a constant frequency is no instability).
    phase: f64,
    y_prev: f64,
    y_ref: f64,
}

/// The last intervals, for the usual one.
#[derive(Debug, Clone, Copy, Default)]
struct Recent {
    dt: [f64; RECENT],
    n: usize,
}

impl Recent {
    fn push(&mut self, dt: f64) {
        self.dt[self.n % RECENT] = dt;
        self.n += 1;
    }

    fn median(&self) -> Option<f64> {
        let k = self.n.min(RECENT);
        if k == 0 {
            return None;
        }
        let mut v = self.dt;
        v[..k].sort_by(f64::total_cmp);
        Some(v[k / 2])
    }
}

/// Everything found about a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesResult {
    pub summary: Summary,
    pub histogram: Histogram,
    pub deviations: Option<Deviations>,
    pub quality: Quality,
    /// The earliest and latest time read.
    pub first: f64,
    pub last: f64,
    pub tau0: Option<f64>,
    /// The most a percentile may be off, relative to it (0: exact).
    pub percentile_error: f64,
}

/// Bins of a series' histogram.
pub const HISTOGRAM_BINS: usize = 40;

#[derive(Debug, Clone)]
pub struct SeriesStream {
    plan: Plan,
    moments: Moments,
    values: Values,
    first: f64,
    last: f64,
    prev_t: Option<f64>,
    /// The point being gathered: its time, mean and records.
    pending: Option<(f64, f64, u32)>,
    /// The fingerprint of the last record kept, and the time of the one
    /// kept before it.
    prev_fp: u64,
    prev2_t: Option<f64>,
    /// A record an out-of-order one was measured against that would not be
    /// out of order without it: when a copy of that record comes later, in
    /// order, the early one was the copy (see [`SeriesStream::push`]).
    ahead: Option<u64>,
    recent: Recent,
    grid: Option<Grid>,
    allan: Option<Allan>,
    quality: Quality,
}

impl SeriesStream {
    pub fn new(plan: Plan) -> SeriesStream {
        let allan = match (plan.kind, plan.tau0) {
            (Kind::Plain, _) | (_, None) => None,
            (_, Some(tau0)) => {
                let (ka, km) = lags_for(plan.points, plan.allan_budget);
                Some(Allan::new(tau0, ka, km, plan.points))
            }
        };
        SeriesStream {
            plan,
            moments: Moments::default(),
            values: Values::new(plan.exact, plan.span),
            first: f64::INFINITY,
            last: f64::NEG_INFINITY,
            prev_t: None,
            pending: None,
            prev_fp: 0,
            prev2_t: None,
            ahead: None,
            recent: Recent::default(),
            grid: None,
            allan,
            quality: Quality::default(),
        }
    }

    /// The next record: time (Unix seconds), finite value, and its
    /// fingerprint ([`line_fingerprint`] or [`point_fingerprint`]).
    pub fn push(&mut self, t: f64, v: f64, fp: u64, seen: &mut Seen) {
        // Looked up whatever the time: a copy may come before the record
        // it repeats. Both are the same line, so the one kept is the first
        // read; but the record after an early copy was counted out of
        // order only because of it: when the other copy comes in order,
        // that count is taken back (the early one was the misplaced copy).
        if seen.test_and_set(fp) {
            self.quality.duplicates += 1;
            if self.ahead == Some(fp) && self.prev_t.is_none_or(|p| t >= p) {
                self.quality.reordered -= 1;
                self.ahead = None;
            }
            return;
        }
        self.moments.push(v);
        self.values.push(v, self.plan.span);
        self.first = self.first.min(t);
        self.last = self.last.max(t);
        match self.prev_t {
            None => self.pending = Some((t, v, 1)),
            Some(p) if t == p => {
                self.quality.same_time += 1;
                if let Some((_, mean, n)) = &mut self.pending {
                    *n += 1;
                    *mean += (v - *mean) / f64::from(*n);
                }
            }
            Some(p) if t < p => {
                self.quality.reordered += 1;
                // In order but for the record just before it.
                self.ahead = self
                    .prev2_t
                    .is_none_or(|p2| t >= p2)
                    .then_some(self.prev_fp);
                self.end_run();
                self.pending = Some((t, v, 1));
            }
            Some(p) => {
                let dt = t - p;
                if self.is_gap(dt) {
                    self.quality.gap(p, dt);
                    self.end_run();
                } else {
                    self.recent.push(dt);
                    self.flush();
                }
                self.pending = Some((t, v, 1));
            }
        }
        self.prev2_t = self.prev_t;
        self.prev_t = Some(t);
        self.prev_fp = fp;
    }

    fn is_gap(&self, dt: f64) -> bool {
        let Some(tau0) = self.plan.tau0 else {
            return false;
        };
        // Never a gap within the factor of τ₀: no median to find.
        if dt <= GAP_FACTOR * tau0 {
            return false;
        }
        let usual = self
            .recent
            .median()
            .map_or(tau0, |m| m.max(tau0))
            .min(USUAL_MAX * tau0);
        dt > GAP_FACTOR * usual
    }

    fn end_run(&mut self) {
        self.flush();
        self.grid = None;
        if let Some(a) = &mut self.allan {
            a.end_run();
        }
    }

    /// The gathered point onto the grid.
    fn flush(&mut self) {
        let (Some((t, y, _)), Some(allan), Some(tau0)) =
            (self.pending.take(), self.allan.as_mut(), self.plan.tau0)
        else {
            return;
        };
        let frequency = self.plan.kind == Kind::Frequency;
        let Some(g) = &mut self.grid else {
            let x = if frequency { 0.0 } else { y };
            self.grid = Some(Grid {
                t0: t,
                next: 1,
                prev_t: t,
                prev_x: x,
                phase: 0.0,
                y_prev: y,
                y_ref: y,
            });
            allan.push(x);
            return;
        };
        let x = if frequency {
            g.phase += (g.y_prev - g.y_ref) * 1e-6 * (t - g.prev_t);
            g.y_prev = y;
            g.phase
        } else {
            y
        };
        let (tp, xp) = (g.prev_t, g.prev_x);
        loop {
            let gt = g.t0 + g.next as f64 * tau0;
            if gt > t + 1e-9 * tau0 {
                break;
            }
            allan.push(if gt >= t {
                x
            } else {
                xp + (x - xp) * (gt - tp) / (t - tp)
            });
            g.next += 1;
        }
        g.prev_t = t;
        g.prev_x = x;
    }

    pub fn finish(mut self) -> Option<SeriesResult> {
        self.end_run();
        let m = self.moments;
        let n = m.count();
        if n == 0 {
            return None;
        }
        let p = self.values.percentiles(m.min(), m.max())?;
        let (skewness, kurtosis) = m.shape();
        let summary = Summary {
            n: n as usize,
            min: m.min(),
            p1: p.p1,
            p5: p.p5,
            p50: p.p50,
            p95: p.p95,
            p99: p.p99,
            max: m.max(),
            range90: p.p95 - p.p5,
            range98: p.p99 - p.p1,
            mean: m.mean(),
            sd: m.sd(),
            skewness,
            kurtosis,
        };
        let (width, counts) = self.values.histogram(HISTOGRAM_BINS, m.min(), m.max());
        Some(SeriesResult {
            summary,
            histogram: Histogram {
                lo: m.min(),
                width,
                counts,
                mean: m.mean(),
                sd: m.sd(),
            },
            deviations: self.allan.and_then(Allan::finish),
            quality: self.quality,
            first: self.first,
            last: self.last,
            tau0: self.plan.tau0,
            percentile_error: p.error,
        })
    }
}
