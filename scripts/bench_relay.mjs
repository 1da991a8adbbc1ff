// The district server at scale, measured (never asserted; docs/SCALE.md has the last
// run): deploy/setup.mjs `init` for the scale dataset (565 compounds), then N residents
// (default 200) each file a report into their own database at once, and the time from
// each filing to the report being in its compound's stewards' database (r-…, what a
// steward's phone long-polls) and in the district's, carried by the relay
// (deploy/relay.mjs). On the tests' stand-in server (pouchdb-server, in memory).
//   cargo run --release --example gen_data -- scale target/scale   (once)
//   node scripts/bench_relay.mjs [N] [dataset]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { couchAdmin, root, startCouch, startRelay } from '../tests/e2e/harness.mjs';

const N = Number(process.argv[2] ?? 200);
const dataset = process.argv[3] ?? join(root, 'target', 'scale', 'district.json');
const compounds = JSON.parse(readFileSync(dataset, 'utf8')).data.compounds.map((c) => c.id);

const run = (args, env) => new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [join(root, 'deploy', 'setup.mjs'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore'] });
  child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`setup ${args[0]} exited ${code}`))));
});
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// A fresh server with only its admin; the relay started after the set-up, as in production.
const couch = await startCouch({ users: [] });
let t = performance.now();
await run(['init', dataset], { COUCH: couch.admin });
const initSeconds = (performance.now() - t) / 1000;
t = performance.now();
for (let i = 0; i < N; i++) await run(['user', `r${i}`, `pw${i}`], { COUCH: couch.admin });
const usersSeconds = (performance.now() - t) / 1000;
const relay = await startRelay(couch.url, couch.admin, { hub: true });
const dbs = (await couchAdmin(couch, 'GET', '_all_dbs')).length;
// The relay's first sweep of every database (from no checkpoint), timed to its end.
t = performance.now();
const idle = relay.door.replace('/authorize', '/idle');
await new Promise((r) => setTimeout(r, 500));
while ((await fetch(idle)).status !== 200) await new Promise((r) => setTimeout(r, 100));
const sweepSeconds = (performance.now() - t) / 1000;

const hex = (name) => Buffer.from(name).toString('hex');
/** The moment each report id first shows in `db`'s changes feed (admin, continuous). */
function watch(db, seen) {
  const controller = new AbortController();
  const auth = 'Basic ' + Buffer.from('admin:secret').toString('base64');
  const done = fetch(`${couch.url}/${db}/_changes?feed=continuous&since=now&heartbeat=5000`, { headers: { authorization: auth, 'accept-encoding': 'identity' }, signal: controller.signal })
    .then(async (response) => {
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += Buffer.from(chunk).toString('utf8');
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (!line) continue;
          const id = JSON.parse(line).id;
          if (id && !seen.has(`${db} ${id}`)) seen.set(`${db} ${id}`, performance.now());
        }
      }
    })
    .catch(() => {});
  return { stop: () => controller.abort(), done };
}
const plan = Array.from({ length: N }, (_, i) => ({ i, compound: compounds[i % compounds.length], id: `report:RB${String(i).padStart(5, '0')}` }));
const seen = new Map();
const watchers = ['district', ...new Set(plan.map((p) => `r-${p.compound}`))].map((db) => watch(db, seen));
await new Promise((r) => setTimeout(r, 1000));

const sent = new Map();
const started = performance.now();
await Promise.all(plan.map(async ({ i, compound, id }) => {
  const at = Date.now();
  const body = {
    id: id.slice('report:'.length), compound, building: null, unit: null, category: 'Other', answers: [], description: `基准 ${i}`, urgency: 'Normal',
    reporter_name: null, reporter_phone: null, share_phone: false, photos: [], timeline: [{ at, status: 'Submitted', note: '', by: null }],
    assigned: null, expected_by: null, satisfaction: null, followers: 0, created_at: at, updated_at: at, deleted: false, filed_by: `r${i}`,
  };
  const auth = 'Basic ' + Buffer.from(`r${i}:pw${i}`).toString('base64');
  const r = await fetch(`${couch.url}/userdb-${hex(`r${i}`)}/${encodeURIComponent(id)}`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`filing ${id}: ${r.status}`);
  sent.set(id, performance.now());
}));
const arrived = (db, id) => seen.get(`${db} ${id}`);
while (plan.some((p) => !arrived(`r-${p.compound}`, p.id) || !arrived('district', p.id))) {
  if (performance.now() - started > 600000) throw new Error('reports still missing after 10 minutes');
  await new Promise((r) => setTimeout(r, 50));
}
watchers.forEach((w) => w.stop());
const toSteward = plan.map((p) => arrived(`r-${p.compound}`, p.id) - sent.get(p.id));
const toDistrict = plan.map((p) => arrived('district', p.id) - sent.get(p.id));
const ms = (x) => Math.round(x);
console.log(JSON.stringify({
  compounds: compounds.length, residents: N, databases: dbs,
  setup_init_s: +initSeconds.toFixed(1), setup_users_s: +usersSeconds.toFixed(1), relay_first_sweep_s: +sweepSeconds.toFixed(1),
  filed_at_once: N,
  report_to_stewards_db_ms: { median: ms(median(toSteward)), p95: ms(pct(toSteward, 0.95)), max: ms(Math.max(...toSteward)) },
  report_to_district_ms: { median: ms(median(toDistrict)), p95: ms(pct(toDistrict, 0.95)), max: ms(Math.max(...toDistrict)) },
}, null, 1));
await relay.stop();
await couch.stop();
