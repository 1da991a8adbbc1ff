// The journeys residents and stewards take, end to end, written once against the driver
// interface of person.mjs and run in each engine (webkit.test.mjs, gecko.test.mjs). They
// assert only what a person SEES: text in a non-zero box on screen (`seen`), never an
// element that is merely in the document. Each journey leaves a screenshot of its last
// screen (also when it fails) in tests/engines/screenshots/<engine>-<n>-<name>.png.
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { freePort, startCouch, startServer } from '../e2e/harness.mjs';
import { mounted, photoFile, seen, sleep, until } from './person.mjs';

const shots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const CARD = '/c/dongtangcun/b/3';
const PIN = '2468';
// DIST=folder serves another build (a copy of dist/ kept still while dist/ is rebuilt).
const DIST = process.env.DIST || undefined;

/** A proxy in front of the static server that holds every .wasm until `release()`: the
 *  moment before the app starts, which a real phone on a slow network lives through. */
async function wasmHeldBack(target) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const server = createServer(async (req, res) => {
    if (new URL(req.url, target).pathname.endsWith('.wasm')) await held;
    const upstream = request(new URL(req.url, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, release, stop: () => { release(); server.closeAllConnections(); server.close(); } };
}

/** Building 3's card: its title, and for each of the three roles the role's name, the
 *  steward's name and a tel: call button, all on screen. */
async function cardOnScreen(phone, timeout) {
  await seen(phone, '东塘村小区 3栋', { timeout });
  for (const [role, name] of [['red', '红管家'], ['property', '物管家'], ['peacemaker', '和事佬']]) {
    await seen(phone, name, { timeout });
    await seen(phone, { css: `.card__role.role--${role} .steward__name` }, { timeout });
    await seen(phone, { css: `.card__role.role--${role} a.phone__call[href^="tel:1"]` }, { timeout });
    // The role's icon, on screen in the role's colour (the stylesheet's .role--<key>).
    await until(phone, `the ${role} icon in its colour`, (css) => {
      const icon = document.querySelector(css);
      if (!icon || icon.getBoundingClientRect().width < 16) return false;
      const section = getComputedStyle(icon.closest('.card__role'));
      // Without a rule of its own the role would fall back to the text's colour.
      return getComputedStyle(icon).color === section.borderLeftColor && section.borderLeftColor !== section.color;
    }, `.card__role.role--${role} .role-badge svg.icon`);
  }
}

/** Opens a page of the app and waits until it has mounted. */
async function visit(phone, url) {
  await phone.open(url);
  await mounted(phone);
}

/** The page is controlled by the app's service worker (reloading once, as the first visit
 *  only installs it); fails saying what the engine has instead. */
async function workerInControl(phone) {
  const state = () => Promise.race([
    navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => 'ready') : 'no navigator.serviceWorker',
    new Promise((resolve) => setTimeout(() => resolve('not ready after 15 s'), 15000)),
  ]).then((ready) => ({ ready, controlled: !!navigator.serviceWorker?.controller }));
  let worker = await phone.evaluate(state);
  if (worker.ready === 'ready' && !worker.controlled) {
    await phone.reload();
    await mounted(phone);
    worker = await phone.evaluate(state);
  }
  assert.ok(worker.controlled, `${phone.engine}: no service worker controls the page (${worker.ready}), so nothing can open offline`);
}

/** The hand-off link in the report page's sms: href, as the SMS carries it (its last line). */
async function handoffLink(phone) {
  await seen(phone, { css: 'a[data-handoff-sms]' });
  const href = await phone.evaluate(() => document.querySelector('a[data-handoff-sms]').getAttribute('href'));
  return decodeURIComponent(href.split('?body=')[1]).split('\n').pop();
}

/** Files a report through the form on the page that is open; returns its id and link. */
async function fileReport(phone, description, photo) {
  await phone.select({ label: '类别' }, '化粪池');
  await phone.select({ label: '是否已经外溢？' }, '是');
  await phone.type({ label: '问题描述' }, description);
  if (photo) {
    await phone.upload({ css: 'input[name="photo"]' }, photo);
    await seen(phone, { css: 'img.photos__thumb' });
  }
  await phone.click('提交报事');
  const url = await until(phone, 'the report page after 提交报事', () => /\/reports\/R\d{8}-[0-9A-Z]{5}$/.test(location.pathname) && location.href);
  const id = url.split('/').pop();
  await seen(phone, id);
  if (photo) {
    // The photo on the report's page, decoded (a broken image has a box too).
    await seen(phone, { css: 'img.photos__thumb' });
    await until(phone, 'the photo to show', () => [...document.querySelectorAll('img.photos__thumb')].some((i) => i.complete && i.naturalWidth > 0));
  }
  return { id, description, link: await handoffLink(phone) };
}

/**
 * The journeys in order. `continues` runs on the previous journey's phone (the same
 * browser and storage); every other journey gets a fresh phone.
 */
const JOURNEYS = [
  {
    key: 'card', name: "a building's card shows its three stewards and call buttons, before and after the app starts",
    async run(phone, env) {
      const proxy = await wasmHeldBack(env.site.url);
      try {
        await phone.open(proxy.url + CARD);
        await cardOnScreen(phone, 15000);
        assert.equal(await phone.evaluate(() => !!document.querySelector('nav.app-nav')), false, 'the app had not started yet');
        await phone.screenshot('1-card-before-app');
        proxy.release();
        await mounted(phone);
        // Once the app has taken over, the same card must still be on screen (WebKit once
        // gave every element a zero box here: a blank page with the whole card in the DOM).
        await sleep(500);
        await cardOnScreen(phone, 5000);
        await seen(phone, { css: 'nav.app-nav' }, { timeout: 5000 });
      } finally {
        proxy.stop();
      }
    },
  },
  {
    key: 'directory', name: 'the directory finds 东塘 as it is typed, and a tap opens its battle map with its published contract',
    async run(phone, env) {
      await visit(phone, `${env.site.url}/compounds`);
      await seen(phone, '松涛里小区');
      await phone.type({ label: '搜索小区' }, '东塘');
      await until(phone, 'the list to show only 东塘 compounds', () => {
        const names = [...document.querySelectorAll('.compound-list__name')].map((n) => n.textContent);
        return names.length > 0 && names.every((n) => n.includes('东塘'));
      });
      await phone.click('东塘村小区');
      await seen(phone, '一小区一作战图');
      assert.equal(new URL(await phone.url()).pathname, '/c/dongtangcun');
      await seen(phone, '红管家');
      // The office's published records, a tap away: the 金地 package's contract.
      await phone.click('业委会与物业合同');
      await seen(phone, '物业服务合同');
      await seen(phone, '连片托管：同一份合同还管着另外 2 个小区。');
    },
  },
  {
    key: 'report-offline', name: 'a report with a photo is filed with the server down, listed, and still there after a reload',
    async run(phone, env) {
      await visit(phone, `${env.site.url}/report/new?c=dongtangcun&b=3`);
      await workerInControl(phone);
      env.site.stop();
      try {
        // The form itself comes from the worker now.
        await phone.reload();
        await mounted(phone);
        await seen(phone, '提交报事');
        // The roster came from the worker's cache too: the form's compound is chosen by
        // name (without the published data the report would go to no steward).
        await until(phone, 'the form to have 东塘村小区 chosen', () =>
          [...document.querySelectorAll('select')].some((s) => s.selectedOptions[0]?.textContent.includes('东塘村小区')));
        const photo = await photoFile(join(env.tmp, 'septic.png'));
        env.report = await fileReport(phone, `3栋化粪池堵塞，污水外溢（${phone.engine}）`, photo);
        await seen(phone, '化粪池');
        await visit(phone, `${env.site.url}/reports`);
        await seen(phone, env.report.id);
        await phone.reload();
        await mounted(phone);
        await seen(phone, env.report.id);
        await seen(phone, env.report.description);
      } finally {
        await env.restartSite();
      }
    },
  },
  {
    key: 'handoff', name: "the report's hand-off link opens in the steward console and shows the report", continues: true,
    async run(phone, env) {
      const report = await reportOf(phone, env);
      // A fresh load, as from the SMS app.
      await phone.open('about:blank');
      await visit(phone, report.link);
      assert.match(new URL(await phone.url()).pathname, /^\/steward\/r$/);
      await seen(phone, '来自报事人发来的链接');
      await seen(phone, report.description);
      await seen(phone, report.id);
    },
  },
  {
    // The steward's own phone: on the lead's, the console shares the resident app's
    // storage and rightly says it has the report already.
    key: 'steward', name: "steward mode on the steward's phone: a PIN is set, the report taken into the queue and listed there",
    async run(phone, env) {
      if (!env.report) {
        await reportOf(phone, env);
        phone = await env.freshPhone();
      }
      const report = env.report;
      await visit(phone, report.link);
      await phone.type({ label: 'PIN（4 到 8 位数字）' }, PIN);
      await phone.type({ label: '再输一次 PIN' }, PIN);
      await phone.click('保存 PIN');
      await phone.click('加入我的待办');
      await seen(phone, '已加入待办。');
      await phone.click('查看这份报事');
      await seen(phone, report.description);
      await phone.click('返回我的待办');
      await seen(phone, '我的待办');
      await seen(phone, { css: `[data-report="${report.id}"]` });
      await seen(phone, '锁定管家模式');
    },
  },
  {
    key: 'district', name: '/district shows its figures',
    async run(phone, env) {
      await visit(phone, `${env.site.url}/district`);
      await seen(phone, { css: '[data-stat="coverage"]' });
      await seen(phone, '80.88% (457/565)');
      const coverage = await phone.evaluate(() => document.querySelector('[data-stat="coverage"]').textContent);
      assert.match(coverage, /\d+\.\d\d% \(\d+\/\d+\)/);
      await seen(phone, { css: '[data-table="coverage-by-mode"]' });
      // The office's records are counted and the tiers drill down in this engine too.
      for (const kind of ['committee', 'contract', 'company', 'meeting']) {
        await seen(phone, { css: `[data-${kind}-counts]` });
      }
      await phone.click({ css: '[data-table="below"] tbody a' });
      await seen(phone, { css: '[data-trail] li a[data-up]' });
      await seen(phone, { css: '[data-trail] li[aria-current="page"]' });
    },
  },
  {
    key: 'storage', name: 'what keeps the records: the persistence answer under 我的, and on WebKit the seven-day warning, told once',
    async run(phone, env) {
      await visit(phone, `${env.site.url}/settings`);
      // Every engine is asked for persistent storage; the page says what it answered.
      await seen(phone, { css: '[data-persisted]' });
      const webkit = phone.engine === 'WebKit';
      await visit(phone, `${env.site.url}/reports`);
      await seen(phone, '我的报事');
      if (!webkit) {
        // Firefox and Chromium keep a site's storage: no warning (the heading is drawn, so
        // the notice would be too).
        assert.equal(await phone.evaluate(() => document.querySelectorAll('[data-storage-notice]').length), 0);
        return;
      }
      await seen(phone, '苹果手机请注意');
      await seen(phone, '还没有备份，也没有同步过。');
      await phone.screenshot('8-storage-warning');
      await phone.click('知道了');
      await until(phone, 'the warning to go', () => !document.querySelector('[data-storage-notice]'));
      // Told once: not on the report form or the list again, after a reload too.
      await visit(phone, `${env.site.url}/report/new`);
      await seen(phone, '提交报事');
      assert.equal(await phone.evaluate(() => document.querySelectorAll('[data-storage-notice]').length), 0, 'told once');
      // 我的 always says it.
      await visit(phone, `${env.site.url}/settings`);
      await seen(phone, '苹果手机请注意');
    },
  },
  {
    key: 'sync', name: '同步: a resident signs in to the sync server and is up to date',
    async run(phone, env) {
      const couch = await startCouch({ users: [['li', 'pw-li']] });
      const site = await startServer(DIST, { couch });
      try {
        await visit(phone, `${site.url}/settings`);
        await phone.type({ label: '用户名' }, 'li');
        await phone.type({ label: '密码' }, 'pw-li');
        await phone.click('登录并同步');
        await seen(phone, '已登录：li', { timeout: 20000 });
        await seen(phone, { css: '[data-sync-state]' });
        await until(phone, 'the sync state 已同步', () => document.querySelector('[data-sync-state]')?.textContent.startsWith('已同步'));
        await seen(phone, '已同步');
      } finally {
        await phone.screenshot('7-sync').catch(() => {});
        site.stop();
        await couch.stop();
      }
    },
  },
];

/** The report journey 3 filed, or — when it failed — one filed now, online, on this phone,
 *  so the hand-off journeys still test the hand-off. */
async function reportOf(phone, env) {
  if (env.report) return env.report;
  await visit(phone, `${env.site.url}/report/new?c=dongtangcun&b=3`);
  env.report = await fileReport(phone, `3栋化粪池堵塞（${phone.engine}，在线）`);
  return env.report;
}

/**
 * Registers the journeys as tests of one engine. `start()` resolves to a lane:
 * `{ newPhone(shotsDir), stop() }`; the lane, the phones and the servers are stopped after
 * the file, whatever happened.
 */
export function journeys(engine, start) {
  describe(`journeys in ${engine}`, () => {
    const env = { lane: null, site: null, phone: null, report: null, tmp: mkdtempSync(join(tmpdir(), 'cs-engines-')) };
    env.restartSite = async () => {
      // The same port, so the same origin (and its storage and worker) comes back.
      const port = Number(new URL(env.site.url).port);
      for (let i = 0; ; i++) {
        try {
          env.site = await startServer(DIST, { port });
          return;
        } catch (e) {
          if (i > 20) throw e;
          await sleep(250);
        }
      }
    };
    /** Closes the phone in use (only one at a time: WebKitWebDriver runs one session). */
    env.freshPhone = async () => {
      await env.phone?.close();
      env.phone = null;
      env.phone = await env.lane.newPhone(shots);
      return env.phone;
    };
    before(async () => {
      env.site = await startServer(DIST);
      env.lane = await start();
    });
    after(async () => {
      await env.phone?.close();
      await env.lane?.stop();
      env.site?.stop();
      rmSync(env.tmp, { recursive: true, force: true });
    });
    JOURNEYS.forEach((journey, i) => {
      it(`${i + 1}. ${journey.name}`, { timeout: 120000 }, async (t) => {
        if (!journey.continues || !env.phone) await env.freshPhone();
        try {
          await journey.run(env.phone, env);
        } finally {
          if (journey.key !== 'sync') await env.phone.screenshot(`${i + 1}-${journey.key}`).catch(() => {});
          const errors = await env.phone.errors().catch(() => []);
          for (const e of errors) t.diagnostic(`${engine} page error: ${e}`);
        }
      });
    });
  });
}
