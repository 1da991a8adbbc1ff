// A phone shared by several people (issue #26): whose reports go to whose database on the
// server, and that signing out and erasing everything end the server's session. Against
// pouchdb-server set up by deploy/setup.mjs behind the static server's /db/, as in
// sync.test.mjs; what reached each resident's own database is read over HTTP as the admin.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { appReady, couchAdmin, screenshot, shots, storedReports, until, useSyncSite, watchErrors } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { SyncPanel } from './pages/sync.mjs';

const USERS = [
  ['wang', 'pw-wang', 'steward:dongtangcun'],
  ['li', 'pw-li'],
  ['zhang', 'pw-zhang'],
];
/** CouchDB's per-user database: `userdb-` and the name in hex. */
const userdb = (name) => `userdb-${Buffer.from(name).toString('hex')}`;

/** Who the server says this browser is, with the cookies the browser holds. */
const browserSession = (page) => page.evaluate(async () =>
  (await (await fetch('/db/_session', { credentials: 'include' })).json()).userCtx?.name ?? null);

/** Fails unless `locator` is on screen with a real box. */
async function seen(locator) {
  await locator.waitFor();
  const box = await locator.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'shown with a box');
}

describe('a phone shared by several people', () => {
  const env = useSyncSite({ users: USERS });
  const inDb = async (db, id) => (await couchAdmin(env.couch, 'GET', `${db}/report:${id}`)).filed_by ?? null;

  async function fileReport(page, building, description) {
    const form = await ReportForm.open(page, env.site.url, `?c=dongtangcun&b=${building}`);
    await form.fillSeptic(description);
    return form.submit();
  }

  async function signOut(sync) {
    await sync.panel.getByRole('button', { name: '退出登录' }).click();
    await sync.user.filter({ hasText: '未登录' }).waitFor();
  }

  it("a steward's report is never claimed by the resident who signs in next", async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    let sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('wang', 'pw-wang');
    await sync.upToDate();
    const stewards = await fileReport(page, 3, '3栋化粪池满了（管家报）');
    await until(async () => !(await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${stewards}`)).error,
      20000, "the steward's report sent");
    sync = await SyncPanel.open(page, env.site.url);
    await signOut(sync);

    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    // li's own report, filed signed in, reaches li's database: by then anything this
    // phone claimed for li has gone there too.
    const own = await fileReport(page, 5, '5栋化粪池冒水（李四报）');
    assert.equal(await until(() => inDb(userdb('li'), own), 20000, "li's report in li's database"), 'li');
    const missing = await couchAdmin(env.couch, 'GET', `${userdb('li')}/report:${stewards}`);
    assert.equal(missing.error, 'not_found', "the steward's report is not in li's database");
    const kept = (await storedReports(page)).find((r) => r.id === stewards);
    assert.equal(kept.filed_by, undefined, 'nor marked as filed by li on the phone');
    assert.equal(kept.filed_signed_in, 'wang', 'it says who filed it');

    // Nothing to ask li about either: the steward's report is not hers to claim.
    sync = await SyncPanel.open(page, env.site.url);
    await sync.upToDate();
    await page.goto(`${env.site.url}/reports`);
    await appReady(page);
    await seen(page.getByText('3栋化粪池满了（管家报）'));
    assert.equal(await page.locator('[data-claims]').count(), 0, 'no question');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a report filed signed out is claimed only after 是我的; 不是我的 is remembered', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const first = await fileReport(page, 7, '7栋化粪池堵塞（没登录时报）');

    let sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('zhang', 'pw-zhang');
    await sync.upToDate();
    const question = sync.panel.locator('[data-claims]');
    await seen(question.getByText('这台手机上有 1 条报事是在没有人登录时提交的，是您的吗？'));
    await seen(question.getByText(first));
    await sync.syncNow();
    await sync.upToDate();
    const nothing = await couchAdmin(env.couch, 'GET', `${userdb('zhang')}/report:${first}`);
    assert.equal(nothing.error, 'not_found', 'not sent before the answer');
    await sync.panel.screenshot({ path: `${shots}/79-sync-claim-question.png` });
    const { violations } = await new AxeBuilder({ page }).include('[data-claims]').analyze();
    assert.deepEqual(violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id), []);
    await question.getByRole('button', { name: '是我的', exact: true }).click();
    await question.waitFor({ state: 'detached' });
    assert.equal(await until(() => inDb(userdb('zhang'), first), 20000, "the report in zhang's database"), 'zhang');
    await signOut(sync);

    // Another report filed signed out; li is asked about it alone (zhang's is zhang's).
    const second = await fileReport(page, 8, '8栋化粪池堵塞（又一条）');
    sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    await page.goto(`${env.site.url}/reports`);
    await appReady(page);
    const onReports = page.locator('[data-claims]');
    await seen(onReports.getByText('这台手机上有 1 条报事是在没有人登录时提交的，是您的吗？'));
    await seen(onReports.getByText(second));
    assert.equal(await onReports.getByText(first).count(), 0, "zhang's report is not asked about");
    await onReports.getByRole('button', { name: '不是我的' }).click();
    await onReports.waitFor({ state: 'detached' });
    await page.reload();
    await appReady(page);
    await seen(page.getByText('8栋化粪池堵塞（又一条）'));
    assert.equal(await page.locator('[data-claims]').count(), 0, 'the answer is kept');
    sync = await SyncPanel.open(page, env.site.url);
    await sync.upToDate();
    assert.equal(await page.locator('[data-claims]').count(), 0);
    for (const id of [first, second]) {
      const there = await couchAdmin(env.couch, 'GET', `${userdb('li')}/report:${id}`);
      assert.equal(there.error, 'not_found', `${id} not in li's database`);
    }
    assert.equal((await storedReports(page)).find((r) => r.id === second).filed_by, undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // CouchDB's session cookie is signed, not stored (apache/couchdb#844; pouchdb-server does
  // the same): `DELETE /_session` makes the browser drop it, and a copy taken before stays
  // valid until the server's timeout. What the phone can do is make sure it holds no
  // session once someone signs out or erases — also when the server was out of reach then.
  it('signing out and erasing everything end the server session, offline too', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    let sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    await signOut(sync);
    await until(async () => (await browserSession(page)) === null, 10000, 'signed out on the server');

    // Signed out with the server out of reach: the phone says so, and ends the session
    // when the server is back.
    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    await context.setOffline(true);
    await signOut(sync);
    await seen(sync.panel.getByText('已在本机退出登录。但现在连不上服务器'));
    await screenshot(page, '80-sync-signed-out-offline');
    await context.setOffline(false);
    await sync.syncNow();
    await sync.upToDate();
    assert.equal(await browserSession(page), null, 'the session ended when the server was back');
    await seen(sync.user.filter({ hasText: '未登录' }));

    // Erase everything, online.
    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    await page.goto(`${env.site.url}/settings`);
    await appReady(page);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: '清除我的全部数据' }).click();
    await page.waitForURL(`${env.site.url}/`);
    assert.equal(await browserSession(page), null, 'erase-all ended the session');

    // Erase everything, offline: erased anyway, the person told; the session the browser
    // still holds ends once sync is turned on again, before anything goes as li.
    sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    await context.setOffline(true);
    const said = [];
    page.on('dialog', (d) => { said.push(d.message()); d.accept(); });
    await page.getByRole('button', { name: '清除我的全部数据' }).click();
    await until(() => said.length === 2, 20000, 'the alert');
    assert.match(said[1], /连不上同步服务器：本机数据照样清除/);
    // Erased, then the app goes to / (which does not load offline).
    await page.waitForURL(`${env.site.url}/`, { timeout: 10000 }).catch(() => {});
    await context.setOffline(false);
    sync = await SyncPanel.open(page, env.site.url);
    await sync.state.filter({ hasText: '同步已关闭' }).waitFor();
    assert.equal(await browserSession(page), 'li', 'the browser still holds the old cookie');
    await sync.user.filter({ hasText: '未登录' }).waitFor();
    await sync.start();
    await sync.upToDate();
    await seen(sync.user.filter({ hasText: '未登录' }));
    assert.equal(await browserSession(page), null, 'ended before syncing as anybody');
    await context.close();
  });
});
