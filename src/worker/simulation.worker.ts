// The simulation worker: hosts the engine off the main thread. All logic lives in SimulationHost;
// this file only wires it to the worker's message port.

import { SimulationHost } from './host.ts';
import type { MainToWorker, WorkerToMain } from './protocol.ts';

/** The part of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: WorkerToMain): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MainToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const host = new SimulationHost((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => host.handle(event.data));
