//! OADEV and MDEV (and so TDEV) of a phase series fed one grid point at a
//! time, in memory set by the lags and never by the length of the series.
//!
//! The overlapping Allan deviation at lag m needs x[i], x[i−m] and x[i−2m]
//! for every i; the modified one needs the same second difference of the
//! phase summed over windows of m points. Octave lags up to `K_a` (ADEV) or
//! `K_m` (MDEV) are computed exactly, every term, from a ring of the last
//! 2·K_a points, a batch at a time and lag by lag (so that each lag reads
//! memory in order). Beyond them, lag m = K·2ˡ uses the phase sampled
//! (ADEV) or summed in blocks (MDEV) every s = 2ˡ points, so its ring is
//! 2·K long again, and the terms taken are every s-th: still at least K of
//! them (with m ≤ n/3). For white phase noise, whose terms are
//! independent, that is where the difference from allantools' all-terms
//! estimate lies: relative √(2/K) on the variance at worst, 0.2 % on the
//! deviation for K_a = 2¹⁷. MDEV's window sums change slowly with their
//! start, so a smaller K_m loses nothing measurable.
//!
//! The phase is kept relative to the first value of each run of points
//! (the deviations do not see a constant); MDEV's window sums come from
//! prefix sums over one batch and its 3·K_m predecessors with the straight
//! line through their ends taken off (nor do they see a line), so no sum
//! grows with the series. A series may come in runs separated by gaps: no
//! term spans two runs.

use super::chi2::{Noise, edf_simple, interval_factors};
use super::summary::{DevPoint, Deviations};

/// A ring of 2ʲ values, read before it is written: the slot the next
/// value takes holds the value `cap` positions back.
#[derive(Debug, Clone)]
struct Ring {
    buf: Vec<f64>,
    mask: usize,
    count: u64,
}

impl Ring {
    fn new(cap_log: u32) -> Ring {
        Ring {
            buf: Vec::new(),
            mask: (1usize << cap_log) - 1,
            count: 0,
        }
    }

    fn cap(&self) -> u64 {
        self.mask as u64 + 1
    }

    /// The value `back` positions before the next one (1: the newest);
    /// `back` is at most the count and the capacity.
    #[inline]
    fn back(&self, back: u64) -> f64 {
        self.buf[(self.count - back) as usize & self.mask]
    }

    #[inline]
    fn push(&mut self, v: f64) {
        let i = self.count as usize & self.mask;
        if i == self.buf.len() {
            self.buf.push(v);
        } else {
            self.buf[i] = v;
        }
        self.count += 1;
    }
}

/// Points gathered before the exact lags are summed over them, lag by
/// lag: each lag then reads runs of memory in order, which the processor
/// streams (lag by point would jump between dozens of places).
const BATCH: u64 = 4096;

