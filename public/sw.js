// ColdBoot's service worker: the app works offline after the first load.
//
// On install it caches the app shell: every URL of precache-manifest.json (written by the build,
// scripts/precachePlugin.ts: index.html, the hashed JS and CSS, favicon, web manifest, scenarios,
// validation.json) and every scenario listed in scenarios/index.json. It then answers same-origin
// GET requests from the cache first, and from the network otherwise, keeping what it fetched. The
// build stamps BUILD below, so each build is a new worker with its own cache; when it takes over, the
// caches of older builds are deleted. Registered by src/app/offline.ts in production builds only.

/* global self, caches, fetch, Request, Response, URL, console */

const BUILD = 'development';
const CACHE_PREFIX = 'coldboot-';
const CACHE = `${CACHE_PREFIX}${BUILD}`;
const BASE = new URL('./', self.location.href);
/** Not cached: the worker's own files, which must always come from the network. */
const NEVER_CACHED = new Set(
  ['sw.js', 'precache-manifest.json'].map((path) => new URL(path, BASE).href),
);

/** Fetches a JSON file from the network, bypassing the HTTP cache. */
async function fetchJson(path) {
  const response = await fetch(new URL(path, BASE), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Same-origin absolute URLs, or null for anything else. */
function sameOrigin(path) {
  try {
    const url = new URL(path, BASE);
    return url.origin === self.location.origin ? url.href : null;
  } catch {
    return null;
  }
}

async function precache() {
  const manifest = await fetchJson('precache-manifest.json');
  if (!manifest || !Array.isArray(manifest.urls)) {
    throw new Error('precache-manifest.json: expected { "urls": [...] }');
  }
  const shell = new Set(manifest.urls.map(sameOrigin).filter(Boolean));
  const cache = await caches.open(CACHE);
  await cache.addAll([...shell].map((url) => new Request(url, { cache: 'reload' })));

  // The scenarios listed in scenarios/index.json (the build lists those in the output already;
  // this also catches a list that names files elsewhere on the site).
  try {
    const list = await fetchJson('scenarios/index.json');
    const scenarios = (Array.isArray(list) ? list : [])
      .map((entry) =>
        entry && typeof entry.file === 'string' ? sameOrigin(`scenarios/${entry.file}`) : null,
      )
      .filter((url) => url && !shell.has(url));
    await Promise.all(
      scenarios.map((url) =>
        cache.add(new Request(url, { cache: 'reload' })).catch((error) => {
          console.warn(`ColdBoot service worker: could not cache ${url}:`, error);
        }),
      ),
    );
  } catch (error) {
    console.warn('ColdBoot service worker: could not read scenarios/index.json:', error);
  }
}

async function deleteOldCaches() {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)),
  );
}

async function cacheFirst(event) {
  const { request } = event;
  const navigation = request.mode === 'navigate';
  const cache = await caches.open(CACHE);
  // Vary is ignored: the cache holds one answer per address, and a server that says its answers
  // vary by Origin (vite preview does) must not make a request with another Origin miss offline.
  const cached = await cache.match(request, { ignoreSearch: navigation, ignoreVary: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      event.waitUntil(cache.put(request, copy).catch(() => undefined));
    }
    return response;
  } catch {
    // Offline: a page of the app gets the app shell; anything else a plain error.
    if (navigation) {
      const page =
        (await cache.match(new URL('./', BASE).href, { ignoreVary: true })) ??
        (await cache.match(new URL('index.html', BASE).href, { ignoreVary: true }));
      if (page) return page;
    }
    return new Response(`ColdBoot is offline and ${new URL(request.url).pathname} is not cached.`, {
      status: 503,
      statusText: 'Offline',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOldCaches().then(() => self.clients.claim()));
});

// A page may ask a waiting new version to take over at once (e.g. after "update now").
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER_CACHED.has(url.origin + url.pathname)) return;
  event.respondWith(cacheFirst(event));
});
