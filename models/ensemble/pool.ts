// Spreads an ensemble's members over workers (Node worker threads on the command line, Web Workers
// in the browser) and collects them in member order, so the result is the same whatever the number
// of workers. The messages and the dispatch are here, once; each side only says how to start a
// worker. Members go out in small batches so every worker stays busy to the end.

import type { Outcome } from '../engine/outputs.ts';
import {
  createEnsembleCollector,
  EnsembleMemberError,
  runPlannedMember,
  type EnsembleRequest,
  type EnsembleResult,
} from './index.ts';
import type { MemberResult } from './member.ts';
import { ensembleDesign, memberPlan, type EnsembleDesign, type MemberPlan } from './sampling.ts';

/** Messages to a worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly request: EnsembleRequest }
  | { readonly type: 'run'; readonly plans: readonly MemberPlan[] };

/** Messages from a worker. */
export type FromWorker =
  | { readonly type: 'ready' }
  | {
      readonly type: 'results';
      readonly results: readonly {
        readonly member: number;
        readonly outcome: Outcome;
        readonly series?: Float64Array;
      }[];
    }
  | {
      readonly type: 'failed';
      readonly member: number;
      readonly seed: number;
      readonly parameters: Readonly<Record<string, number>>;
      readonly message: string;
    };

/** What the pool needs of a worker, whichever kind it is. */
export interface PoolWorker {
  post(message: ToWorker): void;
  /** Registers the handlers: messages, and the worker failing or stopping on its own. */
  listen(onMessage: (message: FromWorker) => void, onFailure: (error: Error) => void): void;
  terminate(): void | Promise<unknown>;
}

export interface PoolOptions {
  /** Workers; 0 runs every member in this thread. */
  readonly workers: number;
  /** Called after each batch of members arrives. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the ensemble: the workers are terminated and the promise rejects with the reason. */
  readonly signal?: CancelSignal;
}

/** What the pool uses of an AbortSignal (the DOM's and Node's both fit). */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/** Handles one worker's side of the protocol: init once, then run the plans it is sent. */
export function createWorkerHandler(
  post: (message: FromWorker, transfer: ArrayBuffer[]) => void,
): (message: ToWorker) => void {
  let request: EnsembleRequest | undefined;
  return (message) => {
    if (message.type === 'init') {
      request = message.request;
      post({ type: 'ready' }, []);
      return;
    }
    if (!request) throw new Error('ensemble worker: members requested before init');
    const results: { member: number; outcome: Outcome; series?: Float64Array }[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const plan of message.plans) {
      try {
        const result = runPlannedMember(request, plan);
        results.push({
          member: plan.member,
          outcome: result.outcome,
          ...(result.series ? { series: result.series } : {}),
        });
        if (result.series) transfer.push(result.series.buffer as ArrayBuffer);
      } catch (error) {
        post(
          {
            type: 'failed',
            member: plan.member,
            seed: plan.seed,
            parameters: plan.parameters,
            message: error instanceof Error ? error.message : String(error),
          },
          [],
        );
        return;
      }
    }
    post({ type: 'results', results }, transfer);
  };
}

/** What else an ensemble run can be given or asked for, besides the pool's options. */
export interface EnsembleRunOptions extends PoolOptions {
  /** The request's design, when the caller has computed it already (it must be of this request). */
  readonly design?: EnsembleDesign;
  /** Called with each member's result as it arrives, in any order (e.g. to keep every outcome). */
  readonly onMember?: (member: number, result: MemberResult) => void;
}

/** Runs the ensemble on `options.workers` workers started by `spawn` (in this thread if 0). */
export async function runEnsembleInPool(
  request: EnsembleRequest,
  spawn: () => PoolWorker,
  options: EnsembleRunOptions,
): Promise<EnsembleResult> {
  const design = options.design ?? ensembleDesign(request);
  const collector = createEnsembleCollector(request, design);
  const plans = Array.from({ length: design.members }, (_, i) => memberPlan(design, i));
  const { onMember } = options;
  await runPlansInPool(request, plans, spawn, options, (member, result) => {
    collector.add(member, result);
    onMember?.(member, result);
  });
  return collector.result();
}

/**
 * Runs planned members (each with its seed and parameter values) of a request on workers, handing
 * each result to `onResult` as it arrives (in any order). Rejects on the first failure or on cancel.
 */
export async function runPlansInPool(
  request: EnsembleRequest,
  plans: readonly MemberPlan[],
  spawn: () => PoolWorker,
  options: PoolOptions,
  onResult: (member: number, result: MemberResult) => void,
): Promise<void> {
  const total = plans.length;
  const count = Math.min(options.workers, total);
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  if (count <= 0) {
    for (let i = 0; i < total; i++) {
      if (signal?.aborted) throw abortError(signal);
      onResult(plans[i]!.member, runPlannedMember(request, plans[i]!));
      options.onProgress?.(i + 1, total);
    }
    return;
  }

  // Small batches keep the workers busy to the end; large enough that messages cost little.
  const batch = Math.max(1, Math.min(16, Math.floor(total / (count * 8))));
  let next = 0;
  let received = 0;
  const workers: PoolWorker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = false;
      const fail = (error: Error): void => {
        if (!finished) {
          finished = true;
          reject(error);
        }
      };
      signal?.addEventListener('abort', () => fail(abortError(signal)), { once: true });
      const dispatch = (worker: PoolWorker): void => {
        if (next >= total) return;
        const end = Math.min(total, next + batch);
        worker.post({ type: 'run', plans: plans.slice(next, end) });
        next = end;
      };
      for (let w = 0; w < count; w++) {
        const worker = spawn();
        workers.push(worker);
        worker.listen((message) => {
          if (finished) return;
          if (message.type === 'ready') {
            dispatch(worker);
          } else if (message.type === 'results') {
            try {
              for (const r of message.results) {
                onResult(
                  r.member,
                  r.series ? { outcome: r.outcome, series: r.series } : { outcome: r.outcome },
                );
              }
              received += message.results.length;
              options.onProgress?.(received, total);
            } catch (error) {
              fail(error instanceof Error ? error : new Error(String(error)));
              return;
            }
            if (received === total) {
              finished = true;
              resolve();
            } else dispatch(worker);
          } else {
            fail(
              new EnsembleMemberError(
                message.member,
                message.seed,
                message.parameters,
                message.message.replace(/^ensemble member \d+ \(seed -?\d+\): /, ''),
              ),
            );
          }
        }, fail);
        worker.post({ type: 'init', request });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function abortError(signal: CancelSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the ensemble was cancelled');
}
