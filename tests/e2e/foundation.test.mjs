// The foundation: the shell paints before the wasm, the app mounts with the sample
// district, settings survive a reload, and every page renders without errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appReady, enumValues, expectSeen, screenshot, useSite, watchErrors } from './harness.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { Card } from './pages/card.mjs';
import { DirectoryPage } from './pages/directory.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';

const site = useSite();
/** Every steward role the app declares (src/domain/steward.rs), by key. */
const ROLES = enumValues('steward.rs', 'Role').map((r) => r.key);

describe('first visit', () => {
  it('paints the static shell before the wasm arrives, then mounts the app', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.goto(site.server.url + '/', { waitUntil: 'domcontentloaded' });
    const shell = await expectSeen(page.locator('#shell'), 'the static shell before the wasm');
    assert.match(await shell.innerText(), /小区管家/);
    // A first visit's `/` is the directory as HTML: links to every battle map work already.
    const directory = DirectoryPage.inShell(page);
    await expectSeen(directory.prompt, 'the prompt to choose a building, as HTML');
    assert.equal(await directory.link('dongtangcun').count(), 1);
    await screenshot(page, '00-shell');
    // The other browse paths get the plain shell until the app has its data.
    const other = await context.newPage();
    await other.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await other.goto(site.server.url + '/compounds', { waitUntil: 'domcontentloaded' });
    assert.match(await other.locator('#shell').innerText(), /正在加载/);
    releaseWasm();
    await appReady(page);
    assert.equal(await page.locator('#shell').count(), 0, 'the shell is replaced once the app has its data');
    await context.close();
  });

  it('on the QR path, the building card paints from HTML before the wasm, and the app takes over', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.goto(site.server.url + '/c/dongtangcun/b/3', { waitUntil: 'domcontentloaded' });
    const shell = Card.inShell(page);
    await shell.expectTitle('东塘村小区 3栋');
    assert.equal(await page.title(), '东塘村小区 3栋 · 小区管家 · Compound Steward');
    assert.equal(await shell.roles.count(), ROLES.length, 'a section for every role');
    for (const role of ROLES) {
      const call = shell.call(role);
      assert.match(await call.getAttribute('href'), /^tel:1380000\d{4}$/, role);
      await expectSeen(call, `the ${role} call button on screen`);
    }
    await screenshot(page, '00-prerendered-card');
    const before = await shell.stewardName('red').innerText();
    releaseWasm();
    await appReady(page);
    assert.equal(await page.locator('#shell').count(), 0, 'the app replaced the static card');
    assert.equal(await new Card(page).stewardName('red').first().innerText(), before, 'the same steward');
    await context.close();
  });

  it('a returning resident without a service worker sees "loading", not the first visit\'s directory, then their card', async () => {
    // In-app browsers without workers get the pre-rendered `/` from the server every time.
    const context = await site.phone.newPhone({ serviceWorkers: 'block' });
    await context.addInitScript(() => localStorage.setItem('cs.settings', JSON.stringify({
      schema: 1, data: { lang: 'Zh', elder_mode: false, my_building: { compound: 'dongtangcun', building: '3', unit: null }, updated_at: 1 },
    })));
    const page = await context.newPage();
    const errors = watchErrors(page);
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.goto(site.server.url + '/', { waitUntil: 'domcontentloaded' });
    const shell = page.locator('#shell');
    await expectSeen(shell.locator('.shell__returning'), 'the returning resident\'s "loading" shell');
    assert.doesNotMatch(await shell.innerText(), /先选一次|东塘村小区/);
    assert.match(await shell.innerText(), /正在加载/);
    releaseWasm();
    await appReady(page);
    await new Card(page).expectTitle('东塘村小区 3栋');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a card whose compound has no file of its own (published after the build) reads the whole district', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const data = [];
    page.on('request', (r) => r.url().includes('/data/') && data.push(new URL(r.url()).pathname));
    await page.route('**/data/c/dongtangcun.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3');
    await card.expectTitle('东塘村小区 3栋');
    assert.equal(await card.roles.count(), ROLES.length);
    assert.deepEqual([...new Set(data)], ['/data/c/dongtangcun.json', '/data/district.json']);
    assert.equal(await page.locator('.problem--dataset').count(), 0, 'no "could not load" notice');
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
    await context.close();
  });

  it('a first visit loads one small program: the card\'s on the QR path, the browse entry elsewhere, the report entry for the form (with the place kept); a submitted report\'s page is the resident app', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const programs = [];
    const data = [];
    page.on('request', (r) => r.url().endsWith('_bg.wasm') && programs.push(new URL(r.url()).pathname.replace(/-[0-9a-f]+_bg\.wasm$/, '')));
    page.on('request', (r) => r.url().includes('/data/') && data.push(new URL(r.url()).pathname));
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3', '2');
    await card.expectTitle('东塘村小区 3栋');
    assert.deepEqual(programs, ['/card/card'], 'the poster\'s path is the card entry alone');
    assert.deepEqual([...new Set(data)], ['/data/c/dongtangcun.json'], 'a card reads its compound\'s file, not the whole district');
    for (const path of ['/', '/compounds', '/c/dongtangcun']) {
      await page.goto(site.server.url + path);
      await appReady(page);
    }
    assert.deepEqual([...new Set(programs)], ['/card/card', '/browse'], 'the directory and battle map are the browse entry');
    // From a battle map, a card stays in the browse entry (no page load, no other program).
    await new BattleMap(page, 'dongtangcun').openCard('3');
    await card.expectTitle('东塘村小区 3栋');
    await card.chips.nth(2).click();
    await page.waitForURL(/\/c\/dongtangcun\/b\/3\?u=2$/);
    assert.deepEqual([...new Set(programs)], ['/card/card', '/browse']);
    // Reporting is the report entry: the form alone.
    await card.reportHere.click();
    await page.waitForURL(/\/report\/new\?c=dongtangcun&b=3&u=2$/);
    await appReady(page);
    assert.deepEqual([...new Set(programs)], ['/card/card', '/browse', '/report/new/report']);
    assert.equal(await page.locator('select').first().inputValue(), 'dongtangcun');
    // Submitted, the report's page (the send step, the timeline) is the resident app's: a
    // page load that finds the report in the store.
    const form = new ReportForm(page);
    await form.fillSeptic();
    const id = await form.submit();
    assert.deepEqual([...new Set(programs)], ['/card/card', '/browse', '/report/new/report', '/app/compound_steward']);
    assert.equal(await new ReportDetail(page).status(), 'submitted');
    assert.match(await page.locator('a.send__sms').getAttribute('href'), /^sms:/);
    assert.ok((await page.locator('[data-ref]').innerText()).includes(id));
    await context.close();
  });

  it('lists the sample district compounds with a prompt to choose a building', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const directory = await DirectoryPage.home(page, site.server.url);
    const names = await directory.listed();
    for (const name of ['天鹤村小区', '东塘村小区', '桂花村', '松涛里小区', '云峰安置区', '柏丽广场']) {
      assert.ok(names.includes(name), `${name} is listed`);
    }
    await expectSeen(directory.prompt, 'the prompt to choose a building');
    await screenshot(page, '01-home-no-building');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('persistence', () => {
  it('keeps language and elder mode across a reload, in the {schema, data} envelope', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/settings');
    await appReady(page);
    await page.getByLabel('长辈模式（大字）').check();
    await page.getByLabel('English').check();
    await expectSeen(page.getByRole('heading', { name: 'Settings' }), 'the settings page in English');
    await page.reload();
    await appReady(page);
    await expectSeen(page.getByRole('heading', { name: 'Settings' }), 'the settings page in English after a reload');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')));
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cs.settings')));
    assert.equal(stored.schema, 1);
    assert.equal(stored.data.lang, 'En');
    assert.equal(stored.data.elder_mode, true);
    await screenshot(page, '02-settings-elder-en');
    await context.close();
  });

  it('migrates settings written by the first prototype (schema 0)', async () => {
    const context = await site.phone.newPhone();
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('cs.settings', JSON.stringify({ lang: 'zh', my_building: 'dongtangcun/3' }));
      }
    });
    const page = await context.newPage();
    const card = await Card.home(page, site.server.url);
    await card.expectTitle('东塘村小区 3栋');
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cs.settings')));
    assert.equal(stored.schema, 1);
    assert.deepEqual(stored.data.my_building, { compound: 'dongtangcun', building: '3', unit: null });
    await context.close();
  });
});

