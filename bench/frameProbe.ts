// Figures 2: the frame-rate probe. A 12-hour run is put on the run screen the way a learner's reload
// does it (a saved run in localStorage, replayed by the worker to its saved time, src/app/appEffects.ts),
// then played at 600× for a few seconds of wall time while the page records: the simulation worker's
// messages per second, requestAnimationFrame intervals and long tasks.

import type { Browser } from 'playwright-core';
import { createSimulation, parseScenario } from '../models/index.ts';
import { recordedRunLog } from '../src/state/runRecord.ts';
import { SANDBOX_DEFAULTS, SANDBOX_FILE_NAME, sandboxScenarioText } from '../src/state/sandbox.ts';
import { SAVED_RUN_PREFIX, TAB_ID_KEY } from '../src/state/savedRunStore.ts';
import {
  SAVED_RUN_VERSION,
  parseSavedRun,
  savedRunToJson,
  type SavedRun,
} from '../src/state/savedRun.ts';
import { FRAME_PROBE_INIT, TREND_ON_SCREEN } from './pageScripts.ts';
import { median, met, ms, percentile } from './stats.ts';

const TWELVE_HOURS_S = 12 * 3600;
const SPEED = 600;
/** One frame at 60 Hz, ms. */
const FRAME_MS = 1000 / 60;

/**
 * The saved run: the sandbox (open-ended, 72 h) with an adult man in air at 5 °C, wind 2 m/s,
 * 1 clo (he cools slowly and his heart keeps beating, so the rhythm strip draws beats), replayed by
 * the app to 12:00:00 and paused, at 600×.
 */
export function twelveHourSavedRun(): string {
  const text = sandboxScenarioText({
    ...SANDBOX_DEFAULTS,
    medium: 'air',
    temperatureC: 5,
    windMPerS: 2,
    clothingClo: 1,
  });
  const scenario = parseScenario(text, SANDBOX_FILE_NAME);
  const seed = 1;
  const sim = createSimulation(scenario, { seed, stepSeconds: 1 });
  sim.advance(TWELVE_HOURS_S);
  const saved: SavedRun = {
    version: SAVED_RUN_VERSION,
    savedAt: new Date().toISOString(),
    scenario: { text, fileName: SANDBOX_FILE_NAME, origin: 'sandbox' },
    log: recordedRunLog(scenario, seed, sim.log(), sim.timeS(), false),
    speed: SPEED,
    paused: true,
    screen: 'run',
  };
  const json = savedRunToJson(saved);
  const check = parseSavedRun(json);
  if (!check.ok) throw new Error(`the benchmark's saved run would be refused: ${check.reason}`);
  return json;
}

interface ProbeResult {
  readonly startMs: number;
  readonly stopMs: number;
  readonly frames: readonly number[];
  readonly ticks: readonly {
    atMs: number;
    type: string;
    tS: number | null;
    samples: number;
  }[];
  readonly longTasks: readonly { startMs: number; durationMs: number }[];
  readonly workers: number;
  readonly longTaskError: string | null;
}

interface TrendOnScreen {
  readonly points: number;
  readonly firstTick: string | null;
  readonly lastTick: string | null;
}

interface MainThreadMetrics {
  readonly taskS: number;
  readonly scriptS: number;
  readonly layoutS: number;
  readonly styleS: number;
}

/**
 * Page timestamps are rounded to 0.1 ms (the page is not cross-origin isolated), so a frame on time
 * at 60 Hz reads 16.6–16.8 ms: an interval counts as late above this.
 */
const LATE_MS = 16.85;

/** Frame intervals and what they say against a 60 Hz display. */
function frameFigures(probe: ProbeResult) {
  const intervals: number[] = [];
  for (let i = 1; i < probe.frames.length; i++) {
    intervals.push(probe.frames[i]! - probe.frames[i - 1]!);
  }
  // Frames a 60 Hz display would have shown in each interval: 1 when on time, 2 when one was missed.
  const slots = intervals.map((v) => Math.max(1, Math.round(v / FRAME_MS)));
  const totalSlots = slots.reduce((t, s) => t + s, 0);
  const missed = slots.reduce((t, s) => t + s - 1, 0);
  const seconds = (probe.frames.at(-1)! - probe.frames[0]!) / 1000;
  return {
    fps: intervals.length / seconds,
    p50: median(intervals),
    p95: percentile(intervals, 95),
    p99: percentile(intervals, 99),
    max: Math.max(...intervals),
    over: intervals.filter((v) => v > 16.7).length,
    late: intervals.filter((v) => v > LATE_MS).length,
    missedOne: slots.filter((s) => s > 1).length,
    intervals: intervals.length,
    droppedPercent: (100 * missed) / totalSlots,
  };
}

function frameLine(label: string, probe: ProbeResult, withTarget: boolean): string[] {
  const f = frameFigures(probe);
  const longTotal = probe.longTasks.reduce((t, l) => t + l.durationMs, 0);
  const longest = [...probe.longTasks].sort((a, b) => b.durationMs - a.durationMs)[0];
  return [
    `  ${label}: ${f.fps.toFixed(1)} frames/s; frame interval p50 ${ms(f.p50, 1)}, p95 ${ms(f.p95, 1)}, ` +
      `p99 ${ms(f.p99, 1)}, max ${ms(f.max, 1)}` +
      (withTarget
        ? `; target p95 under 16.7 ms (one 60 Hz frame: 16.8 ms at the 0.1 ms resolution of page timestamps): ${met(f.p95 <= LATE_MS)}`
        : ''),
    `    intervals over 16.7 ms: ${f.over} of ${f.intervals} (${f.late} over 16.8 ms; ` +
      `${f.missedOne} long enough to skip a 60 Hz frame); ${f.droppedPercent.toFixed(1)} % of 60 Hz frames dropped`,
    `    long tasks (over 50 ms): ${probe.longTasks.length}, ${ms(longTotal)} in all` +
      (longest
        ? `; longest ${ms(longest.durationMs)} at ${((longest.startMs - probe.startMs) / 1000).toFixed(2)} s`
        : '') +
      (probe.longTaskError ? ` (long tasks not observable: ${probe.longTaskError})` : ''),
  ];
}

