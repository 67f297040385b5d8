// End-to-end: the two views of brain-cell death side by side, as a learner meets them. In the odds
// dialog, "Compare the two views" replays the run so far (then the expert's plan) and the expert's
// plan at five points between the essay's view and the conventional one, and says which wins; the
// debrief's "Which view decides?" does the same for the whole run. Run with `npm run test:e2e`.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 30_000 };
const slow = { timeout: 180_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');

describe('the two views', () => {
  it("compares your plan and the expert's under each view, in the odds dialog and the debrief", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      // The tutorial is short (2 h), so 400 replays take seconds.
      await page.goto(`${harness.baseUrl}?scenario=hlm-tutorial.yaml`);
      await expect.poll(() => screenOf(page), poll).toBe('briefing');
      await page.getByTestId('start-run').click();
      await expect.poll(() => screenOf(page), poll).toBe('run');

      await page.getByTestId('open-odds').click();
      await expect.poll(() => page.getByTestId('odds-panel').isVisible(), poll).toBe(true);
      await page.getByTestId('odds-views').click();
      await expect.poll(() => page.getByTestId('views-result').count(), slow).toBe(1);
      const rows = page.locator('[data-testid="views-result"] tbody tr');
      expect(await rows.count()).toBe(5);
      expect(await rows.first().innerText()).toContain("The essay's view (0)");
      expect(await rows.last().innerText()).toContain('The conventional view (1)');
      // Both plans are shown, with a winner per row and a verdict in words.
      expect(await page.locator('[data-testid="views-result"] thead').innerText()).toContain(
        "The expert's plan",
      );
      expect(await page.getByTestId('views-verdict').innerText()).toMatch(/wins|about the same/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('views-result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT_DIR}/odds-views.png` });
      await page.getByTestId('odds-close').click();

      await page.getByRole('button', { name: 'End and debrief' }).click();
      await expect.poll(() => page.getByTestId('debrief').isVisible(), poll).toBe(true);
      await page.getByTestId('debrief-views-run').click();
      await expect
        .poll(
          () => page.locator('[data-testid="debrief-views"] [data-testid="views-result"]').count(),
          slow,
        )
        .toBe(1);
      expect(await page.locator('[data-testid="debrief-views"] tbody tr').count()).toBe(5);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('debrief-views').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT_DIR}/debrief-views.png` });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
