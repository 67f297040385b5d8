// The scenario format, coldboot/scenario@1, defined once: it validates files and generates the JSON
// Schema for editors. Field names and the action vocabulary follow doc/scenario-format.md.

import type { Action, RemedyKind } from '../core/actions.ts';
import { FAULT_KINDS } from '../devices/faults.ts';
import {
  INVALID,
  boolean,
  describeFound,
  didYouMean,
  field,
  fieldNames,
  list,
  number,
  object,
  oneOf,
  optional,
  ref,
  report,
  tagged,
  text,
  time,
  timeBefore,
  transform,
  type ExactlyOne,
  type ObjectOptions,
  type ObjectSchema,
  type Refinement,
  type Schema,
  type Shape,
} from './schema.ts';
import { conditionJsonSchemaDefs, conditionSchema, type Condition } from './condition.ts';
import {
  isPatientPresetName,
  PATIENT_PRESET_NAMES,
  PATIENT_REQUIRED_FIELDS,
  resolvePatient,
  type PatientSpec,
} from '../parameters/body.ts';
import { patientProblem } from '../engine/patientCheck.ts';
import { SCENARIO_FORMAT, SCENARIO_LEVELS, type ActionFieldTest } from './types.ts';

/** Longest scenario a file may describe, s (72 h). */
export const MAX_SCENARIO_DURATION_S = 72 * 3600;
export const MAX_TIMELINE_ENTRIES = 2000;

const FAULT_KIND_NAMES = FAULT_KINDS;

const REMEDY_KINDS = [
  'check-lines',
  'check-gas-line',
  'check-power',
  'de-air',
  'change-oxygenator',
  'change-heater-cooler',
] as const satisfies readonly RemedyKind[];

/**
 * Temperatures of the surroundings, °C: the one definition of each medium's range, for `immerse`,
 * `extricate`, `setEnvironment` and the start environment alike (water is liquid: from the freezing
 * point of sea water to a hot bath).
 */
export const SURROUNDINGS_TEMPERATURE_C = Object.freeze({
  air: Object.freeze({ min: -60, max: 50 }),
  water: Object.freeze({ min: -2, max: 45 }),
});

const airTemperatureC = number({ ...SURROUNDINGS_TEMPERATURE_C.air, unit: '°C' });
const waterTemperatureC = number({ ...SURROUNDINGS_TEMPERATURE_C.water, unit: '°C' });

/**
 * `medium` and `temperatureC` together (the start environment, `setEnvironment`): the temperature
 * schema takes the wider air range, and water must also be within its own.
 */
const temperatureOfMedium: Refinement = {
  check(value, path, ctx) {
    if (value.medium !== 'water') return true;
    const { min, max } = SURROUNDINGS_TEMPERATURE_C.water;
    const t = value.temperatureC as number;
    if (t >= min && t <= max) return true;
    report(
      ctx,
      [...path, 'temperatureC'],
      `${waterTemperatureC.expected} in water (medium: water)`,
      describeFound(t),
    );
    return false;
  },
  jsonSchema: {
    if: { properties: { medium: { const: 'water' } }, required: ['medium'] },
    then: {
      properties: {
        temperatureC: {
          minimum: SURROUNDINGS_TEMPERATURE_C.water.min,
          maximum: SURROUNDINGS_TEMPERATURE_C.water.max,
        },
      },
    },
  },
};
const windMPerS = number({ min: 0, max: 40, unit: 'm/s' });
const clothingClo = number({ min: 0, max: 4, unit: 'clo' });

