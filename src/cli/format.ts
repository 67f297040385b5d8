// Formats time series for the command line: CSV with the documented column names, or JSON.

import { OUTPUTS, TEXT_OUTPUTS, type Snapshot } from '../../models/index.ts';

export function csvHeader(): string {
  return (
    [...OUTPUTS.map((o) => o.column), ...TEXT_OUTPUTS.map((o) => o.column), 'environment'].join(
      ',',
    ) + '\n'
  );
}

export function csvRow(snapshot: Snapshot): string {
  const values = OUTPUTS.map((o) => formatNumber(snapshot[o.key], o.decimals));
  const words = TEXT_OUTPUTS.map((o) => snapshot[o.key]);
  const e = snapshot.environment;
  const where = `${e.medium} ${formatNumber(e.temperatureC, 1)}C${e.headUnderWater ? ' head-under' : ''}`;
  return [...values, ...words, where].join(',') + '\n';
}

export function jsonRow(snapshot: Snapshot): Record<string, number | string | boolean> {
  const row: Record<string, number | string | boolean> = {};
  for (const o of OUTPUTS) row[o.column] = Number(formatNumber(snapshot[o.key], o.decimals));
  for (const o of TEXT_OUTPUTS) row[o.column] = snapshot[o.key];
  row.environment_medium = snapshot.environment.medium;
  row.environment_temp_c = snapshot.environment.temperatureC;
  row.head_under_water = snapshot.environment.headUnderWater;
  return row;
}

function formatNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}
