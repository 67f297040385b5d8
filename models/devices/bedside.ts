// Bedside cooling and rewarming: ice packs, a forced-air blanket, intravenous fluid, bladder, gastric
// or thoracic lavage, and a vasodilator. Each adds (or removes) heat in one compartment; the thermal
// step adds these heats and books them as heat from outside the body, so heat stays conserved.

import { C, S, type State } from '../core/state.ts';
import type { Action, LavageSite } from '../core/actions.ts';
import type { ParameterValues } from '../parameters/index.ts';

/** Lavage codes stored in the state's `lavageSite` slot. */
export const LAVAGE: Readonly<Record<LavageSite | 'none', number>> = {
  none: 0,
  bladder: 1,
  gastric: 2,
  thoracic: 3,
};

/** Constants of the bedside devices for one patient. */
export interface BedsideBody {
  /** Shell skin area (trunk, limbs), m². */
  readonly shellAreaM2: number;
  /** Insulation between the shell's mean temperature and its surface, m²·K/W. */
  readonly shellInternalInsulationM2KPerW: number;
  /** Volumetric heat capacity of blood (used for infused fluid too), J/L/K. */
  readonly bloodHeatCapacityJPerLK: number;
  /** Body surface area, m². */
  readonly surfaceAreaM2: number;
  /** Body mass ÷ 70 kg: lavage exchange and infusion rates scale with size. */
  readonly sizeFactor: number;
}

export function initialiseBedside(state: State): void {
  state[S.icePacks] = 0;
  state[S.forcedAirTempC] = NaN;
  state[S.fluidRemainingMl] = 0;
  state[S.fluidTempC] = NaN;
  state[S.lavageSite] = LAVAGE.none;
  state[S.lavageTempC] = NaN;
  state[S.vasodilatorUntilS] = -1;
}

/** True while a vasodilator acts. */
export function vasodilatorActive(state: State): boolean {
  return state[S.vasodilatorUntilS]! > state[S.timeS]!;
}

/** Applies a bedside action. Returns false for any other action. */
export function applyBedsideAction(state: State, action: Action, v: ParameterValues): boolean {
  switch (action.do) {
    case 'applyIcePacks':
      state[S.icePacks] = 1;
      return true;
    case 'removeIcePacks':
      state[S.icePacks] = 0;
      return true;
    case 'startForcedAirWarming':
      state[S.forcedAirTempC] = action.temperatureC;
      return true;
    case 'stopForcedAirWarming':
      state[S.forcedAirTempC] = NaN;
      return true;
    case 'infuseFluid': {
      // A new bag joins what is still running; the mixture runs at the mean temperature.
      const remaining = state[S.fluidRemainingMl]!;
      const volume = action.volumeMl;
      const temp = action.temperatureC;
      state[S.fluidTempC] =
        remaining > 0
          ? (remaining * state[S.fluidTempC]! + volume * temp) / (remaining + volume)
          : temp;
      state[S.fluidRemainingMl] = remaining + volume;
      return true;
    }
    case 'startLavage':
      state[S.lavageSite] = LAVAGE[action.site];
      state[S.lavageTempC] = action.temperatureC;
      return true;
    case 'stopLavage':
      state[S.lavageSite] = LAVAGE.none;
      state[S.lavageTempC] = NaN;
      return true;
    case 'giveVasodilator':
      state[S.vasodilatorUntilS] = state[S.timeS]! + v.vasodilatorDurationMin * 60;
      return true;
    default:
      return false;
  }
}

/**
 * Writes the heat each bedside device adds to each compartment this step (W, negative when it
 * cools) into the state's per-compartment external heat block, and runs the infusion down.
 */
export function stepBedside(
  state: State,
  body: BedsideBody,
  v: ParameterValues,
  dtS: number,
): void {
  let shellW = 0;
  let bloodW = 0;
  let coreW = 0;
  let heartW = 0;
  const tShell = state[S.shellTempC]!;
  if (state[S.icePacks]! === 1) {
    const area = v.icePackAreaM2PerM2 * body.surfaceAreaM2;
    const conductance =
      area / (1 / v.icePackHeatTransferWPerM2K + body.shellInternalInsulationM2KPerW);
    shellW -= conductance * Math.max(0, tShell - 0);
  }
  const airC = state[S.forcedAirTempC]!;
  if (!Number.isNaN(airC)) {
    const area = v.forcedAirCoverFraction * body.shellAreaM2;
    const conductance =
      area / (1 / v.forcedAirHeatTransferWPerM2K + body.shellInternalInsulationM2KPerW);
    shellW += conductance * (airC - tShell);
  }
  const remaining = state[S.fluidRemainingMl]!;
  if (remaining > 0) {
    const rateMlPerMin = v.fluidInfusionMlPerMin * Math.min(1, body.sizeFactor);
    const runMl = Math.min(remaining, (rateMlPerMin * dtS) / 60);
    const flowLPerS = dtS > 0 ? runMl / 1000 / dtS : 0;
    bloodW +=
      flowLPerS * body.bloodHeatCapacityJPerLK * (state[S.fluidTempC]! - state[S.bloodTempC]!);
    state[S.fluidRemainingMl] = remaining - runMl;
  }
  const site = state[S.lavageSite]!;
  if (site !== LAVAGE.none) {
    const fluidC = state[S.lavageTempC]!;
    if (site === LAVAGE.thoracic) {
      // Warm fluid bathes the heart and the chest organs: a third reaches the myocardium.
      const g = v.thoracicLavageHeatExchangeWPerK * body.sizeFactor;
      heartW += (g / 3) * (fluidC - state[S.heartTempC]!);
      coreW += ((2 * g) / 3) * (fluidC - state[S.coreTempC]!);
    } else {
      coreW += v.lavageHeatExchangeWPerK * body.sizeFactor * (fluidC - state[S.coreTempC]!);
    }
  }
  state[S.brainExternalW + C.shell] = shellW;
  state[S.brainExternalW + C.blood] = bloodW;
  state[S.brainExternalW + C.core] = coreW;
  state[S.brainExternalW + C.heart] = heartW;
}
