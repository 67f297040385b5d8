import { describe, expect, it } from 'vitest';
import { createSimulation, forgetSettledStarts } from '../../models/index.ts';
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

  it('runs bit for bit the same from a remembered start profile as from one settled afresh', () => {
    const run = (forget: boolean, options: { seed?: number; stepSeconds?: number } = {}) => {
      if (forget) forgetSettledStarts();
      const sim = createSimulation(scenario, { seed: 3, ...options });
      const start = Array.from(sim.stateVector());
      sim.advance(1800);
      return { start, end: Array.from(sim.stateVector()) };
    };
    const fresh = run(true);
    const remembered = run(false);
    expect(remembered).toEqual(fresh);
    // Another seed or step is another start, not the remembered one.
    expect(run(false, { seed: 4 }).start).not.toEqual(fresh.start);
    expect(run(false, { stepSeconds: 2 }).start).not.toEqual(fresh.start);
    expect(run(false, { seed: 4 })).toEqual(run(true, { seed: 4 }));
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

  /** Advances in `chunkS` pieces until the run ends, at most `maxCalls` times (a hang fails). */
  function runToEnd(sim: ReturnType<typeof createSimulation>, chunkS: number, maxCalls = 100_000) {
    for (let calls = 0; calls < maxCalls && !sim.isFinished(); calls++) sim.advance(chunkS);
  }

  it('reaches an end that falls between two steps, by a shorter last step', () => {
    const sim = createSimulation(testScenario({ endS: 100.5 }));
    runToEnd(sim, 1);
    expect(sim.isFinished()).toBe(true);
    expect(sim.timeS()).toBe(100.5);
    expect(sim.snapshot().tS).toBe(100.5);
    expect(sim.endReason()).toBe('time');
  });

  it('ends a two-hour scenario exactly at 7200 s with a 7 s step', () => {
    const sim = createSimulation(testScenario({ endS: 7200 }), { stepSeconds: 7 });
    runToEnd(sim, 60);
    expect(sim.isFinished()).toBe(true);
    expect(sim.timeS()).toBe(7200);
    expect(Number.isFinite(sim.snapshot().coreTempC)).toBe(true);
  });

  it('reaches an end between steps the same way however advance() is chunked', () => {
    const odd = testScenario({ ...iceWaterImmersion, endS: 1000.25 });
    const whole = createSimulation(odd, { stepSeconds: 7 });
    whole.advance(5000);
    expect(whole.timeS()).toBe(1000.25);
    for (const chunk of [0.3, 1, 6.9, 7, 100, 999.9]) {
      const chunked = createSimulation(odd, { stepSeconds: 7 });
      runToEnd(chunked, chunk);
      expect(chunked.timeS()).toBe(1000.25);
      expect(Array.from(chunked.stateVector())).toEqual(Array.from(whole.stateVector()));
    }
  });

  it('ends exactly at the end when whole steps reach it only within rounding (3 × 0.1 s)', () => {
    const sim = createSimulation(testScenario({ endS: 0.3 }), { stepSeconds: 0.1 });
    runToEnd(sim, 1);
    expect(sim.timeS()).toBe(0.3);
    // An action at the end is logged at the end, so its log is accepted and replays.
    sim.apply({ do: 'stopBreathing' });
    expect(sim.log().at(-1)!.atS).toBe(0.3);
  });

  it('applies a timeline entry in the last, shortened step at the end', () => {
    const sim = createSimulation(
      testScenario({ endS: 100.5, timeline: [{ atS: 100.25, action: { do: 'stopBreathing' } }] }),
    );
    runToEnd(sim, 10);
    expect(sim.log().map((e) => [e.atS, e.action.do])).toEqual([[100.5, 'stopBreathing']]);
  });

  it('samples a series at the requested interval, including time zero and the end', () => {
    const sim = createSimulation(testScenario({ endS: 150 }));
    const times: number[] = [];
    runSampled(sim, 60, (s) => times.push(s.tS));
    expect(times).toEqual([0, 60, 120, 150]);
  });

  it('rejects a nonsensical step or advance with a clear error', () => {
    expect(() => createSimulation(scenario, { stepSeconds: 0 })).toThrow(/stepSeconds/);
    expect(() => createSimulation(scenario, { stepSeconds: 0.001 })).toThrow(
      /stepSeconds: expected a model step from 0\.1 to 10 s, found 0\.001/,
    );
    expect(() => createSimulation(scenario, { stepSeconds: 11 })).toThrow(/stepSeconds/);
    expect(() => createSimulation(scenario).advance(-1)).toThrow(/advance/);
    expect(() => createSimulation(scenario).advance(Number.NaN)).toThrow(/advance/);
  });
});
