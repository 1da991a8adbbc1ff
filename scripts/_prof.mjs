import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['/work/main/scripts/serve-dist.mjs', '8124', '/tmp/pdist'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => child.stdout.once('data', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto('http://127.0.0.1:8124' + (process.argv[2] || '/'));
await page.waitForFunction(() => !document.getElementById('shell'), null, { timeout: 30000 });
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
// self time per function
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; 
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop(); self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000); }
// inclusive time
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) { let id = profile.samples[i]; const seen = new Set(); while (id) { const n = byId.get(id); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop(); if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + (dt[i] || 0) / 1000); seen.add(k); } id = parent.get(id); } }
console.log('SELF'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(v.toFixed(1), k.slice(0, 120)));
console.log('INCL'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log(v.toFixed(1), k.slice(0, 120)));
await browser.close(); child.kill();
