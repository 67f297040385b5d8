// The whole patient: builds each subsystem's constants from the patient description and the parameter
// values, and advances them together in a fixed order each step:
//   rhythm → devices (heart-lung machine, bedside) → pump → heat (uses last step's oxygen) → oxygen →
//   cells, potassium, breathing → pressure → alarms.

import { C, COMPARTMENT_COUNT, RHYTHM, S, type State } from '../engine/state.ts';
import type { PatientSpec } from '../parameters/body.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { cellRates, initialiseCells, stepCells, type CellBody } from './cells.ts';
import { log } from '../math/detmath.ts';
import {
  drawRhythmThreshold,
  restingHeartRateBpm,
  stepRhythm,
  updatePressure,
  updatePump,
  type CirculationBody,
} from './circulation.ts';
import { updateAlarms } from '../devices/alarms.ts';
import { initialiseBedside, stepBedside, type BedsideBody } from '../devices/bedside.ts';
import {
  buildCircuitBody,
  initialiseCircuit,
  stepCircuit,
  type CircuitBody,
} from '../devices/heartLungMachine.ts';
import { buildOxygenBody, initialiseOxygen, stepOxygen, type OxygenBody } from './oxygen.ts';
import {
  buildThermalBody,
  restingCardiacOutputLPerMin,
  stepThermal,
  type ThermalBody,
} from './thermal.ts';

export interface PatientBody {
  readonly thermal: ThermalBody;
  readonly oxygen: OxygenBody;
  readonly circulation: CirculationBody;
  readonly cells: CellBody;
  readonly circuit: CircuitBody;
  readonly bedside: BedsideBody;
  readonly values: ParameterValues;
}

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

/** Advances the whole patient by dtS seconds. */
export function stepPatient(
  state: State,
  body: PatientBody,
  dtS: number,
  options: StepOptions,
): void {
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
  if (state[S.coreTempC]! < state[S.minCoreTempC]!) state[S.minCoreTempC] = state[S.coreTempC]!;
}
