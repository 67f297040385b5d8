// Assessment: replays a run log step by step, lets observers see every step and every action (with the
// state just before it), and grades the run against the scenario's objectives: each objective met
// or missed with the reason, and a score from 0 to 100 by the objectives' weights.

import type { TimedAction } from '../core/actions.ts';
import { formatClock } from '../core/clock.ts';
import type { Outcome } from '../engine/outputs.ts';
import { createSimulation, type EndReason, type Simulation } from '../engine/simulation.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import type { EngineEvent } from '../engine/events.ts';
import {
  conditionHolds,
  describeCondition,
  describeValues,
  formatOutputValue,
  outputValue,
  type Condition,
} from './condition.ts';
import { replayOptions, type RunLog } from './runLog.ts';
import type { ActionFieldTest, Objective, Scenario, TimeSpan } from './types.ts';

/** An action as it took effect, with the state just before it. */
export interface ActionMoment {
  readonly entry: TimedAction;
  readonly before: Snapshot;
  /** Position in the run's log. */
  readonly index: number;
}

/**
 * Sees a run as it is replayed: every action (before it takes effect) and every step after it, with
 * the engine's events since the last step (models/engine/events.ts).
 */
export interface RunObserver {
  action?(moment: ActionMoment): void;
  /**
   * The state at a step boundary, after that moment's actions; called at time zero and each step,
   * with the events seen since the previous call (at time zero: an arrest already going on).
   */
  step?(snapshot: Snapshot, events: readonly EngineEvent[]): void;
}

export interface ObservedRun {
  readonly scenario: Scenario;
  readonly log: RunLog;
  readonly sim: Simulation;
  readonly actions: readonly ActionMoment[];
  readonly final: Snapshot;
  readonly outcome: Outcome;
  readonly endReason: EndReason | null;
}

const EPSILON_S = 1e-9;

/** Replays `log` on `scenario` one model step at a time, showing each step to the observers. */
export function observeRun(
  scenario: Scenario,
  log: RunLog,
  observers: readonly RunObserver[],
): ObservedRun {
  const actions: ActionMoment[] = [];
  const sim = createSimulation(scenario, {
    ...replayOptions(log),
    onAction(entry, before) {
      const moment: ActionMoment = { entry, before, index: actions.length };
      actions.push(moment);
      for (const o of observers) o.action?.(moment);
    },
  });
  const stopS = Math.min(log.endS ?? scenario.end.atS, scenario.end.atS);
  let seenEvents = 0;
  const show = (snapshot: Snapshot): void => {
    const events = sim.events(seenEvents);
    seenEvents += events.length;
    for (const o of observers) o.step?.(snapshot, events);
  };
  let snapshot = sim.snapshot();
  show(snapshot);
  while (!sim.isFinished() && sim.timeS() < stopS - EPSILON_S) {
    sim.advance(Math.min(sim.stepSeconds, stopS - sim.timeS()));
    snapshot = sim.snapshot();
    show(snapshot);
  }
  return {
    scenario,
    log,
    sim,
    actions,
    final: snapshot,
    outcome: sim.outcome(),
    endReason: sim.endReason(),
  };
}

export interface ObjectiveResult {
  readonly id: string;
  readonly text: string;
  readonly weight: number;
  readonly met: boolean;
  /** Why, in words, with times and values. */
  readonly why: string;
  /** When it was decided, s, if at one moment. */
  readonly atS?: number;
}

export interface Grade {
  /** 0–100: the weights of the objectives met as a share of all weights, to one decimal. */
  readonly score: number;
  readonly objectives: readonly ObjectiveResult[];
}

interface Evaluator extends RunObserver {
  result(final: Snapshot): { met: boolean; why: string; atS?: number };
}

/** A grader for a scenario's objectives: observe a run with it, then ask for the grade. */
export function createGrader(scenario: Scenario): {
  readonly observer: RunObserver;
  grade(final: Snapshot): Grade;
} {
  const objectives = scenario.objectives ?? [];
  const evaluators = objectives.map(evaluatorFor);
  return {
    observer: {
      action: (moment) => evaluators.forEach((e) => e.action?.(moment)),
      step: (snapshot, events) => evaluators.forEach((e) => e.step?.(snapshot, events)),
    },
    grade(final) {
      const results = objectives.map((objective, i) => ({
        id: objective.id,
        text: objective.text,
        weight: objective.weight,
        ...evaluators[i]!.result(final),
      }));
      return { score: scoreOf(results), objectives: results };
    },
  };
}

