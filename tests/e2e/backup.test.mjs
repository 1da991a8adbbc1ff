// Backups: export and restore round-trip; bad files are refused whole with a reason and
// storage stays byte-for-byte the same; "erase all my data" leaves nothing behind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { appReady, useSite } from './harness.mjs';

const site = useSite();

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

async function reportOnce(page) {
  await page.goto(site.server.url + '/report/new?c=dongtangcun&b=4');
  await appReady(page);
  await page.getByLabel('问题描述').fill('备份测试：4栋楼道堆物');
  await page.getByRole('button', { name: '提交报事' }).click();
  await page.waitForURL(/\/reports\/R/);
  return page.url().split('/').pop();
}

async function exportBackup(page) {
  await page.goto(site.server.url + '/settings');
  await appReady(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出备份（JSON）' }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

async function importText(page, name, text) {
  await page.locator('input[name="backup"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('backup', () => {
  it('exports and restores on another phone', async () => {
    const a = await (await site.phone.newPhone()).newPage();
    const id = await reportOnce(a);
    const text = await exportBackup(a);
    assert.equal(JSON.parse(text).format, 'compound-steward-backup');
    const b = await (await site.phone.newPhone()).newPage();
    await b.goto(site.server.url + '/settings');
    await appReady(b);
    await importText(b, 'backup.json', text);
    await b.getByText('已恢复备份：1').waitFor();
    await b.goto(site.server.url + '/reports');
    await appReady(b);
    await b.getByText(id).waitFor();
  });

  it('refuses bad files whole, with a reason, and changes nothing', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    await reportOnce(page);
    const good = JSON.parse(await exportBackup(page));
    const before = await snapshot(page);
    const duplicate = structuredClone(good);
    duplicate.reports.push(duplicate.reports[0]);
    const unknownField = { ...good, surprise: true };
    const cases = [
      ['broken.json', '{"format":"compound-steward-backup",', '不是有效的 JSON'],
      ['other.json', JSON.stringify({ hello: 'world' }), '不是小区管家的备份'],
      ['v9.json', JSON.stringify({ ...good, version: 9 }), '不同版本'],
      ['dup.json', JSON.stringify(duplicate), '重复的记录编号'],
      ['extra.json', JSON.stringify(unknownField), '不是小区管家的备份'],
      ['huge.json', ' '.repeat(5 * 1024 * 1024 + 10), '文件太大'],
      ['shape.json', JSON.stringify({ ...good, reports: [{ ...good.reports[0], timeline: 'no' }] }), '不是小区管家的备份'],
      ['long.json', JSON.stringify({ ...good, reports: [{ ...good.reports[0], description: '长'.repeat(100000) }] }), '不可能的内容'],
      ['rating.json', JSON.stringify({ ...good, reports: [{ ...good.reports[0], satisfaction: 9 }] }), '不可能的内容'],
    ];
    for (const [name, text, reason] of cases) {
      await importText(page, name, text);
      await page.locator('.import-error', { hasText: reason }).waitFor();
      assert.deepEqual(await snapshot(page), before, `${name} changed storage`);
    }
  });

  it('"erase all my data" removes every key and cache after confirmation', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await reportOnce(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.evaluate(() => caches.open('cs-old-marker').then((c) => c.put('/marker', new Response('x'))));
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
    await page.getByRole('button', { name: '清除我的全部数据' }).click();
    await page.waitForTimeout(200);
    assert.match(asked, /无法恢复/);
    assert.ok(Object.keys(await snapshot(page)).some((k) => k.startsWith('cs.')), 'dismissing keeps everything');
    page.once('dialog', (d) => d.accept());
    await Promise.all([page.waitForURL(site.server.url + '/'), page.getByRole('button', { name: '清除我的全部数据' }).click()]);
    await appReady(page);
    const keys = Object.keys(await snapshot(page)).filter((k) => k !== 'cs.settings');
    assert.deepEqual(keys, [], 'no report or backup keys remain');
    const settings = JSON.parse((await snapshot(page))['cs.settings'] ?? 'null');
    assert.ok(settings === null || settings.data.my_building === null, 'only fresh defaults');
    // The app's own files may be cached again by the fresh worker; nothing older survives.
    assert.ok(!(await page.evaluate(() => caches.keys())).includes('cs-old-marker'));
    await context.close();
  });

  it('a roster CSV round-trips: export, add a steward in a spreadsheet, import, and the card shows them', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    await page.getByText('已用存储').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出小区和名册（CSV）' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    const dongtang = lines.find((l) => l.startsWith('"dongtangcun"'));
    const facts = dongtang.split('","').slice(0, 8).join('","');
    const added = `${facts}","g1","3","1","red","测试新人","党员志愿者","138 0000 9001","","","",""`;
    await page.locator('input[name="roster"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from([...lines, added].join('\r\n')) });
    await page.getByText(/已导入小区：.*东塘村小区/).waitFor();
    await page.goto(site.server.url + '/c/dongtangcun/b/3?u=1');
    await appReady(page);
    await page.locator('.card__role--red', { hasText: '测试新人' }).waitFor();
    assert.equal(await page.locator('.card__role--red a.phone__call').getAttribute('href'), 'tel:13800009001');
    // Other units keep their building's red steward.
    await page.goto(site.server.url + '/c/dongtangcun/b/3?u=2');
    await appReady(page);
    assert.doesNotMatch(await page.locator('.card__role--red').innerText(), /测试新人/);
  });

  it('refuses bad roster CSVs whole, naming the line, and changes nothing', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    await reportOnce(page);
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    const before = await snapshot(page);
    const header = 'compound_id,compound_name,community,subdistrict,mode,covered,property_company,hotline,grid,building,unit,role,name,title,phone,duty_hours';
    const row = (phone) => `newone,新小区,,,物业管理,是,,,g1,1,,和事佬,赵六,楼栋长,${phone},`;
    const cases = [
      ['phone.csv', [header, row('138 0000 0001'), row('138;x')].join('\n'), /第3 行, phone/],
      ['inject.csv', [header, row('123&body=hi')].join('\n'), /第2 行, phone/],
      ['column.csv', `${header},surprise\n${row('138 0000 0001')}`, /不认识的列.*surprise/],
      ['quote.csv', `${header}\n"newone,新小区`, /引号没有配对/],
      ['dup.csv', [header, row('138 0000 0001'), row('138 0000 0001')].join('\n'), /重复出现.*第3 行/],
      ['mode.csv', [header, 'newone,新小区,,,随便,是,,,,,,,,,,'].join('\n'), /第2 行, mode/],
      ['huge.csv', header + '\n' + 'x'.repeat(1024 * 1024), /超过 1 MB/],
    ];
    for (const [name, text, reason] of cases) {
      await page.locator('input[name="roster"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
      await page.locator('.import-error', { hasText: reason }).waitFor();
      assert.deepEqual(await snapshot(page), before, `${name} changed storage`);
    }
  });
});
