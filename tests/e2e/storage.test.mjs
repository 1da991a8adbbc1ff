// Storage faults never blank the page or lose data: each gives a plain-language notice
// and leaves what was stored intact (or copied aside).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, enumValues, expectSeen, root, screenshot, settled, storedReports, until, useSite, watchErrors } from './harness.mjs';
import { Card } from './pages/card.mjs';
import { DirectoryPage } from './pages/directory.mjs';

const site = useSite();

/** A page whose localStorage holds `items` before the app starts (first load only). */
async function seeded(items) {
  const context = await site.phone.newPhone();
  await context.addInitScript((seed) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
    }
  }, items);
  const page = await context.newPage();
  return { context, page };
}

/** The phone is full: the record store and localStorage (the journal) refuse writes; the
 *  originals are kept on `window` to free the space again. */
const fillStorage = (page) => page.evaluate(() => {
  window.__put = IDBObjectStore.prototype.put;
  window.__setItem = Storage.prototype.setItem;
  // Each refused write is counted: a test waits for the count, not for time to pass.
  window.__refused = 0;
  IDBObjectStore.prototype.put = function () { window.__refused += 1; throw new DOMException('full', 'QuotaExceededError'); };
  Storage.prototype.setItem = function (key) {
    if (key !== 'cs.probe') { window.__refused += 1; throw new DOMException('full', 'QuotaExceededError'); }
  };
});

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

