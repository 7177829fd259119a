#!/usr/bin/env bash
# Long runs at the engine's extremes (docs/hardening.md#numeric-extremes): every optimizer at the
# largest learning rate the window allows (10) with the largest momentum (0.99) where it has one,
# at batch 1, for STEPS updates (default 3,000,000) on the built-in people data, each model; a
# network for NET_STEPS (default 30,000): downhill-cli computes the whole training set's loss after
# every update (so that a run diverges at the same step with and without --out), about 1 ms a
# step for mlp:16 on 1,600 images.
# Each run must end with exit 0 (finished, finite) or 3 (diverged, trajectory kept to the last
# finite step), and print its summary; anything else (a crash, exit 1, a hang past the timeout)
# fails the script. Usage: tools/soak_extremes.sh [BUILD_DIR] [STEPS]
set -uo pipefail
build="${1:-build}"
steps="${2:-3000000}"
cli="$build/app/downhill-cli"
[ -x "$cli" ] || { echo "no $cli: build first" >&2; exit 2; }
status=0
printf '%-12s %-12s %-22s %5s %8s  %s\n' model optimizer extra exit seconds summary
for model in linear lin-exp fold mlp:16:relu; do
  for optimizer in sgd sgd-nesterov adam rmsprop adagrad; do
    extra=()
    name="$optimizer"
    case "$optimizer" in
      sgd) extra=(--momentum 0.99) ;;
      sgd-nesterov) name=sgd; extra=(--momentum 0.99 --nesterov) ;;
      rmsprop) extra=(--momentum 0.99) ;;
    esac
    n="$steps"
    case "$model" in mlp:*) n="${NET_STEPS:-30000}" ;; esac
    start=$(date +%s.%N)
    out=$(timeout 600 "$cli" train --model "$model" --optimizer "$name" --lr 10 --batch-size 1 --steps "$n" "${extra[@]}" 2>&1)
    rc=$?
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    printf '%-12s %-12s %-22s %5s %8.1f  %s\n' "$model" "$optimizer" "${extra[*]:-}" "$rc" "$seconds" "$(echo "$out" | tail -1 | cut -c1-90)"
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
      echo "$out" >&2
      status=1
    fi
  done
done
exit "$status"
