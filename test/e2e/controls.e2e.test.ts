// End-to-end: the run's time controls (step, next event, pause on alarms), the instructor panel
// (faults, events and messages, behind a switch) and the sandbox's parameter edits reaching the run,
// its log and a reload. Run with `npm run test:e2e`.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 30_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');
const status = (page: Page) => page.getByTestId('run-status').innerText();

/** The run clock in seconds ("1:02:03" → 3723). */
async function clockS(page: Page): Promise<number> {
  const text = await page.getByTestId('clock').innerText();
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

describe('time controls, instructor panel and sandbox parameters', () => {
  it('steps, skips to the next event, and pauses on an alarm the instructor injects', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${harness.baseUrl}?scenario=skier-under-ice.yaml`);
      await expect.poll(() => screenOf(page), poll).toBe('briefing');
      await page.getByTestId('start-run').click();
      await expect.poll(() => status(page), poll).toBe('Ready');

      // A step is one second at the chosen speed: 1 min at 60×.
      await page.getByLabel('Speed').selectOption('60');
      await page.getByRole('button', { name: 'Step 1 min' }).click();
      await expect.poll(() => clockS(page), poll).toBe(60);
      expect(await status(page)).toBe('Paused');

      // Next event runs at once to the scenario's next timeline entry and says what it was.
      await page.getByRole('button', { name: 'Next event' }).click();
      await expect.poll(() => clockS(page), poll).toBeGreaterThan(60);
      expect(await page.getByTestId('stop-reason').innerText()).toMatch(
        /^(Skipped to|Paused at) \d+:\d\d:\d\d/,
      );
      expect(await page.getByTestId('stop-reason').innerText()).toContain(
        (await page.getByTestId('clock').innerText()).trim(),
      );

      // The instructor panel is behind a switch.
      expect(await page.getByTestId('instructor-panel').count()).toBe(0);
      await page.getByTestId('instructor-switch').click();
      expect(await page.getByTestId('instructor-switch').getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.getByTestId('instructor-panel').isVisible(), poll).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      // A message reaches the learners' event log.
      await page.getByTestId('instructor-message').fill('Check the pupils now.');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => page.locator('.log-list').innerText(), poll)
        .toContain('Check the pupils now.');

      // Any action, written as in a scenario file: a mistake is explained and nothing is done.
      const eventBox = page.getByTestId('instructor-event');
      await eventBox.fill('{ do: setEnvironment, medium: lava, temperatureC: 20 }');
      await page
        .getByTestId('instructor-panel')
        .getByRole('button', { name: 'Inject' })
        .last()
        .click();
      await expect
        .poll(() => page.getByRole('alert').innerText(), poll)
        .toMatch(/medium: expected .*found "lava"/);
      expect(await eventBox.getAttribute('aria-invalid')).toBe('true');
      await eventBox.fill('{ do: setEnvironment, medium: air, temperatureC: 20 }');
      await eventBox.press('Enter');
      await expect
        .poll(() => page.locator('.log-list').innerText(), poll)
        .toMatch(/Surroundings: Air at 20(\.0)? °C/);
      expect(await eventBox.inputValue()).toBe('');

      // With "Pause on alarms", an arrest the instructor injects while the run goes pauses it.
      await page.getByLabel('Pause on alarms').check();
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => status(page), poll).toBe('Running');
      await page.getByTestId('instructor-fault').selectOption('pump-failure');
      await page.getByLabel('Arrest').selectOption('asystole');
      await page.getByTestId('inject-arrest').click();
      await expect.poll(() => status(page), poll).toBe('Paused');
      expect(await page.getByTestId('stop-reason').innerText()).toMatch(/on an alarm: asystole/i);
      await page.screenshot({ path: `${OUT_DIR}/instructor-panel.png` });

      // The learners' log hides the instructor's events (they find them by the alarms), not the
      // message; the instructor sees both.
      const withPanel = await page.locator('.log-list').innerText();
      expect(withPanel).toMatch(/asystole/i);
      await page.getByTestId('instructor-switch').click();
      await expect.poll(() => page.getByTestId('instructor-panel').count(), poll).toBe(0);
      const learners = await page.locator('.log-list').innerText();
      expect(learners).not.toMatch(/asystole/i);
      expect(learners).toContain('Check the pupils now.');
      expect(learners).not.toMatch(/Surroundings: Air at 20/);

      // The saved run log keeps the instructor's actions with their source.
      await expect
        .poll(async () => {
          const saved = await page.evaluate(() =>
            localStorage.getItem(`coldboot:saved-run:${sessionStorage.getItem('coldboot:tab-id')}`),
          );
          const log = saved ? (JSON.parse(saved) as { log: { actions: unknown[] } }).log : null;
          return log?.actions.filter((a) => (a as { source: string }).source === 'instructor');
        }, poll)
        .toEqual([
          {
            atS: expect.any(Number),
            source: 'instructor',
            action: { do: 'message', text: 'Check the pupils now.' },
          },
          {
            atS: expect.any(Number),
            source: 'instructor',
            action: { do: 'setEnvironment', medium: 'air', temperatureC: 20 },
          },
          {
            atS: expect.any(Number),
            source: 'instructor',
            action: { do: 'cardiacArrest', rhythm: 'asystole' },
          },
        ]);

      // The preferences outlive a reload: pause on alarms stays on, the panel stays closed.
      await page.reload();
      await expect.poll(() => status(page), poll).toBe('Paused');
      expect(await page.getByLabel('Pause on alarms').isChecked()).toBe(true);
      expect(await page.getByTestId('instructor-switch').getAttribute('aria-pressed')).toBe(
        'false',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('replays the sandbox with an edited parameter, keeps it in the log and after a reload', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(harness.baseUrl);
      await expect.poll(() => screenOf(page), poll).toBe('library');
      await page.getByLabel('Water (to the neck)').check();
      await page.getByLabel('Temperature (°C)').fill('10');
      await page.getByRole('button', { name: 'Start sandbox run' }).click();
      await expect.poll(() => status(page), poll).toBe('Ready');
      await page.getByLabel('Speed').selectOption('600');
      await page.getByRole('button', { name: 'Step 10 min' }).click();
      await page.getByRole('button', { name: 'Step 10 min' }).click();
      await expect.poll(() => clockS(page), poll).toBe(1200);
      const skinBefore = await page.getByTestId('reading-skin').innerText();

      await page.getByTestId('open-model').click();
      await expect.poll(() => page.getByTestId('model-explorer').isVisible(), poll).toBe(true);
      await page.getByTestId('model-explorer').getByRole('tab', { name: /^Heat/ }).click();
      const input = page.getByLabel(/^waterHeatTransferWPerM2K:/);
      await input.fill('50');
      await expect
        .poll(() => page.getByTestId('notice').innerText(), poll)
        .toMatch(/replayed with 1 changed parameter/);
      await page.keyboard.press('Escape');
      // The run stands at the same time, replayed with the skin losing heat more slowly.
      await expect.poll(() => clockS(page), poll).toBe(1200);
      await expect
        .poll(() => page.getByTestId('reading-skin').innerText(), poll)
        .not.toBe(skinBefore);

      // The save carries the override; a reload restores the run with it.
      await expect
        .poll(async () => {
          const saved = await page.evaluate(() =>
            localStorage.getItem(`coldboot:saved-run:${sessionStorage.getItem('coldboot:tab-id')}`),
          );
          return saved
            ? (JSON.parse(saved) as { log: { parameters: object } }).log.parameters
            : null;
        }, poll)
        .toEqual({ waterHeatTransferWPerM2K: 50 });
      const skinEdited = await page.getByTestId('reading-skin').innerText();
      await page.reload();
      await expect.poll(() => page.getByTestId('notice').innerText(), poll).toMatch(/Restored/);
      await expect.poll(() => clockS(page), poll).toBe(1200);
      expect(await page.getByTestId('reading-skin').innerText()).toBe(skinEdited);
      await page.getByTestId('open-model').click();
      await expect
        .poll(() => page.getByTestId('explorer-changed-count').innerText(), poll)
        .toBe('1 parameter changed');
      await page.screenshot({ path: `${OUT_DIR}/sandbox-parameters.png` });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
