// Body build: turns a patient description (sex, age, mass, height) into compartment masses, heat
// capacities, resting metabolism and blood flows. Formulas and constants are cited beside each use.

import { parameter } from './parameter.ts';
import type { ParameterValues } from './index.ts';
import { PatientError, roundedForMessage } from './patientError.ts';
import { pow } from '../math/detmath.ts';

/** What a scenario says about the patient. */
export interface PatientSpec {
  readonly sex: 'male' | 'female';
  /** Age, years. */
  readonly ageYears: number;
  /** Body mass, kg. */
  readonly massKg: number;
  /** Height, cm. */
  readonly heightCm: number;
  /** Body fat as a percentage of mass; estimated from BMI, age and sex when absent. */
  readonly bodyFatPercent?: number;
  /** Haemoglobin, g/dL; from age and sex when absent. */
  readonly haemoglobinGPerDl?: number;
}

/** Names of the standard patients a scenario can start from (`patient: { preset: toddler }`). */
export const PATIENT_PRESET_NAMES = [
  'adult-male',
  'adult-female',
  'older-adult',
  'child',
  'toddler',
] as const;
export type PatientPresetName = (typeof PATIENT_PRESET_NAMES)[number];

/** A standard patient: a complete description, with words for a picker. */
export interface PatientPreset {
  /** Short name for a picker, e.g. "Toddler (2½ years)". */
  readonly label: string;
  /** One sentence on who this is and where the numbers come from. */
  readonly description: string;
  readonly patient: PatientSpec;
}

/**
 * The standard patients. Only sex, age, mass and height are given: body fat (Deurenberg), blood
 * volume (Nadler in adults, childBloodVolumeMlPerKg in children), brain mass (age curve), organ
 * masses, resting metabolism, heart rate and haemoglobin (by age and sex) all follow from them.
 * Sources:
 * - adult-male, adult-female: ICRP Publication 89 (2002) reference adults, 73 kg/176 cm and
 *   60 kg/163 cm [recall; doc/research-notes.md §1]; age 30 because ICRP's reference adult is 20–30 y
 *   [recall], which puts Deurenberg's body fat (19 %, 29 %) at ICRP's ≈ 20 % and ≈ 30 % [derived].
 * - older-adult: a 78-year-old man, 74 kg/172 cm [recall, rounded: men in their seventies in
 *   European and US surveys are about 170–175 cm and 75–85 kg]; men because most deaths from
 *   accidental hypothermia are men [recall].
 * - child: a 6-year-old boy at the WHO growth reference median, 20.5 kg/116 cm (WHO 2007 reference,
 *   72 months: weight M 20.51 kg, height M 115.95 cm [read: WHO LMS tables as copied in
 *   github.com/clentfort/adameter src/data/growth-standards]).
 * - toddler: a girl of 2½ years at the WHO growth standard median, 12.7 kg/90.7 cm (WHO 2006
 *   standards, day 913: weight M 12.70 kg, height M 90.68 cm [read, same copy]).
 */
export const PATIENT_PRESETS: Readonly<Record<PatientPresetName, PatientPreset>> = Object.freeze({
  'adult-male': Object.freeze({
    label: 'Adult man',
    description: 'A 30-year-old man of 73 kg and 176 cm (ICRP 89 reference male).',
    patient: Object.freeze({ sex: 'male', ageYears: 30, massKg: 73, heightCm: 176 }),
  }),
  'adult-female': Object.freeze({
    label: 'Adult woman',
    description: 'A 30-year-old woman of 60 kg and 163 cm (ICRP 89 reference female).',
    patient: Object.freeze({ sex: 'female', ageYears: 30, massKg: 60, heightCm: 163 }),
  }),
  'older-adult': Object.freeze({
    label: 'Older man (78 years)',
    description: 'A 78-year-old man of 74 kg and 172 cm: more body fat than a young man.',
    patient: Object.freeze({ sex: 'male', ageYears: 78, massKg: 74, heightCm: 172 }),
  }),
  child: Object.freeze({
    label: 'Child (6 years)',
    description: 'A 6-year-old boy of 20.5 kg and 116 cm (WHO growth reference median).',
    patient: Object.freeze({ sex: 'male', ageYears: 6, massKg: 20.5, heightCm: 116 }),
  }),
  toddler: Object.freeze({
    label: 'Toddler (2½ years)',
    description: 'A girl of 2½ years, 12.7 kg and 90.7 cm (WHO growth standard median).',
    patient: Object.freeze({ sex: 'female', ageYears: 2.5, massKg: 12.7, heightCm: 90.7 }),
  }),
});

