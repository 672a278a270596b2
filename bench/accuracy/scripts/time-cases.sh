#!/bin/bash
# Wall time and peak RSS of `analyze` on each case, one at a time, as score.mjs runs it (dumps-only
# mode), with the reports kept for comparison: the figures for header fixes in the README's
# Performance section. Compare two engines' reports with `cmp` (they must be byte-identical).
# Usage: time-cases.sh OUT DIST CASE... (e.g. all headers: $(ls bench/accuracy/cases | grep '\.h$'))
#   BASE: the base build's folder [/tmp/k/base-dir]; TREE: the 6.1.187 tree [/tmp/k/6.1.187-1/linux-source-6.1]
#   CACHE: an --index-cache folder (scan index and parses), none by default
set -uo pipefail
OUT=$1
DIST=$2
shift 2
BASE=${BASE:-/tmp/k/base-dir}
TREE=${TREE:-/tmp/k/6.1.187-1/linux-source-6.1}
CASES=$(cd "$(dirname "$0")/../cases" && pwd)
mkdir -p "$OUT"
for c in "$@"; do
  /usr/bin/time -f "$c %e s %M kB" node "$DIST/cli.js" analyze --diff "$CASES/$c/fix.patch" \
    --dumps "x86_64=$BASE" --source "$TREE" --format json --output "$OUT/$c.json" \
    --fail-on none --quiet ${CACHE:+--index-cache "$CACHE"} 2>&1 | tail -1
done
