import { describe, expect, it } from 'vitest';
import {
  ORDERED_PAIRS,
  createRandom,
  ensembleDesign,
  latinHypercube,
  memberParameters,
  probabilityOfValue,
  sampledParameters,
  samplingScale,
} from '../../models/ensemble/index.ts';
import { allParameters, parameterValues, type Parameter } from '../../models/index.ts';

/** For each column, the stratum index floor(u·N) of every row. */
function strataOf(design: ArrayLike<number>, members: number, column: number, columns: number) {
  return Array.from({ length: members }, (_, i) =>
    Math.floor(design[i * columns + column]! * members),
  );
}

describe('Latin hypercube', () => {
  it('puts exactly one member in each of the N strata of every column', () => {
    for (const members of [1, 2, 7, 50]) {
      const columns = 5;
      const design = latinHypercube(members, columns, createRandom(members));
      for (let j = 0; j < columns; j++) {
        const strata = strataOf(design, members, j, columns).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: members }, (_, k) => k));
      }
    }
  });

  it('holds for every sampled parameter of an ensemble design (through the value mapping)', () => {
    const members = 40;
    const design = ensembleDesign({ members, seed: 3 });
    const reordered = new Set(ORDERED_PAIRS.flatMap((p) => [p.lower, p.upper]));
    const count = design.parameters.length;
    expect(count).toBe(sampledParameters().length);
    let checked = 0;
    design.parameters.forEach((p, j) => {
      // Members of ordered pairs may have been swapped to keep their order (tested below).
      if (reordered.has(p.name)) return;
      const strata = Array.from({ length: members }, (_, i) =>
        Math.min(
          members - 1,
          Math.floor(probabilityOfValue(p, design.values[i * count + j]!) * members),
        ),
      ).sort((a, b) => a - b);
      expect(strata, p.name).toEqual(Array.from({ length: members }, (_, k) => k));
      checked++;
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('samples every parameter with a range, inside that range, and none without one', () => {
    const design = ensembleDesign({ members: 20, seed: 9 });
    const names = design.parameters.map((p) => p.name);
    for (const [name, p] of Object.entries(allParameters) as [string, Parameter][]) {
      expect(names.includes(name as never), name).toBe(p.min < p.max);
    }
    for (let i = 0; i < design.members; i++) {
      // parameterValues refuses any value outside its parameter's range.
      expect(() => parameterValues(memberParameters(design, i))).not.toThrow();
    }
  });

  it('uses log-uniform sampling only for positive ranges spanning a factor of ten or more', () => {
    expect(samplingScale(allParameters.commitTimeMin)).toBe('log-uniform'); // 2–60 min
    expect(samplingScale(allParameters.waterHeatTransferWPerM2K)).toBe('log-uniform'); // 50–600
    expect(samplingScale(allParameters.selfCheckHalfTempC)).toBe('uniform'); // °C
    expect(samplingScale(allParameters.brainQ10)).toBe('uniform');
    expect(samplingScale(allParameters.diffusiveO2MlPerMinPerKgPerMmHg)).toBe('uniform'); // min 0
    // Log-uniform: half of the members below the geometric mean of the range.
    const design = ensembleDesign({ members: 100, seed: 2 });
    const j = design.parameters.findIndex((p) => p.name === 'commitTimeMin');
    const count = design.parameters.length;
    const below = Array.from({ length: 100 }, (_, i) => design.values[i * count + j]!).filter(
      (x) => x < Math.sqrt(2 * 60),
    ).length;
    expect(below).toBe(50);
  });

  it('is deterministic: the same seed gives the same design, another seed another', () => {
    const a = ensembleDesign({ members: 30, seed: 42 });
    const b = ensembleDesign({ members: 30, seed: 42 });
    const c = ensembleDesign({ members: 30, seed: 43 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.memberSeeds).toEqual(b.memberSeeds);
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
    expect(new Set(a.memberSeeds).size).toBe(30);
  });
});

describe('ensemble design options', () => {
  it('keeps every ordered pair in order in every member', () => {
    const design = ensembleDesign({ members: 400, seed: 5 });
    for (let i = 0; i < design.members; i++) {
      const v = parameterValues(memberParameters(design, i));
      for (const pair of ORDERED_PAIRS) {
        expect(v[pair.lower] + pair.gap, `${pair.lower} < ${pair.upper}`).toBeLessThanOrEqual(
          v[pair.upper],
        );
      }
    }
    // With 400 members some pairs needed repair (the heart rates of toddler and child overlap).
    expect(Object.values(design.repairs).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('names existing parameters in every ordered pair, with ranges that leave room for the order', () => {
    for (const pair of ORDERED_PAIRS) {
      const lower = allParameters[pair.lower] as Parameter;
      const upper = allParameters[pair.upper] as Parameter;
      expect(lower, pair.lower).toBeDefined();
      expect(upper, pair.upper).toBeDefined();
      // Any value of one has a partner value of the other in order (so a repair always exists),
      // and the best estimates are in order.
      expect(lower.min + pair.gap).toBeLessThanOrEqual(upper.min);
      expect(lower.max + pair.gap).toBeLessThanOrEqual(upper.max);
      expect(lower.value + pair.gap).toBeLessThanOrEqual(upper.value);
    }
  });

  it('holds fixed parameters at their value and samples the rest', () => {
    const design = ensembleDesign({ members: 10, fixed: { selfCheckHalfTempC: 15 } });
    expect(design.parameters.some((p) => p.name === 'selfCheckHalfTempC')).toBe(false);
    for (let i = 0; i < 10; i++) expect(memberParameters(design, i).selfCheckHalfTempC).toBe(15);
  });

  it('keeps a sampled value in order with a held partner', () => {
    const design = ensembleDesign({ members: 50, fixed: { consciousnessLossTempC: 27 } });
    for (let i = 0; i < 50; i++) {
      expect(parameterValues(memberParameters(design, i)).apnoeaBrainTempC).toBeLessThanOrEqual(27);
    }
  });

  it('collapses every range to its best estimate when asked', () => {
    const design = ensembleDesign({ members: 4, ranges: 'collapsed', seeds: 'shared', seed: 8 });
    expect(design.parameters).toEqual([]);
    expect(memberParameters(design, 3)).toEqual({});
    expect(design.memberSeeds).toEqual([8, 8, 8, 8]);
  });

  it.each([
    [{ members: 0 }, /members: expected a whole number from 1 to 20000, found 0/],
    [{ members: 2.5 }, /members: expected a whole number/],
    [{ members: 5, seed: 0.5 }, /seed: expected a whole number, found 0.5/],
    [{ members: 5, fixed: { noSuchThing: 1 } }, /unknown parameter "noSuchThing"/],
    [{ members: 5, fixed: { brainQ10: 9 } }, /brainQ10.*from 2.2 to 3.5/],
    [
      { members: 5, fixed: { apnoeaBrainTempC: 28, consciousnessLossTempC: 27 } },
      /"apnoeaBrainTempC" \(28\) must be at least 0 below "consciousnessLossTempC" \(27\)/,
    ],
    [
      { members: 5, ranges: 'collapsed' as const, fixed: { restingHeartRateChildBpm: 115 } },
      /"restingHeartRateChildBpm" \(115\) must be at least 0 below "restingHeartRateToddlerBpm" \(110\)/,
    ],
  ])('refuses %j with a clear message', (options, message) => {
    expect(() => ensembleDesign(options)).toThrow(message);
  });
});

describe('varying a few parameters', () => {
  it('samples only those, each stratified, and holds the rest at their best estimate', () => {
    const design = ensembleDesign({ members: 10, vary: ['selfCheckHalfTempC'], seed: 1 });
    expect(design.parameters.map((p) => p.name)).toEqual(['selfCheckHalfTempC']);
    const values = Array.from(design.values).sort((a, b) => a - b);
    // One member in each 2.2 °C stratum of 10–32 °C: a sweep of the self-check temperature.
    values.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(10 + 2.2 * k);
      expect(v).toBeLessThan(10 + 2.2 * (k + 1));
    });
    expect(Object.keys(memberParameters(design, 0))).toEqual(['selfCheckHalfTempC']);
  });

  it.each([
    [['noSuch'], /unknown parameter "noSuch"/],
    [['cloToM2KPerW'], /"cloToM2KPerW" has no range to sample/],
  ])('refuses %j', (vary, message) => {
    expect(() => ensembleDesign({ members: 3, vary })).toThrow(message);
  });
});
