// The engine: one owner of simulated time. A fixed-step deterministic integrator over the flat state
// vector; scenario timeline entries and learner actions are applied at step boundaries and recorded,
// so every run is a replayable action log.

import type { Scenario, StartConditions, TimelineEntry, TriggerEntry } from '../scenario/types.ts';
import { parameterValues, type ParameterValues } from '../parameters/index.ts';
import { stepThermal, storedHeatJ } from '../physiology/thermal.ts';
import { isPerfusingRhythm, updatePressure, updatePump } from '../physiology/circulation.ts';
import { buildPatient, initialisePatient, stepPatient, type PatientBody } from './patient.ts';
import { buildSnapshot, buildOutcome, type Outcome } from './outputs.ts';
import type { Action, TimedAction } from '../core/actions.ts';
import { applyAction, setStartEnvironment } from './apply.ts';
import { compileCondition } from './compiledCondition.ts';
import type { OutputReader } from './outputTable.ts';
import { seedRandom } from '../core/rng.ts';
import type { Snapshot } from './snapshot.ts';
import { createEventDetector, type EngineEvent } from './events.ts';
import { C, COMPARTMENT_COUNT, S, createState, type State } from '../core/state.ts';

export interface SimulationOptions {
  /** Seed of the random generator, any integer. Default 1. */
  readonly seed?: number;
  /** Model step, s. Default 1. */
  readonly stepSeconds?: number;
  /** Parameter overrides by name, in each parameter's unit. */
  readonly parameters?: Readonly<Record<string, number>>;
  /**
   * A recorded run's actions to play again (models/scenario/runLog.ts). Learner and instructor
   * entries take effect at their times, after the scenario's own entries of that moment, exactly as
   * when they were recorded; scenario entries are skipped, since the scenario makes them again.
   */
  readonly replay?: readonly TimedAction[];
  /** Called just before each action takes effect, with the state as it was (assessment, debrief). */
  readonly onAction?: (entry: TimedAction, before: Snapshot) => void;
}

/** Why a run ended: its end time, or its end condition. */
export type EndReason = 'time' | 'condition';

export interface HeatBalance {
  /** Metabolic heat produced since time zero, J. */
  readonly producedJ: number;
  /** Heat added from outside by the heart-lung machine and bedside devices since time zero, J. */
  readonly addedJ: number;
  /** Heat lost to the surroundings since time zero, J. */
  readonly lostJ: number;
  /** Change in heat stored in the body since time zero, J. */
  readonly storedJ: number;
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly stepSeconds: number;
  /** The constants of this patient's body, for display. */
  readonly body: PatientBody;
  /** Simulated time, s. */
  timeS(): number;
  /**
   * Runs the model forward by up to `seconds` of simulated time: every whole step that ends within
   * the time asked for so far, and, once the scenario's end is asked for, up to that end (a last,
   * shorter step when the end falls between steps). Stops at the scenario's end.
   */
  advance(seconds: number): void;
  /** Applies an action now, between steps, and records it in the log. */
  apply(action: Action, source?: TimedAction['source']): void;
  /** Every output at this moment, built now (a plain object for the UI, files and tests). */
  snapshot(): Snapshot;
  /** One output at this moment, read from the state without building a snapshot. */
  read<T>(reader: OutputReader<T>): T;
  /** Every action applied so far, from the timeline and from people, in order. */
  log(): readonly TimedAction[];
  /** The actions of the scenario's history before time zero (negative times), kept apart. */
  historyLog(): readonly TimedAction[];
  /**
   * What has happened to the patient since time zero (models/engine/events.ts), in order: every
   * event from index `from` on (all by default). Looked for after each step and each action.
   */
  events(from?: number): readonly EngineEvent[];
  /** How many events have happened since time zero. */
  eventCount(): number;
  /** Why the run has ended, or null while it runs. */
  endReason(): EndReason | null;
  heatBalance(): HeatBalance;
  /** The outcome so far (as `coldboot summary` prints it at the end). */
  outcome(): Outcome;
  isFinished(): boolean;
  /** A copy of the raw state vector (for saving a run). */
  stateVector(): Float64Array;
}

const DEFAULT_STEP_S = 1;
/**
 * The model steps a run may use, s: one definition for the engine, run logs and `ensemble --step`.
 * Below the minimum a run of hours takes millions of steps for nothing; the maximum is the largest
 * step the integrator is written for.
 */
export const STEP_LIMITS_S = Object.freeze({ min: 0.1, max: 10 });

