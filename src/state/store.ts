// The app's state: one vanilla zustand store composed of slices (run, scenario, display, log,
// navigation, library, debrief). It owns the simulation through a SimulationPort (a worker in the
// browser, a fake in tests) and the debrief through a DebriefPort (a second worker), and turns their
// messages into state. It records every run as a coldboot/run-log@1 log (the actions the worker
// reports, with the seed), which it can replay (restore, review), and rewinds a run to an earlier
// moment ("What if?"): the log's actions before it are replayed from time zero as a reload does, and
// the path left is kept (in the log, and traced by the worker for the charts). React binds to it
// thinly in src/app/store-context.tsx.

import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import {
  MAX_RUN_LOG_BRANCHES,
  OUTPUTS,
  ScenarioError,
  checkRunLogMatches,
  formatClock,
  parseRunLog,
  parseScenario,
  rewindRunLog,
  runLogStopS,
  type Action,
  type RunBranch,
  type RunLog,
  type Scenario,
  type ScenarioIssue,
  type Snapshot,
  type TimedAction,
} from '../../models/index.ts';
import type { FanBands } from '../../models/ensemble/fanBands.ts';
import type { Continuation } from '../../models/ensemble/continuation.ts';
import type { DebriefReport, DebriefResponse } from '../worker/debriefProtocol.ts';
import {
  TREND_SERIES,
  clampSpeed,
  type ActionSource,
  type MainToWorker,
  type ReplayRequest,
  type StopReason,
  type WorkerToMain,
} from '../worker/protocol.ts';
import { parseLibraryIndex, type LibraryEntry, type ScenarioOrigin } from './library.ts';
import type {
  DebriefPort,
  DebriefPortFactory,
  SimulationPort,
  SimulationPortFactory,
} from './port.ts';
import { APP_STEP_SECONDS, cachedScenarioHash, logStopS, recordedRunLog } from './runRecord.ts';
import type { RestorableRun } from './savedRun.ts';
import { DEFAULT_TREND_CAPACITY, TrendBuffer } from './trendBuffer.ts';
import { receive as reduceWorkerMessage } from './workerReducer.ts';
import { formatTemperature, toDisplayUnit, type TemperatureUnit } from './units.ts';

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

export interface ScenarioSlice {
  title: string;
  briefing: string;
  fileName: string;
  scenario: Scenario | null;
  /** The scenario file's text (saved with a run, so a reload can restore it). */
  scenarioText: string;
  origin: ScenarioOrigin | null;
  /** A run without a set end (the sandbox): the time axis grows with the run. */
  openEnded: boolean;
  /** Loads a scenario (and replays a run on it, if asked); true when it was valid and sent. */
  loadScenario(source: ScenarioSource, options?: LoadOptions): Promise<boolean>;
  /**
   * Opens a run log: finds its scenario (the open one or a built-in one, by content hash) and replays
   * the log to where it stopped, paused. True when the replay was started.
   */
  openRunLog(text: string, fileName: string): Promise<boolean>;
  /** Restores a saved run: its scenario, replayed to the saved time, paused. */
  restoreRun(run: RestorableRun): Promise<boolean>;
}

export interface NavigationSlice {
  screen: Screen;
  notice: Notice | null;
  /** A run saved in the browser that can be restored from the library (after a reload). */
  resumable: RestorableRun | null;
  goTo(screen: Screen): void;
  showNotice(tone: Notice['tone'], text: string): void;
  dismissNotice(): void;
  setResumable(run: RestorableRun | null): void;
  /** Shows an error in the error panel without touching the run (a bad link, a file too big). */
  reportError(kind: ErrorKind, message: string): void;
}

export interface LibrarySlice {
  /** The built-in scenarios; null until the index has been read. */
  library: readonly LibraryEntry[] | null;
  libraryError: string | null;
  loadLibrary(): Promise<void>;
  /** URL of a built-in scenario file. */
  libraryUrl(file: string): string;
}

export interface DebriefSlice {
  debrief: DebriefState;
  /** Computes the debrief of the current run (in the debrief worker). */
  requestDebrief(): void;
  /** Stops the run and shows its debrief. */
  endRun(): void;
}

/** The 5–95 % fan bands of the latest "What are the odds?" ensemble, drawn on the trend charts. */
export interface FanBandOverlay {
  readonly bands: FanBands;
  /** Simulated time of the run when the ensemble was started (its actions were those up to here), s. */
  readonly atS: number;
  /** What the ensemble assumed after atS (absent when the run had ended). */
  readonly continuation?: Continuation;
}

