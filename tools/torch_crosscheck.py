#!/usr/bin/python3
"""Checks downhill-cli's optimizers, schedules and losses against PyTorch itself.

For each configuration it runs `downhill-cli train` without shuffling on a small CSV data set,
replays the same batches with torch.optim (float64) and compares every step's lr, batch loss,
gradient and parameters. Needs Debian's python3-torch and python3-numpy (not part of the test
suite: CI does not install torch). Usage: tools/torch_crosscheck.py path/to/downhill-cli
"""
import csv
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

CONFIGS = [
    ("sgd", ["--optimizer", "sgd", "--lr", "0.05"]),
    ("sgd momentum", ["--optimizer", "sgd", "--lr", "0.02", "--momentum", "0.9"]),
    ("sgd dampening", ["--optimizer", "sgd", "--lr", "0.02", "--momentum", "0.8", "--dampening", "0.3"]),
    ("sgd nesterov", ["--optimizer", "sgd", "--lr", "0.02", "--momentum", "0.9", "--nesterov"]),
    ("adam", ["--optimizer", "adam", "--lr", "0.1", "--betas", "0.8,0.99", "--eps", "1e-6"]),
    ("rmsprop", ["--optimizer", "rmsprop", "--lr", "0.01", "--alpha", "0.9"]),
    ("rmsprop centered momentum", ["--optimizer", "rmsprop", "--lr", "0.005", "--centered", "--momentum", "0.5"]),
    ("adagrad", ["--optimizer", "adagrad", "--lr", "0.5", "--lr-decay", "0.01"]),
    ("exponential", ["--optimizer", "sgd", "--lr", "0.05", "--schedule", "exponential:0.97"]),
    ("step", ["--optimizer", "sgd", "--lr", "0.05", "--schedule", "step:7:0.5"]),
    ("cosine", ["--optimizer", "sgd", "--lr", "0.05", "--schedule", "cosine:40:0.001"]),
    ("cosine-restarts", ["--optimizer", "sgd", "--lr", "0.05", "--schedule", "cosine-restarts:5:2:0.001"]),
    ("mae", ["--optimizer", "sgd", "--lr", "0.05", "--loss", "mae"]),
    ("huber", ["--optimizer", "sgd", "--lr", "0.05", "--loss", "huber", "--huber-delta", "0.7"]),
    ("lin-exp", ["--optimizer", "sgd", "--lr", "0.01", "--model", "lin-exp", "--init", "0.5,1,0.3"]),
]
STEPS = 40
BATCH = 8


