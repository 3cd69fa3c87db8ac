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
//!
//! Everything streams ([`stream`]): a series of any length is read in
//! memory set by budgets, the deviations from rings at octave lags
//! ([`allan`]), the percentiles exactly while the values fit and from a
//! sketch with a stated error beyond ([`sketch`]). [`exact`] keeps the
//! whole-series definitions the engine is tested against.

pub mod allan;
pub mod chi2;
pub mod exact;
pub mod moments;
pub mod scan;
pub mod sketch;
pub mod stream;
pub mod summary;

pub use chi2::{Noise, chi2_ppf, confidence_interval, edf_simple};
pub use stream::{HISTOGRAM_BINS, Quality, SeriesResult};
pub use summary::{
    CSV_HEADER, DevPoint, Deviations, Histogram, Summary, histogram, quantile, summary, write_csv,
};

use serde::Serialize;

/// One series of points in memory through the streaming engine, as one
/// file would go: times first, then the values.
fn stream_points(kind: stream::Kind, points: &[(f64, f64)]) -> Option<SeriesResult> {
    let mut times = stream::TimeScan::default();
    points.iter().for_each(|p| times.push(p.0));
    // In memory the median interval is exact however many distinct
    // intervals there are (a file's first pass sketches past 1024).
    let mut steps: Vec<f64> = points
        .windows(2)
        .map(|w| w[1].0 - w[0].0)
        .filter(|d| *d > 0.0)
        .collect();
    steps.sort_by(f64::total_cmp);
    let tau0 = Some(quantile(&steps, 0.5)).filter(|t| t.is_finite() && *t > 0.0);
    let plan = stream::Plan {
        kind,
        tau0,
        exact: points.len(),
        span: 1 << 16,
        allan_budget: 3 << 20,
        points: times.points(),
    };
    let mut s = stream::SeriesStream::new(plan);
    let mut seen = stream::Seen::default();
    for &(t, v) in points {
        s.push(t, v, stream::point_fingerprint(0, t, v), &mut seen);
    }
    s.finish()
}

/// OADEV, MDEV and TDEV of a phase series (times and phase in seconds,
/// times increasing) at τ = 2ᵏτ₀ up to a third of the span. `None` for
/// too short a series.
pub fn deviations(t: &[f64], x: &[f64]) -> Option<Deviations> {
    let points: Vec<(f64, f64)> = t.iter().copied().zip(x.iter().copied()).collect();
    stream_points(stream::Kind::Phase, &points)?.deviations
}

/// A series analysed for the Statistics panel: its summary, histogram,
/// (for phase and frequency series) deviations, and what was odd about
/// its points (gaps).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub summary: Option<Summary>,
    pub histogram: Option<Histogram>,
    pub deviations: Option<Deviations>,
    pub quality: Quality,
}

/// Analyses (time, value) points of a series of `field`, in any order
/// (offsets in seconds are phase; frequency in ppm is integrated to phase;
/// other series get no deviations). The summary and histogram count every
/// value; points of one time (chronyd's logs stamp whole seconds) become
/// their mean for the deviations, which need increasing times.
pub fn analyse(field: crate::core::series::Field, mut points: Vec<(f64, f64)>) -> Analysis {
    points.retain(|(t, v)| t.is_finite() && v.is_finite());
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    match stream_points(stream::Kind::of(field), &points) {
        Some(r) => Analysis {
            summary: Some(r.summary),
            histogram: Some(r.histogram),
            deviations: r.deviations,
            quality: r.quality,
        },
        None => Analysis {
            summary: None,
            histogram: None,
            deviations: None,
            quality: Quality::default(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // The same clock seen as its frequency (5 ppm throughout).
        let pts: Vec<(f64, f64)> = t.iter().map(|t| (*t, 5.0)).collect();
        let a = analyse(crate::core::series::Field::Frequency, pts);
        let d = a.deviations.unwrap();
        assert!(d.oadev.iter().all(|p| p[1] < 1e-15), "{:?}", d.oadev);
    }

    #[test]
    fn summary_of_few_values() {
        let s = summary(&[1.0, 2.0, 3.0, 4.0, f64::NAN]).unwrap();
        assert_eq!((s.n, s.min, s.max, s.p50, s.mean), (4, 1.0, 4.0, 2.5, 2.5));
        assert!((s.sd - 1.118_033_988_749_895).abs() < 1e-12);
        assert!(summary(&[]).is_none());
        let h = histogram(&[0.0, 0.5, 1.0, 1.0], 2).unwrap();
        assert_eq!(h.counts, [1, 3]);
        // The streamed summary of the same values.
        let pts: Vec<(f64, f64)> = [1.0, 2.0, 3.0, 4.0]
            .iter()
            .enumerate()
            .map(|(i, v)| (i as f64, *v))
            .collect();
        let a = analyse(crate::core::series::Field::Delay, pts);
        let t = a.summary.unwrap();
        assert_eq!((t.n, t.min, t.max, t.p50, t.mean), (4, 1.0, 4.0, 2.5, 2.5));
        assert!((t.sd - s.sd).abs() < 1e-12);
    }
}
