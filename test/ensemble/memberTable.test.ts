// The members' table of `coldboot ensemble --members-out`: cells that read back exactly, and one row
// per member with its seed, sampled values and outcome.

import { describe, expect, it } from 'vitest';
import {
  csvCell,
  ensembleDesign,
  memberTableHeader,
  memberTableRow,
} from '../../models/ensemble/index.ts';
import type { Outcome } from '../../models/index.ts';

const outcome: Outcome = {
  survived: false,
  late_death_risk: 0,
  survival_probability: 0,
  rosc_time_s: null,
  neuro_outcome_cpc: 5,
  brain_lost_fraction: 0.1 + 0.2,
  brain_at_risk_fraction: 1e-21,
  min_core_temp_c: 16.25,
  max_potassium_mmol_l: 7,
  arrest_count: 1,
  frostbite_fraction: 0,
  alarm_count: 3,
};

describe('the members table', () => {
  it('writes numbers in their shortest form that parses back to the same number', () => {
    for (const x of [0.1 + 0.2, 1 / 3, 1e-21, 123456789.123, -2.5, 5e300]) {
      expect(Number(csvCell(x))).toBe(x);
    }
    expect(csvCell(0.30000000000000004)).toBe('0.30000000000000004');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(() => csvCell(Number.NaN)).toThrow(/cannot write NaN/);
  });

  it('has a header of member, seed, the sampled parameters and the outcome, and one row per member', () => {
    const design = ensembleDesign({
      members: 3,
      seed: 2,
      vary: ['selfCheckHalfTempC', 'brainQ10'],
    });
    const header = memberTableHeader(design, outcome).trimEnd().split(',');
    expect(header.slice(0, 2)).toEqual(['member', 'seed']);
    expect(header.slice(2, 4).sort()).toEqual(['brainQ10', 'selfCheckHalfTempC']);
    expect(header.slice(4)).toEqual(Object.keys(outcome));
    const row = memberTableRow(design, 1, outcome).trimEnd().split(',');
    expect(row).toHaveLength(header.length);
    expect(Number(row[1])).toBe(design.memberSeeds[1]);
    expect(Number(row[2])).toBe(design.values[2]);
    expect(Number(row[3])).toBe(design.values[3]);
    expect(row.slice(4)).toEqual([
      'false',
      '0',
      '0',
      '',
      '5',
      '0.30000000000000004',
      '1e-21',
      '16.25',
      '7',
      '1',
      '0',
      '3',
    ]);
  });
});