/** Score 0–100 from results and weights, to one decimal; 0 when there is nothing to score. */
export function scoreOf(results: readonly { met: boolean; weight: number }[]): number {
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  if (!(total > 0)) return 0;
  const met = results.reduce((sum, r) => sum + (r.met ? r.weight : 0), 0);
  return Math.round((1000 * met) / total) / 10;
}

/** Grades a log against the scenario's objectives, or undefined when it has none. */
export function gradeRun(scenario: Scenario, log: RunLog): Grade | undefined {
  if ((scenario.objectives ?? []).length === 0) return undefined;
  const grader = createGrader(scenario);
  const run = observeRun(scenario, log, [grader.observer]);
  return grader.grade(run.final);
}

function inSpan(tS: number, span: TimeSpan): boolean {
  return (
    (span.afterS === undefined || tS >= span.afterS - EPSILON_S) &&
    (span.beforeS === undefined || tS <= span.beforeS + EPSILON_S)
  );
}

/** " before 1:00:00", " after 10:00", " between 10:00 and 1:00:00" or "". */
export function spanText(span: TimeSpan): string {
  const { afterS, beforeS } = span;
  if (afterS !== undefined && beforeS !== undefined)
    return ` between ${formatClock(afterS)} and ${formatClock(beforeS)}`;
  if (afterS !== undefined) return ` after ${formatClock(afterS)}`;
  if (beforeS !== undefined) return ` before ${formatClock(beforeS)}`;
  return '';
}

/** Whether an action's fields pass an objective's `where` tests. */
export function actionMatches(
  action: TimedAction['action'],
  name: string,
  where: Readonly<Record<string, ActionFieldTest>> | undefined,
): boolean {
  if (action.do !== name) return false;
  if (where === undefined) return true;
  const fields = action as unknown as Record<string, unknown>;
  for (const [key, test] of Object.entries(where)) {
    const value = fields[key];
    if ('equals' in test) {
      if (value !== test.equals) return false;
      continue;
    }
    if (typeof value !== 'number') return false;
    if (test.below !== undefined && !(value < test.below)) return false;
    if (test.above !== undefined && !(value > test.above)) return false;
  }
  return true;
}

/** "setOxygenator (sweepLPerMin above 0)". */
export function actionLabel(
  name: string,
  where: Readonly<Record<string, ActionFieldTest>> | undefined,
): string {
  if (where === undefined) return name;
  const tests = Object.entries(where).map(([key, test]) => {
    if ('equals' in test) return `${key} ${String(test.equals)}`;
    const parts: string[] = [];
    if (test.above !== undefined) parts.push(`above ${test.above}`);
    if (test.below !== undefined) parts.push(`below ${test.below}`);
    return `${key} ${parts.join(' and ')}`;
  });
  return `${name} (${tests.join(', ')})`;
}

function isLearner(moment: ActionMoment): boolean {
  return moment.entry.source === 'learner';
}

/** For a single comparison, the value closest to meeting it: lowest for "below", highest for "above". */
function closestTracker(condition: Condition): {
  see(snapshot: Snapshot): void;
  text(): string;
} {
  if (
    condition.kind !== 'compare' ||
    (condition.below !== undefined) === (condition.above !== undefined)
  )
    return { see: () => undefined, text: () => '' };
  const lowest = condition.below !== undefined;
  let best: number | undefined;
  let bestS = 0;
  return {
    see(snapshot) {
      const value = outputValue(snapshot, condition.output);
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      if (best === undefined || (lowest ? value < best : value > best)) {
        best = value;
        bestS = snapshot.tS;
      }
    },
    text: () =>
      best === undefined
        ? ''
        : `; ${lowest ? 'lowest' : 'highest'} ${condition.output} ${formatOutputValue(condition.output, best)} at ${formatClock(bestS)}`,
  };
}

/**
 * `reach` and `avoid`: watches for the first moment in the span at which the condition holds. That
 * moment meets the objective when `holdingMeets` (reach) and breaks it otherwise (avoid); a
 * condition that never held gives the opposite verdict, with the closest the run came.
 */
