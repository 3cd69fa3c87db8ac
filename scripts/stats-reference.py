#!/usr/bin/env python3
"""Writes tests/data/stats/reference.json: synthetic phase series (white PM,
white FM, random-walk FM, and white FM at uneven times) with the OADEV, MDEV
and TDEV that allantools computes for them, and their confidence intervals
(allantools.edf_simple with the noise type read from the ADEV slope, and
allantools.confidence_interval at 68.3 %). Run once, by hand, in a venv:
    python3 -m venv /tmp/av && /tmp/av/bin/pip install allantools
    /tmp/av/bin/python scripts/stats-reference.py
The tests compare Stratum's numbers with the stored ones (1 %)."""
import json, math, os
import numpy as np
import allantools as at

N = 2048
rng = np.random.default_rng(20261130)

def series():
    w = rng.standard_normal(N)
    yield "white_pm", np.arange(N) * 1.0, w * 1e-6
    w = rng.standard_normal(N)
    yield "white_fm", np.arange(N) * 1.0, np.cumsum(w) * 1e-6
    w = rng.standard_normal(N)
    yield "random_walk_fm", np.arange(N) * 1.0, np.cumsum(np.cumsum(w)) * 1e-9
    w = rng.standard_normal(N)
    t = np.sort(np.arange(N) * 1.0 + rng.uniform(-0.3, 0.3, N))
    yield "white_fm_uneven", t, np.cumsum(w) * 1e-6

def resample(t, x):
    # Stratum's rule: tau0 is the median interval; the phase is
    # interpolated linearly onto the grid t0 + k*tau0 (k = 0.. while <= t_last).
    tau0 = float(np.median(np.diff(t)))
    n = int(math.floor((t[-1] - t[0]) / tau0 + 1e-9)) + 1
    g = t[0] + np.arange(n) * tau0
    return tau0, np.interp(g, t, x)

def alpha_of(slope):
    # ADEV log-log slope -> power-law noise alpha (white PM, white FM,
    # flicker FM, random-walk FM).
    return min([(-1.0, 2), (-0.5, 0), (0.0, -1), (0.5, -2)], key=lambda p: abs(p[0] - slope))[1]

out = {}
for name, t, x in series():
    tau0, xs = resample(t, x)
    n = len(xs)
    ms = []
    m = 1
    while m <= (n - 1) // 3:
        ms.append(m)
        m *= 2
    taus = np.array(ms) * tau0
    rate = 1.0 / tau0
    _, oadev, _, _ = at.oadev(xs, rate=rate, data_type="phase", taus=taus)
    _, mdev, _, _ = at.mdev(xs, rate=rate, data_type="phase", taus=taus)
    _, tdev, _, _ = at.tdev(xs, rate=rate, data_type="phase", taus=taus)
    rows = {"oadev": [], "mdev": [], "tdev": []}
    for i, m in enumerate(ms):
        j = i + 1 if i + 1 < len(ms) else i - 1
        slope = math.log(oadev[j] / oadev[i]) / math.log(ms[j] / ms[i])
        alpha = alpha_of(slope)
        edf = at.edf_simple(n, m, alpha)
        for key, devs in (("oadev", oadev), ("mdev", mdev), ("tdev", tdev)):
            lo, hi = at.confidence_interval(devs[i], edf)
            rows[key].append([float(m * tau0), float(devs[i]), float(lo), float(hi)])
    # The ntpviz summary of the values themselves: numpy's linear
    # percentiles, population standard deviation, scipy's (biased) skewness
    # and excess kurtosis.
    import scipy.stats as st
    summary = {f"p{p}": float(np.percentile(x, p)) for p in (1, 5, 50, 95, 99)}
    summary.update(min=float(x.min()), max=float(x.max()), mean=float(x.mean()),
                   sd=float(x.std()), skewness=float(st.skew(x)), kurtosis=float(st.kurtosis(x)))
    out[name] = {"t": [float(v) for v in t], "x": [float(v) for v in x], "tau0": tau0,
                 "summary": summary, **rows}

path = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "stats", "reference.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", path)
