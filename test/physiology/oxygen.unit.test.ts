// Unit tests of the oxygen functions themselves (models/physiology/oxygen.ts): each asserts a published
// or physical property of the dissociation curve, oxygen content and solubility, not a stored output.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parameterValues } from '../../models/index.ts';
import {
  aerobicFraction,
  dryGasPressureMmHg,
  haemoglobinSaturation,
  o2ContentMlPerDl,
  o2SolubilityMlPerDlPerMmHg,
  p50AtTemperatureMmHg,
  po2FromContentMmHg,
} from '../../models/physiology/oxygen.ts';

const v = parameterValues();

// The first two tests check the best estimate of p50MmHg against the Severinghaus standard curve;
// its range (25–29 mmHg, individual variation) fails them at the ends by design.
describe('haemoglobinSaturation', () => {
  it('haemoglobinSaturation(26.8 mmHg) is 0.5 at 37 °C (Severinghaus 1979 standard P50)', () => {
    expect(haemoglobinSaturation(26.8, 37, v)).toBeCloseTo(0.5, 2);
  });

  it('haemoglobinSaturation is about 0.975 on arterial PO2 100 mmHg and about 0.75 on venous 40 mmHg at 37 °C', () => {
    // Severinghaus 1979 table: S(100) = 0.977, S(40) = 0.754.
    expect(haemoglobinSaturation(100, 37, v)).toBeGreaterThan(0.97);
    expect(haemoglobinSaturation(100, 37, v)).toBeLessThan(0.985);
    expect(haemoglobinSaturation(40, 37, v)).toBeGreaterThan(0.73);
    expect(haemoglobinSaturation(40, 37, v)).toBeLessThan(0.78);
  });

  it('haemoglobinSaturation is 0 at no oxygen, rises with PO2 and stays within [0, 1]', () => {
    expect(haemoglobinSaturation(0, 37, v)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 700, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 10, max: 40, noNaN: true }),
        (po2, step, tempC) => {
          const low = haemoglobinSaturation(po2, tempC, v);
          const high = haemoglobinSaturation(po2 + step, tempC, v);
          return low >= 0 && high <= 1 && high >= low;
        },
      ),
    );
  });

  it('haemoglobinSaturation at one PO2 is higher in the cold (the curve shifts left)', () => {
    expect(haemoglobinSaturation(20, 30, v)).toBeGreaterThan(haemoglobinSaturation(20, 37, v));
    expect(haemoglobinSaturation(20, 20, v)).toBeGreaterThan(haemoglobinSaturation(20, 30, v));
  });

  it('haemoglobinSaturation at the P50 of a temperature is 0.5 at that temperature', () => {
    for (const tempC of [15, 20, 25, 30, 34, 37, 39]) {
      expect(haemoglobinSaturation(p50AtTemperatureMmHg(tempC, v), tempC, v)).toBeCloseTo(0.5, 2);
    }
  });
});

describe('p50AtTemperatureMmHg', () => {
  it('p50AtTemperatureMmHg is the parameter P50 at 37 °C', () => {
    expect(p50AtTemperatureMmHg(37, v)).toBeCloseTo(v.p50MmHg, 6);
  });

  it('p50AtTemperatureMmHg falls with cooling by 0.024–0.031 log10 per °C (pH-stat to alpha-stat, Severinghaus)', () => {
    // From 37 to 30 °C: log10 P50 falls 0.168–0.217 (P50 16.3–18.2 mmHg from the standard 26.8).
    const ratio = p50AtTemperatureMmHg(30, v) / p50AtTemperatureMmHg(37, v);
    expect(ratio).toBeGreaterThanOrEqual(10 ** (-0.031 * 7) * (1 - 1e-9));
    expect(ratio).toBeLessThanOrEqual(10 ** (-0.024 * 7) * (1 + 1e-9));
    // Warming shifts the curve right.
    expect(p50AtTemperatureMmHg(40, v)).toBeGreaterThan(v.p50MmHg);
  });
});

describe('o2SolubilityMlPerDlPerMmHg', () => {
  it('o2SolubilityMlPerDlPerMmHg is about 0.003 mL/dL/mmHg at 37 °C (Siggaard-Andersen 1984)', () => {
    expect(o2SolubilityMlPerDlPerMmHg(37, v)).toBeGreaterThanOrEqual(0.0029);
    expect(o2SolubilityMlPerDlPerMmHg(37, v)).toBeLessThanOrEqual(0.0032);
  });

  it('o2SolubilityMlPerDlPerMmHg rises by a fifth to a third from 38 to 20 °C (Hedley-Whyte & Laver 1964: +31 %)', () => {
    const ratio = o2SolubilityMlPerDlPerMmHg(20, v) / o2SolubilityMlPerDlPerMmHg(38, v);
    expect(ratio).toBeGreaterThan(1.15);
    expect(ratio).toBeLessThan(1.35);
  });
});

describe('o2ContentMlPerDl', () => {
  it('o2ContentMlPerDl of arterial blood (PO2 100 mmHg, Hb 15 g/dL, 37 °C) is about 20 mL/dL', () => {
    const content = o2ContentMlPerDl(100, 37, 15, v);
    expect(content).toBeGreaterThan(19);
    expect(content).toBeLessThan(21);
  });

  it('o2ContentMlPerDl of blood without haemoglobin is the dissolved oxygen alone', () => {
    expect(o2ContentMlPerDl(600, 37, 0, v)).toBeCloseTo(600 * o2SolubilityMlPerDlPerMmHg(37, v), 9);
    expect(o2ContentMlPerDl(0, 37, 15, v)).toBe(0);
  });

  it('o2ContentMlPerDl rises with PO2 and with haemoglobin', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 700, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 3, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 10, max: 40, noNaN: true }),
        (po2, dPo2, hb, dHb, tempC) =>
          o2ContentMlPerDl(po2 + dPo2, tempC, hb, v) > o2ContentMlPerDl(po2, tempC, hb, v) &&
          o2ContentMlPerDl(po2, tempC, hb + dHb, v) >= o2ContentMlPerDl(po2, tempC, hb, v),
      ),
    );
  });

  it('po2FromContentMmHg gives back the PO2 whose content it was given', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600, noNaN: true }),
        fc.double({ min: 3, max: 20, noNaN: true }),
        fc.double({ min: 10, max: 40, noNaN: true }),
        (po2, hb, tempC) => {
          const back = po2FromContentMmHg(o2ContentMlPerDl(po2, tempC, hb, v), tempC, hb, v);
          return Math.abs(back - po2) < 1e-6 * Math.max(1, po2);
        },
      ),
    );
  });
});

describe('aerobicFraction', () => {
  it('aerobicFraction is 0 without oxygen, half at consumptionHalfPo2MmHg and nearly 1 at a normal tissue PO2', () => {
    expect(aerobicFraction(0, v)).toBe(0);
    expect(aerobicFraction(v.consumptionHalfPo2MmHg, v)).toBeCloseTo(0.5, 9);
    expect(aerobicFraction(25, v)).toBeGreaterThan(0.95);
  });
});

describe('dryGasPressureMmHg', () => {
  it('dryGasPressureMmHg at sea level is 760 − 47 = 713 mmHg', () => {
    expect(dryGasPressureMmHg(v)).toBeCloseTo(713, 0);
  });
});
