#!/usr/bin/env bash
# The README's first command: install what is missing, build the release app with its
# sample data, and serve it on http://127.0.0.1:8080/ (PORT=… to change). SYNC=1 also runs
# a sync server behind /db/ with demo users (scripts/sync_demo.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
if [ "${SYNC:-}" = 1 ]; then
  exec node scripts/sync_demo.mjs "${PORT:-8080}"
fi
exec node scripts/serve-dist.mjs "${PORT:-8080}" dist
