// Shared set-up for the browser tests: serve dist/ on a free 127.0.0.1 port, start Debian's
// Chromium through playwright-core with a phone-sized viewport, and save screenshots.
import { AssertionError } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const shots = join(here, 'screenshots');

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the static server on `dir` (dist/ by default); resolves once it listens. With
 *  `couch` (a sync server from `startCouch`) it passes /db/ to it through the relay's
 *  door, as nginx does in production; with `port`, it listens there (a server stopped to
 *  test offline comes back at the same origin). */
export async function startServer(dir = join(root, 'dist'), { couch = null, port = null } = {}) {
  port ??= await freePort();
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve-dist.mjs'), String(port), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(couch ? { COUCH: couch.url, DOOR: couch.door } : {}) },
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** A phone in a persistent (non-incognito) profile, as an installable app needs. */
export async function persistentPhone(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

/** Polls `check` until it returns something truthy (that value), or fails after `ms`
 *  naming `what` — a wait that says what it waited for. */
export async function until(check, ms = 20000, what = 'condition') {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The text a person sees on `page` (its body's innerText, blank runs folded), cut to
 *  `max` characters: what a failed check says the page showed instead. */
export async function shownText(page, max = 600) {
  const text = await page.evaluate(() => document.body?.innerText ?? '').catch((e) => `(page unreadable: ${e.message})`);
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > max ? `${folded.slice(0, max)}…` : folded || '(nothing)';
}

/** The first element of `locator` that is on screen: visible, with a box of some size. */
async function firstOnScreen(locator) {
  const n = await locator.count().catch(() => 0);
  for (let i = 0; i < n; i++) {
    const el = locator.nth(i);
    const box = await el.boundingBox().catch(() => null);
    if (box && box.width > 0 && box.height > 0 && (await el.isVisible().catch(() => false))) return el;
  }
  return null;
}

/**
 * Asserts that `locator` comes on screen (in the DOM, visible, with a box) within `ms`, and
 * returns its first such element. On timeout it fails as an assertion naming `what` was
 * expected and quoting what the page showed instead — never as a bare timeout.
 */
export async function expectSeen(locator, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const el = await firstOnScreen(locator);
    if (el) return el;
    if (Date.now() > end) {
      const attached = await locator.count().catch(() => 0);
      throw new AssertionError({
        message: `expected to see ${what} within ${ms} ms (${locator}: ${attached ? `${attached} in the DOM, none on screen` : 'not in the DOM'}); `
          + `the page (${locator.page().url()}) showed: ${await shownText(locator.page())}`,
      });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `action` (a tap) and answers the confirm dialog it opens — dismissed unless
 * `accept` — resolving with the dialog's message once answered: the signal that the app
 * asked and has its answer (`confirm` returns in the same task, so what the app does next
 * has run before the next check reaches the page). Fails naming `what` if no dialog comes.
 */
export async function answerConfirm(page, action, what, { accept = false, ms = 10000 } = {}) {
  let timer;
  let answer;
  const answered = new Promise((resolve, reject) => {
    answer = async (d) => {
      clearTimeout(timer);
      const message = d.message();
      await (accept ? d.accept() : d.dismiss());
      resolve(message);
    };
    page.once('dialog', answer);
    timer = setTimeout(async () => {
      page.off('dialog', answer);
      reject(new AssertionError({ message: `expected a dialog asking ${what} within ${ms} ms; the page showed: ${await shownText(page)}` }));
    }, ms);
  });
  await action();
  return answered;
}

/**
 * The values of a `keyed_enum!` in the Rust source (`src/domain/<file>`), in declaration
 * order: `[{ name, key }]`, e.g. `{ name: 'Red', key: 'red' }` — for tests that check
 * every value the app has, not a copy of today's list.
 */
export function enumValues(file, name) {
  const rust = readFileSync(join(root, 'src', 'domain', file), 'utf8');
  const start = rust.indexOf(`pub enum ${name} {`);
  if (start < 0) throw new Error(`no enum ${name} in src/domain/${file}`);
  const body = rust.slice(start, rust.indexOf('\n    }', start));
  const values = [...body.matchAll(/^\s+(\w+) = "([^"]+)"/gm)].map(([, name, key]) => ({ name, key }));
  if (values.length === 0) throw new Error(`no values read from enum ${name} in src/domain/${file}`);
  return values;
}

/** A fresh browser with a phone context (390×844, zh-CN, touch). */
export async function startBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const newPhone = (options = {}) =>
    browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      ...options,
    });
  return { browser, newPhone };
}

/** Collects uncaught page errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Waits until the app has mounted (the static shell is gone, the nav is there). */
export async function appReady(page) {
  await page.waitForSelector('nav.app-nav', { timeout: 15000 });
}

export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/**
 * The usual set-up of a test file: one static server and one browser for the file,
 * stopped after it. Fields are filled in by `before`.
 */
export function useSite() {
  const site = { server: null, phone: null };
  before(async () => {
    site.server = await startServer();
    site.phone = await startBrowser();
  });
  after(async () => {
    await site.phone?.browser.close();
    site.server?.stop();
  });
  return site;
}

/** Every localStorage key and value, to prove a refused input changed nothing. */
export const storageSnapshot = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/**
 * The rows of the document store (IndexedDB `cs-docs`), each with its tree parsed:
 * `{ _id, kind, compound, status, seq, tree: { _id, leaves } }`. Empty when there is none.
 */
export const storedDocs = (page, kind) => page.evaluate((kind) => new Promise((resolve, reject) => {
  const open = indexedDB.open('cs-docs');
  open.onupgradeneeded = () => { open.transaction.abort(); resolve([]); };
  open.onerror = () => resolve([]);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('docs')) { db.close(); resolve([]); return; }
    const store = db.transaction('docs').objectStore('docs');
    const req = kind ? store.index('kind').getAll(kind) : store.getAll();
    req.onsuccess = () => {
      db.close();
      resolve(req.result.map((row) => ({ ...row, tree: JSON.parse(row.tree) })));
    };
    req.onerror = () => reject(req.error);
  };
}), kind);

/** CouchDB's winner of a tree's leaves: live before deleted, then higher N, then higher hash. */
export function winner(tree) {
  const rank = (l) => [l.deleted ? 0 : 1, Number(l.rev.split('-')[0]), l.rev.split('-')[1]];
  return [...tree.leaves].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? 1 : -1;
    return 0;
  })[0];
}

