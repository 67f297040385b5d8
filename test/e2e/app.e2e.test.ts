// End-to-end: the built app (dist/) served by `vite preview`, driven in headless Debian Chromium.
// Run with `npm run test:e2e` (builds first).

import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, OUT_DIR, ROOT, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const FIXTURE = readFileSync(`${ROOT}test/e2e/fixtures/immersion.yaml`, 'utf8');
const FIXTURE_TITLE = 'Under the ice (test fixture)';

/** The built-in scenarios as the built app serves them (dist/, copied from public/ by the build). */
function libraryIndex(): { file: string; title: string }[] {
  return JSON.parse(readFileSync(`${ROOT}${DIST}/scenarios/index.json`, 'utf8')) as {
    file: string;
    title: string;
  }[];
}

/** Opens the app at 1280×720 on a path (default: the library) in a fresh browser context. */
async function openPage(
  path = '',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(harness.baseUrl + path);
  return { context, page, errors };
}

const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');

/** Opens a scenario file from the library's file picker; waits for its briefing. */
async function openScenarioFile(page: Page, name: string, text: string): Promise<void> {
  await expect.poll(() => screenOf(page)).toBe('library');
  await page.getByTestId('open-file-input').setInputFiles({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/yaml',
    buffer: Buffer.from(text),
  });
}

/**
 * Opens the app at 1280×720 with the test scenario (opened from a file, so the tests do not depend on
 * the built-in library), passes its briefing and waits on the run screen until it is ready to play.
 */
async function openApp(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await openPage();
  const { page } = opened;
  await openScenarioFile(page, 'immersion.yaml', FIXTURE);
  await expect.poll(() => screenOf(page), { timeout: 20_000 }).toBe('briefing');
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect.poll(() => screenOf(page)).toBe('run');
  await expect
    .poll(() => page.getByTestId('run-status').innerText(), { timeout: 20_000 })
    .toBe('Ready');
  return opened;
}

/** Clicks something that downloads a file; returns the file's name and text. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Nothing sticks out of the 1280×720 screen and no panel needs scrolling to be read. */
async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollHeight > window.innerHeight) {
      problems.push(`the page scrolls: ${document.documentElement.scrollHeight} px tall`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('.panel')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) {
        problems.push(`${el.className} ends at ${Math.round(r.right)}×${Math.round(r.bottom)}`);
      }
    }
    return problems;
  });
}

const coreText = (page: Page) => page.getByTestId('reading-core').innerText();
const corePath = (page: Page) =>
  page.locator('path.trend-line[data-series="coreTempC"]').getAttribute('d');

/** Parses "36.9 °C" → 36.9. */
function numberIn(text: string): number {
  const match = /-?\d+(\.\d+)?/.exec(text.replace('−', '-'));
  if (!match) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(match[0]);
}

