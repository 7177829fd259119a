#!/usr/bin/python3
"""Checks downhill-cli's planes through a network's parameters against numpy.

On a small image folder and a small network it asks downhill-cli for
- a random plane (landscape --plane random:SEED --directions-out): numpy checks Li et al.'s
  filter normalisation, each weight row of each direction as long as the same row of the
  origin, every bias entry zero; and the landscape's value at the origin (alpha = beta = 0) is
  the training loss a run from there starts with;
- the PCA plane of a training path (train --plane pca --directions-out --out): numpy rebuilds the
  path from train --steps k --params-out for every k, takes the principal components of the
  points minus the last one, centred (as scikit-learn's PCA, which Li et al.'s code uses), and
  compares the directions (up to sign), the shares of variance the summary prints, and every
  row's alpha, beta and off_plane (least squares onto the plane, the norm of what is left).
Only numpy is needed. Usage: tools/plane_numpy_check.py path/to/downhill-cli
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

SPEC, N, STEPS = "mlp:4,3", 4, 24
COMMON = ["--model", SPEC, "--input-size", str(N), "--lr", "0.2", "--momentum", "0.5", "--batch-size", "8"]


def table(path, columns):
    with open(path) as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["name"] + columns, rows[0]
    return [r[0] for r in rows[1:]], np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def weight_rows(names):
    """Groups the state_dict names into filters (one unit's incoming weights) and biases."""
    groups = {}
    for i, name in enumerate(names):
        m = re.match(r"(\d+)\.(weight|bias)\[(\d+)\]", name)
        key = (m.group(1), m.group(2), m.group(3) if m.group(2) == "weight" else "")
        groups.setdefault(key, []).append(i)
    return groups


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cli = sys.argv[1]
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "images")
        run([cli, "dataset", "--count", "80", "--seed", "6", "--size", "32", "--out", data])
        # The origin: a start point drawn here and given to every run with --params-in.
        run([cli, "train", "--data", data] + COMMON + ["--steps", "1", "--params-out", os.path.join(tmp, "n.csv")])
        names, _ = table(os.path.join(tmp, "n.csv"), ["value"])
        origin = np.random.default_rng(3).uniform(-0.5, 0.5, len(names))
        start = os.path.join(tmp, "start.csv")
        with open(start, "w") as f:
            f.write("name,value\n" + "".join(f"{n},{v!r}\n" for n, v in zip(names, origin)))
        base = [cli, "train", "--data", data, "--params-in", start] + COMMON

        # Random plane through the start: filter normalisation.
        run([cli, "landscape", "--data", data, "--model", SPEC, "--input-size", str(N), "--params-in", start,
             "--plane", "random:5", "--grid", "3", "--directions-out", os.path.join(tmp, "rd.csv"),
             "--out", os.path.join(tmp, "rl.csv")])
        dnames, d = table(os.path.join(tmp, "rd.csv"), ["d1", "d2"])
        assert dnames == names
        for (layer, kind, row), idx in weight_rows(names).items():
            for k in range(2):
                part = d[idx, k]
                if kind == "bias":
                    worst = max(worst, float(np.abs(part).max()))
                else:
                    worst = max(worst, abs(np.linalg.norm(part) - np.linalg.norm(origin[idx])) / np.linalg.norm(origin[idx]))
        print(f"random plane: {len(names)} parameters, worst filter-norm mismatch {worst:.2e}")

        # PCA plane of a path.
        out = run(base + ["--steps", str(STEPS), "--plane", "pca", "--directions-out", os.path.join(tmp, "pd.csv"),
                          "--out", os.path.join(tmp, "t.csv")])
        shares = [float(x) for x in re.search(r"explaining (\S+) and (\S+) of its variance", out).groups()]
        path = [origin]
        for k in range(1, STEPS + 1):
            run(base + ["--steps", str(k), "--params-out", os.path.join(tmp, "pk.csv")])
            path.append(table(os.path.join(tmp, "pk.csv"), ["value"])[1][:, 0])
        path = np.array(path)
        x = path[:-1] - path[-1]
        x = x - x.mean(axis=0)
        _, s, vt = np.linalg.svd(x, full_matrices=False)
        ratio = s ** 2 / np.sum(s ** 2)
        _, pd = table(os.path.join(tmp, "pd.csv"), ["d1", "d2"])
        err_dir = max(abs(abs(float(pd[:, k] @ vt[k])) - 1) for k in range(2))
        err_share = max(abs(shares[k] - ratio[k]) for k in range(2))
        with open(os.path.join(tmp, "t.csv")) as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == STEPS + 1
        dmat = pd
        with open(os.path.join(tmp, "rl.csv")) as f:
            centre = [r for r in csv.DictReader(f) if float(r["alpha"]) == 0 and float(r["beta"]) == 0]
        err_origin = abs(float(centre[0]["loss"]) - float(rows[0]["train_loss"]))
        print(f"landscape at the origin against the run's training loss at its start: {err_origin:.2e}")
        worst = max(worst, err_origin)
        err_proj = 0.0
        for k, r in enumerate(rows):
            rel = path[k] - path[-1]
            coef, *_ = np.linalg.lstsq(dmat, rel, rcond=None)
            off = np.linalg.norm(rel - dmat @ coef)
            err_proj = max(err_proj, abs(coef[0] - float(r["alpha"])), abs(coef[1] - float(r["beta"])),
                           abs(off - float(r["off_plane"])))
        print(f"pca plane: directions {err_dir:.2e} from numpy's (up to sign), shares {err_share:.2e} "
              f"({shares[0]:.4f}, {shares[1]:.4f}), projections {err_proj:.2e}")
        worst = max(worst, err_dir, err_share, err_proj)
    print("worst", f"{worst:.2e}")
    sys.exit(0 if worst < 1e-9 else 1)


if __name__ == "__main__":
    main()
