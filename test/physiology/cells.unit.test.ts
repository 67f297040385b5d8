// Unit tests of the cell functions themselves (models/physiology/cells.ts): the Q10s in the parameters,
// the two views of ischaemic death, the self-check, the log-normal tolerance of each group and the
// bookkeeping of viable, at-risk and autolysed cells.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parameterValues, type ParameterValues } from '../../models/index.ts';
import { C, COMPARTMENT_COUNT, S, createState } from '../../models/core/state.ts';
import {
  CELL_GROUPS,
  cellFractions,
  cellRates,
  fractionOutOfSpec,
  initialiseCells,
  necrosisTimeMin,
  selfCheckActivity,
  stepCells,
  toleranceMedianMin,
  type CellBody,
} from '../../models/physiology/cells.ts';

const v = parameterValues();

function body(values: ParameterValues): CellBody {
  return {
    ...cellRates(values),
    massKg: 70,
    compartmentKg: new Float64Array(COMPARTMENT_COUNT).fill(5),
    logQ10: new Float64Array(COMPARTMENT_COUNT).fill(Math.log(2)),
    restingBrainFlowLPerMin: 0.75,
  };
}

/** A body at one temperature with every tissue at a given aerobic fraction. */
function cellsAt(tempC: number, aerobic: number, values: ParameterValues) {
  const state = createState();
  initialiseCells(state, values);
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    state[i] = tempC;
    state[S.brainAerobicFraction + i] = aerobic;
  }
  state[S.brainFlowLPerMin] = 0.75;
  state[S.cardiacOutputRatio] = 1;
  return state;
}

/** Time constant of the energy fall of a group, s, measured from one short step without oxygen. */
function energyFallTimeConstantS(group: number, tempC: number, values: ParameterValues): number {
  const state = cellsAt(tempC, 0, values);
  stepCells(state, body(values), 1, values);
  return -1 / Math.log(state[CELL_GROUPS[group]!.energy]!);
}

/** Minutes without oxygen at 37 °C until an energy slot of the state falls below a level (10 s steps). */
function minutesWithoutOxygenAt37C(slot: number, level: number, values: ParameterValues): number {
  const state = cellsAt(37, 0, values);
  let minutes = 0;
  while (state[slot]! >= level && minutes < 240) {
    stepCells(state, body(values), 10, values);
    minutes += 10 / 60;
  }
  return minutes;
}

describe('stepCells: energy', () => {
  it('stepCells makes the heart and the hands and feet lose energy more slowly by energyQ10 per 10 °C of cooling', () => {
    for (const group of [1, 2]) {
      const ratio = energyFallTimeConstantS(group, 27, v) / energyFallTimeConstantS(group, 37, v);
      expect(ratio).toBeCloseTo(v.energyQ10, 6);
    }
  });

  it('stepCells makes the brain lose energy more slowly by brainEnergyFallQ10 per 10 °C of cooling', () => {
    const values = parameterValues({ brainEnergyFallQ10: 2.7 });
    const ratio = energyFallTimeConstantS(0, 27, values) / energyFallTimeConstantS(0, 37, values);
    expect(ratio).toBeCloseTo(2.7, 6);
  });

  it('stepCells loses energy without oxygen at 37 °C with the time constants in the parameters', () => {
    expect(energyFallTimeConstantS(0, 37, v)).toBeCloseTo(v.brainEnergyFallTimeS, 6);
    expect(energyFallTimeConstantS(1, 37, v)).toBeCloseTo(v.heartEnergyFallTimeS, 6);
    expect(energyFallTimeConstantS(2, 37, v)).toBeCloseTo(v.extremityEnergyFallTimeS, 6);
  });

  it('stepCells takes 15–45 min without oxygen at 37 °C to halve the energy of hands and feet, as a tourniquet blocks their nerves (Lin 2019)', () => {
    // A tourniquet blocks nerve conduction after 15–45 min of ischaemia (the source of
    // extremityEnergyFallTimeS). The model's neurons fail at half their energy charge (the brainstem
    // stops driving breathing below brainEnergy 0.5), so the hands and feet should reach it then.
    const minutes = minutesWithoutOxygenAt37C(S.extremityEnergy, 0.5, v);
    expect(minutes).toBeGreaterThanOrEqual(15);
    expect(minutes).toBeLessThanOrEqual(45);
  });

  it('stepCells leaves a warm brain without oxygen almost without energy (below 5 %) after 2–8 min, as complete ischaemia depletes ATP', () => {
    // ATP is depleted in 3–8 min of complete ischaemia (Morgan & Mikhail), in ~2–4 min in rodent
    // cortex: the sources of brainEnergyFallTimeS. Twice its best estimate (180 s) takes 9 min.
    const minutes = minutesWithoutOxygenAt37C(S.brainEnergy, 0.05, v);
    expect(minutes).toBeGreaterThanOrEqual(2);
    expect(minutes).toBeLessThanOrEqual(8);
  });

  it('stepCells builds no derangement and loses no cells while oxygen is fully supplied', () => {
    const state = cellsAt(37, 1, v);
    for (let s = 0; s < 3600; s += 10) stepCells(state, body(v), 10, v);
    for (const g of CELL_GROUPS) {
      expect(state[g.energy]).toBe(1);
      expect(state[g.derangement]).toBe(0);
      expect(state[g.autolysed]).toBe(0);
    }
  });

  it('stepCells builds derangement faster by derangementQ10 per 10 °C of warming', () => {
    const built = (tempC: number) => {
      const state = cellsAt(tempC, 0, v);
      state[S.brainEnergy] = 0;
      stepCells(state, body(v), 1, v);
      return state[S.brainDerangementMin]!;
    };
    expect(built(37) / built(27)).toBeCloseTo(v.derangementQ10, 6);
  });
});

