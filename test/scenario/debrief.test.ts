// Debrief: teaching points derived from the run by rules, the actions against the physiology, and
// the comparison with the expert run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterValues, parseScenario, type Snapshot } from '../../models/index.ts';
import type { Outcome } from '../../models/engine/outputs.ts';
import { debriefMarkdown, debriefRun, teachingRules } from '../../models/scenario/debrief.ts';
import { emptyRunLog, expertRunLog, type RunLog } from '../../models/scenario/runLog.ts';
import { fakeSnapshot } from '../helpers.ts';

const scenariosDir = join(import.meta.dirname, '..', '..', 'scenarios');
const load = (name: string) => parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name);

const OUTCOME: Outcome = {
  survived: true,
  rosc_time_s: null,
  neuro_outcome_cpc: 1,
  brain_autolysed_fraction: 0,
  brain_at_risk_fraction: 0,
  min_core_temp_c: 36,
  max_potassium_mmol_l: 4.2,
  arrest_count: 0,
  frostbite_fraction: 0,
  alarm_count: 0,
};

/** Feeds a sequence of snapshots (one a minute) to the rules and returns their points. */
function pointsFor(steps: Partial<Snapshot>[]): { id: string; text: string }[] {
  const rules = teachingRules(parameterValues());
  let last = fakeSnapshot();
  steps.forEach((step, i) => {
    last = fakeSnapshot({ tS: i * 60, ...step });
    rules.observer.step!(last);
  });
  return rules.points(last, OUTCOME);
}

describe('teaching rules', () => {
  it('oxygen back to a warm, deranged brain: the self-check was active, autolysis followed', () => {
    const points = pointsFor([
      { brainEnergy: 1, brainTempC: 36 },
      { brainEnergy: 0.1, brainTempC: 36 },
      ...Array.from({ length: 8 }, () => ({ brainEnergy: 0.05, brainTempC: 36 })),
      { brainEnergy: 0.4, brainTempC: 35.8, brainSelfCheck: 1, brainAtRiskFraction: 0.3 },
      { brainEnergy: 0.6, brainTempC: 35.8, brainAutolysedFraction: 0.2 },
    ]);
    const ids = points.map((p) => p.id);
    expect(ids).toContain('warm-energy-failure');
    expect(ids).toContain('reoxygenated-warm');
    expect(ids).not.toContain('reoxygenated-cold');
    expect(ids).not.toContain('cooled-before-reoxygenation');
    expect(points.find((p) => p.id === 'reoxygenated-warm')!.text).toBe(
      'Oxygen returned to the brain at 10:00 with the brain at 35.8 °C: the self-check was active (100 %) while 30 % of its cells were out of spec, so autolysis was triggered (20 % of brain cells committed within 1 min).',
    );
  });

  it('cooled before re-oxygenation: the self-check was nearly off, cells could repair', () => {
    const cooling = Array.from({ length: 20 }, (_, i) => ({
      brainEnergy: 0.05,
      brainTempC: 36 - i,
    }));
    const points = pointsFor([
      { brainEnergy: 1, brainTempC: 36.5 },
      ...cooling,
      { brainEnergy: 0.5, brainTempC: 16, brainSelfCheck: 0.002, brainAtRiskFraction: 0.25 },
    ]);
    const ids = points.map((p) => p.id);
    expect(ids).toContain('reoxygenated-cold');
    expect(ids).toContain('cooled-before-reoxygenation');
    expect(ids).not.toContain('reoxygenated-warm');
    expect(points.find((p) => p.id === 'cooled-before-reoxygenation')!.text).toBe(
      'The brain was cooled from 36.0 °C (when its energy failed at 1:00) to 16.0 °C before oxygen returned.',
    );
  });

  it('finds arrests, failed cold shocks and high potassium, and always ends with the outcome', () => {
    const rules = teachingRules(parameterValues());
    const steps = [
      fakeSnapshot({ tS: 0 }),
      fakeSnapshot({ tS: 60, rhythm: 'vf', heartTempC: 26, cardiacOutputLPerMin: 0 }),
      fakeSnapshot({ tS: 120, rhythm: 'vf', heartTempC: 26, cardiacOutputLPerMin: 0 }),
      fakeSnapshot({ tS: 180, rhythm: 'vf', heartTempC: 26, potassiumMmolPerL: 13.2 }),
    ];
    rules.observer.step!(steps[0]!);
    rules.observer.step!(steps[1]!);
    rules.observer.step!(steps[2]!);
    rules.observer.action!({
      entry: { atS: 120, source: 'learner', action: { do: 'defibrillate' } },
      before: steps[2]!,
      index: 0,
    });
    rules.observer.step!(steps[3]!);
    const points = rules.points(steps[3]!, { ...OUTCOME, survived: false, neuro_outcome_cpc: 5 });
    expect(points.map((p) => p.id)).toEqual(['arrest', 'no-flow', 'shock', 'potassium', 'outcome']);
    expect(points[0]!.text).toBe(
      'Ventricular fibrillation at 1:00 with the heart at 26.0 °C: below about 28 °C the cold heart fibrillates readily.',
    );
    expect(points[2]!.text).toBe(
      'Shock at 2:00 with the heart at 26.0 °C did not restore a rhythm: defibrillation rarely works below about 30 °C.',
    );
    expect(points[4]!.text).toMatch(/^At the end \(3:00\): no circulation of its own yet \(vf\)/);
  });

  it('says nothing about oxygen or arrests in an uneventful run', () => {
    expect(pointsFor([{}, {}, {}]).map((p) => p.id)).toEqual(['outcome']);
  });
});

