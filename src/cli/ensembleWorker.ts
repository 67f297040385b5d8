// Worker thread of `coldboot ensemble`: receives the ensemble's scenario and options once, then runs
// the members it is sent (each with its seed and parameter values) and posts their results back.
// Started by ensemblePool.ts.

import { parentPort } from 'node:worker_threads';
import type { Outcome } from '../../models/engine/outputs.ts';
import {
  EnsembleMemberError,
  runPlannedMember,
  type EnsembleRequest,
} from '../../models/ensemble/index.ts';
import type { FromWorker, ToWorker } from './ensemblePool.ts';

const port = parentPort;
if (!port) throw new Error('ensembleWorker.ts runs only as a worker thread');

let request: EnsembleRequest | undefined;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    request = message.request;
    post({ type: 'ready' });
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
      post({
        type: 'failed',
        member: plan.member,
        seed: plan.seed,
        parameters: plan.parameters,
        message:
          error instanceof EnsembleMemberError
            ? error.message
            : error instanceof Error
              ? error.message
              : String(error),
      });
      return;
    }
  }
  post({ type: 'results', results }, transfer);
});
