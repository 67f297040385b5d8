// Grading: each kind of objective met or missed with the reason, the score by weights, and the
// expert runs of the example scenarios scoring highest.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  parseScenario,
  type Action,
  type Scenario,
  type TimedAction,
} from '../../models/index.ts';
import { gradeRun, scoreOf, type Grade } from '../../models/scenario/assessment.ts';
import { emptyRunLog, expertRunLog, type RunLog } from '../../models/scenario/runLog.ts';

const scenario = parseScenario(
  [
    'format: coldboot/scenario@1',
    'title: Grading test',
    'briefing: A test.',
    'patient: { preset: adult-male }',
    'start: { environment: { medium: air, temperatureC: 20, clothingClo: 1 } }',
    'timeline:',
    "  - { at: '1:00', do: cardiacArrest, rhythm: vf }",
    'objectives:',
    "  - { id: cpr, text: CPR within a minute, weight: 3, do: startCpr, before: '2:00' }",
    '  - id: o2',
    '    text: Oxygen',
    '    weight: 2',
    '    do: ventilate',
    '    where: { fio2: { above: 0.5 } }',
    "    before: '5:00'",
    '  - { id: cab, text: CPR then breaths, order: [startCpr, ventilate] }',
    '  - id: shock-warm',
    '    text: Shock a warm heart',
    '    do: defibrillate',
    '    onlyWhen: { heart_temp_c: { above: 30 }, rhythm: { is: vf } }',
    '  - { id: no-stop, text: Do not stop CPR, notDo: stopCpr }',
    '  - id: flow',
    '    text: Keep blood moving',
    '    avoid: { cardiac_output_l_min: { below: 0.3 } }',
    "    after: '3:00'",
    '  - { id: low-energy, text: Brain energy dips, reach: { brain_energy: { below: 0.9 } } }',
    '  - { id: rosc, text: Heart beating at the end, atEnd: { rhythm: { is: [sinus, af] } } }',
    "end: { at: '10:00' }",
  ].join('\n'),
  'grading.yaml',
);

function logOf(actions: [number, Action][]): RunLog {
  const entries: TimedAction[] = actions.map(([atS, action]) => ({
    atS,
    source: 'learner',
    action,
  }));
  return { ...emptyRunLog(scenario), actions: entries };
}

function byId(grade: Grade | undefined): Record<string, { met: boolean; why: string }> {
  return Object.fromEntries(grade!.objectives.map((o) => [o.id, { met: o.met, why: o.why }]));
}

/** Cardiac output and brain energy at every step of a replay, to check the grader against. */
function trace(log: RunLog): { tS: number; co: number; energy: number }[] {
  const sim = createSimulation(scenario, { seed: log.seed, replay: log.actions });
  const out = [
    { tS: 0, co: sim.snapshot().cardiacOutputLPerMin, energy: sim.snapshot().brainEnergy },
  ];
  while (!sim.isFinished()) {
    sim.advance(1);
    const s = sim.snapshot();
    out.push({ tS: s.tS, co: s.cardiacOutputLPerMin, energy: s.brainEnergy });
  }
  return out;
}

