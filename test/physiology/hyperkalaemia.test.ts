// Potassium acts on the heart (issue 15, item 4): above ~8 mmol/L a stopped heart restarts and a shock
// works less often, not at all above ~12 mmol/L, and a beating heart arrests. Validation cases P4a–P4d
// compare whole runs with published data.

import { describe, expect, it } from 'vitest';
import { parameterValues } from '../../models/index.ts';
import { RHYTHM, S, createState } from '../../models/core/state.ts';
import {
  defibrillationSuccessProbability,
  drawRhythmThreshold,
  hyperkalaemiaArrestHazardPerHour,
  hyperkalaemiaRestartFactor,
  stepRhythm,
} from '../../models/physiology/circulation.ts';
import { seedRandom } from '../../models/core/rng.ts';

const v = parameterValues();

/** A warm, energised heart in a rhythm, with a plasma potassium. */
function heart(rhythm: number, potassium: number, seed = 1) {
  const state = createState();
  seedRandom(state, seed);
  state[S.rhythm] = rhythm;
  state[S.heartTempC] = 36;
  state[S.coreTempC] = 36;
  state[S.heartEnergy] = 1;
  state[S.potassiumMmolPerL] = potassium;
  drawRhythmThreshold(state);
  return state;
}

/** Minutes until the rhythm changes (at most `maxMin`), stepping 1 s. */
function minutesToChange(state: Float64Array, maxMin: number): number {
  const start = state[S.rhythm]!;
  for (let s = 1; s <= maxMin * 60; s++) {
    stepRhythm(state, 1, v);
    if (state[S.rhythm]! !== start) return s / 60;
  }
  return Number.POSITIVE_INFINITY;
}

describe('hyperkalaemia and the heart', () => {
  it('leaves a normal potassium without effect', () => {
    expect(hyperkalaemiaRestartFactor(4.5, v)).toBe(1);
    expect(hyperkalaemiaArrestHazardPerHour(4.5, v)).toBe(0);
    expect(hyperkalaemiaArrestHazardPerHour(v.hyperkalaemiaOnsetMmolPerL, v)).toBe(0);
  });

  it('lowers the chance of a successful shock steeply above 8 mmol/L and leaves none above 12', () => {
    const p = (k: number) => defibrillationSuccessProbability(heart(RHYTHM.vf, k), v);
    expect(p(6)).toBeGreaterThan(0.6);
    expect(p(10)).toBeCloseTo(p(6) / 2, 6);
    expect(p(12)).toBe(0);
    expect(p(14)).toBe(0);
  });

  it('keeps a warm, energised heart in asystole from restarting above 12 mmol/L', () => {
    for (let seed = 1; seed <= 5; seed++) {
      expect(minutesToChange(heart(RHYTHM.asystole, 12.5, seed), 240)).toBe(
        Number.POSITIVE_INFINITY,
      );
    }
  });

  it('lets the same heart restart within hours at a normal potassium', () => {
    const times = [1, 2, 3, 4, 5].map((seed) =>
      minutesToChange(heart(RHYTHM.asystole, 4.5, seed), 600),
    );
    expect(Math.max(...times)).toBeLessThan(600);
  });

  it('makes a beating heart arrest within the hour at 11 mmol/L, and not at 6 mmol/L', () => {
    const hyper = [1, 2, 3, 4, 5].map((seed) =>
      minutesToChange(heart(RHYTHM.sinus, 11, seed), 240),
    );
    expect(Math.max(...hyper)).toBeLessThan(60);
    for (let seed = 1; seed <= 5; seed++) {
      expect(minutesToChange(heart(RHYTHM.sinus, 6, seed), 240)).toBe(Number.POSITIVE_INFINITY);
    }
  });
});
