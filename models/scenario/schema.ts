// A small schema language for scenario files. One definition gives both the validator (with messages
// an instructor can act on: path, expected, found) and a JSON Schema for editors.

import { formatClock, parseClock } from '../core/clock.ts';
import type { ScenarioIssue } from './errors.ts';

export type Path = readonly (string | number)[];

/** Where validation records problems; `lineOf` maps a path to its line in the source, if known. */
export interface ValidationContext {
  readonly issues: ScenarioIssue[];
  readonly lineOf: (path: Path) => number | undefined;
}

export const INVALID: unique symbol = Symbol('invalid');
export type Result<T> = T | typeof INVALID;

export interface Schema<T> {
  /** What a valid value looks like, in words ("a number from 0 to 40 (°C)"). */
  readonly expected: string;
  readonly validate: (value: unknown, path: Path, ctx: ValidationContext) => Result<T>;
  readonly jsonSchema: () => Record<string, unknown>;
}

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** A short description of a value as found in a file. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `${JSON.stringify(shown)} (text)`;
  }
  if (typeof value === 'number') return `${value} (a number)`;
  if (typeof value === 'boolean') return `${value} (true/false)`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'a group of fields';
  return typeof value;
}

export function report(
  ctx: ValidationContext,
  path: Path,
  expected: string,
  found: string,
): typeof INVALID {
  const line = ctx.lineOf(path);
  ctx.issues.push({
    path: formatPath(path),
    expected,
    found,
    ...(line !== undefined ? { line } : {}),
  });
  return INVALID;
}

/**
 * Names that would reach an object's prototype rather than a field when a program copies a group of
 * fields (`out[key] = …`): refused wherever a file names keys, so no filter or value can vanish.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * The keys of a group of fields as a file wrote them; reports each reserved key (RESERVED_KEYS) and
 * returns INVALID when there was one.
 */
export function fieldNames(
  record: Readonly<Record<string, unknown>>,
  path: Path,
  ctx: ValidationContext,
): Result<string[]> {
  const keys = Object.keys(record);
  let ok = true;
  for (const key of keys) {
    if (RESERVED_KEYS.includes(key)) {
      report(
        ctx,
        [...path, key],
        `a field name other than "__proto__", "constructor" or "prototype" (reserved by JavaScript)`,
        `"${key}"`,
      );
      ok = false;
    }
  }
  return ok ? keys : INVALID;
}

export interface NumberOptions {
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
  readonly integer?: boolean;
  readonly description?: string;
}

export function number(options: NumberOptions): Schema<number> {
  const unit = options.unit ? ` (${options.unit})` : '';
  const expected = `${options.integer ? 'a whole number' : 'a number'} from ${options.min} to ${options.max}${unit}`;
  return {
    expected,
    validate(value, path, ctx) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return report(ctx, path, expected, describeFound(value));
      if (
        value < options.min ||
        value > options.max ||
        (options.integer && !Number.isInteger(value))
      ) {
        return report(ctx, path, expected, describeFound(value));
      }
      return value;
    },
    jsonSchema: () => ({
      type: options.integer ? 'integer' : 'number',
      minimum: options.min,
      maximum: options.max,
      ...(options.description || options.unit
        ? { description: [options.description, options.unit].filter(Boolean).join(', ') }
        : {}),
    }),
  };
}

