// The heart-lung machine: VA-ECMO at the bedside or cardiopulmonary bypass in theatre. Cannulation
// takes time, then the circuit's prime mixes into the blood (a cold prime cools it; the crystalloid
// dilutes haemoglobin). The pump drains venous blood (no more than the blood volume allows), a heat
// exchanger of finite effectiveness brings it toward the heater-cooler's water temperature, and the
// oxygenator (sweep gas 0 = no gas exchange) sets its oxygen before it returns to the arteries.
// Faults an instructor injects change this physiology; the right fix clears them. The oxygenator's
// gas exchange itself is computed in models/physiology/oxygen.ts from the state set here.

import { NOT_PENDING, pending, S, type State } from '../core/state.ts';
import type { Action, FaultKind } from '../core/actions.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { FAULT } from './faults.ts';
import { RememberedExp } from '../math/detmath.ts';

// Decays over one step, whose arguments stay the same from step to step while the step, the time
// constants and the pump's flow do: remembered (the same bits as exp; see RememberedExp).
const waterExp = new RememberedExp();
const membraneExp = new RememberedExp();
const exchangerExp = new RememberedExp();
const rateWindowExp = new RememberedExp();

/** Circuit codes stored in the state's `circuitMode` slot. */
export const CIRCUIT = { none: 0, 'va-ecmo': 1, cpb: 2 } as const;

export { FAULT, FAULT_KINDS } from './faults.ts';

export function hasFault(state: State, kind: FaultKind): boolean {
  return (state[S.faults]! & FAULT[kind]) !== 0;
}

/** Constants of the circuit for one patient. */
export interface CircuitBody {
  readonly bloodVolumeL: number;
  readonly bloodHeatCapacityJPerLK: number;
  /** Heat capacity of the blood compartment, J/K. */
  readonly bloodCompartmentJPerK: number;
  /** True for children (smaller circuits and prime). */
  readonly child: boolean;
  readonly massKg: number;
  /** Most flow the venous line can drain, L/min. */
  readonly maxFlowLPerMin: number;
  /** Most flow a person can turn by hand, L/min. */
  readonly handCrankMaxLPerMin: number;
}

export function buildCircuitBody(
  bloodVolumeL: number,
  bloodHeatCapacityJPerLK: number,
  bloodCompartmentJPerK: number,
  massKg: number,
  ageYears: number,
  v: ParameterValues,
): CircuitBody {
  const maxFlowLPerMin = v.maxPumpFlowPerBloodVolume * bloodVolumeL;
  return {
    bloodVolumeL,
    bloodHeatCapacityJPerLK,
    bloodCompartmentJPerK,
    child: ageYears < 16,
    massKg,
    maxFlowLPerMin,
    handCrankMaxLPerMin: Math.min(v.handCrankMaxFlowLPerMin, maxFlowLPerMin),
  };
}

/**
 * No circuit: no cannulae in or going in, no mode, the pump set to and delivering no flow, no hand
 * crank and no heat from the exchanger. At the start, and after `decannulate`.
 */
const NO_CIRCUIT: readonly (readonly [slot: number, value: number])[] = [
  [S.circuitMode, CIRCUIT.none],
  [S.cannulationDoneS, NOT_PENDING],
  [S.cannulated, 0],
  [S.pumpFlowSetLPerMin, 0],
  [S.pumpFlowLPerMin, 0],
  [S.handCrankLPerMin, 0],
  [S.pumpHeatW, 0],
];

function disconnectCircuit(state: State): void {
  for (const [slot, value] of NO_CIRCUIT) state[slot] = value;
}

/** The circuit before anything is done: disconnected, water at 37 °C, sweep off. */
export function initialiseCircuit(state: State): void {
  disconnectCircuit(state);
  state[S.primeTempC] = NaN;
  state[S.primeVolumeMl] = NaN;
  state[S.heaterSetTempC] = 37;
  state[S.heaterWaterTempC] = 37;
  state[S.oxygenatorFio2] = 0.21;
  state[S.sweepLPerMin] = 0;
  state[S.oxygenatorTransfer] = 1;
  state[S.oxygenatorClampedUntilS] = NOT_PENDING;
  state[S.airClampedUntilS] = NOT_PENDING;
  state[S.arterialOutletTempC] = state[S.bloodTempC]!;
  state[S.venousInletTempC] = state[S.bloodTempC]!;
  state[S.outletRateCPerMin] = 0;
  state[S.postOxygenatorPo2MmHg] = 0;
  state[S.postOxygenatorO2ContentMlPerDl] = 0;
  state[S.haemodilutionFactor] = 1;
  state[S.faults] = 0;
  state[S.alarms] = 0;
  state[S.alarmCount] = 0;
}

