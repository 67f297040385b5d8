// Formats time series for the command line: CSV with the documented column names (written by
// models/engine/csv.ts, as the app's trend export is), or JSON.

import {
  OUTPUTS,
  TEXT_OUTPUTS,
  csvNumber,
  snapshotCsvHeader,
  snapshotCsvRow,
  type Snapshot,
} from '../../models/index.ts';

export const csvHeader = snapshotCsvHeader;
export const csvRow = snapshotCsvRow;

export function jsonRow(snapshot: Snapshot): Record<string, number | string | boolean> {
  const row: Record<string, number | string | boolean> = {};
  for (const o of OUTPUTS) row[o.column] = Number(csvNumber(snapshot[o.key], o.decimals));
  for (const o of TEXT_OUTPUTS) row[o.column] = snapshot[o.key];
  row.environment_medium = snapshot.environment.medium;
  row.environment_temp_c = snapshot.environment.temperatureC;
  row.head_under_water = snapshot.environment.headUnderWater;
  return row;
}
