// The hand-off loop between two phones with no server (issue #12): the building lead's
// report travels to the steward by the link in the real sms: href, the steward's steps
// travel back, the reporter's confirmation travels to the steward again. Two browser
// contexts, no shared storage. Every bad link leaves both phones byte-for-byte unchanged.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, settled, storedReports, useSite, watchErrors } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { StewardPage } from './pages/steward.mjs';
import { applyLink, craftLink, everything, linkFromSms, openLink, outcome } from './pages/handoff.mjs';

const site = useSite();
// Positions in the app's enums (Status::ALL, Role::ALL), as links carry them.
const [ACKNOWLEDGED, CONFIRMED, RED] = [2, 5, 0];

/** The steward records the next step on the report's page in the console. */
async function stewardStep(page, statusLabel, note) {
  const form = page.locator('form.update-panel');
  await form.getByLabel('新状态').selectOption({ label: statusLabel });
  await form.getByLabel('说明（必填）').fill(note);
  await form.getByRole('button', { name: '保存进展' }).click();
  await page.getByText('已记录。请把进展发给报事人：').waitFor();
  await settled(page);
}

/** Two phones: the lead's with a filed report, the steward's in steward mode. */
async function twoPhones({ share = true } = {}) {
  const lead = await (await site.phone.newPhone()).newPage();
  const steward = await (await site.phone.newPhone()).newPage();
  const errors = [...watchErrors(lead), ...watchErrors(steward)];
  const form = await ReportForm.open(lead, site.server.url, '?c=dongtangcun&b=3&u=2');
  // Filed offline: the link is made on the phone, nothing goes to a server. The form is
  // the report entry and the report's page the resident app: offline, that page load is
  // the service worker's, which has the site once it is active (a first visit that loses
  // the network before then is reports.test.mjs's).
  await lead.evaluate(() => navigator.serviceWorker.ready);
  await lead.context().setOffline(true);
  await form.fillSeptic('3栋化粪池堵塞，污水外溢 <b>快来</b>');
  await form.reporter({ name: '张阿姨', phone: '139 0000 9999' });
  if (share) await lead.getByLabel('允许在转发内容中显示我的姓名和电话').check();
  const id = await form.submit();
  // The link was made on the phone while offline; the network comes back for the rest
  // (whether a page opens offline depends on the service worker, tested on its own).
  await linkFromSms(lead);
  await lead.context().setOffline(false);
  await StewardPage.unlocked(steward, site.server.url);
  return { lead, steward, id, errors };
}

