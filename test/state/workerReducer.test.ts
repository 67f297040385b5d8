// The store's reducer of the worker's messages, alone: what each message changes, which messages of
// a previous run are ignored, and when the store is asked to end the run or compute the debrief.

import { describe, expect, it } from 'vitest';
import type { TimedAction } from '../../models/index.ts';
import type { LeftPath } from '../../src/state/store.ts';
import {
  MAX_LOG_ENTRIES,
  receive,
  type WorkerLink,
  type WorkerView,
} from '../../src/state/workerReducer.ts';
import {
  TREND_SERIES,
  type StopReason,
  type TrendSample,
  type WorkerToMain,
} from '../../src/worker/protocol.ts';
import { fakeSnapshot } from '../helpers.ts';

const link: WorkerLink = { awaitingLoaded: false, debriefWhenLoaded: false, nextLogId: 1 };
const state: WorkerView = {
  status: 'running',
  events: [],
  actions: [],
  leftPaths: [],
  screen: 'run',
};

const message = (atS: number, text: string): TimedAction => ({
  atS,
  source: 'scenario',
  action: { do: 'message', text },
});

function tick(
  tS: number,
  options: {
    events?: TimedAction[];
    running?: boolean;
    finished?: boolean;
    samples?: TrendSample[];
    stopped?: StopReason;
  } = {},
): WorkerToMain {
  return {
    type: 'tick',
    snapshot: fakeSnapshot({ tS, finished: options.finished ?? false }),
    samples: options.samples ?? [],
    events: options.events ?? [],
    running: options.running ?? true,
    ...(options.stopped ? { stopped: options.stopped } : {}),
  };
}

function path(id: number): LeftPath {
  return { id, branch: { fromS: 60, actions: [] }, trace: null };
}

