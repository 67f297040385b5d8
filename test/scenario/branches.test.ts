// "What if?": the paths a learner leaves by rewinding travel in the run log as branches. The format
// (old logs without branches load as before; branches round-trip; hostile branches get clear errors),
// rewinding (the actions before the moment stay, the instructor's included; the path left is kept
// whole) and the replay of a rewound run, which equals a fresh run to that moment bit for bit.

import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  createSimulation,
  parseScenario,
  type Simulation,
  type TimedAction,
} from '../../models/index.ts';
import {
  MAX_RUN_LOG_BRANCHES,
  branchRunLog,
  checkRunLogMatches,
  parseRunLog,
  replayRun,
  rewindRunLog,
  runLogOf,
  runLogToJson,
  type RunLog,
} from '../../models/scenario/runLog.ts';

const scenario = parseScenario(
  [
    'format: coldboot/scenario@1',
    'title: Rewind test',
    'briefing: A test.',
    'patient: { preset: adult-male }',
    'start:',
    '  environment: { medium: air, temperatureC: 10 }',
    "  history: [{ at: '-15:00', do: immerse, waterTemperatureC: 4, airPocket: true }]",
    'timeline:',
    "  - { at: '2:00', do: extricate, airTemperatureC: 5 }",
    '  - { when: { cpr: { is: none } }, repeat: true, do: message, text: No CPR. }',
    "end: { at: '40:00' }",
  ].join('\n'),
  'rewind.yaml',
);

/** A learner's run as the app makes one: actions applied between steps, at the moment reached. */
function liveRun(
  actions: readonly [number, TimedAction['action'], TimedAction['source']][],
  toS: number,
): Simulation {
  const sim = createSimulation(scenario, { seed: 11 });
  let next = 0;
  const applyDue = () => {
    while (next < actions.length && actions[next]![0] <= sim.timeS()) {
      const [, action, source] = actions[next++]!;
      sim.apply(action, source);
    }
  };
  applyDue();
  while (sim.timeS() < toS) {
    sim.advance(1);
    applyDue();
  }
  return sim;
}

const ACTIONS: [number, TimedAction['action'], TimedAction['source']][] = [
  [60, { do: 'cardiacArrest', rhythm: 'vf' }, 'instructor'],
  [90, { do: 'startCpr', mode: 'manual' }, 'learner'],
  [300, { do: 'ventilate', fio2: 1 }, 'learner'],
  [420, { do: 'fault', kind: 'oxygenator-failure' }, 'instructor'],
  [600, { do: 'defibrillate' }, 'learner'],
];

describe('run logs with branches', () => {
  const live = liveRun(ACTIONS, 900);
  const log = runLogOf(live, {});

  it('reads an old log (no branches) as before, and writes it without a branches field', () => {
    const text = runLogToJson(log);
    expect(text).not.toContain('branches');
    const read = parseRunLog(text, 'old.json');
    expect(read).toEqual(log);
    expect('branches' in read).toBe(false);
    // An empty list is the same as none.
    const empty = parseRunLog(JSON.stringify({ ...JSON.parse(text), branches: [] }), 'e.json');
    expect('branches' in empty).toBe(false);
  });

  it('rewinds: the actions before the moment stay (the instructor’s too), the path left is kept whole', () => {
    const rewound = rewindRunLog(log, 420);
    expect(rewound.endS).toBe(420);
    const people = rewound.actions.filter((a) => a.source !== 'scenario');
    expect(people.map((a) => [a.atS, a.action.do])).toEqual([
      [60, 'cardiacArrest'],
      [90, 'startCpr'],
      [300, 'ventilate'],
    ]);
    // The fault injected at 420 itself belongs to the path left.
    expect(rewound.actions.every((a) => a.atS < 420)).toBe(true);
    expect(rewound.branches).toEqual([{ fromS: 420, endS: 900, actions: log.actions }]);
    // A second rewind keeps the first path left and adds the second, oldest first.
    const again = rewindRunLog({ ...rewound, endS: 500 }, 100);
    expect(again.branches!.map((b) => [b.fromS, b.endS])).toEqual([
      [420, 900],
      [100, 500],
    ]);
    expect(() => rewindRunLog(log, 901)).toThrow(/later than where the run stands/);
    expect(() => rewindRunLog(log, -1)).toThrow(/time ≥ 0/);
  });

  it('writes branches one action a line and reads them back unchanged', () => {
    const rewound = rewindRunLog(rewindRunLog(log, 420), 95);
    const text = runLogToJson(rewound);
    expect(text).toContain('"branches": [');
    expect(text.split('\n').filter((line) => line.includes('"atS"')).length).toBe(
      rewound.actions.length + rewound.branches!.reduce((n, b) => n + b.actions.length, 0),
    );
    const read = parseRunLog(text, 'run.json');
    expect(read).toEqual(rewound);
    checkRunLogMatches(read, scenario, 'run.json', 'rewind.yaml');
    // A path left replays on its own: its log is the run as it was when it was left.
    expect(branchRunLog(read, read.branches![0]!)).toEqual(log);
  });

  it('replays a rewound run to the moment bit for bit like a fresh run that did only the kept actions', () => {
    const atS = 420;
    const rewound = parseRunLog(runLogToJson(rewindRunLog(log, atS)), 'run.json');
    const replayed = replayRun(scenario, rewound);
    const fresh = liveRun(
      ACTIONS.filter(([t]) => t < atS),
      atS,
    );
    expect(replayed.timeS()).toBe(atS);
    expect(Array.from(replayed.stateVector())).toEqual(Array.from(fresh.stateVector()));
    expect(replayed.snapshot()).toEqual(fresh.snapshot());
    expect(replayed.log()).toEqual(fresh.log());
    // ...and like the run that was left, at that moment (before what it did then).
    const before = liveRun(ACTIONS, atS - 1);
    before.advance(1);
    expect(Array.from(replayed.stateVector())).toEqual(Array.from(before.stateVector()));
  });
});

