// The plans of the essay's case (public/scenarios/cool-before-oxygen.yaml): 12 min of warm no-flow,
// then ECPR, treated five ways: oxygen at once with normothermic ECMO; the same cooled early to about
// 33 °C (the case's expert); the same cooled hours later (as the TTM trials cooled); cooled with the
// sweep gas off before any oxygen then rewarmed slowly (the essay's procedure); and the same
// rewarmed at once with 38 °C water. Shared by test/ensemble/views.test.ts and
// scripts/essayPlanFigures.ts (the figures in doc/uncertainty.md).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type Action, type Scenario } from '../models/index.ts';
import type { ReplayAction } from '../models/ensemble/index.ts';

export const ESSAY_CASE_FILE = 'cool-before-oxygen.yaml';

export function essayScenario(): Scenario {
  return parseScenario(
    readFileSync(join(import.meta.dirname, '..', 'public', 'scenarios', ESSAY_CASE_FILE), 'utf8'),
    ESSAY_CASE_FILE,
  );
}

const clock = (text: string) => text.split(':').reduce((s, part) => s * 60 + Number(part), 0);
type Step = readonly [string, Action];
export const plan = (steps: readonly Step[]): ReplayAction[] =>
  steps.map(([at, action]) => ({ atS: clock(at), source: 'learner', action }));

function rewarmSteps(fromC: number, toC: number, startAt: string, everyMin: number): Step[] {
  const steps: Step[] = [];
  for (let c = fromC + 1, t = clock(startAt); c <= toC; c++, t += everyMin * 60) {
    const h = Math.floor(t / 3600);
    const m = Math.floor((t % 3600) / 60);
    steps.push([
      `${h}:${String(m).padStart(2, '0')}:00`,
      { do: 'setHeaterCooler', waterTemperatureC: c },
    ]);
  }
  return steps;
}

const onScene: Step[] = [
  ['0:15', { do: 'startCpr', mode: 'mechanical' }],
  ['0:30', { do: 'cannulate', mode: 'va-ecmo' }],
];
const oxygenAtOnce: Step[] = [...onScene, ['0:20', { do: 'ventilate', fio2: 1 }]];
const pumpOn = (waterC: number, sweepLPerMin: number): Step[] => [
  ['14:00', { do: 'setHeaterCooler', waterTemperatureC: waterC }],
  ['15:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin }],
  ['16:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
  ['17:00', { do: 'stopCpr' }],
];
const coolFirst: Step[] = [
  ...onScene,
  ...pumpOn(4, 0),
  // Oxygen once the brain is near 10 °C, the water then held at 15 °C.
  ['35:00', { do: 'setHeaterCooler', waterTemperatureC: 15 }],
  ['35:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4 }],
];

export const ESSAY_PLANS = {
  oxygenNormothermic: plan([...oxygenAtOnce, ...pumpOn(36, 4)]),
  oxygenThenCooledEarly: plan([
    ...oxygenAtOnce,
    ...pumpOn(30, 4),
    ['20:00', { do: 'setHeaterCooler', waterTemperatureC: 32 }],
    ...rewarmSteps(32, 37, '2:00:00', 20),
  ]),
  // As the TTM trials cooled: hours after the circulation was restored.
  oxygenThenCooledLate: plan([
    ...oxygenAtOnce,
    ...pumpOn(36, 4),
    ['1:30:00', { do: 'setHeaterCooler', waterTemperatureC: 31 }],
    ['3:00:00', { do: 'setHeaterCooler', waterTemperatureC: 36 }],
  ]),
  coolFirstRewarmSlowly: plan([...coolFirst, ...rewarmSteps(15, 37, '2:35:00', 20)]),
  coolFirstRewarmAtOnce: plan([
    ...coolFirst,
    ['35:01', { do: 'setHeaterCooler', waterTemperatureC: 38 }],
  ]),
} satisfies Record<string, ReplayAction[]>;

export type EssayPlanName = keyof typeof ESSAY_PLANS;

export const ESSAY_PLAN_WORDS: Record<EssayPlanName, string> = {
  oxygenNormothermic: 'oxygen at once, normothermic ECMO',
  oxygenThenCooledEarly: 'oxygen at once, cooled to about 33 °C as the pump starts (the expert)',
  oxygenThenCooledLate: 'oxygen at once, cooled to about 33 °C from 1:30 (hours later)',
  coolFirstRewarmSlowly:
    "cooled with the sweep gas off before any oxygen, oxygen at 35 min, 2 h cold, rewarmed 3 °C/h (the essay's procedure)",
  coolFirstRewarmAtOnce: 'the same, rewarmed at once with 38 °C water',
};
