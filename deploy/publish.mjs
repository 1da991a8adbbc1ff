#!/usr/bin/env node
// Republishing the built site's rosters without the Rust toolchain (issue #29). The
// pre-render itself (src/bin/prerender.rs: src/prerender/ around the app's own card
// component) is built by scripts/build.sh into `deploy/prerender.wasm`, which Node runs
// here and at build time (scripts/prerender.mjs): one writer of a card's HTML, whether at
// build time or now.
//
// Two users:
//  - The server's publishing job, inside the relay (deploy/relay.mjs, `PUBLISH_SITE`):
//    once the relay has carried a roster from `c-<id>` into `district` (judged by the
//    rules), it publishes the winning revision there — never a revision the judge refused,
//    which never reaches `district`.
//  - The office without a server, by hand:
//      node deploy/publish.mjs <site folder> <wode-xiugai-….json|.csv> [more files…]
//    Every file is checked as an import is (each field, each row); one refused file
//    changes nothing, and the command says why in Chinese and English.
//
// A source may also be one of the office's records residents see a summary of, as the
// server's `district` holds it (`committee:<compound>`, `contract:<id>`): a republish then
// writes data/records.json (stage, term, company, services, fee standard; never a
// member's name) and the service workers, nothing else.
//
// What a republish writes, each file whole (written beside and renamed over, so a visitor
// never gets half a file), with its .br and .gz copies: the compound's data file
// (data/c/<id>.json), its building cards (c/<id>/b/<b>/index.html; cards of buildings no
// longer in the roster are removed), its battle map's page, `/` (the directory's first
// page), data/district.json, and the two service workers with their version recomputed
// (a returning resident's worker then fetches the new data instead of serving its cache).
// Node 18 or newer; no packages.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadPrerender } from './prerender_module.mjs';

export { loadPrerender };

/** Files served compressed (scripts/compress.mjs writes a .br and a .gz beside each). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);

/** The paths a republish writes, below the site's folder. */
const SHAPES = /^(index\.html|data\/district\.json|data\/records\.json|data\/c\/[\w-]+\.json|c\/[\w-]+\/index\.html|c\/[\w-]+\/b\/[^/\\]+\/index\.html)$/;

/** The brotli and gzip copies of `bytes`, as a production static host serves them. */
export function compressed(bytes) {
  return {
    br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gz: gzipSync(bytes, { level: 9 }),
  };
}

/** A service worker's version: its precache list and every listed file's bytes. */
export function workerVersion(site, precache) {
  const version = createHash('sha256');
  for (const p of precache) version.update(p).update(readFileSync(join(site, p)));
  return version.digest('hex').slice(0, 12);
}

/** `path` replaced whole: written beside, then renamed over (and its compressed copies). */
function replace(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  const bytes = Buffer.from(text, 'utf8');
  const copies = COMPRESSIBLE.has(extname(path)) ? compressed(bytes) : {};
  const put = (file, data) => {
    const temp = `${file}.tmp-${process.pid}`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  };
  // The copies first: a host preferring them never serves an older copy than the file.
  for (const [ext, data] of Object.entries(copies)) put(`${path}.${ext}`, data);
  put(path, bytes);
}

/**
 * Publishes `sources` (texts: export files, roster CSVs, roster documents; with
 * `fromDistrict`, the server's job, also the office's record documents) into the built
 * site at `site`. Returns `{ ok, published, unchanged, written }` or `{ ok: false, refused:
 * [{ zh, en }] }` having written nothing.
 */
export function republish(site, sources, prerender, now = Date.now(), { fromDistrict = false } = {}) {
  const read = (p) => readFileSync(join(site, p), 'utf8');
  const answer = prerender({
    from_district: fromDistrict,
    dataset: read('data/district.json'),
    card: read('card/index.html'),
    browse: read('compounds/index.html'),
    // A site built before the office's records were published has none yet.
    records: existsSync(join(site, 'data/records.json')) ? read('data/records.json') : '',
    sources,
    now,
  });
  if (!answer.ok) return answer;
  // Building ids come from a roster a steward wrote: a path that is not one of the
  // pre-render's own shapes (a `..`, a slash) refuses the whole run, written nothing.
  const strange = answer.files.find((f) => !SHAPES.test(f.path) || f.path.split('/').some((part) => part === '..' || part === '.'));
  if (strange) {
    const path = JSON.stringify(strange.path.slice(0, 120));
    return { ok: false, refused: [{ zh: `名册里的编号不能用作网址：${path}`, en: `A roster id cannot be part of an address: ${path}` }] };
  }
  const written = new Set(answer.files.map((f) => f.path));
  // The data before the pages that read it: a visitor who gets a new card never has
  // the app redraw it from the old data.
  const data = (f) => (f.path.startsWith('data/') ? 0 : 1);
  for (const f of [...answer.files].sort((a, b) => data(a) - data(b))) replace(join(site, f.path), f.text);
  // Cards of buildings the roster no longer has would still show the old people.
  for (const id of answer.published) {
    const cards = join(site, 'c', id, 'b');
    if (!existsSync(cards)) continue;
    for (const b of readdirSync(cards)) {
      if (!written.has(`c/${id}/b/${b}/index.html`)) rmSync(join(cards, b), { recursive: true, force: true });
    }
  }
  if (answer.published.length) refreshWorkers(site);
  return { ok: true, published: answer.published, unchanged: answer.unchanged, written: [...written] };
}

