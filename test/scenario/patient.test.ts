import { describe, expect, it } from 'vitest';
import {
  PATIENT_PRESET_NAMES,
  PATIENT_PRESETS,
  ScenarioError,
  createSimulation,
  parameterValues,
  parseScenario,
  type ScenarioIssue,
} from '../../models/index.ts';
import { buildPatient } from '../../models/engine/patient.ts';
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

describe('patients the model cannot build', () => {
  /** The issues a scenario with this patient is refused with (none when it loads). */
  function issuesOf(patientYaml: string): readonly ScenarioIssue[] {
    try {
      parseScenario(scenarioWithPatient(`patient: ${patientYaml}`), 'p.yaml');
      return [];
    } catch (error) {
      if (error instanceof ScenarioError) return error.issues;
      throw error;
    }
  }

  it('refuses an adult brain in an 8 kg, 70 cm body at the patient field, saying why', () => {
    const issues = issuesOf('{ sex: male, ageYears: 22, massKg: 8, heightCm: 70 }');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'patient', line: 4 });
    expect(issues[0]!.expected).toMatch(/a patient the model can build/);
    expect(issues[0]!.found).toMatch(
      /^a 22-year-old man of 8 kg and 70 cm: the brain \(1\.45 kg, set by age and sex\) .*\(resting blood flows exceed cardiac output\)$/,
    );
  });

  it('refuses 8 kg at 230 cm (too little lean mass), naming mass, height and blood', () => {
    const issues = issuesOf('{ preset: adult-male, massKg: 8, heightCm: 230 }');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('patient');
    expect(issues[0]!.found).toMatch(/^a 30-year-old man of 8 kg and 230 cm: .*blood \(5\.33 L/);
    expect(issues[0]!.found).toMatch(/too little lean mass/);
  });

  it('accepts exactly the patients the engine builds, across the edges of every range', () => {
    const values = parameterValues();
    let refused = 0;
    for (const sex of ['male', 'female'] as const)
      for (const ageYears of [1, 2.5, 6, 15.9, 16, 22, 80, 110])
        for (const massKg of [8, 12, 30, 70, 250])
          for (const heightCm of [70, 100, 170, 230])
            for (const bodyFatPercent of [undefined, 3, 60]) {
              const spec = {
                sex,
                ageYears,
                massKg,
                heightCm,
                ...(bodyFatPercent !== undefined ? { bodyFatPercent } : {}),
              };
              const yaml = JSON.stringify(spec);
              const loads = issuesOf(yaml).length === 0;
              let builds = true;
              try {
                buildPatient(spec, values);
              } catch {
                builds = false;
              }
              expect(loads, yaml).toBe(builds);
              if (!loads) refused++;
            }
    // Some combinations are impossible, most are not.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(480);
  });

  it('refuses in the engine too, with the same words, when parameters make a patient impossible', () => {
    const scenario = parseScenario(
      scenarioWithPatient('patient: { sex: male, ageYears: 22, massKg: 10, heightCm: 80 }'),
      'p.yaml',
    );
    expect(() =>
      createSimulation(scenario, { parameters: { brainBloodFlowMlPer100gPerMin: 60 } }),
    ).toThrow(/^patient: a 22-year-old man of 10 kg and 80 cm cannot be simulated: the brain/);
  });
});
