#!/usr/bin/env bash
# Builds the release app into dist/ and prints the first-load sizes, raw and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Six entry points sharing one library (src/format/entry_points.rs says which answers a
# path). First the browse entry: `/`, the directory, battle maps and cards, kept small.
trunk build --release --offline
# The card entry: one building's card, what the QR poster opens — the smallest program,
# under /card/; every pre-rendered card page below loads it.
trunk build card.html --release --offline --dist dist/card --public-url /card/
# The resident app (reports, settings, the poster, hand-off links) under /app/; its page is
# what static hosts serve for any other path (404.html, and the servers' fallback).
trunk build app.html --release --offline --dist dist/app --public-url /app/
cp dist/app/index.html dist/404.html
# The report entry: the report form alone, what a card's 「在这里报事」 opens — built into the
# folder of its path, so a static host serves /report/new as that folder's index.html.
trunk build report.html --release --offline --dist dist/report/new --public-url /report/new/
# The steward console: its own page and wasm under /steward/, so residents never load it.
trunk build steward.html --release --offline --dist dist/steward --public-url /steward/
# The district dashboard: its own page and wasm at /district, so a steward's first visit to
# the console does not download it (it needs the network, as before: no worker caches it).
trunk build district.html --release --offline --dist dist/district --public-url /district/
# The browse entry's page at its other paths (its plain shell: the worker's page for them
# offline); every building card as plain HTML on the card entry's page, so the QR path
# paints before the wasm arrives, and `/` for a first visit with the directory in it.
# The pre-render is a wasm module (the card is the app's own component written as HTML, and
# the components exist in the wasm build only) that Node runs: here, and later the server's
# publishing job and the office's republish command (deploy/publish.mjs), with no Rust
# toolchain where they run.
mkdir -p dist/compounds && cp dist/index.html dist/compounds/index.html
cargo build --quiet --release --target wasm32-unknown-unknown --features prerender --bin prerender
cp target/wasm32-unknown-unknown/release/prerender.wasm deploy/prerender.wasm
node scripts/prerender.mjs dist
# The site's CSP header and the service workers, with the exact list of what each precaches.
node scripts/finish_site.mjs dist
# Compressed copies, served as a production static host serves them.
node scripts/compress.mjs dist
node scripts/sizes.mjs