def torch_run(args, x, t):
    switches = ("--nesterov", "--centered")
    flags = set(a for a in args if a in switches)
    valued = [a for a in args if a not in switches]
    opts = dict(zip(valued[::2], valued[1::2]))
    model = opts.get("--model", "linear")
    init = [float(v) for v in opts.get("--init", "-1,7" if model == "linear" else "").split(",")]
    w = torch.tensor(init, dtype=torch.float64, requires_grad=True)
    lr = float(opts["--lr"])
    kind = opts["--optimizer"]
    if kind == "sgd":
        opt = torch.optim.SGD([w], lr=lr, momentum=float(opts.get("--momentum", 0)),
                              dampening=float(opts.get("--dampening", 0)), nesterov="--nesterov" in flags)
    elif kind == "adam":
        b1, b2 = (float(v) for v in opts["--betas"].split(","))
        opt = torch.optim.Adam([w], lr=lr, betas=(b1, b2), eps=float(opts["--eps"]))
    elif kind == "rmsprop":
        opt = torch.optim.RMSprop([w], lr=lr, alpha=float(opts.get("--alpha", 0.99)),
                                  momentum=float(opts.get("--momentum", 0)), centered="--centered" in flags)
    else:
        opt = torch.optim.Adagrad([w], lr=lr, lr_decay=float(opts.get("--lr-decay", 0)))
    spec = opts.get("--schedule", "constant").split(":")
    if spec[0] == "exponential":
        sched = torch.optim.lr_scheduler.ExponentialLR(opt, float(spec[1]))
    elif spec[0] == "step":
        sched = torch.optim.lr_scheduler.StepLR(opt, int(spec[1]), float(spec[2]))
    elif spec[0] == "cosine":
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, int(spec[1]), float(spec[2]))
    elif spec[0] == "cosine-restarts":
        sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, int(spec[1]), int(spec[2]), float(spec[3]))
    else:
        sched = None
    loss_name = opts.get("--loss", "mse")
    if loss_name == "mse":
        loss_fn = torch.nn.MSELoss()
    elif loss_name == "mae":
        loss_fn = torch.nn.L1Loss()
    else:
        loss_fn = torch.nn.HuberLoss(delta=float(opts["--huber-delta"]))
    xt = torch.tensor(x)
    tt = torch.tensor(t)
    n = len(x)
    rows = []
    for k in range(STEPS):
        start = (k * BATCH) % n  # no shuffle; n is a multiple of BATCH here
        xb, tb = xt[start:start + BATCH], tt[start:start + BATCH]
        lr_now = opt.param_groups[0]["lr"]
        if kind == "adagrad":  # the rate adagrad really uses, as downhill-cli reports it
            lr_now = lr_now / (1 + k * float(opts.get("--lr-decay", 0)))
        opt.zero_grad()
        if model == "linear":
            y = w[0] * xb + w[1]
        else:
            y = w[0] + w[1] * xb + torch.exp(w[2] * xb)
        loss = loss_fn(y, tb)
        loss.backward()
        grad = w.grad.detach().clone().numpy()
        opt.step()
        if sched:
            sched.step()
        rows.append((lr_now, loss.item(), grad, w.detach().clone().numpy()))
    return rows


def main():
    cli = sys.argv[1]
    rng = np.random.default_rng(3)
    n = 48
    x = rng.uniform(0, 2, n)
    t = np.abs(4.5 * x + 0.2 + rng.normal(0, 0.5, n))  # counts are never negative
    worst = 0.0
    verbose = "-v" in sys.argv
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data.csv")
        with open(data, "w") as f:
            f.write("x,count\n")
            for a, b in zip(x, t):
                f.write(f"{a!r},{b!r}\n")
        for name, args in CONFIGS:
            out = os.path.join(tmp, "path.csv")
            cmd = [cli, "train", "--data", data, "--val-fraction", "0", "--no-shuffle", "--batch-size", str(BATCH),
                   "--steps", str(STEPS), "--out", out] + args
            if "--model" not in args:
                cmd += ["--init", "-1,7"]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            with open(out) as f:
                ours = list(csv.DictReader(f))[1:]
            params = ["w", "b"] if "lin-exp" not in args else ["a", "b", "c"]
            theirs = torch_run(args, x, t)
            err = 0.0
            for row, (lr, loss, grad, w) in zip(ours, theirs):
                scale = lambda v: max(1.0, abs(v))
                err = max(err, abs(float(row["lr"]) - lr) / scale(lr), abs(float(row["loss"]) - loss) / scale(loss))
                for j, p in enumerate(params):
                    err = max(err, abs(float(row["grad_" + p]) - grad[j]) / scale(grad[j]),
                              abs(float(row[p]) - w[j]) / scale(w[j]))
            if verbose:
                for row, (lr, loss, grad, w) in list(zip(ours, theirs))[:3]:
                    print("  ours ", row["lr"], row["loss"], [row[p] for p in params])
                    print("  torch", lr, loss, list(w))
            ok = err < 1e-9 and len(ours) == STEPS
            failures += not ok
            worst = max(worst, err)
            print(f"{'ok  ' if ok else 'FAIL'} {name:28} max relative difference {err:.2e} over {len(ours)} steps")
    print(f"worst {worst:.2e}; {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