export function isPatientPresetName(name: string): name is PatientPresetName {
  return (PATIENT_PRESET_NAMES as readonly string[]).includes(name);
}

/** A patient as a scenario may write it: a preset with any fields overriding it, or every field. */
export interface PatientChoice extends Partial<PatientSpec> {
  readonly preset?: PatientPresetName;
}

/** Fields a patient must have when it does not name a preset. */
export const PATIENT_REQUIRED_FIELDS = ['sex', 'ageYears', 'massKg', 'heightCm'] as const;

/**
 * A complete patient from `{ preset, ...overrides }` (fields given override the preset's) or from a
 * complete set of fields. Throws when there is no preset and a required field is missing.
 */
export function resolvePatient(choice: PatientChoice): PatientSpec {
  const { preset, ...rest } = choice;
  const overrides: Partial<PatientSpec> = rest;
  let base: Partial<PatientSpec> = {};
  if (preset !== undefined) {
    if (!isPatientPresetName(preset)) {
      throw new Error(
        `patient: unknown preset "${String(preset)}" (one of ${PATIENT_PRESET_NAMES.join(', ')})`,
      );
    }
    base = PATIENT_PRESETS[preset].patient;
  }
  const pick = <K extends keyof PatientSpec>(key: K): PatientSpec[K] | undefined =>
    overrides[key] !== undefined ? overrides[key] : base[key];
  const missing = PATIENT_REQUIRED_FIELDS.filter((key) => pick(key) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `patient: ${missing.join(', ')} required without a preset (one of ${PATIENT_PRESET_NAMES.join(', ')})`,
    );
  }
  const bodyFatPercent = pick('bodyFatPercent');
  const haemoglobinGPerDl = pick('haemoglobinGPerDl');
  return {
    sex: pick('sex')!,
    ageYears: pick('ageYears')!,
    massKg: pick('massKg')!,
    heightCm: pick('heightCm')!,
    ...(bodyFatPercent !== undefined ? { bodyFatPercent } : {}),
    ...(haemoglobinGPerDl !== undefined ? { haemoglobinGPerDl } : {}),
  };
}

