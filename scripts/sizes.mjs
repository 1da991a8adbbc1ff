// Prints what a resident's first visit downloads (the browse entry's html, js, wasm and
// css, and the published data the page needs), raw and brotli-compressed as a static host serves it, against the
// 150 KB budget in DESIGN.md. With --check it also fails when the brotli total grows past
// the ratchet in bench/size-ratchet.json (a byte size is stable, unlike a timing): lower
// the ratchet whenever the total shrinks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const BUDGET = 150 * 1024;
const ratchet = JSON.parse(readFileSync(new URL('../bench/size-ratchet.json', import.meta.url), 'utf8'));
const firstLoad = readdirSync(dist)
  .filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== '404.html' && f !== 'sw.js')
  .sort()
  .concat(['data/district.json']);
let raw = 0;
let br = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('first load                      raw     brotli');
for (const file of firstLoad) {
  const bytes = readFileSync(join(dist, file));
  const compressed = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += bytes.length;
  br += compressed;
  console.log(`${file.replace(/-[0-9a-f]{12,16}/, '').padEnd(28)} ${kb(bytes.length).padStart(10)} ${kb(compressed).padStart(10)}`);
}
console.log(`${'total'.padEnd(28)} ${kb(raw).padStart(10)} ${kb(br).padStart(10)}  (budget ${kb(BUDGET)} brotli: ${br <= BUDGET ? 'within' : 'OVER'}; ratchet ${kb(ratchet.resident_brotli_bytes)})`);
// The resident app (dist/app/: reports, settings, the poster, hand-off links) and the
// steward console (dist/steward/) are entries of their own: reported, not budgeted.
function entry(dir, label, note) {
  const folder = join(dist, dir);
  if (!existsSync(folder)) return;
  let entryBr = 0;
  let entryRaw = 0;
  for (const file of readdirSync(folder).filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== '404.html' && f !== 'sw.js')) {
    const bytes = readFileSync(join(folder, file));
    entryRaw += bytes.length;
    entryBr += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`${label.padEnd(28)} ${kb(entryRaw).padStart(10)} ${kb(entryBr).padStart(10)}  (${note})`);
}
entry('app', 'resident app (/app/)', 'loaded on the way to a report, settings, a poster, a link');
entry('steward', 'steward console (/steward/)', 'its own entry; residents never load it');
if (check && br > ratchet.resident_brotli_bytes) {
  console.error(`sizes: the resident's first load grew to ${br} bytes brotli, past the ratchet of ${ratchet.resident_brotli_bytes} (bench/size-ratchet.json). Find what grew (twiggy) or, if it must, raise the ratchet in the same commit and say why.`);
  process.exit(1);
}
