#!/bin/bash
# A holdout run: the benchmark's method on another Debian stable update, to check that the engine
# was not tuned to 6.1.187 -> 6.1.190. Made for 6.1.190-1 -> 6.1.192-1 (bench/accuracy/README.md,
# "Holdout"); about 25 minutes for the base build, 40 for the `.c` cases and 30 for the header
# cases (16 TUs at most per header) on 2 cores.
#
#   bench/accuracy/scripts/holdout.sh OLD_VERSION NEW_VERSION DIR [TYPES]
#   # e.g. 6.1.190-1 6.1.192-1 /tmp/hold            (`.c` cases, the twentieth session's run)
#   #      6.1.190-1 6.1.192-1 /tmp/hold header     (header and wide-header cases, the twenty-first's)
#
# DIR gets: debs/, old/ and new/ (pristine trees), build/ (the base build, with the corpus .config
# and flags), base/ (its dumps, *.mod, modules.order, .config, .*.o.cmd, and readelf symbol tables
# of vmlinux and the modules), cases/ (the cases of TYPES with their truth), out/, reports/ and
# score.json.
set -euo pipefail
OLDV=${1:?old version}; NEWV=${2:?new version}; H=${3:?work dir}; TYPES=${4:-c}
R=$(cd "$(dirname "$0")/../../.." && pwd)
A=$R/bench/accuracy
mkdir -p "$H/debs" "$H/old" "$H/new" "$H/build" "$H/base" "$H/symtab"
(cd "$H/debs" && apt-get download "linux-source-6.1=$OLDV" "linux-source-6.1=$NEWV")
unpack() { # deb version -> dir
  local x; x=$(mktemp -d); dpkg-deb -x "$H/debs/linux-source-6.1_$1_all.deb" "$x"
  tar xJf "$x/usr/src/linux-source-6.1.tar.xz" -C "$2"; rm -rf "$x"
}
unpack "$OLDV" "$H/old"; unpack "$OLDV" "$H/build"; unpack "$NEWV" "$H/new"
OLD=$H/old/linux-source-6.1; NEW=$H/new/linux-source-6.1; B=$H/build/linux-source-6.1
# The corpus archive names it `.config` (an older one `./.config`).
C=$R/../shared/corpus/linux-6.1.192-x86_64-defconfig.tar.xz
tar xJf "$C" -C "$H/base" .config 2>/dev/null || tar xJf "$C" -C "$H/base" ./.config
cp "$H/base/.config" "$B/.config"
(cd "$B" && make olddefconfig >/dev/null &&
  nice -n 10 make -j2 -k KCFLAGS="-fdump-ipa-clones -flive-patching=inline-clone -ffunction-sections -fdata-sections" > build.log 2>&1) || true
# The base bundle and the symbol tables, before any case swaps a file into the tree.
(cd "$B" && find . \( -name '*.ipa-clones' -o -name '*.mod' -o -name modules.order -o -name '.*.o.cmd' -o -name '.*.a.cmd' -o -name '.*.lds.cmd' -o -name '.*.s.cmd' \) -print0 |
  LC_ALL=C sort -z | tar cf - --null -T - .config) | tar xf - -C "$H/base"
(cd "$B" &&
  ld -m elf_x86_64 -z noexecstack --no-warn-rwx-segments -r -o "$H/symtab/vmlinux.o" \
    --whole-archive vmlinux.a --no-whole-archive --start-group --end-group &&
  readelf -sW "$H/symtab/vmlinux.o" > "$H/base/vmlinux.syms" && rm -f "$H/symtab/vmlinux.o"
  for ko in $(cat modules.order); do m=${ko%.o}; m=${m%.ko}; mkdir -p "$H/base/$(dirname "$m")"
    ld -m elf_x86_64 -r -o "$H/symtab/m.ko" $(cat "$m.mod") "$m.mod.o" &&
      readelf -sW "$H/symtab/m.ko" > "$H/base/$m.ko.syms"; rm -f "$H/symtab/m.ko"
  done)
python3 "$A/scripts/make-cases.py" "$OLD" "$NEW" "$B" "$H/cases-all" 16
mkdir -p "$H/cases"
case $TYPES in
  c) want='"type": "c"' ;;
  header) want='"type": "\(header\|wide-header\)"' ;;
  *) echo "holdout: TYPES is c or header" >&2; exit 2 ;;
esac
for d in "$H"/cases-all/*/; do grep -q "$want" "$d/meta.json" && cp -a "$d" "$H/cases/"; done
OLD=$OLD NEW=$NEW BUILD=$B OUT=$H/out JOBS=2 nice -n 10 python3 "$A/scripts/build-cases.py" "$H/cases"
python3 "$A/scripts/collect-truth.py" "$H/cases" "$H/out"
node "$A/score.mjs" --cases "$H/cases" --tree "$OLD" --build "$B" --base "$H/base" \
  --reports "$H/reports" --json "$H/score.json" --jobs 2
