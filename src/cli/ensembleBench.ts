// Ensemble benchmark for `coldboot bench`: 1,000 members of a 6-hour scenario across worker threads,
// with wall time and peak memory, and where a member's time goes. Prints figures; asserts nothing.

import { median as d3Median } from 'd3-array';
import { availableParallelism, loadavg } from 'node:os';
import { createSimulation, type Scenario } from '../../models/index.ts';
import {
  DEFAULT_MEMBER_STEP_S,
  ensembleDesign,
  memberParameters,
} from '../../models/ensemble/index.ts';
import { defaultWorkerCount, runEnsembleInWorkers } from './ensemblePool.ts';
import { builtInScenarios } from './engineBench.ts';
import type { CliIo } from './io.ts';

/** The median of the timings (d3-array: the mean of the middle two of an even count). */
const median = (values: readonly number[]): number => d3Median(values) ?? Number.NaN;

const SIX_HOURS_S = 6 * 3600;

const at = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
};

/**
 * Six hours of the teaching story: 80 minutes under the ice (breathing from an air pocket), cardiac
 * arrest at rescue, mechanical compressions, VA-ECMO with the oxygenator off while the blood cools
 * the brain, then oxygen, slow rewarming and shocks. Outcomes vary widely across members, so the
 * benchmark exercises the heart-lung machine, rhythm changes, cell injury and potassium.
 */
export const ENSEMBLE_BENCH_SCENARIO: Scenario = {
  format: 'coldboot/scenario@1',
  title: 'Benchmark: skier on ECMO, 6 hours',
  briefing: 'Under the ice, arrest at rescue, compressions, cooling and rewarming on VA-ECMO.',
  patient: { sex: 'female', ageYears: 29, massKg: 60, heightCm: 170 },
  start: { environment: { medium: 'air', temperatureC: -5, windMPerS: 2, clothingClo: 2 } },
  timeline: [
    { atS: 0, action: { do: 'immerse', waterTemperatureC: 3, airPocket: true } },
    { atS: at('1:20'), action: { do: 'extricate', airTemperatureC: -5, windMPerS: 2 } },
    { atS: at('1:20'), action: { do: 'cardiacArrest', rhythm: 'vf' } },
    { atS: at('1:22'), action: { do: 'startCpr', mode: 'mechanical' } },
    { atS: at('1:22'), action: { do: 'ventilate', fio2: 1 } },
    {
      atS: at('2:00'),
      action: { do: 'setEnvironment', medium: 'air', temperatureC: 22, clothingClo: 1 },
    },
    { atS: at('2:00'), action: { do: 'cannulate', mode: 'va-ecmo' } },
    { atS: at('2:20'), action: { do: 'startPump', flowLPerMin: 4 } },
    { atS: at('2:20'), action: { do: 'stopCpr' } },
    { atS: at('2:20'), action: { do: 'setOxygenator', fio2: 1, sweepLPerMin: 0 } },
    { atS: at('2:20'), action: { do: 'setHeaterCooler', waterTemperatureC: 16 } },
    { atS: at('2:50'), action: { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4 } },
    { atS: at('3:10'), action: { do: 'setHeaterCooler', waterTemperatureC: 22 } },
    { atS: at('3:40'), action: { do: 'setHeaterCooler', waterTemperatureC: 26 } },
    { atS: at('4:10'), action: { do: 'setHeaterCooler', waterTemperatureC: 30 } },
    { atS: at('4:40'), action: { do: 'setHeaterCooler', waterTemperatureC: 34 } },
    { atS: at('5:10'), action: { do: 'setHeaterCooler', waterTemperatureC: 37 } },
    { atS: at('5:20'), action: { do: 'defibrillate' } },
    { atS: at('5:30'), action: { do: 'defibrillate' } },
    { atS: at('5:40'), action: { do: 'defibrillate' } },
  ],
  end: { atS: SIX_HOURS_S },
};

const MB = 1024 * 1024;

/** Runs `task` while sampling the process's resident memory (all threads) every 20 ms. */
async function withPeakMemory<T>(task: () => Promise<T>): Promise<{ value: T; peakBytes: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await task();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakBytes: peak };
  } finally {
    clearInterval(timer);
  }
}

