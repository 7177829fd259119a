#!/usr/bin/python3
"""Checks downhill-cli's networks (mlp:...) against an independent numpy implementation.

For each configuration it draws a small image folder with `downhill-cli dataset`, writes a random
start point as name,value (--params-in), runs one full-batch SGD step without shuffling, and
recomputes in numpy: the images shrunk to n x n by block means / 255 (row-major), the forward
pass of nn.Sequential(Linear, Act, [Linear, Act,] Linear), the loss (mse, mae, huber), the gradient
by backpropagation written out by hand, and the update. It compares the training loss at the
start, the batch loss, the gradient norm and every updated parameter (by its state_dict name).
PyTorch is not needed (torch is not installed here, so no PyTorch replay is possible); only
numpy. Usage: tools/mlp_numpy_check.py path/to/downhill-cli
"""
import csv
import os
import struct
import subprocess
import sys
import tempfile
import zlib

import numpy as np

CONFIGS = [
    ("mlp:6", "mse", 8),
    ("mlp:6:relu", "mae", 4),
    ("mlp:5:sigmoid", "huber", 8),
    ("mlp:6,4", "huber", 4),
    ("mlp:6,4:relu", "mse", 8),
    ("mlp:3,5:sigmoid", "mae", 2),
]
LR = 0.1
DELTA = 0.7


def read_gray_png(path):
    """A minimal decoder for the 8-bit greyscale PNGs downhill-cli writes."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour == 0, (path, depth, colour)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    rows, prev, stride = [], bytearray(width), width + 1
    for y in range(height):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for x in range(width):
            a = line[x - 1] if x else 0
            b, c = prev[x], (prev[x - 1] if x else 0)
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(height, width)


def shrink(image, n):
    h, w = image.shape
    blocks = image.astype(np.float64).reshape(n, h // n, n, w // n)
    return (blocks.mean(axis=(1, 3)) / 255.0).reshape(-1)


def parse(spec):
    parts = spec.split(":")
    hidden = [int(h) for h in parts[1].split(",")]
    return hidden, parts[2] if len(parts) > 2 else "tanh"


def names_of(widths):
    names = []
    for layer in range(len(widths) - 1):
        fan_in, out = widths[layer], widths[layer + 1]
        names += [f"{2 * layer}.weight[{i}][{j}]" for i in range(out) for j in range(fan_in)]
        names += [f"{2 * layer}.bias[{i}]" for i in range(out)]
    return names


def unpack(w, widths):
    layers, k = [], 0
    for layer in range(len(widths) - 1):
        fan_in, out = widths[layer], widths[layer + 1]
        weight = w[k:k + out * fan_in].reshape(out, fan_in)
        k += out * fan_in
        bias = w[k:k + out]
        k += out
        layers.append((weight, bias))
    return layers


ACT = {
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(np.float64)),
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda z, a: a * (1.0 - a)),
}


def loss_and_derivative(kind, r):
    if kind == "mse":
        return np.mean(r * r), 2.0 * r
    if kind == "mae":
        return np.mean(np.abs(r)), np.sign(r)
    a = np.abs(r)
    return np.mean(np.where(a < DELTA, 0.5 * r * r, DELTA * (a - 0.5 * DELTA))), np.clip(r, -DELTA, DELTA)


def numpy_step(w, widths, act, loss_kind, x, t):
    f, df = ACT[act]
    layers = unpack(w, widths)
    inputs, pres, outs = [x], [], []
    for weight, bias in layers[:-1]:
        z = inputs[-1] @ weight.T + bias
        a = f(z)
        pres.append(z)
        outs.append(a)
        inputs.append(a)
    y = inputs[-1] @ layers[-1][0].T[:, 0] + layers[-1][1][0]
    loss, d = loss_and_derivative(loss_kind, y - t)
    delta = (d / len(t))[:, None]  # samples x 1
    grads = []
    for layer in range(len(layers) - 1, -1, -1):
        grads.append((delta.T @ inputs[layer], delta.sum(axis=0)))
        if layer:
            delta = (delta @ layers[layer][0]) * df(pres[layer - 1], outs[layer - 1])
    grad = np.concatenate([np.concatenate([gw.reshape(-1), gb]) for gw, gb in reversed(grads)])
    return loss, grad


def check(cli, spec, loss_kind, n, folder, tmp):
    hidden, act = parse(spec)
    labels = list(csv.DictReader(open(os.path.join(folder, "labels.csv"))))
    x = np.stack([shrink(read_gray_png(os.path.join(folder, row["image"])), n) for row in labels])
    t = np.array([float(row["count"]) for row in labels])
    widths = [n * n] + hidden + [1]
    names = names_of(widths)
    rng = np.random.default_rng(7)
    w0 = rng.uniform(-0.4, 0.4, len(names))
    start, traj, end = (os.path.join(tmp, f) for f in ("start.csv", "traj.csv", "end.csv"))
    with open(start, "w") as f:
        f.write("name,value\n" + "".join(f"{k},{v!r}\n" for k, v in zip(names, w0)))
    cmd = [cli, "train", "--data", folder, "--model", spec, "--input-size", str(n), "--loss", loss_kind,
           "--huber-delta", str(DELTA), "--val-fraction", "0", "--batch-size", "full", "--no-shuffle",
           "--optimizer", "sgd", "--lr", str(LR), "--steps", "1", "--params-in", start, "--out", traj,
           "--params-out", end]
    if loss_kind != "huber":
        cmd.remove("--huber-delta")
        cmd.remove(str(DELTA))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    rows = list(csv.DictReader(open(traj)))
    written = {row["name"]: float(row["value"]) for row in csv.DictReader(open(end))}
    assert list(written) == names, "parameter names or order differ"
    loss, grad = numpy_step(w0, widths, act, loss_kind, x, t)
    w1 = w0 - LR * grad
    new_loss, _ = numpy_step(w1, widths, act, loss_kind, x, t)
    worst = max(abs(written[k] - v) / max(1.0, abs(v)) for k, v in zip(names, w1))
    errors = {
        "start loss": abs(float(rows[0]["train_loss"]) - loss) / max(1.0, loss),
        "batch loss": abs(float(rows[1]["loss"]) - loss) / max(1.0, loss),
        "grad norm": abs(float(rows[1]["grad_norm"]) - np.linalg.norm(grad)) / max(1.0, np.linalg.norm(grad)),
        "parameters": worst,
        "end loss": abs(float(rows[1]["train_loss"]) - new_loss) / max(1.0, new_loss),
    }
    bad = {k: v for k, v in errors.items() if not v < 1e-12}
    print(f"{spec:16} {loss_kind:6} input {n}x{n}, {len(names):4} parameters: "
          + ("ok" if not bad else "MISMATCH " + ", ".join(f"{k} {v:.3g}" for k, v in bad.items()))
          + f" (largest relative difference {max(errors.values()):.2g})")
    return not bad


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cli = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "images")
        subprocess.run([cli, "dataset", "--count", "60", "--seed", "4", "--size", "32", "--out", folder], check=True,
                       stdout=subprocess.DEVNULL)
        ok = all([check(cli, spec, loss, n, folder, tmp) for spec, loss, n in CONFIGS])
    print("all agree" if ok else "some differ")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
