// Trigger conditions: structured tests on outputs, never code. In files they read
//   { brain_temp_c: { below: 20 } }                 a number output below / above a value
//   { rhythm: { is: [vf, asystole] } }              a word output equal to one of some values
//   { all: [ ... ] }, { any: [ ... ] }, { not: ... }  combinations
// and several keys in one group must all hold. Output names are the snake_case columns of the output
// table (models/engine/outputTable.ts). The engine compiles conditions into readers of the state
// (models/engine/compiledCondition.ts); conditionHolds here reads a snapshot (assessment, debrief).
// One definition gives the validator, the JSON Schema ($defs) and the evaluation on a snapshot.

import {
  OUTPUTS,
  TEXT_OUTPUTS,
  type NumericSnapshotKey,
  type Snapshot,
} from '../engine/snapshot.ts';
import {
  INVALID,
  describeFound,
  didYouMean,
  fieldNames,
  ref,
  report,
  type Path,
  type Result,
  type Schema,
  type ValidationContext,
} from './schema.ts';

/** A condition as the engine evaluates it: plain data (it crosses to the worker by postMessage). */
export type Condition =
  | {
      readonly kind: 'compare';
      /** snake_case output name, e.g. "brain_temp_c". */
      readonly output: string;
      /** Holds when the value is strictly below this. */
      readonly below?: number;
      /** Holds when the value is strictly above this. */
      readonly above?: number;
    }
  | { readonly kind: 'is'; readonly output: string; readonly values: readonly string[] }
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition };

/** Deepest nesting of all/any/not accepted in a file. */
export const MAX_CONDITION_DEPTH = 6;
/** Most conditions in one all/any list. */
export const MAX_CONDITION_ITEMS = 20;

const COMBINATORS = ['all', 'any', 'not'] as const;

/** Values of word outputs that a file may compare with (others accept any text): the output table's. */
const TEXT_VALUES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  TEXT_OUTPUTS.flatMap((o) => (o.values === undefined ? [] : [[o.column, o.values]])),
);

function numericOutputs(): ReadonlyMap<string, NumericSnapshotKey> {
  return new Map(OUTPUTS.map((o) => [o.column, o.key]));
}
function textOutputs(): ReadonlyMap<string, keyof Snapshot> {
  return new Map(TEXT_OUTPUTS.map((o) => [o.column, o.key as keyof Snapshot]));
}

let numericCache: ReadonlyMap<string, NumericSnapshotKey> | undefined;
let textCache: ReadonlyMap<string, keyof Snapshot> | undefined;
function numericKey(column: string): NumericSnapshotKey | undefined {
  numericCache ??= numericOutputs();
  return numericCache.get(column);
}
function textKey(column: string): keyof Snapshot | undefined {
  textCache ??= textOutputs();
  return textCache.get(column);
}

/** Output names usable in conditions: every numeric and word output. */
export function conditionOutputNames(): readonly string[] {
  return [...OUTPUTS.map((o) => o.column), ...TEXT_OUTPUTS.map((o) => o.column)];
}

const EXPECTED_CONDITION =
  'a condition on outputs, e.g. { brain_temp_c: { below: 20 } }, or all:, any: or not:';
const EXPECTED_COMPARISON = 'a group of fields "below" and/or "above" with numbers';

function validateCondition(
  value: unknown,
  path: Path,
  ctx: ValidationContext,
  depth: number,
): Result<Condition> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return report(ctx, path, EXPECTED_CONDITION, describeFound(value));
  const record = value as Record<string, unknown>;
  const keys = fieldNames(record, path, ctx);
  if (keys === INVALID) return INVALID;
  if (keys.length === 0) return report(ctx, path, EXPECTED_CONDITION, 'an empty group');
  if (depth > MAX_CONDITION_DEPTH)
    return report(
      ctx,
      path,
      `a condition nested at most ${MAX_CONDITION_DEPTH} levels deep`,
      'a deeper one',
    );
  const parts: Condition[] = [];
  let ok = true;
  for (const key of keys) {
    const result = validatePart(key, record[key], [...path, key], ctx, depth);
    if (result === INVALID) ok = false;
    else parts.push(result);
  }
  if (!ok) return INVALID;
  return parts.length === 1 ? parts[0]! : { kind: 'all', of: parts };
}

