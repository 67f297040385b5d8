// Each parameter names what would fail if it were wrong (issue 18): validation case ids and test
// files in its record's checkedBy, shown by the model explorer and the doc tables, or "not checked".

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allParameters, checkedByText, type Parameter } from '../../models/index.ts';
import { REFERENCE_CASES } from '../../models/validation/cases.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entries = Object.entries(allParameters) as [string, Parameter][];
const caseIds = new Set(REFERENCE_CASES.map((c) => c.id));

describe('checkedBy', () => {
  it('is given for every parameter: checks named, or "not checked" said explicitly', () => {
    const unsaid = entries
      .filter(([, p]) => p.checkedBy !== 'not checked' && !Array.isArray(p.checkedBy))
      .map(([name]) => name);
    expect(unsaid).toEqual([]);
  });

  it('names only validation cases that exist and test files that exist', () => {
    const missing: string[] = [];
    for (const [name, p] of entries) {
      if (p.checkedBy === 'not checked') continue;
      expect(p.checkedBy.length, name).toBeGreaterThan(0);
      for (const check of p.checkedBy) {
        const found = check.startsWith('test/')
          ? existsSync(join(root, check))
          : caseIds.has(check);
        if (!found) missing.push(`${name}: ${check}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('checkedByText says plainly "not checked" for a parameter that names no check', () => {
    expect(checkedByText({})).toBe('not checked');
    expect(checkedByText({ checkedBy: 'not checked' })).toBe('not checked');
    expect(checkedByText({ checkedBy: ['7c', 'test/physiology/body.test.ts'] })).toBe(
      'case 7c, test/physiology/body.test.ts',
    );
  });
});
