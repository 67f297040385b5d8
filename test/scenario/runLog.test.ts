// Run logs: a run with learner actions replays bit for bit from its log; bad logs get clear errors.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  createSimulation,
  parseScenario,
  type Scenario,
  type Snapshot,
} from '../../models/index.ts';
import { canonicalJson, scenarioHash, sha256Hex } from '../../models/scenario/hash.ts';
import {
  checkRunLogMatches,
  parseRunLog,
  replayDifference,
  replayRun,
  runLogOf,
  runLogToJson,
  type RunLog,
} from '../../models/scenario/runLog.ts';

const SCENARIO_TEXT = [
  'format: coldboot/scenario@1',
  'title: Replay test',
  'briefing: A test.',
  'patient: { preset: adult-female }',
  'start:',
  '  environment: { medium: air, temperatureC: 0 }',
  '  history:',
  "    - { at: '-40:00', do: immerse, waterTemperatureC: 2, airPocket: true }",
  'timeline:',
  "  - { at: '5:00', do: extricate, airTemperatureC: -5 }",
  '  - { when: { core_temp_c: { below: 34 } }, do: message, text: Cold. }',
  '  - { when: { cpr: { is: none } }, repeat: true, do: message, text: No CPR. }',
  "end: { at: '1:30:00' }",
].join('\n');

const scenario = parseScenario(SCENARIO_TEXT, 'replay.yaml');

/** A run as the app makes one: advances in uneven chunks, with learner actions in between. */
function liveRun(seed: number): { log: RunLog; snapshots: Snapshot[]; state: number[] } {
  const sim = createSimulation(scenario, { seed, parameters: { selfCheckHalfTempC: 24 } });
  const snapshots: Snapshot[] = [sim.snapshot()];
  const actions: [number, () => void][] = [
    [0, () => sim.apply({ do: 'message', text: 'Learner here.' })],
    [100.5, () => sim.apply({ do: 'cardiacArrest', rhythm: 'vf' }, 'instructor')],
    [400, () => sim.apply({ do: 'startCpr', mode: 'mechanical' })],
    [400, () => sim.apply({ do: 'ventilate', fio2: 1 })],
    [1234, () => sim.apply({ do: 'defibrillate' })],
    [1800, () => sim.apply({ do: 'stopCpr' })],
    [1860, () => sim.apply({ do: 'startCpr' })],
  ];
  let next = 0;
  // A learner acts at a moment after the engine has reached it; the snapshot of that moment is
  // taken once everything due then has happened (as a replay sees it).
  const applyDue = (): void => {
    while (next < actions.length && actions[next]![0] <= sim.timeS()) actions[next++]![1]();
  };
  applyDue();
  snapshots[0] = sim.snapshot();
  while (!sim.isFinished()) {
    sim.advance(1);
    applyDue();
    snapshots.push(sim.snapshot());
  }
  return {
    log: runLogOf(sim, { selfCheckHalfTempC: 24 }),
    snapshots,
    state: Array.from(sim.stateVector()),
  };
}

