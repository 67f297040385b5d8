// The store's reducer of the simulation worker's messages: a pure function from what the store holds
// (the fields of the app state it reads, and its link to the worker) and one message to what changes.
// The store (store.ts) applies the outcome: it sets the patch, appends the samples to its mutable
// trend buffer (bumping trendVersion when any were kept) and then, if asked, computes the debrief
// or ends the run.

import { TREND_SERIES, type TrendSample, type WorkerToMain } from '../worker/protocol.ts';
import type { Snapshot } from '../../models/index.ts';
import type { AppState, LogEntry, RunStatus } from './store.ts';
import { TrendBuffer } from './trendBuffer.ts';

/** At most this many entries stay in the event log (the run's actions are all kept). */
export const MAX_LOG_ENTRIES = 500;

/** What the store knows of its worker besides the app state. */
export interface WorkerLink {
  /**
   * True from sending `load` or `reset` until the worker answers `loaded`: ticks of the previous run
   * still in flight are dropped, so they never reach the fresh trend.
   */
  readonly awaitingLoaded: boolean;
  /** Compute the debrief as soon as the replay being loaded has arrived (restoring a debrief). */
  readonly debriefWhenLoaded: boolean;
  /** Id of the next event log entry. */
  readonly nextLogId: number;
}

/** The fields of the app state the reducer reads. */
export type WorkerView = Pick<AppState, 'status' | 'events' | 'actions' | 'leftPaths' | 'screen'>;

export interface Received {
  /** The app state's fields that change (empty when none do). */
  readonly patch: Partial<AppState>;
  readonly link: WorkerLink;
  /** Trend samples for the trend buffer (empty when none). */
  readonly samples: readonly TrendSample[];
  /**
   * What the store does next: compute the debrief (a restored debrief's replay has arrived), or end
   * the run (the scenario ended while it ran on the run screen: on to the debrief).
   */
  readonly then: 'requestDebrief' | 'endRun' | null;
  /** Said of a message the reducer does not know (the store logs it). */
  readonly warning?: string;
}

/** Turns one worker message into what changes in the store. */
export function receive(state: WorkerView, link: WorkerLink, message: WorkerToMain): Received {
  const unchanged: Received = { patch: {}, link, samples: [], then: null };
  switch (message.type) {
    case 'loaded':
      return {
        ...unchanged,
        patch: { status: 'ready', endS: message.endS, title: message.title },
        link: { ...link, awaitingLoaded: false },
      };
    case 'tick': {
      if (link.awaitingLoaded) return unchanged;
      const status = statusOf(message.snapshot, message.running);
      // Not the speed: the store is its one source (a tick posted before the worker heard a new
      // speed would otherwise undo the learner's last change).
      const patch: Partial<AppState> = { snapshot: message.snapshot, status };
      if (message.stopped) patch.stopReason = message.stopped;
      let { nextLogId } = link;
      if (message.events.length > 0) {
        const added: LogEntry[] = message.events.map((e) => ({ ...e, id: nextLogId++ }));
        patch.events = appendBounded(state.events, added, MAX_LOG_ENTRIES);
        patch.actions = state.actions.concat(message.events);
      }
      let then: Received['then'] = null;
      if (link.debriefWhenLoaded) then = 'requestDebrief';
      else if (status === 'finished' && state.status === 'running' && state.screen === 'run') {
        then = 'endRun';
      }
      return {
        patch,
        link: { ...link, nextLogId, debriefWhenLoaded: false },
        samples: message.samples,
        then,
      };
    }
    case 'finished':
      if (link.awaitingLoaded) return unchanged;
      return { ...unchanged, patch: { status: 'finished' } };
    case 'branchTrace': {
      // A trace of a path no longer kept (a new run, a dropped path) finds no path.
      const index = state.leftPaths.findIndex((p) => p.id === message.id);
      if (index < 0) return unchanged;
      const trace = new TrendBuffer(TREND_SERIES.length, Math.max(2, message.samples.length));
      trace.append(message.samples);
      const leftPaths = state.leftPaths.slice();
      leftPaths[index] = { ...state.leftPaths[index]!, trace };
      return { ...unchanged, patch: { leftPaths } };
    }
    case 'error':
      return {
        ...unchanged,
        patch: {
          status: 'error',
          errorKind: 'simulation',
          errorMessage: message.message,
          errorDetail: null,
        },
      };
    default: {
      const unknown: never = message;
      const type = String((unknown as { type?: unknown }).type);
      return { ...unchanged, warning: `Unknown message from the simulation: ${type}` };
    }
  }
}

/** The run's status from a snapshot and whether the worker is running it. */
export function statusOf(snapshot: Snapshot, running: boolean): RunStatus {
  if (snapshot.finished) return 'finished';
  if (running) return 'running';
  return snapshot.tS > 0 ? 'paused' : 'ready';
}

/** `list` and then `added`, keeping the newest `max` (one new array). */
function appendBounded<T>(list: readonly T[], added: readonly T[], max: number): T[] {
  const drop = Math.max(0, list.length + added.length - max);
  return drop >= list.length ? added.slice(drop - list.length) : list.slice(drop).concat(added);
}
