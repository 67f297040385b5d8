// The two views of ischaemic brain death (hypothesisBalance: 0 the essay's, 1 the conventional) must
// each be expressible, and the plans the essay is about must order as each view predicts, over
// sampled worlds (every other uncertain parameter drawn from its range), not at one point:
// - under the essay's view, cooling before oxygen then rewarming slowly saves brain that oxygen at
//   once loses, and rewarming at once after cold re-oxygenation throws that away;
// - under the conventional view, cooling before oxygen costs what the delay costs;
// - under both, cooling hours after a warm reperfusion changes little.
// The case is the library's cool-before-oxygen.yaml: 12 min of warm no-flow, then ECPR.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../models/index.ts';
import { runPlannedMember } from '../../models/ensemble/index.ts';
import {
  VIEWS,
  compareViews,
  summariseViews,
  viewPlans,
  viewVerdict,
  type View,
} from '../../models/ensemble/views.ts';

import { ESSAY_PLANS, essayScenario } from '../../scripts/essayPlans.ts';

const scenario = essayScenario();

// The case ends once his heart beats and he is warm; the late-cooling pair runs 4 h regardless.
const fourHours = { ...scenario, end: { atS: 4 * 3600 } };

const PLANS = {
  oxygenNormothermic: ESSAY_PLANS.oxygenNormothermic,
  oxygenNormothermicFourHours: ESSAY_PLANS.oxygenNormothermic,
  oxygenThenCooledLate: ESSAY_PLANS.oxygenThenCooledLate,
  coolFirstRewarmSlowly: ESSAY_PLANS.coolFirstRewarmSlowly,
  coolFirstRewarmAtOnce: ESSAY_PLANS.coolFirstRewarmAtOnce,
};
type PlanName = keyof typeof PLANS;

const MEMBERS = 24;
const SEED = 1;
const ESSAY = VIEWS[0]!;
const CONVENTIONAL = VIEWS.at(-1)!;

interface PlanResult {
  /** Median brain loss. */
  readonly lost: number;
  /** Brain loss in each sampled world, in member order (the same worlds for every plan). */
  readonly lostByWorld: readonly number[];
  /** Median lowest core temperature, °C. */
  readonly minCoreC: number;
}

/** Each plan under a view, over the same sampled worlds. */
function medians(view: View): Record<PlanName, PlanResult> {
  const plans = viewPlans(MEMBERS, SEED, {}, [view]);
  const out = {} as Record<PlanName, PlanResult>;
  for (const name of Object.keys(PLANS) as PlanName[]) {
    const which = name === 'oxygenNormothermicFourHours' || name === 'oxygenThenCooledLate';
    const outcomes: Outcome[] = plans.map(
      (p) =>
        runPlannedMember(
          {
            scenario: which ? fourHours : scenario,
            members: MEMBERS,
            actions: PLANS[name],
            stepSeconds: 5,
          },
          p,
        ).outcome,
    );
    const coreC = outcomes.map((o) => o.min_core_temp_c).sort((a, b) => a - b);
    out[name] = {
      lost: summariseViews(MEMBERS, outcomes, [view])[0]!.lost.p50,
      lostByWorld: outcomes.map((o) => o.brain_lost_fraction),
      minCoreC: coreC[Math.floor(coreC.length / 2)]!,
    };
  }
  return out;
}

