// End-to-end: the run screen's trend charts zoom and pan together (buttons, wheel, keys, drag), say
// which window they show, follow the live end or hold still, and draw the odds' 5–95 % fan bands on
// the temperature chart (with a legend and a button to hide them). Run with `npm run test:e2e`.

import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, ROOT, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

const poll = { timeout: 30_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');

/** h:mm:ss → s. */
function seconds(clock: string): number {
  const [h, m, s] = clock.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

/** The shown window as the trend panel states it. */
/** The window shown, read at one moment (a running chart may move between separate reads). */
async function shownWindow(page: Page) {
  return page.getByTestId('trend-window').evaluate((el: HTMLElement) => ({
    mode: el.getAttribute('data-mode'),
    t0: Number(el.getAttribute('data-t0')),
    t1: Number(el.getAttribute('data-t1')),
    text: el.innerText,
  }));
}

const clockS = async (page: Page) => seconds(await page.getByTestId('clock').innerText());

const tickTexts = (chart: Locator) =>
  chart.locator('.axis-x text:not(.axis-label)').allTextContents();

/** The plot area of a chart, in page pixels. */
async function plotBox(chart: Locator) {
  const box = await chart.locator('rect.plot-area').boundingBox();
  if (!box) throw new Error('no plot area');
  return box;
}

/** Marker labels outside the plot or over a threshold's label or another marker's label. */
function labelCollisions(chart: Locator): Promise<string[]> {
  return chart.evaluate((svg) => {
    const boxes = [...svg.querySelectorAll<SVGTextElement>('.markers text, .thresholds text')].map(
      (t) => ({ text: t.textContent ?? '', box: t.getBBox() }),
    );
    const found: string[] = [];
    const plot = svg.querySelector<SVGRectElement>('rect.plot-area')!.getBBox();
    for (const t of svg.querySelectorAll<SVGTextElement>('.markers text')) {
      const box = t.getBBox();
      if (box.x < plot.x - 1 || box.x + box.width > plot.x + plot.width + 1) {
        found.push(`${t.textContent ?? ''} outside the plot`);
      }
    }
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const overlap =
          a.box.x < b.box.x + b.box.width &&
          b.box.x < a.box.x + a.box.width &&
          a.box.y < b.box.y + b.box.height &&
          b.box.y < a.box.y + a.box.height;
        if (overlap) found.push(`${a.text} × ${b.text}`);
      }),
    );
    return found;
  });
}

