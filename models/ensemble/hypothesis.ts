// The hypothesis view: nobody knows the temperature below which a brain cell's self-check cannot
// run. Sweep it across its plausible range (10–32 °C), replay the same run (the learner's actions,
// the same seed, every other parameter at its best estimate) at each value, and show how the
// outcome and the temperature at which oxygen can safely return change with it.

import type { Outcome } from '../engine/outputs.ts';
import { parameterValues } from '../parameters/index.ts';
import type { MemberPlan } from './sampling.ts';
import { log } from '../math/detmath.ts';

/** The parameter swept: the temperature of half self-check activity, °C. */
export const SELF_CHECK_PARAMETER = 'selfCheckHalfTempC';

/** Self-check activity below which re-oxygenation counts as safe here (5 % of full). */
export const SAFE_SELF_CHECK_ACTIVITY = 0.05;

/**
 * Brain temperature at which the self-check runs at `activity` of full, °C: below it, oxygen can
 * return to deranged cells without triggering their self-destruction (the logistic of cells.ts).
 */
export function safeReoxygenationTempC(
  halfTempC: number,
  widthK: number,
  activity = SAFE_SELF_CHECK_ACTIVITY,
): number {
  return halfTempC - widthK * log((1 - activity) / activity);
}

/** `count` evenly spaced values from `fromC` to `toC` (both included). */
export function sweepValues(fromC = 10, toC = 32, count = 12): number[] {
  if (!(count >= 2 && toC > fromC)) throw new Error('sweepValues: need count ≥ 2 and toC > fromC');
  return Array.from({ length: count }, (_, i) => fromC + ((toC - fromC) * i) / (count - 1));
}

/** One run per value: the same seed, the value swept, other parameters held at `fixed` or best. */
export function hypothesisPlans(
  values: readonly number[],
  seed: number,
  fixed: Readonly<Record<string, number>> = {},
): MemberPlan[] {
  return values.map((value, member) => ({
    member,
    seed,
    parameters: { ...fixed, [SELF_CHECK_PARAMETER]: value },
  }));
}

export interface HypothesisPoint {
  /** The self-check's half-activity temperature of this run, °C. */
  readonly thresholdC: number;
  /** Brain temperature below which oxygen could return safely, °C. */
  readonly safeBrainTempC: number;
  readonly outcome: Outcome;
}

/** Pairs each run's outcome with its threshold and the safe re-oxygenation temperature. */
export function hypothesisPoints(
  plans: readonly MemberPlan[],
  outcomes: readonly Outcome[],
  fixed: Readonly<Record<string, number>> = {},
): HypothesisPoint[] {
  const width = parameterValues(fixed).selfCheckWidthK;
  return plans.map((plan, i) => {
    const thresholdC = plan.parameters[SELF_CHECK_PARAMETER]!;
    return {
      thresholdC,
      safeBrainTempC: safeReoxygenationTempC(thresholdC, width),
      outcome: outcomes[i]!,
    };
  });
}
