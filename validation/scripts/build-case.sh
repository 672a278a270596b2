#!/bin/bash
# Reproduce one validation case from scratch: build the case's translation units before the fix, after
# the fix, and after the fix with pre-image line numbers (`#line`), then compare the objects function by
# function. Not run in CI (it needs a kernel tree, GCC 12.2.0 and a few minutes of CPU).
#
# Usage: validation/scripts/build-case.sh CASE
# Environment (defaults in brackets):
#   KSRC    pristine Debian linux-source-6.1 6.1.192-2 tree [/tmp/ksrc/linux-source-6.1]
#           (apt-get download linux-source-6.1; unpack /usr/src/linux-source-6.1.tar.xz from the .deb)
#   CONFIG  the corpus .config [/tmp/corpus/.config]
#           (tar xJf linux-6.1.192-x86_64-defconfig.tar.xz ./.config)
#   CORPUS  unpacked corpus, to check the pre-fix dumps are byte-identical [/tmp/corpus]
#   WORK    scratch directory [/tmp/kbuild]; the build tree is $WORK/tree (hard-linked to KSRC; every
#           file this script changes is first replaced by a private copy, KSRC is never written)
#   PREPOST_ONLY  set to 1: only the pre and post builds (the inputs of exact mode, issue 10), no
#           relined build and no comparison
# Needs: gcc 12.2.0 (Debian 12.2.0-14), make, bc, flex, bison, libelf-dev, libssl-dev, dwarves (pahole
# 1.24: CONFIG_PAHOLE_VERSION=124 in the corpus .config), python3 with pyelftools (python3-pyelftools).
# Output: $WORK/out/CASE/{pre,post,relined}/<objects and .ipa-clones dumps>, compare.json, dumps-check.txt
set -euo pipefail

CASE=${1:?usage: build-case.sh CASE}
HERE=$(cd "$(dirname "$0")" && pwd)
CASEDIR=$HERE/../cases/$CASE
KSRC=${KSRC:-/tmp/ksrc/linux-source-6.1}
CONFIG=${CONFIG:-/tmp/corpus/.config}
CORPUS=${CORPUS:-/tmp/corpus}
WORK=${WORK:-/tmp/kbuild}
TREE=$WORK/tree
OUT=$WORK/out/$CASE
PY=/usr/bin/python3
KCFLAGS='-fdump-ipa-clones -flive-patching=inline-clone -ffunction-sections -fdata-sections'
JOBS=${JOBS:-2}

PATCH=$CASEDIR/fix.patch
mapfile -t TUS < "$CASEDIR/tus.txt"
mapfile -t FILES < <(sed -n 's|^+++ b/||p' "$PATCH")
OBJS=()
for tu in "${TUS[@]}"; do OBJS+=("${tu%.c}.o"); done

if [ ! -d "$TREE" ]; then
  mkdir -p "$WORK"
  cp -al "$KSRC" "$TREE"
fi
cd "$TREE"
if ! cmp -s "$CONFIG" .config; then
  cp --remove-destination "$CONFIG" .config
  make olddefconfig
  cmp "$CONFIG" .config || echo "warning: olddefconfig changed the corpus .config (pahole version?)" >&2
fi
make -j"$JOBS" prepare > /dev/null

restore() { # private pristine copies (new inode, new mtime: kbuild rebuilds the dependents)
  for f in "${FILES[@]}"; do cp --remove-destination "$KSRC/$f" "$TREE/$f"; done
}
build() { # $1 = output dir
  make -j"$JOBS" KCFLAGS="$KCFLAGS" "${OBJS[@]}" > "$OUT/$(basename "$1").log" 2>&1
  for o in "${OBJS[@]}"; do
    mkdir -p "$1/$(dirname "$o")"
    cp "$o" "$1/$o"
    cp "${o%.o}.c.000i.ipa-clones" "$1/${o%.o}.c.000i.ipa-clones"
  done
}

rm -rf "$OUT"; mkdir -p "$OUT"
trap restore EXIT

restore
build "$OUT/pre"
: > "$OUT/dumps-check.txt"
for tu in "${TUS[@]}"; do
  if cmp -s "$OUT/pre/$tu.000i.ipa-clones" "$CORPUS/$tu.000i.ipa-clones"; then
    echo "identical $tu" >> "$OUT/dumps-check.txt"
  else
    echo "DIFFERENT $tu" >> "$OUT/dumps-check.txt"
  fi
done

patch -p1 --no-backup-if-mismatch -s < "$PATCH"
build "$OUT/post"

if [ "${PREPOST_ONLY:-}" = 1 ]; then
  restore
  trap - EXIT
  cat "$OUT/dumps-check.txt"
  exit 0
fi

restore
patch -p1 --no-backup-if-mismatch -s < "$PATCH"
$PY "$HERE/reline.py" "$PATCH" "$TREE"
build "$OUT/relined"

restore
trap - EXIT

$PY "$HERE/compare.py" "$OUT/pre" "$OUT/post" "$OUT/relined" "${OBJS[@]}" > "$OUT/compare.json"
cat "$OUT/dumps-check.txt"
cat "$OUT/compare.json"
for tu in "${TUS[@]}"; do
  echo "== dump structure diff $tu"
  $PY "$HERE/dumpdiff.py" "$OUT/pre/$tu.000i.ipa-clones" "$OUT/post/$tu.000i.ipa-clones"
done | tee "$OUT/dumpdiff.txt"
