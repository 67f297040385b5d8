// The run slice: the run's status, snapshot, trend, speed, seed, parameters and actions, and the
// paths left by rewinding; play, pause, step, speed, apply, rewind ("What if?") and the sandbox's
// parameters. Besides its own fields, `reset` clears what belongs to one run in the other slices
// (the event log, the debrief, the fan bands) in the same update, as a new run starts with none.

import {
  MAX_RUN_LOG_BRANCHES,
  formatClock,
  rewindRunLog,
  type Action,
  type RunLog,
  type Snapshot,
  type TimedAction,
} from '../../../models/index.ts';
import {
  TREND_SERIES,
  clampSpeed,
  type ActionSource,
  type StopReason,
} from '../../worker/protocol.ts';
import { recordedRunLog } from '../runRecord.ts';
import { TrendBuffer } from '../trendBuffer.ts';
import {
  type RunStatus,
  type LeftPath,
  type ErrorDetail,
  type ErrorKind,
  type Runtime,
  type Slice,
} from './shared.ts';
import type { AppState } from '../store.ts';

export interface RunSlice {
  status: RunStatus;
  snapshot: Snapshot | null;
  /** Scenario end, simulated s (0 before loading). */
  endS: number;
  speed: number;
  /** Mutable columnar trend; read it when trendVersion changes. */
  readonly trend: TrendBuffer;
  trendVersion: number;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
  /** The problems one by one, when the error is a file's (scenario or run log). */
  errorDetail: ErrorDetail | null;
  /** Seed of the current run. */
  seed: number;
  /** Model parameter overrides of the current run (the sandbox's edits), by name. */
  parameters: Readonly<Record<string, number>>;
  /** Every action of the current run so far (scenario and learners), in the order applied. */
  actions: readonly TimedAction[];
  /** The paths left by rewinding, oldest first (they travel in the run log as its branches). */
  leftPaths: readonly LeftPath[];
  /**
   * Whether the learner may rewind: off in a live class, where the server keeps the one path the
   * learner's log has taken (src/classroom/learnerLink.ts turns it off).
   */
  rewindAllowed: boolean;
  /**
   * Why the learner cannot choose the speed (a live class whose instructor keeps everyone at the
   * class's speed; src/classroom/learnerLink.ts sets it and locks setSpeed); null: free.
   */
  speedLock: string | null;
  /** Why the run last stopped by itself (a prompt, an alarm, a step or skip); null once it plays. */
  stopReason: StopReason | null;
  /** Pause by itself when an alarm sounds (a device alarm or a cardiac arrest). */
  autoPauseOnAlarm: boolean;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  reset(): void;
  /** Moves the run on by `simS` of simulated time at once, then pauses. */
  step(simS: number): void;
  /** Moves the run on at once to the scenario's next timeline entry, then pauses. */
  skipToNextEvent(): void;
  setAutoPauseOnAlarm(on: boolean): void;
  /**
   * Applies an action to the running patient (ignored when no run is loaded or it ended): a
   * learner's at the bedside, or the instructor's (faults, events) from the instructor panel.
   */
  apply(action: Action, source?: ActionSource): void;
  /**
   * Runs the sandbox again with these parameter overrides: the run so far is replayed with them to
   * where it stands, paused. Ignored outside the sandbox; false when nothing was done.
   */
  setParameters(overrides: Readonly<Record<string, number>>): Promise<boolean>;
  /** The current run as a coldboot/run-log@1 log, or null when no run is loaded. */
  runLog(): RunLog | null;
  /**
   * "What if?": rewinds the run to an earlier moment (whole seconds, at most where it stands). The
   * actions before it are replayed from time zero, exactly as a reload restores a run, the run is
   * left paused there, and the path it was on is kept as a path left (drawn faintly, compared in the
   * debrief). False when nothing was done.
   */
  rewindTo(atS: number): Promise<boolean>;
  /** Clears the error panel. */
  dismissError(): void;
}

/**
 * What a new run starts with, for reset and loadScenario: no snapshot, trend, actions, paths left or
 * stop reason, and an empty event log (the log slice's, emptied with the run it tells). It clears
 * the trend buffer, which is mutable: call it in the update that sets the patch.
 */
export function emptyRun(s: AppState): Partial<AppState> {
  s.trend.clear();
  return {
    snapshot: null,
    stopReason: null,
    events: [],
    actions: [],
    leftPaths: [],
    trendVersion: s.trendVersion + 1,
  };
}