/** Default prime volume for this patient, mL. */
export function defaultPrimeMl(mode: number, body: CircuitBody, v: ParameterValues): number {
  const adult = mode === CIRCUIT.cpb ? v.cpbPrimeMl : v.ecmoPrimeMl;
  return body.child ? Math.min(adult, v.primeVolumePerKgChildMl * body.massKg) : adult;
}

/**
 * Advances the circuit by dtS seconds: cannulation, clamps, heater-cooler water, a failing oxygenator,
 * the flow delivered, the heat exchanger's outlet temperature and the heat it gives the blood.
 */
export function stepCircuit(
  state: State,
  body: CircuitBody,
  v: ParameterValues,
  dtS: number,
): void {
  const now = state[S.timeS]!;
  if (pending(state[S.cannulationDoneS]!) && now >= state[S.cannulationDoneS]! - 1e-9) {
    connectCircuit(state, body, v);
  }
  if (
    pending(state[S.oxygenatorClampedUntilS]!) &&
    now >= state[S.oxygenatorClampedUntilS]! - 1e-9
  ) {
    state[S.oxygenatorClampedUntilS] = NOT_PENDING;
    state[S.oxygenatorTransfer] = 1;
  }
  if (pending(state[S.airClampedUntilS]!) && now >= state[S.airClampedUntilS]! - 1e-9) {
    state[S.airClampedUntilS] = NOT_PENDING;
  }

  // Heater-cooler water: follows its set temperature, or drifts to room temperature once failed.
  const heaterFailed = hasFault(state, 'heater-cooler-failure');
  const waterTarget = heaterFailed ? state[S.airTempC]! : state[S.heaterSetTempC]!;
  const waterTau = heaterFailed ? v.failedHeaterTimeConstantS : v.heaterWaterTimeConstantS;
  state[S.heaterWaterTempC] =
    state[S.heaterWaterTempC]! +
    (waterTarget - state[S.heaterWaterTempC]!) * (1 - waterExp.of(-dtS / waterTau));

  // A failing membrane loses its gas transfer over minutes.
  if (hasFault(state, 'oxygenator-failure')) {
    const t = state[S.oxygenatorTransfer]!;
    state[S.oxygenatorTransfer] =
      t +
      (v.failedOxygenatorTransferFraction - t) *
        (1 - membraneExp.of(-dtS / v.oxygenatorFailureTimeConstantS));
  }

  const wasFlowing = state[S.pumpFlowLPerMin]! > 0;
  const flow = deliveredFlowLPerMin(state, body, v);
  state[S.pumpFlowLPerMin] = flow;
  const venous = state[S.bloodTempC]!;
  const previousOutlet = state[S.arterialOutletTempC]!;
  state[S.venousInletTempC] = venous;
  if (flow > 0) {
    const flowWPerK = (body.bloodHeatCapacityJPerLK * flow) / 60;
    const effectiveness = 1 - exchangerExp.of(-v.heatExchangerConductanceWPerK / flowWPerK);
    const outlet = venous + effectiveness * (state[S.heaterWaterTempC]! - venous);
    state[S.arterialOutletTempC] = outlet;
    state[S.pumpHeatW] = flowWPerK * (outlet - venous);
    // The perfusionist's rewarming rate: the outlet's rate of change, filtered over about a minute;
    // it starts from zero each time the pump starts.
    if (!wasFlowing) state[S.outletRateCPerMin] = 0;
    else if (dtS > 0) {
      const instant = ((outlet - previousOutlet) / dtS) * 60;
      const k = 1 - rateWindowExp.of(-dtS / v.rewarmingRateWindowS);
      state[S.outletRateCPerMin] =
        state[S.outletRateCPerMin]! + (instant - state[S.outletRateCPerMin]!) * k;
    }
  } else {
    state[S.arterialOutletTempC] = venous;
    state[S.pumpHeatW] = 0;
    state[S.outletRateCPerMin] = 0;
  }
}