/** Each service worker of the site with its version recomputed from what it precaches. */
function refreshWorkers(site) {
  for (const worker of ['sw.js', 'steward/sw.js']) {
    const path = join(site, worker);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const list = text.match(/const PRECACHE = (\[[\s\S]*?\]);/);
    if (!list) continue;
    const version = workerVersion(site, JSON.parse(list[1]));
    replace(path, text.replace(/const VERSION = '[0-9a-f]*';/, `const VERSION = '${version}';`));
  }
}

/** The office's records in `district` whose public summary residents see. */
export const RECORD_PREFIXES = ['committee:', 'contract:'];

/** The server's job: publishes a compound once the relay has carried its roster, and
 *  an office record once the office has written it into `district`. */
export class Publisher {
  constructor({ site, couch, log = () => {}, prerender }) {
    this.site = site;
    this.couch = couch;
    this.log = log;
    this.prerender = prerender;
    this.waiting = new Set();
    this.running = null;
    // Where `followDistrict` reads on from in `district/_changes` (set by `all`).
    this.since = null;
    this.starting = null;
    this.following = null;
    this.followAgain = false;
  }

  /** Document `id` in `district` (`compound:<id>`, `committee:…`, `contract:…`) changed:
   *  publish it soon (changes close together are one run). A run that fails (the server
   *  out of reach, the disk full) keeps its ids for the next, and never stops the relay. */
  schedule(id) {
    this.waiting.add(id);
    this.running ??= new Promise((r) => setTimeout(r, 300))
      .then(() => this.run())
      .catch((e) => {
        this.log(`publish: ${e.message}; again in 5 s`);
        return new Promise((r) => setTimeout(r, 5000));
      })
      .finally(() => {
        this.running = null;
        if (this.waiting.size) this.schedule([...this.waiting][0]);
      });
  }

  /** At the relay's start, and again until it has worked once (CouchDB may come up after
   *  the relay): everything in `district` published, then its changes followed. */
  start() {
    this.starting ??= this.all()
      .catch((e) => this.log(`publish: ${e.message}; again when district changes`))
      .finally(() => { this.starting = null; });
    return this.starting;
  }

  /** Every roster and office record in `district` newer than the site's, and every record
   *  summary the site has whose record is no longer there (after a restart: what changed
   *  or was deleted while the job was not running). */
  async all() {
    const info = await this.couch.call('GET', 'district');
    if (info.status !== 200) throw new Error(`district ${info.status}`);
    const docs = [];
    for (const prefix of ['compound:', ...RECORD_PREFIXES]) {
      const range = `startkey=${encodeURIComponent(`"${prefix}"`)}&endkey=${encodeURIComponent(`"${prefix}\ufff0"`)}&include_docs=true`;
      const { status, json } = await this.couch.call('GET', `district/_all_docs?${range}`);
      if (status !== 200) throw new Error(`district/_all_docs ${status}`);
      docs.push(...(json.rows ?? []).map((r) => r.doc).filter(Boolean));
    }
    const live = new Set(docs.map((d) => d._id));
    for (const id of publishedRecordIds(this.site)) if (!live.has(id)) docs.push({ _id: id, _deleted: true });
    // Changes from here on reach the site through `followDistrict`.
    this.since ??= info.json.update_seq;
    this.publish(docs);
  }

  /** `district` changed (the relay hears every database's updates): the office's records
   *  written into it since the last look are published. The relay's own copies of
   *  reports and rosters pass by: rosters are scheduled when the relay carries them. */
  followDistrict() {
    if (this.since === null) {
      this.start();
      return;
    }
    if (this.following) {
      this.followAgain = true;
      return;
    }
    this.following = this.readDistrict()
      .catch((e) => this.log(`publish: district/_changes: ${e.message}`))
      .finally(() => {
        this.following = null;
        if (this.followAgain) {
          this.followAgain = false;
          this.followDistrict();
        }
      });
  }

