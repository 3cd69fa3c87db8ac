//! Calibrating a reference clock's `offset` option against a trusted
//! source (chrony's FAQ does it by hand): the clock runs beside the trusted
//! one (usually `noselect`), each new sample of it is paired with the
//! trusted source's latest, and the median difference is the correction.
//!
//! Signs, from chronyc(1) and refclock.c: a source's last sample is
//! positive when the local clock is ahead of it; a refclock's `offset` is
//! added to its samples (offset = reference − system + `offset`), so a
//! clock whose time arrives late (NMEA) needs a positive `offset`. The
//! proposed value is therefore `current + median(last_clock − last_trusted)`.

use serde::Serialize;

/// The most samples a calibration takes (each is one poll).
pub const MAX_SAMPLES: usize = 4096;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    pub samples: usize,
    /// Median of (clock − trusted), seconds.
    pub median: f64,
    /// Interquartile range of the differences, seconds.
    pub iqr: f64,
    pub min: f64,
    pub max: f64,
    /// The `offset` option to write: the current one plus the median.
    pub proposed_offset: f64,
}

/// The `q`-quantile of sorted values (linear between neighbours).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// The calibration from paired differences (clock − trusted, seconds) and
/// the clock's current `offset` option. `None` without a finite sample.
pub fn calibrate(differences: &[f64], current_offset: f64) -> Option<Calibration> {
    let mut d: Vec<f64> = differences
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .take(MAX_SAMPLES)
        .collect();
    if d.is_empty() {
        return None;
    }
    d.sort_by(f64::total_cmp);
    let median = quantile(&d, 0.5);
    Some(Calibration {
        samples: d.len(),
        median,
        iqr: quantile(&d, 0.75) - quantile(&d, 0.25),
        min: d[0],
        max: d[d.len() - 1],
        proposed_offset: current_offset + median,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_clock_gets_a_positive_offset_and_outliers_do_not_move_it() {
        // NMEA 30 ms late: the local clock is 30 ms ahead of it, so its
        // last samples read +0.030 while the trusted source reads ~0.
        let mut d: Vec<f64> = (0..20)
            .map(|i| 0.030 + (i % 5) as f64 * 0.001 - 0.002)
            .collect();
        d.push(0.9);
        d.push(f64::NAN);
        let c = calibrate(&d, 0.0).unwrap();
        assert_eq!(c.samples, 21);
        assert!((c.median - 0.030).abs() < 0.001, "{c:?}");
        assert!((c.proposed_offset - 0.030).abs() < 0.001);
        assert!(c.iqr <= 0.003);
        // Already partly corrected: the new value adds to the old.
        let c = calibrate(&[0.010, 0.011, 0.009], 0.020).unwrap();
        assert!((c.proposed_offset - 0.030).abs() < 1e-9);
        assert!(calibrate(&[], 0.0).is_none());
    }

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), 2.5);
        assert_eq!(quantile(&[1.0], 0.9), 1.0);
        assert!(quantile(&[], 0.5).is_nan());
    }
}
