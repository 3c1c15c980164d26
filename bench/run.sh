#!/usr/bin/env bash
# Benchmarks. Writes bench/results.md (committed): medians and ratios.
#
#   align: `reuselens align` over every pair of the PAN13 training corpus, against
#   Debian's sim_text (similarity-tester, verbatim runs only), run once per pair
#   with the same two cores (xargs -P 2). Outputs go to /dev/shm when it exists, so
#   the figures measure the work, not this disk's file-creation latency.
set -euo pipefail
cd "$(dirname "$0")/.."
PAN=${PAN:-../shared/pan13-train}
RUNS=${RUNS:-5}
CLI=build/native/reuselens
[ -x "$CLI" ] || { echo "bench: build the CLI first (make native)" >&2; exit 2; }
for tool in hyperfine sim_text python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make setup)" >&2; exit 2; }
done

base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=$(mktemp -d "$base/reuselens-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
pairs=$(grep -c . "$PAN/pairs")

echo "bench: align over $pairs PAN13 training pairs, $RUNS runs each (outputs in $base)"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$work/align.json" \
  --prepare "rm -rf '$work/out'" \
  -n "reuselens align" "$CLI align --pairs '$PAN/pairs' --src '$PAN/src' --susp '$PAN/susp' --out '$work/out'" \
  -n "sim_text, per pair" "xargs -P 2 -L 1 sh -c 'sim_text -s \"$PAN/susp/\$0\" / \"$PAN/src/\$1\" > /dev/null' < '$PAN/pairs'"

python3 - "$work/align.json" "$pairs" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" <<'PY' | tee bench/results.md
import json, statistics, sys, datetime, platform, os
data = json.load(open(sys.argv[1]))["results"]
pairs, commit = int(sys.argv[2]), sys.argv[3]
med = {r["command"]: statistics.median(r["times"]) for r in data}
ours = med["reuselens align"]
print("# Benchmarks\n")
print(f"- date: {datetime.date.today()}, commit {commit}, {os.cpu_count()} cores ({platform.machine()})")
print("- command: `make bench` (bench/run.sh)\n")
print(f"## align over the {pairs} PAN13 training pairs\n")
print("| tool | median (s) | min (s) | max (s) | pairs/s | time vs reuselens |")
print("|---|---:|---:|---:|---:|---:|")
for r in data:
    m = med[r["command"]]
    print(f"| {r['command']} | {m:.2f} | {min(r['times']):.2f} | {max(r['times']):.2f} | {pairs / m:.0f} | {m / ours:.2f}x |")
print("\nTarget (issue 2): reuselens align under 5 s. sim_text finds verbatim runs only.")
PY
