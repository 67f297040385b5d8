// The scenario format's features as the engine runs them: triggers (once and repeating), prompts,
// instructor notes, end conditions, history before time zero, objectives and the expert run.

import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Scenario } from '../../models/index.ts';
import { conditionHolds, describeCondition } from '../../models/scenario/condition.ts';
import { fakeSnapshot } from '../helpers.ts';

const HEADER = [
  'format: coldboot/scenario@1',
  'title: Test',
  'briefing: A test.',
  'patient: { preset: adult-male }',
];

function scenario(lines: string[], name = 'test.yaml'): Scenario {
  return parseScenario([...HEADER, ...lines].join('\n'), name);
}

const iceWater = [
  'start: { environment: { medium: air, temperatureC: 5 } }',
  'timeline:',
  '  - { at: 0, do: immerse, waterTemperatureC: 2, airPocket: true, headAboveWater: true }',
];

describe('triggers', () => {
  const triggered = scenario([
    ...iceWater,
    '  - when: { core_temp_c: { below: 36.5 } }',
    '    do: message',
    '    text: Below 36.5.',
    '    note: For the instructor.',
    "end: { at: '2:00:00' }",
  ]);

  it('loads a "when" entry as a trigger, apart from the timed entries, with its note', () => {
    expect(triggered.timeline.map((e) => e.action.do)).toEqual(['immerse']);
    expect(triggered.triggers).toEqual([
      {
        when: { kind: 'compare', output: 'core_temp_c', below: 36.5 },
        actions: [{ do: 'message', text: 'Below 36.5.' }],
        repeat: false,
        note: 'For the instructor.',
      },
    ]);
  });

  it('fires once, at the first step on which its condition holds, as a scenario action', () => {
    const sim = createSimulation(triggered);
    let crossedS: number | undefined;
    let previous = sim.snapshot().coreTempC;
    while (!sim.isFinished()) {
      sim.advance(1);
      const core = sim.snapshot().coreTempC;
      if (crossedS === undefined && core < 36.5) crossedS = sim.timeS();
      previous = core;
    }
    expect(previous).toBeLessThan(36);
    expect(crossedS).toBeGreaterThan(0);
    const fired = sim.log().filter((e) => e.action.do === 'message');
    expect(fired).toEqual([
      { atS: crossedS, source: 'scenario', action: { do: 'message', text: 'Below 36.5.' } },
    ]);
  });

  it('with repeat: fires again each time the condition holds anew', () => {
    const repeating = scenario([
      'start: { environment: { medium: air, temperatureC: 20 } }',
      'timeline:',
      '  - { when: { cpr: { is: none } }, repeat: true, do: message, text: No CPR. }',
      '  - { at: 60, do: startCpr }',
      '  - { at: 120, do: stopCpr }',
      '  - { at: 180, do: startCpr }',
      '  - { at: 240, do: stopCpr }',
      "end: { at: '10:00' }",
    ]);
    const sim = createSimulation(repeating);
    sim.advance(600);
    const times = sim
      .log()
      .filter((e) => e.action.do === 'message')
      .map((e) => e.atS);
    // At time zero, then at each stop: conditions are checked after that moment's timed entries.
    expect(times).toEqual([0, 120, 240]);
  });

  it('checks all/any/not combinations and word outputs on a snapshot', () => {
    const cold = fakeSnapshot({ coreTempC: 30, rhythm: 'vf' });
    const warm = fakeSnapshot({ coreTempC: 36, rhythm: 'sinus' });
    const parsed = scenario([
      'start: { environment: { medium: air, temperatureC: 20 } }',
      'timeline:',
      '  - when:',
      '      all:',
      '        - { core_temp_c: { below: 32 } }',
      '        - any: [{ rhythm: { is: [vf, asystole] } }, { not: { heart_rate_bpm: { above: 20 } } }]',
      '    do: message',
      '    text: Cold arrest.',
      "end: { at: '1:00' }",
    ]);
    const when = parsed.triggers![0]!.when;
    expect(conditionHolds(when, cold)).toBe(true);
    expect(conditionHolds(when, warm)).toBe(false);
    expect(conditionHolds(when, fakeSnapshot({ coreTempC: 30, heartRateBpm: 10 }))).toBe(true);
    expect(describeCondition(when)).toBe(
      'core_temp_c below 32 and (rhythm is vf or asystole or not (heart_rate_bpm above 20))',
    );
  });

  it('treats several keys in one group as all of them, with both bounds as a range', () => {
    const parsed = scenario([
      'start: { environment: { medium: air, temperatureC: 20 } }',
      'timeline:',
      '  - when: { core_temp_c: { above: 30, below: 34 }, t_s: { above: 60 } }',
      '    do: message',
      '    text: Between.',
      "end: { at: '1:00' }",
    ]);
    const when = parsed.triggers![0]!.when;
    expect(conditionHolds(when, fakeSnapshot({ coreTempC: 32, tS: 61 }))).toBe(true);
    expect(conditionHolds(when, fakeSnapshot({ coreTempC: 32, tS: 60 }))).toBe(false);
    expect(conditionHolds(when, fakeSnapshot({ coreTempC: 34, tS: 61 }))).toBe(false);
    expect(conditionHolds(when, fakeSnapshot({ coreTempC: Number.NaN, tS: 61 }))).toBe(false);
  });
});

