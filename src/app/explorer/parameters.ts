// The parameter tables of the model explorer, as plain logic (no React, no DOM): rows from the model's
// parameter registry, search, display in °C or °F, and checking a learner's override against the
// parameter's plausible range. Overrides are always kept in the parameter's own unit (°C), as the
// engine takes them (parameterValues in models/parameters/index.ts).

import {
  checkedByText,
  parameterGroups,
  type Parameter,
} from '../../../models/parameters/index.ts';

export { checkedByText };

export type ParameterGroupName = keyof typeof parameterGroups;
export type DisplayUnit = 'C' | 'F';
export type Overrides = Readonly<Record<string, number>>;

export const GROUP_NAMES = Object.keys(parameterGroups) as ParameterGroupName[];

/** Short labels of the subsystems, for tabs. */
export const GROUP_LABELS: Readonly<Record<ParameterGroupName, string>> = {
  body: 'Body',
  thermal: 'Heat',
  circulation: 'Circulation',
  oxygen: 'Oxygen',
  cells: 'Cells',
  devices: 'Devices',
};

export interface ParameterRow extends Parameter {
  readonly name: string;
  readonly group: ParameterGroupName;
}

/** The parameters of one group, in the order of their file. */
export function groupRows(group: ParameterGroupName): ParameterRow[] {
  const parameters: Readonly<Record<string, Parameter>> = parameterGroups[group];
  return Object.entries(parameters).map(([name, p]) => ({ ...p, name, group }));
}

/** Every parameter, group by group. */
export function allRows(): ParameterRow[] {
  return GROUP_NAMES.flatMap(groupRows);
}

/** Words of a camelCase name: 'restingHeartRateAdultBpm' → 'resting heart rate adult bpm'. */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

function searchText(row: ParameterRow): string {
  return [row.name, nameWords(row.name), row.description, row.unit, row.source, checkedByText(row)]
    .join(' \u0000 ')
    .toLowerCase();
}

/**
 * The rows matching a search: every word of the query must occur (case-insensitive) in the name
 * (also read as words: "heart rate" finds restingHeartRateAdultBpm), description, unit or source.
 * An empty query matches everything.
 */
export function filterRows(rows: readonly ParameterRow[], query: string): ParameterRow[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = searchText(row);
    return terms.every((term) => text.includes(term));
  });
}

/** How many parameters of each group match a search. */
export function matchesByGroup(query: string): Record<ParameterGroupName, number> {
  const counts = {} as Record<ParameterGroupName, number>;
  for (const group of GROUP_NAMES) counts[group] = filterRows(groupRows(group), query).length;
  return counts;
}

// --- Units -------------------------------------------------------------------------------------------

/** Parameter units shown differently in °F: absolute temperatures and cooling rates. */
const FAHRENHEIT: Readonly<Record<string, { unit: string; scale: number; offset: number }>> = {
  '°C': { unit: '°F', scale: 9 / 5, offset: 32 },
  '°C/min': { unit: '°F/min', scale: 9 / 5, offset: 0 },
  '°C/h': { unit: '°F/h', scale: 9 / 5, offset: 0 },
};

function conversion(row: Pick<Parameter, 'unit'>, unit: DisplayUnit) {
  return unit === 'F' ? FAHRENHEIT[row.unit] : undefined;
}

/** The unit a parameter is shown in. */
export function displayUnit(row: Pick<Parameter, 'unit'>, unit: DisplayUnit): string {
  return conversion(row, unit)?.unit ?? row.unit;
}

/** A value in the parameter's unit, in the display unit. */
export function toDisplay(row: Pick<Parameter, 'unit'>, value: number, unit: DisplayUnit): number {
  const c = conversion(row, unit);
  return c ? value * c.scale + c.offset : value;
}

/** A value in the display unit, in the parameter's unit. */
export function fromDisplay(
  row: Pick<Parameter, 'unit'>,
  value: number,
  unit: DisplayUnit,
): number {
  const c = conversion(row, unit);
  return c ? (value - c.offset) / c.scale : value;
}

/**
 * A number for a table or an input: as JavaScript writes it, but a converted value rounded to 4
 * decimals (98.6, not 98.60000000000001). Never in exponent form below 1e21.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const rounded = Number(x.toPrecision(12));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

/** A parameter's value in the display unit, as text for an input. */
export function displayValue(
  row: Pick<Parameter, 'unit'>,
  value: number,
  unit: DisplayUnit,
): string {
  return formatNumber(toDisplay(row, value, unit));
}

