// The store tests' one harness: fake simulation and debrief workers the test plays, a short test
// scenario (the dip, as YAML) and a store wired to them that reads files from a map of URLs.

import type { Snapshot, TimedAction } from '../../models/index.ts';
import type { DebriefPort, SimulationPort } from '../../src/state/port.ts';
import { createAppStore, type AppStore } from '../../src/state/store.ts';
import type { DebriefRequest, DebriefResponse } from '../../src/worker/debriefProtocol.ts';
import type {
  LoadMessage,
  MainToWorker,
  TrendSample,
  WorkerToMain,
} from '../../src/worker/protocol.ts';
import { fakeSnapshot } from '../helpers.ts';

/** A port that records what the store sends and lets the test play the simulation worker. */
export class FakePort implements SimulationPort {
  readonly sent: MainToWorker[] = [];
  terminated = false;
  private listener: ((message: WorkerToMain) => void) | undefined;
  post(message: MainToWorker): void {
    this.sent.push(message);
  }
  listen(listener: (message: WorkerToMain) => void): void {
    this.listener = listener;
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: WorkerToMain): void {
    if (!this.listener) throw new Error('the store is not listening');
    this.listener(message);
  }
  /** The latest `load` the store sent. */
  lastLoad(): LoadMessage {
    return this.sent.filter((m): m is LoadMessage => m.type === 'load').at(-1)!;
  }
}

/** A port that records the debriefs asked of the debrief worker and lets the test answer them. */
export class FakeDebriefPort implements DebriefPort {
  readonly sent: DebriefRequest[] = [];
  private listener: ((message: DebriefResponse) => void) | undefined;
  post(message: DebriefRequest): void {
    this.sent.push(message);
  }
  listen(listener: (message: DebriefResponse) => void): void {
    this.listener = listener;
  }
  terminate(): void {}
  emit(message: DebriefResponse): void {
    this.listener?.(message);
  }
}

/** The test scenario: ten minutes in 3 °C water, immersed at time zero. */
export const DIP_YAML = `format: coldboot/scenario@1
title: Test dip
briefing: A short dip in cold water.
patient: { sex: female, ageYears: 29, massKg: 60, heightCm: 170 }
start: { environment: { medium: air, temperatureC: -5 } }
timeline:
  - { at: "0:00", do: immerse, waterTemperatureC: 3, airPocket: true }
end: { at: "0:10:00" }
`;

/** The dip's one timeline entry, as the worker reports it applied. */
export const immerse: TimedAction = {
  atS: 0,
  source: 'scenario',
  action: { do: 'immerse', waterTemperatureC: 3, airPocket: true },
};

/** The library directory the harness serves files from. */
export const LIBRARY = '/lib/';

export interface HarnessOptions {
  /** Files by URL (an empty library index unless given). */
  readonly files?: Readonly<Record<string, string>>;
  readonly trendCapacity?: number;
}

export interface Harness {
  readonly store: AppStore;
  /** Every simulation port the store opened, oldest first. */
  readonly ports: FakePort[];
  readonly debriefPorts: FakeDebriefPort[];
}

/** A store on fake workers; nothing loaded. */
export function storeHarness(options: HarnessOptions = {}): Harness {
  const ports: FakePort[] = [];
  const debriefPorts: FakeDebriefPort[] = [];
  const files: Record<string, string> = { [`${LIBRARY}index.json`]: '[]', ...options.files };
  const store = createAppStore({
    createPort: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    createDebriefPort: () => {
      const port = new FakeDebriefPort();
      debriefPorts.push(port);
      return port;
    },
    libraryDirectory: LIBRARY,
    fetchText: async (url) => {
      const text = files[url];
      if (text === undefined) throw new Error(`404 ${url}`);
      return text;
    },
    ...(options.trendCapacity !== undefined ? { trendCapacity: options.trendCapacity } : {}),
  });
  return { store, ports, debriefPorts };
}

/** A store with the dip loaded and the worker's `loaded` answered: ready at time zero. */
export async function loadedHarness(
  options: HarnessOptions = {},
): Promise<Harness & { port: FakePort }> {
  const harness = storeHarness(options);
  await harness.store.getState().loadScenario({ text: DIP_YAML, fileName: 'dip.yaml' });
  const port = harness.ports[0]!;
  port.emit({ type: 'loaded', title: 'Test dip', endS: 600 });
  return { ...harness, port };
}

/** The worker reports a tick: a snapshot at tS (fake unless given), the events and samples. */
export function tick(
  port: FakePort,
  tS: number,
  events: readonly TimedAction[] = [],
  options: {
    running?: boolean;
    finished?: boolean;
    snapshot?: Snapshot;
    samples?: readonly TrendSample[];
  } = {},
): void {
  port.emit({
    type: 'tick',
    snapshot: options.snapshot ?? fakeSnapshot({ tS, finished: options.finished ?? false }),
    samples: options.samples ?? [],
    events,
    running: options.running ?? false,
  });
}
