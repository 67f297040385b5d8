// Uncertainty ensembles: many runs of one scenario (and one learner's action log), each with its
// parameters drawn from their plausible ranges by Latin hypercube and its own random seed, reduced
// to outcome probabilities, percentiles, sensitivities and fan bands. Pure TypeScript: the command
// line spreads members over Node worker threads, the browser over Web Workers; both call the same
// functions, and the same seed gives the same numbers whatever the number of workers.

import type { NumericSnapshotKey } from '../engine/snapshot.ts';
import type { Scenario } from '../scenario/types.ts';
import { createFanBandReducer, DEFAULT_FAN_KEYS, type FanBands } from './fanBands.ts';
import {
  DEFAULT_MEMBER_STEP_S,
  runMember,
  seriesGrid,
  type MemberResult,
  type ReplayAction,
} from './member.ts';
import {
  ensembleDesign,
  memberPlan,
  type EnsembleDesign,
  type EnsembleDesignOptions,
  type MemberPlan,
} from './sampling.ts';
import { summariseEnsemble, type EnsembleSummary, type MemberOutcome } from './summary.ts';

export * from './random.ts';
export * from './sampling.ts';
export * from './statistics.ts';
export * from './member.ts';
export * from './summary.ts';
export * from './fanBands.ts';
export * from './actionLog.ts';
export * from './continuation.ts';
export * from './memberTable.ts';

/** Everything that defines an ensemble; plain data, so it can be posted to a worker. */
export interface EnsembleRequest extends EnsembleDesignOptions {
  readonly scenario: Scenario;
  /** Learner and instructor actions to replay in every member (not the scenario's timeline). */
  readonly actions?: readonly ReplayAction[];
  /** Model step of every member, s (default DEFAULT_MEMBER_STEP_S, 5 s). */
  readonly stepSeconds?: number;
  /** Record fan bands of these outputs every `everyS` seconds. */
  readonly fan?: { readonly everyS: number; readonly keys?: readonly NumericSnapshotKey[] };
}

export interface EnsembleResult {
  readonly summary: EnsembleSummary;
  readonly fanBands?: FanBands;
}

/** A member that failed, with what is needed to run it again on its own. */
export class EnsembleMemberError extends Error {
  readonly member: number;
  readonly seed: number;
  readonly parameters: Readonly<Record<string, number>>;

  constructor(
    member: number,
    seed: number,
    parameters: Readonly<Record<string, number>>,
    cause: string,
  ) {
    super(`ensemble member ${member} (seed ${seed}): ${cause}`);
    this.name = 'EnsembleMemberError';
    this.member = member;
    this.seed = seed;
    this.parameters = parameters;
  }
}

/**
 * Runs one planned member (its seed and parameter values). Workers receive plans, so they never
 * need the whole design.
 */
export function runPlannedMember(request: EnsembleRequest, plan: MemberPlan): MemberResult {
  const fanKeys = request.fan ? (request.fan.keys ?? DEFAULT_FAN_KEYS) : undefined;
  try {
    return runMember({
      scenario: request.scenario,
      ...(request.actions !== undefined ? { actions: request.actions } : {}),
      parameters: plan.parameters,
      seed: plan.seed,
      ...(request.stepSeconds !== undefined ? { stepSeconds: request.stepSeconds } : {}),
      ...(request.fan && fanKeys ? { series: { everyS: request.fan.everyS, keys: fanKeys } } : {}),
    });
  } catch (error) {
    throw new EnsembleMemberError(
      plan.member,
      plan.seed,
      plan.parameters,
      error instanceof Error ? error.message : String(error),
    );
  }
}

/** Runs member `member` of a request whose design has been computed. */
export function runEnsembleMember(
  request: EnsembleRequest,
  design: EnsembleDesign,
  member: number,
): MemberResult {
  return runPlannedMember(request, memberPlan(design, member));
}

/** Collects member results in any order and reduces them once all have arrived. */
export interface EnsembleCollector {
  add(member: number, result: MemberResult): void;
  readonly received: number;
  result(): EnsembleResult;
}

export function createEnsembleCollector(
  request: EnsembleRequest,
  design: EnsembleDesign,
): EnsembleCollector {
  const outcomes: (MemberOutcome | undefined)[] = new Array<MemberOutcome | undefined>(
    design.members,
  );
  const fanKeys = request.fan ? (request.fan.keys ?? DEFAULT_FAN_KEYS) : [];
  const fan = request.fan
    ? createFanBandReducer(
        design.members,
        seriesGrid(
          request.scenario.end.atS,
          request.fan.everyS,
          request.stepSeconds ?? DEFAULT_MEMBER_STEP_S,
        ),
        fanKeys,
      )
    : undefined;
  let received = 0;
  return {
    add(member, result) {
      if (outcomes[member] !== undefined) throw new Error(`member ${member} arrived twice`);
      const o = result.outcome;
      // Keep only what the summary needs: a few numbers per member.
      outcomes[member] = {
        survived: o.survived,
        survival_probability: o.survival_probability,
        rosc_time_s: o.rosc_time_s,
        neuro_outcome_cpc: o.neuro_outcome_cpc,
        brain_lost_fraction: o.brain_lost_fraction,
        min_core_temp_c: o.min_core_temp_c,
        max_potassium_mmol_l: o.max_potassium_mmol_l,
        arrest_count: o.arrest_count,
      };
      if (fan) {
        if (!result.series) throw new Error(`member ${member} arrived without its series`);
        fan.add(member, result.series);
      }
      received++;
    },
    get received() {
      return received;
    },
    result() {
      const missing = outcomes.findIndex((o) => o === undefined);
      if (missing >= 0 || outcomes.length === 0) {
        throw new Error(`ensemble: member ${missing} has not arrived`);
      }
      const summary = summariseEnsemble(design, outcomes as MemberOutcome[]);
      return fan ? { summary, fanBands: fan.result() } : { summary };
    },
  };
}

/** Runs a whole ensemble in this thread (tests, small ensembles; workers call runEnsembleMember). */
export function runEnsemble(
  request: EnsembleRequest,
  onProgress?: (done: number, total: number) => void,
): EnsembleResult {
  const design = ensembleDesign(request);
  const collector = createEnsembleCollector(request, design);
  for (let i = 0; i < design.members; i++) {
    collector.add(i, runEnsembleMember(request, design, i));
    onProgress?.(i + 1, design.members);
  }
  return collector.result();
}