describe('replaying a run log', () => {
  const live = liveRun(7);
  const text = runLogToJson(live.log);
  const log = parseRunLog(text, 'run.json');

  it('writes a log that reads back unchanged, with the scenario, seed, step and overrides', () => {
    expect(log).toEqual(live.log);
    expect(log.scenario).toEqual({ title: 'Replay test', hash: scenarioHash(scenario) });
    expect([log.seed, log.stepSeconds, log.parameters]).toEqual([7, 1, { selfCheckHalfTempC: 24 }]);
    expect(log.endS).toBeUndefined();
    const sources = new Set(log.actions.map((e) => e.source));
    expect(sources).toEqual(new Set(['scenario', 'learner', 'instructor']));
  });

  it('reproduces every snapshot and the final state vector bit for bit', () => {
    const snapshots: Snapshot[] = [];
    const sim = createSimulation(scenario, {
      seed: log.seed,
      stepSeconds: log.stepSeconds,
      parameters: log.parameters,
      replay: log.actions,
    });
    snapshots.push(sim.snapshot());
    while (!sim.isFinished()) {
      sim.advance(1);
      snapshots.push(sim.snapshot());
    }
    expect(snapshots.length).toBe(live.snapshots.length);
    for (let i = 0; i < snapshots.length; i++) {
      if (JSON.stringify(snapshots[i]) !== JSON.stringify(live.snapshots[i]))
        expect(snapshots[i], `snapshot ${i}`).toEqual(live.snapshots[i]);
    }
    expect(Array.from(sim.stateVector())).toEqual(live.state);
    expect(sim.log()).toEqual(live.log.actions);
    expect(replayDifference(log.actions, sim.log())).toBeUndefined();
  });

  it('does not depend on how the replay is chunked', () => {
    const sim = replayRun(scenario, log);
    expect(Array.from(sim.stateVector())).toEqual(live.state);
  });

  it('differs with another seed or without the learner actions (the test can fail)', () => {
    const other = replayRun(scenario, { ...log, seed: 8 });
    expect(Array.from(other.stateVector())).not.toEqual(live.state);
    const alone = replayRun(scenario, {
      ...log,
      actions: log.actions.filter((e) => e.source === 'scenario'),
    });
    expect(Array.from(alone.stateVector())).not.toEqual(live.state);
    expect(replayDifference(log.actions, alone.log())).toMatch(
      /^entry \d+: recorded 0:00 learner message/,
    );
  });

  it('stops where a partial log stopped', () => {
    const sim = createSimulation(scenario, { seed: 3 });
    sim.advance(600);
    sim.apply({ do: 'ventilate', fio2: 0.5 });
    sim.advance(60);
    const partial = runLogOf(sim, {});
    expect(partial.endS).toBe(660);
    const replayed = replayRun(scenario, parseRunLog(runLogToJson(partial), 'partial.json'));
    expect(replayed.timeS()).toBe(660);
    expect(Array.from(replayed.stateVector())).toEqual(Array.from(sim.stateVector()));
  });
});

