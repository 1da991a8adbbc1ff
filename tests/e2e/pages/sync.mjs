// 同步 (in 我的 and in the steward console): signing in, syncing now, reading the state.
import { appReady } from '../harness.mjs';

export class SyncPanel {
  constructor(page) {
    this.page = page;
    this.panel = page.locator('section.sync');
    this.state = page.locator('[data-sync-state]');
    this.user = page.locator('[data-sync-user]');
    this.problem = page.locator('[data-sync-problem]');
    this.refused = page.locator('[data-sync-refused]');
  }

  /** 我的 (/settings) of the resident app. */
  static async open(page, base) {
    await page.goto(`${base}/settings`);
    await appReady(page);
    return new SyncPanel(page);
  }

  /** Signs in (sync turns on) and waits until the server knows who this is. */
  async signIn(name, password) {
    await this.panel.getByLabel('用户名').fill(name);
    await this.panel.getByLabel('密码').fill(password);
    await this.panel.getByRole('button', { name: '登录并同步' }).click();
    await this.user.filter({ hasText: `已登录：${name}` }).waitFor();
  }

  async start() {
    await this.panel.getByRole('button', { name: '开始同步' }).click();
  }

  async syncNow() {
    await this.panel.getByRole('button', { name: '立即同步' }).click();
  }

  /** Waits for a pass that ends up to date (after any already shown). */
  async upToDate() {
    await this.state.filter({ hasText: /^已同步/ }).waitFor();
  }

  /** Revisions received / sent since the page started syncing. */
  async moved() {
    const text = await this.state.innerText();
    const [, got, sent] = text.match(/已收到 \/ 已发出：(\d+) \/ (\d+)/) ?? [];
    return { got: Number(got), sent: Number(sent) };
  }
}
