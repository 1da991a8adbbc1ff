// axe-core finds no serious or critical accessibility violation on any page, in normal,
// elder and dark mode.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { describe, it } from 'node:test';
import { appReady, useSite } from './harness.mjs';

const site = useSite();

const PAGES = ['/', '/compounds?q=东塘', '/c/dongtangcun', '/c/dongtangcun/b/3', '/c/dongtangcun/poster', '/reports', '/district', '/settings', '/nope'];

for (const [elder, dark] of [[false, false], [true, false], [false, true]]) {
  describe(elder ? 'elder mode' : dark ? 'dark mode' : 'normal mode', () => {
    for (const path of PAGES) {
      it(`${path} has no serious or critical axe violations`, async () => {
        const context = await site.phone.newPhone({ bypassCSP: true, colorScheme: dark ? 'dark' : 'light' });
        if (elder) {
          await context.addInitScript(() => {
            localStorage.setItem('cs.settings', JSON.stringify({ schema: 1, data: { lang: 'Zh', elder_mode: true, my_building: null, updated_at: 1 } }));
          });
        }
        const page = await context.newPage();
        await page.goto(site.server.url + path);
        await appReady(page);
        await page.waitForTimeout(200);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        assert.deepEqual(bad, []);
        await context.close();
      });
    }
  });
}
