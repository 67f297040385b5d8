// The time axis shared by the trend charts: unzoomed, both span 0 … max(scenario end, last sample,
// 10 min); zoomed, the same window (chartWindow.ts). So the temperature and vital-sign charts line up
// when they have the same width and margins.

/** Tick spacings tried, s of simulated time. */
const TIME_STEPS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** Spacing of the open-ended axis's right end, s: it grows by half hours ahead of the run. */
const OPEN_ENDED_STEP_S = 1800;

/**
 * Right end of the time axis, s: the scenario's end; for an open-ended run (endS 0) the next half
 * hour after the latest sample, so the axis grows with the run.
 */
export function timeAxisEndS(endS: number, lastSampleS: number): number {
  if (endS > 0) return Math.max(endS, lastSampleS, 600);
  return Math.max(600, Math.ceil((lastSampleS + 1) / OPEN_ENDED_STEP_S) * OPEN_ENDED_STEP_S);
}

/** Tick times, s: the smallest spacing that leaves at least ~70 px between ticks. */
export function timeTicks(maxT: number, innerWidthPx: number): number[] {
  return windowTicks(0, maxT, innerWidthPx);
}

/**
 * Tick times within [t0, t1], s (a zoomed window): multiples of the smallest spacing that leaves at
 * least ~70 px between ticks.
 */
export function windowTicks(t0: number, t1: number, innerWidthPx: number): number[] {
  const maxTicks = Math.max(2, Math.floor(innerWidthPx / 70));
  const span = Math.max(0, t1 - t0);
  const step = TIME_STEPS_S.find((s) => span / s <= maxTicks) ?? TIME_STEPS_S.at(-1)!;
  const ticks: number[] = [];
  const first = Math.ceil((t0 - 1e-9) / step) * step || 0; // never -0
  for (let v = first; v <= t1 + 1e-9; v += step) ticks.push(v);
  return ticks;
}

export interface MarkerLabel<T> {
  readonly marker: T;
  /** Row of the label from the top of the plot, or null when there is no room for it. */
  readonly row: number | null;
  /** Which side of its line the label is on (left when the right is taken, e.g. near the edge). */
  readonly side: 'right' | 'left';
}

/**
 * Places marker labels in rows at the top of a plot so they never overlap: each label goes into
 * the first row where it fits right of its line after the row's previous label (and where
 * `blocked`, if given, does not say something else is drawn there, e.g. a threshold's label); else
 * into the first row where it fits left of its line; when no row has room near that time, the label
 * is left out (the marker line stays, with its name as a tooltip).
 */
export function layoutMarkerLabels<T extends { px: number; label: string }>(
  markers: readonly T[],
  rows: number,
  charWidthPx = 6.6,
  blocked?: (row: number, startPx: number, endPx: number) => boolean,
  minPx = -Infinity,
): MarkerLabel<T>[] {
  const rowEnds: number[] = Array.from({ length: Math.max(1, rows) }, () => -Infinity);
  const free = (row: number, start: number, end: number) =>
    rowEnds[row]! + 4 <= start && start >= minPx && !(blocked?.(row, start, end) ?? false);
  return [...markers]
    .sort((a, b) => a.px - b.px)
    .map((marker) => {
      const width = marker.label.length * charWidthPx;
      const right = { start: marker.px + 3, end: marker.px + 3 + width };
      const left = { start: marker.px - 3 - width, end: marker.px - 3 };
      let row = rowEnds.findIndex((_, r) => free(r, right.start, right.end));
      let side: 'right' | 'left' = 'right';
      if (row < 0) {
        row = rowEnds.findIndex((_, r) => free(r, left.start, left.end));
        side = 'left';
      }
      if (row < 0) return { marker, row: null, side: 'right' as const };
      rowEnds[row] = side === 'right' ? right.end : left.end;
      return { marker, row, side };
    });
}
