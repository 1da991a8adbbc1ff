// What a person sees and touches, the same in every engine. `look` runs IN THE PAGE (both
// drivers send its source text, so it closes over nothing); the rest runs in Node against
// any phone of the driver interface (webdriver.mjs, gecko.mjs):
//   engine  open(url) reload() url() evaluate(fn, ...args) click(target) type(target, text)
//   select(target, optionText) upload({ css }, file) screenshot(name) errors() close()
// A target is visible text ('加入我的待办'), { css }, or { label } (a form field by its
// label). click/type/select act only on what `seen` finds on screen, with the engine's
// own input (WebDriver actions, BiDi input), never by setting values from a script.

/**
 * In the page: the first element matching `what` that a person can see — a non-zero box
 * inside the viewport, not hidden, transparent or covered — scrolled to as a person would.
 * `{ ok: true, selector }` (a selector unique to it when `mark`), or `{ ok: false, why }`
 * saying what is there instead, for a failure message that explains itself.
 */
export const look = (what, { mark = false, clickable = false } = {}) => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '')
    + [...el.classList].slice(0, 3).map((c) => `.${c}`).join('');
  const hidden = (el) => {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return `a ${Math.round(r.width)}×${Math.round(r.height)} box`;
    const own = getComputedStyle(el);
    if (own.visibility !== 'visible') return `visibility:${own.visibility}`;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none') return `display:none on ${name(e)}`;
      if (Number(s.opacity) === 0) return `opacity 0 on ${name(e)}`;
    }
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) {
      return `outside the ${innerWidth}×${innerHeight} viewport at (${Math.round(r.left)}, ${Math.round(r.top)})`;
    }
    const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) return `covered by ${name(hit)}`;
    return null;
  };
  const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'HEAD', 'HTML', 'OPTION']);
  let found = [];
  let label;
  if (typeof what === 'string' || what.text) {
    const text = norm(typeof what === 'string' ? what : what.text);
    label = `the text “${text}”`;
    // The innermost elements holding the whole text (it may span child elements), exact
    // matches first, and buttons or fields whose label or value says it.
    const all = [...document.body.querySelectorAll('*')].filter((el) => !skip.has(el.tagName));
    const holds = (el) => norm(el.textContent).includes(text);
    const inner = all.filter((el) => holds(el) && ![...el.children].some(holds));
    const named = all.filter((el) => norm(el.getAttribute('aria-label')) === text || (el.tagName === 'INPUT' && norm(el.value) === text));
    found = [...inner, ...named].sort((a, b) => (norm(b.textContent) === text) - (norm(a.textContent) === text));
    if (clickable) {
      const tappable = 'a[href],button,summary,label,select,input,textarea,[role=button],[role=tab],[role=link],[tabindex]';
      found = found.map((el) => el.closest(tappable) ?? el);
    }
  } else if (what.css) {
    label = `“${what.css}”`;
    found = [...document.querySelectorAll(what.css)];
  } else if (what.label) {
    const text = norm(what.label);
    label = `the field labelled “${text}”`;
    const labels = [...document.querySelectorAll('label')].filter((l) => l.control);
    const exact = labels.filter((l) => norm(l.textContent) === text).map((l) => l.control);
    const near = labels.filter((l) => norm(l.textContent).includes(text)).map((l) => l.control);
    const aria = [...document.querySelectorAll('[aria-label]')].filter((el) => norm(el.getAttribute('aria-label')) === text);
    found = [...exact, ...aria, ...near];
  }
  found = [...new Set(found)];
  const reasons = [];
  for (const el of found) {
    let why = hidden(el);
    // Below the fold or under the bottom bar: a person scrolls to it. Nothing else counts.
    if (why && (why.startsWith('outside') || why.startsWith('covered'))) {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      why = hidden(el);
    }
    if (!why) {
      if (!mark) return { ok: true };
      const id = String(Math.random()).slice(2, 10);
      el.setAttribute('data-engines-target', id);
      return { ok: true, selector: `[data-engines-target="${id}"]` };
    }
    reasons.push(`${name(el)}: ${why}`);
  }
  return {
    ok: false,
    why: found.length ? `${label} is in the page ${found.length} time(s) but never on screen — ${reasons.slice(0, 3).join('; ')}`
      : `${label} is not in the page`,
    url: location.href,
    page: norm(document.body?.innerText).slice(0, 240),
  };
};

const describe = (what) => (typeof what === 'string' ? `“${what}”` : JSON.stringify(what));
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a person sees `what` on the phone's screen; fails with what the screen shows
 * instead. Returns a selector unique to the element when `mark` is set (for the drivers'
 * native clicks and typing).
 */
export async function seen(phone, what, { timeout = 15000, ...options } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    let result;
    try {
      result = await phone.evaluate(look, what, options);
    } catch (e) {
      // A page being replaced (a tap that loads another program) has no document to ask.
      result = { ok: false, why: `the page did not answer (${String(e.message ?? e).split('\n')[0]})` };
    }
    if (result?.ok) return result.selector;
    if (Date.now() > end) {
      throw new Error(`${phone.engine}: ${describe(what)} is not seen within ${timeout / 1000} s: ${result?.why}`
        + (result?.url ? `\n  at ${result.url}\n  the page reads: ${result.page || '(nothing)'}` : ''));
    }
    await sleep(250);
  }
}

/** Polls `check` (a function run in the page, with `args`) until it returns something truthy. */
export async function until(phone, what, check, ...args) {
  const end = Date.now() + 15000;
  for (;;) {
    const value = await phone.evaluate(check, ...args).catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`${phone.engine}: timed out waiting for ${what} (at ${await phone.url().catch(() => '?')})`);
    await sleep(250);
  }
}

/** The app has mounted: its navigation is in the document (seen or not: that is asserted apart). */
export const mounted = (phone) => until(phone, 'the app to mount (nav.app-nav)', () => !!document.querySelector('nav.app-nav'));

/** A tiny PNG (solid colours, no dependency), as a photo from the phone's gallery. */
export async function photoFile(path) {
  const { deflateSync, crc32 } = await import('node:zlib');
  const { writeFileSync } = await import('node:fs');
  const [w, h] = [64, 48];
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, sum]);
  };
  const head = Buffer.alloc(13);
  head.writeUInt32BE(w, 0);
  head.writeUInt32BE(h, 4);
  head.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) rows.push(...(x > 16 && x < 48 && y > 12 && y < 36 ? [200, 50, 50] : [50, 160, 110]));
  }
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', head),
    chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
  writeFileSync(path, png);
  return path;
}
