// A small static server for the release build (dist/), as a production static host
// serves it: a folder's index.html (the browse entry at `/`, `/compounds`, each compound
// and the pre-rendered cards; the report entry at `/report/new`), the SPA fallback (any other path that is not a file gets
// its program's page — steward/index.html under /steward/, else the resident app's
// app/index.html — so deep links work on a cold start), and the
// precompressed .br/.gz copies (scripts/compress.mjs) to clients that accept them.
// With COUCH=http://127.0.0.1:PORT and DOOR=http://127.0.0.1:PORT2/authorize it also passes
// /db/… to that CouchDB-protocol server once the relay's door allows each request (the
// sync server on the same origin, as deploy/nginx.conf does in production).
// Node only, no dependencies. Usage: node scripts/serve-dist.mjs [port] [dir]
import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const root = resolve(process.argv[3] ?? 'dist');
// The benchmark serves the scale dataset in place of the sample: DATA_DIR=target/scale.
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : null;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileFor(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, clean);
  if (!candidate.startsWith(root)) return null;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    // A folder with an index.html (the pre-rendered building cards), as static hosts do.
    const index = join(candidate, 'index.html');
    return info.isDirectory() && (await stat(index).catch(() => null))?.isFile() ? index : null;
  } catch {
    return null;
  }
}

/** The file's precompressed copy the client accepts (brotli first), or the file itself.
 *  A copy older than its file (the file was changed after the build) is never served. */
async function compressed(file, accepted) {
  const written = (await stat(file)).mtimeMs;
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.includes(encoding)) continue;
    const copy = await stat(file + suffix).catch(() => null);
    if (copy && copy.mtimeMs >= written) return { body: await readFile(file + suffix), encoding };
  }
  return { body: await readFile(file), encoding: null };
}

const couch = process.env.COUCH ? new URL(process.env.COUCH) : null;
// The relay's door (deploy/relay.mjs `/authorize`): asked before any /db/ request goes on,
// as nginx's auth_request asks it in production (deploy/nginx.conf). A sync server is
// never served without it.
const door = process.env.DOOR ? new URL(process.env.DOOR) : null;
if (couch && !door) {
  console.error('serve-dist: COUCH needs DOOR (the relay\'s /authorize): the sync server is never open without it');
  process.exit(1);
}

/** What the door says of a request: passes (2xx), or refused with its status and reason. */
function ask(req) {
  return new Promise((resolve) => {
    const check = request({
      host: door.hostname,
      port: door.port,
      method: 'GET',
      path: door.pathname,
      headers: {
        'x-original-method': req.method,
        'x-original-uri': req.url,
        ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      },
    }, (answer) => {
      answer.resume();
      resolve({ status: answer.statusCode, reason: answer.headers['x-reason'] ?? '' });
    });
    check.on('error', () => resolve({ status: 502, reason: 'the sync server does not answer' }));
    check.end();
  });
}

/** /db/… to the sync server, as it is (method, headers with the session cookie, body),
 *  if the door lets it through; a server that is down answers 502, as a proxy does. */
async function proxy(req, res) {
  req.pause();
  const verdict = await ask(req);
  if (verdict.status < 200 || verdict.status >= 300) {
    // nginx answers a refusal with this body (deploy/nginx.conf, @refused).
    const status = [401, 403].includes(verdict.status) ? verdict.status : 502;
    const error = { 401: 'unauthorized', 403: 'forbidden' }[status] ?? 'bad_gateway';
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error, reason: verdict.reason }));
    req.resume();
    return;
  }
  const upstream = request({
    host: couch.hostname,
    port: couch.port,
    method: req.method,
    path: req.url.slice('/db'.length) || '/',
    headers: { ...req.headers, host: couch.host },
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  // A client that gives up (a long poll it ended) ends the upstream request too.
  res.on('close', () => upstream.destroy());
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end('{"error":"bad_gateway","reason":"the sync server does not answer"}');
  });
  req.pipe(upstream);
  req.resume();
}

const server = createServer(async (req, res) => {
  if (couch && (req.url === '/db' || req.url.startsWith('/db/'))) return proxy(req, res);
  try {
    const path = new URL(req.url, 'http://localhost').pathname;
    const found = dataDir && path.startsWith('/data/')
      ? join(dataDir, path.slice('/data/'.length))
      : await fileFor(path);
    // Unknown paths get their program's page: the console's under /steward/, else the
    // resident app's (which shows every resident route, and "not found" for the rest).
    const console = /^\/steward\//.test(path) ? join(root, 'steward', 'index.html') : null;
    const file = found ?? console ?? join(root, 'app', 'index.html');
    const { body, encoding } = await compressed(file, req.headers['accept-encoding'] ?? '');
    const hashed = /-[0-9a-f]{12,16}\./.test(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      // Hashed build files never change; everything else is revalidated.
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`server error: ${error.message}`);
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`小区管家 is served at http://127.0.0.1:${port}/ (from ${root})`);
});
