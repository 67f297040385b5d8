// The engine: one owner of simulated time. A fixed-step deterministic integrator over the flat state
// vector; scenario timeline entries and learner actions are applied at step boundaries and recorded,
// so every run is a replayable action log.

import type { Scenario } from '../scenario/types.ts';
import { parameterValues, type ParameterValues } from '../parameters/index.ts';
import {
  buildThermalBody,
  stepThermal,
  storedHeatJ,
  type ThermalBody,
} from '../physiology/thermal.ts';
import type { Action, TimedAction } from './actions.ts';
import { applyAction, setStartEnvironment } from './apply.ts';
import { seedRandom } from './rng.ts';
import type { Snapshot } from './snapshot.ts';
import { COMPARTMENT_COUNT, S, createState, type State } from './state.ts';

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
  readonly body: ThermalBody;
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
  const body = buildThermalBody(scenario.patient, values);
  const state: State = createState();
  seedRandom(state, seed);
  setStartEnvironment(state, scenario.start.environment);
  settleStartProfile(state, body, scenario.start.coreTempC ?? 37, stepSeconds);
  const referenceTempsC = state.slice(0, COMPARTMENT_COUNT);

  const endS = scenario.end.atS;
  const log: TimedAction[] = [];
  let nextTimelineIndex = 0;
  /** Simulated time requested by advance(); steps run while the next step ends within it. */
  let requestedS = 0;

  function record(action: Action, source: TimedAction['source']): void {
    applyAction(state, action);
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
        stepThermal(state, body, stepSeconds);
        state[S.stepIndex] = state[S.stepIndex]! + 1;
        state[S.timeS] = state[S.stepIndex]! * stepSeconds;
        applyDueTimeline();
      }
    },
    apply(action: Action, source: TimedAction['source'] = 'learner'): void {
      record(action, source);
    },
    snapshot: () => buildSnapshot(state, finished()),
    log: () => log.slice(),
    heatBalance: () => ({
      producedJ: state[S.metabolicHeatJ]!,
      lostJ: state[S.environmentHeatLossJ]!,
      storedJ: storedHeatJ(state, body, referenceTempsC),
    }),
    isFinished: finished,
    stateVector: () => state.slice(),
  };
}

/**
 * The start profile: tissues settle for some hours in the start environment while blood is held at
 * the start core temperature, so a run begins from a physiological gradient rather than a uniform
 * body. This is a condition before time zero; its heat bookkeeping is discarded.
 */
function settleStartProfile(
  state: State,
  body: ThermalBody,
  coreTempC: number,
  stepSeconds: number,
): void {
  for (let i = 0; i < COMPARTMENT_COUNT; i++) state[i] = coreTempC;
  const steps = Math.ceil(SETTLE_S / stepSeconds);
  for (let n = 0; n < steps; n++) {
    stepThermal(state, body, stepSeconds);
    state[S.bloodTempC] = coreTempC;
  }
  state[S.metabolicHeatJ] = 0;
  state[S.environmentHeatLossJ] = 0;
  // Run once with zero time so the derived values (rates, skin temperature) describe time zero.
  stepThermal(state, body, 0);
}

function buildSnapshot(state: State, finished: boolean): Snapshot {
  const immersedFraction = state[S.immersedFraction]!;
  const inWater = immersedFraction > 0.5;
  const headUnderWater = state[S.headUnderWater]! === 1;
  return {
    tS: state[S.timeS]!,
    brainTempC: state[S.brainTempC]!,
    heartTempC: state[S.heartTempC]!,
    coreTempC: state[S.coreTempC]!,
    muscleTempC: state[S.muscleTempC]!,
    shellTempC: state[S.shellTempC]!,
    skinTempC: state[S.meanSkinTempC]!,
    extremityTempC: state[S.extremityTempC]!,
    bloodTempC: state[S.bloodTempC]!,
    cardiacOutputLPerMin: state[S.cardiacOutputLPerMin]!,
    metabolicHeatW: state[S.metabolicRateW]!,
    heatLossW: state[S.heatLossW]!,
    skinBloodFlowFraction: state[S.skinBloodFlowFraction]!,
    shivering:
      state[S.shiveringCeilingW]! > 0 ? state[S.shiveringHeatW]! / state[S.shiveringCeilingW]! : 0,
    shiveringHeatW: state[S.shiveringHeatW]!,
    environment: {
      medium: inWater ? 'water' : 'air',
      temperatureC: inWater ? state[S.waterTempC]! : state[S.airTempC]!,
      airTempC: state[S.airTempC]!,
      waterTempC: state[S.waterTempC]!,
      immersedFraction,
      windMPerS: state[S.windMPerS]!,
      headUnderWater,
      canBreathe: !headUnderWater || state[S.airPocket]! === 1,
    },
    finished,
  };
}
