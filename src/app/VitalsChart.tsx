// Trend chart of vital signs against simulated time: heart rate on the left axis (/min), SpO₂ and
// the viable share of brain cells on the right axis (%). Same time axis and margins as the
// temperature chart above it, so the two line up (and the same zoomed window); bedside actions are
// marked where they happened. Only the shown window is drawn, thinned to about its width in pixels.
// The paths left by rewinding are drawn faintly behind the lines, and the moment picked to rewind to
// as a cursor, as on the temperature chart.

import { scaleLinear } from 'd3-scale';
import { useId, useMemo } from 'react';
import type { TimedAction } from '../../models/index.ts';
import type { LeftPath } from '../state/store.ts';
import { VITAL_SERIES, trendIndex } from '../worker/protocol.ts';
import { useTrendChartSource } from './chartVersion.ts';
import { layoutMarkerLabels, windowTicks } from './chartTime.ts';
import { downsampleIndices, type TimeWindow } from './chartWindow.ts';
import {
  ActionMarkers,
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
} from './chartParts.tsx';
import { leftPathExtent, leftPathPlots, leftPathRanges } from './leftPaths.ts';
import { FALLBACK_STYLE, VITAL_STYLE } from './series.ts';
import type { Margin } from './TrendChart.tsx';

export interface VitalsChartProps {
  width: number;
  height: number;
  margin: Margin;
  /** The time shown, s (default: 0 to the end of the time axis). */
  window?: TimeWindow;
  /** Paths left by rewinding, drawn faintly, or none. */
  paths?: readonly LeftPath[] | null;
  /** The moment picked to rewind to, s, or none. */
  cursorS?: number | null;
}

const MARKED_ACTIONS: Partial<Record<TimedAction['action']['do'], string>> = {
  stopBreathing: 'Apnoea',
  resumeBreathing: 'Airway',
  cardiacArrest: 'Arrest',
  startCpr: 'CPR',
  stopCpr: 'CPR off',
  ventilate: 'Vent',
  stopVentilation: 'Vent off',
  defibrillate: 'Shock',
};

/** Heart-rate axis ceiling at least, /min. */
const MIN_HR_TOP = 120;

