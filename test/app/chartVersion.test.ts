import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { throttledTrendVersion } from '../../src/app/chartVersion.ts';
import type { AppStore } from '../../src/state/store.ts';

function fakeStore() {
  const store = createStore<{ trendVersion: number }>()(() => ({ trendVersion: 0 }));
  const bump = () => store.setState((s) => ({ trendVersion: s.trendVersion + 1 }));
  return { store: store as unknown as Pick<AppStore, 'getState' | 'subscribe'>, bump };
}

describe('chart redraw throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the first change at once, then at most one per interval, always ending on the latest', () => {
    const { store, bump } = fakeStore();
    const source = throttledTrendVersion(store, 100, () => Date.now());
    const seen: number[] = [];
    const unsubscribe = source.subscribe(() => seen.push(source.get()));
    bump();
    expect(seen).toEqual([1]);
    // 25 ticks a second for a second: about ten redraws, not 25.
    for (let i = 0; i < 25; i++) {
      vi.advanceTimersByTime(40);
      bump();
    }
    vi.advanceTimersByTime(200);
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(12);
    expect(seen.at(-1)).toBe(26);
    expect(source.get()).toBe(26);
    // Increasing versions only, never the same twice.
    expect(seen.every((v, i) => i === 0 || v > seen[i - 1]!)).toBe(true);
    unsubscribe();
    bump();
    vi.advanceTimersByTime(200);
    expect(seen.at(-1)).toBe(26);
  });

  it('draws a lone change (a step, a reset) at once after a quiet spell', () => {
    const { store, bump } = fakeStore();
    const source = throttledTrendVersion(store, 100, () => Date.now());
    const seen: number[] = [];
    source.subscribe(() => seen.push(source.get()));
    bump();
    vi.advanceTimersByTime(500);
    bump();
    expect(seen).toEqual([1, 2]);
  });
});
