// What the browser benchmark needs around the page: its own build of the app (dist-bench/, so it never
// races with builds of dist/), the ensemble bench page built next to it, `vite preview` on a free port,
// and Debian's Chromium driven by playwright-core with the flags this machine needs (scripts/browser.ts,
// shared with the browser tests' harness).

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build, type PreviewServer } from 'vite';
import { CHROMIUM, ROOT, serveBuild } from '../scripts/browser.ts';

export { CHROMIUM, CHROMIUM_ARGS, ROOT, launchChromium } from '../scripts/browser.ts';
/** The benchmark's build of the app (ignored by git, ESLint and Prettier as `dist-*`). */
export const BENCH_DIST = 'dist-bench';
/** Where the ensemble bench page is built, inside BENCH_DIST, and the path it is served at. */
export const ENSEMBLE_PAGE_DIR = 'bench';
export const ENSEMBLE_PAGE_PATH = `${ENSEMBLE_PAGE_DIR}/ensemble.html`;
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

/** Serves dist-bench/ with `vite preview` on localhost; returns the server and its base URL. */
export function serveBenchBuild(): Promise<{ server: PreviewServer; baseUrl: string }> {
  return serveBuild(BENCH_DIST);
}
