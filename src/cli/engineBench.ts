// Engine benchmark rows for `coldboot bench`: the speed of every built-in scenario and of a 72-hour
// run with and without triggers on one core, the heap growth over a 72-hour run, the cost of
// creating a run and of restoring a 12-hour run. Prints figures with their targets; asserts nothing.

import { median as d3Median } from 'd3-array';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PerformanceObserver } from 'node:perf_hooks';
import {
  createSimulation,
  forgetSettledStarts,
  parseScenario,
  type Scenario,
  type Simulation,
} from '../../models/index.ts';
import { SimulationHost, type HostClock } from '../worker/host.ts';
import { BUILT_IN_SCENARIOS } from './locate.ts';

/** The median of the timings (d3-array: the mean of the middle two of an even count). */
const median = (values: readonly number[]): number => d3Median(values) ?? Number.NaN;

const HOUR_S = 3600;
/** The speed target of every row: simulated seconds per wall-clock second. */
export const SPEED_TARGET = 1_000_000;
const SCENARIO_DIR = BUILT_IN_SCENARIOS;

/** A 72-hour cold room: an adult man in air at 5 °C, wind 2 m/s, 1 clo (the frame probe's run). */
export const COLD_ROOM_72H: Scenario = {
  format: 'coldboot/scenario@1',
  title: 'Benchmark: 72 hours in a cold room',
  briefing: 'An adult man in air at 5 °C for three days.',
  patient: { sex: 'male', ageYears: 35, massKg: 75, heightCm: 178 },
  start: { environment: { medium: 'air', temperatureC: 5, windMPerS: 2, clothingClo: 1 } },
  timeline: [],
  end: { atS: 72 * HOUR_S },
};

/** The same run with two `when` triggers, one of them repeating, and an end condition. */
export const COLD_ROOM_72H_TRIGGERS: Scenario = {
  ...COLD_ROOM_72H,
  title: 'Benchmark: 72 hours in a cold room, with triggers',
  triggers: [
    {
      when: { kind: 'compare', output: 'core_temp_c', below: 35 },
      actions: [{ do: 'message', text: 'Core below 35 °C.' }],
      repeat: false,
    },
    {
      when: {
        kind: 'any',
        of: [
          { kind: 'is', output: 'rhythm', values: ['vf', 'asystole'] },
          { kind: 'compare', output: 'shivering', above: 0.5 },
        ],
      },
      actions: [{ do: 'message', text: 'Shivering hard, or the heart has stopped.' }],
      repeat: true,
    },
  ],
  end: { atS: 72 * HOUR_S, when: { kind: 'compare', output: 'brain_temp_c', below: 10 } },
};

export interface SpeedRow {
  readonly name: string;
  readonly scenario: Scenario;
}

/** The built-in scenarios of public/scenarios, by file name. */
export function builtInScenarios(): SpeedRow[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.yaml$/, ''),
      scenario: parseScenario(readFileSync(join(SCENARIO_DIR, f), 'utf8'), f),
    }));
}

export interface SpeedFigure {
  readonly name: string;
  readonly simulatedS: number;
  /** Median wall time of advancing to the end, ms. */
  readonly wallMs: number;
  /** Median CPU time of the same (this process), ms: steadier on a shared machine. */
  readonly cpuMs: number;
  /** Median time to create the run (patient, start profile from the cache, history), ms. */
  readonly createMs: number;
}