export function text(options: {
  readonly minLength?: number;
  readonly maxLength: number;
  readonly description?: string;
}): Schema<string> {
  const minLength = options.minLength ?? 1;
  const expected = `text of ${minLength} to ${options.maxLength} characters`;
  return {
    expected,
    validate(value, path, ctx) {
      if (typeof value !== 'string') return report(ctx, path, expected, describeFound(value));
      if (value.trim().length < minLength || value.length > options.maxLength) {
        return report(ctx, path, expected, `text of ${value.length} characters`);
      }
      return value;
    },
    jsonSchema: () => ({
      type: 'string',
      minLength,
      maxLength: options.maxLength,
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

export function boolean(description?: string): Schema<boolean> {
  const expected = 'true or false';
  return {
    expected,
    validate: (value, path, ctx) =>
      typeof value === 'boolean' ? value : report(ctx, path, expected, describeFound(value)),
    jsonSchema: () => ({ type: 'boolean', ...(description ? { description } : {}) }),
  };
}

export function oneOf<const T extends string>(
  choices: readonly T[],
  description?: string,
): Schema<T> {
  const expected =
    choices.length === 1 ? `"${choices[0]}"` : `one of ${choices.map((c) => `"${c}"`).join(', ')}`;
  return {
    expected,
    validate(value, path, ctx) {
      if (typeof value === 'string' && (choices as readonly string[]).includes(value))
        return value as T;
      const suggestion = typeof value === 'string' ? didYouMean(value, choices) : '';
      return report(ctx, path, expected, describeFound(value) + suggestion);
    },
    jsonSchema: () => ({ enum: [...choices], ...(description ? { description } : {}) }),
  };
}

/**
 * A time: "h:mm:ss", "m:ss" or a number of seconds. Validates to seconds.
 */
export function time(options: {
  readonly max: number;
  readonly description?: string;
}): Schema<number> {
  const expected = `a time as "h:mm:ss", "m:ss" or seconds, from 0 to ${formatClock(options.max)}`;
  return {
    expected,
    validate(value, path, ctx) {
      const seconds =
        typeof value === 'number' ? value : typeof value === 'string' ? parseClock(value) : NaN;
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > options.max) {
        return report(ctx, path, expected, describeFound(value));
      }
      return seconds;
    },
    jsonSchema: () => ({
      oneOf: [
        { type: 'string', pattern: '^(\\d+(\\.\\d+)?|(\\d+:)?\\d{1,2}:\\d{2}(\\.\\d+)?)$' },
        { type: 'number', minimum: 0, maximum: options.max },
      ],
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

/**
 * A time before time zero, for a scenario's history: "-h:mm:ss", "-m:ss" or negative seconds, down
 * to `-max`. Validates to (negative) seconds.
 */
export function timeBefore(options: {
  readonly max: number;
  readonly description?: string;
}): Schema<number> {
  const expected = `a time before time zero as "-h:mm:ss", "-m:ss" or negative seconds, from -${formatClock(options.max)} to just before 0:00`;
  return {
    expected,
    validate(value, path, ctx) {
      let seconds = NaN;
      if (typeof value === 'number') seconds = value;
      else if (typeof value === 'string' && value.trim().startsWith('-'))
        seconds = -parseClock(value.trim().slice(1));
      if (!Number.isFinite(seconds) || seconds >= 0 || seconds < -options.max) {
        return report(ctx, path, expected, describeFound(value));
      }
      return seconds;
    },
    jsonSchema: () => ({
      oneOf: [
        { type: 'string', pattern: '^-(\\d+:)?\\d{1,2}:\\d{2}(\\.\\d+)?$' },
        { type: 'number', minimum: -options.max, exclusiveMaximum: 0 },
      ],
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

/**
 * A reference to a schema defined once under `$defs` in the JSON Schema (for recursive structures
 * such as trigger conditions). Validation calls the real schema.
 */
export function ref<T>(name: string, target: () => Schema<T>): Schema<T> {
  return {
    get expected() {
      return target().expected;
    },
    validate: (value, path, ctx) => target().validate(value, path, ctx),
    jsonSchema: () => ({ $ref: `#/$defs/${name}` }),
  };
}

export interface Field<T> {
  readonly schema: Schema<T>;
  readonly optional?: boolean;
  readonly description?: string;
}

export type Shape = Record<string, Field<unknown>>;
export type Out<F extends Shape> = {
  -readonly [K in keyof F as F[K]['optional'] extends true ? never : K]: F[K] extends Field<infer T>
    ? T
    : never;
} & {
  -readonly [K in keyof F as F[K]['optional'] extends true ? K : never]?: F[K] extends Field<
    infer T
  >
    ? T
    : never;
};

export function field<T>(schema: Schema<T>, description?: string): Field<T> & { optional?: false } {
  return description ? { schema, description } : { schema };
}
export function optional<T>(
  schema: Schema<T>,
  description?: string,
): Field<T> & { optional: true } {
  return description ? { schema, optional: true, description } : { schema, optional: true };
}

/**
 * Fields (declared optional) that are required unless another field is present, e.g. a patient's
 * sex, age, mass and height unless it names a preset. `note` says so in the error, after "found
 * nothing".
 */
export interface RequiredUnless {
  readonly field: string;
  readonly fields: readonly string[];
  readonly note: string;
}

/**
 * Fields of which exactly one must be present, e.g. a timeline entry's `at` (a time) or `when` (a
 * trigger), or an objective's kind of check. `expected` says so in the error.
 */
export interface ExactlyOne {
  readonly fields: readonly string[];
  readonly expected: string;
}

/**
 * A check across the fields of a valid object (e.g. a temperature whose range depends on the
 * medium): it reports its own issues and returns false when the value is invalid. `jsonSchema` holds
 * the keywords that say the same to editors (e.g. `if`/`then`).
 */
export interface Refinement {
  readonly check: (
    value: Readonly<Record<string, unknown>>,
    path: Path,
    ctx: ValidationContext,
  ) => boolean;
  readonly jsonSchema: Record<string, unknown>;
}

export interface ObjectOptions {
  readonly description?: string;
  readonly expected?: string;
  readonly requiredUnless?: RequiredUnless;
  readonly exactlyOne?: ExactlyOne;
  readonly refine?: Refinement;
}

/** An object schema that also exposes its fields, so other schemas can be built from it. */
export interface ObjectSchema<T, F extends Shape = Shape> extends Schema<T> {
  readonly fields: F;
  readonly options: ObjectOptions;
}

/** A group of named fields. Unknown fields are errors (they are usually typos). */
export function object<F extends Shape>(
  fields: F,
  options: ObjectOptions = {},
): ObjectSchema<Out<F>, F> {
  const names = Object.keys(fields);
  const expected = options.expected ?? `a group of fields (${names.join(', ')})`;
  const unless = options.requiredUnless;
  const exactlyOne = options.exactlyOne;
  return {
    fields,
    options,
    expected,
    validate(value, path, ctx) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return report(ctx, path, expected, describeFound(value));
      }
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const keys = fieldNames(record, path, ctx);
      if (keys === INVALID) return INVALID;
      let ok = true;
      for (const key of keys) {
        if (!Object.prototype.hasOwnProperty.call(fields, key)) {
          report(
            ctx,
            [...path, key],
            `one of the fields ${names.map((n) => `"${n}"`).join(', ')}`,
            `an unknown field "${key}"${didYouMean(key, names)}`,
          );
          ok = false;
        }
      }
      if (exactlyOne !== undefined) {
        const present = exactlyOne.fields.filter((name) => record[name] !== undefined);
        if (present.length === 0) {
          report(ctx, path, exactlyOne.expected, 'none of them');
          ok = false;
        } else if (present.length > 1) {
          report(
            ctx,
            [...path, present[1]!],
            exactlyOne.expected,
            `${present.map((name) => `"${name}"`).join(' and ')} together`,
          );
          ok = false;
        }
      }
      for (const name of names) {
        const f = fields[name]!;
        const fieldValue = record[name];
        if (fieldValue === undefined) {
          if (!f.optional) {
            report(ctx, [...path, name], f.schema.expected, 'nothing (this field is required)');
            ok = false;
          } else if (
            unless !== undefined &&
            unless.fields.includes(name) &&
            record[unless.field] === undefined
          ) {
            report(ctx, [...path, name], f.schema.expected, `nothing (${unless.note})`);
            ok = false;
          }
          continue;
        }
        const result = f.schema.validate(fieldValue, [...path, name], ctx);
        if (result === INVALID) ok = false;
        else out[name] = result;
      }
      if (ok && options.refine !== undefined && !options.refine.check(out, path, ctx)) ok = false;
      return ok ? (out as Out<F>) : INVALID;
    },
    jsonSchema: () => {
      const required = names.filter((name) => !fields[name]!.optional);
      const alternatives = [
        ...(unless
          ? [{ anyOf: [{ required: [unless.field] }, { required: [...unless.fields] }] }]
          : []),
        ...(exactlyOne ? [{ oneOf: exactlyOne.fields.map((name) => ({ required: [name] })) }] : []),
      ];
      return {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          names.map((name) => {
            const f = fields[name]!;
            const schema = f.schema.jsonSchema();
            return [name, f.description ? { ...schema, description: f.description } : schema];
          }),
        ),
        ...(required.length > 0 ? { required } : {}),
        ...(alternatives.length === 1 ? alternatives[0] : {}),
        ...(alternatives.length > 1 ? { allOf: alternatives } : {}),
        ...(options.refine?.jsonSchema ?? {}),
        ...(options.description ? { description: options.description } : {}),
      };
    },
  };
}

/** Accepts what `schema` accepts and turns the valid value into another (e.g. fills in a preset). */
export function transform<T, U>(schema: Schema<T>, convert: (value: T) => U): Schema<U> {
  return {
    expected: schema.expected,
    validate(value, path, ctx) {
      const result = schema.validate(value, path, ctx);
      return result === INVALID ? INVALID : convert(result);
    },
    jsonSchema: schema.jsonSchema,
  };
}

export function list<T>(
  item: Schema<T>,
  options: {
    readonly maxItems: number;
    readonly minItems?: number;
    readonly description?: string;
  },
): Schema<T[]> {
  const minItems = options.minItems ?? 0;
  const expected =
    minItems > 0
      ? `a list of ${minItems} to ${options.maxItems} items`
      : `a list (of up to ${options.maxItems} items)`;
  return {
    expected,
    validate(value, path, ctx) {
      if (!Array.isArray(value) || value.length > options.maxItems || value.length < minItems)
        return report(ctx, path, expected, describeFound(value));
      const out: T[] = [];
      let ok = true;
      value.forEach((element, index) => {
        const result = item.validate(element, [...path, index], ctx);
        if (result === INVALID) ok = false;
        else out.push(result);
      });
      return ok ? out : INVALID;
    },
    jsonSchema: () => ({
      type: 'array',
      ...(minItems > 0 ? { minItems } : {}),
      maxItems: options.maxItems,
      items: item.jsonSchema(),
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

/**
 * Objects told apart by one field (e.g. timeline entries by `do`). Each variant is an object schema
 * that also declares the tag field.
 */
export function tagged<T>(
  tag: string,
  variants: Readonly<Record<string, Schema<T>>>,
  options: {
    /** Words for the tag's values when they are too many to list, e.g. 'an action listed in …'. */
    readonly describeChoices?: string;
  } = {},
): Schema<T> {
  const names = Object.keys(variants);
  const choices = options.describeChoices ?? `one of ${names.map((n) => `"${n}"`).join(', ')}`;
  const expected = `a group of fields with "${tag}" set to one of ${names.map((n) => `"${n}"`).join(', ')}`;
  return {
    expected,
    validate(value, path, ctx) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return report(ctx, path, expected, describeFound(value));
      const kind = (value as Record<string, unknown>)[tag];
      if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(variants, kind)) {
        const why = typeof kind === 'string' ? didYouMean(kind, names) : '';
        return report(ctx, [...path, tag], choices, describeFound(kind) + why);
      }
      return variants[kind]!.validate(value, path, ctx);
    },
    jsonSchema: () => ({ oneOf: names.map((name) => variants[name]!.jsonSchema()) }),
  };
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        previous[j]! + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** ' (did you mean "x"?)' when a close match exists, else ''. */
export function didYouMean(value: string, choices: readonly string[]): string {
  const lower = value.toLowerCase();
  if (lower.length >= 4) {
    const prefixed = choices.find(
      (c) => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()),
    );
    if (prefixed !== undefined) return ` (did you mean "${prefixed}"?)`;
  }
  let best = '';
  let bestDistance = Infinity;
  for (const choice of choices) {
    const distance = editDistance(value.toLowerCase(), choice.toLowerCase());
    if (distance < bestDistance) {
      best = choice;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(value.length / 3))
    ? ` (did you mean "${best}"?)`
    : '';
}
