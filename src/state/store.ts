// The app's state: one vanilla zustand store composed of slices (run, scenario, display, log). It
// owns the simulation through a SimulationPort (a worker in the browser, a fake in tests) and turns
// worker messages into state. React binds to it thinly in src/app/store-context.tsx.

import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import {
  ScenarioError,
  parseScenario,
  type Action,
  type Scenario,
  type Snapshot,
  type TimedAction,
} from '../../models/index.ts';
import {
  TREND_SERIES,
  clampSpeed,
  type MainToWorker,
  type WorkerToMain,
} from '../worker/protocol.ts';
import type { SimulationPort, SimulationPortFactory } from './port.ts';
import { DEFAULT_TREND_CAPACITY, TrendBuffer } from './trendBuffer.ts';
import { formatTemperature, toDisplayUnit, type TemperatureUnit } from './units.ts';

export type RunStatus = 'idle' | 'loading' | 'ready' | 'running' | 'paused' | 'finished' | 'error';

/** Where a scenario comes from: a URL to fetch, or text already read (e.g. a file the user chose). */
export type ScenarioSource =
  | { readonly url: string; readonly fileName?: string }
  | { readonly text: string; readonly fileName: string };

export interface LogEntry extends TimedAction {
  readonly id: number;
}

/** What went wrong: a scenario file that does not validate, or a failure while running. */
export type ErrorKind = 'scenario' | 'load' | 'simulation';

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
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  reset(): void;
  /** Applies a bedside action to the running patient (ignored when no run is loaded or it ended). */
  apply(action: Action): void;
}

export interface ScenarioSlice {
  title: string;
  briefing: string;
  fileName: string;
  scenario: Scenario | null;
  loadScenario(source: ScenarioSource): Promise<void>;
}

export interface DisplaySlice {
  unit: TemperatureUnit;
  toggleUnit(): void;
  setUnit(unit: TemperatureUnit): void;
}

export interface LogSlice {
  /** Newest last, at most MAX_LOG_ENTRIES. */
  events: readonly LogEntry[];
}

export type AppState = RunSlice & ScenarioSlice & DisplaySlice & LogSlice;
export type AppStore = StoreApi<AppState> & { dispose(): void };

export const MAX_LOG_ENTRIES = 500;

export interface AppStoreOptions {
  createPort: SimulationPortFactory;
  /** Reads a scenario URL; defaults to fetch. */
  fetchText?: (url: string) => Promise<string>;
  seed?: number;
  trendCapacity?: number;
  initialUnit?: TemperatureUnit;
}

/** Shared by the slices: the lazily created port. */
interface Runtime {
  port: SimulationPort | undefined;
  /**
   * True from sending `load` or `reset` until the worker answers `loaded`: ticks of the previous run
   * still in flight are dropped, so they never reach the fresh trend.
   */
  awaitingLoaded: boolean;
  send(message: MainToWorker): void;
  /** Pauses the current run and ignores its messages until the next `loaded`. */
  detach(): void;
}

type Slice<T> = StateCreator<AppState, [], [], T>;

const createRunSlice =
  (runtime: Runtime, trendCapacity: number): Slice<RunSlice> =>
  (set, get) => ({
    status: 'idle',
    snapshot: null,
    endS: 0,
    speed: 60,
    trend: new TrendBuffer(TREND_SERIES.length, trendCapacity),
    trendVersion: 0,
    errorKind: null,
    errorMessage: null,
    play() {
      const { status } = get();
      if (status === 'ready' || status === 'paused') runtime.send({ type: 'play' });
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
      set((s) => ({ trendVersion: s.trendVersion + 1, events: [], snapshot: null }));
      runtime.send({ type: 'reset' });
    },
    apply(action) {
      // Only a loaded run that has not ended can be acted on; the worker logs what it applies.
      const { status, snapshot } = get();
      if (!snapshot || !(status === 'ready' || status === 'running' || status === 'paused')) return;
      runtime.send({ type: 'apply', action });
    },
  });

