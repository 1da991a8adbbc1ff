// Sync at scale, reported (never asserted): a fresh phone pulls N reports (default 10,000)
// from the sync server — the tests' stand-in (scripts/couch_stand_in.cjs) on loopback,
// behind the release build's /db/ — then syncs again with nothing new. Prints how long
// each took, how many requests went, and whether the page stayed responsive between
// batches (the longest main-thread task and the longest gap between frames).
//   scripts/build.sh && node scripts/bench_sync.mjs [N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { couchAdmin, root, startBrowser, startCouch, startServer } from '../tests/e2e/harness.mjs';
import { SyncPanel } from '../tests/e2e/pages/sync.mjs';

const N = Number(process.argv[2] ?? 10000);
const couch = await startCouch({ users: [['wang', 'pw-wang', 'steward:dongtangcun']] });
const site = await startServer(join(root, 'dist'), { couch });
const phones = await startBrowser();

try {
  // N reports as another phone would have sent them (first revisions, new_edits: false).
  const [first] = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reports_v0.json'), 'utf8'));
  for (let start = 0; start < N; start += 1000) {
    const docs = Array.from({ length: Math.min(1000, N - start) }, (_, k) => {
      const i = start + k;
      const id = `R20261001-${String(i).padStart(5, '0')}`;
      return { ...first, id, description: `基准 ${i}`, _id: `report:${id}`, _rev: `1-${i.toString(16).padStart(32, '0')}` };
    });
    await couchAdmin(couch, 'POST', 'r-dongtangcun/_bulk_docs', { docs, new_edits: false });
  }

  const context = await phones.newPhone();
  await context.addInitScript(() => {
    // Long tasks and the longest wait between two frames, on the page's clock.
    window.__bench = { longest: 0, tasks: 0, gap: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__bench.tasks += 1;
        window.__bench.longest = Math.max(window.__bench.longest, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    let last = performance.now();
    const frame = (now) => {
      window.__bench.gap = Math.max(window.__bench.gap, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const page = await context.newPage();
  const requests = { all: 0 };
  page.on('request', (r) => { if (r.url().includes('/db/')) { requests.all += 1; if (process.env.SHOW) console.log(r.method(), r.url().split('/db/')[1]); } });
  const sync = await SyncPanel.open(page, site.url);
  await page.evaluate(() => { window.__bench = { longest: 0, tasks: 0, gap: 0 }; });
  const started = Date.now();
  await sync.signIn('wang', 'pw-wang');
  await sync.state.filter({ hasText: new RegExp(`^已同步.*已收到 / 已发出：${N} /`) }).waitFor({ timeout: 600000 });
  const pulled = Date.now() - started;
  const first_pass = { ...(await page.evaluate(() => window.__bench)), requests: requests.all };

  requests.all = 0; if (process.env.SHOW) console.log('--- second');
  await page.evaluate(() => { window.__bench = { longest: 0, tasks: 0, gap: 0 }; });
  const again = Date.now();
  await sync.syncNow();
  await sync.state.filter({ hasText: /^正在同步/ }).waitFor({ timeout: 5000 }).catch(() => {});
  await sync.upToDate();
  const second = Date.now() - again;
  const second_pass = { ...(await page.evaluate(() => window.__bench)), requests: requests.all };

  const ms = (x) => `${Math.round(x)} ms`;
  console.log(`\nSync at scale (${N} reports, one compound; stand-in server on loopback, release build)`);
  console.log('| | time | requests | long tasks | longest task | longest frame gap |');
  console.log('|---|---|---|---|---|---|');
  for (const [what, t, b] of [['fresh phone pulls all', pulled, first_pass], ['second sync, nothing new', second, second_pass]]) {
    console.log(`| ${what} | ${ms(t)} | ${b.requests} | ${b.tasks} | ${ms(b.longest)} | ${ms(b.gap)} |`);
  }
  await context.close();
} finally {
  await phones.browser.close();
  site.stop();
  await couch.stop();
}
