// The document store (IndexedDB): the first store's localStorage values moved in with
// nothing lost (and resumably), two tabs' concurrent edits kept as a visible conflict,
// and every IndexedDB failure shown in plain words with nothing stored lost.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appReady, deafTab, expectSeen, root, screenshot, settled, storedDocs, storedRecords, storedReports, useSite, watchErrors } from './harness.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { BackupPage } from './pages/settings.mjs';

const site = useSite();

/** The native tests' schema-0 report, and `n` more like it with their own ids. */
function oldReports(n) {
  const [first] = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reports_v0.json'), 'utf8'));
  return [first, ...Array.from({ length: n - 1 }, (_, i) => ({
    ...first,
    id: `R20260801-M${String(i).padStart(4, '0')}`,
    description: `迁移测试 ${i}`,
  }))];
}

/** A compound of the published data with a local edit, as the first store kept it. */
function oldCompounds() {
  const dataset = JSON.parse(readFileSync(join(root, 'public', 'data', 'district.json'), 'utf8'));
  const compound = dataset.data.compounds.find((c) => c.id === 'dongtangcun');
  return [{ ...compound, name: '东塘村小区（本机改过）', updated_at: compound.updated_at + 1 }];
}

/** A phone whose localStorage holds `items` before the app first starts. */
async function phoneWith(items, init) {
  const context = await site.phone.newPhone();
  await context.addInitScript((seed) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
  }, items);
  if (init) await context.addInitScript(init);
  return context;
}

const legacy = (page) => page.evaluate(() => [localStorage.getItem('cs.reports'), localStorage.getItem('cs.compounds')]);

