// The simulation host: owns one engine Simulation and runs it against the wall clock. It is the body
// of the worker, kept free of worker globals so it can be tested in Node with a fake clock.
//
// Timing: a self-re-arming timer fires every FRAME_MS. Each frame measures the wall time elapsed
// since the previous frame (never assuming a frame rate) and advances the model by
// wallSeconds × speed of simulated time. Late or throttled frames just advance further; a single
// frame counts at most MAX_FRAME_WALL_S of wall time, so after a long stall the run slows down
// instead of leaping ahead. One tick message is posted per frame (≤ 1000 / FRAME_MS per second),
// carrying the latest snapshot plus every trend sample taken since the previous tick; samples are
// taken on exact multiples of TREND_SAMPLE_INTERVAL_S of simulated time.

import {
  createSimulation,
  type Action,
  type Scenario,
  type Simulation,
  type TimedAction,
} from '../../models/index.ts';
import {
  TREND_SAMPLE_INTERVAL_S,
  clampSpeed,
  sampleOf,
  type MainToWorker,
  type ReplayRequest,
  type TrendSample,
  type WorkerToMain,
} from './protocol.ts';

/** Period of the frame timer, ms: at most 25 ticks per second. */
export const FRAME_MS = 40;
/** Wall time counted for one frame at most, s. */
export const MAX_FRAME_WALL_S = 0.5;
const EPSILON_S = 1e-9;

export interface HostClock {
  /** Monotonic wall time, ms. */
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: HostClock = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Run {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulation;
  /** Simulated time requested of the engine so far, s (the engine runs whole steps up to it). */
  advancedToS: number;
  nextSampleS: number;
  lastSampleS: number;
  /** How many entries of sim.log() have been sent. */
  sentLogEntries: number;
  finishedSent: boolean;
}

export class SimulationHost {
  private run: Run | undefined;
  private running = false;
  private speed = 1;
  private timer: unknown = undefined;
  private lastFrameMs = 0;
  private pendingSamples: TrendSample[] = [];
  private pendingEvents: TimedAction[] = [];

  constructor(
    private readonly post: (message: WorkerToMain) => void,
    private readonly clock: HostClock = systemClock,
  ) {}

