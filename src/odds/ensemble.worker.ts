// A Web Worker of "What are the odds?": runs the ensemble members it is sent (protocol and logic in
// models/ensemble/pool.ts) and posts their results back.

import { createWorkerHandler, type FromWorker, type ToWorker } from '../../models/ensemble/pool.ts';

/** The part of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createWorkerHandler((message, transfer) => scope.postMessage(message, transfer));
scope.addEventListener('message', (event) => handle(event.data));
