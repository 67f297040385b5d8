// Worker thread of `coldboot ensemble`: receives the ensemble's scenario and options once, then runs
// the members it is sent (each with its seed and parameter values) and posts their results back.
// Started by ensemblePool.ts; the protocol is models/ensemble/pool.ts.

import { parentPort } from 'node:worker_threads';
import { createWorkerHandler } from '../../models/ensemble/pool.ts';

const port = parentPort;
if (!port) throw new Error('ensembleWorker.ts runs only as a worker thread');

port.on(
  'message',
  createWorkerHandler((message, transfer) => port.postMessage(message, transfer)),
);
