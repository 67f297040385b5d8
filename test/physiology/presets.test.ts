import { describe, expect, it } from 'vitest';
import {
  PATIENT_PRESET_NAMES,
  createSimulation,
  resolvePatient,
  type PatientSpec,
  type Snapshot,
} from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

/** Immersed to the neck in 10 °C water at time zero, head out and breathing. */
function coldWater(patient: PatientSpec, endS = 3600) {
  return createSimulation(
    testScenario({
      patient,
      start: { environment: { medium: 'air', temperatureC: 20, clothingClo: 1 } },
      timeline: [
        {
          atS: 0,
          action: { do: 'immerse', waterTemperatureC: 10, airPocket: true, headAboveWater: true },
        },
      ],
      endS,
    }),
  );
}

function expectAllFinite(snapshot: Snapshot, name: string): void {
  for (const [key, value] of Object.entries(snapshot)) {
    if (typeof value === 'number') expect(Number.isFinite(value), `${name}: ${key}`).toBe(true);
  }
}

describe('every preset in 10 °C water', () => {
  it.each(PATIENT_PRESET_NAMES)('%s runs an hour and cools, every output finite', (preset) => {
    const sim = coldWater(resolvePatient({ preset }));
    const start = sim.snapshot();
    expectAllFinite(start, preset);
    for (let i = 0; i < 6; i++) {
      sim.advance(600);
      expectAllFinite(sim.snapshot(), preset);
    }
    const end = sim.snapshot();
    expect(sim.isFinished()).toBe(true);
    expect(end.coreTempC).toBeLessThan(start.coreTempC - 0.5);
    expect(end.coreTempC).toBeGreaterThan(20);
    expect(end.skinTempC).toBeLessThan(20);
  });

  it("a toddler's core cools much faster than an adult man's over 30 minutes", () => {
    const coreDrop = (patient: PatientSpec) => {
      const sim = coldWater(patient, 1800);
      const start = sim.snapshot().coreTempC;
      sim.advance(1800);
      return start - sim.snapshot().coreTempC;
    };
    const adult = coreDrop(resolvePatient({ preset: 'adult-male' }));
    const toddler = coreDrop(resolvePatient({ preset: 'toddler' }));
    const child = coreDrop(resolvePatient({ preset: 'child' }));
    expect(adult).toBeGreaterThan(0.5);
    // Surface per kg: toddler ≈ 0.044 m²/kg, adult man ≈ 0.026 m²/kg.
    expect(toddler).toBeGreaterThan(1.5 * adult);
    expect(child).toBeGreaterThan(1.5 * adult);
  });

  it.each([5, 20])('a preset with haemoglobin %d g/dL runs without NaN', (haemoglobinGPerDl) => {
    const sim = coldWater(resolvePatient({ preset: 'adult-female', haemoglobinGPerDl }), 1800);
    sim.advance(1800);
    expectAllFinite(sim.snapshot(), `Hb ${haemoglobinGPerDl}`);
  });
});
