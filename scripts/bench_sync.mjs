// Sync at scale beside the reference client, reported (never asserted). A fresh steward
// phone pulls N reports (default 10,000), P of them with a photo (default 500), from the
// sync server — the tests' stand-in (scripts/couch_stand_in.cjs) on loopback, behind the
// release build's /db/ and the relay's door — in the same browser, in the same run, by
// this app and by PouchDB 9 (`replicate.from`, its defaults, into IndexedDB), alternating
// runs; then this app syncs again with nothing new. Prints medians: time, requests, long
// tasks, the longest task and the JS heap after.
//   scripts/build.sh && node scripts/bench_sync.mjs [N] [P] [RUNS]
// PouchDB's browser build comes from the npm registry at run time (`npm pack pouchdb@9.0.0`
// into a temporary folder): nothing of it is kept in the repository.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { couchAdmin, root, startBrowser, startCouch, startServer } from '../tests/e2e/harness.mjs';
import { SyncPanel } from '../tests/e2e/pages/sync.mjs';

const N = Number(process.argv[2] ?? 10000);
const P = Number(process.argv[3] ?? 500);
const RUNS = Number(process.argv[4] ?? 3);

function pouchdbBrowserBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'cs-pouchdb-'));
  execFileSync('npm', ['pack', 'pouchdb@9.0.0', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('tar', ['xzf', 'pouchdb-9.0.0.tgz', 'package/dist/pouchdb.min.js'], { cwd: dir });
  return readFileSync(join(dir, 'package', 'dist', 'pouchdb.min.js'), 'utf8');
}

/** A camera-like JPEG of about 60 KB (noise does not compress), drawn by the browser. */
async function photoBase64(page) {
  return page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 640;
    c.height = 480;
    const g = c.getContext('2d');
    const img = g.createImageData(640, 480);
    for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 2654435761) >>> 24;
    g.putImageData(img, 0, 0);
    return c.toDataURL('image/jpeg', 0.8).split(',')[1];
  });
}

const couch = await startCouch({ users: [['wang', 'pw-wang', 'steward:dongtangcun']] });
const site = await startServer(join(root, 'dist'), { couch });
const phones = await startBrowser();
const pouchdb = pouchdbBrowserBuild();

/** Long tasks on the page's clock. */
const watchTasks = () => {
  window.__bench = { longest: 0, tasks: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__bench.tasks += 1;
      window.__bench.longest = Math.max(window.__bench.longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
};

const heap = (page) => page.evaluate(async () => {
  if (globalThis.gc) gc();
  return performance.memory?.usedJSHeapSize ?? 0;
});

async function appRun() {
  const context = await phones.newPhone();
  await context.addInitScript(watchTasks);
  const page = await context.newPage();
  let requests = 0;
  page.on('request', (r) => { if (r.url().includes('/db/')) requests += 1; });
  const sync = await SyncPanel.open(page, site.url);
  await page.evaluate(() => { window.__bench = { longest: 0, tasks: 0 }; });
  const started = Date.now();
  await sync.signIn('wang', 'pw-wang');
  await sync.state.filter({ hasText: new RegExp(`^已同步.*已收到 / 已发出：${N} /`) }).waitFor({ timeout: 900000 });
  // Then every photo in the photo store.
  for (;;) {
    const photos = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('cs-photos', 1);
      open.onsuccess = () => {
        const req = open.result.transaction('photos').objectStore('photos').count(IDBKeyRange.bound('R', 'S'));
        req.onsuccess = () => { open.result.close(); resolve(req.result); };
      };
    }));
    if (photos >= P) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const time = Date.now() - started;
  const first = { time, requests, ...(await page.evaluate(() => window.__bench)), heap: await heap(page) };
  requests = 0;
  await page.evaluate(() => { window.__bench = { longest: 0, tasks: 0 }; });
  const again = Date.now();
  await sync.syncNow();
  await sync.state.filter({ hasText: /^正在同步/ }).waitFor({ timeout: 5000 }).catch(() => {});
  await sync.upToDate();
  const second = { time: Date.now() - again, requests, ...(await page.evaluate(() => window.__bench)), heap: await heap(page) };
  await context.close();
  return { first, second };
}

