// The heart-lung machine (models/devices/heartLungMachine.ts, alarms.ts): cannulation and prime, the
// pump's drainage limit, cooling before oxygenating, blood gases at 37 °C and at body temperature, and
// each fault with its alarm and its fix.

import { describe, expect, it } from 'vitest';
import {
  PATIENT_PRESETS,
  createSimulation,
  parameterValues,
  type FaultKind,
  type Simulation,
  type Snapshot,
} from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

const THEATRE = { environment: { medium: 'air', temperatureC: 20 } } as const;

/** A ventilated patient in a 20 °C theatre, settled at a core temperature. */
function patientAt(coreTempC: number, patient = PATIENT_PRESETS['adult-male'].patient): Simulation {
  return createSimulation(
    testScenario({
      patient,
      start: { ...THEATRE, coreTempC, ventilationFio2: 0.5 },
      endS: 8 * 3600,
    }),
    { seed: 1 },
  );
}

/** The patient on bypass at 4.5 L/min (water 32 °C, FiO2 0.6, sweep = flow), 10 min after the start. */
function onBypass(): Simulation {
  const sim = patientAt(30);
  sim.apply({ do: 'cannulate', mode: 'cpb', durationS: 0 });
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: 32 });
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 });
  sim.apply({ do: 'startPump', flowLPerMin: 4.5 });
  sim.advance(600);
  return sim;
}

describe('cannulation', () => {
  it('completes in the history before time zero, and the pump runs from time zero', () => {
    const sim = createSimulation(
      {
        ...testScenario({ start: THEATRE, endS: 600 }),
        history: [
          { atS: -1200, action: { do: 'cardiacArrest', rhythm: 'vf' } },
          { atS: -1200, action: { do: 'startCpr', mode: 'mechanical' } },
          { atS: -900, action: { do: 'cannulate', mode: 'va-ecmo', durationS: 300 } },
          { atS: -300, action: { do: 'startPump', flowLPerMin: 4 } },
        ],
      },
      { seed: 1 },
    );
    const s = sim.snapshot();
    expect(s.cannulated).toBe(1);
    expect(s.cannulationRemainingS).toBe(0);
    expect(s.pumpFlowLPerMin).toBeCloseTo(4, 9);
  });

  it('takes the duration it is given, and the circuit default when none is given', () => {
    const sim = patientAt(30);
    sim.apply({ do: 'cannulate', mode: 'va-ecmo', durationS: 600 });
    sim.apply({ do: 'startPump', flowLPerMin: 4 });
    sim.advance(599);
    let s = sim.snapshot();
    expect(s.cannulated).toBe(0);
    expect(s.pumpFlowLPerMin).toBe(0);
    expect(s.cannulationRemainingS).toBeCloseTo(1, 6);
    expect(s.alarms).toEqual([]);
    sim.advance(2);
    s = sim.snapshot();
    expect(s.cannulated).toBe(1);
    expect(s.circuit).toBe('va-ecmo');
    expect(s.pumpFlowLPerMin).toBeCloseTo(4, 9);

    const byDefault = patientAt(30);
    byDefault.apply({ do: 'cannulate', mode: 'cpb' });
    const defaultS = parameterValues().cpbCannulationMin * 60;
    byDefault.advance(defaultS - 1);
    expect(byDefault.snapshot().cannulated).toBe(0);
    byDefault.advance(2);
    expect(byDefault.snapshot().cannulated).toBe(1);
  });

  it('mixes a cold prime into the blood: it cools by Vp/(Vb + Vp)·ΔT and haemoglobin falls by Vb/(Vb + Vp)', () => {
    const sim = patientAt(37);
    const primeMl = 1500;
    const primeC = 4;
    sim.apply({
      do: 'cannulate',
      mode: 'cpb',
      durationS: 60,
      primeVolumeMl: primeMl,
      primeTemperatureC: primeC,
    });
    sim.advance(60);
    const before = sim.snapshot();
    sim.advance(1);
    const after = sim.snapshot();
    const vb = sim.body.circuit.bloodVolumeL;
    const vp = primeMl / 1000;
    const expectedDrop = (vp / (vb + vp)) * (before.bloodTempC - primeC);
    expect(expectedDrop).toBeGreaterThan(5);
    // One second of exchange with the tissues afterwards changes the blood by under 2 % of the gap.
    expect(before.bloodTempC - after.bloodTempC).toBeGreaterThan(0.95 * expectedDrop);
    expect(before.bloodTempC - after.bloodTempC).toBeLessThan(1.0 * expectedDrop);
    expect(after.haemoglobinGPerDl / before.haemoglobinGPerDl).toBeCloseTo(vb / (vb + vp), 9);

    // A prime at blood temperature dilutes without cooling.
    const warm = patientAt(37);
    warm.apply({ do: 'cannulate', mode: 'cpb', durationS: 60, primeTemperatureC: 37 });
    warm.advance(60);
    const warmBefore = warm.snapshot();
    warm.advance(1);
    expect(Math.abs(warm.snapshot().bloodTempC - warmBefore.bloodTempC)).toBeLessThan(0.1);
  });

  it('gives a child a smaller prime, a larger share of the blood volume', () => {
    const primeOf = (
      patient: (typeof PATIENT_PRESETS)[keyof typeof PATIENT_PRESETS]['patient'],
    ) => {
      const sim = patientAt(34, patient);
      const before = sim.snapshot().haemoglobinGPerDl;
      sim.apply({ do: 'cannulate', mode: 'cpb', durationS: 0 });
      sim.advance(1);
      const ratio = sim.snapshot().haemoglobinGPerDl / before;
      const vb = sim.body.circuit.bloodVolumeL;
      return { primeL: vb * (1 / ratio - 1), shareOfBlood: 1 - ratio };
    };
    const adult = primeOf(PATIENT_PRESETS['adult-male'].patient);
    const child = primeOf(PATIENT_PRESETS.child.patient);
    const v = parameterValues();
    expect(adult.primeL).toBeCloseTo(v.cpbPrimeMl / 1000, 6);
    expect(child.primeL).toBeCloseTo(
      Math.min(v.cpbPrimeMl, v.primeVolumePerKgChildMl * PATIENT_PRESETS.child.patient.massKg) /
        1000,
      6,
    );
    expect(child.primeL).toBeLessThan(0.5 * adult.primeL);
    expect(child.shareOfBlood).toBeGreaterThan(adult.shareOfBlood);
  });
});