/** Why `stepSeconds` cannot be a model step, in words, or undefined when it can. */
export function stepSecondsProblem(stepSeconds: number): string | undefined {
  if (
    typeof stepSeconds === 'number' &&
    stepSeconds >= STEP_LIMITS_S.min &&
    stepSeconds <= STEP_LIMITS_S.max
  )
    return undefined;
  return `expected a model step from ${STEP_LIMITS_S.min} to ${STEP_LIMITS_S.max} s, found ${stepSeconds}`;
}
/** Tolerance on comparisons of simulated times, s. */
const TIME_EPSILON_S = 1e-9;
/** How long the start profile settles before time zero, s. */
const SETTLE_S = 4 * 3600;

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? 1;
  const stepSeconds = options.stepSeconds ?? DEFAULT_STEP_S;
  const stepProblem = stepSecondsProblem(stepSeconds);
  if (stepProblem !== undefined) throw new Error(`stepSeconds: ${stepProblem}`);
  const replay = replayQueue(options.replay ?? []);
  const onAction = options.onAction;
  const values: ParameterValues = parameterValues(options.parameters);
  const body = buildPatient(scenario.patient, values);
  const state: State = createState();
  const startKey = startState(state, scenario, body, seed, stepSeconds, values);

  const endS = scenario.end.atS;
  // Conditions are compiled once into readers of the state vector: checking them builds no snapshot.
  const endWhen = scenario.end.when === undefined ? undefined : compileCondition(scenario.end.when);
  const triggers: readonly TriggerEntry[] = scenario.triggers ?? [];
  const triggerHolds = triggers.map((t) => compileCondition(t.when));
  /** Whether each trigger's condition held at this boundary (1) or not (0), reused every step. */
  const triggerHeld = new Uint8Array(triggers.length);
  /** Whether each trigger may fire (once-only triggers are disarmed for good when they fire). */
  const armed = triggers.map(() => true);
  let armedCount = triggers.length;
  const hasRepeating = triggers.some((t) => t.repeat);
  let endedByCondition = false;
  const log: TimedAction[] = [];
  const historyLog: TimedAction[] = [];
  let nextTimelineIndex = 0;
  let nextReplayIndex = 0;
  /** Simulated time requested by advance(); steps run while the next step ends within it. */
  let requestedS = 0;

  function record(action: Action, source: TimedAction['source'], into: TimedAction[] = log): void {
    const entry: TimedAction = { atS: state[S.timeS]!, source, action };
    if (onAction !== undefined && into === log) onAction(entry, snapshotNow());
    applyAction(state, action, values);
    // Rhythm, compressions and shocks change the heart's output at once, not at the next step.
    updatePump(state, body.circulation, values);
    updatePressure(state, values);
    into.push(entry);
  }

  /** One model step of a run (before time zero in the history, or after it). */
  function stepModel(): void {
    stepPatient(state, body, stepSeconds, RUNNING);
  }

  function snapshotNow(): Snapshot {
    return buildSnapshot(state, body, finished());
  }

  startFromHistory(scenario.history ?? []);
  const referenceTempsC = state.slice(0, COMPARTMENT_COUNT);
  const referenceFrozenFraction = state[S.extremityFrozenFraction]!;

  /**
   * The history, or the state and log it left when a run started the same way before: the history
   * depends only on the start (its key) and its own entries, and its log is not observed (onAction
   * sees only the run's own), so a remembered one is the same to the bit.
   */
  function startFromHistory(history: readonly TimelineEntry[]): void {
    if (history.length === 0) return;
    const key = startKey + JSON.stringify(history);
    const remembered = rememberedHistories.get(key);
    if (remembered !== undefined) {
      state.set(remembered.state);
      historyLog.push(...remembered.log);
      rememberedHistories.delete(key);
      rememberedHistories.set(key, remembered);
      return;
    }
    runHistory(history);
    rememberedHistories.set(key, { state: state.slice(), log: historyLog.slice() });
    if (rememberedHistories.size > SETTLED_STARTS_KEPT) {
      rememberedHistories.delete(rememberedHistories.keys().next().value!);
    }
  }

  /**
   * The history before time zero: from the start profile, the clock runs from the earliest entry to
   * 0:00 with the entries applied at their times and rhythm changes on, like any run. Its log is kept
   * apart; outcome records and the heat bookkeeping then start afresh at time zero.
   */
  function runHistory(history: readonly TimelineEntry[]): void {
    if (history.length === 0) return;
    let index = 0;
    let stepIndex = Math.floor(history[0]!.atS / stepSeconds + TIME_EPSILON_S);
    const applyDue = (): void => {
      const now = stepIndex * stepSeconds;
      while (index < history.length && history[index]!.atS <= now + TIME_EPSILON_S) {
        record(history[index]!.action, 'scenario', historyLog);
        index++;
      }
    };
    state[S.stepIndex] = stepIndex;
    state[S.timeS] = stepIndex * stepSeconds;
    applyDue();
    while (stepIndex < 0) {
      stepModel();
      stepIndex++;
      state[S.stepIndex] = stepIndex;
      state[S.timeS] = stepIndex * stepSeconds;
      applyDue();
    }
    state[S.timeS] = 0;
    state[S.stepIndex] = 0;
    state[S.metabolicHeatJ] = 0;
    state[S.environmentHeatLossJ] = 0;
    state[S.externalHeatJ] = 0;
    state[S.minCoreTempC] = state[C.core]!;
    state[S.maxPotassiumMmolPerL] = state[S.potassiumMmolPerL]!;
    // An arrest still going on at time zero counts as the run's first; a return of circulation
    // before time zero is not the team's.
    const perfusing = isPerfusingRhythm(state[S.rhythm]!);
    state[S.arrestCount] = perfusing ? 0 : 1;
    state[S.roscTimeS] = -1;
  }

  /** Everything due at this step boundary, in a fixed order (the order of a live run). */
  function atBoundary(): void {
    const now = state[S.timeS]!;
    // 1. Timed entries of the scenario.
    while (nextTimelineIndex < scenario.timeline.length) {
      const entry = scenario.timeline[nextTimelineIndex]!;
      if (entry.atS > now + TIME_EPSILON_S) break;
      record(entry.action, 'scenario');
      nextTimelineIndex++;
    }
    // 2. Triggers and the end condition, on the state after those entries: every condition is
    // checked on that same state before any trigger's actions take effect.
    if (armedCount > 0 || (endWhen !== undefined && !endedByCondition) || hasRepeating) {
      for (let i = 0; i < triggers.length; i++) {
        triggerHeld[i] = (armed[i] || triggers[i]!.repeat) && triggerHolds[i]!(state, body) ? 1 : 0;
      }
      const endHolds = endWhen !== undefined && !endedByCondition && endWhen(state, body);
      for (let i = 0; i < triggers.length; i++) {
        const trigger = triggers[i]!;
        if (!armed[i] && !trigger.repeat) continue;
        const holds = triggerHeld[i] === 1;
        if (armed[i] && holds) {
          for (const action of trigger.actions) record(action, 'scenario');
          armed[i] = false;
          armedCount--;
        } else if (!armed[i] && !holds) {
          // A repeating trigger re-arms once its condition stops holding.
          armed[i] = true;
          armedCount++;
        }
      }
      if (endHolds) endedByCondition = true;
    }
    // 3. Replayed learner and instructor actions of this moment.
    while (nextReplayIndex < replay.length) {
      const entry = replay[nextReplayIndex]!;
      if (entry.atS > now + TIME_EPSILON_S) break;
      record(entry.action, entry.source);
      nextReplayIndex++;
    }
  }

  function finished(): boolean {
    return endedByCondition || state[S.timeS]! >= endS - TIME_EPSILON_S;
  }

  atBoundary();
  const events = createEventDetector(state);

  return {
    scenario,
    seed,
    stepSeconds,
    body,
    timeS: () => state[S.timeS]!,
    advance(seconds: number): void {
      if (!(seconds >= 0) || !Number.isFinite(seconds)) {
        throw new Error(`advance: expected a finite number of seconds ≥ 0, found ${seconds}`);
      }
      requestedS = Math.min(endS, Math.max(requestedS, state[S.timeS]!) + seconds);
      while (!finished()) {
        const nextS = (state[S.stepIndex]! + 1) * stepSeconds;
        if (nextS <= requestedS + TIME_EPSILON_S) {
          stepModel();
          state[S.stepIndex] = state[S.stepIndex]! + 1;
          // A step that ends within rounding of the end ends at the end, never just after it.
          state[S.timeS] = Math.min(nextS, endS);
        } else if (requestedS >= endS - TIME_EPSILON_S) {
          // The end falls between two steps: the last step is shortened to end exactly there.
          stepPatient(state, body, endS - state[S.timeS]!, RUNNING);
          state[S.stepIndex] = state[S.stepIndex]! + 1;
          state[S.timeS] = endS;
        } else break;
        atBoundary();
        events.look(state);
      }
    },
    apply(action: Action, source: TimedAction['source'] = 'learner'): void {
      record(action, source);
      events.look(state);
    },
    snapshot: snapshotNow,
    read: (reader) => reader(state, body),
    log: () => log.slice(),
    historyLog: () => historyLog.slice(),
    events: (from) => events.since(from),
    eventCount: () => events.count(),
    endReason: () => (endedByCondition ? 'condition' : finished() ? 'time' : null),
    heatBalance: () => ({
      producedJ: state[S.metabolicHeatJ]!,
      addedJ: state[S.externalHeatJ]!,
      lostJ: state[S.environmentHeatLossJ]!,
      storedJ: storedHeatJ(state, body.thermal, referenceTempsC, referenceFrozenFraction),
    }),
    outcome: () => buildOutcome(state, body),
    isFinished: finished,
    stateVector: () => state.slice(),
  };
}

