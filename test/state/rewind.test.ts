// "What if?" in the store: rewinding replays the run's actions before the moment (as a reload does),
// paused there; the path left is kept, traced by the worker, written in the run log as a branch,
// saved with the run (a reload keeps it), sent to the debrief, and forgotten on reset.

import { describe, expect, it } from 'vitest';
import { runLogToJson, type TimedAction } from '../../models/index.ts';
import { parseSavedRun, savedRunOf, savedRunToJson } from '../../src/state/savedRun.ts';
import { TREND_SERIES } from '../../src/worker/protocol.ts';
import {
  DIP_YAML as YAML,
  type FakePort,
  immerse,
  loadedHarness,
  storeHarness as setup,
  tick as emitTick,
} from './storeHarness.ts';

const fault: TimedAction = {
  atS: 60,
  source: 'instructor',
  action: { do: 'fault', kind: 'venous-kink' },
};
const ventilate: TimedAction = {
  atS: 120,
  source: 'learner',
  action: { do: 'ventilate', fio2: 1 },
};
const cpr: TimedAction = {
  atS: 200,
  source: 'learner',
  action: { do: 'startCpr', mode: 'manual' },
};

function tick(port: FakePort, tS: number, events: TimedAction[], running = false) {
  emitTick(port, tS, events, { running });
}

/** A run at 5:00 on the run screen that has had a fault (instructor), ventilation and CPR. */
async function running() {
  const harness = await loadedHarness();
  harness.store.getState().goTo('run');
  tick(harness.port, 0, [immerse]);
  tick(harness.port, 200, [fault, ventilate, cpr], true);
  tick(harness.port, 300, [], true);
  return harness;
}

/** Trend samples every second from `fromS` to `toS`, every value `v`. */
function samples(fromS: number, toS: number, v: number) {
  return Array.from({ length: toS - fromS + 1 }, (_, i) => ({
    tS: fromS + i,
    values: TREND_SERIES.map(() => v),
  }));
}

