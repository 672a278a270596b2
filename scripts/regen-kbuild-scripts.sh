#!/usr/bin/env bash
# Copies kbuild's `.cmd` files of the scripts (linker scripts, offset generators) from a kernel
# build tree into fixtures/kbuild-scripts/, for the tests of src/core/scripts/.
# Usage: scripts/regen-kbuild-scripts.sh BUILD_TREE   (the fixture: Debian's 6.1.176 tree, the
# second holdout's base build, bench/accuracy/scripts/holdout.sh)
set -euo pipefail
tree=$1
out=$(cd "$(dirname "$0")/.." && pwd)/fixtures/kbuild-scripts
for f in arch/x86/kernel/.vmlinux.lds.cmd scripts/.module.lds.cmd \
  scripts/mod/.devicetable-offsets.s.cmd arch/x86/entry/vdso/.vdso.lds.cmd; do
  mkdir -p "$out/$(dirname "$f")"
  cp "$tree/$f" "$out/$f"
done
echo "wrote $out"
