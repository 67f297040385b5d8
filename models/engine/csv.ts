// CSV as ColdBoot writes it, in one place: `coldboot run --format csv` and the app's trend export
// both name their columns from the output table and write each number with its output's decimals,
// so a spreadsheet or a script reads either file alike.

import { OUTPUTS, TEXT_OUTPUTS, type NumericSnapshotKey, type Snapshot } from './snapshot.ts';

/** A number as a CSV cell: the output's decimals, never "-0", empty when not a finite number. */
export function csvNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(decimals);
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/** One CSV line ("\n" end) from its cells. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\n`;
}

/** The file column of a numeric output, and the decimals it is written with. */
export function csvColumn(key: NumericSnapshotKey): {
  readonly name: string;
  readonly decimals: number;
} {
  const output = OUTPUTS.find((o) => o.key === key);
  if (output === undefined) throw new Error(`csvColumn: "${key}" is not in the output table`);
  return { name: output.column, decimals: output.decimals };
}

/** The header of `coldboot run`'s CSV: every numeric output, every word output, the surroundings. */
export function snapshotCsvHeader(): string {
  return csvLine([
    ...OUTPUTS.map((o) => o.column),
    ...TEXT_OUTPUTS.map((o) => o.column),
    'environment',
  ]);
}

/** One snapshot as a line of `coldboot run`'s CSV. */
export function snapshotCsvRow(snapshot: Snapshot): string {
  const values = OUTPUTS.map((o) => csvNumber(snapshot[o.key], o.decimals));
  const words = TEXT_OUTPUTS.map((o) => snapshot[o.key]);
  const e = snapshot.environment;
  const where = `${e.medium} ${csvNumber(e.temperatureC, 1)}C${e.headUnderWater ? ' head-under' : ''}`;
  return csvLine([...values, ...words, where]);
}
