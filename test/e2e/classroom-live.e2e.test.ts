// End-to-end: a live class (`coldboot classroom`). The test starts the classroom server itself
// (in-process, a free port, a fresh data folder) on the built app, opens the instructor's console
// and three learners (separate browser contexts: separate storage, as separate laptops). The
// learners join and the instructor starts them; one cannulates; the instructor pauses everyone,
// injects a pump failure into that learner alone and sees its alarm on the console; another
// learner goes offline for a while, misses nothing and sends nothing twice; the instructor ends the
// session and the class debrief appears, anonymous, with a CSV that matches the CLI's replay of
// the logs. Screenshots of the console, the join screen and the class debrief at 1280×720 and
// 1920×1080 go to test-results/e2e/.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { WebSocket } from 'ws';
import { CLASSROOM_WS_PATH } from '../../src/classroom/protocol.ts';
import { startClassroom } from '../../src/classroom/server.ts';
import { bar, poll, row, screenOf, shoot, useClassHarness, withClass } from './classroomHarness.ts';
import { DIST, OUT_DIR, ROOT, watchErrors } from './harness.ts';

const harness = useClassHarness('coldboot-class-e2e-');

/** The run's status line, or "Ended" once the run has gone on to its debrief. */
const statusOf = async (page: Page) =>
  (await page.getByTestId('run-status').count()) > 0
    ? page.getByTestId('run-status').innerText()
    : 'Ended';

