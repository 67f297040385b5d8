import { describe, expect, it } from 'vitest';
import {
  PATIENT_PRESET_NAMES,
  PATIENT_PRESETS,
  ScenarioError,
  createSimulation,
  parseScenario,
} from '../../models/index.ts';
import { scenarioJsonSchema } from '../../models/scenario/scenarioSchema.ts';

function scenarioWithPatient(patientYaml: string): string {
  return [
    'format: coldboot/scenario@1',
    'title: Test',
    'briefing: A test.',
    patientYaml,
    'start: { environment: { medium: air, temperatureC: 5 } }',
    'timeline:',
    "  - { at: '0:00', do: immerse, waterTemperatureC: 10, headAboveWater: true, airPocket: true }",
    "end: { at: '10:00' }",
  ].join('\n');
}

describe('patient presets in scenario files', () => {
  it.each(PATIENT_PRESET_NAMES)(
    'patient: { preset: %s } loads as that complete patient',
    (name) => {
      const scenario = parseScenario(scenarioWithPatient(`patient: { preset: ${name} }`), 'p.yaml');
      expect(scenario.patient).toEqual(PATIENT_PRESETS[name].patient);
      expect(scenario.patient).not.toHaveProperty('preset');
    },
  );

  it('applies fields given with a preset over the preset', () => {
    const scenario = parseScenario(
      scenarioWithPatient(
        ['patient:', '  preset: toddler', '  massKg: 15', '  haemoglobinGPerDl: 9.5'].join('\n'),
      ),
      'override.yaml',
    );
    expect(scenario.patient).toEqual({
      sex: 'female',
      ageYears: 2.5,
      massKg: 15,
      heightCm: 90.7,
      haemoglobinGPerDl: 9.5,
    });
    const sim = createSimulation(scenario);
    sim.advance(scenario.end.atS);
    expect(Number.isFinite(sim.snapshot().coreTempC)).toBe(true);
  });

  it('an override can change every field of a preset, including its sex and age', () => {
    const scenario = parseScenario(
      scenarioWithPatient(
        'patient: { preset: adult-male, sex: female, ageYears: 45, massKg: 80, heightCm: 170, bodyFatPercent: 35 }',
      ),
      'all.yaml',
    );
    expect(scenario.patient).toEqual({
      sex: 'female',
      ageYears: 45,
      massKg: 80,
      heightCm: 170,
      bodyFatPercent: 35,
    });
  });

  it('still reads a patient given field by field, with an optional haemoglobin', () => {
    const scenario = parseScenario(
      scenarioWithPatient(
        'patient: { sex: male, ageYears: 3, massKg: 14, heightCm: 95, haemoglobinGPerDl: 7 }',
      ),
      'full.yaml',
    );
    expect(scenario.patient).toEqual({
      sex: 'male',
      ageYears: 3,
      massKg: 14,
      heightCm: 95,
      haemoglobinGPerDl: 7,
    });
  });

  it('checks an override against the same ranges as a full patient', () => {
    expect(() =>
      parseScenario(scenarioWithPatient('patient: { preset: child, massKg: 300 }'), 'o.yaml'),
    ).toThrow(/o\.yaml:4: patient\.massKg: expected a number from 8 to 250 \(kg\), found 300/);
  });

  it('lists every missing field of a patient without a preset, each with the preset alternative', () => {
    let error: unknown;
    try {
      parseScenario(scenarioWithPatient('patient: { sex: male }'), 'missing.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      'patient.ageYears',
      'patient.massKg',
      'patient.heightCm',
    ]);
    for (const issue of issues) expect(issue.found).toMatch(/unless the patient has a "preset"/);
  });

  it('the JSON Schema describes a patient as a preset or the four fields', () => {
    const schema = scenarioJsonSchema() as {
      properties: { patient: Record<string, unknown> & { properties: Record<string, unknown> } };
    };
    const patient = schema.properties.patient;
    expect(Object.keys(patient.properties)).toEqual([
      'preset',
      'sex',
      'ageYears',
      'massKg',
      'heightCm',
      'bodyFatPercent',
      'haemoglobinGPerDl',
    ]);
    expect(patient.properties.preset).toMatchObject({ enum: [...PATIENT_PRESET_NAMES] });
    expect(patient.properties.haemoglobinGPerDl).toMatchObject({ minimum: 5, maximum: 20 });
    expect(patient).not.toHaveProperty('required');
    expect(patient.anyOf).toEqual([
      { required: ['preset'] },
      { required: ['sex', 'ageYears', 'massKg', 'heightCm'] },
    ]);
    expect(patient.additionalProperties).toBe(false);
  });
});
