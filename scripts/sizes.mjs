// Prints the size of what a first visit downloads (html, js, wasm, css), raw and
// brotli-compressed, against the 150 KB budget in DESIGN.md. Reported, never asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET = 150 * 1024;
const firstLoad = readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== '404.html' && f !== 'sw.js');
let raw = 0;
let br = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('first load      raw         brotli');
for (const file of firstLoad.sort()) {
  const bytes = readFileSync(join(dist, file));
  const compressed = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += bytes.length;
  br += compressed;
  console.log(`${file.replace(/-[0-9a-f]{16}/, '').padEnd(28)} ${kb(bytes.length).padStart(10)} ${kb(compressed).padStart(10)}`);
}
console.log(`${'total'.padEnd(28)} ${kb(raw).padStart(10)} ${kb(br).padStart(10)}  (budget ${kb(BUDGET)} brotli: ${br <= BUDGET ? 'within' : 'OVER'})`);
