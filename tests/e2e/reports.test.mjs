// Building leads report problems offline and follow them to the end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appReady, editStoredRecord, screenshot, storedReports, useSite, watchErrors } from './harness.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { BackupPage, SettingsPage } from './pages/settings.mjs';

const site = useSite();
const DAY = 24 * 3600 * 1000;

describe('new report', () => {
  it('is created offline and is still there after a reload', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=3&u=2');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await appReady(page);
    await context.setOffline(true);
    const form = new ReportForm(page);
    await form.fillSeptic();
    await screenshot(page, '40-report-form');
    const id = await form.submit();
    await page.reload();
    await appReady(page);
    await page.getByText(id).waitFor();
    assert.equal(await new ReportDetail(page).status(), 'submitted');
    await screenshot(page, '41-report-detail');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('submitted offline before the worker has the site, says where it is and opens once online', async () => {
    // A first visit that loses the network at once: no service worker to load the
    // report's page (the resident app's) from.
    const context = await site.phone.newPhone({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=3&u=2');
    await context.setOffline(true);
    await form.fillSeptic();
    await form.submitButton.click();
    await page.getByRole('alert').filter({ hasText: '当前离线' }).waitFor();
    const id = await page.locator('[data-ref]').innerText();
    assert.match(id, /^R\d{8}-[0-9A-Z]{5}$/);
    assert.ok(page.url().includes('/report/new'), 'the page stayed');
    assert.equal(await form.submitButton.isVisible(), false, 'the submitted form is gone');
    assert.equal((await storedReports(page)).find((r) => r.id === id).timeline.length, 1, 'stored as submitted');
    await context.setOffline(false);
    await page.getByRole('link', { name: '打开报事页' }).click();
    await page.waitForURL(new RegExp(`/reports/${id}$`));
    await appReady(page);
    assert.equal(await new ReportDetail(page).status(), 'submitted');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps a draft when the page is closed mid-typing, and several drafts can exist', async () => {
    const context = await site.phone.newPhone();
    let page = await context.newPage();
    await (await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=1')).describe('楼道灯坏了，晚上');
    await page.waitForURL(/draft=/);
    await page.close();
    page = await context.newPage();
    await (await ReportForm.open(page, site.server.url, '?c=guihuacun')).describe('第二份草稿');
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    await page.getByRole('heading', { name: '草稿' }).waitFor();
    assert.equal(await page.locator('.report-item--draft').count(), 2);
    await page.locator('.report-item--draft', { hasText: '楼道灯坏了' }).getByRole('link', { name: '继续填写' }).click();
    await appReady(page);
    const form = new ReportForm(page);
    assert.equal(await form.description.inputValue(), '楼道灯坏了，晚上');
    assert.equal(await page.getByLabel('小区').inputValue(), 'dongtangcun');
    await context.close();
  });

  it('shows a clear message tied to each bad field and saves nothing as submitted', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url);
    await form.reporter({ phone: '138 0000 0001;x' });
    await form.submitButton.click();
    await page.getByText('请选择小区').waitFor();
    // Each message is the field's description, so a screen reader reads it with the field.
    const described = async (label, options) => {
      const field = page.getByLabel(label, options);
      assert.equal(await field.getAttribute('aria-invalid'), 'true', label);
      const ids = (await field.getAttribute('aria-describedby')).split(' ');
      return (await Promise.all(ids.map((id) => page.locator(`#${id}`).innerText()))).join(' ');
    };
    assert.match(await described('小区'), /请选择小区/);
    assert.match(await described('问题描述'), /这一项必须填写/);
    assert.match(await described('电话', { exact: true }), /电话只能包含数字、空格、短横线和括号/);
    assert.equal(await page.getByLabel('姓名', { exact: true }).getAttribute('aria-invalid'), 'false');
    assert.ok(page.url().includes('/report/new'));
    assert.ok((await storedReports(page)).every((r) => r.timeline.length === 0), 'nothing was submitted');
    await screenshot(page, '45-report-form-errors');
    await context.close();
  });

  it('suggests a matching open report, and "mine too" follows it instead', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=5');
    await form.fillSeptic('5栋化粪池又堵了');
    const first = await form.submit();
    const again = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=5');
    await again.category('化粪池');
    const dup = page.locator('.duplicates');
    await dup.waitFor();
    assert.match(await dup.innerText(), new RegExp(first));
    await dup.getByRole('button', { name: '这也是我的问题' }).click();
    await page.waitForURL(new RegExp(`/reports/${first}$`));
    const reports = await storedReports(page);
    assert.equal(reports.find((r) => r.id === first).followers, 1);
    assert.ok(reports.filter((r) => r.timeline.length === 0).every((r) => r.deleted), 'the draft went away');
    await context.close();
  });
});

describe('sending and following', () => {
  it('the sms: link goes to the responsible steward with an encoded body and no hidden phone', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=3&u=2');
    await form.fillSeptic('污水 & 臭味?');
    await form.reporter({ phone: '139 0000 9999' });
    const id = await form.submit();
    const detail = new ReportDetail(page);
    const href = await detail.sms.getAttribute('href');
    // 化粪池 in a property-managed compound goes to the 物管家 of building 3's grid.
    assert.match(href, /^sms:1380000\d{4}\?body=/);
    assert.match(await detail.sms.innerText(), /物管家/);
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
    const form = await ReportForm.open(page, site.server.url, '?c=guihuacun&b=1');
    await form.fillSeptic();
    await form.submit();
    const detail = new ReportDetail(page);
    // 桂花村 is community-managed: its septic-tank reports go to the 红管家, who records them.
    assert.equal(await detail.update.locator('select[name="by"] option:checked').innerText(), '红管家');
    // A status change without a note is refused with a message.
    await detail.recordUpdate('已受理');
    await page.getByText('每次改变状态都要写说明').waitFor();
    assert.equal(await detail.status(), 'submitted');
    for (const [label, note, status] of [['已受理', '收到，明天来看', 'acknowledged'], ['处理中', '已派人疏通', 'in_progress'], ['已处理待确认', '已疏通', 'resolved']]) {
      await detail.recordUpdate(label, note);
      await detail.waitForStatus(status);
    }
    // Confirmed is never offered as a steward's update: only the reporter confirms.
    const offered = await detail.update.locator('select[name="status"] option').allInnerTexts();
    assert.ok(!offered.includes('已办结'), offered.join());
    await detail.confirm();
    await page.getByText('请选择 1 到 5 分').waitFor();
    await detail.confirm(4);
    await detail.waitForStatus('confirmed');
    assert.equal(await detail.timeline().count(), 5);
    await screenshot(page, '42-report-confirmed');
    await page.goto(site.server.url + '/district');
    await appReady(page);
    await page.locator('[data-stat="resolution"]').filter({ hasText: '100.00% (1/1)' }).waitFor();
    await context.close();
  });

  it('"not fixed" reopens the report', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=guihuacun&b=2');
    await form.fillSeptic();
    await form.submit();
    const detail = new ReportDetail(page);
    await detail.recordUpdate('已处理待确认', '已处理');
    await detail.reopen('还是堵');
    await detail.waitForStatus('reopened');
    await context.close();
  });

  it('switching language changes a report page entirely, timeline and answers included', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=guihuacun&b=1');
    await form.fillSeptic('化粪池满了');
    const id = await form.submit();
    const detail = new ReportDetail(page);
    await detail.recordUpdate('已受理', '收到');
    await detail.waitForStatus('acknowledged');
    // Switch in the header, staying on the page.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Septic tank · / }).waitFor();
    const text = await page.locator('.report-detail').innerText();
    for (const english of ['Acknowledged', 'Submitted', 'Red steward', 'Is it overflowing?', 'Yes', 'Normal', 'Timeline']) {
      assert.ok(text.includes(english), `missing "${english}"`);
    }
    for (const chinese of ['化粪池 ·', '已受理', '已提交', '红管家', '是否已经外溢', '一般']) {
      assert.ok(!text.includes(chinese), `still shows "${chinese}"`);
    }
    await screenshot(page, '46-report-detail-en');
    assert.ok(text.includes(id));
    await context.close();
  });

  it('shows markup typed into any field as text', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const evil = '<img src=x onerror=alert(1)>';
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=2');
    await form.category('停车秩序');
    await form.answer('具体位置', evil);
    await form.describe(evil);
    await form.reporter({ name: evil });
    await form.submit();
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

describe('the list of my reports', () => {
  /** A phone holding one overdue and one on-time report, made through the form. */
  async function phoneWithTwoReports() {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const late = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=2');
    await late.fillSeptic('=HYPERLINK("http://x") 逾期的报事');
    const lateId = await late.submit();
    const fresh = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=1');
    await fresh.describe('按期的报事');
    const freshId = await fresh.submit();
    // Move the first report's deadline into the past, as ten days passing would.
    await editStoredRecord(page, `report:${lateId}`, `body.expected_by = Date.now() - ${DAY};`);
    await page.goto(site.server.url + '/reports');
    await appReady(page);
    return { context, page, lateId, freshId };
  }

  it('marks overdue reports, and only those', async () => {
    const { context, page, lateId, freshId } = await phoneWithTwoReports();
    const late = page.locator('.report-item', { hasText: lateId });
    const fresh = page.locator('.report-item', { hasText: freshId });
    await late.locator('.tag--overdue', { hasText: '已逾期' }).waitFor();
    assert.match(await late.getAttribute('class'), /report-item--overdue/);
    assert.equal(await fresh.locator('.tag--overdue').count(), 0);
    await page.goto(`${site.server.url}/reports/${lateId}`);
    await appReady(page);
    await page.locator('.report-detail .tag--overdue').waitFor();
    await context.close();
  });

  it('filters by status and category', async () => {
    const { context, page, lateId, freshId } = await phoneWithTwoReports();
    await page.getByLabel('类别').selectOption({ label: '化粪池' });
    await page.locator('.report-item', { hasText: freshId }).waitFor({ state: 'detached' });
    assert.equal(await page.locator('.report-item', { hasText: lateId }).count(), 1);
    await page.getByLabel('状态').selectOption({ label: '已办结' });
    await page.getByText('还没有报事记录。').waitFor();
    await context.close();
  });

  it('exports the reports as CSV with their columns, formulas defused', async () => {
    const { context, page, lateId, freshId } = await phoneWithTwoReports();
    // My reports link to the console's data page, which makes the file.
    await page.getByRole('link', { name: '导出报事（CSV）' }).click();
    await page.waitForURL(/\/steward\/data$/);
    const csv = await (await BackupPage.open(page, site.server.url)).exportCsv();
    assert.ok(csv.startsWith('\uFEFF'), 'a BOM so spreadsheets read the Chinese');
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines[0], '"编号","小区","楼栋","单元","类别","状态","紧急程度","描述","提交时间","期望完成","满意度","跟进人数"');
    assert.equal(lines.length, 3);
    const late = lines.find((l) => l.startsWith(`"${lateId}"`));
    assert.match(late, /^"R\d{8}-\w{5}","东塘村小区","2","","化粪池","已提交","一般","'=HYPERLINK\(""http:\/\/x""\) 逾期的报事"/);
    assert.ok(lines.some((l) => l.startsWith(`"${freshId}"`)));
    // In English the headers and labels follow.
    const settings = await SettingsPage.open(page, site.server.url);
    await settings.language('English');
    const english = await (await BackupPage.open(page, site.server.url)).exportCsv();
    assert.match(english, /"Reference","Compound"/);
    assert.match(english, /"Septic tank","Submitted","Normal"/);
    await context.close();
  });
});
