#!/usr/bin/python3
"""The numbers tests/core/test_mlp_trace.cpp pins, from an independent numpy implementation.

One sample through nn.Sequential(Linear, Act, [Linear, Act,] Linear) in float64 and back:
every layer's pre-activations z and activations a, the output y, dL/dy, each layer's delta
(dL/dz) and the norms of each layer's weight and bias gradients. The networks read a 2 x 2
image (4 pixels) and their parameters are w[k] = 0.1 * ((7 k) mod 11 - 5) in state_dict order
(0.weight row-major, 0.bias, 2.weight, ...); the pixels are x[i] = (i + 1) / 5.
Usage: tools/mlp_trace_numpy.py   (prints the numbers; the test holds them)
"""
import numpy as np

CASES = [
    # hidden widths, activation, loss, huber delta, target
    ((3, 2), "tanh", "huber", 0.5, 2.0),
    ((2,), "sigmoid", "mae", 1.0, 1.0),
    ((3,), "relu", "mse", 1.0, -0.5),
]


def act(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    return 1.0 / (1.0 + np.exp(-z))


def slope(name, z):
    if name == "tanh":
        return 1.0 - np.tanh(z) ** 2
    if name == "relu":
        return (z > 0).astype(float)
    s = 1.0 / (1.0 + np.exp(-z))
    return s * (1.0 - s)


def loss_and_derivative(kind, delta, r):
    if kind == "mse":
        return r * r, 2 * r
    if kind == "mae":
        return abs(r), float(np.sign(r))
    if abs(r) < delta:
        return 0.5 * r * r, r
    return delta * (abs(r) - 0.5 * delta), float(np.clip(r, -delta, delta))


def run(hidden, name, kind, delta, target):
    widths = [4, *hidden, 1]
    count = sum(o * (i + 1) for i, o in zip(widths, widths[1:]))
    w = np.array([0.1 * ((7 * k) % 11 - 5) for k in range(count)])
    x = np.array([(i + 1) / 5 for i in range(4)])
    Ws, bs, k = [], [], 0
    for i, o in zip(widths, widths[1:]):
        Ws.append(w[k:k + o * i].reshape(o, i))
        k += o * i
        bs.append(w[k:k + o])
        k += o
    zs, acts, a = [], [], x
    for l, (W, b) in enumerate(zip(Ws, bs)):
        z = W @ a + b
        a = z if l == len(Ws) - 1 else act(name, z)
        zs.append(z)
        acts.append(a)
    y = acts[-1][0]
    loss, dldy = loss_and_derivative(kind, delta, y - target)
    deltas = [None] * len(Ws)
    deltas[-1] = np.array([dldy])
    for l in range(len(Ws) - 2, -1, -1):
        deltas[l] = (Ws[l + 1].T @ deltas[l + 1]) * slope(name, zs[l])
    print(f"mlp:{','.join(map(str, hidden))}:{name} {kind} target {target}")
    print(f"  y = {y:.12g}  loss = {loss:.12g}  dL/dy = {dldy:.12g}")
    for l in range(len(Ws)):
        prev = x if l == 0 else acts[l - 1]
        gW = np.outer(deltas[l], prev)
        print(f"  layer {l}: z = {np.array2string(zs[l], precision=12)}")
        print(f"           a = {np.array2string(acts[l], precision=12)}")
        print(f"           delta = {np.array2string(deltas[l], precision=12)}")
        print(f"           |dW| = {np.linalg.norm(gW):.12g}  |db| = {np.linalg.norm(deltas[l]):.12g}"
              f"  |W| = {np.linalg.norm(Ws[l]):.12g}  |b| = {np.linalg.norm(bs[l]):.12g}")


for case in CASES:
    run(*case)