/** A short name: letters, digits and dashes. */
const identifier: Schema<string> = {
  expected: 'a short name of letters, digits and dashes (up to 60), e.g. cool-first',
  validate(value, path, ctx) {
    if (typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/.test(value)) return value;
    return report(ctx, path, identifier.expected, describeFound(value));
  },
  jsonSchema: () => ({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$' }),
};

const environment = object(
  {
    medium: field(oneOf(['air', 'water'] as const), 'air, or water to the neck'),
    temperatureC: field(airTemperatureC, 'temperature of the medium (water: -2 to 45 °C)'),
    windMPerS: optional(windMPerS, 'wind speed in air'),
    clothingClo: optional(clothingClo, 'clothing insulation in air (1 clo ≈ a business suit)'),
  },
  { refine: temperatureOfMedium },
);

const at = field(time({ max: MAX_SCENARIO_DURATION_S }), 'when the action happens');

/** An action's variant: `at`, `do` naming the action, then the action's own fields. */
function action<const N extends string, F extends Shape = Record<never, never>>(
  name: N,
  fields: F = {} as F,
  options: ObjectOptions = {},
) {
  return object({ at, do: field(oneOf([name])), ...fields }, options);
}

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

/**
 * As patientFields, with a hint when a preset's name is written alone (`patient: toddler`), and
 * refusing a combination the engine cannot build (an adult's brain in an 8 kg body): the same check
 * the engine makes, with the model's default parameters.
 */
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
    const result = patientFields.validate(value, path, ctx);
    if (result === INVALID) return INVALID;
    const problem = patientProblem(result);
    if (problem === undefined) return result;
    return report(
      ctx,
      path,
      'a patient the model can build (a plausible combination of sex, age, mass, height and body fat)',
      problem,
    );
  },
};

/** Timeline entries: `at` plus one action. Keys are the action names. */
const actionEntries = {
  setEnvironment: action(
    'setEnvironment',
    {
      medium: field(oneOf(['air', 'water'] as const)),
      temperatureC: field(airTemperatureC, 'temperature of the medium (water: -2 to 45 °C)'),
      windMPerS: optional(windMPerS),
      clothingClo: optional(clothingClo),
    },
    { refine: temperatureOfMedium },
  ),
  immerse: action('immerse', {
    waterTemperatureC: field(waterTemperatureC),
    airPocket: optional(boolean(), 'true when the patient can still breathe'),
    headAboveWater: optional(boolean(), 'true when only the body is in the water'),
  }),
  extricate: action('extricate', {
    airTemperatureC: field(airTemperatureC),
    windMPerS: optional(windMPerS),
  }),
  message: action('message', {
    text: field(text({ maxLength: 2000 })),
  }),
  pause: action('pause'),
  stopBreathing: action('stopBreathing'),
  resumeBreathing: action('resumeBreathing'),
  cardiacArrest: action('cardiacArrest', {
    rhythm: field(oneOf(['vf', 'asystole', 'pea'] as const), 'the arrest rhythm'),
  }),
  startCpr: action('startCpr', {
    mode: optional(oneOf(['manual', 'mechanical'] as const), 'default manual'),
  }),
  stopCpr: action('stopCpr'),
  ventilate: action('ventilate', {
    fio2: field(number({ min: 0.21, max: 1, unit: 'fraction' }), 'inspired oxygen fraction'),
  }),
  stopVentilation: action('stopVentilation'),
  defibrillate: action('defibrillate'),
  applyIcePacks: action('applyIcePacks'),
  removeIcePacks: action('removeIcePacks'),
  startForcedAirWarming: action('startForcedAirWarming', {
    temperatureC: field(number({ min: 20, max: 45, unit: '°C' }), 'temperature of the blown air'),
  }),
  stopForcedAirWarming: action('stopForcedAirWarming'),
  infuseFluid: action('infuseFluid', {
    volumeMl: field(number({ min: 1, max: 5000, unit: 'mL' }), 'volume to infuse'),
    temperatureC: field(number({ min: 0, max: 43, unit: '°C' }), 'temperature of the fluid'),
  }),
  startLavage: action('startLavage', {
    site: field(oneOf(['bladder', 'gastric', 'thoracic'] as const), 'where the fluid is cycled'),
    temperatureC: field(number({ min: 0, max: 43, unit: '°C' }), 'temperature of the fluid'),
  }),
  stopLavage: action('stopLavage'),
  giveVasodilator: action('giveVasodilator'),
  cannulate: action('cannulate', {
    mode: field(
      oneOf(['va-ecmo', 'cpb'] as const),
      'va-ecmo (bedside, femoral) or cpb (cardiopulmonary bypass in theatre)',
    ),
    primeTemperatureC: optional(
      number({ min: 0, max: 42, unit: '°C' }),
      "temperature of the circuit's prime (default: the room's)",
    ),
    primeVolumeMl: optional(
      number({ min: 0, max: 3000, unit: 'mL' }),
      "prime volume (default: the circuit's, smaller for children)",
    ),
    durationS: optional(
      time({
        max: 4 * 3600,
        description: 'how long cannulation takes (default 15 min VA-ECMO, 30 min CPB)',
      }),
    ),
  }),
  startPump: action('startPump', {
    flowLPerMin: field(number({ min: 0, max: 8, unit: 'L/min' }), 'pump flow'),
  }),
  setPumpFlow: action('setPumpFlow', {
    flowLPerMin: field(number({ min: 0, max: 8, unit: 'L/min' }), 'pump flow'),
  }),
  stopPump: action('stopPump'),
  setHeaterCooler: action('setHeaterCooler', {
    waterTemperatureC: field(number({ min: 2, max: 42, unit: '°C' }), 'heater-cooler water'),
  }),
  setOxygenator: action('setOxygenator', {
    fio2: field(number({ min: 0.21, max: 1, unit: 'fraction' }), 'O2 fraction of the sweep gas'),
    sweepLPerMin: field(
      number({ min: 0, max: 10, unit: 'L/min' }),
      'sweep gas flow; 0 means no gas exchange',
    ),
  }),
  handCrank: action('handCrank', {
    flowLPerMin: field(number({ min: 0, max: 4, unit: 'L/min' }), 'flow turned by hand'),
  }),
  decannulate: action('decannulate'),
  fault: action('fault', {
    kind: field(oneOf(FAULT_KIND_NAMES), 'which fault'),
  }),
  clearFault: action('clearFault', {
    kind: field(oneOf(FAULT_KIND_NAMES), 'which fault the fix is for'),
  }),
  remedy: action('remedy', {
    remedy: field(oneOf(REMEDY_KINDS), 'what the perfusionist does'),
  }),
  acknowledgeAlarms: action('acknowledgeAlarms'),
} as const;

