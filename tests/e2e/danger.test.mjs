// The danger screen: choosing 非常紧急（有危险） first offers one-tap calls (119, 120, 110
// and the compound's gas, power and lift lines from its roster), then the report goes on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { shots, storedDocs, storedReports, useSite, watchErrors } from './harness.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { StewardPage } from './pages/steward.mjs';

const site = useSite();
const DANGER = '非常紧急（有危险）';

/** A phone, in elder mode if asked (large text, bigger targets); axe needs the CSP bypassed. */
async function phone(elder, options = {}) {
  const context = await site.phone.newPhone(options);
  if (elder) {
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('cs.settings', JSON.stringify({ schema: 1, data: { lang: 'Zh', elder_mode: true, my_building: null, updated_at: 1 } }));
    });
  }
  return context;
}

/** The danger screen's call links, top to bottom: [label, href, box]. */
async function calls(page) {
  const links = page.getByRole('alertdialog', { name: '有危险？先打电话' }).getByRole('link');
  const out = [];
  for (const link of await links.all()) {
    out.push([(await link.innerText()).replace(/\s+/g, ' ').trim(), await link.getAttribute('href'), await link.boundingBox()]);
  }
  return out;
}

describe('the danger screen', () => {
  it('comes first for 非常紧急, calls by tel: (public and the roster\'s lines), and the report is still sent after', async () => {
    const context = await phone(false, { bypassCSP: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const form = await ReportForm.open(page, site.server.url, '?c=baili-plaza');
    await form.category('安全隐患');
    await form.describe('3栋一楼闻到很浓的煤气味');
    const dialog = page.getByRole('alertdialog', { name: '有危险？先打电话' });
    assert.equal(await dialog.count(), 0, 'not shown before the danger urgency is chosen');
    await page.getByLabel('紧急', { exact: true }).check();
    assert.equal(await dialog.count(), 0, 'not for 紧急');
    await page.getByLabel(DANGER).check();
    await dialog.waitFor();
    const found = await calls(page);
    assert.deepEqual(found.map(([label, href]) => [label, href]), [
      ['火警 119', 'tel:119'],
      ['急救 120', 'tel:120'],
      ['报警 110', 'tel:110'],
      ['燃气抢修 0731-00009001', 'tel:073100009001'],
      ['供电抢修 0731-00009002', 'tel:073100009002'],
      ['电梯困人 0731-00003008', 'tel:073100003008'],
    ]);
    // It covers the form: what is in the middle of the screen is the danger screen's.
    const covered = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('.danger') !== null);
    assert.ok(covered, 'the danger screen is in front of the form');
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'danger-title'), 'focus is on its heading');
    const { violations } = await new AxeBuilder({ page }).include('.danger').analyze();
    assert.deepEqual(violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id), []);
    // What the screen shows (a full-page shot would place the fixed screen mid-page).
    await page.screenshot({ path: join(shots, '90-danger-screen.png') });
    await dialog.getByRole('button', { name: '已打电话或不需要，继续报事' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The way back to the calls stays while the urgency is the danger one.
    await page.getByRole('button', { name: '有危险？拨打急救电话' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '已打电话或不需要，继续报事' }).click();
    await dialog.waitFor({ state: 'detached' });
    const id = await form.submit();
    const stored = (await storedReports(page)).find((r) => r.id === id);
    assert.equal(stored.urgency, 'Emergency');
    assert.equal(await new ReportDetail(page).status(), 'submitted');
    await page.getByText(DANGER).first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works with one hand in elder mode: big calls first, full width, the way on at the bottom', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await ReportForm.open(page, site.server.url, '?c=dongtangcun');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')), 'elder mode is on');
    await page.getByLabel(DANGER).check();
    const dialog = page.getByRole('alertdialog', { name: '有危险？先打电话' });
    await dialog.waitFor();
    const found = await calls(page);
    assert.deepEqual(found.map(([, href]) => href), ['tel:119', 'tel:120', 'tel:110', 'tel:073100009001', 'tel:073100009002'],
      'no lift line where the roster has none');
    const width = page.viewportSize().width;
    for (const [label, , box] of found) {
      assert.ok(box.height >= 64, `${label}: ${box.height} px high`);
      assert.ok(box.width >= width * 0.85, `${label}: ${box.width} of ${width} px wide`);
    }
    // Each name and number is whole on its line (a number broken across lines misdials).
    for (const sel of ['.danger__who', '.danger__number']) {
      const lines = await dialog.locator(sel).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))));
      assert.ok(lines.every((n) => n === 1), `${sel}: ${lines}`);
    }
    // The first call is the first thing under the heading, within the top third of the screen.
    assert.ok(found[0][2].y < page.viewportSize().height / 3, `119 at ${found[0][2].y} px`);
    const fontSize = await dialog.getByRole('link').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 24, `call text ${fontSize} px`);
    const go = dialog.getByRole('button', { name: '已打电话或不需要，继续报事' });
    const goBox = await go.boundingBox();
    assert.ok(goBox.y > found.at(-1)[2].y, 'the way on is below the calls');
    assert.ok(goBox.height >= 56, `the way on: ${goBox.height} px high`);
    await page.screenshot({ path: join(shots, '91-danger-screen-elder.png') });
    await go.click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel(DANGER).isChecked(), true, 'the urgency chosen stays');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes the compound\'s emergency lines as a steward edits them, each number checked beside its field', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const steward = await StewardPage.unlocked(page, site.server.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const facts = page.locator('.facts-editor');
    assert.equal(await page.getByLabel('燃气抢修电话').inputValue(), '0731-00009001', 'the roster\'s line, to edit');
    const compoundsBefore = JSON.stringify(await storedDocs(page, 'compound'));
    await page.getByLabel('燃气抢修电话').fill('燃气公司');
    await page.getByLabel('电梯困人救援电话').fill('9559');
    await facts.getByRole('button', { name: '保存小区资料' }).click();
    await page.locator('#facts-gas-error', { hasText: '电话只能包含数字、空格、短横线和括号' }).waitFor();
    await page.locator('#facts-lift-error', { hasText: '这不是有效的手机、座机或热线号码' }).waitFor();
    assert.equal(await page.locator('#facts-power-error').innerText(), '', 'a good number has nothing beside it');
    assert.equal(JSON.stringify(await storedDocs(page, 'compound')), compoundsBefore, 'nothing stored');
    await page.getByLabel('燃气抢修电话').fill('(0731) 5555 9001');
    await page.getByLabel('电梯困人救援电话').fill('400-800-1234');
    await page.getByLabel('供电抢修电话').fill('');
    await facts.getByRole('button', { name: '保存小区资料' }).click();
    await facts.getByText('小区资料已保存').waitFor();
    assert.match(await page.locator('.change-log__entry--facts').first().innerText(), /燃气抢修电话：0731-00009001 → 0731-55559001/);
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun');
    await form.category('安全隐患');
    await page.getByLabel(DANGER).check();
    await page.getByRole('alertdialog', { name: '有危险？先打电话' }).waitFor();
    assert.deepEqual((await calls(page)).map(([label, href]) => [label, href]).slice(3), [
      ['燃气抢修 0731-55559001', 'tel:073155559001'],
      ['电梯困人 400-800-1234', 'tel:4008001234'],
    ], 'the new lines, and no power line once it is cleared');
    await context.close();
  });
});
