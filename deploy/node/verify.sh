#!/usr/bin/env bash
# Docker cannot run on every machine (CI here has no engine), so this rebuilds the image's file
# layout without Docker: the Dockerfile's COPY lines into a temporary folder, `npm ci --omit=dev
# --ignore-scripts` as in the image, then the image's CMD in production mode against PostgreSQL,
# until /ready answers, and a SIGTERM that must end it cleanly.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres deploy/node/verify.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server (a database is created and dropped)}"
work=$(mktemp -d /tmp/pontis-image.XXXX)
db="pontis_image_$$"
server_url="${DATABASE_URL%/*}"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  psql "$DATABASE_URL" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== image layout from deploy/node/Dockerfile"
cp "$root/package.json" "$root/package-lock.json" "$work/"
# Every COPY of the final stage that is not --from another stage.
awk '/^FROM /{stage++} stage==2 && /^COPY / && !/--from/ {print $2, $3}' "$root/deploy/node/Dockerfile" |
while read -r src dst; do
  mkdir -p "$work/$(dirname "$dst")"
  cp -R "$root/$src" "$work/$dst"
done
(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null 2>&1) || { echo "FAILED: npm ci --omit=dev"; exit 1; }
[ -d "$work/node_modules/typescript" ] && { echo "FAILED: dev dependencies in the image"; exit 1; }

echo "== production start (CMD of the image)"
psql "$DATABASE_URL" -qc "create database $db" >/dev/null
port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
key=$(cd "$root" && node bin/pontis.mjs keygen)
privacy_keys=$(cd "$root" && node bin/pontis.mjs privacy keygen)
pseudonym_key=$(printf '%s\n' "$privacy_keys" | sed -n 's/^PONTIS_PSEUDONYM_KEY=//p')
keks=$(printf '%s\n' "$privacy_keys" | sed -n 's/^PONTIS_KEKS=//p')
cmd=$(awk -F'[][]' '/^CMD /{print $2}' "$root/deploy/node/Dockerfile" | tr -d '",')
(cd "$work" && NODE_ENV=production HOST=127.0.0.1 PORT=$port PONTIS_DATA_DIR="$work/data" \
  DATABASE_URL="$server_url/$db" PONTIS_SIGNING_KEY="$key" PONTIS_PSEUDONYM_KEY="$pseudonym_key" \
  PONTIS_KEKS="$keks" exec $cmd >"$work/server.log" 2>&1) &
pid=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/ready" || { cat "$work/server.log"; echo "FAILED: /ready"; exit 1; }
echo
grep -q '"demo":false' "$work/server.log" || { cat "$work/server.log"; echo "FAILED: not in production mode"; exit 1; }
kill -TERM "$pid"
wait "$pid" && status=0 || status=$?
pid=""
[ "$status" -eq 0 ] || { cat "$work/server.log"; echo "FAILED: exit status $status after SIGTERM"; exit 1; }
grep -q '"msg":"stopped"' "$work/server.log" || { echo "FAILED: no clean stop"; exit 1; }
echo "image layout, production start and clean shutdown: ok"
