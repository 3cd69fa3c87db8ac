//! The deviations computed over a whole series in memory, as NIST SP 1065
//! writes them: the reference the streaming engine ([`super::allan`]) is
//! tested against, and the resampling of uneven times onto a grid.

use super::summary::quantile;

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
    let count = (span / tau0 + 1e-9).floor() as usize + 1;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::stats::deviations;

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

    /// A pseudo-random walk with white noise on top, at uneven times.
    fn series(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
        let mut s = seed;
        let mut rnd = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let (mut t, mut x) = (Vec::new(), Vec::new());
        let mut walk = 0.0;
        for i in 0..n {
            walk += rnd() * 1e-7;
            t.push(i as f64 * 16.0 + rnd() * 4.0);
            x.push(1e-3 + walk + rnd() * 1e-6);
        }
        (t, x)
    }

    #[test]
    fn the_streaming_engine_gives_the_whole_series_definitions() {
        // Lags up to 1024 are within the exact rings: the streamed
        // deviations are the definitions' to rounding.
        for (n, seed) in [(5, 1), (40, 2), (3000, 3), (6000, 4)] {
            let (t, x) = series(n, seed);
            let d = deviations(&t, &x).unwrap();
            let (tau0, grid) = resample(&t, &x).unwrap();
            assert_eq!(d.tau0, tau0);
            let mut m = 1;
            let mut k = 0;
            while m <= (grid.len() - 1) / 3 {
                let close = |a: f64, b: f64, what: &str| {
                    assert!(
                        (a / b - 1.0).abs() < 1e-9,
                        "n {n} m {m} {what}: {a:e} vs {b:e}"
                    );
                };
                close(d.oadev[k][1], oadev(&grid, tau0, m), "oadev");
                close(d.mdev[k][1], mdev(&grid, tau0, m), "mdev");
                close(d.tdev[k][1], tdev(&grid, tau0, m), "tdev");
                m *= 2;
                k += 1;
            }
            assert_eq!(k, d.oadev.len(), "n {n}");
        }
    }

    /// ADEV over the terms at every `s`-th index only.
    fn strided_oadev(x: &[f64], tau0: f64, m: usize, s: usize) -> f64 {
        let d: Vec<f64> = (2 * m..x.len())
            .filter(|i| i % s == 0)
            .map(|i| x[i] - 2.0 * x[i - m] + x[i - 2 * m])
            .collect();
        let tau = m as f64 * tau0;
        (d.iter().map(|v| v * v).sum::<f64>() / (2.0 * tau * tau * d.len() as f64)).sqrt()
    }

    /// MDEV over the windows starting at every `s`-th index only.
    fn strided_mdev(x: &[f64], tau0: f64, m: usize, s: usize) -> f64 {
        let sum = |j: usize| x[j..j + m].iter().sum::<f64>();
        let d: Vec<f64> = (0..x.len().saturating_sub(3 * m) + 1)
            .filter(|j| j % s == 0)
            .map(|j| sum(j + 2 * m) - 2.0 * sum(j + m) + sum(j))
            .collect();
        let tau = m as f64 * tau0;
        (d.iter().map(|v| v * v).sum::<f64>() / (2.0 * (m * m) as f64 * tau * tau * d.len() as f64))
            .sqrt()
    }

    #[test]
    fn lags_past_the_exact_rings_take_every_stride_th_term() {
        // Exact rings of 8 (ADEV) and 4 (MDEV) lags: longer lags come from
        // the levels built as the series grows, run after run.
        let (_, x) = series(3000, 5);
        let mut a = super::super::allan::Allan::new(1.0, 3, 2, 3000);
        for v in &x[..1000] {
            a.push(*v);
        }
        a.end_run();
        for v in &x[1000..] {
            a.push(*v);
        }
        let d = a.finish().unwrap();
        // Terms of each run, pooled.
        let runs = [&x[..1000], &x[1000..]];
        let pooled = |f: &dyn Fn(&[f64]) -> (f64, usize)| {
            let (s, n) = runs
                .iter()
                .map(|r| f(r))
                .fold((0.0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
            s / n as f64
        };
        let mut m = 1;
        for k in 0..d.oadev.len() {
            let (sa, sm) = ((m / 8).max(1), (m / 4).max(1));
            let adev2 = pooled(&|r: &[f64]| {
                let n = (2 * m..r.len()).filter(|i| i % sa == 0).count();
                let v = if n == 0 {
                    0.0
                } else {
                    strided_oadev(r, 1.0, m, sa).powi(2) * n as f64
                };
                (v, n)
            });
            let mdev2 = pooled(&|r: &[f64]| {
                let n = (0..(r.len() + 1).saturating_sub(3 * m))
                    .filter(|j| j % sm == 0)
                    .count();
                let v = if n == 0 {
                    0.0
                } else {
                    strided_mdev(r, 1.0, m, sm).powi(2) * n as f64
                };
                (v, n)
            });
            assert!(
                (d.oadev[k][1] / adev2.sqrt() - 1.0).abs() < 1e-9,
                "m {m} adev"
            );
            assert!(
                (d.mdev[k][1] / mdev2.sqrt() - 1.0).abs() < 1e-9,
                "m {m} mdev"
            );
            m *= 2;
        }
        assert_eq!(m, 1024, "octaves up to a third of the 3000 points");
    }
}
