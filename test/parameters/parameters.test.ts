import { describe, expect, it } from 'vitest';
import {
  allParameters,
  parameterGroups,
  parameterValues,
  type Parameter,
} from '../../models/index.ts';

const entries = Object.entries(allParameters) as [string, Parameter][];

describe('parameters', () => {
  it.each(entries)(
    '%s has a unit, a source, a description and a range containing its value',
    (_name, p) => {
      expect(p.unit.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(10);
      expect(p.description.length).toBeGreaterThan(5);
      expect(p.min).toBeLessThanOrEqual(p.value);
      expect(p.value).toBeLessThanOrEqual(p.max);
    },
  );

  it('no parameter name is defined in two groups', () => {
    const names = Object.values(parameterGroups).flatMap((group) => Object.keys(group));
    expect(new Set(names).size).toBe(names.length);
  });

  it('parameterValues applies overrides and rejects unknown names and out-of-range values', () => {
    expect(parameterValues({ brainQ10: 3 }).brainQ10).toBe(3);
    expect(() => parameterValues({ brainQ11: 3 })).toThrow(/unknown parameter "brainQ11"/);
    expect(() => parameterValues({ brainQ10: 9 })).toThrow(/brainQ10.*from 2.2 to 3.5.*found 9/);
  });
});
