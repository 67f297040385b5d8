// The app store from loading to running: the scenario parsed and sent to the worker, ticks turned
// into the snapshot, trend and event log, speed and controls, errors, and the readings selector.

import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../models/index.ts';
import { selectReadings } from '../../src/state/store.ts';
import { fakeSnapshot } from '../helpers.ts';
import {
  DIP_YAML as YAML,
  LIBRARY,
  loadedHarness,
  storeHarness,
  type FakePort,
} from './storeHarness.ts';
import {
  TEMPERATURE_SERIES,
  TREND_SERIES,
  VITAL_SERIES,
  trendIndex,
  type TrendSample,
} from '../../src/worker/protocol.ts';

function snapshotAt(tS: number, coreTempC: number): Snapshot {
  return fakeSnapshot({
    tS,
    brainTempC: coreTempC + 0.2,
    heartTempC: coreTempC,
    coreTempC,
    muscleTempC: coreTempC - 1,
    limbTempC: coreTempC - 2,
    shellTempC: coreTempC - 3,
    skinTempC: coreTempC - 10,
    extremityTempC: coreTempC - 12,
    bloodTempC: coreTempC,
    heatLossW: 400,
    skinBloodFlowFraction: 0.2,
    heartRateBpm: 70,
    mapMmHg: 85,
    arterialSat: 0.97,
    environment: {
      medium: 'water',
      temperatureC: 3,
      airTempC: -5,
      waterTempC: 3,
      immersedFraction: 1,
      windMPerS: 0,
      headUnderWater: true,
      canBreathe: true,
    },
  });
}

function sample(tS: number, coreTempC: number): TrendSample {
  const snap = snapshotAt(tS, coreTempC);
  return { tS, values: TREND_SERIES.map((s) => snap[s.key]) };
}

function setup() {
  return storeHarness({ files: { [`${LIBRARY}dip.yaml`]: YAML }, trendCapacity: 8 });
}

/** The worker reports a tick at 60× with one trend sample. */
function emitTick(port: FakePort, tS: number, coreTempC: number, running: boolean): void {
  port.emit({
    type: 'tick',
    snapshot: snapshotAt(tS, coreTempC),
    samples: [sample(tS, coreTempC)],
    events: [],
    running,
  });
}

function loaded() {
  return loadedHarness({ trendCapacity: 8 });
}

