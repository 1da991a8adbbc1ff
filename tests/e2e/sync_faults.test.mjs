// Sync when things go wrong: the server killed in the middle of a push or a pull and
// restarted from its data folder, a page closed in the middle of a pull, the server's
// checkpoints lost.
// Each time every document arrives once, with the sender's revision, and a second sync
// sends nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { couchAdmin, root, storedDocs, until, useSyncSite, winner } from './harness.mjs';
import { SyncPanel } from './pages/sync.mjs';

const USERS = [['wang', 'pw-wang', 'steward:dongtangcun'], ['zhao', 'pw-zhao', 'steward:dongtangcun']];
const MANY = 230; // three batches of 100

/** Reports of this compound as the first store kept them (moved into documents on load). */
function manyReports(prefix) {
  const [first] = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reports_v0.json'), 'utf8'));
  return Array.from({ length: MANY }, (_, i) => ({
    ...first, id: `R20261101-${prefix}${String(i).padStart(4, '0')}`, description: `批量 ${i}`,
  }));
}

/** The server's report documents: id → winning revision. */
async function serverReports(couch) {
  const all = await couchAdmin(couch, 'GET', 'r-dongtangcun/_all_docs');
  return new Map(all.rows.filter((r) => r.id.startsWith('report:')).map((r) => [r.id, r.value.rev]));
}

/** The phone's report documents: id → [winning revision, number of leaves]. */
async function phoneReports(page) {
  return new Map((await storedDocs(page, 'report')).map((d) => [d._id, [winner(d.tree).rev, d.tree.leaves.length]]));
}

/** Counts the `_bulk_docs`, `_bulk_get` and `_revs_diff` requests a page makes. */
function countBulk(page) {
  const seen = { docs: 0, get: 0, diff: 0 };
  page.on('request', (r) => {
    if (r.url().includes('/_bulk_docs')) seen.docs += 1;
    if (r.url().includes('/_revs_diff')) seen.diff += 1;
    if (r.url().includes('/_bulk_get')) seen.get += 1;
  });
  return seen;
}

/** Stops the sync server the first time a request matching `pattern` finds `now(route)`
 *  true, then lets the request go (it fails, as when the server dies); returns whether it has. */
async function killOn(page, env, pattern, now) {
  let killed = false;
  await page.route(pattern, async (route) => {
    if (!killed && (await now(route))) {
      killed = true;
      await env.couch.stop();
    }
    await route.continue();
  });
  return () => killed;
}

/** The server back from its data folder. The stand-in forgets sessions when it restarts
 *  (CouchDB keeps them): the phone says so, keeps the name, and goes on once its person
 *  signs in again. */
async function restartAndSignIn(env, page, sync, name, password) {
  await env.restart();
  await sync.problem.filter({ hasText: '登录已过期' }).waitFor({ timeout: 60000 });
  assert.equal(await page.getByLabel('用户名').inputValue(), name);
  await sync.signIn(name, password);
}

/** 立即同步 once more after the phone is up to date: what that pass asked and sent. */
async function secondSync(page, sync) {
  await sync.upToDate();
  const bulk = countBulk(page);
  await sync.syncNow();
  await sync.state.filter({ hasText: /^正在同步/ }).waitFor().catch(() => {});
  await sync.upToDate();
  return bulk;
}

/** Every report of the server on the phone, once, at the server's revision. */
async function assertAsServer(page, env) {
  const theirs = await serverReports(env.couch);
  await until(async () => (await phoneReports(page)).size === theirs.size, 30000, 'every report on the phone');
  for (const [id, [rev, leaves]] of await phoneReports(page)) {
    assert.equal(rev, theirs.get(id), `${id} as the server has it`);
    assert.equal(leaves, 1, `${id} stored once`);
  }
}

