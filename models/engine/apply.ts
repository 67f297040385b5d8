// What each action does to the state vector. Actions are plain data; this is the only place that
// turns them into state changes, so the UI, the command line and replays behave identically.

import type { Action } from '../core/actions.ts';
import type { StartEnvironment } from '../scenario/types.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { defibrillate, setRhythm } from '../physiology/circulation.ts';
import { airHeatTransferWPerM2K, saturationVapourPressureKPa } from '../physiology/thermal.ts';
import { RHYTHM, S, type State } from '../core/state.ts';
import { applyCircuitAction } from '../devices/heartLungMachine.ts';
import { applyBedsideAction } from '../devices/bedside.ts';
import { applyRemedy } from '../devices/remedies.ts';

export function setStartEnvironment(
  state: State,
  environment: StartEnvironment,
  v: ParameterValues,
): void {
  applyAction(state, { do: 'setEnvironment', ...environment }, v);
}

export function applyAction(state: State, action: Action, v: ParameterValues): void {
  applyToState(state, action, v);
  // Properties of the air that change only with the surroundings, computed once here.
  state[S.airHeatTransferWPerM2K] = airHeatTransferWPerM2K(v, state[S.windMPerS]!);
  state[S.airVapourKPa] =
    v.ambientRelativeHumidity * saturationVapourPressureKPa(state[S.airTempC]!);
}

function applyToState(state: State, action: Action, v: ParameterValues): void {
  switch (action.do) {
    case 'setEnvironment':
      if (action.medium === 'air') {
        state[S.airTempC] = action.temperatureC;
        state[S.immersedFraction] = 0;
        state[S.headUnderWater] = 0;
        state[S.airPocket] = 0;
      } else {
        // In water to the neck, breathing: the head is in air taken to be at the water's temperature.
        state[S.waterTempC] = action.temperatureC;
        state[S.airTempC] = action.temperatureC;
        state[S.immersedFraction] = 1 - v.headSurfaceFraction;
        state[S.headUnderWater] = 0;
        state[S.airPocket] = 0;
      }
      state[S.windMPerS] = action.windMPerS ?? 0;
      state[S.clothingClo] = action.clothingClo ?? 0;
      state[S.extremityClothingClo] = action.extremityClothingClo ?? action.clothingClo ?? 0;
      return;
    case 'immerse': {
      const headOut = action.headAboveWater === true;
      state[S.waterTempC] = action.waterTemperatureC;
      state[S.immersedFraction] = headOut ? 1 - v.headSurfaceFraction : 1;
      state[S.headUnderWater] = headOut ? 0 : 1;
      state[S.airPocket] = action.airPocket === true ? 1 : 0;
      // Wet clothing insulates little in water; it is ignored there.
      state[S.clothingClo] = 0;
      state[S.extremityClothingClo] = 0;
      return;
    }
    case 'extricate':
      state[S.airTempC] = action.airTemperatureC;
      state[S.immersedFraction] = 0;
      state[S.headUnderWater] = 0;
      state[S.airPocket] = 0;
      state[S.windMPerS] = action.windMPerS ?? 0;
      return;
    case 'stopBreathing':
      state[S.breathingStopped] = 1;
      state[S.breathing] = 0;
      return;
    case 'resumeBreathing':
      state[S.breathingStopped] = 0;
      return;
    case 'cardiacArrest':
      setRhythm(state, RHYTHM[action.rhythm]);
      return;
    case 'startCpr':
      if (state[S.cprMode]! === 0) state[S.cprStartedS] = state[S.timeS]!;
      state[S.cprMode] = action.mode === 'mechanical' ? 2 : 1;
      return;
    case 'stopCpr':
      state[S.cprMode] = 0;
      return;
    case 'ventilate':
      state[S.ventilationFio2] = action.fio2;
      return;
    case 'stopVentilation':
      state[S.ventilationFio2] = 0;
      return;
    case 'defibrillate':
      defibrillate(state, v);
      return;
    case 'message':
    case 'pause':
    case 'acknowledgeAlarms':
      // Recorded in the log; no change to the body.
      return;
    default:
      if (
        applyCircuitAction(state, action, v) ||
        applyBedsideAction(state, action, v) ||
        applyRemedy(state, action, v)
      )
        return;
      throw new Error(`action "${action.do}" has no effect defined`);
  }
}
