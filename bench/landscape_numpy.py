#!/usr/bin/python3
"""The same 256 x 256 landscape grids as bench_core, computed by careful numpy, for comparison.

Careful means: one broadcast of (grid values x samples) per row of the grid, so numpy's loops
run in C over 512,000 elements at a time; exp(c*x) computed once per value of c (hoisted);
no Python loop over samples. Prints one line per grid: name, median milliseconds.
Usage: landscape_numpy.py DATA.csv [repeats]
"""
import sys
import time

import numpy as np

G = 256
PLANES = {  # model: (axis ranges, held values) matching bench_core.cpp
    "linear": ((-2.0, 10.0), (-6.0, 6.0)),
    "lin-exp": ((-2.0, 8.0), (-1.0, 1.5)),
    "fold": ((-2.5, 2.5), (-6.0, 8.0)),
}
HELD_A_LINEXP = 0.0  # lin-exp's default a


def per_sample(loss, r):
    if loss == "mse":
        return r * r
    a = np.abs(r)
    if loss == "mae":
        return a
    return np.where(a < 1.0, 0.5 * r * r, a - 0.5)  # huber, delta 1


def grid(model, loss, x, t):
    (lo1, hi1), (lo2, hi2) = PLANES[model]
    u = np.linspace(lo1, hi1, G)
    v = np.linspace(lo2, hi2, G)
    out = np.empty((G, G))
    for j, vj in enumerate(v):
        if model == "linear":      # axes (w, b): y = w x + b
            y = u[:, None] * x[None, :] + vj
        elif model == "lin-exp":   # axes (b, c): y = a + b x + exp(c x), exp hoisted per c
            e = np.exp(vj * x)
            y = HELD_A_LINEXP + u[:, None] * x[None, :] + e[None, :]
        else:                      # fold, axes (a, b): y = (a^3 - 3a) x + b
            s = u ** 3 - 3 * u
            y = s[:, None] * x[None, :] + vj
        out[:, j] = per_sample(loss, y - t[None, :]).mean(axis=1)
    return out


def main():
    data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    x, t = data[:, 0].copy(), data[:, 1].copy()
    for model in PLANES:
        for loss in ("mse", "mae", "huber"):
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                g = grid(model, loss, x, t)
                times.append(time.perf_counter() - start)
            assert np.isfinite(g).all()
            print(f"landscape/{model}/{loss} {1000 * float(np.median(times)):.2f}")


if __name__ == "__main__":
    main()
