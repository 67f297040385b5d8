// End-to-end: the run screen's monitor (rhythm strip, body map, alarm announcements), "What are the
// odds?" with its threshold sweep, the model explorer, and an axe-core accessibility check of every
// screen and dialog (no serious or critical violations). Run with `npm run test:e2e`.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 30_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');

async function openSkier(page: Page): Promise<void> {
  await page.goto(`${harness.baseUrl}?scenario=skier-under-ice.yaml`);
  await expect.poll(() => screenOf(page), poll).toBe('briefing');
  await page.getByTestId('start-run').click();
  await expect.poll(() => screenOf(page), poll).toBe('run');
  await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Ready');
}

describe('monitor, odds, explorer and accessibility', () => {
  it('draws the rhythm and the body, announces changes, and passes axe on every screen', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(harness.baseUrl);
      await expect.poll(() => screenOf(page), poll).toBe('library');
      expect(await seriousViolations(page)).toEqual([]);

      await openSkier(page);
      expect(await seriousViolations(page)).toEqual([]);
      // She is in arrest: the strip draws asystole or VF, in red, and says so.
      const rhythm = await page.getByTestId('rhythm-strip').getAttribute('data-rhythm');
      expect(['vf', 'asystole', 'pea']).toContain(rhythm);
      expect(await page.locator('.rhythm-strip-trace').getAttribute('d')).toMatch(/^M0\.0,/);
      // The body map colours each compartment and lists its temperature.
      await page.getByTestId('patient-tab-body').click();
      expect(await page.getByTestId('body-map').getAttribute('aria-label')).toMatch(
        /Brain \d+\.\d °C, Heart/,
      );
      const brain = await page.getByTestId('body-brainTempC').innerText();
      expect(brain).toMatch(/^\d+\.\d °C$/);

      // Compressions change the strip; the announcer has a live region.
      await page.getByRole('button', { name: 'Start CPR mechanical' }).click();
      await expect
        .poll(() => page.getByTestId('rhythm-strip-label').innerText(), poll)
        .toContain('with compressions');
      expect(await page.getByTestId('announcer').getAttribute('aria-live')).toBe('assertive');
      await page.getByTestId('mute-alarms').click();
      expect(await page.getByTestId('mute-alarms').getAttribute('aria-pressed')).toBe('true');
      await page.screenshot({ path: `${OUT_DIR}/monitor-run.png` });

      // °F everywhere on the body map.
      await page.getByRole('button', { name: '°F' }).click();
      await expect.poll(() => page.getByTestId('body-brainTempC').innerText()).toMatch(/°F$/);
      await page.getByRole('button', { name: '°C' }).click();

      // The model explorer opens over the run, and passes axe.
      await page.getByTestId('open-model').click();
      await expect.poll(() => page.getByTestId('model-explorer').isVisible(), poll).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${OUT_DIR}/model-explorer.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('model-explorer').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('"What are the odds?" runs the learner\'s log on many patients, cancels, and sweeps the threshold', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await openSkier(page);
      await page.getByRole('button', { name: 'Start CPR mechanical' }).click();
      await page.getByTestId('open-odds').click();
      await expect.poll(() => page.getByTestId('odds-panel').isVisible(), poll).toBe(true);
      // The close button closes it and hands focus back; open it again.
      await page.getByTestId('odds-close').click();
      await expect.poll(() => page.getByTestId('odds-panel').count()).toBe(0);
      await page.getByTestId('open-odds').click();
      await expect.poll(() => page.getByTestId('odds-panel').isVisible(), poll).toBe(true);

      // Cancel stops a big run; nothing is shown.
      await page.getByLabel('Patients').selectOption('1000');
      await page.getByTestId('odds-run').click();
      await page.getByTestId('odds-cancel').click();
      await expect.poll(() => page.getByTestId('odds-run').isEnabled(), poll).toBe(true);
      expect(await page.getByTestId('odds-result').count()).toBe(0);

      await page.getByLabel('Patients').selectOption('200');
      await page.getByTestId('odds-run').click();
      await expect
        .poll(() => page.getByTestId('odds-result').count(), { timeout: 120_000 })
        .toBe(1);
      const survival = await page.getByTestId('odds-survival').innerText();
      expect(survival).toMatch(/^\d+ %$/);
      expect(await page.locator('.fan-band').count()).toBeGreaterThanOrEqual(2);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${OUT_DIR}/odds.png`, fullPage: true });

      await page.getByTestId('odds-sweep').click();
      await expect
        .poll(() => page.getByTestId('odds-sweep-result').count(), { timeout: 120_000 })
        .toBe(1);
      expect(await page.locator('.sweep-table tbody tr').count()).toBe(12);
      await page.getByTestId('odds-sweep-result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT_DIR}/odds-sweep.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('odds-panel').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
