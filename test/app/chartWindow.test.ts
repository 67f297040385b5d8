import { describe, expect, it } from 'vitest';
import { layoutMarkerLabels, timeTicks, windowTicks } from '../../src/app/chartTime.ts';
import {
  MIN_WINDOW_S,
  SHOW_ALL,
  clampWindow,
  describeWindow,
  downsampleIndices,
  liveView,
  panWindow,
  resolveView,
  trendExtent,
  viewOfWindow,
  visibleRange,
  wheelZoomFactor,
  zoomWindow,
} from '../../src/app/chartWindow.ts';

const EXTENT = { t0: 0, t1: 8 * 3600 };

describe('the shown window', () => {
  it('is clamped into the extent, keeping its width, and never narrower than the minimum', () => {
    expect(clampWindow({ t0: -600, t1: 1200 }, EXTENT)).toEqual({ t0: 0, t1: 1800 });
    expect(clampWindow({ t0: 28000, t1: 30000 }, EXTENT)).toEqual({ t0: 26800, t1: 28800 });
    expect(clampWindow({ t0: 1000, t1: 1010 }, EXTENT)).toEqual({
      t0: 1000,
      t1: 1000 + MIN_WINDOW_S,
    });
    // Wider than the data: all of it.
    expect(clampWindow({ t0: -5000, t1: 40000 }, EXTENT)).toEqual(EXTENT);
    // An extent shorter than the minimum width is shown whole.
    expect(clampWindow({ t0: 10, t1: 20 }, { t0: 0, t1: 60 })).toEqual({ t0: 0, t1: 60 });
  });

  it('zooms about the anchor: the time under it stays at the same place', () => {
    const w = { t0: 1000, t1: 5000 };
    const z = zoomWindow(w, 0.5, 2000, EXTENT);
    expect(z.t1 - z.t0).toBe(2000);
    // 2000 s was at a quarter of the window; it still is.
    expect((2000 - z.t0) / (z.t1 - z.t0)).toBeCloseTo(0.25, 9);
    expect(z).toEqual({ t0: 1500, t1: 3500 });
    // Zooming out again about the same point returns to the first window.
    expect(zoomWindow(z, 2, 2000, EXTENT)).toEqual(w);
  });

  it('stops zooming in at the narrowest window and out at the whole extent', () => {
    let w = { t0: 0, t1: 8 * 3600 };
    for (let i = 0; i < 20; i++) w = zoomWindow(w, 0.5, 3600, EXTENT);
    expect(w.t1 - w.t0).toBe(MIN_WINDOW_S);
    expect(w.t0).toBeLessThanOrEqual(3600);
    expect(w.t1).toBeGreaterThanOrEqual(3600);
    for (let i = 0; i < 20; i++) w = zoomWindow(w, 2, 3600, EXTENT);
    expect(w).toEqual(EXTENT);
  });

  it('zooming out near an edge is pushed back inside the extent', () => {
    const z = zoomWindow({ t0: 0, t1: 3600 }, 2, 0, EXTENT);
    expect(z).toEqual({ t0: 0, t1: 7200 });
    const end = zoomWindow({ t0: 25200, t1: 28800 }, 2, 28800, EXTENT);
    expect(end).toEqual({ t0: 21600, t1: 28800 });
  });

  it('pans by a time, keeping the width, and stops at the edges', () => {
    expect(panWindow({ t0: 3600, t1: 7200 }, 600, EXTENT)).toEqual({ t0: 4200, t1: 7800 });
    expect(panWindow({ t0: 3600, t1: 7200 }, -10000, EXTENT)).toEqual({ t0: 0, t1: 3600 });
    expect(panWindow({ t0: 3600, t1: 7200 }, 1e9, EXTENT)).toEqual({ t0: 25200, t1: 28800 });
  });
});

