// The pre-render (src/bin/prerender.rs), a wasm module built by scripts/build.sh beside
// this file: the cards and pages it writes, and the app's own lists of categories and
// roles for the relay's rules (so the server keeps no copy of them). No packages.
import { readFileSync } from 'node:fs';

const WASM = new URL('./prerender.wasm', import.meta.url);

function instantiate(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`缺少 ${path.pathname ?? path}：先运行 scripts/build.sh / ${path.pathname ?? path} is missing: run scripts/build.sh first (${e.code})`);
  }
  const module = new WebAssembly.Module(bytes);
  // The library it shares with the app links the browser's glue, which the pre-render
  // never calls: every import is a function that says so if it ever were.
  const imports = {};
  for (const i of WebAssembly.Module.imports(module)) {
    imports[i.module] ??= {};
    imports[i.module][i.name] = () => { throw new Error(`prerender.wasm called ${i.name}`); };
  }
  return new WebAssembly.Instance(module, imports).exports;
}

function answerOf(exports, out) {
  const text = Buffer.from(new Uint8Array(exports.memory.buffer, out, exports.answer_len())).toString('utf8');
  return JSON.parse(text);
}

/** The pre-render as a function `(input, entry)`: `entry` is 'republish' (rosters into a
 *  built site: deploy/publish.mjs) or 'build' (every pre-rendered file:
 *  scripts/prerender.mjs, at build time). */
export async function loadPrerender(path = WASM) {
  const exports = instantiate(path);
  return (input, entry = 'republish') => {
    const bytes = Buffer.from(JSON.stringify(input), 'utf8');
    const ptr = exports.alloc(bytes.length);
    new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
    return answerOf(exports, exports[entry](ptr, bytes.length));
  };
}

/** The app's categories, roles, who may take which change step and from which statuses,
 *  as serde writes them (`vocabulary` in src/bin/prerender.rs). */
export function vocabulary(path = WASM) {
  const exports = instantiate(path);
  return answerOf(exports, exports.vocabulary());
}
