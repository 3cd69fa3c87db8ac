#!/usr/bin/env python3
"""Two uses, both with allantools 2024.06 (numpy, scipy; pandas for a log):

  scripts/stats-reference.py
writes tests/data/stats/reference.json: synthetic phase series (white PM,
white FM, random-walk FM, and white FM at uneven times) with the OADEV, MDEV
and TDEV that allantools computes for them, and their confidence intervals
(allantools.edf_simple with the noise type read from the ADEV slope, and
allantools.confidence_interval at 68.3 %). Run once, by hand, in a venv:
    python3 -m venv /tmp/av && /tmp/av/bin/pip install allantools
    /tmp/av/bin/python scripts/stats-reference.py
The tests compare Stratum's numbers with the stored ones (1 %).

  scripts/stats-reference.py --log tracking.log
prints, as JSON, what allantools and numpy make of a tracking.log's offset
column (chrony.conf(5): "The estimated local offset at the epoch", the 7th
column) under Stratum's rules: records of one second averaged, tau0 the
median interval, the phase interpolated linearly (no gaps assumed); OADEV,
MDEV and TDEV at octave tau, and the percentiles of every value.
`cargo bench --bench stats` compares `stratum stats` with it."""
import json, math, os, sys
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

def octaves(n):
    ms, m = [], 1
    while m <= (n - 1) // 3:
        ms.append(m)
        m *= 2
    return ms

def log_reference(path):
    import pandas as pd
    df = pd.read_csv(path, sep=r"\s+", header=None, usecols=[0, 1, 2, 6], dtype=str,
                     on_bad_lines="skip", engine="c")
    df = df[df[0].str.match(r"^\d{4}-\d\d-\d\d$", na=False)]
    t = pd.to_datetime(df[0] + " " + df[1], format="%Y-%m-%d %H:%M:%S", utc=True)
    t = (t - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds().to_numpy()
    x = df[6].astype(float).to_numpy()
    g = pd.DataFrame({"t": t, "x": x}).groupby("t", sort=True)["x"].mean()
    tau0, xs = resample(g.index.to_numpy(), g.to_numpy())
    ms = octaves(len(xs))
    taus = np.array(ms) * tau0
    out = {"tau0": tau0, "records": int(len(x))}
    for key, f in (("oadev", at.oadev), ("mdev", at.mdev), ("tdev", at.tdev)):
        _, dev, _, _ = f(xs, rate=1.0 / tau0, data_type="phase", taus=taus)
        out[key] = [[float(m * tau0), float(d)] for m, d in zip(ms, dev)]
    out["summary"] = {f"p{p}": float(np.percentile(x, p)) for p in (1, 5, 50, 95, 99)}
    out["summary"].update(mean=float(x.mean()), sd=float(x.std()), min=float(x.min()), max=float(x.max()))
    json.dump(out, sys.stdout)

if len(sys.argv) == 3 and sys.argv[1] == "--log":
    log_reference(sys.argv[2])
    sys.exit(0)

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
