// Structural equality of the panels' views: what counts as the same content, and what does not;
// a panel's view is the same for ticks that change nothing it shows (so it does not re-render).

import { describe, expect, it } from 'vitest';
import { selectMonitor } from '../../src/state/patient.ts';
import { sameData } from '../../src/state/sameData.ts';
import { fakeSnapshot } from '../helpers.ts';

describe('sameData', () => {
  it('finds nested plain data with the same content equal', () => {
    const view = () => ({ tone: 'warn', probes: [{ id: 'core', value: '31.2' }], note: null });
    expect(sameData(view(), view())).toBe(true);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });

  it('tells apart a changed leaf, a missing key, a longer list and a list from an object', () => {
    const a = { probes: [{ id: 'core', value: '31.2' }] };
    expect(sameData(a, { probes: [{ id: 'core', value: '31.1' }] })).toBe(false);
    expect(sameData({ x: 1, y: undefined }, { x: 1, z: undefined })).toBe(false);
    expect(sameData({ x: 1 }, { x: 1, y: 2 })).toBe(false);
    expect(sameData([1], [1, 2])).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(1, '1')).toBe(false);
  });
});

describe('a panel view compared by content', () => {
  it('is the same for two ticks that change no number the monitor shows, and not when one does', () => {
    const before = selectMonitor(fakeSnapshot({ tS: 10, heartRateBpm: 42.2 }), 'C');
    const later = selectMonitor(fakeSnapshot({ tS: 12, heartRateBpm: 42.3 }), 'C');
    const changed = selectMonitor(fakeSnapshot({ tS: 14, heartRateBpm: 44 }), 'C');
    expect(sameData(before, later)).toBe(true);
    expect(sameData(before, changed)).toBe(false);
  });
});