export interface DisplaySlice {
  unit: TemperatureUnit;
  toggleUnit(): void;
  setUnit(unit: TemperatureUnit): void;
  /** The instructor panel is showing (and the instructor's actions in the event log). */
  instructorMode: boolean;
  setInstructorMode(on: boolean): void;
  /** The projector colour profile: dark on light, larger numbers (kept between visits). */
  projector: boolean;
  setProjector(on: boolean): void;
  /** Fan bands on the trend charts; null when there are none (cleared on load and reset). */
  fanBands: FanBandOverlay | null;
  setFanBands(overlay: FanBandOverlay | null): void;
}

export interface LogSlice {
  /** Newest last, at most MAX_LOG_ENTRIES. */
  events: readonly LogEntry[];
}

export type AppState = RunSlice &
  ScenarioSlice &
  DisplaySlice &
  LogSlice &
  NavigationSlice &
  LibrarySlice &
  DebriefSlice;
export type AppStore = StoreApi<AppState> & { dispose(): void };

export interface AppStoreOptions {
  createPort: SimulationPortFactory;
  /** The debrief worker; without it, debriefs report that they are unavailable. */
  createDebriefPort?: DebriefPortFactory;
  /** Folder of the built-in scenarios and their index.json (default "/scenarios/"). */
  libraryDirectory?: string;
  /** Reads a scenario URL; defaults to fetch. */
  fetchText?: (url: string) => Promise<string>;
  seed?: number;
  trendCapacity?: number;
  initialUnit?: TemperatureUnit;
}