describe('the worker message reducer', () => {
  it('makes the run ready when the worker has loaded it, and stops waiting for it', () => {
    const out = receive(
      state,
      { ...link, awaitingLoaded: true },
      {
        type: 'loaded',
        title: 'Test dip',
        endS: 600,
      },
    );
    expect(out.patch).toEqual({ status: 'ready', endS: 600, title: 'Test dip' });
    expect(out.link.awaitingLoaded).toBe(false);
    expect(out.then).toBeNull();
  });

  it('takes the snapshot and status from a tick and passes its samples on to the trend', () => {
    const samples = [{ tS: 10, values: TREND_SERIES.map(() => 1) }];
    const out = receive(state, link, tick(10, { samples }));
    expect(out.patch.snapshot?.tS).toBe(10);
    expect(out.patch.status).toBe('running');
    expect(out.samples).toBe(samples);
    expect(receive(state, link, tick(10, { running: false })).patch.status).toBe('paused');
    expect(receive(state, link, tick(0, { running: false })).patch.status).toBe('ready');
  });

  it('numbers a tick’s events into the event log and appends them to the run’s actions', () => {
    const first = message(0, 'Under the ice.');
    const known = { ...state, events: [{ ...first, id: 1 }], actions: [first] };
    const news = [message(5, 'Cold.'), message(6, 'Colder.')];
    const out = receive(known, { ...link, nextLogId: 2 }, tick(6, { events: news }));
    expect(out.patch.events).toEqual([
      { ...first, id: 1 },
      { ...news[0]!, id: 2 },
      { ...news[1]!, id: 3 },
    ]);
    expect(out.patch.actions).toEqual([first, ...news]);
    expect(out.link.nextLogId).toBe(4);
    // The state given is left as it was.
    expect(known.events).toHaveLength(1);
    expect(known.actions).toHaveLength(1);
  });

  it('leaves the event log and the actions alone when a tick has no events', () => {
    const out = receive(state, link, tick(10));
    expect(out.patch).not.toHaveProperty('events');
    expect(out.patch).not.toHaveProperty('actions');
    expect(out.link.nextLogId).toBe(1);
  });

  it('keeps the newest entries of the event log but every action', () => {
    const many = Array.from({ length: MAX_LOG_ENTRIES + 3 }, (_, i) => message(i, `m${i}`));
    const out = receive(state, link, tick(600, { events: many }));
    expect(out.patch.events).toHaveLength(MAX_LOG_ENTRIES);
    expect(out.patch.events![0]!.id).toBe(4);
    expect(out.patch.events!.at(-1)!.id).toBe(MAX_LOG_ENTRIES + 3);
    expect(out.patch.actions).toHaveLength(MAX_LOG_ENTRIES + 3);
    const more = receive(
      { ...state, events: out.patch.events! },
      out.link,
      tick(601, {
        events: [message(601, 'last')],
      }),
    );
    expect(more.patch.events).toHaveLength(MAX_LOG_ENTRIES);
    expect(more.patch.events![0]!.id).toBe(5);
    expect(more.patch.events!.at(-1)!.id).toBe(MAX_LOG_ENTRIES + 4);
  });

  it('records why the worker stopped the run by itself', () => {
    const stopped = { kind: 'prompt', atS: 30, text: 'What now?' } as const;
    const out = receive(state, link, tick(30, { stopped }));
    expect(out.patch.stopReason).toEqual(stopped);
    expect(receive(state, link, tick(31)).patch).not.toHaveProperty('stopReason');
  });

  it('ignores ticks and the end of the previous run while a new one is loading', () => {
    const waiting = { ...link, awaitingLoaded: true };
    for (const m of [tick(10, { events: [message(1, 'old')] }), { type: 'finished' } as const]) {
      const out = receive(state, waiting, m);
      expect(out.patch).toEqual({});
      expect(out.samples).toEqual([]);
      expect(out.link).toBe(waiting);
    }
  });

  it('marks the run finished when the worker says so', () => {
    expect(receive(state, link, { type: 'finished' }).patch).toEqual({ status: 'finished' });
  });

  it('ends the run when the scenario ends while it runs on the run screen, and only then', () => {
    const end = tick(600, { finished: true, running: false });
    expect(receive(state, link, end).then).toBe('endRun');
    expect(receive({ ...state, screen: 'briefing' }, link, end).then).toBeNull();
    expect(receive({ ...state, status: 'finished' }, link, end).then).toBeNull();
    expect(receive({ ...state, status: 'paused' }, link, end).then).toBeNull();
  });

  it('asks for the debrief on the first tick of a restored debrief’s replay, once', () => {
    const out = receive(state, { ...link, debriefWhenLoaded: true }, tick(300, { running: false }));
    expect(out.then).toBe('requestDebrief');
    expect(out.link.debriefWhenLoaded).toBe(false);
  });

  it('gives a path left its trace, and drops a trace of a path no longer kept', () => {
    const kept = { ...state, leftPaths: [path(1), path(2)] };
    const samples = [0, 1, 2].map((tS) => ({ tS, values: TREND_SERIES.map(() => tS) }));
    const out = receive(kept, link, { type: 'branchTrace', id: 2, samples });
    expect(out.patch.leftPaths![0]).toBe(kept.leftPaths[0]);
    expect(out.patch.leftPaths![1]!.trace?.length).toBe(3);
    expect(kept.leftPaths[1]!.trace).toBeNull();
    expect(receive(kept, link, { type: 'branchTrace', id: 9, samples }).patch).toEqual({});
  });

  it('shows a simulation error from the worker', () => {
    expect(receive(state, link, { type: 'error', message: 'boom' }).patch).toEqual({
      status: 'error',
      errorKind: 'simulation',
      errorMessage: 'boom',
      errorDetail: null,
    });
  });

  it('changes nothing for a message it does not know, and says so', () => {
    const out = receive(state, link, { type: 'hello' } as unknown as WorkerToMain);
    expect(out.patch).toEqual({});
    expect(out.warning).toMatch(/Unknown message from the simulation: hello/);
  });
});
