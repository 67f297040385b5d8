import { describe, expect, it } from 'vitest';
import {
  PATIENT_PRESET_NAMES,
  PATIENT_PRESETS,
  bodyComposition,
  parameterValues,
  resolvePatient,
  type PatientPresetName,
} from '../../models/index.ts';
import { buildPatient, haemoglobinGPerDl } from '../../models/engine/patient.ts';

const v = parameterValues();
const patientOf = (preset: PatientPresetName) => resolvePatient({ preset });
const compositionOf = (preset: PatientPresetName) => bodyComposition(patientOf(preset), v);

describe('patient presets', () => {
  it('are the five standard patients, each complete and labelled for a picker', () => {
    expect(Object.keys(PATIENT_PRESETS)).toEqual([...PATIENT_PRESET_NAMES]);
    expect(PATIENT_PRESET_NAMES).toEqual([
      'adult-male',
      'adult-female',
      'older-adult',
      'child',
      'toddler',
    ]);
    for (const name of PATIENT_PRESET_NAMES) {
      const preset = PATIENT_PRESETS[name];
      expect(preset.label.length).toBeGreaterThan(3);
      expect(preset.description.length).toBeGreaterThan(20);
      expect(['male', 'female']).toContain(preset.patient.sex);
      for (const key of ['ageYears', 'massKg', 'heightCm'] as const)
        expect(Number.isFinite(preset.patient[key])).toBe(true);
    }
  });

  it('have the ages, masses and heights of their sources (ICRP 89, WHO growth medians)', () => {
    const summary = (name: PatientPresetName) => {
      const { sex, ageYears, massKg, heightCm } = patientOf(name);
      return [sex, ageYears, massKg, heightCm];
    };
    expect(summary('adult-male')).toEqual(['male', 30, 73, 176]);
    expect(summary('adult-female')).toEqual(['female', 30, 60, 163]);
    expect(summary('older-adult')).toEqual(['male', 78, 74, 172]);
    expect(summary('child')).toEqual(['male', 6, 20.5, 116]);
    expect(summary('toddler')).toEqual(['female', 2.5, 12.7, 90.7]);
  });

  it('cannot be changed by a caller', () => {
    expect(() => {
      (PATIENT_PRESETS.toddler.patient as { massKg: number }).massKg = 99;
    }).toThrow(TypeError);
    expect(PATIENT_PRESETS.toddler.patient.massKg).toBeCloseTo(12.7, 5);
  });
});

describe('resolvePatient', () => {
  it('fills in a preset and lets the given fields override it', () => {
    expect(resolvePatient({ preset: 'toddler' })).toEqual(PATIENT_PRESETS.toddler.patient);
    expect(resolvePatient({ preset: 'toddler', massKg: 15, haemoglobinGPerDl: 9 })).toEqual({
      ...PATIENT_PRESETS.toddler.patient,
      massKg: 15,
      haemoglobinGPerDl: 9,
    });
  });

  it('ignores fields that are present but undefined', () => {
    expect(resolvePatient({ preset: 'child', massKg: undefined })).toEqual(
      PATIENT_PRESETS.child.patient,
    );
  });

  it('returns a complete patient unchanged and never carries the preset name', () => {
    const full = { sex: 'female', ageYears: 40, massKg: 70, heightCm: 165 } as const;
    expect(resolvePatient(full)).toEqual(full);
    expect(resolvePatient({ preset: 'adult-male', ageYears: 50 })).not.toHaveProperty('preset');
  });

  it('names the missing fields when there is no preset, and refuses an unknown preset', () => {
    expect(() => resolvePatient({ sex: 'male', ageYears: 40 })).toThrow(
      /patient: massKg, heightCm required without a preset \(one of adult-male, .*toddler\)/,
    );
    expect(() => resolvePatient({ preset: 'todler' as PatientPresetName })).toThrow(
      /unknown preset "todler"/,
    );
  });
});

