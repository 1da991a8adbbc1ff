// The build's pre-render (scripts/build.sh, after trunk): runs deploy/prerender.wasm
// (src/bin/prerender.rs, built with `--features prerender`) on the built site and writes
// what it answers — every building card as HTML on the card entry's page (the app's own
// card component written as HTML), the browse entry's page under every compound's path,
// each compound's own data file, `/` for a first visit with the directory in it, and what
// residents see of the office's records (data/records.json: 业委会 and contracts, no names).
// The same module republishes rosters later (deploy/publish.mjs).
// Usage: node scripts/prerender.mjs [dist]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPrerender } from '../deploy/publish.mjs';

const dist = process.argv[2] ?? 'dist';
const read = (p) => readFileSync(join(dist, p), 'utf8');
const prerender = await loadPrerender();
const answer = prerender({
  dataset: read('data/district.json'),
  // Cards load the card entry (src/card.rs), the smallest program.
  card: read('card/index.html'),
  // The browse entry's page with its plain shell (scripts/build.sh copies it there before
  // this runs): `index.html` itself becomes the home page, so a second run starts from
  // the same template as the first.
  browse: read('compounds/index.html'),
  // The office's sample records: residents' pages show their public part (data/records.json).
  governance: read('data/governance.json'),
}, 'build');
if (!answer.ok) {
  for (const r of answer.refused) console.error(`prerender: ${r.en}`);
  process.exit(1);
}
for (const f of answer.files) {
  mkdirSync(dirname(join(dist, f.path)), { recursive: true });
  writeFileSync(join(dist, f.path), f.text);
}
const count = (re) => answer.files.filter((f) => re.test(f.path)).length;
console.log(`prerender: ${count(/\/b\//)} building cards as HTML, the browse page under ${count(/^c\/[^/]+\/index\.html$/)} compounds, each compound's data file and /`);
