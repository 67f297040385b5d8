// Shared test helpers: small scenarios built in code.

import type { Action, Scenario, Snapshot } from '../models/index.ts';

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

/** A hand-made snapshot of a warm, breathing patient in air; override what a test needs. */
export function fakeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    tS: 0,
    brainTempC: 37.2,
    heartTempC: 37,
    coreTempC: 37,
    muscleTempC: 36.5,
    limbTempC: 35.5,
    shellTempC: 33,
    skinTempC: 32,
    extremityTempC: 30,
    bloodTempC: 37,
    cardiacOutputLPerMin: 5,
    metabolicHeatW: 90,
    heatLossW: 90,
    shivering: 0,
    shiveringHeatW: 0,
    skinBloodFlowFraction: 1,
    respiratoryHeatLossW: 8,
    heartRateBpm: 72.4,
    rhythm: 'sinus',
    rhythmLabel: 'sinus rhythm',
    mapMmHg: 90.4,
    cpr: 'none',
    breathing: 1,
    ventilationFio2: 0,
    alveolarPo2MmHg: 100,
    arterialPo2MmHg: 95,
    arterialSat: 0.972,
    arterialO2ContentMlPerDl: 20,
    venousO2ContentMlPerDl: 15,
    brainPo2MmHg: 30,
    brainBloodFlowLPerMin: 0.75,
    brainVo2MlPerMin: 50,
    bodyVo2MlPerMin: 250,
    diffusiveO2MlPerMin: 0,
    brainEnergy: 1,
    brainDerangementMin: 0,
    brainSelfCheck: 1,
    brainViableFraction: 1,
    brainAtRiskFraction: 0,
    brainAutolysedFraction: 0,
    heartEnergy: 1,
    heartViableFraction: 1,
    heartAutolysedFraction: 0,
    extremityEnergy: 1,
    extremityViableFraction: 1,
    extremityAutolysedFraction: 0,
    extremityFrozenFraction: 0,
    frostbiteFraction: 0,
    potassiumMmolPerL: 4.2,
    conscious: 1,
    environment: {
      medium: 'air',
      temperatureC: 20,
      airTempC: 20,
      waterTempC: 20,
      immersedFraction: 0,
      windMPerS: 0,
      headUnderWater: false,
      canBreathe: true,
    },
    finished: false,
    ...overrides,
  } as Snapshot;
}
