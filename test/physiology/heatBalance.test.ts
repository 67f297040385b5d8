import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../../models/index.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

const SIX_HOURS_S = 6 * 3600;

const cases: [string, Scenario][] = [
  ['ice water with the head out', testScenario({ ...iceWaterImmersion, endS: SIX_HOURS_S })],
  [
    'submersion, rescue into wind, then a warm room',
    testScenario({
      timeline: [
        { atS: 0, action: { do: 'immerse', waterTemperatureC: 3, airPocket: true } },
        { atS: 4800, action: { do: 'extricate', airTemperatureC: -15, windMPerS: 10 } },
        {
          atS: 9000,
          action: { do: 'setEnvironment', medium: 'air', temperatureC: 30, clothingClo: 2 },
        },
      ],
      endS: SIX_HOURS_S,
    }),
  ],
  [
    'warm arrest, compressions, cooling, oxygen and rewarming',
    testScenario({
      timeline: [
        { atS: 0, action: { do: 'cardiacArrest', rhythm: 'vf' } },
        { atS: 600, action: { do: 'startCpr', mode: 'mechanical' } },
        { atS: 600, action: { do: 'immerse', waterTemperatureC: 4, headAboveWater: true } },
        { atS: 3000, action: { do: 'ventilate', fio2: 1 } },
        { atS: 9000, action: { do: 'immerse', waterTemperatureC: 39, headAboveWater: true } },
      ],
      endS: SIX_HOURS_S,
    }),
  ],
  [
    'bare hands and feet in wind at −20 °C',
    testScenario({
      timeline: [
        {
          atS: 0,
          action: {
            do: 'setEnvironment',
            medium: 'air',
            temperatureC: -20,
            windMPerS: 8,
            clothingClo: 2.5,
            extremityClothingClo: 0,
          },
        },
      ],
      endS: SIX_HOURS_S,
    }),
  ],
  [
    'a child in hot water',
    testScenario({
      patient: { sex: 'female', ageYears: 6, massKg: 21, heightCm: 116 },
      timeline: [
        { atS: 0, action: { do: 'immerse', waterTemperatureC: 40, headAboveWater: true } },
      ],
      endS: SIX_HOURS_S,
    }),
  ],
];

/** Hours of bare hands and feet in wind at −25 °C before time zero, then a warm room (issue 16, item 7). */
const frozenAtTimeZero: Scenario = {
  ...testScenario({
    timeline: [
      {
        atS: 0,
        action: { do: 'setEnvironment', medium: 'air', temperatureC: 25, clothingClo: 2 },
      },
    ],
    endS: 2 * 3600,
  }),
  history: [
    {
      atS: -4 * 3600,
      action: {
        do: 'setEnvironment',
        medium: 'air',
        temperatureC: -25,
        windMPerS: 10,
        clothingClo: 2.5,
        extremityClothingClo: 0,
      },
    },
  ],
};

describe('heat balance', () => {
  it('counts ice already present at time zero in the reference, not as stored heat', () => {
    const sim = createSimulation(frozenAtTimeZero);
    expect(sim.snapshot().extremityFrozenFraction).toBeGreaterThan(0.05);
    const closes = () => {
      const { producedJ, addedJ, lostJ, storedJ } = sim.heatBalance();
      const scale = Math.max(Math.abs(producedJ), Math.abs(lostJ), Math.abs(storedJ), 1e5);
      return Math.abs(producedJ + addedJ - lostJ - storedJ) / scale;
    };
    expect(closes()).toBeLessThan(1e-6); // at time zero nothing has moved
    sim.advance(2 * 3600);
    expect(closes()).toBeLessThan(1e-6);
  });

  it.each(cases)(
    'heat in − heat out = heat stored within 1e-6 over 6 hours: %s',
    (_name, scenario) => {
      const sim = createSimulation(scenario);
      sim.advance(SIX_HOURS_S);
      const { producedJ, addedJ, lostJ, storedJ } = sim.heatBalance();
      const scale = Math.max(Math.abs(producedJ), Math.abs(lostJ), Math.abs(storedJ));
      expect(scale).toBeGreaterThan(1e5); // heat really moved
      expect(Math.abs(producedJ + addedJ - lostJ - storedJ) / scale).toBeLessThan(1e-6);
    },
  );

  it.each(cases)(
    'halving the step changes temperatures by under 0.05 °C and fractions by under 0.01 over 6 hours: %s',
    (_name, scenario) => {
      const coarse = createSimulation(scenario, { stepSeconds: 1 });
      const fine = createSimulation(scenario, { stepSeconds: 0.5 });
      for (let t = 0; t < SIX_HOURS_S; t += 600) {
        coarse.advance(600);
        fine.advance(600);
        const a = coarse.snapshot();
        const b = fine.snapshot();
        for (const key of [
          'brainTempC',
          'coreTempC',
          'muscleTempC',
          'shellTempC',
          'skinTempC',
          'extremityTempC',
          'bloodTempC',
        ] as const) {
          expect(Math.abs(a[key] - b[key]), `${key} at ${a.tS} s`).toBeLessThan(0.05);
        }
        for (const key of [
          'brainViableFraction',
          'brainAtRiskFraction',
          'brainAutolysedFraction',
          'brainEnergy',
          'heartViableFraction',
          'extremityViableFraction',
          'extremityFrozenFraction',
          'arterialSat',
          'conscious',
        ] as const) {
          expect(Math.abs(a[key] - b[key]), `${key} at ${a.tS} s`).toBeLessThan(0.01);
        }
      }
    },
  );
});
