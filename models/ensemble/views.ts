// The two views of ischaemic brain death, side by side: the same plan (a learner's, the expert's)
// replayed on small ensembles with the balance between the views held at each of five points from
// the essay's (0) to the conventional (1), every other uncertain parameter sampled as usual. Because
// the sampled worlds are the same at every point and for every plan, differences between plans and
// views come from the plan and the view alone. Says in words which plan wins under which view.

import type { Outcome } from '../engine/outputs.ts';
import { ensembleDesign, memberPlan, type MemberPlan } from './sampling.ts';
import { percentiles, type Percentiles } from './statistics.ts';

/** The parameter that sets the balance between the two views (models/parameters/cells.ts). */
export const VIEW_PARAMETER = 'hypothesisBalance';

export interface View {
  /** hypothesisBalance: 0 = the essay's view, 1 = the conventional view. */
  readonly balance: number;
  readonly name: string;
}

export const VIEWS: readonly View[] = [
  { balance: 0, name: "The essay's view" },
  { balance: 0.25, name: 'Mostly the essay' },
  { balance: 0.5, name: 'Halfway' },
  { balance: 0.75, name: 'Mostly conventional' },
  { balance: 1, name: 'The conventional view' },
];

/** Patients per view and plan by default (5 views × 40 = 200 runs a plan). */
export const VIEW_MEMBERS = 40;

/** Shares of good outcomes (CPC 1–2) this far apart decide the winner before brain loss does. */
export const VIEW_GOOD_OUTCOME_MARGIN = 0.1;

/** Two plans count as equal when their median brain loss differs by less than this fraction. */
export const VIEW_TIE_FRACTION = 0.03;

/**
 * The member plans of a views comparison: `members` sampled worlds, repeated at each view with the
 * balance held there. Plan `v * members + m` is world m under view v.
 */
export function viewPlans(
  members: number,
  seed: number,
  fixed: Readonly<Record<string, number>> = {},
  views: readonly View[] = VIEWS,
): MemberPlan[] {
  const plans: MemberPlan[] = [];
  views.forEach((view, v) => {
    const design = ensembleDesign({
      members,
      seed,
      fixed: { ...fixed, [VIEW_PARAMETER]: view.balance },
    });
    for (let m = 0; m < members; m++) {
      const plan = memberPlan(design, m);
      plans.push({ ...plan, member: v * members + m });
    }
  });
  return plans;
}

/** One plan's outcome under one view. */
export interface ViewOutcome {
  readonly view: View;
  readonly members: number;
  /** Brain cells lost (outcome's brain_lost_fraction) over the view's members. */
  readonly lost: Percentiles;
  /** Share of members alive with their brain not dead at the end. */
  readonly survival: number;
  /** Share of members with a good outcome (CPC 1–2). */
  readonly goodOutcome: number;
}

/** Reduces the outcomes of viewPlans (indexed by plan.member) to one summary per view. */
export function summariseViews(
  members: number,
  outcomes: readonly Outcome[],
  views: readonly View[] = VIEWS,
): ViewOutcome[] {
  if (outcomes.length !== members * views.length) {
    throw new Error(
      `summariseViews: expected ${members * views.length} outcomes, found ${outcomes.length}`,
    );
  }
  return views.map((view, v) => {
    const mine = outcomes.slice(v * members, (v + 1) * members);
    return {
      view,
      members,
      lost: percentiles(mine.map((o) => o.brain_lost_fraction))!,
      survival: mine.reduce((sum, o) => sum + o.survival_probability, 0) / members,
      goodOutcome:
        mine.reduce((sum, o) => sum + (o.neuro_outcome_cpc <= 2 ? o.survival_probability : 0), 0) /
        members,
    };
  });
}

export type ViewWinner = 'first' | 'second' | 'tie';

export interface ViewComparison {
  readonly view: View;
  readonly first: ViewOutcome;
  readonly second: ViewOutcome;
  /** The plan that loses less of the brain at the median, or a tie within VIEW_TIE_FRACTION. */
  readonly winner: ViewWinner;
}

/**
 * Pairs two plans' summaries view by view and names the winner of each: the plan with more good
 * outcomes (CPC 1–2) when they differ by VIEW_GOOD_OUTCOME_MARGIN or more (a brain kept in a patient
 * whose heart never restarts is no win), otherwise the one that loses less of the brain at the
 * median, or a tie within VIEW_TIE_FRACTION.
 */
export function compareViews(
  first: readonly ViewOutcome[],
  second: readonly ViewOutcome[],
): ViewComparison[] {
  return first.map((a, i) => {
    const b = second[i]!;
    const good = a.goodOutcome - b.goodOutcome;
    const lost = a.lost.p50 - b.lost.p50;
    const winner: ViewWinner =
      Math.abs(good) >= VIEW_GOOD_OUTCOME_MARGIN
        ? good > 0
          ? 'first'
          : 'second'
        : Math.abs(lost) < VIEW_TIE_FRACTION
          ? 'tie'
          : lost < 0
            ? 'first'
            : 'second';
    return { view: a.view, first: a, second: b, winner };
  });
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * In words, which plan wins under which view: one sentence per view, then one that sums up.
 * `names` are how the two plans are called ("your plan", "the expert's plan").
 */
export function viewVerdict(
  comparisons: readonly ViewComparison[],
  names: readonly [string, string],
): string[] {
  const [a, b] = names;
  const lines = comparisons.map((c) => {
    const who = c.winner === 'tie' ? 'about the same' : `${c.winner === 'first' ? a : b} wins`;
    return (
      `${c.view.name} (balance ${c.view.balance}): ${a} loses ${pct(c.first.lost.p50)} of the brain ` +
      `(5–95 %: ${pct(c.first.lost.p5)}–${pct(c.first.lost.p95)}; good outcome ${pct(c.first.goodOutcome)}), ` +
      `${b} ${pct(c.second.lost.p50)} (${pct(c.second.lost.p5)}–${pct(c.second.lost.p95)}; ` +
      `good outcome ${pct(c.second.goodOutcome)}): ${who}.`
    );
  });
  const essay = comparisons[0]?.winner;
  const conventional = comparisons.at(-1)?.winner;
  const name = (w: ViewWinner | undefined) => (w === 'first' ? a : w === 'second' ? b : null);
  let summary: string;
  if (essay === conventional) {
    summary =
      essay === 'tie'
        ? 'The two plans come out about the same whichever view is right.'
        : `${capitalise(name(essay)!)} wins whichever view is right.`;
  } else {
    const e = name(essay);
    const c = name(conventional);
    summary =
      `${e ? `${capitalise(e)} wins if the essay is right` : 'The plans tie if the essay is right'}; ` +
      `${c ? `${c} wins if the conventional view is` : 'they tie if the conventional view is'}. ` +
      'Nobody knows which view is right: that is the uncertainty ColdBoot shows.';
  }
  return [...lines, summary];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
