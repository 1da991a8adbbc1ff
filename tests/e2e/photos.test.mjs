// Photos: scaled down, kept in IndexedDB across reloads, removed with their report; an
// IndexedDB failure is shown and never blocks the report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appReady, screenshot, until, useSite } from './harness.mjs';
import { BackupPage } from './pages/settings.mjs';
import { ReportForm } from './pages/report_form.mjs';

const site = useSite();
let bigPng;

/** A 2000×1500 picture, drawn by the browser itself, like a phone camera's (if smaller). */
async function picture() {
  if (bigPng) return bigPng;
  const page = await (await site.phone.newPhone()).newPage();
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2000;
    c.height = 1500;
    const g = c.getContext('2d');
    g.fillStyle = '#3a7';
    g.fillRect(0, 0, 2000, 1500);
    g.fillStyle = '#c33';
    g.fillRect(500, 400, 800, 600);
    return c.toDataURL('image/png').split(',')[1];
  });
  bigPng = Buffer.from(b64, 'base64');
  return bigPng;
}

const photoKeys = (page) =>
  page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cs-photos', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('photos');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('photos').objectStore('photos').getAllKeys();
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
    };
  }));

/** Picks `count` pictures at once, as from the phone's gallery. */
async function attach(page, count = 1) {
  const buffer = await picture();
  const files = Array.from({ length: count }, (_, i) => ({ name: `photo-${i + 1}.png`, mimeType: 'image/png', buffer }));
  await page.locator('input[name="photo"]').setInputFiles(files);
}

/** Waits until IndexedDB holds `n` photo keys (writes finish after the thumbnails show);
 *  fails saying which keys it held. */
async function photoKeysSettle(page, n) {
  let keys = [];
  await until(async () => (keys = await photoKeys(page)).length === n, 5000, `${n} photos in IndexedDB`)
    .catch((e) => { throw new Error(`${e.message}; it holds ${keys.length}: ${keys.join(', ')}`); });
  return keys;
}

describe('photos', () => {
  it('are scaled down, survive a reload, and go with their report', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=6');
    await form.describe('6栋门口垃圾堆积');
    await attach(page);
    const thumb = page.locator('img.photos__thumb');
    await thumb.waitFor();
    const size = await thumb.evaluate((img) => [img.naturalWidth, img.naturalHeight, img.src.slice(0, 22)]);
    assert.deepEqual(size, [1280, 960, 'data:image/jpeg;base64']);
    assert.equal((await photoKeys(page)).length, 1);
    await page.reload();
    await appReady(page);
    await page.locator('img.photos__thumb').waitFor();
    await screenshot(page, '44-report-photo');
    await form.submit();
    await page.locator('img.photos__thumb').waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: '删除这条报事' }).click();
    await page.waitForURL(/\/reports$/);
    assert.deepEqual(await photoKeysSettle(page, 0), [], 'the photo is deleted with its report');
    await context.close();
  });

  it('several can be picked at once (gallery, not only the camera), up to four', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=7');
    // No `capture` attribute: with it many Android phones open only the camera.
    assert.equal(await page.locator('input[name="photo"]').getAttribute('capture'), null);
    assert.equal(await page.locator('input[name="photo"]').getAttribute('multiple'), '');
    await attach(page, 3);
    await page.locator('img.photos__thumb').nth(2).waitFor();
    assert.equal((await photoKeysSettle(page, 3)).length, 3);
    await attach(page, 3);
    await page.locator('img.photos__thumb').nth(3).waitFor();
    assert.equal(await page.locator('img.photos__thumb').count(), 4, 'the fifth and sixth are not taken');
    assert.equal(await page.locator('input[name="photo"]').count(), 0, 'no more picking at four');
    await context.close();
  });

  it('a removed photo leaves IndexedDB too', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=7');
    await attach(page, 2);
    await page.locator('img.photos__thumb').nth(1).waitFor();
    assert.equal((await photoKeysSettle(page, 2)).length, 2);
    await page.getByRole('button', { name: '删除这张照片' }).first().click();
    await page.locator('img.photos__thumb').nth(1).waitFor({ state: 'detached' });
    assert.equal((await photoKeysSettle(page, 1)).length, 1);
    await context.close();
  });

  it('when IndexedDB fails the error is shown and the report still saves', async () => {
    const context = await site.phone.newPhone();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () { throw new DOMException('IndexedDB is disabled', 'UnknownError'); };
    });
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=8');
    await form.describe('8栋排水沟堵塞');
    await attach(page);
    const error = page.locator('.photos__error');
    await error.waitFor();
    assert.match(await error.innerText(), /照片没有保存.*IndexedDB is disabled/);
    await form.submit();
    await page.locator('[data-status="submitted"]').waitFor();
    await context.close();
  });

  it('go into the JSON backup and come back with it on another phone', async () => {
    const a = await (await site.phone.newPhone()).newPage();
    const form = await ReportForm.open(a, site.server.url, '?c=dongtangcun&b=9');
    await form.describe('9栋楼梯扶手松动');
    await attach(a);
    await a.locator('img.photos__thumb').waitFor();
    const id = await form.submit();
    const original = await a.locator('img.photos__thumb').getAttribute('src');
    const text = await (await BackupPage.open(a, site.server.url)).exportBackup();
    const backup = JSON.parse(text);
    assert.equal(backup.version, 2);
    assert.equal(backup.photos.length, 1);
    assert.equal(backup.photos[0].data_url, original);
    // A fresh profile: nothing of the first phone's storage.
    const b = await (await site.phone.newPhone()).newPage();
    await BackupPage.open(b, site.server.url);
    await new BackupPage(b).importBackup('backup.json', text);
    await b.getByText('已恢复备份').waitFor();
    await b.goto(`${site.server.url}/reports/${id}`);
    await appReady(b);
    await b.locator('img.photos__thumb').waitFor();
    assert.equal(await b.locator('img.photos__thumb').getAttribute('src'), original);
    // A backup whose photo is not a picture is refused whole: no report, no photo.
    const c = await (await site.phone.newPhone()).newPage();
    await BackupPage.open(c, site.server.url);
    backup.photos[0].data_url = 'javascript:alert(1)';
    await new BackupPage(c).importBackup('bad.json', JSON.stringify(backup));
    await c.locator('.import-error').waitFor();
    assert.deepEqual(await photoKeys(c), []);
    await c.goto(`${site.server.url}/reports`);
    await appReady(c);
    assert.equal(await c.locator('.report-item__link').count(), 0);
  });
});