describe('app store', () => {
  it('parses the scenario on the main thread and sends it to the worker', async () => {
    const { store, ports } = setup();
    expect(store.getState().status).toBe('idle');
    await store.getState().loadScenario({ url: `${LIBRARY}dip.yaml` });
    expect(ports).toHaveLength(1);
    const load = ports[0]!.sent.find((m) => m.type === 'load');
    expect(load).toMatchObject({
      type: 'load',
      seed: 1,
      scenario: { title: 'Test dip', end: { atS: 600 } },
    });
    expect(store.getState()).toMatchObject({
      title: 'Test dip',
      briefing: 'A short dip in cold water.',
      fileName: 'dip.yaml',
      status: 'loading',
    });
    ports[0]!.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    expect(store.getState()).toMatchObject({ status: 'ready', endS: 600 });
  });

  it('updates the snapshot, status and trend buffer from ticks, and keeps the chosen speed', async () => {
    const { store, port } = await loaded();
    // The learner changes speed; a tick the worker posted before it heard does not undo it.
    store.getState().setSpeed(600);
    const version0 = store.getState().trendVersion;
    port.emit({
      type: 'tick',
      snapshot: snapshotAt(20, 36.5),
      samples: [sample(0, 37), sample(10, 36.8), sample(20, 36.5)],
      events: [{ atS: 0, source: 'scenario', action: { do: 'message', text: 'Under the ice.' } }],
      running: true,
    });
    const s = store.getState();
    expect(s.status).toBe('running');
    expect(s.speed).toBe(600);
    expect(s.snapshot?.coreTempC).toBe(36.5);
    expect(s.trendVersion).toBeGreaterThan(version0);
    expect(Array.from(s.trend.time())).toEqual([0, 10, 20]);
    const core = TREND_SERIES.findIndex((x) => x.key === 'coreTempC');
    expect(Array.from(s.trend.series(core))).toEqual([37, 36.8, 36.5]);
    expect(s.events.map((e) => e.action)).toEqual([{ do: 'message', text: 'Under the ice.' }]);

    // A tick without samples leaves the trend (and its version) alone.
    const version1 = s.trendVersion;
    port.emit({
      type: 'tick',
      snapshot: snapshotAt(20, 36.5),
      samples: [],
      events: [],
      running: false,
    });
    expect(store.getState().trendVersion).toBe(version1);
    expect(store.getState().status).toBe('paused');
  });

  it('keeps the trend buffer within its capacity, newest samples last', async () => {
    const { store, port } = await loaded();
    for (let i = 0; i < 30; i++) {
      port.emit({
        type: 'tick',
        snapshot: snapshotAt(i * 10, 37 - i * 0.1),
        samples: [sample(i * 10, 37 - i * 0.1)],
        events: [],
        running: true,
      });
    }
    const { trend } = store.getState();
    expect(trend.length).toBeLessThanOrEqual(8);
    expect(trend.lastTime()).toBe(290);
    const times = Array.from(trend.time());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('converts displayed temperatures when the unit is toggled', async () => {
    const { store, port } = await loaded();
    emitTick(port, 0, 37, false);
    const inC = selectReadings(store.getState().snapshot, store.getState().unit);
    const coreC = inC.find((r) => r.id === 'core')!;
    expect(coreC.value).toBeCloseTo(37);
    expect(coreC.text).toBe('37.0 °C');

    store.getState().toggleUnit();
    expect(store.getState().unit).toBe('F');
    const inF = selectReadings(store.getState().snapshot, store.getState().unit);
    const coreF = inF.find((r) => r.id === 'core')!;
    expect(coreF.value).toBeCloseTo(98.6);
    expect(coreF.celsius).toBe(37);
    expect(coreF.text).toBe('98.6 °F');
    expect(inF.find((r) => r.id === 'environment')!.text).toBe('37.4 °F');

    store.getState().toggleUnit();
    expect(store.getState().unit).toBe('C');
  });

  it('sends controls to the worker', async () => {
    const { store, port } = await loaded();
    port.emit({
      type: 'tick',
      snapshot: snapshotAt(0, 37),
      samples: [],
      events: [],
      running: false,
    });
    store.getState().setSpeed(600);
    store.getState().play();
    port.emit({
      type: 'tick',
      snapshot: snapshotAt(10, 37),
      samples: [],
      events: [],
      running: true,
    });
    store.getState().pause();
    store.getState().step(60);
    store.getState().skipToNextEvent();
    store.getState().setAutoPauseOnAlarm(true);
    store.getState().reset();
    expect(port.sent.map((m) => m.type)).toEqual([
      'load',
      'setSpeed',
      'setAutoPause',
      'setSpeed',
      'play',
      'pause',
      'step',
      'skip',
      'setAutoPause',
      'reset',
    ]);
    expect(port.sent[3]).toEqual({ type: 'setSpeed', speed: 600 });
    expect(port.sent[6]).toEqual({ type: 'step', simS: 60 });
    expect(port.sent[8]).toEqual({ type: 'setAutoPause', onAlarm: true });
    expect(store.getState().autoPauseOnAlarm).toBe(true);
  });

  it('drops ticks of the previous run after a reset until the worker reloads', async () => {
    const { store, port } = await loaded();
    emitTick(port, 50, 36, true);
    store.getState().reset();
    expect(store.getState().trend.length).toBe(0);
    emitTick(port, 60, 35.9, true);
    expect(store.getState().trend.length).toBe(0);
    port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
    emitTick(port, 0, 37, false);
    expect(store.getState().status).toBe('ready');
    expect(Array.from(store.getState().trend.time())).toEqual([0]);
  });

  it('shows a scenario error and does not start the worker', async () => {
    const { store, ports } = setup();
    await store
      .getState()
      .loadScenario({ text: 'format: coldboot/scenario@1\ntitle: 5\n', fileName: 'bad.yaml' });
    const s = store.getState();
    expect(s.status).toBe('error');
    expect(s.errorKind).toBe('scenario');
    expect(s.errorMessage).toContain('bad.yaml');
    expect(ports).toHaveLength(0);
  });

  it('reports a failed download as a load error', async () => {
    const { store } = setup();
    await store.getState().loadScenario({ url: `${LIBRARY}missing.yaml` });
    expect(store.getState()).toMatchObject({ status: 'error', errorKind: 'load' });
    expect(store.getState().errorMessage).toContain('404');
  });

  it('shows simulation errors from the worker', async () => {
    const { store, port } = await loaded();
    port.emit({ type: 'error', message: 'boom' });
    expect(store.getState()).toMatchObject({
      status: 'error',
      errorKind: 'simulation',
      errorMessage: 'boom',
    });
    store.dispose();
    expect(port.terminated).toBe(true);
  });
});

describe('app store, loading over a run', () => {
  it('pauses the old run, ignores its ticks and clears it when the new file is bad', async () => {
    const { store, port } = await loaded();
    emitTick(port, 50, 36, true);
    await store.getState().loadScenario({ text: 'title: [', fileName: 'bad.yaml' });
    expect(port.sent.at(-1)).toEqual({ type: 'pause' });
    // A tick of the old run that was already in flight changes nothing.
    emitTick(port, 60, 35.9, false);
    const s = store.getState();
    expect(s).toMatchObject({ status: 'error', errorKind: 'scenario', title: '', briefing: '' });
    expect(s.snapshot).toBeNull();
    expect(s.trend.length).toBe(0);
  });
});

describe('temperature formatting', () => {
  it('writes a minus sign and never -0.0', async () => {
    const { formatTemperature } = await import('../../src/state/units.ts');
    expect(formatTemperature(-5, 'C')).toBe('\u22125.0 °C');
    expect(formatTemperature(-0.01, 'C')).toBe('0.0 °C');
    expect(formatTemperature(-40, 'F')).toBe('\u221240.0 °F');
    expect(formatTemperature(null, 'C')).toBe('—');
  });
});

describe('app store, bedside actions and vital-sign trends', () => {
  it('sends a learner action to the worker once a run is loaded', async () => {
    const { store, port } = await loaded();
    // Before the first tick there is no patient yet: nothing is sent.
    store.getState().apply({ do: 'cardiacArrest', rhythm: 'vf' });
    expect(port.sent.filter((m) => m.type === 'apply')).toHaveLength(0);

    emitTick(port, 0, 37, false);
    store.getState().apply({ do: 'cardiacArrest', rhythm: 'vf' });
    store.getState().apply({ do: 'ventilate', fio2: 0.6 });
    store.getState().apply({ do: 'fault', kind: 'pump-failure' }, 'instructor');
    expect(port.sent.filter((m) => m.type === 'apply')).toEqual([
      { type: 'apply', action: { do: 'cardiacArrest', rhythm: 'vf' }, source: 'learner' },
      { type: 'apply', action: { do: 'ventilate', fio2: 0.6 }, source: 'learner' },
      { type: 'apply', action: { do: 'fault', kind: 'pump-failure' }, source: 'instructor' },
    ]);

    // The worker answers with the applied action stamped with time and source: it is logged.
    port.emit({
      type: 'tick',
      snapshot: { ...snapshotAt(0, 37), rhythm: 'vf', rhythmLabel: 'ventricular fibrillation' },
      samples: [],
      events: [{ atS: 0, source: 'learner', action: { do: 'cardiacArrest', rhythm: 'vf' } }],
      running: false,
    });
    expect(store.getState().events.map((e) => [e.source, e.action.do])).toEqual([
      ['learner', 'cardiacArrest'],
    ]);
    expect(store.getState().snapshot?.rhythmLabel).toBe('ventricular fibrillation');
  });

  it('ignores actions when no run can take them (no scenario, loading, finished)', async () => {
    const { store, ports } = setup();
    store.getState().apply({ do: 'defibrillate' });
    expect(ports).toHaveLength(0);

    const { store: s2, port } = await loaded();
    emitTick(port, 600, 30, false);
    port.emit({ type: 'finished' });
    expect(s2.getState().status).toBe('finished');
    s2.getState().apply({ do: 'defibrillate' });
    expect(port.sent.filter((m) => m.type === 'apply')).toHaveLength(0);
  });

  it('keeps heart rate, SpO₂ and brain viability in the trend next to the temperatures', async () => {
    const { store, port } = await loaded();
    const withVitals = (tS: number, hr: number, sat: number, viable: number) => {
      const snap = {
        ...snapshotAt(tS, 36),
        heartRateBpm: hr,
        arterialSat: sat,
        brainViableFraction: viable,
      };
      return { tS, values: TREND_SERIES.map((x) => snap[x.key]) };
    };
    port.emit({
      type: 'tick',
      snapshot: snapshotAt(20, 36),
      samples: [withVitals(0, 70, 0.97, 1), withVitals(10, 0, 0.9, 0.99)],
      events: [],
      running: true,
    });
    const { trend } = store.getState();
    expect(trend.seriesCount).toBe(TREND_SERIES.length);
    expect(Array.from(trend.series(trendIndex('heartRateBpm')))).toEqual([70, 0]);
    expect(Array.from(trend.series(trendIndex('arterialSat')))).toEqual([0.97, 0.9]);
    expect(Array.from(trend.series(trendIndex('brainViableFraction')))).toEqual([1, 0.99]);
    expect(Array.from(trend.series(trendIndex('coreTempC')))).toEqual([36, 36]);
  });
});

describe('trend series', () => {
  it('lists every temperature output, then the vital signs, each once', () => {
    const keys = TREND_SERIES.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(TEMPERATURE_SERIES.every((s) => s.unit === '°C' && s.kind === 'temperature')).toBe(true);
    expect(VITAL_SERIES.map((s) => s.key)).toEqual([
      'heartRateBpm',
      'arterialSat',
      'brainViableFraction',
    ]);
    expect(keys).toEqual([...TEMPERATURE_SERIES, ...VITAL_SERIES].map((s) => s.key));
    expect(() => trendIndex('mapMmHg')).toThrow(/no trend series/);
  });
});
