// Backups: export and restore round-trip; bad files are refused whole with a reason and
// storage stays byte-for-byte the same; "erase all my data" leaves nothing behind.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answerConfirm, appReady, expectSeen, storageSnapshot as snapshot, storedDocs, storedReports, useSite } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { Card } from './pages/card.mjs';
import { BackupPage, SettingsPage } from './pages/settings.mjs';
import { StewardPage } from './pages/steward.mjs';

const site = useSite();

async function reportOnce(page) {
  const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=4');
  await form.describe('备份测试：4栋楼道堆物');
  return form.submit();
}

async function exportBackup(page) {
  return (await BackupPage.open(page, site.server.url)).exportBackup();
}

async function importText(page, name, text) {
  await new BackupPage(page).importBackup(name, text);
}

describe('backup', () => {
  it('exports and restores on another phone', async () => {
    const a = await (await site.phone.newPhone()).newPage();
    const id = await reportOnce(a);
    const text = await exportBackup(a);
    assert.equal(JSON.parse(text).format, 'compound-steward-backup');
    const b = await (await site.phone.newPhone()).newPage();
    await BackupPage.open(b, site.server.url);
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
      ['huge.json', null, '文件太大'],
      ['shape.json', JSON.stringify({ ...good, reports: [{ ...good.reports[0], timeline: 'no' }] }), '不是小区管家的备份'],
      ['long.json', JSON.stringify({ ...good, reports: [{ ...good.reports[0], description: '长'.repeat(100000) }] }), '不可能的内容'],
      ['rating.json', JSON.stringify({ ...good, reports: [{ ...good.reports[0], satisfaction: 9 }] }), '不可能的内容'],
    ];
    const docsBefore = await storedDocs(page);
    // Larger than any backup could be (64 MB): written to disk, as a phone would pick it.
    const huge = join(mkdtempSync(join(tmpdir(), 'cs-')), 'huge.json');
    writeFileSync(huge, Buffer.alloc(64 * 1024 * 1024 + 10, 32));
    for (const [name, text, reason] of cases) {
      if (text === null) await page.locator('input[name="backup"]').setInputFiles(huge);
      else await importText(page, name, text);
      await page.locator('.import-error', { hasText: reason }).waitFor();
      assert.deepEqual(await snapshot(page), before, `${name} changed storage`);
    }
    assert.deepEqual(await storedDocs(page), docsBefore, 'no record changed');
  });

  it('"erase all my data" removes every key and cache after confirmation', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await reportOnce(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.evaluate(() => caches.open('cs-old-marker').then((c) => c.put('/marker', new Response('x'))));
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    // Dismissed: the question was asked and answered before anything is looked at.
    const asked = await answerConfirm(page, () => page.getByRole('button', { name: '清除我的全部数据' }).click(), 'whether to erase everything');
    assert.match(asked, /无法恢复/);
    assert.equal((await storedReports(page)).length, 1, 'dismissing keeps everything');
    page.once('dialog', (d) => d.accept());
    await Promise.all([page.waitForURL(site.server.url + '/'), page.getByRole('button', { name: '清除我的全部数据' }).click()]);
    await appReady(page);
    const keys = Object.keys(await snapshot(page)).filter((k) => k !== 'cs.settings');
    assert.deepEqual(keys, [], 'no report or backup keys remain');
    assert.deepEqual(await storedDocs(page), [], 'no record remains');
    const settings = JSON.parse((await snapshot(page))['cs.settings'] ?? 'null');
    assert.ok(settings === null || settings.data.my_building === null, 'only fresh defaults');
    // The app's own files may be cached again by the fresh worker; nothing older survives.
    assert.ok(!(await page.evaluate(() => caches.keys())).includes('cs-old-marker'));
    await context.close();
  });

  it('a resident exports and erases in 我的, restores in the console; rosters are imported in steward mode', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    await SettingsPage.open(page, site.server.url);
    await page.getByRole('button', { name: '清除我的全部数据' }).waitFor();
    await page.getByRole('button', { name: '导出备份（JSON）' }).waitFor();
    // Restoring is the console's: a full page load, not a route of the resident app.
    await page.getByRole('link', { name: '恢复备份 · 导出 CSV · 归档' }).click();
    await page.waitForURL(/\/steward\/data$/);
    await appReady(page);
    await page.locator('input[name="backup"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('input[name="roster"]').count(), 0);
  });
});

