// The behaviours issue 3 asks of the body model, each as a whole-engine run: cold first then oxygen;
// oxygen lost warm; a conscious patient in ice water; frostbite in cold air; apnoea and arrest timing.

import { describe, expect, it } from 'vitest';
import { allParameters, createSimulation, type Action, type Snapshot } from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

const at = (atS: number, action: Action) => ({ atS, action });
const arrest = at(0, { do: 'cardiacArrest', rhythm: 'asystole' });

function finalRun(
  coreTempC: number,
  timeline: readonly { atS: number; action: Action }[],
  endS: number,
  sample?: (s: Snapshot) => void,
  parameters: Readonly<Record<string, number>> = {},
) {
  const sim = createSimulation(
    testScenario({
      start: { environment: { medium: 'air', temperatureC: 25, clothingClo: 1 }, coreTempC },
      timeline,
      endS,
    }),
    { parameters },
  );
  while (!sim.isFinished()) {
    sim.advance(60);
    sample?.(sim.snapshot());
  }
  return sim;
}

// The claim holds across the declared range of derangementQ10, the Q10 that makes cold protect
// (issue 18: its old range minimum was reported to break it).
const derangementQ10 = allParameters.derangementQ10;
const derangementQ10Cases = [
  ['the best estimate', {}],
  [
    `derangementQ10 at its range minimum (${derangementQ10.min})`,
    { derangementQ10: derangementQ10.min },
  ],
  [
    `derangementQ10 at its range maximum (${derangementQ10.max})`,
    { derangementQ10: derangementQ10.max },
  ],
] as const;

describe('cold first, then oxygen', () => {
  it.each(derangementQ10Cases)(
    're-oxygenating a brain at 18 °C, then rewarming, leaves far more viable brain than at 35 °C, with %s',
    (_, parameters) => {
      // Both patients have 20 minutes without any circulation or oxygen, then compressions and
      // ventilation with oxygen. One was cooled to 18 °C first; the other is at 35 °C.
      const reoxygenate = [
        at(1200, { do: 'startCpr', mode: 'mechanical' }),
        at(1200, { do: 'ventilate', fio2: 1 }),
      ];
      let coldBrainAtReoxygenation = NaN;
      let warmBrainAtReoxygenation = NaN;
      const cold = finalRun(
        18,
        [
          arrest,
          ...reoxygenate,
          // An hour later, slow rewarming in a warm bath with the head out.
          at(3600, { do: 'immerse', waterTemperatureC: 38, headAboveWater: true }),
        ],
        8 * 3600,
        (s) => {
          if (s.tS === 1260) coldBrainAtReoxygenation = s.brainTempC;
        },
        parameters,
      );
      const warm = finalRun(
        35,
        [arrest, ...reoxygenate],
        8 * 3600,
        (s) => {
          if (s.tS === 1260) warmBrainAtReoxygenation = s.brainTempC;
        },
        parameters,
      );
      expect(coldBrainAtReoxygenation).toBeLessThan(19.5);
      // Without flow the warm brain loses a little heat through the bare scalp in 25 °C air.
      expect(warmBrainAtReoxygenation).toBeGreaterThan(34);
      const c = cold.snapshot();
      const w = warm.snapshot();
      // The cold patient was rewarmed: the self-check is fully awake by the end.
      expect(c.brainTempC).toBeGreaterThan(34);
      expect(c.brainSelfCheck).toBeGreaterThan(0.99);
      expect(c.brainViableFraction).toBeGreaterThan(0.9);
      expect(w.brainViableFraction).toBeLessThan(0.5);
      expect(c.brainViableFraction - w.brainViableFraction).toBeGreaterThan(0.5);
      expect(cold.outcome().neuro_outcome_cpc).toBeLessThanOrEqual(2);
    },
  );
});

describe('oxygen first lost warm', () => {
  it('15 minutes without oxygen at 37 °C loses most of the brain even if it is cooled afterwards', () => {
    const sim = finalRun(
      37,
      [
        arrest,
        // Then cooled in ice water with compressions but no ventilation, oxygen given at 1 h,
        // rewarmed from 3 h.
        at(900, { do: 'immerse', waterTemperatureC: 2, headAboveWater: true }),
        at(900, { do: 'startCpr', mode: 'mechanical' }),
        at(3600, { do: 'ventilate', fio2: 1 }),
        at(3 * 3600, { do: 'immerse', waterTemperatureC: 38, headAboveWater: true }),
      ],
      8 * 3600,
    );
    expect(sim.snapshot().brainAutolysedFraction).toBeGreaterThan(0.5);
    expect(sim.outcome().neuro_outcome_cpc).toBeGreaterThanOrEqual(4);
  });
});

