// The whole patient, assembled by the engine (the orchestrator) from the body's physiology and the
// devices: builds each subsystem's constants from the patient description and the parameter values,
// and advances them together in a fixed order each step:
//   rhythm → devices (heart-lung machine, bedside) → pump → heat (uses last step's oxygen) → oxygen →
//   cells, potassium, breathing → pressure → alarms → the admission to ECLS.

import { C, COMPARTMENT_COUNT, RHYTHM, S, type State } from '../core/state.ts';
import type { PatientSpec } from '../parameters/body.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { cellRates, initialiseCells, stepCells, type CellBody } from '../physiology/cells.ts';
import { log } from '../math/detmath.ts';
import {
  drawRhythmThreshold,
  restingHeartRateBpm,
  stepRhythm,
  updatePressure,
  updatePump,
  type CirculationBody,
} from '../physiology/circulation.ts';
import { updateAlarms } from '../devices/alarms.ts';
import { initialiseBedside, stepBedside, type BedsideBody } from '../devices/bedside.ts';
import {
  buildCircuitBody,
  initialiseCircuit,
  stepCircuit,
  type CircuitBody,
} from '../devices/heartLungMachine.ts';
import {
  buildOxygenBody,
  initialiseOxygen,
  stepOxygen,
  type OxygenBody,
} from '../physiology/oxygen.ts';
import { initialiseEcls, trackEcls } from '../physiology/ecls.ts';
import {
  buildThermalBody,
  restingCardiacOutputLPerMin,
  stepThermal,
  type ThermalBody,
} from '../physiology/thermal.ts';

export interface PatientBody {
  readonly thermal: ThermalBody;
  readonly oxygen: OxygenBody;
  readonly circulation: CirculationBody;
  readonly cells: CellBody;
  readonly circuit: CircuitBody;
  readonly bedside: BedsideBody;
  readonly values: ParameterValues;
  /** How fast each compartment's temperature can relax (stepStiffness), for the sub-steps. */
  readonly stiffness: StepStiffness;
}

/**
 * The fastest rate, 1/s, at which each compartment's temperature can relax toward its neighbours:
 * the sum of every conductance it can have (W/K) over its heat capacity (J/K), as a part that does
 * not depend on the blood flow and a part per unit of cardiac output ratio. An explicit step of h
 * seconds keeps each new temperature a weighted mean of the old ones (no overshoot, no oscillation)
 * while h · rate ≤ 1; stepPatient divides a longer step into equal sub-steps that satisfy it.
 */
export interface StepStiffness {
  readonly fixedPerS: Float64Array;
  readonly perOutputPerS: Float64Array;
  /** The blood's rate per L/min of flow through the tissues or the pump's heat exchanger, 1/s. */
  readonly bloodPerLPerMinPerS: number;
}

export function stepStiffness(thermal: ThermalBody): StepStiffness {
  const fixed = new Float64Array(COMPARTMENT_COUNT);
  const perOutput = new Float64Array(COMPARTMENT_COUNT);
  const t = thermal;
  const perMinute = t.bloodHeatCapacityJPerLK / 60;
  // Blood flow through each tissue at a cardiac output ratio of 1 (the skin at its widest), and the
  // extra flow of full shivering in the muscles.
  for (let i = 0; i < C.blood; i++) {
    perOutput[i] = i === C.shell ? t.maxShellPerfusionWPerK : t.restingPerfusionWPerK[i]!;
  }
  const shiveringFlowWPerK = t.shiveringCeilingW * t.shiveringFlowLPerMinPerW * perMinute;
  fixed[C.muscle] = shiveringFlowWPerK;
  fixed[C.limbs] = shiveringFlowWPerK;
  // Conduction between neighbours and to the surface (the skin's own insulation only: the bound
  // holds in any water or wind).
  fixed[C.brain] = fixed[C.brain]! + t.brainToScalpWPerK;
  fixed[C.heart] = fixed[C.heart]! + t.heartToCoreWPerK + t.heartToBloodWPerK;
  fixed[C.core] = fixed[C.core]! + t.heartToCoreWPerK + t.coreToMuscleWPerK;
  fixed[C.muscle] =
    fixed[C.muscle]! + t.coreToMuscleWPerK + t.trunkToLimbWPerK + t.muscleToShellWPerK;
  fixed[C.limbs] =
    fixed[C.limbs]! + t.trunkToLimbWPerK + t.extremityToLimbWPerK + t.limbToShellWPerK;
  fixed[C.shell] =
    fixed[C.shell]! +
    t.muscleToShellWPerK +
    t.limbToShellWPerK +
    t.shellAreaM2 / t.shellInternalInsulationM2KPerW;
  fixed[C.extremities] =
    fixed[C.extremities]! +
    t.extremityToLimbWPerK +
    t.extremityAreaM2 / t.extremityInternalInsulationM2KPerW;
  // The blood meets the whole cardiac output (per L/min, below), the heart wall, the scalp and the
  // shivering muscles' extra flow.
  fixed[C.blood] = t.heartToBloodWPerK + 2 * t.scalpWPerK + 2 * shiveringFlowWPerK;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    fixed[i] = fixed[i]! / t.heatCapacityJPerK[i]!;
    perOutput[i] = perOutput[i]! / t.heatCapacityJPerK[i]!;
  }
  return {
    fixedPerS: fixed,
    perOutputPerS: perOutput,
    bloodPerLPerMinPerS: perMinute / t.heatCapacityJPerK[C.blood]!,
  };
}

