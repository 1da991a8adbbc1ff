// Issue #28: the building card has one source. The pre-rendered card a QR poster's visitor
// gets first (src/bin/prerender.rs: the app's ContactCardView written as HTML by Leptos)
// and the card the app draws over it (the same component, in the browser) are compared
// as markup (tests/e2e/pages/card.mjs: the browser's serialization, comments and attribute
// order aside), for cards of each shape: with both hotlines and with one, and — through
// the publishing job's module (deploy/publish.mjs) — a roster with a vacant role, a
// landline steward (no text button) without a title, no sample notice and names that
// must be escaped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPrerender, republish } from '../../deploy/publish.mjs';
import { enumValues, root, screenshot, startBrowser, startServer, watchErrors } from './harness.mjs';
import { CardPage } from './pages/card.mjs';

/** A roster of 天鹤村 that exercises the card's other branches. */
function oddRoster(site) {
  const c = JSON.parse(readFileSync(join(site, 'data/c/tianhecun.json'), 'utf8')).data.compounds[0];
  c.sample = false;
  c.updated_at += 1000;
  c.stewards = c.stewards.filter((s) => s.role !== 'Peacemaker');
  const red = c.stewards.find((s) => s.role === 'Red' && s.scope.level === 'building' && s.scope.building === '3');
  red.name = '杨<b>"海&德\'';
  red.title = '党员 <i>中心户</i>';
  const property = c.stewards.find((s) => s.role === 'Property' && s.scope.level === 'grid' && s.scope.grid === 'g1');
  property.phone = '0731-12345678';
  property.duty_hours = null;
  property.title = '';
  return JSON.stringify({ _id: 'compound:tianhecun', ...c });
}

describe('the pre-rendered card is the card the app draws', () => {
  let site;
  let server;
  let phones;
  before(async () => {
    site = mkdtempSync(join(tmpdir(), 'cs-card-'));
    cpSync(join(root, 'dist'), site, { recursive: true });
    const done = republish(site, [oddRoster(site)], await loadPrerender());
    assert.ok(done.ok, JSON.stringify(done.refused));
    assert.deepEqual(done.published, ['tianhecun']);
    server = await startServer(site);
    phones = await startBrowser();
  });
  after(async () => {
    await phones?.browser.close();
    server?.stop();
    rmSync(site, { recursive: true, force: true });
  });

  const cards = [
    ['/c/dongtangcun/b/3', 'both hotlines, every role, the sample notice'],
    ['/c/yunfeng/b/5', 'the community phone alone'],
    ['/c/tianhecun/b/3', 'a vacant role, a landline steward, names to escape, no sample notice'],
  ];
  for (const [path, what] of cards) {
    it(`${path} (${what}): the same markup before and after the app starts`, async () => {
      const context = await phones.newPhone();
      const page = await context.newPage();
      const errors = watchErrors(page);
      const card = await CardPage.openHeld(page, server.url, path);
      const preRendered = await card.preRendered();
      const drawn = await card.drawnByApp();
      assert.equal(preRendered, drawn);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('every role has a look of its own: an icon on screen beside its name, in the role\'s colour', async () => {
    const context = await phones.newPhone();
    const page = await context.newPage();
    const card = await CardPage.openHeld(page, server.url, '/c/dongtangcun/b/3');
    await card.drawnByApp();
    const looks = [];
    for (const { key } of enumValues('steward.rs', 'Role')) {
      const section = page.locator(`#app .card__role.role--${key}`);
      const icon = section.locator('.role-badge svg.icon');
      const box = await icon.boundingBox();
      assert.ok(box && box.width >= 20 && box.height >= 20, `${key}: the icon has no box on screen`);
      const look = await icon.evaluate((el) => ({
        path: el.querySelector('path')?.getAttribute('d'),
        colour: getComputedStyle(el).color,
        border: getComputedStyle(el.closest('.card__role')).borderLeftColor,
        text: getComputedStyle(el.closest('.card__role')).color,
      }));
      assert.ok(look.path, `${key}: an icon without a drawing`);
      assert.equal(look.colour, look.border, `${key}: the icon is not in the role's colour (style/main.css: .role--${key})`);
      // Without a rule of its own the border and the icon fall back to the text's colour.
      assert.notEqual(look.border, look.text, `${key}: no colour of its own (style/main.css: .role--${key})`);
      looks.push(look);
    }
    assert.equal(new Set(looks.map((l) => l.path)).size, looks.length, 'two roles share an icon');
    assert.equal(new Set(looks.map((l) => l.border)).size, looks.length, 'two roles share a colour');
    await context.close();
  });

  it('the odd roster is drawn as it says: vacant, no text button for a landline, escaped', async () => {
    const context = await phones.newPhone();
    await context.route('**/*.wasm', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(server.url + '/c/tianhecun/b/3');
    const card = page.locator('#shell article.card');
    assert.equal(await card.locator('.card__role.role--peacemaker .card__vacant').innerText(), '暂无此类管家，请拨打下方热线');
    const property = card.locator('.card__role.role--property .phone');
    assert.equal(await property.locator('a.phone__call').getAttribute('href'), 'tel:073112345678');
    assert.equal(await property.locator('a.phone__text').count(), 0);
    assert.equal(await card.locator('.card__role.role--red .steward__name').innerText(), '杨<b>"海&德\'');
    assert.equal(await card.locator('b, i').count(), 0, 'names are text, never markup');
    assert.equal(await card.locator('.notice--sample').count(), 0);
    await screenshot(page, '28-odd-card-html-only');
    await context.close();
  });
});