export const bodyParameters = {
  brainMassAdultMaleKg: parameter(
    1.45,
    'kg',
    [1.2, 1.7],
    'Adult male brain mass',
    'ICRP Publication 89 (2002) reference male [recall]; notes §8 1400 g [read; secondary]',
    'not checked',
  ),
  brainMassAdultFemaleKg: parameter(
    1.3,
    'kg',
    [1.1, 1.5],
    'Adult female brain mass',
    'ICRP Publication 89 (2002) reference female [recall]',
    'not checked',
  ),
  heartMassFraction: parameter(
    0.0045,
    '1',
    [0.0035, 0.006],
    'Heart mass as a fraction of body mass',
    'ICRP 89 reference male 0.33 kg of 73 kg [recall]',
    'not checked',
  ),
  skinMassFraction: parameter(
    0.045,
    '1',
    [0.035, 0.06],
    'Skin (epidermis and dermis) as a fraction of body mass',
    'ICRP 89 reference male 3.3 kg of 73 kg, female 2.3 of 60, 5 y 0.57 of 19 [read, Turner Table 16.1]',
    'not checked',
  ),
  liverMassFraction: parameter(
    0.025,
    '1',
    [0.02, 0.032],
    'Liver as a fraction of body mass',
    'ICRP 89: male 1.8 kg of 73, female 1.4 of 60, 5 y 0.57 of 19 [read]',
    'not checked',
  ),
  kidneyMassFraction: parameter(
    0.0045,
    '1',
    [0.004, 0.006],
    'Both kidneys as a fraction of body mass',
    'ICRP 89: male 0.31 kg of 73, female 0.275 of 60, 5 y 0.11 of 19 [read]',
    'not checked',
  ),
  extremityMassFraction: parameter(
    0.041,
    '1',
    [0.035, 0.05],
    'Hands and feet as a fraction of body mass',
    'Dempster 1955 segment table (hand 0.6 %, foot 1.45 %) via Winter, Biomechanics [recall]',
    'not checked',
  ),
  muscleShareOfLeanRemainder: parameter(
    0.65,
    '1',
    [0.55, 0.75],
    'Share of the remaining lean mass (after brain, heart, blood, skin, hands and feet) that is muscle and limb bone; the rest is trunk organs and axial skeleton',
    '[model] ICRP 89 male: muscle 29 kg + limb bone vs organs and trunk bone [recall]',
    'not checked',
  ),
  limbShareOfMuscle: parameter(
    0.6,
    '1',
    [0.5, 0.7],
    'Share of the muscle and limb bone that lies in the arms and legs (below shoulders and hips); the rest is trunk and girdle muscle',
    "Janssen I et al., J Appl Physiol 2000;89:81: lower body 55 % of skeletal muscle, arms about a fifth of the upper body's [recall]; the gluteal and shoulder-girdle muscle counted with the trunk [model]",
    'not checked',
  ),
  childBloodVolumeMlPerKg: parameter(
    78,
    'mL/kg',
    [70, 88],
    'Blood volume of children per kg',
    'Linderkamp O et al., Eur J Pediatr 1977: 2–3 y 79–80.5, 4–6 y 77, 7–10 y 73–80 mL/kg [read]',
    'not checked',
  ),
} as const;

/** Brain mass by age for children, kg at years (ICRP 89 reference values [recall]); adults take the sex value. */
const CHILD_BRAIN_MASS_KG: readonly (readonly [number, number])[] = [
  [0, 0.38],
  [1, 0.95],
  [5, 1.31],
  [10, 1.4],
  [15, 1.42],
  [18, 1.42],
];

