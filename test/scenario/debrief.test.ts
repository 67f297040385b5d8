// Debrief: teaching points derived from the run by rules, the actions against the physiology, and
// the comparison with the expert run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isArrestRhythm,
  observeRun,
  outputReader,
  parameterValues,
  parseScenario,
  rhythmEventKind,
  type Action,
  type EngineEvent,
  type RunObserver,
  type Scenario,
  type Snapshot,
} from '../../models/index.ts';
import { RHYTHM } from '../../models/core/state.ts';
import type { Outcome } from '../../models/engine/outputs.ts';
import {
  DEBRIEF_OUTPUTS,
  debriefMarkdown,
  debriefRun,
  teachingRules,
} from '../../models/scenario/debrief.ts';
import { emptyRunLog, expertRunLog, type RunLog } from '../../models/scenario/runLog.ts';
import { fakeSnapshot } from '../helpers.ts';

const scenariosDir = join(import.meta.dirname, '..', '..', 'scenarios');
const publicDir = join(import.meta.dirname, '..', '..', 'public', 'scenarios');
const load = (name: string) => parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name);
const loadPublic = (name: string) =>
  parseScenario(readFileSync(join(publicDir, name), 'utf8'), name);

const OUTCOME: Outcome = {
  survived: true,
  late_death_risk: 0,
  survival_probability: 1,
  rosc_time_s: null,
  neuro_outcome_cpc: 1,
  brain_lost_fraction: 0,
  brain_at_risk_fraction: 0,
  min_core_temp_c: 36,
  max_potassium_mmol_l: 4.2,
  arrest_count: 0,
  frostbite_fraction: 0,
  alarm_count: 0,
};

/**
 * Shows fake snapshots to an observer one at a time, each with the rhythm event the engine reports
 * between it and the one before (models/engine/events.ts): an arrest going on at the first, then
 * each change of rhythm.
 */
function stepper(observer: RunObserver): (snapshot: Snapshot) => void {
  let previous: Snapshot | undefined;
  return (s) => {
    const events: EngineEvent[] = [];
    if (previous === undefined && isArrestRhythm(s.rhythm))
      events.push({ kind: 'arrest', atS: s.tS, rhythm: s.rhythm, from: null });
    if (previous !== undefined && previous.rhythm !== s.rhythm) {
      const kind = rhythmEventKind(RHYTHM[previous.rhythm], RHYTHM[s.rhythm]);
      events.push({ kind, atS: s.tS, rhythm: s.rhythm, from: previous.rhythm });
    }
    observer.step!(s, events);
    previous = s;
  };
}

/** Feeds a sequence of snapshots (one a minute) to the rules and returns their points. */
function pointsFor(
  steps: Partial<Snapshot>[],
  outcome: Outcome = OUTCOME,
): { id: string; text: string; atS?: number }[] {
  const rules = teachingRules(parameterValues());
  const step = stepper(rules.observer);
  let last = fakeSnapshot();
  steps.forEach((s, i) => {
    last = fakeSnapshot({ tS: i * 60, ...s });
    step(last);
  });
  return rules.points(last, outcome);
}

/** Feeds snapshots (one a minute) and actions (before the step of the same index) to the rules. */
function pointsWithActions(
  steps: Partial<Snapshot>[],
  actions: Readonly<Record<number, Action>>,
): { id: string; text: string; atS?: number }[] {
  const rules = teachingRules(parameterValues());
  const stepRules = stepper(rules.observer);
  let last = fakeSnapshot();
  steps.forEach((step, i) => {
    const action = actions[i];
    if (action !== undefined)
      rules.observer.action!({
        entry: { atS: i * 60, source: 'learner', action },
        before: last,
        index: 0,
      });
    last = fakeSnapshot({ tS: i * 60, ...step });
    stepRules(last);
  });
  return rules.points(last, OUTCOME);
}

/** The teaching points of a replayed log (without the expert's run). */
function runPoints(scenario: Scenario, log: RunLog): { id: string; text: string; atS?: number }[] {
  const rules = teachingRules(parameterValues(log.parameters));
  const run = observeRun(scenario, log, [rules.observer]);
  return rules.points(run.final, run.outcome);
}

