// Fails the build if any Rust source sets inner HTML: user text must never become markup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* rustFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* rustFiles(path);
    else if (path.endsWith('.rs')) yield path;
  }
}

const offenders = [];
for (const file of rustFiles('src')) {
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (/inner_html|innerHTML|outer_html|insertAdjacentHTML/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
  });
}
if (offenders.length) {
  console.error('inner HTML is not allowed (user text must stay text):\n' + offenders.join('\n'));
  process.exit(1);
}
console.log('no inner_html in src/: ok');
