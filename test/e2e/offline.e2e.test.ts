// End-to-end: the built app works offline once its service worker (public/sw.js) has installed. The
// test registers the worker itself (as src/app/offline.ts does in production), reloads so that it
// controls the page, then goes offline, and finally stops the server: the app shell, the scenarios
// and the validation table still load, from the cache. Run with `npm run test:e2e` (builds first).

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, OUT_DIR, ROOT, startHarness } from './harness.ts';

let server: PreviewServer | undefined;
let browser: Browser;
let baseUrl: string;

async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.close();
}

beforeAll(async () => {
  let started: PreviewServer;
  ({
    server: started,
    browser,
    baseUrl,
  } = await startHarness(['index.html', 'sw.js', 'precache-manifest.json']));
  server = started;
});

afterAll(async () => {
  await browser?.close();
  await stopServer();
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

describe('ColdBoot offline', () => {
  it('caches the app and scenarios, and loads them without a network', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(baseUrl);
      await expectAppShell(page);

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
      // Something never fetched is not there: the network really is off.
      const missing = await fetchText(page, 'not-cached.txt');
      expect(missing.status).toBe(503);
      await page.screenshot({ path: `${OUT_DIR}/offline.png` });

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
    }
  });
});
