// The app's state: one vanilla zustand store composed of slices (src/state/slices/: run, scenario,
// display, log, navigation, library, debrief), with the selectors panels share. It owns the simulation through a SimulationPort (a worker in the
// browser, a fake in tests) and the debrief through a DebriefPort (a second worker), and turns their
// messages into state. It records every run as a coldboot/run-log@1 log (the actions the worker
// reports, with the seed), which it can replay (restore, review), and rewinds a run to an earlier
// moment ("What if?"): the log's actions before it are replayed from time zero as a reload does, and
// the path left is kept (in the log, and traced by the worker for the charts). React binds to it
// thinly in src/app/store-context.tsx.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { OUTPUTS, type Snapshot } from '../../models/index.ts';
import type { DebriefResponse } from '../worker/debriefProtocol.ts';
import type { WorkerToMain } from '../worker/protocol.ts';
import type { DebriefPort, DebriefPortFactory, SimulationPortFactory } from './port.ts';
import { createDebriefSlice, type DebriefSlice } from './slices/debrief.ts';
import { createDisplaySlice, type DisplaySlice } from './slices/display.ts';
import { createLibrarySlice, type LibrarySlice } from './slices/library.ts';
import { createLogSlice, type LogSlice } from './slices/log.ts';
import { createNavigationSlice, type NavigationSlice } from './slices/navigation.ts';
import { createRunSlice, type RunSlice } from './slices/run.ts';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario.ts';
import type { Runtime } from './slices/shared.ts';
import { DEFAULT_TREND_CAPACITY } from './trendBuffer.ts';
import { formatTemperature, toDisplayUnit, type TemperatureUnit } from './units.ts';
import { receive as reduceWorkerMessage } from './workerReducer.ts';

export type {
  DebriefState,
  ErrorDetail,
  ErrorKind,
  FanBandOverlay,
  LeftPath,
  LoadOptions,
  LogEntry,
  Notice,
  RunStatus,
  ScenarioSource,
  Screen,
} from './slices/shared.ts';
export type {
  DebriefSlice,
  DisplaySlice,
  LibrarySlice,
  LogSlice,
  NavigationSlice,
  RunSlice,
  ScenarioSlice,
};

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

async function defaultFetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Could not load ${url}: ${response.status} ${response.statusText}`.trim());
  }
  return response.text();
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
