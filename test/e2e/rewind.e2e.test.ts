// End-to-end: "What if?" (issue 20). A learner plays the warm-water drowning, rewinds from the event
// log (from the keyboard) to the moment they started compressions and ventilates first instead,
// then picks a moment on the trend chart (a click: a cursor and its time in the "Rewind to" box),
// types another moment and rewinds there from the keyboard, and stops the compressions. Both paths
// left are drawn faintly on both charts, with a legend and a description for screen readers; axe
// finds nothing serious on the run screen after the rewinds. A reload keeps both paths; the debrief
// compares each with the run (outcome, brain cells, the first action where they differ). At
// 1280×720, 1024×768, 390×844 and 1920×1080; screenshots in test-results/e2e/rewind-<size>-*.png.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 60_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');
const status = (page: Page) => page.getByTestId('run-status').innerText();
const clock = (page: Page) => page.getByTestId('clock').innerText();

function seconds(text: string): number {
  return text
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

const SIZES = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '390x844', width: 390, height: 844, touch: true },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

/** Steps `n` times (a minute each at 60×), waiting for each step to land. */
async function step(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = seconds(await clock(page));
    await page.getByTestId('step').click();
    await expect.poll(async () => seconds(await clock(page)), poll).toBeGreaterThan(before);
    await expect.poll(() => status(page), poll).toBe('Paused');
  }
}

/** Closes the notice (it may lie over the controls on a small screen), after reading it. */
async function notice(page: Page): Promise<string> {
  const toast = page.getByTestId('notice');
  await expect.poll(() => toast.count(), poll).toBe(1);
  const text = await toast.locator('span').first().innerText();
  await page.getByRole('button', { name: 'Close the notice' }).click();
  return text;
}

/** The faint lines drawn on a chart: one group per path left, each with its series' lines. */
async function faintPaths(page: Page, chart: 'trend-chart' | 'vitals-chart') {
  return page.evaluate((id) => {
    const groups = document.querySelectorAll(
      `svg[data-testid="${id}"] [data-testid="left-paths"] g[data-path]`,
    );
    return Array.from(groups, (g) => ({
      title: g.querySelector('title')?.textContent ?? '',
      drawn: Array.from(g.querySelectorAll('path')).filter(
        (p) => (p.getAttribute('d') ?? '').length > 10,
      ).length,
    }));
  }, chart);
}