describe('run log errors', () => {
  const good = JSON.parse(runLogToJson(liveRun(1).log)) as Record<string, unknown>;
  const variant = (change: (log: Record<string, unknown>) => void): string => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy, null, 2);
  };
  const actions = (log: Record<string, unknown>): Record<string, unknown>[] =>
    log.actions as Record<string, unknown>[];

  it.each([
    [
      'a wrong format',
      variant((l) => (l.format = 'coldboot/run-log@2')),
      'run.json:2: format: expected "coldboot/run-log@1", found "coldboot/run-log@2" (text)',
    ],
    [
      'a malformed hash',
      variant((l) => ((l.scenario as Record<string, unknown>).hash = 'abc')),
      'scenario.hash: expected a hash "sha256:" followed by 64 hexadecimal digits, found "abc" (text)',
    ],
    [
      'an unknown parameter',
      variant((l) => (l.parameters = { selfCheckHalfTemp: 20 })),
      'parameters.selfCheckHalfTemp: expected a parameter of the model (doc/model.md), found an unknown parameter "selfCheckHalfTemp" (did you mean "selfCheckHalfTempC"?)',
    ],
    [
      'a parameter out of its range',
      variant((l) => (l.parameters = { selfCheckHalfTempC: 50 })),
      'parameters.selfCheckHalfTempC: expected a number from 10 to 32 (°C), found 50 (a number)',
    ],
    [
      'a parameter named __proto__',
      variant((l) => (l.parameters = JSON.parse('{ "__proto__": { "selfCheckHalfTempC": 20 } }'))),
      'parameters.__proto__: expected a field name other than "__proto__", "constructor" or "prototype" (reserved by JavaScript), found "__proto__"',
    ],
    [
      'a fractional seed',
      variant((l) => (l.seed = 1.5)),
      'seed: expected a whole number from -2147483648 to 4294967295, found 1.5 (a number)',
    ],
    [
      'a model step below the smallest the engine runs',
      variant((l) => (l.stepSeconds = 0.001)),
      'stepSeconds: expected a number from 0.1 to 10 (s), found 0.001 (a number)',
    ],
    [
      'a model step above the largest the engine runs',
      variant((l) => (l.stepSeconds = 11)),
      'stepSeconds: expected a number from 0.1 to 10 (s), found 11 (a number)',
    ],
    [
      'an unknown action',
      variant((l) => (actions(l)[1]!.action = { do: 'intubate' })),
      'actions[1].action.do: expected an action named in doc/scenario-format.md, found "intubate" (text)',
    ],
    [
      'an action field out of range',
      variant((l) => (actions(l)[1]!.action = { do: 'ventilate', fio2: 2 })),
      'actions[1].action.fio2: expected a number from 0.21 to 1 (fraction), found 2 (a number)',
    ],
    [
      'a clock time instead of seconds',
      variant((l) => (actions(l)[1]!.atS = '5:00')),
      'actions[1].atS: expected a number from 0 to 259200 (s), found "5:00" (text)',
    ],
    [
      'an unknown source',
      variant((l) => (actions(l)[1]!.source = 'student')),
      'actions[1].source: expected one of "scenario", "learner", "instructor", found "student" (text)',
    ],
    [
      'times going backwards',
      variant((l) => (actions(l).at(-1)!.atS = 0)),
      '.atS: expected a time no earlier than the action before',
    ],
    [
      'an end before the last action',
      variant((l) => (l.endS = 10)),
      'endS: expected a time no earlier than the last action',
    ],
    [
      'an empty file',
      '',
      'run.json: expected a run log (format, scenario, actions), found an empty file',
    ],
    ['not JSON or YAML', '{ "format": ', 'run.json:1: expected valid YAML or JSON'],
  ])('rejects %s with a clear message', (_what, text, message) => {
    let error: unknown;
    try {
      parseRunLog(text, 'run.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message.startsWith('run.json')).toBe(true);
  });

  it('refuses a log of another scenario, or with actions after its end', () => {
    const log = liveRun(1).log;
    const other: Scenario = { ...scenario, end: { atS: 1200 } };
    expect(() => checkRunLogMatches(log, other, 'run.json', 'other.yaml')).toThrow(
      /^run\.json: scenario\.hash: expected the hash of other\.yaml \(sha256:[0-9a-f]{64}\), found sha256:[0-9a-f]{64} \(the log was recorded with another scenario, or another version of it\)\nrun\.json: actions\[\d+\]\.atS: expected a time no later than the end of other\.yaml \(20:00\), found/,
    );
    expect(() => checkRunLogMatches(log, scenario, 'run.json', 'replay.yaml')).not.toThrow();
  });

  it('refuses a log over the size limit before parsing it', () => {
    expect(() => parseRunLog(' '.repeat(4 * 1024 * 1024 + 1), 'big.json')).toThrow(
      'big.json: expected a file of at most 4 MiB, found 4097 KiB',
    );
  });
});

describe('scenario hashes', () => {
  it('are SHA-256 of canonical JSON (keys sorted), as Node computes it', () => {
    for (const text of ['', 'abc', 'é°C ❄ 🧊', 'x'.repeat(1000)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });

  it('change with what the scenario simulates, not with its words or objectives', () => {
    const base = scenarioHash(scenario);
    const reworded = parseScenario(
      SCENARIO_TEXT.replace('briefing: A test.', 'briefing: Another text.').replace(
        "end: { at: '1:30:00' }",
        "objectives:\n  - { id: a, text: A, do: startCpr }\nend: { at: '1:30:00' }",
      ),
      'r.yaml',
    );
    expect(scenarioHash(reworded)).toBe(base);
    const colder = parseScenario(
      SCENARIO_TEXT.replace('airTemperatureC: -5', 'airTemperatureC: -6'),
      'c.yaml',
    );
    expect(scenarioHash(colder)).not.toBe(base);
    const otherTrigger = parseScenario(SCENARIO_TEXT.replace('below: 34', 'below: 33'), 't.yaml');
    expect(scenarioHash(otherTrigger)).not.toBe(base);
  });
});