describe('roster spreadsheets in steward mode', () => {
  it('round-trip: export, import, export again gives the same file, and nothing is lost', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    const steward = await StewardPage.unlocked(page, site.server.url);
    const csv = await steward.exportRoster();
    await steward.chooseRoster('roster.csv', csv);
    const preview = page.locator('.roster-preview');
    assert.match(await preview.innerText(), /检查通过，共 \d+ 行。/);
    assert.match(await preview.innerText(), /东塘村小区（8 栋、\d+ 位管家）/);
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/已导入小区：.*东塘村小区/).waitFor();
    assert.equal(await steward.exportRoster(), csv, 'every field the file carries comes back the same');
    // What the file does not carry (notices) and what it does (households) both survive.
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    await expectSeen(page.locator('.facts', { hasText: '337' }), 'the households (337) among the compound\'s facts');
    await expectSeen(map.noticeItems, 'the compound\'s notices, kept by the import');
  });

  it('the template has Chinese headers, and a steward added in a spreadsheet shows on their unit only', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    const steward = await StewardPage.unlocked(page, site.server.url);
    assert.match(await steward.template(), /^\uFEFF小区编号,小区名称,社区,街道,管理方式/);
    const lines = (await steward.exportRoster()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0].split(',');
    const cells = lines.find((l) => l.startsWith('"dongtangcun"')).slice(1, -1).split('","');
    const set = (column, value) => { cells[header.indexOf(column)] = value; };
    for (const [column, value] of Object.entries({ grid: 'g1', building: '3', unit: '1', role: 'red', name: '测试新人', title: '党员志愿者', phone: '138 0000 9001', duty_hours: '', steward_id: '', grid_name: '', building_name: '', unit_name: '' })) set(column, value);
    await steward.importRoster('roster.csv', [...lines, `"${cells.join('","')}"`].join('\r\n'));
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3', '1');
    await expectSeen(card.role('red').filter({ hasText: '测试新人' }), 'the new red steward on unit 1\'s card');
    assert.equal(await card.call('red').getAttribute('href'), 'tel:13800009001');
    await Card.open(page, site.server.url, 'dongtangcun', '3', '2');
    await card.expectTitle('东塘村小区 3栋 2单元');
    assert.doesNotMatch(await card.role('red').innerText(), /测试新人/);
  });

  it('refuses bad files whole, naming every bad line, and changes nothing', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    const steward = await StewardPage.unlocked(page, site.server.url);
    const before = await snapshot(page);
    const header = 'compound_id,compound_name,community,subdistrict,mode,covered,property_company,hotline,grid,building,unit,role,name,title,phone,duty_hours';
    const row = (phone) => `newone,新小区,,,物业管理,是,,,g1,1,,和事佬,赵六,楼栋长,${phone},`;
    const cases = [
      ['two.csv', [header, row('138 0000 0001'), row('138;x'), 'newone,新小区,,,物业管理,是,,,g1,1,,队长,钱七,,138 0000 0002,'].join('\n'), /第3 行, phone[\s\S]*第4 行, role/],
      ['inject.csv', [header, row('123&body=hi')].join('\n'), /第2 行, phone/],
      ['column.csv', `${header},surprise\n${row('138 0000 0001')}`, /不认识的列.*surprise/],
      ['quote.csv', `${header}\n"newone,新小区`, /引号没有配对/],
      ['dup.csv', [header, row('138 0000 0001'), row('138 0000 0001')].join('\n'), /重复出现.*第3 行/],
      ['mode.csv', [header, 'newone,新小区,,,随便,是,,,,,,,,,,'].join('\n'), /第2 行, mode/],
      ['huge.csv', header + '\n' + 'x'.repeat(1024 * 1024), /超过 1 MB/],
    ];
    for (const [name, text, reason] of cases) {
      await steward.chooseRoster(name, text);
      await page.locator('.import-error', { hasText: reason }).waitFor();
      assert.equal(await page.getByRole('button', { name: '确认导入' }).count(), 0, `${name}: nothing to confirm`);
      const after = await snapshot(page);
      delete after['cs.steward'];
      const expected = { ...before };
      delete expected['cs.steward'];
      assert.deepEqual(after, expected, `${name} changed storage`);
    }
  });
});
