#!/usr/bin/python3
"""Prints bench_core's medians beside numpy's for the same grids, with the ratio numpy / ours."""
import json
import sys

core = json.load(open(sys.argv[1]))
numpy_ms = {}
for line in open(sys.argv[2]):
    name, ms = line.split()
    numpy_ms[name] = float(ms)

print(f"{'benchmark':34} {'median':>12} {'numpy':>10} {'numpy/ours':>11}")
for b in core["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    name = b["run_name"].split("/real_time")[0]
    unit = b["time_unit"]
    t = b["real_time"]
    ms = t if unit == "ms" else t / 1e6 if unit == "ns" else t / 1e3
    if name in numpy_ms:
        print(f"{name:34} {ms:9.3f} ms {numpy_ms[name]:7.1f} ms {numpy_ms[name] / ms:10.1f}x")
    elif name.startswith("step/"):
        print(f"{name:34} {t:9.1f} {unit}")
    else:
        print(f"{name:34} {ms:9.3f} ms")