  handle(message: MainToWorker): void {
    try {
      switch (message.type) {
        case 'load':
          this.load(message.scenario, message.seed, message.replay);
          break;
        case 'reset':
          if (this.run) this.load(this.run.scenario, this.run.seed);
          break;
        case 'play':
          this.play();
          break;
        case 'pause':
          this.setRunning(false);
          this.flush();
          break;
        case 'setSpeed':
          this.speed = clampSpeed(message.speed);
          this.flush();
          break;
        case 'apply':
          this.applyAction(message.action);
          break;
        default: {
          const unknown: never = message;
          throw new Error(`unknown message ${JSON.stringify(unknown)}`);
        }
      }
    } catch (error) {
      this.setRunning(false);
      this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Stops the timer (the worker is going away). */
  dispose(): void {
    this.setRunning(false);
    this.run = undefined;
  }

  isRunning(): boolean {
    return this.running;
  }

  private load(scenario: Scenario, seed: number, replay?: ReplayRequest): void {
    this.setRunning(false);
    this.run = undefined;
    this.pendingSamples = [];
    this.pendingEvents = [];
    const sim = createSimulation(scenario, {
      seed,
      stepSeconds: 1,
      ...(replay ? { replay: replay.actions } : {}),
    });
    const run: Run = {
      scenario,
      seed,
      sim,
      advancedToS: sim.timeS(),
      nextSampleS: sim.timeS() + TREND_SAMPLE_INTERVAL_S,
      lastSampleS: -Infinity,
      sentLogEntries: 0,
      finishedSent: false,
    };
    this.run = run;
    this.sample(run);
    this.collectEvents(run);
    if (replay) this.fastForward(run, replay.toS);
    this.post({ type: 'loaded', title: scenario.title, endS: scenario.end.atS });
    this.flush();
  }

  private play(): void {
    const run = this.run;
    if (!run || run.sim.isFinished()) {
      this.flush();
      return;
    }
    this.setRunning(true);
    this.flush();
  }

  private applyAction(action: Action): void {
    const run = this.run;
    if (!run) throw new Error('No scenario is loaded.');
    run.sim.apply(action, 'learner');
    this.collectEvents(run);
    this.flush();
  }

  private setRunning(running: boolean): void {
    if (running === this.running) return;
    this.running = running;
    if (running) {
      this.lastFrameMs = this.clock.now();
      this.timer = this.clock.setTimer(() => this.frame(), FRAME_MS);
    } else if (this.timer !== undefined) {
      this.clock.clearTimer(this.timer);
      this.timer = undefined;
    }
  }

  /** One timer frame: advance by the wall time elapsed × speed, then post a tick. */
  private frame(): void {
    this.timer = undefined;
    if (!this.running) return;
    const now = this.clock.now();
    const wallS = Math.min(MAX_FRAME_WALL_S, Math.max(0, (now - this.lastFrameMs) / 1000));
    this.lastFrameMs = now;
    try {
      this.advanceBy(wallS * this.speed);
    } catch (error) {
      this.setRunning(false);
      this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.flush();
    if (this.running) this.timer = this.clock.setTimer(() => this.frame(), FRAME_MS);
  }

  /**
   * Advances the engine by `simS` seconds in chunks that end on trend-sample times and on scenario
   * pause entries, so samples fall on exact multiples of the interval and pauses stop the run on time.
   */
  advanceBy(simS: number): void {
    const run = this.run;
    if (!run) return;
    const { sim } = run;
    const endS = run.scenario.end.atS;
    const targetS = Math.min(endS, run.advancedToS + simS);
    while (run.advancedToS < targetS - EPSILON_S && !sim.isFinished()) {
      let stopS = Math.min(targetS, run.nextSampleS);
      const pauseS = nextScenarioPauseS(run.scenario, run.advancedToS);
      if (pauseS !== undefined && pauseS < stopS) stopS = pauseS;
      sim.advance(stopS - run.advancedToS);
      run.advancedToS = stopS;
      if (sim.timeS() >= run.nextSampleS - EPSILON_S) {
        this.sample(run);
        run.nextSampleS += TREND_SAMPLE_INTERVAL_S;
      }
      if (this.collectEvents(run)) {
        this.setRunning(false);
        break;
      }
    }
    if (sim.isFinished()) {
      // The end may fall between sample times: close the trend at the end.
      if (run.lastSampleS < sim.timeS() - EPSILON_S) this.sample(run);
      this.setRunning(false);
    }
  }

  /**
   * Replays to `toS` at once (the recorded actions take effect at their times), sampling the trend
   * as a live run would; scenario pauses do not stop it. The run is left paused there.
   */
  private fastForward(run: Run, toS: number): void {
    const { sim } = run;
    const targetS = Math.min(run.scenario.end.atS, Math.max(0, toS));
    while (run.advancedToS < targetS - EPSILON_S && !sim.isFinished()) {
      const stopS = Math.min(targetS, run.nextSampleS);
      sim.advance(stopS - run.advancedToS);
      run.advancedToS = stopS;
      if (sim.timeS() >= run.nextSampleS - EPSILON_S) {
        this.sample(run);
        run.nextSampleS += TREND_SAMPLE_INTERVAL_S;
      }
    }
    this.collectEvents(run);
    // The trend ends where the run stands.
    if (run.lastSampleS < sim.timeS() - EPSILON_S) this.sample(run);
  }

  private sample(run: Run): void {
    const sample = sampleOf(run.sim.snapshot());
    this.pendingSamples.push(sample);
    run.lastSampleS = sample.tS;
  }

  /** Queues new log entries; true when one of them asks the app to pause. */
  private collectEvents(run: Run): boolean {
    const log = run.sim.log();
    let pause = false;
    for (let i = run.sentLogEntries; i < log.length; i++) {
      const entry = log[i]!;
      this.pendingEvents.push(entry);
      if (entry.action.do === 'pause') pause = true;
    }
    run.sentLogEntries = log.length;
    return pause;
  }

  /** Posts a tick with everything pending, and `finished` once when the run has ended. */
  private flush(): void {
    const run = this.run;
    if (!run) return;
    const samples = this.pendingSamples;
    const events = this.pendingEvents;
    this.pendingSamples = [];
    this.pendingEvents = [];
    this.post({
      type: 'tick',
      snapshot: run.sim.snapshot(),
      samples,
      events,
      running: this.running,
      speed: this.speed,
    });
    if (run.sim.isFinished() && !run.finishedSent) {
      run.finishedSent = true;
      this.post({ type: 'finished' });
    }
  }
}

function nextScenarioPauseS(scenario: Scenario, afterS: number): number | undefined {
  for (const entry of scenario.timeline) {
    if (entry.atS > afterS + EPSILON_S && entry.action.do === 'pause') return entry.atS;
  }
  return undefined;
}
