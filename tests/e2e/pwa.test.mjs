// Installable and offline: the manifest passes Chromium's installability check, the app
// cold-starts offline on any route, a new deployment is offered (never forced), and the
// Content-Security-Policy holds on every page.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appReady, expectSeen, persistentPhone, root, screenshot, startBrowser, startServer, storedReports, until } from './harness.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { Card } from './pages/card.mjs';
import { DirectoryPage } from './pages/directory.mjs';
import { applyLink, linkFromSms, openLink } from './pages/handoff.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { StewardPage } from './pages/steward.mjs';

let phone;
before(async () => { phone = await startBrowser(); });
after(async () => { await phone?.browser.close(); });

/** A private copy of dist/ so a test can "deploy" a new version into it. */
function siteCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'cs-site-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  return dir;
}

async function controlledPage(url, path = '/') {
  const context = await phone.newPhone();
  const page = await context.newPage();
  await page.goto(url + path);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await appReady(page);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker controls the page');
  return { context, page };
}

describe('installable PWA', () => {
  it('has no installability errors and a complete manifest', async () => {
    const server = await startServer();
    const profile = mkdtempSync(join(tmpdir(), 'cs-profile-'));
    // Incognito contexts are never installable: this one check uses a real profile.
    const context = await persistentPhone(profile);
    after(() => { server.stop(); rmSync(profile, { recursive: true, force: true }); });
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await (await page.request.get(server.url + '/manifest.webmanifest')).json();
    assert.equal(manifest.lang, 'zh-CN');
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.shortcuts.map((s) => s.url), ['/', '/report/new']);
    for (const icon of manifest.icons) {
      const res = await page.request.get(server.url + icon.src);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'image/png');
    }
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    await context.close();
  });

  it('the worker precaches exactly the build output', async () => {
    const sw = readFileSync(join(root, 'dist', 'sw.js'), 'utf8');
    const list = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
    const wasm = list.filter((p) => p.endsWith('_bg.wasm'));
    // Four programs for residents: the card entry (at /card/), the browse entry, the report
    // entry (at /report/new/) and the resident app (at /app/).
    assert.equal(wasm.length, 4, wasm.join());
    const page = (path) => readFileSync(join(root, 'dist', path), 'utf8');
    assert.ok(page('index.html').includes(wasm.find((p) => !/^\/(app|card|report)\//.test(p))), 'the browse wasm index.html loads');
    const cardWasm = wasm.find((p) => p.startsWith('/card/'));
    assert.ok(page('card/index.html').includes(cardWasm), 'the card entry\'s wasm its page loads');
    assert.ok(page('c/dongtangcun/b/3/index.html').includes(cardWasm.replace('_bg.wasm', '.js')), 'a pre-rendered card loads the card entry');
    assert.ok(page('report/new/index.html').includes(wasm.find((p) => p.startsWith('/report/new/'))), 'the report entry\'s wasm its page loads');
    assert.ok(page('app/index.html').includes(wasm.find((p) => p.startsWith('/app/'))), 'the resident app\'s wasm its page loads');
    assert.ok(page('404.html') === page('app/index.html'), 'unknown paths get the resident app');
    assert.ok(['/index.html', '/compounds/index.html', '/card/index.html', '/report/new/index.html', '/app/index.html', '/data/district.json'].every((p) => list.includes(p)), list.join());
    assert.ok(!list.some((p) => p.startsWith('/c/')), 'not the pre-rendered cards');
  });
});

describe('offline', () => {
  it('cold-starts offline on a deep link after one visit', async () => {
    const server = await startServer();
    const { context, page } = await controlledPage(server.url);
    await context.setOffline(true);
    const fresh = await context.newPage();
    const card = await Card.open(fresh, server.url, 'dongtangcun', '3');
    await card.expectTitle('东塘村小区 3栋');
    await expectSeen(fresh.getByText('当前离线'), '"当前离线" on the offline card');
    assert.match(await card.call('red').getAttribute('href'), /^tel:/);
    await screenshot(fresh, '30-offline-card');
    const directory = await DirectoryPage.open(fresh, server.url, '?q=dtc');
    await directory.expectFirst('东塘村小区');
    // The card's "report here" leads into the other program, cached by the same visit.
    await Card.open(fresh, server.url, 'dongtangcun', '3');
    await card.reportHere.click();
    await fresh.waitForURL(/\/report\/new\?c=dongtangcun&b=3/);
    await appReady(fresh);
    assert.equal(await fresh.locator('select').first().inputValue(), 'dongtangcun');
    assert.match(await fresh.locator('script[type=module]').first().textContent(), /\/report\/new\/report-/, 'the report entry, from the cache');
    await fresh.goto(server.url + '/reports');
    await appReady(fresh);
    assert.match(await fresh.locator('script[type=module]').first().textContent(), /\/app\/compound_steward-/);
    await context.close();
    server.stop();
    void page;
  });
});

describe('the steward console offline', () => {
  it('after one visit, a report link opens and is taken in with no network', async () => {
    const server = await startServer();
    const lead = await (await phone.newPhone()).newPage();
    const form = await ReportForm.open(lead, server.url, '?c=dongtangcun&b=3');
    await form.fillSeptic();
    const id = await form.submit();
    const { link } = await linkFromSms(lead);
    // The steward's phone has opened the console once: its own worker, scoped to /steward/.
    const { context, page } = await controlledPage(server.url, '/steward/');
    assert.match(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), /\/steward\/sw\.js$/);
    await StewardPage.unlocked(page, server.url);
    await context.setOffline(true);
    await openLink(page, link);
    assert.equal(await applyLink(page), '已加入待办。');
    assert.ok((await storedReports(page)).some((r) => r.id === id));
    await context.close();
    server.stop();
  });

  it('each program caches only its own build', async () => {
    const list = (path) => JSON.parse(readFileSync(join(root, 'dist', path), 'utf8').match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
    const resident = list('sw.js');
    const console = list('steward/sw.js');
    assert.ok(!resident.some((p) => p.startsWith('/steward/')), 'residents never download the console');
    assert.ok(console.every((p) => p.startsWith('/steward/') || p === '/data/district.json'), console.join());
    assert.ok(console.includes('/steward/index.html') && console.some((p) => p.endsWith('_bg.wasm')));
  });
});

describe('updates', () => {
  it('a first visit to the console after the resident app offers no update', async () => {
    const server = await startServer();
    // The resident worker (scope /) controls the console's page before its own installs.
    const { context, page } = await controlledPage(server.url, '/');
    await page.goto(server.url + '/steward/');
    await appReady(page);
    // Wait until the console's own worker has installed and activated: the moment the old
    // code offered "new version".
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration('/steward/')
      .then((r) => r?.active?.scriptURL.endsWith('/steward/sw.js') && !r.installing && !r.waiting));
    await expectSeen(page.getByRole('heading'), 'the console\'s heading');
    assert.equal(await page.getByText('新版本可用').count(), 0, 'a fresh install is no update');
    await context.close();
    server.stop();
  });

  it('a new deployment is offered with 新版本可用 · 刷新 and works after the tap', async () => {
    const site = siteCopy();
    const server = await startServer(site);
    const { context, page } = await controlledPage(server.url, '/c/dongtangcun');
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    // Deploy: a changed index.html and so a new worker version.
    const swPath = join(site, 'sw.js');
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/const VERSION = '(\w+)'/, "const VERSION = '$1next'"));
    writeFileSync(join(site, 'index.html'), readFileSync(join(site, 'index.html'), 'utf8').replace('</body>', '<!-- v2 --></body>'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const prompt = page.getByRole('alert').filter({ hasText: '新版本可用' });
    await expectSeen(prompt, 'the prompt "新版本可用"');
    assert.equal(await page.evaluate(() => caches.keys().then((k) => k.length)), 2, 'the old cache stays until the switch');
    await screenshot(page, '31-update-prompt');
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: '刷新' }).click()]);
    await appReady(page);
    await expectSeen(new BattleMap(page, 'dongtangcun').heading('东塘村小区'), 'the battle map after the update');
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 1, 'old caches are removed after activation');
    assert.match(keys[0], /next$/);
    assert.deepEqual(failed, []);
    await context.close();
    server.stop();
    rmSync(site, { recursive: true, force: true });
  });
});