/**
 * Sub-steps a step of dtS seconds needs so that each keeps every temperature a weighted mean of the
 * last (see StepStiffness): 1 at the usual steps for an adult, more for a small body at a long step.
 */
export function subStepsFor(state: State, body: PatientBody, dtS: number): number {
  const k = body.stiffness;
  const pumpLPerMin = state[S.pumpFlowLPerMin]!;
  const restingLPerMin = body.circulation.restingCardiacOutputLPerMin;
  // The flows this step can reach: last step's, with room to rise, and the pump's.
  const output =
    Math.max(state[S.cardiacOutputRatio]!, 1) * FLOW_MARGIN + pumpLPerMin / restingLPerMin;
  const bloodFlowLPerMin =
    Math.max(state[S.cardiacOutputLPerMin]!, restingLPerMin) * FLOW_MARGIN + pumpLPerMin;
  let fastest = k.fixedPerS[C.blood]! + k.bloodPerLPerMinPerS * (bloodFlowLPerMin + pumpLPerMin);
  for (let i = 0; i < C.blood; i++) {
    const rate = k.fixedPerS[i]! + k.perOutputPerS[i]! * output;
    if (rate > fastest) fastest = rate;
  }
  const n = Math.ceil((dtS * fastest) / SUB_STEP_RATE_LIMIT);
  return n > 1 ? Math.min(n, MAX_SUB_STEPS) : 1;
}

/** Room for the flows to rise within one step, as a factor of last step's. */
const FLOW_MARGIN = 1.5;
/** Largest h · rate allowed in one sub-step (1 is the limit of no overshoot). */
const SUB_STEP_RATE_LIMIT = 0.9;
/** A bound on the work of one step, whatever the body. */
const MAX_SUB_STEPS = 200;

/** Haemoglobin by age and sex, g/dL: toddler, child, then adult values from 12 years. */
export function haemoglobinGPerDl(patient: PatientSpec, v: ParameterValues): number {
  if (patient.ageYears < 5) return v.haemoglobinToddlerGPerDl;
  if (patient.ageYears < 12) return v.haemoglobinChildGPerDl;
  return patient.sex === 'male' ? v.haemoglobinAdultMaleGPerDl : v.haemoglobinAdultFemaleGPerDl;
}

export function buildPatient(patient: PatientSpec, v: ParameterValues): PatientBody {
  const thermal = buildThermalBody(patient, v);
  const b = thermal.composition;
  const compartmentKg = new Float64Array(COMPARTMENT_COUNT);
  compartmentKg[C.brain] = b.brainKg;
  compartmentKg[C.heart] = b.heartKg;
  compartmentKg[C.core] = b.coreKg;
  compartmentKg[C.muscle] = b.muscleKg;
  compartmentKg[C.limbs] = b.limbsKg;
  compartmentKg[C.shell] = b.skinKg + b.fatKg;
  compartmentKg[C.extremities] = b.extremitiesKg;
  compartmentKg[C.blood] = b.bloodKg;
  const oxygen = buildOxygenBody(
    compartmentKg,
    thermal.restingMetabolismW,
    b.bloodVolumeL,
    patient.haemoglobinGPerDl ?? haemoglobinGPerDl(patient, v),
    b.massKg,
    v,
  );
  return {
    thermal,
    oxygen,
    circulation: {
      restingHeartRateBpm: restingHeartRateBpm(patient.ageYears, v),
      restingCardiacOutputLPerMin: restingCardiacOutputLPerMin(thermal),
      logHeartRateQ10: log(v.heartRateQ10),
    },
    cells: {
      massKg: b.massKg,
      compartmentKg,
      logQ10: thermal.logQ10,
      restingBrainFlowLPerMin:
        (thermal.restingPerfusionWPerK[C.brain]! * 60) / thermal.bloodHeatCapacityJPerLK,
      ...cellRates(v),
    },
    circuit: buildCircuitBody(
      b.bloodVolumeL,
      thermal.bloodHeatCapacityJPerLK,
      thermal.heatCapacityJPerK[C.blood]!,
      b.massKg,
      patient.ageYears,
      v,
    ),
    bedside: {
      shellAreaM2: thermal.shellAreaM2,
      shellInternalInsulationM2KPerW: thermal.shellInternalInsulationM2KPerW,
      bloodHeatCapacityJPerLK: thermal.bloodHeatCapacityJPerLK,
      surfaceAreaM2: b.surfaceAreaM2,
      sizeFactor: b.massKg / 70,
    },
    values: v,
    stiffness: stepStiffness(thermal),
  };
}

