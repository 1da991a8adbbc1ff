// WebKit (the engine of every iPhone browser) through Debian's webkit2gtk-driver: a minimal
// W3C WebDriver client over HTTP with Node's fetch — selenium-webdriver has no WebKitGTK
// module and Playwright's own WebKit cannot be downloaded here. One lane starts Xvfb and
// WebKitWebDriver once; each phone is a session, i.e. a fresh MiniBrowser with its own
// (ephemeral) storage. The phone implements the driver interface of person.mjs.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../e2e/harness.mjs';
import { seen, sleep } from './person.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Starts a child process and remembers it, so `stop` can end it even after a failure. */
function child(command, args, options) {
  const proc = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  proc.stderrText = '';
  proc.stderr?.on('data', (d) => { proc.stderrText = (proc.stderrText + d).slice(-2000); });
  proc.exited = new Promise((resolve) => proc.once('exit', resolve));
  return proc;
}

/** Xvfb and WebKitWebDriver for one test file. */
export async function startWebKit() {
  // -displayfd: Xvfb picks a free display itself and writes its number, so two lanes (or
  // a developer's own X server) never collide. The screen is the phone's size.
  const xvfb = child('Xvfb', ['-displayfd', '3', '-screen', '0', '390x844x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (d) => resolve(`:${String(d).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${xvfb.stderrText}`)));
  });
  const port = await freePort();
  const driver = child('WebKitWebDriver', [`--port=${port}`], {
    // No accessibility bus or GPU in a container: software rendering, no AT-SPI warnings.
    env: { ...process.env, DISPLAY: display, NO_AT_BRIDGE: '1', LIBGL_ALWAYS_SOFTWARE: '1' },
  });
  // The driver first (it ends its browsers), then the display: a MiniBrowser left over
  // loses its X connection and exits with it.
  const stop = async () => {
    for (const proc of [driver, xvfb]) {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await Promise.race([proc.exited, sleep(3000)]);
        proc.kill('SIGKILL');
      }
      await proc.exited;
    }
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ready = await fetch(`${base}/status`).then((r) => r.json(), () => null);
    if (ready?.value?.ready) break;
    if (i > 100) {
      await stop();
      throw new Error(`WebKitWebDriver did not start: ${driver.stderrText}`);
    }
    await sleep(100);
  }
  return { newPhone: (shots) => WebKitPhone.start(base, shots), stop };
}

class WebDriverError extends Error {}

/** Page errors: WebKitGTK's driver reports no console, so every script it runs installs
 *  this hook first, which keeps them — from the first time the driver touches a document:
 *  an error thrown before that, or after the last look at a page left, is not seen. */
const HOOK = `if (!window.__engineErrors) {
  const errors = (window.__engineErrors = []);
  addEventListener('error', (e) => errors.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + e.reason));
  const original = console.error;
  console.error = (...args) => { errors.push('console.error: ' + args.join(' ')); original.apply(console, args); };
}`;

async function call(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A browser that stopped answering fails the step instead of hanging the lane.
    signal: AbortSignal.timeout(60000),
  });
  const { value } = await response.json();
  if (!response.ok || value?.error) {
    throw new WebDriverError(`${method} ${path.replace(/^\/session\/[^/]+/, '')}: ${value?.error}: ${value?.message}`);
  }
  return value;
}

/** One phone: a WebDriver session with MiniBrowser at 390×844. */
export class WebKitPhone {
  engine = 'WebKit';

