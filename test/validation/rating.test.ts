// The rating of model values against published ones, the shape of the reference-case list, and the
// report's layout (with cheap cases only; the model runs are tested in cases.test.ts).

import { describe, expect, it } from 'vitest';
import {
  REFERENCE_CASES,
  isAcceptable,
  rate,
  relativeDifference,
  type ReferenceCase,
} from '../../models/validation/cases.ts';
import { evaluateCases, textTable, validationMarkdown } from '../../models/validation/report.ts';

function referenceCase(overrides: Partial<ReferenceCase>): ReferenceCase {
  return {
    id: 'x',
    reference: 'test',
    title: 'test case',
    citation: 'Test 2000',
    source: 'Test 2000 [derived]',
    quantity: 'a number',
    unit: '1',
    published: 10,
    acceptable: [8, 12],
    tolerance: 'test',
    method: 'test',
    decimals: 2,
    compute: () => 10,
    ...overrides,
  };
}

describe('rating', () => {
  const c = referenceCase({});

  it('rates by relative difference from the published value', () => {
    expect(rate(c, 10)).toBe('within 10 %');
    expect(rate(c, 11)).toBe('within 10 %');
    expect(rate(c, 8.9)).toBe('within 30 %');
    expect(rate(c, 13)).toBe('within 30 %');
    expect(rate(c, 13.5)).toBe('outside');
    expect(rate(c, 6)).toBe('outside');
    expect(relativeDifference(c, 12.5)).toBeCloseTo(0.25, 12);
  });

  it('rates a non-finite model value as outside and not acceptable', () => {
    expect(rate(c, Number.NaN)).toBe('outside');
    expect(isAcceptable(c, Number.NaN)).toBe(false);
  });

  it('checks the acceptable range with its ends included', () => {
    expect(isAcceptable(c, 8)).toBe(true);
    expect(isAcceptable(c, 12)).toBe(true);
    expect(isAcceptable(c, 7.99)).toBe(false);
    expect(isAcceptable(c, 12.01)).toBe(false);
  });

  it('uses the scale when the published value is 0', () => {
    const zero = referenceCase({ published: 0, acceptable: [0, 0.05], scale: 1 });
    expect(relativeDifference(zero, 0.02)).toBeCloseTo(0.02, 12);
    expect(rate(zero, 0.2)).toBe('within 30 %');
  });

  it('counts only the excess over an upper bound', () => {
    const bound = referenceCase({ published: 0.22, acceptable: [0, 0.22], kind: 'upper bound' });
    expect(relativeDifference(bound, 0.1)).toBe(0);
    expect(rate(bound, 0.1)).toBe('within 10 %');
    expect(relativeDifference(bound, 0.33)).toBeCloseTo(0.5, 12);
    expect(rate(bound, 0.33)).toBe('outside');
  });
});

describe('reference cases', () => {
  it('have unique ids', () => {
    const ids = REFERENCE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(REFERENCE_CASES.map((c) => [c.id, c] as const))(
    '%s has an ordered acceptable range holding its published value, and a tagged source',
    (_id, c) => {
      expect(c.acceptable[0]).toBeLessThanOrEqual(c.acceptable[1]);
      expect(c.published).toBeGreaterThanOrEqual(c.acceptable[0]);
      expect(c.published).toBeLessThanOrEqual(c.acceptable[1]);
      expect(c.source).toMatch(/\[(read|recall|derived)[^\]]*\]/);
      expect(c.citation.length).toBeGreaterThan(0);
      if (c.published === 0) expect(c.scale).toBeGreaterThan(0);
    },
  );
});

describe('report', () => {
  // The oxygen cases call pure functions: cheap to evaluate here.
  const cheap = REFERENCE_CASES.filter((c) => c.id.startsWith('9'));

  it('prints a table row per case and writes every case into the Markdown', () => {
    const results = evaluateCases(cheap);
    const table = textTable(results);
    expect(table.trimEnd().split('\n')).toHaveLength(cheap.length + 2);
    const markdown = validationMarkdown(results);
    for (const c of cheap) {
      expect(markdown).toContain(`### ${c.id}. ${c.title}`);
      expect(markdown).toContain(c.source);
    }
    expect(markdown).toMatch(/^# Validation against published data\n/);
  });
});