describe('sync faults', () => {
  const env = useSyncSite({ users: USERS, keepData: true });

  it('the server killed mid-push and restarted: every document arrives once, with the phone\'s revision; a second sync sends nothing', async () => {
    const context = await env.phones.newPhone();
    const reports = manyReports('P');
    await context.addInitScript((seed) => {
      if (!localStorage.getItem('cs.device')) localStorage.setItem('cs.reports', seed);
    }, JSON.stringify(reports));
    const page = await context.newPage();
    // The server dies after it has stored the first batch and before the checkpoint.
    const killed = await killOn(page, env, '**/db/r-dongtangcun/_local/*',
      async (route) => route.request().method() === 'PUT' && (await serverReports(env.couch)).size > 0);
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('wang', 'pw-wang');
    await until(killed, 30000, 'the kill');
    await sync.problem.filter({ hasText: '连不上服务器' }).waitFor();
    assert.equal((await phoneReports(page)).size, MANY, 'nothing lost on the phone');

    await restartAndSignIn(env, page, sync, 'wang', 'pw-wang');
    await until(async () => (await serverReports(env.couch)).size === MANY, 60000, 'every report on the server');
    const mine = await phoneReports(page);
    for (const [id, rev] of await serverReports(env.couch)) {
      assert.equal(rev, mine.get(id)[0], `${id} has the phone's revision`);
    }
    const bulk = await secondSync(page, sync);
    assert.equal(bulk.docs, 0, 'a second sync sends nothing');
    assert.equal(bulk.diff, 0, 'and has nothing to ask about: both checkpoints agree');
    await context.close();
  });

  it('a request the server finds too large (413) goes again in halves: every report arrives, once', async () => {
    const context = await env.phones.newPhone();
    const reports = manyReports('T').slice(0, 40);
    await context.addInitScript((seed) => {
      if (!localStorage.getItem('cs.device')) localStorage.setItem('cs.reports', seed);
    }, JSON.stringify(reports));
    const page = await context.newPage();
    // The server (or a proxy in front of it) takes at most 10 documents a request.
    const sizes = [];
    await page.route('**/db/r-dongtangcun/_bulk_docs', async (route) => {
      const docs = JSON.parse(route.request().postData()).docs.length;
      sizes.push(docs);
      if (docs > 10) return route.fulfill({ status: 413, contentType: 'application/json', body: '{"error":"too_large","reason":"the request entity is too large"}' });
      return route.continue();
    });
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('zhao', 'pw-zhao');
    const ours = new Set(reports.map((r) => `report:${r.id}`));
    await until(async () => [...(await serverReports(env.couch)).keys()].filter((id) => ours.has(id)).length === reports.length,
      60000, 'every report on the server');
    assert.ok(sizes.some((n) => n > 10), 'a request was refused as too large');
    assert.ok(sizes.filter((n) => n <= 10).reduce((a, b) => a + b, 0) >= reports.length, 'then sent in smaller ones');
    await context.close();
  });

  it('the server killed mid-pull and restarted: the phone resumes and stores each report once, as the server has it', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    let batches = 0;
    const killed = await killOn(page, env, '**/db/r-dongtangcun/_bulk_get*', () => (batches += 1) === 2);
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('zhao', 'pw-zhao');
    await until(killed, 30000, 'the kill');
    await sync.problem.filter({ hasText: '连不上服务器' }).waitFor();
    const before = (await phoneReports(page)).size;
    assert.ok(before > 0 && before < MANY, `the first batch is kept (${before})`);

    await restartAndSignIn(env, page, sync, 'zhao', 'pw-zhao');
    await assertAsServer(page, env);
    const bulk = await secondSync(page, sync);
    assert.equal(bulk.get, 0, 'a second sync fetches nothing');
    await context.close();
  });

  it('a revision the server answers with an error is asked for again, not passed over: it arrives on the next pass', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    // The first _bulk_get of the stewards' records: one document answered with an error,
    // as CouchDB answers a revision it cannot give (the rest of the batch is fine).
    let failed = null;
    await page.route('**/db/r-dongtangcun/_bulk_get*', async (route) => {
      if (failed) return route.continue();
      const response = await route.fetch();
      const answer = await response.json();
      const victim = answer.results.find((r) => r.docs.some((d) => d.ok));
      failed = victim.id;
      victim.docs = [{ error: { id: victim.id, rev: victim.docs[0].ok._rev, error: 'not_found', reason: 'missing' } }];
      return route.fulfill({ response, json: answer });
    });
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('zhao', 'pw-zhao');
    await sync.problem.filter({ hasText: '服务器这次没有给出一条记录' }).waitFor({ timeout: 30000 });
    assert.ok(await sync.problem.isVisible(), 'the person is told, in words');
    // The next pass (after the back-off) brings it, and everything else, as the server has it.
    await assertAsServer(page, env);
    assert.ok((await phoneReports(page)).has(failed), `${failed} arrived`);
    await context.close();
  });

  it('a server without _bulk_get (as CouchDB before 2.0 answers): each document comes by open_revs, stored as the server has it', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const asked = { bulkGet: 0, openRevs: 0 };
    await page.route('**/db/*/_bulk_get*', (route) => {
      asked.bulkGet += 1;
      return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"not_found","reason":"missing"}' });
    });
    page.on('request', (r) => {
      if (r.url().includes('open_revs=')) asked.openRevs += 1;
    });
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('zhao', 'pw-zhao');
    await assertAsServer(page, env);
    assert.ok(asked.bulkGet >= 1, 'asked for _bulk_get first');
    assert.ok(asked.openRevs >= MANY, `then one document at a time (${asked.openRevs})`);
    await sync.upToDate();
    const problems = (await sync.problem.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    assert.deepEqual(problems, [], 'and no problem shown');
    await context.close();
  });

  it('a page closed mid-pull resumes without duplicates; lost server checkpoints mean a full rescan that stores nothing twice', async () => {
    const context = await env.phones.newPhone();
    let page = await context.newPage();
    let pages = 0;
    await page.route('**/db/r-dongtangcun/_bulk_get*', async (route) => {
      pages += 1;
      // The phone is put away after the first batch is stored.
      if (pages === 2) return page.close();
      await route.continue();
    });
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('zhao', 'pw-zhao');
    await until(() => page.isClosed(), 30000, 'the page to close');

    page = await context.newPage();
    const again = await SyncPanel.open(page, env.site.url);
    await again.upToDate();
    await assertAsServer(page, env);
    const rows = (await storedDocs(page, 'report')).map((d) => d.seq);

    // The server lost its checkpoints: the phone starts over from the beginning.
    await page.route('**/db/*/_local/*', (route) => (route.request().method() === 'GET'
      ? route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"not_found","reason":"missing"}' })
      : route.continue()));
    const changes = [];
    page.on('request', (r) => { if (r.url().includes('r-dongtangcun/_changes?style')) changes.push(r.url()); });
    const bulk = countBulk(page);
    await again.syncNow();
    await until(() => changes.some((u) => u.endsWith('since=0')), 20000, 'a rescan from the start');
    await again.upToDate();
    assert.equal(bulk.get, 0, 'nothing fetched again');
    assert.equal(bulk.docs, 0, 'nothing sent again');
    assert.deepEqual((await storedDocs(page, 'report')).map((d) => d.seq), rows, 'no document stored twice');
    await context.close();
  });
  it('a database the server lacks does not hold up the others: the rest syncs, and the person is told which', async () => {
    // The compound's public roster is gone from the server (a district that has not set
    // it up yet); the stewards' records database is there.
    const gone = await couchAdmin(env.couch, 'DELETE', 'c-dongtangcun');
    assert.equal(gone.ok, true);
    try {
      const context = await env.phones.newPhone();
      const page = await context.newPage();
      const sync = await SyncPanel.open(page, env.site.url);
      await sync.signIn('wang', 'pw-wang');
      await sync.problem.filter({ hasText: 'c-dongtangcun' }).waitFor({ timeout: 30000 });
      assert.ok(await sync.problem.isVisible(), 'the missing database named');
      // The stewards' records still came in, as the server has them.
      await assertAsServer(page, env);
      // Each database's own state on the panel: the missing one failing and tried again
      // on its own, the other synced.
      const failing = page.locator('[data-sync-db="c-dongtangcun"]');
      await failing.filter({ hasText: '将于此时再试' }).waitFor();
      assert.match(await failing.innerText(), /东塘村小区 · 花名册和公告/);
      const synced = page.locator('[data-sync-db="r-dongtangcun"]');
      await synced.filter({ hasText: '已同步，' }).waitFor();
      for (const line of [failing, synced]) {
        const box = await line.boundingBox();
        assert.ok(box && box.width > 0 && box.height > 0, 'said on screen');
      }
      await context.close();
    } finally {
      // Back as the set-up makes it, for whoever runs after.
      const { spawnSync } = await import('node:child_process');
      spawnSync(process.execPath, [join(root, 'deploy', 'setup.mjs'), 'init'], { env: { ...process.env, COUCH: env.couch.admin }, stdio: 'ignore' });
    }
  });
});
