// A patient the model cannot build: a combination of sex, age, mass and height (and body fat) whose
// parts do not add up, e.g. an adult's brain in an 8 kg body. Thrown where the body is built
// (models/parameters/body.ts, models/physiology/thermal.ts), so those checks are the one definition
// of what a buildable patient is; the scenario loader asks the same code (models/engine/patientCheck.ts).

import type { PatientSpec } from './body.ts';

export class PatientError extends Error {
  /** The patient in words and why it cannot be built: "a 22-year-old man of 8 kg and 70 cm: …". */
  readonly problem: string;

  constructor(patient: PatientSpec, reason: string) {
    super(`patient: ${describePatient(patient)} cannot be simulated: ${reason}`);
    const problem = `${describePatient(patient)}: ${reason}`;
    this.name = 'PatientError';
    this.problem = problem;
  }
}

/** "a 22-year-old man of 8 kg and 70 cm", "a 2.5-year-old girl of 12.7 kg and 90.7 cm". */
export function describePatient(patient: PatientSpec): string {
  const adult = patient.ageYears >= 16;
  const who = patient.sex === 'male' ? (adult ? 'man' : 'boy') : adult ? 'woman' : 'girl';
  const fat =
    patient.bodyFatPercent !== undefined ? ` with ${patient.bodyFatPercent} % body fat` : '';
  return `a ${patient.ageYears}-year-old ${who} of ${patient.massKg} kg and ${patient.heightCm} cm${fat}`;
}

/** A quantity for a message: two significant decimals at most. */
export function roundedForMessage(value: number): string {
  return String(Math.round(value * 100) / 100);
}
