// What every browser test needs: the built app (dist/) served by `vite preview` on a free port, and
// Debian's Chromium driven by playwright-core, launched with the flags this machine needs.

import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, launchChromium, serveBuild } from '../../scripts/browser.ts';

export { ROOT };
export const OUT_DIR = `${ROOT}test-results/e2e`;
/** The built app to serve: dist/ unless COLDBOOT_DIST names another build (`vite build --outDir`). */
export const DIST = process.env.COLDBOOT_DIST ?? 'dist';

export interface Harness {
  readonly server: PreviewServer;
  readonly browser: Browser;
  readonly baseUrl: string;
}

/** Serves dist/ (which must hold `required`) and launches Chromium; screenshots go to OUT_DIR. */
export async function startHarness(required: readonly string[] = ['index.html']): Promise<Harness> {
  for (const file of required) {
    if (!existsSync(`${ROOT}${DIST}/${file}`)) {
      throw new Error(
        `${DIST}/${file} is missing: run \`npm run test:e2e\` (it builds first) or \`npx vite build\`.`,
      );
    }
  }
  const { server, baseUrl } = await serveBuild(DIST);
  const browser = await launchChromium();
  await mkdir(OUT_DIR, { recursive: true });
  return { server, browser, baseUrl };
}

/**
 * Starts the harness before a test file's tests and stops it after them. The fields of what it
 * returns are set once the tests run (read them inside tests, not at the top of the file).
 */
export function useHarness(required?: readonly string[]): Harness {
  const harness = {} as { -readonly [K in keyof Harness]: Harness[K] };
  beforeAll(async () => {
    Object.assign(harness, await startHarness(required));
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/** Collects console errors, uncaught page errors and failed requests (not those the page aborted). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A reload or a navigation cancels the requests still in flight (the service worker's
    // precaching, a fetch of the library): aborted by the page, not failed.
    if (reason.includes('ERR_ABORTED')) return;
    errors.push(`request failed: ${request.url()} ${reason}`);
  });
  return errors;
}

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now, described for a reader. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return axeViolations(page, ['serious', 'critical']);
}

/** axe-core's violations of the given impacts on the page as it is now, described for a reader. */
export async function axeViolations(page: Page, impacts: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact !== null && impacts.includes(v.impact))
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
