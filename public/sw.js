// 小区管家's service worker. scripts/finish_site.mjs fills in VERSION and PRECACHE once every
// entry point is built: the list is never written by hand.
const VERSION = '__VERSION__';
// Where this worker's programs live: `/` (the card entry at /card/, the browse entry, the
// report entry at /report/new/ and the resident app at /app/) or `/steward/` (the console).
const BASE = '__BASE__';
const PRECACHE = __PRECACHE__;
const CACHE = `cs-${BASE === '/' ? '' : 'steward-'}${VERSION}`;

self.addEventListener('install', (event) => {
  // Cache the whole build, then wait: the page decides when to switch (skipWaiting below).
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

/** This program's caches (the other worker's are not ours to delete). */
const ours = (key) => (BASE === '/' ? /^cs-[0-9a-f]+$/.test(key) : key.startsWith('cs-steward-'));

self.addEventListener('activate', (event) => {
  // Old versions' caches go only now, when no page still runs their files.
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => ours(k) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

/** The cached page that answers a navigation to `path`. */
function pageFor(path) {
  if (BASE !== '/') return `${BASE}index.html`;
  if (/^\/c\/[^/]+\/b\/[^/]+\/?$/.test(path)) return '/card/index.html';
  if (/^\/report\/new\/?$/.test(path)) return '/report/new/index.html';
  const browse = /^\/(compounds\/?|c\/[^/]+\/?)?$/.test(path);
  return browse ? '/compounds/index.html' : '/app/index.html';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The sync server (/db/, deploy/nginx.conf) is always asked, never cached.
  if (url.pathname.startsWith('/db/')) return;
  // The steward and district console (/steward/, /district) is another program with its
  // own worker under /steward/: the resident worker leaves it alone.
  if (BASE === '/' && /^\/(steward|district)(\/|$)/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // Deep links, offline too, get their program's page from the cache: the card entry's
    // plain shell for a card; the report entry's for the report form; the browse entry's for `/`, the directory and a battle map
    // (not `/index.html`, whose shell is the first visit's directory: by now a building is
    // usually chosen); the resident app for any other resident path
    // (src/format/entry_points.rs: the same rule).
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(pageFor(url.pathname))).then((hit) => hit ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit ?? fetch(request)),
    ),
  );
});
