// Alarms of the heart-lung machine: the 2015 STS/SCA/AmSECT temperature limits (Engelman R et al.,
// Ann Thorac Surg 2015;100:748) and the circuit's own monitors. Each alarm is one row: its
// message, its fix, the parameter holding its limit and its test; the state keeps the set of active
// alarms and counts each onset once.

import { S, type State } from '../core/state.ts';
import type { FaultKind } from '../core/actions.ts';
import type { ParameterName, ParameterValues } from '../parameters/index.ts';
import { effectiveSweepLPerMin } from './heartLungMachine.ts';
import { FAULT } from './faults.ts';

/**
 * What the alarms read: the circuit's temperatures, flows and gas, taken from the state once per
 * step. The first five fields are the guideline readings, which a Snapshot also carries under the
 * same names, so the heart-lung console tests its gauges with the alarms' own predicates.
 */
export interface GuidelineReadings {
  /** 1 once the cannulae are in. */
  readonly cannulated: number;
  /** Flow the pump delivers, L/min. */
  readonly pumpFlowLPerMin: number;
  /** Blood leaving the heat exchanger, °C. */
  readonly arterialOutletTempC: number;
  /** Arterial outlet minus venous inflow, °C (negative while cooling). */
  readonly outletVenousGradientC: number;
  /** Filtered rate of change of the outlet temperature, °C/min. */
  readonly outletRateCPerMin: number;
}

/** Every reading an alarm may test. */
export interface AlarmReadings extends GuidelineReadings {
  /** Flow the pump is set to, L/min. */
  readonly pumpFlowSetLPerMin: number;
  /** Sweep gas set, L/min. */
  readonly sweepLPerMin: number;
  /** Sweep gas reaching the oxygenator (0 when disconnected), L/min. */
  readonly effectiveSweepLPerMin: number;
  /** Mixed venous saturation, 0–1. */
  readonly venousSat: number;
  /** Blood leaving the oxygenator, mmHg. */
  readonly postOxygenatorPo2MmHg: number;
  /** Oxygen fraction of the sweep gas, 0–1. */
  readonly oxygenatorFio2: number;
  /** Bit set of active faults (models/devices/faults.ts). */
  readonly faults: number;
}

export interface AlarmDefinition {
  /** Stable name, used in CSV output and logs. */
  readonly id: string;
  /** What a perfusionist sees. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  /** The parameter that holds the alarm's limit, when it has one (models/parameters/devices.ts). */
  readonly limit?: ParameterName;
  /** True while the alarm sounds. Only asked while the circuit is cannulated. */
  readonly active: (r: AlarmReadings, v: ParameterValues) => boolean;
}

const flowing = (r: GuidelineReadings): boolean => r.cannulated === 1 && r.pumpFlowLPerMin > 0;
const hasFaultBit = (r: AlarmReadings, kind: FaultKind): boolean => (r.faults & FAULT[kind]) !== 0;

/** The guideline temperature alarms, as predicates the console's gauges share. */
const guideline = {
  outletAbove37: (r: GuidelineReadings, v: ParameterValues): boolean =>
    flowing(r) && r.arterialOutletTempC > v.outletMaxTempC,
  gradientAbove10: (r: GuidelineReadings, v: ParameterValues): boolean =>
    flowing(r) && Math.abs(r.outletVenousGradientC) > v.maxGradientC,
  warmGradientAbove4: (r: GuidelineReadings, v: ParameterValues): boolean =>
    flowing(r) &&
    r.arterialOutletTempC >= v.warmThresholdC &&
    r.outletVenousGradientC > v.warmGradientC,
  rewarmingTooFast: (r: GuidelineReadings, v: ParameterValues): boolean =>
    flowing(r) &&
    r.arterialOutletTempC >= v.warmThresholdC &&
    r.outletRateCPerMin > v.maxRewarmingRateCPerMin,
};

