// The store talks to the simulation through this small port, so it can run in Node with a fake.

import type { DebriefRequest, DebriefResponse } from '../worker/debriefProtocol.ts';
import type { MainToWorker, WorkerToMain } from '../worker/protocol.ts';

export interface SimulationPort {
  post(message: MainToWorker): void;
  /** Registers the one listener for messages from the simulation. */
  listen(listener: (message: WorkerToMain) => void): void;
  terminate(): void;
}

export type SimulationPortFactory = () => SimulationPort;

/** The real port: the engine in a module worker. */
export function createWorkerPort(): SimulationPort {
  const worker = new Worker(new URL('../worker/simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coldboot-simulation',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen(listener) {
      worker.onmessage = (event: MessageEvent<WorkerToMain>) => listener(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        listener({
          type: 'error',
          message: `Simulation worker failed: ${event.message || 'unknown error'}`,
        });
      };
      worker.onmessageerror = () =>
        listener({
          type: 'error',
          message: 'Simulation worker sent a message that could not be read.',
        });
    },
    terminate: () => worker.terminate(),
  };
}

/** The debrief worker's port: requests in, reports out. */
export interface DebriefPort {
  post(message: DebriefRequest): void;
  listen(listener: (message: DebriefResponse) => void): void;
  terminate(): void;
}

export type DebriefPortFactory = () => DebriefPort;

/** The real debrief port: a second module worker, started the first time a debrief is asked for. */
export function createDebriefWorkerPort(): DebriefPort {
  const worker = new Worker(new URL('../worker/debrief.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coldboot-debrief',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen(listener) {
      worker.onmessage = (event: MessageEvent<DebriefResponse>) => listener(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        listener({
          type: 'debriefError',
          id: -1,
          message: `Debrief worker failed: ${event.message || 'unknown error'}`,
        });
      };
    },
    terminate: () => worker.terminate(),
  };
}
