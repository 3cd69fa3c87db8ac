//! One series: the last hour at full resolution, then one-minute buckets.

use std::collections::VecDeque;

/// A point of a decimated series: time, min, max (equal for a raw sample).
pub type SeriesPoint = (f64, f64, f64);

/// Full-resolution window, seconds.
pub const RECENT_SPAN: f64 = 3600.0;
/// Bucket width for older data, seconds.
pub const BUCKET_SECS: f64 = 60.0;
/// How long history is kept, seconds.
pub const MAX_AGE: f64 = 7.0 * 86400.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    pub(super) start: f64,
    pub(super) min: f32,
    pub(super) max: f32,
    pub(super) sum: f64,
    pub(super) n: u32,
}

impl Bucket {
    pub fn new(start: f64, v: f32) -> Bucket {
        Bucket {
            start,
            min: v,
            max: v,
            sum: f64::from(v),
            n: 1,
        }
    }

    pub fn start(&self) -> f64 {
        self.start
    }

    pub fn add(&mut self, v: f32) {
        self.min = self.min.min(v);
        self.max = self.max.max(v);
        self.sum += f64::from(v);
        self.n += 1;
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub(super) recent: VecDeque<(f64, f32)>,
    pub(super) buckets: VecDeque<Bucket>,
}

pub fn bucket_start(t: f64) -> f64 {
    (t / BUCKET_SECS).floor() * BUCKET_SECS
}

impl Series {
    /// Adds a sample. Samples normally come in time order; an older one
    /// (from a log import) goes into its bucket only.
    pub fn push(&mut self, t: f64, v: f64) {
        if !v.is_finite() || !t.is_finite() {
            return;
        }
        let v = v as f32;
        let start = bucket_start(t);
        match self.buckets.back_mut() {
            Some(b) if b.start == start => b.add(v),
            Some(b) if b.start > start => {
                let i = self.buckets.partition_point(|b| b.start < start);
                match self.buckets.get_mut(i) {
                    Some(b) if b.start == start => b.add(v),
                    _ => self.buckets.insert(i, Bucket::new(start, v)),
                }
                return;
            }
            _ => self.buckets.push_back(Bucket::new(start, v)),
        }
        if self.recent.back().is_none_or(|(last, _)| *last <= t) {
            self.recent.push_back((t, v));
        }
        self.trim(t);
    }

    /// Merges finished buckets (from a log import) in time order, without
    /// the full-resolution window: imported history is older data.
    pub fn merge_buckets(&mut self, buckets: &[Bucket]) {
        for b in buckets {
            match self.buckets.back_mut() {
                Some(last) if last.start < b.start => self.buckets.push_back(*b),
                None => self.buckets.push_back(*b),
                _ => {
                    let i = self.buckets.partition_point(|x| x.start < b.start);
                    match self.buckets.get_mut(i) {
                        Some(x) if x.start == b.start => {
                            x.min = x.min.min(b.min);
                            x.max = x.max.max(b.max);
                            x.sum += b.sum;
                            x.n += b.n;
                        }
                        _ => self.buckets.insert(i, *b),
                    }
                }
            }
        }
        if let Some(last) = self.buckets.back().map(|b| b.start) {
            while self
                .buckets
                .front()
                .is_some_and(|b| b.start < last - MAX_AGE)
            {
                self.buckets.pop_front();
            }
        }
    }

    pub(super) fn trim(&mut self, now: f64) {
        while self
            .recent
            .front()
            .is_some_and(|(t, _)| *t < now - RECENT_SPAN)
        {
            self.recent.pop_front();
        }
        while self
            .buckets
            .front()
            .is_some_and(|b| b.start < now - MAX_AGE)
        {
            self.buckets.pop_front();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }

    /// Time of the newest sample.
    pub fn last_time(&self) -> Option<f64> {
        self.recent
            .back()
            .map(|(t, _)| *t)
            .or(self.buckets.back().map(|b| b.start))
    }

    /// Memory held, in samples and buckets.
    pub fn footprint(&self) -> (usize, usize) {
        (self.recent.len(), self.buckets.len())
    }

    /// Points in `[since, until]`, at most `max_points` of them: raw samples
    /// where they fit, else min/max per column of equal width.
    pub fn query(&self, since: f64, until: f64, max_points: usize) -> Vec<SeriesPoint> {
        let max_points = max_points.max(1);
        let recent_start = self.recent.front().map_or(f64::INFINITY, |(t, _)| *t);
        // Raw samples where we have them, buckets before that.
        let raw = self
            .recent
            .iter()
            .filter(|(t, _)| *t >= since && *t <= until)
            .map(|(t, v)| (*t, f64::from(*v), f64::from(*v)));
        let older = self
            .buckets
            .iter()
            .filter(|b| {
                b.start + BUCKET_SECS > since
                    && b.start <= until
                    && b.start + BUCKET_SECS <= recent_start
            })
            .map(|b| {
                (
                    b.start + BUCKET_SECS / 2.0,
                    f64::from(b.min),
                    f64::from(b.max),
                )
            });
        let points: Vec<SeriesPoint> = older.chain(raw).collect();
        if points.len() <= max_points {
            return points;
        }
        let width = (until - since) / max_points as f64;
        let mut out: Vec<SeriesPoint> = Vec::with_capacity(max_points);
        let mut current: Option<(usize, SeriesPoint)> = None;
        for (t, lo, hi) in points {
            let col = (((t - since) / width) as usize).min(max_points - 1);
            match &mut current {
                Some((c, p)) if *c == col => {
                    p.1 = p.1.min(lo);
                    p.2 = p.2.max(hi);
                }
                _ => {
                    if let Some((_, p)) = current.take() {
                        out.push(p);
                    }
                    current = Some((col, (since + (col as f64 + 0.5) * width, lo, hi)));
                }
            }
        }
        out.extend(current.map(|(_, p)| p));
        out
    }
}
