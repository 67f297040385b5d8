// The run log of the app's current run (coldboot/run-log@1): the scenario's hash, the seed, and every
// action the worker reported (scenario timeline and learners), stamped with simulated time. Replaying
// it with the same scenario gives the same run, step for step.

import {
  RUN_LOG_FORMAT,
  scenarioHash,
  type RunBranch,
  type RunLog,
  type Scenario,
  type TimedAction,
} from '../../models/index.ts';

/** The app runs the model with a step of 1 s (parameter overrides only in the sandbox). */
export const APP_STEP_SECONDS = 1;

const hashes = new WeakMap<Scenario, string>();

/** The scenario's content hash, computed once per scenario object. */
export function cachedScenarioHash(scenario: Scenario): string {
  let hash = hashes.get(scenario);
  if (hash === undefined) {
    hash = scenarioHash(scenario);
    hashes.set(scenario, hash);
  }
  return hash;
}

/**
 * The log of a run so far. `atS` is where the run stands (the latest snapshot); a finished run has
 * no `endS` (it ran to the scenario's end), an unfinished one stops at `atS`. `parameters` are the
 * model overrides the run was made with (the sandbox's edits); `branches` the paths the learner left
 * by rewinding, oldest first.
 */
export function recordedRunLog(
  scenario: Scenario,
  seed: number,
  actions: readonly TimedAction[],
  atS: number,
  finished: boolean,
  parameters: Readonly<Record<string, number>> = {},
  branches: readonly RunBranch[] = [],
): RunLog {
  const lastActionS = actions.length > 0 ? actions[actions.length - 1]!.atS : 0;
  return {
    format: RUN_LOG_FORMAT,
    scenario: { title: scenario.title.slice(0, 120), hash: cachedScenarioHash(scenario) },
    seed,
    stepSeconds: APP_STEP_SECONDS,
    parameters: { ...parameters },
    ...(finished ? {} : { endS: Math.max(atS, lastActionS) }),
    actions: actions.map((a) => ({ atS: a.atS, source: a.source, action: a.action })),
    ...(branches.length > 0 ? { branches: [...branches] } : {}),
  };
}

/** Where a log's run stops: its endS, or the scenario's end. */
export function logStopS(log: RunLog, scenario: Scenario): number {
  return Math.min(log.endS ?? scenario.end.atS, scenario.end.atS);
}

/** A file name for a downloaded log: "skier-under-ice-run-0h40m.json". */
export function logFileName(scenarioFileName: string, atS: number): string {
  const base = scenarioFileName.replace(/\.(ya?ml|json)$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  const minutes = Math.floor(atS / 60);
  const stamp = `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
  return `${base || 'scenario'}-run-${stamp}.json`;
}