function interpolate(table: readonly (readonly [number, number])[], x: number): number {
  const first = table[0]!;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    const [x0, y0] = table[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return table[table.length - 1]![1];
}

/** Body surface area, m² (DuBois D, DuBois EF, Arch Intern Med 1916;17:863 [recall]). */
export function bodySurfaceAreaM2(massKg: number, heightCm: number): number {
  return 0.007184 * pow(massKg, 0.425) * pow(heightCm, 0.725);
}

/**
 * Body fat percentage from BMI, age and sex (Deurenberg P et al., Br J Nutr 1991;65:105: adults
 * 1.2·BMI + 0.23·age − 10.8·male − 5.4; children 1.51·BMI − 0.70·age − 3.6·male + 1.4 [recall]),
 * clamped to 5–50 %.
 */
export function estimatedBodyFatPercent(patient: PatientSpec): number {
  const heightM = patient.heightCm / 100;
  const bmi = patient.massKg / (heightM * heightM);
  const male = patient.sex === 'male' ? 1 : 0;
  const fat =
    patient.ageYears >= 16
      ? 1.2 * bmi + 0.23 * patient.ageYears - 10.8 * male - 5.4
      : 1.51 * bmi - 0.7 * patient.ageYears - 3.6 * male + 1.4;
  return Math.min(50, Math.max(5, fat));
}

/**
 * Blood volume, L. Adults: Nadler SB, Hidalgo JU, Bloch T, Surgery 1962;51:224 (male 0.3669·H³ +
 * 0.03219·W + 0.6041; female 0.3561·H³ + 0.03308·W + 0.1833; H in m, W in kg) [recall]. Children under
 * 16: a fixed volume per kg.
 */
export function bloodVolumeL(patient: PatientSpec, v: ParameterValues): number {
  if (patient.ageYears < 16) return (v.childBloodVolumeMlPerKg * patient.massKg) / 1000;
  const h = patient.heightCm / 100;
  return patient.sex === 'male'
    ? 0.3669 * h * h * h + 0.03219 * patient.massKg + 0.6041
    : 0.3561 * h * h * h + 0.03308 * patient.massKg + 0.1833;
}

export function brainMassKg(patient: PatientSpec, v: ParameterValues): number {
  const adult = patient.sex === 'male' ? v.brainMassAdultMaleKg : v.brainMassAdultFemaleKg;
  if (patient.ageYears >= 18) return adult;
  // Children follow the age curve, scaled so that it meets the adult value of their sex.
  return interpolate(CHILD_BRAIN_MASS_KG, patient.ageYears) * (adult / 1.42);
}

/** Masses of the body's parts, kg. The parts add up to the patient's mass. */
export interface BodyComposition {
  readonly massKg: number;
  readonly surfaceAreaM2: number;
  readonly bodyFatPercent: number;
  readonly bloodVolumeL: number;
  readonly brainKg: number;
  readonly heartKg: number;
  /** Trunk organs and axial skeleton, kg (includes liver and kidneys). */
  readonly coreKg: number;
  readonly liverKg: number;
  readonly kidneysKg: number;
  /** Skeletal muscle of the trunk and limb girdles, kg. */
  readonly muscleKg: number;
  /** Muscle and bone of the arms and legs (without hands and feet), kg. */
  readonly limbsKg: number;
  /** Skin, kg (part of the shell). */
  readonly skinKg: number;
  /** Fat, kg (part of the shell). */
  readonly fatKg: number;
  /** Hands and feet, kg. */
  readonly extremitiesKg: number;
  /** Blood, kg. */
  readonly bloodKg: number;
  /** Mean thickness of fat under the skin, m. */
  readonly fatThicknessM: number;
}

export function bodyComposition(patient: PatientSpec, v: ParameterValues): BodyComposition {
  const massKg = patient.massKg;
  const surfaceAreaM2 = bodySurfaceAreaM2(massKg, patient.heightCm);
  const bodyFatPercent = patient.bodyFatPercent ?? estimatedBodyFatPercent(patient);
  const volumeL = bloodVolumeL(patient, v);
  const bloodKg = volumeL * v.bloodDensityKgPerL;
  const brainKg = brainMassKg(patient, v);
  const heartKg = v.heartMassFraction * massKg;
  const skinKg = v.skinMassFraction * massKg;
  const extremitiesKg = v.extremityMassFraction * massKg;
  const fatKg = (bodyFatPercent / 100) * massKg;
  const leanRemainder = massKg - brainKg - heartKg - skinKg - extremitiesKg - fatKg - bloodKg;
  if (leanRemainder <= 0.1 * massKg) {
    throw new PatientError(
      patient,
      `once the brain (${roundedForMessage(brainKg)} kg, set by age and sex), blood (${roundedForMessage(volumeL)} L, from height, mass and sex), ${bodyFatPercent.toFixed(0)} % fat, skin, hands and feet are counted, ${leanRemainder > 0 ? `only ${roundedForMessage(leanRemainder)} kg is` : 'nothing is'} left for muscle and trunk organs, less than a tenth of the mass (too little lean mass)`,
    );
  }
  const allMuscleKg = v.muscleShareOfLeanRemainder * leanRemainder;
  const limbsKg = v.limbShareOfMuscle * allMuscleKg;
  const muscleKg = allMuscleKg - limbsKg;
  const coreKg = leanRemainder - allMuscleKg;
  const liverKg = v.liverMassFraction * massKg;
  const kidneysKg = v.kidneyMassFraction * massKg;
  const shellAreaM2 = surfaceAreaM2 * (1 - v.extremitySurfaceFraction);
  const fatThicknessM = fatKg / v.fatDensityKgPerM3 / shellAreaM2;
  return {
    massKg,
    surfaceAreaM2,
    bodyFatPercent,
    bloodVolumeL: volumeL,
    brainKg,
    heartKg,
    coreKg,
    liverKg,
    kidneysKg,
    muscleKg,
    limbsKg,
    skinKg,
    fatKg,
    extremitiesKg,
    bloodKg,
    fatThicknessM,
  };
}