function validatePart(
  key: string,
  value: unknown,
  path: Path,
  ctx: ValidationContext,
  depth: number,
): Result<Condition> {
  if (key === 'all' || key === 'any') {
    const expected = `a list of 1 to ${MAX_CONDITION_ITEMS} conditions`;
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CONDITION_ITEMS)
      return report(ctx, path, expected, describeFound(value));
    const of: Condition[] = [];
    let ok = true;
    value.forEach((item, index) => {
      const result = validateCondition(item, [...path, index], ctx, depth + 1);
      if (result === INVALID) ok = false;
      else of.push(result);
    });
    return ok ? { kind: key, of } : INVALID;
  }
  if (key === 'not') {
    const of = validateCondition(value, path, ctx, depth + 1);
    return of === INVALID ? INVALID : { kind: 'not', of };
  }
  if (numericKey(key) !== undefined) return validateComparison(key, value, path, ctx);
  if (textKey(key) !== undefined) return validateIs(key, value, path, ctx);
  const names = conditionOutputNames();
  const camel = OUTPUTS.find((o) => o.key === key);
  const hint =
    camel !== undefined
      ? ` (output names are snake_case in files: write ${camel.column})`
      : didYouMean(key, [...names, ...COMBINATORS]);
  return report(
    ctx,
    path,
    'an output named in doc/scenario-format.md (e.g. brain_temp_c), or all, any or not',
    `an unknown output "${key}"${hint}`,
  );
}

function validateComparison(
  output: string,
  value: unknown,
  path: Path,
  ctx: ValidationContext,
): Result<Condition> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const hint =
      typeof value === 'number' ? ` (write { below: ${value} } or { above: ${value} })` : '';
    return report(ctx, path, EXPECTED_COMPARISON, describeFound(value) + hint);
  }
  const record = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(record)) {
    if (key !== 'below' && key !== 'above') {
      report(
        ctx,
        [...path, key],
        'one of the fields "below", "above"',
        `an unknown field "${key}"${didYouMean(key, ['below', 'above'])}`,
      );
      ok = false;
    }
  }
  const out: { below?: number; above?: number } = {};
  for (const key of ['below', 'above'] as const) {
    const v = record[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      report(ctx, [...path, key], 'a number', describeFound(v));
      ok = false;
    } else out[key] = v;
  }
  if (!ok) return INVALID;
  if (out.below === undefined && out.above === undefined)
    return report(ctx, path, EXPECTED_COMPARISON, 'neither');
  if (out.below !== undefined && out.above !== undefined && !(out.above < out.below))
    return report(
      ctx,
      path,
      '"above" smaller than "below" (a value between the two)',
      `above ${out.above} and below ${out.below}, which no value can be`,
    );
  return { kind: 'compare', output, ...out };
}

function validateIs(
  output: string,
  value: unknown,
  path: Path,
  ctx: ValidationContext,
): Result<Condition> {
  const allowed = TEXT_VALUES[output];
  const expectedValue =
    allowed !== undefined ? `one of ${allowed.map((a) => `"${a}"`).join(', ')}` : 'a word';
  const expected = `a group with "is": ${expectedValue}, or a list of them`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const hint = typeof value === 'string' ? ` (write { is: ${value} })` : '';
    return report(ctx, path, expected, describeFound(value) + hint);
  }
  const record = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(record)) {
    if (key !== 'is') {
      report(ctx, [...path, key], 'the field "is"', `an unknown field "${key}"`);
      ok = false;
    }
  }
  const raw = record.is;
  if (raw === undefined) {
    report(ctx, [...path, 'is'], expected, 'nothing (this field is required)');
    return INVALID;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0 || list.length > MAX_CONDITION_ITEMS) {
    report(ctx, [...path, 'is'], expected, describeFound(raw));
    return INVALID;
  }
  const values: string[] = [];
  list.forEach((item, index) => {
    const itemPath = Array.isArray(raw) ? [...path, 'is', index] : [...path, 'is'];
    if (typeof item !== 'string' || (allowed !== undefined && !allowed.includes(item))) {
      report(
        ctx,
        itemPath,
        expectedValue,
        describeFound(item) +
          (typeof item === 'string' && allowed ? didYouMean(item, allowed) : ''),
      );
      ok = false;
    } else values.push(item);
  });
  return ok ? { kind: 'is', output, values } : INVALID;
}

/** The condition schema (a `$ref` to `#/$defs/condition` in the JSON Schema). */
export const conditionSchema: Schema<Condition> = ref('condition', () => conditionDefinition);

const conditionDefinition: Schema<Condition> = {
  expected: EXPECTED_CONDITION,
  validate: (value, path, ctx) => validateCondition(value, path, ctx, 1),
  jsonSchema: () => conditionJsonSchemaDefs().condition!,
};

