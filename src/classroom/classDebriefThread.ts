// Runs the class debrief (classDebrief.ts) on a small pool of worker threads (debriefWorker.ts),
// started as the command line's ensemble workers are (the built file, or through tsx from the
// sources: src/cli/locate.ts). Each thread replays its share of the learners' logs (every other
// one, so long and short runs mix); the results are put back in the class's order, so the debrief
// is the same whatever the number of threads. One core is left to the relay. Where a thread cannot be started, the share is replayed
// here instead. (models/ensemble/pool.ts spreads ensemble members, whose messages are another
// shape; the dispatch here is a split into shares, which needs no queue.)

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseScenario } from '../../models/index.ts';
import {
  assembleClassDebrief,
  replayExpert,
  replayLearner,
  type ClassDebriefInput,
  type ClassDebriefResult,
  type LearnerReplay,
} from './classDebrief.ts';
import type { ClassDebrief } from './protocol.ts';
import { workerEntry } from '../cli/locate.ts';

/** A worker's share: some learners' runs, and the expert's run or not. */
export interface DebriefShare extends ClassDebriefInput {
  readonly expert: boolean;
}

export interface ShareResult {
  readonly replays: readonly LearnerReplay[];
  readonly expert: ClassDebrief['expert'];
}

/** Replays a share (in a worker thread, or here). */
export function replayShare(share: DebriefShare): ShareResult {
  const scenario = parseScenario(share.scenarioText, share.scenarioFile);
  return {
    replays: share.runs.map((r) => replayLearner(scenario, share.hash, share.seed, r)),
    expert: share.expert ? replayExpert(scenario, share.seed) : null,
  };
}

/** Threads for a class debrief: one per core but one (left to the relay), at least one. */
export function debriefThreadCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

function inThread(share: DebriefShare): Promise<ShareResult> {
  let worker: Worker;
  try {
    const entry = workerEntry('debriefWorker', import.meta.url);
    worker = new Worker(entry.code, { eval: entry.eval });
  } catch {
    return Promise.resolve(replayShare(share));
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.once(
      'message',
      (m: { ok: true; result: ShareResult } | { ok: false; message: string }) =>
        settle(() => (m.ok ? resolve(m.result) : reject(new Error(m.message)))),
    );
    // A thread that could not load (its built file missing, say): the share is replayed here instead.
    worker.once('error', () => settle(() => resolve(replayShare(share))));
    worker.once('exit', () => settle(() => resolve(replayShare(share))));
    worker.postMessage(share);
  });
}

/**
 * The class debrief, replayed on `threads` worker threads (default debriefThreadCount()); 0
 * replays everything in this thread (blocking it).
 */
export async function classDebriefInThread(
  input: ClassDebriefInput,
  threads = debriefThreadCount(),
): Promise<ClassDebriefResult> {
  const scenario = parseScenario(input.scenarioText, input.scenarioFile);
  const n = Math.min(threads, Math.max(1, input.runs.length));
  const shares: DebriefShare[] = Array.from({ length: Math.max(1, n) }, (_, i) => ({
    ...input,
    runs: input.runs.filter((_, j) => j % Math.max(1, n) === i),
    expert: i === 0,
  }));
  const results =
    threads === 0
      ? shares.map(replayShare)
      : await Promise.all(shares.map((share) => inThread(share)));
  // Back in the class's order: share i holds runs i, i + n, i + 2n, …
  const replays: LearnerReplay[] = [];
  for (let j = 0; j < input.runs.length; j++) {
    replays.push(results[j % shares.length]!.replays[Math.floor(j / shares.length)]!);
  }
  return assembleClassDebrief(scenario, replays, results[0]!.expert);
}
