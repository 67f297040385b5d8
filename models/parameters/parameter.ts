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
  /**
   * What would fail if the value were wrong: validation case ids (e.g. '7c', from
   * models/validation/cases.ts) and test files (e.g. 'test/physiology/cells.unit.test.ts'), or
   * 'not checked', said explicitly (shown as "not checked").
   */
  readonly checkedBy: readonly string[] | 'not checked';
}

/** Builds a Parameter and checks that value lies inside [min, max]; a mistake here is a programming error. */
export function parameter(
  value: number,
  unit: string,
  range: readonly [number, number],
  description: string,
  source: string,
  checkedBy: readonly string[] | 'not checked',
): Parameter {
  const [min, max] = range;
  if (!(min <= value && value <= max)) {
    throw new Error(
      `parameter "${description}": value ${value} ${unit} is outside its range [${min}, ${max}]`,
    );
  }
  return Object.freeze({
    value,
    unit,
    min,
    max,
    description,
    source,
    checkedBy: checkedBy === 'not checked' ? checkedBy : Object.freeze([...checkedBy]),
  });
}

/**
 * What checks a parameter, in words: its validation cases ('case 7c') and test files, or "not
 * checked" when it names none (or says so).
 */
export function checkedByText(p: Partial<Pick<Parameter, 'checkedBy'>>): string {
  if (p.checkedBy === undefined || p.checkedBy === 'not checked' || p.checkedBy.length === 0)
    return 'not checked';
  return p.checkedBy.map((c) => (c.startsWith('test/') ? c : `case ${c}`)).join(', ');
}
