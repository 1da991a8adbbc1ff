// Trunk post_build hook (see Trunk.toml), run for each entry point (the browse entry, the
// resident app, the console): in trunk's staging folder it rewrites trunk's loader (below)
// and writes the Content-Security-Policy into index.html, hashing its inline scripts (the
// loader; in the browse entry also the returning-resident mark) so the policy needs no
// 'unsafe-inline'. The service workers are written once every entry is
// built (scripts/finish_site.mjs), since the resident worker precaches two of them.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR unset)');

const indexPath = join(stage, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// The page paints before the app's code is asked for: trunk's loader imports the JS glue
// (which then fetches the wasm) at once, so on a fast network the first paint of a
// pre-rendered card could wait for the wasm. It now waits for that paint (rAF, then a task;
// at most 100 ms in a hidden tab, where rAF does not run). Pages that want the code at
// once still preload it; the pre-rendered ones (cards, a first visit's `/`) do not
// (src/prerender/).
const loader = /import init, \* as bindings from '([^']+)';\nconst wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
if (!loader.test(html)) throw new Error("post_build: trunk's loader script has changed; update the rewrite");
// The card entry (the QR path) waits longer where its page is a pre-rendered card: the
// card is usable as HTML (names, numbers, tel: and sms: links, nothing that needs the
// app), so the app starts only once the page has loaded and been quiet for a moment —
// the first seconds, when a resident reads and taps "call", never wait for the wasm's
// start (a 200 ms main-thread task on a slow phone). Its plain shell ("loading", served
// offline by the worker) starts at once.
// Said where the app cannot start; the engines and versions supported are in the README.
const TOO_OLD = '这个浏览器太旧，无法打开小区管家：请更新手机系统，或用 Chrome、Firefox、iOS 16.4 以上的 Safari 打开。'
  + ' This browser is too old for this app: update the phone, or use Chrome, Firefox or Safari on iOS 16.4 or later.';
const CARD_WAITS_FOR_QUIET = [
  "if (document.querySelector('#shell .card')) await new Promise((quiet) => {",
  '  const idle = () => (window.requestIdleCallback ?? setTimeout)(quiet, { timeout: 1000 });',
  "  const later = () => setTimeout(idle, 1500);",
  "  if (document.readyState === 'complete') later(); else addEventListener('load', later, { once: true });",
  '});',
].join('\n');
html = html.replace(loader, (_, js, wasm) => [
  'await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 100); });',
  ...(js.startsWith('/card/') ? [CARD_WAITS_FOR_QUIET] : []),
  // A browser that cannot run the app (no WebAssembly, or a CSP it does not know how to
  // read for wasm: Safari before 16) keeps the shell: a pre-rendered card stays usable,
  // and "loading" becomes one plain sentence instead of waiting forever.
  'const started = (async () => {',
  `  const bindings = await import('${js}');`,
  `  return [bindings, await bindings.default({ module_or_path: '${wasm}' })];`,
  '})();',
  `started.catch(() => { const s = document.querySelector('#shell .loading'); if (s) { s.textContent = ${JSON.stringify(TOO_OLD)}; s.setAttribute('role', 'alert'); } });`,
  'const [bindings, wasm] = await started;',
].join('\n'));
// The report entry's page says what the form is for while its code downloads (report.html):
// the wasm is asked for after that first paint, like a pre-rendered page's, not preloaded
// from the head — a first visit's largest paint is then that text, and does not wait on
// the 181 KB of wasm (Lighthouse estimates it from every request started before it).
if (html.includes("import('/report/new/")) {
  html = html.replace(/\n?<link rel="preload" href="[^"]+\.wasm"[^>]*>/, '');
}
// The pages' comments are for whoever reads the source (index.html, card.html, …), not for
// a phone on a slow network: about 900 bytes of `/`'s first visit. The shell's end marker
// stays (the pre-render finds the shell by it: src/prerender/mod.rs).
if ([...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].some((m) => m[1].includes('<!--'))) {
  throw new Error('post_build: an inline script holds "<!--"; strip comments more carefully');
}
html = html.replace(/[ \t]*<!--(?! \/shell -->)[\s\S]*?-->[ \t]*\n?/g, '');
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

console.log(`post_build: CSP with ${hashes.length} script hash(es)`);
