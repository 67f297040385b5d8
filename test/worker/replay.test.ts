// A run recorded by the app (the actions the worker reports, as a coldboot/run-log@1 log) replays to
// the same state, step for step: restoring a saved run and importing a log rely on it.

import { describe, expect, it } from 'vitest';
import { parseRunLog, runLogToJson, type TimedAction } from '../../models/index.ts';
import { recordedRunLog } from '../../src/state/runRecord.ts';
import { SimulationHost } from '../../src/worker/host.ts';
import type { TickMessage, WorkerToMain } from '../../src/worker/protocol.ts';
import { testScenario } from '../helpers.ts';
import { FakeClock } from './fakeClock.ts';

const scenario = testScenario({
  endS: 3 * 3600,
  start: { environment: { medium: 'air', temperatureC: 5, clothingClo: 1 } },
  timeline: [
    { atS: 0, action: { do: 'immerse', waterTemperatureC: 4, airPocket: true } },
    { atS: 1800, action: { do: 'message', text: 'Half an hour.' } },
    { atS: 2400, action: { do: 'extricate', airTemperatureC: 0, windMPerS: 3 } },
  ],
});

function lastTick(messages: WorkerToMain[]): TickMessage {
  const tick = messages.filter((m): m is TickMessage => m.type === 'tick').at(-1);
  if (!tick) throw new Error('no tick');
  return tick;
}

describe('replaying a recorded run', () => {
  it('gives the same run as the live one, at the same simulated time', () => {
    const clock = new FakeClock();
    const live: WorkerToMain[] = [];
    const host = new SimulationHost((m) => live.push(m), clock);
    host.handle({ type: 'load', scenario, seed: 7 });
    host.handle({ type: 'setSpeed', speed: 137 });
    host.handle({ type: 'play' });
    clock.run(9_000);
    host.handle({ type: 'apply', action: { do: 'cardiacArrest', rhythm: 'vf' } });
    clock.run(3_100);
    host.handle({ type: 'apply', action: { do: 'startCpr', mode: 'manual' } });
    host.handle({ type: 'apply', action: { do: 'ventilate', fio2: 0.8 } });
    clock.run(7_300);
    host.handle({ type: 'pause' });
    const events: TimedAction[] = live.flatMap((m) => (m.type === 'tick' ? m.events : []));
    const end = lastTick(live).snapshot;
    expect(end.tS).toBeGreaterThan(2400);
    expect(events.filter((e) => e.source === 'learner')).toHaveLength(3);

    // The app's log, through its JSON text, as a download and an import would carry it.
    const log = parseRunLog(
      runLogToJson(recordedRunLog(scenario, 7, events, end.tS, end.finished)),
      'run.json',
    );
    expect(log.endS).toBe(end.tS);
    const replayed: WorkerToMain[] = [];
    const again = new SimulationHost((m) => replayed.push(m), new FakeClock());
    again.handle({
      type: 'load',
      scenario,
      seed: log.seed,
      replay: { actions: log.actions, toS: log.endS! },
    });
    expect(replayed[0]).toMatchObject({ type: 'loaded' });
    const tick = lastTick(replayed);
    expect(tick.running).toBe(false);
    expect(tick.snapshot).toEqual(end);
    expect(tick.events).toEqual(events);
    // The trend of the replay covers the run, sample times on the same grid.
    const liveTimes = live.flatMap((m) => (m.type === 'tick' ? m.samples.map((s) => s.tS) : []));
    const replayTimes = tick.samples.map((s) => s.tS);
    expect(replayTimes.filter((t) => t % 10 === 0)).toEqual(liveTimes.filter((t) => t % 10 === 0));
    expect(replayTimes.at(-1)).toBe(end.tS);

    // And the replayed run continues like the live one would.
    again.handle({ type: 'apply', action: { do: 'stopCpr' } });
    again.handle({ type: 'play' });
    expect(again.isRunning()).toBe(true);
  });
});