type Entry = { at: number } & Action;

// ---------------------------------------------------------------------------------------------------
// Below: how actions are used in files (timeline at times and on triggers, history before time zero,
// the expert's actions, run logs), objectives, end conditions and the whole scenario. The action
// variants above are the single source of every action's fields.

const actionVariants = actionEntries as unknown as Readonly<Record<string, ObjectSchema<Entry>>>;

/** Names of the actions this version simulates, in the order of doc/scenario-format.md. */
export function actionNames(): readonly string[] {
  return Object.keys(actionVariants);
}

/** Field names of an action (without `at` and `do`), or undefined for an unknown action. */
export function actionFieldNames(name: string): readonly string[] | undefined {
  const variant = Object.prototype.hasOwnProperty.call(actionVariants, name)
    ? actionVariants[name]
    : undefined;
  if (variant === undefined) return undefined;
  return Object.keys(variant.fields).filter((f) => f !== 'at' && f !== 'do');
}

/** The fields of an action variant without its `at`, so entries can add their own time field. */
function actionFields(variant: ObjectSchema<Entry>): Shape {
  const { at: _at, ...rest } = variant.fields;
  return rest;
}

/** Text for the instructor only (a `$ref` to `#/$defs/note` in the JSON Schema). */
const noteText = text({ maxLength: 2000 });
const note = optional(
  ref('note', () => noteText),
  'for the instructor only: never shown to learners, never part of a run',
);

/**
 * Entries made of `timeField` plus one action, with extra fields, as a schema told apart by `do`.
 * Used for timeline, history, expert and run-log entries so every action is defined once.
 */
export function actionEntrySchema(
  timeFields: Shape,
  extraFields: Shape,
  options: {
    readonly exactlyOne?: ExactlyOne;
    readonly extraVariants?: Record<string, Shape>;
  } = {},
): Schema<RawEntry> {
  const variants: Record<string, Schema<RawEntry>> = {};
  for (const [name, variant] of Object.entries(actionVariants)) {
    const refine = variant.options.refine;
    variants[name] = object(
      { ...timeFields, ...actionFields(variant), ...extraFields },
      {
        ...(options.exactlyOne ? { exactlyOne: options.exactlyOne } : {}),
        ...(refine ? { refine } : {}),
      },
    ) as unknown as Schema<RawEntry>;
  }
  for (const [name, fields] of Object.entries(options.extraVariants ?? {})) {
    variants[name] = object(
      { ...timeFields, ...fields, ...extraFields },
      options.exactlyOne ? { exactlyOne: options.exactlyOne } : {},
    ) as unknown as Schema<RawEntry>;
  }
  return tagged<RawEntry>('do', variants, {
    describeChoices: 'an action named in doc/scenario-format.md',
  });
}