/** `$defs` entries for the JSON Schema: condition and comparison. */
export function conditionJsonSchemaDefs(): Record<string, Record<string, unknown>> {
  const conditionList = {
    type: 'array',
    minItems: 1,
    maxItems: MAX_CONDITION_ITEMS,
    items: { $ref: '#/$defs/condition' },
  };
  const properties: Record<string, unknown> = {
    all: { ...conditionList, description: 'every condition in the list holds' },
    any: { ...conditionList, description: 'at least one condition in the list holds' },
    not: { $ref: '#/$defs/condition', description: 'the condition does not hold' },
  };
  for (const o of OUTPUTS)
    properties[o.column] = { $ref: '#/$defs/comparison', description: `${o.label} (${o.unit})` };
  for (const o of TEXT_OUTPUTS) {
    const allowed = TEXT_VALUES[o.column];
    const word = allowed ? { enum: [...allowed] } : { type: 'string' };
    properties[o.column] = {
      type: 'object',
      additionalProperties: false,
      required: ['is'],
      properties: {
        is: { oneOf: [word, { type: 'array', minItems: 1, items: word }] },
      },
      description: o.label,
    };
  }
  return {
    condition: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties,
      description:
        'A condition on outputs (snake_case names); several keys must all hold. Never code.',
    },
    comparison: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        below: { type: 'number', description: 'holds while the value is strictly below this' },
        above: { type: 'number', description: 'holds while the value is strictly above this' },
      },
    },
  };
}

/** The value of a numeric output on a snapshot, or undefined for unknown names. */
export function outputValue(snapshot: Snapshot, output: string): number | string | undefined {
  const key = numericKey(output);
  if (key !== undefined) return snapshot[key];
  const word = textKey(output);
  if (word !== undefined) {
    const value = snapshot[word];
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/** Whether a condition holds on a snapshot. A missing or non-finite value never satisfies a test. */
export function conditionHolds(condition: Condition, snapshot: Snapshot): boolean {
  switch (condition.kind) {
    case 'compare': {
      const key = numericKey(condition.output);
      if (key === undefined) return false;
      const value = snapshot[key];
      if (!Number.isFinite(value)) return false;
      if (condition.below !== undefined && !(value < condition.below)) return false;
      if (condition.above !== undefined && !(value > condition.above)) return false;
      return true;
    }
    case 'is': {
      const key = textKey(condition.output);
      if (key === undefined) return false;
      return condition.values.includes(String(snapshot[key]));
    }
    case 'all':
      return condition.of.every((c) => conditionHolds(c, snapshot));
    case 'any':
      return condition.of.some((c) => conditionHolds(c, snapshot));
    case 'not':
      return !conditionHolds(condition.of, snapshot);
  }
}

/** The condition in words, e.g. "brain_temp_c below 20 and rhythm is vf or asystole". */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'compare': {
      const parts: string[] = [];
      if (condition.above !== undefined) parts.push(`above ${condition.above}`);
      if (condition.below !== undefined) parts.push(`below ${condition.below}`);
      return `${condition.output} ${parts.join(' and ')}`;
    }
    case 'is':
      return `${condition.output} is ${condition.values.join(' or ')}`;
    case 'all':
      return condition.of.map((c) => wrap(c, 'any')).join(' and ');
    case 'any':
      return condition.of.map((c) => wrap(c, 'all')).join(' or ');
    case 'not':
      return `not (${describeCondition(condition.of)})`;
  }
}

function wrap(condition: Condition, needsParens: 'all' | 'any'): string {
  const text = describeCondition(condition);
  return condition.kind === needsParens ? `(${text})` : text;
}

/** Output names a condition reads, in order of first mention. */
export function conditionOutputs(condition: Condition): string[] {
  const out: string[] = [];
  const visit = (c: Condition): void => {
    if (c.kind === 'compare' || c.kind === 'is') {
      if (!out.includes(c.output)) out.push(c.output);
    } else if (c.kind === 'not') visit(c.of);
    else c.of.forEach(visit);
  };
  visit(condition);
  return out;
}

/**
 * A value of an output written for people: numbers with at most 2 decimals, or more when fewer
 * would make the value look equal to one of `bounds` (34.996 against "below 35" reads 34.996).
 */
export function formatOutputValue(
  output: string,
  value: number | string | undefined,
  bounds: readonly number[] = [],
): string {
  if (value === undefined) return 'unknown';
  if (typeof value === 'string') return value;
  const def = OUTPUTS.find((o) => o.column === output);
  let decimals = Math.min(2, def?.decimals ?? 2);
  let text = value.toFixed(decimals);
  while (decimals < 6 && value !== Number(text) && bounds.includes(Number(text))) {
    decimals++;
    text = value.toFixed(decimals);
  }
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/** Numbers a condition compares an output with. */
function boundsOf(condition: Condition, output: string): number[] {
  switch (condition.kind) {
    case 'compare':
      return condition.output === output
        ? [condition.below, condition.above].filter((b): b is number => b !== undefined)
        : [];
    case 'is':
      return [];
    case 'not':
      return boundsOf(condition.of, output);
    default:
      return condition.of.flatMap((c) => boundsOf(c, output));
  }
}

/** "brain_temp_c 23.41, rhythm vf": the values of the outputs a condition reads, on a snapshot. */
export function describeValues(condition: Condition, snapshot: Snapshot): string {
  return conditionOutputs(condition)
    .map(
      (output) =>
        `${output} ${formatOutputValue(output, outputValue(snapshot, output), boundsOf(condition, output))}`,
    )
    .join(', ');
}
