// `SYNC=1 scripts/serve.sh`: the app served as scripts/serve-dist.mjs serves it, with a
// sync server behind /db/ — the tests' stand-in for CouchDB (scripts/couch_stand_in.cjs,
// data in memory) set up by deploy/setup.mjs with demo users — so phones (or two browser
// profiles) can sync on one computer. Stops both servers on Ctrl-C.
// Usage: node scripts/sync_demo.mjs [port]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.argv[2] ?? 8080);
const couchPort = Number(process.env.COUCH_PORT ?? 5984);
const couchUrl = `http://127.0.0.1:${couchPort}`;
const USERS = [
  ['wang', 'wang-demo', 'steward:dongtangcun'],
  ['zhao', 'zhao-demo', 'steward:dongtangcun'],
  ['li', 'li-demo'],
  ['office', 'office-demo', 'district'],
];

// pouchdb-server writes its config and log into its working folder: keep them out of the tree.
const couch = spawn(process.execPath, [join(process.cwd(), 'scripts', 'couch_stand_in.cjs'), '-o', '127.0.0.1', '-p', String(couchPort), '-m', '-n'], {
  cwd: mkdtempSync(join(tmpdir(), 'cs-sync-demo-')), stdio: 'ignore',
});
for (let i = 0; !(await fetch(couchUrl).then((r) => r.ok, () => false)); i++) {
  if (i > 100) throw new Error(`the sync server did not start on port ${couchPort}`);
  await new Promise((r) => setTimeout(r, 100));
}
await fetch(`${couchUrl}/_config/admins/admin`, { method: 'PUT', body: '"demo"' });
const admin = `http://admin:demo@127.0.0.1:${couchPort}`;
for (const args of [['init'], ...USERS.map((u) => ['user', ...u])]) {
  const run = spawnSync(process.execPath, ['deploy/setup.mjs', ...args], { env: { ...process.env, COUCH: admin }, stdio: 'inherit' });
  if (run.status !== 0) process.exit(1);
}
const site = spawn(process.execPath, ['scripts/serve-dist.mjs', String(port), 'dist'], {
  stdio: 'inherit', env: { ...process.env, COUCH: couchUrl },
});
console.log(`sync server (in memory) at ${couchUrl}, behind http://127.0.0.1:${port}/db/`);
console.log('sign in under 我的 → 同步 as: ' + USERS.map(([n, p, r]) => `${n} / ${p} (${r ?? 'resident'})`).join(', '));
const stop = () => { site.kill(); couch.kill(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