/** An entry as validated, before the loader turns it into timeline entries and triggers. */
export type RawEntry = Record<string, unknown> & {
  readonly do: string;
  readonly at?: number;
  readonly when?: Condition;
  readonly repeat?: boolean;
  readonly note?: string;
  readonly source?: 'scenario' | 'learner' | 'instructor';
};

/** A time from 0 to the longest scenario (a `$ref` to `#/$defs/time` in the JSON Schema). */
const timeFromZero = time({ max: MAX_SCENARIO_DURATION_S });
const atTime = ref('time', () => timeFromZero);

/** Longest history before time zero, s (24 h). */
export const MAX_HISTORY_S = 24 * 3600;
const timeBeforeZero = timeBefore({ max: MAX_HISTORY_S });
export const MAX_HISTORY_ENTRIES = 200;
export const MAX_OBJECTIVES = 50;
export const MAX_EXPERT_ACTIONS = 2000;

/** `prompt`: a question for learners; it shows the text and pauses the run. Not an engine action. */
const promptFields: Shape = {
  do: field(oneOf(['prompt'] as const)),
  text: field(text({ maxLength: 2000 }), 'the question shown to learners; the run pauses'),
};

const timelineEntry = actionEntrySchema(
  {
    at: optional(atTime, 'when the action happens (or use "when")'),
    when: optional(conditionSchema, 'a condition on outputs that fires the action (or use "at")'),
  },
  {
    repeat: optional(
      boolean(),
      'with "when": fire again each time the condition holds anew (default: fire once)',
    ),
    note,
  },
  {
    exactlyOne: {
      fields: ['at', 'when'],
      expected: 'a time "at" or a trigger "when" (exactly one of the two)',
    },
    extraVariants: { prompt: promptFields },
  },
);

const historyEntry = actionEntrySchema(
  {
    at: field(
      ref('timeBeforeZero', () => timeBeforeZero),
      'when, before time zero, the action happened (e.g. "-20:00")',
    ),
  },
  { note },
);

/** The expert's actions: learner actions at times, like a run log's. */
const expertEntry = actionEntrySchema({ at: field(atTime, 'when the expert acts') }, {});

/** An action's name where objectives refer to one. */
const actionName: Schema<string> = {
  expected: 'an action named in doc/scenario-format.md',
  validate(value, path, ctx) {
    const names = actionNames();
    if (typeof value === 'string' && names.includes(value)) return value;
    const why = typeof value === 'string' ? didYouMean(value, names) : '';
    return report(
      ctx,
      path,
      'an action named in doc/scenario-format.md',
      describeFound(value) + why,
    );
  },
  jsonSchema: () => ({ enum: [...actionNames()] }),
};

/** `where: { fio2: { above: 0.5 }, mode: cpb }`: which actions an objective counts. */
const WHERE_EXPECTED = 'a group of action fields, each a value or { below / above: number }';
const whereSchema: Schema<Record<string, ActionFieldTest>> = {
  expected: WHERE_EXPECTED,
  validate(value, path, ctx) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return report(ctx, path, WHERE_EXPECTED, describeFound(value));
    const record = value as Record<string, unknown>;
    const keys = fieldNames(record, path, ctx);
    if (keys === INVALID) return INVALID;
    const out: Record<string, ActionFieldTest> = {};
    let ok = true;
    for (const key of keys) {
      const test = record[key];
      if (typeof test === 'string' || typeof test === 'number' || typeof test === 'boolean') {
        out[key] = { equals: test };
        continue;
      }
      const compared = comparison.validate(test, [...path, key], ctx);
      if (compared === INVALID) ok = false;
      else out[key] = compared;
    }
    if (Object.keys(value).length === 0) {
      report(ctx, path, WHERE_EXPECTED, 'an empty group');
      ok = false;
    }
    return ok ? out : INVALID;
  },
  jsonSchema: () => ({
    type: 'object',
    minProperties: 1,
    additionalProperties: {
      oneOf: [{ type: ['string', 'number', 'boolean'] }, { $ref: '#/$defs/comparison' }],
    },
  }),
};

