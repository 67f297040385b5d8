// Time controls in the simulation host: a step, a skip to the scenario's next entry, auto-pause on an
// alarm, instructor actions and parameter overrides.

import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../models/index.ts';
import { MAX_JUMP_S, SimulationHost } from '../../src/worker/host.ts';
import {
  TREND_KEPT_SAMPLES,
  TREND_SAMPLE_INTERVAL_S,
  type TickMessage,
  type WorkerToMain,
} from '../../src/worker/protocol.ts';
import { FakeClock } from './fakeClock.ts';

const scenario: Scenario = {
  format: 'coldboot/scenario@1',
  title: 'Test dip with prompts',
  briefing: 'A short dip.',
  patient: { sex: 'female', ageYears: 29, massKg: 60, heightCm: 170 },
  start: { environment: { medium: 'air', temperatureC: -5 } },
  timeline: [
    { atS: 0, action: { do: 'immerse', waterTemperatureC: 3, airPocket: true } },
    { atS: 90, action: { do: 'message', text: 'The crew arrives.' } },
    { atS: 125, action: { do: 'pause' } },
    { atS: 200, action: { do: 'extricate', airTemperatureC: 10 } },
  ],
  end: { atS: 605 },
};

/** A quarter of the default skin-to-water heat transfer: the skin cools more slowly. */
const WATER_H = 50;

function setup() {
  const out: WorkerToMain[] = [];
  const clock = new FakeClock();
  const host = new SimulationHost((m) => out.push(m), clock);
  const last = (): TickMessage => out.filter((m): m is TickMessage => m.type === 'tick').at(-1)!;
  return { host, clock, out, last };
}