describe('storage faults', () => {
  it('a corrupt value is copied aside, defaults load, and a notice explains it', async () => {
    const { context, page } = await seeded({ 'cs.settings': '{"schema":1,"data":{"lang":"En", trunc' });
    const errors = watchErrors(page);
    await page.goto(site.server.url + '/');
    await appReady(page);
    const notice = await expectSeen(page.locator('.problem--corrupt'), 'the notice that stored data was corrupt');
    assert.match(await notice.innerText(), /已损坏.*另存/);
    await expectSeen(new DirectoryPage(page).names.filter({ hasText: '东塘村小区' }), 'the directory with 东塘村小区 (defaults loaded)');
    const stored = await snapshot(page);
    const aside = Object.keys(stored).filter((k) => k.startsWith('cs.settings.corrupt.'));
    assert.equal(aside.length, 1, 'one backup copy');
    assert.equal(stored[aside[0]], '{"schema":1,"data":{"lang":"En", trunc', 'the raw text is kept byte for byte');
    assert.match(await notice.innerText(), new RegExp(aside[0].replace(/\./g, '\\.')));
    await screenshot(page, '10-corrupt-notice');
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: '下载损坏数据的原样副本' }).click()]);
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(await download.path(), 'utf8'), '{"schema":1,"data":{"lang":"En", trunc');
    await page.getByRole('button', { name: '知道了' }).click();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('data from a newer schema is left untouched and the app says so', async () => {
    const newer = '{"schema":99,"data":[{"id":"future"}]}';
    const { context, page } = await seeded({ 'cs.reports': newer });
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    await expectSeen(page.locator('.problem--schema'), 'the notice about data from a newer version');
    await page.getByLabel('长辈模式（大字）').check();
    // The app has saved since: the settings it wrote say elder mode. Only then is the
    // newer data looked at.
    await until(async () => JSON.parse(await page.evaluate(() => localStorage.getItem('cs.settings')) ?? 'null')?.data?.elder_mode === true,
      10000, 'the settings saved with elder mode on');
    await settled(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('cs.reports')), newer);
    await context.close();
  });

  it('with localStorage disabled the app still shows the district and says settings will not be kept', async () => {
    const context = await site.phone.newPhone();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3');
    await expectSeen(page.locator('.problem--unavailable'), 'the notice that settings will not be kept');
    // The card is whole: each role's call button dials a steward of that role in 东塘村 —
    // every role the app declares (src/domain/steward.rs).
    const published = JSON.parse(readFileSync(join(root, 'public/data/district.json'), 'utf8')).data;
    const stewards = published.compounds.find((c) => c.id === 'dongtangcun').stewards;
    for (const { name, key } of enumValues('steward.rs', 'Role')) {
      const href = await (await expectSeen(card.call(key), `the ${key} call button`)).getAttribute('href');
      const numbers = stewards.filter((s) => s.role === name).map((s) => `tel:${s.phone.replace(/\D/g, '')}`);
      assert.ok(numbers.includes(href), `${key}: ${href}`);
    }
    await screenshot(page, '11-storage-unavailable');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a full storage keeps earlier data, keeps the change in memory, and says so', async () => {
    const { context, page } = await seeded({});
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    await page.getByLabel('English').check();
    await expectSeen(page.getByRole('heading', { name: 'Settings' }), 'the settings page in English');
    await settled(page);
    const before = await snapshot(page);
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('cs.') && key !== 'cs.probe') throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.getByLabel('Elder mode (large text)').check();
    const quota = await expectSeen(page.locator('.problem--quota'), 'the notice that storage is full');
    assert.match(await quota.innerText(), /storage is full.*intact/);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')), 'the change stays in memory');
    assert.deepEqual(await snapshot(page), before, 'stored data unchanged');
    await screenshot(page, '12-quota-notice');
    await context.close();
  });

  it('two tabs: a change in one reaches the other without a reload, and neither is lost', async () => {
    const context = await site.phone.newPhone();
    const a = await context.newPage();
    const b = await context.newPage();
    await b.goto(site.server.url + '/settings');
    await appReady(b);
    await (await Card.open(a, site.server.url, 'dongtangcun', '2')).setMine();
    await expectSeen(b.getByRole('link', { name: '东塘村小区 2栋' }), 'the other tab naming my building 东塘村小区 2栋');
    await b.getByLabel('长辈模式（大字）').check();
    await a.waitForFunction(() => document.documentElement.classList.contains('elder'));
    const stored = JSON.parse(await a.evaluate(() => localStorage.getItem('cs.settings')));
    assert.equal(stored.data.elder_mode, true);
    assert.equal(stored.data.my_building.building, '2');
    await context.close();
  });

  it('a migration interrupted before its write leaves the old data whole, and finishes next time', async () => {
    const v0 = JSON.stringify({ lang: 'zh', my_building: 'dongtangcun/2' });
    const context = await site.phone.newPhone();
    // First visit: the write of the migrated value never happens (as if the tab died).
    await context.addInitScript((old) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('cs.settings', old);
        const original = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === 'cs.settings') throw new DOMException('killed', 'AbortError');
          return original.call(this, key, value);
        };
      }
    }, v0);
    const page = await context.newPage();
    await page.goto(site.server.url + '/');
    await appReady(page);
    await new Card(page).expectTitle('东塘村小区 2栋');
    assert.equal(await page.evaluate(() => localStorage.getItem('cs.settings')), v0, 'the old value, untouched');
    await page.reload();
    await appReady(page);
    await new Card(page).expectTitle('东塘村小区 2栋');
    const now = JSON.parse(await page.evaluate(() => localStorage.getItem('cs.settings')));
    assert.equal(now.schema, 1, 'the migration completes on the next start');
    assert.equal(now.data.my_building.building, '2');
    await context.close();
  });

  it('a report made while storage is full stays on screen and goes into the backup export', async () => {
    const { context, page } = await seeded({});
    // The resident app's own form, reached in the app (a first visit to /report/new is
    // the report entry, below).
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.getByRole('link', { name: '报事', exact: true }).click();
    await page.waitForURL(/\/report\/new$/);
    await fillStorage(page);
    await page.getByLabel('小区').selectOption('dongtangcun');
    await page.getByLabel('问题描述').fill('存储满时的报事');
    await page.getByRole('button', { name: '提交报事' }).click();
    await page.waitForURL(/\/reports\/R/);
    await expectSeen(page.locator('.problem--quota'), 'the notice that storage is full');
    assert.deepEqual(await storedReports(page), [], 'nothing half-written');
    await page.getByRole('link', { name: '我的', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出备份（JSON）' }).click()]);
    const { readFileSync } = await import('node:fs');
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(backup.reports.length, 1);
    assert.equal(backup.reports[0].description, '存储满时的报事');
    await context.close();
  });

  it('the report entry keeps a report the phone cannot store in the form, and sends it once it can', async () => {
    const { context, page } = await seeded({});
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=1');
    await appReady(page);
    await fillStorage(page);
    await page.getByLabel('问题描述').fill('存储满时的报事');
    // The form names its draft in the address once the first keystroke is taken (a
    // same-page address change, which Playwright also reports as a navigation): waited
    // for here, so the recording below starts after it and sees only page loads.
    await page.waitForURL(/\/report\/new\?draft=R/);
    // Every page load of this tab from now on is recorded: the refused submit may make
    // none, early or late; the one after space is freed makes exactly one.
    const loads = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && loads.push(frame.url()));
    await page.getByRole('button', { name: '提交报事' }).click();
    // The refusal: the store was asked and said no, and the app says so.
    await until(() => page.evaluate(() => window.__refused > 0), 10000, 'a write refused by the full storage');
    await expectSeen(page.locator('.problem--quota'), 'the notice that storage is full');
    // No page load to the report's page: the report is only on this page.
    assert.match(page.url(), /\/report\/new/);
    assert.equal(await page.getByLabel('问题描述').inputValue(), '存储满时的报事');
    assert.deepEqual(await storedReports(page), [], 'nothing half-written');
    // Space is freed: the same submit goes through, and the report's page reads it stored.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = window.__put;
      Storage.prototype.setItem = window.__setItem;
    });
    assert.deepEqual(loads, [], 'the refused submit loaded no page, up to the moment space was freed');
    await page.getByRole('button', { name: '提交报事' }).click();
    await page.waitForURL(/\/reports\/R/);
    await expectSeen(page.locator('[data-status="submitted"]'), 'the report\'s page with its status "submitted"');
    await expectSeen(page.getByText('存储满时的报事'), 'the report\'s description on its page');
    // One page load in all: a late one from the refused submit would be a second (or would
    // have taken the form away before the second tap).
    assert.equal(loads.filter((u) => /\/reports\/R/.test(u)).length, 1, `page loads: ${loads.join(', ')}`);
    await context.close();
  });

  it('two tabs creating reports at the same time lose neither', async () => {
    const context = await site.phone.newPhone();
    const a = await context.newPage();
    const b = await context.newPage();
    for (const [page, building] of [[a, '1'], [b, '2']]) {
      await page.goto(`${site.server.url}/report/new?c=dongtangcun&b=${building}`);
      await appReady(page);
      await page.getByLabel('问题描述').fill(`标签页 ${building} 的报事`);
    }
    await Promise.all([
      a.getByRole('button', { name: '提交报事' }).click(),
      b.getByRole('button', { name: '提交报事' }).click(),
    ]);
    await a.waitForURL(/\/reports\/R/);
    await b.waitForURL(/\/reports\/R/);
    await settled(b);
    const stored = await storedReports(a);
    const submitted = stored.filter((r) => r.timeline.length > 0).map((r) => r.description).sort();
    assert.deepEqual(submitted, ['标签页 1 的报事', '标签页 2 的报事']);
    await a.goto(site.server.url + '/reports');
    await appReady(a);
    assert.equal(await a.locator('.report-item__link').count(), 2);
    await context.close();
  });
});
