// Sync through a CouchDB-protocol server (pouchdb-server on loopback, set up by
// deploy/setup.mjs, behind the static server's /db/ as in production): phones as browser
// contexts, the server checked directly, and PouchDB in Node as the reference client.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { couchAdmin, expectSeen, screenshot, settled, shots, storedDocs, until, useSyncSite, watchErrors, winner } from './harness.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { Card } from './pages/card.mjs';
import { DistrictPage } from './pages/district.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { StewardPage } from './pages/steward.mjs';
import { SyncPanel } from './pages/sync.mjs';

const USERS = [
  ['wang', 'pw-wang', 'steward:dongtangcun'],
  ['zhao', 'pw-zhao', 'steward:dongtangcun'],
  ['li', 'pw-li'],
  ['sun', 'pw-sun'],
];

const reportTree = async (page, id) =>
  (await storedDocs(page, 'report')).find((d) => d._id === `report:${id}`)?.tree;

describe('sync through a CouchDB server', () => {
  const env = useSyncSite({ users: USERS });

  /** A steward's phone: steward mode open, profile saved, signed in to sync. */
  async function stewardPhone(name, password) {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const steward = await StewardPage.unlocked(page, env.site.url);
    await steward.saveProfile({ name: name === 'wang' ? '王建国' : '赵敏', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const sync = new SyncPanel(page);
    await sync.signIn(name, password);
    await sync.upToDate();
    return { context, page, steward, sync, errors };
  }

  /**
   * Two stewards' phones that both have a report A filed (as A submitted it, not an
   * earlier draft of the form), both with the resident app's pages cached, both offline.
   */
  async function twoPhonesOffline(place, description) {
    const a = await stewardPhone('wang', 'pw-wang');
    const b = await stewardPhone('zhao', 'pw-zhao');
    const form = await ReportForm.open(a.page, env.site.url, place);
    await form.fillSeptic(description);
    const id = await form.submit();
    const sent = await until(async () => {
      const mine = await reportTree(a.page, id);
      const there = (await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}`))._rev;
      return mine && winner(mine).rev === there && there;
    }, 20000, 'the report on the server');
    await until(async () => (await reportTree(b.page, id)) && winner(await reportTree(b.page, id)).rev === sent,
      20000, 'the report on phone B');
    for (const phone of [a, b]) {
      await SyncPanel.open(phone.page, env.site.url);
      await phone.page.evaluate(() => navigator.serviceWorker.ready);
    }
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    return { a, b, id };
  }

  it("a steward's notice reaches a resident's card; a resident's account cannot change the roster", async () => {
    const a = await stewardPhone('wang', 'pw-wang');
    await a.steward.postNotice({ title: '周六停水', body: '周六上午 8 点到 12 点停水，请提前储水。' });
    await a.page.getByText('公告已保存，居民马上就能看到').waitFor();
    const titles = async () => ((await couchAdmin(env.couch, 'GET', 'c-dongtangcun/compound:dongtangcun')).notices ?? [])
      .map((n) => n.title);
    await until(async () => (await titles()).includes('周六停水'), 20000, 'the notice on the server');
    await a.sync.panel.screenshot({ path: `${shots}/70-sync-steward.png` });

    // A resident who never signed in: their building chosen, sync turned on.
    const b = await env.phones.newPhone();
    const resident = await b.newPage();
    await (await Card.open(resident, env.site.url, 'dongtangcun', '3')).setMine();
    const sync = await SyncPanel.open(resident, env.site.url);
    await sync.user.filter({ hasText: '未登录' }).waitFor();
    await sync.start();
    await sync.upToDate();
    assert.ok((await sync.moved()).got >= 1, 'the roster came in');
    const map = await BattleMap.open(resident, env.site.url, 'dongtangcun');
    await expectSeen(map.notice('周六停水'), 'the steward\'s notice, synced, on the resident\'s battle map');
    await screenshot(resident, '71-sync-resident-card');

    // A resident's account on a phone in steward mode: the server refuses the roster.
    const c = await env.phones.newPhone();
    const page = await c.newPage();
    const steward = await StewardPage.unlocked(page, env.site.url);
    await steward.saveProfile({ name: '李四', phone: '138 0000 9003', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const theirs = new SyncPanel(page);
    await theirs.signIn('li', 'pw-li');
    await theirs.upToDate();
    await steward.postNotice({ title: '冒充的公告', body: '不该出现在别人手机上' });
    await page.getByText('公告已保存，居民马上就能看到').waitFor();
    await theirs.refused.filter({ hasText: '只有本小区的管家可以修改花名册' }).waitFor();
    assert.match(await theirs.refused.innerText(), /compound:dongtangcun/);
    const kept = await titles();
    assert.ok(kept.includes('周六停水') && !kept.includes('冒充的公告'), 'the server kept the real roster');
    await theirs.panel.screenshot({ path: `${shots}/72-sync-refused.png` });
    assert.deepEqual(a.errors, []);
    for (const ctx of [a.context, b, c]) await ctx.close();
  });

  it('a change the server refused goes again once the account is given the role, and the person is told', async () => {
    const c = await env.phones.newPhone();
    const page = await c.newPage();
    const steward = await StewardPage.unlocked(page, env.site.url);
    await steward.saveProfile({ name: '孙新', phone: '138 0000 9004', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const sync = new SyncPanel(page);
    await sync.signIn('sun', 'pw-sun');
    await sync.upToDate();
    await steward.postNotice({ title: '楼道清扫时间', body: '每周三上午' });
    await page.getByText('公告已保存，居民马上就能看到').waitFor();
    await sync.refused.filter({ hasText: '只有本小区的管家可以修改花名册' }).waitFor();
    const titles = async () => ((await couchAdmin(env.couch, 'GET', 'c-dongtangcun/compound:dongtangcun')).notices ?? [])
      .map((n) => n.title);
    assert.ok(!(await titles()).includes('楼道清扫时间'), 'not on the server');

    // The district makes sun a steward of the compound.
    const user = await couchAdmin(env.couch, 'GET', '_users/org.couchdb.user:sun');
    const granted = await couchAdmin(env.couch, 'PUT', '_users/org.couchdb.user:sun', { ...user, roles: ['steward:dongtangcun'] });
    assert.ok(granted.ok, JSON.stringify(granted));
    await sync.syncNow();
    await sync.user.filter({ hasText: '管家 · 东塘村小区' }).waitFor();
    const told = page.locator('[data-sync-reoffered]');
    await told.waitFor();
    const box = await told.boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, 'said on screen');
    // The server's door may know the old roles for a little while: the phone tries again.
    await until(async () => (await titles()).includes('楼道清扫时间'), 90000, 'the notice on the server, offered again');
    await c.close();
  });

  it('two phones offline edit one report differently: both keep both versions, the same winner, and one resolution clears it on both', async () => {
    const { a, b, id } = await twoPhonesOffline('?c=dongtangcun&b=3&u=2', '3栋化粪池堵塞，污水外溢');
    const onA = await ReportDetail.open(a.page, env.site.url, id);
    await onA.recordUpdate('已受理', '王建国已联系物业');
    await onA.waitForStatus('acknowledged');
    const onB = await ReportDetail.open(b.page, env.site.url, id);
    await onB.recordUpdate('已受理', '赵敏明早去看');
    await onB.waitForStatus('acknowledged');
    const newOnA = await (async () => { const f = await ReportForm.open(a.page, env.site.url, '?c=dongtangcun&b=1'); await f.fillSeptic('1栋化粪池满了'); return f.submit(); })();
    const newOnB = await (async () => { const f = await ReportForm.open(b.page, env.site.url, '?c=dongtangcun&b=2'); await f.fillSeptic('2栋化粪池满了'); return f.submit(); })();

    await a.context.setOffline(false);
    await b.context.setOffline(false);
    for (const phone of [a, b]) {
      await SyncPanel.open(phone.page, env.site.url);
    }
    const converged = async (page) => {
      const tree = await reportTree(page, id);
      const others = await Promise.all([newOnA, newOnB].map((r) => reportTree(page, r)));
      return tree?.leaves.filter((l) => !l.deleted).length === 2 && others.every(Boolean) ? tree : null;
    };
    // Nobody taps anything: each phone sends when the network returns and hears the other's
    // changes by its long poll.
    const treeA = await until(() => converged(a.page), 20000, 'phone A to converge');
    const treeB = await until(() => converged(b.page), 20000, 'phone B to converge');
    assert.equal(winner(treeA).rev, winner(treeB).rev, 'the same winner on both phones');
    const server = await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}?conflicts=true`);
    assert.equal(server._rev, winner(treeA).rev, 'and on the server');
    assert.equal(server._conflicts?.length, 1, 'the server reports the conflict');

    // The reference client: PouchDB replicating the same database agrees.
    const { default: PouchDB } = await import('pouchdb-core');
    const { default: http } = await import('pouchdb-adapter-http');
    const { default: memory } = await import('pouchdb-adapter-memory');
    const { default: replication } = await import('pouchdb-replication');
    PouchDB.plugin(http).plugin(memory).plugin(replication);
    const reference = new PouchDB(`ref-${Date.now()}`, { adapter: 'memory' });
    const remote = new PouchDB(`${env.couch.url}/r-dongtangcun`, { auth: { username: 'admin', password: 'secret' } });
    await reference.replicate.from(remote);
    const theirs = await reference.get(`report:${id}`, { conflicts: true });
    assert.equal(theirs._rev, winner(treeA).rev);
    assert.deepEqual(theirs._conflicts, server._conflicts);
    await screenshot(a.page, '73-sync-conflict');

    // Resolving on A (merge both) clears it on B after a sync.
    await ReportDetail.open(a.page, env.site.url, id);
    await a.page.locator('.conflict').waitFor();
    await a.page.locator('.conflict [data-keep="merged"]').click();
    await a.page.locator('.conflict').waitFor({ state: 'detached' });
    await until(async () => {
      const tree = await reportTree(b.page, id);
      return tree && tree.leaves.filter((l) => !l.deleted).length === 1;
    }, 20000, 'the resolution on phone B');
    const resolved = await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}?conflicts=true`);
    assert.equal(resolved._conflicts, undefined, 'no conflict left on the server');
    await ReportDetail.open(b.page, env.site.url, id);
    const notes = await b.page.locator('.timeline__note').allInnerTexts();
    assert.ok(notes.includes('王建国已联系物业') && notes.includes('赵敏明早去看'), 'the merge kept both steps');
    assert.equal(await b.page.locator('.conflict').count(), 0, 'no conflict shown on B');
    await reference.destroy();
    assert.deepEqual([...a.errors, ...b.errors], []);
    await a.context.close();
    await b.context.close();
  });

  it('deleted on one phone, a step recorded on the other: the step survives, and both phones say so', async () => {
    const { a, b, id } = await twoPhonesOffline('?c=dongtangcun&b=5', '5栋化粪池堵了');
    await ReportDetail.open(a.page, env.site.url, id);
    a.page.once('dialog', (d) => d.accept());
    await a.page.getByRole('button', { name: '删除这条报事' }).click();
    await a.page.waitForURL(/\/reports$/);
    const onB = await ReportDetail.open(b.page, env.site.url, id);
    await onB.recordUpdate('已受理', '赵敏已派人');
    await onB.waitForStatus('acknowledged');
    await a.context.setOffline(false);
    await b.context.setOffline(false);

    const twoVersions = async (page) => (await reportTree(page, id))?.leaves.filter((l) => !l.deleted).length === 2;
    await until(() => twoVersions(a.page), 20000, 'both versions on A');
    await until(() => twoVersions(b.page), 20000, 'both versions on B');
    for (const phone of [a, b]) {
      await ReportDetail.open(phone.page, env.site.url, id);
      await phone.page.locator('.conflict tr[data-field="deleted"]').waitFor();
    }
    await b.page.locator('.conflict [data-keep="merged"]').click();
    await b.page.locator('.conflict').waitFor({ state: 'detached' });
    assert.equal(await new ReportDetail(b.page).status(), 'acknowledged', 'the step survives, and the report with it');
    await until(async () => (await reportTree(a.page, id))?.leaves.filter((l) => !l.deleted).length === 1,
      20000, 'the merge on A');
    await ReportDetail.open(a.page, env.site.url, id);
    assert.equal(await new ReportDetail(a.page).status(), 'acknowledged');
    await a.context.close();
    await b.context.close();
  });

  it("two stewards' offline edits of different parts of the compound merge by themselves, alike on both phones and the server", async () => {
    const a = await stewardPhone('wang', 'pw-wang');
    const b = await stewardPhone('zhao', 'pw-zhao');
    const compound = async (page) =>
      (await storedDocs(page, 'compound')).find((d) => d._id === 'compound:dongtangcun')?.tree;
    const onServer = () => couchAdmin(env.couch, 'GET', 'c-dongtangcun/compound:dongtangcun?conflicts=true');
    await a.steward.postNotice({ title: '电梯检修', body: '周五电梯检修一天。' });
    const shared = await until(async () => {
      const mine = await compound(a.page);
      const there = (await onServer())._rev;
      return mine && winner(mine).rev === there && there;
    }, 20000, 'the notice on the server');
    await until(async () => (await compound(b.page)) && winner(await compound(b.page)).rev === shared,
      20000, 'the notice on phone B');

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await a.steward.postNotice({ title: '周日停电', body: '周日下午 2 点到 5 点停电。' });
    await a.page.locator('.notice-editor__item', { hasText: '周日停电' }).waitFor();
    await settled(a.page);
    const facts = b.page.locator('.facts-editor');
    await b.page.locator('#facts-hotline').fill('0731-5555 6789');
    await facts.getByRole('button', { name: '保存小区资料' }).click();
    await facts.getByText('小区资料已保存').waitFor();
    await settled(b.page);
    await a.context.setOffline(false);
    await b.context.setOffline(false);

    // Nobody taps anything: each phone sends its edit, hears the other's, and the one that
    // sees both merges them (both may: they write the same revision).
    const merged = async (page) => {
      const tree = await compound(page);
      const live = tree?.leaves.filter((l) => !l.deleted) ?? [];
      const text = JSON.stringify(live[0]?.body ?? {});
      return live.length === 1 && text.includes('周日停电') && text.includes('0731-55556789') && tree;
    };
    const treeA = await until(() => merged(a.page), 20000, 'the merge on phone A');
    const treeB = await until(() => merged(b.page), 20000, 'the merge on phone B');
    assert.equal(winner(treeA).rev, winner(treeB).rev, 'the same revision on both phones');
    const server = await until(async () => {
      const doc = await onServer();
      return doc._rev === winner(treeA).rev && doc;
    }, 20000, 'the merge on the server');
    assert.equal(server._conflicts, undefined, 'no conflict left on the server');
    const titles = server.notices.map((n) => n.title);
    assert.ok(titles.includes('周日停电') && titles.includes('电梯检修'), 'both notices kept');
    assert.equal(server.hotline, '0731-55556789', 'as the facts editor writes it');
    for (const phone of [a, b]) {
      assert.equal(await phone.page.locator('.conflict__item').count(), 0, 'nothing for a steward to settle');
    }
    assert.deepEqual([...a.errors, ...b.errors], []);
    await a.context.close();
    await b.context.close();
  });

  it('one tab syncs for the phone: a second tab waits, its changes go through the first, and it takes over when the first closes', async () => {
    const context = await env.phones.newPhone();
    const first = await context.newPage();
    const sync = await SyncPanel.open(first, env.site.url);
    await sync.signIn('wang', 'pw-wang');
    await sync.upToDate();
    const second = await context.newPage();
    const asked = [];
    second.on('request', (r) => { if (r.url().includes('/db/')) asked.push(r.url()); });

    // A report filed in the second tab reaches the server through the first.
    const form = await ReportForm.open(second, env.site.url, '?c=dongtangcun&b=6');
    await form.fillSeptic('6栋化粪池冒水');
    const id = await form.submit();
    await until(async () => (await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}`)).description,
      20000, 'the report on the server');
    const other = await SyncPanel.open(second, env.site.url);
    await other.state.filter({ hasText: '本机另一个小区管家页面正在同步' }).waitFor();
    await other.user.filter({ hasText: '已登录：wang' }).waitFor();
    assert.equal(await second.getByRole('button', { name: '登录并同步' }).count(), 0, 'no sign-in form: signed in there');
    await screenshot(second, '77-sync-other-tab');
    assert.deepEqual(asked, [], 'the waiting tab asked the server nothing');

    await first.close();
    await other.upToDate();
    assert.ok(asked.length > 0, 'the second tab syncs now');
    await context.close();
  });

  it('changes made offline are counted from the store, after a reload too, and go when the network returns', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const sync = await SyncPanel.open(page, env.site.url);
    await sync.signIn('wang', 'pw-wang');
    await sync.upToDate();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    const form = await ReportForm.open(page, env.site.url, '?c=dongtangcun&b=8');
    await form.fillSeptic('8栋化粪池满了');
    const id = await form.submit();
    await SyncPanel.open(page, env.site.url); // a reload, still offline
    await sync.state.filter({ hasText: '1 条改动等待发出' }).waitFor();
    await context.setOffline(false);
    await until(async () => (await couchAdmin(env.couch, 'GET', `r-dongtangcun/report:${id}`)).description,
      20000, 'the report on the server');
    await until(async () => /^已同步/.test(await sync.state.innerText()) && !(await sync.state.innerText()).includes('等待发出'),
      20000, 'nothing waiting once it went');
    await context.close();
  });

  it('refuses an empty sign-in, a wrong password and a foreign address with a sentence each; signs out; says when the server is gone', async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const sync = await SyncPanel.open(page, env.site.url);
    const signInError = page.locator('#sync-sign-in-error');
    await sync.panel.getByRole('button', { name: '登录并同步' }).click();
    await signInError.filter({ hasText: '请填写用户名和密码' }).waitFor();
    await sync.panel.getByLabel('用户名').fill('li');
    await sync.panel.getByLabel('密码').fill('not-the-password');
    await sync.panel.getByRole('button', { name: '登录并同步' }).click();
    await signInError.filter({ hasText: '用户名或密码不对' }).waitFor();
    await sync.panel.locator('summary').click();
    await page.locator('#sync-server').fill('http://sync.example.cn');
    await sync.panel.getByRole('button', { name: '保存地址' }).click();
    await page.locator('#sync-server-error').filter({ hasText: '这不是服务器地址' }).waitFor();
    await sync.panel.screenshot({ path: `${shots}/74-sync-refusals.png` });
    await page.locator('#sync-server').fill('/db');
    await sync.panel.getByRole('button', { name: '保存地址' }).click();
    assert.equal(await page.locator('#sync-server').inputValue(), '/db/');

    await sync.signIn('li', 'pw-li');
    await sync.upToDate();
    await sync.panel.getByRole('button', { name: '退出登录' }).click();
    await sync.user.filter({ hasText: '未登录' }).waitFor();
    await sync.upToDate();
    await env.couch.stop();
    await sync.syncNow();
    await sync.problem.filter({ hasText: '连不上服务器' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("a resident's report through the district hub", () => {
  const env = useSyncSite({ users: [...USERS, ['zhang', 'pw-zhang'], ['office', 'pw-office', 'district']], hub: true });

  it("a signed-in resident's report reaches their compound's stewards; other residents cannot read it", async () => {
    const context = await env.phones.newPhone();
    const page = await context.newPage();
    const mine = await SyncPanel.open(page, env.site.url);
    await mine.signIn('li', 'pw-li');
    await mine.upToDate();
    const form = await ReportForm.open(page, env.site.url, '?c=dongtangcun&b=3&u=2');
    await form.fillSeptic('3栋2单元化粪池冒水');
    await form.reporter({ name: '李四', phone: '13800001111' });
    const id = await form.submit();
    const inDb = (db) => async () => (await couchAdmin(env.couch, 'GET', `${db}/report:${id}`)).description;
    await until(inDb('userdb-6c69'), 20000, "the report in the resident's own database");
    await until(inDb('r-dongtangcun'), 30000, "the report in the compound's stewards' database");

    const steward = await env.phones.newPhone();
    const wang = await steward.newPage();
    const theirs = await SyncPanel.open(wang, env.site.url);
    await theirs.signIn('wang', 'pw-wang');
    const tree = await until(() => reportTree(wang, id), 20000, "the report on the steward's phone");
    assert.equal(winner(tree).rev, winner(await reportTree(page, id)).rev, "the resident's revision");
    assert.equal(winner(tree).body.filed_by, 'li', 'marked as filed by the account');

    // The steward moves it on; the resident who filed it sees that on their phone.
    const onWang = await ReportDetail.open(wang, env.site.url, id);
    await onWang.recordUpdate('已受理', '王建国已联系物业');
    await onWang.waitForStatus('acknowledged');
    await until(async () => {
      const t = await reportTree(page, id);
      return t && winner(t).body.timeline.some((e) => e.note === '王建国已联系物业');
    }, 30000, "the steward's step back on the resident's phone");
    const onLi = await ReportDetail.open(page, env.site.url, id);
    await onLi.waitForStatus('acknowledged');
    await page.getByText('这条报事会通过服务器自动送到本小区管家').waitFor();
    assert.ok((await page.locator('.timeline__note').allInnerTexts()).includes('王建国已联系物业'));
    await screenshot(page, '76-sync-progress-back');

    // Another resident's session: the stewards' database and li's own are closed to it.
    const session = await fetch(`${env.site.url}/db/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'zhang', password: 'pw-zhang' }),
    });
    const cookie = session.headers.get('set-cookie').split(';')[0];
    for (const db of ['r-dongtangcun', 'userdb-6c69']) {
      const answer = await fetch(`${env.site.url}/db/${db}/report:${id}`, { headers: { cookie } });
      assert.ok([401, 403].includes(answer.status), `${db} refuses another resident (${answer.status})`);
    }
    await context.close();
    await steward.close();
  });

  it("the district office signs in on the dashboard, and every compound's reports count there", async () => {
    const steward = await env.phones.newPhone();
    const wang = await steward.newPage();
    await (await SyncPanel.open(wang, env.site.url)).signIn('wang', 'pw-wang');
    const form = await ReportForm.open(wang, env.site.url, '?c=dongtangcun&b=7');
    await form.fillSeptic('7栋化粪池堵塞');
    const id = await form.submit();
    await until(async () => (await couchAdmin(env.couch, 'GET', `district/report:${id}`)).description,
      30000, 'the report in the district database');

    const office = await env.phones.newPhone();
    const page = await office.newPage();
    const district = await DistrictPage.open(page, env.site.url);
    assert.equal(await district.stat('reports'), '0', 'a new phone counts nothing');
    const sync = new SyncPanel(page);
    await sync.signIn('office', 'pw-office');
    await sync.upToDate();
    const onServer = (await couchAdmin(env.couch, 'GET', 'district/_all_docs')).rows
      .filter((r) => r.id.startsWith('report:')).length;
    await until(async () => Number(await district.stat('reports')) === onServer, 20000, 'every report counted');
    assert.ok(onServer >= 2, `the district database holds every compound's reports (${onServer})`);
    assert.ok(await reportTree(page, id), "the steward's report is on the office's phone");
    await screenshot(page, '78-sync-district');
    await office.close();
    await steward.close();
  });
});
