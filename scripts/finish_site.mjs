// Run by scripts/build.sh once every entry point is built, before the compressed copies.
// 1. The site's Content-Security-Policy for a server to send as a header (dist/csp.txt):
//    each entry's page carries its own in a meta tag (scripts/post_build.mjs), allowing its
//    own inline scripts; the header allows those of all of them.
// 2. The two service workers from public/sw.js, each with the exact list of files to
//    precache and a version derived from their contents, never written by hand:
//  - dist/sw.js (scope /): the card entry (dist/card/), the browse entry (dist/), the
//    report entry (dist/report/new/) and the resident app (dist/app/), the published
//    data, icons and manifest — everything a resident needs offline. Not the
//    pre-rendered cards (one per building: the card entry's plain shell,
//    card/index.html, answers them offline), nor the console.
//  - dist/steward/sw.js (scope /steward/): the console's build, and the published data a
//    steward needs to open report links offline.
// Usage: node scripts/finish_site.mjs [dist]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workerVersion } from '../deploy/publish.mjs';

const dist = process.argv[2] ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Site paths (`/app/index.html`) of the built files under `dir`, but what `skip` names. */
function built(dir, skip) {
  return [...files(join(dist, dir))]
    .map((p) => '/' + relative(dist, p).split('\\').join('/'))
    .filter((p) => !skip(p))
    .sort();
}

function write(base, precache) {
  // The same version the publishing job recomputes after republishing a roster.
  const sw = readFileSync('public/sw.js', 'utf8')
    .replace('__VERSION__', workerVersion(dist, precache))
    .replace('__BASE__', base)
    .replace('__PRECACHE__', JSON.stringify(precache, null, 2));
  writeFileSync(join(dist, base, 'sw.js'), sw);
  console.log(`finish_site: ${base}sw.js precaches ${precache.length} files`);
}

const policies = ['csp.txt', 'card/csp.txt', 'report/new/csp.txt', 'app/csp.txt', 'steward/csp.txt', 'district/csp.txt'].map((p) => readFileSync(join(dist, p), 'utf8').trim());
const inline = new Set(policies.flatMap((p) => p.match(/'sha256-[^']+'/g) ?? []));
const site = policies[0].replace(/script-src [^;]*/, `script-src 'self' 'wasm-unsafe-eval' ${[...inline].join(' ')}`);
writeFileSync(join(dist, 'csp.txt'), site + '\n');
console.log(`finish_site: csp.txt allows ${inline.size} inline scripts`);

const notCached = /(\/sw\.js|\/404\.html|\/csp\.txt|\.br|\.gz)$/;
write('/', built('.', (p) => notCached.test(p) || /^\/(steward|district|c)\//.test(p)));
write('/steward/', [...built('steward', (p) => notCached.test(p)), '/data/district.json'].sort());
