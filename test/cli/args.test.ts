// parseArgs (src/cli/args.ts): node:util's parser underneath, the command line's own errors on top.

import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';

const KNOWN = ['every', 'set'];
const BOOLEANS = ['expert'];

describe('parseArgs', () => {
  it('reads positionals, --name value, --name=value, repeated flags and booleans', () => {
    const args = parseArgs(
      ['a.yaml', '--every', '30', '--set=x=1', '--set', 'y=-2', '--expert', 'b.json'],
      KNOWN,
      BOOLEANS,
    );
    expect(args.positional).toEqual(['a.yaml', 'b.json']);
    expect(Object.fromEntries(args.flags)).toEqual({
      every: ['30'],
      set: ['x=1', 'y=-2'],
      expert: ['true'],
    });
  });

  it('takes a value that starts with one dash ("--every -5") and keeps "-5" alone as a positional', () => {
    expect(parseArgs(['--every', '-5'], KNOWN).flags.get('every')).toEqual(['-5']);
    expect(parseArgs(['-5', '-ab'], KNOWN).positional).toEqual(['-5', '-ab']);
  });

  it('names an unknown option and lists the known ones', () => {
    expect(() => parseArgs(['--evry', '30'], KNOWN, BOOLEANS)).toThrow(
      'unknown option --evry; expected one of --every, --set, --expert',
    );
  });

  it('says which option needs a value, at the end or before another option', () => {
    expect(() => parseArgs(['--every'], KNOWN)).toThrow('option --every needs a value');
    expect(() => parseArgs(['--every', '--expert'], KNOWN, BOOLEANS)).toThrow(
      'option --every needs a value',
    );
  });
});