describe('rewind and branch ("What if?")', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: rewinds from the log and the trends, keeps both paths, compares them`, async () => {
      const context = await harness.browser.newContext({
        viewport: { width: size.width, height: size.height },
        hasTouch: 'touch' in size,
      });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const shot = (name: string, fullPage = false) =>
        page.screenshot({ path: `${OUT_DIR}/rewind-${size.name}-${name}.png`, fullPage });
      const log = page.locator('.log-list');
      const bedside = (name: RegExp) => page.getByRole('button', { name });
      try {
        await page.goto(`${harness.baseUrl}?scenario=warm-water-drowning.yaml`);
        await expect.poll(() => screenOf(page), poll).toBe('briefing');
        await page.getByTestId('start-run').click();
        await expect.poll(() => status(page), poll).toBe('Ready');
        await page.getByTestId('speed').selectOption('60');

        // The first path: compressions at 3:00, ventilation at 5:00, on to 8:00.
        await step(page, 3);
        expect(await clock(page)).toBe('0:03:00');
        await bedside(/^Start CPR manual/).click();
        await expect.poll(() => log.innerText(), poll).toContain('Chest compressions started');
        await step(page, 2);
        await bedside(/^Ventilate$/).click();
        await expect.poll(() => log.innerText(), poll).toContain('Ventilation with FiO₂ 1.00');
        await step(page, 3);
        expect(await clock(page)).toBe('0:08:00');

        // Rewind from the event log, from the keyboard: back to just before the compressions.
        const cprEntry = page.locator('.log-entry', { hasText: 'Chest compressions started' });
        const rewindCpr = cprEntry.getByRole('button', { name: 'Rewind to this moment, 0:03:00' });
        await rewindCpr.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => clock(page), poll).toBe('0:03:00');
        await expect.poll(() => status(page), poll).toBe('Paused');
        expect(await notice(page)).toBe(
          'Rewound to 0:03:00, paused; the path you left is drawn faintly on the trends.',
        );
        expect(await log.innerText()).not.toContain('Chest compressions started');
        await expect
          .poll(() => page.getByTestId('trend-paths-legend').innerText(), poll)
          .toContain('Faint: path left at 0:08:00 (from 0:03:00)');

        // Another path: oxygen first, then compressions, on to 6:00.
        await bedside(/^Ventilate$/).click();
        await expect.poll(() => log.innerText(), poll).toContain('Ventilation with FiO₂ 1.00');
        await bedside(/^Start CPR manual/).click();
        await expect.poll(() => log.innerText(), poll).toContain('Chest compressions started');
        await step(page, 3);
        expect(await clock(page)).toBe('0:06:00');

        // Rewind from the trends: a click on the chart picks a moment (a cursor, its time in the
        // box); a time typed in the box, then Enter, goes back there.
        const chart = page.getByTestId('trend-chart');
        await chart.scrollIntoViewIfNeeded();
        const box = (await chart.boundingBox())!;
        await page.mouse.click(box.x + 56 + 5, box.y + box.height / 2);
        await expect.poll(() => page.getByTestId('rewind-cursor').count(), poll).toBe(2);
        const picked = await page.getByTestId('rewind-time').inputValue();
        expect(seconds(picked)).toBeLessThanOrEqual(6 * 60);
        expect(await page.getByTestId('rewind-button').innerText()).toBe('Rewind to here');
        await shot('1-picked');
        const time = page.getByRole('textbox', { name: 'Rewind to' });
        await time.fill('0:04:30');
        await time.press('Enter');
        await expect.poll(() => clock(page), poll).toBe('0:04:30');
        expect(await notice(page)).toMatch(/^Rewound to 0:04:30, paused/);
        await expect
          .poll(() => page.getByTestId('trend-paths-legend').innerText(), poll)
          .toContain('Faint: 2 paths left (from 0:03:00, 0:04:30)');

        // A third path: the compressions stop. Zoomed in, the faint lines are plain to see.
        await bedside(/^Stop CPR$/).click();
        await expect.poll(() => log.innerText(), poll).toContain('Chest compressions stopped');
        await step(page, 2);
        for (let i = 0; i < 4; i++) await page.getByTestId('trend-zoom-in').click();
        for (const id of ['trend-chart', 'vitals-chart'] as const) {
          await expect.poll(async () => (await faintPaths(page, id)).length, poll).toBe(2);
          const paths = await faintPaths(page, id);
          expect(paths.map((p) => p.title)).toEqual([
            'Path left at 0:08:00 (rewound to 0:03:00)',
            'Path left at 0:06:00 (rewound to 0:04:30)',
          ]);
          for (const p of paths) expect(p.drawn).toBeGreaterThan(0);
        }
        // In words for screen readers, and described to a chart's reader.
        const description = await page.getByTestId('trend-paths-description').innerText();
        expect(description).toMatch(
          /Path left at 0:08:00 \(rewound to 0:03:00\): when it was left, brain \d+\.\d °C, core \d+\.\d °C, heart rate \d+ per minute, brain cells viable \d+ %\./,
        );
        expect(await chart.locator('..').getAttribute('aria-describedby')).toContain(
          'trend-paths-text',
        );
        if ('touch' in size) {
          // Touch-sized: every new target is at least 44 px each way.
          const small = await page.evaluate(() =>
            Array.from(
              document.querySelectorAll<HTMLElement>(
                '[data-testid="rewind-time"], [data-testid="rewind-button"], [data-testid="trend-paths-toggle"], [data-testid="log-rewind"]',
              ),
            )
              .map((el) => el.getBoundingClientRect())
              .filter((r) => r.width < 43.5 || r.height < 43.5)
              .map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`),
          );
          expect(small).toEqual([]);
        }
        await page.getByTestId('trend-chart').scrollIntoViewIfNeeded();
        await shot('2-two-paths');
        expect(await seriousViolations(page)).toEqual([]);

        // A reload keeps both paths, drawn again once traced.
        await page.reload();
        await expect.poll(() => clock(page), poll).toBe('0:06:30');
        expect(await notice(page)).toBe('Restored your run at 0:06:30.');
        await expect
          .poll(() => page.getByTestId('trend-paths-legend').innerText(), poll)
          .toContain('2 paths left');
        await expect.poll(async () => (await faintPaths(page, 'trend-chart')).length, poll).toBe(2);
        await page.getByTestId('trend-chart').scrollIntoViewIfNeeded();
        await shot('3-reloaded');

        // The debrief compares each path left with the run.
        await page.getByTestId('end-run').click();
        await expect.poll(() => screenOf(page), poll).toBe('debrief');
        const paths = page.getByTestId('debrief-paths');
        await expect.poll(() => paths.count(), { timeout: 120_000 }).toBe(1);
        const comparisons = page.getByTestId('path-comparison');
        expect(await comparisons.count()).toBe(2);
        const first = await comparisons.nth(0).innerText();
        expect(first).toContain('Path left at 0:08:00 (rewound to 0:03:00)');
        expect(first).toContain('Compared at 0:06:30');
        expect(first).toMatch(/Brain cells viable\s+\d+\.?\d* %\s+\d+\.?\d* %/);
        expect(first).toContain(
          'First action where they differ, at 0:03:00: this run Ventilation with FiO₂ 1.00 (you, 0:03:00); the path left Chest compressions started (manual) (you, 0:03:00).',
        );
        const second = await comparisons.nth(1).innerText();
        expect(second).toContain('Path left at 0:06:00 (rewound to 0:04:30)');
        expect(second).toContain(
          'First action where they differ, at 0:04:30: this run Chest compressions stopped (you, 0:04:30); the path left nothing more.',
        );
        await paths.scrollIntoViewIfNeeded();
        await shot('4-debrief');
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 300_000);
  }
});
