#!/usr/bin/env bash
# Builds both variants and prints their optimised wasm sizes, raw and brotli.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PWD/../../node_modules/.bin:$HOME/.cargo/bin:$PATH"
for app in catalogue leptos-i18n; do
  (cd "$app" && cargo build --release --target wasm32-unknown-unknown --quiet)
  name=$(grep -m1 '^name' "$app/Cargo.toml" | cut -d'"' -f2)
  out=$(mktemp -d)
  wasm-bindgen --target web --out-dir "$out" "$app/target/wasm32-unknown-unknown/release/$name.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types "$out/${name}_bg.wasm" -o "$out/opt.wasm"
  node -e "const f=require('fs'),z=require('zlib');const b=f.readFileSync('$out/opt.wasm');console.log('$app'.padEnd(14), (b.length/1024).toFixed(1)+' KB raw', (z.brotliCompressSync(b).length/1024).toFixed(1)+' KB brotli')"
done
