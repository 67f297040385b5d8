// A trend sample read from the run's state equals one taken from a snapshot, at every moment.

import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../models/index.ts';
import { TREND_SERIES, sampleOf, sampleOfRun } from '../../src/worker/protocol.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

describe('trend samples', () => {
  it('read from the state are the snapshot’s values, bit for bit', () => {
    const sim = createSimulation(
      testScenario({
        ...iceWaterImmersion,
        timeline: [
          ...iceWaterImmersion.timeline!,
          { atS: 900, action: { do: 'cardiacArrest', rhythm: 'vf' } },
        ],
        endS: 1800,
      }),
      { stepSeconds: 5 },
    );
    while (!sim.isFinished()) {
      sim.advance(60);
      const sample = sampleOfRun(sim);
      expect(sample).toEqual(sampleOf(sim.snapshot()));
      expect(sample.values).toHaveLength(TREND_SERIES.length);
    }
  });
});
