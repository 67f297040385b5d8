// The scenario format, coldboot/scenario@1, defined once: it validates files and generates the JSON
// Schema for editors. Field names and the action vocabulary follow doc/scenario-format.md.

import type { Action } from '../engine/actions.ts';
import {
  boolean,
  describeFound,
  field,
  list,
  number,
  object,
  oneOf,
  optional,
  report,
  tagged,
  text,
  time,
  transform,
  type Schema,
} from './schema.ts';
import {
  isPatientPresetName,
  PATIENT_PRESET_NAMES,
  PATIENT_REQUIRED_FIELDS,
  resolvePatient,
  type PatientSpec,
} from '../parameters/body.ts';
import { SCENARIO_FORMAT } from './types.ts';

/** Longest scenario a file may describe, s (72 h). */
export const MAX_SCENARIO_DURATION_S = 72 * 3600;
export const MAX_TIMELINE_ENTRIES = 2000;

const airTemperatureC = number({ min: -60, max: 50, unit: '°C' });
const waterTemperatureC = number({ min: -2, max: 45, unit: '°C' });
const windMPerS = number({ min: 0, max: 40, unit: 'm/s' });
const clothingClo = number({ min: 0, max: 4, unit: 'clo' });

const environment = object({
  medium: field(oneOf(['air', 'water'] as const), 'air, or water to the neck'),
  temperatureC: field(number({ min: -60, max: 50, unit: '°C' }), 'temperature of the medium'),
  windMPerS: optional(windMPerS, 'wind speed in air'),
  clothingClo: optional(clothingClo, 'clothing insulation in air (1 clo ≈ a business suit)'),
});

const at = field(time({ max: MAX_SCENARIO_DURATION_S }), 'when the action happens');

const quotedPresets = PATIENT_PRESET_NAMES.map((name) => `"${name}"`);
const presetList = `${quotedPresets.slice(0, -1).join(', ')} or ${quotedPresets.at(-1)!}`;

/**
 * The patient: `{ preset: toddler }`, optionally with fields overriding the preset, or every field.
 * Validates to a complete PatientSpec (the preset filled in), so the engine never sees presets.
 */
const patientFields = transform(
  object(
    {
      preset: optional(
        oneOf(PATIENT_PRESET_NAMES),
        'a standard patient (doc/scenario-format.md); fields given alongside override it',
      ),
      sex: optional(
        oneOf(['male', 'female'] as const),
        'male or female (required without a preset)',
      ),
      ageYears: optional(
        number({ min: 1, max: 110, unit: 'years' }),
        'age in years (required without a preset)',
      ),
      massKg: optional(
        number({ min: 8, max: 250, unit: 'kg' }),
        'body mass in kg (required without a preset)',
      ),
      heightCm: optional(
        number({ min: 70, max: 230, unit: 'cm' }),
        'height in cm (required without a preset)',
      ),
      bodyFatPercent: optional(
        number({ min: 3, max: 60, unit: '%' }),
        'body fat in % of mass; estimated from BMI, age and sex when absent',
      ),
      haemoglobinGPerDl: optional(
        number({ min: 5, max: 20, unit: 'g/dL' }),
        'haemoglobin in g/dL; from age and sex when absent',
      ),
    },
    {
      expected:
        'a group of fields: a "preset" (e.g. { preset: toddler }), or sex, ageYears, massKg and heightCm',
      requiredUnless: {
        field: 'preset',
        fields: PATIENT_REQUIRED_FIELDS,
        note: `required unless the patient has a "preset": ${presetList}`,
      },
    },
  ),
  resolvePatient,
);

/** As patientFields, with a hint when a preset's name is written alone (`patient: toddler`). */
const patient: Schema<PatientSpec> = {
  ...patientFields,
  validate(value, path, ctx) {
    if (typeof value === 'string' && isPatientPresetName(value)) {
      return report(
        ctx,
        path,
        patientFields.expected,
        `${describeFound(value)} (write { preset: ${value} })`,
      );
    }
    return patientFields.validate(value, path, ctx);
  },
};

