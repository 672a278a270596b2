#!/bin/bash
# Fetch and unpack the two Debian trees of the accuracy benchmark.
# Usage: fetch-trees.sh [DIR]   -> DIR/p187/linux-source-6.1 (pristine, what score.mjs reads),
#                                   DIR/6.1.190-1/linux-source-6.1, DIR/6.1.187-1/linux-source-6.1 (to build)
set -euo pipefail
DIR=${1:-/tmp/k}
mkdir -p "$DIR/debs"
cd "$DIR/debs"
apt-get download linux-source-6.1=6.1.187-1 linux-source-6.1=6.1.190-1
unpack() { # $1 = version, $2 = target folder
  mkdir -p "$DIR/$2"
  dpkg-deb --fsys-tarfile "linux-source-6.1_$1_all.deb" | tar xO ./usr/src/linux-source-6.1.tar.xz | tar xJ -C "$DIR/$2"
}
unpack 6.1.187-1 p187 & unpack 6.1.190-1 6.1.190-1 & unpack 6.1.187-1 6.1.187-1 & wait
