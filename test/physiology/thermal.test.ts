import { describe, expect, it } from 'vitest';
import { createSimulation, parameterValues } from '../../models/index.ts';
import { buildThermalBody, restingCardiacOutputLPerMin } from '../../models/physiology/thermal.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

const adultMale = { sex: 'male', ageYears: 35, massKg: 73, heightCm: 176 } as const;

describe('thermal body', () => {
  it('buildThermalBody gives a resting metabolism near 84 W and a cardiac output near 5 L/min for a 73 kg man', () => {
    const body = buildThermalBody(adultMale, parameterValues());
    const restingW = body.restingMetabolismW.reduce((a, b) => a + b, 0);
    expect(restingW).toBeGreaterThan(70);
    expect(restingW).toBeLessThan(100);
    expect(restingCardiacOutputLPerMin(body)).toBeGreaterThan(4.3);
    expect(restingCardiacOutputLPerMin(body)).toBeLessThan(5.5);
  });

  it('buildThermalBody makes the brain about a fifth of resting metabolism in an adult and more in a child', () => {
    const share = (patient: Parameters<typeof buildThermalBody>[0]) => {
      const body = buildThermalBody(patient, parameterValues());
      return body.restingMetabolismW[0]! / body.restingMetabolismW.reduce((a, b) => a + b, 0);
    };
    expect(share(adultMale)).toBeGreaterThan(0.15);
    expect(share(adultMale)).toBeLessThan(0.25);
    expect(share({ sex: 'female', ageYears: 6, massKg: 21, heightCm: 116 })).toBeGreaterThan(
      share(adultMale) + 0.1,
    );
  });
});

describe('cooling', () => {
  it('in ice water skin and extremities cool far faster than the core', () => {
    const sim = createSimulation(testScenario({ ...iceWaterImmersion, endS: 3600 }));
    const start = sim.snapshot();
    sim.advance(15 * 60);
    const after = sim.snapshot();
    const skinDrop = start.skinTempC - after.skinTempC;
    const extremityDrop = start.extremityTempC - after.extremityTempC;
    const coreDrop = start.coreTempC - after.coreTempC;
    expect(skinDrop).toBeGreaterThan(15);
    expect(extremityDrop).toBeGreaterThan(15);
    expect(coreDrop).toBeLessThan(skinDrop / 5);
    expect(after.skinBloodFlowFraction).toBeLessThan(0.2); // vasoconstricted
  });

  it('a clothed adult in thermoneutral air holds the core within a quarter of a degree for 6 hours, without shivering', () => {
    // 28 °C in 1 clo: the validation runs' thermoneutral air (case P2a). Until the controller added its
    // core and skin errors, the core drifted 0.57 °C down here in 2 h while the body sweated and
    // shivered at once. (At 24 °C in 1 clo it still falls about half a degree in the first 2 h: the
    // start profile's shell is settled against blood held at 37 °C and is too warm; issue 15, item 2.)
    const sim = createSimulation(
      testScenario({
        start: { environment: { medium: 'air', temperatureC: 28, clothingClo: 1 } },
        endS: 6 * 3600,
      }),
    );
    const start = sim.snapshot().coreTempC;
    for (let i = 0; i < 36; i++) {
      sim.advance(600);
      expect(Math.abs(sim.snapshot().coreTempC - start)).toBeLessThan(0.25);
      expect(sim.snapshot().shiveringHeatW).toBeLessThan(1);
    }
  });

  it('the core cools faster when the head is under water than when it is out', () => {
    const headOut = createSimulation(testScenario({ ...iceWaterImmersion, endS: 3600 }));
    const headUnder = createSimulation(
      testScenario({
        timeline: [{ atS: 0, action: { do: 'immerse', waterTemperatureC: 2, airPocket: true } }],
        endS: 3600,
      }),
    );
    headOut.advance(3600);
    headUnder.advance(3600);
    expect(headUnder.snapshot().brainTempC).toBeLessThan(headOut.snapshot().brainTempC);
  });

  it('a lean patient cools faster than one with more body fat', () => {
    const run = (bodyFatPercent: number) => {
      const sim = createSimulation(
        testScenario({
          ...iceWaterImmersion,
          patient: { ...adultMale, bodyFatPercent },
          endS: 3600,
        }),
      );
      sim.advance(3600);
      return sim.snapshot().coreTempC;
    };
    expect(run(10)).toBeLessThan(run(30) - 0.5);
  });
});

