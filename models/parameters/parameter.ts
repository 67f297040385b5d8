// The shape of every model constant: a value with its unit, a plausible range and where it comes from.
// Ranges feed the uncertainty ensembles; sources let learners open the hood and check.

export interface Parameter {
  /** Best estimate, in `unit`. */
  readonly value: number;
  /** Unit of value, min and max, e.g. 'W/m²/K'. '1' for dimensionless. */
  readonly unit: string;
  /** Lowest plausible value, in `unit`. */
  readonly min: number;
  /** Highest plausible value, in `unit`. */
  readonly max: number;
  /** Where the number comes from: authors, journal, year; [read], [recall] or [derived] as in the reference notes. */
  readonly source: string;
  /** Short human description shown in the model explorer. */
  readonly description: string;
}

/** Builds a Parameter and checks that value lies inside [min, max]; a mistake here is a programming error. */
export function parameter(
  value: number,
  unit: string,
  range: readonly [number, number],
  description: string,
  source: string,
): Parameter {
  const [min, max] = range;
  if (!(min <= value && value <= max)) {
    throw new Error(
      `parameter "${description}": value ${value} ${unit} is outside its range [${min}, ${max}]`,
    );
  }
  return Object.freeze({ value, unit, min, max, description, source });
}