describe('moving the first store into the document store', () => {
  it('takes schema 0 and schema 1 values whole, then removes the old values', async () => {
    const reports = oldReports(40);
    const context = await phoneWith({
      'cs.reports': JSON.stringify(reports), // schema 0: a bare array
      'cs.compounds': JSON.stringify({ schema: 1, data: oldCompounds() }),
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.locator('.report-item__link').nth(39).waitFor();
    assert.equal(await page.locator('.report-item__link').count(), 40);
    const stored = await storedReports(page);
    assert.deepEqual(stored.map((r) => r.id).sort(), reports.map((r) => r.id).sort());
    assert.equal(stored.find((r) => r.id === 'R20260801-AB12C').description, '3栋化粪池堵塞，污水外溢');
    const docs = await storedDocs(page, 'report');
    assert.ok(docs.every((d) => d._id.startsWith('report:') && d.tree.leaves[0].rev.startsWith('1-')));
    assert.deepEqual((await storedRecords(page, 'compound')).map((c) => c.name), ['东塘村小区（本机改过）']);
    assert.deepEqual(await legacy(page), [null, null], 'the old values are removed once verified');
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    await expectSeen(map.heading('东塘村小区（本机改过）'), 'the battle map with the moved edit\'s name');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('cut short, it keeps the old values and finishes on the next start', async () => {
    const reports = oldReports(12);
    // The first start dies while writing reports: every report write is refused.
    const context = await phoneWith({
      'cs.reports': JSON.stringify({ schema: 1, data: reports }),
      'cs.compounds': JSON.stringify({ schema: 1, data: oldCompounds() }),
    }, () => {
      if (sessionStorage.getItem('cut')) return;
      sessionStorage.setItem('cut', '1');
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (row, ...rest) {
        if (row && row.kind === 'report') {
          const r = put.call(this, row, ...rest);
          this.transaction.abort();
          return r;
        }
        return put.call(this, row, ...rest);
      };
    });
    const page = await context.newPage();
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.locator('.problem--interrupted').waitFor();
    // Still shown from the old value, which is still there; the compounds moved already.
    assert.equal(await page.locator('.report-item__link').count(), 12);
    const [oldReportsValue, oldCompoundsValue] = await legacy(page);
    assert.ok(oldReportsValue, 'the old reports are kept');
    assert.equal(oldCompoundsValue, null);
    assert.deepEqual(await storedReports(page), []);
    await page.reload();
    await appReady(page);
    await page.locator('.report-item__link').nth(11).waitFor();
    assert.equal((await storedReports(page)).length, 12);
    assert.deepEqual(await legacy(page), [null, null]);
    assert.equal(await page.locator('.problem--interrupted').count(), 0);
    await context.close();
  });
});

describe('the browse entry reads compound edits without writing', () => {
  it('shows an edit still in the first store, then the resident app\'s copy of the documents, following other tabs', async () => {
    const [edited] = oldCompounds();
    const context = await phoneWith({ 'cs.compounds': JSON.stringify({ schema: 1, data: [edited] }) });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const shownCopy = (p) => p.evaluate(() => JSON.parse(localStorage.getItem('cs.compounds.shown'))?.data.map((c) => c.name));
    // A card first: the browse entry, which shows the old value but leaves moving it to the
    // resident app or the console.
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    await expectSeen(map.heading('东塘村小区（本机改过）'), 'the battle map with the first store\'s edit');
    assert.ok((await legacy(page))[1], 'the first store is left for the resident app to move');
    assert.deepEqual(await storedRecords(page, 'compound'), []);
    assert.equal(await shownCopy(page), undefined, 'the browse entry writes no copy');
    // The resident app moves it, and keeps the browse entry's copy of the documents.
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    assert.deepEqual((await storedRecords(page, 'compound')).map((c) => c.name), ['东塘村小区（本机改过）']);
    assert.deepEqual(await shownCopy(page), ['东塘村小区（本机改过）']);
    // A card open in another tab follows: a steward's change whose page closed before the
    // store had it (the write-ahead journal) is saved by the resident app's next start,
    // and the card shows it without a reload.
    const card = await context.newPage();
    const other = await BattleMap.open(card, site.server.url, 'dongtangcun');
    await expectSeen(other.heading('东塘村小区（本机改过）'), 'the other tab\'s battle map');
    const [{ rev }] = (await storedDocs(page, 'compound')).map((d) => d.tree.leaves[0]);
    await page.evaluate(([parent, body]) => localStorage.setItem('cs.unsaved.compound:dongtangcun', JSON.stringify({ parent, body })),
      [rev, { ...edited, name: '东塘村小区（还没存好）', updated_at: edited.updated_at + 1 }]);
    await page.reload();
    await appReady(page);
    await expectSeen(other.heading('东塘村小区（还没存好）'), 'the other tab following the journal\'s change without a reload');
    assert.deepEqual(await shownCopy(card), ['东塘村小区（还没存好）']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('two tabs', () => {
  it('editing the same report at once keep both versions, shown as a conflict until merged', async () => {
    const [report] = oldReports(1);
    const context = await phoneWith({ 'cs.reports': JSON.stringify([report]) });
    const a = await context.newPage();
    const tabA = await ReportDetail.open(a, site.server.url, report.id);
    // Tab B does not hear tab A (as when both save in the same moment).
    const b = await deafTab(context);
    const tabB = await ReportDetail.open(b, site.server.url, report.id);
    await tabA.recordUpdate('已受理', 'A 标签页：已受理，明天处理');
    await tabA.waitForStatus('acknowledged');
    await settled(a);
    await tabB.recordUpdate('已受理', 'B 标签页：收到，物业已派人');
    await b.locator('.conflict').waitFor();
    // Nothing was lost: the store holds both as live leaves.
    const [doc] = await storedDocs(a, 'report');
    assert.equal(doc.tree.leaves.filter((l) => !l.deleted).length, 2);
    await a.reload();
    await appReady(a);
    const conflict = a.locator('.conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /两个版本/);
    assert.ok(await conflict.locator('tr[data-field="timeline"]').isVisible());
    await screenshot(a, '46-report-conflict');
    await a.goto(site.server.url + '/reports');
    await appReady(a);
    await a.locator('.report-item .tag--conflict').waitFor();
    await ReportDetail.open(a, site.server.url, report.id);
    await a.locator('.conflict [data-keep="merged"]').click();
    await a.locator('.conflict').waitFor({ state: 'detached' });
    const notes = await a.locator('.timeline__note').allInnerTexts();
    assert.ok(notes.some((n) => n.startsWith('A 标签页')) && notes.some((n) => n.startsWith('B 标签页')), 'both steps kept');
    const [merged] = await storedDocs(a, 'report');
    assert.equal(merged.tree.leaves.filter((l) => !l.deleted).length, 1, 'one version left');
    await context.close();
  });

  it('deleting in one tab while the other records a step keeps the report, in two versions', async () => {
    const [report] = oldReports(1);
    const context = await phoneWith({ 'cs.reports': JSON.stringify([report]) });
    const a = await context.newPage();
    const tabA = await ReportDetail.open(a, site.server.url, report.id);
    const b = await deafTab(context);
    await ReportDetail.open(b, site.server.url, report.id);
    await tabA.recordUpdate('已受理', '已派人查看');
    await tabA.waitForStatus('acknowledged');
    await settled(a);
    b.once('dialog', (d) => d.accept());
    await b.getByRole('button', { name: '删除这条报事' }).click();
    await b.waitForURL(/\/reports$/);
    await settled(b);
    await a.goto(site.server.url + '/reports');
    await appReady(a);
    await a.locator('.report-item .tag--conflict').waitFor();
    await ReportDetail.open(a, site.server.url, report.id);
    await a.locator('.conflict tr[data-field="deleted"]').waitFor();
    await a.locator('.conflict [data-keep="merged"]').click();
    await a.locator('.conflict').waitFor({ state: 'detached' });
    assert.equal(await new ReportDetail(a).status(), 'acknowledged', 'the step survives, and the report with it');
    await context.close();
  });

  it('a change in one tab reaches the other without a reload', async () => {
    const [report] = oldReports(1);
    const context = await phoneWith({ 'cs.reports': JSON.stringify([report]) });
    const a = await context.newPage();
    const tabA = await ReportDetail.open(a, site.server.url, report.id);
    const b = await context.newPage();
    await b.goto(site.server.url + '/reports');
    await appReady(b);
    await tabA.recordUpdate('已受理', '已派人查看');
    await expectSeen(b.locator('.report-item .status--acknowledged'), 'the other tab\'s list showing the report acknowledged');
    await context.close();
  });
});

describe('IndexedDB failures', () => {
  it('no IndexedDB at all: said plainly, old records still shown, new ones kept in memory for a backup', async () => {
    const [report] = oldReports(1);
    const context = await phoneWith({ 'cs.reports': JSON.stringify([report]) }, () => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.locator('.problem--records-unavailable').waitFor();
    assert.equal(await page.locator('.report-item__link').count(), 1);
    assert.ok((await legacy(page))[0], 'the old value is left where it is');
    const text = await (await BackupPage.open(page, site.server.url)).exportBackup();
    assert.equal(JSON.parse(text).reports[0].id, report.id);
    await context.close();
  });

  it('a newer app in another tab takes the store over: this tab says so', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.evaluate(() => new Promise((resolve) => {
      // What a newer version of the app does when it opens the store.
      const other = indexedDB.open('cs-docs', 2);
      other.onsuccess = () => { other.result.close(); resolve(); };
    }));
    await expectSeen(page.locator('.problem--replaced'), 'the notice that a newer app took the store over');
    await context.close();
  });

  it('a store written by a newer version is not touched', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/manifest.webmanifest');
    await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('cs-docs', 7);
      open.onupgradeneeded = () => open.result.createObjectStore('future');
      open.onsuccess = () => { open.result.close(); resolve(); };
    }));
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.locator('.problem--schema').waitFor();
    const version = await page.evaluate(() => indexedDB.databases().then((d) => d.find((x) => x.name === 'cs-docs').version));
    assert.equal(version, 7);
    await context.close();
  });

  it('a damaged document is reported, left as it is, and the others still show', async () => {
    const reports = oldReports(2);
    const context = await phoneWith({ 'cs.reports': JSON.stringify(reports) });
    const page = await context.newPage();
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.locator('.report-item__link').nth(1).waitFor();
    const damaged = `report:${reports[1].id}`;
    await page.evaluate((id) => new Promise((resolve) => {
      const open = indexedDB.open('cs-docs');
      open.onsuccess = () => {
        const tx = open.result.transaction('docs', 'readwrite');
        const store = tx.objectStore('docs');
        store.get(id).onsuccess = (e) => store.put({ ...e.target.result, tree: '{"_id": trunc' });
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }), damaged);
    await page.reload();
    await appReady(page);
    const notice = page.locator('.problem--corrupt-record');
    await notice.waitFor();
    assert.match(await notice.innerText(), new RegExp(reports[1].id));
    assert.equal(await page.locator('.report-item__link').count(), 1);
    const row = (await page.evaluate((id) => new Promise((resolve) => {
      const open = indexedDB.open('cs-docs');
      open.onsuccess = () => {
        open.result.transaction('docs').objectStore('docs').get(id).onsuccess = (e) => { open.result.close(); resolve(e.target.result); };
      };
    }), damaged));
    assert.equal(row.tree, '{"_id": trunc', 'byte for byte as it was');
    await context.close();
  });

  it('an aborted write is reported; what was typed stays on screen', async () => {
    const [report] = oldReports(1);
    const context = await phoneWith({ 'cs.reports': JSON.stringify([report]) });
    const page = await context.newPage();
    const detail = await ReportDetail.open(page, site.server.url, report.id);
    await settled(page);
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        const r = put.apply(this, args);
        this.transaction.abort();
        return r;
      };
    });
    await detail.recordUpdate('已受理', '中断测试');
    await page.locator('.problem--interrupted').waitFor();
    await detail.waitForStatus('acknowledged');
    assert.equal((await storedDocs(page, 'report'))[0].tree.leaves[0].rev.split('-')[0], '1', 'the stored revision is unchanged');
    await context.close();
  });
});
