// Validation against published data: one test per reference case of models/validation/cases.ts,
// asserting that the model's value lies in the case's acceptable range. The full table, with
// published and model values and their ratings, is doc/validation.md (npm run validate).

import { describe, expect, it } from 'vitest';
import { REFERENCE_CASES, type ReferenceCase } from '../../models/validation/cases.ts';
import { formatValue } from '../../models/validation/report.ts';

/**
 * Known disagreements: cases whose model value lies outside its acceptable range with the current
 * model. They run with it.fails, so they stay visible in every test run (not skipped), and Vitest
 * reports it the moment one of them starts to pass: then move it out of this list.
 */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  // Known disagreement: peak shivering VO2 is ~15 mL/kg/min, not 22.1 ± 4.2. The model caps shivering
  // at 4.9 × its own resting rate (3.4 mL/kg/min, from Elia organ rates: 1 MET at rest), below the
  // resting rate implied by Eyolfson (22.1/4.9 = 4.5 mL/kg/min, measured in cold-exposed subjects).
  // The ratio (case 10a) is inside its range.
  '10b': 'ceiling is 4.9 × a lower (thermoneutral) resting rate',
  // Known disagreement: the core cools several times faster than measured in 17 °C water with the
  // head out (~1.4 °C in 45 min vs 0.40 °C). Muscle (29 kg, perfused with blood and, when shivering,
  // with several L/min more) falls with the core, so the inner body carries about a quarter of a
  // ~0.9 MJ heat debt; limb muscle does not act as an insulating shell. No parameter within its
  // range fixes this; it needs limb muscle as its own compartment (planned).
  W1: 'core cools several times faster than measured in 17 °C water',
  // Known disagreement: as W1, and head submersion adds only ~0.1 °C (measured +0.33 °C): the head's
  // skin is 7 % of the shell, vasoconstricted like the rest, and the brain's path to the scalp is
  // small, so submerging the head adds ~3 % to heat lost (measured +11 %).
  W2: 'core cools faster than measured, and the head adds too little',
};

function describeRange(c: ReferenceCase): string {
  return `${formatValue(c, c.acceptable[0])}–${formatValue(c, c.acceptable[1])} ${c.unit}`;
}

describe('validation against published data', () => {
  it('lists each known disagreement under an existing case', () => {
    const ids = new Set(REFERENCE_CASES.map((c) => c.id));
    for (const id of Object.keys(KNOWN_DISAGREEMENTS)) expect(ids.has(id), id).toBe(true);
  });

  for (const c of REFERENCE_CASES) {
    const known = KNOWN_DISAGREEMENTS[c.id];
    const test = known === undefined ? it : it.fails;
    const name =
      `${c.id} ${c.title}: ${c.quantity} within ${describeRange(c)} (${c.citation})` +
      (known === undefined ? '' : ` — known disagreement: ${known}`);
    test(
      name,
      () => {
        const model = c.compute();
        const message = `${c.id}: model ${model} ${c.unit}, acceptable ${describeRange(c)}; source: ${c.source}`;
        expect(Number.isFinite(model), message).toBe(true);
        expect(model, message).toBeGreaterThanOrEqual(c.acceptable[0]);
        expect(model, message).toBeLessThanOrEqual(c.acceptable[1]);
      },
      60_000,
    );
  }
});
