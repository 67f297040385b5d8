// What each action does to the state vector. Actions are plain data; this is the only place that
// turns them into state changes, so the UI, the command line and replays behave identically.

import type { Action } from './actions.ts';
import type { StartEnvironment } from '../scenario/types.ts';
import { S, type State } from './state.ts';

/** Fraction of body surface under water when the head stays out (head ≈ 7 % of surface, Pretorius 2008). */
const HEAD_OUT_IMMERSED_FRACTION = 0.93;

export function setStartEnvironment(state: State, environment: StartEnvironment): void {
  applyAction(state, { do: 'setEnvironment', ...environment });
}

export function applyAction(state: State, action: Action): void {
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
        state[S.immersedFraction] = HEAD_OUT_IMMERSED_FRACTION;
        state[S.headUnderWater] = 0;
        state[S.airPocket] = 0;
      }
      state[S.windMPerS] = action.windMPerS ?? 0;
      state[S.clothingClo] = action.clothingClo ?? 0;
      return;
    case 'immerse': {
      const headOut = action.headAboveWater === true;
      state[S.waterTempC] = action.waterTemperatureC;
      state[S.immersedFraction] = headOut ? HEAD_OUT_IMMERSED_FRACTION : 1;
      state[S.headUnderWater] = headOut ? 0 : 1;
      state[S.airPocket] = action.airPocket === true ? 1 : 0;
      // Wet clothing insulates little in water; it is ignored there.
      state[S.clothingClo] = 0;
      return;
    }
    case 'extricate':
      state[S.airTempC] = action.airTemperatureC;
      state[S.immersedFraction] = 0;
      state[S.headUnderWater] = 0;
      state[S.airPocket] = 0;
      state[S.windMPerS] = action.windMPerS ?? 0;
      return;
    case 'message':
    case 'pause':
      // Recorded in the log; no change to the body.
      return;
  }
}