describe('prompts', () => {
  it('become a message and a pause, marked as a prompt, at a time or on a trigger', () => {
    const parsed = scenario([
      'start: { environment: { medium: air, temperatureC: 20 } }',
      'timeline:',
      "  - { at: '1:00', do: prompt, text: 'What now?' }",
      '  - { when: { t_s: { above: 100 } }, do: prompt, text: Later? }',
      "end: { at: '5:00' }",
    ]);
    expect(parsed.timeline).toEqual([
      { atS: 60, action: { do: 'message', text: 'What now?' }, prompt: true },
      { atS: 60, action: { do: 'pause' }, prompt: true },
    ]);
    const sim = createSimulation(parsed);
    sim.advance(300);
    expect(sim.log().map((e) => [e.atS, e.action.do])).toEqual([
      [60, 'message'],
      [60, 'pause'],
      [101, 'message'],
      [101, 'pause'],
    ]);
  });
});

describe('end conditions', () => {
  it('end the run at the first step on which the condition holds', () => {
    const parsed = scenario([
      ...iceWater,
      "end: { at: '3:00:00', when: { core_temp_c: { below: 35 } } }",
    ]);
    const sim = createSimulation(parsed);
    sim.advance(3 * 3600);
    const endS = sim.timeS();
    expect(sim.isFinished()).toBe(true);
    expect(sim.endReason()).toBe('condition');
    expect(endS).toBeLessThan(3 * 3600);
    expect(sim.snapshot().coreTempC).toBeLessThan(35);
    // One step earlier the core was still at or above 35 °C.
    const before = createSimulation(parsed);
    before.advance(endS - 1);
    expect(before.snapshot().coreTempC).toBeGreaterThanOrEqual(35);
    expect(before.isFinished()).toBe(false);
    // Further advances do nothing.
    sim.advance(600);
    expect(sim.timeS()).toBe(endS);
  });

  it('end at the time when the condition never holds, and default to 72 h without a time', () => {
    const parsed = scenario([
      ...iceWater,
      "end: { at: '10:00', when: { core_temp_c: { below: 5 } } }",
    ]);
    const sim = createSimulation(parsed);
    sim.advance(3600);
    expect([sim.timeS(), sim.endReason()]).toEqual([600, 'time']);
    const open = scenario([...iceWater, 'end: { when: { core_temp_c: { below: 35 } } }']);
    expect(open.end.atS).toBe(72 * 3600);
  });
});

