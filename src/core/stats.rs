//! Statistics of a clock series, as timing engineers read them: ntpviz's
//! summary (percentiles, ranges, σ, skewness, kurtosis), a histogram, and
//! the overlapping Allan, modified Allan and time deviations over
//! octave-spaced τ with confidence intervals.
//!
//! Definitions are NIST SP 1065's, computed as allantools does (its values
//! for synthetic white PM, white FM and random-walk FM are stored in
//! tests/data/stats and matched within 1 %). chrony's updates are not
//! periodic: a series is resampled onto an even grid first — τ₀ is the
//! median interval and the phase is interpolated linearly between samples.
//! Confidence intervals use allantools' `edf_simple` (Riley's simple
//! equivalent degrees of freedom) for the noise type the ADEV slope shows
//! there, and χ² bounds at 68.3 %.

use serde::Serialize;

/// The most points a series keeps (a week at 1 s is 604,800; a year of
/// tracking.log at 16 s polls about 2 million).
pub const MAX_POINTS: usize = 16_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub n: usize,
    pub min: f64,
    pub p1: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
    /// p95 − p5 and p99 − p1 (ntpviz's 90 % and 98 % ranges).
    pub range90: f64,
    pub range98: f64,
    pub mean: f64,
    /// Population standard deviation.
    pub sd: f64,
    pub skewness: f64,
    /// Excess kurtosis (0 for a normal distribution).
    pub kurtosis: f64,
}

impl Summary {
    /// Every statistic with its id (texts `stats-label-<id>`, CSV `kind`),
    /// in ntpviz's order.
    pub fn rows(&self) -> [(&'static str, f64); 13] {
        [
            ("min", self.min),
            ("p1", self.p1),
            ("p5", self.p5),
            ("p50", self.p50),
            ("p95", self.p95),
            ("p99", self.p99),
            ("max", self.max),
            ("range90", self.range90),
            ("range98", self.range98),
            ("mean", self.mean),
            ("sd", self.sd),
            ("skewness", self.skewness),
            ("kurtosis", self.kurtosis),
        ]
    }
}

/// Rows `series,kind,tau,value,low,high` of a series' statistics (what
/// `stratum stats --format csv` and the Statistics panel's export write).
pub fn write_csv<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    name: &str,
    s: &Summary,
    d: Option<&Deviations>,
) -> csv::Result<()> {
    for (k, v) in s.rows() {
        w.write_record([name, k, "", &v.to_string(), "", ""])?;
    }
    if let Some(d) = d {
        for (k, pts) in [("adev", &d.oadev), ("mdev", &d.mdev), ("tdev", &d.tdev)] {
            for p in pts {
                let f = p.map(|x| x.to_string());
                w.write_record([name, k, &f[0], &f[1], &f[2], &f[3]])?;
            }
        }
    }
    Ok(())
}

/// The CSV header of [`write_csv`].
pub const CSV_HEADER: [&str; 6] = ["series", "kind", "tau", "value", "low", "high"];

/// The `q` quantile of sorted values, linear between neighbours (numpy's
/// default).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    crate::core::calibrate::quantile(sorted, q)
}

