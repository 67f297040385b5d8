// Output and action names in words: the debrief's reasons are written with the engine's names, as
// scenario files use them ("core_temp_c below 35 at 0:12:00 (core_temp_c 34.97)", "setOxygenator
// (sweepLPerMin above 2) at 17:26"); learners read "core temperature below 35 °C at 0:12:00 (core
// temperature 34.97 °C)" and "oxygenator set (sweep above 2 L/min) at 17:26".

import { OUTPUTS, TEXT_OUTPUTS, type Action, type OutputDefinition } from '../../models/index.ts';

interface Words {
  readonly name: string;
  /** Unit written after each number, '' for none (words, FiO₂). */
  readonly unit: string;
  /** A share 0–1 of something (cells, flow): its numbers are written as percentages. */
  readonly percent?: boolean;
}

/** "Core" → "core"; "SpO₂", "PO₂ …" and "K⁺" keep their capitals. */
function lowerFirst(label: string): string {
  const second = label.charAt(1);
  return second !== '' && second === second.toLowerCase() && /[a-z]/.test(second)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/**
 * Actions as the debrief names them, one entry per action type (a new action without words fails the
 * type check); null for names that are words already, left alone.
 */
const ACTION_WORDS: Readonly<Record<Action['do'], string | null>> = {
  setEnvironment: 'surroundings changed',
  immerse: 'immersion',
  extricate: 'rescue from the water',
  message: null,
  pause: null,
  stopBreathing: 'breathing stopped',
  resumeBreathing: 'breathing allowed',
  cardiacArrest: 'cardiac arrest',
  startCpr: 'CPR started',
  stopCpr: 'CPR stopped',
  ventilate: 'ventilation',
  stopVentilation: 'ventilation stopped',
  defibrillate: 'shock',
  applyIcePacks: 'ice packs on',
  removeIcePacks: 'ice packs off',
  startForcedAirWarming: 'forced-air warming on',
  stopForcedAirWarming: 'forced-air warming off',
  infuseFluid: 'infusion',
  startLavage: 'lavage started',
  stopLavage: 'lavage stopped',
  giveVasodilator: 'vasodilator',
  cannulate: 'cannulation',
  startPump: 'pump started',
  setPumpFlow: 'pump flow set',
  stopPump: 'pump stopped',
  setHeaterCooler: 'heater-cooler set',
  setOxygenator: 'oxygenator set',
  handCrank: 'hand crank',
  decannulate: 'decannulation',
  fault: null,
  clearFault: 'fault cleared',
  remedy: 'remedy',
  acknowledgeAlarms: 'alarms acknowledged',
};

/** Action fields as objectives' `where` names them. */
const FIELD_WORDS: Readonly<Record<string, Words>> = {
  fio2: { name: 'FiO₂', unit: '' },
  sweepLPerMin: { name: 'sweep', unit: 'L/min' },
  flowLPerMin: { name: 'flow', unit: 'L/min' },
  waterTemperatureC: { name: 'water', unit: '°C' },
  temperatureC: { name: 'temperature', unit: '°C' },
  airTemperatureC: { name: 'air', unit: '°C' },
  primeTemperatureC: { name: 'prime', unit: '°C' },
  primeVolumeMl: { name: 'prime volume', unit: 'mL' },
  volumeMl: { name: 'volume', unit: 'mL' },
  windMPerS: { name: 'wind', unit: 'm/s' },
  durationS: { name: 'duration', unit: 's' },
};

function wordsOf(output: OutputDefinition): Words {
  const temperature = output.unit === '°C' && !/temp|gradient|°/i.test(output.label);
  const share = output.unit === '1' && output.column.endsWith('_fraction');
  return {
    name: temperature ? `${lowerFirst(output.label)} temperature` : lowerFirst(output.label),
    unit: output.unit === '1' ? '' : output.unit,
    ...(share ? { percent: true } : {}),
  };
}

const WORDS = new Map<string, Words>([
  ...OUTPUTS.map((o): [string, Words] => [o.column, wordsOf(o)]),
  ...TEXT_OUTPUTS.map((o): [string, Words] => [o.column, { name: lowerFirst(o.label), unit: '' }]),
  ...Object.entries(ACTION_WORDS).flatMap(([name, words]): [string, Words][] =>
    words === null ? [] : [[name, { name: words, unit: '' }]],
  ),
  ...Object.entries(FIELD_WORDS),
]);

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const BOUND = String.raw`(?:below|above) ${NUMBER}`;
const COLUMNS = [...WORDS.keys()].sort((a, b) => b.length - a.length);
const OUTPUT_IN_TEXT = new RegExp(
  String.raw`\b(${COLUMNS.join('|')})\b((?: ${BOUND}(?: and ${BOUND})?)| ${NUMBER}(?![\w.]))?`,
  'g',
);

/** A share as a percentage to at most a tenth ("0.04" → "4 %", "0.0385" → "3.9 %"), as the screen shows shares. */
function percentOf(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  if (share > 0 && pct === 0) return '<0.1 %';
  if (share < 1 && pct === 100) return '>99.9 %';
  return `${pct} %`;
}

/** The text with every output, action and field name in words, a unit after each of its numbers. */
export function outputsInWords(text: string): string {
  return text.replace(OUTPUT_IN_TEXT, (_match, column: string, rest: string | undefined) => {
    const words = WORDS.get(column)!;
    const tail = (rest ?? '').replace(new RegExp(NUMBER, 'g'), (n) =>
      words.percent ? percentOf(Number(n)) : words.unit ? `${n} ${words.unit}` : n,
    );
    return `${words.name}${tail}`;
  });
}
