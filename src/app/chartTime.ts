// The time axis shared by the trend charts: both span 0 … max(scenario end, last sample, 10 min),
// so the temperature and vital-sign charts line up when they have the same width and margins.

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
  const maxTicks = Math.max(2, Math.floor(innerWidthPx / 70));
  const step = TIME_STEPS_S.find((s) => maxT / s <= maxTicks) ?? TIME_STEPS_S.at(-1)!;
  const ticks: number[] = [];
  for (let v = 0; v <= maxT + 1e-9; v += step) ticks.push(v);
  return ticks;
}

export interface MarkerLabel<T> {
  readonly marker: T;
  /** Row of the label from the top of the plot, or null when there is no room for it. */
  readonly row: number | null;
}

/**
 * Places marker labels in rows at the top of a plot so they never overlap: each label goes into
 * the first row whose previous label ends left of it; when every row is taken near that time,
 * the label is left out (the marker line stays, with its name as a tooltip).
 */
export function layoutMarkerLabels<T extends { px: number; label: string }>(
  markers: readonly T[],
  rows: number,
  charWidthPx = 6.6,
): MarkerLabel<T>[] {
  const rowEnds: number[] = Array.from({ length: Math.max(1, rows) }, () => -Infinity);
  return [...markers]
    .sort((a, b) => a.px - b.px)
    .map((marker) => {
      const start = marker.px + 3;
      const row = rowEnds.findIndex((end) => end + 4 <= start);
      if (row < 0) return { marker, row: null };
      rowEnds[row] = start + marker.label.length * charWidthPx;
      return { marker, row };
    });
}