describe('pump', () => {
  it('cannot drain more than the blood volume allows: a toddler cannot get 6 L/min', () => {
    const run = (patient: (typeof PATIENT_PRESETS)['toddler']['patient']): Snapshot => {
      const sim = patientAt(30, patient);
      sim.apply({ do: 'cannulate', mode: 'va-ecmo', durationS: 0 });
      sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 3 });
      sim.apply({ do: 'startPump', flowLPerMin: 6 });
      sim.advance(60);
      return sim.snapshot();
    };
    const toddler = run(PATIENT_PRESETS.toddler.patient);
    expect(toddler.pumpFlowSetLPerMin).toBe(6);
    expect(toddler.pumpFlowLPerMin).toBeLessThan(2);
    expect(toddler.pumpFlowLPerMin).toBeCloseTo(toddler.pumpMaxFlowLPerMin, 9);
    expect(toddler.alarms).toContain('low-flow');
    // An adult's venous line drains about 6 L/min.
    const adult = run(PATIENT_PRESETS['adult-male'].patient);
    expect(adult.pumpFlowLPerMin).toBeGreaterThan(5.5);
    expect(adult.pumpFlowLPerMin).toBeGreaterThan(3 * toddler.pumpFlowLPerMin);
    expect(adult.alarms).not.toContain('low-flow');
  });

  /** A warm patient 10 min into an asystolic arrest, put on VA-ECMO at 4 L/min with 10 °C water and no sweep gas. */
  function coldPumpWithoutSweep(): Simulation {
    const sim = createSimulation(
      testScenario({
        start: { environment: { medium: 'air', temperatureC: 20 } },
        timeline: [{ atS: 0, action: { do: 'cardiacArrest', rhythm: 'asystole' } }],
        endS: 4 * 3600,
      }),
      { seed: 1 },
    );
    sim.advance(600);
    sim.apply({ do: 'cannulate', mode: 'va-ecmo', durationS: 0 });
    sim.apply({ do: 'setHeaterCooler', waterTemperatureC: 10 });
    sim.apply({ do: 'setOxygenator', fio2: 1, sweepLPerMin: 0 });
    sim.apply({ do: 'startPump', flowLPerMin: 4 });
    sim.advance(1);
    return sim;
  }

  it('cools the blood before oxygenating it when the sweep gas is off, and oxygenates once it is on', () => {
    const sim = coldPumpWithoutSweep();
    const start = sim.snapshot();
    let highestPo2 = start.arterialPo2MmHg;
    for (let m = 0; m < 20; m++) {
      sim.advance(60);
      highestPo2 = Math.max(highestPo2, sim.snapshot().arterialPo2MmHg);
    }
    const cooled = sim.snapshot();
    expect(cooled.bloodTempC).toBeLessThan(start.bloodTempC - 10);
    expect(cooled.pumpHeatW).toBeLessThan(0);
    expect(cooled.alarms).not.toContain('no-sweep-gas');
    // The heart is still; only the circuit moves blood, and without sweep gas it does not oxygenate
    // it: the blood stays hypoxaemic (the strict test, no oxygen added at all, is the next one).
    expect(highestPo2).toBeLessThan(100);
    expect(cooled.postOxygenatorPo2MmHg).toBeLessThan(40);
    sim.apply({ do: 'setOxygenator', fio2: 1, sweepLPerMin: 4 });
    sim.advance(120);
    const oxygenated = sim.snapshot();
    expect(oxygenated.postOxygenatorPo2MmHg).toBeGreaterThan(300);
    expect(oxygenated.arterialPo2MmHg).toBeGreaterThan(300);
    expect(oxygenated.arterialO2ContentMlPerDl).toBeGreaterThan(
      cooled.arterialO2ContentMlPerDl + 3,
    );
  });

  // With no sweep gas the oxygenator returns the venous blood's oxygen unchanged, whatever the
  // exchanger does to its temperature (a bug once made cold blood gain ~3.8 mL/dL here). Arterial
  // blood may exceed the venous pool only by what the tissues took in the last step.
  it('adds no oxygen to cold blood without sweep gas: arterial PO2 does not rise', () => {
    const sim = coldPumpWithoutSweep();
    const start = sim.snapshot();
    let excess = -Infinity;
    let highestPo2 = start.arterialPo2MmHg;
    for (let m = 0; m < 20; m++) {
      sim.advance(60);
      const s = sim.snapshot();
      excess = Math.max(excess, s.arterialO2ContentMlPerDl - s.venousO2ContentMlPerDl);
      highestPo2 = Math.max(highestPo2, s.arterialPo2MmHg);
    }
    expect(excess).toBeLessThan(0.2);
    expect(highestPo2).toBeLessThanOrEqual(start.arterialPo2MmHg + 0.5);
  });

  it('reports blood gases measured at 37 °C (alpha-stat) and corrected to the cold patient', () => {
    const s = onBypass().snapshot();
    expect(s.bloodTempC).toBeLessThan(33);
    // The same blood warmed to 37 °C in the analyser reads a higher PO2 (curve shift, less solubility).
    expect(s.arterialPo2At37MmHg).toBeGreaterThan(s.arterialPo2MmHg * 1.03);
  });
});

