// A compartment's metabolic Q10 factor at a temperature, Q10^((t − 37)/10) as e^(ln Q10 · (t − 37)/10),
// remembered per compartment: the heat step takes each tissue's factor for its metabolism, and the
// cells' potassium step takes the same factor of a tissue without oxygen (its leak slows in the cold)
// after the heat step has moved the temperatures, so the next heat step asks again for the very
// argument the potassium step asked for (and, with the default Q10s, for the one of the brain's energy
// in the cells' step). A remembered factor is the one `exp` gives (RememberedExp):
// the same bits either way.

import { COMPARTMENT_COUNT } from '../core/state.ts';
import { RememberedExp } from '../math/detmath.ts';

const remembered = new RememberedExp(COMPARTMENT_COUNT);

/** Q10^((tempC − 37)/10) of one compartment, from ln Q10 (the compartment is its memory's slot). */
export function q10Factor(logQ10: number, tempC: number, compartment: number): number {
  return remembered.of((logQ10 * (tempC - 37)) / 10, compartment);
}