function firstHoldEvaluator(
  condition: Condition,
  span: TimeSpan,
  holdingMeets: boolean,
): Evaluator {
  let heldAt: Snapshot | undefined;
  const closest = closestTracker(condition);
  return {
    step(snapshot) {
      if (heldAt !== undefined || !inSpan(snapshot.tS, span)) return;
      closest.see(snapshot);
      if (conditionHolds(condition, snapshot)) heldAt = snapshot;
    },
    result() {
      const what = describeCondition(condition);
      if (heldAt !== undefined)
        return {
          met: holdingMeets,
          why: `${what} at ${formatClock(heldAt.tS)} (${describeValues(condition, heldAt)})`,
          atS: heldAt.tS,
        };
      return {
        met: !holdingMeets,
        why: `${what} never held${spanText(span)}${closest.text()}`,
      };
    },
  };
}

function evaluatorFor(objective: Objective): Evaluator {
  const check = objective.check;
  switch (check.kind) {
    case 'reach':
    case 'avoid':
      return firstHoldEvaluator(check.condition, check.span, check.kind === 'reach');
    case 'do': {
      const counted: ActionMoment[] = [];
      let firstBad: ActionMoment | undefined;
      const label = actionLabel(check.action, check.where);
      return {
        action(moment) {
          if (!isLearner(moment) || !actionMatches(moment.entry.action, check.action, check.where))
            return;
          if (!inSpan(moment.entry.atS, check.span)) return;
          counted.push(moment);
          if (
            firstBad === undefined &&
            check.onlyWhen !== undefined &&
            !conditionHolds(check.onlyWhen, moment.before)
          )
            firstBad = moment;
        },
        result() {
          if (counted.length === 0)
            return { met: false, why: `${label} was not done${spanText(check.span)}` };
          if (firstBad !== undefined && check.onlyWhen !== undefined)
            return {
              met: false,
              why: `${label} at ${formatClock(firstBad.entry.atS)} with ${describeValues(check.onlyWhen, firstBad.before)} (needed ${describeCondition(check.onlyWhen)})`,
              atS: firstBad.entry.atS,
            };
          const first = counted[0]!;
          const how =
            check.onlyWhen !== undefined
              ? ` with ${describeValues(check.onlyWhen, first.before)}`
              : '';
          const more =
            counted.length > 1
              ? ` (and ${counted.length - 1} more time${counted.length > 2 ? 's' : ''})`
              : '';
          return {
            met: true,
            why: `${label} at ${formatClock(first.entry.atS)}${how}${more}`,
            atS: first.entry.atS,
          };
        },
      };
    }
    case 'notDo': {
      let done: ActionMoment | undefined;
      const label = actionLabel(check.action, check.where);
      return {
        action(moment) {
          if (done !== undefined || !isLearner(moment)) return;
          if (!actionMatches(moment.entry.action, check.action, check.where)) return;
          if (inSpan(moment.entry.atS, check.span)) done = moment;
        },
        result() {
          if (done !== undefined)
            return {
              met: false,
              why: `${label} was done at ${formatClock(done.entry.atS)}`,
              atS: done.entry.atS,
            };
          return { met: true, why: `${label} was not done${spanText(check.span)}` };
        },
      };
    }
    case 'order': {
      const first = new Map<string, ActionMoment>();
      return {
        action(moment) {
          if (!isLearner(moment)) return;
          const name = moment.entry.action.do;
          if (check.actions.includes(name) && !first.has(name)) first.set(name, moment);
        },
        result() {
          const missing = check.actions.filter((name) => !first.has(name));
          if (missing.length > 0)
            return {
              met: false,
              why: `${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not done`,
            };
          for (let i = 1; i < check.actions.length; i++) {
            const earlier = first.get(check.actions[i - 1]!)!;
            const later = first.get(check.actions[i]!)!;
            if (later.index < earlier.index)
              return {
                met: false,
                why: `${check.actions[i]} (at ${formatClock(later.entry.atS)}) came before ${check.actions[i - 1]} (at ${formatClock(earlier.entry.atS)})`,
                atS: later.entry.atS,
              };
          }
          return {
            met: true,
            why: check.actions
              .map((name) => `${name} at ${formatClock(first.get(name)!.entry.atS)}`)
              .join(', then '),
          };
        },
      };
    }
    case 'atEnd':
      return {
        result(final) {
          const holds = conditionHolds(check.condition, final);
          const values = describeValues(check.condition, final);
          return holds
            ? {
                met: true,
                why: `at the end (${formatClock(final.tS)}): ${values}`,
                atS: final.tS,
              }
            : {
                met: false,
                why: `at the end (${formatClock(final.tS)}): ${values} (needed ${describeCondition(check.condition)})`,
                atS: final.tS,
              };
        },
      };
  }
}