/// Σ (a − 2b + c)² over three runs of equal length.
fn sum_second_differences(a: &[f64], b: &[f64], c: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (a4, b4, c4) = (a.chunks_exact(4), b.chunks_exact(4), c.chunks_exact(4));
    let n = a.len() - a4.remainder().len();
    for ((a, b), c) in a4.zip(b4).zip(c4) {
        for l in 0..4 {
            let d = a[l] - 2.0 * b[l] + c[l];
            acc[l] += d * d;
        }
    }
    for j in n..a.len() {
        let d = a[j] - 2.0 * b[j] + c[j];
        acc[0] += d * d;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// Σ (a − 3b + 3c − d)² over four runs of equal length (the second
/// difference of window sums, from prefix sums).
fn sum_third_differences(a: &[f64], b: &[f64], c: &[f64], d: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let chunks = a
        .chunks_exact(4)
        .zip(b.chunks_exact(4))
        .zip(c.chunks_exact(4))
        .zip(d.chunks_exact(4));
    for (((a, b), c), d) in chunks {
        for l in 0..4 {
            let v = a[l] - 3.0 * (b[l] - c[l]) - d[l];
            acc[l] += v * v;
        }
    }
    for j in a.len() - a.len() % 4..a.len() {
        let v = a[j] - 3.0 * (b[j] - c[j]) - d[j];
        acc[0] += v * v;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// The phase of the current run: a ring with room for the longest exact
/// lag's terms plus a batch, and how far the terms have been summed.
#[derive(Debug, Clone)]
struct Exact {
    buf: Vec<f64>,
    mask: u64,
    count: u64,
    done: u64,
    /// Prefix sums of one batch's MDEV window, kept for their room.
    prefix: Vec<f64>,
}

impl Exact {
    fn new(ka_log: u32, km_log: u32) -> Exact {
        let cap = ((2u64 << ka_log).max(3u64 << km_log) + BATCH).next_power_of_two();
        Exact {
            // Zeroed by the allocator: pages a short series never reaches
            // are never resident.
            buf: vec![0.0; cap as usize],
            mask: cap - 1,
            count: 0,
            done: 0,
            prefix: Vec::new(),
        }
    }

    #[inline]
    fn at(&self, i: u64) -> f64 {
        self.buf[(i & self.mask) as usize]
    }

    /// The terms of the points not yet summed, into `adev` (octaves up to
    /// 2^`ka_log`) and `mdev` (up to 2^`km_log`).
    fn sum(&mut self, ka_log: u32, km_log: u32, adev: &mut [Acc], mdev: &mut [Acc]) {
        let (from, to) = (self.done, self.count);
        if from == to {
            return;
        }
        let cap = self.mask + 1;
        for k in 0..=ka_log {
            let m = 1u64 << k;
            let mut i = from.max(2 * m);
            while i < to {
                // A stretch where none of the three runs wraps.
                let p = [i, i - m, i - 2 * m].map(|j| j & self.mask);
                let len = p.iter().fold(to - i, |l, &q| l.min(cap - q)) as usize;
                let run = |q: u64| &self.buf[q as usize..q as usize + len];
                adev[k as usize].sum += sum_second_differences(run(p[0]), run(p[1]), run(p[2]));
                adev[k as usize].count += len as u64;
                i += len as u64;
            }
        }
        // MDEV: the terms ending in this batch are D(p) = P(p+3m) −
        // 3P(p+2m) + 3P(p+m) − P(p) for the prefix sums P of the phase from
        // `lo`, less the line through the window's ends.
        let lo = from.saturating_sub(3 << km_log);
        let len = (to - lo) as usize;
        let (x0, x1) = (self.at(lo), self.at(to - 1));
        let slope = if len > 1 {
            (x1 - x0) / (len - 1) as f64
        } else {
            0.0
        };
        let mut prefix = std::mem::take(&mut self.prefix);
        prefix.clear();
        prefix.push(0.0);
        let mut acc = 0.0;
        for j in 0..len {
            acc += self.at(lo + j as u64) - x0 - slope * j as f64;
            prefix.push(acc);
        }
        for k in 0..=km_log {
            let m = 1u64 << k;
            if to < 3 * m {
                break;
            }
            // p + 3m − 1 is a point of this batch.
            let first = (from + 1).saturating_sub(3 * m);
            let last = to - 3 * m;
            if first > last {
                continue;
            }
            let n = (last - first + 1) as usize;
            let at = |q: u64| {
                let o = (q - lo) as usize;
                &prefix[o..o + n]
            };
            mdev[k as usize].sum += sum_third_differences(
                at(first + 3 * m),
                at(first + 2 * m),
                at(first + m),
                at(first),
            );
            mdev[k as usize].count += n as u64;
        }
        self.prefix = prefix;
        self.done = to;
    }
}

/// Σ d² and the number of terms of one octave.
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    sum: f64,
    count: u64,
}

impl Acc {
    #[inline]
    fn add(&mut self, d: f64) {
        self.sum += d * d;
        self.count += 1;
    }
}

/// Blocks of 2ˡ points summed (l ≥ 1), for MDEV at m = K_m·2ˡ: the window
/// sum of the last K_m blocks, and the second difference of those sums.
#[derive(Debug, Clone)]
struct Blocks {
    blocks: Ring,
    sums: Ring,
    run: f64,
    /// Pushes since the window sum was last added up afresh.
    since: u64,
    /// The first block of a pair for the next level.
    half: Option<f64>,
}

impl Blocks {
    fn new(km_log: u32) -> Blocks {
        Blocks {
            blocks: Ring::new(km_log),
            sums: Ring::new(km_log + 1),
            run: 0.0,
            since: 0,
            half: None,
        }
    }

    fn push(&mut self, b: f64, acc: &mut Acc) {
        let k = self.blocks.cap();
        let old = if self.blocks.count >= k {
            self.blocks.back(k)
        } else {
            0.0
        };
        self.blocks.push(b);
        self.since += 1;
        if self.since == k {
            // Added up again now and then: rounding does not pile up.
            self.run = self.blocks.buf.iter().sum();
            self.since = 0;
        } else {
            self.run += b - old;
        }
        if self.blocks.count >= k {
            let s = self.run;
            if self.sums.count >= 2 * k {
                acc.add(s - 2.0 * self.sums.back(k) + self.sums.back(2 * k));
            }
            self.sums.push(s);
        }
    }
}

/// The streaming engine of one series.
#[derive(Debug, Clone)]
pub struct Allan {
    tau0: f64,
    ka_log: u32,
    km_log: u32,
    /// Levels beyond the exact ones worth keeping for this series' length.
    max_adev_level: usize,
    max_block_level: usize,
    /// Points of the current run, and of the runs before it.
    run_len: u64,
    total: u64,
    x_ref: f64,
    exact: Exact,
    adev_levels: Vec<Ring>,
    /// Levels 1, 2, … of MDEV's blocks, and the first point of a pair.
    blocks: Vec<Blocks>,
    half: Option<f64>,
    adev_acc: Vec<Acc>,
    mdev_acc: Vec<Acc>,
}

/// Octaves kept at most (τ up to 2⁶³ τ₀).
const OCTAVES: usize = 64;

impl Allan {
    /// An engine for a series on a grid of `tau0` seconds expected to
    /// have about `points` points, with exact lags up to 2^`ka_log` (ADEV)
    /// and 2^`km_log` (MDEV).
    pub fn new(tau0: f64, ka_log: u32, km_log: u32, points: u64) -> Allan {
        let km_log = km_log.min(ka_log);
        let levels = |k_log: u32| {
            let mut l = 0;
            while l < 40 && (1u64 << (k_log + l + 1)) * 3 < points {
                l += 1;
            }
            l as usize
        };
        Allan {
            tau0,
            ka_log,
            km_log,
            max_adev_level: levels(ka_log),
            max_block_level: levels(km_log),
            run_len: 0,
            total: 0,
            x_ref: 0.0,
            exact: Exact::new(ka_log, km_log),
            adev_levels: Vec::new(),
            blocks: Vec::new(),
            half: None,
            adev_acc: vec![Acc::default(); OCTAVES],
            mdev_acc: vec![Acc::default(); OCTAVES],
        }
    }

    /// The next grid point's phase (seconds).
    pub fn push(&mut self, x: f64) {
        if self.run_len == 0 {
            self.x_ref = x;
        }
        let x = x - self.x_ref;
        let i = self.run_len;
        let e = &mut self.exact;
        e.buf[(e.count & e.mask) as usize] = x;
        e.count += 1;
        if e.count - e.done >= BATCH {
            e.sum(
                self.ka_log,
                self.km_log,
                &mut self.adev_acc,
                &mut self.mdev_acc,
            );
        }
        self.push_adev(i, x);
        self.push_blocks(i, x);
        self.run_len += 1;
    }

    /// ADEV past the exact lags: the phase every 2ˡ points.
    fn push_adev(&mut self, i: u64, x: f64) {
        let ka = 1u64 << self.ka_log;
        for l in 1..=self.adev_levels.len() {
            if i & ((1u64 << l) - 1) != 0 {
                break;
            }
            let r = &mut self.adev_levels[l - 1];
            if r.count >= 2 * ka {
                self.adev_acc[self.ka_log as usize + l].add(x - 2.0 * r.back(ka) + r.back(2 * ka));
            }
            r.push(x);
        }
        // The next level starts from the even samples of the last one,
        // taken when it holds 2·K_a (before it overwrites any).
        let last = self.adev_levels.len();
        let (count, samples) = if last == 0 {
            (self.exact.count, &self.exact.buf[..])
        } else {
            let r = &self.adev_levels[last - 1];
            (r.count, &r.buf[..])
        };
        if last < self.max_adev_level && count == 2 * ka {
            let mut next = Ring::new(self.ka_log + 1);
            for v in samples[..2 * ka as usize].iter().step_by(2) {
                next.push(*v);
            }
            self.adev_levels.push(next);
        }
    }

    /// MDEV for m = K_m·2ˡ, l ≥ 1: blocks of 2ˡ points, level by level.
    fn push_blocks(&mut self, i: u64, x: f64) {
        let km = 1u64 << self.km_log;
        if self.blocks.is_empty() {
            // Level 1 starts from pairs of the run's first 2·K_m points.
            if self.max_block_level > 0 && i + 1 == 2 * km {
                let mut first = Blocks::new(self.km_log);
                for q in 0..km {
                    let b = self.exact.at(2 * q) + self.exact.at(2 * q + 1);
                    first.push(b, &mut self.mdev_acc[self.km_log as usize + 1]);
                }
                self.blocks.push(first);
                self.grow_blocks();
            }
            return;
        }
        let Some(h) = self.half.take() else {
            self.half = Some(x);
            return;
        };
        let mut v = h + x;
        let mut l = 0;
        loop {
            let octave = self.km_log as usize + 1 + l;
            self.blocks[l].push(v, &mut self.mdev_acc[octave]);
            let pair = if l + 1 < self.blocks.len() {
                match self.blocks[l].half.take() {
                    Some(h) => Some(h + v),
                    None => {
                        self.blocks[l].half = Some(v);
                        None
                    }
                }
            } else {
                None
            };
            if l + 1 == self.blocks.len() {
                self.grow_blocks();
            }
            match pair {
                Some(p) => {
                    v = p;
                    l += 1;
                }
                None => break,
            }
        }
    }

    /// The next level of blocks, from pairs of the last level's first K_m
    /// blocks, once it has them (before it overwrites any).
    fn grow_blocks(&mut self) {
        let km = 1u64 << self.km_log;
        let Some(last) = self.blocks.last() else {
            return;
        };
        if self.blocks.len() >= self.max_block_level || last.blocks.count != km {
            return;
        }
        let firsts: Vec<f64> = last
            .blocks
            .buf
            .chunks_exact(2)
            .map(|p| p[0] + p[1])
            .collect();
        let octave = self.km_log as usize + 1 + self.blocks.len();
        let mut next = Blocks::new(self.km_log);
        for b in firsts {
            next.push(b, &mut self.mdev_acc[octave]);
        }
        self.blocks.push(next);
    }

    /// Ends a run: the next point starts a new one (after a gap).
    pub fn end_run(&mut self) {
        let e = &mut self.exact;
        e.sum(
            self.ka_log,
            self.km_log,
            &mut self.adev_acc,
            &mut self.mdev_acc,
        );
        e.count = 0;
        e.done = 0;
        self.total += self.run_len;
        self.run_len = 0;
        self.adev_levels.clear();
        self.blocks.clear();
        self.half = None;
    }

    /// Grid points so far.
    pub fn points(&self) -> u64 {
        self.total + self.run_len
    }

    /// OADEV, MDEV and TDEV at τ = 2ᵏτ₀ up to a third of the points, with
    /// 68 % intervals for the noise type the ADEV slope shows.
    pub fn finish(mut self) -> Option<Deviations> {
        self.end_run();
        let n = self.total;
        let tau0 = self.tau0;
        let mut rows: Vec<(u64, f64, f64)> = Vec::new();
        for k in 0..OCTAVES {
            let m = 1u64 << k;
            if n < 4 || m > (n - 1) / 3 {
                break;
            }
            let (a, d) = (self.adev_acc[k], self.mdev_acc[k]);
            if a.count == 0 || d.count == 0 {
                continue;
            }
            let tau = m as f64 * tau0;
            let adev = (a.sum / (2.0 * tau * tau * a.count as f64)).sqrt();
            let mdev = (d.sum / (2.0 * (m * m) as f64 * tau * tau * d.count as f64)).sqrt();
            rows.push((m, adev, mdev));
        }
        if rows.is_empty() {
            return None;
        }
        let mut out = Deviations {
            tau0,
            oadev: Vec::new(),
            mdev: Vec::new(),
            tdev: Vec::new(),
            noise: Vec::new(),
        };
        for (i, &(m, adev, mdev)) in rows.iter().enumerate() {
            let j = if i + 1 < rows.len() {
                i + 1
            } else {
                i.saturating_sub(1)
            };
            let slope = if j == i {
                -0.5
            } else {
                (rows[j].1 / adev).ln() / (rows[j].0 as f64 / m as f64).ln()
            };
            let noise = Noise::of_slope(slope);
            let edf = edf_simple(n as usize, m as usize, noise.alpha());
            let tau = m as f64 * tau0;
            let (lo, hi) = interval_factors(edf);
            let point = |v: f64| -> DevPoint { [tau, v, v * lo, v * hi] };
            out.oadev.push(point(adev));
            out.mdev.push(point(mdev));
            out.tdev.push(point(tau / 3f64.sqrt() * mdev));
            out.noise.push(noise);
        }
        Some(out)
    }
}

/// The largest exact lags (log₂ K_a, log₂ K_m) whose rings fit in
/// `budget` values for a series of about `points` grid points: K_a at most
/// 2¹⁷, K_m at most 2¹⁰, neither under 2⁶.
pub fn lags_for(points: u64, budget: u64) -> (u32, u32) {
    let need = |ka_log: u32| {
        let km_log = ka_log.min(10);
        let (ka, km) = (1u64 << ka_log, 1u64 << km_log);
        // Ring values actually filled: the exact rings up to the points,
        // each deeper level 2·K (ADEV) or 3·K (MDEV) once it exists.
        let mut v = points.min(2 * ka) + 2 * km + 3 * km;
        let mut l = 1;
        while (ka << l) * 3 < points * 2 {
            v += 2 * ka;
            l += 1;
        }
        let mut l = 1;
        while (km << l) * 3 < points * 2 {
            v += 3 * km;
            l += 1;
        }
        v
    };
    let mut ka_log = 17;
    while ka_log > 6 && need(ka_log) > budget {
        ka_log -= 1;
    }
    (ka_log, ka_log.min(10))
}