describe('stepCells: tolerance of warm energy failure', () => {
  /** Fraction of brain cells out of spec after some minutes at 37 °C with no energy. */
  function outOfSpecAfterWarmEnergyFailure(minutes: number, values: ParameterValues): number {
    const state = cellsAt(37, 0, values);
    state[S.brainEnergy] = 0;
    for (let s = 0; s < minutes * 60; s += 10) stepCells(state, body(values), 10, values);
    return fractionOutOfSpec(
      state[S.brainDerangementMin]!,
      values.brainToleranceMedianMin,
      values.toleranceSpread,
    );
  }

  it('stepCells puts under a tenth of brain cells out of spec in 3 min of warm energy failure and over half in 10 min', () => {
    // Gerbil CA1 is spared by 3 min of warm ischaemia and 90 % damaged by 5–10 min (Kirino 1982);
    // CA1 is the most vulnerable region, so the whole brain is allowed less: over half by 10 min.
    // This pins brainToleranceMedianMin, and it fails at both ends of its declared range (5 min:
    // too many out of spec at 3 min; 15 min: too few at 10 min). The range is kept, with its other
    // source (vulnerable neurons from ~5 min, resilient ones up to ~20 min, reference notes §2), for
    // the ensembles to sample: this reading of Kirino is one of two. toleranceSpread passes at both
    // of its ends and is not pinned by it.
    expect(outOfSpecAfterWarmEnergyFailure(3, v)).toBeLessThan(0.1);
    expect(outOfSpecAfterWarmEnergyFailure(10, v)).toBeGreaterThan(0.5);
  });
});

describe('stepCells: death', () => {
  /** Brain autolysed after 30 min without energy at 37 °C, the derangement far above tolerance. */
  function autolysedAfterWarmIschaemia(balance: number): number {
    const values = parameterValues({ hypothesisBalance: balance });
    const state = cellsAt(37, 0, values);
    state[S.brainEnergy] = 0;
    state[S.brainDerangementMin] = 10 * values.brainToleranceMedianMin;
    for (let s = 0; s < 30 * 60; s += 10) stepCells(state, body(values), 10, values);
    return state[S.brainAutolysedFraction]!;
  }

  it("stepCells in the essay's view (hypothesisBalance 0) leaves warm cells without energy dormant: under a tenth die in 30 min", () => {
    expect(autolysedAfterWarmIschaemia(0)).toBeLessThan(0.1);
  });

  it('stepCells in the conventional view (hypothesisBalance 1) kills most warm cells without energy within 30 min', () => {
    expect(autolysedAfterWarmIschaemia(1)).toBeGreaterThan(0.9);
  });

  it('stepCells commits few energised, out-of-spec cells to autolysis while the cold keeps the self-check asleep, and most within commitTimeMin once warm', () => {
    const autolysedAt = (tempC: number) => {
      const state = cellsAt(tempC, 1, v);
      state[S.brainDerangementMin] = 10 * v.brainToleranceMedianMin;
      // One commitment time constant: at full activity, 1 − 1/e of the cells at risk commit.
      for (let s = 0; s < v.commitTimeMin * 60; s += 1) stepCells(state, body(v), 1, v);
      return state[S.brainAutolysedFraction]!;
    };
    expect(autolysedAt(v.selfCheckHalfTempC - 10)).toBeLessThan(0.01);
    expect(autolysedAt(37)).toBeGreaterThan(0.5);
  });

  it('necrosisTimeMin is the dormant time in the essay view and the conventional time in the other', () => {
    expect(necrosisTimeMin(parameterValues({ hypothesisBalance: 0 }))).toBeCloseTo(
      v.necrosisTimeDormantMin,
      9,
    );
    expect(necrosisTimeMin(parameterValues({ hypothesisBalance: 1 }))).toBeCloseTo(
      v.necrosisTimeConventionalMin,
      9,
    );
  });
});

