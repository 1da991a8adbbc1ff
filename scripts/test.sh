#!/usr/bin/env bash
# The README's second command: every test. Native Rust tests (domain, store, migrations),
# lints, the release build, the server's rules over plain HTTP, then the browser tests in headless Chromium, then the
# residents' and stewards' journeys in WebKit and Gecko.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings
node tests/no_inner_html.mjs

echo "== Rust tests (native)"
cargo test

echo "== release build"
scripts/build.sh
# A byte size is stable: the resident's first load may not grow past its ratchet.
node scripts/sizes.mjs dist --check > /dev/null

echo "== the district server's rules (docs/SECURITY.md): unit, permission matrix, attacks"
# Plain HTTP against the test server with the relay and its door; no browser. After the
# build: the relay's rules read the app's categories and roles from deploy/prerender.wasm.
node --test --test-concurrency=1 --test-timeout=300000 tests/server/

echo "== browser tests (headless Chromium, 390×844)"
# The timeout also bounds each file as a whole (node runs every file as one test): the
# accessibility file checks 15 routes in six ways and takes about two minutes.
node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

echo "== browser journeys in WebKit and Gecko"
# One file per engine, one after the other (2 cores); each file's journeys share one
# browser, so the timeout bounds a whole engine.
node --test --test-concurrency=1 --test-timeout=600000 tests/engines/
