// Trends as CSV: one row per trend sample, the columns named as `coldboot run` names them
// (t_s, brain_temp_c, …), values in the engine's units (°C, /min, fractions 0–1), so a spreadsheet
// or a script reads the app's export and the command line's output alike.

import { OUTPUTS, type NumericSnapshotKey } from '../../models/index.ts';
import type { TrendSeries } from '../worker/protocol.ts';

/** What the CSV reads: the time column and one column per series (typed-array views are fine). */
export interface TrendColumns {
  time(): ArrayLike<number>;
  series(index: number): ArrayLike<number>;
}

function columnOf(key: NumericSnapshotKey): { name: string; decimals: number } {
  const output = OUTPUTS.find((o) => o.key === key);
  if (output) return { name: output.column, decimals: Math.max(output.decimals, 2) };
  return { name: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), decimals: 3 };
}

function cell(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(decimals);
  // Trim trailing zeros: 36.900 → 36.9, 70.00 → 70.
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The trend as CSV text (header, then one line per sample; "\n" line ends). */
export function trendCsv(trend: TrendColumns, series: readonly TrendSeries[]): string {
  const columns = series.map((s) => columnOf(s.key));
  const lines = [['t_s', ...columns.map((c) => c.name)].join(',')];
  const time = trend.time();
  const data = series.map((_, i) => trend.series(i));
  for (let row = 0; row < time.length; row++) {
    const cells = [cell(time[row]!, 1)];
    for (let i = 0; i < data.length; i++) cells.push(cell(data[i]![row]!, columns[i]!.decimals));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
