// The odds' two questions from the middle of a run, on the built-in skier: the learner's actions so
// far, then the expert's plan or nothing more. Orderings only: the cell model's numbers may change.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  continuationActions,
  runEnsemble,
  runMember,
  type ReplayAction,
} from '../../models/ensemble/index.ts';
import { parseScenario } from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

const skier = parseScenario(
  readFileSync(new URL('../../public/scenarios/skier-under-ice.yaml', import.meta.url), 'utf8'),
  'skier-under-ice.yaml',
);
const expert = skier.expert!.actions;
const at30Min = 1800;

/** The run so far at 30:00 of a learner who has done what the expert did, as the app logs it. */
const runSoFar: ReplayAction[] = [
  { atS: 0, source: 'scenario', action: { do: 'extricate', airTemperatureC: -5, windMPerS: 2 } },
  ...expert.filter((entry) => entry.atS < at30Min),
  { atS: 1200, source: 'scenario', action: { do: 'message', text: 'In the helicopter.' } },
];

describe('continuationActions', () => {
  it('replays only the run so far when nothing more is done', () => {
    const c = continuationActions(skier, runSoFar, at30Min, 'nothing');
    expect(c.actions.map((a) => a.action.do)).toEqual(['startCpr', 'ventilate']);
    expect(c.runActions).toBe(2);
    expect(c.expertActions).toBe(0);
  });

  it('appends the expert actions stamped from the question time on, in the expert order', () => {
    const c = continuationActions(skier, runSoFar, at30Min, 'expert');
    const later = expert.filter((entry) => entry.atS >= at30Min);
    expect(later.length).toBeGreaterThan(5);
    expect(c.actions).toEqual([...c.actions.slice(0, 2), ...later]);
    expect(c.actions.slice(0, 2).map((a) => a.action.do)).toEqual(['startCpr', 'ventilate']);
    expect(c.actions.map((a) => a.action.do)).toContain('cannulate');
    expect(c.runActions).toBe(2);
    expect(c.expertActions).toBe(later.length);
    // Nothing of the scenario's own timeline: the scenario makes those entries again.
    expect(c.actions.every((a) => a.source !== 'scenario')).toBe(true);
  });

  it("includes an expert action stamped at the question's second, after the learner's own", () => {
    const own: ReplayAction = { atS: 2700, source: 'learner', action: { do: 'defibrillate' } };
    const c = continuationActions(skier, [...runSoFar, own], 2700, 'expert');
    expect(c.actions[c.runActions - 1]).toEqual(own);
    expect(c.actions[c.runActions]!.action).toEqual({ do: 'cannulate', mode: 'va-ecmo' });
  });

  it('drops run actions stamped after the question time, so a whole log can be asked about any moment', () => {
    const c = continuationActions(skier, expert, 100, 'nothing');
    expect(c.actions.map((a) => a.atS)).toEqual([60, 90]);
  });

  it('refuses to follow the expert in a scenario without an expert run', () => {
    expect(() => continuationActions(testScenario(), [], 60, 'expert')).toThrow(
      /has no expert run to follow/,
    );
    expect(continuationActions(testScenario(), [], 60, 'nothing').actions).toEqual([]);
    expect(() => continuationActions(skier, [], -1, 'nothing')).toThrow(/a time ≥ 0 s/);
  });

  it("leaves a learner's earlier cannulation alone when the expert's plan cannulates again", () => {
    // The learner cannulated at 40:00; the expert's plan from 44:00 cannulates at 45:00, a no-op.
    const early: ReplayAction = {
      atS: 2400,
      source: 'learner',
      action: { do: 'cannulate', mode: 'va-ecmo' },
    };
    const c = continuationActions(skier, [...runSoFar, early], 2640, 'expert');
    expect(c.actions.filter((a) => a.action.do === 'cannulate')).toHaveLength(2);
    const withoutRepeat = c.actions.filter((a) => !(a.action.do === 'cannulate' && a.atS === 2700));
    const member = { scenario: skier, seed: 3, stepSeconds: 5 };
    expect(runMember({ ...member, actions: c.actions }).outcome).toEqual(
      runMember({ ...member, actions: withoutRepeat }).outcome,
    );
  });

  it("gives a far better survival at 30:00 if the rest follows the expert's plan than if nothing more is done", () => {
    const odds = (continuation: 'expert' | 'nothing') =>
      runEnsemble({
        scenario: skier,
        actions: continuationActions(skier, runSoFar, at30Min, continuation).actions,
        members: 12,
        seed: 5,
        stepSeconds: 5,
      }).summary;
    const followed = odds('expert');
    const stopped = odds('nothing');
    expect(followed.survival.survivors).toBeGreaterThan(stopped.survival.survivors + 3);
    expect(followed.neuro_outcome_cpc['5'].count).toBeLessThan(
      stopped.neuro_outcome_cpc['5'].count,
    );
  });
});
