// npm run figures:essay: the figures of doc/uncertainty.md's "The essay's case under both views".
// The plans of scripts/essayPlans.ts on the essay's case, (1) with every parameter at its best
// estimate, (2) as an ensemble over every uncertain parameter (the balance between the views
// sampled too), and (3) with the balance held at the essay's view (0) and the conventional (1),
// every other parameter sampled: brain lost, median and spread. Same seed, so the same sampled
// worlds for every plan. Prints Markdown.

import { createSimulation } from '../models/index.ts';
import { runEnsemble, runPlannedMember } from '../models/ensemble/index.ts';
import { VIEWS, summariseViews, viewPlans } from '../models/ensemble/views.ts';
import { ESSAY_PLANS, ESSAY_PLAN_WORDS, essayScenario, type EssayPlanName } from './essayPlans.ts';

const MEMBERS = Number(process.argv[2] ?? 100);
const VIEW_MEMBERS = Number(process.argv[3] ?? 40);
const SEED = 1;
const scenario = essayScenario();
const pct = (x: number) => `${Math.round(100 * x)} %`;
// The late-cooling plan is left out: the case ends once the heart beats and he is warm, often before 1:30.
const names = (Object.keys(ESSAY_PLANS) as EssayPlanName[]).filter(
  (name) => name !== 'oxygenThenCooledLate',
);
const ends = [VIEWS[0]!, VIEWS.at(-1)!];

const lines = [
  `| plan | best estimate: brain lost, CPC | ensemble of ${MEMBERS}: brain lost 5th / 25th / median pct, survival | essay's view (0): median (5–95 %) | conventional view (1): median (5–95 %) |`,
  '| --- | --- | --- | --- | --- |',
];
for (const name of names) {
  const actions = ESSAY_PLANS[name];
  const sim = createSimulation(scenario, {
    replay: actions.map((a) => ({ ...a, source: a.source ?? 'learner' })),
  });
  sim.advance(scenario.end.atS);
  const one = sim.outcome();
  const { summary } = runEnsemble({ scenario, actions, members: MEMBERS, seed: SEED });
  const lost = summary.brain_lost_fraction;
  const views = ends.map((view) => {
    const plans = viewPlans(VIEW_MEMBERS, SEED, {}, [view]);
    const outcomes = plans.map(
      (p) => runPlannedMember({ scenario, members: VIEW_MEMBERS, actions }, p).outcome,
    );
    const v = summariseViews(VIEW_MEMBERS, outcomes, [view])[0]!;
    return `${pct(v.lost.p50)} (${pct(v.lost.p5)}–${pct(v.lost.p95)})`;
  });
  lines.push(
    `| ${ESSAY_PLAN_WORDS[name]} | ${pct(one.brain_lost_fraction)}, CPC ${one.neuro_outcome_cpc} | ${pct(lost.p5)} / ${pct(lost.p25)} / ${pct(lost.p50)}, ${pct(summary.survival.probability)} | ${views.join(' | ')} |`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
