// The store talks to the simulation through this small port, so it can run in Node with a fake.

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
