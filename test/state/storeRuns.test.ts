// The store's run record: actions from the worker become a run log; logs and saved runs are
// replayed; the debrief is asked of the debrief worker; the library is read from index.json.

import { describe, expect, it } from 'vitest';
import { runLogToJson, type TimedAction } from '../../models/index.ts';
import { parseSavedRun, savedRunOf, savedRunToJson } from '../../src/state/savedRun.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { DebriefReport } from '../../src/worker/debriefProtocol.ts';
import { fakeSnapshot } from '../helpers.ts';
import {
  DIP_YAML as YAML,
  FakePort,
  LIBRARY,
  immerse,
  loadedHarness,
  storeHarness,
  tick as emitTick,
} from './storeHarness.ts';

const OTHER = YAML.replace('waterTemperatureC: 3', 'waterTemperatureC: 8').replace(
  'Test dip',
  'Other dip',
);

const ventilate: TimedAction = {
  atS: 120,
  source: 'learner',
  action: { do: 'ventilate', fio2: 1 },
};

/** The library holds the dip and another scenario. */
const files = {
  [`${LIBRARY}index.json`]: JSON.stringify([
    { file: 'other.yaml', title: 'Other dip' },
    { file: 'dip.yaml', title: 'Test dip', level: 'introductory', durationS: 600 },
  ]),
  [`${LIBRARY}dip.yaml`]: YAML,
  [`${LIBRARY}other.yaml`]: OTHER,
};

function setup() {
  return storeHarness({ files });
}

function tick(
  port: FakePort,
  tS: number,
  events: TimedAction[],
  running = false,
  finished = false,
) {
  emitTick(port, tS, events, { running, finished });
}

/** A run at 5:00, paused, that has had the immersion and ventilation. */
async function running() {
  const harness = await loadedHarness({ files });
  tick(harness.port, 0, [immerse]);
  tick(harness.port, 120, [ventilate], true);
  tick(harness.port, 300, [], false);
  return harness;
}

