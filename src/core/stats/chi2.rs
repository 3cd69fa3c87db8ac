//! Confidence intervals of the deviations as allantools computes them:
//! the noise type from the ADEV slope, Riley's simple equivalent degrees
//! of freedom (`edf_simple`) and χ² bounds at 68.3 %.

use serde::Serialize;

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

/// The χ² quantile with `k` degrees of freedom (bisection on its CDF,
/// to the precision of an f64).
pub fn chi2_ppf(p: f64, k: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, k + 40.0 * (2.0 * k).sqrt() + 100.0);
    for _ in 0..200 {
        if hi - lo <= 1e-13 * hi {
            break;
        }
        let mid = 0.5 * (lo + hi);
        if gamma_p(k / 2.0, mid / 2.0) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Above this many degrees of freedom the χ² bounds come from the
/// Wilson–Hilferty cube (relative error under 10⁻⁵ there), not bisection.
const WILSON_HILFERTY: f64 = 1000.0;

/// The factors by which a deviation with `edf` degrees of freedom gives
/// its 68.3 % interval: allantools' `confidence_interval(dev, edf)` is
/// (dev × low, dev × high).
pub fn interval_factors(edf: f64) -> (f64, f64) {
    const CI: f64 = 0.682_689_492_137_085_9;
    let lo_p = (1.0 - CI) / 2.0;
    let (chi_l, chi_h) = if edf > WILSON_HILFERTY {
        // The 68.3 % interval is ±1σ of the normal: z = ∓1.
        let a = 2.0 / (9.0 * edf);
        let cube = |z: f64| edf * (1.0 - a + z * a.sqrt()).powi(3);
        (cube(-1.0), cube(1.0))
    } else {
        (chi2_ppf(lo_p, edf), chi2_ppf(1.0 - lo_p, edf))
    };
    ((edf / chi_h).sqrt(), (edf / chi_l).sqrt())
}

/// allantools `confidence_interval(dev, edf)` at 68.3 %.
pub fn confidence_interval(dev: f64, edf: f64) -> (f64, f64) {
    let (lo, hi) = interval_factors(edf);
    (dev * lo, dev * hi)
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
        // The approximation for many degrees of freedom meets bisection.
        let lo_p = (1.0 - 0.682_689_492_137_085_9) / 2.0;
        for k in [1000.5f64, 5000.0, 1e6] {
            let a = 2.0 / (9.0 * k);
            let wh = k * (1.0 - a - a.sqrt()).powi(3);
            assert!((wh / chi2_ppf(lo_p, k) - 1.0).abs() < 1e-5, "{k}");
        }
    }
}
