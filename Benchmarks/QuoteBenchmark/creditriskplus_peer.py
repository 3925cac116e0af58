#!/usr/bin/env python3
"""The peer of quote-benchmark: the core of the same quote in Python and numpy, on the same portfolio (CSV).

    creditriskplus_peer.py PORTFOLIO.csv [--runs R] [--check FIGURES]

Per buyer: EAD = expected outstanding, or limit x 0.75, rounded to cents; net exposure E = EAD x 0.8 (LGD) x insured %,
rounded half up to cents; EL = PD x E. CreditRiskPlus, one gamma sector, PD volatility 0.5 x PD: loss unit
L = ceil(max E / 100), band v = max(ceil(E / L), 1), mu_A = PD x E / L / v, sigma_k = 0.5 mu_k. The loss distribution
is the textbook Panjer recursion for the negative-binomial compound (the (a, b, 0) class, a = p, b = (alpha - 1) p,
g_0 = (1 - p)^alpha), not the SDK's nested recursion on ln G; the grid ends where less than 1e-12 of the mass is left.
Then the 99.5 % quantile (linear between grid points) and the CSFB spreadsheet's risk contributions, and the capital
charge 10 % x (RC_A - EL_A). Timed: everything after reading the CSV; once at 90 %, and at 80, 85, 90 and 95 %.
"""
import csv
import math
import sys
import time

import numpy as np

LEVEL = 0.995
TOLERANCE = 1e-12


def read(path):
    with open(path) as handle:
        rows = list(csv.DictReader(handle))
    limits = np.array([int(r["limit"]) for r in rows], dtype=np.int64)
    pds = np.array([float(r["pd"]) for r in rows])
    outstanding = np.array([int(r["outstanding"] or 0) for r in rows], dtype=np.int64)
    return limits, pds, outstanding


def quote_core(limits, pds, outstanding, insured_percent):
    # EAD and net exposure in integer cents: EAD = limit x 0.75 (exact in cents) or the outstanding;
    # E = EAD x (0.8 x insured %), rounded half up (insured % in whole percent, so the factor is k / 1000).
    ead = np.where(outstanding > 0, outstanding * 100, limits * 75)
    factor = 8 * insured_percent  # 0.8 x p % = 8p / 1000
    net_cents = (ead * factor + 500) // 1000
    exposure = net_cents / 100.0
    el_buyer = pds * exposure
    el = math.fsum(el_buyer)
    # Banding (exact, in cents): L = ceil(max E / 100) whole currency units, v = max(ceil(E / L), 1).
    unit = max(-(-int(net_cents.max()) // 10_000), 1)
    bands = np.maximum(-(-net_cents // (unit * 100)), 1)
    mu_buyer = pds * exposure / unit / bands
    mu = mu_buyer.sum()
    sigma = 0.5 * mu
    alpha = mu * mu / (sigma * sigma)
    p = sigma * sigma / (mu + sigma * sigma)
    largest = int(bands.max())
    severity = np.bincount(bands, weights=mu_buyer, minlength=largest + 1) / mu  # h_j, j = 0..m (h_0 = 0)
    # Panjer: g_n = sum_j (a + b j / n) h_j g_(n-j), a = p, b = (alpha - 1) p.
    a, b = p, (alpha - 1) * p
    js = np.arange(1, largest + 1)
    ah = a * severity[1:]
    bjh = b * js * severity[1:]
    capacity = 1 << 16
    g = np.zeros(capacity)
    g[0] = math.exp(alpha * math.log1p(-p))
    cumulative = g[0]
    n = 0
    while 1.0 - cumulative > TOLERANCE:
        n += 1
        if n >= capacity:
            g = np.concatenate([g, np.zeros(capacity)])
            capacity *= 2
        m = min(n, largest)
        previous = g[n - m:n][::-1]  # g_(n-1), ..., g_(n-m)
        g[n] = ah[:m].dot(previous) + bjh[:m].dot(previous) / n
        cumulative += g[n]
        if n > 10_000_000:
            raise RuntimeError("grid too large")
    g = g[:n + 1]
    cdf = np.cumsum(g)
    # The 99.5 % quantile, linear between grid points.
    k = int(np.searchsorted(cdf, LEVEL))
    if k == 0:
        var = 0.0
    else:
        var = ((k - 1) + (LEVEL - cdf[k - 1]) / (cdf[k] - cdf[k - 1])) * unit
    # Risk contributions: w_A = v_A p_A (v_A + S), S = (sigma/mu)^2 x epsilon, epsilon = sum mu_A v_A.
    epsilon = (mu_buyer * bands).sum()
    load = (sigma / mu) ** 2 * epsilon
    w = bands * pds * (bands + load)
    rc = el_buyer + (var - el) * w / w.sum()
    capital = np.maximum(0.0, 0.10 * (rc - el_buyer)) if var > el else np.zeros_like(rc)
    return {"el": el, "var": var, "unit": unit, "grid": n + 1, "capital": math.fsum(capital),
            "rc_sum": math.fsum(rc)}


def main():
    path = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    limits, pds, outstanding = read(path)
    result = None
    single, table = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = quote_core(limits, pds, outstanding, 90)
        single.append(time.perf_counter() - start)
        start = time.perf_counter()
        for percent in (80, 85, 90, 95):
            quote_core(limits, pds, outstanding, percent)
        table.append(time.perf_counter() - start)
        print(f"peer: one level {single[-1]:.3f} s, four levels {table[-1]:.3f} s", file=sys.stderr)
    print(f"Python {sys.version.split()[0]} + numpy {np.__version__} peer (textbook Panjer), {len(limits)} buyers, "
          f"{runs} runs each (seconds)")
    print()
    print("| measured | median | min | max | runs |")
    print("| --- | ---: | ---: | ---: | --- |")
    for label, values in (("peer core, 90 % only", single), ("peer core, 80/85/90/95 %", table)):
        print(f"| {label} | {np.median(values):.3f} | {min(values):.3f} | {max(values):.3f} | "
              f"{', '.join(f'{v:.3f}' for v in values)} |")
    print()
    print(f"peer portfolio: EL {result['el']:.6f}, VaR 0.995 {result['var']:.6f}, loss unit {result['unit']}, "
          f"grid {result['grid']} points, capital {result['capital']:.2f}, sum of RC {result['rc_sum']:.6f}")
    if "--check" in sys.argv:
        figures = dict(line.split("=") for line in open(sys.argv[sys.argv.index("--check") + 1]).read().split())
        swift_el, swift_var = float(figures["el"]), float(figures["var"])
        el_error = abs(result["el"] - swift_el) / swift_el
        var_error = abs(result["var"] - swift_var) / swift_var
        print(f"check against the SDK: EL relative difference {el_error:.2e} "
              f"({'agrees' if el_error <= 1e-6 else 'DISAGREES'} to 1e-6), VaR relative difference {var_error:.2e}")
        if el_error > 1e-6:
            sys.exit(1)


if __name__ == "__main__":
    main()
