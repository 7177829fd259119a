#!/usr/bin/env bash
# The window's CPU use at rest, playing at 20 steps a second and paused, under Xvfb at
# 1280x800 (bench/bench_cpu.cpp). Prints the load beside it: the machine may be shared.
#   bench/cpu_use.sh [BUILD_DIR] [SECONDS]     (defaults: build, 15)
set -euo pipefail
build="${1:-build}"
seconds="${2:-15}"
echo "load: $(uptime | sed 's/.*load average: //')"
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" "$build/bench/bench_cpu" --seconds "$seconds"
echo "load: $(uptime | sed 's/.*load average: //')"
