// The foundation: the shell paints before the wasm, the app mounts with the sample
// district, settings survive a reload, and every page renders without errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appReady, screenshot, useSite, watchErrors } from './harness.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';

const site = useSite();

describe('first visit', () => {
  it('paints the static shell before the wasm arrives, then mounts the app', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.goto(site.server.url + '/', { waitUntil: 'domcontentloaded' });
    const shell = page.locator('#shell');
    await shell.waitFor();
    assert.match(await shell.innerText(), /小区管家/);
    // A first visit's `/` is the directory as HTML: links to every battle map work already.
    assert.match(await shell.innerText(), /先选一次您住的小区和楼栋/);
    assert.equal(await shell.locator('a.compound-list__link[href="/c/dongtangcun"]').count(), 1);
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
    const shell = page.locator('#shell');
    await shell.locator('.card__title', { hasText: '东塘村小区 3栋' }).waitFor();
    assert.equal(await page.title(), '东塘村小区 3栋 · 小区管家 · Compound Steward');
    for (const role of ['red', 'property', 'peacemaker']) {
      const call = shell.locator(`.card__role--${role} a.phone__call`);
      assert.match(await call.getAttribute('href'), /^tel:1380000\d{4}$/, role);
      assert.ok(await call.isVisible(), `${role} call button on screen`);
    }
    await screenshot(page, '00-prerendered-card');
    const before = await shell.locator('.card__role--red .steward__name').innerText();
    releaseWasm();
    await appReady(page);
    assert.equal(await page.locator('#shell').count(), 0, 'the app replaced the static card');
    assert.equal(await page.locator('.card__role--red .steward__name').first().innerText(), before, 'the same steward');
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
    await shell.locator('.shell__returning').waitFor();
    assert.doesNotMatch(await shell.innerText(), /先选一次|东塘村小区/);
    assert.match(await shell.innerText(), /正在加载/);
    releaseWasm();
    await appReady(page);
    await page.getByText('东塘村小区 3栋').first().waitFor();
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
    await page.goto(site.server.url + '/c/dongtangcun/b/3');
    await appReady(page);
    await page.getByText('东塘村小区 3栋').waitFor();
    assert.equal(await page.locator('.card__role').count(), 3);
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
    await page.goto(site.server.url + '/c/dongtangcun/b/3?u=2');
    await appReady(page);
    await page.getByText('东塘村小区 3栋').waitFor();
    assert.deepEqual(programs, ['/card/card'], 'the poster\'s path is the card entry alone');
    assert.deepEqual([...new Set(data)], ['/data/c/dongtangcun.json'], 'a card reads its compound\'s file, not the whole district');
    for (const path of ['/', '/compounds', '/c/dongtangcun']) {
      await page.goto(site.server.url + path);
      await appReady(page);
    }
    assert.deepEqual([...new Set(programs)], ['/card/card', '/browse'], 'the directory and battle map are the browse entry');
    // From a battle map, a card stays in the browse entry (no page load, no other program).
    const card = page.locator('a.battle-map__card-link[href="/c/dongtangcun/b/3"]');
    await page.locator('.battle-map__grid', { has: card }).locator('summary').click();
    await card.click();
    await page.getByText('东塘村小区 3栋').waitFor();
    await page.locator('.chips a.chip').nth(2).click();
    await page.waitForURL(/\/c\/dongtangcun\/b\/3\?u=2$/);
    assert.deepEqual([...new Set(programs)], ['/card/card', '/browse']);
    // Reporting is the report entry: the form alone.
    await page.locator('a.report-here').click();
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
    await page.goto(site.server.url + '/');
    await appReady(page);
    await page.getByText('东塘村小区').first().waitFor();
    const names = await page.locator('.compound-list__name').allInnerTexts();
    for (const name of ['天鹤村小区', '东塘村小区', '桂花村', '松涛里小区', '云峰安置区', '柏丽广场']) {
      assert.ok(names.includes(name), `${name} is listed`);
    }
    await page.getByText('先选一次您住的小区和楼栋').waitFor();
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
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
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
    await page.goto(site.server.url + '/');
    await appReady(page);
    await page.getByRole('heading', { name: '我的楼栋' }).waitFor();
    await page.getByText('东塘村小区 3栋').waitFor();
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
      await page.locator('h1, h2').filter({ hasText: heading }).first().waitFor();
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
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await page.goto(site.server.url + '/c/no-such-compound');
    await appReady(page);
    await page.getByText('找不到这个小区').waitFor();
    await context.close();
  });

  it('computes the coverage rate from the data, beside the district figure', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/district');
    await appReady(page);
    // The sample has 8 compounds, 4 of them property-managed and covered.
    await page.locator('[data-stat="coverage"]').filter({ hasText: '50.00% (4/8)' }).waitFor();
    await page.getByText('80.88% (457/565)').waitFor();
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
    await page.goto(site.server.url + '/compounds');
    await appReady(page);
    await mark(page);
    await page.locator('a.compound-list__link[href="/c/dongtangcun"]').click();
    await page.getByRole('heading', { name: '东塘村小区', exact: true }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/c/dongtangcun');
    // Several grids fold: open the one with building 3.
    const card = page.locator('a.battle-map__card-link[href="/c/dongtangcun/b/3"]');
    await page.locator('.battle-map__grid', { has: card }).locator('summary').click();
    await card.click();
    await page.getByText('东塘村小区 3栋').waitFor();
    // A unit is the same page with a query: the card follows it, and so does the chip.
    await page.locator('.chips a.chip').nth(1).click();
    await page.waitForURL(/\/c\/dongtangcun\/b\/3\?u=/);
    assert.equal(await page.locator('.chips a.chip[aria-current="page"]').count(), 1);
    assert.ok(await samePage(page), 'no page load between the directory, a battle map and a card');
    await page.goBack();
    await page.waitForURL(/\/b\/3$/);
    await page.goBack();
    await page.getByRole('heading', { name: '东塘村小区', exact: true }).waitFor();
    await page.goForward();
    await page.getByText('东塘村小区 3栋').waitFor();
    assert.ok(await samePage(page), 'back and forward stay in the page');
    // Reporting is the resident app: a page load, the place kept in the link.
    await page.locator('a.report-here').click();
    await page.waitForURL(/\/report\/new\?c=dongtangcun/);
    await appReady(page);
    assert.equal(await samePage(page), false, 'another program\'s page is loaded');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a search rewrites the address in place, and a link opened in a new tab is left to the browser', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/compounds');
    await appReady(page);
    await mark(page);
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('searchbox').fill('东塘');
    await page.waitForURL(/\/compounds\?q=%E4%B8%9C%E5%A1%98$/);
    assert.equal(await page.evaluate(() => history.length), entries, 'typing adds no history entries');
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByRole('searchbox').inputValue(), '东塘', 'the search survives a reload');
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('a.compound-list__link[href="/c/dongtangcun"]').click({ modifiers: ['Control'] }),
    ]);
    await opened.waitForURL(/\/c\/dongtangcun$/);
    assert.equal(new URL(page.url()).pathname, '/compounds', 'the first tab stays where it was');
    await context.close();
  });
});
