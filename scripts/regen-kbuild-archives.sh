#!/usr/bin/env bash
# Regenerates fixtures/kbuild-archives/archives.txt from a kernel build tree: the `cmd_` line of
# every archive's .cmd file (`.vmlinux.a.cmd`, `.built-in.a.cmd`, `.lib.a.cmd`), each after a
# `# <path>` line, for the tests of src/core/kbuild/linked.ts.
# Usage: scripts/regen-kbuild-archives.sh BUILD_TREE   (the fixture: Debian's 6.1.176 tree, the
# second holdout's base build, bench/accuracy/scripts/holdout.sh)
set -euo pipefail
tree=$1
out=$(cd "$(dirname "$0")/.." && pwd)/fixtures/kbuild-archives/archives.txt
cd "$tree"
find . -name '.*.a.cmd' -printf '%P\n' | LC_ALL=C sort | while read -r f; do
  printf '# %s\n' "$f"
  grep -E '^(saved)?cmd_' "$f"
done > "$out"
echo "wrote $out"
