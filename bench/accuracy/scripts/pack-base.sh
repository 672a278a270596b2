#!/bin/bash
# Pack the base build's dumps as the build job of the README does (dumps, *.mod, modules.order,
# .config, kbuild's .*.o.cmd) into bench/accuracy/data/base-6.1.187.tar.xz.
# Usage: pack-base.sh [TREE]
set -euo pipefail
TREE=${1:-/tmp/k/6.1.187-1/linux-source-6.1}
OUTF=$(cd "$(dirname "$0")/.." && pwd)/data/base-6.1.187.tar.xz
mkdir -p "$(dirname "$OUTF")"
cd "$TREE"
find . \( -name '*.ipa-clones' -o -name '*.mod' -o -name modules.order -o -name '.*.o.cmd' -o -name '.*.a.cmd' -o -name '.*.lds.cmd' -o -name '.*.s.cmd' \) -print0 |
  LC_ALL=C sort -z | tar cf - --null -T - .config | xz -9 -T1 > "$OUTF"
ls -la "$OUTF"
