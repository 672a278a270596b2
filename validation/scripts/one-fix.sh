#!/bin/bash
# One real fix, one object, judged as the validation cases are: the object built before the fix,
# after it, and after it with pre-image line numbers (reline.py), compared function by function.
# Used for Debian's 6.1.192-1 -> 6.1.192-2 security update (ext4 mballoc, RESULTS: "Debian's
# latest security updates").
# Usage: one-fix.sh TREE PATCH OBJECT OUT
#   TREE    the pre-fix tree, configured with the corpus .config and `make prepare` done
#   PATCH   the fix (paths a/..., b/...), applied with patch -p1 and reverted
#   OBJECT  the object to build (fs/ext4/mballoc.o)
#   OUT     output: pre/, post/, relined/ (object and dump each), compare.json
set -euo pipefail
TREE=$1 PATCH=$(realpath "$2") OBJ=$3 OUT=$4
HERE=$(cd "$(dirname "$0")" && pwd)
KCFLAGS='-fdump-ipa-clones -flive-patching=inline-clone -ffunction-sections -fdata-sections'
mapfile -t FILES < <(sed -n 's|^+++ b/\([^\t]*\).*|\1|p' "$PATCH")
SAVE=$(mktemp -d)
trap 'for f in "${FILES[@]}"; do cp --remove-destination "$SAVE/$f" "$TREE/$f"; done; rm -rf "$SAVE"' EXIT
cd "$TREE"
for f in "${FILES[@]}"; do mkdir -p "$SAVE/$(dirname "$f")"; cp "$f" "$SAVE/$f"; done
restore() { for f in "${FILES[@]}"; do cp --remove-destination "$SAVE/$f" "$f"; done; }
build() {
  mkdir -p "$OUT/$1/$(dirname "$OBJ")"
  make -j"${JOBS:-2}" KCFLAGS="$KCFLAGS" "$OBJ" > "$OUT/$1.log" 2>&1
  cp "$OBJ" "${OBJ%.o}.c.000i.ipa-clones" "$OUT/$1/$(dirname "$OBJ")/"
}
rm -rf "$OUT"; mkdir -p "$OUT"
build pre
patch -p1 -s < "$PATCH"; build post; restore
patch -p1 -s < "$PATCH"; /usr/bin/python3 "$HERE/reline.py" "$PATCH" "$TREE"; build relined; restore
/usr/bin/python3 "$HERE/compare.py" "$OUT/pre" "$OUT/post" "$OUT/relined" "$OBJ" > "$OUT/compare.json"
cat "$OUT/compare.json"