/** The learner and instructor entries of a recorded run, in time order (stable), checked. */
function replayQueue(entries: readonly TimedAction[]): TimedAction[] {
  const queue = entries.filter((entry) => entry.source !== 'scenario');
  for (const entry of queue) {
    if (!(entry.atS >= 0) || !Number.isFinite(entry.atS)) {
      throw new Error(`replay: expected action times ≥ 0 s, found ${entry.atS}`);
    }
  }
  return queue
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.atS - b.entry.atS || a.index - b.index)
    .map((e) => e.entry);
}

/**
 * Start profiles already settled, by everything they depend on (below). Settling takes hours of
 * simulated time, most of the cost of starting a run, and runs often start the same way again: a
 * reset, a debrief replaying a learner's run and the expert's, a replay after an export. A state
 * vector is a few kB; the least recently used are forgotten.
 */
const settledStarts = new Map<string, Float64Array>();
/** States and logs at time zero after a history, by start key and history (the same limit). */
const rememberedHistories = new Map<
  string,
  { readonly state: Float64Array; readonly log: readonly TimedAction[] }
>();
const SETTLED_STARTS_KEPT = 64;

/** Forgets the settled start profiles (for tests that compare a remembered start with a fresh one). */
export function forgetSettledStarts(): void {
  settledStarts.clear();
  rememberedHistories.clear();
}

