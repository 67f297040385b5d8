// Rewinding in the worker ("What if?"): the store's rewound log, loaded as a reload loads a saved run,
// stands at the moment exactly as a fresh run that did only the actions before it; and the trace of
// the path left, replayed in the worker, is the trend the learner saw on that path, bit for bit.

import { describe, expect, it } from 'vitest';
import { rewindRunLog, type TimedAction } from '../../models/index.ts';
import { recordedRunLog } from '../../src/state/runRecord.ts';
import { SimulationHost } from '../../src/worker/host.ts';
import type {
  BranchTraceMessage,
  TickMessage,
  TrendSample,
  WorkerToMain,
} from '../../src/worker/protocol.ts';
import { testScenario } from '../helpers.ts';
import { FakeClock } from './fakeClock.ts';

const scenario = testScenario({
  endS: 2 * 3600,
  start: { environment: { medium: 'air', temperatureC: 5, clothingClo: 1 } },
  timeline: [
    { atS: 0, action: { do: 'immerse', waterTemperatureC: 4, airPocket: true } },
    { atS: 1200, action: { do: 'extricate', airTemperatureC: 0, windMPerS: 3 } },
  ],
});

const ticks = (messages: WorkerToMain[]) =>
  messages.filter((m): m is TickMessage => m.type === 'tick');
const lastTick = (messages: WorkerToMain[]) => ticks(messages).at(-1)!;
const samplesOf = (messages: WorkerToMain[]): TrendSample[] =>
  ticks(messages).flatMap((t) => t.samples);

/** A run driven as a learner drives it: steps of the controls, actions in between, then paused. */
function steppedRun(plan: readonly (number | TimedAction['action'])[]) {
  const messages: WorkerToMain[] = [];
  const host = new SimulationHost((m) => messages.push(m), new FakeClock());
  host.handle({ type: 'load', scenario, seed: 5 });
  for (const item of plan) {
    if (typeof item === 'number') host.handle({ type: 'step', simS: item });
    else host.handle({ type: 'apply', action: item });
  }
  return { host, messages };
}

describe('rewinding a run in the worker', () => {
  const cpr: TimedAction['action'] = { do: 'startCpr', mode: 'manual' };
  const vent: TimedAction['action'] = { do: 'ventilate', fio2: 1 };
  const arrest: TimedAction['action'] = { do: 'cardiacArrest', rhythm: 'vf' };

  it('stands at the moment as a fresh run that did only the actions before it, and goes on alike', () => {
    // The path taken first: an arrest at 10:00, CPR at 15:00, ventilation at 25:00, to 40:00.
    const first = steppedRun([600, arrest, 300, cpr, 600, vent, 900]);
    const events = ticks(first.messages).flatMap((t) => t.events);
    const end = lastTick(first.messages).snapshot;
    expect(end.tS).toBe(2400);
    const log = recordedRunLog(scenario, 5, events, end.tS, end.finished);

    // Rewind to 25:00: the ventilation there belongs to the path left.
    const rewound = rewindRunLog(log, 1500);
    const replayed: WorkerToMain[] = [];
    const host = new SimulationHost((m) => replayed.push(m), new FakeClock());
    host.handle({
      type: 'load',
      scenario,
      seed: rewound.seed,
      replay: { actions: rewound.actions, toS: rewound.endS! },
    });
    const fresh = steppedRun([600, arrest, 300, cpr, 600]);
    const at = lastTick(replayed);
    expect(at.running).toBe(false);
    expect(at.snapshot.tS).toBe(1500);
    expect(at.snapshot).toEqual(lastTick(fresh.messages).snapshot);
    expect(at.events).toEqual(ticks(fresh.messages).flatMap((t) => t.events));
    // The trend replayed is the fresh run's, sample for sample. (At the second of a learner's action
    // the live sample was taken before the action and the replay's after it, as on any reload:
    // the state is the same, but CPR decides whether the oximeter reads, so SpO₂ may differ there.)
    const acted = new Set(events.filter((e) => e.source !== 'scenario').map((e) => e.atS));
    const away = (samples: TrendSample[]) => samples.filter((s) => !acted.has(s.tS));
    expect(away(samplesOf(replayed))).toEqual(away(samplesOf(fresh.messages)));
    expect(samplesOf(replayed).map((s) => s.tS)).toEqual(
      samplesOf(fresh.messages).map((s) => s.tS),
    );

    // Another path from there: the same action on both gives the same run.
    host.handle({ type: 'apply', action: { do: 'defibrillate' } });
    host.handle({ type: 'step', simS: 300 });
    fresh.host.handle({ type: 'apply', action: { do: 'defibrillate' } });
    fresh.host.handle({ type: 'step', simS: 300 });
    expect(lastTick(replayed).snapshot).toEqual(lastTick(fresh.messages).snapshot);
  });

  it('traces the path left after the load: the trend the learner saw on it, from the moment rewound to', () => {
    const first = steppedRun([600, arrest, 300, cpr, 600, vent, 900]);
    const events = ticks(first.messages).flatMap((t) => t.events);
    const seen = samplesOf(first.messages);
    const log = recordedRunLog(scenario, 5, events, 2400, false);
    const rewound = rewindRunLog(log, 1500);
    const branch = rewound.branches![0]!;

    const messages: WorkerToMain[] = [];
    const host = new SimulationHost((m) => messages.push(m), new FakeClock());
    host.handle({
      type: 'load',
      scenario,
      seed: 5,
      replay: { actions: rewound.actions, toS: 1500 },
      traces: [{ id: 7, actions: branch.actions, fromS: branch.fromS, toS: branch.endS! }],
    });
    // The run is handed over first; the trace follows.
    const kinds = messages.map((m) => m.type);
    expect(kinds.indexOf('branchTrace')).toBeGreaterThan(kinds.indexOf('tick'));
    const trace = messages.find((m): m is BranchTraceMessage => m.type === 'branchTrace')!;
    expect(trace.id).toBe(7);
    expect(trace.samples[0]!.tS).toBe(1500);
    expect(trace.samples.at(-1)!.tS).toBe(2400);
    expect(trace.samples).toHaveLength(901);
    expect(trace.samples).toEqual(seen.filter((s) => s.tS >= 1500));
  });
});