/** Every alarm; its bit in the state's `alarms` slot is its place in this table. */
export const ALARMS = [
  {
    id: 'outlet-above-37',
    message: 'Arterial outlet above 37 °C',
    fix: 'Lower the heater-cooler water temperature.',
    limit: 'outletMaxTempC',
    active: guideline.outletAbove37,
  },
  {
    id: 'gradient-above-10',
    message: 'Outlet–venous gradient above 10 °C',
    fix: 'Bring the water temperature within 10 °C of the venous blood (gas emboli, outgassing).',
    limit: 'maxGradientC',
    active: guideline.gradientAbove10,
  },
  {
    id: 'warm-gradient-above-4',
    message: 'Outlet at or above 30 °C and more than 4 °C warmer than venous blood',
    fix: 'Once the outlet reaches 30 °C, keep it within 4 °C of the venous blood.',
    limit: 'warmGradientC',
    active: guideline.warmGradientAbove4,
  },
  {
    id: 'rewarming-too-fast',
    message: 'Rewarming faster than 0.5 °C/min with the outlet at or above 30 °C',
    fix: 'Raise the water temperature in smaller steps.',
    limit: 'maxRewarmingRateCPerMin',
    active: guideline.rewarmingTooFast,
  },
  {
    id: 'low-flow',
    message: 'Pump flow below the flow set',
    fix: 'Check the venous line for a kink and the blood volume; check the pump.',
    limit: 'lowFlowFraction',
    active: (r, v) =>
      r.pumpFlowSetLPerMin > 0 && r.pumpFlowLPerMin < v.lowFlowFraction * r.pumpFlowSetLPerMin,
  },
  {
    id: 'low-venous-saturation',
    message: 'Venous saturation below 60 % with the oxygenator on',
    fix: 'Raise the pump flow, the sweep gas FiO2, or cool to lower the body’s oxygen use.',
    limit: 'lowVenousSaturation',
    active: (r, v) =>
      flowing(r) && r.effectiveSweepLPerMin > 0 && r.venousSat < v.lowVenousSaturation,
  },
  {
    id: 'air-detected',
    message: 'Air detected in the arterial line: pump stopped',
    fix: 'Clamp, de-air the line (clearFault air-in-line), then restart the pump.',
    active: (r) => hasFaultBit(r, 'air-in-line'),
  },
  {
    id: 'oxygenator-failing',
    message: 'Post-oxygenator PO2 far below the sweep gas PO2',
    fix: 'Check FiO2 and sweep; change out a failed oxygenator (clearFault oxygenator-failure).',
    limit: 'oxygenatorAlarmFractionOfGasPo2',
    // A healthy membrane brings blood close to the sweep gas's PO2; far below it, it is failing.
    active: (r, v) =>
      flowing(r) &&
      r.effectiveSweepLPerMin > 0 &&
      r.postOxygenatorPo2MmHg <
        v.oxygenatorAlarmFractionOfGasPo2 *
          (r.oxygenatorFio2 * (v.barometricPressureMmHg - v.waterVapourPressureMmHg)),
  },
  {
    id: 'no-sweep-gas',
    message: 'No sweep gas flow at the oxygenator',
    fix: 'Reconnect the sweep gas line (clearFault sweep-disconnect).',
    active: (r) => r.sweepLPerMin > 0 && r.effectiveSweepLPerMin === 0,
  },
  {
    id: 'heater-cooler-failure',
    message: 'Heater-cooler failed: water drifting from its set temperature',
    fix: 'Replace the heater-cooler (clearFault heater-cooler-failure).',
    active: (r) => hasFaultBit(r, 'heater-cooler-failure'),
  },
  {
    id: 'pump-failure',
    message: 'Pump failure: no power to the pump',
    fix: 'Turn the hand crank (handCrank) until power is restored (clearFault pump-failure).',
    active: (r) => hasFaultBit(r, 'pump-failure'),
  },
] as const satisfies readonly AlarmDefinition[];

export type AlarmId = (typeof ALARMS)[number]['id'];

const TABLE: readonly AlarmDefinition[] = ALARMS;
const bit = (index: number): number => 1 << index;
const ALARM_INDEX = new Map(ALARMS.map((a, i) => [a.id as string, i]));

