import { describe, expect, it } from 'vitest';
import { timeAxisEndS } from '../../src/app/chartTime.ts';

describe('the time axis', () => {
  it('spans the scenario, or the run when it outlasts it', () => {
    expect(timeAxisEndS(3 * 3600, 0)).toBe(3 * 3600);
    expect(timeAxisEndS(300, 0)).toBe(600);
    expect(timeAxisEndS(3600, 4000)).toBe(4000);
  });

  it('grows with an open-ended run, by half hours ahead of it', () => {
    expect(timeAxisEndS(0, 0)).toBe(1800);
    expect(timeAxisEndS(0, 1799)).toBe(1800);
    expect(timeAxisEndS(0, 1800)).toBe(3600);
    expect(timeAxisEndS(0, 5 * 3600 + 10)).toBe(5.5 * 3600);
  });
});
