// The event log slice: what has happened so far, numbered for the event log panel. In the run's
// window only the worker reducer (workerReducer.ts) appends to it and a new run (emptyRun) empties
// it; an instructor window gets it mirrored (instructorLink.ts).

import { type LogEntry, type Slice } from './shared.ts';

export interface LogSlice {
  /** Newest last, at most MAX_LOG_ENTRIES. */
  events: readonly LogEntry[];
}

export const createLogSlice: Slice<LogSlice> = () => ({ events: [] });
