// End-to-end: faults must be found, not handed over (issue 20). The instructor injects a fault; the
// learners' console shows only what a real console shows (readings, then the alarm) and the same six
// remedies as always; a wrong remedy is applied (with its clamp) and logged and fixes nothing; the
// right one fixes it; the debrief gives the time to detect and to fix. At 1280×720 and 1024×768.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 60_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');
const status = (page: Page) => page.getByTestId('run-status').innerText();

async function clockS(page: Page): Promise<number> {
  const text = await page.getByTestId('clock').innerText();
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Steps once (one second at the chosen speed) and waits for the clock to move on. */
async function step(page: Page): Promise<void> {
  const before = await clockS(page);
  await page.getByRole('button', { name: /^Step / }).click();
  await expect.poll(() => clockS(page), poll).toBeGreaterThan(before);
  await expect.poll(() => status(page), poll).toBe('Paused');
}

/** Types a console setting and presses Enter. */
async function typeSetting(page: Page, id: string, value: string): Promise<void> {
  const box = page.getByTestId(`setting-${id}-value`);
  await box.fill(value);
  await box.press('Enter');
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

describe('faults are found from the console, not handed over', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: alarm, a wrong remedy, the right one, the debrief's times`, async () => {
      const context = await harness.browser.newContext({ viewport: size });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const shot = (name: string) =>
        page.screenshot({ path: `${OUT_DIR}/faults-${name}-${size.width}.png` });
      const log = page.locator('.log-list');
      const alarms = page.getByTestId('hlm-alarms');
      try {
        await page.goto(`${harness.baseUrl}?scenario=failure-drill.yaml`);
        await expect.poll(() => screenOf(page), poll).toBe('briefing');
        await page.getByTestId('start-run').click();
        await expect.poll(() => status(page), poll).toBe('Ready');

        // The circuit is connected on the first step: sweep gas, then flow.
        await page.getByTestId('intervention-tab-hlm').click();
        await page.getByLabel('Speed').selectOption('60');
        await step(page);
        await expect
          .poll(() => page.getByTestId('setting-sweep-value').isEnabled(), poll)
          .toBe(true);
        await typeSetting(page, 'sweep', '4.5');
        await expect.poll(() => log.innerText(), poll).toContain('sweep 4.5 L/min');
        await typeSetting(page, 'pump-flow', '4.5');
        await expect.poll(() => log.innerText(), poll).toContain('Pump flow set to 4.5 L/min');
        await step(page);
        await expect
          .poll(() => page.getByTestId('circuit-status').innerText(), poll)
          .toContain('running');

        // The six remedies are there before any fault, always the same.
        const remedies = page.locator('[data-testid^="remedy-"]');
        expect(await remedies.count()).toBe(6);

        // The instructor kinks the venous line.
        await page.getByTestId('instructor-switch').click();
        await page.getByTestId('instructor-fault').selectOption('venous-kink');
        await page.getByTestId('inject-fault').click();
        await page.getByTestId('instructor-switch').click();
        await expect.poll(() => page.getByTestId('instructor-panel').count(), poll).toBe(0);

        // Nothing names the fault or its fix: no new button, nothing in the learners' log.
        expect(await remedies.count()).toBe(6);
        expect(await page.getByRole('button', { name: /unkink/i }).count()).toBe(0);
        expect(await log.innerText()).not.toMatch(/kink/i);

        // The alarm comes from the readings, as on a real console, without its cause.
        await step(page);
        await expect.poll(() => alarms.innerText(), poll).toContain('Pump flow below the flow set');
        expect(await alarms.innerText()).not.toMatch(/kink/i);
        await page.getByTestId('hlm-alarms').scrollIntoViewIfNeeded();
        await shot('1-alarm');
        expect(await seriousViolations(page)).toEqual([]);

        // A wrong remedy: the oxygenator is changed out (the circuit clamped), logged, no fix.
        await page.getByTestId('remedy-change-oxygenator').click();
        await expect
          .poll(() => log.innerText(), poll)
          .toContain('Heart-lung machine: change out the oxygenator');
        await step(page);
        await expect.poll(() => alarms.innerText(), poll).toContain('Pump flow below the flow set');
        await page.getByTestId('hlm-acknowledge').click();
        await expect.poll(() => log.innerText(), poll).toContain('Alarms acknowledged');

        // The right remedy; once the change-out's clamp is off, the flow is back and the alarm gone.
        await page.getByTestId('remedy-check-lines').click();
        await expect
          .poll(() => log.innerText(), poll)
          .toContain('Heart-lung machine: check the lines');
        for (let i = 0; i < 4; i++) await step(page);
        await expect.poll(() => alarms.innerText(), poll).not.toContain('Pump flow below');
        await shot('2-fixed');

        // The debrief: time to detect (the first remedy, here the wrong one) and to fix.
        await page.getByRole('button', { name: 'End and debrief' }).click();
        await expect.poll(() => screenOf(page), poll).toBe('debrief');
        const faults = page.getByTestId('debrief-faults');
        await expect.poll(() => faults.count(), { timeout: 120_000 }).toBe(1);
        const text = await faults.innerText();
        expect(text).toContain('Venous line kinked');
        expect(text).toMatch(/\d+:\d\d after \(remedy\)/);
        expect(text).toContain('Change out the oxygenator (');
        expect(text).not.toContain('not fixed');
        await faults.scrollIntoViewIfNeeded();
        await shot('3-debrief');
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 300_000);
  }
});