/** The current records of a kind in the document store (each document's winner), once saved. */
export const storedRecords = async (page, kind) => {
  await settled(page);
  return (await storedDocs(page, kind)).map((row) => winner(row.tree)).filter((l) => !l.deleted).map((l) => l.body);
};

/**
 * Changes a stored record in place, without a new revision — for what happens outside the
 * app (time passing), never for what a user does. `change` is a JavaScript statement on
 * `body`, run in the page.
 */
export async function editStoredRecord(page, docId, change) {
  await settled(page);
  await page.evaluate(({ docId, change }) => new Promise((resolve, reject) => {
    const edit = new Function('body', change);
    const open = indexedDB.open('cs-docs');
    open.onsuccess = () => {
      const tx = open.result.transaction('docs', 'readwrite');
      const store = tx.objectStore('docs');
      store.get(docId).onsuccess = (e) => {
        const row = e.target.result;
        const tree = JSON.parse(row.tree);
        for (const leaf of tree.leaves) if (leaf.body) edit(leaf.body);
        row.tree = JSON.stringify(tree);
        store.put(row);
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { docId, change });
}

/** The stored reports, as every reader of the store sees them. */
export const storedReports = (page) => storedRecords(page, 'report');

/**
 * Waits until every change has reached the document store: no unsaved change is left in
 * the write-ahead journal (`cs.unsaved.*`).
 */
export async function settled(page) {
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('cs.unsaved.')));
}

/**
 * A second tab that hears nothing from the others (its BroadcastChannel is dead): what two
 * tabs saving in the same moment look like, made reliable.
 */
export async function deafTab(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.BroadcastChannel = class { postMessage() {} addEventListener() {} close() {} };
  });
  return page;
}

