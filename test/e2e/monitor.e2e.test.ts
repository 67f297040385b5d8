// End-to-end: the run screen's monitor (rhythm strip, body map, alarm announcements), "What are the
// odds?" with its threshold sweep and its two questions in the middle of a run, the model explorer,
// and an axe-core accessibility check of every screen and dialog (no serious or critical
// violations). Run with `npm run test:e2e`.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, axeViolations, seriousViolations, useHarness, watchErrors } from './harness.ts';

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
      // Every tab, with no axe finding at all (a link to a section in another tab is a button
      // that opens that tab, not an anchor to nothing).
      const explorerTabs = page.getByTestId('model-explorer').getByRole('tab');
      for (let i = 0; i < (await explorerTabs.count()); i++) {
        await explorerTabs.nth(i).click();
        await expect.poll(() => explorerTabs.nth(i).getAttribute('aria-selected')).toBe('true');
        const name = (await explorerTabs.nth(i).innerText()).split('\n')[0];
        expect(
          await axeViolations(page, ['minor', 'moderate', 'serious', 'critical']),
          name,
        ).toEqual([]);
      }
      await explorerTabs.filter({ hasText: /^Heat/ }).click();
      const toOtherTab = page.getByTestId('model-explorer').locator('button.md-link').first();
      await toOtherTab.click();
      await expect
        .poll(() => explorerTabs.filter({ hasText: /^Heat/ }).getAttribute('aria-selected'))
        .toBe('false');
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

  it("asks mid-run what happens next: the expert's plan (the default) or nothing more", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const survival = async (): Promise<number> =>
      Number((await page.getByTestId('odds-survival').innerText()).replace(' %', ''));
    try {
      // What the expert does first: mechanical compressions and oxygen; then on to the helicopter.
      await openSkier(page);
      await page.getByRole('button', { name: 'Start CPR mechanical' }).click();
      await page.getByLabel('FiO₂').fill('1');
      await page.getByRole('button', { name: 'Ventilate', exact: true }).click();
      await expect
        .poll(() => page.getByTestId('monitor-breathing').innerText(), poll)
        .toBe('Ventilated');
      await page.getByRole('button', { name: 'Next event' }).click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Paused');
      const clock = (await page.getByTestId('clock').innerText()).trim();
      expect(clock).not.toBe('0:00:00');

      await page.getByTestId('open-odds').click();
      const choice = page.getByRole('group', { name: `What happens after ${clock}?` });
      await expect.poll(() => choice.isVisible(), poll).toBe(true);
      const expert = choice.getByRole('radio', { name: /If the rest follows the expert's plan/ });
      const nothing = choice.getByRole('radio', { name: /If nothing more is done/ });
      expect(await expert.isChecked()).toBe(true);
      expect(await nothing.isChecked()).toBe(false);
      expect(await choice.innerText()).toMatch(
        /Your actions so far \(2\), then the expert's \d+ actions from/,
      );
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Patients').selectOption('200');
      await page.getByTestId('odds-run').click();
      await expect
        .poll(() => page.getByTestId('odds-result').count(), { timeout: 120_000 })
        .toBe(1);
      expect(await page.getByTestId('odds-asked').innerText()).toContain(
        `If the rest follows the expert's plan after ${clock}.`,
      );
      const withExpert = await survival();
      await page.screenshot({ path: `${OUT_DIR}/odds-expert-plan.png`, fullPage: true });

      await nothing.check();
      expect(await expert.isChecked()).toBe(false);
      await page.getByTestId('odds-run').click();
      await expect
        .poll(() => page.getByTestId('odds-asked').innerText(), { timeout: 120_000 })
        .toContain(`If nothing more is done after ${clock}.`);
      expect(await page.getByTestId('odds-asked').innerText()).toContain(
        'Your actions so far (2), then nothing more to the end (8:00:00).',
      );
      expect(withExpert).toBeGreaterThan(await survival());
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      // The bands on the chart say which question they answer.
      expect(await page.getByTestId('trend-fan-legend').innerText()).toContain(
        `from ${clock}, if nothing more is done`,
      );

      // The sandbox has no expert run: only "if nothing more is done", said so.
      await page.getByRole('button', { name: 'Library' }).click();
      await expect.poll(() => screenOf(page), poll).toBe('library');
      await page.getByRole('button', { name: 'Start sandbox run' }).click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Ready');
      await page.getByLabel('Speed').selectOption('600');
      await page.getByRole('button', { name: 'Step 10 min' }).click();
      await expect.poll(() => page.getByTestId('clock').innerText(), poll).toBe('0:10:00');
      await page.getByTestId('open-odds').click();
      const only = page.getByTestId('odds-question-only');
      await expect.poll(() => only.isVisible(), poll).toBe(true);
      expect(await only.innerText()).toMatch(
        /^If nothing more is done after 0:10:00\. Your actions so far \(none\)/,
      );
      expect(await page.getByRole('radio').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