/** Times one scenario: `runs` runs after one warm-up, medians. */
export function timeScenario(name: string, scenario: Scenario, runs: number): SpeedFigure {
  createSimulation(scenario).advance(scenario.end.atS);
  const wall: number[] = [];
  const cpu: number[] = [];
  const create: number[] = [];
  let simulatedS = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const sim = createSimulation(scenario);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    sim.advance(scenario.end.atS);
    const c2 = process.cpuUsage(c1);
    const t2 = performance.now();
    simulatedS = sim.timeS();
    create.push(t1 - t0);
    wall.push(t2 - t1);
    cpu.push((c2.user + c2.system) / 1000);
  }
  return {
    name,
    simulatedS,
    wallMs: median(wall),
    cpuMs: median(cpu),
    createMs: median(create),
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function speedLine(f: SpeedFigure): string {
  const speed = f.simulatedS / (f.wallMs / 1000);
  const cpuSpeed = f.simulatedS / (f.cpuMs / 1000);
  const met =
    speed >= SPEED_TARGET ? 'met' : cpuSpeed >= SPEED_TARGET ? 'met on CPU time' : 'NOT met';
  return (
    `  ${f.name.padEnd(30)} ${(f.simulatedS / HOUR_S).toFixed(1).padStart(5)} h ` +
    `${f.wallMs.toFixed(1).padStart(8)} ms ${fmt(speed).padStart(11)}× ` +
    `(CPU ${fmt(cpuSpeed).padStart(11)}×)  create ${f.createMs.toFixed(2).padStart(6)} ms  ` +
    `target ${fmt(SPEED_TARGET)}×: ${met}`
  );
}

/** A function that collects garbage now (the flag is set for this process once). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Heap growth over a 72-hour run: the heap in use after a full collection before and after
 * `advance`, and the collections the run itself caused (each one means garbage was made).
 */
export async function heapGrowth(
  scenario: Scenario,
): Promise<{ growthBytes: number; collections: number }> {
  const gc = collector();
  createSimulation(scenario).advance(scenario.end.atS);
  const sim: Simulation = createSimulation(scenario);
  gc();
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  const before = process.memoryUsage().heapUsed;
  observer.observe({ entryTypes: ['gc'] });
  const usedAtEnd = (() => {
    sim.advance(scenario.end.atS);
    return process.memoryUsage().heapUsed;
  })();
  // Entries arrive asynchronously: let them in before counting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { growthBytes: usedAtEnd - before, collections };
}

/** Creating a run: with an empty cache of start profiles, and with the start remembered. */
export function creationTimes(
  scenario: Scenario,
  runs: number,
): { freshMs: number; cachedMs: number } {
  const fresh: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) {
    forgetSettledStarts();
    const t0 = performance.now();
    createSimulation(scenario);
    const t1 = performance.now();
    createSimulation(scenario);
    const t2 = performance.now();
    fresh.push(t1 - t0);
    cached.push(t2 - t1);
  }
  return { freshMs: median(fresh), cachedMs: median(cached) };
}

/** A clock that never fires: the restore is timed without the frame timer. */
const STILL_CLOCK: HostClock = {
  now: () => 0,
  setTimer: () => 0,
  clearTimer: () => undefined,
};

/**
 * Restoring a 12-hour run after a reload, the worker's part: the simulation worker's host loads the
 * sandbox-like 72 h cold room and replays it to 12:00:00, taking the trend's one-second samples,
 * as after a reload. Excludes posting the samples to the page and drawing them.
 */
export function restoreTimeMs(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const host = new SimulationHost(() => undefined, STILL_CLOCK);
    host.handle({
      type: 'load',
      scenario: COLD_ROOM_72H,
      seed: 1,
      replay: { actions: [], toS: 12 * HOUR_S },
    });
    if (i > 0) times.push(performance.now() - t0);
  }
  return median(times);
}

export async function engineBenchLines(runs = 5): Promise<string[]> {
  const lines = [
    `Speed on one core: median of ${runs} runs after a warm-up; "CPU" is this process's CPU time ` +
      '(steadier when other work shares the cores)',
  ];
  const rows: SpeedRow[] = [
    { name: '72 h cold room, no triggers', scenario: COLD_ROOM_72H },
    { name: '72 h cold room, 2 triggers+end', scenario: COLD_ROOM_72H_TRIGGERS },
    ...builtInScenarios(),
  ];
  for (const row of rows) lines.push(speedLine(timeScenario(row.name, row.scenario, runs)));
  const heap = await heapGrowth(COLD_ROOM_72H_TRIGGERS);
  lines.push(
    `  heap growth over a 72 h run with triggers: ${(heap.growthBytes / 1024).toFixed(1)} kB, ` +
      `${heap.collections} garbage collection${heap.collections === 1 ? '' : 's'} during the run ` +
      `(target: no allocation in the inner loop)`,
  );
  const created = creationTimes(COLD_ROOM_72H, runs);
  lines.push(
    `  creating a run: ${created.freshMs.toFixed(1)} ms settling a new start profile, ` +
      `${created.cachedMs.toFixed(2)} ms with the start remembered ` +
      `(target: under 2 ms, or cached per patient and start: ` +
      `${created.freshMs < 2 || created.cachedMs < 2 ? 'met' : 'NOT met'})`,
  );
  const restoreMs = restoreTimeMs(runs);
  lines.push(
    `  restoring a 12 h run (the worker's replay with its one-second trend samples): ` +
      `${restoreMs.toFixed(0)} ms (target under 200 ms from load to the run screen: ` +
      `${restoreMs < 200 ? "the worker's part met" : 'NOT met'})`,
  );
  return lines;
}
