// Renders the app's icons (public/icons/*.svg) to the PNG sizes the manifest lists, in
// headless Chromium, then to small palettes (scripts/quantize_icons.py, with Pillow). Run
// by hand after changing the artwork: node scripts/make_icons.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [source, target, size] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync(`public/icons/${source}`, 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  await page.screenshot({ path: `public/icons/${target}`, omitBackground: true });
  console.log(`public/icons/${target}`);
}
await browser.close();
const quantized = spawnSync('python3', ['scripts/quantize_icons.py'], { stdio: 'inherit' });
if (quantized.status !== 0) throw new Error('quantize_icons.py failed (pip install pillow)');
