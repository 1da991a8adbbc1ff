#!/usr/bin/env bash
# Builds the release app into dist/ and prints the first-load sizes, raw and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
# The steward console: its own page and wasm under /steward/, so residents never load it.
trunk build steward.html --release --offline --dist dist/steward --public-url /steward/
# The district dashboard is the console's too: its page at /district.
mkdir -p dist/district && cp dist/steward/index.html dist/district/index.html
# Every building card as plain HTML, so the QR path paints before the wasm arrives.
cargo run --quiet --bin prerender -- dist
# Compressed copies, served as a production static host serves them.
node scripts/compress.mjs dist
node scripts/sizes.mjs