describe('content security policy', () => {
  it('has no unsafe-inline and no violation on any page', async () => {
    const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"), csp);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    const server = await startServer();
    const context = await phone.newPhone();
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
        e.target?.id === 'csp-canary' ? 'canary' : `${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    for (const path of ['/report/new?c=dongtangcun&b=1', '/', '/compounds', '/c/dongtangcun', '/c/dongtangcun/b/1', '/c/dongtangcun/poster', '/reports', '/district', '/settings', '/nope']) {
      await page.goto(server.url + path);
      await appReady(page);
      // The page has drawn its content (the data is in: no loading notice, a heading)...
      await page.waitForFunction(() => !document.querySelector('.loading'));
      await expectSeen(page.locator('main :is(h1, h2)'), `the heading of ${path}`);
      // ...and the policy's reports have reached the listener: an inline script of our own,
      // refused after everything the page did, is reported; what came before it has been.
      await page.evaluate(() => {
        const canary = document.createElement('script');
        canary.id = 'csp-canary';
        canary.textContent = 'window.__canaryRan = true;';
        document.head.append(canary);
      });
      await until(() => page.evaluate(() => window.__violations.includes('canary')), 5000, `the refused canary script reported on ${path}`);
      assert.equal(await page.evaluate(() => window.__canaryRan === true), false, 'the policy refused the inline script');
      assert.deepEqual(await page.evaluate(() => window.__violations.filter((v) => v !== 'canary')), [], path);
    }
    await context.close();
    server.stop();
  });
});

describe('a browser that cannot run the app', () => {
  it('says so in one sentence instead of loading forever, and a pre-rendered card stays', async () => {
    const server = await startServer();
    const context = await phone.newPhone({ serviceWorkers: 'block' });
    await context.addInitScript(() => { delete window.WebAssembly; });
    const page = await context.newPage();
    await page.goto(server.url + '/reports');
    const said = page.getByRole('alert').filter({ hasText: '这个浏览器太旧' });
    await expectSeen(said, 'the alert "这个浏览器太旧"', 10000);
    await page.goto(server.url + '/c/dongtangcun/b/3');
    await Card.inShell(page).expectTitle('东塘村小区 3栋');
    const call = await expectSeen(Card.inShell(page).call('red'), 'a call button of the pre-rendered card: calls work as HTML');
    assert.match(await call.getAttribute('href'), /^tel:/);
    await context.close();
    server.stop();
  });
});
