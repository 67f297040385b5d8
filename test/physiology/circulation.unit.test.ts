// Unit tests of the circulation functions themselves (models/physiology/circulation.ts): heart rate
// and temperature, the pump in each rhythm, pressure, rhythm bookkeeping and the shock. (Blood flows to
// each compartment are shared out in thermal.ts; potassium's effects are in hyperkalaemia.test.ts.)

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parameterValues } from '../../models/index.ts';
import { RHYTHM, S, createState } from '../../models/core/state.ts';
import { seedRandom } from '../../models/core/rng.ts';
import {
  defibrillationSuccessProbability,
  drawRhythmThreshold,
  isPerfusingRhythm,
  restingHeartRateBpm,
  setRhythm,
  sinusRateBpm,
  stepRhythm,
  updatePressure,
  updatePump,
  type CirculationBody,
} from '../../models/physiology/circulation.ts';

const v = parameterValues();
const body: CirculationBody = {
  restingHeartRateBpm: 70,
  restingCardiacOutputLPerMin: 5,
  logHeartRateQ10: Math.log(v.heartRateQ10),
};

/** A heart in a rhythm at a temperature, energised, with normal potassium. */
function heart(rhythm: number, tempC: number, seed = 1) {
  const state = createState();
  seedRandom(state, seed);
  state[S.rhythm] = rhythm;
  state[S.heartTempC] = tempC;
  state[S.coreTempC] = tempC;
  state[S.heartEnergy] = 1;
  state[S.potassiumMmolPerL] = v.potassiumBaselineMmolPerL;
  state[S.arrestStartS] = -1;
  state[S.roscTimeS] = -1;
  drawRhythmThreshold(state);
  return state;
}

describe('heart rate', () => {
  it('sinusRateBpm is the resting rate at 37 °C and about half of it at 28 °C (Zafren 2021)', () => {
    expect(sinusRateBpm(37, body)).toBeCloseTo(70, 9);
    const ratio = sinusRateBpm(28, body) / 70;
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
  });

  it('sinusRateBpm falls monotonically with cooling', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 40, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (t, dt) => sinusRateBpm(t, body) < sinusRateBpm(t + dt, body),
      ),
    );
  });

  it('restingHeartRateBpm joins the toddler, child and adult anchors without a jump', () => {
    expect(restingHeartRateBpm(2, v)).toBe(v.restingHeartRateToddlerBpm);
    expect(restingHeartRateBpm(6, v)).toBeCloseTo(v.restingHeartRateChildBpm, 9);
    expect(restingHeartRateBpm(16, v)).toBe(v.restingHeartRateAdultBpm);
    expect(restingHeartRateBpm(15.999, v)).toBeCloseTo(v.restingHeartRateAdultBpm, 1);
    expect(restingHeartRateBpm(10, v)).toBeLessThan(v.restingHeartRateChildBpm);
    expect(restingHeartRateBpm(10, v)).toBeGreaterThan(v.restingHeartRateAdultBpm);
  });
});

describe('updatePump', () => {
  it('updatePump gives no output and no heart rate in an arrest without compressions or a pump', () => {
    for (const rhythm of [RHYTHM.vf, RHYTHM.asystole, RHYTHM.pea]) {
      const state = heart(rhythm, 30);
      updatePump(state, body, v);
      expect(state[S.heartRateBpm]).toBe(0);
      expect(state[S.cardiacOutputRatio]).toBe(0);
      expect(state[S.nativeOutputRatio]).toBe(0);
    }
  });

  it('updatePump gives mechanical compressions their output fraction of rest', () => {
    const state = heart(RHYTHM.vf, 30);
    state[S.cprMode] = 2;
    updatePump(state, body, v);
    expect(state[S.cardiacOutputRatio]).toBe(v.mechanicalCprOutputFraction);
  });

  it('updatePump gives a warm, energised heart in sinus rhythm its resting output', () => {
    const state = heart(RHYTHM.sinus, 37);
    updatePump(state, body, v);
    expect(state[S.heartRateBpm]).toBeCloseTo(70, 9);
    expect(state[S.cardiacOutputRatio]).toBeCloseTo(1, 9);
  });

  it('updatePump on cardiopulmonary bypass leaves the heart ejecting nothing: the output is the pump', () => {
    const state = heart(RHYTHM.sinus, 37);
    state[S.pumpFlowLPerMin] = 4;
    state[S.circuitMode] = 2;
    updatePump(state, body, v);
    expect(state[S.nativeOutputRatio]).toBe(0);
    expect(state[S.cardiacOutputRatio]).toBeCloseTo(4 / 5, 12);
  });
});

