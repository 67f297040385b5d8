// Words for the event log: what an action did, with temperatures in the display unit.

import type { Action } from '../../models/index.ts';
import { formatTemperature, type TemperatureUnit } from '../state/units.ts';

const ARREST_WORDS = {
  vf: 'ventricular fibrillation',
  asystole: 'asystole',
  pea: 'pulseless electrical activity',
} as const;

export function describeAction(action: Action, unit: TemperatureUnit): string {
  switch (action.do) {
    case 'setEnvironment': {
      const parts = [
        `${action.medium === 'water' ? 'Water' : 'Air'} at ${formatTemperature(action.temperatureC, unit)}`,
      ];
      if (action.windMPerS) parts.push(`wind ${action.windMPerS} m/s`);
      if (action.clothingClo) parts.push(`clothing ${action.clothingClo} clo`);
      return `Surroundings: ${parts.join(', ')}`;
    }
    case 'immerse': {
      const head = action.headAboveWater
        ? 'head above water'
        : action.airPocket
          ? 'head under, breathing from an air pocket'
          : 'head under water, not breathing';
      return `Immersed in water at ${formatTemperature(action.waterTemperatureC, unit)}: ${head}`;
    }
    case 'extricate':
      return `Taken out of the water into air at ${formatTemperature(action.airTemperatureC, unit)}${action.windMPerS ? `, wind ${action.windMPerS} m/s` : ''}`;
    case 'message':
      return action.text;
    case 'pause':
      return 'Paused by the scenario';
    case 'stopBreathing':
      return 'Breathing stops';
    case 'resumeBreathing':
      return 'Airway cleared: the patient may breathe again';
    case 'cardiacArrest':
      return `Cardiac arrest (${ARREST_WORDS[action.rhythm]})`;
    case 'startCpr':
      return `Chest compressions started (${action.mode ?? 'manual'})`;
    case 'stopCpr':
      return 'Chest compressions stopped';
    case 'ventilate':
      return `Ventilation with FiO₂ ${action.fio2.toFixed(2)}`;
    case 'stopVentilation':
      return 'Ventilation stopped';
    case 'defibrillate':
      return 'Shock delivered';
    default: {
      const unknown: never = action;
      return JSON.stringify(unknown);
    }
  }
}