describe('shivering', () => {
  it('stays under about 5× resting metabolism and is gone once the core is below 30 °C', () => {
    const sim = createSimulation(testScenario({ ...iceWaterImmersion, endS: 4 * 3600 }));
    const restingW = sim.body.thermal.restingMetabolismW.reduce((a, b) => a + b, 0);
    let maxShiveringW = 0;
    let sawShivering = false;
    while (!sim.isFinished()) {
      sim.advance(60);
      const s = sim.snapshot();
      maxShiveringW = Math.max(maxShiveringW, s.shiveringHeatW);
      if (s.shivering > 0.3) sawShivering = true;
      if (s.coreTempC < 30)
        expect(s.shiveringHeatW, `at core ${s.coreTempC.toFixed(1)} °C`).toBeLessThan(
          0.1 * restingW,
        );
    }
    expect(sawShivering).toBe(true);
    expect(restingW + maxShiveringW).toBeLessThanOrEqual(4.9 * restingW + 1e-9);
  });
});

describe('evaporation at the skin surface (issue 16, item 7)', () => {
  it('sweating in 50 °C air with a 20 m/s wind cools the skin no lower than the wet-bulb temperature', () => {
    // Psychrometric wet bulb of 50 °C air at the model's default 50 % humidity: the temperature at
    // which the air's convective heat just pays for evaporation, p_sat(Tw) = p_a + γ·(Ta − Tw),
    // γ = 1/16.5 kPa/K (the Lewis relation). Evaporation cannot cool a wet surface below it; the
    // skin, fed heat from within and by radiation, stays above it.
    const tAir = 50;
    const pSat = (t: number) => 0.6108 * Math.exp((17.27 * t) / (t + 237.3));
    const pAir = 0.5 * pSat(tAir);
    let lo = 0;
    let hi = tAir;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (pSat(mid) - pAir - (tAir - mid) / 16.5 > 0) hi = mid;
      else lo = mid;
    }
    const wetBulbC = lo;
    const sim = createSimulation(
      testScenario({
        start: { environment: { medium: 'air', temperatureC: 28, clothingClo: 1 } },
        timeline: [
          {
            atS: 0,
            action: {
              do: 'setEnvironment',
              medium: 'air',
              temperatureC: tAir,
              windMPerS: 20,
              clothingClo: 0.1,
            },
          },
        ],
        endS: 3600,
      }),
    );
    // The shell starts cooler than the wet bulb and is warmed by the air: from 20 min on it may not
    // be held below the wet bulb by evaporation.
    const margin = 0.5; // °C
    sim.advance(20 * 60);
    let lowestShellC = Infinity;
    let lowestSkinC = Infinity;
    let lowestExtremityC = Infinity;
    for (let t = 20 * 60; t < 3600; t += 60) {
      sim.advance(60);
      const s = sim.snapshot();
      lowestShellC = Math.min(lowestShellC, s.shellTempC);
      lowestSkinC = Math.min(lowestSkinC, s.skinTempC);
      lowestExtremityC = Math.min(lowestExtremityC, s.extremityTempC);
    }
    expect(wetBulbC).toBeGreaterThan(35);
    expect(lowestShellC).toBeGreaterThan(wetBulbC - margin);
    expect(lowestSkinC).toBeGreaterThan(wetBulbC - margin);
    expect(lowestExtremityC).toBeGreaterThan(wetBulbC - margin);
  });
});
