// The shown time window of the trend charts (zoom and pan) and the downsampling of what it shows.
// Pure functions, no DOM: the trend panel keeps a view (everything, following the live end, or held
// in place), turns it into a window of simulated time for both charts, and the charts draw only the
// samples inside it, thinned to about their width in pixels.

import { timeAxisEndS } from './chartTime.ts';

/** A span of simulated time, s: t0 < t1. */
export interface TimeWindow {
  readonly t0: number;
  readonly t1: number;
}

/**
 * What the charts show:
 * - `all`: the whole extent (it grows with an open-ended run, so new data stays in view);
 * - `live`: a window of `widthS` that moves with the latest sample, which stays `aheadS` from its
 *   right edge (the user zoomed or panned with the live end in view);
 * - `held`: a fixed window (the user zoomed or panned into the past): it stays put as the run goes on.
 */
export type TrendView =
  | { readonly kind: 'all' }
  | { readonly kind: 'live'; readonly widthS: number; readonly aheadS: number }
  | { readonly kind: 'held'; readonly t0: number; readonly t1: number };

export const SHOW_ALL: TrendView = { kind: 'all' };

/** Narrowest window, s (the trend has a sample every second). */
export const MIN_WINDOW_S = 120;

/** Share of the window left to the right of the latest sample when "Live" is pressed. */
export const LIVE_AHEAD_FRACTION = 0.1;

/**
 * The window moved (keeping its width) and narrowed as needed to lie within the extent, and widened
 * to at least `minWidthS` (or the whole extent when that is shorter).
 */
export function clampWindow(
  window: TimeWindow,
  extent: TimeWindow,
  minWidthS = MIN_WINDOW_S,
): TimeWindow {
  const extentWidth = extent.t1 - extent.t0;
  const width = Math.min(extentWidth, Math.max(minWidthS, window.t1 - window.t0));
  let t0 = window.t0;
  if (t0 < extent.t0) t0 = extent.t0;
  if (t0 + width > extent.t1) t0 = extent.t1 - width;
  return { t0, t1: t0 + width };
}

/**
 * Zooms by `factor` (below 1 zooms in) about `anchorS`: the time under the anchor stays where it is
 * on screen, unless clamping to the extent or to the narrowest window has to move it.
 */
export function zoomWindow(
  window: TimeWindow,
  factor: number,
  anchorS: number,
  extent: TimeWindow,
  minWidthS = MIN_WINDOW_S,
): TimeWindow {
  const width = window.t1 - window.t0;
  const extentWidth = extent.t1 - extent.t0;
  const newWidth = Math.min(
    extentWidth,
    Math.max(Math.min(minWidthS, extentWidth), width * factor),
  );
  const anchor = Math.min(window.t1, Math.max(window.t0, anchorS));
  const share = width > 0 ? (anchor - window.t0) / width : 0.5;
  const t0 = anchor - share * newWidth;
  return clampWindow({ t0, t1: t0 + newWidth }, extent, minWidthS);
}

/** Moves the window by `deltaS` (later when positive), keeping its width, within the extent. */
export function panWindow(window: TimeWindow, deltaS: number, extent: TimeWindow): TimeWindow {
  return clampWindow(
    { t0: window.t0 + deltaS, t1: window.t1 + deltaS },
    extent,
    Math.min(window.t1 - window.t0, MIN_WINDOW_S),
  );
}

/** The window a view shows, given the extent of the data and the time of the latest sample. */
export function resolveView(view: TrendView, extent: TimeWindow, lastS: number): TimeWindow {
  switch (view.kind) {
    case 'all':
      return extent;
    case 'live': {
      const t1 = lastS + view.aheadS;
      return clampWindow({ t0: t1 - view.widthS, t1 }, extent);
    }
    case 'held':
      return clampWindow(view, extent);
  }
}

/**
 * The view after the user moved the window (zoom or pan): everything when it covers the extent;
 * following the live end when the latest sample is in it (at the same place on screen); else held.
 * A following window that starts at the beginning stays there until the data reach its last tenth,
 * then moves with them (as a strip chart does).
 */
