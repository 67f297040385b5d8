// End-to-end: the built app (dist/) served by `vite preview`, driven in headless Debian Chromium.
// Run with `npm run test:e2e` (builds first).

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = `${ROOT}test-results/e2e`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let server: PreviewServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (!existsSync(`${ROOT}dist/index.html`)) {
    throw new Error(
      'dist/ is missing: run `npm run test:e2e` (it builds first) or `npx vite build`.',
    );
  }
  const port = await freePort();
  server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  baseUrl = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  await mkdir(OUT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Collects console errors and uncaught page errors. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  return errors;
}

/** Opens the app at 1280×720 and waits until the first built-in scenario is ready to play. */
async function openApp(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(baseUrl);
  await expect
    .poll(() => page.getByTestId('run-status').innerText(), { timeout: 20_000 })
    .toBe('Ready');
  return { context, page, errors };
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
  it('runs the built-in scenario, draws the trend and switches units', async () => {
    const { context, page, errors } = await openApp();
    try {
      // The briefing of the first built-in scenario appears, and the run is ready.
      await expect.poll(() => page.getByTestId('briefing').innerText()).toMatch(/ice/i);
      await expect.poll(() => coreText(page)).toMatch(/°C$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Skier under the ice');

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
      for (const name of ['Let breathe', 'Stop CPR', 'Stop ventilation']) {
        expect(await button(name).isDisabled(), name).toBe(true);
      }
      for (const name of ['Stop breathing', 'Cardiac arrest (VF)', 'Defibrillate', 'Ventilate']) {
        expect(await button(name).isEnabled(), name).toBe(true);
      }
      await page.screenshot({ path: `${OUT_DIR}/bedside-ready.png` });

      await page.getByLabel('Speed').selectOption('60');
      await button('Play').click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Running');

      // Cardiac arrest: the monitor shows ventricular fibrillation and no heart rate.
      await button('Cardiac arrest (VF)').click();
      await expect.poll(rhythm, poll).toBe('ventricular fibrillation');
      await expect.poll(heartRate, poll).toBe(0);
      expect(await button('Cardiac arrest (VF)').isDisabled()).toBe(true);
      await page.screenshot({ path: `${OUT_DIR}/bedside-arrest.png` });

      // CPR, then ventilation at a chosen FiO₂.
      await button('Start CPR (manual)').click();
      await expect.poll(() => button('Stop CPR').isEnabled(), poll).toBe(true);
      expect(await button('Start CPR (manual)').isDisabled()).toBe(true);
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
      const order = [
        'Cardiac arrest (ventricular fibrillation)',
        'Chest compressions started (manual)',
        'Ventilation with FiO₂ 0.60',
      ].map((entry) => text.indexOf(entry));
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
      await button('Defibrillate').click();
      await expect.poll(() => log.innerText(), poll).toContain('Shock delivered');

      // Keyboard: the bedside buttons are real buttons.
      await button('Stop breathing').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => button('Let breathe').isEnabled(), poll).toBe(true);
      await expect.poll(() => log.innerText(), poll).toContain('Breathing stops');

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
      const overflow = await page.evaluate(() => {
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

  it('shows the problems of a bad scenario file in a readable panel', async () => {
    const { context, page, errors } = await openApp();
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
      await page.getByLabel('Open file…').setInputFiles({
        name: 'broken.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(bad),
      });
      const panel = page.getByTestId('load-error');
      await expect.poll(() => panel.isVisible()).toBe(true);
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('This scenario file has problems');
      expect(text).toContain('broken.yaml');
      expect(text).toMatch(/massKg|medium/);
      expect(await page.getByTestId('run-status').innerText()).toBe('Error');
      expect(await page.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true);
      await page.screenshot({ path: `${OUT_DIR}/app-scenario-error.png` });

      // Choosing a built-in scenario again recovers.
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption('skier-under-ice.yaml');
      await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('Ready');
      expect(await panel.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
