// Trends as CSV: one row per trend sample, the columns named as `coldboot run` names them
// (t_s, brain_temp_c, …), each number written as `coldboot run` writes it (models/engine/csv.ts: the
// output's decimals, in the engine's units: °C, /min, fractions 0–1), so a spreadsheet or a script
// reads the app's export and the command line's output alike.

import { csvColumn, csvLine, csvNumber } from '../../models/index.ts';
import type { TrendSeries } from '../worker/protocol.ts';

/** What the CSV reads: the time column and one column per series (typed-array views are fine). */
export interface TrendColumns {
  time(): ArrayLike<number>;
  series(index: number): ArrayLike<number>;
}

/** Decimals of the time column, s (trend samples fall on whole or tenth seconds). */
const TIME_DECIMALS = 1;

/** The trend as CSV text (header, then one line per sample; "\n" line ends). */
export function trendCsv(trend: TrendColumns, series: readonly TrendSeries[]): string {
  const columns = series.map((s) => csvColumn(s.key));
  const lines = [csvLine(['t_s', ...columns.map((c) => c.name)])];
  const time = trend.time();
  const data = series.map((_, i) => trend.series(i));
  for (let row = 0; row < time.length; row++) {
    const cells = [csvNumber(time[row]!, TIME_DECIMALS)];
    for (let i = 0; i < data.length; i++)
      cells.push(csvNumber(data[i]![row]!, columns[i]!.decimals));
    lines.push(csvLine(cells));
  }
  return lines.join('');
}
