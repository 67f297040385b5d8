// A run whose history was run before starts from the remembered state and log, bit for bit the same
// as one that runs its history afresh.

import { describe, expect, it } from 'vitest';
import { createSimulation, forgetSettledStarts, type Scenario } from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

const scenario: Scenario = {
  ...testScenario({
    start: { environment: { medium: 'air', temperatureC: -5, windMPerS: 3, clothingClo: 2 } },
    endS: 1200,
  }),
  history: [
    { atS: -3600, action: { do: 'immerse', waterTemperatureC: 2, airPocket: true } },
    { atS: -600, action: { do: 'cardiacArrest', rhythm: 'vf' } },
  ],
  timeline: [{ atS: 0, action: { do: 'extricate', airTemperatureC: -5 } }],
};

function run(forget: boolean) {
  if (forget) forgetSettledStarts();
  const sim = createSimulation(scenario, { seed: 7, stepSeconds: 2 });
  const start = Array.from(sim.stateVector());
  sim.advance(1200);
  return {
    start,
    end: Array.from(sim.stateVector()),
    history: sim.historyLog(),
    log: sim.log(),
    outcome: sim.outcome(),
    heat: sim.heatBalance(),
  };
}

describe('remembered histories', () => {
  it('give the same run, bit for bit, as a history run afresh', () => {
    const fresh = run(true);
    const remembered = run(false);
    expect(remembered.start).toEqual(fresh.start);
    expect(remembered.end).toEqual(fresh.end);
    expect(remembered.history).toEqual(fresh.history);
    expect(remembered.history).toHaveLength(2);
    expect(remembered.log).toEqual(fresh.log);
    expect(remembered.outcome).toEqual(fresh.outcome);
    expect(remembered.heat).toEqual(fresh.heat);
  });
});
