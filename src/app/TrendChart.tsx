// Trend chart of temperatures against simulated time. d3-scale and d3-shape compute scales and
// paths; React renders the SVG. The data come from the store's columnar trend buffer, re-read only
// when its version counter changes (no copies of the series). Only the shown time window is drawn,
// thinned to about the plot's width in pixels; the y axis fits what the window shows. The odds' fan
// bands (5–95 % of plausible patients, °C in the store) are drawn behind the lines when given, and
// so are the paths the learner left by rewinding (faint dashed lines), and the moment picked to
// rewind to (a cursor).

import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { useId, useMemo } from 'react';
import type { TimedAction } from '../../models/index.ts';
import type { FanBandOverlay, LeftPath } from '../state/store.ts';
import { toDisplayUnit, unitSymbol } from '../state/units.ts';
import { TEMPERATURE_SERIES, trendIndex } from '../worker/protocol.ts';
import { useTrendChartSource } from './chartVersion.ts';
import { layoutMarkerLabels, windowTicks } from './chartTime.ts';
import { downsampleIndices, visibleRange, type TimeWindow } from './chartWindow.ts';
import {
  ActionMarkers,
  FanBandPaths,
  LeftPathLines,
  NowCursor,
  PlotClip,
  PlotGrid,
  RewindCursor,
  TimeAxis,
  TrendLines,
  clipIdOf,
  trendSpan,
  plotFrame,
  plotLine,
  type FanPaths,
  type Margin,
} from './chartParts.tsx';
import { leftPathExtent, leftPathPlots, leftPathRanges } from './leftPaths.ts';
import { SERIES_STYLE } from './series.ts';
import { useAppStore } from './store-context.tsx';

export type { Margin } from './chartParts.tsx';

export const DEFAULT_MARGIN: Margin = { top: 22, right: 20, bottom: 40, left: 56 };

export interface TrendChartProps {
  width?: number;
  height?: number;
  margin?: Partial<Margin>;
  /** Keys of series not drawn. */
  hidden?: ReadonlySet<string>;
  /** The time shown, s (default: 0 to the end of the time axis). */
  window?: TimeWindow;
  /** Fan bands to draw behind the lines (°C), or none. */
  fan?: FanBandOverlay | null;
  /** Paths left by rewinding, drawn faintly, or none. */
  paths?: readonly LeftPath[] | null;
  /** The moment picked to rewind to, s, or none. */
  cursorS?: number | null;
  /** The cursor's label (its time). */
  cursorLabel?: string;
}

/**
 * The body's temperature landmarks drawn as reference lines, °C: normal; shivering stops (about
 * 31.7 °C); below about 28 °C the heartbeat is unreliable; around 18–20 °C it stops.
 */
const THRESHOLDS_C = [
  { c: 37, label: 'normal' },
  { c: 32, label: 'shivering stops' },
  { c: 28, label: 'heartbeat unreliable' },
  { c: 20, label: 'heart stops' },
];

/** Shaded bands between the landmarks, °C: the colder, the deeper the shade (styles.css). */
const ZONES_C = [
  { lo: 28, hi: 32, className: 'zone-cold' },
  { lo: 20, hi: 28, className: 'zone-danger' },
  { lo: -Infinity, hi: 20, className: 'zone-arrest' },
];

const MARKED_ACTIONS: Partial<Record<TimedAction['action']['do'], string>> = {
  immerse: 'Immersed',
  extricate: 'Out of water',
  setEnvironment: 'Surroundings',
};

/** Marker label rows: the first baseline below the top of the plot, and their spacing, px. */
const MARKER_FIRST_ROW_DY = 12;
const MARKER_ROW_PX = 13;
/** Width of a character of a threshold's label (11 px text), px. */
const THRESHOLD_CHAR_PX = 6;

/** Least distance between the baselines of two threshold labels, px (11 px text). */
const THRESHOLD_LABEL_GAP_PX = 12;

/**
 * Which thresholds get a label: from the top down, each one far enough below the last labelled one
 * (a short chart squeezes 35 and 32 °C together); the others keep their line, with a tooltip.
 */
function labelThresholds<T extends { px: number }>(thresholds: readonly T[]) {
  let lastPx = -Infinity;
  return [...thresholds]
    .sort((a, b) => a.px - b.px)
    .map((th) => {
      const labelled = th.px - lastPx >= THRESHOLD_LABEL_GAP_PX;
      if (labelled) lastPx = th.px;
      return { ...th, labelled };
    });
}

/** Temperature series that may carry fan bands, in drawing order. */
const FAN_SERIES = TEMPERATURE_SERIES.filter((s) => SERIES_STYLE[s.key] !== undefined);

