// The tiers on /district (上下联动, issue #31): the office drills down from the whole
// district to one street, one community, one compound and one report, with the figures
// counting each place, and back up; and a street's account, signed in to the test
// server, sees only its own communities' compounds and their reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { couchAdmin, expectSeen, storedDocs, until, useSite, useSyncSite, watchErrors } from './harness.mjs';
import { DistrictPage, reportDoc, summaryPackage } from './pages/district.mjs';
import { StewardPage } from './pages/steward.mjs';
import { SyncPanel } from './pages/sync.mjs';

const now = Date.now() - 60_000;
const reports = [
  reportDoc({ id: 'R20261201-DTDT1', compound: 'dongtangcun', at: now - 3_600_000 }),
  reportDoc({ id: 'R20261201-THTH2', compound: 'tianhecun', at: now - 7_200_000, category: 'PropertyService' }),
  // 松涛里 has no street in the published data: a compound of the district itself.
  reportDoc({ id: 'R20261201-STST3', compound: 'songtaoli', at: now - 5_400_000 }),
];

describe('drilling down from the district to one report and back', () => {
  const site = useSite();

  it('each level counts its own place; the trail leads back up', async () => {
    const context = await site.phone.newPhone({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const district = await DistrictPage.open(page, site.server.url);
    await district.importPackage('zhao.json', summaryPackage({
      id: 'steward-13800009007', name: '赵红', compounds: ['dongtangcun', 'tianhecun', 'songtaoli'], reports,
    }));
    assert.deepEqual(await district.trail(), ['全区']);
    assert.equal(await district.stat('reports'), '3');
    const places = (await district.rows('below')).map((r) => r[0]);
    assert.ok(places.includes('书院路街道 · 街道') && places.includes('松涛里小区 · 小区'), places.join());

    await district.down('书院路街道 · 街道');
    assert.deepEqual(await district.trail(), ['全区', '书院路街道 · 街道']);
    await expectSeen(page.locator('[data-stat="reports"]', { hasText: /^2$/ }), 'the street\'s two reports');
    const communities = (await district.rows('below')).map((r) => r[0]);
    assert.deepEqual(communities.sort(), ['新塘社区 · 社区', '晓塘社区 · 社区', '桂花社区（示例） · 社区'].sort());
    // The coverage of the street alone: its 5 compounds, 4 covered.
    assert.match(await district.stat('coverage'), /\(4\/5\)$/);

    await district.down('新塘社区 · 社区');
    await expectSeen(page.locator('[data-stat="reports"]', { hasText: /^1$/ }), 'the community\'s one report');
    assert.deepEqual((await district.rows('below')).map((r) => r[0]).sort(), ['东塘村小区 · 小区', '新塘北苑（示例） · 小区', '新塘南苑（示例） · 小区'].sort());

    await district.down('东塘村小区 · 小区');
    assert.deepEqual(await district.trail(), ['全区', '书院路街道 · 街道', '新塘社区 · 社区', '东塘村小区 · 小区']);
    const listed = await district.rows('reports-here');
    assert.deepEqual(listed.map((r) => r[0]), ['R20261201-DTDT1']);
    await page.locator('[data-table="reports-here"] a', { hasText: 'R20261201-DTDT1' }).click();
    const report = await expectSeen(page.locator('[data-report="R20261201-DTDT1"]'), 'the report opened');
    assert.match(await report.innerText(), /化粪池 · 已提交[\s\S]*化粪池堵塞，污水漫到路面/);
    assert.match(page.url(), /\/district\?c=dongtangcun&r=R20261201-DTDT1$/);

    // Back up, one level at a time and then to the top.
    await page.locator('[data-report] a[data-up]').click();
    await expectSeen(page.locator('[data-table="reports-here"]'), 'the compound\'s reports again');
    assert.equal(await page.locator('[data-report]').count(), 0);
    await district.up('新塘社区 · 社区');
    await district.up('全区');
    await expectSeen(page.locator('[data-stat="reports"]', { hasText: /^3$/ }), 'the whole district\'s three reports');
    // The browser's back button walks the same way down again.
    await page.goBack();
    await expectSeen(page.locator('[data-trail] li[aria-current="page"]', { hasText: '新塘社区 · 社区' }), 'back to the community');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a report this device does not have is said so, with the way back up', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/district?c=dongtangcun&r=R20991231-NONE0`);
    await expectSeen(page.locator('[data-report-missing]', { hasText: '本机没有这条报事' }), 'the missing report said so');
    await page.locator('a[data-up]', { hasText: '东塘村小区' }).first().click();
    await expectSeen(page.locator('[data-no-reports]'), 'the compound, with no reports here');
    // A place no compound is in (a mistyped or old link) shows the whole district.
    for (const query of ['c=nowhere', 'st=无此街道', 'st=书院路街道&cm=无此社区']) {
      await page.goto(`${site.server.url}/district?${query}`);
      await expectSeen(page.locator('[data-trail] li[aria-current="page"]', { hasText: '全区' }), `the district for ${query}`);
    }
    await context.close();
  });
});

describe('a street\'s account sees only its own communities\' compounds', () => {
  const env = useSyncSite({
    users: [['shuyuan', 'pw-shuyuan', 'street:书院路街道'], ['xintang', 'pw-xintang', 'community:书院路街道/新塘社区']],
    hub: true,
  });

  it('a community signed in to the console lists its own compounds and their reports, nothing else', async () => {
    for (const r of reports) {
      const doc = { ...r };
      delete doc._rev;
      await couchAdmin(env.couch, 'PUT', `r-${r.compound}/${r._id}`, doc).catch(() => {});
    }
    const phone = await env.phones.newPhone({ viewport: { width: 1280, height: 900 } });
    const page = await phone.newPage();
    await StewardPage.unlocked(page, env.site.url);
    const sync = new SyncPanel(page);
    await sync.signIn('xintang', 'pw-xintang');
    await sync.upToDate();
    const panel = await expectSeen(page.locator('[data-tier]', { hasText: '本账号只能看到：书院路街道 / 新塘社区 · 社区' }), 'the community\'s own panel');
    const listed = await panel.locator('[data-tier-compound]').evaluateAll((els) => els.map((e) => e.dataset.tierCompound));
    assert.deepEqual(listed, ['dongtangcun', 'xintang-beiyuan', 'xintang-nanyuan']);
    await expectSeen(panel.locator('[data-tier-compound="dongtangcun"] a', { hasText: 'R20261201-DTDT1' }), 'its compound\'s report');
    assert.ok(!(await panel.innerText()).includes('R20261201-THTH2'), '晓塘社区\'s report is not listed');
    assert.equal(await panel.locator('[data-reads-only]').count(), 0, 'a community writes: not told it only reads');
    const stored = (await storedDocs(page, 'report')).map((d) => d._id);
    assert.ok(!stored.some((d) => d.includes('THTH2') || d.includes('STST3')), stored.join());
    await phone.close();
  });

  it('signed in on /district, its street is the top; other compounds\' records never reach the phone', async () => {
    for (const r of reports) {
      const doc = { ...r };
      delete doc._rev;
      await couchAdmin(env.couch, 'PUT', `r-${r.compound}/${r._id}`, doc).catch(() => {});
    }
    await until(async () => (await couchAdmin(env.couch, 'GET', 'district/_all_docs')).rows.filter((r) => r.id.startsWith('report:')).length === 3, 20000, 'the reports in the district');
    const phone = await env.phones.newPhone({ viewport: { width: 1280, height: 900 } });
    const page = await phone.newPage();
    const district = await DistrictPage.open(page, env.site.url);
    const sync = new SyncPanel(page);
    await sync.signIn('shuyuan', 'pw-shuyuan');
    await sync.upToDate();
    await expectSeen(page.locator('[data-own-tier]', { hasText: '本账号只能看到：书院路街道 · 街道' }), 'the account\'s own street');
    assert.deepEqual(await district.trail(), ['书院路街道 · 街道'], 'no way up to the whole district');
    await expectSeen(page.locator('[data-stat="reports"]', { hasText: /^2$/ }), 'its street\'s two reports');
    const stored = (await storedDocs(page, 'report')).map((d) => d._id ?? d.id ?? JSON.stringify(d));
    assert.ok(stored.some((d) => d.includes('R20261201-DTDT1')) && stored.some((d) => d.includes('R20261201-THTH2')), stored.join());
    assert.ok(!stored.some((d) => d.includes('R20261201-STST3')), 'a compound outside its street never reaches the phone');
    // Asking for a compound outside its street shows its street instead.
    // (The test server speaks HTTP/1.1: the page's long polls, one per database, hold
    // Chromium's six connections until they end, up to 25 s — production's nginx speaks
    // HTTP/2. So the page load is not waited for, only what it shows.)
    await page.goto(`${env.site.url}/district?c=songtaoli`, { waitUntil: 'commit', timeout: 60_000 });
    await expectSeen(page.locator('[data-trail] li[aria-current="page"]', { hasText: '书院路街道 · 街道' }), 'its own street, not 松涛里', 60_000);
    assert.ok(!(await district.rows('below')).some((r) => r[0].includes('松涛里')));
    await district.down('晓塘社区 · 社区');
    await district.down('天鹤村小区 · 小区');
    assert.deepEqual((await district.rows('reports-here')).map((r) => r[0]), ['R20261201-THTH2']);
    // The server out of reach (every /db/ request fails, as offline): the page opened
    // again keeps to the street the account had at its last pass, before any pass.
    await page.route('**/db/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${env.site.url}/district`, { waitUntil: 'commit', timeout: 60_000 });
    await expectSeen(page.locator('[data-own-tier]', { hasText: '本账号只能看到：书院路街道 · 街道' }), 'its own street, with the server out of reach');
    assert.deepEqual(await district.trail(), ['书院路街道 · 街道'], 'still no way up to the whole district');
    // In the console too, and a street, which only reads, is told its changes stay here.
    await StewardPage.unlocked(page, env.site.url);
    const panel = await expectSeen(page.locator('[data-tier]', { hasText: '本账号只能看到：书院路街道 · 街道' }), 'the street\'s own panel, offline');
    await expectSeen(panel.locator('[data-reads-only]', { hasText: '修改不会发到服务器' }), 'the street told it only reads');
    await phone.close();
  });
});
