// The ensemble bench page (bench/ensemble.html): runs "What are the odds?" exactly as the app does
// (src/odds/runOdds.ts: one Web Worker per core, members in batches) for a scenario the benchmark
// hands it, and reports the wall time, the workers started and the headline statistics.

import type { Scenario } from '../models/index.ts';
import { browserWorkerCount, runOdds } from '../src/odds/runOdds.ts';

export interface EnsembleBenchResult {
  readonly members: number;
  readonly wallMs: number;
  /** From the call to the first batch of results: starting the workers and the first members. */
  readonly firstResultsMs: number | null;
  /** Workers runOdds asked for (browserWorkerCount()) and Web Workers actually started. */
  readonly workers: number;
  readonly workersStarted: number;
  readonly hardwareConcurrency: number;
  readonly survival: number;
  readonly medianBrainLost: number;
  readonly medianMinCoreC: number;
  readonly fanPoints: number;
}

declare global {
  interface Window {
    coldbootEnsembleBench?: {
      run(scenario: Scenario, members: number, seed: number): Promise<EnsembleBenchResult>;
    };
  }
}

// Counts the Web Workers runOdds starts (it names them "coldboot-odds").
let workersStarted = 0;
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    if (options?.name === 'coldboot-odds') workersStarted++;
  }
};

window.coldbootEnsembleBench = {
  async run(scenario, members, seed) {
    workersStarted = 0;
    let firstResultsMs: number | null = null;
    const start = performance.now();
    const result = await runOdds(
      { scenario, actions: [], members, seed },
      {
        onProgress: () => {
          firstResultsMs ??= performance.now() - start;
        },
      },
    );
    const wallMs = performance.now() - start;
    const s = result.summary;
    return {
      members: s.members,
      wallMs,
      firstResultsMs,
      workers: browserWorkerCount(),
      workersStarted,
      hardwareConcurrency: navigator.hardwareConcurrency,
      survival: s.survival.probability,
      medianBrainLost: s.brain_lost_fraction.p50,
      medianMinCoreC: s.min_core_temp_c.p50,
      fanPoints: result.fanBands?.times.length ?? 0,
    };
  },
};