/**
 * The state at the start of the history (or time zero): the seeded generator, the start
 * environment and the settled start profile. Remembered by every input of that computation: the
 * seed, the step, the patient, the start conditions (not the history) and every parameter value.
 */
function startState(
  state: State,
  scenario: Scenario,
  body: PatientBody,
  seed: number,
  stepSeconds: number,
  values: ParameterValues,
): string {
  const { environment, coreTempC, ventilationFio2 } = scenario.start;
  const key = JSON.stringify([
    seed,
    stepSeconds,
    scenario.patient,
    environment,
    coreTempC ?? null,
    ventilationFio2 ?? null,
    values,
  ]);
  const remembered = settledStarts.get(key);
  if (remembered !== undefined) {
    state.set(remembered);
    settledStarts.delete(key);
    settledStarts.set(key, remembered);
    return key;
  }
  seedRandom(state, seed);
  setStartEnvironment(state, environment, values);
  settleStartProfile(state, body, scenario.start, stepSeconds);
  settledStarts.set(key, state.slice());
  if (settledStarts.size > SETTLED_STARTS_KEPT) {
    settledStarts.delete(settledStarts.keys().next().value!);
  }
  return key;
}

const RUNNING = { rhythmChanges: true } as const;
const SETTLING = { rhythmChanges: false } as const;
/** How long the whole patient (oxygen stores, heart rate) settles after the thermal profile, s. */
const SETTLE_PATIENT_S = 600;

/**
 * The start profile: tissues settle for some hours in the start environment while blood is held at
 * the start core temperature, so a run begins from a physiological gradient rather than a uniform
 * body; then the whole patient settles for minutes so oxygen stores and flows match. This is a
 * condition before time zero: no random rhythm changes, and its heat bookkeeping is discarded.
 */
function settleStartProfile(
  state: State,
  body: PatientBody,
  start: StartConditions,
  stepSeconds: number,
): void {
  const coreTempC = start.coreTempC ?? 37;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) state[i] = coreTempC;
  initialisePatient(state, body);
  if (start.ventilationFio2 !== undefined) state[S.ventilationFio2] = start.ventilationFio2;
  const steps = Math.ceil(SETTLE_S / stepSeconds);
  for (let n = 0; n < steps; n++) {
    stepThermal(state, body.thermal, stepSeconds);
    state[S.bloodTempC] = coreTempC;
  }
  const patientSteps = Math.ceil(SETTLE_PATIENT_S / stepSeconds);
  for (let n = 0; n < patientSteps; n++) {
    stepPatient(state, body, stepSeconds, SETTLING);
    state[S.bloodTempC] = coreTempC;
  }
  // Start conditions never include frostbite: ice that formed while settling is thawed at 0 heat cost
  // (the discarded bookkeeping), and frostbite begins only with exposure after time zero.
  state[S.extremityTempC] = Math.max(state[S.extremityTempC]!, body.values.tissueFreezingPointC);
  state[S.extremityFrozenFraction] = 0;
  state[S.frostbiteFraction] = 0;
  state[S.metabolicHeatJ] = 0;
  state[S.environmentHeatLossJ] = 0;
  state[S.externalHeatJ] = 0;
  // Run once with zero time so the derived values (rates, skin temperature) describe time zero.
  stepPatient(state, body, 0, SETTLING);
  state[S.minCoreTempC] = state[C.core]!;
  state[S.maxPotassiumMmolPerL] = state[S.potassiumMmolPerL]!;
}
