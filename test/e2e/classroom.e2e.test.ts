// End-to-end: the classroom around the run. The instructor's own window (`?instructor=1`, opened from
// the in-page panel) drives the learners' run over a BroadcastChannel while the projector shows only
// the learners' view; the keyboard reaches everything (skip links, single-key shortcuts, the `?`
// dialog, arrow keys in tabs); a prompt at time zero shows beside Play; the odds and model dialogs
// pause the run. Run with `npm run test:e2e` (builds first).

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 30_000 };
const status = (page: Page) => page.getByTestId('run-status').innerText();
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');

/** Opens the tutorial on the run screen, ready to play. */
async function openTutorial(page: Page): Promise<void> {
  await page.goto(`${harness.baseUrl}?scenario=hlm-tutorial.yaml`);
  await expect.poll(() => screenOf(page), poll).toBe('briefing');
  await page.getByTestId('start-run').click();
  await expect.poll(() => screenOf(page), poll).toBe('run');
  await expect.poll(() => status(page), poll).toBe('Ready');
}

async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('the classroom', () => {
  it("gives the instructor a window of their own, linked to the learners' run", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await openTutorial(page);
      await page.getByTestId('instructor-switch').click();
      await expect.poll(() => page.getByTestId('instructor-panel').isVisible(), poll).toBe(true);
      const [popup] = await Promise.all([
        context.waitForEvent('page'),
        page.getByTestId('open-instructor-window').click(),
      ]);
      const popupErrors = watchErrors(popup);
      await popup.setViewportSize({ width: 1024, height: 768 });
      await expect
        .poll(() => popup.getByTestId('instructor-link').getAttribute('data-link'), poll)
        .toBe('connected');
      expect(new URL(popup.url()).searchParams.get('instructor')).toBe('1');
      // The projector shows only the learners' view: the in-page panel has gone.
      await expect.poll(() => page.getByTestId('instructor-panel').count(), poll).toBe(0);
      expect(await page.getByTestId('instructor-switch').getAttribute('aria-pressed')).toBe(
        'false',
      );

      // The instructor window shows the run: its title, clock and monitor.
      await expect.poll(() => popup.locator('h1').innerText(), poll).toContain('Tutorial');
      await expect.poll(() => popup.getByTestId('clock').innerText(), poll).toBe('0:00:00');
      await expect
        .poll(() => popup.getByTestId('monitor-rhythm').innerText(), poll)
        .toBe('ventricular fibrillation');

      // A message reaches the learners; a fault is in the run but not in their log.
      await popup.getByTestId('instructor-message').fill('Check the venous line, please');
      await popup.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => page.locator('.log-list').innerText(), poll)
        .toContain('Check the venous line, please');
      await popup.getByTestId('instructor-fault').selectOption('venous-kink');
      await popup.getByTestId('inject-fault').click();
      await expect
        .poll(() => popup.locator('.log-list').innerText(), poll)
        .toContain('Fault: venous line kinked');
      expect(await page.locator('.log-list').innerText()).not.toContain('Fault');

      // Pause and resume from the instructor's window.
      await popup.getByTestId('instructor-pause').click();
      await expect.poll(() => status(page), poll).toBe('Running');
      await expect.poll(() => status(popup), poll).toBe('Running');
      await popup.getByTestId('instructor-pause').click();
      await expect.poll(() => status(page), poll).toBe('Paused');

      await popup.screenshot({ path: `${OUT_DIR}/instructor-window-1024x768.png` });
      expect(await noSidewaysScroll(popup)).toBe(true);
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.setViewportSize({ width: 390, height: 844 });
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: `${OUT_DIR}/instructor-window-390x844.png` });
      expect(await noSidewaysScroll(popup)).toBe(true);
      await page.screenshot({ path: `${OUT_DIR}/instructor-window-learners-view.png` });

      // The learners' window closes: the instructor's says so.
      await page.close({ runBeforeUnload: true });
      await expect
        .poll(() => popup.getByTestId('instructor-link').getAttribute('data-link'), poll)
        .toBe('gone');
      expect([...errors, ...popupErrors]).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reaches everything from the keyboard, shows a prompt at time zero and pauses behind dialogs', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await openTutorial(page);
      // The tutorial's first step, a prompt at time zero, is beside Play before anything runs.
      await expect
        .poll(() => page.getByTestId('stop-reason').innerText(), poll)
        .toMatch(/Step 1 of 8/);
      // In the event log, the step is shown from its first line, not half scrolled out.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const list = document.querySelector('.log-list');
            const entry = Array.from(list?.querySelectorAll('.log-message') ?? []).at(-1);
            if (!list || !entry) return 'no step in the log';
            const l = list.getBoundingClientRect();
            const e = entry.getBoundingClientRect();
            return e.top >= l.top - 1 && e.top < l.bottom ? 'from its start' : 'scrolled out';
          }),
        )
        .toBe('from its start');
      // Plain words at time zero: nothing is warming yet.
      expect(await page.getByTestId('self-check-words').innerText()).not.toMatch(/warm/);

      // The screen opens with focus on its heading; the next Tab stop is a skip link, which moves
      // focus to the controls.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
      await page.keyboard.press('Tab');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Skip to the controls');
      await page.screenshot({ path: `${OUT_DIR}/keyboard-skip-link.png` });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('run-controls');
      await page.getByRole('link', { name: 'Skip to the interventions' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('run-interventions');

      // `?` lists the shortcuts; Escape closes the list.
      await page.keyboard.press('?');
      await expect.poll(() => page.getByTestId('keys-dialog').isVisible(), poll).toBe(true);
      expect(await page.getByTestId('keys-dialog').innerText()).toContain('Play or pause');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${OUT_DIR}/keyboard-help.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('keys-dialog').count(), poll).toBe(0);

      // Speed, tabs and play from the keyboard.
      await page.getByTestId('speed').selectOption('60');
      await page.locator('body').focus();
      await page.keyboard.press(']');
      await expect.poll(() => page.getByTestId('speed').inputValue()).toBe('120');
      await page.keyboard.press('[');
      await page.keyboard.press('[');
      await expect.poll(() => page.getByTestId('speed').inputValue()).toBe('10');
      await page.keyboard.press('2');
      await expect
        .poll(() => page.getByTestId('intervention-tab-hlm').getAttribute('aria-selected'))
        .toBe('true');
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByTestId('intervention-tab-rewarming').getAttribute('aria-selected'))
        .toBe('true');
      await page.keyboard.press('p');
      await expect.poll(() => status(page), poll).toBe('Running');
      await expect.poll(() => page.getByTestId('clock').innerText(), poll).not.toBe('0:00:00');

      // The odds and model dialogs pause the run: nothing happens behind them.
      await page.keyboard.press('o');
      await expect.poll(() => page.getByTestId('odds-panel').isVisible(), poll).toBe(true);
      await expect.poll(() => status(page), poll).toBe('Paused');
      await page.getByTestId('odds-close').click();
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => status(page), poll).toBe('Running');
      await page.getByTestId('open-model').click();
      await expect.poll(() => page.getByTestId('model-explorer').isVisible(), poll).toBe(true);
      await expect.poll(() => status(page), poll).toBe('Paused');
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
