// A body without circulation (issue 15, item 3): shivering needs a perfused brain that could be awake,
// and the cells of a body whose pumps have stopped leak potassium at their own, cold-slowed rate.
// Validation cases P3a and P3b measure the same in whole runs.

import { describe, expect, it } from 'vitest';
import { createSimulation, parameterValues } from '../../models/index.ts';
import { C, COMPARTMENT_COUNT, S, createState } from '../../models/core/state.ts';
import {
  cellRates,
  initialiseCells,
  shiveringBrainDrive,
  stepCells,
  type CellBody,
} from '../../models/physiology/cells.ts';
import { testScenario } from '../helpers.ts';

const v = parameterValues();
const RESTING_BRAIN_FLOW = 0.75;

/** A brain state: flow as a fraction of resting, aerobic fraction and tissue PO2. */
function brainState(flowFraction: number, aerobic: number, po2MmHg: number) {
  const state = createState();
  state[S.brainFlowLPerMin] = flowFraction * RESTING_BRAIN_FLOW;
  state[S.brainAerobicFraction] = aerobic;
  state[S.brainPo2MmHg] = po2MmHg;
  return state;
}

describe('shivering needs a perfused brain', () => {
  it('a perfused, oxygenated brain drives shivering in full', () => {
    expect(shiveringBrainDrive(brainState(1, 0.999, 30), RESTING_BRAIN_FLOW, v)).toBe(1);
  });

  it('the drive fades as the brain runs short of oxygen and is gone where consciousness is lost', () => {
    const half = (v.shiveringFullBrainAerobicFraction + v.consciousnessLossAerobicFraction) / 2;
    expect(shiveringBrainDrive(brainState(1, half, 5), RESTING_BRAIN_FLOW, v)).toBeCloseTo(0.5, 6);
    expect(
      shiveringBrainDrive(
        brainState(1, v.consciousnessLossAerobicFraction, 4),
        RESTING_BRAIN_FLOW,
        v,
      ),
    ).toBe(0);
  });

  it('a brain without flow, or with only the flow of compressions, drives no shivering', () => {
    expect(shiveringBrainDrive(brainState(0, 0.99, 5), RESTING_BRAIN_FLOW, v)).toBe(0);
    expect(shiveringBrainDrive(brainState(0.3, 0.99, 5), RESTING_BRAIN_FLOW, v)).toBe(0);
  });

  it('a dead brain drives no shivering', () => {
    const state = brainState(1, 0.999, 30);
    state[S.brainAutolysedFraction] = v.brainDeathAutolysedFraction;
    expect(shiveringBrainDrive(state, RESTING_BRAIN_FLOW, v)).toBe(0);
  });

  it('a shivering patient in cold water stops shivering within a minute of a cardiac arrest, and compressions do not restart it', () => {
    const sim = createSimulation(
      testScenario({
        timeline: [{ atS: 0, action: { do: 'setEnvironment', medium: 'water', temperatureC: 5 } }],
        endS: 3 * 3600,
      }),
    );
    sim.advance(20 * 60);
    expect(sim.snapshot().shivering).toBeGreaterThan(0.3);
    sim.apply({ do: 'cardiacArrest', rhythm: 'vf' });
    sim.advance(60);
    expect(sim.snapshot().shivering).toBeLessThan(0.01);
    sim.apply({ do: 'startCpr', mode: 'mechanical' });
    let highest = 0;
    for (let i = 0; i < 20; i++) {
      sim.advance(30);
      highest = Math.max(highest, sim.snapshot().shivering);
    }
    expect(highest).toBe(0);
  });
});

describe('a body whose cells have lost their energy leaks potassium', () => {
  const kg = [1.4, 0.3, 10, 28, 20, 4, 1, 5.5];
  const body: CellBody = {
    massKg: 73,
    compartmentKg: kg,
    logQ10: Array.from({ length: COMPARTMENT_COUNT }, (_, i) =>
      Math.log(i === C.brain ? v.brainQ10 : v.bodyQ10),
    ),
    restingBrainFlowLPerMin: RESTING_BRAIN_FLOW,
    ...cellRates(v),
  };

  /** Potassium rise over 10 min with every tissue without oxygen at one temperature, mmol/L. */
  function riseIn10Min(tempC: number, muscleDemandW: number): number {
    const state = createState();
    initialiseCells(state, v);
    for (let i = 0; i < C.blood; i++) {
      state[i] = tempC;
      state[S.brainAerobicFraction + i] = 0;
      state[S.brainDemandW + i] = i === C.muscle ? muscleDemandW : 10;
    }
    state[S.brainEnergy] = 1;
    const before = state[S.potassiumMmolPerL]!;
    for (let s = 0; s < 600; s++) stepCells(state, body, 1, v);
    return state[S.potassiumMmolPerL]! - before;
  }

  it('at its own rate, whatever its muscle was asked to do (a body without circulation does not shiver)', () => {
    expect(riseIn10Min(30, 400)).toBeCloseTo(riseIn10Min(30, 15), 12);
  });

  it('more slowly when cold', () => {
    const warm = riseIn10Min(37, 15);
    const cold = riseIn10Min(20, 15);
    expect(cold).toBeLessThan(0.6 * warm);
    expect(cold).toBeGreaterThan(0);
  });
});
