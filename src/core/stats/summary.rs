//! What a series' statistics are: ntpviz's summary, a histogram, the
//! deviations at each τ, and the CSV rows they are written as; the
//! summary and histogram of values in memory.

use serde::Serialize;

use super::chi2::Noise;

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
    /// Skewness and kurtosis divide by σ: for a series of one value
    /// (σ = 0) they are undefined, and the 0 stored there is no result.
    pub fn has_shape(&self) -> bool {
        self.sd > 0.0
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Skewness and kurtosis exist only where σ does: a series of one
    /// value has none (the window shows "–"), any spread has them.
    #[test]
    fn shape_is_undefined_for_a_constant_series() {
        assert!(!summary(&[0.25; 40]).unwrap().has_shape());
        let spread = summary(&[0.0, 1.0, 2.0, 10.0]).unwrap();
        assert!(spread.has_shape());
        assert!(spread.skewness > 0.0);
    }
}