/** Bit of one alarm in the state's `alarms` slot. */
export function alarmBit(id: string): number {
  const index = ALARM_INDEX.get(id);
  if (index === undefined) throw new Error(`unknown alarm "${id}"`);
  return bit(index);
}

/** The active alarms' definitions, from the state's bit set. */
export function activeAlarms(bits: number): AlarmDefinition[] {
  return TABLE.filter((_, i) => (bits & bit(i)) !== 0);
}

/** A gauge of the heart-lung console: the limit it shows and whether its alarms are on. */
export interface GaugeReading {
  /** The limit that applies now, in the reading's unit. */
  readonly limit: number;
  /** True while one of the gauge's alarms is on: the gauge is flagged exactly then. */
  readonly over: boolean;
  /** False when the gauge has nothing to show (no flow; for the rewarming rate, outlet below 30 °C). */
  readonly applies: boolean;
}

/**
 * The console's two guideline gauges, with the alarms' own limits and predicates: the gradient
 * gauge is flagged while `gradient-above-10` or `warm-gradient-above-4` is on, the rewarming gauge
 * while `rewarming-too-fast` is.
 */
export function guidelineGauges(
  r: GuidelineReadings,
  v: ParameterValues,
): { readonly gradient: GaugeReading; readonly rewarming: GaugeReading } {
  const warm = r.arterialOutletTempC >= v.warmThresholdC;
  return {
    gradient: {
      limit: warm ? v.warmGradientC : v.maxGradientC,
      over: guideline.gradientAbove10(r, v) || guideline.warmGradientAbove4(r, v),
      applies: flowing(r),
    },
    rewarming: {
      limit: v.maxRewarmingRateCPerMin,
      over: guideline.rewarmingTooFast(r, v),
      applies: flowing(r) && warm,
    },
  };
}

/** The readings of this step, rewritten in place by updateAlarms (no allocation per step). */
const readings: { -readonly [K in keyof AlarmReadings]: number } = {
  cannulated: 0,
  pumpFlowLPerMin: 0,
  arterialOutletTempC: 0,
  outletVenousGradientC: 0,
  outletRateCPerMin: 0,
  pumpFlowSetLPerMin: 0,
  sweepLPerMin: 0,
  effectiveSweepLPerMin: 0,
  venousSat: 0,
  postOxygenatorPo2MmHg: 0,
  oxygenatorFio2: 0,
  faults: 0,
};

/** Re-evaluates every alarm from the state and counts new ones. */
export function updateAlarms(state: State, v: ParameterValues): void {
  let bits = 0;
  if (state[S.cannulated]! === 1) {
    const r = readings;
    r.cannulated = 1;
    r.pumpFlowLPerMin = state[S.pumpFlowLPerMin]!;
    r.arterialOutletTempC = state[S.arterialOutletTempC]!;
    r.outletVenousGradientC = r.arterialOutletTempC - state[S.venousInletTempC]!;
    r.outletRateCPerMin = state[S.outletRateCPerMin]!;
    r.pumpFlowSetLPerMin = state[S.pumpFlowSetLPerMin]!;
    r.sweepLPerMin = state[S.sweepLPerMin]!;
    r.effectiveSweepLPerMin = effectiveSweepLPerMin(state);
    r.venousSat = state[S.venousSat]!;
    r.postOxygenatorPo2MmHg = state[S.postOxygenatorPo2MmHg]!;
    r.oxygenatorFio2 = state[S.oxygenatorFio2]!;
    r.faults = state[S.faults]!;
    for (let i = 0; i < TABLE.length; i++) if (TABLE[i]!.active(r, v)) bits |= bit(i);
  }
  const raised = bits & ~state[S.alarms]!;
  if (raised !== 0) state[S.alarmCount] = state[S.alarmCount]! + popCount(raised);
  state[S.alarms] = bits;
}

function popCount(x: number): number {
  let n = 0;
  for (let y = x; y !== 0; y &= y - 1) n++;
  return n;
}
