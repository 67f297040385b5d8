// Figures 1: the JavaScript index.html loads before any lazy chunk (from the build's manifest,
// gzipped here), and the first render on localhost: navigation start → the library's scenario cards
// on screen, with an empty cache (a new browser context) and a warm one (reloads once the service
// worker has cached the app).

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { FIRST_RENDER_INIT, FIRST_RENDER_RESULT } from './pageScripts.ts';
import { BENCH_DIST, ROOT } from './setup.ts';
import { kB, median, met, ms, range } from './stats.ts';

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

export interface InitialAssets {
  readonly files: readonly { file: string; bytes: number; gzipBytes: number }[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
  readonly lazyChunks: number;
}

const gzipBytes = (bytes: Buffer): number => gzipSync(bytes).length;

/** The entry chunk of index.html and every chunk it imports statically (not lazily), gzipped. */
export function initialAssets(): InitialAssets {
  const dir = `${ROOT}${BENCH_DIST}/`;
  const manifest = JSON.parse(readFileSync(`${dir}.vite/manifest.json`, 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (entryKey === undefined) throw new Error(`${BENCH_DIST}/.vite/manifest.json has no entry`);
  const seen = new Set<string>();
  const queue = [entryKey];
  const lazy = new Set<string>();
  while (queue.length > 0) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key]!;
    queue.push(...(chunk.imports ?? []));
    for (const d of chunk.dynamicImports ?? []) lazy.add(d);
  }
  const files = [...seen].map((key) => {
    const bytes = readFileSync(dir + manifest[key]!.file);
    return { file: manifest[key]!.file, bytes: bytes.length, gzipBytes: gzipBytes(bytes) };
  });
  const css = [...new Set([...seen].flatMap((key) => manifest[key]!.css ?? []))];
  return {
    files,
    jsBytes: files.reduce((t, f) => t + f.bytes, 0),
    jsGzipBytes: files.reduce((t, f) => t + f.gzipBytes, 0),
    cssGzipBytes: css.reduce((t, file) => t + gzipBytes(readFileSync(dir + file)), 0),
    lazyChunks: [...lazy].filter((key) => !seen.has(key)).length,
  };
}

interface FirstRender {
  readonly cardInDomMs: number;
  readonly cardPaintedMs: number;
  readonly fcpMs: number | null;
  readonly domContentLoadedMs: number | null;
  readonly scripts: readonly {
    url: string;
    transferSize: number;
    encodedBodySize: number;
    decodedBodySize: number;
  }[];
  readonly controlled: boolean;
}

type PageLike = Awaited<ReturnType<Browser['newPage']>>;

async function measure(page: PageLike): Promise<FirstRender> {
  await page.waitForFunction(
    '(window.__coldbootFirstRender || {}).cardPaintedMs != null',
    undefined,
    { timeout: 30_000 },
  );
  return (await page.evaluate(FIRST_RENDER_RESULT)) as FirstRender;
}

export async function firstLoadFigures(
  browser: Browser,
  baseUrl: string,
  runs = 5,
): Promise<string[]> {
  const assets = initialAssets();
  const lines: string[] = [
    '1. Initial load',
    `  initial JavaScript (index.html's entry and its static imports, ${assets.files.length} file${assets.files.length === 1 ? '' : 's'}): ` +
      `${kB(assets.jsGzipBytes)} gzipped (${kB(assets.jsBytes)} raw; gzip level 6); ` +
      `target under 300 kB: ${met(assets.jsGzipBytes < 300_000)}`,
    `    not counted: CSS ${kB(assets.cssGzipBytes)} gzipped; ${assets.lazyChunks} lazy chunk${assets.lazyChunks === 1 ? '' : 's'} ` +
      'and the Web Workers, loaded later',
  ];

  // Cold: a new context per load (empty HTTP cache, no service worker); the browser and the OS file
  // cache are warm, and the server is on this machine.
  const cold: FirstRender[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript({ content: FIRST_RENDER_INIT });
    const page = await context.newPage();
    await page.goto(baseUrl);
    cold.push(await measure(page));
    await context.close();
  }

  // Warm: one context; after the first load, wait for the service worker to take the app in its
  // cache, then reload.
  const warm: FirstRender[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ content: FIRST_RENDER_INIT });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await measure(page);
  const swReady = await page.evaluate(
    `Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 15000)),
    ])`,
  );
  for (let i = 0; i < runs; i++) {
    await page.reload();
    warm.push(await measure(page));
  }
  await context.close();

  const scripts = cold[0]!.scripts;
  const fetched = scripts.reduce((t, s) => t + s.decodedBodySize, 0);
  const encoded = scripts.reduce((t, s) => t + s.encodedBodySize, 0);
  lines.push(
    `    the browser fetched ${scripts.length} script${scripts.length === 1 ? '' : 's'} before the cards appeared ` +
      `(${kB(fetched)} decoded, ${kB(encoded)} as sent by vite preview)`,
  );

  const row = (label: string, list: readonly FirstRender[]) => {
    const painted = list.map((r) => r.cardPaintedMs);
    const inDom = list.map((r) => r.cardInDomMs);
    const fcp = list.map((r) => r.fcpMs ?? Number.NaN).filter(Number.isFinite);
    const dcl = list.map((r) => r.domContentLoadedMs ?? Number.NaN).filter(Number.isFinite);
    return [
      `  first render, ${label}: cards on screen at ${ms(median(painted))} median of ${list.length} ` +
        `(${range(painted, (v) => v.toFixed(0))} ms); target under 1 s: ${met(median(painted) < 1000)}`,
      `    first contentful paint ${ms(median(fcp))}, DOMContentLoaded ${ms(median(dcl))}, ` +
        `first card in the DOM ${ms(median(inDom))} (medians; ms after navigation start)`,
    ];
  };
  lines.push(...row('cold cache (new browser context each time)', cold));
  lines.push(
    ...row(
      `warm cache (reloads; service worker ${swReady ? 'ready' : 'NOT ready after 15 s'}, ` +
        `controlling ${warm.filter((r) => r.controlled).length} of ${warm.length} loads)`,
      warm,
    ),
  );
  return lines;
}
