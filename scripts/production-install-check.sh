#!/usr/bin/env bash
# Starts the built app from a production install (`npm ci --omit=dev`) in a copy of the tree, as a
# deployment would, and runs a PostgreSQL import through COPY there: a run-time import of a
# package listed under devDependencies fails here. Needs a current build (`npm run build`), and
# TEST_DATABASE_URL for the PostgreSQL part (skipped without it, failed with CI=true).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port="${PRODUCTION_CHECK_PORT:-4190}"
pid=""
database=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null || true
	if [ -n "$database" ]; then
		psql "$TEST_DATABASE_URL" -qc "drop database if exists ${database} with (force)" >/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

[ -f "$root/build/handler.js" ] || { echo "✖ no build: run npm run build first" >&2; exit 1; }
echo "▶ copying the tree (with build/ and the compiled messages) to $work"
# tar (pax format: sub-second times) keeps modification times, so the copied build's fingerprint still matches its sources.
tar -C "$root" --exclude=./node_modules --exclude=./.git --exclude=./data/db \
	--exclude=./test-results --exclude=./bench/results --format=posix -cf - . | tar -C "$work" -xf -
cd "$work"
echo "▶ npm ci --omit=dev"
# No scripts: `prepare` compiles the messages with a devDependency; the copy has them compiled.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

echo "▶ serving the built app from the production install"
KLYNGERADAR_DATA_DIR="$work/db" node bin/klyngeradar.js serve --no-build --port "$port" \
	>"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
	curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
	kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
	sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/v1/health"
echo
curl -fsS -o /dev/null -w "GET /login → %{http_code}\n" "http://127.0.0.1:$port/login"
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=""

if [ -z "${TEST_DATABASE_URL:-}" ]; then
	if [ "${CI:-}" = "true" ]; then echo "✖ CI=true but TEST_DATABASE_URL is not set" >&2; exit 1; fi
	echo "ℹ PostgreSQL import skipped: set TEST_DATABASE_URL"
	exit 0
fi
database="kr_prod_check_$$"
psql "$TEST_DATABASE_URL" -qc "create database ${database}" >/dev/null
url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$TEST_DATABASE_URL" "$database")"
echo "▶ PostgreSQL: migrate, seed and a list import through COPY"
DATABASE_URL="$url" node bin/klyngeradar.js db migrate
DATABASE_URL="$url" node bin/klyngeradar.js db seed
DATABASE_URL="$url" node bin/klyngeradar.js import register tests/fixtures/imports/register.csv
DATABASE_URL="$url" node bin/klyngeradar.js import members tests/fixtures/imports/members-made-2023.csv \
	--cluster made --year 2023
echo "✔ production install serves and imports"
