// Shared test helpers: small scenarios built in code.

import type { Action, Scenario } from '../models/index.ts';

export interface TestScenarioOptions {
  readonly patient?: Scenario['patient'];
  readonly start?: Scenario['start'];
  readonly timeline?: readonly { readonly atS: number; readonly action: Action }[];
  readonly endS?: number;
}

export function testScenario(options: TestScenarioOptions = {}): Scenario {
  return {
    format: 'coldboot/scenario@1',
    title: 'Test scenario',
    briefing: 'A scenario built by a test.',
    patient: options.patient ?? { sex: 'male', ageYears: 35, massKg: 73, heightCm: 176 },
    start: options.start ?? { environment: { medium: 'air', temperatureC: 20, clothingClo: 1 } },
    timeline: options.timeline ?? [],
    end: { atS: options.endS ?? 3600 },
  };
}

export const iceWaterImmersion: TestScenarioOptions = {
  start: { environment: { medium: 'air', temperatureC: 5, clothingClo: 1 } },
  timeline: [
    {
      atS: 0,
      action: { do: 'immerse', waterTemperatureC: 2, airPocket: true, headAboveWater: true },
    },
  ],
};