pub fn summary(values: &[f64]) -> Option<Summary> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for x in &v {
        let d = x - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    let (m2, m3, m4) = (m2 / n, m3 / n, m4 / n);
    let q = |p: f64| quantile(&v, p);
    let (skewness, kurtosis) = if m2 > 0.0 {
        (m3 / m2.powf(1.5), m4 / (m2 * m2) - 3.0)
    } else {
        (0.0, 0.0)
    };
    Some(Summary {
        n: v.len(),
        min: v[0],
        p1: q(0.01),
        p5: q(0.05),
        p50: q(0.5),
        p95: q(0.95),
        p99: q(0.99),
        max: v[v.len() - 1],
        range90: q(0.95) - q(0.05),
        range98: q(0.99) - q(0.01),
        mean,
        sd: m2.sqrt(),
        skewness,
        kurtosis,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Histogram {
    /// The lower edge of the first bin and the bins' width.
    pub lo: f64,
    pub width: f64,
    pub counts: Vec<u64>,
    /// Where the ±1σ marks go.
    pub mean: f64,
    pub sd: f64,
}

pub fn histogram(values: &[f64], bins: usize) -> Option<Histogram> {
    let s = summary(values)?;
    let bins = bins.clamp(1, 10_000);
    let width = ((s.max - s.min) / bins as f64).max(f64::MIN_POSITIVE);
    let mut counts = vec![0u64; bins];
    for x in values.iter().filter(|x| x.is_finite()) {
        let i = (((x - s.min) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    Some(Histogram {
        lo: s.min,
        width,
        counts,
        mean: s.mean,
        sd: s.sd,
    })
}

/// An uneven series on an even grid: τ₀ is the median interval, the values
/// are interpolated linearly at t₀ + kτ₀. `None` for fewer than two
/// points or times that do not increase.
pub fn resample(t: &[f64], x: &[f64]) -> Option<(f64, Vec<f64>)> {
    let n = t.len().min(x.len());
    if n < 2 {
        return None;
    }
    let mut steps: Vec<f64> = t[..n].windows(2).map(|w| w[1] - w[0]).collect();
    steps.sort_by(f64::total_cmp);
    let tau0 = quantile(&steps, 0.5);
    if !(tau0.is_finite() && tau0 > 0.0) || steps[0] < 0.0 {
        return None;
    }
    let span = t[n - 1] - t[0];
    let count = ((span / tau0 + 1e-9).floor() as usize + 1).min(MAX_POINTS);
    let mut out = Vec::with_capacity(count);
    let mut j = 0;
    for k in 0..count {
        let g = t[0] + k as f64 * tau0;
        // np.interp: the segment [t_j, t_j+1] holding g.
        while j + 2 < n && t[j + 1] <= g {
            j += 1;
        }
        let (t0, t1) = (t[j], t[j + 1]);
        let v = if g >= t1 {
            x[j + 1]
        } else if t1 > t0 {
            x[j] + (x[j + 1] - x[j]) * (g - t0) / (t1 - t0)
        } else {
            x[j + 1]
        };
        out.push(v);
    }
    Some((tau0, out))
}

/// The power-law noise the ADEV slope shows (σ_y ∝ τ^μ/2): α and its
/// name. Flicker PM has white PM's ADEV slope and is reported as white PM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Noise {
    WhitePm,
    WhiteFm,
    FlickerFm,
    RandomWalkFm,
}

impl Noise {
    /// From the log–log slope of ADEV against τ.
    pub fn of_slope(slope: f64) -> Noise {
        [
            (-1.0, Noise::WhitePm),
            (-0.5, Noise::WhiteFm),
            (0.0, Noise::FlickerFm),
            (0.5, Noise::RandomWalkFm),
        ]
        .into_iter()
        .min_by(|a, b| (a.0 - slope).abs().total_cmp(&(b.0 - slope).abs()))
        .map(|p| p.1)
        .unwrap_or(Noise::WhiteFm)
    }

    pub fn alpha(self) -> i32 {
        match self {
            Noise::WhitePm => 2,
            Noise::WhiteFm => 0,
            Noise::FlickerFm => -1,
            Noise::RandomWalkFm => -2,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Noise::WhitePm => "white-pm",
            Noise::WhiteFm => "white-fm",
            Noise::FlickerFm => "flicker-fm",
            Noise::RandomWalkFm => "random-walk-fm",
        }
    }
}

/// allantools `edf_simple(N, m, alpha)` (Riley, Handbook of Frequency
/// Stability Analysis, simple approximations).
pub fn edf_simple(n: usize, m: usize, alpha: i32) -> f64 {
    let (n, m) = (n as f64, m as f64);
    match alpha {
        2 => (n + 1.0) * (n - 2.0 * m) / (2.0 * (n - m)),
        1 => {
            let a = (n - 1.0) / (2.0 * m);
            let b = (2.0 * m + 1.0) * (n - 1.0) / 4.0;
            (a.ln() * b.ln()).sqrt().exp()
        }
        0 => {
            (3.0 * (n - 1.0) / (2.0 * m) - 2.0 * (n - 2.0) / n)
                * (4.0 * m * m / (4.0 * m * m + 5.0))
        }
        -1 if m == 1.0 => 2.0 * (n - 2.0) / (2.3 * n - 4.9),
        -1 => 5.0 * n * n / (4.0 * m * (n + 3.0 * m)),
        -2 => {
            let a = (n - 2.0) / (m * (n - 3.0) * (n - 3.0));
            a * ((n - 1.0) * (n - 1.0) - 3.0 * m * (n - 1.0) + 4.0 * m * m)
        }
        _ => 2.0,
    }
}

fn ln_gamma(x: f64) -> f64 {
    // Lanczos (g = 7, n = 9).
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularized lower incomplete gamma P(a, x).
fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let front = (-x + a * x.ln() - ln_gamma(a)).exp();
    if x < a + 1.0 {
        let (mut sum, mut term, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..10_000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (sum * front).min(1.0)
    } else {
        // Lentz's continued fraction for Q(a, x).
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (1.0 - front * h).max(0.0)
    }
}

/// The χ² quantile with `k` degrees of freedom (bisection on its CDF).
pub fn chi2_ppf(p: f64, k: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, k + 40.0 * (2.0 * k).sqrt() + 100.0);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if gamma_p(k / 2.0, mid / 2.0) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// allantools `confidence_interval(dev, edf)` at 68.3 %.
pub fn confidence_interval(dev: f64, edf: f64) -> (f64, f64) {
    const CI: f64 = 0.682_689_492_137_085_9;
    let lo_p = (1.0 - CI) / 2.0;
    let (chi_l, chi_h) = (chi2_ppf(lo_p, edf), chi2_ppf(1.0 - lo_p, edf));
    (dev * (edf / chi_h).sqrt(), dev * (edf / chi_l).sqrt())
}

/// Second differences of phase at lag m: x[i+2m] − 2x[i+m] + x[i].
fn second_differences(x: &[f64], m: usize) -> Vec<f64> {
    (0..x.len().saturating_sub(2 * m))
        .map(|i| x[i + 2 * m] - 2.0 * x[i + m] + x[i])
        .collect()
}

/// Overlapping Allan deviation of phase `x` (seconds) at τ = mτ₀.
pub fn oadev(x: &[f64], tau0: f64, m: usize) -> f64 {
    let d = second_differences(x, m);
    if d.is_empty() {
        return f64::NAN;
    }
    let tau = m as f64 * tau0;
    let s: f64 = d.iter().map(|v| v * v).sum();
    (s / (2.0 * tau * tau * d.len() as f64)).sqrt()
}

/// Modified Allan deviation at τ = mτ₀.
pub fn mdev(x: &[f64], tau0: f64, m: usize) -> f64 {
    let d = second_differences(x, m);
    if d.len() < m || m == 0 {
        return f64::NAN;
    }
    // Sums of m consecutive second differences, by a running window.
    let mut window: f64 = d[..m].iter().sum();
    let mut s = window * window;
    let count = d.len() - m + 1;
    for j in 1..count {
        window += d[j + m - 1] - d[j - 1];
        s += window * window;
    }
    let tau = m as f64 * tau0;
    (s / (2.0 * (m * m) as f64 * tau * tau * count as f64)).sqrt()
}

/// Time deviation at τ = mτ₀: τ/√3 · MDEV.
pub fn tdev(x: &[f64], tau0: f64, m: usize) -> f64 {
    m as f64 * tau0 / 3f64.sqrt() * mdev(x, tau0, m)
}

/// One τ of a deviation: [τ, value, low, high].
pub type DevPoint = [f64; 4];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deviations {
    pub tau0: f64,
    pub oadev: Vec<DevPoint>,
    pub mdev: Vec<DevPoint>,
    pub tdev: Vec<DevPoint>,
    /// The noise type read from the ADEV slope at each τ.
    pub noise: Vec<Noise>,
}

/// OADEV, MDEV and TDEV of a phase series (times and phase in seconds) at
/// τ = 2ᵏτ₀ up to a third of the span. `None` for too short a series.
pub fn deviations(t: &[f64], x: &[f64]) -> Option<Deviations> {
    let (t, x) = if t.len() > MAX_POINTS {
        (&t[t.len() - MAX_POINTS..], &x[x.len() - MAX_POINTS..])
    } else {
        (t, x)
    };
    let (tau0, x) = resample(t, x)?;
    let n = x.len();
    let mut ms = Vec::new();
    let mut m = 1;
    while n >= 4 && m <= (n - 1) / 3 {
        ms.push(m);
        m *= 2;
    }
    if ms.is_empty() {
        return None;
    }
    let ad: Vec<f64> = ms.iter().map(|&m| oadev(&x, tau0, m)).collect();
    let md: Vec<f64> = ms.iter().map(|&m| mdev(&x, tau0, m)).collect();
    let mut out = Deviations {
        tau0,
        oadev: Vec::new(),
        mdev: Vec::new(),
        tdev: Vec::new(),
        noise: Vec::new(),
    };
    for (i, &m) in ms.iter().enumerate() {
        let j = if i + 1 < ms.len() {
            i + 1
        } else {
            i.saturating_sub(1)
        };
        let slope = if j == i {
            -0.5
        } else {
            (ad[j] / ad[i]).ln() / (ms[j] as f64 / m as f64).ln()
        };
        let noise = Noise::of_slope(slope);
        let edf = edf_simple(n, m, noise.alpha());
        let tau = m as f64 * tau0;
        let point = |v: f64| {
            let (lo, hi) = confidence_interval(v, edf);
            [tau, v, lo, hi]
        };
        out.oadev.push(point(ad[i]));
        out.mdev.push(point(md[i]));
        out.tdev.push(point(tau / 3f64.sqrt() * md[i]));
        out.noise.push(noise);
    }
    Some(out)
}

/// A frequency series (fractional, e.g. ppm × 1e-6) as phase: the running
/// sum of y·Δt, so that the deviations of frequency data come out as for
/// phase data.
pub fn phase_of_frequency(t: &[f64], y: &[f64]) -> Vec<f64> {
    let mut x = Vec::with_capacity(y.len());
    let mut acc = 0.0;
    for i in 0..t.len().min(y.len()) {
        if i > 0 {
            acc += y[i - 1] * (t[i] - t[i - 1]);
        }
        x.push(acc);
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi2_quantiles_match_tables() {
        // χ² tables: k = 10, p = 0.025 / 0.975.
        assert!((chi2_ppf(0.025, 10.0) - 3.247).abs() < 1e-3);
        assert!((chi2_ppf(0.975, 10.0) - 20.483).abs() < 1e-3);
        assert!((chi2_ppf(0.5, 1.0) - 0.4549).abs() < 1e-3);
    }

    #[test]
    fn resampling_an_even_series_changes_nothing() {
        let t: Vec<f64> = (0..10).map(|i| i as f64 * 2.0).collect();
        let x: Vec<f64> = (0..10).map(|i| (i * i) as f64).collect();
        let (tau0, y) = resample(&t, &x).unwrap();
        assert_eq!(tau0, 2.0);
        assert_eq!(y, x);
        assert!(resample(&[1.0], &[1.0]).is_none());
        assert!(resample(&[2.0, 1.0, 0.0], &[1.0, 2.0, 3.0]).is_none());
    }

    #[test]
    fn scaling_the_phase_scales_every_deviation() {
        let t: Vec<f64> = (0..500).map(|i| i as f64).collect();
        let x: Vec<f64> = (0..500u64)
            .map(|i| ((i * 7919 % 1000) as f64 - 500.0) * 1e-9)
            .collect();
        let a = deviations(&t, &x).unwrap();
        let x3: Vec<f64> = x.iter().map(|v| v * 3.0).collect();
        let b = deviations(&t, &x3).unwrap();
        for (p, q) in a
            .oadev
            .iter()
            .zip(&b.oadev)
            .chain(a.mdev.iter().zip(&b.mdev))
        {
            assert!((q[1] / p[1] - 3.0).abs() < 1e-9, "{p:?} {q:?}");
        }
    }

    #[test]
    fn a_constant_frequency_offset_is_no_instability() {
        // Phase growing linearly (a clock 5 ppm fast): second differences
        // vanish, so MDEV (and ADEV) of the phase are zero.
        let t: Vec<f64> = (0..300).map(|i| i as f64).collect();
        let x: Vec<f64> = t.iter().map(|t| 5e-6 * t + 1e-3).collect();
        let d = deviations(&t, &x).unwrap();
        assert!(d.mdev.iter().all(|p| p[1] < 1e-15), "{:?}", d.mdev);
        assert!(d.oadev.iter().all(|p| p[1] < 1e-15));
    }

    #[test]
    fn summary_of_few_values() {
        let s = summary(&[1.0, 2.0, 3.0, 4.0, f64::NAN]).unwrap();
        assert_eq!((s.n, s.min, s.max, s.p50, s.mean), (4, 1.0, 4.0, 2.5, 2.5));
        assert!((s.sd - 1.118_033_988_749_895).abs() < 1e-12);
        assert!(summary(&[]).is_none());
        let h = histogram(&[0.0, 0.5, 1.0, 1.0], 2).unwrap();
        assert_eq!(h.counts, [1, 3]);
    }
}

/// A series analysed for the Statistics panel: its summary, histogram and
/// (for phase and frequency series) deviations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub summary: Option<Summary>,
    pub histogram: Option<Histogram>,
    pub deviations: Option<Deviations>,
}

/// Bins of the panel's histogram.
pub const HISTOGRAM_BINS: usize = 40;

/// Analyses (time, value) points of a series of `field`, in any order
/// (offsets in seconds are phase; frequency in ppm is integrated to phase;
/// other series get no deviations). The summary and histogram count every
/// value; points of one time (chronyd's logs stamp whole seconds) become
/// their mean for the deviations, which need increasing times.
pub fn analyse(field: crate::core::series::Field, mut points: Vec<(f64, f64)>) -> Analysis {
    use crate::core::series::Field;
    points.retain(|(t, v)| t.is_finite() && v.is_finite());
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let all: Vec<f64> = points.iter().map(|x| x.1).collect();
    let summary = summary(&all);
    let histogram = histogram(&all, HISTOGRAM_BINS);
    drop(all);
    let mut t: Vec<f64> = Vec::with_capacity(points.len());
    let mut v: Vec<f64> = Vec::with_capacity(points.len());
    let mut same = 0.0;
    for (a, b) in points {
        if t.last() == Some(&a) {
            same += 1.0;
            let last = v.last_mut().expect("a value per time");
            *last += (b - *last) / same;
            continue;
        }
        same = 1.0;
        t.push(a);
        v.push(b);
    }
    let deviations = match field {
        Field::Offset | Field::Correction => deviations(&t, &v),
        Field::Frequency | Field::ResidualFreq => {
            let y: Vec<f64> = v.iter().map(|x| x * 1e-6).collect();
            deviations(&t, &phase_of_frequency(&t, &y))
        }
        _ => None,
    };
    Analysis {
        summary,
        histogram,
        deviations,
    }
}
