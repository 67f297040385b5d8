// Runs the class debrief (classDebrief.ts) in a worker thread (debriefWorker.ts), loaded through
// tsx as the command line's ensemble workers are (src/cli/ensemblePool.ts); where a thread cannot
// be started, it runs here instead.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseScenario } from '../../models/index.ts';
import { classDebrief, type ClassDebriefInput, type ClassDebriefResult } from './classDebrief.ts';

function bootstrapCode(): string {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./debriefWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

function inThisThread(input: ClassDebriefInput): ClassDebriefResult {
  const scenario = parseScenario(input.scenarioText, input.scenarioFile);
  return classDebrief(scenario, input.hash, input.seed, input.runs);
}

export function classDebriefInThread(input: ClassDebriefInput): Promise<ClassDebriefResult> {
  let worker: Worker;
  try {
    worker = new Worker(bootstrapCode(), { eval: true });
  } catch {
    return Promise.resolve(inThisThread(input));
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
      (m: { ok: true; result: ClassDebriefResult } | { ok: false; message: string }) =>
        settle(() => (m.ok ? resolve(m.result) : reject(new Error(m.message)))),
    );
    // A thread that could not load (no tsx in it, say): the debrief is made here instead.
    worker.once('error', () => settle(() => resolve(inThisThread(input))));
    worker.once('exit', () => settle(() => resolve(inThisThread(input))));
    worker.postMessage(input);
  });
}
