// The engine: one owner of simulated time. A fixed-step deterministic integrator over the flat state
// vector; scenario timeline entries and learner actions are applied at step boundaries and recorded,
// so every run is a replayable action log.

import type { Scenario, StartConditions } from '../scenario/types.ts';
import { parameterValues, type ParameterValues } from '../parameters/index.ts';
import { stepThermal, storedHeatJ } from '../physiology/thermal.ts';
import { updatePressure, updatePump } from '../physiology/circulation.ts';
import {
  buildPatient,
  initialisePatient,
  stepPatient,
  type PatientBody,
} from '../physiology/patient.ts';
import { buildSnapshot, buildOutcome, type Outcome } from './outputs.ts';
import type { Action, TimedAction } from './actions.ts';
import { applyAction, setStartEnvironment } from './apply.ts';
import { seedRandom } from './rng.ts';
import type { Snapshot } from './snapshot.ts';
import { C, COMPARTMENT_COUNT, S, createState, type State } from './state.ts';

export interface SimulationOptions {
  /** Seed of the random generator, any integer. Default 1. */
  readonly seed?: number;
  /** Model step, s. Default 1. */
  readonly stepSeconds?: number;
  /** Parameter overrides by name, in each parameter's unit. */
  readonly parameters?: Readonly<Record<string, number>>;
}

export interface HeatBalance {
  /** Metabolic heat produced since time zero, J. */
  readonly producedJ: number;
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
  /** Runs the model forward by up to `seconds` of simulated time (stops at the scenario's end). */
  advance(seconds: number): void;
  /** Applies an action now, between steps, and records it in the log. */
  apply(action: Action, source?: TimedAction['source']): void;
  snapshot(): Snapshot;
  /** Every action applied so far, from the timeline and from people, in order. */
  log(): readonly TimedAction[];
  heatBalance(): HeatBalance;
  /** The outcome so far (as `coldboot summary` prints it at the end). */
  outcome(): Outcome;
  isFinished(): boolean;
  /** A copy of the raw state vector (for saving a run). */
  stateVector(): Float64Array;
}

const DEFAULT_STEP_S = 1;
/** Tolerance on comparisons of simulated times, s. */
const TIME_EPSILON_S = 1e-9;
/** How long the start profile settles before time zero, s. */
const SETTLE_S = 4 * 3600;

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? 1;
  const stepSeconds = options.stepSeconds ?? DEFAULT_STEP_S;
  if (!(stepSeconds > 0 && stepSeconds <= 10)) {
    throw new Error(`stepSeconds: expected a number of seconds in (0, 10], found ${stepSeconds}`);
  }
  const values: ParameterValues = parameterValues(options.parameters);
  const body = buildPatient(scenario.patient, values);
  const state: State = createState();
  seedRandom(state, seed);
  setStartEnvironment(state, scenario.start.environment, values);
  settleStartProfile(state, body, scenario.start, stepSeconds);
  const referenceTempsC = state.slice(0, COMPARTMENT_COUNT);

  const endS = scenario.end.atS;
  const log: TimedAction[] = [];
  let nextTimelineIndex = 0;
  /** Simulated time requested by advance(); steps run while the next step ends within it. */
  let requestedS = 0;

  function record(action: Action, source: TimedAction['source']): void {
    applyAction(state, action, values);
    // Rhythm, compressions and shocks change the heart's output at once, not at the next step.
    updatePump(state, body.circulation, values);
    updatePressure(state, values);
    log.push({ atS: state[S.timeS]!, source, action });
  }

  function applyDueTimeline(): void {
    const now = state[S.timeS]!;
    while (nextTimelineIndex < scenario.timeline.length) {
      const entry = scenario.timeline[nextTimelineIndex]!;
      if (entry.atS > now + TIME_EPSILON_S) break;
      record(entry.action, 'scenario');
      nextTimelineIndex++;
    }
  }

  function finished(): boolean {
    return state[S.timeS]! >= endS - TIME_EPSILON_S;
  }

  applyDueTimeline();

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
      while (
        !finished() &&
        (state[S.stepIndex]! + 1) * stepSeconds <= requestedS + TIME_EPSILON_S
      ) {
        stepPatient(state, body, stepSeconds, RUNNING);
        state[S.stepIndex] = state[S.stepIndex]! + 1;
        state[S.timeS] = state[S.stepIndex]! * stepSeconds;
        applyDueTimeline();
      }
    },
    apply(action: Action, source: TimedAction['source'] = 'learner'): void {
      record(action, source);
    },
    snapshot: () => buildSnapshot(state, body, finished()),
    log: () => log.slice(),
    heatBalance: () => ({
      producedJ: state[S.metabolicHeatJ]!,
      lostJ: state[S.environmentHeatLossJ]!,
      storedJ: storedHeatJ(state, body.thermal, referenceTempsC),
    }),
    outcome: () => buildOutcome(state, body),
    isFinished: finished,
    stateVector: () => state.slice(),
  };
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
  // Run once with zero time so the derived values (rates, skin temperature) describe time zero.
  stepPatient(state, body, 0, SETTLING);
  state[S.minCoreTempC] = state[C.core]!;
  state[S.maxPotassiumMmolPerL] = state[S.potassiumMmolPerL]!;
}