describe('debriefRun', () => {
  it("warm-water drowning: the expert's oxygen met a warm brain, autolysis followed", () => {
    const scenario = load('warm-water-drowning.yaml');
    const debrief = debriefRun(scenario, expertRunLog(scenario)!);
    const ids = debrief.teachingPoints.map((p) => p.id);
    expect(ids).toContain('reoxygenated-warm');
    expect(ids.at(-1)).toBe('outcome');
    expect(debrief.grade!.score).toBe(100);
    // Each action with the physiology just before it.
    const ventilate = debrief.actions.find((a) => a.action.do === 'ventilate')!;
    expect(ventilate.atS).toBe(480);
    expect(ventilate.summary).toBe('ventilate fio2 1');
    expect(ventilate.physiology.brain_temp_c as number).toBeGreaterThan(35);
    expect(ventilate.physiology.brain_energy as number).toBeLessThan(0.1);
    expect(ventilate.physiology.rhythm).toBeTypeOf('string');
  });

  it('compares a late run with the expert and says so', () => {
    const scenario = load('warm-water-drowning.yaml');
    const late: RunLog = {
      ...emptyRunLog(scenario),
      actions: [{ atS: 1200, source: 'learner', action: { do: 'ventilate', fio2: 1 } }],
    };
    const debrief = debriefRun(scenario, late);
    expect(debrief.expert!.timing).toEqual([{ action: 'ventilate', learnerS: 1200, expertS: 480 }]);
    expect(debrief.expert!.points).toContain(
      'ventilate: at 20:00, 12 min later than the expert (8:00).',
    );
    expect(debrief.grade!.score).toBeLessThan(debrief.expert!.score!);
    expect(debrief.outcome.brain_autolysed_fraction).toBeGreaterThan(
      debrief.expert!.outcome.brain_autolysed_fraction,
    );
  });

  it('writes Markdown with the outcome, objectives, actions, teaching points and expert', () => {
    const scenario = load('found-in-cold-water.yaml');
    const md = debriefMarkdown(debriefRun(scenario, expertRunLog(scenario)!, { instructor: true }));
    for (const heading of [
      '# Debrief: Found in cold water, in arrest',
      '## Outcome',
      '## Objectives',
      '## Actions and the physiology',
      '## Teaching points',
      '## Compared with the expert',
      '## What this case teaches',
      '## Instructor notes',
    ])
      expect(md).toContain(heading);
    expect(md).toContain(
      '- **met** Start compressions within 2 minutes (compressions, weight 3): startCpr at 1:00',
    );
    expect(md).toMatch(/\| 1:00 \| learner \| startCpr mode mechanical \| 2\d\.\d\d \|/);
    // Instructor notes only when asked.
    const forLearners = debriefMarkdown(debriefRun(scenario, expertRunLog(scenario)!));
    expect(forLearners).not.toContain('## Instructor notes');
  });
});