async function pouchRun() {
  const context = await phones.newPhone();
  await context.addInitScript(watchTasks);
  const page = await context.newPage();
  let requests = 0;
  page.on('request', (r) => { if (r.url().includes('/db/')) requests += 1; });
  if (process.env.SHOW) page.on('response', (r) => { if (r.status() >= 300) console.log(r.status(), r.request().method(), r.url()); });
  if (process.env.SHOW) page.on('console', (m) => console.log('console', m.text().slice(0, 300)));
  // Same origin as the app (a page of the site), the same session cookie.
  await page.goto(`${site.url}/manifest.webmanifest`);
  await page.addScriptTag({ content: pouchdb });
  await page.evaluate(() => { window.__bench = { longest: 0, tasks: 0 }; });
  const started = Date.now();
  const docs = await page.evaluate(async () => {
    await fetch('/db/_session', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'wang', password: 'pw-wang' }) });
    const local = new PouchDB('bench');
    const remote = new PouchDB(`${location.origin}/db/r-dongtangcun`, { fetch: (url, opts) => PouchDB.fetch(url, { ...opts, credentials: 'include' }) });
    const result = await local.replicate.from(remote);
    if (result.doc_write_failures) console.log('PouchDB write failures', JSON.stringify(result.errors).slice(0, 500));
    // Every document stored (its `info().doc_count` lags behind attachments' writes).
    return result.docs_written;
  });
  const time = Date.now() - started;
  const run = { time, requests, docs, ...(await page.evaluate(() => window.__bench)), heap: await heap(page) };
  await context.close();
  return run;
}

try {
  // N reports as residents' phones would have sent them, P with a photo (first revisions,
  // new_edits: false).
  const [first] = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reports_v0.json'), 'utf8'));
  const seedPage = await (await phones.newPhone()).newPage();
  const photo = await photoBase64(seedPage);
  const every = P > 0 ? Math.floor(N / P) : Infinity;
  for (let start = 0; start < N; start += 500) {
    const docs = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
      const i = start + k;
      const id = `R20261001-${String(i).padStart(5, '0')}`;
      const withPhoto = i % every === 0 && i / every < P;
      const key = `${id}-p1`;
      return {
        ...first, id, description: `基准 ${i}`, _id: `report:${id}`, _rev: `1-${i.toString(16).padStart(32, '0')}`,
        photos: withPhoto ? [key] : [],
        ...(withPhoto ? { _attachments: { [key]: { content_type: 'image/jpeg', data: photo } } } : {}),
      };
    });
    await couchAdmin(couch, 'POST', 'r-dongtangcun/_bulk_docs', { docs, new_edits: false });
  }
  console.log(`seeded ${N} reports, ${P} with a ${Math.round((photo.length * 3) / 4 / 1024)} KB photo`);

  const runs = { app: [], again: [], pouch: [] };
  for (let r = 0; r < RUNS; r++) {
    const app = await appRun();
    runs.app.push(app.first);
    runs.again.push(app.second);
    runs.pouch.push(await pouchRun());
    console.log(`run ${r + 1}: app ${app.first.time} ms, PouchDB ${runs.pouch.at(-1).time} ms (${runs.pouch.at(-1).docs} docs)`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = (what, list) => {
    const m = (k) => median(list.map((x) => x[k]));
    return `| ${what} | ${(m('time') / 1000).toFixed(1)} s | ${m('requests')} | ${m('tasks')} | ${Math.round(m('longest'))} ms | ${(m('heap') / 1048576).toFixed(0)} MB |`;
  };
  console.log(`\nSync at scale: ${N} reports, ${P} photos, one compound; stand-in on loopback, release build; medians of ${RUNS} alternating runs`);
  console.log('| | time | requests | long tasks | longest task | JS heap after |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('this app: fresh steward phone pulls all (reports, then photos)', runs.app));
  console.log(row('PouchDB 9 `replicate.from` into IndexedDB, same browser', runs.pouch));
  console.log(row('this app: second sync, nothing new', runs.again));
} finally {
  await phones.browser.close();
  site.stop();
  await couch.stop();
}