  static async start(base, shots) {
    const session = await call(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--full-screen'] },
          // No waiting inside the driver: with 'normal' or 'eager', WebKitGTK 2.50 now and
          // then holds a script command until the page-load timeout although the page has
          // loaded (seen on the app's pages in 1 of ~5 loads). `open` waits for the new
          // document itself; every check polls for what is on screen.
          pageLoadStrategy: 'none',
        },
      },
    });
    const phone = new WebKitPhone(base, session.sessionId, shots);
    try {
      await phone.#call('POST', '/timeouts', { script: 30000, pageLoad: 30000, implicit: 0 });
      // Full-screen mode hides the toolbar (the window cannot be narrower than it); with no
      // window manager the window keeps its own size, which is then set to the phone's.
      let viewport;
      for (let i = 0; i < 20; i++) {
        viewport = (await phone.evaluate(() => [innerWidth, innerHeight])).join('×');
        if (viewport === '390×844') break;
        await phone.#call('POST', '/window/rect', { x: 0, y: 0, width: 390, height: 844 }).catch(() => {});
        await sleep(100);
      }
      if (viewport !== '390×844') throw new Error(`WebKit: the viewport is ${viewport}, not 390×844`);
    } catch (e) {
      await phone.close();
      throw e;
    }
    return phone;
  }

  #base;
  #session;
  #shots;
  #errors = [];

  constructor(base, session, shots) {
    this.#base = base;
    this.#session = session;
    this.#shots = shots;
  }

  #call(method, path, body) {
    return call(this.#base, method, `/session/${this.#session}${path}`, body);
  }

  /** Runs `fn(...args)` in the page and resolves with its (awaited) result. A page being
   *  replaced answers "no such frame" or a script error for a moment: asked again. */
  async evaluate(fn, ...args) {
    // W3C "execute script" awaits a returned promise. The hook first: see `errors`.
    const script = `${HOOK}
      return Promise.resolve().then(() => (${fn}).apply(null, arguments)).then(
        (value) => ({ ok: true, value: value === undefined ? null : value }),
        (e) => ({ ok: false, error: String((e && e.stack) || e) }));`;
    for (let i = 0; ; i++) {
      try {
        const result = await this.#call('POST', '/execute/sync', { script, args });
        if (!result?.ok) throw new Error(`${this.engine}: the page threw: ${result?.error}`);
        return result.value;
      } catch (e) {
        if (!(e instanceof WebDriverError) || !/javascript error|no such frame/.test(e.message) || i >= 30) throw e;
        await sleep(100);
      }
    }
  }

  /** Waits for the document that replaces the one marked as leaving. */
  async #arrived(what) {
    const end = Date.now() + 30000;
    while (!(await this.evaluate(() => !window.__enginesLeaving && document.readyState !== 'loading').catch(() => false))) {
      if (Date.now() > end) throw new Error(`${this.engine}: ${what} did not load within 30 s`);
      await sleep(50);
    }
  }

  async #harvest() {
    const found = await this.evaluate(() => window.__engineErrors?.splice(0) ?? []).catch(() => []);
    this.#errors.push(...found);
  }

  /** Uncaught errors and console errors since the last call. */
  async errors() {
    await this.#harvest();
    return this.#errors.splice(0);
  }

  /** Loads `url` as a new document (not for a change of the hash alone). */
  async open(url) {
    await this.#harvest();
    await this.evaluate(() => { window.__enginesLeaving = true; }).catch(() => {});
    await this.#call('POST', '/url', { url });
    await this.#arrived(url);
  }

  async reload() {
    await this.#harvest();
    await this.evaluate(() => { window.__enginesLeaving = true; });
    await this.#call('POST', '/refresh', {});
    await this.#arrived('the reload');
  }

  url() {
    return this.#call('GET', '/url');
  }

  /** The element a person would touch for `target` (see person.mjs), as a WebDriver id. */
  async #element(target, clickable) {
    const css = await seen(this, target, { mark: true, clickable });
    const found = await this.#call('POST', '/element', { using: 'css selector', value: css });
    return found[ELEMENT];
  }

  /** A real click (WebKit's own event synthesis: refused when the element is covered). */
  async click(target) {
    const id = await this.#element(target, true);
    await this.#call('POST', `/element/${id}/click`, {});
  }

  async type(target, text) {
    const id = await this.#element(target, false);
    await this.#call('POST', `/element/${id}/clear`, {});
    await this.#call('POST', `/element/${id}/value`, { text });
  }

  /** Picks an option by its text: WebDriver's click on an <option> selects it and fires
   *  input and change, as the system picker does. */
  async select(target, optionText) {
    const id = await this.#element(target, false);
    const option = await this.evaluate((el, text) => {
      const o = [...el.options].find((x) => x.textContent.trim() === text);
      if (!o) return null;
      o.setAttribute('data-engines-option', '1');
      return true;
    }, { [ELEMENT]: id }, optionText);
    if (!option) throw new Error(`${this.engine}: no option “${optionText}”`);
    const found = await this.#call('POST', '/element', { using: 'css selector', value: '[data-engines-option]' });
    await this.#call('POST', `/element/${found[ELEMENT]}/click`, {});
    await this.evaluate(() => document.querySelector('[data-engines-option]')?.removeAttribute('data-engines-option'));
  }

  /** A file chosen in an <input type=file>: its path typed into it, as WebDriver defines. */
  async upload(target, file) {
    const css = typeof target === 'string' ? target : target.css;
    const found = await this.#call('POST', '/element', { using: 'css selector', value: css });
    await this.#call('POST', `/element/${found[ELEMENT]}/value`, { text: file });
  }

  async screenshot(name) {
    mkdirSync(this.#shots, { recursive: true });
    // After the next two frames: what was last scrolled to or changed has been painted.
    await this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
    const png = await this.#call('GET', '/screenshot');
    writeFileSync(join(this.#shots, `webkit-${name}.png`), Buffer.from(png, 'base64'));
  }

  async close() {
    await this.#call('DELETE', '').catch(() => {});
  }
}