/** A man rescued after 90 minutes in 5 °C water into a 22 °C room, with the learners' actions. */
const outOfColdWater = parseScenario(
  `format: coldboot/scenario@1
title: Out of cold water
briefing: Ninety minutes in cold water, then a warm room.
patient: { preset: adult-male }
start:
  environment: { medium: air, temperatureC: 22, clothingClo: 0.5 }
  history:
    - { at: '-1:30:00', do: immerse, waterTemperatureC: 5, headAboveWater: true }
timeline:
  - { at: '0:00', do: extricate, airTemperatureC: 22 }
end: { at: '1:30:00' }
`,
  'out-of-cold-water.yaml',
);

function learnerLog(scenario: Scenario, actions: { atS: number; action: Action }[]): RunLog {
  return {
    ...emptyRunLog(scenario),
    actions: actions.map((a) => ({ ...a, source: 'learner' as const })),
  };
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
    const step = stepper(rules.observer);
    step(steps[0]!);
    step(steps[1]!);
    step(steps[2]!);
    rules.observer.action!({
      entry: { atS: 120, source: 'learner', action: { do: 'defibrillate' } },
      before: steps[2]!,
      index: 0,
    });
    step(steps[3]!);
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
  it('shows with each action only outputs the model has', () => {
    for (const name of DEBRIEF_OUTPUTS)
      expect({ name, known: outputReader(name) !== undefined }).toEqual({ name, known: true });
  });

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
    expect(debrief.outcome.brain_lost_fraction).toBeGreaterThan(
      debrief.expert!.outcome.brain_lost_fraction,
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

describe('afterdrop: named only when the core fell after warming began, with nothing cooling', () => {
  const SLOW = 600_000;

  it(
    'names the afterdrop when the core keeps falling after rescue into a warm room',
    () => {
      const points = runPoints(outOfColdWater, learnerLog(outOfColdWater, []));
      const afterdrop = points.find((p) => p.id === 'afterdrop');
      expect(afterdrop, points.map((p) => p.id).join(', ')).toBeDefined();
      expect(afterdrop!.atS).toBe(0);
      expect(afterdrop!.text).toMatch(/^After extrication into air at 22 °C at 0:00, the core/);
      expect(afterdrop!.text).toContain('(afterdrop)');
      const drop = Number(/falling: (\d+\.\d) °C lower/.exec(afterdrop!.text)![1]);
      expect(drop).toBeGreaterThanOrEqual(0.5);
      expect(drop).toBeLessThan(5);
      expect(points.map((p) => p.id)).not.toContain('cooling-after-rescue');
    },
    SLOW,
  );

  it(
    'does not call cooling on the heart-lung machine after the rescue an afterdrop',
    () => {
      const log = learnerLog(outOfColdWater, [
        { atS: 0, action: { do: 'cannulate', mode: 'cpb', durationS: 0 } },
        { atS: 0, action: { do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 } },
        { atS: 0, action: { do: 'setHeaterCooler', waterTemperatureC: 15 } },
        { atS: 0, action: { do: 'startPump', flowLPerMin: 4.5 } },
      ]);
      const rules = teachingRules(parameterValues());
      const run = observeRun(outOfColdWater, log, [rules.observer]);
      // The pump cooled him far below where he was rescued ...
      expect(run.outcome.min_core_temp_c).toBeLessThan(25);
      // ... on purpose: no afterdrop.
      const ids = rules.points(run.final, run.outcome).map((p) => p.id);
      expect(ids).not.toContain('afterdrop');
      expect(ids).not.toContain('cooling-after-rescue');
    },
    SLOW,
  );

  it(
    'does not call cooling with ice packs after the rescue an afterdrop',
    () => {
      const log = learnerLog(outOfColdWater, [{ atS: 60, action: { do: 'applyIcePacks' } }]);
      expect(runPoints(outOfColdWater, log).map((p) => p.id)).not.toContain('afterdrop');
    },
    SLOW,
  );

  it(
    "gives no afterdrop in the expert's deep hypothermic arrest, cooled on purpose on bypass",
    () => {
      const dhca = loadPublic('dhca-aortic-surgery.yaml');
      const expert = expertRunLog(dhca)!;
      expect(runPoints(dhca, expert).map((p) => p.id)).not.toContain('afterdrop');
      // Nor when an extrication is recorded as he lies in theatre: the old rule blamed the pump's
      // cooling in the hour after it on the afterdrop.
      const extricated: RunLog = {
        ...expert,
        actions: [
          { atS: 0, source: 'instructor', action: { do: 'extricate', airTemperatureC: 20 } },
          ...expert.actions,
        ],
      };
      const ids = runPoints(dhca, extricated).map((p) => p.id);
      expect(ids).not.toContain('afterdrop');
      expect(ids).not.toContain('cooling-after-rescue');
    },
    SLOW,
  );

  it('measures cooling in cold air after extrication apart, until the patient is moved', () => {
    const points = pointsWithActions(
      [
        { coreTempC: 30, shellTempC: 12, environment: water(4) },
        { coreTempC: 30, shellTempC: 12, environment: air(-5) },
        { coreTempC: 29.4, shellTempC: 11, environment: air(-5) },
        { coreTempC: 29.0, shellTempC: 11, environment: air(-5) },
        { coreTempC: 28.8, shellTempC: 12, environment: air(20) },
        { coreTempC: 28.5, shellTempC: 13, environment: air(20) },
        { coreTempC: 28.2, shellTempC: 14, environment: air(20) },
        { coreTempC: 28.3, shellTempC: 15, environment: air(20) },
      ],
      {
        1: { do: 'extricate', airTemperatureC: -5 },
        4: { do: 'setEnvironment', medium: 'air', temperatureC: 20 },
      },
    );
    expect(points.map((p) => p.id)).toEqual(['cooling-after-rescue', 'afterdrop', 'outcome']);
    expect(points[0]!.text).toBe(
      'The core kept cooling after extrication at 1:00: 1.0 °C lower 2 min later, in air at -5 °C. Out of the water the body cools more slowly, but in cold air it keeps cooling.',
    );
    expect(points[1]!.text).toBe(
      'After the move into air at 20 °C at 4:00, the core kept falling: 0.8 °C lower 2 min later (29.0 °C to 28.2 °C), while the skin-and-fat shell warmed from 11.0 °C to 14.0 °C and nothing was cooling the patient. The cold shell and limbs go on drawing heat from the core after the cold has gone (afterdrop).',
    );
  });

  it('names the afterdrop after the pump stops following rewarming, not while it cools', () => {
    const onPump = { pumpFlowLPerMin: 4.5, environment: air(20) };
    const cooling = { ...onPump, pumpHeatW: -600, externalHeatW: -600 };
    const warming = { ...onPump, pumpHeatW: 400, externalHeatW: 400 };
    const off = { pumpFlowLPerMin: 0, pumpHeatW: 0, externalHeatW: 0, environment: air(20) };
    const points = pointsWithActions(
      [
        { ...off, coreTempC: 37, shellTempC: 33 },
        { ...cooling, coreTempC: 34, shellTempC: 32 },
        { ...cooling, coreTempC: 30, shellTempC: 31 },
        { ...cooling, coreTempC: 28, shellTempC: 30 },
        { ...warming, coreTempC: 31, shellTempC: 29 },
        { ...warming, coreTempC: 35, shellTempC: 29 },
        { ...warming, coreTempC: 36.2, shellTempC: 29.5 },
        { ...off, coreTempC: 36.0, shellTempC: 30 },
        { ...off, coreTempC: 35.6, shellTempC: 30.5 },
        { ...off, coreTempC: 35.3, shellTempC: 31 },
        { ...off, coreTempC: 35.4, shellTempC: 31.5 },
      ],
      {},
    );
    const afterdrops = points.filter((p) => p.id === 'afterdrop');
    expect(afterdrops).toHaveLength(1);
    expect(afterdrops[0]!.atS).toBe(7 * 60);
    expect(afterdrops[0]!.text).toMatch(
      /^After the end of rewarming on the heart-lung machine \(pump stopped\) at 7:00, the core kept falling: 0\.7 °C lower 2 min later/,
    );
  });

  it('gives no afterdrop when the shell is not colder than the core or does not warm', () => {
    const extricate: Record<number, Action> = { 1: { do: 'extricate', airTemperatureC: 22 } };
    const shellCooling = pointsWithActions(
      [
        { coreTempC: 36, shellTempC: 30, environment: water(10) },
        { coreTempC: 36, shellTempC: 30, environment: air(22) },
        { coreTempC: 35.5, shellTempC: 29.5, environment: air(22) },
        { coreTempC: 35, shellTempC: 29, environment: air(22) },
      ],
      extricate,
    );
    expect(shellCooling.map((p) => p.id)).toEqual(['outcome']);
    const shellWarm = pointsWithActions(
      [
        { coreTempC: 36, shellTempC: 35, environment: water(30) },
        { coreTempC: 36, shellTempC: 35, environment: air(22) },
        { coreTempC: 35.5, shellTempC: 35.2, environment: air(22) },
        { coreTempC: 35, shellTempC: 35.4, environment: air(22) },
      ],
      extricate,
    );
    expect(shellWarm.map((p) => p.id)).toEqual(['outcome']);
  });
});

function air(temperatureC: number): Snapshot['environment'] {
  return {
    medium: 'air',
    temperatureC,
    airTempC: temperatureC,
    waterTempC: 20,
    immersedFraction: 0,
    windMPerS: 0,
    headUnderWater: false,
    canBreathe: true,
  };
}

function water(temperatureC: number): Snapshot['environment'] {
  return {
    ...air(5),
    medium: 'water',
    temperatureC,
    waterTempC: temperatureC,
    immersedFraction: 0.9,
  };
}

describe('oxygen back to a cold brain: "could repair" only when the run shows it', () => {
  /** Energy fails at 36 °C, the brain is cooled to 17 °C, then oxygen returns; `after` follows. */
  function coldReoxygenation(
    atRisk: number,
    autolysedBefore: number,
    after: Partial<Snapshot>[],
  ): Partial<Snapshot>[] {
    const cooling = Array.from({ length: 20 }, (_, i) => ({
      brainEnergy: 0.05,
      brainTempC: 36 - i,
      brainAtRiskFraction: atRisk,
      brainAutolysedFraction: autolysedBefore,
    }));
    return [
      { brainEnergy: 1, brainTempC: 36.5 },
      ...cooling,
      {
        brainEnergy: 0.5,
        brainTempC: 17,
        brainSelfCheck: 0.004,
        brainAtRiskFraction: atRisk,
        brainAutolysedFraction: autolysedBefore,
      },
      ...after,
    ];
  }
  const coldPoint = (points: { id: string; text: string }[]) =>
    points.find((p) => p.id === 'reoxygenated-cold')!.text;

  it('says cells out of spec could repair when many were, few had died and few committed', () => {
    const text = coldPoint(
      pointsFor(
        coldReoxygenation(0.25, 0.002, [
          { brainEnergy: 0.7, brainTempC: 17, brainAtRiskFraction: 0.1 },
        ]),
        { ...OUTCOME, brain_lost_fraction: 0.03, neuro_outcome_cpc: 1 },
      ),
    );
    expect(text).toBe(
      'Oxygen returned to the brain at 21:00 with the brain cold (17.0 °C): the self-check was nearly off (0.4 %), so the 25 % of cells out of spec could repair before it woke (0.0 % committed within 1 min; 10 % still out of spec then).',
    );
  });

  it('says plainly that most of the brain was lost when it was, and not that cells could repair', () => {
    const points = pointsFor(
      coldReoxygenation(0.6, 0.01, [
        {
          brainEnergy: 0.7,
          brainTempC: 17,
          brainAtRiskFraction: 0.6,
          brainAutolysedFraction: 0.02,
        },
        { brainEnergy: 0.9, brainTempC: 34, brainSelfCheck: 0.99, brainAutolysedFraction: 0.55 },
      ]),
      { ...OUTCOME, brain_lost_fraction: 0.55, neuro_outcome_cpc: 4 },
    );
    const text = coldPoint(points);
    expect(text).not.toContain('could repair');
    expect(text).toBe(
      'Oxygen returned to the brain at 21:00 with the brain cold (17.0 °C): the self-check was nearly off (0.4 %) while 60 % of its cells were out of spec, but most of the brain was lost all the same: 55 % of brain cells by the end (1.0 % before oxygen returned, 54 % within 2 min after it; the brain later warmed to 34.0 °C and the check woke).',
    );
  });

  it('says how many cells had died before oxygen returned when that was not small', () => {
    const text = coldPoint(
      pointsFor(
        coldReoxygenation(0.2, 0.12, [
          {
            brainEnergy: 0.7,
            brainTempC: 17,
            brainAtRiskFraction: 0.15,
            brainAutolysedFraction: 0.12,
          },
        ]),
        { ...OUTCOME, brain_lost_fraction: 0.15, neuro_outcome_cpc: 2 },
      ),
    );
    expect(text).not.toContain('could repair');
    expect(text).toContain('but 12 % of brain cells had already died before oxygen returned');
  });

  it('in a 2-hour arrest rewarmed at once, never says "could repair" while most of the brain is lost', () => {
    // The DHCA case with the circulation stopped for 2 hours and the water set to 37 °C 80 minutes
    // after reperfusion: the words must follow the run's outcome, whatever the cell model's numbers.
    const dhca = loadPublic('dhca-aortic-surgery.yaml');
    const expert = expertRunLog(dhca)!;
    const log: RunLog = {
      ...expert,
      actions: [
        ...expert.actions.filter((a) => a.atS <= 4800),
        { atS: 12000, source: 'learner', action: { do: 'setPumpFlow', flowLPerMin: 4.7 } },
        { atS: 16800, source: 'learner', action: { do: 'setHeaterCooler', waterTemperatureC: 37 } },
      ],
    };
    const rules = teachingRules(parameterValues());
    const run = observeRun(dhca, log, [rules.observer]);
    const points = rules.points(run.final, run.outcome);
    const lost = run.outcome.brain_lost_fraction;
    expect(lost).toBeGreaterThan(0.05);
    const oxygen = points.filter((p) => p.id.startsWith('reoxygenated-'));
    expect(oxygen.length).toBeGreaterThan(0);
    for (const p of oxygen) {
      if (lost >= 0.5) {
        expect(p.text).not.toContain('could repair');
        if (p.id === 'reoxygenated-cold') expect(p.text).toContain('most of the brain was lost');
      }
    }
  });
});

describe('oxygen returned: the moment, the brain temperature then and what it means', () => {
  /** Energy fails at 1:00, is lowest at 4:00 (oxygen back) and passes 0.3 again at 7:00. */
  function failureThenOxygen(tempC: number, selfCheck: number): Partial<Snapshot>[] {
    const at = { brainTempC: tempC, brainSelfCheck: selfCheck };
    return [
      { brainEnergy: 1, ...at },
      { brainEnergy: 0.2, ...at },
      { brainEnergy: 0.1, ...at },
      { brainEnergy: 0.05, ...at },
      { brainEnergy: 0.04, ...at },
      { brainEnergy: 0.15, ...at },
      { brainEnergy: 0.25, ...at },
      { brainEnergy: 0.35, brainAtRiskFraction: 0.2, ...at },
      { brainEnergy: 0.5, ...at },
    ];
  }

  it('names the moment the energy began to recover and says a warm brain ran its self-check', () => {
    const points = pointsFor(failureThenOxygen(36, 1));
    const oxygen = points.filter((p) => p.id === 'oxygen-returned');
    expect(oxygen).toHaveLength(1);
    expect(oxygen[0]!.atS).toBe(4 * 60);
    expect(oxygen[0]!.text).toBe(
      'Oxygen reached the brain again at 4:00, after 3 min of energy failure, with the brain at 36.0 °C (warm): the self-check was running (100 % in the model), so cells out of spec commit to autolysis as their energy returns. Where the check switches on is uncertain (half activity at 10–32 °C; the model uses 25 °C): at 36.0 °C it would be running anywhere in that range.',
    );
    // The energy came back 3 minutes later: the re-oxygenation point says which is which.
    expect(points.find((p) => p.id === 'reoxygenated-warm')!.text).toMatch(
      /^Energy returned to the brain at 7:00 \(oxygen had reached it at 4:00\) with the brain at 36\.0 °C/,
    );
  });

  it('says a cold brain got its oxygen back before the check could run, and how unsure that is', () => {
    const text = pointsFor(failureThenOxygen(17, 0.0035)).find(
      (p) => p.id === 'oxygen-returned',
    )!.text;
    expect(text).toContain('with the brain at 17.0 °C (cold)');
    expect(text).toContain('oxygen returned before the self-check could run (0.4 % in the model)');
    expect(text).toMatch(/at 17\.0 °C it could be anywhere from 0\.0 % to 99 % active\.$/);
  });

  it('follows the self-check temperature the run was given', () => {
    const rules = teachingRules(parameterValues({ selfCheckHalfTempC: 15 }));
    const step = stepper(rules.observer);
    let last = fakeSnapshot();
    failureThenOxygen(17, 0.79).forEach((s, i) => {
      last = fakeSnapshot({ tS: i * 60, ...s });
      step(last);
    });
    const text = rules.points(last, OUTCOME).find((p) => p.id === 'oxygen-returned')!.text;
    expect(text).toContain('(cool)');
    expect(text).toContain('the model uses 15 °C');
  });

  it('says nothing when the brain never lacked oxygen', () => {
    const ids = pointsFor([{}, { brainEnergy: 0.9 }, {}]).map((p) => p.id);
    expect(ids).not.toContain('oxygen-returned');
  });

  it('gives no such point in the heat-stroke ice tub, where the brain never lacked oxygen', () => {
    const tub = loadPublic('field-ice-tub.yaml');
    const ids = runPoints(tub, expertRunLog(tub)!).map((p) => p.id);
    expect(ids).not.toContain('oxygen-returned');
    expect(ids.filter((id) => id.startsWith('reoxygenated'))).toEqual([]);
  });

  it("names the pump's restart after the deep hypothermic arrest, with the brain cold", () => {
    const dhca = loadPublic('dhca-aortic-surgery.yaml');
    const points = runPoints(dhca, expertRunLog(dhca)!);
    const oxygen = points.filter((p) => p.id === 'oxygen-returned');
    expect(oxygen).toHaveLength(1);
    // The pump restarts at 1:55:00; oxygen is back within a couple of minutes of it.
    expect(oxygen[0]!.atS).toBeGreaterThanOrEqual(6900);
    expect(oxygen[0]!.atS).toBeLessThan(6900 + 180);
    expect(oxygen[0]!.text).toMatch(/^Oxygen reached the brain again at 1:5\d:\d\d, after \d+ min/);
    expect(oxygen[0]!.text).toMatch(/with the brain at 1\d\.\d °C \(cold\)/);
    expect(oxygen[0]!.text).toContain('Where the check switches on is uncertain');
    // Its energy came back later, and that point says so.
    const reox = points.find((p) => p.id.startsWith('reoxygenated-'))!;
    expect(reox.atS!).toBeGreaterThan(oxygen[0]!.atS!);
    expect(reox.text).toMatch(/^Energy returned to the brain at .* \(oxygen had reached it at /);
  });

  it('says the warm-water drowning got its oxygen back warm, with the self-check running', () => {
    const drowning = load('warm-water-drowning.yaml');
    const oxygen = runPoints(drowning, expertRunLog(drowning)!).filter(
      (p) => p.id === 'oxygen-returned',
    );
    expect(oxygen).toHaveLength(1);
    expect(oxygen[0]!.text).toMatch(/\(warm\): the self-check was running/);
  });
});

describe('rewarming rate: how fast the brain rewarmed once it had oxygen', () => {
  /** A cold patient with brain energy, rewarmed from 5:00 on (the core by 0.3 °C a minute). */
  function rewarmed(brainPerMinC: number, atRisk: number): Partial<Snapshot>[] {
    return Array.from({ length: 31 }, (_, m) => {
      const warmingMin = Math.max(0, m - 5);
      const brainTempC = 20 + brainPerMinC * warmingMin;
      return {
        brainEnergy: 0.9,
        brainTempC,
        coreTempC: 22 + 0.3 * warmingMin,
        // Half active at 25 °C, as in the model.
        brainSelfCheck: 1 / (1 + Math.exp(-(brainTempC - 25) / 1.5)),
        brainAtRiskFraction: atRisk,
        brainAutolysedFraction: brainTempC > 25 ? 0.02 : 0,
      };
    });
  }

  it('gives the fastest 10-minute rise, the guidance and what it did to the cells', () => {
    const points = pointsFor(rewarmed(0.5, 0.1));
    const rate = points.filter((p) => p.id === 'rewarming-rate');
    expect(rate).toHaveLength(1);
    expect(rate[0]!.atS).toBe(5 * 60);
    expect(rate[0]!.text).toBe(
      "The brain rewarmed at up to 0.50 °C/min (30 °C/h) over 10 min, from 20.0 °C at 5:00 to 25.0 °C at 15:00. That is close to the 0.5 °C/min that guidelines allow the heart-lung machine's arterial outlet from 30 °C (Engelman 2015); slower rewarming on bypass went with better thinking six weeks after surgery (Grigore 2002). In the model, rewarming faster than cells repair wakes the self-check on cells still out of spec: it passed half activity at 15:00 (brain 25.0 °C) with 10 % of brain cells still out of spec, and 2.0 % of brain cells committed after that.",
    );
  });

  it('says when the rewarming was faster than the guideline and few cells were out of spec', () => {
    const text = pointsFor(rewarmed(0.8, 0.001)).find((p) => p.id === 'rewarming-rate')!.text;
    expect(text).toContain('0.80 °C/min (48 °C/h)');
    expect(text).toContain('That is faster than the 0.5 °C/min');
    expect(text).toContain('here few were out of spec (0.1 %) when it passed half activity');
  });

  it('says nothing without a rewarming, or while the brain has no energy', () => {
    const cold = Array.from({ length: 31 }, () => ({
      brainEnergy: 1,
      brainTempC: 20,
      coreTempC: 22,
    }));
    expect(pointsFor(cold).map((p) => p.id)).not.toContain('rewarming-rate');
    const withoutEnergy = rewarmed(0.5, 0.1).map((s) => ({ ...s, brainEnergy: 0.05 }));
    expect(pointsFor(withoutEnergy).map((p) => p.id)).not.toContain('rewarming-rate');
    // A warm patient whose core moves by a couple of degrees was not rewarmed from hypothermia.
    const warm = Array.from({ length: 31 }, (_, m) => ({
      brainTempC: 36 + m / 30,
      coreTempC: 35.5 + (2 * m) / 30,
    }));
    expect(pointsFor(warm).map((p) => p.id)).not.toContain('rewarming-rate');
  });

  it('in the deep hypothermic arrest, measures the rewarming after reperfusion against the guidance', () => {
    const dhca = loadPublic('dhca-aortic-surgery.yaml');
    const points = runPoints(dhca, expertRunLog(dhca)!);
    const rate = points.filter((p) => p.id === 'rewarming-rate');
    expect(rate).toHaveLength(1);
    const oxygen = points.find((p) => p.id === 'oxygen-returned')!;
    expect(rate[0]!.atS!).toBeGreaterThan(oxygen.atS!);
    const match =
      /^The brain rewarmed at up to (\d+\.\d\d) °C\/min \((\d+) °C\/h\) over 10 min, from (\d+\.\d) °C/.exec(
        rate[0]!.text,
      );
    expect(match, rate[0]!.text).not.toBeNull();
    const perMin = Number(match![1]);
    expect(perMin).toBeGreaterThan(0.05);
    expect(perMin).toBeLessThan(1.5);
    expect(Number(match![3])).toBeLessThan(30);
    expect(rate[0]!.text).toContain("the heart-lung machine's arterial outlet rose at up to");
    expect(rate[0]!.text).toContain('(Engelman 2015)');
    expect(rate[0]!.text).toContain('(Grigore 2002)');
    expect(rate[0]!.text).toMatch(/In the model, rewarming faster than cells repair wakes/);
  });

  it('gives no rewarming point in a run that never rewarms or never got cold', () => {
    const dhca = loadPublic('dhca-aortic-surgery.yaml');
    // Stopped 25 minutes after reperfusion, before the water is warmed.
    const stillCold: RunLog = { ...expertRunLog(dhca)!, endS: 2 * 3600 + 20 * 60 };
    expect(runPoints(dhca, stillCold).map((p) => p.id)).not.toContain('rewarming-rate');
    const tub = loadPublic('field-ice-tub.yaml');
    expect(runPoints(tub, expertRunLog(tub)!).map((p) => p.id)).not.toContain('rewarming-rate');
  });
});