const createScenarioSlice =
  (
    runtime: Runtime,
    fetchText: (url: string) => Promise<string>,
    seed: number,
    connect: () => void,
  ): Slice<ScenarioSlice> =>
  (set, get) => {
    let loadToken = 0;
    return {
      title: '',
      briefing: '',
      fileName: '',
      scenario: null,
      async loadScenario(source) {
        const token = ++loadToken;
        const fileName = source.fileName ?? ('url' in source ? fileNameOf(source.url) : 'scenario');
        // The current run stops; its ticks are ignored until the new scenario is loaded.
        runtime.detach();
        set({ status: 'loading', errorKind: null, errorMessage: null, fileName });
        let scenario: Scenario;
        try {
          const text = 'text' in source ? source.text : await fetchText(source.url);
          if (token !== loadToken) return;
          scenario = parseScenario(text, fileName);
        } catch (error) {
          if (token !== loadToken) return;
          // A scenario that fails to load replaces the previous one: nothing stale stays on screen.
          get().trend.clear();
          set((s) => ({
            scenario: null,
            title: '',
            briefing: '',
            snapshot: null,
            endS: 0,
            events: [],
            trendVersion: s.trendVersion + 1,
            status: 'error',
            errorKind: error instanceof ScenarioError ? 'scenario' : 'load',
            errorMessage: errorText(error),
          }));
          return;
        }
        get().trend.clear();
        set((s) => ({
          scenario,
          title: scenario.title,
          briefing: scenario.briefing,
          snapshot: null,
          endS: scenario.end.atS,
          events: [],
          trendVersion: s.trendVersion + 1,
        }));
        connect();
        runtime.send({ type: 'load', scenario, seed });
        runtime.send({ type: 'setSpeed', speed: get().speed });
      },
    };
  };

const createDisplaySlice =
  (initialUnit: TemperatureUnit): Slice<DisplaySlice> =>
  (set) => ({
    unit: initialUnit,
    toggleUnit: () => set((s) => ({ unit: s.unit === 'C' ? 'F' : 'C' })),
    setUnit: (unit) => set({ unit }),
  });

const createLogSlice: Slice<LogSlice> = () => ({ events: [] });

export function createAppStore(options: AppStoreOptions): AppStore {
  const runtime: Runtime = {
    port: undefined,
    awaitingLoaded: false,
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
  let nextLogId = 1;

  const store = createStore<AppState>()((...a) => ({
    ...createRunSlice(runtime, options.trendCapacity ?? DEFAULT_TREND_CAPACITY)(...a),
    ...createScenarioSlice(runtime, fetchText, options.seed ?? 1, connect)(...a),
    ...createDisplaySlice(options.initialUnit ?? 'C')(...a),
    ...createLogSlice(...a),
  }));

  function connect(): void {
    if (runtime.port) return;
    const port = options.createPort();
    runtime.port = port;
    port.listen(receive);
  }

  function receive(message: WorkerToMain): void {
    switch (message.type) {
      case 'loaded':
        runtime.awaitingLoaded = false;
        store.setState({ status: 'ready', endS: message.endS, title: message.title });
        break;
      case 'tick': {
        if (runtime.awaitingLoaded) return;
        const state = store.getState();
        const appended = message.samples.length > 0 ? state.trend.append(message.samples) : 0;
        const patch: Partial<AppState> = {
          snapshot: message.snapshot,
          speed: message.speed,
          status: statusOf(message.snapshot, message.running),
        };
        if (appended > 0) patch.trendVersion = state.trendVersion + 1;
        if (message.events.length > 0) {
          const added = message.events.map((e) => ({ ...e, id: nextLogId++ }));
          patch.events = [...state.events, ...added].slice(-MAX_LOG_ENTRIES);
        }
        store.setState(patch);
        break;
      }
      case 'finished':
        if (runtime.awaitingLoaded) return;
        store.setState({ status: 'finished' });
        break;
      case 'error':
        store.setState({ status: 'error', errorKind: 'simulation', errorMessage: message.message });
        break;
      default: {
        const unknown: never = message;
        console.warn('Unknown message from the simulation', unknown);
      }
    }
  }

  return Object.assign(store, {
    dispose() {
      runtime.port?.terminate();
      runtime.port = undefined;
    },
  });
}

function statusOf(snapshot: Snapshot, running: boolean): RunStatus {
  if (snapshot.finished) return 'finished';
  if (running) return 'running';
  return snapshot.tS > 0 ? 'paused' : 'ready';
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ----- selectors -----

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

const READINGS: readonly { id: string; label: string; read: (s: Snapshot) => number }[] = [
  { id: 'brain', label: 'Brain', read: (s) => s.brainTempC },
  { id: 'heart', label: 'Heart', read: (s) => s.heartTempC },
  { id: 'core', label: 'Core', read: (s) => s.coreTempC },
  { id: 'muscle', label: 'Trunk muscle', read: (s) => s.muscleTempC },
  { id: 'limbs', label: 'Limb muscle', read: (s) => s.limbTempC },
  { id: 'skin', label: 'Skin', read: (s) => s.skinTempC },
  { id: 'extremity', label: 'Hands and feet', read: (s) => s.extremityTempC },
  { id: 'blood', label: 'Blood', read: (s) => s.bloodTempC },
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
