// 我的 (/settings): language, elder mode, erase; and the console's data page
// (/steward/data): backup, restore, reports as CSV.
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
}

/** 备份与恢复 (/steward/data), a page of the console. */
export class BackupPage {
  constructor(page) {
    this.page = page;
    this.error = page.locator('.import-error');
  }

  static async open(page, base) {
    await page.goto(`${base}/steward/data`);
    await appReady(page);
    await page.locator('input[name="backup"]').waitFor({ state: 'attached' });
    return new BackupPage(page);
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

  exportCsv() {
    return this.#download(/导出报事（CSV）|Export reports \(CSV\)/);
  }

  async importBackup(name, text) {
    await this.page.locator('input[name="backup"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
