// Alarms of the heart-lung machine: the 2015 STS/SCA/AmSECT temperature limits (Engelman R et al.,
// Ann Thorac Surg 2015;100:748) and the circuit's own monitors. Each alarm has a clear message; the
// state keeps the set of active alarms and counts each onset once.

import { S, type State } from '../engine/state.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { effectiveSweepLPerMin, hasFault } from './heartLungMachine.ts';

export interface AlarmDefinition {
  /** Stable name, used in CSV output and logs. */
  readonly id: string;
  /** What a perfusionist sees. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Every alarm, in the order of its bit in the state's `alarms` slot. */
export const ALARMS: readonly AlarmDefinition[] = [
  {
    id: 'outlet-above-37',
    message: 'Arterial outlet above 37 °C',
    fix: 'Lower the heater-cooler water temperature.',
  },
  {
    id: 'gradient-above-10',
    message: 'Outlet–venous gradient above 10 °C',
    fix: 'Bring the water temperature within 10 °C of the venous blood (gas emboli, outgassing).',
  },
  {
    id: 'warm-gradient-above-4',
    message: 'Outlet at or above 30 °C and more than 4 °C warmer than venous blood',
    fix: 'Once the outlet reaches 30 °C, keep it within 4 °C of the venous blood.',
  },
  {
    id: 'rewarming-too-fast',
    message: 'Rewarming faster than 0.5 °C/min with the outlet at or above 30 °C',
    fix: 'Raise the water temperature in smaller steps.',
  },
  {
    id: 'low-flow',
    message: 'Pump flow below the flow set',
    fix: 'Check the venous line for a kink and the blood volume; check the pump.',
  },
  {
    id: 'low-venous-saturation',
    message: 'Venous saturation below 60 % with the oxygenator on',
    fix: 'Raise the pump flow, the sweep gas FiO2, or cool to lower the body’s oxygen use.',
  },
  {
    id: 'air-detected',
    message: 'Air detected in the arterial line: pump stopped',
    fix: 'Clamp, de-air the line (clearFault air-in-line), then restart the pump.',
  },
  {
    id: 'oxygenator-failing',
    message: 'Post-oxygenator PO2 far below the sweep gas PO2',
    fix: 'Check FiO2 and sweep; change out a failed oxygenator (clearFault oxygenator-failure).',
  },
  {
    id: 'no-sweep-gas',
    message: 'No sweep gas flow at the oxygenator',
    fix: 'Reconnect the sweep gas line (clearFault sweep-disconnect).',
  },
  {
    id: 'heater-cooler-failure',
    message: 'Heater-cooler failed: water drifting from its set temperature',
    fix: 'Replace the heater-cooler (clearFault heater-cooler-failure).',
  },
  {
    id: 'pump-failure',
    message: 'Pump failure: no power to the pump',
    fix: 'Turn the hand crank (handCrank) until power is restored (clearFault pump-failure).',
  },
];

export type AlarmId = (typeof ALARMS)[number]['id'];

const bit = (index: number): number => 1 << index;
const ALARM_INDEX = new Map(ALARMS.map((a, i) => [a.id, i]));

/** Bit of one alarm in the state's `alarms` slot. */
export function alarmBit(id: string): number {
  const index = ALARM_INDEX.get(id);
  if (index === undefined) throw new Error(`unknown alarm "${id}"`);
  return bit(index);
}

/** The active alarms' definitions, from the state's bit set. */
export function activeAlarms(bits: number): AlarmDefinition[] {
  return ALARMS.filter((_, i) => (bits & bit(i)) !== 0);
}

/** Re-evaluates every alarm from the state and counts new ones. */
export function updateAlarms(state: State, v: ParameterValues): void {
  let bits = 0;
  if (state[S.cannulated]! === 1) {
    const flow = state[S.pumpFlowLPerMin]!;
    const outlet = state[S.arterialOutletTempC]!;
    const gradient = outlet - state[S.venousInletTempC]!;
    const sweep = effectiveSweepLPerMin(state);
    if (flow > 0) {
      if (outlet > v.outletMaxTempC) bits |= bit(0);
      if (Math.abs(gradient) > v.maxGradientC) bits |= bit(1);
      if (outlet >= v.warmThresholdC && gradient > v.warmGradientC) bits |= bit(2);
      if (outlet >= v.warmThresholdC && state[S.outletRateCPerMin]! > v.maxRewarmingRateCPerMin)
        bits |= bit(3);
      if (sweep > 0 && state[S.venousSat]! < v.lowVenousSaturation) bits |= bit(5);
      // A healthy membrane brings blood close to the sweep gas's PO2; far below it, it is failing.
      const gasPo2 =
        state[S.oxygenatorFio2]! * (v.barometricPressureMmHg - v.waterVapourPressureMmHg);
      if (sweep > 0 && state[S.postOxygenatorPo2MmHg]! < v.oxygenatorAlarmFractionOfGasPo2 * gasPo2)
        bits |= bit(7);
    }
    const set = state[S.pumpFlowSetLPerMin]!;
    if (set > 0 && flow < v.lowFlowFraction * set) bits |= bit(4);
    if (hasFault(state, 'air-in-line')) bits |= bit(6);
    if (state[S.sweepLPerMin]! > 0 && sweep === 0) bits |= bit(8);
    if (hasFault(state, 'heater-cooler-failure')) bits |= bit(9);
    if (hasFault(state, 'pump-failure')) bits |= bit(10);
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