describe('the run record', () => {
  it('keeps every action the worker reports and builds the run log from them', async () => {
    const { store } = await running();
    expect(store.getState().actions).toEqual([immerse, ventilate]);
    const log = store.getState().runLog()!;
    expect(log).toMatchObject({
      format: 'coldboot/run-log@1',
      scenario: { title: 'Test dip' },
      seed: 1,
      stepSeconds: 1,
      endS: 300,
      actions: [immerse, ventilate],
    });
    expect(log.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('forgets the actions on reset and on loading another scenario', async () => {
    const { store } = await running();
    store.getState().reset();
    expect(store.getState().actions).toEqual([]);
  });
});

describe('model parameters and stops', () => {
  it('replays the sandbox with parameter overrides to where it stands, and logs them', async () => {
    const { store, ports } = setup();
    await store.getState().loadScenario({ text: YAML, fileName: 'sandbox', origin: 'sandbox' });
    const port = ports[0]!;
    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(port, 0, [immerse]);
    tick(port, 120, [ventilate], false);
    expect(await store.getState().setParameters({ waterHeatTransferWPerM2K: 300 })).toBe(true);
    const load = port.sent.filter((m) => m.type === 'load').at(-1);
    expect(load).toMatchObject({
      parameters: { waterHeatTransferWPerM2K: 300 },
      replay: { toS: 120, actions: [immerse, ventilate] },
    });
    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(port, 120, [immerse, ventilate]);
    expect(store.getState().runLog()!.parameters).toEqual({ waterHeatTransferWPerM2K: 300 });
    // A log with overrides replays with them.
    const text = runLogToJson(store.getState().runLog()!);
    store.getState().reset();
    expect(await store.getState().openRunLog(text, 'run.json')).toBe(true);
    expect(port.sent.filter((m) => m.type === 'load').at(-1)).toMatchObject({
      parameters: { waterHeatTransferWPerM2K: 300 },
    });
  });

  it('replays the same run again when a second edit comes before the first has loaded', async () => {
    const { store, ports } = setup();
    await store.getState().loadScenario({ text: YAML, fileName: 'sandbox', origin: 'sandbox' });
    const port = ports[0]!;
    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(port, 0, [immerse]);
    tick(port, 120, [ventilate], false);
    expect(await store.getState().setParameters({ waterHeatTransferWPerM2K: 100 })).toBe(true);
    expect(await store.getState().setParameters({ waterHeatTransferWPerM2K: 150 })).toBe(true);
    const loads = port.sent.filter((m) => m.type === 'load');
    expect(loads.at(-1)).toMatchObject({
      parameters: { waterHeatTransferWPerM2K: 150 },
      replay: { toS: 120, actions: [immerse, ventilate] },
    });
  });

  it('changes no parameters outside the sandbox', async () => {
    const { store, port } = await running();
    const loads = port.sent.filter((m) => m.type === 'load').length;
    expect(await store.getState().setParameters({ waterHeatTransferWPerM2K: 300 })).toBe(false);
    expect(port.sent.filter((m) => m.type === 'load')).toHaveLength(loads);
    expect(store.getState().runLog()!.parameters).toEqual({});
  });

  it('keeps why the worker stopped the run until it plays again', async () => {
    const { store, port } = await running();
    port.emit({
      type: 'tick',
      snapshot: fakeSnapshot({ tS: 310 }),
      samples: [],
      events: [],
      running: false,
      stopped: { kind: 'alarm', atS: 310, messages: ['Pump failure'] },
    });
    expect(store.getState().stopReason).toEqual({
      kind: 'alarm',
      atS: 310,
      messages: ['Pump failure'],
    });
    tick(port, 310, []);
    expect(store.getState().stopReason).not.toBeNull();
    store.getState().play();
    expect(store.getState().stopReason).toBeNull();
  });
});

describe('opening run logs', () => {
  it('replays a log of the open scenario with its seed, paused where it stopped', async () => {
    const { store, port } = await running();
    const log = { ...store.getState().runLog()!, seed: 9 };
    expect(await store.getState().openRunLog(runLogToJson(log), 'run.json')).toBe(true);
    const load = port.sent.filter((m) => m.type === 'load').at(-1);
    expect(load).toMatchObject({
      seed: 9,
      replay: { toS: 300, actions: [immerse, ventilate] },
      scenario: { title: 'Test dip' },
    });
    expect(store.getState().seed).toBe(9);
    expect(store.getState().notice?.text).toBe('Replayed run.json: paused at 0:05:00.');
  });

  it('says clearly that a log recorded with another model step is replayed at the app’s 1 s step', async () => {
    const { store, port } = await running();
    const log = { ...store.getState().runLog()!, stepSeconds: 7 };
    expect(await store.getState().openRunLog(runLogToJson(log), 'coarse.json')).toBe(true);
    expect(port.sent.filter((m) => m.type === 'load').at(-1)).toMatchObject({
      replay: { toS: 300 },
    });
    expect(store.getState().notice).toMatchObject({
      tone: 'warn',
      text: expect.stringMatching(
        /^Replayed coarse\.json with the app's 1 s model step, not the 7 s step it was recorded with, so its numbers differ from the recording \(coldboot run <scenario> --log coarse\.json replays it exactly\): paused at 0:05:00\.$/,
      ),
    });
  });

  it('finds a built-in scenario by the log’s hash', async () => {
    const { store: recorder } = await running();
    const log = recorder.getState().runLog()!;
    const { store, ports } = setup();
    expect(await store.getState().openRunLog(runLogToJson(log), 'run.json')).toBe(true);
    expect(store.getState()).toMatchObject({ fileName: 'dip.yaml', origin: 'library' });
    expect(ports[0]!.sent.find((m) => m.type === 'load')).toMatchObject({
      replay: { toS: 300 },
    });
  });

  it('explains a log it cannot replay, keeping the run', async () => {
    const { store } = await running();
    expect(await store.getState().openRunLog('{"format": "coldboot/run-log@1"}', 'bad.json')).toBe(
      false,
    );
    expect(store.getState()).toMatchObject({ errorKind: 'log', status: 'paused' });
    expect(store.getState().errorDetail?.fileName).toBe('bad.json');
    expect(store.getState().errorMessage).toMatch(/bad\.json.*scenario/);

    const foreign = {
      ...store.getState().runLog()!,
      scenario: { title: 'Elsewhere', hash: `sha256:${'0'.repeat(64)}` },
    };
    expect(await store.getState().openRunLog(runLogToJson(foreign), 'foreign.json')).toBe(false);
    expect(store.getState().errorMessage).toMatch(/foreign\.json: scenario\.hash/);
    expect(store.getState().actions).toHaveLength(2);
  });
});

describe('restoring a saved run', () => {
  it('replays the saved log to its time, paused, at the saved speed, and says so', async () => {
    const { store: before } = await running();
    before.getState().goTo('run');
    before.getState().setSpeed(300);
    const saved = savedRunOf(before.getState())!;
    const parsed = parseSavedRun(savedRunToJson(saved));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { store, ports } = setup();
    expect(await store.getState().restoreRun(parsed.run)).toBe(true);
    expect(ports[0]!.sent.find((m) => m.type === 'load')).toMatchObject({
      replay: { toS: 300, actions: [immerse, ventilate] },
    });
    expect(ports[0]!.sent).toContainEqual({ type: 'setSpeed', speed: 300 });
    expect(ports[0]!.sent.some((m) => m.type === 'play')).toBe(false);
    expect(store.getState()).toMatchObject({ screen: 'run', fileName: 'dip.yaml', origin: 'file' });
    expect(store.getState().notice?.text).toBe('Restored your run at 0:05:00.');
  });

  it('restores a debrief: the debrief is asked for once the replay has arrived', async () => {
    const { store: before } = await running();
    before.getState().goTo('debrief');
    const parsed = parseSavedRun(savedRunToJson(savedRunOf(before.getState())!));
    if (!parsed.ok) throw new Error(parsed.reason);
    const { store, ports, debriefPorts } = setup();
    await store.getState().restoreRun(parsed.run);
    expect(store.getState().screen).toBe('debrief');
    expect(debriefPorts).toHaveLength(0);
    ports[0]!.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    tick(ports[0]!, 300, [immerse, ventilate]);
    expect(debriefPorts[0]!.sent).toHaveLength(1);
    expect(debriefPorts[0]!.sent[0]!.log.actions).toEqual([immerse, ventilate]);
  });
});

describe('the debrief', () => {
  it('ends the run, asks the debrief worker and shows its answer (not older ones)', async () => {
    const { store, port, debriefPorts } = await running();
    store.getState().goTo('run');
    tick(port, 300, [], true);
    store.getState().endRun();
    expect(port.sent.at(-1)).toEqual({ type: 'pause' });
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().debrief.status).toBe('computing');
    const request = debriefPorts[0]!.sent[0]!;
    expect(request.log.endS).toBe(300);
    const report = { markdown: '# x' } as unknown as DebriefReport;
    debriefPorts[0]!.emit({ type: 'debrief', id: request.id - 1, report });
    expect(store.getState().debrief.status).toBe('computing');
    debriefPorts[0]!.emit({ type: 'debrief', id: request.id, report });
    expect(store.getState().debrief.status).toBe('ready');
  });

  it('opens the debrief by itself when the scenario ends while running', async () => {
    const { store, port, debriefPorts } = await running();
    store.getState().goTo('run');
    tick(port, 400, [], true);
    tick(port, 600, [], false, true);
    expect(store.getState().screen).toBe('debrief');
    expect(debriefPorts[0]!.sent[0]!.log.endS).toBeUndefined();
  });

  it('reports a worker failure', async () => {
    const { store, debriefPorts } = await running();
    store.getState().endRun();
    debriefPorts[0]!.emit({ type: 'debriefError', id: -1, message: 'boom' });
    expect(store.getState().debrief).toEqual({ status: 'error', message: 'boom' });
  });
});

describe('the library', () => {
  it('reads index.json', async () => {
    const { store } = setup();
    await store.getState().loadLibrary();
    expect(store.getState().library?.map((e) => e.file)).toEqual(['other.yaml', 'dip.yaml']);
    expect(store.getState().libraryUrl('dip.yaml')).toBe('/lib/dip.yaml');
  });

  it('says when the index cannot be read', async () => {
    const store = createAppStore({
      createPort: () => new FakePort(),
      fetchText: async () => 'not json',
    });
    await store.getState().loadLibrary();
    expect(store.getState().library).toEqual([]);
    expect(store.getState().libraryError).toMatch(/Could not read the list/);
  });
});
