// Archiving on a phone that syncs (issue #30): the server keeps an archived report (no
// deletion goes to it), a pull passes over it even when the feed is read again from the
// start, the search says it is on the server, and asked back it comes from the server as
// the same revision.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { couchAdmin, editStoredRecord, settled, storedDocs, until, useSyncSite, winner } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { BackupPage } from './pages/settings.mjs';
import { StewardPage } from './pages/steward.mjs';
import { SyncPanel } from './pages/sync.mjs';

const DAY = 86_400_000;
const row = async (page, id) => (await storedDocs(page, 'report')).find((r) => r._id === `report:${id}`);
const onServer = (env, id) => couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}`);

/** Waits for a sync pass that completes after `since` (the data page shows no sync
 *  panel). `since` is taken before what starts the pass (a page load): a quick pass can
 *  end before the page is ready, and the next one comes only after the idle wait (30 s). */
async function passDone(page, since) {
  await until(async () => Number(await page.evaluate(() => localStorage.getItem('cs.kept.sync'))) > since, 45000, 'a sync pass');
}

describe('archive with a sync server', () => {
  const env = useSyncSite({ users: [['wang', 'pw-wang', 'steward:dongtangcun']] });

  it('keeps the report on the server, never pulls it back unasked, and brings it back from the server', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const steward = await StewardPage.unlocked(page, env.site.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const sync = new SyncPanel(page);
    await sync.signIn('wang', 'pw-wang');
    await sync.upToDate();
    const form = await ReportForm.open(page, env.site.url, '?c=dongtangcun&b=3');
    await form.fillSeptic('归档同步测试：3栋化粪池');
    const id = await form.submit();
    const sent = await until(async () => {
      const mine = await row(page, id);
      const there = (await onServer(env, id))._rev;
      return mine && winner(mine.tree).rev === there && there;
    }, 20000, 'the report on the server');
    // Time passing (no new revision): closed 100 days ago.
    const at = Date.now() - 100 * DAY;
    await editStoredRecord(page, `report:${id}`, `
      body.timeline = [
        { at: ${at - DAY}, status: 'Submitted', note: '', by: null },
        { at: ${at}, status: 'Closed', note: '已清掏', by: 'Property' },
      ];
      body.updated_at = ${at};`);

    const opened = Date.now();
    await BackupPage.open(page, env.site.url);
    await passDone(page, opened);
    const section = page.locator('section.archive');
    await page.getByLabel('归档办结超过多久的报事').selectOption('3');
    await section.getByText('现在可以归档：1').waitFor();
    await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: '下载备份文件并归档' }).click(),
    ]);
    await section.getByText(`已归档，报事离开了这台手机：1（${id}）`).waitFor();
    const archived = Date.now();
    await settled(page);
    assert.equal(await row(page, id), undefined, 'gone from IndexedDB');

    // The next passes, one of them reading the whole feed again (its checkpoints gone).
    await passDone(page, archived);
    await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('cs-docs');
      open.onsuccess = () => {
        const tx = open.result.transaction('meta', 'readwrite');
        const store = tx.objectStore('meta');
        store.getAllKeys().onsuccess = (e) => {
          for (const key of e.target.result) if (String(key).startsWith('_local/')) store.delete(key);
        };
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }));
    const reloaded = Date.now();
    await page.reload();
    await passDone(page, reloaded);
    assert.equal(await row(page, id), undefined, 'not pulled back');
    const kept = await onServer(env, id);
    assert.equal(kept._rev, sent, 'the server keeps it as it was');
    assert.notEqual(kept._deleted, true);

    await page.getByLabel('查找报事（编号或内容）').fill(id);
    const found = section.locator('.archive__item--gone');
    await found.getByText(/^已归档于 \d{4}-\d{2}-\d{2}，在服务器和备份文件里：xiaoqu-guanjia-guidang-/).waitFor();
    await found.getByRole('button', { name: '同步时从服务器取回' }).click();
    await section.getByText('已请求：下次同步时从服务器取回').waitFor();
    const back = await until(() => row(page, id), 30000, 'the report back from the server');
    assert.equal(winner(back.tree).rev, sent, 'the revision the server holds');
    await page.getByLabel('查找报事（编号或内容）').fill('');
    await page.getByLabel('查找报事（编号或内容）').fill(id);
    await section.locator('.archive__item', { hasText: '在这台手机上' }).waitFor();
    await context.close();
  });
});
