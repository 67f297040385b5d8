// The typed message protocol between the app (main thread) and the simulation worker. Both sides
// switch on `type`; TypeScript checks every case. Messages are plain data (structured-clone safe).

import type {
  Action,
  NumericSnapshotKey,
  OutputReader,
  Scenario,
  Simulation,
  Snapshot,
  TimedAction,
} from '../../models/index.ts';
import { OUTPUTS, TEMPERATURE_OUTPUTS, isArrestRhythm, outputReader } from '../../models/index.ts';

/**
 * Simulated seconds between trend samples: one per model step, so the trend holds the run's
 * one-second data (12 h of simulated time is 43,200 samples; the charts thin them for display).
 */
export const TREND_SAMPLE_INTERVAL_S = 1;

/** Trend samples the page keeps, the newest: 12 h 20 min at one a second. */
export const TREND_KEPT_SAMPLES = 44_400;

/** Speeds offered to learners, × real time. */
export const SPEEDS = [1, 10, 60, 120, 300, 600] as const;
export const MAX_SPEED = 600;

/** What a trend series measures: temperatures are drawn on one chart, vital signs on another. */
export type TrendKind = 'temperature' | 'vital';

export interface TrendSeries {
  readonly key: NumericSnapshotKey;
  readonly label: string;
  readonly kind: TrendKind;
  /** Unit of the values carried, as in the engine's outputs ("°C", "/min", "1" for fractions). */
  readonly unit: string;
}

/** The engine's temperature outputs, °C. */
export const TEMPERATURE_SERIES: readonly TrendSeries[] = TEMPERATURE_OUTPUTS.map((o) => ({
  key: o.key,
  label: o.label,
  kind: 'temperature',
  unit: '°C',
}));

/** A vital sign from the engine's output table, with the table's label unless the monitor's own. */
function vital(column: string, label?: string): TrendSeries {
  const output = OUTPUTS.find((o) => o.column === column);
  if (output === undefined) throw new Error(`no output ${column}`);
  return { key: output.key, label: label ?? output.label, kind: 'vital', unit: output.unit };
}

/** Vital signs sampled for the second chart. */
export const VITAL_SERIES: readonly TrendSeries[] = [
  vital('heart_rate_bpm'),
  vital('arterial_sat', 'SpO₂'),
  vital('brain_viable_fraction'),
];

/** The series carried by each trend sample, in order: temperatures, then vital signs. */
export const TREND_SERIES: readonly TrendSeries[] = [...TEMPERATURE_SERIES, ...VITAL_SERIES];

/** Position of a series in TREND_SERIES (and in every sample's `values`). */
export function trendIndex(key: NumericSnapshotKey): number {
  const index = TREND_SERIES.findIndex((s) => s.key === key);
  if (index < 0) throw new Error(`no trend series ${key}`);
  return index;
}

/** One point of the trend: simulated time and every series in TREND_SERIES order, in its unit. */
export interface TrendSample {
  readonly tS: number;
  readonly values: readonly number[];
}

// ----- main → worker -----

/** A recorded run to replay on load: its actions, up to a simulated time (then paused). */
export interface ReplayRequest {
  /** The log's actions (scenario entries are skipped: the scenario makes them again). */
  readonly actions: readonly TimedAction[];
  /** Simulated time to replay to, s. */
  readonly toS: number;
}

/**
 * A path the learner left by rewinding, whose trend the charts draw faintly: the worker replays it
 * from time zero (its actions, the run's seed and parameters) and samples it from `fromS` to `toS`.
 */
export interface BranchTraceRequest {
  /** The store's id of the path left, echoed in the answer. */
  readonly id: number;
  readonly actions: readonly TimedAction[];
  /** The moment the run was rewound to, s: the trace starts there. */
  readonly fromS: number;
  /** Where the path stood when it was left, s (at most the scenario's end). */
  readonly toS: number;
}

/** Samples of a path left's trace at most: one every second up to 2 h, sparser beyond. */
export const MAX_BRANCH_TRACE_SAMPLES = 7200;

/** Seconds between the samples of a path left's trace spanning `spanS`: whole seconds, at least 1. */
export function branchTraceIntervalS(spanS: number): number {
  return Math.max(1, Math.ceil(spanS / MAX_BRANCH_TRACE_SAMPLES));
}

export interface LoadMessage {
  readonly type: 'load';
  readonly scenario: Scenario;
  readonly seed: number;
  /** Parameter overrides by name (the sandbox's model edits); none by default. */
  readonly parameters?: Readonly<Record<string, number>>;
  /** Replay a recorded run to a time before handing over (restore, review, rewind). */
  readonly replay?: ReplayRequest;
  /** Paths left by rewinding to trace once the run is loaded (each answered by a `branchTrace`). */
  readonly traces?: readonly BranchTraceRequest[];
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
  /** Who acts: a learner at the bedside (default) or the instructor (faults, events). */
  readonly source?: ActionSource;
}
/** Advance a paused run by `simS` of simulated time at once, then stay paused. */
export interface StepMessage {
  readonly type: 'step';
  readonly simS: number;
}
/** Advance a paused run at once to the scenario's next timeline entry (or an alarm, or the end). */
export interface SkipMessage {
  readonly type: 'skip';
}
/** Pause the run by itself when an alarm sounds (a new device alarm, or the heart going into VF, asystole or PEA). */
export interface SetAutoPauseMessage {
  readonly type: 'setAutoPause';
  readonly onAlarm: boolean;
}
export interface ResetMessage {
  readonly type: 'reset';
}