describe('time controls', () => {
  it('steps a paused run by a set time, sampling on the way, and leaves it paused', () => {
    const { host, out, last } = setup();
    host.handle({ type: 'load', scenario, seed: 1 });
    out.length = 0;
    host.handle({ type: 'step', simS: 30 });
    const tick = last();
    expect(tick.snapshot.tS).toBe(30);
    expect(tick.running).toBe(false);
    expect(tick.stopped).toEqual({ kind: 'step', atS: 30 });
    const interval = TREND_SAMPLE_INTERVAL_S;
    expect(tick.samples.map((s) => s.tS)).toEqual(
      Array.from({ length: 30 / interval }, (_, i) => (i + 1) * interval),
    );
  });

  it('stops a step at a scenario prompt, and a running run is paused by a step', () => {
    const { host, clock, last } = setup();
    host.handle({ type: 'load', scenario, seed: 1 });
    host.handle({ type: 'step', simS: 300 });
    expect(last().snapshot.tS).toBe(125);
    expect(last().stopped).toEqual({ kind: 'prompt', atS: 125 });

    host.handle({ type: 'play' });
    clock.run(200);
    host.handle({ type: 'step', simS: 10 });
    expect(last().running).toBe(false);
    expect(host.isRunning()).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('stops on the second a prompt waiting for a condition fires, with its question', () => {
    const cooling: Scenario = {
      ...scenario,
      timeline: [{ atS: 0, action: { do: 'immerse', waterTemperatureC: 3, airPocket: true } }],
      triggers: [
        {
          when: { kind: 'compare', output: 'skin_temp_c', below: 5.5 },
          actions: [
            { do: 'message', text: 'The skin is below 5.5 °C: what now?' },
            { do: 'pause' },
          ],
          repeat: false,
          prompt: true,
        },
      ],
    };
    const { host, clock, last } = setup();
    host.handle({ type: 'load', scenario: cooling, seed: 1 });
    host.handle({ type: 'setSpeed', speed: 600 });
    host.handle({ type: 'play' });
    clock.run(3000);
    const tick = last();
    expect(tick.running).toBe(false);
    const fired = tick.events.find((e) => e.action.do === 'pause')!;
    expect(fired.atS).toBeGreaterThan(100);
    expect(tick.snapshot.tS).toBe(fired.atS);
    expect(tick.stopped).toEqual({
      kind: 'prompt',
      atS: fired.atS,
      text: 'The skin is below 5.5 °C: what now?',
    });
  });

  it('skips to each of the scenario entries in turn, then to the end', () => {
    const { host, out, last } = setup();
    host.handle({ type: 'load', scenario, seed: 1 });
    host.handle({ type: 'skip' });
    expect(last().stopped).toEqual({
      kind: 'event',
      atS: 90,
      action: { do: 'message', text: 'The crew arrives.' },
    });
    host.handle({ type: 'skip' });
    expect(last().stopped).toEqual({ kind: 'prompt', atS: 125 });
    host.handle({ type: 'skip' });
    expect(last().stopped).toMatchObject({ kind: 'event', atS: 200, action: { do: 'extricate' } });
    expect(last().snapshot.environment.medium).toBe('air');
    host.handle({ type: 'skip' });
    expect(last().snapshot.tS).toBe(605);
    expect(last().stopped).toBeUndefined();
    expect(out.filter((m) => m.type === 'finished')).toHaveLength(1);
  });

  it('moves at most MAX_JUMP_S at once when there is no entry left', () => {
    const { host, last } = setup();
    host.handle({
      type: 'load',
      scenario: { ...scenario, timeline: [], end: { atS: 72 * 3600 } },
      seed: 1,
    });
    host.handle({ type: 'skip' });
    expect(last().snapshot.tS).toBe(MAX_JUMP_S);
    expect(last().stopped).toEqual({ kind: 'step', atS: MAX_JUMP_S });
  });

  it('with auto-pause on, pauses live play when the heart stops, within a second', () => {
    const arrestAt: Scenario = {
      ...scenario,
      timeline: [{ atS: 47, action: { do: 'cardiacArrest', rhythm: 'vf' } }],
    };
    const { host, clock, last } = setup();
    host.handle({ type: 'load', scenario: arrestAt, seed: 1 });
    host.handle({ type: 'setAutoPause', onAlarm: true });
    host.handle({ type: 'setSpeed', speed: 600 });
    host.handle({ type: 'play' });
    clock.run(2000);
    const tick = last();
    expect(tick.running).toBe(false);
    expect(tick.stopped?.kind).toBe('alarm');
    expect(tick.stopped?.atS).toBeGreaterThanOrEqual(47);
    expect(tick.stopped?.atS).toBeLessThanOrEqual(48);
    expect(tick.stopped?.kind === 'alarm' && tick.stopped.messages[0]).toMatch(/fibrillation/i);

    // Without auto-pause the same run goes on past the arrest.
    const off = setup();
    off.host.handle({ type: 'load', scenario: arrestAt, seed: 1 });
    off.host.handle({ type: 'setSpeed', speed: 600 });
    off.host.handle({ type: 'play' });
    off.clock.run(500);
    expect(off.last().snapshot.tS).toBeGreaterThan(200);
    expect(off.last().stopped).toBeUndefined();
  });

  it('counts a change from one arrest rhythm to another as an alarm, not the same rhythm again', () => {
    const inVf: Scenario = {
      ...scenario,
      timeline: [{ atS: 0, action: { do: 'cardiacArrest', rhythm: 'vf' } }],
    };
    const { host, clock, last } = setup();
    host.handle({ type: 'load', scenario: inVf, seed: 1 });
    host.handle({ type: 'setAutoPause', onAlarm: true });
    host.handle({ type: 'setSpeed', speed: 10 });
    host.handle({ type: 'play' });
    clock.run(500);
    host.handle({
      type: 'apply',
      action: { do: 'cardiacArrest', rhythm: 'vf' },
      source: 'instructor',
    });
    clock.run(500);
    expect(last().running).toBe(true);
    host.handle({
      type: 'apply',
      action: { do: 'cardiacArrest', rhythm: 'asystole' },
      source: 'instructor',
    });
    clock.run(500);
    expect(last().running).toBe(false);
    expect(last().stopped).toMatchObject({ kind: 'alarm', messages: ['asystole'] });
  });

  it('pauses on an alarm the instructor caused while the run was going', () => {
    const onBypass: Scenario = {
      ...scenario,
      start: { environment: { medium: 'air', temperatureC: 20 } },
      timeline: [
        { atS: 0, action: { do: 'cardiacArrest', rhythm: 'vf' } },
        { atS: 0, action: { do: 'cannulate', mode: 'va-ecmo', durationS: 0 } },
        { atS: 0, action: { do: 'startPump', flowLPerMin: 4 } },
        { atS: 0, action: { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4 } },
      ],
      end: { atS: 3600 },
    };
    const { host, clock, last } = setup();
    host.handle({ type: 'load', scenario: onBypass, seed: 1 });
    host.handle({ type: 'setAutoPause', onAlarm: true });
    host.handle({ type: 'setSpeed', speed: 60 });
    host.handle({ type: 'play' });
    clock.run(1000);
    expect(last().running).toBe(true);
    host.handle({
      type: 'apply',
      action: { do: 'fault', kind: 'pump-failure' },
      source: 'instructor',
    });
    expect(last().events.at(-1)).toMatchObject({ source: 'instructor', action: { do: 'fault' } });
    clock.run(1000);
    const tick = last();
    expect(tick.running).toBe(false);
    expect(tick.stopped?.kind).toBe('alarm');
    expect(tick.stopped?.kind === 'alarm' && tick.stopped.messages.join(' ')).toMatch(/pump/i);
  });

  it('runs with parameter overrides, and keeps them on reset', () => {
    const base = setup();
    base.host.handle({ type: 'load', scenario, seed: 1 });
    base.host.handle({ type: 'step', simS: 120 });
    const changed = setup();
    changed.host.handle({
      type: 'load',
      scenario,
      seed: 1,
      parameters: { waterHeatTransferWPerM2K: WATER_H },
    });
    changed.host.handle({ type: 'step', simS: 120 });
    expect(changed.last().snapshot.skinTempC).toBeGreaterThan(base.last().snapshot.skinTempC + 0.5);
    changed.host.handle({ type: 'reset' });
    changed.host.handle({ type: 'step', simS: 120 });
    expect(changed.last().snapshot.skinTempC).toBe(
      changed.out
        .filter((m): m is TickMessage => m.type === 'tick')
        .find((t) => t.snapshot.tS === 120)!.snapshot.skinTempC,
    );
  });

  it('replays a long run with only the trend the page keeps: its newest 12 h 20 min', () => {
    const long: Scenario = { ...scenario, timeline: [], end: { atS: 20 * 3600 } };
    const { host, last } = setup();
    host.handle({
      type: 'load',
      scenario: long,
      seed: 1,
      replay: { actions: [], toS: 15 * 3600 },
    });
    const samples = last().samples;
    expect(samples.length).toBeLessThanOrEqual(TREND_KEPT_SAMPLES);
    expect(samples.length).toBeGreaterThan(TREND_KEPT_SAMPLES - 2);
    expect(samples.at(-1)!.tS).toBe(15 * 3600);
    expect(samples[0]!.tS).toBeGreaterThanOrEqual(
      15 * 3600 - TREND_KEPT_SAMPLES * TREND_SAMPLE_INTERVAL_S,
    );
  });

  it('refuses an unknown parameter with a message that names it', () => {
    const { host, out } = setup();
    host.handle({ type: 'load', scenario, seed: 1, parameters: { noSuchThing: 1 } });
    expect(out.at(-1)).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/noSuchThing/),
    });
  });
});