describe('the hand-off loop', () => {
  it('a report goes to the steward, the steps come back, the confirmation goes to the steward', async () => {
    const { lead, steward, id, errors } = await twoPhones();
    const sent = await linkFromSms(lead);
    assert.match(sent.href, /^sms:1380000\d{4}\?body=/, 'to the routed steward');
    assert.match(sent.link, new RegExp(`^${site.server.url}/steward/r#1\\.[A-Za-z0-9_-]+$`));
    assert.ok(sent.body.includes(id) && sent.body.includes('管家打开此链接'), sent.body);
    assert.equal(await lead.locator('.handoff__qr svg').getAttribute('data-qr'), sent.link, 'the QR code is the same link');
    await screenshot(lead, '60-lead-sends-report');

    // The steward's phone: the report read-only, where it came from, then into the queue.
    await openLink(steward, sent.link);
    assert.ok((await steward.locator('.report-detail__description').innerText()).includes('<b>快来</b>'), 'text in a link is text');
    assert.ok(await steward.getByText('来自报事人发来的链接').isVisible());
    await screenshot(steward, '61-steward-takes-report');
    assert.equal(await applyLink(steward), '已加入待办。');
    await openLink(steward, sent.link);
    assert.equal(await outcome(steward), '这个链接的内容本机已经有了，没有改动。', 'the same link twice is one report');
    assert.equal((await storedReports(steward)).filter((r) => r.id === id).length, 1);

    // The queue lists it as new; the steward accepts, then resolves, each with a note.
    await steward.getByRole('link', { name: '查看这份报事' }).click();
    await steward.getByRole('link', { name: '返回我的待办' }).click();
    await steward.locator(`[data-report="${id}"]`).waitFor();
    assert.equal(await steward.locator('[data-queue-tab="new"]').getAttribute('aria-pressed'), 'true');
    await steward.locator(`[data-report="${id}"] a`).click();
    await stewardStep(steward, '已受理', '收到，下午去看');
    const first = await linkFromSms(steward);
    assert.match(first.href, /^sms:13900009999\?body=/, 'to the reporter, who shared their number');
    await stewardStep(steward, '已处理待确认', '已疏通，请确认');
    const second = await linkFromSms(steward);
    assert.match(second.link, new RegExp(`^${site.server.url}/r#1\\.`));
    await screenshot(steward, '62-steward-replies');

    // The lead's phone: the reply adds both steps to the lead's own report.
    await openLink(lead, second.link);
    await screenshot(lead, '63-lead-takes-reply');
    assert.equal(await applyLink(lead), '已更新。');
    const detail = await ReportDetail.open(lead, site.server.url, id);
    await detail.waitForStatus('resolved');
    const steps = await detail.timeline().allInnerTexts();
    assert.ok(steps.some((s) => s.includes('收到，下午去看')) && steps.some((s) => s.includes('已疏通，请确认')), steps.join('|'));
    // The first reply, opened after the second, adds nothing.
    await openLink(lead, first.link);
    assert.equal(await outcome(lead), '这个链接的内容本机已经有了，没有改动。');

    // The lead confirms with a rating; the answer travels to the steward.
    const again = await ReportDetail.open(lead, site.server.url, id);
    await again.confirm(5);
    await again.waitForStatus('confirmed');
    const answer = await linkFromSms(lead);
    assert.match(answer.link, new RegExp(`^${site.server.url}/steward/r#1\\.`));
    await screenshot(lead, '64-lead-sends-answer');
    await openLink(steward, answer.link);
    assert.equal(await applyLink(steward), '已更新。');
    await steward.getByRole('link', { name: '查看这份报事' }).click();
    await steward.locator('[data-status="confirmed"]').waitFor();
    assert.equal(await steward.locator('[data-rating]').getAttribute('data-rating'), '5');
    await screenshot(steward, '65-steward-sees-confirmed');
    assert.deepEqual(errors, []);
  });

  it('without a shared number the report goes without the reporter, and the reply by share or copy', async () => {
    const { lead, steward, id } = await twoPhones({ share: false });
    const sent = await linkFromSms(lead);
    assert.ok(!sent.body.includes('9999') && !sent.body.includes('张阿姨'));
    await openLink(steward, sent.link);
    assert.equal(await steward.locator('.reporter').count(), 0, 'no reporter in the link');
    await applyLink(steward);
    await steward.getByRole('link', { name: '查看这份报事' }).click();
    await stewardStep(steward, '处理中', '已联系物业');
    assert.equal(await steward.locator('[data-handoff-sms]').count(), 0);
    await steward.getByText('报事人没有留下可发短信的号码').waitFor();
    await steward.getByRole('button', { name: '分享或复制报事' }).waitFor();
  });
});