  async readDistrict() {
    for (;;) {
      // CouchDB 3's sequences are opaque strings; the test server's are numbers.
      const since = encodeURIComponent(typeof this.since === 'string' ? this.since : JSON.stringify(this.since));
      const { status, json } = await this.couch.call('GET', `district/_changes?since=${since}&limit=500`);
      if (status !== 200) throw new Error(`${status}`);
      for (const row of json.results ?? []) {
        if (RECORD_PREFIXES.some((p) => row.id.startsWith(p))) this.schedule(row.id);
      }
      this.since = json.last_seq;
      if ((json.results ?? []).length < 500) return;
    }
  }

  async run() {
    const ids = [...this.waiting];
    this.waiting.clear();
    const docs = [];
    try {
      for (const id of ids) {
        // The winning revision: of a roster, what the relay carried (only judged revisions
        // are there); of a record, what the office wrote (validate_doc_update.js checked it).
        const { status, json } = await this.couch.call('GET', `district/${encodeURIComponent(id)}`);
        const isRecord = RECORD_PREFIXES.some((p) => id.startsWith(p));
        if (status === 200) docs.push(json);
        // A record no longer in `district` (CouchDB says `deleted`, the test server
        // `missing`): its summary comes down. Any other 404 (no such database) is not that.
        else if (status === 404 && isRecord && ['deleted', 'missing'].includes(json?.reason)) docs.push({ _id: id, _deleted: true });
        else this.log(`publish: no ${id} in district (${status})`);
      }
    } catch (e) {
      for (const id of ids) this.waiting.add(id);
      throw e;
    }
    this.publish(docs);
  }

  /** Rosters and the office's records each as a batch of their own: a record the
   *  pre-render refuses never sends every roster through one run each. */
  publish(docs) {
    const isRecord = (d) => RECORD_PREFIXES.some((p) => d._id.startsWith(p));
    this.publishBatch(docs.filter((d) => !isRecord(d)));
    this.publishBatch(docs.filter(isRecord));
  }

  publishBatch(docs) {
    if (!docs.length) return;
    const log = (done) => done.published.length && this.log(`publish: ${done.published.join(', ')} published`);
    const run = (list) => republish(this.site, list.map((d) => JSON.stringify(d)), this.prerender, Date.now(), { fromDistrict: true });
    // Together first (the site's files read and written once, not once per roster)…
    if (docs.length > 1) {
      const together = run(docs);
      if (together.ok) return log(together);
    }
    // …and one by one when any is refused: one refused roster holds back no other.
    for (const doc of docs) {
      const done = run([doc]);
      if (!done.ok) this.log(`publish: ${doc._id} ${doc._rev} not published: ${done.refused.map((r) => r.en).join('; ')}`);
      else log(done);
    }
  }
}

/** The document ids of the office's records the site's `data/records.json` shows, but for
 *  the samples and the published list's (which ship with the build, not from `district`). */
function publishedRecordIds(site) {
  const path = join(site, 'data', 'records.json');
  if (!existsSync(path)) return [];
  let data;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')).data ?? {};
  } catch {
    return [];
  }
  const own = (r) => !r.sample && !r.migrated;
  return [
    ...(data.committees ?? []).filter(own).map((c) => `committee:${c.compound}`),
    ...(data.contracts ?? []).filter(own).map((k) => `contract:${k.id}`),
  ];
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [site, ...files] = process.argv.slice(2);
  if (!site || !files.length || !existsSync(join(site, 'data', 'district.json'))) {
    console.error('用法 / usage: node deploy/publish.mjs <网站文件夹 site folder, e.g. dist> <导出的修改 export file…>');
    process.exit(2);
  }
  const prerender = await loadPrerender();
  const texts = [];
  for (const f of files) {
    try {
      texts.push(readFileSync(f, 'utf8'));
    } catch (e) {
      console.error(`读不到文件 / cannot read ${f}: ${e.message}`);
      process.exit(1);
    }
  }
  const done = republish(site, texts, prerender);
  if (!done.ok) {
    console.error('没有发布，网站未改动。/ Nothing was published; the site is unchanged.');
    for (const r of done.refused) console.error(`- ${r.zh}\n  ${r.en}`);
    process.exit(1);
  }
  if (done.published.length) console.log(`已发布 / published: ${done.published.join(', ')}（${done.written.length} 个文件 / files）`);
  if (done.unchanged.length) console.log(`已是最新，未改动 / already as new, unchanged: ${done.unchanged.join(', ')}`);
}
