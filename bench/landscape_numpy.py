#!/usr/bin/python3
"""The same 256 x 256 landscape grids as bench_core, computed by careful numpy, for comparison.

Careful means what a good numpy programmer would write: for mse, the loss along the affine axis
is a quadratic whose three sufficient statistics take one pass over the data per grid row (the
same exact shortcut the engine uses), with exp(c*x) computed once per value of c (hoisted);
for mae and huber, one broadcast (grid values x samples) per grid row into preallocated buffers
with in-place operations, so numpy's C loops run over 512,000 elements at a time and no
temporary is allocated per row. Prints one line per grid: name, median milliseconds.
Usage: landscape_numpy.py DATA.csv [repeats]
       landscape_numpy.py --verify DOWNHILL_CLI DATA.csv
The second form checks, instead of timing, that `downhill-cli landscape` computes the same grids
as this independent numpy code (largest relative difference per grid).
"""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

G = 256
PLANES = {  # model: (axis ranges) matching bench_core.cpp
    "linear": ((-2.0, 10.0), (-6.0, 6.0)),
    "lin-exp": ((-2.0, 8.0), (-1.0, 1.5)),
    "fold": ((-2.5, 2.5), (-6.0, 8.0)),
}
HELD_A_LINEXP = 0.0  # lin-exp's default a


def rows(model, x, t):
    """Yields (column index, phi, c, u): along the inner axis u, y - t = u * phi + c."""
    (lo1, hi1), (lo2, hi2) = PLANES[model]
    u = np.linspace(lo1, hi1, G)
    v = np.linspace(lo2, hi2, G)
    if model == "fold":  # inner axis b (affine, phi = 1), outer axis a; the grid is transposed
        for i, ai in enumerate(u):
            yield i, np.ones_like(x), (ai ** 3 - 3 * ai) * x - t, v
        return
    for j, vj in enumerate(v):
        if model == "linear":      # axes (w, b): y = w x + b
            yield j, x, vj - t, u
        else:                      # lin-exp axes (b, c): y = a + b x + exp(c x), exp hoisted per c
            yield j, x, HELD_A_LINEXP + np.exp(vj * x) - t, u


def grid(model, loss, x, t):
    out = np.empty((G, G))
    n = len(x)
    buf = np.empty((G, n))
    tmp = np.empty((G, n))
    for k, phi, c, u in rows(model, x, t):
        if loss == "mse":
            out[:, k] = (u * u * (phi @ phi) + 2 * u * (phi @ c) + c @ c) / n
            continue
        np.multiply(u[:, None], phi[None, :], out=buf)
        buf += c[None, :]
        np.abs(buf, out=buf)
        if loss == "huber":  # delta 1: m (a - m / 2) with m = min(a, 1)
            np.minimum(buf, 1.0, out=tmp)
            buf -= 0.5 * tmp
            buf *= tmp
        out[:, k] = buf.sum(axis=1) / n
    return out


AXES = {"linear": ("w", "b"), "lin-exp": ("b", "c"), "fold": ("a", "b")}


def verify(cli, path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, t = data[:, 0].copy(), data[:, 1].copy()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for model, ((lo1, hi1), (lo2, hi2)) in PLANES.items():
            for loss in ("mse", "mae", "huber"):
                out = os.path.join(tmp, "grid.csv")
                subprocess.run([cli, "landscape", "--data", path, "--val-fraction", "0", "--model", model,
                                "--loss", loss, "--axes", ",".join(AXES[model]), "--grid", str(G),
                                "--range", f"{lo1}:{hi1},{lo2}:{hi2}", "--out", out], check=True,
                               stdout=subprocess.DEVNULL)
                ours = np.loadtxt(out, delimiter=",", skiprows=1)[:, 2].reshape(G, G).T  # [i, j], P1 fastest
                theirs = grid(model, loss, x, t)
                if model == "fold":
                    theirs = theirs.T  # numpy's fold grid is indexed [b, a]
                diff = float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1e-12)))
                worst = max(worst, diff)
                print(f"landscape/{model}/{loss} max relative difference {diff:.1e}")
    print(f"worst {worst:.1e}")
    return 0 if worst < 1e-9 else 1


def main():
    if sys.argv[1] == "--verify":
        return verify(sys.argv[2], sys.argv[3])
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
    sys.exit(main())
