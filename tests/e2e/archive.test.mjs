// Archiving (issue #30): a report closed longer ago than the chosen age leaves the phone
// after the backup file that holds it is downloaded; an open one stays; a search says
// where it went; a wrong file is refused with a sentence and nothing stored; the right
// file brings it back as the same revision.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { appReady, editStoredRecord, settled, storageSnapshot, storedDocs, useSite, winner } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { BackupPage } from './pages/settings.mjs';

const site = useSite();
const DAY = 86_400_000;

async function fileReport(page, text) {
  const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=4');
  await form.describe(text);
  return form.submit();
}

const today = () => new Date().toISOString().slice(0, 10);
const row = async (page, id) => (await storedDocs(page, 'report')).find((r) => r._id === `report:${id}`);

describe('archive', () => {
  it('archives old closed reports off the phone, says where they went, and brings one back from the backup file', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const old = await fileReport(page, '归档测试：4栋楼道灯坏了很久');
    const open = await fileReport(page, '归档测试：还没修好的水管');
    // Time passing: the first was confirmed 200 days ago.
    const at = Date.now() - 200 * DAY;
    await editStoredRecord(page, `report:${old}`, `
      body.created_at = ${at - 5 * DAY};
      body.timeline = [
        { at: ${at - 5 * DAY}, status: 'Submitted', note: '', by: null },
        { at: ${at - DAY}, status: 'Resolved', note: '换了灯泡', by: 'Property' },
        { at: ${at}, status: 'Confirmed', note: '', by: null },
      ];
      body.satisfaction = 5;
      body.updated_at = ${at};`);
    const before = await row(page, old);
    assert.ok(before, 'the old report is stored');

    await BackupPage.open(page, site.server.url);
    const section = page.locator('section.archive');
    await section.getByText('现在可以归档：1').waitFor();
    await page.getByLabel('归档办结超过多久的报事').selectOption('12');
    await section.getByText('现在可以归档：0').waitFor();
    assert.equal(await section.getByRole('button', { name: '下载备份文件并归档' }).isDisabled(), true);
    await page.getByLabel('归档办结超过多久的报事').selectOption('6');
    await section.getByText('现在可以归档：1').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: '下载备份文件并归档' }).click(),
    ]);
    const file = `xiaoqu-guanjia-guidang-${today()}.json`;
    assert.equal(download.suggestedFilename(), file);
    const archiveFile = readFileSync(await download.path(), 'utf8');
    assert.ok(JSON.parse(archiveFile).reports.some((r) => r.id === old), 'the backup file holds it');
    await section.getByText(`已归档，报事离开了这台手机：1（${old}）`).waitFor();
    await settled(page);
    assert.equal(await row(page, old), undefined, 'gone from IndexedDB');
    assert.ok(await row(page, open), 'the open report stays');
    assert.equal((await storageSnapshot(page))['cs.archive.age'], '6', 'the chosen age is kept');

    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.getByText(open).waitFor();
    assert.equal(await page.getByText(old).count(), 0, 'gone from the list');

    await BackupPage.open(page, site.server.url);
    await page.getByLabel('查找报事（编号或内容）').fill(old.slice(-5).toLowerCase());
    const found = section.locator('.archive__item--gone');
    await found.getByText(`已归档于 ${today()}，在备份文件里：${file}`).waitFor();
    assert.match(await found.innerText(), /4栋楼道灯坏了很久/);
    assert.equal(await found.getByRole('button', { name: '同步时从服务器取回' }).count(), 0, 'never synced: only the file');

    // A file without it, and a file that is no backup: refused, nothing stored.
    const storage = await storageSnapshot(page);
    const docs = JSON.stringify(await storedDocs(page));
    const without = JSON.parse(archiveFile);
    without.reports = without.reports.filter((r) => r.id !== old);
    const input = found.locator('input[name="archive-backup"]');
    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(without)) });
    await section.getByText(`这个文件里没有这份报事，请选归档时下载的备份文件：${file}`).waitFor();
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await section.getByText('不是有效的 JSON').waitFor();
    assert.deepEqual(await storageSnapshot(page), storage, 'localStorage unchanged');
    assert.equal(JSON.stringify(await storedDocs(page)), docs, 'IndexedDB unchanged');

    await input.setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(archiveFile) });
    await section.getByText('已找回，这份报事回到了手机上').waitFor();
    const back = await row(page, old);
    assert.equal(winner(back.tree).rev, winner(before.tree).rev, 'the same revision, not a second version');
    assert.equal(back.tree.leaves.length, 1);
    assert.equal(winner(back.tree).body.satisfaction, 5);
    await page.getByLabel('查找报事（编号或内容）').fill('');
    await page.getByLabel('查找报事（编号或内容）').fill(old);
    await section.locator('.archive__item', { hasText: '在这台手机上' }).waitFor();
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.getByText(old).waitFor();
    await context.close();
  });
});
