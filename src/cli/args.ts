// Command-line argument parsing: positional arguments and --flags with values, with clear errors.
// Node's own parser (node:util parseArgs) splits the words; this file checks them against each
// command's options and words its errors as the rest of the command line does.

import { parseArgs as parseWords } from 'node:util';
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
  const options = Object.fromEntries([
    ...known.map((name) => [name, { type: 'string', multiple: true }] as const),
    ...booleans.map((name) => [name, { type: 'boolean', multiple: true }] as const),
  ]);
  const { tokens } = parseWords({
    args: [...argv],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  let lastShortIndex = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    // A word with one dash ("-5", "-x") is a positional, as it always was here: short options are
    // not part of this command line (Node splits "-ab" into two tokens of the same word).
    if (!token.rawName.startsWith('--')) {
      if (token.index !== lastShortIndex) positional.push(argv[token.index]!);
      lastShortIndex = token.index;
      continue;
    }
    const name = token.name;
    if (!known.includes(name) && !booleans.includes(name)) {
      throw new UsageError(
        `unknown option --${name}; expected one of ${[...known, ...booleans].map((k) => `--${k}`).join(', ')}`,
      );
    }
    let value: string;
    if (booleans.includes(name)) value = 'true';
    else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      throw new UsageError(`option --${name} needs a value`);
    else value = token.value;
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
