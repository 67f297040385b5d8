import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../models/index.ts';
import { runSampled } from '../../models/engine/series.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

const scenario = testScenario({
  ...iceWaterImmersion,
  timeline: [
    ...iceWaterImmersion.timeline!,
    { atS: 2700, action: { do: 'extricate', airTemperatureC: -10, windMPerS: 5 } },
    {
      atS: 3601,
      action: { do: 'setEnvironment', medium: 'air', temperatureC: 22, clothingClo: 2 },
    },
  ],
  endS: 4 * 3600,
});

describe('createSimulation', () => {
  it('gives bit-identical state for the same scenario, seed and actions', () => {
    const a = createSimulation(scenario, { seed: 42 });
    const b = createSimulation(scenario, { seed: 42 });
    a.advance(1800);
    b.advance(1800);
    a.apply({ do: 'message', text: 'learner note' });
    b.apply({ do: 'message', text: 'learner note' });
    a.advance(4 * 3600);
    b.advance(4 * 3600);
    expect(Array.from(a.stateVector())).toEqual(Array.from(b.stateVector()));
    expect(a.log()).toEqual(b.log());
  });

  it('gives the same trajectory however advance() is chunked', () => {
    const whole = createSimulation(scenario);
    whole.advance(4 * 3600);
    const chunked = createSimulation(scenario);
    const chunks = [0.3, 0.7, 13.37, 59.9, 600, 1e-3, 1799.999, 3600, 9000];
    for (const chunk of chunks) chunked.advance(chunk);
    while (!chunked.isFinished()) chunked.advance(77.7);
    expect(Array.from(chunked.stateVector())).toEqual(Array.from(whole.stateVector()));
  });

  it('applies a timeline entry that falls between steps at the next step boundary', () => {
    const sim = createSimulation(scenario, { stepSeconds: 2 });
    sim.advance(3605);
    const entry = sim.log().find((e) => e.action.do === 'setEnvironment');
    expect(entry?.atS).toBe(3602);
  });

  it('stops at the scenario end and reports finished', () => {
    const sim = createSimulation(testScenario({ endS: 120 }));
    sim.advance(10_000);
    expect(sim.timeS()).toBe(120);
    expect(sim.isFinished()).toBe(true);
    expect(sim.snapshot().finished).toBe(true);
  });

  it('samples a series at the requested interval, including time zero and the end', () => {
    const sim = createSimulation(testScenario({ endS: 150 }));
    const times: number[] = [];
    runSampled(sim, 60, (s) => times.push(s.tS));
    expect(times).toEqual([0, 60, 120, 150]);
  });

  it('rejects a nonsensical step or advance with a clear error', () => {
    expect(() => createSimulation(scenario, { stepSeconds: 0 })).toThrow(/stepSeconds/);
    expect(() => createSimulation(scenario).advance(-1)).toThrow(/advance/);
    expect(() => createSimulation(scenario).advance(Number.NaN)).toThrow(/advance/);
  });
});