describe('rewinding the run', () => {
  it('replays the actions before the moment (the instructor’s too), paused, and traces the path left', async () => {
    const { store, port } = await running();
    expect(await store.getState().rewindTo(150.7)).toBe(true);
    const load = port.lastLoad();
    // Whole seconds; the fault (before) stays, the ventilation (at 2:00) too, the CPR (after) goes.
    expect(load.replay).toEqual({ actions: [immerse, fault, ventilate], toS: 150 });
    expect(load.seed).toBe(1);
    const [path] = store.getState().leftPaths;
    expect(path).toMatchObject({
      branch: { fromS: 150, endS: 300, actions: [immerse, fault, ventilate, cpr] },
      trace: null,
    });
    expect(load.traces).toEqual([
      { id: path!.id, actions: [immerse, fault, ventilate, cpr], fromS: 150, toS: 300 },
    ]);
    // The run was paused first, and is left paused at the moment.
    const sent = port.sent.map((m) => m.type);
    expect(sent.lastIndexOf('pause')).toBeLessThan(sent.lastIndexOf('load'));
    expect(sent.slice(sent.lastIndexOf('load')).includes('play')).toBe(false);
    expect(store.getState().notice?.text).toBe(
      'Rewound to 0:02:30, paused; the path you left is drawn faintly on the trends.',
    );

    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(port, 150, [immerse, fault, ventilate]);
    expect(store.getState().status).toBe('paused');
    port.emit({ type: 'branchTrace', id: path!.id, samples: samples(150, 300, 30) });
    const traced = store.getState().leftPaths[0]!;
    expect(traced.trace?.length).toBe(151);
    expect(traced.trace?.lastTime()).toBe(300);
    // A trace of a path no longer kept is ignored.
    port.emit({ type: 'branchTrace', id: 999, samples: samples(0, 5, 1) });
    expect(store.getState().leftPaths).toHaveLength(1);

    // The log stands at the moment and holds the path left.
    const log = store.getState().runLog()!;
    expect(log.endS).toBe(150);
    expect(log.actions).toEqual([immerse, fault, ventilate]);
    expect(log.branches).toEqual([
      { fromS: 150, endS: 300, actions: [immerse, fault, ventilate, cpr] },
    ]);
  });

  it('keeps the traced paths on a second rewind and traces only the new one', async () => {
    const { store, port } = await running();
    await store.getState().rewindTo(150);
    const first = store.getState().leftPaths[0]!;
    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(port, 150, [immerse, fault, ventilate]);
    port.emit({ type: 'branchTrace', id: first.id, samples: samples(150, 300, 30) });
    tick(port, 240, [{ ...cpr, atS: 220 }]);
    expect(await store.getState().rewindTo(30)).toBe(true);
    const load = port.lastLoad();
    expect(load.replay).toEqual({ actions: [immerse], toS: 30 });
    const paths = store.getState().leftPaths;
    expect(paths.map((p) => [p.branch.fromS, p.branch.endS])).toEqual([
      [150, 300],
      [30, 240],
    ]);
    expect(paths[0]!.trace).not.toBeNull();
    expect(load.traces?.map((t) => [t.fromS, t.toS])).toEqual([[30, 240]]);
  });

  it('does nothing at the moment the run stands with nothing done there, and says so', async () => {
    const { store, port } = await running();
    const loads = port.sent.filter((m) => m.type === 'load').length;
    expect(await store.getState().rewindTo(300)).toBe(false);
    expect(await store.getState().rewindTo(NaN)).toBe(false);
    expect(port.sent.filter((m) => m.type === 'load')).toHaveLength(loads);
    expect(store.getState().notice?.text).toMatch(/already: pick an earlier moment/);
    // Later than the run is where it stands.
    expect(await store.getState().rewindTo(5000)).toBe(false);
  });

  it('does nothing in a live class, where rewinding is off, and says so', async () => {
    const { store, port } = await running();
    const loads = port.sent.filter((m) => m.type === 'load').length;
    store.setState({ rewindAllowed: false });
    expect(await store.getState().rewindTo(30)).toBe(false);
    expect(port.sent.filter((m) => m.type === 'load')).toHaveLength(loads);
    expect(store.getState().leftPaths).toHaveLength(0);
    expect(store.getState().notice?.text).toMatch(/off in a live class/);
  });

  it('keeps the paths left through a save and a reload, and sends them to the debrief', async () => {
    const { store: before, port } = await running();
    await before.getState().rewindTo(150);
    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(port, 150, [immerse, fault, ventilate]);
    const parsed = parseSavedRun(savedRunToJson(savedRunOf(before.getState())!));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.run.saved.log.branches).toHaveLength(1);

    const { store, ports, debriefPorts } = setup();
    expect(await store.getState().restoreRun(parsed.run)).toBe(true);
    const load = ports[0]!.lastLoad();
    expect(load.replay).toEqual({ actions: [immerse, fault, ventilate], toS: 150 });
    expect(load.traces?.map((t) => [t.fromS, t.toS])).toEqual([[150, 300]]);
    expect(store.getState().leftPaths.map((p) => p.branch.fromS)).toEqual([150]);
    ports[0]!.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(ports[0]!, 150, [immerse, fault, ventilate]);
    store.getState().endRun();
    expect(debriefPorts[0]!.sent[0]!.log.branches).toEqual([
      { fromS: 150, endS: 300, actions: [immerse, fault, ventilate, cpr] },
    ]);

    // An exported log opens with its paths left.
    const text = runLogToJson(store.getState().runLog()!);
    const { store: other, ports: otherPorts } = setup();
    await other.getState().loadScenario({ text: YAML, fileName: 'dip.yaml' });
    expect(await other.getState().openRunLog(text, 'run.json')).toBe(true);
    expect(other.getState().leftPaths).toHaveLength(1);
    expect(otherPorts[0]!.lastLoad().traces).toHaveLength(1);
  });

  it('forgets the paths left on reset and on opening another scenario', async () => {
    const { store } = await running();
    await store.getState().rewindTo(100);
    expect(store.getState().leftPaths).toHaveLength(1);
    store.getState().reset();
    expect(store.getState().leftPaths).toEqual([]);
    await store.getState().rewindTo(0);
    await store.getState().loadScenario({ text: YAML, fileName: 'dip.yaml' });
    expect(store.getState().leftPaths).toEqual([]);
    expect(store.getState().runLog()).toBeNull();
  });
});
