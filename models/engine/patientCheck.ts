// Whether the model can build a patient: the scenario loader's check of a patient, answered by the
// engine's own construction (buildPatient), so the loader applies exactly the constraints the engine
// does, defined once where the body is built (PatientError in models/parameters/patientError.ts).

import type { PatientSpec } from '../parameters/body.ts';
import { parameterValues, type ParameterValues } from '../parameters/index.ts';
import { PatientError } from '../parameters/patientError.ts';
import { buildPatient } from './patient.ts';

/**
 * Why the model cannot build this patient with these parameter values (the defaults unless given),
 * in words naming the impossible combination, or undefined when it can.
 */
export function patientProblem(
  patient: PatientSpec,
  values: ParameterValues = parameterValues(),
): string | undefined {
  try {
    buildPatient(patient, values);
    return undefined;
  } catch (error) {
    if (error instanceof PatientError) return error.problem;
    throw error;
  }
}
