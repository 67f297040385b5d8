// The members of an ensemble as a table (CSV): one row per member with its number, its engine seed,
// every sampled parameter and every outcome, numbers written so they parse back exactly, for R or
// pandas. Pure: the command line writes the rows to a file (`coldboot ensemble --members-out`).

import type { Outcome } from '../engine/outputs.ts';
import type { EnsembleDesign } from './sampling.ts';

/** A cell: the shortest text that reads back as the same number; empty for null; true or false. */
export function csvCell(value: number | boolean | string | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // JSON's number formatting is the shortest round-trip form (ECMAScript Number::toString).
    if (!Number.isFinite(value)) throw new Error(`member table: cannot write ${value}`);
    return JSON.stringify(value);
  }
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The outcome columns, in the order the engine builds an Outcome (snake_case, with units). */
export function outcomeColumns(outcome: Outcome): (keyof Outcome)[] {
  return Object.keys(outcome) as (keyof Outcome)[];
}

/** The header line: member, seed, the sampled parameters (design order), the outcomes. */
export function memberTableHeader(design: EnsembleDesign, outcome: Outcome): string {
  const names = ['member', 'seed', ...design.parameters.map((p) => p.name)];
  return [...names, ...outcomeColumns(outcome)].map(csvCell).join(',') + '\n';
}

/** One member's line: its number (from 0, as error messages count), seed, values and outcome. */
export function memberTableRow(
  design: EnsembleDesign,
  member: number,
  outcome: Outcome,
  columns: readonly (keyof Outcome)[] = outcomeColumns(outcome),
): string {
  const count = design.parameters.length;
  const cells: string[] = [csvCell(member), csvCell(design.memberSeeds[member]!)];
  for (let j = 0; j < count; j++) cells.push(csvCell(design.values[member * count + j]!));
  for (const key of columns) cells.push(csvCell(outcome[key]));
  return cells.join(',') + '\n';
}
