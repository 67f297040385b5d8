// What the browser benchmark needs around the page: its own build of the app (dist-bench/, so it never
// races with builds of dist/), the ensemble bench page built next to it, `vite preview` on a free port,
// and Debian's Chromium driven by playwright-core with the flags this machine needs (the same as the
// browser tests' harness, test/e2e/harness.ts).

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The benchmark's build of the app (ignored by git, ESLint and Prettier as `dist-*`). */
export const BENCH_DIST = 'dist-bench';
/** Where the ensemble bench page is built, inside BENCH_DIST, and the path it is served at. */
export const ENSEMBLE_PAGE_DIR = 'bench';
export const ENSEMBLE_PAGE_PATH = `${ENSEMBLE_PAGE_DIR}/ensemble.html`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags of the browser tests: headless, no sandbox (containers), no GPU, nothing in the background. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Why the browser figures cannot be measured here, or null when Chromium is installed. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${CHROMIUM} does not exist`
    : `${CHROMIUM} is not installed (apt-get install chromium, or set CHROMIUM_PATH)`;
}

/**
 * Builds the app into dist-bench/ exactly as `vite build` builds dist/ (plus a manifest, used to list
 * what index.html loads), then the ensemble bench page (bench/ensemble.html) into dist-bench/bench/.
 */
export async function buildForBench(): Promise<void> {
  await build({
    root: ROOT,
    // Errors only: the build's size warnings are not figures of this benchmark.
    logLevel: 'error',
    build: { outDir: BENCH_DIST, emptyOutDir: true, manifest: true },
  });
  // A separate build, so the page cannot change how the app itself is split into chunks. Same
  // worker format and target as the app (vite.config.ts).
  await build({
    configFile: false,
    root: `${ROOT}bench`,
    base: './',
    publicDir: false,
    logLevel: 'error',
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      outDir: `${ROOT}${BENCH_DIST}/${ENSEMBLE_PAGE_DIR}`,
      emptyOutDir: true,
      rolldownOptions: { input: `${ROOT}bench/ensemble.html` },
    },
  });
}

export async function removeBenchBuild(): Promise<void> {
  await rm(`${ROOT}${BENCH_DIST}`, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Serves dist-bench/ with `vite preview` on localhost; returns the server and its base URL. */
export async function serveBenchBuild(): Promise<{ server: PreviewServer; baseUrl: string }> {
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: BENCH_DIST },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { server, baseUrl: `http://127.0.0.1:${port}/` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}
