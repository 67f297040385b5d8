// Benchmark: how fast the engine runs a 12-hour scenario on one core, and an uncertainty ensemble
// across worker threads (ensembleBench.ts). Prints figures; asserts nothing.

import { createSimulation, type Scenario } from '../../models/index.ts';
import { engineBenchLines } from './engineBench.ts';
import { runEnsembleBench } from './ensembleBench.ts';
import type { CliIo } from './io.ts';

const TWELVE_HOURS_S = 12 * 3600;

/** A 12-hour scenario exercising water and air: immersion, rescue, then rewarming in a warm room. */
export const BENCH_SCENARIO: Scenario = {
  format: 'coldboot/scenario@1',
  title: 'Benchmark: 12 hours',
  briefing: 'Immersion, rescue and a long stay in a warm room.',
  patient: { sex: 'male', ageYears: 35, massKg: 73, heightCm: 176 },
  start: { environment: { medium: 'air', temperatureC: 0, clothingClo: 1.5 } },
  timeline: [
    { atS: 0, action: { do: 'immerse', waterTemperatureC: 4, airPocket: true } },
    { atS: 5400, action: { do: 'extricate', airTemperatureC: -5 } },
    {
      atS: 7200,
      action: { do: 'setEnvironment', medium: 'air', temperatureC: 24, clothingClo: 2 },
    },
  ],
  end: { atS: TWELVE_HOURS_S },
};

export async function runBench(io: CliIo): Promise<void> {
  // Warm up the JIT, then time several runs and report the median.
  for (let i = 0; i < 5; i++) createSimulation(BENCH_SCENARIO).advance(TWELVE_HOURS_S);
  const timesMs: number[] = [];
  const setupMs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const created = performance.now();
    const sim = createSimulation(BENCH_SCENARIO);
    const start = performance.now();
    sim.advance(TWELVE_HOURS_S);
    timesMs.push(performance.now() - start);
    setupMs.push(start - created);
  }
  timesMs.sort((a, b) => a - b);
  setupMs.sort((a, b) => a - b);
  const medianMs = timesMs[Math.floor(timesMs.length / 2)]!;
  const medianSetupMs = setupMs[Math.floor(setupMs.length / 2)]!;
  const speed = TWELVE_HOURS_S / (medianMs / 1000);
  io.stdout(
    [
      'ColdBoot benchmark (one core)',
      `  single run, 12 h scenario, 1 s step: median ${medianMs.toFixed(2)} ms over ${timesMs.length} runs` +
        ` (fastest ${timesMs[0]!.toFixed(2)} ms)`,
      `  speed: ${Math.round(speed).toLocaleString('en-US')} simulated seconds per wall-clock second` +
        ` (target 1,000,000×: 12 h in under 43 ms; at least 200,000×)`,
      `  creating a run (patient build and start-profile settling): median ${medianSetupMs.toFixed(2)} ms`,
      '',
    ].join('\n'),
  );
  io.stdout((await engineBenchLines()).join('\n') + '\n\n');
  await runEnsembleBench(io);
}
