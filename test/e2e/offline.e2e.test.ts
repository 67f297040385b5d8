// End-to-end: the built app works offline once its service worker (public/sw.js) has installed. The
// test registers the worker itself (as src/app/offline.ts does in production), reloads so that it
// controls the page, then goes offline, and finally stops the server: the app shell, the scenarios
// and the validation table still load, from the cache. Behind two static servers: `vite preview`
// (which sends `Vary: Origin`, so the worker's cache lookups must ignore Vary) and a plain Node http
// server. Run with `npm run test:e2e` (builds first).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuild } from '../../scripts/browser.ts';
import { DIST, OUT_DIR, ROOT, startHarness } from './harness.ts';

let browser: Browser;

interface Served {
  readonly baseUrl: string;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.png': 'image/png',
};

/** The plainest static server: files of the build by path, index.html for a folder, no headers else. */
function servePlain(dir: string): Promise<Served> {
  const root = `${ROOT}${dir}`;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        baseUrl: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function serveVitePreview(dir: string): Promise<Served> {
  const { server, baseUrl } = await serveBuild(dir);
  return { baseUrl, close: () => server.close() };
}

beforeAll(async () => {
  // Checks the build is there (and serves it once), then keeps only the browser.
  const harness = await startHarness(['index.html', 'sw.js', 'precache-manifest.json']);
  await harness.browser.close();
  await harness.server.close();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Paths (from the site root) of every entry in the page's caches, by cache name. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      out[name] = requests.map((request) => new URL(request.url).pathname);
    }
    return out;
  });
}

/** What the page can fetch: status and text, or status 0 and the error. */
function fetchText(page: Page, path: string): Promise<{ status: number; text: string }> {
  return page.evaluate(async (url) => {
    try {
      const response = await fetch(url);
      return { status: response.status, text: await response.text() };
    } catch (error) {
      return { status: 0, text: String(error) };
    }
  }, path);
}

/** The app shell is on screen: the React root has content and the page's scripts ran. */
async function expectAppShell(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getElementById('root')?.childElementCount ?? 0), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  expect(await page.locator('body').innerText()).toMatch(/ColdBoot/);
}

const SERVERS = [
  { name: 'vite preview', start: serveVitePreview, varyOrigin: true },
  { name: 'a plain Node http server', start: servePlain, varyOrigin: false },
] as const;

describe.each(SERVERS)('ColdBoot offline behind $name', ({ name, start, varyOrigin }) => {
  it('caches the app and scenarios, and loads them without a network', async () => {
    let served: Served | undefined = await start(DIST);
    const baseUrl = served.baseUrl;
    const stopServer = async () => {
      const running = served;
      served = undefined;
      await running?.close();
    };
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const landing = await page.goto(baseUrl);
      await expectAppShell(page);
      // vite preview says its answers vary by Origin; the plain server says nothing of the kind.
      expect(/origin/i.test((await landing?.allHeaders())?.vary ?? '')).toBe(varyOrigin);

      // A cache left by an older build, which the new worker deletes when it takes over.
      await page.evaluate(async () => {
        await (await caches.open('coldboot-old-build')).put('/old', new Response('old'));
      });

      // The web app manifest is linked and names the app.
      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(manifestHref).toBeTruthy();
      const manifest = JSON.parse((await fetchText(page, manifestHref!)).text) as {
        name: string;
      };
      expect(manifest.name).toBe('ColdBoot');

      // Register the worker as src/app/offline.ts does, and let it take control.
      const registered = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.register('sw.js');
        await navigator.serviceWorker.ready;
        return registration.scope;
      });
      expect(registered).toBe(baseUrl);
      await page.reload();
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
        .toBe(`${baseUrl}sw.js`);

      // Everything of the build's precache list, and every scenario of the list, is cached; the old
      // build's cache is gone.
      const precache = JSON.parse(
        readFileSync(`${ROOT}${DIST}/precache-manifest.json`, 'utf8'),
      ) as {
        version: string;
        urls: string[];
      };
      const scenarios = JSON.parse(readFileSync(`${ROOT}${DIST}/scenarios/index.json`, 'utf8')) as {
        file: string;
      }[];
      const cached = await cachedPaths(page);
      expect(Object.keys(cached)).toEqual([`coldboot-${precache.version}`]);
      const paths = Object.values(cached)[0]!;
      for (const url of precache.urls) expect(paths).toContain(new URL(url, baseUrl).pathname);
      for (const s of scenarios) expect(paths).toContain(`/scenarios/${s.file}`);
      expect(paths.some((p) => /^\/assets\/index-.*\.js$/.test(p))).toBe(true);
      expect(paths.some((p) => /^\/assets\/.*\.css$/.test(p))).toBe(true);

      // Offline: the page and its files come from the service worker.
      await context.setOffline(true);
      const offline = await page.reload();
      expect(offline?.status()).toBe(200);
      expect(offline?.fromServiceWorker()).toBe(true);
      await expectAppShell(page);
      const list = await fetchText(page, 'scenarios/index.json');
      expect(list.status).toBe(200);
      const first = scenarios[0]!.file;
      const scenario = await fetchText(page, `scenarios/${first}`);
      expect(scenario.status).toBe(200);
      expect(scenario.text).toMatch(/coldboot\/scenario@1/);
      expect((await fetchText(page, 'validation.json')).text).toMatch(/"cases"/);
      // The worker's lookups ignore Vary (vite preview sends `Vary: Origin`): a response stored
      // for a request with one header value answers a request with another.
      await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        await cache.put(
          new Request('vary-probe.txt', { headers: { 'X-Probe': 'stored' } }),
          new Response('probe', { headers: { Vary: 'X-Probe, Origin' } }),
        );
      }, `coldboot-${precache.version}`);
      const probe = await page.evaluate(async () => {
        const response = await fetch('vary-probe.txt', { headers: { 'X-Probe': 'asked' } });
        return { status: response.status, text: await response.text() };
      });
      expect(probe).toEqual({ status: 200, text: 'probe' });
      // Something never fetched is not there: the network really is off.
      const missing = await fetchText(page, 'not-cached.txt');
      expect(missing.status).toBe(503);
      await page.screenshot({
        path: `${OUT_DIR}/offline-${name.replace(/\W+/g, '-')}.png`,
      });

      // With the server gone too, a fresh visit still works.
      await stopServer();
      const page2 = await context.newPage();
      page2.on('pageerror', (error) => pageErrors.push(error.message));
      const response = await page2.goto(baseUrl);
      expect(response?.fromServiceWorker()).toBe(true);
      await expectAppShell(page2);
      expect((await fetchText(page2, `scenarios/${first}`)).status).toBe(200);

      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await stopServer();
    }
  });
});
