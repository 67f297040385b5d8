// One ensemble member: a scenario run to its end with one set of parameter values and one seed,
// replaying the learner's actions at the simulated times they were taken (by the engine's replay). Optionally records a few
// outputs on a coarse time grid for fan bands. Pure: runs in Node workers and browser Web Workers.

import type { TimedAction } from '../core/actions.ts';
import type { Outcome } from '../engine/outputs.ts';
import { createSimulation } from '../engine/simulation.ts';
import { OUTPUTS, type NumericSnapshotKey } from '../engine/snapshot.ts';
import type { Scenario } from '../scenario/types.ts';

/** An action to replay: what was done and when (simulated time, s). */
export type ReplayAction = Pick<TimedAction, 'atS' | 'action'> & {
  readonly source?: TimedAction['source'];
};

/** Outputs to record on a time grid: every `everyS` seconds from 0, and at the end. */
export interface SeriesSpec {
  readonly everyS: number;
  readonly keys: readonly NumericSnapshotKey[];
}

export interface MemberRequest {
  readonly scenario: Scenario;
  /**
   * Learner and instructor actions with their times (a recorded log may be passed whole: entries
   * whose source is 'scenario' are skipped, since the scenario makes them again).
   */
  readonly actions?: readonly ReplayAction[];
  /** Parameter values by name (the member's sampled values and any held ones). */
  readonly parameters?: Readonly<Record<string, number>>;
  /** Seed of the engine's random events. */
  readonly seed: number;
  /** Model step, s (default DEFAULT_MEMBER_STEP_S). */
  readonly stepSeconds?: number;
  readonly series?: SeriesSpec;
}

export interface MemberResult {
  readonly outcome: Outcome;
  /** Recorded outputs, times × keys row-major (absent without a SeriesSpec). */
  readonly series?: Float64Array;
}

/**
 * Model step of ensemble members unless asked otherwise, s. Coarser than a single run's 1 s: it makes
 * 1,000 members of a 6-hour scenario fit in 10 s on 2 cores, and the ensemble's statistics agree with
 * a 1 s step (measured in doc/uncertainty.md, checked in test/ensemble/step.test.ts).
 */
export const DEFAULT_MEMBER_STEP_S = 5;

/** Outcome fields that must be finite numbers in every member. */
const NUMERIC_OUTCOME_FIELDS = [
  'brain_lost_fraction',
  'brain_at_risk_fraction',
  'min_core_temp_c',
  'max_potassium_mmol_l',
] as const;

/** Sample times of a series on a grid: 0, everyS, 2·everyS, … and the end, s. */
export function seriesTimes(endS: number, everyS: number): number[] {
  if (!(everyS > 0 && Number.isFinite(everyS))) {
    throw new Error(`series: expected a positive number of seconds, found ${everyS}`);
  }
  const times: number[] = [];
  for (let k = 0; k * everyS < endS - 1e-9; k++) times.push(k * everyS);
  times.push(endS);
  return times;
}

/** Sample times of a member's series: seriesTimes moved onto the model's step grid, s. */
export function seriesGrid(endS: number, everyS: number, stepSeconds: number): number[] {
  return seriesTimes(endS, everyS).map((t) => onStepGrid(t, stepSeconds, endS));
}

/** The first step boundary at or after t (an action between steps takes effect at the next one). */
function onStepGrid(t: number, stepSeconds: number, endS: number): number {
  return Math.min(endS, Math.max(0, Math.ceil(t / stepSeconds - 1e-9) * stepSeconds));
}

/** The scenario's own timeline entries are dropped: the scenario replays them itself. */
export function actionsToReplay(log: readonly ReplayAction[]): ReplayAction[] {
  return log.filter((entry) => entry.source !== 'scenario');
}

/**
 * Runs one member to the scenario's end (or its end condition). The learner's actions are replayed by
 * the engine (SimulationOptions.replay), after the scenario's own entries and triggers of the same
 * moment, exactly as `coldboot summary --log` replays them. Throws if the run produces a number that
 * is not finite.
 */
export function runMember(request: MemberRequest): MemberResult {
  const { scenario, series } = request;
  const step = request.stepSeconds ?? DEFAULT_MEMBER_STEP_S;
  const endS = scenario.end.atS;
  const replay: TimedAction[] = [];
  (request.actions ?? []).forEach((entry, i) => {
    if (!(entry.atS >= 0 && entry.atS <= endS)) {
      throw new Error(
        `actions[${i}].atS: expected a time from 0 to ${endS} s (within the scenario), found ${entry.atS}`,
      );
    }
    if (entry.source !== 'scenario') {
      replay.push({ atS: entry.atS, source: entry.source ?? 'learner', action: entry.action });
    }
  });
  const sim = createSimulation(scenario, {
    seed: request.seed,
    stepSeconds: step,
    ...(request.parameters !== undefined ? { parameters: request.parameters } : {}),
    replay,
  });
  const times = series ? seriesGrid(endS, series.everyS, step) : [];
  const keys = series?.keys ?? [];
  // Read through the output table: no snapshot is built at the grid's times.
  const readers = keys.map((key) => {
    const output = OUTPUTS.find((o) => o.key === key);
    if (output === undefined) throw new Error(`series: no numeric output ${key}`);
    return output.read;
  });
  const recorded = series ? new Float64Array(times.length * keys.length) : undefined;
  const advanceTo = (t: number): void => {
    const now = sim.timeS();
    if (t > now) sim.advance(t - now);
  };
  // Grid times lie on step boundaries, so every advance lands exactly on one. A run that ends early
  // (an end condition) keeps its last state for the rest of the grid.
  times.forEach((t, i) => {
    advanceTo(t);
    for (let k = 0; k < keys.length; k++) recorded![i * keys.length + k] = sim.read(readers[k]!);
  });
  advanceTo(endS);
  const outcome = sim.outcome();
  for (const field of NUMERIC_OUTCOME_FIELDS) {
    if (!Number.isFinite(outcome[field])) {
      throw new Error(`the run produced ${outcome[field]} for ${field}`);
    }
  }
  if (recorded) {
    for (let i = 0; i < recorded.length; i++) {
      if (!Number.isFinite(recorded[i]!)) {
        const key = keys[i % keys.length]!;
        const atS = times[Math.floor(i / keys.length)]!;
        throw new Error(`the run produced ${recorded[i]} for ${key} at ${atS} s`);
      }
    }
  }
  return recorded ? { outcome, series: recorded } : { outcome };
}
