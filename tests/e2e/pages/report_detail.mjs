// One report's page (/reports/:id): its status, sending it, recording steps, confirming.
import { appReady, expectSeen } from '../harness.mjs';

export class ReportDetail {
  constructor(page) {
    this.page = page;
    this.update = page.locator('form.update-panel');
    this.confirmPanel = page.locator('.confirm');
    this.sms = page.locator('a.send__sms');
  }

  static async open(page, base, id) {
    await page.goto(`${base}/reports/${id}`);
    await appReady(page);
    await expectSeen(page.locator('[data-ref]'), `report ${id}'s page`);
    return new ReportDetail(page);
  }

  /** The status key (`submitted`, `resolved`, …). */
  status() {
    return this.page.locator('[data-status]').getAttribute('data-status');
  }

  /** Asserts the report comes to status `key`; fails naming the status it shows instead. */
  async waitForStatus(key, ms = 15000) {
    await expectSeen(this.page.locator(`[data-status="${key}"]`), `the report in status "${key}"`, ms)
      .catch(async (e) => { throw Object.assign(e, { message: `${e.message}\n(status now: ${await this.status().catch(() => 'none')})` }); });
  }

  /** Records a step as a steward would: the next status by its label, with a note. */
  async recordUpdate(statusLabel, note) {
    await this.update.getByLabel('新状态').selectOption({ label: statusLabel });
    if (note !== undefined) await this.update.getByLabel('说明（必填）').fill(note);
    await this.update.getByRole('button', { name: '保存进展' }).click();
  }

  /** The reporter confirms the fix; `rating` 1–5, or none to see the refusal. */
  async confirm(rating) {
    if (rating) await this.page.locator('.rating__star').nth(rating - 1).click();
    await this.confirmPanel.getByRole('button', { name: '已解决，确认办结' }).click();
  }

  async reopen(note) {
    await this.confirmPanel.getByLabel('说明（必填）').fill(note);
    await this.confirmPanel.getByRole('button', { name: '没解决，重新打开' }).click();
  }

  timeline() {
    return this.page.locator('.timeline__event');
  }
}