/**
 * A CouchDB-protocol server on loopback (pouchdb-server through scripts/couch_stand_in.cjs,
 * started with `node` so killing its PID stops it), with an admin and the databases,
 * security objects and design documents of deploy/setup.mjs, and the relay service
 * (deploy/relay.mjs) in front of it: its door, which the static server asks as nginx
 * does, and — with `hub` — its copying between databases. `dataDir` keeps the data
 * across a restart; without it the data is in memory. `users` are created with setup.mjs
 * too: [name, password, ...roles].
 */
export async function startCouch({ dataDir = null, port = null, users = [], fresh = true, hub = false, relayPort = null } = {}) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  port ??= await freePort();
  // pouchdb-server writes its config and log into its working folder.
  const cwd = dataDir ?? mkdtempSync(join(tmpdir(), 'cs-couch-'));
  const args = [join(root, 'scripts', 'couch_stand_in.cjs'),
    '-o', '127.0.0.1', '-p', String(port), '-n', ...(dataDir ? ['-d', dataDir] : ['-m'])];
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', process.env.COUCH_LOG ? 'inherit' : 'ignore'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    if (i > 100) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = `http://admin:secret@127.0.0.1:${port}`;
  if (fresh) {
    await fetch(`${url}/_config/admins/admin`, { method: 'PUT', body: '"secret"' });
    await setup(admin, ['init']);
    await setup(admin, ['relay', RELAY_PASSWORD]);
    for (const user of users) await setup(admin, ['user', ...user]);
  }
  const relay = await startRelay(url, admin, { hub, port: relayPort });
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  const couch = {
    url, admin, port, door: relay.door, relayPort: relay.port, relay,
    /** The relay stopped and started again on its port (what it keeps, it reads back). */
    restartRelay: async () => {
      await couch.relay.stop();
      couch.relay = await startRelay(url, admin, { hub, port: relay.port });
    },
    stop: async () => { await couch.relay.stop(); child.kill('SIGKILL'); return stopped; },
  };
  return couch;
}

const RELAY_PASSWORD = 'relay-secret';

/** deploy/relay.mjs as production runs it, on a free port: the door, and with `hub` the
 *  copying between databases (without it, nothing moves between databases by itself). */
export async function startRelay(url, admin, { hub = true, port = null } = {}) {
  port ??= await freePort();
  const couch = url.replace('://', `://cs-relay:${RELAY_PASSWORD}@`);
  const child = spawn(process.execPath, [join(root, 'deploy', 'relay.mjs'), ...(hub ? [] : ['--door-only'])], {
    env: { ...process.env, COUCH: couch, COUCH_ADMIN: admin, PORT: String(port) },
    stdio: ['ignore', 'pipe', process.env.RELAY_LOG ? 'inherit' : 'ignore'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
  });
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  return { door: `http://127.0.0.1:${port}/authorize`, port, stop: () => { child.kill(); return stopped; } };
}

function setup(couch, args) {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, [join(root, 'deploy', 'setup.mjs'), ...args], {
      env: { ...process.env, COUCH: couch }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    run.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`setup.mjs ${args[0]} failed`))));
  });
}

/** A JSON request to the sync server as its admin. */
export async function couchAdmin(couch, method, path, body) {
  const response = await fetch(`${couch.url}/${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from('admin:secret').toString('base64') },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

/**
 * The set-up of a sync test file: a sync server (`startCouch` options; `keepData` gives it
 * a data folder, so `restart()` brings it back with its data after a `couch.stop()`), the
 * static server in front of it and a browser, all stopped after the file.
 */
export function useSyncSite({ keepData = false, ...options } = {}) {
  const env = { couch: null, site: null, phones: null, dataDir: null, hub: options.hub ?? false };
  env.restart = async () => {
    env.couch = await startCouch({ dataDir: env.dataDir, port: env.couch.port, fresh: false, hub: env.hub, relayPort: env.couch.relayPort });
  };
  before(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    if (keepData) env.dataDir = mkdtempSync(join(tmpdir(), 'cs-couch-data-'));
    env.couch = await startCouch({ ...options, dataDir: env.dataDir });
    env.site = await startServer(undefined, { couch: env.couch });
    env.phones = await startBrowser();
  });
  after(async () => {
    const { rmSync } = await import('node:fs');
    await env.phones?.browser.close();
    env.site?.stop();
    await env.couch?.stop();
    if (env.dataDir) rmSync(env.dataDir, { recursive: true, force: true });
  });
  return env;
}
