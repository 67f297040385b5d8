// What the live-class browser tests share: the classroom server (in-process, a free port, a fresh
// data folder) on the built app with Chromium, the instructor's console and learners joined from
// separate browser contexts (separate storage, as separate laptops), and screenshots at the
// projector's sizes.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../scripts/browser.ts';
import { startClassroom, type Classroom } from '../../src/classroom/server.ts';
import { DIST, OUT_DIR, ROOT, watchErrors } from './harness.ts';

export const poll = { timeout: 60_000, interval: 250 };

export interface ClassHarness {
  readonly browser: Browser;
  readonly classroom: Classroom;
  readonly dataDir: string;
}

/**
 * Starts the classroom server (its data in a fresh folder named from `prefix`) and Chromium before
 * a test file's tests, and stops both after them. Read the fields inside tests.
 */
export function useClassHarness(prefix: string): ClassHarness {
  const harness = {} as { -readonly [K in keyof ClassHarness]: ClassHarness[K] };
  beforeAll(async () => {
    if (!existsSync(`${ROOT}${DIST}/index.html`))
      throw new Error(`${DIST}/index.html is missing: run \`npx vite build\` first.`);
    harness.dataDir = mkdtempSync(join(tmpdir(), prefix));
    harness.classroom = await startClassroom({
      dataDir: harness.dataDir,
      distDir: `${ROOT}${DIST}`,
      port: 0,
    });
    harness.browser = await launchChromium();
    await mkdir(OUT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.classroom?.close();
    if (harness.dataDir) rmSync(harness.dataDir, { recursive: true, force: true });
  });
  return harness;
}

export const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');
/** An attribute of the learner's class bar (its link, the count of actions held here). */
export const bar = (page: Page, attribute: string) =>
  page.getByTestId('class-bar').getAttribute(attribute);
/** Learner `number`'s row on the console. */
export const row = (console: Page, number: number) =>
  console.locator(`[data-testid="class-row"][data-number="${number}"]`);

/** Screenshots of the page at 1280×720 and 1920×1080 (test-results/e2e/classroom-NAME-WxH.png). */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Let the layout settle (a frame or two) before the picture; not an assertion.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await page.screenshot({ path: `${OUT_DIR}/classroom-${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

export interface Learner {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

/** A class under test: the instructor's console and the learners who have joined from `join`. */
export interface ClassUnderTest {
  readonly console: Page;
  readonly learners: Learner[];
  /**
   * A learner's laptop (a browser context of its own): joins the class under `name` (anonymously
   * when it is empty) and waits until the page is linked to the class and shows the briefing.
   */
  join(name: string): Promise<Learner>;
  /** The errors seen so far on the console's page and every learner's. */
  errors(): string[];
}

/**
 * Opens the instructor's console at 1280×720 in a context of its own (`options` add to it), every
 * dialog accepted, and waits until it is linked to the server; runs `body` on the class; closes
 * the console's and the learners' contexts however `body` ends.
 */
export async function withClass(
  harness: ClassHarness,
  options: BrowserContextOptions,
  body: (cls: ClassUnderTest) => Promise<void>,
): Promise<void> {
  const { browser, classroom } = harness;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const learners: Learner[] = [];
  try {
    const console = await context.newPage();
    const consoleErrors = watchErrors(console);
    console.on('dialog', (dialog) => void dialog.accept());
    await console.goto(classroom.consoleUrl);
    await expect
      .poll(() => console.getByTestId('console-link').getAttribute('data-link'), poll)
      .toBe('connected');
    await body({
      console,
      learners,
      async join(name) {
        const learnerContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await learnerContext.newPage();
        const learner = { name, context: learnerContext, page, errors: watchErrors(page) };
        learners.push(learner);
        await page.goto(classroom.joinUrl);
        await expect.poll(() => page.getByTestId('class-join').isVisible(), poll).toBe(true);
        if (name) {
          await page.getByTestId('class-name').fill(name);
          await page.getByTestId('class-join-button').click();
        } else {
          await page.getByTestId('class-join-anonymous').click();
        }
        await expect.poll(() => bar(page, 'data-link'), poll).toBe('connected');
        await expect.poll(() => screenOf(page), poll).toBe('briefing');
        return learner;
      },
      errors: () => [...consoleErrors, ...learners.flatMap((l) => l.errors)],
    });
  } finally {
    for (const l of learners) await l.context.close();
    await context.close();
  }
}
