// Everyone can use it (适老化 and accessibility), measured in the browser on every route:
// axe-core finds no serious or critical violation in normal, elder, dark mode and in
// English; elder mode keeps its promises (text ≥ 20 px, targets ≥ 48 px apart, line height
// ≥ 1.3); at 200 % zoom on a 390 px phone nothing scrolls sideways.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { describe, it } from 'node:test';
import { appReady, expectSeen, screenshot, useSite } from './harness.mjs';
import { GovernanceRecords } from './pages/governance.mjs';
import { craftLink } from './pages/handoff.mjs';

const site = useSite();

const REPORT_ID = 'R20261120-A11YX';
/** A submitted report, so that a report's page can be checked too. */
const REPORT = {
  id: REPORT_ID, compound: 'dongtangcun', building: '3', unit: '2', category: 'SepticTank',
  description: '3栋化粪池堵塞，污水外溢', urgency: 'Urgent',
  answers: [['overflowing', 'yes']], reporter_name: '张三', reporter_phone: '139 0000 9999',
  timeline: [{ at: 1795100000000, status: 'Submitted', note: '', by: null }],
  created_at: 1795100000000, updated_at: 1795100000000,
};

/** Hand-off links: a steward's update of the stored report, and another lead's report. */
const UPDATE_LINK = craftLink('', 'u', [REPORT_ID, 1795100000000, [[3600000, 2, 0, '收到，下午去看']], null]);
const REPORT_LINK = craftLink('', 'r', ['R20261120-B11YX', 'dongtangcun', '3', '2', 3, 1, '3栋化粪池堵塞，污水外溢',
  [[0, 'yes']], '李阿姨', '139 0000 8888', 2, 1795100000000, [[0, 1, null, '']], null, null, null, 0]);

/** /district with the office's governance forms open (PIN set) and sent empty: every
 *  field's sentence on screen. */
const GOVERNANCE_FORMS = '/district#governance-forms';

const ROUTES = [
  '/', '/compounds?q=东塘', '/c/dongtangcun', '/c/dongtangcun/b/3', '/c/dongtangcun/poster', '/c/songtaoli/records',
  '/report/new?c=dongtangcun&b=3', '/reports', `/reports/${REPORT_ID}`, '/district', '/settings', '/steward', '/nope',
  UPDATE_LINK, REPORT_LINK, '/steward/data', GOVERNANCE_FORMS,
];

