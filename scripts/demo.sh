#!/usr/bin/env bash
# The demo on the built-in demo library: the seed articles. 001 is the known
# source; the other four are pages to check (a spun copy, aggregator pages).
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-../shared/seeds}
CLI=build/native/reuselens
[ -x "$CLI" ] || { echo "demo: build the CLI first (make native)" >&2; exit 2; }
[ -d "$SEEDS" ] || { echo "demo: the seed articles are expected in $SEEDS" >&2; exit 2; }

source_file=$(ls "$SEEDS"/001_*.txt)
library=build/demo-library.rlens
"$CLI" library build "$library" "$source_file" --id "001" 2>/dev/null
echo "ReuseLens demo: the library holds one known source:"
"$CLI" library list "$library" | sed 's/^/  /'
for page in "$SEEDS"/000_*.txt "$SEEDS"/002_*.txt "$SEEDS"/003_*.txt "$SEEDS"/004_*.txt; do
  echo
  echo "================ page $(basename "$page") ================"
  "$CLI" match --library "$library" --format text "$page"
done
echo
echo "JSON for scripts: $CLI match --source $source_file PAGE"