describe('faults, their alarms and their fixes', () => {
  it('a failing oxygenator: post-oxygenator and arterial PO2 fall; the change-out clamps the circuit, then PO2 recovers', () => {
    const sim = onBypass();
    const before = sim.snapshot();
    sim.apply({ do: 'fault', kind: 'oxygenator-failure' }, 'instructor');
    sim.advance(20 * 60);
    const failed = sim.snapshot();
    expect(failed.faults).toContain('oxygenator-failure');
    expect(failed.postOxygenatorPo2MmHg).toBeLessThan(0.5 * before.postOxygenatorPo2MmHg);
    expect(failed.arterialPo2MmHg).toBeLessThan(0.5 * before.arterialPo2MmHg);
    sim.apply({ do: 'clearFault', kind: 'oxygenator-failure' });
    sim.advance(10);
    const clamped = sim.snapshot();
    expect(clamped.faults).toEqual([]);
    expect(clamped.pumpFlowLPerMin).toBe(0);
    expect(clamped.alarms).toContain('low-flow');
    sim.advance(parameterValues().oxygenatorChangeOutS);
    const recovered = sim.snapshot();
    expect(recovered.pumpFlowLPerMin).toBeCloseTo(4.5, 9);
    expect(recovered.postOxygenatorPo2MmHg).toBeGreaterThan(0.95 * before.postOxygenatorPo2MmHg);
    expect(recovered.arterialPo2MmHg).toBeGreaterThan(0.9 * before.arterialPo2MmHg);
  });

  it('a failing oxygenator raises the oxygenator-failing alarm (low sweep, FiO2 0.6)', () => {
    const sim = onBypass();
    sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 2 });
    sim.advance(300);
    expect(sim.snapshot().alarms).not.toContain('oxygenator-failing');
    sim.apply({ do: 'fault', kind: 'oxygenator-failure' }, 'instructor');
    sim.advance(20 * 60);
    expect(sim.snapshot().alarms).toContain('oxygenator-failing');
  });

  // The alarm compares the post-oxygenator PO2 with the sweep gas's: a failed membrane is caught at
  // usual settings too.
  it('a failing oxygenator raises the oxygenator-failing alarm at usual settings (sweep = flow, FiO2 0.6)', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'oxygenator-failure' }, 'instructor');
    sim.advance(30 * 60);
    expect(sim.snapshot().alarms).toContain('oxygenator-failing');
  });

  it('a failed heater-cooler: the water drifts to room temperature; replacing it restores the set temperature', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'heater-cooler-failure' }, 'instructor');
    sim.advance(1);
    expect(sim.snapshot().alarms).toContain('heater-cooler-failure');
    sim.advance(60 * 60);
    const drifted = sim.snapshot();
    expect(drifted.heaterSetTempC).toBe(32);
    expect(Math.abs(drifted.heaterWaterTempC - drifted.environment.airTempC)).toBeLessThan(0.5);
    expect(drifted.arterialOutletTempC).toBeLessThan(25);
    sim.apply({ do: 'clearFault', kind: 'heater-cooler-failure' });
    sim.advance(20 * 60);
    const fixed = sim.snapshot();
    expect(fixed.alarms).not.toContain('heater-cooler-failure');
    expect(fixed.heaterWaterTempC).toBeCloseTo(32, 1);
  });

  it('a pump failure stops the flow; the hand crank restores some; restoring power restores it all', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'pump-failure' }, 'instructor');
    sim.advance(1);
    const failed = sim.snapshot();
    expect(failed.pumpFlowLPerMin).toBe(0);
    expect(failed.pumpHeatW).toBe(0);
    expect(failed.alarms).toEqual(expect.arrayContaining(['pump-failure', 'low-flow']));
    sim.apply({ do: 'handCrank', flowLPerMin: 2 });
    sim.advance(60);
    const cranked = sim.snapshot();
    expect(cranked.pumpFlowLPerMin).toBeCloseTo(2, 9);
    expect(cranked.postOxygenatorPo2MmHg).toBeGreaterThan(100);
    // Nobody can crank more than the hand crank's limit.
    sim.apply({ do: 'handCrank', flowLPerMin: 10 });
    sim.advance(1);
    expect(sim.snapshot().pumpFlowLPerMin).toBeCloseTo(
      parameterValues().handCrankMaxFlowLPerMin,
      9,
    );
    sim.apply({ do: 'clearFault', kind: 'pump-failure' });
    sim.advance(1);
    const fixed = sim.snapshot();
    expect(fixed.pumpFlowLPerMin).toBeCloseTo(4.5, 9);
    expect(fixed.faults).toEqual([]);
    expect(fixed.alarms).not.toContain('pump-failure');
    expect(fixed.alarms).not.toContain('low-flow');
  });

  it('air in the line stops the pump; after clearing, the pump restarts only once the line is de-aired', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'air-in-line' }, 'instructor');
    sim.advance(1);
    const stopped = sim.snapshot();
    expect(stopped.pumpFlowLPerMin).toBe(0);
    expect(stopped.pumpFlowSetLPerMin).toBe(0);
    expect(stopped.alarms).toContain('air-detected');
    sim.advance(300);
    expect(sim.snapshot().pumpFlowLPerMin).toBe(0);
    sim.apply({ do: 'clearFault', kind: 'air-in-line' });
    // Restarting while the line is still clamped for de-airing gives no flow.
    sim.apply({ do: 'startPump', flowLPerMin: 4.5 });
    sim.advance(parameterValues().deAirS / 2);
    expect(sim.snapshot().pumpFlowLPerMin).toBe(0);
    sim.advance(parameterValues().deAirS / 2 + 1);
    const restarted = sim.snapshot();
    expect(restarted.pumpFlowLPerMin).toBeCloseTo(4.5, 9);
    expect(restarted.alarms).not.toContain('air-detected');
    expect(restarted.alarms).not.toContain('low-flow');
  });

  it('a disconnected sweep line stops gas exchange: post-oxygenator PO2 falls to venous; reconnecting restores it', () => {
    const sim = onBypass();
    const before = sim.snapshot();
    sim.apply({ do: 'fault', kind: 'sweep-disconnect' }, 'instructor');
    sim.advance(2);
    const s = sim.snapshot();
    expect(s.alarms).toContain('no-sweep-gas');
    expect(s.sweepLPerMin).toBe(4.5);
    // The blood leaves the oxygenator as it came: at the venous PO2 of the blood going in.
    expect(s.postOxygenatorPo2MmHg).toBeLessThan(50);
    expect(s.arterialPo2MmHg).toBeLessThan(50);
    expect(s.arterialO2ContentMlPerDl).toBeLessThan(before.venousO2ContentMlPerDl + 0.5);
    sim.advance(600);
    expect(sim.snapshot().venousSat).toBeLessThan(before.venousSat - 0.2);
    sim.apply({ do: 'clearFault', kind: 'sweep-disconnect' });
    sim.advance(60);
    const fixed = sim.snapshot();
    expect(fixed.alarms).not.toContain('no-sweep-gas');
    expect(fixed.postOxygenatorPo2MmHg).toBeCloseTo(before.postOxygenatorPo2MmHg, -1);
  });

  it('a kinked venous line limits the flow and raises the low-flow alarm; unkinking restores the flow', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'venous-kink' }, 'instructor');
    sim.advance(1);
    const kinked = sim.snapshot();
    expect(kinked.pumpFlowSetLPerMin).toBe(4.5);
    expect(kinked.pumpFlowLPerMin).toBeCloseTo(
      parameterValues().venousKinkDrainageFraction * kinked.pumpMaxFlowLPerMin,
      9,
    );
    expect(kinked.pumpFlowLPerMin).toBeLessThan(2.5);
    expect(kinked.alarms).toContain('low-flow');
    sim.apply({ do: 'clearFault', kind: 'venous-kink' });
    sim.advance(1);
    const fixed = sim.snapshot();
    expect(fixed.pumpFlowLPerMin).toBeCloseTo(4.5, 9);
    expect(fixed.alarms).not.toContain('low-flow');
  });

  it('a fault cleared by the wrong fix stays', () => {
    const kinds: FaultKind[] = ['pump-failure', 'venous-kink'];
    const sim = onBypass();
    for (const kind of kinds) sim.apply({ do: 'fault', kind }, 'instructor');
    sim.apply({ do: 'clearFault', kind: 'sweep-disconnect' });
    sim.advance(1);
    expect(sim.snapshot().faults).toEqual(kinds);
  });
});