describe('the view: all, following the live end, or held', () => {
  const lastS = 2 * 3600;

  it('shows the whole extent when the window covers it', () => {
    expect(viewOfWindow(EXTENT, EXTENT, lastS)).toEqual(SHOW_ALL);
    expect(resolveView(SHOW_ALL, EXTENT, lastS)).toEqual(EXTENT);
  });

  it('follows the live end when it is in the window, at the same place on screen', () => {
    const view = viewOfWindow({ t0: 3600, t1: 7800 }, EXTENT, lastS);
    expect(view).toEqual({ kind: 'live', widthS: 4200, aheadS: 600 });
    // Ten minutes later the window has moved with the data.
    expect(resolveView(view, EXTENT, lastS + 600)).toEqual({ t0: 4200, t1: 8400 });
    // ... until it reaches the end of the extent.
    expect(resolveView(view, EXTENT, 8 * 3600)).toEqual({ t0: 24600, t1: 28800 });
  });

  it('a following window at the start stays there until the data near its right edge', () => {
    const view = viewOfWindow({ t0: 0, t1: 3600 }, EXTENT, 1800);
    expect(view).toEqual({ kind: 'live', widthS: 3600, aheadS: 360 });
    expect(resolveView(view, EXTENT, 1800)).toEqual({ t0: 0, t1: 3600 });
    expect(resolveView(view, EXTENT, 3240)).toEqual({ t0: 0, t1: 3600 });
    expect(resolveView(view, EXTENT, 3500)).toEqual({ t0: 260, t1: 3860 });
  });

  it('zooming in on the live end early in a long scenario shows the run from its start', () => {
    const zoomed = zoomWindow(EXTENT, 0.5, 2700, EXTENT);
    const view = liveView(zoomed, EXTENT, 2700);
    expect(resolveView(view, EXTENT, 2700)).toEqual({ t0: 0, t1: 4 * 3600 });
    expect(view.kind).toBe('live');
  });

  it('holds a window in the past still while the run goes on', () => {
    const view = viewOfWindow({ t0: 600, t1: 3600 }, EXTENT, lastS);
    expect(view).toEqual({ kind: 'held', t0: 600, t1: 3600 });
    expect(resolveView(view, EXTENT, lastS + 3600)).toEqual({ t0: 600, t1: 3600 });
  });

  it('"Live" puts the latest sample near the right edge at the same width', () => {
    const view = liveView({ t0: 600, t1: 3600 }, EXTENT, lastS);
    expect(view.kind).toBe('live');
    const w = resolveView(view, EXTENT, lastS);
    expect(w.t1 - w.t0).toBe(3000);
    expect(w.t1).toBe(lastS + 300);
  });

  it('the extent runs to the scenario end, ahead of an open-ended run, or to the fan bands', () => {
    expect(trendExtent(3 * 3600, 600)).toEqual({ t0: 0, t1: 3 * 3600 });
    expect(trendExtent(0, 2000)).toEqual({ t0: 0, t1: 3600 });
    // Fan bands of an open-ended run's ensemble reach 6 h: "show all" includes them.
    expect(trendExtent(0, 2000, 6 * 3600)).toEqual({ t0: 0, t1: 6 * 3600 });
  });

  it('describes the window in h:mm, or h:mm:ss when narrow', () => {
    expect(describeWindow({ t0: 4800, t1: 7500 })).toBe('1:20–2:05');
    expect(describeWindow({ t0: 4800, t1: 4920 })).toBe('1:20:00–1:22:00');
  });

  it('turns wheel steps into zoom factors: down zooms out, up zooms in, bounded', () => {
    expect(wheelZoomFactor(100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(-100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(100, 0) * wheelZoomFactor(-100, 0)).toBeCloseTo(1, 12);
    expect(wheelZoomFactor(3, 1)).toBe(wheelZoomFactor(120, 0));
    expect(wheelZoomFactor(1e6, 0)).toBe(2);
    expect(wheelZoomFactor(-1e6, 0)).toBe(0.5);
  });
});

describe('the samples drawn', () => {
  // Ten hours of one-second samples.
  const n = 36_000;
  const time = Float64Array.from({ length: n }, (_, i) => i);
  const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500));

  it('are those inside the window and one on each side', () => {
    expect(visibleRange(time, n, { t0: 100.5, t1: 200.5 })).toEqual({ start: 100, end: 202 });
    expect(visibleRange(time, n, { t0: 0, t1: 1e9 })).toEqual({ start: 0, end: n });
    expect(visibleRange(time, 0, { t0: 0, t1: 10 })).toEqual({ start: 0, end: 0 });
  });

  it('are all of them when there are few', () => {
    const idx = downsampleIndices(time, values, 100, 160, { t0: 100, t1: 160 }, 300);
    expect(Array.from(idx)).toEqual(Array.from({ length: 60 }, (_, i) => 100 + i));
  });

  it('are thinned to at most four per bucket, keeping first, last, peaks and troughs', () => {
    const spiky = Float64Array.from(values);
    spiky[12_345] = 50; // a one-sample spike
    spiky[23_456] = -50; // and a dip
    const idx = downsampleIndices(time, spiky, 0, n, { t0: 0, t1: n }, 300);
    expect(idx.length).toBeLessThanOrEqual(4 * 300);
    expect(idx.length).toBeGreaterThan(300);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    const kept = Array.from(idx);
    expect(kept).toContain(12_345);
    expect(kept).toContain(23_456);
    // In time order, no repeats.
    for (let i = 1; i < kept.length; i++) expect(kept[i]!).toBeGreaterThan(kept[i - 1]!);
    // The drawn range is the data's.
    const drawn = kept.map((i) => spiky[i]!);
    expect(Math.max(...drawn)).toBe(50);
    expect(Math.min(...drawn)).toBe(-50);
  });

  it('skip missing values when picking the extremes', () => {
    const gappy = Float64Array.from(values);
    for (let i = 1000; i < 2000; i++) gappy[i] = NaN;
    const idx = Array.from(downsampleIndices(time, gappy, 0, n, { t0: 0, t1: n }, 100));
    const extremes = idx.filter((i) => i > 1000 && i < 1999);
    // Inside the gap only bucket edges (first or last sample of a bucket) may be kept.
    for (const i of extremes) expect((i * 100) % n === 0 || ((i + 1) * 100) % n === 0).toBe(true);
  });
});

