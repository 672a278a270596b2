#!/bin/bash
# The base build's symbol tables, as a CI build job packs them beside the dumps (README, exact mode):
# `readelf -sW` of vmlinux and of every module, with the FILE symbols that attribute each local
# function to its TU. They settle `header-out-of-line` (is there an out-of-line copy of a changed
# header function that no dump shows?) and give `old_sympos`.
#
# The base tree's final vmlinux link fails with -ffunction-sections (build-base.sh), and the case
# builds leave post-fix objects in it, so the tables are made from the pristine objects: the
# rebuilt TUs' base objects (OUT/pre) are put back first, then vmlinux.o is linked the way kbuild
# links it (`.vmlinux.o.cmd`: every built-in object, in link order) and each module's objects
# (`*.mod`) are linked into its .ko. vmlinux.o holds every local function the final vmlinux would
# (plus `.exit.text`, which the final link discards: a superset, so never a copy too few).
# Output: SYMS/vmlinux.syms and SYMS/<module path>.ko.syms, packed into
# bench/accuracy/data/symbols-6.1.187.tar.xz.
# Usage: symbol-tables.sh [TREE] [OUT] [SYMS]
set -euo pipefail
TREE=${1:-/tmp/k/6.1.187-1/linux-source-6.1}
OUT=${2:-/tmp/k/accuracy-out}
SYMS=${3:-/tmp/k/symtab}
PACK=$(cd "$(dirname "$0")/.." && pwd)/data/symbols-6.1.187.tar.xz
mkdir -p "$SYMS"
(cd "$OUT/pre" && find . -name '*.o') | while read -r o; do
  cmp -s "$OUT/pre/$o" "$TREE/$o" || cp "$OUT/pre/$o" "$TREE/$o"
done
cd "$TREE"
ld -m elf_x86_64 -z noexecstack --no-warn-rwx-segments -r -o "$SYMS/vmlinux.o" \
  --whole-archive vmlinux.a --no-whole-archive --start-group --end-group
readelf -sW "$SYMS/vmlinux.o" > "$SYMS/vmlinux.syms"
rm "$SYMS/vmlinux.o"
for ko in $(cat modules.order); do
  m=${ko%.o}
  m=${m%.ko}
  mkdir -p "$SYMS/$(dirname "$m")"
  # shellcheck disable=SC2046
  ld -m elf_x86_64 -r -o "$SYMS/$m.ko" $(cat "$m.mod") "$m.mod.o"
  readelf -sW "$SYMS/$m.ko" > "$SYMS/$m.ko.syms"
  rm "$SYMS/$m.ko"
done
cd "$SYMS"
find . -name '*.syms' -print0 | LC_ALL=C sort -z | tar cf - --null -T - | xz -9 -T1 > "$PACK"
ls -la "$PACK"
