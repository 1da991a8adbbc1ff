// Prints what a resident's first visit downloads, raw and brotli-compressed as a static
// host serves it, against its budget in docs/DESIGN.md: for `/` (the browse entry's html, js,
// wasm and css, and the published data the page needs) and for a building's card, the QR
// path (the pre-rendered card page, the card entry's js, wasm and css, and the data),
// 150 KB each; for the report form, `/report/new` (the report entry's page, js, wasm and
// css, and the data), 200 KB. With --check it also fails when a brotli total grows past
// its ratchet in bench/size-ratchet.json (a byte size is stable, unlike a timing): lower
// a ratchet whenever its total shrinks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const BUDGET = 150 * 1024;
const ratchet = JSON.parse(readFileSync(new URL('../bench/size-ratchet.json', import.meta.url), 'utf8'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** A program's own files in `dir`: its page, js, wasm and css. */
const code = (dir) => readdirSync(join(dist, dir))
  .filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== '404.html' && f !== 'sw.js')
  .sort()
  .map((f) => join(dir, f));

/** Prints one first visit's files and total; returns the brotli total. */
function firstLoad(title, files, limit, budget = BUDGET) {
  let raw = 0;
  let br = 0;
  console.log(`${title.padEnd(28)}    raw     brotli`);
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    const compressed = brotli(bytes);
    raw += bytes.length;
    br += compressed;
    console.log(`  ${file.replace(/-[0-9a-f]{12,16}/, '').padEnd(26)} ${kb(bytes.length).padStart(10)} ${kb(compressed).padStart(10)}`);
  }
  console.log(`  ${'total'.padEnd(26)} ${kb(raw).padStart(10)} ${kb(br).padStart(10)}  (budget ${kb(budget)} brotli: ${br <= budget ? 'within' : 'OVER'}; ratchet ${kb(limit)})`);
  return br;
}

const home = firstLoad('first visit to `/`', [...code('.'), 'data/district.json'], ratchet.resident_brotli_bytes);
// A card as the poster opens it: the sample's 东塘村 3栋 (the tests' and the benchmark's).
const cardPage = 'c/dongtangcun/b/3/index.html';
const cardCode = code('card').filter((f) => !f.endsWith('.html'));
const card = existsSync(join(dist, cardPage))
  ? firstLoad('first visit to a card', [cardPage, ...cardCode, 'data/c/dongtangcun.json'], ratchet.card_brotli_bytes)
  : 0;

// The report form as a card's 「在这里报事」 opens it: the report entry (dist/report/new/)
// and the whole published data, which its place picker lists.
const reportDir = 'report/new';
const report = existsSync(join(dist, reportDir))
  ? firstLoad('first visit to /report/new', [...code(reportDir), 'data/district.json'], ratchet.report_brotli_bytes, 200 * 1024)
  : 0;

// The resident app (dist/app/: my reports, a report's page with the send step, settings,
// the poster, hand-off links) and the steward console (dist/steward/) are entries of
// their own, each with its own ratchet (docs/DESIGN.md's budget for the console, 350 KB, is
// not yet met).
function entry(dir, label, note) {
  if (!existsSync(join(dist, dir))) return 0;
  let entryBr = 0;
  let entryRaw = 0;
  for (const file of code(dir)) {
    const bytes = readFileSync(join(dist, file));
    entryRaw += bytes.length;
    entryBr += brotli(bytes);
  }
  console.log(`${label.padEnd(28)} ${kb(entryRaw).padStart(10)} ${kb(entryBr).padStart(10)}  (${note})`);
  return entryBr;
}
const app = entry('app', 'resident app (/app/)', 'loaded on the way to a report\'s page, settings, a poster, a link');
const steward = entry('steward', 'steward console (/steward/)', 'its own entry; residents never load it');
const district = entry('district', 'district dashboard (/district)', 'its own entry, split from the console');

if (check && !card) {
  console.error(`sizes: ${cardPage} was not built: the card entry's first visit cannot be measured`);
  process.exit(1);
}
if (check && !report) {
  console.error(`sizes: ${reportDir}/ was not built: the report entry's first visit cannot be measured`);
  process.exit(1);
}
const over = [
  ['the first visit to `/`', home, ratchet.resident_brotli_bytes],
  ['the first visit to a card', card, ratchet.card_brotli_bytes],
  ['the first visit to /report/new', report, ratchet.report_brotli_bytes],
  ['the resident app', app, ratchet.app_brotli_bytes],
  ['the steward console', steward, ratchet.console_brotli_bytes],
  ['the district dashboard', district, ratchet.district_brotli_bytes],
].filter(([, bytes, limit]) => bytes > limit);
if (check && over.length) {
  for (const [what, bytes, limit] of over) {
    console.error(`sizes: ${what} grew to ${bytes} bytes brotli, past its ratchet of ${limit} (bench/size-ratchet.json). Find what grew (twiggy) or, if it must, raise the ratchet in the same commit and say why.`);
  }
  process.exit(1);
}