export function VitalsChart({
  width,
  height,
  margin,
  window: windowProp,
  paths,
  cursorS,
}: VitalsChartProps) {
  const { trend, endS, events, version } = useTrendChartSource();
  const clipId = clipIdOf(useId(), 'vitals-clip');
  const { innerW, innerH, x0, x1, y0, y1 } = plotFrame(width, height, margin);
  const wT0 = windowProp?.t0;
  const wT1 = windowProp?.t1;

  const chart = useMemo(() => {
    void version; // the buffer is mutable: its version is what changes
    const { t, n, lastT, shown, x, start, end } = trendSpan(trend, wT0, wT1, endS, x0, x1);

    const hrIndex = trendIndex('heartRateBpm');
    const hrCol = trend.series(hrIndex);
    let hrMax = 0;
    for (let i = start; i < end; i++) if (hrCol[i]! > hrMax) hrMax = hrCol[i]!;
    const pathRanges = leftPathRanges(paths, shown);
    hrMax = Math.max(hrMax, leftPathExtent(pathRanges, [hrIndex]).hi);
    const yHr = scaleLinear()
      .domain([0, Math.max(MIN_HR_TOP, Math.ceil(hrMax / 20) * 20)])
      .range([y0, y1]);
    const yPct = scaleLinear().domain([0, 100]).range([y0, y1]);

    const buckets = Math.max(1, Math.round(innerW / 2));
    const lines = VITAL_SERIES.map((s) => {
      const values = trend.series(trendIndex(s.key));
      return plotLine(
        s.key,
        s.label,
        t,
        values,
        downsampleIndices(t, values, start, end, shown, buckets),
        n,
        x,
        s.unit === '/min' ? (v) => yHr(v) : (v) => yPct(v * 100),
      );
    });

    const leftPaths = leftPathPlots(
      pathRanges,
      VITAL_SERIES.map((s) => ({
        key: s.key,
        label: s.label,
        index: trendIndex(s.key),
        y: s.unit === '/min' ? (v: number) => yHr(v) : (v: number) => yPct(v * 100),
      })),
      shown,
      x,
      buckets,
    );

    const tickCount = Math.max(2, Math.min(5, Math.floor(innerH / 28)));
    const inWindow = (s: number) => s >= shown.t0 - 1e-9 && s <= shown.t1 + 1e-9;
    return {
      lines,
      leftPaths,
      nowX: n > 0 && inWindow(lastT) ? x(lastT) : null,
      xTicks: windowTicks(shown.t0, shown.t1, innerW).map((v) => ({ v, px: x(v) })),
      hrTicks: yHr.ticks(tickCount).map((v) => ({ v, px: yHr(v) })),
      pctTicks: yPct.ticks(tickCount).map((v) => ({ v, px: yPct(v) })),
      xOf: (s: number) => x(s),
      inWindow,
    };
  }, [trend, version, endS, paths, wT0, wT1, x0, x1, y0, y1, innerW, innerH]);

  const markers = layoutMarkerLabels(
    events
      .filter((e) => MARKED_ACTIONS[e.action.do] !== undefined && chart.inWindow(e.atS))
      .map((e) => ({ id: e.id, px: chart.xOf(e.atS), label: MARKED_ACTIONS[e.action.do]! })),
    // Rows of labels (12 px each, at most 4): a short chart (a small screen, the rewind row above)
    // still shows every action marked close together.
    Math.max(1, Math.min(4, Math.floor((y0 - y1) / 14))),
    undefined,
    (_row, _start, end) => end > x1, // labels stay inside the plot, clear of the % axis
    x0,
  );

  const hrColor = VITAL_STYLE.heartRateBpm?.color ?? FALLBACK_STYLE.color;
  const pctColor = VITAL_STYLE.arterialSat?.color ?? FALLBACK_STYLE.color;

  return (
    <svg
      className="trend-chart vitals-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="vitals-title"
      data-testid="vitals-chart"
    >
      <title id="vitals-title">
        Heart rate (per minute), SpO₂ and brain cells viable (per cent) against simulated time
      </title>
      <PlotClip id={clipId} x0={x0} x1={x1} y0={y0} y1={y1} />
      <PlotGrid x0={x0} x1={x1} y0={y0} y1={y1} xTicks={chart.xTicks} yTicks={chart.pctTicks} />
      <ActionMarkers markers={markers} y0={y0} y1={y1} firstRowDy={11} rowHeight={12} />
      <TimeAxis ticks={chart.xTicks} x0={x0} x1={x1} y0={y0} labelDy={17} />
      <g className="axis axis-y" aria-hidden="true">
        <line x1={x0} x2={x0} y1={y1} y2={y0} />
        {chart.hrTicks.map((t) => (
          <g key={t.v} transform={`translate(${x0},${t.px})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end" style={{ fill: hrColor }}>
              {t.v}
            </text>
          </g>
        ))}
        <text
          className="axis-label"
          x={x0}
          y={y1 - 7}
          textAnchor="end"
          dx={-6}
          style={{ fill: hrColor }}
        >
          /min
        </text>
      </g>
      <g className="axis axis-y-right" aria-hidden="true">
        <line x1={x1} x2={x1} y1={y1} y2={y0} />
        {chart.pctTicks.map((t) => (
          <g key={t.v} transform={`translate(${x1},${t.px})`}>
            <line x2={5} />
            <text x={8} dy="0.32em" textAnchor="start" style={{ fill: pctColor }}>
              {t.v}
            </text>
          </g>
        ))}
        <text
          className="axis-label"
          x={x1}
          y={y1 - 7}
          textAnchor="start"
          dx={6}
          style={{ fill: pctColor }}
        >
          %
        </text>
      </g>
      <LeftPathLines paths={chart.leftPaths} styles={VITAL_STYLE} clipPath={`url(#${clipId})`} />
      <TrendLines
        lines={chart.lines}
        styles={VITAL_STYLE}
        strokeWidth={2}
        clipPath={`url(#${clipId})`}
      />
      <NowCursor x={chart.nowX} y0={y0} y1={y1} lines={chart.lines} styles={VITAL_STYLE} />
      <RewindCursor
        x={
          cursorS !== null && cursorS !== undefined && chart.inWindow(cursorS)
            ? chart.xOf(cursorS)
            : null
        }
        y0={y0}
        y1={y1}
      />
    </svg>
  );
}
