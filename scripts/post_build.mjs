// Trunk post_build hook (see Trunk.toml). In trunk's staging folder it:
//  1. writes the Content-Security-Policy into index.html, hashing trunk's inline loader
//     script so the policy needs no 'unsafe-inline';
//  2. writes sw.js from public/sw.js with the exact list of built files to precache and a
//     version derived from their contents;
//  3. copies index.html to 404.html for static hosts that serve it for unknown paths.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR unset)');

const indexPath = join(stage, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
);
export const CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);
writeFileSync(indexPath, html);
writeFileSync(join(stage, 'csp.txt'), CSP + '\n');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
// Each entry point's worker caches its own build under its public URL: `/` for the
// resident app, `/steward/` for the console, which also needs the published data (at
// the site root) to open report links offline.
const base = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const skip = new Set(['sw.js', '404.html', 'csp.txt']);
const built = [...files(stage)]
  .map((p) => relative(stage, p).split('\\').join('/'))
  .filter((p) => !skip.has(p));
const shared = base === '/' ? [] : ['/data/district.json'];
const precache = [...built.map((p) => base + p), ...shared].sort();
const version = createHash('sha256');
for (const p of built) version.update(p).update(readFileSync(join(stage, p)));
const sw = readFileSync('public/sw.js', 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 12))
  .replace('__BASE__', base)
  .replace('__PRECACHE__', JSON.stringify(precache, null, 2));
writeFileSync(join(stage, 'sw.js'), sw);
writeFileSync(join(stage, '404.html'), html);
console.log(`post_build: CSP with ${hashes.length} script hash(es); sw.js precaches ${precache.length} files`);
