// The worker pool shared by the command line and the browser, driven here by in-thread "workers"
// that answer asynchronously, as real ones do; and the hypothesis sweep of the self-check threshold.

import { describe, expect, it } from 'vitest';
import {
  SELF_CHECK_PARAMETER,
  hypothesisPlans,
  hypothesisPoints,
  safeReoxygenationTempC,
  sweepValues,
} from '../../models/ensemble/hypothesis.ts';
import { runEnsemble, type EnsembleRequest } from '../../models/ensemble/index.ts';
import {
  createWorkerHandler,
  runEnsembleInPool,
  runPlansInPool,
  type FromWorker,
  type PoolWorker,
} from '../../models/ensemble/pool.ts';
import type { Outcome } from '../../models/index.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

/** 20 minutes: ice water, a VF arrest at 5 min, compressions and oxygen from 8 min. */
const arrest = testScenario({
  start: iceWaterImmersion.start,
  timeline: [
    ...iceWaterImmersion.timeline!,
    { atS: 300, action: { do: 'cardiacArrest', rhythm: 'vf' } },
    { atS: 480, action: { do: 'startCpr', mode: 'mechanical' } },
  ],
  endS: 1200,
});
const request: EnsembleRequest = { scenario: arrest, members: 9, seed: 3, fan: { everyS: 300 } };

/** A worker that runs in this thread and answers on a later task, like a real one. */
function inThreadWorker(log: string[]): PoolWorker {
  let listener: ((m: FromWorker) => void) | undefined;
  const handle = createWorkerHandler((message) => {
    setTimeout(() => listener?.(structuredClone(message)), 0);
  });
  return {
    post: (message) => {
      log.push(message.type);
      setTimeout(() => handle(structuredClone(message)), 0);
    },
    listen: (onMessage) => {
      listener = onMessage;
    },
    terminate: () => {
      log.push('terminate');
    },
  };
}

describe('the worker pool', () => {
  it('gives the same result on 2 workers as in this thread, reports progress and stops its workers', async () => {
    const log: string[] = [];
    const progress: number[] = [];
    const pooled = await runEnsembleInPool(request, () => inThreadWorker(log), {
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(pooled).toEqual(runEnsemble(request));
    expect(progress.at(-1)).toBe(9);
    expect(log.filter((m) => m === 'init')).toHaveLength(2);
    expect(log.filter((m) => m === 'terminate')).toHaveLength(2);
  });

  it('cancels: the promise rejects with the reason and the workers are stopped', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const run = runEnsembleInPool(request, () => inThreadWorker(log), {
      workers: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled by the learner')),
    });
    await expect(run).rejects.toThrow('cancelled by the learner');
    expect(log.filter((m) => m === 'terminate')).toHaveLength(2);
    const before = new AbortController();
    before.abort();
    await expect(
      runEnsembleInPool(request, () => inThreadWorker(log), { workers: 0, signal: before.signal }),
    ).rejects.toThrow(/aborted|cancelled/);
  });

  it('names the member that failed, with its seed', async () => {
    const broken = { ...request, actions: [{ atS: 99_999, action: { do: 'stopCpr' as const } }] };
    await expect(
      runEnsembleInPool(broken, () => inThreadWorker([]), { workers: 2 }),
    ).rejects.toThrow(/ensemble member \d+ \(seed \d+\): actions\[0\]\.atS/);
  });
});

describe('the hypothesis sweep of the self-check threshold', () => {
  it('puts the safe re-oxygenation temperature below the threshold, by the logistic', () => {
    expect(safeReoxygenationTempC(25, 1.5)).toBeCloseTo(25 - 1.5 * Math.log(19), 12);
    // At that temperature the self-check runs at 5 %.
    const t = safeReoxygenationTempC(20, 2);
    expect(1 / (1 + Math.exp(-(t - 20) / 2))).toBeCloseTo(0.05, 12);
    expect(sweepValues()).toHaveLength(12);
    expect(sweepValues()[0]).toBe(10);
    expect(sweepValues().at(-1)).toBe(32);
    expect(() => sweepValues(10, 10, 5)).toThrow();
  });

  it('loses more brain when the self-check stops only at a lower temperature', async () => {
    // Oxygen returns to a brain cooled in ice water: whether cells self-destruct depends on the
    // threshold. A threshold far below the brain's temperature lets the self-check run.
    const plans = hypothesisPlans([10, 32], 5);
    expect(plans.map((p) => p.parameters[SELF_CHECK_PARAMETER])).toEqual([10, 32]);
    const outcomes: Outcome[] = [];
    await runPlansInPool(
      { scenario: arrest, members: 2, seed: 5 },
      plans,
      () => inThreadWorker([]),
      { workers: 2 },
      (member, result) => {
        outcomes[member] = result.outcome;
      },
    );
    const points = hypothesisPoints(plans, outcomes);
    expect(points.map((p) => p.thresholdC)).toEqual([10, 32]);
    expect(points[0]!.safeBrainTempC).toBeLessThan(10);
    expect(points[0]!.outcome.brain_lost_fraction).toBeGreaterThanOrEqual(
      points[1]!.outcome.brain_lost_fraction,
    );
  });
});
