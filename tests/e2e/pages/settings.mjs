// 我的 (/settings): language, elder mode, and the data tools (backup, erase).
import { readFileSync } from 'node:fs';
import { appReady } from '../harness.mjs';

export class SettingsPage {
  constructor(page) {
    this.page = page;
    this.error = page.locator('.import-error');
  }

  static async open(page, base) {
    await page.goto(`${base}/settings`);
    await appReady(page);
    return new SettingsPage(page);
  }

  async language(label) {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async elderMode(on = true) {
    await this.page.getByLabel(/长辈模式|Elder mode/).setChecked(on);
  }

  async #download(button) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8');
  }

  exportBackup() {
    return this.#download('导出备份（JSON）');
  }

  async importBackup(name, text) {
    await this.page.locator('input[name="backup"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
