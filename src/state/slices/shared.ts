// What the store's slices share: the types of their fields (a run's status, where a scenario comes
// from, a path left, a notice, an error, a log entry...), the runtime (the worker ports and what the
// store waits for, which no component sees) and small helpers. store.ts re-exports the types.

import { type StateCreator } from 'zustand/vanilla';
import {
  ScenarioError,
  type RunBranch,
  type RunLog,
  type ScenarioIssue,
  type TimedAction,
} from '../../../models/index.ts';
import type { FanBands } from '../../../models/ensemble/fanBands.ts';
import type { Continuation } from '../../../models/ensemble/continuation.ts';
import type { DebriefReport } from '../../worker/debriefProtocol.ts';
import type { MainToWorker, ReplayRequest } from '../../worker/protocol.ts';
import { type ScenarioOrigin } from '../library.ts';
import type { DebriefPort, SimulationPort } from '../port.ts';
import { TrendBuffer } from '../trendBuffer.ts';
import type { AppState } from '../store.ts';

export type RunStatus = 'idle' | 'loading' | 'ready' | 'running' | 'paused' | 'finished' | 'error';

/**
 * Where a scenario comes from: a URL to fetch, or text already read (e.g. a file the user chose).
 * `origin` defaults to "library" for a URL and "file" for text.
 */
export type ScenarioSource =
  | { readonly url: string; readonly fileName?: string; readonly origin?: ScenarioOrigin }
  | { readonly text: string; readonly fileName: string; readonly origin?: ScenarioOrigin };

/** How a scenario is loaded: fresh, or replaying a recorded run to a time (restore, review). */
export interface LoadOptions {
  readonly replay?: ReplayRequest;
  /** Seed of the run (default: the store's seed; a replayed log's own seed). */
  readonly seed?: number;
  readonly speed?: number;
  /** Model parameter overrides by name (default none; the sandbox's edits, a replayed log's own). */
  readonly parameters?: Readonly<Record<string, number>>;
  /** The paths left by rewinding (default none); those without a trace are traced by the worker. */
  readonly leftPaths?: readonly LeftPath[];
}

/** A path the learner left by rewinding, with its trend once the worker has traced it. */
export interface LeftPath {
  readonly id: number;
  readonly branch: RunBranch;
  /** Its trend from the moment rewound to, in TREND_SERIES order (null until traced). */
  readonly trace: TrendBuffer | null;
}

/** The screens of the app, in the order a class meets them. */
export type Screen = 'library' | 'briefing' | 'run' | 'debrief';

/** A short message at the top of the screen ("Restored your run at 0:40:00"). */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'warn';
  readonly text: string;
}

/** A file's problems, one by one, for the error panel (file, line, field, expected, found). */
export interface ErrorDetail {
  readonly fileName: string;
  readonly issues: readonly ScenarioIssue[];
}

export type DebriefState =
  | { readonly status: 'idle' }
  | { readonly status: 'computing' }
  | { readonly status: 'ready'; readonly report: DebriefReport }
  | { readonly status: 'error'; readonly message: string };

export interface LogEntry extends TimedAction {
  readonly id: number;
}

/**
 * What went wrong: a scenario file that does not validate, a file that could not be read, a run log
 * that cannot be replayed, or a failure while running.
 */
export type ErrorKind = 'scenario' | 'load' | 'log' | 'simulation';

/** The 5–95 % fan bands of the latest "What are the odds?" ensemble, drawn on the trend charts. */
export interface FanBandOverlay {
  readonly bands: FanBands;
  /** Simulated time of the run when the ensemble was started (its actions were those up to here), s. */
  readonly atS: number;
  /** What the ensemble assumed after atS (absent when the run had ended). */
  readonly continuation?: Continuation;
}

/** Shared by the slices: the lazily created ports and what the store waits for. */
export interface Runtime {
  port: SimulationPort | undefined;
  debriefPort: DebriefPort | undefined;
  /**
   * True from sending `load` or `reset` until the worker answers `loaded`: ticks of the previous run
   * still in flight are dropped, so they never reach the fresh trend.
   */
  awaitingLoaded: boolean;
  /** Compute the debrief as soon as the replay being loaded has arrived (restoring a debrief). */
  debriefWhenLoaded: boolean;
  /** Id of the next event log entry. */
  nextLogId: number;
  /** The replay asked of the latest load (undefined for a fresh run). */
  lastReplay: ReplayRequest | undefined;
  /** Id of the next path left to be traced (ids are never reused, so a late trace is recognised). */
  nextPathId: number;
  debriefId: number;
  send(message: MainToWorker): void;
  /** Pauses the current run and ignores its messages until the next `loaded`. */
  detach(): void;
}

/** A slice of the app store: its fields and actions; it reads and sets the whole state. */
export type Slice<T> = StateCreator<AppState, [], [], T>;

/** The branches of a log as paths left, to be traced. */
export function leftPathsOf(log: RunLog): LeftPath[] {
  return (log.branches ?? []).map((branch) => ({ id: 0, branch, trace: null }));
}

export function detailOf(error: ScenarioError): ErrorDetail {
  return { fileName: error.fileName, issues: error.issues };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
