// Writes a brotli (.br) and a gzip (.gz) copy beside every text and wasm file of the
// build, as a production static host serves them (nginx brotli_static/gzip_static), so
// the app is measured and tested the way residents download it. Run by scripts/build.sh.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { COMPRESSIBLE, compressed } from '../deploy/publish.mjs';

const dist = process.argv[2] ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(name))) yield path;
  }
}

let count = 0;
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  const { br, gz } = compressed(bytes);
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  count += 1;
}
console.log(`compress: ${count} files as .br and .gz`);