const comparison = object(
  {
    below: optional(number({ min: -1e9, max: 1e9 })),
    above: optional(number({ min: -1e9, max: 1e9 })),
  },
  { expected: 'a value, or a group of fields "below" and/or "above" with numbers' },
);

export const OBJECTIVE_CHECKS = ['reach', 'avoid', 'do', 'notDo', 'order', 'atEnd'] as const;

const objectiveSchema = object(
  {
    id: field(
      identifier,
      'a short name, unique in the scenario (letters, digits and dashes), e.g. cool-first',
    ),
    text: field(text({ maxLength: 500 }), 'what learners are asked to do'),
    weight: optional(
      number({ min: 0.1, max: 100 }),
      'share of the score relative to the other objectives (default 1)',
    ),
    reach: optional(conditionSchema, 'met if the condition holds at some moment (in the span)'),
    avoid: optional(conditionSchema, 'met if the condition never holds (in the span)'),
    do: optional(actionName, 'met if learners do this action (in the span)'),
    notDo: optional(actionName, 'met if learners never do this action (in the span)'),
    order: optional(
      list(actionName, { minItems: 2, maxItems: 20 }),
      'met if learners first do these actions in this order',
    ),
    atEnd: optional(conditionSchema, 'met if the condition holds when the run ends'),
    where: optional(whereSchema, 'with do/notDo: count only actions whose fields match'),
    onlyWhen: optional(conditionSchema, 'with do: every counted action is done while this holds'),
    after: optional(atTime, 'the span starts at this time (default 0:00)'),
    before: optional(atTime, 'the span ends at this time (default the end)'),
    note,
  },
  {
    exactlyOne: {
      fields: OBJECTIVE_CHECKS,
      expected: 'one check: reach, avoid, do, notDo, order or atEnd',
    },
  },
);

export const scenarioSchema = object(
  {
    format: field(oneOf([SCENARIO_FORMAT] as const), 'file format and version'),
    title: field(text({ maxLength: 120 }), 'short title shown in the library'),
    summary: optional(
      text({ maxLength: 200 }),
      'one line for the library: what the scenario is about',
    ),
    level: optional(
      oneOf(SCENARIO_LEVELS),
      'for the library: introductory, intermediate or advanced',
    ),
    briefing: field(text({ maxLength: 10000 }), 'the story learners read before they start'),
    instructorNotes: optional(
      text({ maxLength: 20000 }),
      'for the instructor only: how to run the class, what to watch for',
    ),
    teachingNotes: optional(
      text({ maxLength: 20000 }),
      'the physiology this case teaches, shown to learners in the debrief',
    ),
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
        history: optional(
          list(historyEntry, { maxItems: MAX_HISTORY_ENTRIES }),
          'actions before time zero, simulated from the start profile (e.g. immersion, arrest)',
        ),
      }),
    ),
    timeline: optional(
      list(timelineEntry, { maxItems: MAX_TIMELINE_ENTRIES }),
      'actions at times ("at") and on triggers ("when")',
    ),
    objectives: optional(
      list(objectiveSchema, { maxItems: MAX_OBJECTIVES }),
      'what learners are graded on',
    ),
    expert: optional(
      object({
        actions: field(
          list(expertEntry, { maxItems: MAX_EXPERT_ACTIONS }),
          'the model solution: learner actions at times',
        ),
        note: optional(text({ maxLength: 5000 }), 'why the expert acts so (shown in the debrief)'),
      }),
      "the scenario's model solution, graded and compared in the debrief",
    ),
    end: field(
      object(
        {
          at: optional(atTime, 'when the scenario ends at the latest (default 72:00:00)'),
          when: optional(conditionSchema, 'end earlier, as soon as this condition holds'),
        },
        { expected: 'a group of fields: a time "at", a condition "when", or both' },
      ),
      'when the scenario ends: at a time and/or on a condition',
    ),
  },
  { description: 'A ColdBoot classroom scenario (coldboot/scenario@1)' },
);

/** JSON Schema of the scenario format, for editors (written to doc/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://coldboot.example/scenario.schema.json',
    title: 'ColdBoot scenario',
    ...scenarioSchema.jsonSchema(),
    $defs: {
      ...conditionJsonSchemaDefs(),
      time: timeFromZero.jsonSchema(),
      timeBeforeZero: timeBeforeZero.jsonSchema(),
      note: noteText.jsonSchema(),
    },
  };
}