describe('trend charts: zoom, pan, follow, fan bands', () => {
  it('zooms and pans both charts together, follows the live end or holds, and draws the odds', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const temperatures = page.getByTestId('trend-chart');
    const vitals = page.getByTestId('vitals-chart');
    const tempGroup = page.getByRole('group', { name: 'Temperature chart' });
    const corePath = () =>
      temperatures.locator('path.trend-line[data-series="coreTempC"]').getAttribute('d');
    try {
      await page.goto(`${harness.baseUrl}?scenario=skier-under-ice.yaml`);
      await expect.poll(() => screenOf(page), poll).toBe('briefing');
      await page.getByTestId('start-run').click();
      await expect.poll(() => screenOf(page), poll).toBe('run');
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Ready');

      // Run to the scenario's prompt at 0:45, where it pauses itself.
      await page.getByLabel('Speed').selectOption('600');
      await page.getByTestId('play-pause').click();
      await expect.poll(() => page.getByTestId('clock').innerText(), poll).toBe('0:45:00');
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Paused');

      // Compressions from now on: a marker on the vital-signs chart.
      await page.getByRole('button', { name: 'Start CPR mechanical' }).click();
      await expect
        .poll(() => vitals.locator('.markers text').allTextContents(), poll)
        .toContain('CPR');

      // Everything at first: the whole 8 h scenario; nothing to zoom out to.
      let w = await shownWindow(page);
      expect(w).toMatchObject({ mode: 'all', t0: 0, t1: 8 * 3600, text: 'Showing all: 0:00–8:00' });
      expect(await page.getByTestId('trend-zoom-out').getAttribute('aria-disabled')).toBe('true');
      expect(await page.getByTestId('trend-live').getAttribute('aria-disabled')).toBe('true');
      const pathAll = await corePath();
      const labelsAll = await temperatures.locator('.markers text').allTextContents();
      expect(await labelCollisions(temperatures)).toEqual([]);
      await page.screenshot({ path: `${OUT_DIR}/trends-all.png` });

      // "Zoom in" halves the window onto the latest data, which it then follows.
      await page.getByTestId('trend-zoom-in').click();
      w = await shownWindow(page);
      expect(w).toMatchObject({ mode: 'live', t0: 0, t1: 4 * 3600 });
      expect(w.text).toBe('Showing 0:00–4:00, following live');
      // + on the focused chart, twice: one hour; both charts show the same ticks.
      await tempGroup.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      w = await shownWindow(page);
      expect(w).toMatchObject({ mode: 'live', t0: 0, t1: 3600 });
      expect(await tickTexts(temperatures)).toEqual(['0:00', '0:15', '0:30', '0:45', '1:00']);
      expect(await tickTexts(vitals)).toEqual(await tickTexts(temperatures));
      expect(await corePath()).not.toBe(pathAll);
      // Zoomed in, the markers have room for their labels, which never cross a threshold's label;
      // every marker line stays inside the plot, and so do the thresholds.
      const labels = await temperatures.locator('.markers text').allTextContents();
      expect(labels).toContain('Out of water');
      expect(labels.filter((l) => l === 'Surroundings').length).toBeGreaterThanOrEqual(1);
      expect(labels.length).toBeGreaterThanOrEqual(labelsAll.length);
      expect(await labelCollisions(temperatures)).toEqual([]);
      expect(await vitals.locator('.markers text').allTextContents()).toContain('CPR');
      expect(await labelCollisions(vitals)).toEqual([]);
      expect(await temperatures.locator('.thresholds line').count()).toBeGreaterThanOrEqual(2);
      const plot = await plotBox(temperatures);
      for (const line of await temperatures.locator('.markers line').all()) {
        const box = (await line.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(plot.x - 1);
        expect(box.x).toBeLessThanOrEqual(plot.x + plot.width + 1);
      }
      await page.screenshot({ path: `${OUT_DIR}/trends-zoomed-live.png` });

      // The wheel zooms about the pointer: into the first quarter hour, in the past, so it holds.
      const pointerX = plot.x + plot.width * 0.25;
      await page.mouse.move(pointerX, plot.y + plot.height / 2);
      await page.mouse.wheel(0, -300);
      await expect.poll(async () => (await shownWindow(page)).mode).toBe('held');
      w = await shownWindow(page);
      expect(w.t1 - w.t0).toBe(1800);
      // The time under the pointer (0:15) is still under it.
      expect(w.t0 + 0.25 * (w.t1 - w.t0)).toBeCloseTo(900, -1);
      expect(w.text).toMatch(/^Showing 0:0[78]–0:3[78], held$/);
      const held = w;

      // The run goes on; the held window does not move.
      await page.getByTestId('play-pause').click();
      await expect.poll(() => clockS(page), poll).toBeGreaterThan(3600);
      w = await shownWindow(page);
      expect([w.mode, w.t0, w.t1]).toEqual(['held', held.t0, held.t1]);

      // "Live" follows the latest data again at the same zoom, and the window moves with it.
      await page.getByTestId('trend-live').click();
      w = await shownWindow(page);
      expect(w.mode).toBe('live');
      expect(w.t1 - w.t0).toBe(1800);
      const following = w;
      await expect
        .poll(async () => (await shownWindow(page)).t1, poll)
        .toBeGreaterThan(following.t1 + 600);
      await page.getByTestId('play-pause').click();
      await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Paused');
      const nowS = await clockS(page);
      w = await shownWindow(page);
      expect(w.mode).toBe('live');
      expect(nowS).toBeGreaterThanOrEqual(w.t0);
      expect(nowS).toBeLessThanOrEqual(w.t1);
      expect(await temperatures.locator('.now line').count()).toBe(1);

      // Arrow keys pan by a tenth: three to the left take the live end out of view, so it holds.
      await tempGroup.focus();
      const before = await shownWindow(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
      w = await shownWindow(page);
      expect(w.t0).toBeCloseTo(before.t0 - 540, -1);
      expect(w.mode).toBe('held');
      expect(await temperatures.locator('.now').count()).toBe(0);
      // Home goes to the start.
      await page.keyboard.press('Home');
      w = await shownWindow(page);
      expect([w.mode, w.t0, w.t1]).toEqual(['held', 0, 1800]);
      // The CPR marker (0:45) is outside this window: not drawn.
      expect(await vitals.locator('.markers text').allTextContents()).not.toContain('CPR');
      expect(await labelCollisions(temperatures)).toEqual([]);

      // Dragging the vital-signs chart to the left moves both charts later in time.
      const vitalsPlot = await plotBox(vitals);
      const y = vitalsPlot.y + vitalsPlot.height / 2;
      await page.mouse.move(vitalsPlot.x + vitalsPlot.width * 0.6, y);
      await page.mouse.down();
      await page.mouse.move(vitalsPlot.x + vitalsPlot.width * 0.4, y, { steps: 4 });
      await page.mouse.up();
      w = await shownWindow(page);
      // A fifth of the plot's width is a fifth of the window (to a pixel or so).
      expect(Math.abs(w.t0 - 0.2 * 1800)).toBeLessThan(20);
      expect(w.t1 - w.t0).toBe(1800);
      expect(await tickTexts(vitals)).toEqual(await tickTexts(temperatures));

      // °F: the same window, the axis in °F.
      await page.getByRole('button', { name: '°F' }).click();
      await expect.poll(() => temperatures.getByTestId('y-unit').textContent()).toBe('°F');
      expect((await shownWindow(page)).t0).toBe(w.t0);
      await page.screenshot({ path: `${OUT_DIR}/trends-held-fahrenheit.png` });
      await page.getByRole('button', { name: '°C' }).click();

      // "Show all" (the key 0 does the same) goes back to everything.
      await page.getByTestId('trend-show-all').click();
      w = await shownWindow(page);
      expect(w).toMatchObject({ mode: 'all', t0: 0, t1: 8 * 3600 });

      // The odds: their fan bands are drawn on the temperature chart, behind the lines.
      expect(await page.getByTestId('trend-fan-bands').count()).toBe(0);
      await page.getByTestId('open-odds').click();
      await expect.poll(() => page.getByTestId('odds-panel').isVisible(), poll).toBe(true);
      await page.getByLabel('Patients').selectOption('200');
      await page.getByTestId('odds-run').click();
      await expect
        .poll(() => page.getByTestId('odds-result').count(), { timeout: 120_000 })
        .toBe(1);
      expect(await page.getByTestId('odds-on-chart').count()).toBe(1);
      await page.getByTestId('odds-close').click();
      await expect.poll(() => page.getByTestId('odds-panel').count()).toBe(0);

      const fan = temperatures.getByTestId('trend-fan-bands');
      await expect.poll(() => fan.count()).toBe(1);
      expect(
        await fan.locator('g[data-series]').evaluateAll((gs) => gs.map((g) => g.dataset.series)),
      ).toEqual(['brainTempC', 'coreTempC']);
      expect(await fan.locator('path.trend-fan-band').count()).toBe(2);
      expect(await fan.locator('path.trend-fan-median').count()).toBe(2);
      for (const d of await fan
        .locator('path')
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))) {
        expect((d ?? '').length).toBeGreaterThan(50);
      }
      // Drawn before (under) the lines.
      expect(
        await temperatures.evaluate((svg) => {
          const children = [...svg.children];
          const fanAt = children.findIndex((c) => c.classList.contains('fan-bands'));
          const linesAt = children.findIndex((c) => c.classList.contains('lines'));
          return fanAt >= 0 && fanAt < linesAt;
        }),
      ).toBe(true);
      const legend = page.getByTestId('trend-fan-legend');
      expect(await legend.innerText()).toMatch(
        new RegExp(
          `Odds: 5–95 % of 200 plausible patients, from ${await page.getByTestId('clock').innerText()}`,
        ),
      );
      // The bands reach the scenario's end: "show all" still ends there.
      expect((await shownWindow(page)).t1).toBe(8 * 3600);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${OUT_DIR}/trends-fan-bands.png` });

      // Zoomed and in °F, the bands are still drawn.
      await tempGroup.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await page.getByRole('button', { name: '°F' }).click();
      await expect.poll(() => temperatures.getByTestId('y-unit').textContent()).toBe('°F');
      expect(await fan.locator('path.trend-fan-band').count()).toBe(2);
      await page.screenshot({ path: `${OUT_DIR}/trends-fan-zoomed-fahrenheit.png` });
      await page.getByRole('button', { name: '°C' }).click();

      // Hide them, and show them again.
      const toggle = page.getByTestId('trend-fan-toggle');
      expect(await toggle.innerText()).toBe('Hide bands');
      await toggle.click();
      await expect.poll(() => fan.count()).toBe(0);
      expect(await toggle.innerText()).toBe('Show bands');
      await page.screenshot({ path: `${OUT_DIR}/trends-fan-hidden.png` });
      await toggle.click();
      await expect.poll(() => fan.count()).toBe(1);

      // The 0 key shows everything; the trend card still fits the 1280×720 screen.
      await tempGroup.focus();
      await page.keyboard.press('0');
      expect((await shownWindow(page)).mode).toBe('all');
      const trendBox = (await page.locator('.panel.trend').boundingBox())!;
      expect(trendBox.y + trendBox.height).toBeLessThanOrEqual(720.5);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