export const createRunSlice =
  (runtime: Runtime, trendCapacity: number, seed: number): Slice<RunSlice> =>
  (set, get) => ({
    status: 'idle',
    snapshot: null,
    endS: 0,
    speed: 60,
    trend: new TrendBuffer(TREND_SERIES.length, trendCapacity),
    trendVersion: 0,
    errorKind: null,
    errorMessage: null,
    errorDetail: null,
    seed,
    parameters: {},
    actions: [],
    leftPaths: [],
    rewindAllowed: true,
    speedLock: null,
    stopReason: null,
    autoPauseOnAlarm: false,
    play() {
      const { status } = get();
      if (status === 'ready' || status === 'paused') {
        set({ stopReason: null });
        runtime.send({ type: 'play' });
      }
    },
    pause() {
      if (get().status === 'running') runtime.send({ type: 'pause' });
    },
    togglePlay() {
      if (get().status === 'running') get().pause();
      else get().play();
    },
    setSpeed(speed) {
      const clamped = clampSpeed(speed);
      set({ speed: clamped });
      runtime.send({ type: 'setSpeed', speed: clamped });
    },
    reset() {
      if (!get().scenario) return;
      set((s) => ({
        ...emptyRun(s),
        debrief: { status: 'idle' },
        fanBands: null,
      }));
      runtime.send({ type: 'reset' });
    },
    step(simS) {
      const { status } = get();
      if (status === 'ready' || status === 'paused' || status === 'running') {
        runtime.send({ type: 'step', simS });
      }
    },
    skipToNextEvent() {
      const { status } = get();
      if (status === 'ready' || status === 'paused' || status === 'running') {
        runtime.send({ type: 'skip' });
      }
    },
    setAutoPauseOnAlarm(on) {
      set({ autoPauseOnAlarm: on });
      runtime.send({ type: 'setAutoPause', onAlarm: on });
    },
    apply(action, source = 'learner') {
      // Only a loaded run that has not ended can be acted on; the worker logs what it applies.
      const { status, snapshot } = get();
      if (!snapshot || !(status === 'ready' || status === 'running' || status === 'paused')) return;
      runtime.send({ type: 'apply', action, source });
    },
    async setParameters(overrides) {
      const {
        scenario,
        snapshot,
        origin,
        scenarioText,
        fileName,
        seed,
        actions,
        speed,
        status,
        leftPaths,
      } = get();
      if (!scenario || origin !== 'sandbox') return false;
      // While a replay is still loading (an edit right after another), it is replayed again.
      const replay = snapshot
        ? { actions, toS: snapshot.tS }
        : status === 'loading'
          ? runtime.lastReplay
          : undefined;
      if (!snapshot && status !== 'loading') return false;
      return get().loadScenario(
        { text: scenarioText, fileName, origin },
        {
          seed,
          speed,
          parameters: { ...overrides },
          ...(replay ? { replay } : {}),
          // The paths left are traced again with the new values, as the run is replayed with them.
          leftPaths: leftPaths.map((p) => ({ ...p, trace: null })),
        },
      );
    },
    runLog() {
      const { scenario, snapshot, seed, actions, status, parameters, leftPaths } = get();
      if (!scenario || !snapshot || status === 'loading' || status === 'error') return null;
      return recordedRunLog(
        scenario,
        seed,
        actions,
        snapshot.tS,
        snapshot.finished,
        parameters,
        leftPaths.map((p) => p.branch),
      );
    },
    async rewindTo(atS) {
      const { scenario, snapshot, origin, scenarioText, fileName, seed, speed, parameters } = get();
      const log = get().runLog();
      if (!scenario || !snapshot || !origin || !log || !Number.isFinite(atS)) return false;
      if (!get().rewindAllowed) {
        get().showNotice('info', 'Rewind is off in a live class: the class follows one path.');
        return false;
      }
      const nowS = snapshot.tS;
      const toS = Math.min(nowS, Math.max(0, Math.floor(atS + 1e-9)));
      const leaving = log.actions.some((a) => a.source !== 'scenario' && a.atS >= toS);
      if (toS >= nowS && !leaving) {
        get().showNotice(
          'info',
          `The run is at ${formatClock(nowS, true)} already: pick an earlier moment to rewind to.`,
        );
        return false;
      }
      const rewound = rewindRunLog(log, toS);
      const left: LeftPath = { id: 0, branch: rewound.branches!.at(-1)!, trace: null };
      const all = [...get().leftPaths, left];
      const dropped = Math.max(0, all.length - MAX_RUN_LOG_BRANCHES);
      const ok = await get().loadScenario(
        { text: scenarioText, fileName, origin },
        {
          seed,
          speed,
          parameters,
          replay: { actions: rewound.actions, toS },
          leftPaths: all.slice(dropped),
        },
      );
      if (!ok) return false;
      get().showNotice(
        'info',
        `Rewound to ${formatClock(toS, true)}, paused; the path you left is drawn faintly on the trends${
          dropped > 0
            ? ` (a run keeps ${MAX_RUN_LOG_BRANCHES} paths left: the oldest was dropped)`
            : ''
        }.`,
      );
      return true;
    },
    dismissError() {
      set({ errorKind: null, errorMessage: null, errorDetail: null });
    },
  });