export async function frameProbeFigures(
  browser: Browser,
  baseUrl: string,
  seconds = 10,
): Promise<string[]> {
  const savedRun = twelveHourSavedRun();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript({ content: FRAME_PROBE_INIT });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('scenario-card').first().waitFor({ timeout: 30_000 });
    // Saved as this tab's run (saves are kept per tab), so the reload restores it.
    await page.evaluate(
      ([prefix, tabIdKey, value]) =>
        localStorage.setItem(prefix + sessionStorage.getItem(tabIdKey), value),
      [SAVED_RUN_PREFIX, TAB_ID_KEY, savedRun] as const,
    );
    const restoreStart = Date.now();
    await page.reload();
    await page
      .getByTestId('notice')
      .filter({ hasText: 'Restored your run at' })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('run-status').filter({ hasText: 'Paused' }).waitFor();
    const restoreS = (Date.now() - restoreStart) / 1000;
    const speed = await page.getByLabel('Speed').inputValue();
    if (speed !== String(SPEED)) await page.getByLabel('Speed').selectOption(String(SPEED));
    await page.waitForTimeout(1000);
    const before = (await page.evaluate(TREND_ON_SCREEN)) as TrendOnScreen;

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async (): Promise<MainThreadMetrics> => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      return {
        taskS: get('TaskDuration'),
        scriptS: get('ScriptDuration'),
        layoutS: get('LayoutDuration'),
        styleS: get('RecalcStyleDuration'),
      };
    };

    // Baseline: the same screen, paused (the rhythm strip still animates).
    await page.evaluate('window.__coldbootProbe.start()');
    await page.waitForTimeout(3000);
    const idle = (await page.evaluate('window.__coldbootProbe.stop()')) as ProbeResult;

    // The probe: play at 600×.
    const m0 = await metrics();
    // Clicked from inside the page, so none of Playwright's own work (actionability checks) falls
    // in the probe's window.
    await page.evaluate(
      `window.__coldbootProbe.start(); document.querySelector('[data-testid="play-pause"]').click();`,
    );
    await page.waitForTimeout(seconds * 1000);
    const running = (await page.evaluate('window.__coldbootProbe.stop()')) as ProbeResult;
    const m1 = await metrics();
    await page.getByTestId('play-pause').click();
    const after = (await page.evaluate(TREND_ON_SCREEN)) as TrendOnScreen;

    const wallS = (running.stopMs - running.startMs) / 1000;
    const ticks = running.ticks.filter((t) => t.type === 'tick');
    const simTimes = ticks.map((t) => t.tS).filter((t): t is number => t !== null);
    const simS = simTimes.length > 1 ? simTimes.at(-1)! - simTimes[0]! : 0;
    const tickSpanS = ticks.length > 1 ? (ticks.at(-1)!.atMs - ticks[0]!.atMs) / 1000 : wallS;
    // The busiest second: most ticks in any one-second window.
    let busiest = 0;
    for (let i = 0, j = 0; i < ticks.length; i++) {
      while (ticks[i]!.atMs - ticks[j]!.atMs >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const gaps = ticks.slice(1).map((t, i) => t.atMs - ticks[i]!.atMs);
    const busy = (key: keyof MainThreadMetrics) => (100 * (m1[key] - m0[key])) / wallS;

    return [
      `2. Frame-rate probe: a 12-hour sandbox run (restored from localStorage and replayed to 12:00:00 ` +
        `in ${restoreS.toFixed(1)} s), played at ${SPEED}× for ${wallS.toFixed(1)} s of wall time, 1280×720`,
      `  trend on screen: core temperature drawn through ${before.points} points (the chart thins the ` +
        `samples), time axis ${before.firstTick ?? '?'}–${before.lastTick ?? '?'} before playing; ` +
        `${after.points} points, ${after.firstTick ?? '?'}–${after.lastTick ?? '?'} after`,
      `  worker → page: ${(Math.max(0, ticks.length - 1) / tickSpanS).toFixed(1)} tick messages/s on average, ` +
        `${busiest} in the busiest second (interval median ${ms(median(gaps), 1)}, max ${ms(Math.max(0, ...gaps), 0)}); ` +
        `target at most 30/s: ${met(busiest <= 30)}`,
      `    simulated ${(simS / 60).toFixed(0)} min in ${tickSpanS.toFixed(1)} s (${(simS / tickSpanS).toFixed(0)}× real time); ` +
        `${ticks.reduce((t, k) => t + k.samples, 0)} trend samples arrived`,
      ...frameLine(`playing at ${SPEED}×`, running, true),
      `    page main thread busy ${busy('taskS').toFixed(0)} % of the time (script ${busy('scriptS').toFixed(0)} %, ` +
        `style ${busy('styleS').toFixed(0)} %, layout ${busy('layoutS').toFixed(0)} %; CDP Performance.getMetrics)`,
      ...frameLine('baseline, same screen paused (3 s)', idle, false),
    ];
  } finally {
    await context.close();
  }
}
