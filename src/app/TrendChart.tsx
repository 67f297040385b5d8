// Trend chart of temperatures against simulated time. d3-scale and d3-shape compute scales and
// paths; React renders the SVG. The data come from the store's columnar trend buffer, re-read only
// when its version counter changes (no copies of the series).

import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TimedAction } from '../../models/index.ts';
import { toDisplayUnit, unitSymbol } from '../state/units.ts';
import { TEMPERATURE_SERIES, trendIndex } from '../worker/protocol.ts';
import { layoutMarkerLabels, timeAxisEndS, timeTicks } from './chartTime.ts';
import {
  ActionMarkers,
  NowCursor,
  TimeAxis,
  TrendLines,
  plotFrame,
  plotLine,
  type Margin,
} from './chartParts.tsx';
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
}

/** Core-temperature thresholds of hypothermia drawn as reference lines, °C. */
const THRESHOLDS_C = [
  { c: 35, label: 'mild below' },
  { c: 32, label: 'moderate below' },
  { c: 28, label: 'severe below' },
];

const MARKED_ACTIONS: Partial<Record<TimedAction['action']['do'], string>> = {
  immerse: 'Immersed',
  extricate: 'Out of water',
  setEnvironment: 'Surroundings',
};

export function TrendChart({
  width = 860,
  height = 340,
  margin: marginProp,
  hidden,
}: TrendChartProps) {
  const margin = { ...DEFAULT_MARGIN, ...marginProp };
  const { trend, version, unit, endS, events } = useAppStore(
    useShallow((s) => ({
      trend: s.trend,
      version: s.trendVersion,
      unit: s.unit,
      endS: s.openEnded ? 0 : s.endS,
      events: s.events,
    })),
  );
  const { innerW, innerH, x0, x1, y0, y1 } = plotFrame(width, height, margin);

  const chart = useMemo(() => {
    void version; // the buffer is mutable: its version is what changes
    const t = trend.time();
    const n = t.length;
    const lastT = n > 0 ? t[n - 1]! : 0;
    const maxT = timeAxisEndS(endS, lastT);
    const x = scaleLinear().domain([0, maxT]).range([x0, x1]);

    const visible = TEMPERATURE_SERIES.map((s) => ({ ...s, index: trendIndex(s.key) })).filter(
      (s) => !hidden?.has(s.key),
    );
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of visible) {
      const col = trend.series(s.index);
      for (let i = 0; i < n; i++) {
        const v = col[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
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

    const lines = visible.map((s) =>
      plotLine(s.key, s.label, t, trend.series(s.index), n, x, (v) => y(toDisplayUnit(v, unit))),
    );

    const xTicks = timeTicks(maxT, innerW);
    const yTicks = y.ticks(Math.max(3, Math.floor(innerH / 40)));
    const [dLo, dHi] = y.domain() as [number, number];
    const thresholds = THRESHOLDS_C.map((th) => ({ ...th, v: toDisplayUnit(th.c, unit) })).filter(
      (th) => th.v > dLo && th.v < dHi,
    );
    return {
      lines,
      nowX: n > 0 ? x(lastT) : null,
      xTicks: xTicks.map((v) => ({ v, px: x(v) })),
      yTicks: yTicks.map((v) => ({ v, px: y(v) })),
      thresholds: thresholds.map((th) => ({ ...th, px: y(th.v) })),
      xOf: (s: number) => x(s),
    };
  }, [trend, version, unit, endS, hidden, x0, x1, y0, y1, innerW, innerH]);

  const markers = layoutMarkerLabels(
    events
      .filter((e) => MARKED_ACTIONS[e.action.do] !== undefined)
      .map((e) => ({ id: e.id, px: chart.xOf(e.atS), label: MARKED_ACTIONS[e.action.do]! })),
    2,
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
      <rect className="plot-area" x={x0} y={y1} width={innerW} height={innerH} />
      <g className="grid">
        {chart.yTicks.map((t) => (
          <line key={`gy${t.v}`} x1={x0} x2={x1} y1={t.px} y2={t.px} />
        ))}
        {chart.xTicks.map((t) => (
          <line key={`gx${t.v}`} x1={t.px} x2={t.px} y1={y1} y2={y0} />
        ))}
      </g>
      <g className="thresholds">
        {chart.thresholds.map((th) => (
          <g key={th.c}>
            <line x1={x0} x2={x1} y1={th.px} y2={th.px} />
            <text x={x1 - 4} y={th.px - 4} textAnchor="end">
              {th.label} {th.v.toFixed(0)}
              {unitSymbol(unit)}
            </text>
          </g>
        ))}
      </g>
      <ActionMarkers markers={markers} y0={y0} y1={y1} firstRowDy={12} rowHeight={13} />
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
      <TrendLines lines={chart.lines} styles={SERIES_STYLE} strokeWidth={1.75} />
      <NowCursor x={chart.nowX} y0={y0} y1={y1} lines={chart.lines} styles={SERIES_STYLE} />
    </svg>
  );
}
