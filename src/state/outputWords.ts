// Output names in words: the debrief's reasons are written with the engine's output names, as
// scenario files use them ("core_temp_c below 35 at 0:12:00 (core_temp_c 34.97)"); learners read
// "core temperature below 35 °C at 0:12:00 (core temperature 34.97 °C)".

import { OUTPUTS, TEXT_OUTPUTS, type OutputDefinition } from '../../models/index.ts';

interface Words {
  readonly name: string;
  /** Unit written after each number, '' for none (fractions, words). */
  readonly unit: string;
}

/** "Core" → "core"; "SpO₂", "PO₂ …" and "K⁺" keep their capitals. */
function lowerFirst(label: string): string {
  const second = label.charAt(1);
  return second !== '' && second === second.toLowerCase() && /[a-z]/.test(second)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

function wordsOf(output: OutputDefinition): Words {
  const temperature = output.unit === '°C' && !/temp|gradient|°/i.test(output.label);
  return {
    name: temperature ? `${lowerFirst(output.label)} temperature` : lowerFirst(output.label),
    unit: output.unit === '1' ? '' : output.unit,
  };
}

const WORDS = new Map<string, Words>([
  ...OUTPUTS.map((o): [string, Words] => [o.column, wordsOf(o)]),
  ...TEXT_OUTPUTS.map((o): [string, Words] => [o.column, { name: lowerFirst(o.label), unit: '' }]),
]);

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const BOUND = String.raw`(?:below|above) ${NUMBER}`;
const COLUMNS = [...WORDS.keys()].sort((a, b) => b.length - a.length);
const OUTPUT_IN_TEXT = new RegExp(
  String.raw`\b(${COLUMNS.join('|')})\b((?: ${BOUND}(?: and ${BOUND})?)| ${NUMBER}(?![\w.]))?`,
  'g',
);

/** The text with every output name in words and a unit after each of its numbers. */
export function outputsInWords(text: string): string {
  return text.replace(OUTPUT_IN_TEXT, (_match, column: string, rest: string | undefined) => {
    const words = WORDS.get(column)!;
    const tail = (rest ?? '').replace(new RegExp(NUMBER, 'g'), (n) =>
      words.unit ? `${n} ${words.unit}` : n,
    );
    return `${words.name}${tail}`;
  });
}