/** Timeline entries: `at` plus one action. Keys are the action names. */
const actionEntries = {
  setEnvironment: object({
    at,
    do: field(oneOf(['setEnvironment'] as const)),
    medium: field(oneOf(['air', 'water'] as const)),
    temperatureC: field(number({ min: -60, max: 50, unit: '°C' })),
    windMPerS: optional(windMPerS),
    clothingClo: optional(clothingClo),
  }),
  immerse: object({
    at,
    do: field(oneOf(['immerse'] as const)),
    waterTemperatureC: field(waterTemperatureC),
    airPocket: optional(boolean(), 'true when the patient can still breathe'),
    headAboveWater: optional(boolean(), 'true when only the body is in the water'),
  }),
  extricate: object({
    at,
    do: field(oneOf(['extricate'] as const)),
    airTemperatureC: field(airTemperatureC),
    windMPerS: optional(windMPerS),
  }),
  message: object({
    at,
    do: field(oneOf(['message'] as const)),
    text: field(text({ maxLength: 2000 })),
  }),
  pause: object({ at, do: field(oneOf(['pause'] as const)) }),
  stopBreathing: object({ at, do: field(oneOf(['stopBreathing'] as const)) }),
  resumeBreathing: object({ at, do: field(oneOf(['resumeBreathing'] as const)) }),
  cardiacArrest: object({
    at,
    do: field(oneOf(['cardiacArrest'] as const)),
    rhythm: field(oneOf(['vf', 'asystole', 'pea'] as const), 'the arrest rhythm'),
  }),
  startCpr: object({
    at,
    do: field(oneOf(['startCpr'] as const)),
    mode: optional(oneOf(['manual', 'mechanical'] as const), 'default manual'),
  }),
  stopCpr: object({ at, do: field(oneOf(['stopCpr'] as const)) }),
  ventilate: object({
    at,
    do: field(oneOf(['ventilate'] as const)),
    fio2: field(number({ min: 0.21, max: 1, unit: 'fraction' }), 'inspired oxygen fraction'),
  }),
  stopVentilation: object({ at, do: field(oneOf(['stopVentilation'] as const)) }),
  defibrillate: object({ at, do: field(oneOf(['defibrillate'] as const)) }),
} as const;

/** Actions of the design's vocabulary that this version cannot simulate yet. */
const NOT_YET_SIMULATED = Object.fromEntries(
  [
    'applyIcePacks',
    'removeIcePacks',
    'startForcedAirWarming',
    'stopForcedAirWarming',
    'infuseFluid',
    'startLavage',
    'stopLavage',
    'giveVasodilator',
    'cannulate',
    'startPump',
    'setPumpFlow',
    'stopPump',
    'setHeaterCooler',
    'setOxygenator',
    'decannulate',
    'fault',
    'clearFault',
  ].map((name) => [name, 'an action this version of ColdBoot does not simulate yet']),
);

type Entry = { at: number } & Action;

const timelineEntry = tagged<Entry>(
  'do',
  actionEntries as unknown as Record<string, Schema<Entry>>,
  {
    unsupported: NOT_YET_SIMULATED,
    describeChoices: 'an action named in doc/scenario-format.md',
  },
);

export const scenarioSchema = object(
  {
    format: field(oneOf([SCENARIO_FORMAT] as const), 'file format and version'),
    title: field(text({ maxLength: 120 }), 'short title shown in the library'),
    briefing: field(text({ maxLength: 10000 }), 'the story learners read before they start'),
    patient: field(patient, 'a preset, or sex, age, mass and height'),
    start: field(
      object({
        environment: field(environment, 'where the patient has been before time zero'),
        coreTempC: optional(
          number({ min: 10, max: 40, unit: '°C' }),
          'core temperature at time zero (default 37)',
        ),
        ventilationFio2: optional(
          number({ min: 0.21, max: 1, unit: 'fraction' }),
          'already on a ventilator at time zero, with this inspired O2 fraction',
        ),
      }),
    ),
    timeline: optional(list(timelineEntry, { maxItems: MAX_TIMELINE_ENTRIES }), 'actions at times'),
    end: field(
      object({ at: field(time({ max: MAX_SCENARIO_DURATION_S }), 'when the scenario ends') }),
    ),
  },
  { description: 'A ColdBoot classroom scenario (coldboot/scenario@1)' },
);

/** JSON Schema of the scenario format, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'ColdBoot scenario',
    ...scenarioSchema.jsonSchema(),
  };
}