export type MainToWorker =
  | LoadMessage
  | PlayMessage
  | PauseMessage
  | SetSpeedMessage
  | ApplyMessage
  | StepMessage
  | SkipMessage
  | SetAutoPauseMessage
  | ResetMessage;

/** Who applied an action from the app. */
export type ActionSource = Extract<TimedAction['source'], 'learner' | 'instructor'>;

/** Why the worker stopped a run by itself (shown to the learner, announced). */
export type StopReason =
  /** The scenario asked for a pause: a prompt, with its question when it has one. */
  | { readonly kind: 'prompt'; readonly atS: number; readonly text?: string }
  /** An alarm sounded with auto-pause on: what it says. */
  | { readonly kind: 'alarm'; readonly atS: number; readonly messages: readonly string[] }
  /** A skip reached the scenario's next entry: what it did. */
  | { readonly kind: 'event'; readonly atS: number; readonly action: Action }
  /** A step or a skip went as far as it was asked (a skip with no entry left stops at the end). */
  | { readonly kind: 'step'; readonly atS: number };

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
  /** Set on the tick where the worker stopped the run by itself, and why. */
  readonly stopped?: StopReason;
}
export interface FinishedMessage {
  readonly type: 'finished';
}
export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
}
/** The trend of a path left by rewinding (BranchTraceRequest), oldest sample first. */
export interface BranchTraceMessage {
  readonly type: 'branchTrace';
  readonly id: number;
  readonly samples: readonly TrendSample[];
}

export type WorkerToMain =
  LoadedMessage | TickMessage | FinishedMessage | ErrorMessage | BranchTraceMessage;

/**
 * Whether a pulse oximeter reads anything: it reads the pulsing of arterial blood, so not with the
 * heart in arrest (or at rate 0) and no compressions and no pump flow. The monitor then shows "—"
 * and the trend a gap.
 */
export function oximeterReads(
  s: Pick<Snapshot, 'rhythm' | 'heartRateBpm' | 'cpr' | 'pumpFlowLPerMin'>,
): boolean {
  const arrested = isArrestRhythm(s.rhythm) || Math.round(s.heartRateBpm) === 0;
  return !(arrested && s.cpr === 'none' && !(s.pumpFlowLPerMin > 0));
}

const SAT_INDEX = TREND_SERIES.findIndex((s) => s.key === 'arterialSat');

/** Takes a trend sample from a snapshot (SpO₂ not a number where the oximeter reads nothing). */
export function sampleOf(snapshot: Snapshot): TrendSample {
  const values = TREND_SERIES.map((s) => snapshot[s.key]);
  if (SAT_INDEX >= 0 && !oximeterReads(snapshot)) values[SAT_INDEX] = NaN;
  return { tS: snapshot.tS, values };
}

/** The output table's reader of each trend series, in TREND_SERIES order. */
const TREND_READERS: readonly OutputReader<number>[] = TREND_SERIES.map(
  (series) => OUTPUTS.find((o) => o.key === series.key)!.read,
);

/** The output table's reader of an output, by its file name. */
function readerOf<T>(column: string): OutputReader<T> {
  const found = outputReader(column);
  if (found === undefined) throw new Error(`no output named ${column}`);
  return found.read as unknown as OutputReader<T>;
}
/** The output table's readers of what the oximeter rule needs. */
const OXIMETER_READERS = {
  rhythm: readerOf<Snapshot['rhythm']>('rhythm'),
  heartRateBpm: readerOf<number>('heart_rate_bpm'),
  cpr: readerOf<Snapshot['cpr']>('cpr'),
  pumpFlowLPerMin: readerOf<number>('pump_flow_l_min'),
};

/** Takes a trend sample from a run as it stands, without building a snapshot (equal to sampleOf). */
export function sampleOfRun(sim: Simulation): TrendSample {
  const values = new Array<number>(TREND_READERS.length);
  for (let i = 0; i < TREND_READERS.length; i++) values[i] = sim.read(TREND_READERS[i]!);
  if (
    SAT_INDEX >= 0 &&
    !oximeterReads({
      rhythm: sim.read(OXIMETER_READERS.rhythm),
      heartRateBpm: sim.read(OXIMETER_READERS.heartRateBpm),
      cpr: sim.read(OXIMETER_READERS.cpr),
      pumpFlowLPerMin: sim.read(OXIMETER_READERS.pumpFlowLPerMin),
    })
  )
    values[SAT_INDEX] = NaN;
  return { tS: sim.timeS(), values };
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(0.1, speed));
}