describe('the live classroom', () => {
  it('runs a class: join, start, pause, a fault to one learner, a lost network, the class debrief', async () => {
    await withClass(harness, {}, async (cls) => {
      const { console, learners } = cls;
      const { classroom } = harness;
      expect(await console.getByTestId('console-code').innerText()).toBe(classroom.code);

      // The join screen for the projector: the address, the code and the QR code.
      await console.getByTestId('show-join').click();
      await expect
        .poll(() => console.getByTestId('join-code').innerText(), poll)
        .toBe(classroom.code);
      expect(await console.getByTestId('join-url').innerText()).toBe(classroom.joinUrl);
      await expect
        .poll(
          () =>
            console.locator('img.class-qr').evaluate((img: HTMLImageElement) => img.naturalWidth),
          poll,
        )
        .toBeGreaterThan(0);

      // Three learners join (one anonymous) and land in the briefing.
      const ana = await cls.join('Ana <b>Lopez</b>');
      const ben = await cls.join('Ben');
      const third = await cls.join('');
      await expect
        .poll(() => console.getByTestId('join-count').innerText(), poll)
        .toBe('3 learners have joined');
      await shoot(console, 'join-screen');
      await console.getByRole('button', { name: 'Back to the console' }).click();

      // The console: everyone, connected; names only when asked (and as text, never markup).
      await expect.poll(() => console.getByTestId('class-row').count(), poll).toBe(3);
      await expect
        .poll(
          () => console.locator('[data-testid="class-row"][data-connected="true"]').count(),
          poll,
        )
        .toBe(3);
      expect(await console.getByTestId('class-table').innerText()).not.toContain('Ana');
      await console.getByTestId('show-names').check();
      expect(await row(console, 1).locator('th').innerText()).toContain('Ana <b>Lopez</b>');
      expect(await row(console, 3).locator('th').innerText()).toContain('Learner 3');

      // A common speed, then start all: every learner on the run screen, running.
      await console.getByTestId('class-speed').selectOption('10');
      await console.getByTestId('start-all').click();
      for (const l of learners) {
        await expect.poll(() => screenOf(l.page), poll).toBe('run');
        await expect.poll(() => l.page.getByTestId('speed').inputValue(), poll).toBe('10');
        await expect.poll(() => l.page.getByTestId('clock').innerText(), poll).not.toBe('0:00:00');
      }
      // Ana cannulates (the tutorial's step 1); the console follows her clock.
      await ana.page.getByRole('tab', { name: /^Heart-lung/ }).click();
      await ana.page.getByRole('button', { name: 'Cannulate VA-ECMO' }).click();
      await expect.poll(() => row(console, 1).innerText(), poll).toMatch(/Cannulate|cannulate/);
      await ana.page.getByTestId('speed').selectOption('600');
      if ((await statusOf(ana.page)) !== 'Running')
        await ana.page.getByRole('button', { name: 'Play' }).click();
      // Cannulated: the tutorial's step 2 stops her run.
      await expect
        .poll(() => ana.page.locator('.log-list').innerText(), poll)
        .toMatch(/Step 2\. The cannulae are in/);

      // Pause all: nobody runs.
      await console.getByTestId('pause-all').click();
      for (const l of learners) await expect.poll(() => statusOf(l.page), poll).not.toBe('Running');
      await expect.poll(() => console.getByTestId('class-pacing').innerText(), poll).toBe('Paused');

      // A pump failure to Ana alone; resume all; her alarm shows on the console, nobody else's.
      await row(console, 1).click();
      await console.getByTestId('console-fault').selectOption('pump-failure');
      await console.getByTestId('console-inject-fault').click();
      await console.getByTestId('resume-all').click();
      await expect
        .poll(() => row(console, 1).getAttribute('data-alarms'), poll)
        .toContain('pump-failure');
      await expect.poll(() => row(console, 1).locator('.class-alarm').count(), poll).toBe(1);
      expect(await row(console, 2).getAttribute('data-alarms')).toBe('');
      // Hidden from her event log, as the in-page instructor panel's faults are.
      expect(await ana.page.locator('.log-list').innerText()).not.toContain('Fault');
      await shoot(console, 'console');

      // Ben loses the network for a while: the console sees him go; a message sent meanwhile
      // reaches him once he is back, once; his log catches up, nothing counted twice.
      await ben.context.setOffline(true);
      await expect.poll(() => row(console, 2).getAttribute('data-connected'), poll).toBe('false');
      await expect.poll(() => bar(ben.page, 'data-link'), poll).toBe('offline');
      await console.getByTestId('inject-target').selectOption({ label: 'Ben' });
      await console.getByTestId('console-message').fill('Ben: check your venous line');
      await console.getByTestId('console-send').click();
      // He works on offline: his run is his own.
      const before = Number(await bar(ben.page, 'data-local'));
      await ben.page.getByRole('tab', { name: /^Heart-lung/ }).click();
      await ben.page.getByRole('button', { name: 'Cannulate VA-ECMO' }).click();
      await expect
        .poll(async () => Number(await bar(ben.page, 'data-local')), poll)
        .toBeGreaterThan(before);
      await ben.context.setOffline(false);
      await expect.poll(() => bar(ben.page, 'data-link'), poll).toBe('connected');
      await expect.poll(() => row(console, 2).getAttribute('data-connected'), poll).toBe('true');
      await expect
        .poll(() => ben.page.locator('.log-list').innerText(), poll)
        .toContain('Ben: check your venous line');
      await console.getByTestId('pause-all').click();
      for (const l of learners) await expect.poll(() => statusOf(l.page), poll).not.toBe('Running');
      // Everything he did is held once: the server's count is his run's.
      await expect
        .poll(
          async () => [
            Number(await row(console, 2).getAttribute('data-actions')),
            Number(await bar(ben.page, 'data-local')),
          ],
          poll,
        )
        .toSatisfy(([held, local]) => held === local && held > 0);
      const messages = (await ben.page.locator('.log-list').innerText()).match(
        /Ben: check your venous line/g,
      );
      expect(messages).toHaveLength(1);

      // Learner 3 reloads: the app restores the run, the page rejoins as the same learner, and
      // nothing is sent twice.
      const localBefore = Number(await bar(third.page, 'data-local'));
      expect(localBefore).toBeGreaterThan(0);
      await third.page.reload();
      await expect.poll(() => bar(third.page, 'data-link'), poll).toBe('connected');
      await expect.poll(() => screenOf(third.page), poll).toBe('run');
      await expect
        .poll(async () => Number(await bar(third.page, 'data-local')), poll)
        .toBe(localBefore);
      await expect.poll(() => row(console, 3).getAttribute('data-connected'), poll).toBe('true');
      expect(await console.getByTestId('class-row').count()).toBe(3);
      expect(await row(console, 3).getAttribute('data-actions')).toBe(String(localBefore));

      // End: the class debrief on the projector, anonymous by default.
      await console.getByTestId('show-names').uncheck();
      await console.getByTestId('end-session').click();
      await expect.poll(() => console.getByTestId('class-debrief').isVisible(), poll).toBe(true);
      expect(await console.getByTestId('class-result').count()).toBe(3);
      const debriefText = await console.getByTestId('class-debrief').innerText();
      expect(debriefText).toContain('Learner 1');
      expect(debriefText).not.toContain('Ana');
      expect(await console.getByTestId('class-brain-lines').locator('path.learner').count()).toBe(
        3,
      );
      await shoot(console, 'class-debrief');
      for (const l of learners) await expect.poll(() => screenOf(l.page), poll).toBe('debrief');

      // The CSV's outcomes are the CLI's replay of each learner's log.
      const folder = join(harness.dataDir, `session-1-${classroom.code}`);
      const csv = readFileSync(join(folder, 'results.csv'), 'utf8').trim().split('\n');
      expect(csv).toHaveLength(4);
      for (const line of csv.slice(1)) {
        const [number, , endS, survived, cpc, lost] = line.split(',');
        let out = '';
        const code = await main(
          [
            'summary',
            join(folder, 'hlm-tutorial.yaml'),
            '--log',
            join(folder, `learner-${number}.json`),
          ],
          { stdout: (t) => (out += t), stderr: () => {} },
        );
        expect(code).toBe(0);
        const summary = JSON.parse(out) as Record<string, unknown>;
        expect([
          summary.end_s,
          summary.survived,
          summary.neuro_outcome_cpc,
          summary.brain_lost_fraction,
        ]).toEqual([Number(endS), survived === 'true', Number(cpc), Number(lost)]);
      }
      expect(cls.errors().filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(e))).toEqual(
        [],
      );
    });
  }, 400_000);

  it('shows a class of 60 on one projector-sized screen', async () => {
    // 60 learners' pages stood in for by WebSocket clients (the console cannot tell), each with
    // its own temperatures; a few with alarms.
    const data = mkdtempSync(join(tmpdir(), 'coldboot-class-e2e60-'));
    const big = await startClassroom({ dataDir: data, distDir: `${ROOT}${DIST}`, port: 0 });
    const sockets: WebSocket[] = [];
    const context = await harness.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      for (let i = 0; i < 60; i++) {
        const ws = new WebSocket(`ws://127.0.0.1:${big.port}${CLASSROOM_WS_PATH}`);
        await new Promise((r) => ws.once('open', r));
        ws.send(JSON.stringify({ type: 'join', code: big.code, name: `Student ${i + 1}` }));
        ws.send(
          JSON.stringify({
            type: 'status',
            status: {
              screen: 'run',
              state: i % 7 === 0 ? 'paused' : 'running',
              tS: 600 + i * 37,
              brainC: 24 + (i % 11) * 0.7,
              coreC: 25 + (i % 13) * 0.6,
              rhythm: i % 3 === 0 ? 'sinus rhythm' : 'ventricular fibrillation',
              viable: 1 - (i % 9) * 0.03,
              alarms: i % 8 === 0 ? ['low-flow'] : [],
            },
          }),
        );
        sockets.push(ws);
      }
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(big.consoleUrl);
      await expect.poll(() => page.getByTestId('class-row').count(), poll).toBe(60);
      await expect
        .poll(() => page.locator('[data-testid="class-row"] .class-alarm').count(), poll)
        .toBe(8);
      // Every row in view at 1920×1080: nothing to scroll.
      const hidden = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('[data-testid="class-row"]')).filter((row) => {
            const r = row.getBoundingClientRect();
            return r.top < 0 || r.bottom > window.innerHeight;
          }).length,
      );
      expect(hidden).toBe(0);
      await page.screenshot({ path: `${OUT_DIR}/classroom-console-60-1920x1080.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      await page.screenshot({ path: `${OUT_DIR}/classroom-console-60-1280x720.png` });
      // One learner followed: the drill-down over the roster's right side, the roster unmoved.
      await page.locator('[data-testid="class-row"][data-number="8"]').click();
      await expect
        .poll(() => page.getByTestId('drill-down').getAttribute('data-learner'), poll)
        .toBe('8');
      // Over the roster's right side, below the controls (which stay usable).
      const box = (await page.getByTestId('drill-down').boundingBox())!;
      const controls = (await page.locator('.class-groups').boundingBox())!;
      expect(box.x + box.width).toBeGreaterThan(1280 - 30);
      expect(box.y).toBeGreaterThanOrEqual(controls.y + controls.height);
      await page.screenshot({ path: `${OUT_DIR}/classroom-console-60-drill-1280x720.png` });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      await page.screenshot({ path: `${OUT_DIR}/classroom-console-60-drill-1920x1080.png` });
      expect(errors).toEqual([]);
    } finally {
      for (const ws of sockets) ws.terminate();
      await context.close();
      await big.close();
      rmSync(data, { recursive: true, force: true });
    }
  }, 300_000);
});
