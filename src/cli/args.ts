// Command-line argument parsing: positional arguments and --flags with values, with clear errors.

import { UsageError } from './io.ts';

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
}

/** Splits argv into positionals and `--name value` / `--name=value` flags; `booleans` take no value. */
export function parseArgs(
  argv: readonly string[],
  known: readonly string[],
  booleans: readonly string[] = [],
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!known.includes(name) && !booleans.includes(name)) {
      throw new UsageError(
        `unknown option --${name}; expected one of ${[...known, ...booleans].map((k) => `--${k}`).join(', ')}`,
      );
    }
    let value: string;
    if (booleans.includes(name)) value = 'true';
    else if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`option --${name} needs a value`);
      value = next;
      i++;
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positional, flags };
}

export function numberFlag(
  args: ParsedArgs,
  name: string,
  fallback: number,
  check: (n: number) => boolean,
  expected: string,
): number {
  const values = args.flags.get(name);
  if (!values) return fallback;
  const raw = values[values.length - 1]!;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${name}: expected ${expected}, found "${raw}"`);
  }
  return n;
}

/** `--set name=value` pairs as a record of numbers. */
export function parameterOverrides(args: ParsedArgs): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of args.flags.get('set') ?? []) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = Number(pair.slice(eq + 1));
    if (eq <= 0 || !Number.isFinite(value) || pair.slice(eq + 1).trim() === '') {
      throw new UsageError(`--set: expected name=number, found "${pair}"`);
    }
    out[name] = value;
  }
  return out;
}
