#!/bin/bash
# Pack the C files kbuild generated in the base build (every .c/.h the built tree has that the
# pristine tree lacks), as the README's build job packs them beside the dumps, into
# bench/accuracy/data/generated-6.1.187.tar.xz. score.mjs unpacks it with the base bundle: the
# dump folder then carries them, as the job's archive does.
# Usage: pack-generated.sh [BUILT_TREE] [PRISTINE_TREE]
set -euo pipefail
TREE=${1:-/tmp/k/6.1.187-1/linux-source-6.1}
PRISTINE=${2:-/tmp/k/p187/linux-source-6.1}
OUTF=$(cd "$(dirname "$0")/.." && pwd)/data/generated-6.1.187.tar.xz
LIST=$(mktemp)
trap 'rm -f "$LIST"' EXIT
cd "$TREE"
find . -type f \( -name '*.c' -o -name '*.h' \) -print | LC_ALL=C sort | while IFS= read -r f; do
  [ -e "$PRISTINE/$f" ] || printf '%s\0' "$f"
done > "$LIST"
tar cf - --null -T "$LIST" | xz -9 -T1 > "$OUTF"
echo "$(tr -cd '\0' < "$LIST" | wc -c) generated files"
ls -la "$OUTF"
