// Words for the event log: what an action did, with temperatures in the display unit.

import {
  FAULT_KINDS,
  FAULT_TABLE,
  remedyOf,
  type Action,
  type FaultKind,
} from '../../models/index.ts';
import {
  formatTemperature,
  toDisplayUnit,
  unitSymbol,
  type TemperatureUnit,
} from '../state/units.ts';

/** Arrest rhythms in words. */
export const ARREST_WORDS = {
  vf: 'ventricular fibrillation',
  asystole: 'asystole',
  pea: 'pulseless electrical activity',
} as const;

const LAVAGE_WORDS = { bladder: 'Bladder', gastric: 'Gastric', thoracic: 'Thoracic' } as const;
/** Heart-lung machine faults in words. */
export const FAULT_WORDS: Readonly<Record<FaultKind, string>> = Object.fromEntries(
  FAULT_KINDS.map((kind) => [kind, FAULT_TABLE[kind].words]),
) as Record<FaultKind, string>;

/** "oxygenator failure" → "Oxygenator failure". */
export function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A set temperature as a person would say it: in the display unit, to a tenth at most, without a
 * trailing ".0" ("27 °C", "27.5 °C", "80.6 °F"; never "30.0003 °C").
 */
export function setTemperature(celsius: number, unit: TemperatureUnit): string {
  const value = Math.round(toDisplayUnit(celsius, unit) * 10) / 10;
  const text = Object.is(value, -0) ? '0' : String(value).replace(/^-/, '\u2212');
  return `${text} ${unitSymbol(unit)}`;
}

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
    case 'applyIcePacks':
      return 'Ice packs on neck, axillae and groin';
    case 'removeIcePacks':
      return 'Ice packs removed';
    case 'startForcedAirWarming':
      return `Forced-air warming at ${setTemperature(action.temperatureC, unit)}`;
    case 'stopForcedAirWarming':
      return 'Forced-air warming stopped';
    case 'infuseFluid':
      return `${Math.round(action.volumeMl)} mL of fluid at ${setTemperature(action.temperatureC, unit)} infused`;
    case 'startLavage':
      return `${LAVAGE_WORDS[action.site]} lavage at ${setTemperature(action.temperatureC, unit)}`;
    case 'stopLavage':
      return 'Lavage stopped';
    case 'giveVasodilator':
      return 'Vasodilator given';
    case 'cannulate':
      return action.mode === 'cpb'
        ? 'Cannulation for cardiopulmonary bypass started'
        : 'Femoral cannulation for VA-ECMO started';
    case 'startPump':
      return `Pump started at ${action.flowLPerMin.toFixed(1)} L/min`;
    case 'setPumpFlow':
      return `Pump flow set to ${action.flowLPerMin.toFixed(1)} L/min`;
    case 'stopPump':
      return 'Pump stopped';
    case 'setHeaterCooler':
      return `Heater-cooler water set to ${setTemperature(action.waterTemperatureC, unit)}`;
    case 'setOxygenator':
      // FiO₂ set with the sweep still off is said as such: a set FiO₂, nothing flowing yet.
      return action.sweepLPerMin === 0
        ? `Oxygenator: FiO₂ ${action.fio2.toFixed(2)} set, sweep gas off (no gas exchange)`
        : `Oxygenator: FiO₂ ${action.fio2.toFixed(2)}, sweep ${action.sweepLPerMin.toFixed(1)} L/min`;
    case 'handCrank':
      return `Pump turned by hand at ${action.flowLPerMin.toFixed(1)} L/min`;
    case 'decannulate':
      return 'Decannulated: off the heart-lung machine';
    case 'fault':
      return `Fault: ${FAULT_WORDS[action.kind]}`;
    case 'clearFault':
      return `Fixed: ${FAULT_WORDS[action.kind]}`;
    case 'remedy':
      return `Heart-lung machine: ${remedyOf(action.remedy).label.toLowerCase()}`;
    case 'acknowledgeAlarms':
      return 'Alarms acknowledged';
    default: {
      const unknown: never = action;
      return JSON.stringify(unknown);
    }
  }
}
