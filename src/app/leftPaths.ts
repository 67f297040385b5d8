// The paths a learner left by rewinding, as the trend charts draw them (faintly) and describe them
// in words (for the legend and screen readers). The store keeps each path's trace (worker).

import { scaleLinear } from 'd3-scale';
import type { LeftPath } from '../state/store.ts';
import type { TrendBuffer } from '../state/trendBuffer.ts';
import {
  formatClock,
  formatPercent,
  formatTemperature,
  type TemperatureUnit,
} from '../state/units.ts';
import { trendIndex } from '../worker/protocol.ts';
import { downsampleIndices, visibleRange, type TimeWindow } from './chartWindow.ts';
import { plotLine, type LeftPathPlot } from './chartParts.tsx';

/** Where a path left stood when it was left, s (its trace's last sample; its branch while untraced). */
export function leftPathStopS(path: LeftPath): number | undefined {
  return path.trace?.lastTime() ?? path.branch.endS;
}

/** "Path left at 0:42:10 (rewound to 0:30:00)". */
export function leftPathTitle(path: LeftPath): string {
  const stopS = leftPathStopS(path);
  return stopS === undefined
    ? `Path left (rewound to ${formatClock(path.branch.fromS)})`
    : `Path left at ${formatClock(stopS)} (rewound to ${formatClock(path.branch.fromS)})`;
}

/** The path left in words, with where it stood when it was left (for screen readers). */
export function leftPathDescription(path: LeftPath, unit: TemperatureUnit): string {
  const trace = path.trace;
  const title = leftPathTitle(path);
  if (trace === null || trace.length === 0) return `${title}: being drawn.`;
  const last = trace.length - 1;
  const value = (key: Parameters<typeof trendIndex>[0]) => trace.series(trendIndex(key))[last]!;
  const heartRate = value('heartRateBpm');
  return `${title}: when it was left, brain ${formatTemperature(value('brainTempC'), unit)}, core ${formatTemperature(value('coreTempC'), unit)}, heart rate ${Number.isFinite(heartRate) ? Math.round(heartRate) : '—'} per minute, brain cells viable ${formatPercent(value('brainViableFraction'))}.`;
}

/** The latest time any path left reaches, s (0 without any). */
export function leftPathsEndS(paths: readonly LeftPath[] | null | undefined): number {
  let end = 0;
  for (const p of paths ?? []) end = Math.max(end, p.trace?.lastTime() ?? 0);
  return end;
}

/** The traced paths' samples inside the window: their [start, end) ranges. */
export function leftPathRanges(
  paths: readonly LeftPath[] | null | undefined,
  shown: TimeWindow,
): { path: LeftPath; trace: TrendBuffer; start: number; end: number }[] {
  return (paths ?? []).flatMap((path) => {
    const trace = path.trace;
    if (trace === null) return [];
    const { start, end } = visibleRange(trace.time(), trace.length, shown);
    return end > start ? [{ path, trace, start, end }] : [];
  });
}

/** Lowest and highest value of some series over the paths' samples in the window. */
export function leftPathExtent(
  ranges: ReturnType<typeof leftPathRanges>,
  indices: readonly number[],
): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { trace, start, end } of ranges) {
    for (const index of indices) {
      const col = trace.series(index);
      for (let i = start; i < end; i++) {
        const v = col[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  return { lo, hi };
}

/** The paths' lines of some series, thinned like the current path's. */
export function leftPathPlots(
  ranges: ReturnType<typeof leftPathRanges>,
  series: readonly { key: string; label: string; index: number; y: (v: number) => number }[],
  shown: TimeWindow,
  x: ReturnType<typeof scaleLinear<number, number>>,
  buckets: number,
): LeftPathPlot[] {
  return ranges.map(({ path, trace, start, end }) => {
    const t = trace.time();
    return {
      id: path.id,
      title: leftPathTitle(path),
      lines: series.map((s) => {
        const values = trace.series(s.index);
        return plotLine(
          s.key,
          s.label,
          t,
          values,
          downsampleIndices(t, values, start, end, shown, buckets),
          t.length,
          x,
          s.y,
        );
      }),
    };
  });
}
