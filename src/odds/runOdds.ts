// Runs "What are the odds?" in the browser: the learner's run (scenario and action log) replayed by
// an ensemble over the uncertain parameters, spread over one Web Worker per core, with progress and
// cancel. The statistics are the same as `coldboot ensemble` gives for the same seed and log.

import {
  DEFAULT_FAN_KEYS,
  type EnsembleRequest,
  type EnsembleResult,
  type ReplayAction,
} from '../../models/ensemble/index.ts';
import {
  hypothesisPlans,
  hypothesisPoints,
  sweepValues,
  type HypothesisPoint,
} from '../../models/ensemble/hypothesis.ts';
import {
  runEnsembleInPool,
  runPlansInPool,
  type PoolOptions,
  type PoolWorker,
} from '../../models/ensemble/pool.ts';
import type { Outcome, Scenario } from '../../models/index.ts';
import {
  VIEW_MEMBERS,
  summariseViews,
  viewPlans,
  type ViewOutcome,
} from '../../models/ensemble/views.ts';

export interface OddsRequest {
  readonly scenario: Scenario;
  /** The learner's (and instructor's) actions so far; scenario entries are made by the scenario. */
  readonly actions: readonly ReplayAction[];
  readonly members: number;
  readonly seed: number;
  /** Parameter values held in every member (e.g. the sandbox's edits). */
  readonly fixed?: Readonly<Record<string, number>>;
  /** Fan bands every this many simulated seconds (default: about 240 points over the run). */
  readonly fanEveryS?: number;
}

export interface OddsOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Workers (default: one per core, at most 8). */
  readonly workers?: number;
}

/** Workers the browser will run: one per logical core, between 1 and 8. */
export function browserWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(8, Math.max(1, cores));
}

/** The ensemble request of an odds run (plain data; the same as the command line builds). */
export function oddsEnsembleRequest(request: OddsRequest): EnsembleRequest {
  const endS = request.scenario.end.atS;
  const everyS = request.fanEveryS ?? Math.max(60, Math.ceil(endS / 240 / 60) * 60);
  return {
    scenario: request.scenario,
    members: request.members,
    seed: request.seed,
    actions: request.actions,
    ...(request.fixed ? { fixed: request.fixed } : {}),
    fan: { everyS, keys: DEFAULT_FAN_KEYS },
  };
}

export function runOdds(request: OddsRequest, options: OddsOptions = {}): Promise<EnsembleResult> {
  return runEnsembleInPool(oddsEnsembleRequest(request), spawnWebWorker, poolOptions(options));
}

/**
 * The hypothesis sweep: the learner's run replayed with the self-check threshold at `count` values
 * from 10 to 32 °C (every other parameter at its best estimate or held value, the same seed).
 */
export async function runHypothesis(
  request: Omit<OddsRequest, 'members' | 'fanEveryS'>,
  options: OddsOptions & { readonly count?: number } = {},
): Promise<HypothesisPoint[]> {
  const plans = hypothesisPlans(
    sweepValues(10, 32, options.count ?? 12),
    request.seed,
    request.fixed,
  );
  const outcomes: Outcome[] = new Array<Outcome>(plans.length);
  await runPlansInPool(
    {
      scenario: request.scenario,
      members: plans.length,
      seed: request.seed,
      actions: request.actions,
    },
    plans,
    spawnWebWorker,
    poolOptions(options),
    (member, result) => {
      outcomes[member] = result.outcome;
    },
  );
  return hypothesisPoints(plans, outcomes, request.fixed);
}

/** The plans a views comparison replays: the learner's, and the expert's when there is one. */
export interface ViewsRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly fixed?: Readonly<Record<string, number>>;
  /** Each plan's actions, by name; their outcomes come back under the same names. */
  readonly plans: Readonly<Record<string, readonly ReplayAction[]>>;
  /** Sampled worlds per view (default VIEW_MEMBERS). */
  readonly members?: number;
}

/**
 * The two views side by side: each plan replayed on the same sampled worlds with the balance between
 * the views held at each of VIEWS (models/ensemble/views.ts). Progress counts every run of every plan.
 */
export async function runViews(
  request: ViewsRequest,
  options: OddsOptions = {},
): Promise<Record<string, ViewOutcome[]>> {
  const members = request.members ?? VIEW_MEMBERS;
  const plans = viewPlans(members, request.seed, request.fixed);
  const names = Object.keys(request.plans);
  const total = plans.length * names.length;
  const result: Record<string, ViewOutcome[]> = {};
  for (const [index, name] of names.entries()) {
    const outcomes: Outcome[] = new Array<Outcome>(plans.length);
    const offset = index * plans.length;
    await runPlansInPool(
      {
        scenario: request.scenario,
        members: plans.length,
        seed: request.seed,
        actions: request.plans[name]!,
      },
      plans,
      spawnWebWorker,
      poolOptions({
        ...options,
        ...(options.onProgress
          ? { onProgress: (done: number) => options.onProgress!(offset + done, total) }
          : {}),
      }),
      (member, memberResult) => {
        outcomes[member] = memberResult.outcome;
      },
    );
    result[name] = summariseViews(members, outcomes);
  }
  return result;
}

function poolOptions(options: OddsOptions): PoolOptions {
  return {
    workers: options.workers ?? browserWorkerCount(),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function spawnWebWorker(): PoolWorker {
  const worker = new Worker(new URL('./ensemble.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coldboot-odds',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.addEventListener('message', (event: MessageEvent) => onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) =>
        onFailure(new Error(event.message || 'an odds worker failed to start')),
      );
      worker.addEventListener('messageerror', () =>
        onFailure(new Error('an odds worker sent a message that could not be read')),
      );
    },
    terminate: () => worker.terminate(),
  };
}
