// Building leads report problems offline and follow them to the end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appReady, screenshot, useSite, watchErrors } from './harness.mjs';

const site = useSite();

async function fillSepticReport(page, description = '3栋化粪池堵塞，污水外溢') {
  await page.getByLabel('类别').selectOption({ label: '化粪池' });
  await page.getByLabel('是否已经外溢？').selectOption('yes');
  await page.getByLabel('问题描述').fill(description);
}

async function submitted(page) {
  await page.getByRole('button', { name: '提交报事' }).click();
  await page.waitForURL(/\/reports\/R\d{8}-[0-9A-Z]{5}$/);
  await page.locator('[data-ref]').waitFor();
  return page.url().split('/').pop();
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('cs.reports') ?? '{"data":[]}').data);

describe('new report', () => {
  it('is created offline and is still there after a reload', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=3&u=2');
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await appReady(page);
    await context.setOffline(true);
    await fillSepticReport(page);
    await screenshot(page, '40-report-form');
    const id = await submitted(page);
    await page.reload();
    await appReady(page);
    await page.getByText(id).waitFor();
    assert.equal(await page.locator('[data-status]').getAttribute('data-status'), 'Submitted');
    await screenshot(page, '41-report-detail');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps a draft when the page is closed mid-typing, and several drafts can exist', async () => {
    const context = await site.phone.newPhone();
    let page = await context.newPage();
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=1');
    await appReady(page);
    await page.getByLabel('问题描述').fill('楼道灯坏了，晚上');
    await page.waitForURL(/draft=/);
    await page.close();
    page = await context.newPage();
    await page.goto(site.server.url + '/report/new?c=guihuacun');
    await appReady(page);
    await page.getByLabel('问题描述').fill('第二份草稿');
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.getByRole('heading', { name: '草稿' }).waitFor();
    assert.equal(await page.locator('.report-item--draft').count(), 2);
    await page.locator('.report-item--draft', { hasText: '楼道灯坏了' }).getByRole('link', { name: '继续填写' }).click();
    await appReady(page);
    assert.equal(await page.getByLabel('问题描述').inputValue(), '楼道灯坏了，晚上');
    assert.equal(await page.getByLabel('小区').inputValue(), 'dongtangcun');
    await context.close();
  });

  it('shows a clear message next to each bad field and saves nothing as submitted', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/report/new');
    await appReady(page);
    await page.getByLabel('电话', { exact: true }).fill('138 0000 0001;x');
    await page.getByRole('button', { name: '提交报事' }).click();
    await page.getByText('请选择小区').waitFor();
    await page.getByText('这一项必须填写').waitFor();
    await page.getByText('电话只能包含数字、空格、短横线和括号').waitFor();
    assert.ok(page.url().includes('/report/new'));
    assert.ok((await stored(page)).every((r) => r.timeline.length === 0), 'nothing was submitted');
    await context.close();
  });

  it('suggests a matching open report, and "mine too" follows it instead', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=5');
    await appReady(page);
    await fillSepticReport(page, '5栋化粪池又堵了');
    const first = await submitted(page);
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=5');
    await appReady(page);
    await page.getByLabel('类别').selectOption({ label: '化粪池' });
    const dup = page.locator('.duplicates');
    await dup.waitFor();
    assert.match(await dup.innerText(), new RegExp(first));
    await dup.getByRole('button', { name: '这也是我的问题' }).click();
    await page.waitForURL(new RegExp(`/reports/${first}$`));
    const reports = await stored(page);
    assert.equal(reports.find((r) => r.id === first).followers, 1);
    assert.ok(reports.filter((r) => r.timeline.length === 0).every((r) => r.deleted), 'the draft went away');
    await context.close();
  });
});

