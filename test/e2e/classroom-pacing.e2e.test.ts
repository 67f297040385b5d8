// End-to-end: pacing a live class, in Chromium against the classroom server (in-process, a free
// port, a fresh data folder). The instructor holds the class at the tutorial's prompts and starts
// it: both learners wait at the first prompt, locked, and the console shows them waiting; the
// instructor follows one learner live (trend and action log), releases her alone, then everyone;
// a pause of the class locks the learners' Play with a message; the instructor keeps everyone at
// the class's speed (a learner's speed control and keys locked, with the reason) and frees it; a group gets a message nobody else
// does; the class debrief shows the common mistakes, and its zip of run logs downloads and each
// log replays with `coldboot debrief`. Screenshots of the console with the drill-down open and of
// the class debrief at 1280×720 and 1920×1080 go to test-results/e2e/.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { poll, row, screenOf, shoot, useClassHarness, withClass } from './classroomHarness.ts';

const harness = useClassHarness('coldboot-class-pacing-');

const runStatus = (page: Page) => page.getByTestId('run-status').innerText();
const lockOf = async (page: Page) =>
  (await page.getByTestId('class-lock').count()) > 0
    ? page.getByTestId('class-lock').getAttribute('data-lock')
    : null;

describe('pacing a live class', () => {
  it('holds at prompts, locks a paused class, follows a learner, targets a group, exports the logs', async () => {
    await withClass(harness, { acceptDownloads: true }, async (cls) => {
      const { console, learners } = cls;
      const ana = await cls.join('Ana');
      const ben = await cls.join('Ben');
      await expect.poll(() => console.getByTestId('class-row').count(), poll).toBe(2);

      // Hold at prompts, then start: both wait at the tutorial's first prompt (at 0:00), locked.
      // (The box shows the server's state: it is ticked once the server has it.)
      await console.getByTestId('hold-prompts').click();
      await expect.poll(() => console.getByTestId('hold-prompts').isChecked(), poll).toBe(true);
      await console.getByTestId('class-speed').selectOption('60');
      await console.getByTestId('start-all').click();
      for (const l of learners) {
        await expect.poll(() => screenOf(l.page), poll).toBe('run');
        await expect.poll(() => lockOf(l.page), poll).toBe('held');
      }
      await expect.poll(() => row(console, 1).getAttribute('data-held'), poll).toBe('1');
      await expect.poll(() => row(console, 2).getAttribute('data-held'), poll).toBe('1');
      expect(await row(console, 1).innerText()).toContain('waiting at prompt 1');
      // Play does nothing while held.
      await ana.page.getByTestId('play-pause').click();
      await ana.page.keyboard.press('p');
      expect(await runStatus(ana.page)).not.toBe('Running');
      expect(await ana.page.getByTestId('clock').innerText()).toBe('0:00:00');

      // Follow Ana: the drill-down; release her alone; Ben still waits.
      await row(console, 1).click();
      await expect
        .poll(() => console.getByTestId('drill-down').getAttribute('data-learner'), poll)
        .toBe('1');
      await expect
        .poll(() => console.getByTestId('release').innerText(), poll)
        .toBe('Release 1 waiting');
      await console.getByTestId('release').click();
      await expect.poll(() => lockOf(ana.page), poll).toBe(null);
      await expect.poll(() => runStatus(ana.page), poll).toBe('Running');
      await expect.poll(() => ana.page.getByTestId('clock').innerText(), poll).not.toBe('0:00:00');
      expect(await lockOf(ben.page)).toBe('held');
      expect(await row(console, 2).getAttribute('data-held')).toBe('1');

      // Ana cannulates: her drill-down shows it and her trend grows.
      await ana.page.getByRole('tab', { name: /^Heart-lung/ }).click();
      await ana.page.getByRole('button', { name: 'Cannulate VA-ECMO' }).click();
      await expect
        .poll(() => console.getByTestId('drill-log').innerText(), poll)
        .toMatch(/[Cc]annulate/);
      await expect
        .poll(
          async () => Number(await console.getByTestId('drill-trend').getAttribute('data-points')),
          poll,
        )
        .toBeGreaterThan(2);
      // Cannulated: the tutorial's second prompt holds her.
      await expect.poll(() => lockOf(ana.page), poll).toBe('held');
      await expect.poll(() => row(console, 1).getAttribute('data-held'), poll).toBe('2');
      await shoot(console, 'console-drill-down');

      // Release everyone waiting: Ana from prompt 2, Ben from prompt 1.
      await console.getByTestId('inject-target').selectOption('all');
      await expect
        .poll(() => console.getByTestId('release').innerText(), poll)
        .toBe('Release 2 waiting');
      await console.getByTestId('release').click();
      for (const l of learners) {
        await expect.poll(() => lockOf(l.page), poll).toBe(null);
        await expect.poll(() => runStatus(l.page), poll).toBe('Running');
      }

      // Pause all: locked, with a message; Play does nothing. Resume all: running again.
      await console.getByTestId('pause-all').click();
      for (const l of learners) {
        await expect.poll(() => lockOf(l.page), poll).toBe('paused');
        await expect.poll(() => runStatus(l.page), poll).not.toBe('Running');
      }
      expect(await ben.page.getByTestId('class-lock').innerText()).toContain('paused the class');
      const clock = await ben.page.getByTestId('clock').innerText();
      await ben.page.getByTestId('play-pause').click();
      await ben.page.getByTestId('step').click();
      expect(await runStatus(ben.page)).not.toBe('Running');
      expect(await ben.page.getByTestId('clock').innerText()).toBe(clock);
      // A class follows one path: no rewind from the event log or the trends.
      expect(await ben.page.getByTestId('log-rewind').count()).toBe(0);
      expect(await ben.page.getByTestId('rewind-button').count()).toBe(0);
      await console.getByTestId('resume-all').click();
      await expect.poll(() => lockOf(ben.page), poll).toBe(null);
      await expect.poll(() => runStatus(ben.page), poll).toBe('Running');

      // Learners choose their speed, until the instructor keeps everyone at the class's: Ben's
      // own choice is undone, his speed control is locked with a reason, and `]` does nothing.
      await ben.page.getByTestId('speed').selectOption('600');
      expect(await ben.page.getByTestId('speed').inputValue()).toBe('600');
      expect(await console.getByTestId('own-speed').isChecked()).toBe(true);
      await console.getByTestId('own-speed').click();
      await expect.poll(() => console.getByTestId('own-speed').isChecked(), poll).toBe(false);
      await expect.poll(() => ben.page.getByTestId('speed').inputValue(), poll).toBe('60');
      expect(await ben.page.getByTestId('speed').isDisabled()).toBe(true);
      expect(await ben.page.getByTestId('speed-lock').innerText()).toContain('instructor');
      await ben.page.locator('body').press(']');
      await ben.page.locator('body').press(']');
      expect(await ben.page.getByTestId('speed').inputValue()).toBe('60');
      await console.getByTestId('class-speed').selectOption('120');
      await expect.poll(() => ben.page.getByTestId('speed').inputValue(), poll).toBe('120');
      await ben.page.locator('body').press('[');
      expect(await ben.page.getByTestId('speed').inputValue()).toBe('120');
      // On again: Ben chooses.
      await console.getByTestId('own-speed').click();
      await expect.poll(() => ben.page.getByTestId('speed').isDisabled(), poll).toBe(false);
      expect(await ben.page.getByTestId('speed-lock').count()).toBe(0);
      await ben.page.locator('body').press(']');
      await expect.poll(() => ben.page.getByTestId('speed').inputValue(), poll).toBe('300');

      // A group: Ben alone in "Red"; a message to the group reaches him, not Ana.
      await row(console, 2).getByTestId('class-tick').check();
      await console.getByTestId('group-name').fill('Red');
      await console.getByTestId('group-selected').click();
      await expect.poll(() => row(console, 2).getAttribute('data-group'), poll).toBe('Red');
      await console.getByTestId('inject-target').selectOption('group:Red');
      await console.getByTestId('console-message').fill('Red team: check the sweep');
      await console.getByTestId('console-send').click();
      await expect
        .poll(() => ben.page.locator('.log-list').innerText(), poll)
        .toContain('Red team: check the sweep');
      expect(await ana.page.locator('.log-list').innerText()).not.toContain('Red team');

      // End: the class debrief with its mistakes, and the zip of run logs.
      await console.getByTestId('end-session').click();
      await expect.poll(() => console.getByTestId('class-debrief').isVisible(), poll).toBe(true);
      await expect.poll(() => console.getByTestId('class-mistakes').isVisible(), poll).toBe(true);
      await shoot(console, 'class-debrief-mistakes');
      const [download] = await Promise.all([
        console.waitForEvent('download'),
        console.getByTestId('download-zip').click(),
      ]);
      const zipPath = join(harness.dataDir, 'downloaded.zip');
      await download.saveAs(zipPath);
      const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
      expect(Object.keys(files).sort()).toEqual([
        'hlm-tutorial.yaml',
        'learner-1.json',
        'learner-2.json',
        'results.csv',
      ]);
      const out = mkdtempSync(join(tmpdir(), 'coldboot-class-zip-'));
      try {
        for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
        for (const n of [1, 2]) {
          let text = '';
          const code = await main(
            [
              'debrief',
              join(out, 'hlm-tutorial.yaml'),
              join(out, `learner-${n}.json`),
              '--format',
              'json',
            ],
            { stdout: (t) => (text += t), stderr: () => {} },
          );
          expect(code).toBe(0);
          expect((JSON.parse(text) as { actions: unknown[] }).actions.length).toBeGreaterThan(0);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      expect(cls.errors().filter((e) => !/WebSocket/.test(e))).toEqual([]);
    });
  }, 400_000);
});