describe('ticks of a zoomed time axis', () => {
  it('are round times inside the window', () => {
    expect(windowTicks(4800, 7500, 300)).toEqual([5400, 6300, 7200]);
    expect(windowTicks(4830, 5010, 420)).toEqual([4860, 4920, 4980]);
  });

  it('start at zero when unzoomed, as before', () => {
    expect(timeTicks(3 * 3600, 300)).toEqual([0, 3600, 7200, 10800]);
    expect(Object.is(windowTicks(-0.5, 3600, 420)[0], 0)).toBe(true);
  });
});

describe('marker labels in a zoomed chart', () => {
  it('avoid rows where something else is drawn, and are left out when no row is free', () => {
    const markers = [
      { px: 10, label: 'Out of water' },
      { px: 300, label: 'Surroundings' },
    ];
    // Nothing in the way: both in the first row.
    expect(layoutMarkerLabels(markers, 2).map((m) => m.row)).toEqual([0, 0]);
    // A threshold's label at the right of the first row: the second marker goes one row down.
    const rightOfFirstRow = (row: number, _start: number, end: number) => row === 0 && end > 320;
    expect(layoutMarkerLabels(markers, 2, 6.6, rightOfFirstRow).map((m) => m.row)).toEqual([0, 1]);
    // ... and with both rows taken there, its label goes left of its line.
    const rightOfAll = (_row: number, _start: number, end: number) => end > 320;
    expect(layoutMarkerLabels(markers, 2, 6.6, rightOfAll).map((m) => [m.row, m.side])).toEqual([
      [0, 'right'],
      [0, 'left'],
    ]);
    // With no room left of it either (the first label is long), it has none.
    const crowded = [{ px: 10, label: 'x'.repeat(43) }, markers[1]!]; // ends at 297 px
    expect(layoutMarkerLabels(crowded, 2, 6.6, rightOfAll).map((m) => m.row)).toEqual([0, 1]);
    expect(layoutMarkerLabels(crowded, 1, 6.6, rightOfAll).map((m) => m.row)).toEqual([0, null]);
    // Nor left of the plot's left edge.
    expect(
      layoutMarkerLabels([{ px: 60, label: 'Surroundings' }], 1, 6.6, rightOfAll, 40)[0]!.row,
    ).toBe(0);
    expect(
      layoutMarkerLabels([{ px: 315, label: 'Surroundings' }], 1, 6.6, rightOfAll, 300)[0]!.row,
    ).toBeNull();
  });
});
