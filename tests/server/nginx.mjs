// deploy/nginx.conf itself in front of the test server: Debian's nginx, with only what
// differs on one computer changed (addresses, paths, no TLS), so the requests of the
// server tests take the production door: auth_request to the relay, its refusals, the
// request-rate limit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from '../e2e/harness.mjs';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** The production configuration for a test run: each change is one the guide names. */
export function testConfig({ port, couchPort, doorPort, dist, dir }) {
  let conf = readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8');
  const swap = (from, to) => {
    const next = conf.replace(from, to);
    if (next === conf) throw new Error(`deploy/nginx.conf changed: ${from} not found (tests/server/nginx.mjs)`);
    conf = next;
  };
  swap(/upstream couchdb \{[^}]*\}/, `upstream couchdb {\n    server 127.0.0.1:${couchPort};\n}`);
  swap(/(upstream relay_door \{\s*server )127\.0\.0\.1:5985;/, `$1127.0.0.1:${doorPort};`);
  swap(/server \{\s*listen 80;[^}]*\}\n/, '');
  swap('listen 443 ssl;', `listen 127.0.0.1:${port};`);
  swap(/\n\s*http2 on;/, '');
  swap(/\n\s*ssl_certificate\s[^\n]*\n\s*ssl_certificate_key\s[^\n]*/, '');
  conf = conf.replaceAll('/etc/nginx/snippets/steward_security_headers.conf', join(root, 'deploy', 'security_headers.conf'));
  swap('root /srv/steward/dist;', `root ${dist};`);
  const temp = (name) => `${name}_temp_path ${join(dir, name)};`;
  return [
    'daemon off;',
    'worker_processes 1;',
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  access_log off;',
    `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
    conf,
    '}',
  ].join('\n');
}

/** nginx on a free port in front of `couch` (from startCouch, with its relay's door). */
export async function startNginx(couch, dist = join(root, 'dist')) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-nginx-'));
  const port = await freePort();
  const door = new URL(couch.door);
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, testConfig({ port, couchPort: couch.port, doorPort: Number(door.port), dist, dir }));
  const child = spawn(NGINX, ['-c', file, '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d) => { errors += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/db/`).then(() => true, () => false)) break;
    if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${errors}${readFileSafe(join(dir, 'error.log'))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    stop: async () => {
      child.kill('SIGQUIT');
      await stopped;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