describe('determinism with devices', () => {
  it('gives identical snapshots for the same scenario and seed', () => {
    const scenario = testScenario({
      start: {
        environment: { medium: 'air', temperatureC: 20 },
        coreTempC: 26,
        ventilationFio2: 0.5,
      },
      timeline: [
        {
          atS: 0,
          action: { do: 'cannulate', mode: 'va-ecmo', durationS: 300, primeTemperatureC: 15 },
        },
        { atS: 0, action: { do: 'setHeaterCooler', waterTemperatureC: 34 } },
        { atS: 0, action: { do: 'setOxygenator', fio2: 0.8, sweepLPerMin: 3 } },
        { atS: 0, action: { do: 'startPump', flowLPerMin: 3.5 } },
        { atS: 0, action: { do: 'startForcedAirWarming', temperatureC: 42 } },
        { atS: 600, action: { do: 'fault', kind: 'venous-kink' } },
        { atS: 700, action: { do: 'clearFault', kind: 'venous-kink' } },
        { atS: 900, action: { do: 'giveVasodilator' } },
        { atS: 1200, action: { do: 'infuseFluid', volumeMl: 500, temperatureC: 40 } },
        { atS: 1800, action: { do: 'fault', kind: 'pump-failure' } },
        { atS: 1830, action: { do: 'handCrank', flowLPerMin: 2 } },
        { atS: 1900, action: { do: 'clearFault', kind: 'pump-failure' } },
        { atS: 2400, action: { do: 'defibrillate' } },
      ],
      endS: 3600,
    });
    const a = createSimulation(scenario, { seed: 7 });
    const b = createSimulation(scenario, { seed: 7 });
    const snapshotsA: Snapshot[] = [];
    const snapshotsB: Snapshot[] = [];
    while (!a.isFinished()) {
      a.advance(60);
      b.advance(60);
      snapshotsA.push(a.snapshot());
      snapshotsB.push(b.snapshot());
    }
    expect(snapshotsA).toEqual(snapshotsB);
    expect(Array.from(a.stateVector())).toEqual(Array.from(b.stateVector()));
    expect(snapshotsA.some((s) => s.pumpFlowLPerMin > 0)).toBe(true);
  });
});