/** The cannulae are in: the prime mixes into the blood, diluting and (if cold) cooling it. */
function connectCircuit(state: State, body: CircuitBody, v: ParameterValues): void {
  state[S.cannulationDoneS] = NOT_PENDING;
  state[S.cannulated] = 1;
  const mode = state[S.circuitMode]!;
  const primeMl = Number.isNaN(state[S.primeVolumeMl]!)
    ? defaultPrimeMl(mode, body, v)
    : state[S.primeVolumeMl]!;
  state[S.primeVolumeMl] = primeMl;
  const primeL = primeMl / 1000;
  const primeC = Number.isNaN(state[S.primeTempC]!) ? state[S.airTempC]! : state[S.primeTempC]!;
  state[S.primeTempC] = primeC;
  const before = state[S.bloodTempC]!;
  const after = (body.bloodVolumeL * before + primeL * primeC) / (body.bloodVolumeL + primeL);
  state[S.bloodTempC] = after;
  // The prime's heat enters the body's bookkeeping as heat added from outside.
  state[S.externalHeatJ] = state[S.externalHeatJ]! + body.bloodCompartmentJPerK * (after - before);
  state[S.haemodilutionFactor] =
    (state[S.haemodilutionFactor]! * body.bloodVolumeL) / (body.bloodVolumeL + primeL);
  state[S.arterialOutletTempC] = after;
  state[S.venousInletTempC] = after;
}

/** Flow the pump delivers now, L/min. */
function deliveredFlowLPerMin(state: State, body: CircuitBody, v: ParameterValues): number {
  if (state[S.cannulated]! !== 1) return 0;
  if (pending(state[S.oxygenatorClampedUntilS]!) || pending(state[S.airClampedUntilS]!)) return 0;
  if (hasFault(state, 'air-in-line')) return 0;
  const wanted = hasFault(state, 'pump-failure')
    ? Math.min(state[S.handCrankLPerMin]!, body.handCrankMaxLPerMin)
    : state[S.pumpFlowSetLPerMin]!;
  const drainage =
    body.maxFlowLPerMin * (hasFault(state, 'venous-kink') ? v.venousKinkDrainageFraction : 1);
  return Math.max(0, Math.min(wanted, drainage));
}

/** Sweep gas actually reaching the oxygenator, L/min. */
export function effectiveSweepLPerMin(state: State): number {
  return hasFault(state, 'sweep-disconnect') ? 0 : state[S.sweepLPerMin]!;
}

/** Applies a heart-lung machine or fault action. Returns false for any other action. */
export function applyCircuitAction(state: State, action: Action, v: ParameterValues): boolean {
  const now = state[S.timeS]!;
  switch (action.do) {
    case 'cannulate': {
      if (state[S.cannulated]! === 1 || pending(state[S.cannulationDoneS]!)) return true;
      const mode = action.mode === 'cpb' ? CIRCUIT.cpb : CIRCUIT['va-ecmo'];
      state[S.circuitMode] = mode;
      const defaultS = (mode === CIRCUIT.cpb ? v.cpbCannulationMin : v.ecmoCannulationMin) * 60;
      const durationS = action.durationS ?? defaultS;
      state[S.cannulationDoneS] = now + durationS;
      state[S.primeTempC] = action.primeTemperatureC ?? NaN;
      state[S.primeVolumeMl] = action.primeVolumeMl ?? NaN;
      return true;
    }
    case 'startPump':
    case 'setPumpFlow':
      state[S.pumpFlowSetLPerMin] = action.flowLPerMin;
      return true;
    case 'stopPump':
      state[S.pumpFlowSetLPerMin] = 0;
      return true;
    case 'handCrank':
      state[S.handCrankLPerMin] = action.flowLPerMin;
      return true;
    case 'setHeaterCooler':
      state[S.heaterSetTempC] = Math.min(
        v.heaterMaxWaterTempC,
        Math.max(v.heaterMinWaterTempC, action.waterTemperatureC),
      );
      return true;
    case 'setOxygenator':
      state[S.oxygenatorFio2] = Math.min(1, Math.max(0.21, action.fio2));
      state[S.sweepLPerMin] = Math.min(10, Math.max(0, action.sweepLPerMin));
      return true;
    case 'decannulate':
      disconnectCircuit(state);
      return true;
    case 'fault': {
      const kind = action.kind;
      state[S.faults] = state[S.faults]! | FAULT[kind];
      // The bubble detector stops the pump at once.
      if (kind === 'air-in-line') state[S.pumpFlowSetLPerMin] = 0;
      return true;
    }
    case 'clearFault': {
      const kind = action.kind;
      if (!hasFault(state, kind)) return true;
      state[S.faults] = state[S.faults]! & ~FAULT[kind];
      // Changing out an oxygenator or de-airing the line clamps the circuit for a while.
      if (kind === 'oxygenator-failure')
        state[S.oxygenatorClampedUntilS] = now + v.oxygenatorChangeOutS;
      if (kind === 'air-in-line') state[S.airClampedUntilS] = now + v.deAirS;
      if (kind === 'pump-failure') state[S.handCrankLPerMin] = 0;
      return true;
    }
    default:
      return false;
  }
}
