import { describe, expect, it } from 'vitest';
import { FakeClock } from './fakeClock.ts';
import type { Scenario } from '../../models/index.ts';
import { FRAME_MS, MAX_FRAME_WALL_S, SimulationHost } from '../../src/worker/host.ts';
import {
  TREND_SAMPLE_INTERVAL_S,
  TREND_SERIES,
  trendIndex,
  type TickMessage,
  type WorkerToMain,
} from '../../src/worker/protocol.ts';

const scenario: Scenario = {
  format: 'coldboot/scenario@1',
  title: 'Test dip',
  briefing: 'A short dip.',
  patient: { sex: 'female', ageYears: 29, massKg: 60, heightCm: 170 },
  start: { environment: { medium: 'air', temperatureC: -5 } },
  timeline: [
    { atS: 0, action: { do: 'immerse', waterTemperatureC: 3, airPocket: true } },
    { atS: 125, action: { do: 'pause' } },
  ],
  end: { atS: 605 },
};

function setup(): { host: SimulationHost; clock: FakeClock; out: WorkerToMain[] } {
  const out: WorkerToMain[] = [];
  const clock = new FakeClock();
  const host = new SimulationHost((m) => out.push(m), clock);
  return { host, clock, out };
}

const ticks = (out: WorkerToMain[]): TickMessage[] =>
  out.filter((m): m is TickMessage => m.type === 'tick');

