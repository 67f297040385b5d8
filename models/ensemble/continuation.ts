// What the odds replay from the middle of a run: the learner's actions up to now, then either the
// scenario's expert run from now on ("if the rest follows the expert's plan") or nothing more ("if
// nothing more is done"). Pure: the odds dialog and `coldboot ensemble --log … --expert` share it.

import { formatClock } from '../core/clock.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ReplayAction } from './member.ts';

/** The two questions a learner means in the middle of a run. */
export const CONTINUATIONS = ['expert', 'nothing'] as const;
export type Continuation = (typeof CONTINUATIONS)[number];

/** The questions in words, as the app and the command line label them. */
export const CONTINUATION_LABELS: Readonly<Record<Continuation, string>> = {
  expert: "If the rest follows the expert's plan",
  nothing: 'If nothing more is done',
};

/** The actions of a continuation, and where they come from. */
export interface ContinuationActions {
  readonly continuation: Continuation;
  /** The moment the question is asked (the run's time), s. */
  readonly fromS: number;
  /** The learner's (and instructor's) actions up to fromS, then the expert's from fromS on. */
  readonly actions: readonly ReplayAction[];
  /** How many of `actions` are the run's own (the first ones). */
  readonly runActions: number;
  /** How many of `actions` are the expert's (the last ones; 0 for 'nothing'). */
  readonly expertActions: number;
}

/**
 * The actions to replay for "what happens from `fromS` on":
 *
 * - the run's learner and instructor actions stamped at or before `fromS` (the scenario's own entries
 *   are dropped: the scenario makes them again; anything later than `fromS` is dropped too, so a whole
 *   log can be asked about any moment of it);
 * - for 'expert', then every action of the scenario's expert run stamped at or after `fromS`, in the
 *   expert's order. An expert action at `fromS` itself is included (the learner has not yet acted on
 *   that second of the plan) and takes effect after the learner's actions of the same second.
 *
 * Expert actions are timed, never conditional, so "after" is a matter of their stamps. They are
 * replayed as written, not filtered against what the learner has done: the engine makes repeats
 * harmless (a `cannulate` while cannulated or while a cannulation is under way does nothing, a
 * `startCpr` during compressions only sets their mode, settings simply overwrite). Expert steps
 * stamped before `fromS` that the learner skipped are not made up: a learner who has not cannulated
 * by the expert's time gets the rest of the expert's plan without the machine.
 */
export function continuationActions(
  scenario: Scenario,
  runActions: readonly ReplayAction[],
  fromS: number,
  continuation: Continuation,
): ContinuationActions {
  if (!(Number.isFinite(fromS) && fromS >= 0)) {
    throw new Error(`continuation: expected a time ≥ 0 s, found ${fromS}`);
  }
  const own = runActions.filter((entry) => entry.source !== 'scenario' && entry.atS <= fromS);
  if (continuation === 'nothing') {
    return { continuation, fromS, actions: own, runActions: own.length, expertActions: 0 };
  }
  if (scenario.expert === undefined) {
    throw new Error(`continuation: "${scenario.title}" has no expert run to follow`);
  }
  const expert = scenario.expert.actions.filter((entry) => entry.atS >= fromS);
  return {
    continuation,
    fromS,
    actions: [...own, ...expert],
    runActions: own.length,
    expertActions: expert.length,
  };
}

/** The question in one line, with its moment: "If nothing more is done after 0:45:12". */
export function continuationQuestion(continuation: Continuation, fromS: number): string {
  const at = formatClock(fromS, true);
  return continuation === 'expert'
    ? `If the rest follows the expert's plan from ${at}`
    : `If nothing more is done after ${at}`;
}
