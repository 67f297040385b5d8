// The debrief worker: replays a run and the expert's run off the main thread (a debrief of a long run
// takes a noticeable fraction of a second) and answers with the report. Logic: debriefReport.ts.

import { debriefReport } from './debriefReport.ts';
import type { DebriefRequest, DebriefResponse } from './debriefProtocol.ts';

interface WorkerScope {
  postMessage(message: DebriefResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DebriefRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const request = event.data;
  try {
    scope.postMessage({
      type: 'debrief',
      id: request.id,
      report: debriefReport(request.scenario, request.log),
    });
  } catch (error) {
    scope.postMessage({
      type: 'debriefError',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
