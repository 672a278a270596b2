#!/usr/bin/env bash
# Regenerates fixtures/layout/offsets.txt: where GCC puts the members of fixtures/layout/structs.h
# on x86_64 (sizes, alignments, bit offsets; bitfields found by setting them), built with the
# .config symbols the test gives the layout code (CONFIG_64BIT set; CONFIG_XFRM, CONFIG_NFS_V4_1
# not), so that the layout tests compare with the compiler rather than with themselves.
# Usage: scripts/regen-layout-fixtures.sh   (GCC on x86_64)
set -euo pipefail
CC=${CC:-gcc}
dir=$(cd "$(dirname "$0")/.." && pwd)/fixtures/layout
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CC" -O0 -g -DCONFIG_64BIT=1 -I"$dir" -o "$tmp/probe" "$dir/probe.c"
"$tmp/probe" >"$dir/offsets.txt"
echo "wrote $dir/offsets.txt"
