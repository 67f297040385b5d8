// The typed message protocol between the app (main thread) and the simulation worker. Both sides
// switch on `type`; TypeScript checks every case. Messages are plain data (structured-clone safe).

import type {
  Action,
  NumericSnapshotKey,
  Scenario,
  Snapshot,
  TimedAction,
} from '../../models/index.ts';
import { TEMPERATURE_OUTPUTS } from '../../models/index.ts';

/** Simulated seconds between trend samples: 12 h of simulated time is 4 320 samples. */
export const TREND_SAMPLE_INTERVAL_S = 10;

/** Speeds offered to learners, × real time. */
export const SPEEDS = [1, 10, 60, 120, 300, 600] as const;
export const MAX_SPEED = 600;

/** The series carried by each trend sample, in order: the engine's temperature outputs. */
export const TREND_SERIES: readonly { readonly key: NumericSnapshotKey; readonly label: string }[] =
  TEMPERATURE_OUTPUTS.map((o) => ({ key: o.key, label: o.label }));

/** One point of the trend: simulated time and every temperature in TREND_SERIES order, °C. */
export interface TrendSample {
  readonly tS: number;
  readonly valuesC: readonly number[];
}

// ----- main → worker -----

export interface LoadMessage {
  readonly type: 'load';
  readonly scenario: Scenario;
  readonly seed: number;
}
export interface PlayMessage {
  readonly type: 'play';
}
export interface PauseMessage {
  readonly type: 'pause';
}
export interface SetSpeedMessage {
  readonly type: 'setSpeed';
  /** × real time, 1…MAX_SPEED. */
  readonly speed: number;
}
export interface ApplyMessage {
  readonly type: 'apply';
  readonly action: Action;
}
export interface ResetMessage {
  readonly type: 'reset';
}

export type MainToWorker =
  LoadMessage | PlayMessage | PauseMessage | SetSpeedMessage | ApplyMessage | ResetMessage;

// ----- worker → main -----

export interface LoadedMessage {
  readonly type: 'loaded';
  readonly title: string;
  /** Scenario end, simulated s. */
  readonly endS: number;
}
export interface TickMessage {
  readonly type: 'tick';
  readonly snapshot: Snapshot;
  /** Trend samples taken since the previous tick, oldest first. */
  readonly samples: readonly TrendSample[];
  /** Actions applied since the previous tick (timeline, learner), oldest first. */
  readonly events: readonly TimedAction[];
  readonly running: boolean;
  readonly speed: number;
}
export interface FinishedMessage {
  readonly type: 'finished';
}
export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
}

export type WorkerToMain = LoadedMessage | TickMessage | FinishedMessage | ErrorMessage;

/** Takes a trend sample from a snapshot. */
export function sampleOf(snapshot: Snapshot): TrendSample {
  return { tS: snapshot.tS, valuesC: TREND_SERIES.map((s) => snapshot[s.key]) };
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(0.1, speed));
}
