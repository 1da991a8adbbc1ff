// Gecko (Firefox) through Debian's firefox-esr and puppeteer-core over WebDriver BiDi —
// Playwright's own Firefox build cannot be downloaded here. One lane launches Firefox
// once; each phone is a browser context (its own storage, cookies and service workers) with
// one 390×844 page. The phone implements the driver interface of person.mjs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { seen, sleep } from './person.mjs';

export async function startGecko() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      // Chinese first, as on the residents' phones; no first-run pages or updates.
      'intl.accept_languages': 'zh-CN, zh',
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // Scrollbars over the page, as on a phone, not a desktop gutter narrowing it.
      'ui.useOverlayScrollbars': 1,
    },
  });
  return {
    newPhone: (shots) => GeckoPhone.start(browser, shots),
    async stop() {
      const proc = browser.process();
      await Promise.race([browser.close(), sleep(5000)]).catch(() => {});
      // A browser that would not close is ended by its id, never by name.
      if (proc && proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

export class GeckoPhone {
  engine = 'Gecko';

  static async start(browser, shots) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2 });
    return new GeckoPhone(context, page, shots);
  }

  #context;
  #page;
  #shots;
  #errors = [];

  constructor(context, page, shots) {
    this.#context = context;
    this.#page = page;
    this.#shots = shots;
    page.on('pageerror', (e) => this.#errors.push(`page error: ${e.message ?? e}`));
    page.on('console', (m) => { if (m.type() === 'error') this.#errors.push(`console.error: ${m.text()}`); });
  }

  /** Uncaught errors and console errors since the last call. */
  async errors() {
    return this.#errors.splice(0);
  }

  evaluate(fn, ...args) {
    return this.#page.evaluate(fn, ...args);
  }

  async open(url) {
    // Like the WebKit lane's 'eager' loads: whatever is on screen is polled for after.
    await this.#page.goto(url, { waitUntil: 'domcontentloaded' });
  }

  async reload() {
    await this.#page.reload({ waitUntil: 'domcontentloaded' });
  }

  async url() {
    return this.#page.url();
  }

  async #element(target, clickable) {
    const css = await seen(this, target, { mark: true, clickable });
    return this.#page.$(css);
  }

  /** A click at the element's centre through BiDi input actions: whatever is on top there
   *  gets it, as a finger would. */
  async click(target) {
    const handle = await this.#element(target, true);
    await handle.click();
  }

  async type(target, text) {
    const handle = await this.#element(target, false);
    await handle.click();
    // Replace what is there, as select-all then typing does.
    await handle.evaluate((el) => el.select?.());
    await handle.type(text);
  }

  async select(target, optionText) {
    const handle = await this.#element(target, false);
    const value = await handle.evaluate((el, text) => [...el.options].find((o) => o.textContent.trim() === text)?.value, optionText);
    if (value === undefined) throw new Error(`${this.engine}: no option “${optionText}”`);
    await handle.select(value);
  }

  async upload(target, file) {
    const handle = await this.#page.$(typeof target === 'string' ? target : target.css);
    await handle.uploadFile(file);
  }

  async screenshot(name) {
    mkdirSync(this.#shots, { recursive: true });
    await this.#page.screenshot({ path: join(this.#shots, `gecko-${name}.png`) });
  }

  async close() {
    await this.#context.close().catch(() => {});
  }
}