/** Shared by the slices: the lazily created ports and what the store waits for. */
interface Runtime {
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

type Slice<T> = StateCreator<AppState, [], [], T>;

const createRunSlice =
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
      get().trend.clear();
      set((s) => ({
        trendVersion: s.trendVersion + 1,
        events: [],
        actions: [],
        leftPaths: [],
        snapshot: null,
        stopReason: null,
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

const createScenarioSlice =
  (
    runtime: Runtime,
    fetchText: (url: string) => Promise<string>,
    defaultSeed: number,
    connect: () => void,
  ): Slice<ScenarioSlice> =>
  (set, get) => {
    let loadToken = 0;

    /** Shows a file's problems in the error panel, leaving the current run alone. */
    function fileError(kind: ErrorKind, error: unknown): void {
      set({
        errorKind: kind,
        errorMessage: errorText(error),
        errorDetail: error instanceof ScenarioError ? detailOf(error) : null,
      });
    }

    /** The open scenario or a built-in one whose content hash is the log's. */
    async function scenarioForLog(
      log: RunLog,
    ): Promise<{ source: ScenarioSource & { fileName: string }; scenario: Scenario } | null> {
      const { scenario, scenarioText, fileName, origin } = get();
      if (scenario && cachedScenarioHash(scenario) === log.scenario.hash) {
        return { source: { text: scenarioText, fileName, origin: origin ?? 'file' }, scenario };
      }
      if (get().library === null) await get().loadLibrary();
      for (const entry of get().library ?? []) {
        try {
          const text = await fetchText(get().libraryUrl(entry.file));
          const candidate = parseScenario(text, entry.file);
          if (cachedScenarioHash(candidate) === log.scenario.hash) {
            return {
              source: { text, fileName: entry.file, origin: 'library' },
              scenario: candidate,
            };
          }
        } catch {
          // A library file that cannot be read cannot be the log's scenario.
        }
      }
      return null;
    }

    return {
      title: '',
      briefing: '',
      fileName: '',
      scenario: null,
      scenarioText: '',
      origin: null,
      openEnded: false,
      async loadScenario(source, options = {}) {
        const token = ++loadToken;
        const fileName = source.fileName ?? ('url' in source ? fileNameOf(source.url) : 'scenario');
        const origin: ScenarioOrigin = source.origin ?? ('url' in source ? 'library' : 'file');
        // The current run stops; its ticks are ignored until the new scenario is loaded.
        runtime.detach();
        runtime.debriefWhenLoaded = false;
        set({
          status: 'loading',
          errorKind: null,
          errorMessage: null,
          errorDetail: null,
          fileName,
          debrief: { status: 'idle' },
          fanBands: null,
        });
        let scenario: Scenario;
        let text: string;
        try {
          text = 'text' in source ? source.text : await fetchText(source.url);
          if (token !== loadToken) return false;
          scenario = parseScenario(text, fileName);
        } catch (error) {
          if (token !== loadToken) return false;
          // A scenario that fails to load replaces the previous one: nothing stale stays on screen.
          get().trend.clear();
          set((s) => ({
            scenario: null,
            scenarioText: '',
            origin: null,
            openEnded: false,
            title: '',
            briefing: '',
            snapshot: null,
            endS: 0,
            events: [],
            actions: [],
            leftPaths: [],
            trendVersion: s.trendVersion + 1,
            status: 'error',
            errorKind: error instanceof ScenarioError ? 'scenario' : 'load',
            errorMessage: errorText(error),
            errorDetail: error instanceof ScenarioError ? detailOf(error) : null,
          }));
          return false;
        }
        const seed = options.seed ?? defaultSeed;
        // Paths left keep their trace (the same seed and values); the others are traced anew.
        const leftPaths = (options.leftPaths ?? []).map((p) =>
          p.trace !== null ? p : { ...p, id: runtime.nextPathId++ },
        );
        get().trend.clear();
        set((s) => ({
          scenario,
          scenarioText: text,
          origin,
          openEnded: origin === 'sandbox',
          title: scenario.title,
          briefing: scenario.briefing,
          snapshot: null,
          endS: scenario.end.atS,
          events: [],
          actions: [],
          leftPaths,
          stopReason: null,
          seed,
          parameters: { ...(options.parameters ?? {}) },
          trendVersion: s.trendVersion + 1,
          ...(options.speed !== undefined ? { speed: clampSpeed(options.speed) } : {}),
        }));
        connect();
        runtime.lastReplay = options.replay;
        const traces = leftPaths
          .filter((p) => p.trace === null)
          .map((p) => ({
            id: p.id,
            actions: p.branch.actions,
            fromS: p.branch.fromS,
            toS: runLogStopS(p.branch, scenario),
          }));
        runtime.send({
          type: 'load',
          scenario,
          seed,
          parameters: get().parameters,
          ...(options.replay ? { replay: options.replay } : {}),
          ...(traces.length > 0 ? { traces } : {}),
        });
        runtime.send({ type: 'setSpeed', speed: get().speed });
        runtime.send({ type: 'setAutoPause', onAlarm: get().autoPauseOnAlarm });
        return true;
      },
      async openRunLog(text, logFileName) {
        let log: RunLog;
        try {
          log = parseRunLog(text, logFileName);
        } catch (error) {
          fileError('log', error);
          return false;
        }
        const found = await scenarioForLog(log);
        if (found === null) {
          fileError(
            'log',
            new ScenarioError(logFileName, [
              {
                path: 'scenario.hash',
                expected: `the hash of the open scenario or of a built-in one (the log is of "${log.scenario.title}")`,
                found: `${log.scenario.hash}: open the scenario file it was recorded with first, then the log`,
              },
            ]),
          );
          return false;
        }
        const { source, scenario } = found;
        try {
          checkRunLogMatches(log, scenario, logFileName, source.fileName);
        } catch (error) {
          fileError('log', error);
          return false;
        }
        const toS = logStopS(log, scenario);
        const ok = await get().loadScenario(source, {
          seed: log.seed,
          parameters: log.parameters,
          replay: { actions: log.actions, toS },
          leftPaths: leftPathsOf(log),
        });
        if (!ok) return false;
        const paused = `paused at ${formatClock(toS, true)}`;
        if (log.stepSeconds === APP_STEP_SECONDS) {
          get().showNotice('info', `Replayed ${logFileName}: ${paused}.`);
        } else {
          // The app's run loop, trends and saves are built on its own step: say so, never silently.
          get().showNotice(
            'warn',
            `Replayed ${logFileName} with the app's ${APP_STEP_SECONDS} s model step, not the ${log.stepSeconds} s step it was recorded with, so its numbers differ from the recording (coldboot run <scenario> --log ${logFileName} replays it exactly): ${paused}.`,
          );
        }
        return true;
      },
      async restoreRun(run) {
        const { saved, atS } = run;
        const ok = await get().loadScenario(
          {
            text: saved.scenario.text,
            fileName: saved.scenario.fileName,
            origin: saved.scenario.origin,
          },
          {
            seed: saved.log.seed,
            speed: saved.speed,
            parameters: saved.log.parameters,
            replay: { actions: saved.log.actions, toS: atS },
            leftPaths: leftPathsOf(saved.log),
          },
        );
        if (!ok) return false;
        const screen = saved.screen === 'library' ? 'run' : saved.screen;
        if (screen === 'debrief') {
          runtime.debriefWhenLoaded = true;
          set({ debrief: { status: 'computing' } });
        }
        set({ screen, resumable: null });
        get().showNotice('info', `Restored your run at ${formatClock(atS, true)}.`);
        return true;
      },
    };
  };

const createDisplaySlice =
  (initialUnit: TemperatureUnit): Slice<DisplaySlice> =>
  (set) => ({
    unit: initialUnit,
    toggleUnit: () => set((s) => ({ unit: s.unit === 'C' ? 'F' : 'C' })),
    setUnit: (unit) => set({ unit }),
    instructorMode: false,
    setInstructorMode: (on) => set({ instructorMode: on }),
    projector: false,
    setProjector: (on) => set({ projector: on }),
    fanBands: null,
    setFanBands: (overlay) => set({ fanBands: overlay }),
  });

const createLogSlice: Slice<LogSlice> = () => ({ events: [] });

const createNavigationSlice: Slice<NavigationSlice> = (set) => {
  let nextNoticeId = 1;
  return {
    screen: 'library',
    notice: null,
    resumable: null,
    goTo: (screen) => set({ screen }),
    showNotice: (tone, text) => set({ notice: { id: nextNoticeId++, tone, text } }),
    dismissNotice: () => set({ notice: null }),
    setResumable: (run) => set({ resumable: run }),
    reportError: (kind, message) =>
      set({ errorKind: kind, errorMessage: message, errorDetail: null }),
  };
};

const createLibrarySlice =
  (directory: string, fetchText: (url: string) => Promise<string>): Slice<LibrarySlice> =>
  (set) => ({
    library: null,
    libraryError: null,
    async loadLibrary() {
      try {
        const text = await fetchText(`${directory}index.json`);
        set({ library: parseLibraryIndex(JSON.parse(text)), libraryError: null });
      } catch (error) {
        set({
          library: [],
          libraryError: `Could not read the list of built-in scenarios: ${errorText(error)}`,
        });
      }
    },
    libraryUrl: (file) => directory + encodeURIComponent(file),
  });

const createDebriefSlice =
  (runtime: Runtime, connectDebrief: () => DebriefPort | undefined): Slice<DebriefSlice> =>
  (set, get) => ({
    debrief: { status: 'idle' },
    requestDebrief() {
      const { scenario } = get();
      const log = get().runLog();
      if (!scenario || !log) {
        set({ debrief: { status: 'error', message: 'There is no run to debrief.' } });
        return;
      }
      const port = connectDebrief();
      if (!port) {
        set({ debrief: { status: 'error', message: 'The debrief is not available here.' } });
        return;
      }
      const id = ++runtime.debriefId;
      set({ debrief: { status: 'computing' } });
      port.post({ type: 'debrief', id, scenario, log });
    },
    endRun() {
      if (!get().scenario) return;
      get().pause();
      set({ screen: 'debrief' });
      get().requestDebrief();
    },
  });

export function createAppStore(options: AppStoreOptions): AppStore {
  const runtime: Runtime = {
    port: undefined,
    debriefPort: undefined,
    awaitingLoaded: false,
    debriefWhenLoaded: false,
    nextLogId: 1,
    lastReplay: undefined,
    nextPathId: 1,
    debriefId: 0,
    send(message) {
      if (!runtime.port) return;
      if (message.type === 'load' || message.type === 'reset') runtime.awaitingLoaded = true;
      runtime.port.post(message);
    },
    detach() {
      if (!runtime.port) return;
      runtime.port.post({ type: 'pause' });
      runtime.awaitingLoaded = true;
    },
  };
  const fetchText = options.fetchText ?? defaultFetchText;
  const seed = options.seed ?? 1;

  const store = createStore<AppState>()((...a) => ({
    ...createRunSlice(runtime, options.trendCapacity ?? DEFAULT_TREND_CAPACITY, seed)(...a),
    ...createScenarioSlice(runtime, fetchText, seed, connect)(...a),
    ...createDisplaySlice(options.initialUnit ?? 'C')(...a),
    ...createLogSlice(...a),
    ...createNavigationSlice(...a),
    ...createLibrarySlice(options.libraryDirectory ?? '/scenarios/', fetchText)(...a),
    ...createDebriefSlice(runtime, connectDebrief)(...a),
  }));

  function connect(): void {
    if (runtime.port) return;
    const port = options.createPort();
    runtime.port = port;
    port.listen(receive);
  }

  function connectDebrief(): DebriefPort | undefined {
    if (runtime.debriefPort || !options.createDebriefPort) return runtime.debriefPort;
    const port = options.createDebriefPort();
    runtime.debriefPort = port;
    port.listen(receiveDebrief);
    return port;
  }

  function receiveDebrief(message: DebriefResponse): void {
    // An answer to an older request is dropped; -1 is the worker failing as a whole.
    if (message.id !== runtime.debriefId && message.id !== -1) return;
    if (message.type === 'debrief') {
      store.setState({ debrief: { status: 'ready', report: message.report } });
    } else {
      store.setState({ debrief: { status: 'error', message: message.message } });
    }
  }

  function receive(message: WorkerToMain): void {
    const before = store.getState();
    const { patch, link, samples, then, warning } = reduceWorkerMessage(before, runtime, message);
    if (warning !== undefined) console.warn(warning);
    Object.assign(runtime, link);
    const appended = samples.length > 0 ? before.trend.append(samples) : 0;
    if (appended > 0) store.setState({ ...patch, trendVersion: before.trendVersion + 1 });
    else if (Object.keys(patch).length > 0) store.setState(patch);
    if (then !== null) store.getState()[then]();
  }

  return Object.assign(store, {
    dispose() {
      runtime.port?.terminate();
      runtime.port = undefined;
      runtime.debriefPort?.terminate();
      runtime.debriefPort = undefined;
    },
  });
}

/** The branches of a log as paths left, to be traced. */
function leftPathsOf(log: RunLog): LeftPath[] {
  return (log.branches ?? []).map((branch) => ({ id: 0, branch, trace: null }));
}

async function defaultFetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Could not load ${url}: ${response.status} ${response.statusText}`.trim());
  }
  return response.text();
}

function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

function detailOf(error: ScenarioError): ErrorDetail {
  return { fileName: error.fileName, issues: error.issues };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ----- selectors -----

/**
 * Whether the run can be rewound now ("What if?"): rewinding is allowed (not a live class) and a run
 * is loaded with a snapshot to rewind from (not loading, not failed). The event log's buttons and
 * the trend card's "Rewind to" both use it.
 */
export function selectCanRewind(s: AppState): boolean {
  return (
    s.rewindAllowed &&
    s.snapshot !== null &&
    (s.status === 'ready' ||
      s.status === 'running' ||
      s.status === 'paused' ||
      s.status === 'finished')
  );
}

export interface Reading {
  readonly id: string;
  readonly label: string;
  /** In °C, null before the first snapshot. */
  readonly celsius: number | null;
  /** In the display unit, null before the first snapshot. */
  readonly value: number | null;
  /** Formatted in the display unit, e.g. "36.9 °C". */
  readonly text: string;
}

/** A body temperature of the output table, with the table's label unless the panel's own. */
function bodyReading(
  id: string,
  column: string,
  label?: string,
): { id: string; label: string; read: (s: Snapshot) => number } {
  const output = OUTPUTS.find((o) => o.column === column);
  if (output === undefined) throw new Error(`no output ${column}`);
  return { id, label: label ?? output.label, read: (s) => s[output.key] };
}

const READINGS: readonly { id: string; label: string; read: (s: Snapshot) => number }[] = [
  bodyReading('brain', 'brain_temp_c'),
  bodyReading('heart', 'heart_temp_c'),
  bodyReading('core', 'core_temp_c'),
  bodyReading('muscle', 'muscle_temp_c'),
  bodyReading('limbs', 'limb_temp_c'),
  bodyReading('skin', 'skin_temp_c', 'Skin'),
  bodyReading('extremity', 'extremity_temp_c'),
  bodyReading('blood', 'blood_temp_c'),
  { id: 'environment', label: 'Environment', read: (s) => s.environment.temperatureC },
];

/** The temperatures panel's readings, converted to the display unit. */
export function selectReadings(snapshot: Snapshot | null, unit: TemperatureUnit): Reading[] {
  return READINGS.map(({ id, label, read }) => {
    const celsius = snapshot ? read(snapshot) : null;
    return {
      id,
      label,
      celsius,
      value: celsius === null ? null : toDisplayUnit(celsius, unit),
      text: formatTemperature(celsius, unit),
    };
  });
}
