// A steward's changes by sync (issue #30): a resident files a report from their account;
// a steward re-categorises it and gives it to another steward in the console; the relay
// judges the change steps and carries them to the resident, whose phone shows them. A
// change step from an account that may not take it is refused by the server, recorded
// as refused, and reaches no one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { couchAdmin, until, screenshot, storedDocs, useSyncSite, watchErrors, winner } from './harness.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { StewardPage } from './pages/steward.mjs';
import { SyncPanel } from './pages/sync.mjs';

const current = async (page, id) => {
  const tree = (await storedDocs(page, 'report')).find((d) => d._id === `report:${id}`)?.tree;
  return tree && winner(tree).body;
};

describe("a steward's changes through the district hub", () => {
  const env = useSyncSite({ users: [['wang', 'pw-wang', 'steward:dongtangcun'], ['li', 'pw-li']], hub: true });

  it('reach the resident who filed the report; a resident\'s own change step is refused by the server', async () => {
    // li files a report signed in.
    const resident = await env.phones.newPhone();
    const page = await resident.newPage();
    const errors = watchErrors(page);
    const mine = await SyncPanel.open(page, env.site.url);
    await mine.signIn('li', 'pw-li');
    await mine.upToDate();
    const form = await ReportForm.open(page, env.site.url, '?c=dongtangcun&b=3&u=2');
    await form.fillSeptic('3栋2单元门口积水');
    const id = await form.submit();
    // And a second report of li's, the same water seen again the next morning.
    const again = await ReportForm.open(page, env.site.url, '?c=dongtangcun&b=3&u=2');
    await again.fillSeptic('3栋2单元门口还在积水');
    const dup = await again.submit();
    for (const r of [id, dup]) {
      await until(async () => (await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${r}`)).description, 30000, "li's reports in the stewards' database");
    }

    // wang, in the console, signed in to sync: re-categorises, then gives it to 黄兰.
    const phone = await env.phones.newPhone();
    // The app's badge, recorded where the app sets it.
    await phone.addInitScript(() => {
      navigator.setAppBadge = (n) => { window.__badge = n; return Promise.resolve(); };
      navigator.clearAppBadge = () => { window.__badge = 0; return Promise.resolve(); };
    });
    const wang = await phone.newPage();
    errors.push(...watchErrors(wang));
    const steward = await StewardPage.unlocked(wang, env.site.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await wang.getByText('资料已保存').waitFor();
    const sync = new SyncPanel(wang);
    await sync.signIn('wang', 'pw-wang');
    await until(() => current(wang, id), 30000, "the report on the steward's phone");
    await until(() => current(wang, dup), 30000, "li's second report on the steward's phone");
    // Both arrived by sync with steward mode's first screen open: its counts and the badge follow.
    await wang.locator('[data-glance="new"] .glance__count').filter({ hasText: /^2$/ }).waitFor();
    await wang.waitForFunction(() => window.__badge === 2);
    // A page load: steward mode asks for the PIN again.
    await wang.goto(`${env.site.url}/steward/reports/${id}`);
    await steward.enterPin('2468');
    const changeForm = wang.locator('form.change-step');
    await changeForm.waitFor();
    await changeForm.getByLabel('调整什么').selectOption({ label: '改类别' });
    await changeForm.locator('[name="change-to"]').selectOption({ label: '排水管道' });
    await changeForm.getByLabel('原因（必填）').fill('是雨水积在门口');
    await changeForm.getByRole('button', { name: '保存调整' }).click();
    await wang.locator('.timeline__event--recategorise').waitFor();
    await changeForm.getByLabel('调整什么').selectOption({ label: '转交给其他管家' });
    await changeForm.locator('[name="change-to"]').selectOption({ label: '黄兰（红管家 · 党支部书记）' });
    await changeForm.getByLabel('原因（必填）').fill('请书记协调排水');
    await changeForm.getByRole('button', { name: '保存调整' }).click();
    await wang.locator('.timeline__event--reassign').waitFor();
    const due = new Date(Date.now() + 12 * 86_400_000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
    await changeForm.getByLabel('调整什么').selectOption({ label: '改期限' });
    await changeForm.locator('[name="change-to"]').fill(due);
    await changeForm.getByLabel('原因（必填）').fill('等雨停再施工');
    await changeForm.getByRole('button', { name: '保存调整' }).click();
    await wang.locator('.timeline__event--deadline').waitFor();
    // The second report is the same problem as the first.
    await until(() => current(wang, dup), 30000, "li's second report on the steward's phone");
    await wang.goto(`${env.site.url}/steward/reports/${dup}`);
    await steward.enterPin('2468');
    await changeForm.getByLabel('调整什么').selectOption({ label: '标为重复（同一个问题）' });
    await changeForm.locator('[name="change-to"]').selectOption({ value: id });
    await changeForm.getByLabel('原因（必填）').fill('同一处积水');
    await changeForm.getByRole('button', { name: '保存调整' }).click();
    await wang.locator('.timeline__event--duplicate_of').waitFor();

    // The server carries both to li's own database, and li's phone takes them in.
    await until(async () => (await couchAdmin(env.couch, 'GET', `userdb-6c69/report:${id}`)).assigned === 'dongtangcun-s1', 30000, "the changes in li's database");
    const onLi = await until(async () => {
      const r = await current(page, id);
      return r?.assigned === 'dongtangcun-s1' && r;
    }, 30000, "the changes on li's phone");
    assert.equal(onLi.category, 'Drainage');
    const dueOnWang = (await current(wang, id)).expected_by;
    const settledOnLi = await until(async () => {
      const r = await current(page, id);
      return r?.expected_by === dueOnWang && r.same_problem === 2 && r;
    }, 30000, "the deadline and the group's size on li's phone");
    assert.deepEqual(settledOnLi.timeline.filter((e) => e.change).map((e) => [Object.keys(e.change)[0], e.by, e.note]), [
      ['Recategorise', 'Property', '是雨水积在门口'],
      ['Reassign', 'Property', '请书记协调排水'],
      ['Deadline', 'Property', '等雨停再施工'],
    ]);
    const dupOnLi = await until(async () => {
      const r = await current(page, dup);
      return r?.same_problem === 2 && r;
    }, 30000, "the duplicate marked on li's phone");
    assert.deepEqual(dupOnLi.timeline.at(-1).change, { DuplicateOf: id });
    const detail = await ReportDetail.open(page, env.site.url, id);
    await page.locator('.timeline__event--reassign').waitFor();
    assert.ok((await detail.timeline().allInnerTexts()).join('|').includes('交给：黄兰（红管家）'));
    await screenshot(page, '96-sync-changes-reach-resident');

    // li's account sends a version with a change step of its own: refused, recorded, carried nowhere.
    const session = await fetch(`${env.site.url}/db/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'li', password: 'pw-li' }),
    });
    const cookie = session.headers.get('set-cookie').split(';')[0];
    const theirs = await couchAdmin(env.couch, 'GET', `userdb-6c69/report:${id}`);
    const step = { at: Date.now(), status: 'Submitted', note: '我自己改派', by: null, change: { Reassign: 'dongtangcun-s3' } };
    const put = await fetch(`${env.site.url}/db/userdb-6c69/report:${id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ ...theirs, assigned: 'dongtangcun-s3', timeline: [...theirs.timeline, step] }),
    });
    assert.equal(put.status, 201);
    const refusals = async () => (await couchAdmin(env.couch, 'GET', 'district/_all_docs?start_key=%22refusal:%22&end_key=%22refusal;%22&include_docs=true')).rows
      .map((r) => r.doc).filter((d) => JSON.stringify(d).includes(id));
    const [refusal] = await until(async () => (await refusals()).length && refusals(), 30000, 'the refusal');
    assert.match(JSON.stringify(refusal), /only a steward records a Reassign step|assigned/);
    const there = await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}`);
    assert.equal(there.assigned, 'dongtangcun-s1', "the stewards' copy is unchanged");
    assert.ok(!JSON.stringify(there.timeline).includes('我自己改派'));
    const onWang = await current(wang, id);
    assert.ok(!JSON.stringify(onWang.timeline).includes('我自己改派'), "nothing reached the steward's phone");
    assert.deepEqual(errors, []);
    await resident.close();
    await phone.close();
  });
});
