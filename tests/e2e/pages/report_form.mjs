// The report form (/report/new) as a building lead uses it: labels, not selectors, so a
// test reads like the steps a person takes.
import { appReady } from '../harness.mjs';

export class ReportForm {
  constructor(page) {
    this.page = page;
    this.description = page.getByLabel('问题描述');
    this.submitButton = page.getByRole('button', { name: '提交报事' });
  }

  /** Opens the form, e.g. with `?c=dongtangcun&b=3&u=2` to pre-fill the place. */
  static async open(page, base, query = '') {
    await page.goto(`${base}/report/new${query}`);
    await appReady(page);
    return new ReportForm(page);
  }

  async category(label) {
    await this.page.getByLabel('类别').selectOption({ label });
  }

  async answer(question, value) {
    const field = this.page.getByLabel(question);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }

  async describe(text) {
    await this.description.fill(text);
  }

  async reporter({ name, phone } = {}) {
    if (name !== undefined) await this.page.getByLabel('姓名', { exact: true }).fill(name);
    if (phone !== undefined) await this.page.getByLabel('电话', { exact: true }).fill(phone);
  }

  /** The usual test report: a blocked, overflowing septic tank. */
  async fillSeptic(description = '3栋化粪池堵塞，污水外溢') {
    await this.category('化粪池');
    await this.answer('是否已经外溢？', 'yes');
    await this.describe(description);
  }

  /** Submits and waits for the report's page; returns its reference number. */
  async submit() {
    await this.submitButton.click();
    await this.page.waitForURL(/\/reports\/R\d{8}-[0-9A-Z]{5}$/);
    await this.page.locator('[data-ref]').waitFor();
    return this.page.url().split('/').pop();
  }
}
