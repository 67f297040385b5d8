// Worker thread of the classroom server's class debrief: replays every learner's log with the
// models/ engine off the server's main thread, so the relay stays responsive while a large class's
// runs are replayed. Started by classDebriefThread.ts.

import { parentPort } from 'node:worker_threads';
import { parseScenario } from '../../models/index.ts';
import { classDebrief, type ClassDebriefInput } from './classDebrief.ts';

const port = parentPort;
if (!port) throw new Error('debriefWorker.ts runs only as a worker thread');

port.once('message', (input: ClassDebriefInput) => {
  try {
    const scenario = parseScenario(input.scenarioText, input.scenarioFile);
    port.postMessage({
      ok: true,
      result: classDebrief(scenario, input.hash, input.seed, input.runs),
    });
  } catch (error) {
    port.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