/** The built-in scenario whose ensemble takes longest (8 h, with a 2.5 h history). */
const SLOWEST_BUILT_IN = 'avalanche-burial';

export async function runEnsembleBench(io: CliIo, members = 1000): Promise<void> {
  const scenario = ENSEMBLE_BENCH_SCENARIO;
  const workers = defaultWorkerCount();
  const lines: string[] = [
    `Ensemble benchmark: ${members.toLocaleString('en-US')} members of a 6-hour scenario ` +
      `(skier under the ice, arrest, VA-ECMO cooling and rewarming), ${workers} worker thread${workers === 1 ? '' : 's'} on ` +
      `${availableParallelism()} core${availableParallelism() === 1 ? '' : 's'}` +
      ` (load average before: ${loadavg()[0]!.toFixed(1)})`,
  ];

  // Where one member's time goes, in this thread, after warming up the JIT.
  const design = ensembleDesign({ members: 16, seed: 1 });
  const createMs: number[] = [];
  const stepMs: number[] = [];
  for (let i = 0; i < design.members; i++) {
    const t0 = performance.now();
    const sim = createSimulation(scenario, {
      seed: design.memberSeeds[i]!,
      parameters: memberParameters(design, i),
    });
    const t1 = performance.now();
    sim.advance(SIX_HOURS_S);
    const t2 = performance.now();
    if (i >= 4) {
      createMs.push(t1 - t0);
      stepMs.push(t2 - t1);
    }
  }
  const create = median(createMs);
  const step = median(stepMs);
  lines.push(
    `  one member, 1 s step, in this thread: ${create.toFixed(1)} ms creating the run (patient ` +
      `build and 4 h start-profile settling) + ${step.toFixed(1)} ms stepping 6 h ` +
      `(${Math.round(SIX_HOURS_S / (step / 1000)).toLocaleString('en-US')} simulated s per s) ` +
      `= ${(create + step).toFixed(1)} ms`,
  );

  const runs: { scenario: Scenario; stepSeconds: number; label: string }[] = [
    {
      scenario,
      stepSeconds: DEFAULT_MEMBER_STEP_S,
      label: `${DEFAULT_MEMBER_STEP_S} s step (default)`,
    },
    { scenario, stepSeconds: 1, label: '1 s step (--step 1)' },
  ];
  const slowest = builtInScenarios().find((r) => r.name === SLOWEST_BUILT_IN);
  if (slowest !== undefined) {
    runs.push({
      scenario: slowest.scenario,
      stepSeconds: 1,
      label: `${SLOWEST_BUILT_IN} (${(slowest.scenario.end.atS / 3600).toFixed(0)} h, the slowest built-in scenario), 1 s step`,
    });
  }
  for (const run of runs) {
    const before = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const { value, peakBytes } = await withPeakMemory(() =>
      runEnsembleInWorkers(
        { scenario: run.scenario, members, seed: 1, stepSeconds: run.stepSeconds },
        { workers },
      ),
    );
    const wallS = (performance.now() - start) / 1000;
    // CPU time of every thread of this process: what the run costs, whatever else the cores do.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    const s = value.summary;
    const met = wallS < 10 && peakBytes < 200 * MB ? 'met' : 'NOT met';
    lines.push(
      `  ${run.label}: ` +
        `${wallS.toFixed(1)} s wall, peak memory ${(peakBytes / MB).toFixed(0)} MB ` +
        `(process before: ${(before / MB).toFixed(0)} MB); target under 10 s and 200 MB: ${met}`,
      `    CPU ${cpuS.toFixed(1)} s in all threads (${((cpuS * 1000) / members).toFixed(1)} ms per member; ` +
        `${(cpuS / wallS).toFixed(2)} cores busy on average, of ${workers})`,
      `    survival ${(100 * s.survival.probability).toFixed(1)} %, median brain cells lost ` +
        `${s.brain_lost_fraction.p50.toFixed(3)}, median lowest core ` +
        `${s.min_core_temp_c.p50.toFixed(1)} °C`,
    );
  }
  io.stdout(lines.join('\n') + '\n');
}