describe('pages', () => {
  const pages = [
    ['03-directory', '/compounds', '小区'],
    ['04-compound', '/c/dongtangcun', '东塘村小区'],
    ['05-building', '/c/dongtangcun/b/3', '东塘村小区 3栋'],
    ['06-district', '/district', '全区概况'],
    ['07-reports', '/reports', '我的报事'],
    ['08-settings', '/settings', '设置'],
  ];
  for (const [name, path, heading] of pages) {
    it(`${path} renders on a cold deep link`, async () => {
      const context = await site.phone.newPhone();
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(site.server.url + path);
      await appReady(page);
      await expectSeen(page.locator('h1, h2').filter({ hasText: heading }), `a heading "${heading}"`);
      await screenshot(page, name);
      assert.equal(await page.locator('.app-nav [aria-current="page"]').count(), 1, 'exactly one nav item is current');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('shows a not-found page for unknown paths, and for unknown compounds', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/no/such/page');
    await appReady(page);
    await expectSeen(page.getByRole('heading', { name: '页面不存在' }), 'the heading "页面不存在"');
    await page.goto(site.server.url + '/c/no-such-compound');
    await appReady(page);
    await expectSeen(new BattleMap(page).notFound, '"找不到这个小区" for an unknown compound');
    await context.close();
  });

  it('computes the coverage rate from the data, beside the district figure', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/district');
    await appReady(page);
    // The sample has 8 compounds, 6 of them covered (each compound says whether it is:
    // 天鹤村 and the company-managed ones, and 松涛里's owners' self-governance).
    const coverage = page.locator('[data-stat="coverage"]');
    await expectSeen(coverage.filter({ hasText: '75.00% (6/8)' }), 'coverage "75.00% (6/8)"');
    await expectSeen(page.getByText('80.88% (457/565)'), 'the district\'s own figure "80.88% (457/565)" beside it');
    await context.close();
  });
});

describe('moving between pages', () => {
  // A mark on `window` survives moves inside one program and is gone after a page load.
  const mark = (page) => page.evaluate(() => { window.samePage = true; });
  const samePage = (page) => page.evaluate(() => window.samePage === true);

  it('taps on links stay in the page, back and forward return, and another program\'s link loads its page', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const directory = await DirectoryPage.open(page, site.server.url);
    await mark(page);
    await directory.link('dongtangcun').click();
    const map = new BattleMap(page, 'dongtangcun');
    await expectSeen(map.heading('东塘村小区'), 'the battle map of 东塘村小区');
    assert.equal(new URL(page.url()).pathname, '/c/dongtangcun');
    // Several grids fold: open the one with building 3.
    await map.openCard('3');
    const card = new Card(page);
    await card.expectTitle('东塘村小区 3栋');
    // A unit is the same page with a query: the card follows it, and so does the chip.
    await card.chips.nth(1).click();
    await page.waitForURL(/\/c\/dongtangcun\/b\/3\?u=/);
    assert.equal(await card.currentChip.count(), 1);
    assert.ok(await samePage(page), 'no page load between the directory, a battle map and a card');
    await page.goBack();
    await page.waitForURL(/\/b\/3$/);
    await page.goBack();
    await expectSeen(map.heading('东塘村小区'), 'the battle map again after going back');
    await page.goForward();
    await card.expectTitle('东塘村小区 3栋');
    assert.ok(await samePage(page), 'back and forward stay in the page');
    // Reporting is the resident app: a page load, the place kept in the link.
    await card.reportHere.click();
    await page.waitForURL(/\/report\/new\?c=dongtangcun/);
    await appReady(page);
    assert.equal(await samePage(page), false, 'another program\'s page is loaded');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a search rewrites the address in place, and a link opened in a new tab is left to the browser', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const directory = await DirectoryPage.open(page, site.server.url);
    await mark(page);
    const entries = await page.evaluate(() => history.length);
    await directory.find('东塘');
    assert.match(page.url(), /\/compounds\?q=%E4%B8%9C%E5%A1%98$/);
    assert.equal(await page.evaluate(() => history.length), entries, 'typing adds no history entries');
    await page.reload();
    await appReady(page);
    assert.equal(await directory.search.inputValue(), '东塘', 'the search survives a reload');
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      directory.link('dongtangcun').click({ modifiers: ['Control'] }),
    ]);
    await opened.waitForURL(/\/c\/dongtangcun$/);
    assert.equal(new URL(page.url()).pathname, '/compounds', 'the first tab stays where it was');
    await context.close();
  });
});