export function TrendChart({
  width = 860,
  height = 340,
  margin: marginProp,
  hidden,
  window: windowProp,
  fan,
  paths,
  cursorS,
  cursorLabel,
}: TrendChartProps) {
  const margin = { ...DEFAULT_MARGIN, ...marginProp };
  const unit = useAppStore((s) => s.unit);
  const { trend, endS, events, version } = useTrendChartSource();
  const clipId = clipIdOf(useId(), 'trend-clip');
  const { innerW, innerH, x0, x1, y0, y1 } = plotFrame(width, height, margin);
  const wT0 = windowProp?.t0;
  const wT1 = windowProp?.t1;

  const chart = useMemo(() => {
    void version; // the buffer is mutable: its version is what changes
    const { t, n, lastT, shown, x, start, end } = trendSpan(trend, wT0, wT1, endS, x0, x1);

    const visible = TEMPERATURE_SERIES.map((s) => ({ ...s, index: trendIndex(s.key) })).filter(
      (s) => !hidden?.has(s.key),
    );
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of visible) {
      const col = trend.series(s.index);
      for (let i = start; i < end; i++) {
        const v = col[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }

    // Fan bands of the shown series, inside the window (and one grid point either side).
    const fanTimes = fan?.bands.times ?? [];
    const fanRange = visibleRange(fanTimes, fanTimes.length, shown);
    const fanSeries = fan
      ? FAN_SERIES.flatMap((s) => {
          const band = fan.bands.bands[s.key];
          return band && !hidden?.has(s.key) ? [{ key: s.key, label: s.label, band }] : [];
        })
      : [];
    for (const { band } of fanSeries) {
      for (let i = fanRange.start; i < fanRange.end; i++) {
        if (band.p5[i]! < lo) lo = band.p5[i]!;
        if (band.p95[i]! > hi) hi = band.p95[i]!;
      }
    }
    // The paths left, inside the window.
    const pathRanges = leftPathRanges(paths, shown);
    const pathExtent = leftPathExtent(
      pathRanges,
      visible.map((s) => s.index),
    );
    lo = Math.min(lo, pathExtent.lo);
    hi = Math.max(hi, pathExtent.hi);

    if (!(lo <= hi)) {
      lo = 25;
      hi = 38;
    }
    lo = Math.min(lo - 1, 30);
    hi = Math.max(hi + 1, 38);
    const y = scaleLinear()
      .domain([toDisplayUnit(lo, unit), toDisplayUnit(hi, unit)])
      .range([y0, y1])
      .nice();
    const yOf = (c: number) => y(toDisplayUnit(c, unit));

    // About two samples per pixel column: the M4 thinning keeps up to four per bucket.
    const buckets = Math.max(1, Math.round(innerW / 2));
    const lines = visible.map((s) => {
      const values = trend.series(s.index);
      const indices = downsampleIndices(t, values, start, end, shown, buckets);
      return plotLine(s.key, s.label, t, values, indices, n, x, yOf);
    });

    const leftPaths = leftPathPlots(
      pathRanges,
      visible.map((s) => ({ key: s.key, label: s.label, index: s.index, y: yOf })),
      shown,
      x,
      buckets,
    );

    const fanIndices = Array.from(
      { length: fanRange.end - fanRange.start },
      (_, k) => fanRange.start + k,
    );
    const fans: FanPaths[] = fanSeries.map(({ key, label, band }) => ({
      key,
      label,
      band:
        area<number>()
          .defined((i) => Number.isFinite(band.p5[i]!) && Number.isFinite(band.p95[i]!))
          .x((i) => x(fanTimes[i]!))
          .y0((i) => yOf(band.p5[i]!))
          .y1((i) => yOf(band.p95[i]!))(fanIndices) ?? '',
      median:
        line<number>()
          .defined((i) => Number.isFinite(band.p50[i]!))
          .x((i) => x(fanTimes[i]!))
          .y((i) => yOf(band.p50[i]!))(fanIndices) ?? '',
    }));

    const xTicks = windowTicks(shown.t0, shown.t1, innerW);
    const yTicks = y.ticks(Math.max(3, Math.floor(innerH / 40)));
    const [dLo, dHi] = y.domain() as [number, number];
    const thresholds = THRESHOLDS_C.map((th) => ({ ...th, v: toDisplayUnit(th.c, unit) })).filter(
      (th) => th.v > dLo && th.v < dHi,
    );
    const inWindow = (s: number) => s >= shown.t0 - 1e-9 && s <= shown.t1 + 1e-9;
    const zones = ZONES_C.map((z) => ({
      className: z.className,
      top: Math.min(dHi, z.hi === Infinity ? dHi : toDisplayUnit(z.hi, unit)),
      bottom: Math.max(dLo, z.lo === -Infinity ? dLo : toDisplayUnit(z.lo, unit)),
    }))
      .filter((z) => z.top > z.bottom)
      .map((z) => ({ className: z.className, y: y(z.top), h: y(z.bottom) - y(z.top) }));
    return {
      lines,
      leftPaths,
      fans,
      zones,
      nowX: n > 0 && inWindow(lastT) ? x(lastT) : null,
      xTicks: xTicks.map((v) => ({ v, px: x(v) })),
      yTicks: yTicks.map((v) => ({ v, px: y(v) })),
      thresholds: labelThresholds(thresholds.map((th) => ({ ...th, px: y(th.v) }))),
      xOf: (s: number) => x(s),
      inWindow,
    };
  }, [trend, version, unit, endS, hidden, fan, paths, wT0, wT1, x0, x1, y0, y1, innerW, innerH]);

  // Marker labels sit in rows at the top of the plot, where the threshold labels may be too: a
  // label that would cross one goes to another row, or is left out.
  const thresholdBoxes = chart.thresholds
    .filter((th) => th.labelled)
    .map((th) => {
      const chars = `${th.label} ${th.v.toFixed(0)}${unitSymbol(unit)}`.length;
      return { left: x1 - 4 - chars * THRESHOLD_CHAR_PX, top: th.px - 14, bottom: th.px - 1 };
    });
  const markers = layoutMarkerLabels(
    events
      .filter((e) => MARKED_ACTIONS[e.action.do] !== undefined && chart.inWindow(e.atS))
      .map((e) => ({ id: e.id, px: chart.xOf(e.atS), label: MARKED_ACTIONS[e.action.do]! })),
    2,
    undefined,
    (row, _start, end) => {
      if (end > x1) return true; // inside the plot
      const baseline = y1 + MARKER_FIRST_ROW_DY + row * MARKER_ROW_PX;
      return thresholdBoxes.some(
        (b) => end > b.left && baseline + 2 > b.top && baseline - 10 < b.bottom,
      );
    },
    x0,
  );

  return (
    <svg
      className="trend-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="trend-title"
      data-testid="trend-chart"
    >
      <title id="trend-title">Temperatures against simulated time, in {unitSymbol(unit)}</title>
      <PlotClip id={clipId} x0={x0} x1={x1} y0={y0} y1={y1} />
      <PlotGrid x0={x0} x1={x1} y0={y0} y1={y1} xTicks={chart.xTicks} yTicks={chart.yTicks} />
      <g className="zones" aria-hidden="true">
        {chart.zones.map((z) => (
          <rect
            key={z.className}
            className={z.className}
            x={x0}
            y={z.y}
            width={innerW}
            height={z.h}
          />
        ))}
      </g>
      <FanBandPaths fans={chart.fans} styles={SERIES_STYLE} clipPath={`url(#${clipId})`} />
      <g className="thresholds">
        {chart.thresholds.map((th) => {
          const text = `${th.label} ${th.v.toFixed(0)}${unitSymbol(unit)}`;
          return (
            <g key={th.c}>
              <line x1={x0} x2={x1} y1={th.px} y2={th.px}>
                <title>{text}</title>
              </line>
              {th.labelled && (
                <text x={x1 - 4} y={th.px - 4} textAnchor="end">
                  {text}
                </text>
              )}
            </g>
          );
        })}
      </g>
      <ActionMarkers
        markers={markers}
        y0={y0}
        y1={y1}
        firstRowDy={MARKER_FIRST_ROW_DY}
        rowHeight={MARKER_ROW_PX}
      />
      <TimeAxis
        ticks={chart.xTicks}
        x0={x0}
        x1={x1}
        y0={y0}
        labelDy={18}
        caption="Simulated time (h:mm)"
      />
      <line x1={x0} x2={x1} y1={y0} y2={y0} />
      <g className="axis axis-y" aria-hidden="true">
        <line x1={x0} x2={x0} y1={y1} y2={y0} />
        {chart.yTicks.map((t) => (
          <g key={t.v} transform={`translate(${x0},${t.px})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {t.v}
            </text>
          </g>
        ))}
        <text className="axis-label" x={x0} y={y1 - 8} textAnchor="start" data-testid="y-unit">
          {unitSymbol(unit)}
        </text>
      </g>
      <LeftPathLines paths={chart.leftPaths} styles={SERIES_STYLE} clipPath={`url(#${clipId})`} />
      <TrendLines
        lines={chart.lines}
        styles={SERIES_STYLE}
        strokeWidth={1.75}
        clipPath={`url(#${clipId})`}
      />
      <NowCursor x={chart.nowX} y0={y0} y1={y1} lines={chart.lines} styles={SERIES_STYLE} />
      <RewindCursor
        x={
          cursorS !== null && cursorS !== undefined && chart.inWindow(cursorS)
            ? chart.xOf(cursorS)
            : null
        }
        y0={y0}
        y1={y1}
        {...(cursorLabel !== undefined ? { label: cursorLabel } : {})}
      />
    </svg>
  );
}
