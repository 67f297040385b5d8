// End-to-end robustness: the instructor panel survives a Reset (it once looped until React gave up,
// error #185), and two tabs keep their own saved runs (a reload of one no longer brings back the
// other's). Build first (`npx vite build`), then `npx vitest run --project e2e <this file>`.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 30_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');
const status = (page: Page) => page.getByTestId('run-status').innerText();

/** The run clock in seconds ("1:02:03" → 3723). */
async function clockS(page: Page): Promise<number> {
  const text = await page.getByTestId('clock').innerText();
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Opens a built-in scenario from its link and starts it (paused, ready). */
async function startScenario(page: Page, file: string): Promise<void> {
  await page.goto(`${harness.baseUrl}?scenario=${file}`);
  await expect.poll(() => screenOf(page), poll).toBe('briefing');
  await page.getByTestId('start-run').click();
  await expect.poll(() => status(page), poll).toBe('Ready');
}

describe('the instructor panel', () => {
  it('stays up through Start, Instructor, Step and Reset', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await startScenario(page, 'skier-under-ice.yaml');
      await page.getByTestId('instructor-switch').click();
      await expect.poll(() => page.getByTestId('instructor-panel').isVisible(), poll).toBe(true);
      await page.getByRole('button', { name: /^Step/ }).click();
      await expect.poll(() => clockS(page), poll).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => clockS(page), poll).toBe(0);
      await expect.poll(() => status(page), poll).toBe('Ready');
      expect(await page.getByTestId('instructor-panel').isVisible()).toBe(true);
      expect(await page.getByTestId('inject-fault').isVisible()).toBe(true);
      expect(await page.locator('.error-text').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('two tabs', () => {
  it('keep their own saved runs: a reload of one restores its run, not the other’s', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const pageA = await context.newPage();
    const pageB = await context.newPage();
    const errorsA = watchErrors(pageA);
    const errorsB = watchErrors(pageB);
    const title = (page: Page) => page.locator('#screen-title').innerText();
    const ownSave = (page: Page) =>
      page.evaluate(() =>
        localStorage.getItem(`coldboot:saved-run:${sessionStorage.getItem('coldboot:tab-id')}`),
      );
    try {
      // Tab A: the skier, moved on a minute and paused.
      await startScenario(pageA, 'skier-under-ice.yaml');
      await pageA.getByLabel('Speed').selectOption('60');
      await pageA.getByRole('button', { name: 'Step 1 min' }).click();
      await expect.poll(() => clockS(pageA), poll).toBe(60);
      await expect.poll(() => ownSave(pageA), poll).toContain('"endS":60');

      // Tab B: another scenario, run on and saved after A's.
      await startScenario(pageB, 'warm-water-drowning.yaml');
      await pageB.getByLabel('Speed').selectOption('60');
      await pageB.getByRole('button', { name: 'Step 1 min' }).click();
      await pageB.getByRole('button', { name: 'Step 1 min' }).click();
      await expect.poll(() => clockS(pageB), poll).toBe(120);
      await expect.poll(() => ownSave(pageB), poll).toContain('"endS":120');

      // A reload of A brings back A's run where it stood; B's is untouched.
      await pageA.reload();
      await expect
        .poll(() => pageA.getByTestId('notice').innerText(), poll)
        .toContain('Restored your run at 0:01:00');
      expect(await title(pageA)).toBe('Skier under the ice');
      await expect.poll(() => clockS(pageA), poll).toBe(60);
      await pageB.reload();
      await expect
        .poll(() => pageB.getByTestId('notice').innerText(), poll)
        .toContain('Restored your run at 0:02:00');
      expect(await title(pageB)).toBe('Drowning in a warm lake');

      // A third tab has no run of its own: it offers the newest saved run from the library.
      const pageC = await context.newPage();
      await pageC.goto(harness.baseUrl);
      await expect.poll(() => screenOf(pageC), poll).toBe('library');
      await expect
        .poll(() => pageC.getByRole('button', { name: 'Restore it' }).isVisible(), poll)
        .toBe(true);
      expect(errorsA).toEqual([]);
      expect(errorsB).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
