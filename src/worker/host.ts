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
//
// A paused run can also be moved on at once: a step of a set simulated time, or a skip to the
// scenario's next timeline entry. Play, steps and skips all stop at the scenario's prompts and, with
// auto-pause on, at a new alarm; the tick that stops the run says why (`stopped`).
//
// A load may replay a recorded run to a time (a reload, an imported log, a rewind) and ask for the
// trends of paths the learner left by rewinding: those are replayed after the run is handed over,
// each answered by a `branchTrace` message.

import {
  createSimulation,
  isRhythmEvent,
  monitorAlarmsFor,
  type Action,
  type Scenario,
  type Simulation,
  type TimedAction,
} from '../../models/index.ts';
import {
  TREND_KEPT_SAMPLES,
  TREND_SAMPLE_INTERVAL_S,
  branchTraceIntervalS,
  clampSpeed,
  sampleOfRun,
  type ActionSource,
  type BranchTraceRequest,
  type MainToWorker,
  type ReplayRequest,
  type StopReason,
  type TrendSample,
  type WorkerToMain,
} from './protocol.ts';

/** Period of the frame timer, ms: at most 25 ticks per second. */
export const FRAME_MS = 40;
/** Wall time counted for one frame at most, s. */
export const MAX_FRAME_WALL_S = 0.5;
/** The furthest a step or a skip moves the run at once, simulated s (the sandbox runs for 72 h). */
export const MAX_JUMP_S = 6 * 3600;
/**
 * With auto-pause on, or a prompt that waits for a condition, the run moves in chunks of this much
 * simulated time (one model step), so it stops on the second of the alarm or the prompt, s.
 */
const FINE_CHUNK_S = 1;
const EPSILON_S = 1e-9;

