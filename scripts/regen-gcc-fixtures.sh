#!/usr/bin/env bash
# Regenerates the real GCC dumps under fixtures/gcc/ from the C sources beside them.
#
# Each scenario folder is compiled from inside itself, so the paths GCC writes into the dumps are
# relative to the scenario (`lib/producer.c`, `./include/ring.h`), like a kernel build from its root.
# GCC names the dump after the -o output (`-o lib/x.o` gives `lib/x.c.000i.ipa-clones`), so every
# object is written next to its source and deleted afterwards: dump names are deterministic.
#
# A scenario with a `system-map.want` also gets symbol tables of its objects as if they were linked
# into one vmlinux: `System.map` (nm) and `vmlinux.syms` (readelf -sW, whose FILE symbols tell
# which TU each local comes from), the tables that settle out-of-line header copies.
#
# A scenario with a `tus.txt` compiles only the `.c` files it lists (the others are #included, as
# kernel/sched/rt.c is by build_policy.c).
#
# A scenario with a `build.sh` is laid out unlike a kernel tree (an out-of-tree module, a build
# folder beside the sources): its build.sh compiles it, from inside the scenario.
# The `objects` scenario is such one: each of its cases is a tree before (pre/) and after (post/) a
# fix, whose objects are kept, built with -ffunction-sections -fdata-sections as kpatch and klp-build
# want them, for the object comparison (src/core/objects).
#
# The `lto` scenario is compiled with -flto and linked, which adds `prog.wpa.000i.ipa-clones` and
# `prog.ltransN.ltrans.000i.ipa-clones`; -flive-patching is rejected with LTO, so it is left out there.
#
# Usage: [FIXTURES_DIR=dir] scripts/regen-gcc-fixtures.sh [scenario...]
# (GCC 12 expected; other versions may differ. FIXTURES_DIR regenerates a copy, for the tests.)
set -euo pipefail

CC=${CC:-gcc}
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "regen-gcc-fixtures: $CC not found" >&2
  exit 1
fi

root=${FIXTURES_DIR:-$(cd "$(dirname "$0")/.." && pwd)/fixtures/gcc}
flags=(-O2 -fdump-ipa-clones -flive-patching=inline-clone -I./include)

cd "$root"
if [ $# -gt 0 ]; then scenarios=("$@"); else mapfile -t scenarios < <(ls -1 | LC_ALL=C sort); fi

for s in "${scenarios[@]}"; do
  [ -d "$root/$s" ] || { echo "regen-gcc-fixtures: no scenario $s" >&2; exit 1; }
  (
    cd "$root/$s"
    find . -name '*.ipa-clones' -delete
    # A scenario's tus.txt names the TUs when some .c files are only #included by others.
    if [ -f tus.txt ]; then
      mapfile -t sources < tus.txt
    else
      mapfile -t sources < <(find . -name '*.c' -printf '%P\n' | LC_ALL=C sort)
    fi
    if [ -f build.sh ]; then
      CC="$CC" bash build.sh
    elif [ "$s" = lto ]; then
      for c in "${sources[@]}"; do "$CC" -O2 -flto -fdump-ipa-clones -c "$c" -o "${c%.c}.o"; done
      objs=("${sources[@]/%.c/.o}")
      "$CC" -O2 -flto -fdump-ipa-clones "${objs[@]}" -o prog
      rm -f prog "${objs[@]}"
    else
      if [ -f system-map.want ]; then : > System.map; : > vmlinux.syms; fi
      for c in "${sources[@]}"; do
        "$CC" "${flags[@]}" -c "$c" -o "${c%.c}.o"
        if [ -f system-map.want ]; then
          nm "${c%.c}.o" >> System.map
          readelf -sW "${c%.c}.o" | sed 's/[[:space:]]*$//' >> vmlinux.syms
        fi
        rm -f "${c%.c}.o"
        [ -f "$c.000i.ipa-clones" ] || { echo "regen-gcc-fixtures: no dump for $s/$c" >&2; exit 1; }
      done
    fi
  )
  echo "regenerated $s"
done
