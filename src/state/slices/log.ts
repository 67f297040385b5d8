// The event log slice: what has happened so far, numbered for the event log panel. Only the worker
// reducer (workerReducer.ts) appends to it; a new run (loadScenario, reset) empties it.

import { type LogEntry, type Slice } from './shared.ts';

export interface LogSlice {
  /** Newest last, at most MAX_LOG_ENTRIES. */
  events: readonly LogEntry[];
}

export const createLogSlice: Slice<LogSlice> = () => ({ events: [] });