/** How the run moves: live play, a step of a set length, or a skip to the scenario's next entry. */
type AdvanceMode = 'play' | 'step' | 'skip';

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
  readonly parameters: Readonly<Record<string, number>>;
  readonly sim: Simulation;
  /** How many of the engine's events auto-pause has seen (it stops at the new ones it alarms for). */
  seenEvents: number;
  /** The scenario has a trigger that pauses (a prompt waiting for a condition). */
  readonly conditionalPause: boolean;
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
  private pendingLogEntries: TimedAction[] = [];
  private pendingStop: StopReason | undefined = undefined;
  private autoPauseOnAlarm = false;

  constructor(
    private readonly post: (message: WorkerToMain) => void,
    private readonly clock: HostClock = systemClock,
  ) {}

  handle(message: MainToWorker): void {
    try {
      switch (message.type) {
        case 'load':
          this.load(message.scenario, message.seed, message.parameters ?? {}, message.replay);
          for (const request of message.traces ?? []) {
            this.post({
              type: 'branchTrace',
              id: request.id,
              samples: branchTrace(
                message.scenario,
                message.seed,
                message.parameters ?? {},
                request,
              ),
            });
          }
          break;
        case 'reset':
          if (this.run) this.load(this.run.scenario, this.run.seed, this.run.parameters);
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
          this.applyAction(message.action, message.source ?? 'learner');
          break;
        case 'step':
          this.jump('step', message.simS);
          break;
        case 'skip':
          this.jump('skip', Infinity);
          break;
        case 'setAutoPause':
          // Alarms already sounding when it is switched on do not pause the run.
          if (message.onAlarm && !this.autoPauseOnAlarm && this.run) {
            this.run.seenEvents = this.run.sim.eventCount();
          }
          this.autoPauseOnAlarm = message.onAlarm;
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

  private load(
    scenario: Scenario,
    seed: number,
    parameters: Readonly<Record<string, number>>,
    replay?: ReplayRequest,
  ): void {
    this.setRunning(false);
    this.run = undefined;
    this.pendingSamples = [];
    this.pendingLogEntries = [];
    this.pendingStop = undefined;
    const sim = createSimulation(scenario, {
      seed,
      stepSeconds: 1,
      parameters,
      ...(replay ? { replay: replay.actions } : {}),
    });
    const run: Run = {
      scenario,
      seed,
      parameters,
      sim,
      seenEvents: sim.eventCount(),
      conditionalPause: (scenario.triggers ?? []).some((t) =>
        t.actions.some((a) => a.do === 'pause'),
      ),
      advancedToS: sim.timeS(),
      nextSampleS: sim.timeS() + TREND_SAMPLE_INTERVAL_S,
      lastSampleS: -Infinity,
      sentLogEntries: 0,
      finishedSent: false,
    };
    this.run = run;
    this.sample(run);
    this.collectLogEntries(run);
    if (replay) {
      this.fastForward(run, replay.toS);
      run.seenEvents = sim.eventCount();
    }
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

  private applyAction(action: Action, source: ActionSource): void {
    const run = this.run;
    if (!run) throw new Error('No scenario is loaded.');
    run.sim.apply(action, source);
    this.collectLogEntries(run);
    this.flush();
  }

  /**
   * Moves a run on at once and leaves it paused: a step of `simS`, or a skip to the scenario's next
   * timeline entry. Either stops early at a prompt, and at an alarm when auto-pause is on.
   */
  private jump(mode: 'step' | 'skip', simS: number): void {
    const run = this.run;
    this.setRunning(false);
    if (!run || run.sim.isFinished()) {
      this.flush();
      return;
    }
    const length = Math.min(MAX_JUMP_S, Math.max(0, simS || 0));
    const reason = this.advanceTo(run, run.advancedToS + length, mode);
    this.pendingStop =
      reason ?? (run.sim.isFinished() ? undefined : { kind: 'step', atS: run.sim.timeS() });
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
   * Advances the engine by `simS` seconds as live play does: it stops at a scenario prompt, and at an
   * alarm when auto-pause is on.
   */
  advanceBy(simS: number): void {
    const run = this.run;
    if (!run) return;
    const reason = this.advanceTo(run, run.advancedToS + simS, 'play');
    if (reason) {
      this.setRunning(false);
      this.pendingStop = reason;
    }
    if (run.sim.isFinished()) this.setRunning(false);
  }

  /**
   * Runs the engine to `targetS` (at most the scenario's end) in chunks that end on trend-sample
   * times and on scenario pause entries (a skip: on any scenario entry), so samples fall on exact
   * multiples of the interval and pauses stop the run on time. Returns why it stopped early.
   */
  private advanceTo(run: Run, targetS: number, mode: AdvanceMode): StopReason | undefined {
    const { sim } = run;
    const endS = Math.min(run.scenario.end.atS, targetS);
    const watching = this.autoPauseOnAlarm;
    let reason: StopReason | undefined;
    while (reason === undefined && run.advancedToS < endS - EPSILON_S && !sim.isFinished()) {
      let stopS = Math.min(endS, run.nextSampleS);
      const entryS = nextScenarioEntryS(run.scenario, run.advancedToS, mode === 'skip');
      if (entryS !== undefined && entryS < stopS) stopS = entryS;
      if (watching || run.conditionalPause) stopS = Math.min(stopS, run.advancedToS + FINE_CHUNK_S);
      sim.advance(stopS - run.advancedToS);
      run.advancedToS = stopS;
      if (sim.timeS() >= run.nextSampleS - EPSILON_S) {
        this.sample(run);
        run.nextSampleS += TREND_SAMPLE_INTERVAL_S;
      }
      const entries = this.collectLogEntries(run);
      const atS = sim.timeS();
      const prompt = entries.find((e) => e.source === 'scenario' && e.action.do === 'pause');
      const event = entries.find((e) => e.source === 'scenario');
      if (prompt) reason = promptReason(entries, prompt, atS);
      else if (mode === 'skip' && event) reason = { kind: 'event', atS, action: event.action };
      else if (watching) reason = this.checkAlarms(run);
    }
    if (sim.isFinished()) {
      // The end may fall between sample times: close the trend at the end.
      if (run.lastSampleS < sim.timeS() - EPSILON_S) this.sample(run);
    }
    return reason;
  }

  /**
   * An alarm reason when the engine has reported an event the monitor alarms for since the last
   * check (models/engine/events.ts: a device alarm raised, or the heart going into a rhythm that
   * does not pump, VF to asystole too); the events seen are remembered.
   */
  private checkAlarms(run: Run): StopReason | undefined {
    const events = run.sim.events(run.seenEvents);
    run.seenEvents += events.length;
    if (!events.some(monitorAlarmsFor)) return undefined;
    const now = run.sim.snapshot();
    const arrest = events.some((e) => isRhythmEvent(e) && monitorAlarmsFor(e));
    const messages = arrest ? [now.rhythmLabel, ...now.alarmMessages] : [...now.alarmMessages];
    return { kind: 'alarm', atS: now.tS, messages };
  }

  /**
   * Replays to `toS` at once (the recorded actions take effect at their times), sampling the trend
   * as a live run would; scenario pauses do not stop it. The run is left paused there.
   */
  private fastForward(run: Run, toS: number): void {
    const { sim } = run;
    const targetS = Math.min(run.scenario.end.atS, Math.max(0, toS));
    // The page keeps only the newest TREND_KEPT_SAMPLES: older ones are not taken (a long sandbox).
    const firstKeptS = targetS - (TREND_KEPT_SAMPLES - 1) * TREND_SAMPLE_INTERVAL_S;
    if (run.nextSampleS < firstKeptS) {
      run.nextSampleS +=
        Math.ceil((firstKeptS - run.nextSampleS) / TREND_SAMPLE_INTERVAL_S) *
        TREND_SAMPLE_INTERVAL_S;
    }
    while (run.advancedToS < targetS - EPSILON_S && !sim.isFinished()) {
      const stopS = Math.min(targetS, run.nextSampleS);
      sim.advance(stopS - run.advancedToS);
      run.advancedToS = stopS;
      if (sim.timeS() >= run.nextSampleS - EPSILON_S) {
        this.sample(run);
        run.nextSampleS += TREND_SAMPLE_INTERVAL_S;
      }
    }
    if (this.pendingSamples.length > 0 && this.pendingSamples[0]!.tS < firstKeptS) {
      this.pendingSamples = this.pendingSamples.filter((s) => s.tS >= firstKeptS);
    }
    this.collectLogEntries(run);
    // The trend ends where the run stands.
    if (run.lastSampleS < sim.timeS() - EPSILON_S) this.sample(run);
  }

  /** Takes a trend sample of the run as it stands (read from the state: no snapshot is built). */
  private sample(run: Run): void {
    const sample = sampleOfRun(run.sim);
    this.pendingSamples.push(sample);
    run.lastSampleS = sample.tS;
  }

  /** Queues the log entries made since the last call, and returns them. */
  private collectLogEntries(run: Run): readonly TimedAction[] {
    const log = run.sim.log();
    const entries = log.slice(run.sentLogEntries);
    this.pendingLogEntries.push(...entries);
    run.sentLogEntries = log.length;
    return entries;
  }

  /** Posts a tick with everything pending, and `finished` once when the run has ended. */
  private flush(): void {
    const run = this.run;
    if (!run) return;
    const samples = this.pendingSamples;
    const events = this.pendingLogEntries;
    const stopped = this.pendingStop;
    this.pendingSamples = [];
    this.pendingLogEntries = [];
    this.pendingStop = undefined;
    this.post({
      type: 'tick',
      snapshot: run.sim.snapshot(),
      samples,
      events,
      running: this.running,
      ...(stopped ? { stopped } : {}),
    });
    if (run.sim.isFinished() && !run.finishedSent) {
      run.finishedSent = true;
      this.post({ type: 'finished' });
    }
  }
}

/**
 * The trend of a path left by rewinding: its actions replayed from time zero (as a reload replays a
 * run, so its numbers are those the learner saw) and sampled from `fromS` to `toS`, every
 * branchTraceIntervalS seconds on multiples of it, with a sample at each end.
 */
export function branchTrace(
  scenario: Scenario,
  seed: number,
  parameters: Readonly<Record<string, number>>,
  request: Pick<BranchTraceRequest, 'actions' | 'fromS' | 'toS'>,
): TrendSample[] {
  const sim = createSimulation(scenario, {
    seed,
    stepSeconds: 1,
    parameters,
    replay: request.actions,
  });
  const endS = Math.min(scenario.end.atS, Math.max(0, request.toS));
  const fromS = Math.min(endS, Math.max(0, request.fromS));
  if (fromS > 0) sim.advance(fromS);
  const samples = [sampleOfRun(sim)];
  const intervalS = branchTraceIntervalS(endS - fromS);
  let nextS = (Math.floor(sim.timeS() / intervalS + EPSILON_S) + 1) * intervalS;
  while (!sim.isFinished() && sim.timeS() < endS - EPSILON_S) {
    const beforeS = sim.timeS();
    sim.advance(Math.min(nextS, endS) - beforeS);
    // A stop between two model steps is not reached: the trace ends at the step before it.
    if (sim.timeS() <= beforeS) break;
    samples.push(sampleOfRun(sim));
    nextS += intervalS;
  }
  return samples;
}

/** Time of the scenario's next pause entry after `afterS` (with `any`, of its next entry of any kind). */
function nextScenarioEntryS(scenario: Scenario, afterS: number, any: boolean): number | undefined {
  for (const entry of scenario.timeline) {
    if (entry.atS > afterS + EPSILON_S && (any || entry.action.do === 'pause')) return entry.atS;
  }
  return undefined;
}

/** A prompt's stop: its question is the scenario message logged at the same moment. */
function promptReason(
  entries: readonly TimedAction[],
  pause: TimedAction,
  atS: number,
): StopReason {
  const message = entries
    .filter((e) => e.source === 'scenario' && e.atS === pause.atS && e.action.do === 'message')
    .at(-1);
  return message?.action.do === 'message'
    ? { kind: 'prompt', atS, text: message.action.text }
    : { kind: 'prompt', atS };
}