/** "10–32 °C", "0.16–0.25 W/m/K", "0.1–0.5" (no unit for dimensionless '1'), in the display unit. */
export function formatRange(
  row: Pick<Parameter, 'unit' | 'min' | 'max'>,
  unit: DisplayUnit,
): string {
  const u = displayUnit(row, unit);
  const range = `${displayValue(row, row.min, unit)}–${displayValue(row, row.max, unit)}`;
  return u === '1' ? range : `${range} ${u}`;
}

// --- Overrides ---------------------------------------------------------------------------------------

export type OverrideCheck =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Reads a number as typed: "36.5", "-2", "−2" (true minus), "1 200", "1e-3"; NaN if it is not one. */
export function parseNumber(text: string): number {
  const cleaned = text
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/**
 * Checks a value typed for a parameter (in the display unit) against its plausible range. On
 * success, the value in the parameter's own unit; otherwise a message for the learner.
 */
export function checkOverride(
  row: Pick<Parameter, 'unit' | 'min' | 'max'>,
  text: string,
  unit: DisplayUnit,
): OverrideCheck {
  const typed = parseNumber(text);
  const range = formatRange(row, unit);
  if (!Number.isFinite(typed)) return { ok: false, message: `Enter a number from ${range}.` };
  let value = fromDisplay(row, typed, unit);
  // A bound typed in °F comes back within rounding of the bound in °C: take the bound itself.
  const tolerance = 1e-9 * Math.max(1, Math.abs(row.min), Math.abs(row.max));
  if (Math.abs(value - row.min) <= tolerance) value = row.min;
  if (Math.abs(value - row.max) <= tolerance) value = row.max;
  if (value < row.min || value > row.max) {
    return {
      ok: false,
      message: `${formatNumber(typed)} is outside the plausible range: enter a value from ${range}.`,
    };
  }
  if (conversion(row, unit)) value = Number(value.toPrecision(12));
  return { ok: true, value };
}

/** The overrides with one value set; a value equal to the default removes the override. */
export function withOverride(overrides: Overrides, row: ParameterRow, value: number): Overrides {
  const next: Record<string, number> = { ...overrides };
  if (value === row.value) delete next[row.name];
  else next[row.name] = value;
  return next;
}

/** The overrides without one parameter's. */
export function withoutOverride(overrides: Overrides, name: string): Overrides {
  if (!Object.prototype.hasOwnProperty.call(overrides, name)) return overrides;
  const next: Record<string, number> = { ...overrides };
  delete next[name];
  return next;
}

/** Is this parameter overridden (with a value other than its default)? */
export function isOverridden(overrides: Overrides, row: ParameterRow): boolean {
  return (
    Object.prototype.hasOwnProperty.call(overrides, row.name) && overrides[row.name] !== row.value
  );
}

/** How many parameters of a group are overridden. */
export function overriddenCount(overrides: Overrides, group: ParameterGroupName): number {
  return groupRows(group).filter((row) => isOverridden(overrides, row)).length;
}

// --- Sections ----------------------------------------------------------------------------------------

export interface RowSection {
  readonly title: string | null;
  readonly rows: readonly ParameterRow[];
}

/**
 * The section titles of a group's parameters as doc/model.md prints them between the group's
 * `<!-- parameters:<group>:start/end -->` markers (a `**Title**` line above each table, generated by
 * scripts/parameterTables.ts from the `// --- Title ---` comments of the parameter files): name → title.
 */
export function sectionTitles(markdown: string, group: ParameterGroupName): Map<string, string> {
  const titles = new Map<string, string>();
  const start = markdown.indexOf(`<!-- parameters:${group}:start -->`);
  const end = markdown.indexOf(`<!-- parameters:${group}:end -->`);
  if (start < 0 || end < start) return titles;
  let title: string | null = null;
  for (const line of markdown.slice(start, end).split('\n')) {
    const heading = /^\*\*(.+)\*\*\s*$/.exec(line.trim());
    if (heading) {
      title = heading[1]!;
      continue;
    }
    const row = /^\|\s*`([A-Za-z_$][\w$]*)`\s*\|/.exec(line.trim());
    if (row && title !== null) titles.set(row[1]!, title);
  }
  return titles;
}

/** Rows in consecutive runs of the same section title (rows without one: title null). */
export function sectionRows(
  rows: readonly ParameterRow[],
  titles: ReadonlyMap<string, string>,
): RowSection[] {
  const sections: { title: string | null; rows: ParameterRow[] }[] = [];
  for (const row of rows) {
    const title = titles.get(row.name) ?? null;
    const last = sections.at(-1);
    if (last && last.title === title) last.rows.push(row);
    else sections.push({ title, rows: [row] });
  }
  return sections;
}
