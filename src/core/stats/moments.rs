//! Mean, standard deviation, skewness and kurtosis of a stream in one
//! pass, by the central-moment updates of Pébay (2008), which stay exact
//! where sums of powers would cancel.

#[derive(Debug, Clone, Copy, Default)]
pub struct Moments {
    n: u64,
    mean: f64,
    m2: f64,
    m3: f64,
    m4: f64,
    min: f64,
    max: f64,
}

impl Moments {
    #[inline]
    pub fn push(&mut self, x: f64) {
        if self.n == 0 {
            self.min = x;
            self.max = x;
        } else {
            self.min = self.min.min(x);
            self.max = self.max.max(x);
        }
        let n1 = self.n as f64;
        self.n += 1;
        let n = self.n as f64;
        let delta = x - self.mean;
        let dn = delta / n;
        let dn2 = dn * dn;
        let term1 = delta * dn * n1;
        self.mean += dn;
        self.m4 += term1 * dn2 * (n * n - 3.0 * n + 3.0) + 6.0 * dn2 * self.m2 - 4.0 * dn * self.m3;
        self.m3 += term1 * dn * (n - 2.0) - 3.0 * dn * self.m2;
        self.m2 += term1;
    }

    pub fn count(&self) -> u64 {
        self.n
    }

    pub fn min(&self) -> f64 {
        self.min
    }

    pub fn max(&self) -> f64 {
        self.max
    }

    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// Population standard deviation.
    pub fn sd(&self) -> f64 {
        if self.n == 0 {
            return f64::NAN;
        }
        (self.m2 / self.n as f64).sqrt()
    }

    /// Skewness and excess kurtosis, both biased (scipy's defaults); 0
    /// for a constant series.
    pub fn shape(&self) -> (f64, f64) {
        if self.m2 <= 0.0 {
            return (0.0, 0.0);
        }
        let n = self.n as f64;
        (
            n.sqrt() * self.m3 / self.m2.powf(1.5),
            n * self.m4 / (self.m2 * self.m2) - 3.0,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_moments_equal_the_two_pass_ones() {
        let xs: Vec<f64> = (0..1000u64)
            .map(|i| 1e3 + ((i * 7919 % 1013) as f64).powi(2) * 1e-6)
            .collect();
        let mut m = Moments::default();
        xs.iter().for_each(|x| m.push(*x));
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let c = |p: i32| xs.iter().map(|x| (x - mean).powi(p)).sum::<f64>() / n;
        let (skew, kurt) = m.shape();
        assert!((m.mean() - mean).abs() < 1e-9);
        assert!((m.sd() / c(2).sqrt() - 1.0).abs() < 1e-9);
        assert!((skew / (c(3) / c(2).powf(1.5)) - 1.0).abs() < 1e-9);
        assert!((kurt - (c(4) / (c(2) * c(2)) - 3.0)).abs() < 1e-9);
        assert_eq!((m.min(), m.count()), (1e3, 1000));
    }
}
