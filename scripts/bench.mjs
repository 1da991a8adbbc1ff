// Measures the app against DESIGN.md's data-scale budgets with the scale dataset (565
// compounds, ~31,000 stewards, 10,000 reports) in headless Chromium, and prints a report.
// Reported, never asserted: timings depend on the machine.
//   cargo run --release --example gen_data -- scale target/scale && node scripts/bench.mjs
// With --lighthouse it also runs Lighthouse 12.2.3 (mobile, simulated throttling), three
// alternating runs each, on the home page and a building card (the QR path) of the sample
// build, served compressed, beside the bare-counter floor (bench/floor) built by this script
// with the same tools; Lighthouse comes through npx (downloaded once from the npm registry).
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const scale = 'target/scale';
if (!existsSync(`${scale}/district.json`)) {
  console.error('no scale dataset: run `cargo run --release --example gen_data -- scale target/scale` first');
  process.exit(1);
}
const port = 8765;
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(port), 'dist'], {
  env: { ...process.env, DATA_DIR: scale },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));
const url = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const reports = readFileSync(`${scale}/reports.json`, 'utf8');
const rows = [];
const row = (what, ms, budget) => rows.push([what, ms, budget]);

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((r) => { if (!localStorage.getItem('cs.reports')) localStorage.setItem('cs.reports', r); }, reports);
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${url}/compounds`);
  await page.waitForFunction(() => document.querySelectorAll('.compound-list__item').length > 0, null, { timeout: 60000 });
  row('cold load to a listed directory (565 compounds, 10,000 reports stored)', Date.now() - t0, 'load ≤ 100 ms of data work');
  const count = await page.locator('.directory__count').innerText();
  const search = page.locator('input[name="q"]');
  const times = [];
  // Time from the input event to the updated list, measured inside the page (the input
  // handler, the URL update and the re-render all run before the next macrotask).
  for (const q of ['示', '示例', 'z', 'zs', '第3街道']) {
    times.push(await page.evaluate((value) => new Promise((resolve) => {
      const input = document.querySelector('input[name="q"]');
      input.value = value;
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => resolve(performance.now() - start), 0);
    }), q));
  }
  times.sort((a, b) => a - b);
  row(`search keystroke, median of ${times.length} (list said "${count}")`, times[Math.floor(times.length / 2)].toFixed(1), '≤ 16 ms');
  await search.fill('');
  const t1 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '显示更多' }).click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  row('"show more" in the directory', ((await page.evaluate(() => performance.now())) - t1).toFixed(1), '≤ 100 ms');
  // In-app navigations (the router, not a reload): what a user's tap costs.
  const tap = async (selector, ready) => {
    const start = await page.evaluate(() => performance.now());
    await page.locator(selector).first().click();
    await page.locator(ready).first().waitFor();
    return ((await page.evaluate(() => performance.now())) - start).toFixed(1);
  };
  // The district dashboard is the console's: a page load, not an in-app tap.
  const district = await context.newPage();
  const d0 = Date.now();
  await district.goto(`${url}/district`);
  await district.locator('[data-stat="resolution"]').waitFor({ timeout: 60000 });
  row('load of the district dashboard (the console) over 10,000 reports', Date.now() - d0, 'page load; ≤ 100 ms a tap in-app');
  await district.close();
  await tap('a.app-nav__item[href="/compounds"]', '.compound-list__link');
  row('tap to a compound page with its battle map', await tap('.compound-list__link', '.battle-map'), '≤ 100 ms');
  await page.locator('.battle-map__grid-name').first().click(); // unfold the first grid
  row('tap to a building contact card', await tap('.battle-map__card-link', '.card__role'), '≤ 100 ms');
} finally {
  await browser.close();
  server.kill();
}
console.log('\nbenchmark (desktop viewport, this machine)');
for (const [what, ms, budget] of rows) console.log(`  ${String(ms).padStart(8)} ms  ${what}   [budget ${budget}]`);

if (process.argv.includes('--lighthouse')) await lighthouseTable();

/** Serves `dir` (compressed, as a host would) on a free port; resolves to { url, stop }. */
async function serve(dir, port) {
  const child = spawn(process.execPath, ['scripts/serve-dist.mjs', String(port), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** The bare-counter floor (bench/floor), built with the app's tools if it is not yet. */
function buildFloor() {
  if (!existsSync('bench/floor/dist/index.html')) {
    const built = spawnSync('trunk', ['build', '--release', '--offline'], { cwd: 'bench/floor', stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the floor did not build');
  }
  spawnSync(process.execPath, ['scripts/compress.mjs', 'bench/floor/dist'], { stdio: 'inherit' });
}

/** One Lighthouse 12.2.3 run (mobile defaults, simulated throttling) of `url`. */
function lighthouse(url) {
  const out = join(mkdtempSync(join(tmpdir(), 'lh-')), 'report.json');
  const flags = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
  const run = spawnSync('npx', ['--yes', 'lighthouse@12.2.3', url, '--quiet', '--only-categories=performance',
    '--output=json', `--output-path=${out}`, '--chrome-path=/usr/bin/chromium', `--chrome-flags=${flags}`], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}`);
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  const audit = (id) => lhr.audits[id].numericValue;
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    transfer: audit('total-byte-weight') / 1024,
    fcp: audit('first-contentful-paint') / 1000,
    lcp: audit('largest-contentful-paint') / 1000,
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
  };
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** The app's first visit beside the floor, three alternating runs each, medians. */
async function lighthouseTable() {
  buildFloor();
  console.log('\nbytes per entry point');
  spawnSync(process.execPath, ['scripts/sizes.mjs', 'dist'], { stdio: 'inherit' });
  const app = await serve('dist', 8766);
  const floor = await serve('bench/floor/dist', 8767);
  const pages = [
    ['bare Leptos 0.8 counter + gloo-storage (floor)', `${floor.url}/`],
    ['this app, /', `${app.url}/`],
    ['this app, /c/dongtangcun/b/3 (the QR path)', `${app.url}/c/dongtangcun/b/3`],
    ['steward console, /steward/ (its own entry)', `${app.url}/steward/`],
  ];
  const runs = pages.map(() => []);
  try {
    for (let round = 0; round < 3; round++) {
      pages.forEach(([, url], i) => runs[i].push(lighthouse(url)));
    }
  } finally {
    app.stop();
    floor.stop();
  }
  console.log('\nLighthouse 12.2.3, mobile, simulated throttling, served compressed, first visit; median of 3');
  console.log('| page | transfer | score | FCP | LCP | TBT | CLS |');
  console.log('|---|---|---|---|---|---|---|');
  pages.forEach(([name], i) => {
    const m = (key) => median(runs[i].map((r) => r[key]));
    const scores = runs[i].map((r) => r.score).sort((a, b) => a - b);
    console.log(`| ${name} | ${m('transfer').toFixed(0)} KB | ${m('score')} (${scores[0]}–${scores[2]}) | ${m('fcp').toFixed(2)} s | ${m('lcp').toFixed(2)} s | ${m('tbt').toFixed(0)} ms | ${m('cls').toFixed(3)} |`);
  });
  console.log('| budget (DESIGN.md) | ≤ 150 KB | ≥ 95 | | ≤ 2.0 s | ≤ 150 ms | ≤ 0.02 |');
}
