// The central claims hold across the declared range of each parameter they depend on (issue 18), not
// only at its best estimate. The case is the essay's (public/scenarios/cool-before-oxygen.yaml: 12 min
// of warm no-flow, then ECPR) with two plans of scripts/essayPlans.ts: oxygen at once with
// normothermic ECMO, and the essay's procedure (cooled with the sweep gas off before any oxygen, then
// rewarmed slowly). The claims:
// - under the essay's view (hypothesisBalance 0) the essay's procedure loses less brain than oxygen
//   at once;
// - under the conventional view (hypothesisBalance 1) oxygen at once loses less brain than the delay
//   the cooling costs.
// For each parameter of the cell model the claims depend on, fast-check draws values across its
// declared range (both ends always, one value between them; a fixed seed, so every run is the same),
// the other parameters at their best estimates. One run is four whole simulations, so the runs are
// few. Where a claim fails within a range the failure is stated below and in doc/uncertainty.md.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allParameters, type ParameterName } from '../../models/index.ts';
import { runMember } from '../../models/ensemble/index.ts';
import { ESSAY_PLANS, essayScenario, type EssayPlanName } from '../../scripts/essayPlans.ts';

const scenario = essayScenario();
const ESSAY_VIEW = 0;
const CONVENTIONAL_VIEW = 1;

/** Brain lost at the end (autolysed plus still at risk, the outcome's brain_lost_fraction) with one plan, one view and one parameter moved. */
function lost(plan: EssayPlanName, balance: number, name: ParameterName, value: number): number {
  return runMember({
    scenario,
    actions: ESSAY_PLANS[plan],
    parameters: { [name]: value, hypothesisBalance: balance },
    seed: 1,
    stepSeconds: 5,
  }).outcome.brain_lost_fraction;
}

/** The essay's procedure saves brain under the essay's view: brain lost with oxygen at once − with it. */
const essaySaving = (name: ParameterName, value: number) =>
  lost('oxygenNormothermic', ESSAY_VIEW, name, value) -
  lost('coolFirstRewarmSlowly', ESSAY_VIEW, name, value);

/** Oxygen at once saves brain under the conventional view: lost with the essay's procedure − with it. */
const conventionalSaving = (name: ParameterName, value: number) =>
  lost('coolFirstRewarmSlowly', CONVENTIONAL_VIEW, name, value) -
  lost('oxygenNormothermic', CONVENTIONAL_VIEW, name, value);

/** Values of a parameter across [from, to]: both ends, then one drawn between them. */
function across(from: number, to: number, claim: (x: number) => void) {
  fc.assert(
    fc.property(fc.double({ min: from, max: to, noNaN: true }), (x) => claim(x)),
    // The two ends first, then one drawn value (examples count in numRuns); no shrinking on a failure:
    // each value costs four simulations, and the failing value is reported as it is.
    { seed: 18, numRuns: 3, examples: [[from], [to]], endOnFailure: true },
  );
}

const range = (name: ParameterName) => [allParameters[name].min, allParameters[name].max] as const;

// The cell model's constants the claims rest on: derangement (its Q10 and the tolerance it is
// measured against), the self-check's steepness, commitment and repair (times and Q10s), and the Q10
// of the brain's energy failure. selfCheckHalfTempC has its own tests below.
const CLAIM_PARAMETERS = [
  'derangementQ10',
  'brainToleranceMedianMin',
  'selfCheckWidthK',
  'commitTimeMin',
  'commitQ10',
  'repairTimeMin',
  'energyQ10',
  'brainEnergyFallQ10',
] as const satisfies readonly ParameterName[];

describe('each view’s plan wins under its own view, across the declared ranges', () => {
  it.each(CLAIM_PARAMETERS)(
    'with %s anywhere in its range, the essay’s procedure loses less brain than oxygen at once under the essay’s view, and more under the conventional view',
    (name) => {
      const [min, max] = range(name);
      across(min, max, (x) => {
        expect(essaySaving(name, x), `essay's view, ${name} = ${x}`).toBeGreaterThan(0);
        expect(conventionalSaving(name, x), `conventional view, ${name} = ${x}`).toBeGreaterThan(0);
      });
    },
  );
});

describe('the self-check’s temperature: where the essay’s claim stops holding', () => {
  // The essay's procedure gives oxygen once the brain is near 10 °C and keeps it about 15 °C for two
  // hours. Its claim needs the self-check to be off at that temperature: with a half-activity
  // temperature below about 17 °C the check runs in the cold, cells commit before they are repaired,
  // and the procedure loses as much brain as oxygen at once, or more (bisected with the other
  // parameters at their best estimates: brain lost 0.485 against 0.493 at 17 °C, 0.389 at 18 °C,
  // 0.742 against 0.493 at 10 °C). The range stays: its bottom is the published EEG silence at
  // ~12 °C (Michenfelder 1992), and nobody has measured the self-check. So the claim is stated from
  // 18 °C up, and its failure at the bottom is a test too (doc/uncertainty.md).
  const HOLDS_FROM_C = 18;
  const [min, max] = range('selfCheckHalfTempC');

  it(`with selfCheckHalfTempC from ${HOLDS_FROM_C} °C to the top of its range, the essay’s procedure loses less brain than oxygen at once under the essay’s view`, () => {
    across(HOLDS_FROM_C, max, (x) => {
      expect(essaySaving('selfCheckHalfTempC', x), `selfCheckHalfTempC = ${x}`).toBeGreaterThan(0);
    });
  });

  it('with selfCheckHalfTempC at the bottom of its range, the essay’s procedure loses more brain than oxygen at once even under the essay’s view', () => {
    expect(essaySaving('selfCheckHalfTempC', min)).toBeLessThan(0);
  });

  it('with selfCheckHalfTempC anywhere in its range, oxygen at once loses less brain than the essay’s procedure under the conventional view', () => {
    across(min, max, (x) => {
      expect(
        conventionalSaving('selfCheckHalfTempC', x),
        `selfCheckHalfTempC = ${x}`,
      ).toBeGreaterThan(0);
    });
  });
});