describe('simulation host', () => {
  it('answers load with loaded and a first tick holding the t = 0 sample', () => {
    const { host, out } = setup();
    host.handle({ type: 'load', scenario, seed: 1 });
    expect(out[0]).toEqual({ type: 'loaded', title: 'Test dip', endS: 605 });
    const first = ticks(out)[0]!;
    expect(first.running).toBe(false);
    expect(first.samples.map((s) => s.tS)).toEqual([0]);
    expect(first.events.map((e) => e.action.do)).toEqual(['immerse']);
  });

  it('advances by wall time × speed, samples on the interval, and stops at a scenario pause', () => {
    const { host, clock, out } = setup();
    host.handle({ type: 'load', scenario, seed: 1 });
    host.handle({ type: 'setSpeed', speed: 60 });
    host.handle({ type: 'play' });
    out.length = 0;
    clock.run(1000); // 1 s of wall time at 60× = 60 simulated seconds
    const t = ticks(out);
    expect(t.length).toBeGreaterThanOrEqual(20);
    expect(t.length).toBeLessThanOrEqual(1000 / FRAME_MS + 1);
    expect(t.at(-1)!.snapshot.tS).toBeCloseTo(60, 0);
    const times = t.flatMap((m) => m.samples.map((s) => s.tS));
    expect(times.length).toBeGreaterThanOrEqual(55 / TREND_SAMPLE_INTERVAL_S);
    expect(times).toEqual(times.map((_, i) => (i + 1) * TREND_SAMPLE_INTERVAL_S));
    expect(times.every((x) => x % TREND_SAMPLE_INTERVAL_S === 0)).toBe(true);

    clock.run(2000); // would reach 180 s, but the timeline pauses at 125 s
    const last = ticks(out).at(-1)!;
    expect(last.running).toBe(false);
    expect(last.snapshot.tS).toBe(125);
    expect(host.isRunning()).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('counts a stalled frame as at most MAX_FRAME_WALL_S of wall time', () => {
    const { host, clock, out } = setup();
    host.handle({ type: 'load', scenario: { ...scenario, timeline: [] }, seed: 1 });
    host.handle({ type: 'setSpeed', speed: 100 });
    host.handle({ type: 'play' });
    out.length = 0;
    clock.run(10_000, 10_000); // one late frame
    expect(ticks(out).at(-1)!.snapshot.tS).toBeCloseTo(MAX_FRAME_WALL_S * 100, 0);
  });

  it('finishes at the scenario end with a closing sample, then resets to zero', () => {
    const { host, clock, out } = setup();
    host.handle({ type: 'load', scenario: { ...scenario, timeline: [] }, seed: 1 });
    host.handle({ type: 'setSpeed', speed: 600 });
    host.handle({ type: 'play' });
    clock.run(5000);
    expect(out.filter((m) => m.type === 'finished')).toHaveLength(1);
    const all = ticks(out);
    const times = all.flatMap((m) => m.samples.map((s) => s.tS));
    expect(times.at(-1)).toBe(605);
    expect(times.at(-2)).toBe(605 - (605 % TREND_SAMPLE_INTERVAL_S || TREND_SAMPLE_INTERVAL_S));
    expect(all.at(-1)!.snapshot.finished).toBe(true);

    out.length = 0;
    host.handle({ type: 'reset' });
    expect(out[0]!.type).toBe('loaded');
    expect(ticks(out)[0]!.snapshot.tS).toBe(0);
  });

  it('applies learner actions and reports errors as messages', () => {
    const { host, out } = setup();
    host.handle({ type: 'apply', action: { do: 'message', text: 'hi' } });
    expect(out.at(-1)).toMatchObject({ type: 'error' });
    host.handle({ type: 'load', scenario, seed: 1 });
    host.handle({ type: 'apply', action: { do: 'extricate', airTemperatureC: 20 } });
    const last = ticks(out).at(-1)!;
    expect(last.events).toEqual([
      { atS: 0, source: 'learner', action: { do: 'extricate', airTemperatureC: 20 } },
    ]);
    expect(last.snapshot.environment.medium).toBe('air');
  });
});

describe('simulation host at an end between steps', () => {
  it('plays a scenario whose end falls between steps to that end, finishes and stops', () => {
    const { host, clock, out } = setup();
    host.handle({
      type: 'load',
      scenario: { ...scenario, timeline: [], end: { atS: 100.5 } },
      seed: 1,
    });
    host.handle({ type: 'setSpeed', speed: 600 });
    host.handle({ type: 'play' });
    clock.run(2000);
    const last = ticks(out).at(-1)!;
    expect(last.snapshot.tS).toBe(100.5);
    expect(last.snapshot.finished).toBe(true);
    expect(last.running).toBe(false);
    expect(out.some((m) => m.type === 'finished')).toBe(true);
    expect(clock.pending()).toBe(0);
  });
});

describe('simulation host, bedside actions and vital signs', () => {
  it('samples vital signs with the temperatures, one value per trend series', () => {
    const { host, out } = setup();
    host.handle({ type: 'load', scenario, seed: 1 });
    const [first] = ticks(out)[0]!.samples;
    expect(first!.values).toHaveLength(TREND_SERIES.length);
    expect(first!.values.every(Number.isFinite)).toBe(true);
    expect(first!.values[trendIndex('coreTempC')]).toBeGreaterThan(36);
    expect(first!.values[trendIndex('heartRateBpm')]).toBeGreaterThan(40);
    expect(first!.values[trendIndex('arterialSat')]).toBeGreaterThan(0.9);
    expect(first!.values[trendIndex('brainViableFraction')]).toBe(1);
  });

  it('applies a cardiac arrest, CPR and ventilation while running; the monitor follows', () => {
    const { host, clock, out } = setup();
    host.handle({ type: 'load', scenario: { ...scenario, timeline: [] }, seed: 1 });
    host.handle({ type: 'setSpeed', speed: 60 });
    host.handle({ type: 'play' });
    clock.run(1000);
    out.length = 0;

    host.handle({ type: 'apply', action: { do: 'cardiacArrest', rhythm: 'vf' } });
    host.handle({ type: 'apply', action: { do: 'startCpr', mode: 'manual' } });
    host.handle({ type: 'apply', action: { do: 'ventilate', fio2: 1 } });
    const applied = ticks(out).flatMap((t) => t.events);
    expect(applied.map((e) => [e.source, e.action.do])).toEqual([
      ['learner', 'cardiacArrest'],
      ['learner', 'startCpr'],
      ['learner', 'ventilate'],
    ]);
    expect(host.isRunning()).toBe(true);

    clock.run(1000); // one more simulated minute
    const last = ticks(out).at(-1)!;
    expect(last.snapshot).toMatchObject({
      rhythm: 'vf',
      rhythmLabel: 'ventricular fibrillation',
      heartRateBpm: 0,
      cpr: 'manual',
      ventilationFio2: 1,
    });
    const hr = ticks(out)
      .flatMap((t) => t.samples)
      .map((s) => s.values[trendIndex('heartRateBpm')]);
    expect(hr.at(-1)).toBe(0);
  });

  it('keeps to one tick per frame at the highest speed, vital signs included', () => {
    const { host, clock, out } = setup();
    host.handle({ type: 'load', scenario: { ...scenario, timeline: [] }, seed: 1 });
    host.handle({ type: 'setSpeed', speed: 600 });
    host.handle({ type: 'play' });
    out.length = 0;
    clock.run(1000);
    const t = ticks(out);
    expect(t.length).toBeLessThanOrEqual(1000 / FRAME_MS + 1);
    const samples = t.flatMap((m) => m.samples);
    expect(samples.length).toBeGreaterThanOrEqual((0.9 * 600) / TREND_SAMPLE_INTERVAL_S);
    expect(samples.every((s) => s.values.length === TREND_SERIES.length)).toBe(true);
  });
});