describe('a link opened by the other program', () => {
  it('goes on to the page for its kind, fragment and all', async () => {
    const { lead, steward, id } = await twoPhones();
    const sent = await linkFromSms(lead);
    // A report link pasted as /r#… (the resident app) ends on the console's page.
    const [, fragment] = sent.link.split('#');
    await openLink(steward, `${site.server.url}/r#${fragment}`);
    await steward.waitForURL(/\/steward\/r#1\./);
    assert.equal(await steward.locator('[data-ref]').innerText(), id);
    await applyLink(steward);
    await steward.getByRole('link', { name: '查看这份报事' }).click();
    await stewardStep(steward, '已受理', '收到');
    const reply = (await linkFromSms(steward)).link.split('#')[1];
    // An update opened in the console ends on the resident app's page.
    await openLink(lead, `${site.server.url}/steward/r#${reply}`);
    await lead.waitForURL(/\/r#1\./);
    assert.equal(await applyLink(lead), '已更新。');
    await screenshot(lead, '67-forwarded-update');
  });
});

describe('a second link into the same tab', () => {
  it('shows the second report, and 加入我的待办 takes that one', async () => {
    const { lead, steward, id: first } = await twoPhones();
    const one = (await linkFromSms(lead)).link;
    const form = await ReportForm.open(lead, site.server.url, '?c=dongtangcun&b=3&u=2');
    await form.fillSeptic('5栋门口路灯不亮');
    const second = await form.submit();
    const two = (await linkFromSms(lead)).link;
    assert.notEqual(first, second);
    await openLink(steward, one);
    await steward.getByText(first).waitFor();
    // Same path, another fragment: the browser loads no page, only the hash changes.
    await steward.evaluate((link) => { window.__samePage = true; location.href = link; }, two);
    await steward.getByText(second).waitFor({ timeout: 5000 });
    assert.equal(await steward.evaluate(() => window.__samePage), true, 'no page load happened');
    assert.ok((await steward.locator('.report-detail__description').innerText()).includes('5栋门口路灯不亮'));
    assert.equal(await applyLink(steward), '已加入待办。');
    const ids = (await storedReports(steward)).map((r) => r.id);
    assert.ok(ids.includes(second) && !ids.includes(first), ids.join());
  });
});

describe('a browser without CompressionStream (iOS before 16.4, old WebViews)', () => {
  const withoutStreams = () => { delete window.CompressionStream; delete window.DecompressionStream; };

  it('sends its link plain, and that link opens anywhere', async () => {
    const context = await site.phone.newPhone();
    await context.addInitScript(withoutStreams);
    const lead = await context.newPage();
    const form = await ReportForm.open(lead, site.server.url, '?c=dongtangcun&b=3');
    await form.fillSeptic('楼道灯坏了，晚上看不见');
    const id = await form.submit();
    const { link } = await linkFromSms(lead);
    // The frame's second byte says whether the body is compressed (format::handoff::frame).
    assert.equal(Buffer.from(link.split('#1.')[1], 'base64url')[1], 0, 'sent plain');
    const steward = await (await site.phone.newPhone()).newPage();
    await StewardPage.unlocked(steward, site.server.url);
    await openLink(steward, link);
    assert.equal(await steward.locator('[data-ref]').innerText(), id);
    assert.equal(await applyLink(steward), '已加入待办。');
  });

  it('says which browsers open a compressed link, and changes nothing', async () => {
    const { lead } = await twoPhones();
    const { link } = await linkFromSms(lead);
    const context = await site.phone.newPhone();
    await context.addInitScript(withoutStreams);
    const old = await context.newPage();
    await StewardPage.unlocked(old, site.server.url);
    const before = await everything(old);
    await openLink(old, link);
    assert.match(await outcome(old), /太旧.*Safari.*Chrome 或 Firefox/);
    assert.equal(await old.locator('[data-apply-link]').count(), 0);
    assert.equal(await everything(old), before);
  });
});

describe('bad links', () => {
  it('each gets a plain message and leaves both phones byte-for-byte unchanged', async () => {
    const { lead, steward, id } = await twoPhones();
    const sent = await linkFromSms(lead);
    await openLink(steward, sent.link);
    await applyLink(steward);
    await steward.getByRole('link', { name: '查看这份报事' }).click();
    await stewardStep(steward, '已受理', '收到');
    const reply = (await linkFromSms(steward)).link;
    const before = { lead: await everything(lead), steward: await everything(steward) };
    const [path, fragment] = reply.split('#');
    const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const bad = [
      ['truncated', lead, `${path}#${fragment.slice(0, -12)}`, /损坏或被截断|不完整/],
      ['tampered', lead, `${path}#${flip(fragment, 20)}`, /损坏或被截断/],
      ['from a newer version', lead, `${path}#${fragment.replace(/^1\./, '2.')}`, /更新版本/],
      ['oversized', lead, `${path}#1.${'A'.repeat(9000)}`, /链接过长/],
      ['empty', lead, `${path}#`, /没有找到报事内容/],
      ['not a link of ours', steward, `${site.server.url}/steward/r#hello`, /不是小区管家的报事链接/],
      ['for a report this phone does not have', lead,
        craftLink(site.server.url, 'u', ['R20261126-ZZZZZ', Date.now(), [[1, ACKNOWLEDGED, RED, '收到']], null]), /本机没有这份报事/],
      ['a steward confirming', lead,
        craftLink(site.server.url, 'u', [id, Date.now(), [[0, CONFIRMED, RED, '']], null]), /无权记录/],
      ['an answer skipping steps', steward,
        craftLink(site.server.url, 'a', [id, Date.now(), [[0, CONFIRMED, null, '']], 5]), /进度不符/],
      ['a report copy that is not valid', steward,
        craftLink(site.server.url, 'r', ['R1', 'x', null, null, 8, 0, 'x', [], null, null, 0, Date.now(), [], null, null, null, 0]), /不完整或不合规/],
    ];
    for (const [what, page, link, message] of bad) {
      await openLink(page, link);
      const text = await outcome(page);
      assert.match(text, message, what);
      assert.match(text, /本机数据没有任何改动/, what);
      assert.equal(await page.locator('[data-apply-link]').count(), 0, what);
    }
    await screenshot(lead, '66-bad-link');
    assert.equal(await everything(lead), before.lead, 'the lead phone is unchanged');
    assert.equal(await everything(steward), before.steward, 'the steward phone is unchanged');
  });
});

describe('link length', () => {
  // What building leads write, one typical report per category, every question answered.
  const typical = [
    ['保洁卫生', '2单元楼道垃圾三天没人清，味道很大', {}],
    ['停车秩序', '有车长期停在消防通道上，救护车进不来', { '具体位置': '3栋北面路口', '是否堵塞消防通道？': 'yes' }],
    ['排水管道', '下水道反水，一楼厨房地漏冒污水', { '具体位置': '1单元一楼', '是否积水进屋？': 'yes' }],
    ['化粪池', '化粪池堵塞，污水漫到路面，请尽快处理', { '是否已经外溢？': 'yes', '哪个单元附近？': '2单元' }],
    ['公共设施', '楼道声控灯坏了，晚上老人上下楼看不见', { '哪个设施？': '3楼楼道灯' }],
    ['安全隐患', '电动车在楼道里充电，电线拖到门口', { '具体位置': '4楼楼梯间', '现在是否有危险？': 'yes' }],
    ['邻里纠纷', '楼上装修每天早上七点开始打钻，沟通过没用', { '涉及哪几户？': '502 和 402', '之前调解过吗？': 'no' }],
    ['物业费', '想问今年物业费的收费标准和缴费地点', {}],
    ['其他', '小区大门的门禁卡坏了，进出要等人开门', {}],
  ];

  it('a typical report fits one long SMS: median and 95th percentile over the categories', async () => {
    const page = await (await site.phone.newPhone()).newPage();
    const lengths = [];
    for (const [category, description, answers] of typical) {
      const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=3&u=2');
      await form.category(category);
      for (const [question, value] of Object.entries(answers)) await form.answer(question, value);
      await form.describe(description);
      await form.submit();
      lengths.push((await linkFromSms(page)).link.length);
    }
    lengths.sort((a, b) => a - b);
    const at = (q) => lengths[Math.min(lengths.length - 1, Math.ceil(q * lengths.length) - 1)];
    console.log(`hand-off link length over ${lengths.length} categories: median ${at(0.5)}, p95 ${at(0.95)}, ` +
      `max ${lengths.at(-1)} characters (${site.server.url.length} of them the origin)`);
    // A long SMS carries 10 segments of 67 characters; the readable text takes about half.
    assert.ok(at(0.95) <= 340, `p95 ${at(0.95)}`);
  });
});
