// A steward's daily tools by hand-off link (issue #30): re-categorise, a new deadline and
// reassignment, each a step with who, when and why; the report goes to the steward
// taking it over by link, and the changes go back to the reporter by link. A role that
// may not make a change is not offered it, a link carrying one is refused, and a refused
// change stores nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, screenshot, settled, storedReports, useSite, watchErrors } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { StewardPage } from './pages/steward.mjs';
import { applyLink, craftLink, everything, linkFromSms, openLink, outcome } from './pages/handoff.mjs';

const site = useSite();
const DAY = 24 * 3600 * 1000;
// Positions in the app's enums, as links carry them: Status::ALL, Role::ALL, ChangeKind::ALL, Category::ALL.
const [SUBMITTED, PEACEMAKER, RECATEGORISE, PARKING] = [1, 2, 1, 1];

/** The date `days` from now in Xiangtan (UTC+8), as a date input takes it. */
const dateIn = (days) => new Date(Date.now() + days * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** Makes a change on the report's page in the console. */
async function change(page, what, to, reason) {
  const form = page.locator('form.change-step');
  await form.getByLabel('调整什么').selectOption({ label: what });
  const field = form.locator('[name="change-to"]');
  // `to` is what the list shows, or `{ value }` (a report's number).
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(typeof to === 'string' ? { label: to } : to);
  else await field.fill(to);
  await form.getByLabel('原因（必填）').fill(reason);
  await form.getByRole('button', { name: '保存调整' }).click();
}

/** Runs in the page: records the app's badge (`navigator.setAppBadge`) in `window.__badge`. */
function badgeRecorder() {
  navigator.setAppBadge = (n) => { window.__badge = n; return Promise.resolve(); };
  navigator.clearAppBadge = () => { window.__badge = 0; return Promise.resolve(); };
}

/** Opens a report's page in the console: a page load, so steward mode asks for the PIN. */
async function openReport(page, id) {
  await page.goto(`${site.server.url}/steward/reports/${id}`);
  await appReady(page);
  const pin = page.getByLabel('PIN（4 到 8 位数字）');
  await page.locator('form.change-step').or(pin).first().waitFor();
  if (await pin.isVisible()) {
    await pin.fill('2468');
    await page.getByRole('button', { name: '进入', exact: true }).click();
  }
  await page.locator('[data-ref]').first().waitFor();
}

/** The link in a section's sms: button (the page may have the reply and the hand-over). */
async function linkIn(page, titleId) {
  const sms = page.locator(`section[aria-labelledby="${titleId}"] [data-handoff-sms]`);
  await sms.waitFor();
  const href = await sms.getAttribute('href');
  return { href, link: decodeURIComponent(href.split('?body=')[1]).split('\n').pop() };
}

describe('reassign, re-categorise and a new deadline travel by link', () => {
  it('from the steward to the next steward and back to the reporter; a role that may not is refused', async () => {
    const lead = await (await site.phone.newPhone()).newPage();
    const red = await (await site.phone.newPhone()).newPage();
    // The next steward reads in elder mode (large text, bigger targets).
    const nextPhone = await site.phone.newPhone();
    await nextPhone.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('cs.settings', JSON.stringify({ schema: 1, data: { lang: 'Zh', elder_mode: true, my_building: null, updated_at: 1 } }));
    });
    const next = await nextPhone.newPage();
    const errors = [...watchErrors(lead), ...watchErrors(red), ...watchErrors(next)];

    // A building lead files a report about the septic tank; the red steward takes it in.
    const form = await ReportForm.open(lead, site.server.url, '?c=dongtangcun&b=3&u=2');
    await form.fillSeptic('3栋门口污水外溢');
    await form.reporter({ name: '张阿姨', phone: '139 0000 9999' });
    await lead.getByLabel('允许在转发内容中显示我的姓名和电话').check();
    const id = await form.submit();
    const sent = await linkFromSms(lead);
    await StewardPage.unlocked(red, site.server.url);
    await openLink(red, sent.link);
    await applyLink(red);
    await red.getByRole('link', { name: '查看这份报事' }).click();
    await red.locator('form.change-step').waitFor();

    // A change without a reason is refused in words, and nothing is stored.
    const before = await everything(red);
    await change(red, '改类别', '排水管道', ' ');
    await red.getByRole('alert').filter({ hasText: '请写明原因。' }).waitFor();
    assert.equal(await everything(red), before, 'the refused change stored nothing');

    // Re-categorise, a new deadline, then give it to the property steward.
    await change(red, '改类别', '排水管道', '是雨水管堵了，不是化粪池');
    await red.locator('.timeline__event--recategorise').waitFor();
    const due = dateIn(10);
    await change(red, '改期限', due, '要等管道公司的车，下周才来');
    await red.locator('.timeline__event--deadline').waitFor();
    await change(red, '转交给其他管家', '王建（物管家 · 物业客服）', '排水归物业管');
    await red.locator('.timeline__event--reassign').waitFor();
    const steps = await red.locator('.timeline__event--change').allInnerTexts();
    assert.equal(steps.length, 3);
    assert.match(steps[0], /转交 · 红管家 · [\s\S]*交给：王建（物管家）[\s\S]*排水归物业管/);
    assert.match(steps[1], new RegExp(`改期限 · 红管家[\\s\\S]*新期限：${due}[\\s\\S]*下周才来`));
    assert.match(steps[2], /改类别 · 红管家[\s\S]*新类别：排水管道[\s\S]*不是化粪池/);
    const stored = (await storedReports(red)).find((r) => r.id === id);
    assert.deepEqual([stored.category, stored.assigned], ['Drainage', 'dongtangcun-s2']);
    assert.equal(stored.timeline.at(-1).status, 'Submitted', 'a change keeps the status');
    await screenshot(red, '92-steward-changes');

    // The hand-over: by SMS to the property steward's number from the roster.
    const handover = await linkIn(red, 'handover-title');
    assert.match(handover.href, /^sms:13800000033\?body=/);
    assert.match(handover.link, new RegExp(`^${site.server.url}/steward/r#1\\.`));
    // The next steward is a 和事佬 here, to show what that role is offered.
    const nextSteward = await StewardPage.unlocked(next, site.server.url);
    await nextSteward.saveProfile({ name: '李伟珍', phone: '138 0000 0034', role: '和事佬', compounds: ['东塘村小区'] });
    await openLink(next, handover.link);
    assert.equal(await applyLink(next), '已加入待办。');
    const taken = (await storedReports(next)).find((r) => r.id === id);
    assert.deepEqual([taken.category, taken.assigned, taken.timeline.length], ['Drainage', 'dongtangcun-s2', 4]);
    assert.equal(taken.expected_by, stored.expected_by);
    await next.getByRole('link', { name: '查看这份报事' }).click();
    const offered = await next.locator('form.change-step').getByLabel('调整什么').locator('option').allInnerTexts();
    assert.deepEqual(offered, ['转交给其他管家', '标为重复（同一个问题）'], 'a 和事佬 passes on or marks duplicates only');
    await next.getByText('改类别和改期限由红管家或物管家来做。').waitFor();
    assert.equal(await next.locator('#handover-title').count(), 0, 'taken over here: nothing to hand over');
    // Elder mode: the change form's controls are big targets too.
    assert.ok(await next.evaluate(() => document.documentElement.classList.contains('elder')));
    for (const control of await next.locator('form.change-step select, form.change-step textarea, form.change-step button').all()) {
      assert.ok((await control.boundingBox()).height >= 56, await control.evaluate((el) => el.outerHTML.slice(0, 60)));
    }
    await screenshot(next, '93-peacemaker-changes-elder');

    // Back to the reporter: the reply carries the three changes.
    const reply = await linkIn(red, 'reply-title');
    assert.match(reply.href, /^sms:13900009999\?body=/);
    await openLink(lead, reply.link);
    assert.equal(await applyLink(lead), '已更新。');
    const detail = await ReportDetail.open(lead, site.server.url, id);
    await lead.locator('.timeline__event--reassign').waitFor();
    const mine = (await storedReports(lead)).find((r) => r.id === id);
    assert.deepEqual([mine.category, mine.assigned, mine.expected_by], ['Drainage', 'dongtangcun-s2', stored.expected_by]);
    assert.equal(await detail.status(), 'submitted');
    assert.ok((await detail.timeline().allInnerTexts()).join('|').includes('新类别：排水管道'));
    await screenshot(lead, '94-reporter-sees-changes');

    // A link claiming a 和事佬 re-categorised is refused, and the phone is unchanged.
    const created = mine.created_at;
    const forged = craftLink(site.server.url, 'u', [id, created, [[DAY, SUBMITTED, PEACEMAKER, '改成停车', [RECATEGORISE, String(PARKING)]]], null]);
    const untouched = await everything(lead);
    await openLink(lead, forged);
    // Refused as it is read: no button to apply it.
    assert.equal(await lead.locator('[data-apply-link]').count(), 0);
    assert.match(await outcome(lead), /^链接里有发送人无权记录的步骤：没有采用。/);
    assert.equal(await everything(lead), untouched, 'nothing stored from the refused link');
    await screenshot(lead, '95-refused-change-link');
    assert.deepEqual(errors, []);
  });

  it('duplicates as one: two leads\' reports marked the same problem share the progress, and each reporter sees how many reported it', async () => {
    const leadA = await (await site.phone.newPhone()).newPage();
    const leadB = await (await site.phone.newPhone()).newPage();
    const stewardPhone = await site.phone.newPhone();
    await stewardPhone.addInitScript(badgeRecorder);
    const steward = await stewardPhone.newPage();
    const errors = [...watchErrors(leadA), ...watchErrors(leadB), ...watchErrors(steward)];
    await StewardPage.unlocked(steward, site.server.url);
    const ids = [];
    for (const [lead, text] of [[leadA, '1栋化粪池堵了'], [leadB, '1栋门口化粪池冒水']]) {
      const form = await ReportForm.open(lead, site.server.url, '?c=dongtangcun&b=1');
      await form.fillSeptic(text);
      await form.reporter({ phone: lead === leadA ? '139 0000 1111' : '139 0000 2222' });
      await lead.getByLabel('允许在转发内容中显示我的姓名和电话').check();
      ids.push(await form.submit());
      await openLink(steward, (await linkFromSms(lead)).link);
      await applyLink(steward);
      // The badge follows at once, on the link's page.
      await steward.waitForFunction((n) => window.__badge === n, ids.length);
    }
    const [first, second] = ids;
    // Counts at a glance, steward mode's first screen.
    const front = await StewardPage.open(steward, site.server.url);
    await front.enterPin('2468');
    assert.equal(await steward.locator('[data-glance="new"] .glance__count').innerText(), '2');
    assert.equal(await steward.locator('[data-glance="unassigned"] .glance__count').innerText(), '0');
    const colour = (which) => steward.locator(`[data-glance="${which}"] .glance__count`).evaluate((el) => getComputedStyle(el).color);
    assert.equal(await colour('overdue'), await colour('new'), 'no overdue work: not in red');
    await screenshot(steward, '99-steward-glance');
    // The second is marked the same problem as the first.
    await openReport(steward, second);
    await change(steward, '标为重复（同一个问题）', { value: first }, '同一个化粪池');
    await steward.locator('.timeline__event--duplicate_of').waitFor();
    // The first report's progress reaches the second on this phone.
    await openReport(steward, first);
    const step = steward.locator('form.update-panel');
    await step.getByLabel('新状态').selectOption({ label: '已受理' });
    await step.getByLabel('说明（必填）').fill('管道公司明天来');
    await step.getByRole('button', { name: '保存进展' }).click();
    await steward.getByText('已记录。请把进展发给报事人：').waitFor();
    await settled(steward);
    const byId = Object.fromEntries((await storedReports(steward)).map((r) => [r.id, r]));
    assert.equal(byId[second].timeline.at(-1).note, '管道公司明天来', 'the shared step');
    assert.deepEqual([byId[first].same_problem, byId[second].same_problem], [2, 2]);
    await steward.locator('[data-same-problem="2"]').waitFor();
    await screenshot(steward, '97-duplicates-as-one');

    // The second lead gets the progress on their own report, with the count.
    await openReport(steward, second);
    const reply = await linkIn(steward, 'reply-title');
    assert.match(reply.href, /^sms:13900002222\?body=/);
    await openLink(leadB, reply.link);
    assert.equal(await applyLink(leadB), '已更新。');
    const detail = await ReportDetail.open(leadB, site.server.url, second);
    await detail.waitForStatus('acknowledged');
    const said = await leadB.locator('[data-same-problem]').innerText();
    assert.match(said.replace(/\s+/g, ''), /共有2户邻居报了同一个问题/);
    await screenshot(leadB, '98-duplicate-reporter-sees-count');
    assert.deepEqual(errors, []);
  });
});
