import { describe, expect, it } from 'vitest';
import { parseScenario, type TimedAction } from '../../models/index.ts';
import {
  SAVED_RUN_VERSION,
  parseSavedRun,
  savedRunOf,
  savedRunToJson,
  type SaveSource,
} from '../../src/state/savedRun.ts';

const TEXT = `format: coldboot/scenario@1
title: Test dip
briefing: A short dip in cold water.
patient: { preset: adult-female }
start: { environment: { medium: air, temperatureC: 5 } }
timeline:
  - { at: "0:00", do: immerse, waterTemperatureC: 3, airPocket: true }
end: { at: "1:00:00" }
`;
const scenario = parseScenario(TEXT, 'dip.yaml');

const actions: TimedAction[] = [
  { atS: 0, source: 'scenario', action: { do: 'immerse', waterTemperatureC: 3, airPocket: true } },
  { atS: 120, source: 'learner', action: { do: 'ventilate', fio2: 0.6 } },
];

function source(over: Partial<SaveSource> = {}): SaveSource {
  return {
    scenario,
    scenarioText: TEXT,
    fileName: 'dip.yaml',
    origin: 'file',
    status: 'paused',
    snapshot: { tS: 300, finished: false },
    screen: 'run',
    seed: 3,
    parameters: {},
    actions,
    leftPaths: [],
    speed: 60,
    ...over,
  };
}

describe('saved runs', () => {
  it('round-trips: what is saved restores at the same time with the same log', () => {
    const saved = savedRunOf(source(), new Date('2030-01-02T03:04:05Z'));
    expect(saved).not.toBeNull();
    expect(saved).toMatchObject({
      version: SAVED_RUN_VERSION,
      savedAt: '2030-01-02T03:04:05.000Z',
      scenario: { fileName: 'dip.yaml', origin: 'file', text: TEXT },
      speed: 60,
      paused: true,
      screen: 'run',
      log: { seed: 3, endS: 300, actions },
    });
    const result = parseSavedRun(savedRunToJson(saved!));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.atS).toBe(300);
    expect(result.run.scenario.title).toBe('Test dip');
    expect(result.run.saved.log.actions).toEqual(actions);
    expect(result.run.saved.paused).toBe(true);
  });

  it('keeps the sandbox parameter overrides a run was made with', () => {
    const saved = savedRunOf(source({ parameters: { waterHeatTransferWPerM2K: 300 } }));
    const result = parseSavedRun(savedRunToJson(saved!));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.run.saved.log.parameters).toEqual({ waterHeatTransferWPerM2K: 300 });
    }
  });

  it('saves a finished run without endS, restored at the scenario end', () => {
    const saved = savedRunOf(
      source({ status: 'finished', snapshot: { tS: 3600, finished: true } }),
    );
    expect(saved?.log.endS).toBeUndefined();
    const result = parseSavedRun(savedRunToJson(saved!));
    expect(result.ok && result.run.atS).toBe(3600);
  });

  it('saves nothing without a run worth keeping', () => {
    expect(savedRunOf(source({ scenario: null }))).toBeNull();
    expect(savedRunOf(source({ status: 'loading' }))).toBeNull();
    expect(savedRunOf(source({ status: 'error' }))).toBeNull();
    expect(savedRunOf(source({ screen: 'briefing' }))).toBeNull();
    expect(savedRunOf(source({ snapshot: null }))).toBeNull();
    // From the library, only a run that has begun.
    expect(
      savedRunOf(
        source({ screen: 'library', snapshot: { tS: 0, finished: false }, actions: [actions[0]!] }),
      ),
    ).toBeNull();
    expect(savedRunOf(source({ screen: 'library' }))?.screen).toBe('library');
  });

  it('refuses broken, old or mismatched saves with a reason, never throwing', () => {
    const good = JSON.parse(savedRunToJson(savedRunOf(source())!)) as Record<string, unknown>;
    const cases: [string, unknown, RegExp][] = [
      ['not JSON', '{oops', /not valid JSON/],
      ['a list', [], /not a saved run/],
      ['old version', { ...good, version: 0 }, /another version/],
      ['no scenario', { ...good, scenario: null }, /scenario is missing/],
      [
        'bad origin',
        { ...good, scenario: { text: TEXT, fileName: 'x', origin: 'web' } },
        /scenario/,
      ],
      ['no speed', { ...good, speed: 'fast' }, /speed/],
      [
        'broken scenario',
        { ...good, scenario: { text: 'title: [', fileName: 'dip.yaml', origin: 'file' } },
        /dip\.yaml/,
      ],
      ['broken log', { ...good, log: { format: 'nope' } }, /saved run log/],
      [
        'unknown parameter',
        { ...good, log: { ...(good.log as object), parameters: { noSuchThing: 1 } } },
        /parameters/,
      ],
      [
        'another model step',
        { ...good, log: { ...(good.log as object), stepSeconds: 5 } },
        /model step/,
      ],
      [
        'log of another scenario',
        {
          ...good,
          scenario: {
            text: TEXT.replace('waterTemperatureC: 3', 'waterTemperatureC: 4'),
            fileName: 'dip.yaml',
            origin: 'file',
          },
        },
        /hash/,
      ],
    ];
    for (const [name, value, reason] of cases) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const result = parseSavedRun(text);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.reason, name).toMatch(reason);
    }
  });
});