describe('body composition of the presets', () => {
  it('children have 70–90 mL of blood per kg, adults 3.5–6 L', () => {
    for (const name of ['child', 'toddler'] as const) {
      const b = compositionOf(name);
      const perKg = (b.bloodVolumeL * 1000) / b.massKg;
      expect(perKg, name).toBeGreaterThanOrEqual(70);
      expect(perKg, name).toBeLessThanOrEqual(90);
    }
    for (const name of ['adult-male', 'adult-female', 'older-adult'] as const) {
      const b = compositionOf(name);
      expect(b.bloodVolumeL, name).toBeGreaterThan(3.5);
      expect(b.bloodVolumeL, name).toBeLessThan(6);
    }
    // Nadler: a woman of 60 kg has less blood than a man of 73 kg.
    expect(compositionOf('adult-female').bloodVolumeL).toBeLessThan(
      compositionOf('adult-male').bloodVolumeL - 0.8,
    );
  });

  it('brain mass is plausible for age, and a far larger share of a small child', () => {
    const brain = (name: PatientPresetName) => compositionOf(name).brainKg;
    expect(brain('toddler')).toBeGreaterThan(0.9); // ≈ 1.0–1.1 kg at 2–3 years
    expect(brain('toddler')).toBeLessThan(1.2);
    expect(brain('child')).toBeGreaterThan(1.2); // ≈ 90 % of adult size by 6 years
    expect(brain('child')).toBeLessThan(1.45);
    for (const name of ['adult-male', 'adult-female', 'older-adult'] as const) {
      expect(brain(name), name).toBeGreaterThan(1.2);
      expect(brain(name), name).toBeLessThan(1.6);
    }
    const share = (name: PatientPresetName) => brain(name) / compositionOf(name).massKg;
    expect(share('toddler')).toBeGreaterThan(3 * share('adult-male'));
  });

  it('body fat falls in the ranges of doc/research-notes.md for each group', () => {
    const ranges: Record<PatientPresetName, [number, number]> = {
      'adult-male': [10, 28],
      'adult-female': [20, 38],
      'older-adult': [18, 32],
      child: [12, 25],
      toddler: [18, 28],
    };
    for (const name of PATIENT_PRESET_NAMES) {
      const fat = compositionOf(name).bodyFatPercent;
      expect(fat, name).toBeGreaterThanOrEqual(ranges[name][0]);
      expect(fat, name).toBeLessThanOrEqual(ranges[name][1]);
    }
  });

  it('a small child has more skin per kg than an adult', () => {
    const perKg = (name: PatientPresetName) =>
      compositionOf(name).surfaceAreaM2 / compositionOf(name).massKg;
    expect(perKg('toddler')).toBeGreaterThan(1.5 * perKg('adult-male'));
    expect(perKg('child')).toBeGreaterThan(1.4 * perKg('adult-male'));
  });
});

describe('haemoglobin of the presets', () => {
  const hb = (name: PatientPresetName) => haemoglobinGPerDl(patientOf(name), v);

  it('is lower in a toddler and a child than in an adult man, and lower in a woman', () => {
    expect(hb('toddler')).toBeLessThan(hb('adult-male'));
    expect(hb('child')).toBeLessThan(hb('adult-male'));
    expect(hb('adult-female')).toBeLessThan(hb('adult-male'));
    expect(hb('toddler')).toBeGreaterThanOrEqual(11); // WHO anaemia threshold at 6–59 months
  });

  it('a haemoglobin given with a preset reaches the oxygen model', () => {
    const body = buildPatient(resolvePatient({ preset: 'toddler', haemoglobinGPerDl: 9 }), v);
    expect(body.oxygen.haemoglobinGPerDl).toBe(9);
    expect(buildPatient(patientOf('toddler'), v).oxygen.haemoglobinGPerDl).toBe(hb('toddler'));
  });
});
