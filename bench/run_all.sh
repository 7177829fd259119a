#!/usr/bin/env bash
# Runs every benchmark and prints medians. Usage: bench/run_all.sh BUILD_DIR
# (./setup.sh bench builds with -DDOWNHILL_BUILD_BENCH=ON and calls this.)
set -euo pipefail
build="${1:?usage: run_all.sh BUILD_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== engine: landscape grids 256x256 on 2,000 samples, training steps (medians of 5)"
"$build/bench/bench_core" --write-data "$work/data.csv"
"$build/bench/bench_core" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$work/core.json" --benchmark_out_format=json >/dev/null
/usr/bin/python3 "$here/landscape_numpy.py" "$work/data.csv" 5 > "$work/numpy.txt"
/usr/bin/python3 "$here/summarize.py" "$work/core.json" "$work/numpy.txt"
echo "-- the same grids from downhill-cli landscape against numpy (correctness, not speed)"
/usr/bin/python3 "$here/landscape_numpy.py" --verify "$build/app/downhill-cli" "$work/data.csv" | tail -1

echo
echo "== downhill-cli: 10,000,000 steps of linear + mse, batch 32, trajectory streamed to CSV"
/usr/bin/time -v "$build/app/downhill-cli" train --model linear --loss mse --lr 0.001 --batch-size 32 \
  --steps 10000000 --out "$work/path.csv" > "$work/cli.out" 2> "$work/cli.time"
grep -E "Elapsed \(wall|Maximum resident" "$work/cli.time" | sed 's/^\s*/  /'
echo "  trajectory rows: $(($(wc -l < "$work/path.csv") - 1)), $(du -h "$work/path.csv" | cut -f1)"
rm -f "$work/path.csv"

for extra in bench_replot bench_event_loop bench_network_panel; do
  if [ -x "$build/bench/$extra" ]; then
    echo
    echo "== $extra"
    QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$build/bench/$extra"
  fi
done