export function viewOfWindow(window: TimeWindow, extent: TimeWindow, lastS: number): TrendView {
  const w = clampWindow(window, extent);
  const width = w.t1 - w.t0;
  const slack = 1e-6 * Math.max(1, extent.t1 - extent.t0);
  if (w.t0 <= extent.t0 + slack && w.t1 >= extent.t1 - slack) return SHOW_ALL;
  if (lastS >= w.t0 - slack && lastS <= w.t1 + slack) {
    const ahead = w.t1 - lastS;
    // At the start, any smaller lead resolves to the same window (clamped to the start).
    const aheadS = w.t0 <= extent.t0 + slack ? Math.min(ahead, LIVE_AHEAD_FRACTION * width) : ahead;
    return { kind: 'live', widthS: width, aheadS };
  }
  return { kind: 'held', t0: w.t0, t1: w.t1 };
}

/** Following the live end at the current width, the latest sample near the right edge. */
export function liveView(window: TimeWindow, extent: TimeWindow, lastS: number): TrendView {
  const width = window.t1 - window.t0;
  const t1 = lastS + LIVE_AHEAD_FRACTION * width;
  return viewOfWindow({ t0: t1 - width, t1 }, extent, lastS);
}

/** The zoom factor of one wheel event: 2 for about three notches of a mouse wheel down. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * 800 : deltaY;
  return Math.min(2, Math.max(0.5, 2 ** (px / 300)));
}

/** First index whose time is ≥ t in a sorted array of n times (n when there is none). */
export function lowerBound(time: ArrayLike<number>, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The indices [start, end) of the samples to draw for a window: those inside it and one on each
 * side, so the lines run to the edges of the plot (which clips them).
 */
export function visibleRange(
  time: ArrayLike<number>,
  n: number,
  window: TimeWindow,
): { start: number; end: number } {
  const start = Math.max(0, lowerBound(time, n, window.t0) - 1);
  const end = Math.min(n, lowerBound(time, n, window.t1) + 1);
  return { start, end: Math.max(start, end) };
}

/**
 * The samples of one series to draw in [start, end), at most about four per bucket: the window is cut
 * into `buckets` equal spans of time and each keeps its first, lowest, highest and last sample, so
 * peaks and troughs survive thinning (the "M4" method). When there are few samples, all of them.
 */
export function downsampleIndices(
  time: ArrayLike<number>,
  values: ArrayLike<number>,
  start: number,
  end: number,
  window: TimeWindow,
  buckets: number,
): Uint32Array {
  const count = end - start;
  const b = Math.max(1, Math.floor(buckets));
  if (count <= 4 * b) {
    const all = new Uint32Array(Math.max(0, count));
    for (let i = 0; i < count; i++) all[i] = start + i;
    return all;
  }
  const out = new Uint32Array(4 * b + 4);
  let k = 0;
  const push = (i: number) => {
    if (k === 0 || out[k - 1]! < i) out[k++] = i;
  };
  const span = window.t1 - window.t0 || 1;
  let i = start;
  // Samples before the window (one at most) and after it go into the first and last bucket.
  while (i < end) {
    const bucket = Math.min(b - 1, Math.max(0, Math.floor(((time[i]! - window.t0) / span) * b)));
    const first = i;
    let last = i;
    let minI = -1;
    let maxI = -1;
    for (; i < end; i++) {
      const bi = Math.min(b - 1, Math.max(0, Math.floor(((time[i]! - window.t0) / span) * b)));
      if (bi !== bucket) break;
      last = i;
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (minI < 0 || v < values[minI]!) minI = i;
      if (maxI < 0 || v > values[maxI]!) maxI = i;
    }
    push(first);
    if (minI >= 0 && maxI >= 0) {
      push(Math.min(minI, maxI));
      push(Math.max(minI, maxI));
    }
    push(last);
  }
  return out.subarray(0, k);
}

/**
 * Everything the charts can show, s: from 0 to the time axis's end (the scenario's end, or ahead of
 * an open-ended run), and on to the end of the fan bands when they are drawn and reach further.
 */
export function trendExtent(endS: number, lastS: number, fanEndS = 0): TimeWindow {
  return { t0: 0, t1: Math.max(timeAxisEndS(endS, lastS), fanEndS) };
}

/** The window as text, "1:20–2:05" (h:mm), or with seconds when it is narrower than 10 minutes. */
export function describeWindow(window: TimeWindow): string {
  const precise = window.t1 - window.t0 < 600;
  const format = (s: number) => {
    const total = Math.max(0, Math.round(precise ? s : s / 60));
    if (precise) {
      const h = Math.floor(total / 3600);
      const m = Math.floor(total / 60) % 60;
      return `${h}:${String(m).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
    }
    return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  };
  return `${format(window.t0)}–${format(window.t1)}`;
}