describe('ColdBoot in Chromium', () => {
  it('runs a scenario, draws the trend and switches units', async () => {
    const { context, page, errors } = await openApp();
    try {
      // The briefing of the first built-in scenario appears, and the run is ready.
      await expect.poll(() => page.getByTestId('briefing').innerText()).toMatch(/ice/i);
      await expect.poll(() => coreText(page)).toMatch(/°C$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(FIXTURE_TITLE);

      const coreBefore = numberIn(await coreText(page));
      const pathBefore = (await corePath(page)) ?? '';
      const clockBefore = await page.getByTestId('clock').innerText();
      expect(clockBefore).toBe('0:00:00');

      await page.getByLabel('Speed').selectOption('600');
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('Running');
      await page.screenshot({ path: `${OUT_DIR}/app-running-early.png` });

      // 4 s of wall time at 600× ≈ 40 simulated minutes.
      await page.waitForTimeout(4_000);
      await page.screenshot({ path: `${OUT_DIR}/app-running.png` });

      const coreAfter = numberIn(await coreText(page));
      const pathAfter = (await corePath(page)) ?? '';
      expect(coreAfter).not.toBe(coreBefore);
      expect(pathAfter).not.toBe(pathBefore);
      expect(pathAfter.length).toBeGreaterThan(pathBefore.length + 100);
      const clockAfter = await page.getByTestId('clock').innerText();
      const [h, m] = clockAfter.split(':').map(Number);
      expect(h! * 60 + m!).toBeGreaterThanOrEqual(15);

      // The chart keeps growing while running.
      await page.waitForTimeout(1_000);
      expect(((await corePath(page)) ?? '').length).toBeGreaterThan(pathAfter.length);

      // Pause stops the clock.
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('Paused');
      const pausedClock = await page.getByTestId('clock').innerText();
      const pausedCoreC = numberIn(await coreText(page));
      await page.waitForTimeout(500);
      expect(await page.getByTestId('clock').innerText()).toBe(pausedClock);

      // Fahrenheit: readings and the chart's axis change unit.
      await page.getByRole('button', { name: '°F' }).click();
      await expect.poll(() => coreText(page)).toMatch(/°F$/);
      expect(await page.getByTestId('y-unit').textContent()).toBe('°F');
      const coreF = numberIn(await coreText(page));
      expect(Math.abs(coreF - ((pausedCoreC * 9) / 5 + 32))).toBeLessThan(0.2);
      expect(await page.getByRole('button', { name: '°F' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await page.screenshot({ path: `${OUT_DIR}/app-fahrenheit.png` });

      // Reset goes back to time zero.
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => page.getByTestId('clock').innerText()).toBe('0:00:00');

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the patient on the monitor and lets the learner act at the bedside', async () => {
    const { context, page, errors } = await openApp();
    const poll = { timeout: 15_000 };
    const heartRate = async () =>
      numberIn(await page.getByTestId('monitor-heart-rate').innerText());
    const rhythm = () => page.getByTestId('monitor-rhythm').innerText();
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const log = page.locator('.log-list');
    try {
      // Before anything happens: a beating heart in sinus rhythm, numbers on every tile.
      await expect.poll(rhythm, poll).toMatch(/^sinus/);
      expect(await heartRate()).toBeGreaterThan(30);
      expect(await page.getByTestId('monitor-map').innerText()).toMatch(/\d+ mmHg$/);
      expect(await page.getByTestId('monitor-spo2').innerText()).toMatch(/\d+ %$/);
      expect(await page.getByTestId('monitor-oeso').innerText()).toMatch(/°C$/);
      expect(await page.getByTestId('monitor-potassium').innerText()).toMatch(/^\d+\.\d$/);
      expect(await page.getByTestId('brain-viable').innerText()).toBe('100 %');
      // Buttons that make no sense yet are disabled.
      for (const name of ['Stop CPR', 'Stop ventilation']) {
        expect(await button(name).isDisabled(), name).toBe(true);
      }
      for (const name of ['Defibrillate result depends on rhythm', 'Ventilate']) {
        expect(await button(name).isEnabled(), name).toBe(true);
      }
      // Stopping the breathing or the heart is the instructor's, not the learner's.
      const bedside = page.locator('.bedside');
      for (const name of [/Stop breathing/, /Let breathe/, /Cardiac arrest/]) {
        expect(await bedside.getByRole('button', { name }).count(), String(name)).toBe(0);
      }
      await page.screenshot({ path: `${OUT_DIR}/bedside-ready.png` });

      await page.getByLabel('Speed').selectOption('60');
      await button('Play').click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Running');

      // Cardiac arrest (the instructor's): the monitor shows ventricular fibrillation, no heart
      // rate, and no SpO₂ (a pulse oximeter reads nothing without a pulse).
      await page.getByTestId('instructor-switch').click();
      await page.getByTestId('inject-arrest').click();
      await page.getByTestId('instructor-switch').click();
      await expect.poll(rhythm, poll).toBe('ventricular fibrillation');
      await expect.poll(heartRate, poll).toBe(0);
      await expect.poll(() => page.getByTestId('monitor-spo2').innerText(), poll).toMatch(/^—/);
      // The trend's legend says so too, and the SpO₂ line stops (a gap, not 99 %).
      const spo2Legend = page
        .locator('.legend li')
        .filter({ hasText: 'SpO₂' })
        .locator('.legend-value');
      await expect.poll(() => spo2Legend.innerText(), poll).toBe('—');
      await page.screenshot({ path: `${OUT_DIR}/bedside-arrest.png` });
      const spo2Line = page.locator('.vitals-chart path[data-series="arterialSat"]').first();
      const segments = async () => ((await spo2Line.getAttribute('d')) ?? '').split('M').length - 1;

      // CPR, then ventilation at a chosen FiO₂.
      await button('Start CPR manual').click();
      await expect.poll(() => button('Stop CPR').isEnabled(), poll).toBe(true);
      expect(await button('Start CPR manual').isDisabled()).toBe(true);
      // With compressions the oximeter reads again: a second stretch of line after the gap.
      await expect.poll(segments, poll).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: `${OUT_DIR}/bedside-spo2-gap.png` });
      expect(await page.getByTestId('monitor-heart-rate').locator('..').innerText()).toContain(
        'CPR · manual',
      );
      await page.getByLabel('FiO₂').fill('0.6');
      expect(await page.locator('output.fio2-value').innerText()).toBe('0.60');
      await button('Ventilate').click();
      await expect
        .poll(() => page.getByTestId('monitor-breathing').innerText(), poll)
        .toBe('Ventilated');
      expect(await page.getByTestId('monitor-breathing-detail').innerText()).toContain('0.60');
      expect(await button('Stop ventilation').isEnabled()).toBe(true);

      // The event log lists the learner's actions, in order.
      await expect.poll(() => log.innerText(), poll).toContain('Ventilation with FiO₂ 0.60');
      const text = await log.innerText();
      // (The instructor's arrest is not in the learners' log: they find it on the monitor.)
      expect(text).not.toContain('Cardiac arrest');
      const order = ['Chest compressions started (manual)', 'Ventilation with FiO₂ 0.60'].map(
        (entry) => text.indexOf(entry),
      );
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      // The vital-sign chart draws the heart rate falling to zero.
      await page.waitForTimeout(1_500);
      const hrPath =
        (await page.locator('path.trend-line[data-series="heartRateBpm"]').getAttribute('d')) ?? '';
      expect(hrPath.length).toBeGreaterThan(20);
      expect(
        await page.getByTestId('vitals-chart').locator('.markers text').allTextContents(),
      ).toEqual(expect.arrayContaining(['Arrest', 'CPR', 'Vent']));
      await page.screenshot({ path: `${OUT_DIR}/bedside-cpr.png` });

      // A shock is always allowed; the log records it (the rhythm decides what it does).
      await button('Defibrillate result depends on rhythm').click();
      await expect.poll(() => log.innerText(), poll).toContain('Shock delivered');

      // Keyboard: the bedside buttons are real buttons.
      await button('Stop ventilation').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => button('Ventilate').isEnabled(), poll).toBe(true);
      await expect.poll(() => log.innerText(), poll).toContain('Ventilation stopped');

      // Later, in °F: the probes follow the unit; the brain-cell panel keeps its numbers.
      await page.getByLabel('Speed').selectOption('600');
      await page.waitForTimeout(4_000);
      await button('Pause').click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Paused');
      await button('°F').click();
      await expect.poll(() => page.getByTestId('monitor-oeso').innerText(), poll).toMatch(/°F$/);
      expect(await page.getByTestId('brain-autolysed').innerText()).toMatch(/%$/);
      await page.screenshot({ path: `${OUT_DIR}/bedside-later-fahrenheit.png` });

      // Nothing sticks out of the 1280×720 screen and no panel needs scrolling to be read.
      const overflow = await overflowProblems(page);
      expect(overflow).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs the heart-lung machine from its console: cannulate, pump, cool, alarms', async () => {
    const { context, page, errors } = await openApp();
    const poll = { timeout: 30_000 };
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const readouts = page.getByTestId('hlm-readouts');
    try {
      await page.getByRole('tab', { name: /Heart-lung/ }).click();
      await expect.poll(() => readouts.innerText(), poll).toMatch(/Outlet/);
      // Not connected: only cannulation is possible.
      expect(await button('Stop pump').count()).toBe(0);
      expect(await page.getByTestId('setting-pump-flow').isDisabled()).toBe(true);
      await button('Cannulate VA-ECMO').click();
      await expect
        .poll(() => page.locator('.circuit-status').innerText(), poll)
        .toMatch(/cannulating/);
      await page.screenshot({ path: `${OUT_DIR}/hlm-cannulating.png` });
      await page.getByLabel('Speed').selectOption('600');
      await button('Play').click();
      await expect
        .poll(() => page.locator('.circuit-status').innerText(), poll)
        .toMatch(/VA-ECMO · pump stopped/);
      await button('Pause').click();
      // Set cold water and a flow with the keyboard: each change is one action in the log.
      const water = page.getByTestId('setting-water');
      await water.focus();
      for (let i = 0; i < 20; i++) await water.press('ArrowLeft');
      const flow = page.getByTestId('setting-pump-flow');
      await flow.focus();
      for (let i = 0; i < 30; i++) await flow.press('ArrowRight');
      await expect.poll(() => page.locator('.log-list').innerText(), poll).toMatch(/Pump flow set/);
      // Paused, the console says the flow is set and starts with the run (not "pump stopped").
      await expect
        .poll(() => page.locator('.circuit-status').innerText(), poll)
        .toMatch(/pump set to \d\.\d L\/min: starts when the run goes on/);
      await button('Play').click();
      await expect
        .poll(() => page.locator('.circuit-status').innerText(), poll)
        .toMatch(/VA-ECMO · running/);
      await expect.poll(async () => numberIn(await readouts.innerText()), poll).toBeGreaterThan(2);
      await page.screenshot({ path: `${OUT_DIR}/hlm-running.png` });
      await button('Pause').click();
      // Rewarming: water at 42 °C with a cold patient raises guideline alarms.
      for (let i = 0; i < 60; i++) await water.press('ArrowRight');
      await button('Play').click();
      await expect
        .poll(() => page.getByTestId('hlm-alarms').innerText(), poll)
        .toMatch(/gradient|above 37/);
      await button('Pause').click();
      await page.screenshot({ path: `${OUT_DIR}/hlm-alarms.png` });
      await page.getByRole('tab', { name: 'Warming' }).click();
      await button('Forced air 43 °C').click();
      await expect
        .poll(() => page.locator('.device-state').innerText(), poll)
        .toMatch(/forced air/);
      await page.screenshot({ path: `${OUT_DIR}/rewarming-devices.png` });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the problems of a bad file in a readable panel and keeps the page', async () => {
    const { context, page, errors } = await openPage();
    try {
      const bad = [
        'format: coldboot/scenario@1',
        'title: Broken',
        'briefing: A file with mistakes.',
        'patient: { sex: female, ageYears: 29, massKg: -60, heightCm: 170 }',
        'start: { environment: { medium: lava, temperatureC: -5 } }',
        'timeline: []',
        'end: { at: "3:00:00" }',
      ].join('\n');
      await openScenarioFile(page, 'broken.yaml', bad);
      const panel = page.getByTestId('load-error');
      await expect.poll(() => panel.isVisible()).toBe(true);
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('This scenario file has problems');
      expect(text).toContain('broken.yaml:4');
      expect(text).toContain('patient.massKg');
      expect(text).toContain('start.environment.medium');
      expect(text).toContain('"lava"');
      // The page is still there: the library, its cards and the file picker.
      expect(await screenOf(page)).toBe('library');
      expect(await page.getByTestId('scenario-card').count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${OUT_DIR}/library-scenario-error.png` });

      // A run log that belongs to no known scenario is explained too.
      const log = JSON.stringify({
        format: 'coldboot/run-log@1',
        scenario: { title: 'Nowhere', hash: `sha256:${'1'.repeat(64)}` },
        actions: [{ atS: 5, source: 'learner', action: { do: 'ventilate', fio2: 2 } }],
      });
      await openScenarioFile(page, 'run.json', log);
      await expect.poll(() => panel.textContent()).toContain('This run log cannot be replayed');
      expect(await panel.textContent()).toMatch(/run\.json.*actions\[0\]\.action\.fio2/s);

      // A good file opens its briefing; the panel is gone.
      await openScenarioFile(page, 'immersion.yaml', FIXTURE);
      await expect.poll(() => screenOf(page)).toBe('briefing');
      expect(await panel.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the built-in scenarios as cards; a card and a ?scenario= link open the briefing', async () => {
    const { context, page, errors } = await openPage();
    const index = libraryIndex();
    const first = index[0]!;
    try {
      const cards = page.getByTestId('scenario-card');
      await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(index.length);
      for (const entry of index) {
        const link = page.getByRole('link', { name: entry.title, exact: true });
        expect(await link.getAttribute('href')).toContain(
          `?scenario=${encodeURIComponent(entry.file)}`,
        );
      }
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('banner').count()).toBe(1);
      await page.screenshot({ path: `${OUT_DIR}/library.png` });

      // Keyboard: the card's link takes focus and Enter opens the briefing.
      await page.getByRole('link', { name: first.title, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => screenOf(page), { timeout: 10_000 }).toBe('briefing');
      expect(new URL(page.url()).search).toBe(`?scenario=${first.file}`);
      expect(page.url()).not.toContain('#');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(first.title);
      const patient = await page.getByTestId('patient').innerText();
      expect(patient).toMatch(/sex\s+(female|male)/i);
      expect(patient).toMatch(/\d+(\.\d)? kg/);
      expect(patient).toMatch(/\d+ cm/);
      expect(await page.getByTestId('briefing').innerText()).not.toBe('');
      await page.screenshot({ path: `${OUT_DIR}/briefing.png` });

      // °F on the briefing: temperatures in the story follow the unit.
      await page.getByRole('button', { name: '°F' }).click();
      expect(await page.getByTestId('briefing').innerText()).not.toMatch(/°C/);
      await page.getByRole('button', { name: '°C' }).click();

      // Back returns to the library, forward to the briefing.
      await page.goBack();
      await expect.poll(() => screenOf(page)).toBe('library');
      expect(new URL(page.url()).search).toBe('');
      await page.goForward();
      await expect.poll(() => screenOf(page)).toBe('briefing');

      // The shared link, in a new tab, opens the same briefing.
      const tab = await context.newPage();
      const tabErrors = watchErrors(tab);
      await tab.goto(`${harness.baseUrl}?scenario=${encodeURIComponent(first.file)}`);
      await expect.poll(() => screenOf(tab), { timeout: 10_000 }).toBe('briefing');
      expect(await tab.getByRole('heading', { level: 1 }).innerText()).toBe(first.title);
      await tab.getByRole('button', { name: /^Start/ }).click();
      await expect.poll(() => screenOf(tab)).toBe('run');
      expect(new URL(tab.url()).search).toBe(`?scenario=${first.file}`);

      // A link to a file that is not in the library says so on the library.
      await tab.goto(`${harness.baseUrl}?scenario=no-such-case.yaml`);
      await expect
        .poll(() => tab.getByTestId('load-error').textContent(), { timeout: 10_000 })
        .toContain('no-such-case.yaml');
      expect(await screenOf(tab)).toBe('library');
      expect(await tab.getByTestId('scenario-card').count()).toBe(index.length);
      await tab.screenshot({ path: `${OUT_DIR}/library-bad-link.png` });
      expect(errors).toEqual([]);
      expect(tabErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('journey: card → briefing → run → act → reload restores the run → end → debrief', async () => {
    const { context, page, errors } = await openPage();
    const index = libraryIndex();
    const entry = index.find((e) => e.file === 'skier-under-ice.yaml') ?? index[0]!;
    const poll = { timeout: 20_000 };
    const status = () => page.getByTestId('run-status').innerText();
    const clock = () => page.getByTestId('clock').innerText();
    try {
      await page.getByRole('link', { name: entry.title, exact: true }).click();
      await expect.poll(() => screenOf(page), poll).toBe('briefing');
      const objectives = await page.getByTestId('objectives').locator('li').count();
      await page.getByTestId('start-run').click();
      await expect.poll(() => screenOf(page)).toBe('run');
      await expect.poll(status, poll).toBe('Ready');

      // Run at 600× until the clock moves (a prompt may pause the scenario: play on).
      await page.getByLabel('Speed').selectOption('600');
      await page.getByRole('button', { name: 'Play' }).click();
      await expect
        .poll(async () => {
          if ((await status()) === 'Paused' && (await clock()) === '0:00:00')
            await page.getByRole('button', { name: 'Play' }).click();
          return clock();
        }, poll)
        .not.toBe('0:00:00');
      await page.waitForTimeout(1_000);
      // Act: ventilate with oxygen.
      await page.getByRole('button', { name: 'Ventilate', exact: true }).click();
      await expect.poll(() => page.locator('.log-list').innerText(), poll).toContain('Ventilation');
      if ((await status()) === 'Running') await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(status, poll).toBe('Paused');
      const pausedAt = await clock();
      await page.screenshot({ path: `${OUT_DIR}/journey-run.png` });

      // Reload: the run comes back at the same simulated time, paused, with its log.
      await page.waitForTimeout(600);
      await page.reload();
      await expect.poll(() => screenOf(page), poll).toBe('run');
      await expect
        .poll(() => page.getByTestId('notice').innerText(), poll)
        .toContain(`Restored your run at ${pausedAt}`);
      await expect.poll(clock, poll).toBe(pausedAt);
      await expect.poll(status, poll).toBe('Paused');
      expect(await page.locator('.log-list').innerText()).toContain('Ventilation');
      expect(new URL(page.url()).search).toBe(`?scenario=${entry.file}`);
      await page.screenshot({ path: `${OUT_DIR}/journey-restored.png` });

      // End and debrief: outcome, objectives met or missed, the chart with the expert's ghost.
      await page.getByRole('button', { name: 'End and debrief' }).click();
      await expect.poll(() => screenOf(page)).toBe('debrief');
      await expect.poll(() => page.getByTestId('debrief').isVisible(), poll).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        `Debrief: ${entry.title}`,
      );
      const results = page.getByTestId('objective-results').locator('li');
      expect(await results.count()).toBe(objectives);
      expect(await results.first().innerText()).toMatch(/^[✓✗]?\s*(Met|Missed):/);
      expect(await page.getByTestId('outcome').innerText()).toMatch(/Lowest core temperature/);
      expect(await page.getByTestId('teaching-points').locator('li').count()).toBeGreaterThan(0);
      const runPath = await page.locator('[data-series="run-brain"]').getAttribute('d');
      expect((runPath ?? '').length).toBeGreaterThan(10);
      if (objectives > 0) {
        expect(await page.getByTestId('expert-lines').locator('path').count()).toBe(2);
      }
      expect(await page.getByTestId('debrief-actions').innerText()).toContain('Ventilation');
      await page.screenshot({ path: `${OUT_DIR}/debrief.png` });
      await page.screenshot({ path: `${OUT_DIR}/debrief-full.png`, fullPage: true });

      // The Markdown report.
      const report = await download(page, () => page.getByTestId('download-report').click());
      expect(report.name).toMatch(/-debrief\.md$/);
      expect(report.text).toContain(`# Debrief: ${entry.title}`);
      expect(report.text).toContain('## Teaching points');

      // °F: the outcome follows the unit.
      await page.getByRole('button', { name: '°F' }).click();
      expect(await page.getByTestId('outcome').innerText()).toMatch(/°F/);
      await page.getByRole('button', { name: '°C' }).click();

      // A reload on the debrief comes back to the debrief.
      await page.reload();
      await expect.poll(() => screenOf(page), poll).toBe('debrief');
      await expect.poll(() => page.getByTestId('debrief').isVisible(), poll).toBe(true);

      // Back to the library: the run in progress is offered.
      await page.getByRole('button', { name: 'Library' }).click();
      await expect.poll(() => screenOf(page)).toBe('library');
      expect(await page.getByRole('button', { name: 'Back to the run' }).isVisible()).toBe(true);

      // Reloaded on the library, the saved run is offered, and restored on request.
      await page.waitForTimeout(600);
      await page.reload();
      await expect.poll(() => screenOf(page), poll).toBe('library');
      const restore = page.getByRole('button', { name: 'Restore it' });
      await expect.poll(() => restore.isVisible(), poll).toBe(true);
      await page.screenshot({ path: `${OUT_DIR}/library-saved-run.png` });
      await restore.click();
      await expect.poll(() => screenOf(page), poll).toBe('run');
      await expect.poll(clock, poll).toBe(pausedAt);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('exports the run log, trends and charts, and replays an imported log', async () => {
    const { context, page, errors } = await openApp();
    const poll = { timeout: 20_000 };
    const clock = () => page.getByTestId('clock').innerText();
    try {
      await page.getByLabel('Speed').selectOption('600');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(1_500);
      await page.getByRole('button', { name: 'Ventilate', exact: true }).click();
      await page.waitForTimeout(800);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Paused');
      const stoppedAt = await clock();

      const log = await download(page, () =>
        page.getByRole('button', { name: 'Export log' }).click(),
      );
      expect(log.name).toMatch(/^immersion-run-\dh\d\dm\.json$/);
      const data = JSON.parse(log.text) as {
        format: string;
        seed: number;
        endS: number;
        actions: { atS: number; source: string; action: { do: string } }[];
      };
      expect(data.format).toBe('coldboot/run-log@1');
      expect(data.seed).toBe(1);
      expect(data.actions.some((a) => a.source === 'learner' && a.action.do === 'ventilate')).toBe(
        true,
      );
      expect(data.actions[0]).toMatchObject({ atS: 0, source: 'scenario' });

      const csv = await download(page, () =>
        page.getByRole('button', { name: 'Trends CSV' }).click(),
      );
      const rows = csv.text.trim().split('\n');
      expect(rows[0]).toMatch(/^t_s,brain_temp_c,/);
      expect(rows.length).toBeGreaterThan(20);

      const svg = await download(page, () =>
        page.getByRole('button', { name: 'Charts SVG' }).click(),
      );
      expect(svg.name).toBe('immersion-trends.svg');
      expect(svg.text).toContain('<svg');
      expect(svg.text).toContain('data-series="coreTempC"');
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Charts PNG' }).click(),
      ]);
      expect(png.suggestedFilename()).toBe('immersion-trends.png');
      expect(
        readFileSync(await png.path())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');

      // Run on, then import the log: the run is replayed to where the log stopped.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(1_000);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(clock, poll).not.toBe(stoppedAt);
      await page.getByTestId('import-log-input').setInputFiles({
        name: log.name,
        mimeType: 'application/json',
        buffer: Buffer.from(log.text),
      });
      await expect.poll(clock, poll).toBe(stoppedAt);
      await expect
        .poll(() => page.getByTestId('notice').innerText(), poll)
        .toContain(`Replayed ${log.name}`);
      expect(await page.locator('.log-list').innerText()).toContain('Ventilation');
      await page.screenshot({ path: `${OUT_DIR}/run-imported-log.png` });

      // Opened from the library of a fresh page, the log needs its scenario first.
      const fresh = await openPage();
      try {
        await openScenarioFile(fresh.page, log.name, log.text);
        await expect
          .poll(() => fresh.page.getByTestId('load-error').textContent(), poll)
          .toContain('open the scenario file it was recorded with first');
      } finally {
        await fresh.context.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('starts an open-ended sandbox run with a chosen patient and surroundings', async () => {
    const { context, page, errors } = await openPage();
    try {
      await page.getByLabel('Patient').selectOption('child');
      await page.getByLabel('Water (to the neck)').check();
      await page.getByLabel('Temperature (°C)').fill('5');
      await page.getByRole('button', { name: 'Start sandbox run' }).click();
      await expect.poll(() => screenOf(page), { timeout: 10_000 }).toBe('run');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        'Sandbox: child (6 years), water 5 °C',
      );
      await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('Ready');
      expect(await page.locator('.clock-end').count()).toBe(0);
      await page.getByLabel('Speed').selectOption('600');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(3_000);
      await page.getByRole('button', { name: 'Pause' }).click();
      const core = numberIn(await coreText(page));
      expect(core).toBeLessThan(37);
      // The time axis grows with the run: it ends at the next half hour, not at 72 h.
      const ticks = await page.getByTestId('trend-chart').locator('.axis-x text').allTextContents();
      expect(ticks.at(-2)).toMatch(/^[0-2]:[0-5]0$/);
      await page.screenshot({ path: `${OUT_DIR}/sandbox-run.png` });
      expect(await overflowProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('discards a broken saved run with a notice and shows the library', async () => {
    const { context, page, errors } = await openPage();
    try {
      await expect.poll(() => screenOf(page)).toBe('library');
      await page.evaluate(() =>
        localStorage.setItem('coldboot:saved-run', '{"version": 0, "scenario": "old"}'),
      );
      await page.reload();
      await expect
        .poll(() => page.getByTestId('notice').innerText(), { timeout: 10_000 })
        .toMatch(/could not be restored and was discarded: .*another version/);
      expect(await screenOf(page)).toBe('library');
      expect(await page.evaluate(() => localStorage.getItem('coldboot:saved-run'))).toBeNull();
      // The library's cards arrive with its index (fetched at start-up), possibly after the notice.
      await expect
        .poll(() => page.getByTestId('scenario-card').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page.screenshot({ path: `${OUT_DIR}/library-discarded-save.png` });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