describe('a conscious patient in ice water', () => {
  it('cools skin and hands and feet far faster than the core, and stays conscious at first', () => {
    const sim = createSimulation(
      testScenario({
        start: { environment: { medium: 'air', temperatureC: 5, clothingClo: 1 } },
        timeline: [
          at(0, { do: 'immerse', waterTemperatureC: 2, headAboveWater: true, airPocket: true }),
        ],
        endS: 1200,
      }),
    );
    const before = sim.snapshot();
    sim.advance(1200);
    const after = sim.snapshot();
    const coreDrop = before.coreTempC - after.coreTempC;
    expect(coreDrop).toBeGreaterThan(0);
    expect(before.skinTempC - after.skinTempC).toBeGreaterThan(5 * coreDrop);
    expect(before.extremityTempC - after.extremityTempC).toBeGreaterThan(5 * coreDrop);
    expect(after.conscious).toBe(1);
    expect(after.shivering).toBeGreaterThan(0.2);
  });
});

describe('frostbite in cold air', () => {
  function exposure(extremityClothingClo: number) {
    const sim = createSimulation(
      testScenario({
        start: { environment: { medium: 'air', temperatureC: 5, clothingClo: 2.5 } },
        timeline: [
          at(0, {
            do: 'setEnvironment',
            medium: 'air',
            temperatureC: -20,
            windMPerS: 8,
            clothingClo: 2.5,
            extremityClothingClo,
          }),
        ],
        endS: 3 * 3600,
      }),
    );
    let frozenWhileCoreAbove30 = false;
    let minCore = Infinity;
    while (!sim.isFinished()) {
      sim.advance(60);
      const s = sim.snapshot();
      minCore = Math.min(minCore, s.coreTempC);
      if (s.frostbiteFraction > 0.05 && s.coreTempC > 30) frozenWhileCoreAbove30 = true;
    }
    return { sim, frozenWhileCoreAbove30, minCore };
  }

  it('freezes bare hands and feet while the clothed core stays above 30 °C', () => {
    const bare = exposure(0);
    expect(bare.frozenWhileCoreAbove30).toBe(true);
    expect(bare.minCore).toBeGreaterThan(30);
    expect(bare.sim.snapshot().extremityViableFraction).toBeLessThan(1);
    // Freezing releases latent heat: the hands sit at the freezing point while ice forms.
    const heat = bare.sim.heatBalance();
    expect(Math.abs(heat.producedJ + heat.addedJ - heat.lostJ - heat.storedJ)).toBeLessThan(
      1e-6 * heat.producedJ,
    );
  });

  it('does not freeze hands and feet in thick gloves and boots', () => {
    const gloved = exposure(3);
    expect(gloved.sim.snapshot().frostbiteFraction).toBe(0);
  });
});

describe('start conditions', () => {
  it('can start a patient on a ventilator, breathing on through a cold brain', () => {
    const sim = createSimulation(
      testScenario({
        start: {
          environment: { medium: 'air', temperatureC: 28, clothingClo: 1 },
          coreTempC: 20,
          ventilationFio2: 0.5,
        },
      }),
    );
    const s = sim.snapshot();
    expect(s.ventilationFio2).toBe(0.5);
    expect(s.breathing).toBe(0); // the brain at ~20 °C is below the apnoea temperature
    expect(s.arterialSat).toBeGreaterThan(0.99);
  });
});

describe('oxygen stores and timing', () => {
  function timeTo(
    timeline: readonly { atS: number; action: Action }[],
    fromS: number,
    done: (s: Snapshot) => boolean,
  ): number {
    const sim = createSimulation(testScenario({ timeline, endS: 3600 }));
    sim.advance(fromS);
    while (!sim.isFinished()) {
      sim.advance(1);
      if (done(sim.snapshot())) return sim.timeS() - fromS;
    }
    return Infinity;
  }

  it('loses consciousness within seconds of circulatory arrest at 37 °C (brain O2 store)', () => {
    const t = timeTo([at(60, { do: 'cardiacArrest', rhythm: 'vf' })], 60, (s) => s.conscious === 0);
    // Loss of consciousness 6–15 s after cerebral circulation stops.
    expect(t).toBeGreaterThanOrEqual(4);
    expect(t).toBeLessThanOrEqual(20);
  });

  it('desaturates within about a minute of apnoea on air, and after several minutes when pre-oxygenated', () => {
    const onAir = timeTo([at(60, { do: 'stopBreathing' })], 60, (s) => s.arterialSat < 0.9);
    const preoxygenated = timeTo(
      [
        at(0, { do: 'ventilate', fio2: 1 }),
        at(600, { do: 'stopVentilation' }),
        at(600, { do: 'stopBreathing' }),
      ],
      600,
      (s) => s.arterialSat < 0.9,
    );
    expect(onAir).toBeGreaterThan(20);
    expect(onAir).toBeLessThan(120);
    expect(preoxygenated).toBeGreaterThan(4 * 60);
    expect(preoxygenated).toBeLessThan(12 * 60);
  });

  it('stops a healthy heart after several minutes of asphyxia (hypoxic arrest)', () => {
    const t = timeTo([at(60, { do: 'stopBreathing' })], 60, (s) => s.rhythm !== 'sinus');
    expect(t).toBeGreaterThan(3 * 60);
    expect(t).toBeLessThan(15 * 60);
  });
});
