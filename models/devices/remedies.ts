// The perfusionist's remedies: what can be done about a circuit that misbehaves, chosen from what the
// console shows (pressures, flow, post-oxygenator PO2, the alarms), never from the fault itself. Each
// remedy fixes one kind of fault if it is there; otherwise it is applied all the same, with its cost,
// and fixes nothing. Costs: de-airing and an oxygenator change-out clamp the circuit (no pump flow)
// for `deAirS` and `oxygenatorChangeOutS`; the checks and a heater-cooler swap cost only the time.

import { S, type State } from '../core/state.ts';
import type { Action, FaultKind, RemedyKind } from '../core/actions.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { FAULT, hasFault } from './heartLungMachine.ts';

export interface Remedy {
  readonly id: RemedyKind;
  /** The button's words. */
  readonly label: string;
  /** What it involves, for the learner (the cost, not what it fixes). */
  readonly help: string;
  /** The cost in a few words, shown under the label; absent for a check. */
  readonly cost?: string;
  /** The fault it fixes when that fault is there. */
  readonly fixes: FaultKind;
}

/** Every remedy, cheapest first. */
export const REMEDIES: readonly Remedy[] = [
  {
    id: 'check-lines',
    label: 'Check the lines',
    help: 'Walk the venous and arterial lines from the patient to the pump: kinks, clamps left on.',
    fixes: 'venous-kink',
  },
  {
    id: 'check-gas-line',
    label: 'Check the gas line',
    help: 'Follow the sweep gas from the blender to the oxygenator: flowmeter, tubing, connections.',
    fixes: 'sweep-disconnect',
  },
  {
    id: 'check-power',
    label: 'Check the pump’s power',
    help: 'Mains, battery and the pump’s drive; switch to the backup supply.',
    fixes: 'pump-failure',
  },
  {
    id: 'de-air',
    label: 'Clamp and de-air',
    help: 'Clamp the arterial line and remove air from it; no flow meanwhile, then restart the pump.',
    cost: 'no flow for about 1 min',
    fixes: 'air-in-line',
  },
  {
    id: 'change-oxygenator',
    label: 'Change out the oxygenator',
    help: 'Clamp the circuit and put in a new oxygenator; no flow meanwhile: protect the patient first.',
    cost: 'no flow for about 3 min',
    fixes: 'oxygenator-failure',
  },
  {
    id: 'change-heater-cooler',
    label: 'Change the heater-cooler',
    help: 'Swap the heater-cooler unit for a spare; its water then follows the set temperature.',
    fixes: 'heater-cooler-failure',
  },
];

const REMEDY_BY_ID = new Map(REMEDIES.map((r) => [r.id, r]));

/** The remedy of that name. */
export function remedyOf(id: RemedyKind): Remedy {
  return REMEDY_BY_ID.get(id)!;
}

/** Applies a remedy. Returns false for any other action. */
export function applyRemedy(state: State, action: Action, v: ParameterValues): boolean {
  if (action.do !== 'remedy') return false;
  const now = state[S.timeS]!;
  const kind = remedyOf(action.remedy).fixes;
  const present = hasFault(state, kind);
  if (present) state[S.faults] = state[S.faults]! & ~FAULT[kind];
  switch (action.remedy) {
    case 'de-air':
      // Clamped whether or not there was air; the pump stays stopped until restarted.
      state[S.airClampedUntilS] = now + v.deAirS;
      return true;
    case 'change-oxygenator':
      // The circuit is clamped while the new oxygenator goes in; it transfers fully once in.
      state[S.oxygenatorClampedUntilS] = now + v.oxygenatorChangeOutS;
      return true;
    case 'check-power':
      if (present) state[S.handCrankLPerMin] = 0;
      return true;
    default:
      return true;
  }
}
