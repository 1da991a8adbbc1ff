// Steward mode (/steward): the PIN forms, the profile and the notice editor.
import { appReady } from '../harness.mjs';

export class StewardPage {
  constructor(page) {
    this.page = page;
    this.message = page.locator('#pin-message');
    this.lockButton = page.getByRole('button', { name: '锁定管家模式' });
  }

  static async open(page, base) {
    await page.goto(`${base}/steward/`);
    await appReady(page);
    return new StewardPage(page);
  }

  /** Opens steward mode on a fresh phone: sets a PIN and waits until it is open. */
  static async unlocked(page, base, pin = '2468') {
    const steward = await StewardPage.open(page, base);
    await steward.setPin(pin);
    await steward.lockButton.waitFor();
    return steward;
  }

  async #download(button) {
    const { readFileSync } = await import('node:fs');
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8');
  }

  exportRoster() {
    return this.#download('导出小区和名册（CSV）');
  }

  /** "Export my changes" as JSON, parsed. */
  async exportChanges() {
    return JSON.parse(await this.#download('导出我的修改（JSON，交区里核对发布）'));
  }

  template() {
    return this.#download('下载名册模板（CSV，中文表头）');
  }

  /** Chooses a roster file; the preview (or the refusal) appears. */
  async chooseRoster(name, text) {
    await this.page.locator('input[name="roster"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  }

  /** Chooses a roster file and confirms the preview. */
  async importRoster(name, text) {
    await this.chooseRoster(name, text);
    await this.page.getByRole('button', { name: '确认导入' }).click();
    await this.page.getByText(/已导入小区：/).waitFor();
  }

  async setPin(pin, again = pin) {
    await this.page.getByLabel('PIN（4 到 8 位数字）').fill(pin);
    await this.page.getByLabel('再输一次 PIN').fill(again);
    await this.page.getByRole('button', { name: '保存 PIN' }).click();
  }

  async enterPin(pin) {
    await this.page.getByLabel('PIN（4 到 8 位数字）').fill(pin);
    await this.page.getByRole('button', { name: '进入', exact: true }).click();
  }

  async saveProfile({ name, phone, role = '物管家', compounds = [] }) {
    await this.page.getByLabel('姓名').fill(name);
    await this.page.getByLabel('角色').selectOption({ label: role });
    await this.page.getByLabel('电话').fill(phone);
    for (const c of compounds) await this.page.getByLabel(c, { exact: true }).check();
    await this.page.getByRole('button', { name: '保存资料' }).click();
  }

  async postNotice({ title, body, pinned = false, expires = '' }) {
    const form = this.page.locator('.notice-editor__form');
    await form.getByLabel('公告标题').fill(title);
    await form.getByLabel('公告内容').fill(body);
    await form.getByLabel('置顶').setChecked(pinned);
    await form.getByLabel('到期日期（可不填）').fill(expires);
    await form.getByRole('button', { name: /发布公告|保存修改/ }).click();
  }
}
