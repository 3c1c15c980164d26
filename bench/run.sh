#!/usr/bin/env bash
# Benchmarks. Writes bench/results.md (committed): medians and ratios.
#
#   align: `reuselens align` over every pair of the PAN13 training corpus, against
#   Debian's sim_text (similarity-tester, verbatim runs only), run once per pair
#   with the same two cores (xargs -P 2). Outputs go to /dev/shm when it exists, so
#   the figures measure the work, not this disk's file-creation latency.
#   long page: `reuselens align` of one 50 MB page (a PAN page with its reuse,
#   then other PAN pages) against that page's source: a passage's cost must not
#   grow with the page's length.
#   hostile pages: `reuselens match` of texts that repeat themselves on both
#   sides (bench/hostile_pages.py): time and memory must stay bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
PAN=${PAN:-../shared/pan13-train}
SEEDS=${SEEDS:-../shared/seeds}
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

long="$work/long"
mkdir -p "$long/susp" "$long/src"
read -r page source < "$PAN/03-random-obfuscation/pairs"
python3 - "$PAN/susp" "$page" "$long/susp/$page" <<'PY'
import os, sys
folder, first, out = sys.argv[1:]
names = [n for n in sorted(os.listdir(folder)) if n != first]
parts, size = [], 0
for name in [first] + names * 100:
    text = open(os.path.join(folder, name), encoding="utf-8").read()
    parts.append(text)
    size += len(text.encode("utf-8"))
    if size >= 50_000_000:
        break
open(out, "w", encoding="utf-8").write("\n".join(parts))
PY
cp "$PAN/src/$source" "$long/src/"
echo "$page $source" > "$long/pairs"
echo "bench: align of one 50 MB page ($page, then other pages) against $source"
hyperfine --style basic --warmup 1 --runs 3 --export-json "$work/long.json" --prepare "rm -rf '$work/lout'" \
  -n "reuselens align, one 50 MB page" \
  "$CLI align --pairs '$long/pairs' --src '$long/src' --susp '$long/susp' --out '$work/lout'"
long_detections=$(grep -c '<feature' "$work/lout/"*.xml || true)

python3 - "$work/align.json" "$pairs" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$work/long.json" "$page" "$source" "$long_detections" <<'PY' | tee bench/results.md
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
long = json.load(open(sys.argv[4]))["results"][0]["times"]
print(f"\n## align of one 50 MB page\n")
print(f"{sys.argv[5]}, then other PAN13 pages up to 50 MB, against {sys.argv[6]}: "
      f"median {statistics.median(long):.2f} s (min {min(long):.2f}, max {max(long):.2f}, "
      f"{len(long)} runs), {sys.argv[7]} passages found.")
PY
echo "bench: match of hostile pages"
python3 bench/hostile_pages.py "$CLI" "$work/hostile" "$SEEDS/001_08fe67f9a3eebd52.txt" 3 | tee -a bench/results.md
