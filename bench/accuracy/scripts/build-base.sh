#!/bin/bash
# Build the benchmark's base: Debian 6.1.187-1 with the corpus .config and the corpus flags
# (../shared/corpus/README.md). About 15 minutes on 2 idle cores. With -ffunction-sections the final
# vmlinux link fails on this tree (-k): every object and dump is still built.
# Usage: build-base.sh [TREE] [CONFIG]
set -uo pipefail
TREE=${1:-/tmp/k/6.1.187-1/linux-source-6.1}
CONFIG=${2:-/tmp/corpus/.config}
cd "$TREE"
cp "$CONFIG" .config
make olddefconfig
make -j"$(nproc)" -k KCFLAGS="-fdump-ipa-clones -flive-patching=inline-clone -ffunction-sections -fdata-sections" > build.log 2>&1
echo "built: $(find . -name '*.ipa-clones' | wc -l) dumps"