describe('sending and following', () => {
  it('the sms: link goes to the responsible steward with an encoded body and no hidden phone', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=3&u=2');
    await appReady(page);
    await fillSepticReport(page, '污水 & 臭味?');
    await page.getByLabel('电话', { exact: true }).fill('139 0000 9999');
    const id = await submitted(page);
    const href = await page.locator('a.send__sms').getAttribute('href');
    // 化粪池 in a property-managed compound goes to the 物管家 of building 3's grid.
    assert.match(href, /^sms:1380000\d{4}\?body=/);
    assert.match(await page.locator('a.send__sms').innerText(), /物管家/);
    const body = decodeURIComponent(href.split('?body=')[1]);
    assert.ok(body.includes(id) && body.includes('东塘村小区 3栋 2单元') && body.includes('污水 & 臭味?'));
    assert.ok(!href.includes('&', href.indexOf('body=')), 'the body cannot add parameters');
    assert.ok(!body.includes('9999'), 'the reporter phone stays private by default');
    assert.equal(await page.locator('.reporter__phone').innerText(), '139****9999', 'masked on the page too');
    await page.getByRole('button', { name: '显示完整号码' }).click();
    assert.equal(await page.locator('.reporter__phone').innerText(), '139 0000 9999');
    await context.close();
  });

  it('follows the legal transitions, refuses illegal ones, and counts only confirmed reports as resolved', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/report/new?c=tianhecun&b=1');
    await appReady(page);
    await fillSepticReport(page);
    await submitted(page);
    const update = page.locator('form.update');
    // 天鹤村 is community-managed: its septic-tank reports go to the 红管家, who records them.
    assert.equal(await update.locator('select[name="by"] option:checked').innerText(), '红管家');
    // A status change without a note is refused with a message.
    await update.getByLabel('新状态').selectOption({ label: '已受理' });
    await update.getByRole('button', { name: '保存进展' }).click();
    await page.getByText('每次改变状态都要写说明').waitFor();
    assert.equal(await page.locator('[data-status]').getAttribute('data-status'), 'Submitted');
    for (const [label, note, status] of [['已受理', '收到，明天来看', 'Acknowledged'], ['处理中', '已派人疏通', 'InProgress'], ['已处理待确认', '已疏通', 'Resolved']]) {
      await page.locator('form.update').getByLabel('新状态').selectOption({ label });
      await page.locator('form.update').getByLabel('说明（必填）').fill(note);
      await page.locator('form.update').getByRole('button', { name: '保存进展' }).click();
      await page.locator(`[data-status="${status}"]`).waitFor();
    }
    // Confirmed is never offered as a steward's update: only the reporter confirms.
    const offered = await page.locator('form.update select[name="status"] option').allInnerTexts();
    assert.ok(!offered.includes('已办结'), offered.join());
    await page.locator('.confirm').getByRole('button', { name: '已解决，确认办结' }).click();
    await page.getByText('请选择 1 到 5 分').waitFor();
    await page.locator('.rating__star').nth(3).click();
    await page.locator('.confirm').getByRole('button', { name: '已解决，确认办结' }).click();
    await page.locator('[data-status="Confirmed"]').waitFor();
    assert.equal(await page.locator('.timeline__event').count(), 5);
    await screenshot(page, '42-report-confirmed');
    await page.goto(site.server.url + '/district');
    await appReady(page);
    await page.locator('[data-stat="resolution"]').filter({ hasText: '100.00% (1/1)' }).waitFor();
    await context.close();
  });

  it('"not fixed" reopens the report', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    await page.goto(site.server.url + '/report/new?c=tianhecun&b=2');
    await appReady(page);
    await fillSepticReport(page);
    await submitted(page);
    await page.locator('form.update').getByLabel('新状态').selectOption({ label: '已处理待确认' });
    await page.locator('form.update').getByLabel('说明（必填）').fill('已处理');
    await page.locator('form.update').getByRole('button', { name: '保存进展' }).click();
    await page.locator('.confirm').getByLabel('说明（必填）').fill('还是堵');
    await page.locator('.confirm').getByRole('button', { name: '没解决，重新打开' }).click();
    await page.locator('[data-status="Reopened"]').waitFor();
    await context.close();
  });

  it('shows markup typed into any field as text', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const evil = '<img src=x onerror=alert(1)>';
    await page.goto(site.server.url + '/report/new?c=dongtangcun&b=2');
    await appReady(page);
    await page.getByLabel('类别').selectOption({ label: '停车秩序' });
    await page.getByLabel('具体位置').fill(evil);
    await page.getByLabel('问题描述').fill(evil);
    await page.getByLabel('姓名', { exact: true }).fill(evil);
    await submitted(page);
    await page.locator('.report-detail__description', { hasText: evil }).waitFor();
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.locator('.report-item__text', { hasText: evil }).first().waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(dialogs, 0);
    await screenshot(page, '43-report-list');
    await context.close();
  });
});
