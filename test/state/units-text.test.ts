import { describe, expect, it } from 'vitest';
import { temperaturesInText } from '../../src/state/units.ts';

describe('temperatures in sentences', () => {
  it('leaves °C text alone', () => {
    const text = 'The brain at 24.3 °C.';
    expect(temperaturesInText(text, 'C')).toBe(text);
  });

  it('converts temperatures, ranges and negative values to °F', () => {
    expect(temperaturesInText('with the brain at 24.3 °C and the heart at 30 °C', 'F')).toBe(
      'with the brain at 75.7 °F and the heart at 86 °F',
    );
    expect(temperaturesInText('below about 31–32 °C', 'F')).toBe('below about 87.8–89.6 °F');
    expect(temperaturesInText('air −5 °C, water -2 °C', 'F')).toBe('air 23 °F, water 28.4 °F');
    expect(temperaturesInText('Never warmer than 37 °C.', 'F')).toBe('Never warmer than 98.6 °F.');
  });

  it('scales differences and rates without the offset', () => {
    expect(temperaturesInText('a gradient within 10 °C', 'F')).toBe('a gradient within 18 °F');
    expect(
      temperaturesInText('rewarm by at most 4 °C above the venous blood and 0.5 °C/min', 'F'),
    ).toBe('rewarm by at most 7.2 °F above the venous blood and 0.9 °F/min');
    expect(temperaturesInText('3.3 °C lower 42 min later', 'F')).toBe('5.9 °F lower 42 min later');
  });
});
