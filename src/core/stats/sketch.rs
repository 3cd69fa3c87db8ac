//! Percentiles and the histogram of a stream in bounded memory: its values
//! kept exactly while they fit the share a run allows them, else counted
//! in logarithmic buckets (like DDSketch or HdrHistogram: the top bits of
//! each value's binary form), so that every percentile is within a
//! relative error the result states.
//!
//! A bucket holds the values whose IEEE-754 form agrees in the exponent
//! and the first `p` mantissa bits: its width is at most 2⁻ᵖ of its lower
//! end, and the value given for it (the middle) is within 2⁻⁽ᵖ⁺¹⁾ of any
//! value in it. `p` starts at 12 (±0.012 %); when the buckets in use would
//! span more than the sketch may keep, neighbours are merged (`p` less by
//! one, the bound doubled), as UDDSketch does, so that memory stays fixed
//! whatever the values.

/// The mantissa bits a sketch starts with.
const START_BITS: u32 = 12;

/// Buckets one sign of a sketch keeps at least (enough for one bucket per
/// binary exponent of every finite f64).
pub const MIN_SPAN: usize = 4096;

#[derive(Debug, Clone, Default)]
struct Store {
    base: u64,
    counts: Vec<u64>,
}

impl Store {
    /// Room for `key` within `max_span` buckets; false when it needs more.
    fn make_room(&mut self, key: u64, max_span: usize) -> bool {
        let len = self.counts.len() as u64;
        if len == 0 {
            self.base = key;
            self.counts.push(0);
            return true;
        }
        let (lo, hi) = (self.base.min(key), (self.base + len - 1).max(key));
        if hi - lo + 1 > max_span as u64 {
            return false;
        }
        if key < self.base {
            // Room below with a margin, so that growing is amortised.
            let margin = (len / 2).min(max_span as u64 - (hi - lo + 1));
            let new_base = key.saturating_sub(margin);
            let add = (self.base - new_base) as usize;
            self.counts.splice(0..0, std::iter::repeat_n(0, add));
            self.base = new_base;
        } else if key >= self.base + len {
            let margin = (len / 2).min(max_span as u64 - (hi - lo + 1));
            let new_len = (key - self.base + 1 + margin) as usize;
            self.counts.resize(new_len, 0);
        }
        true
    }

    /// Neighbouring buckets merged: keys halved.
    fn halve(&mut self) {
        if self.counts.is_empty() {
            return;
        }
        let base = self.base >> 1;
        let top = (self.base + self.counts.len() as u64 - 1) >> 1;
        let mut merged = vec![0u64; (top - base + 1) as usize];
        for (i, c) in self.counts.iter().enumerate() {
            merged[(((self.base + i as u64) >> 1) - base) as usize] += c;
        }
        self.base = base;
        self.counts = merged;
    }
}

/// Counts of values in logarithmic buckets.
#[derive(Debug, Clone)]
pub struct Sketch {
    bits: u32,
    pos: Store,
    neg: Store,
    zeros: u64,
    max_span: usize,
    count: u64,
}

impl Sketch {
    /// A sketch keeping at most `max_span` buckets per sign.
    pub fn new(max_span: usize) -> Sketch {
        Sketch {
            bits: START_BITS,
            pos: Store::default(),
            neg: Store::default(),
            zeros: 0,
            max_span: max_span.max(MIN_SPAN),
            count: 0,
        }
    }

    fn key(&self, a: f64) -> u64 {
        a.to_bits() >> (52 - self.bits)
    }

    /// The middle of a bucket of positive values.
    fn middle(&self, key: u64) -> f64 {
        let lo = f64::from_bits(key << (52 - self.bits));
        let hi = f64::from_bits((key + 1) << (52 - self.bits));
        if hi.is_finite() {
            lo + (hi - lo) / 2.0
        } else {
            lo
        }
    }

    #[inline]
    pub fn push(&mut self, v: f64) {
        self.count += 1;
        if v == 0.0 {
            self.zeros += 1;
            return;
        }
        // Most values fall in a bucket already there.
        let key = self.key(v.abs());
        let store = if v > 0.0 {
            &mut self.pos
        } else {
            &mut self.neg
        };
        if let Some(c) = key
            .checked_sub(store.base)
            .and_then(|i| store.counts.get_mut(i as usize))
        {
            *c += 1;
            return;
        }
        self.push_new(v);
    }

    /// A value outside the buckets there: room made, merging if needed.
    fn push_new(&mut self, v: f64) {
        loop {
            let key = self.key(v.abs());
            let span = self.max_span;
            let store = if v > 0.0 {
                &mut self.pos
            } else {
                &mut self.neg
            };
            if store.make_room(key, span) {
                store.counts[(key - store.base) as usize] += 1;
                return;
            }
            self.bits -= 1;
            self.pos.halve();
            self.neg.halve();
        }
    }

    /// The most a value given for a bucket differs from any value in it,
    /// relative to that value.
    pub fn error(&self) -> f64 {
        0.5f64.powi(self.bits as i32 + 1)
    }

    /// Every bucket's value and count, from the lowest value up.
    pub fn buckets(&self) -> impl Iterator<Item = (f64, u64)> + '_ {
        let neg = self
            .neg
            .counts
            .iter()
            .enumerate()
            .rev()
            .map(|(i, c)| (-self.middle(self.neg.base + i as u64), *c));
        let pos = self
            .pos
            .counts
            .iter()
            .enumerate()
            .map(|(i, c)| (self.middle(self.pos.base + i as u64), *c));
        neg.chain(std::iter::once((0.0, self.zeros)))
            .chain(pos)
            .filter(|b| b.1 > 0)
    }

    /// The value of rank `r` (0: the lowest).
    fn at_rank(&self, r: u64) -> f64 {
        let mut seen = 0;
        let mut last = f64::NAN;
        for (v, c) in self.buckets() {
            seen += c;
            last = v;
            if seen > r {
                break;
            }
        }
        last
    }
}

