// Worker thread of the classroom server's class debrief: replays its share of the learners' logs
// with the models/ engine off the server's main thread, so the relay stays responsive while a large
// class's runs are replayed. Started by classDebriefThread.ts.

import { parentPort } from 'node:worker_threads';
import { replayShare, type DebriefShare } from './classDebriefThread.ts';

const port = parentPort;
if (!port) throw new Error('debriefWorker.ts runs only as a worker thread');

port.once('message', (share: DebriefShare) => {
  try {
    port.postMessage({ ok: true, result: replayShare(share) });
  } catch (error) {
    port.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