/** A route as a test's name: a link's fragment shortened. */
const label = (path) => path.replace(/#.*/, '#…');

const MODES = {
  normal: { lang: 'Zh', elder: false, dark: false },
  elder: { lang: 'Zh', elder: true, dark: false },
  dark: { lang: 'Zh', elder: false, dark: true },
  english: { lang: 'En', elder: false, dark: false },
};

/** A phone in `mode`, with one stored report. */
async function phoneIn(mode, options = {}) {
  const context = await site.phone.newPhone({ bypassCSP: true, colorScheme: mode.dark ? 'dark' : 'light', ...options });
  await context.addInitScript(({ mode, report }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('cs.settings', JSON.stringify({ schema: 1, data: { lang: mode.lang, elder_mode: mode.elder, my_building: null, updated_at: 1 } }));
    localStorage.setItem('cs.reports', JSON.stringify({ schema: 1, data: [report] }));
  }, { mode, report: REPORT });
  return context;
}

async function open(context, path) {
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  await appReady(page);
  // The published data (and the report) are in when the page has more than its frame,
  // and the page is drawn when its heading is on screen and no transition is running
  // (a colour half-way through a fade would be measured as it never stays).
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await expectSeen(page.locator('main :is(h1, h2)'), `the heading of ${label(path)}`);
  if (path === GOVERNANCE_FORMS) {
    for (const [editor, forms] of [['committee', ['committee']], ['contract', ['contract']], ['company', ['company', 'decision', 'training']], ['meeting', ['meeting']], ['case', ['case']], ['improvement', ['improvement']], ['census', ['census']]]) {
      await new GovernanceRecords(page, editor).open();
      for (const kind of forms) {
        await new GovernanceRecords(page, kind).save();
        await expectSeen(page.locator(`[data-record-form="${kind}"] [data-not-saved]`), `the ${kind} form's sentences`);
      }
    }
  }
  await page.evaluate(() => Promise.all([document.fonts.ready, ...document.getAnimations().map((a) => a.finished)]));
  return page;
}

for (const [name, mode] of Object.entries(MODES)) {
  describe(`axe, ${name} mode`, () => {
    for (const path of ROUTES) {
      it(`${label(path)} has no serious or critical violations`, async () => {
        const context = await phoneIn(mode);
        const page = await open(context, path);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        assert.deepEqual(bad, []);
        await context.close();
      });
    }
  });
}

/** Runs in the page: every breach of elder mode's promises, described. */
function elderBreaches() {
  const out = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // checkVisibility: content of a closed <details> keeps its boxes but is not shown.
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && el.checkVisibility()
      && !el.closest('.no-print, [hidden]');
  };
  const describe = (el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 20)}"`;
  // Text: every element that holds text directly.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || seen.has(el) || !walker.currentNode.textContent.trim() || !visible(el)) continue;
    seen.add(el);
    if (el.closest('svg, .poster__building, option, .sr-only')) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    if (size < 20) out.push(`text ${size}px: ${describe(el)}`);
    const lh = style.lineHeight === 'normal' ? 1.2 * size : parseFloat(style.lineHeight);
    if (lh / size < 1.3 - 1e-6) out.push(`line height ${(lh / size).toFixed(2)}: ${describe(el)}`);
  }
  // Targets: buttons, links, form controls (a file input counts by its visible label).
  const targets = [...document.querySelectorAll('a[href], button, select, textarea, input:not([type="hidden"]), summary, label.file-button, label.choice, label.rating__star')]
    .filter((el) => !el.matches('input[type="file"], input[type="radio"], input[type="checkbox"]'))
    .filter(visible);
  const rects = targets.map((el) => [el, el.getBoundingClientRect()]);
  for (const [el, r] of rects) {
    if (r.width < 48 - 0.5 || r.height < 48 - 0.5) out.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${describe(el)}`);
  }
  // Space between: no two targets overlap (one inside another, like a label's input, is
  // fine; the fixed header and navigation float over content that scrolls beneath them).
  const floating = (el) => {
    for (let e = el; e; e = e.parentElement) {
      if (['fixed', 'sticky'].includes(getComputedStyle(e).position)) return true;
    }
    return false;
  };
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [a, ra] = rects[i];
      const [b, rb] = rects[j];
      if (a.contains(b) || b.contains(a) || floating(a) !== floating(b)) continue;
      const overlap = ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1;
      if (overlap) out.push(`targets overlap: ${describe(a)} / ${describe(b)}`);
    }
  }
  return out;
}

describe('elder mode keeps its promises on every route', () => {
  for (const path of ROUTES) {
    it(`${label(path)}: text ≥ 20 px, line height ≥ 1.3, targets ≥ 48×48 and apart`, async () => {
      const context = await phoneIn(MODES.elder);
      const page = await open(context, path);
      const breaches = await page.evaluate(elderBreaches);
      assert.deepEqual(breaches, []);
      await context.close();
    });
  }
});

describe('200 % zoom on a 390 px phone', () => {
  for (const path of ROUTES) {
    it(`${label(path)} does not scroll sideways`, async () => {
      // Zooming to 200 % halves the CSS viewport: 390 px becomes 195 CSS px.
      const context = await phoneIn(MODES.normal, { viewport: { width: 195, height: 422 }, deviceScaleFactor: 4 });
      const page = await open(context, path);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.body.querySelectorAll('*')]
          // A data table keeps its columns and scrolls sideways inside its own box (WCAG 1.4.10
          // exempts content that needs two dimensions); the box itself must fit.
          .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
          .filter((el) => !el.closest('.data-table__scroll table'))
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`);
        return { scroll: document.documentElement.scrollWidth - width, wide: [...new Set(wide)].slice(0, 5) };
      });
      assert.deepEqual(overflow, { scroll: 0, wide: [] });
      if (path === '/c/dongtangcun/b/3') await screenshot(page, '90-zoom-200-card');
      await context.close();
    });
  }
});
