#!/bin/bash
# Pack one case's pre and post builds (build-case.sh, PREPOST_ONLY=1 suffices) as the input of the
# exact-mode test (__tests__/validation/exact.test.ts): the objects and dumps of the TUs it rebuilt,
# reproducibly (fixed owner, mtime and order).
#
# Usage: validation/scripts/pack-exact.sh CASE [WORK=/tmp/kbuild]
set -euo pipefail
CASE=${1:?usage: pack-exact.sh CASE}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${WORK:-/tmp/kbuild}/out/$CASE
DEST=$HERE/../cases/$CASE/exact.tar.xz
mapfile -t TUS < "$HERE/../cases/$CASE/tus.txt"
FILES=()
for side in pre post; do
  for tu in "${TUS[@]}"; do FILES+=("$side/${tu%.c}.o" "$side/$tu.000i.ipa-clones"); done
done
tar cf - --owner=0 --group=0 --numeric-owner --mtime=@0 --sort=name -C "$OUT" "${FILES[@]}" | xz -9e > "$DEST"
ls -l "$DEST"