describe('history before time zero', () => {
  const history = (lines: string[]): Scenario =>
    scenario([
      'start:',
      '  environment: { medium: air, temperatureC: 5 }',
      '  history:',
      ...lines,
      "end: { at: '30:00' }",
    ]);

  it('is simulated from the start profile: 60 min in 3 °C water, arrest at minute 40', () => {
    const found = history([
      "    - { at: '-1:00:00', do: immerse, waterTemperatureC: 3, airPocket: true }",
      "    - { at: '-20:00', do: cardiacArrest, rhythm: vf, note: 'Heart stops.' }",
    ]);
    expect(found.start).not.toHaveProperty('history');
    expect(found.history!.map((e) => [e.atS, e.action.do, e.note])).toEqual([
      [-3600, 'immerse', undefined],
      [-1200, 'cardiacArrest', 'Heart stops.'],
    ]);
    const sim = createSimulation(found);
    const zero = sim.snapshot();
    expect(zero.tS).toBe(0);
    // Cooled for an hour, in arrest (the rhythm may have moved on from VF), not breathing well.
    expect(zero.coreTempC).toBeLessThan(35);
    expect(['vf', 'asystole']).toContain(zero.rhythm);
    expect(zero.environment.medium).toBe('water');
    // The history's log is kept apart, with negative times; the run's log starts empty.
    expect(sim.historyLog()).toEqual([
      {
        atS: -3600,
        source: 'scenario',
        action: { do: 'immerse', waterTemperatureC: 3, airPocket: true },
      },
      { atS: -1200, source: 'scenario', action: { do: 'cardiacArrest', rhythm: 'vf' } },
    ]);
    expect(sim.log()).toEqual([]);
    // Outcome records start at time zero: the arrest going on counts once, no ROSC.
    const outcome = sim.outcome();
    expect(outcome.arrest_count).toBe(1);
    expect(outcome.rosc_time_s).toBeNull();
    expect(outcome.min_core_temp_c).toBe(zero.coreTempC);
    // The heat bookkeeping also starts at time zero.
    const balance = sim.heatBalance() as unknown as Record<string, number>;
    expect(balance).toMatchObject({ producedJ: 0, lostJ: 0, storedJ: 0 });
    expect(Object.values(balance).every((j) => j === 0)).toBe(true);
  });

  it('differs from starting at time zero without it, and is deterministic', () => {
    const found = history(["    - { at: '-30:00', do: immerse, waterTemperatureC: 3 }"]);
    const a = createSimulation(found);
    const b = createSimulation(found);
    const none = createSimulation(
      scenario([
        'start: { environment: { medium: air, temperatureC: 5 } }',
        "end: { at: '30:00' }",
      ]),
    );
    expect(Array.from(a.stateVector())).toEqual(Array.from(b.stateVector()));
    expect(a.snapshot().coreTempC).toBeLessThan(none.snapshot().coreTempC - 0.5);
  });
});

describe('objectives, notes and the expert run', () => {
  it('load with their checks, default weight 1 and times in seconds', () => {
    const parsed = scenario([
      'instructorNotes: Watch the heart temperature.',
      'summary: A short case.',
      'level: advanced',
      'teachingNotes: Cool first.',
      'start: { environment: { medium: air, temperatureC: 20 } }',
      'objectives:',
      "  - { id: o2, text: Oxygen, do: ventilate, where: { fio2: { above: 0.5 } }, before: '5:00' }",
      '  - id: cool-first',
      '    text: Cool first',
      '    weight: 3',
      '    do: ventilate',
      '    onlyWhen: { brain_temp_c: { below: 20 } }',
      '    note: The key point.',
      '  - { id: seq, text: Order, order: [startCpr, ventilate] }',
      '  - { id: end, text: Brain, atEnd: { brain_autolysed_fraction: { below: 0.1 } } }',
      '  - { id: shock, text: No shock, notDo: defibrillate, after: 60 }',
      'expert:',
      '  note: Why.',
      '  actions:',
      "    - { at: '2:00', do: ventilate, fio2: 1 }",
      "    - { at: '1:00', do: startCpr }",
      "end: { at: '10:00' }",
    ]);
    expect(parsed.instructorNotes).toBe('Watch the heart temperature.');
    expect([parsed.summary, parsed.level, parsed.teachingNotes]).toEqual([
      'A short case.',
      'advanced',
      'Cool first.',
    ]);
    expect(parsed.objectives!.map((o) => [o.id, o.weight, o.check.kind])).toEqual([
      ['o2', 1, 'do'],
      ['cool-first', 3, 'do'],
      ['seq', 1, 'order'],
      ['end', 1, 'atEnd'],
      ['shock', 1, 'notDo'],
    ]);
    expect(parsed.objectives![0]!.check).toEqual({
      kind: 'do',
      action: 'ventilate',
      where: { fio2: { above: 0.5 } },
      span: { beforeS: 300 },
    });
    expect(parsed.objectives![1]!.note).toBe('The key point.');
    expect(parsed.expert).toEqual({
      note: 'Why.',
      actions: [
        { atS: 60, source: 'learner', action: { do: 'startCpr' } },
        { atS: 120, source: 'learner', action: { do: 'ventilate', fio2: 1 } },
      ],
    });
  });

  it('reports every problem of a file at once, each with its path', () => {
    let message = '';
    try {
      scenario([
        'start: { environment: { medium: air, temperatureC: 20 } }',
        'timeline:',
        '  - { when: { core_temp: { below: 30 } }, do: message, text: A }',
        '  - { at: 0, do: ventilate, fio2: 3 }',
        'objectives:',
        '  - { id: a, text: A }',
        "end: { at: '10:00' }",
      ]);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^test\.yaml:7: timeline\[0\]\.when\.core_temp: /);
    expect(lines[1]).toMatch(
      /^test\.yaml:8: timeline\[1\]\.fio2: expected a number from 0\.21 to 1/,
    );
    expect(lines[2]).toMatch(/^test\.yaml:10: objectives\[0\]: expected one check/);
  });
});