describe('hostile branches get clear errors', () => {
  const base = JSON.parse(runLogToJson(rewindRunLog(runLogOf(liveRun(ACTIONS, 700), {}), 300))) as {
    branches: Record<string, unknown>[];
  } & Record<string, unknown>;

  function problems(mutate: (log: typeof base) => unknown): string[] {
    const log = structuredClone(base);
    const data = mutate(log) ?? log;
    try {
      parseRunLog(JSON.stringify(data), 'bad.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.expected} | ${i.found}`);
    }
    return [];
  }

  it('names the field of each problem', () => {
    expect(problems((l) => ({ ...l, branches: {} }))[0]).toMatch(/^branches: a list/);
    expect(problems((l) => void (l.branches[0]!.fromS = 'soon'))[0]).toMatch(
      /^branches\[0\]\.fromS: /,
    );
    expect(problems((l) => void (l.branches[0]!.fromS = -5))[0]).toMatch(/^branches\[0\]\.fromS: /);
    expect(problems((l) => void (l.branches[0]!.colour = 'red'))[0]).toMatch(
      /^branches\[0\]\.colour: /,
    );
    expect(problems((l) => void delete l.branches[0]!.actions)[0]).toMatch(
      /^branches\[0\]\.actions: /,
    );
    const actions = base.branches[0]!.actions as { action: Record<string, unknown> }[];
    const ventilate = actions.findIndex((a) => a.action.do === 'ventilate');
    expect(
      problems((l) => {
        (l.branches[0]!.actions as { action: Record<string, unknown> }[])[ventilate]!.action.fio2 =
          7;
      })[0],
    ).toMatch(new RegExp(`^branches\\[0\\]\\.actions\\[${ventilate}\\]\\.action\\.fio2: `));
    expect(
      problems((l) => {
        (l.branches[0]!.actions as { action: Record<string, unknown> }[])[0]!.action = {
          do: 'selfDestruct',
        };
      })[0],
    ).toMatch(/^branches\[0\]\.actions\[0\]\.action\.do: /);
  });

  it('refuses prototype keys, times that go back, a moment after the path’s end and too many paths', () => {
    expect(
      problems((l) => JSON.parse(JSON.stringify(l).replace('"fromS"', '"__proto__":{},"fromS"'))),
    ).not.toEqual([]);
    expect(
      problems((l) => {
        const a = l.branches[0]!.actions as { atS: number }[];
        a[a.length - 1]!.atS = 1;
      }).join('\n'),
    ).toMatch(/branches\[0\]\.actions\[\d+\]\.atS: a time no earlier than the action before/);
    expect(problems((l) => void (l.branches[0]!.fromS = 800)).join('\n')).toMatch(
      /branches\[0\]\.fromS: a time no later than where the path was left/,
    );
    expect(problems((l) => void (l.branches[0]!.endS = 10)).join('\n')).toMatch(
      /branches\[0\]\.endS: a time no earlier than the last action/,
    );
    expect(
      problems((l) => ({
        ...l,
        branches: Array.from({ length: MAX_RUN_LOG_BRANCHES + 1 }, () => l.branches[0]),
      }))[0],
    ).toMatch(/^branches: a list \(of up to 20 items\)/);
  });

  it('refuses a path that goes past the scenario’s end', () => {
    const log = parseRunLog(JSON.stringify(base), 'run.json');
    const late: RunLog = {
      ...log,
      branches: [{ ...log.branches![0]!, endS: 3000 }],
    };
    expect(() => checkRunLogMatches(late, scenario, 'run.json', 'rewind.yaml')).toThrow(
      /branches\[0\]\.endS/,
    );
  });
});
