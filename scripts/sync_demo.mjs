// `SYNC=1 scripts/serve.sh`: the app served as scripts/serve-dist.mjs serves it, with a
// sync server behind /db/ — the tests' stand-in for CouchDB (scripts/couch_stand_in.cjs,
// data in memory) set up by deploy/setup.mjs, with the relay (deploy/relay.mjs) as door and
// carrier, and demo users — so
// phones (or two browser profiles) can sync on one computer. Stops both on Ctrl-C.
// Usage: node scripts/sync_demo.mjs [port]
import { spawn } from 'node:child_process';
import { startCouch } from '../tests/e2e/harness.mjs';

const port = Number(process.argv[2] ?? 8080);
const USERS = [
  ['wang', 'wang-demo', 'steward:dongtangcun'],
  ['zhao', 'zhao-demo', 'steward:dongtangcun'],
  ['li', 'li-demo'],
  ['office', 'office-demo', 'district'],
];

const couch = await startCouch({ port: Number(process.env.COUCH_PORT ?? 5984), users: USERS, hub: true });
const site = spawn(process.execPath, ['scripts/serve-dist.mjs', String(port), 'dist'], {
  stdio: 'inherit', env: { ...process.env, COUCH: couch.url, DOOR: couch.door },
});
console.log(`sync server (in memory) at ${couch.url}, behind http://127.0.0.1:${port}/db/`);
console.log('sign in under 我的 → 同步 as: ' + USERS.map(([n, p, r]) => `${n} / ${p} (${r ?? 'resident'})`).join(', '));
const stop = async () => { site.kill(); await couch.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
