import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correlationNoiseLevel,
  percentiles,
  quantileSorted,
  ranks,
  spearman,
  wilsonInterval,
} from '../../models/ensemble/index.ts';

describe('percentiles', () => {
  it('interpolates between order statistics (type 7)', () => {
    // 1..11: the p-th quantile is 1 + 10p.
    const values = [11, 3, 7, 1, 9, 5, 2, 4, 6, 8, 10];
    expect(percentiles(values)).toEqual({ p5: 1.5, p25: 3.5, p50: 6, p75: 8.5, p95: 10.5 });
    expect(quantileSorted([2, 4], 0.25)).toBe(2.5);
    expect(percentiles([])).toBeNull();
    expect(percentiles([7])).toEqual({ p5: 7, p25: 7, p50: 7, p75: 7, p95: 7 });
    expect(() => percentiles([1, Number.NaN])).toThrow(/found NaN/);
  });

  it('are ordered and lie within the data for any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
          minLength: 1,
          maxLength: 60,
        }),
        (values) => {
          const p = percentiles(values)!;
          const list = [Math.min(...values), p.p5, p.p25, p.p50, p.p75, p.p95, Math.max(...values)];
          for (let i = 1; i < list.length; i++) expect(list[i - 1]!).toBeLessThanOrEqual(list[i]!);
        },
      ),
    );
  });
});

describe('Spearman rank correlation', () => {
  it('matches a hand computation without ties: 1 − 6Σd²/(n(n²−1))', () => {
    // ranks of y: 3 1 4 2 5; d = −2 1 −1 2 0; Σd² = 10; ρ = 1 − 60/120 = 0.5.
    expect(spearman([10, 20, 30, 40, 50], [3, 1, 4, 2, 5])).toBeCloseTo(0.5, 12);
  });

  it('matches a hand computation with ties (mean ranks, Pearson of ranks)', () => {
    // y ranks: 1 2 3.5 5 3.5; Σdxdy = 8, Σdx² = 10, Σdy² = 9.5; ρ = 8/√95.
    expect(ranks([5, 6, 7, 8, 7])).toEqual(Float64Array.from([1, 2, 3.5, 5, 3.5]));
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('is 1 or −1 for monotone relations, whatever their shape', () => {
    const x = [0.1, 0.5, 2, 3, 10];
    expect(spearman(x, x.map(Math.exp))).toBeCloseTo(1, 12);
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it('is null, never NaN, when a variable does not vary', () => {
    expect(spearman([1, 2, 3, 4], [0, 0, 0, 0])).toBeNull();
    expect(spearman([1, 2], [2, 1])).toBeNull();
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(/3 x values but 2 y values/);
  });

  it('gives a noise level of 1.96/√(n−1)', () => {
    expect(correlationNoiseLevel(101)).toBeCloseTo(0.196, 12);
    expect(correlationNoiseLevel(2)).toBeNull();
  });
});

describe('Wilson interval', () => {
  it('matches a published example and stays within 0–1', () => {
    // 81 of 263: 0.2553 to 0.3662 (computed by hand from the formula).
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 3);
    expect(hi).toBeCloseTo(0.3662, 3);
    expect(wilsonInterval(0, 30)[0]).toBe(0);
    expect(wilsonInterval(30, 30)[1]).toBe(1);
    expect(wilsonInterval(0, 30)[1]).toBeCloseTo(0.1135, 3);
  });
});