describe('gradeRun', () => {
  const good = logOf([
    [90, { do: 'startCpr', mode: 'mechanical' }],
    [120, { do: 'ventilate', fio2: 1 }],
    [150, { do: 'defibrillate' }],
  ]);
  const poor = logOf([
    [30, { do: 'ventilate', fio2: 0.3 }],
    [200, { do: 'startCpr' }],
    [400, { do: 'stopCpr' }],
  ]);

  it("judges action checks from the learners' actions, with times in the reasons", () => {
    const g = byId(gradeRun(scenario, good));
    expect(g.cpr).toEqual({ met: true, why: 'startCpr at 1:30' });
    expect(g.o2).toEqual({ met: true, why: 'ventilate (fio2 above 0.5) at 2:00' });
    expect(g.cab).toEqual({ met: true, why: 'startCpr at 1:30, then ventilate at 2:00' });
    expect(g['no-stop']).toEqual({ met: true, why: 'stopCpr was not done' });
    expect(g['shock-warm']!.met).toBe(true);
    expect(g['shock-warm']!.why).toMatch(
      /^defibrillate at 2:30 with heart_temp_c 3\d\.\d+, rhythm vf$/,
    );

    const p = byId(gradeRun(scenario, poor));
    expect(p.cpr).toEqual({ met: false, why: 'startCpr was not done before 2:00' });
    expect(p.o2).toEqual({
      met: false,
      why: 'ventilate (fio2 above 0.5) was not done before 5:00',
    });
    expect(p.cab).toEqual({
      met: false,
      why: 'ventilate (at 0:30) came before startCpr (at 3:20)',
    });
    expect(p['shock-warm']).toEqual({ met: false, why: 'defibrillate was not done' });
    expect(p['no-stop']).toEqual({ met: false, why: 'stopCpr was done at 6:40' });
  });

  it('fails "do ... onlyWhen" when an action was done while the condition did not hold', () => {
    const early = logOf([[30, { do: 'defibrillate' }]]);
    const g = byId(gradeRun(scenario, early));
    expect(g['shock-warm']!.met).toBe(false);
    expect(g['shock-warm']!.why).toMatch(
      /^defibrillate at 0:30 with heart_temp_c 3\d\.\d+, rhythm sinus \(needed heart_temp_c above 30 and rhythm is vf\)$/,
    );
  });

  it('judges value checks on every step, agreeing with the trace', () => {
    for (const log of [good, poor]) {
      const g = byId(gradeRun(scenario, log));
      const steps = trace(log);
      const noFlow = steps.find((s) => s.tS >= 180 && s.co < 0.3);
      expect(g.flow!.met).toBe(noFlow === undefined);
      if (noFlow)
        expect(g.flow!.why).toMatch(
          new RegExp(`^cardiac_output_l_min below 0\\.3 at ${Math.floor(noFlow.tS / 60)}:`),
        );
      const dip = steps.find((s) => s.energy < 0.9);
      expect(g['low-energy']!.met).toBe(dip !== undefined);
    }
    // With no CPR for minutes the blood stops: the poor run misses "flow" from 3:00.
    expect(byId(gradeRun(scenario, poor)).flow).toMatchObject({ met: false });
  });

  it('scores by weights, 0-100', () => {
    const g = gradeRun(scenario, good)!;
    const total = g.objectives.reduce((s, o) => s + o.weight, 0);
    const met = g.objectives.filter((o) => o.met).reduce((s, o) => s + o.weight, 0);
    expect(total).toBe(11);
    expect(g.score).toBe(Math.round((1000 * met) / total) / 10);
    expect(g.score).toBeGreaterThan(gradeRun(scenario, poor)!.score);
    expect(scoreOf([])).toBe(0);
    expect(
      scoreOf([
        { met: true, weight: 1 },
        { met: false, weight: 2 },
      ]),
    ).toBe(33.3);
  });

  it("counts only learners' actions, not the scenario's or an instructor's", () => {
    const byInstructor: RunLog = {
      ...emptyRunLog(scenario),
      actions: [{ atS: 90, source: 'instructor', action: { do: 'startCpr' } }],
    };
    expect(byId(gradeRun(scenario, byInstructor)).cpr!.met).toBe(false);
  });

  it('is undefined for a scenario without objectives', () => {
    const plain: Scenario = { ...scenario, objectives: [] };
    expect(gradeRun(plain, emptyRunLog(plain))).toBeUndefined();
  });
});

describe('the example scenarios', () => {
  const dir = join(import.meta.dirname, '..', '..', 'scenarios');
  const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));

  it.each(files)(
    '%s: the expert run scores highest (100), above doing nothing or acting late',
    (file) => {
      const s = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
      expect(s.objectives?.length).toBeGreaterThan(0);
      const expert = expertRunLog(s)!;
      const best = gradeRun(s, expert)!;
      expect(best.objectives.filter((o) => !o.met)).toEqual([]);
      expect(best.score).toBe(100);
      expect(gradeRun(s, emptyRunLog(s))!.score).toBeLessThan(100);
      const late: RunLog = {
        ...expert,
        actions: expert.actions.map((e) => ({ ...e, atS: Math.min(s.end.atS, e.atS + 15 * 60) })),
      };
      expect(gradeRun(s, late)!.score).toBeLessThan(best.score);
    },
  );
});