describe('the two views of ischaemic brain death', () => {
  let essay: Record<PlanName, PlanResult>;
  let conventional: Record<PlanName, PlanResult>;
  // Five plans × 24 sampled worlds × two views at the ensemble's 5 s step: generous on a busy machine.
  beforeAll(() => {
    essay = medians(ESSAY);
    conventional = medians(CONVENTIONAL);
  }, 600_000);

  it(
    'under the essay view, cooling before oxygen and rewarming slowly loses less brain than oxygen at once in most worlds',
    { timeout: 300_000 },
    () => {
      // Paired over the same sampled worlds: the saving of the essay's plan in each world. It pays
      // in about 6 worlds in 10 with a median saving of 5–13 points of brain (seeds and parameter
      // sets tried); in the rest the other uncertain parameters (the self-check's temperature, repair
      // and commitment times) decide against it. A difference of the two plans' medians is not this:
      // it swung from +0.18 to −0.05 when one parameter joined the sample and reshuffled the worlds.
      const saving = essay.oxygenNormothermic.lostByWorld.map(
        (lost, i) => lost - essay.coolFirstRewarmSlowly.lostByWorld[i]!,
      );
      const sorted = [...saving].sort((a, b) => a - b);
      expect(saving.filter((x) => x > 0).length).toBeGreaterThan(MEMBERS / 2);
      expect(sorted[Math.floor(MEMBERS / 2)]!).toBeGreaterThan(0.02);
    },
  );

  it('under the essay view, rewarming at once after cold re-oxygenation costs cells that slow rewarming keeps', () => {
    expect(essay.coolFirstRewarmAtOnce.lost).toBeGreaterThan(
      essay.coolFirstRewarmSlowly.lost + 0.2,
    );
  });

  it('under the conventional view, cooling before oxygen costs brain (the delay without oxygen)', () => {
    expect(conventional.coolFirstRewarmSlowly.lost).toBeGreaterThan(
      conventional.oxygenNormothermic.lost + 0.03,
    );
    expect(conventional.coolFirstRewarmAtOnce.lost).toBeGreaterThan(
      conventional.oxygenNormothermic.lost + 0.03,
    );
  });

  it('under both views, cooling hours after a warm reperfusion changes little', () => {
    for (const view of [essay, conventional]) {
      // The cooling did happen...
      expect(view.oxygenThenCooledLate.minCoreC).toBeLessThan(
        view.oxygenNormothermicFourHours.minCoreC - 1.5,
      );
      // ...and saved almost nothing.
      expect(
        Math.abs(view.oxygenThenCooledLate.lost - view.oxygenNormothermicFourHours.lost),
      ).toBeLessThan(0.03);
    }
  });

  it('the conventional view loses more brain than the essay view for every plan', () => {
    for (const name of ['oxygenNormothermic', 'coolFirstRewarmSlowly'] as const) {
      expect(conventional[name].lost).toBeGreaterThan(essay[name].lost);
    }
  });
});

describe('viewVerdict', () => {
  const at = (p50: number, view: View) => ({
    view,
    members: 10,
    lost: { p5: p50 / 2, p25: p50, p50, p75: p50, p95: Math.min(1, p50 * 1.5) },
    survival: 1,
    goodOutcome: 1,
  });
  it('names the plan that wins under each view, and says nobody knows which view is right', () => {
    const mine = [at(0.2, ESSAY), at(0.9, CONVENTIONAL)];
    const expert = [at(0.5, ESSAY), at(0.6, CONVENTIONAL)];
    const lines = viewVerdict(compareViews(mine, expert), ['your plan', "the expert's plan"]);
    expect(lines[0]).toMatch(/your plan wins/);
    expect(lines[1]).toMatch(/the expert's plan wins/);
    expect(lines[2]).toMatch(
      /Your plan wins if the essay is right; the expert's plan wins if the conventional view is/,
    );
    expect(lines[2]).toMatch(/Nobody knows/);
  });
  it('lets more good outcomes win before less brain lost', () => {
    const kept = { ...at(0.1, ESSAY), goodOutcome: 0 };
    const [c] = compareViews([kept], [at(0.4, ESSAY)]);
    expect(c!.winner).toBe('second');
  });
  it('calls plans within 3 % of the brain a tie, and one that wins everywhere a winner everywhere', () => {
    const a = [at(0.2, ESSAY), at(0.21, CONVENTIONAL)];
    const b = [at(0.4, ESSAY), at(0.22, CONVENTIONAL)];
    const lines = viewVerdict(compareViews(a, b), ['A', 'B']);
    expect(lines[1]).toMatch(/about the same/);
    expect(lines[2]).toMatch(/^A wins if the essay is right; they tie/);
    expect(viewVerdict(compareViews(a, a), ['A', 'B']).at(-1)).toMatch(/about the same whichever/);
  });
  it('holds the same sampled worlds at every view', () => {
    const plans = viewPlans(4, 1);
    expect(plans).toHaveLength(4 * VIEWS.length);
    const strip = (p: (typeof plans)[number]) => {
      const { hypothesisBalance, ...rest } = p.parameters;
      return { seed: p.seed, rest, hypothesisBalance };
    };
    expect(strip(plans[0]!).rest).toEqual(strip(plans[4]!).rest);
    expect(strip(plans[0]!).seed).toBe(strip(plans[4]!).seed);
    expect(strip(plans[4]!).hypothesisBalance).toBe(0.25);
  });
});