/** A resting, breathing, normally oxygenated patient in sinus rhythm (temperatures are set elsewhere). */
export function initialisePatient(state: State, body: PatientBody): void {
  state[S.rhythm] = RHYTHM.sinus;
  drawRhythmThreshold(state);
  state[S.cardiacOutputRatio] = 1;
  state[S.heartRateBpm] = body.circulation.restingHeartRateBpm;
  state[S.breathing] = 1;
  state[S.arrestStartS] = -1;
  state[S.roscTimeS] = -1;
  initialiseOxygen(state, body.oxygen);
  initialiseCells(state, body.values);
  initialiseCircuit(state);
  initialiseBedside(state);
  initialiseEcls(state);
  state[S.maxPotassiumMmolPerL] = state[S.potassiumMmolPerL]!;
}

/** Inspired O2 fraction reaching the alveoli and alveolar ventilation (mL/min) this step. */
function gasExchange(state: State, body: PatientBody): { fio2: number; ventilation: number } {
  const airwayOpen = state[S.headUnderWater]! === 0 || state[S.airPocket]! === 1;
  if (!airwayOpen) return NO_GAS;
  const ventilated = state[S.ventilationFio2]!;
  if (ventilated > 0) {
    GAS.fio2 = ventilated;
    GAS.ventilation = body.oxygen.restingAlveolarVentilationMlPerMin;
    return GAS;
  }
  if (state[S.breathing]! !== 1) return NO_GAS;
  let demandW = 0;
  for (let i = 0; i < C.blood; i++) demandW += state[S.brainDemandW + i]!;
  GAS.fio2 = 0.21;
  GAS.ventilation =
    (demandW / body.values.oxygenEnergyEquivalentJPerMl) *
    60 *
    body.oxygen.alveolarVentilationPerO2;
  return GAS;
}
const NO_GAS = Object.freeze({ fio2: 0, ventilation: 0 });
const GAS = { fio2: 0, ventilation: 0 };

export interface StepOptions {
  /** False while the start profile settles: no random rhythm changes before time zero. */
  readonly rhythmChanges: boolean;
}

/**
 * Advances the whole patient by dtS seconds, in equal sub-steps where the step is too long for the
 * body's fastest heat exchange (subStepsFor): the model is explicit, and an 8 kg body at a 10 s step
 * would otherwise overshoot, oscillate and reach NaN.
 */
export function stepPatient(
  state: State,
  body: PatientBody,
  dtS: number,
  options: StepOptions,
): void {
  const n = subStepsFor(state, body, dtS);
  if (n === 1) stepPatientOnce(state, body, dtS, options);
  else for (let k = 0; k < n; k++) stepPatientOnce(state, body, dtS / n, options);
}

function stepPatientOnce(state: State, body: PatientBody, dtS: number, options: StepOptions): void {
  const v = body.values;
  if (options.rhythmChanges && dtS > 0) stepRhythm(state, dtS, v);
  stepCircuit(state, body.circuit, v, dtS);
  stepBedside(state, body.bedside, v, dtS);
  updatePump(state, body.circulation, v);
  stepThermal(state, body.thermal, dtS);
  const gas = gasExchange(state, body);
  stepOxygen(state, body.oxygen, dtS, gas.fio2, gas.ventilation);
  stepCells(state, body.cells, dtS, v);
  updatePressure(state, v);
  updateAlarms(state, v);
  trackEcls(state);
  if (state[S.coreTempC]! < state[S.minCoreTempC]!) state[S.minCoreTempC] = state[S.coreTempC]!;
}