describe('selfCheckActivity and fractionOutOfSpec', () => {
  it('selfCheckActivity is half at selfCheckHalfTempC, rises with temperature and stays within [0, 1]', () => {
    expect(selfCheckActivity(v.selfCheckHalfTempC, v)).toBeCloseTo(0.5, 12);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 42, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (t, dt) => {
          const a = selfCheckActivity(t, v);
          const b = selfCheckActivity(t + dt, v);
          return a >= 0 && b <= 1 && b >= a;
        },
      ),
    );
  });

  it('fractionOutOfSpec is 0 without derangement, half at the median tolerance and rises toward 1', () => {
    expect(fractionOutOfSpec(0, 30, 0.5)).toBe(0);
    expect(fractionOutOfSpec(30, 30, 0.5)).toBeCloseTo(0.5, 6);
    expect(fractionOutOfSpec(3000, 30, 0.5)).toBeGreaterThan(0.999);
    expect(fractionOutOfSpec(20, 30, 0.5)).toBeLessThan(fractionOutOfSpec(40, 30, 0.5));
  });

  it('selfCheckActivity is the logistic of (temperature − selfCheckHalfTempC) / selfCheckWidthK: e/(1+e) one width above the half point, 1/(1+e) one width below', () => {
    for (const width of [v.selfCheckWidthK, 2 * v.selfCheckWidthK]) {
      const values = parameterValues({ selfCheckWidthK: width });
      const half = values.selfCheckHalfTempC;
      expect(selfCheckActivity(half + width, values)).toBeCloseTo(Math.E / (1 + Math.E), 9);
      expect(selfCheckActivity(half - width, values)).toBeCloseTo(1 / (1 + Math.E), 9);
    }
  });

  it('fractionOutOfSpec puts 84.13 % of cells out of spec one spread (log standard deviation) above the median and 15.87 % one spread below', () => {
    // Φ(±1) of the standard normal distribution, to the 1.5e-7 of the erf approximation.
    const phiOfOne = 0.8413447;
    for (const spread of [0.3, 0.8]) {
      expect(fractionOutOfSpec(30 * Math.exp(spread), 30, spread)).toBeCloseTo(phiOfOne, 6);
      expect(fractionOutOfSpec(30 * Math.exp(-spread), 30, spread)).toBeCloseTo(1 - phiOfOne, 6);
    }
  });

  it('fractionOutOfSpec is 0, not NaN, for a load below zero (a rounding residue of repair)', () => {
    expect(fractionOutOfSpec(-1e-12, 30, 0.5)).toBe(0);
  });

  it('toleranceMedianMin gives each group its own median tolerance', () => {
    const medians = [
      v.brainToleranceMedianMin,
      v.heartToleranceMedianMin,
      v.extremityToleranceMedianMin,
    ];
    expect(new Set(medians).size).toBe(3); // distinct, so a mix-up would show
    expect(CELL_GROUPS.map((g) => toleranceMedianMin(g.name, v))).toEqual(medians);
  });

  it('cellFractions are each within [0, 1] and add up to 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 10000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (group, derangement, autolysed, frostbite) => {
          const g = CELL_GROUPS[group]!;
          const state = createState();
          state[g.derangement] = derangement;
          state[g.autolysed] = autolysed;
          state[S.frostbiteFraction] = frostbite;
          const f = cellFractions(state, g, v);
          for (const x of [f.viable, f.atRisk, f.autolysed]) if (x < 0 || x > 1) return false;
          return Math.abs(f.viable + f.atRisk + f.autolysed - 1) < 1e-12;
        },
      ),
    );
  });

  it('cellFractions counts frozen hands and feet as lost', () => {
    const state = createState();
    state[S.frostbiteFraction] = 0.4;
    expect(cellFractions(state, CELL_GROUPS[2], v).autolysed).toBe(0.4);
    expect(cellFractions(state, CELL_GROUPS[0], v).autolysed).toBe(0);
    expect(C.extremities).toBe(CELL_GROUPS[2].compartment);
  });
});

describe('cellRates: noneOutOfSpecMin', () => {
  it('at or below noneOutOfSpecMin no cell of the group is out of spec, exactly (stepCells skips the fraction there)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 0.8, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (spread, gi, share) => {
          const values = { ...v, toleranceSpread: spread };
          const floor = cellRates(values).noneOutOfSpecMin[gi]!;
          const median = toleranceMedianMin(CELL_GROUPS[gi]!.name, values);
          expect(fractionOutOfSpec(floor, median, spread)).toBe(0);
          expect(fractionOutOfSpec(floor * share, median, spread)).toBe(0);
        },
      ),
    );
    // Well above it, some are.
    const floor = cellRates(v).noneOutOfSpecMin[0]!;
    expect(
      fractionOutOfSpec(floor * 1e3, v.brainToleranceMedianMin, v.toleranceSpread),
    ).toBeGreaterThan(0);
  });
});