describe('updatePressure', () => {
  it('updatePressure gives the resting pressure at rest and the venous pressure with no flow', () => {
    const state = heart(RHYTHM.sinus, 37);
    state[S.cardiacOutputRatio] = 1;
    updatePressure(state, v);
    expect(state[S.meanArterialPressureMmHg]).toBeCloseTo(v.restingMapMmHg, 9);
    state[S.cardiacOutputRatio] = 0;
    state[S.coreTempC] = 25;
    updatePressure(state, v);
    expect(state[S.meanArterialPressureMmHg]).toBeCloseTo(v.venousPressureMmHg, 9);
  });

  it('updatePressure at the same flow rises 10–30 % over the first 5 °C of core cooling (blood viscosity 2–3 %/°C, cold vasoconstriction at most as much again)', () => {
    // The arterial–venous difference at a fixed flow is proportional to the resistance. Viscosity
    // alone raises it ~2–3 %/°C (the source of coldResistanceRisePerK): at least 10 % over 5 °C.
    // Vasoconstriction of the core's vessels adds to it, but not more than viscosity [model]: at most
    // 6 %/°C, 30 % over 5 °C.
    const drop = (coreC: number) => {
      const state = heart(RHYTHM.sinus, coreC);
      state[S.cardiacOutputRatio] = 1;
      updatePressure(state, v);
      return state[S.meanArterialPressureMmHg]! - v.venousPressureMmHg;
    };
    const rise = drop(32) / drop(37) - 1;
    expect(rise).toBeGreaterThanOrEqual(0.1);
    expect(rise).toBeLessThanOrEqual(0.3);
  });

  it('updatePressure rises with cold at the same flow, but no more than by 60 % of the arterial–venous difference', () => {
    const map = (coreC: number) => {
      const state = heart(RHYTHM.sinus, coreC);
      state[S.cardiacOutputRatio] = 1;
      updatePressure(state, v);
      return state[S.meanArterialPressureMmHg]!;
    };
    expect(map(32)).toBeGreaterThan(map(37));
    const cap = v.venousPressureMmHg + 1.6 * (v.restingMapMmHg - v.venousPressureMmHg);
    expect(map(0)).toBeLessThanOrEqual(cap + 1e-9);
  });
});

describe('rhythm', () => {
  it('isPerfusingRhythm is true for sinus rhythm and atrial fibrillation only', () => {
    expect(isPerfusingRhythm(RHYTHM.sinus)).toBe(true);
    expect(isPerfusingRhythm(RHYTHM.af)).toBe(true);
    expect(isPerfusingRhythm(RHYTHM.vf)).toBe(false);
    expect(isPerfusingRhythm(RHYTHM.asystole)).toBe(false);
    expect(isPerfusingRhythm(RHYTHM.pea)).toBe(false);
  });

  it('setRhythm counts an arrest when a perfusing rhythm stops, and records the first return of circulation', () => {
    const state = heart(RHYTHM.sinus, 30);
    state[S.timeS] = 100;
    setRhythm(state, RHYTHM.vf);
    expect(state[S.arrestCount]).toBe(1);
    expect(state[S.arrestStartS]).toBe(100);
    setRhythm(state, RHYTHM.asystole);
    expect(state[S.arrestCount]).toBe(1);
    state[S.timeS] = 200;
    setRhythm(state, RHYTHM.sinus);
    expect(state[S.arrestStartS]).toBe(-1);
    expect(state[S.roscTimeS]).toBe(200);
  });

  it('stepRhythm keeps a warm, energised heart with normal potassium in sinus rhythm for a day', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const state = heart(RHYTHM.sinus, 37, seed);
      for (let s = 0; s < 24 * 3600; s += 10) stepRhythm(state, 10, v);
      expect(state[S.rhythm]).toBe(RHYTHM.sinus);
    }
  });

  it('stepRhythm leaves sinus rhythm at 28 °C at the hazards the parameters name: VF at vfHazardAt28PerHour, AF at afHazardAt28PerHour', () => {
    // Exponential waiting times: over 200 seeds the mean wait is 1 / (total hazard) within ~7 % (one
    // standard error), and VF's share of the changes is vf / total within ~3.5 %. Asystole adds
    // 2 /h × 2^−(28 − asystoleTempC) at 28 °C.
    const asystole = 2 * 2 ** -(28 - v.asystoleTempC);
    const total = v.vfHazardAt28PerHour + v.afHazardAt28PerHour + asystole;
    let waitedH = 0;
    let vf = 0;
    const seeds = 200;
    for (let seed = 1; seed <= seeds; seed++) {
      const state = heart(RHYTHM.sinus, 28, seed);
      let s = 0;
      while (state[S.rhythm] === RHYTHM.sinus && s < 100 * 3600) {
        stepRhythm(state, 10, v);
        s += 10;
      }
      waitedH += s / 3600;
      if (state[S.rhythm] === RHYTHM.vf) vf++;
    }
    expect(waitedH / seeds).toBeGreaterThan(0.75 / total);
    expect(waitedH / seeds).toBeLessThan(1.25 / total);
    expect(vf / seeds).toBeGreaterThan(v.vfHazardAt28PerHour / total - 0.12);
    expect(vf / seeds).toBeLessThan(v.vfHazardAt28PerHour / total + 0.12);
  });

  it('stepRhythm stops a beating heart that has run out of energy (PEA)', () => {
    const state = heart(RHYTHM.sinus, 37);
    state[S.heartEnergy] = v.hypoxicArrestEnergy / 2;
    stepRhythm(state, 1, v);
    expect(state[S.rhythm]).toBe(RHYTHM.pea);
  });
});

describe('defibrillationSuccessProbability', () => {
  it('defibrillationSuccessProbability is half its maximum at defibrillationHalfTempC and rises with warming', () => {
    expect(
      defibrillationSuccessProbability(heart(RHYTHM.vf, v.defibrillationHalfTempC), v),
    ).toBeCloseTo(v.defibrillationSuccessMax / 2, 9);
    expect(defibrillationSuccessProbability(heart(RHYTHM.vf, 34), v)).toBeGreaterThan(
      defibrillationSuccessProbability(heart(RHYTHM.vf, 28), v),
    );
  });

  it('defibrillationSuccessProbability is 0 outside VF', () => {
    expect(defibrillationSuccessProbability(heart(RHYTHM.asystole, 37), v)).toBe(0);
  });
});