/// A stream's values as kept for its percentiles and histogram.
#[derive(Debug, Clone)]
pub enum Values {
    Exact(Vec<f64>),
    Sketch(Sketch),
}

/// Percentiles as numpy gives them (linear between ranks) and the most
/// each may be off, relative to its value (0: exact).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percentiles {
    pub p1: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub error: f64,
}

impl Values {
    /// Room for `exact` values kept as they are (0: sketched from the
    /// start), then a sketch of at most `max_span` buckets per sign.
    pub fn new(exact: usize, max_span: usize) -> Values {
        if exact > 0 {
            Values::Exact(Vec::with_capacity(exact))
        } else {
            Values::Sketch(Sketch::new(max_span))
        }
    }

    #[inline]
    pub fn push(&mut self, v: f64, max_span: usize) {
        match self {
            Values::Exact(xs) if xs.len() < xs.capacity() => xs.push(v),
            Values::Exact(xs) => {
                // More than the share: counted from now on, never grown.
                let mut s = Sketch::new(max_span);
                xs.iter().for_each(|x| s.push(*x));
                s.push(v);
                *self = Values::Sketch(s);
            }
            Values::Sketch(s) => s.push(v),
        }
    }

    /// The percentiles, within `[min, max]` (known exactly).
    pub fn percentiles(&mut self, min: f64, max: f64) -> Option<Percentiles> {
        let (n, error) = match self {
            Values::Exact(xs) => {
                xs.sort_by(f64::total_cmp);
                (xs.len() as u64, 0.0)
            }
            Values::Sketch(s) => (s.count, s.error()),
        };
        if n == 0 {
            return None;
        }
        let this = &*self;
        let q = |p: f64| match this {
            Values::Exact(xs) => super::summary::quantile(xs, p),
            Values::Sketch(s) => {
                let pos = p * (n - 1) as f64;
                let (lo, hi) = (pos.floor() as u64, pos.ceil() as u64);
                let (a, b) = (s.at_rank(lo), s.at_rank(hi));
                (a + (b - a) * (pos - lo as f64)).clamp(min, max)
            }
        };
        Some(Percentiles {
            p1: q(0.01),
            p5: q(0.05),
            p50: q(0.5),
            p95: q(0.95),
            p99: q(0.99),
            error,
        })
    }

    /// Counts in `bins` equal bins from `min` to `max`.
    pub fn histogram(&self, bins: usize, min: f64, max: f64) -> (f64, Vec<u64>) {
        let bins = bins.clamp(1, 10_000);
        let width = ((max - min) / bins as f64).max(f64::MIN_POSITIVE);
        let mut counts = vec![0u64; bins];
        let mut add = |v: f64, c: u64| {
            let i = ((v.clamp(min, max) - min) / width) as usize;
            counts[i.min(bins - 1)] += c;
        };
        match self {
            Values::Exact(xs) => xs.iter().for_each(|x| add(*x, 1)),
            Values::Sketch(s) => s.buckets().for_each(|(v, c)| add(v, c)),
        }
        (width, counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sketched_percentiles_are_within_the_stated_error_of_the_exact_ones() {
        // Offsets of both signs over six decades, and a run of zeros.
        let xs: Vec<f64> = (0..200_000u64)
            .map(|i| {
                let u = (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 / (1u64 << 53) as f64;
                let mag = 10f64.powf(-9.0 + 6.0 * u);
                match i % 7 {
                    0 => 0.0,
                    1..=3 => -mag,
                    _ => mag,
                }
            })
            .collect();
        let (min, max) = xs
            .iter()
            .fold((f64::MAX, f64::MIN), |a, x| (a.0.min(*x), a.1.max(*x)));
        let mut exact = Values::new(xs.len(), MIN_SPAN);
        let mut sketch = Values::new(0, MIN_SPAN);
        for x in &xs {
            exact.push(*x, MIN_SPAN);
            sketch.push(*x, MIN_SPAN);
        }
        let e = exact.percentiles(min, max).unwrap();
        let s = sketch.percentiles(min, max).unwrap();
        assert_eq!(e.error, 0.0);
        // Six decades in 4096 buckets: merged down to 7 bits (±0.4 %).
        assert!(s.error > 0.0 && s.error < 0.005, "{}", s.error);
        for (a, b) in [
            (e.p1, s.p1),
            (e.p5, s.p5),
            (e.p50, s.p50),
            (e.p95, s.p95),
            (e.p99, s.p99),
        ] {
            assert!(
                (a - b).abs() <= s.error * a.abs().max(b.abs()) * 1.0001,
                "{a} {b}"
            );
        }
        let (_, he) = exact.histogram(40, min, max);
        let (_, hs) = sketch.histogram(40, min, max);
        assert_eq!(he.iter().sum::<u64>(), hs.iter().sum::<u64>());
        // A value past the share turns the exact list into a sketch.
        let mut v = Values::new(2, MIN_SPAN);
        for x in [1.0, 2.0, 3.0] {
            v.push(x, MIN_SPAN);
        }
        assert!(matches!(v, Values::Sketch(_)));
        let p = v.percentiles(1.0, 3.0).unwrap();
        assert!((p.p50 - 2.0).abs() <= 2.0 * p.error, "{p:?}");
    }
}
