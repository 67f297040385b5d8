// Ensembles run at a 5 s step by default (DEFAULT_MEMBER_STEP_S), single runs at 1 s. A member's
// random events (rhythm changes) are timed by integrating hazards over steps, so any change of step
// reshuffles them like a change of seed would, and single members can end differently. What must
// hold is that the ensemble's statistics, what learners see, agree: same members (parameters and
// seeds), 1 s against 5 s.

import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMBER_STEP_S, runEnsemble } from '../../models/ensemble/index.ts';
import { ENSEMBLE_BENCH_SCENARIO } from '../../src/cli/ensembleBench.ts';

describe('the ensemble step', () => {
  it('is 5 s, and gives the statistics of a 1 s step', { timeout: 600_000 }, () => {
    expect(DEFAULT_MEMBER_STEP_S).toBe(5);
    const request = { scenario: ENSEMBLE_BENCH_SCENARIO, members: 40, seed: 4 };
    const fine = runEnsemble({ ...request, stepSeconds: 1 }).summary;
    const coarse = runEnsemble(request).summary;
    // Outcomes vary across members (from none lost to a good part of the brain), so the comparison
    // is not trivially equal.
    expect(fine.brain_lost_fraction.p5).toBeLessThan(0.01);
    expect(fine.brain_lost_fraction.p95).toBeGreaterThan(0.15);
    expect(Math.abs(coarse.survival.probability - fine.survival.probability)).toBeLessThanOrEqual(
      0.1,
    );
    expect(Math.abs(coarse.brain_lost_fraction.mean - fine.brain_lost_fraction.mean)).toBeLessThan(
      0.05,
    );
    expect(Math.abs(coarse.brain_lost_fraction.p50 - fine.brain_lost_fraction.p50)).toBeLessThan(
      0.01,
    );
    expect(Math.abs(coarse.min_core_temp_c.p50 - fine.min_core_temp_c.p50)).toBeLessThan(0.05);
  });
});
